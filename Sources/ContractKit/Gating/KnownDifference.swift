/// One reviewed allow-list entry of `specs/known-differences.json`: findings it matches are
/// reported as allowed instead of failing the run, until ``expires``.
///
/// An entry names a rule and at least one of scenario, step and pointer, so that it can never
/// allow a rule everywhere by accident. Omitted fields match anything.
public struct KnownDifference: Sendable, Hashable, Identifiable {
    /// Unique in the file; reports name the entry by it.
    public var id: String
    public var rule: Rule
    /// `v2` or `v3`; `nil` matches both.
    public var version: String?
    public var scenario: String?
    public var step: String?
    /// A JSON pointer, exact, or a pattern where `*` matches within one token and `**` across tokens
    /// (`/data/*/status`, `/data/**`).
    public var pointer: String?
    /// Why the difference is acceptable for now.
    public var reason: String
    /// Where the difference is tracked (issue, ticket).
    public var link: String
    /// The last day the entry applies; from the next day on it fails the run.
    public var expires: CalendarDate

    public init(
        id: String,
        rule: Rule,
        version: String? = nil,
        scenario: String? = nil,
        step: String? = nil,
        pointer: String? = nil,
        reason: String,
        link: String,
        expires: CalendarDate
    ) {
        self.id = id
        self.rule = rule
        self.version = version
        self.scenario = scenario
        self.step = step
        self.pointer = pointer
        self.reason = reason
        self.link = link
        self.expires = expires
    }

    /// Whether the entry covers `finding` (expiry aside).
    public func matches(_ finding: Finding) -> Bool {
        guard finding.rule == rule else { return false }
        if let version, finding.location?.version != version { return false }
        if let scenario, finding.location?.scenario != scenario { return false }
        if let step, finding.location?.step != step { return false }
        if let pointer, !Self.pointer(finding.pointer, matches: pointer) { return false }
        return true
    }

    /// Whether the entry no longer applies on `today`.
    public func isExpired(on today: CalendarDate) -> Bool {
        today > expires
    }

    static func pointer(_ pointer: String, matches pattern: String) -> Bool {
        guard pattern.contains("*") else { return pointer == pattern }
        return glob(Array(pattern.unicodeScalars)[...], Array(pointer.unicodeScalars)[...])
    }

    private static func glob(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        guard first == "*" else {
            guard let head = text.first, head == first else { return false }
            return glob(pattern.dropFirst(), text.dropFirst())
        }
        let crossesTokens = pattern.dropFirst().first == "*"
        let rest = pattern.dropFirst(crossesTokens ? 2 : 1)
        var remaining = text
        while true {
            if glob(rest, remaining) { return true }
            guard let head = remaining.first, crossesTokens || head != "/" else { return false }
            remaining = remaining.dropFirst()
        }
    }
}
