import Testing

@testable import ContractKit

struct HexTests {
    @Test func encodesLowercaseAndRoundTrips() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa0, 0xff, 0x7e]
        #expect(Hex.encode(bytes) == "000fa0ff7e")
        #expect(Hex.decode("000fa0ff7e") == bytes)
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.decode("") == [])
    }

    @Test(arguments: ["abc", "0g", "zz", " 00", "0x00", "é0"])
    func rejectsNonHex(text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test func acceptsUppercaseButReportsCase() {
        #expect(Hex.decode("ABcd") == [0xab, 0xcd])
        #expect(!Hex.isLowercaseHex("ABcd"))
        #expect(Hex.isLowercaseHex("abcd09"))
        #expect(!Hex.isLowercaseHex(""))
        #expect(!Hex.isLowercaseHex("abc"))
    }
}

struct ConstantTimeEqualsTests {
    @Test func comparesContentAndLength() {
        #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(constantTimeEquals([], []))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!constantTimeEquals([0x80, 2, 3], [0, 2, 3]))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(!constantTimeEquals([], [0]))
    }
}
