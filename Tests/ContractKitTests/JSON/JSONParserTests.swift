import Testing

@testable import ContractKit

struct JSONParserTests {
    // MARK: - Values

    @Test func parsesEveryKindOfValueAndKeepsKeyOrder() throws {
        let value = try JSONParser.parse(#" {"z": [1, -2.5, "s", true, false, null], "a": {}, "m": []} "#)
        #expect(value == ["z": [1, -2.5, "s", true, false, nil], "a": [:], "m": []])
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test(arguments: [
        ("0", JSONNumber.integer(0)),
        ("-0", .integer(0)),
        ("9223372036854775807", .integer(.max)),
        ("-9223372036854775808", .integer(.min)),
        ("9223372036854775808", .bigInteger("9223372036854775808")),
        ("-9223372036854775809", .bigInteger("-9223372036854775809")),
        ("123456789012345678901234567890", .bigInteger("123456789012345678901234567890")),
        ("1.0", .double(1.0)),
        ("1e0", .double(1.0)),
        ("0.1", .double(0.1)),
        ("-0.0", .double(-0.0)),
        ("1E+2", .double(100)),
        ("2.5e-3", .double(0.0025)),
        ("1e300", .double(1e300)),
        ("1e-400", .double(0)),
        ("0.30000000000000004", .double(0.30000000000000004)),
        ("123456789012345678.5", .double(123456789012345678.5)),
        ("4.9406564584124654e-324", .double(.leastNonzeroMagnitude)),
        ("1.7976931348623157e308", .double(1.7976931348623157e308)),
    ])
    func parsesNumbersIntoTheirKind(text: String, expected: JSONNumber) throws {
        let number = try #require(try JSONParser.parse(text).numberValue)
        #expect(number == expected)
        if case .double(let value) = number, case .double(let want) = expected {
            #expect(value.bitPattern == want.bitPattern, "sign of zero and every bit must match")
        }
    }

    @Test(arguments: [
        (#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{8}\u{C}\n\r\t"),
        (#""\u0041\u00e9\u4E2D""#, "Aé中"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""plain é 中 😀""#, "plain é 中 😀"),
        (#""\u0000""#, "\u{0}"),
        (#""""#, ""),
    ])
    func decodesStrings(text: String, expected: String) throws {
        #expect(try JSONParser.parse(text) == .string(expected))
    }

    @Test func keepsLastDuplicateWhenAsked() throws {
        let value = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#, options: .init(duplicateKeys: .keepLast))
        #expect(value == ["a": 3, "b": 2])
        #expect(value.objectValue?.keys == ["a", "b"])
    }

    @Test func acceptsDepthUpToTheLimit() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        _ = try JSONParser.parse(text)
    }

    // MARK: - Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let text: String
        let reason: String
        let line: Int
        let column: Int
        var testDescription: String { text.debugDescription }
    }

    static let errorCases: [ErrorCase] = [
        .init(text: "", reason: "empty input: expected a JSON value", line: 1, column: 1),
        .init(text: "  \n ", reason: "expected a JSON value, found only whitespace", line: 2, column: 2),
        .init(
            text: "{\"a\": 1} x",
            reason: "unexpected 'x' after the JSON value; expected end of input",
            line: 1,
            column: 10
        ),
        .init(
            text: "{\n  \"a\": 1,\n  \"b\": 2 \"c\": 3}",
            reason: "expected ',' or '}' after object member, found '\"'",
            line: 3,
            column: 10
        ),
        .init(text: "[1 2]", reason: "expected ',' or ']' after array element, found '2'", line: 1, column: 4),
        .init(
            text: "[1,]",
            reason: "expected a JSON value after ',', found ']' (trailing commas are not allowed)",
            line: 1,
            column: 4
        ),
        .init(
            text: "{\"a\":1,}",
            reason: "expected '\"' to begin an object key after ',', found '}' (trailing commas are not allowed)",
            line: 1,
            column: 8
        ),
        .init(
            text: "{\"a\":1, 2}",
            reason: "expected '\"' to begin an object key after ',', found '2'",
            line: 1,
            column: 9
        ),
        .init(text: "{\"a\" 1}", reason: "expected ':' after object key \"a\", found '1'", line: 1, column: 6),
        .init(text: "{1:2}", reason: "expected '\"' to begin an object key or '}', found '1'", line: 1, column: 2),
        .init(text: "[1, 2", reason: "expected ',' or ']' after array element, found end of input", line: 1, column: 6),
        .init(text: "{\"a\":", reason: "expected a JSON value after ':', found end of input", line: 1, column: 6),
        .init(text: "\"abc", reason: "unterminated string: no closing '\"' before end of input", line: 1, column: 1),
        .init(text: "tru", reason: "invalid literal, expected 'true'", line: 1, column: 1),
        .init(text: "nul", reason: "invalid literal, expected 'null'", line: 1, column: 1),
        .init(text: "NaN", reason: "expected a JSON value, found 'N'", line: 1, column: 1),
        .init(text: "'a'", reason: "expected a JSON value, found '''", line: 1, column: 1),
        .init(text: "01", reason: "leading zeros are not allowed in numbers", line: 1, column: 1),
        .init(text: "-", reason: "expected a digit after '-', found end of input", line: 1, column: 2),
        .init(text: "+1", reason: "expected a JSON value, found '+'", line: 1, column: 1),
        .init(text: "1.", reason: "expected a digit after the decimal point, found end of input", line: 1, column: 3),
        .init(text: ".5", reason: "expected a JSON value, found '.'", line: 1, column: 1),
        .init(text: "1e", reason: "expected a digit in the exponent, found end of input", line: 1, column: 3),
        .init(text: "1e400", reason: "number 1e400 is out of range for a 64-bit float", line: 1, column: 1),
        .init(
            text: "\"a\tb\"",
            reason: "unescaped control character U+0009 in string; write it as an escape such as \\n or \\u00XX",
            line: 1,
            column: 3
        ),
        .init(
            text: #""\x""#,
            reason: #"invalid escape '\x' in string; expected one of \" \\ \/ \b \f \n \r \t \uXXXX"#,
            line: 1,
            column: 2
        ),
        .init(text: #""\u12G4""#, reason: "invalid \\u escape: expected 4 hex digits, found 'G'", line: 1, column: 6),
        .init(
            text: #""\uD83D""#,
            reason: "lone high surrogate \\uD83D in string; expected a low surrogate \\uDC00-\\uDFFF after it",
            line: 1,
            column: 2
        ),
        .init(
            text: #""\uD83Dx""#,
            reason: "lone high surrogate \\uD83D in string; expected a low surrogate \\uDC00-\\uDFFF after it",
            line: 1,
            column: 2
        ),
        .init(
            text: #""\uD83D\u0041""#,
            reason: "high surrogate \\uD83D followed by \\u0041, not by a low surrogate \\uDC00-\\uDFFF",
            line: 1,
            column: 2
        ),
        .init(
            text: #""\uDE00""#,
            reason: "lone low surrogate \\uDE00 in string; it must follow a high surrogate",
            line: 1,
            column: 2
        ),
        .init(
            text: "\u{FEFF}{}",
            reason: "byte order mark (U+FEFF) before the JSON text; save the file as UTF-8 without a BOM",
            line: 1,
            column: 1
        ),
        .init(
            text: "{\"é\": 1,\r\n \"é\": 2}",
            reason: "duplicate key \"é\" in object; remove one of them (or parse with duplicateKeys: .keepLast)",
            line: 2,
            column: 2
        ),
        .init(text: "[\"é\", x]", reason: "expected a JSON value after ',', found 'x'", line: 1, column: 7),
    ]

    @Test(arguments: errorCases)
    func reportsWhatWasExpectedAndWhere(errorCase: ErrorCase) {
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(errorCase.text) }
        #expect(error?.reason == errorCase.reason)
        #expect(error?.line == errorCase.line)
        #expect(error?.column == errorCase.column)
    }

    @Test func descriptionNamesLineColumnAndOffset() {
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse("{\n\n  \"a\": 1 ]") }
        #expect(error?.offset == 12)
        #expect(
            error?.description
                == "expected ',' or '}' after object member, found ']' at line 3, column 10 (byte offset 12)"
        )
    }

    @Test(
        arguments: [
            ([0x22, 0xC3, 0x28, 0x22], 1),  // truncated 2-byte sequence
            ([0x22, 0xC0, 0xAF, 0x22], 1),  // overlong '/'
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // UTF-8-encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
            ([0x22, 0x61, 0xFF, 0x22], 2),
            ([0x22, 0xE2, 0x82], 1),  // cut off by end of input
        ] as [([UInt8], Int)]
    )
    func rejectsInvalidUTF8InStrings(bytes: [UInt8], offset: Int) {
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        #expect(error?.offset == offset)
        #expect(error?.reason.hasPrefix("invalid UTF-8") == true)
    }

    @Test func rejectsNestingBeyondTheLimitWithoutOverflowingTheStack() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        #expect(error?.offset == 512)
        #expect(error?.reason.contains("limit of 512") == true)

        let objects = String(repeating: #"{"a":"#, count: 10_000)
        let shallow = #expect(throws: JSONParseError.self) {
            try JSONParser.parse(objects, options: .init(maxDepth: 3))
        }
        #expect(shallow?.offset == 15)
    }

    @Test func parsesDeepDocumentsIterativelyWhenTheLimitIsRaised() throws {
        let depth = 20_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = #expect(throws: JSONParseError.self) {
            try JSONParser.parse(text + "x", options: .init(maxDepth: depth))
        }
        #expect(error?.reason == "unexpected 'x' after the JSON value; expected end of input")
    }
}
