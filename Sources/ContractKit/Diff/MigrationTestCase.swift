/// One JUnit-ready test case of the migration report: a mapped v2 operation or event and its parity.
///
/// Kept as plain data so the JUnit writer of the reports module turns it into a `testcase` element
/// (`failureMessage` → `failure`, `skippedMessage` → `skipped`).
public struct MigrationTestCase: Sendable, Hashable {
    /// `createWebhookSubscription → createWebhookSubscription`, `reaction.sent → reaction.added`.
    public var name: String
    /// `migration.operations` or `migration.events`.
    public var classname: String
    /// Set when the live result differs from v2 after mapping.
    public var failureMessage: String?
    /// Set when no live result exists (not run, or no v3 counterpart).
    public var skippedMessage: String?
    /// The static differences, one per line, for the test case's output.
    public var details: String
}

extension MigrationReport {
    /// One case per v2 operation and per v2 event, in report order.
    public var testCases: [MigrationTestCase] {
        let operationCases = operations.map { entry in
            testCase(
                name: "\(entry.v2.operationId) → \(entry.v3?.operationId ?? "none")",
                classname: "migration.operations", parity: entry.parity, changes: entry.changes)
        }
        let eventCases = events.map { entry in
            testCase(
                name: "\(entry.v2) → \(entry.v3 ?? "none")", classname: "migration.events", parity: entry.parity,
                changes: entry.changes)
        }
        return operationCases + eventCases
    }

    private func testCase(name: String, classname: String, parity: ParityResult, changes: [SpecChange])
        -> MigrationTestCase
    {
        var failure: String?
        var skipped: String?
        switch parity {
        case .matched: break
        case .differs(let details): failure = details.joined(separator: "; ")
        case .notRun(let reason): skipped = reason
        }
        let details = changes.map { change in
            "\(change.isBreaking ? "breaking" : "compatible")\(change.isDeclared ? "" : ", not in mapping"): "
                + "\(change.part): \(change.detail)"
        }
        return MigrationTestCase(
            name: name, classname: classname, failureMessage: failure, skippedMessage: skipped,
            details: details.joined(separator: "\n"))
    }
}
