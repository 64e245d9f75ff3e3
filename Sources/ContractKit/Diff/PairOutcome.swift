/// What one pair of steps (or of deliveries) showed: the differences found after translating v2 through the mapping,
/// each judged against `specs/known-differences.json`, or why the pair could not be compared.
public struct PairOutcome: Sendable, Hashable {
    /// One difference, as a `diff.parity` finding located at (v3, paired scenario, pair).
    public struct Difference: Sendable, Hashable {
        public var finding: Finding
        /// The id of the known-difference entry that allows it, if one does.
        public var allowedBy: String?

        /// `is_active: v2 false, v3 true`, with ` (known difference ID)` when allowed.
        public var line: String {
            finding.message + (allowedBy.map { " (known difference \($0))" } ?? "")
        }
    }

    /// What a pair's parity counts towards.
    public enum Subject: Sendable, Hashable, CustomStringConvertible {
        /// A mapped v2 operationId.
        case operation(String)
        /// A mapped v2 event type.
        case event(String)

        public var description: String {
            switch self {
            case .operation(let name), .event(let name): name
            }
        }
    }

    /// The paired scenario's name.
    public var scenario: String
    public var name: String
    public var subject: Subject
    public var v2Step: String
    public var v3Step: String
    public var differences: [Difference]
    /// Set when the pair could not be compared (neither step has a response or delivery, or the scenario did not run).
    public var notRunReason: String?

    /// The pair's own parity.
    public var parity: ParityResult {
        if let notRunReason { return .notRun(reason: notRunReason) }
        if differences.contains(where: { $0.allowedBy == nil }) { return .differs(differences.map(\.line)) }
        return differences.isEmpty ? .matched : .knownDifferences(differences.map(\.line))
    }
}
