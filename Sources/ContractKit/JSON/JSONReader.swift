/// The parser's cursor over a UTF-8 buffer: structure, literals and error reporting.
///
/// Containers are kept on an explicit stack instead of the call stack, so the
/// depth limit, not the thread's stack size, decides how deep a document may nest.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let options: JSONParser.Options
    var index = 0
    /// Reused for strings that contain escapes.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, options: JSONParser.Options) {
        self.bytes = bytes
        self.options = options
    }

    private struct Frame {
        let isObject: Bool
        var array: [JSONValue] = []
        var object = JSONObject()
        var key = ""
        var keyOffset = 0
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw error("byte order mark (U+FEFF) before the JSON text; save the file as UTF-8 without a BOM", at: 0)
        }
        skipWhitespace()
        if index == bytes.count {
            throw error(
                bytes.isEmpty ? "empty input: expected a JSON value" : "expected a JSON value, found only whitespace"
            )
        }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected \(found()) after the JSON value; expected end of input")
        }
        return value
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var stack: [Frame] = []
        var context = "expected a JSON value"
        while true {
            var value: JSONValue
            skipWhitespace()
            guard index < bytes.count else { throw error("\(context), found end of input") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                try push(&stack, isObject: true)
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    stack.removeLast()
                    value = .object(JSONObject())
                } else {
                    try readKey(into: &stack[stack.count - 1], context: "expected '\"' to begin an object key or '}'")
                    context = "expected a JSON value after ':'"
                    continue
                }
            case UInt8(ascii: "["):
                try push(&stack, isObject: false)
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    stack.removeLast()
                    value = .array([])
                } else {
                    context = "expected a JSON value or ']'"
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            default:
                throw error("\(context), found \(found())\(trailingCommaHint(after: context))")
            }
            // Attach the finished value to its parents, closing every container that ends here.
            while let top = stack.indices.last {
                if stack[top].isObject {
                    try insertMember(value, into: &stack[top])
                    skipWhitespace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        try readKey(
                            into: &stack[top],
                            context: "expected '\"' to begin an object key after ','"
                        )
                        context = "expected a JSON value after ':'"
                        break
                    } else if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        value = .object(stack.removeLast().object)
                    } else {
                        throw error("expected ',' or '}' after object member, found \(found())")
                    }
                } else {
                    stack[top].array.append(value)
                    skipWhitespace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        context = "expected a JSON value after ','"
                        break
                    } else if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        value = .array(stack.removeLast().array)
                    } else {
                        throw error("expected ',' or ']' after array element, found \(found())")
                    }
                }
            }
            if stack.isEmpty { return value }
        }
    }

    private mutating func push(_ stack: inout [Frame], isObject: Bool) throws(JSONParseError) {
        guard stack.count < options.maxDepth else {
            throw error(
                "nesting deeper than the limit of \(options.maxDepth) arrays and objects; "
                    + "raise JSONParser.Options.maxDepth if the document is meant to be this deep"
            )
        }
        stack.append(Frame(isObject: isObject))
        index += 1
    }

    private mutating func readKey(into frame: inout Frame, context: String) throws(JSONParseError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw error("\(context), found \(found())\(trailingCommaHint(after: context))")
        }
        frame.keyOffset = index
        frame.key = try parseString()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw error("expected ':' after object key \(quoted(frame.key)), found \(found())")
        }
        index += 1
    }

    private func insertMember(_ value: JSONValue, into frame: inout Frame) throws(JSONParseError) {
        let previous = frame.object.updateValue(value, forKey: frame.key)
        if previous != nil, options.duplicateKeys == .reject {
            throw error(
                "duplicate key \(quoted(frame.key)) in object; remove one of them "
                    + "(or parse with duplicateKeys: .keepLast)",
                at: frame.keyOffset
            )
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let length = literal.utf8CodeUnitCount
        let matches =
            index + length <= bytes.count
            && (0..<length).allSatisfy { bytes[index + $0] == literal.utf8Start[$0] }
        guard matches else { throw error("invalid literal, expected '\(literal)'") }
        index += length
    }

    private func trailingCommaHint(after context: String) -> String {
        guard context.hasSuffix("after ','"), index < bytes.count,
            bytes[index] == UInt8(ascii: "]") || bytes[index] == UInt8(ascii: "}")
        else { return "" }
        return " (trailing commas are not allowed)"
    }

    func error(_ reason: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(reason: reason, offset: offset ?? index, in: bytes)
    }

    /// What sits at the cursor, for messages: `'x'`, `end of input`, `byte 0xC3`.
    func found(at offset: Int? = nil) -> String {
        let offset = offset ?? index
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        switch byte {
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        case UInt8(ascii: " "): return "' '"
        default: return "byte 0x\(String(byte, radix: 16, uppercase: true).leftPadded(to: 2))"
        }
    }

    func quoted(_ key: String) -> String {
        JSONValue.string(key).jsonString()
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
