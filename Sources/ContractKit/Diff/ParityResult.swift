/// Whether v3 behaved as v2 did for one mapped operation or event, once both results are translated
/// through the mapping. The static diff leaves every entry ``notRun(reason:)``; the live paired diff fills it.
public enum ParityResult: Sendable, Hashable {
    case matched
    /// What differed, one line each (status class, a field's value, error meaning, signature scheme…).
    case differs([String])
    case notRun(reason: String)

    public var wasRun: Bool {
        if case .notRun = self { return false }
        return true
    }

    public var label: String {
        switch self {
        case .matched: "matched"
        case .differs: "differs"
        case .notRun: "not run"
        }
    }
}
