import Testing

@testable import ContractKit

struct GateTests {
    static let today = CalendarDate(year: 2026, month: 6, day: 15)

    static func finding(
        _ rule: Rule,
        _ severity: Severity = .error,
        pointer: String = "/data/status",
        scenario: String = "messages"
    ) -> Finding {
        Finding(
            rule: rule,
            severity: severity,
            message: "m",
            pointer: pointer,
            location: .init(version: "v3", scenario: scenario, step: "list")
        )
    }

    static func entry(
        _ id: String,
        rule: Rule = .responseSchema,
        scenario: String = "messages",
        expires: CalendarDate
    )
        -> KnownDifference
    {
        KnownDifference(id: id, rule: rule, version: "v3", scenario: scenario, reason: "r", link: "l", expires: expires)
    }

    @Test func passesWithoutFindingsAndFailsOnAnErrorFinding() {
        let gate = Gate(today: Self.today)
        #expect(gate.verdict(findings: [], harnessErrorCount: 0).exitCode == .passed)
        #expect(gate.verdict(findings: [Self.finding(.responseSchema)], harnessErrorCount: 0).exitCode == .failed)
    }

    @Test func ruleTableStrictAndFailOnDecideWarnings() {
        let drift = Self.finding(.enumValue, .error)
        #expect(Gate(today: Self.today).assess(drift).severity == .warning)
        #expect(Gate(today: Self.today).verdict(findings: [drift], harnessErrorCount: 0).exitCode == .passed)
        let strict = Gate(policy: .init(isStrict: true), today: Self.today)
        #expect(strict.assess(drift).severity == .error)
        #expect(strict.verdict(findings: [drift], harnessErrorCount: 0).exitCode == .failed)
        let extraMember = Self.finding(.responseSchema, .warning)
        #expect(Gate(today: Self.today).verdict(findings: [extraMember], harnessErrorCount: 0).exitCode == .passed)
        let failOnWarning = Gate(policy: .init(failOn: .warning), today: Self.today)
        #expect(failOnWarning.verdict(findings: [extraMember], harnessErrorCount: 0).exitCode == .failed)
    }

    @Test func allowedFindingIsReportedButDoesNotFail() {
        let entry = Self.entry("KD-1", expires: Self.today)
        let gate = Gate(knownDifferences: .init(entries: [entry]), today: Self.today)
        let verdict = gate.verdict(findings: [Self.finding(.responseSchema)], harnessErrorCount: 0)
        #expect(verdict.findings.map(\.allowedBy) == ["KD-1"])
        #expect(verdict.findings.map(\.isFailing) == [false])
        #expect(verdict.entryIssues.isEmpty)
        #expect(verdict.exitCode == .passed)
    }

    @Test func expiredEntryAllowsNothingAndFailsTheRun() {
        let entry = Self.entry("KD-old", expires: CalendarDate(year: 2026, month: 6, day: 14))
        let gate = Gate(knownDifferences: .init(entries: [entry]), today: Self.today)
        let verdict = gate.verdict(findings: [Self.finding(.responseSchema, .warning)], harnessErrorCount: 0)
        #expect(verdict.findings.first?.allowedBy == nil)
        #expect(verdict.findings.first?.expiredEntry == "KD-old")
        #expect(verdict.entryIssues.map(\.kind) == [.expired])
        #expect(verdict.entryIssues.first?.message.contains("expired on 2026-06-14") == true)
        #expect(verdict.exitCode == .failed)
    }

    @Test func staleEntryIsAWarning() {
        let entry = Self.entry("KD-gone", scenario: "other", expires: Self.today)
        let gate = Gate(knownDifferences: .init(entries: [entry]), today: Self.today)
        let verdict = gate.verdict(findings: [Self.finding(.responseSchema, .warning)], harnessErrorCount: 0)
        #expect(verdict.entryIssues.map(\.kind) == [.stale])
        #expect(verdict.entryIssues.map(\.severity) == [.warning])
        #expect(verdict.exitCode == .passed)
        let strict = Gate(policy: .init(isStrict: true), knownDifferences: .init(entries: [entry]), today: Self.today)
        #expect(strict.verdict(findings: [], harnessErrorCount: 0).exitCode == .failed)
    }

    /// A run's findings never include the migration diff's, so a parity entry would always look stale.
    @Test func aParityEntryIsNeverStaleInARun() {
        let parity = Self.entry("KD-parity", rule: .parity, scenario: "webhook deliveries", expires: Self.today)
        let strict = Gate(policy: .init(isStrict: true), knownDifferences: .init(entries: [parity]), today: Self.today)
        let verdict = strict.verdict(findings: [], harnessErrorCount: 0)
        #expect(verdict.entryIssues.isEmpty)
        #expect(verdict.exitCode == .passed)
        let tomorrow = CalendarDate(year: 2026, month: 6, day: 16)
        let expired = Gate(knownDifferences: .init(entries: [parity]), today: tomorrow)
        #expect(expired.verdict(findings: [], harnessErrorCount: 0).entryIssues.map(\.kind) == [.expired])
    }

    @Test func harnessErrorsWinOverFindings() {
        let verdict = Gate(today: Self.today).verdict(findings: [Self.finding(.responseSchema)], harnessErrorCount: 1)
        #expect(verdict.exitCode == .configurationError)
        #expect(ExitCode.configurationError.rawValue == 2)
    }

    @Test func parsesFailOnValues() throws {
        #expect(try SeverityPolicy.failOnThreshold(parsing: "warning") == .warning)
        #expect(throws: GateError.invalidFailOn("fatal")) { try SeverityPolicy.failOnThreshold(parsing: "fatal") }
    }

    @Test func calendarDatesFromUTC() {
        #expect(CalendarDate(parsing: "2024-02-29") != nil)
        #expect(CalendarDate(parsing: "2025-02-29") == nil)
        #expect(CalendarDate(parsing: "2025-1-01") == nil)
        #expect(CalendarDate(utc: .init(timeIntervalSince1970: 1_767_225_599)).description == "2025-12-31")
    }
}
