extension SchemaValidator {
    /// Adapts ECMA-262 patterns (what JSON Schema specifies) to ICU (what `NSRegularExpression` runs).
    ///
    /// The visible difference is that ECMA-262's `\d` and `\w` are ASCII-only while ICU's are
    /// Unicode-wide; everything else the schemas here use means the same in both.
    enum ECMARegex {
        static func translate(_ pattern: String) -> String {
            var result = ""
            var inClass = false
            var iterator = pattern.makeIterator()
            while let character = iterator.next() {
                switch character {
                case "\\":
                    guard let escaped = iterator.next() else { result.append("\\"); continue }
                    result += replacement(for: escaped, inClass: inClass) ?? "\\\(escaped)"
                case "[" where !inClass:
                    inClass = true
                    result.append(character)
                case "]" where inClass:
                    inClass = false
                    result.append(character)
                default:
                    result.append(character)
                }
            }
            return result
        }

        private static func replacement(for escaped: Character, inClass: Bool) -> String? {
            switch (escaped, inClass) {
            case ("d", false): "[0-9]"
            case ("d", true): "0-9"
            case ("D", false): "[^0-9]"
            case ("w", false): "[a-zA-Z0-9_]"
            case ("w", true): "a-zA-Z0-9_"
            case ("W", false): "[^a-zA-Z0-9_]"
            default: nil
            }
        }
    }
}
