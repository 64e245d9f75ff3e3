import Foundation

/// The live paired diff: reads the results of paired steps (``PairedScenario``), translates v2 through
/// the mapping and compares status class, error meaning and field values with v3, then records the
/// parity of every mapped operation and event in a ``MigrationReport``. Event pairs compare the first
/// delivery of an event on each version, the v2 payload translated through the event's mapping.
///
/// Volatile fields (ids, `*_at` timestamps, trace ids, secrets) are compared by type and format only.
/// Where the two scenarios deliberately send different values (URLs carry a per-scenario UUID), a field
/// matches when both versions echo what they were sent. Differences allowed by a reviewed entry of
/// `specs/known-differences.json` (rule `diff.parity`, `scenario` = paired scenario, `step` = pair) are
/// kept and shown as known differences.
public struct PairedDiff: Sendable {
    public var mapping: Mapping
    public var pairedScenarios: [PairedScenario]
    public var gate: Gate

    public init(mapping: Mapping, pairedScenarios: [PairedScenario], gate: Gate) {
        self.mapping = mapping
        self.pairedScenarios = pairedScenarios
        self.gate = gate
    }

    /// Every pair of every paired scenario, compared on `result`.
    public func outcomes(of result: RunResult) -> [PairOutcome] {
        pairedScenarios.flatMap { paired in
            let v2 = result.scenarios.first { $0.version == .v2 && $0.name == paired.v2Scenario }
            let v3 = result.scenarios.first { $0.version == .v3 && $0.name == paired.v3Scenario }
            guard let v2, let v3 else {
                let missing = [
                    v2 == nil ? "v2 '\(paired.v2Scenario)'" : nil, v3 == nil ? "v3 '\(paired.v3Scenario)'" : nil,
                ]
                let reason = "scenario \(missing.compactMap(\.self).joined(separator: " and ")) not in this run"
                let operations = paired.pairs.map { pair in
                    PairOutcome(
                        scenario: paired.name, name: pair.name, subject: .operation(pair.operation),
                        v2Step: pair.v2.step, v3Step: pair.v3.step, differences: [], notRunReason: reason)
                }
                let events = paired.events.map { pair in
                    PairOutcome(
                        scenario: paired.name, name: pair.name, subject: .event(pair.event),
                        v2Step: pair.v2Step, v3Step: pair.v3Step, differences: [], notRunReason: reason)
                }
                return operations + events
            }
            var comparison = PairComparison(mapping: mapping, paired: paired, v2: v2, v3: v3)
            let outcomes = paired.pairs.map { comparison.compare($0) } + paired.events.map { comparison.compare($0) }
            return outcomes.map(judged)
        }
    }

    /// `outcome` with each difference marked as allowed by the known-difference entry that covers it.
    private func judged(_ outcome: PairOutcome) -> PairOutcome {
        var outcome = outcome
        outcome.differences = outcome.differences.map { difference in
            var judged = difference
            judged.allowedBy = gate.assess(difference.finding).allowedBy
            return judged
        }
        return outcome
    }

    /// `report` with the parity of every mapped operation (from its pairs) and event filled in.
    public func apply(_ outcomes: [PairOutcome], to report: MigrationReport) -> MigrationReport {
        var report = report
        report.pairs = outcomes
        for entry in report.operations where entry.v3 != nil {
            report.recordParity(
                Self.parity(of: outcomes.filter { $0.subject == .operation(entry.v2.operationId) }),
                operation: entry.v2.operationId)
        }
        for entry in report.events where entry.v3 != nil {
            report.recordParity(Self.parity(of: outcomes.filter { $0.subject == .event(entry.v2) }), event: entry.v2)
        }
        return report
    }

    /// An operation or event matches when every pair that ran for it matched.
    static func parity(of outcomes: [PairOutcome]) -> ParityResult {
        guard !outcomes.isEmpty else { return .notRun(reason: "no paired scenario covers it") }
        let ran = outcomes.filter { $0.notRunReason == nil }
        guard !ran.isEmpty else {
            return .notRun(reason: outcomes.map { "\($0.name): \($0.notRunReason ?? "")" }.joined(separator: "; "))
        }
        let lines = ran.flatMap { outcome in outcome.differences.map { "\(outcome.name): \($0.line)" } }
        if ran.contains(where: { !$0.parity.isMatched }) { return .differs(lines) }
        return lines.isEmpty ? .matched : .knownDifferences(lines)
    }
}
