/// Escaping for XML 1.0 text and attribute values.
///
/// Besides the five markup characters, it replaces what XML 1.0 cannot carry at all (C0 control
/// characters other than tab, LF and CR; U+FFFE; U+FFFF) and the discouraged DEL and C1 controls
/// with a visible `\u{1B}`, so a response body full of terminal escapes still yields a file every
/// parser accepts, and a reader can see what was there.
enum XMLEscaping {
    /// `text` for use between tags. CR becomes `&#13;` so parsers do not fold it into LF.
    static func text(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// `text` for use inside a double-quoted attribute value. Tab, LF and CR become character
    /// references, since attribute-value normalisation would turn them into spaces.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// Whether XML 1.0 allows `scalar` in a document at all (its `Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            case _ where !isAllowed(scalar) || (0x7F...0x9F).contains(scalar.value):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
