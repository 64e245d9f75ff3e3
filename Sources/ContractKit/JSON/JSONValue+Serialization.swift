extension JSONValue {
    /// Returns the value as UTF-8 JSON text, keeping object key order unless `.sortedKeys` is given.
    ///
    /// Numbers print as ``JSONNumber/description``; strings escape `"`, `\` and control characters only.
    public func serialized(_ options: JSONSerializationOptions = []) -> [UInt8] {
        var writer = JSONWriter(options: options)
        writer.write(self, indent: 0)
        return writer.output
    }

    /// Returns the value as JSON text; see ``serialized(_:)``.
    public func jsonString(_ options: JSONSerializationOptions = []) -> String {
        String(decoding: serialized(options), as: UTF8.self)
    }
}

private struct JSONWriter {
    let isPretty: Bool
    let sortsKeys: Bool
    var output: [UInt8] = []

    init(options: JSONSerializationOptions) {
        isPretty = options.contains(.prettyPrinted)
        sortsKeys = options.contains(.sortedKeys)
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: number.description.utf8)
        case .string(let string): write(string)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, indent: indent) { writer, index in
                writer.write(elements[index], indent: indent + 1)
            }
        case .object(let object):
            let keys = sortsKeys ? object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } : object.keys
            writeContainer(open: "{", close: "}", count: keys.count, indent: indent) { writer, index in
                writer.write(keys[index])
                writer.output.append(UInt8(ascii: ":"))
                if writer.isPretty { writer.output.append(UInt8(ascii: " ")) }
                // Every key in `keys` came from the object itself.
                writer.write(object[keys[index]]!, indent: indent + 1)
            }
        }
    }

    private mutating func writeContainer(
        open: Unicode.Scalar,
        close: Unicode.Scalar,
        count: Int,
        indent: Int,
        element: (inout JSONWriter, Int) -> Void
    ) {
        output.append(UInt8(ascii: open))
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent: indent + 1)
            element(&self, index)
        }
        if count > 0 { newline(indent: indent) }
        output.append(UInt8(ascii: close))
    }

    private mutating func newline(indent: Int) {
        guard isPretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private static let shortEscapes: [UInt8: UInt8] = [
        0x08: UInt8(ascii: "b"), 0x09: UInt8(ascii: "t"), 0x0A: UInt8(ascii: "n"),
        0x0C: UInt8(ascii: "f"), 0x0D: UInt8(ascii: "r"),
        UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
    ]

    private mutating func write(_ string: String) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                output.append(byte)
            } else if let short = JSONWriter.shortEscapes[byte] {
                output.append(contentsOf: [UInt8(ascii: "\\"), short])
            } else {
                let hexDigits = Array("0123456789abcdef".utf8)
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
