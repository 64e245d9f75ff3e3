import Testing

@testable import ContractKit

struct JSONValueSerializationTests {
    static let sample: JSONValue = [
        "name": "Linq", "count": 3, "ratio": 0.5, "ok": true, "none": nil,
        "list": [1, "two", [], [:]], "nested": ["b": 1, "a": 2],
    ]

    @Test func compactKeepsKeyOrderWithoutSpaces() {
        let expected =
            #"{"name":"Linq","count":3,"ratio":0.5,"ok":true,"none":null,"#
            + #""list":[1,"two",[],{}],"nested":{"b":1,"a":2}}"#
        #expect(JSONValueSerializationTests.sample.jsonString() == expected)
    }

    @Test func prettyPrintsWithTwoSpaceIndentAndSortsKeysOnRequest() {
        let value: JSONValue = ["b": [1, ["d": nil, "c": []]], "a": [:]]
        #expect(
            value.jsonString([.prettyPrinted, .sortedKeys]) == """
                {
                  "a": {},
                  "b": [
                    1,
                    {
                      "c": [],
                      "d": null
                    }
                  ]
                }
                """
        )
        #expect(value.jsonString(.sortedKeys) == #"{"a":{},"b":[1,{"c":[],"d":null}]}"#)
    }

    @Test func sortsKeysByCodePoint() {
        let value: JSONValue = ["é": 1, "z": 2, "Z": 3, "😀": 4, "ｚ": 5]
        #expect(value.jsonString(.sortedKeys) == #"{"Z":3,"z":2,"é":1,"ｚ":5,"😀":4}"#)
    }

    @Test(arguments: [
        ("a\"b\\c/d", #""a\"b\\c/d""#),
        ("\u{8}\u{C}\n\r\t", #""\b\f\n\r\t""#),
        ("\u{0}\u{1F}\u{7F}", #""\u0000\u001f\#u{7F}""#),
        ("é中😀\u{2028}", "\"é中😀\u{2028}\""),
    ])
    func escapesOnlyWhatJSONRequires(string: String, expected: String) throws {
        #expect(JSONValue.string(string).jsonString() == expected)
        #expect(try JSONParser.parse(expected) == .string(string))
    }

    @Test(arguments: [
        0.1, 1e300, -0.0, 0.0, .leastNonzeroMagnitude, 1.7976931348623157e308, 1e16, 1e15, 123456.789, 1e-7, 100.0,
        -2.5,
        9_007_199_254_740_994, 0.30000000000000004, 2.2250738585072014e-308,
    ])
    func doublesRoundTripBitForBit(value: Double) throws {
        let text = JSONNumber.double(value).description
        let parsed = try JSONParser.parse(text)
        guard case .number(.double(let back)) = parsed else {
            Issue.record("\(text) did not parse back as a double: \(parsed)")
            return
        }
        #expect(back.bitPattern == value.bitPattern, "\(text)")
    }

    @Test func writesNonFiniteDoublesAsNull() {
        #expect(JSONValue.array([.number(.double(.infinity)), .number(.double(.nan))]).jsonString() == "[null,null]")
    }

    @Test func parseSerializeParseIsIdentity() throws {
        let text = #"""
            {"id": "c_1", "n": [0, -1, 9223372036854775807, 123456789012345678901234567890, 1.5e-10, -0.0, 1e300],
             "s": "tab\there \u00e9 \ud83d\ude00 \u0000", "e": {}, "a": [], "t": [true, false, null]}
            """#
        let value = try JSONParser.parse(text)
        for options: JSONSerializationOptions in [[], .prettyPrinted, .sortedKeys, [.prettyPrinted, .sortedKeys]] {
            let again = try JSONParser.parse(value.serialized(options))
            #expect(again == value)
            #expect(
                again.objectValue?.keys
                    == (options.contains(.sortedKeys)
                        ? ["a", "e", "id", "n", "s", "t"] : ["id", "n", "s", "e", "a", "t"])
            )
            #expect(again.serialized(options) == value.serialized(options))
        }
    }
}
