/// Why a JSON text could not be parsed, and where.
///
/// `line` and `column` are 1-based; `column` counts characters (Unicode scalars),
/// so it matches what an editor shows. `offset` is the 0-based byte offset.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let offset: Int
    /// What was expected and what was found, e.g. `expected ',' or '}' after object member, found ']'`.
    public let reason: String

    public init(line: Int, column: Int, offset: Int, reason: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.reason = reason
    }

    /// Builds the error for `offset` in `bytes`, computing line and column only now,
    /// so the parser's hot loop never tracks them.
    init(reason: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r")
                    && (index + 1 >= bytes.count
                        || bytes[index + 1] != UInt8(ascii: "\n")))
            {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        self.init(line: line, column: column, offset: offset, reason: reason)
    }

    public var description: String {
        "\(reason) at line \(line), column \(column) (byte offset \(offset))"
    }
}
