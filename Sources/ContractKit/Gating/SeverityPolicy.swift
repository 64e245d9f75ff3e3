/// How severe each finding is for the gate, and which severity fails the run.
///
/// A finding's severity is the one in ``ruleSeverities`` for its rule, else the one its check gave
/// it (a schema check reports an undocumented extra member as a warning, a wrong type as an
/// error). `--strict` raises every warning to an error; `--fail-on warning` fails on warnings too.
public struct SeverityPolicy: Sendable, Hashable {
    /// Rules that are warnings unless `--strict`: drift a client is expected to tolerate.
    ///
    /// - `enum.value`: APIs add enum values over time; the summary lists them as enum drift.
    /// - `response.trace-id`: a missing trace header hurts support requests, not clients.
    /// - `webhook.backoff`: intervals measured on a shared machine are noisy.
    public static let defaultRuleSeverities: [Rule: Severity] = [
        .enumValue: .warning,
        .traceID: .warning,
        .webhookBackoff: .warning,
    ]

    public var ruleSeverities: [Rule: Severity]
    public var isStrict: Bool
    public var failOn: Severity

    public init(
        ruleSeverities: [Rule: Severity] = SeverityPolicy.defaultRuleSeverities,
        isStrict: Bool = false,
        failOn: Severity = .error
    ) {
        self.ruleSeverities = ruleSeverities
        self.isStrict = isStrict
        self.failOn = failOn
    }

    /// The severity the gate and the reports use for `finding`.
    public func severity(of finding: Finding) -> Severity {
        adjusted(ruleSeverities[finding.rule] ?? finding.severity)
    }

    /// `severity` after `--strict`.
    public func adjusted(_ severity: Severity) -> Severity {
        isStrict ? .error : severity
    }

    /// Whether something of this (already adjusted) severity fails the run.
    public func fails(_ severity: Severity) -> Bool {
        severity >= failOn
    }

    /// The severity named by a `--fail-on` value.
    public static func failOnThreshold(parsing value: String) throws(GateError) -> Severity {
        guard let severity = Severity(rawValue: value) else { throw .invalidFailOn(value) }
        return severity
    }
}
