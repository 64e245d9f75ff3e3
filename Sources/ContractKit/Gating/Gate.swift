/// Decides what the findings of a run mean for CI: each finding's severity, whether an allow-list
/// entry allows it, and the exit code.
///
/// Rules (documented for users in `specs/known-differences.schema.json`):
/// - A finding matched by an unexpired entry is *allowed*: reported with the entry's id, never failing.
/// - An expired entry allows nothing; it is itself an error-severity issue, so the run fails until
///   the entry is renewed with a new review or removed. Its findings count at their own severity.
/// - An unexpired entry that matches no finding of the run is *stale*: a warning, so it fails the
///   run only under `--strict` or `--fail-on warning`. `diff.parity` entries are never stale here: their
///   findings come from the migration diff, not from a run's findings.
/// - Any harness error (an errored step or scenario) makes the exit code 2: the run is incomplete.
public struct Gate: Sendable, Hashable {
    public var policy: SeverityPolicy
    public var knownDifferences: KnownDifferences
    /// The day expiry is judged on (UTC), injected so tests and reruns are reproducible.
    public var today: CalendarDate

    public init(policy: SeverityPolicy = .init(), knownDifferences: KnownDifferences = .init(), today: CalendarDate) {
        self.policy = policy
        self.knownDifferences = knownDifferences
        self.today = today
    }

    /// What the gate makes of one finding.
    public func assess(_ finding: Finding) -> AssessedFinding {
        let severity = policy.severity(of: finding)
        let entry = knownDifferences.entry(matching: finding, on: today)
        let allowedBy = entry.flatMap { $0.isExpired(on: today) ? nil : $0.id }
        let expiredEntry = entry.flatMap { $0.isExpired(on: today) ? $0.id : nil }
        return AssessedFinding(
            finding: finding,
            severity: severity,
            allowedBy: allowedBy,
            expiredEntry: expiredEntry,
            isFailing: allowedBy == nil && policy.fails(severity)
        )
    }

    /// The verdict on a whole run, given all its findings and how many harness errors it had.
    public func verdict(findings: [Finding], harnessErrorCount: Int) -> GateVerdict {
        let assessed = findings.map(assess)
        var issues: [GateVerdict.EntryIssue] = []
        for entry in knownDifferences.entries {
            if entry.isExpired(on: today) {
                let severity = policy.adjusted(.error)
                issues.append(
                    .init(
                        entry: entry,
                        kind: .expired,
                        severity: severity,
                        isFailing: policy.fails(severity),
                        message: "known difference '\(entry.id)' expired on \(entry.expires); "
                            + "review it and move 'expires' forward, or remove it"
                    )
                )
            } else if entry.rule != .parity, !findings.contains(where: entry.matches) {
                let severity = policy.adjusted(.warning)
                issues.append(
                    .init(
                        entry: entry,
                        kind: .stale,
                        severity: severity,
                        isFailing: policy.fails(severity),
                        message: "known difference '\(entry.id)' matched no finding in this run; "
                            + "remove it if the difference is gone"
                    )
                )
            }
        }
        let exitCode: ExitCode =
            harnessErrorCount > 0
            ? .configurationError
            : assessed.contains(where: \.isFailing) || issues.contains(where: \.isFailing) ? .failed : .passed
        return GateVerdict(
            findings: assessed,
            entryIssues: issues,
            harnessErrorCount: harnessErrorCount,
            exitCode: exitCode
        )
    }
}

/// A finding as the gate sees it.
public struct AssessedFinding: Sendable, Hashable {
    public var finding: Finding
    /// The severity after the rule table and `--strict`; what every report shows.
    public var severity: Severity
    /// The id of the unexpired entry that allows the finding.
    public var allowedBy: String?
    /// The id of an expired entry that would have allowed it.
    public var expiredEntry: String?
    /// Whether the finding, on its own, fails the run.
    public var isFailing: Bool

    public var isAllowed: Bool { allowedBy != nil }
}

/// The gate's judgement on a run.
public struct GateVerdict: Sendable, Hashable {
    /// A problem with an allow-list entry itself.
    public struct EntryIssue: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case expired
            case stale
        }

        public var entry: KnownDifference
        public var kind: Kind
        public var severity: Severity
        public var isFailing: Bool
        public var message: String
    }

    public var findings: [AssessedFinding]
    public var entryIssues: [EntryIssue]
    public var harnessErrorCount: Int
    public var exitCode: ExitCode
}
