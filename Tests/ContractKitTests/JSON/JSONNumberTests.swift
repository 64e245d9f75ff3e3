import Testing

@testable import ContractKit

struct JSONNumberTests {
    @Test(arguments: [
        (JSONNumber.integer(1), JSONNumber.double(1.0), true),
        (.integer(1), .double(1.5), false),
        (.bigInteger("123456789012345678901234567890"), .bigInteger("123456789012345678901234567890"), true),
        (.bigInteger("123456789012345678901234567890"), .double(1.2345678901234568e29), false),
        (.integer(Int64.max), .double(9.223372036854775807e18), false),
    ])
    func numericEquality(lhs: JSONNumber, rhs: JSONNumber, expected: Bool) {
        #expect(lhs.isNumericallyEqual(to: rhs) == expected)
        #expect(rhs.isNumericallyEqual(to: lhs) == expected)
    }

    @Test func structuralEqualityTellsIntegerFromDouble() {
        #expect(JSONValue.number(.integer(1)) != JSONValue.number(.double(1.0)))
        #expect(JSONValue.bool(true) != JSONValue.number(.integer(1)))
    }

    @Test(arguments: [
        (JSONNumber.integer(3), true), (.double(3.0), true), (.double(3.5), false),
        (.double(.infinity), false), (.bigInteger("-99999999999999999999"), true),
    ])
    func wholeness(number: JSONNumber, isInteger: Bool) {
        #expect(number.isInteger == isInteger)
        #expect((JSONValue.number(number).typeName == "integer") == isInteger)
    }

    @Test func descriptionKeepsTheKindOfNumber() {
        #expect(JSONNumber.integer(-7).description == "-7")
        #expect(JSONNumber.double(2).description == "2.0")
        #expect(JSONNumber.bigInteger("18446744073709551616").description == "18446744073709551616")
        #expect(JSONNumber.double(0.5).description == "0.5")
        #expect(JSONNumber.double(-0.0).description == "-0.0")
        #expect(JSONNumber.double(1e300).description == "1e+300")
        #expect(JSONNumber.double(.infinity).description == "null")
    }
}
