/// GitHub Actions workflow commands (`::error file=…,title=…::message`), escaped as the Actions
/// toolkit escapes them: `%`, CR and LF in the message; additionally `:` and `,` in properties.
public enum GitHubAnnotations {
    /// An annotation's level.
    public enum Level: String, Sendable {
        case error
        case warning
        case notice
    }

    /// Whether annotations should be printed: GitHub sets `GITHUB_ACTIONS=true` in every job.
    public static func isEnabled(environment: [String: String]) -> Bool {
        environment["GITHUB_ACTIONS"] == "true"
    }

    /// One workflow-command line (with its trailing newline).
    public static func command(_ level: Level, properties: [(String, String)], message: String) -> String {
        let rendered = properties.filter { !$0.1.isEmpty }.map { "\($0.0)=\(escapeProperty($0.1))" }
        let head = rendered.isEmpty ? "::\(level.rawValue)" : "::\(level.rawValue) " + rendered.joined(separator: ",")
        return head + "::" + escapeData(message) + "\n"
    }

    static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
