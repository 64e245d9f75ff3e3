/// Whether v3 behaved as v2 did for one mapped operation or event, once both results are translated
/// through the mapping. The static diff leaves every entry ``notRun(reason:)``; the live paired diff fills it.
public enum ParityResult: Sendable, Hashable {
    case matched
    /// Only differences that `specs/known-differences.json` allows (one line each, naming the entry):
    /// counted as matched, shown so that nobody mistakes them for none.
    case knownDifferences([String])
    /// What differed, one line each (status class, a field's value, error meaning, signature scheme…).
    case differs([String])
    case notRun(reason: String)

    public var wasRun: Bool {
        if case .notRun = self { return false }
        return true
    }

    /// Matched, possibly with reviewed known differences.
    public var isMatched: Bool {
        switch self {
        case .matched, .knownDifferences: true
        case .differs, .notRun: false
        }
    }

    public var label: String {
        switch self {
        case .matched: "matched"
        case .knownDifferences: "matched (known differences)"
        case .differs: "differs"
        case .notRun: "not run"
        }
    }

    /// The difference lines, allowed or not; empty for the other cases.
    public var details: [String] {
        switch self {
        case .knownDifferences(let lines), .differs(let lines): lines
        case .matched, .notRun: []
        }
    }
}
