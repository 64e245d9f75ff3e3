import Foundation

/// Everything one run produced; what the reporters consume.
public struct RunResult: Sendable, Hashable {
    /// Names every resource the run creates, so a sweep can find leftovers of a crashed run.
    public var runID: String
    /// The target in words (`sandbox at http://127.0.0.1:50123`, `v3 https://api.linqapp.com/api/partner`).
    public var target: String
    /// SHA-256 (hex) of each captured spec the run checked against, by version.
    public var specHashes: [APIVersion: String]
    public var startedAt: Date
    public var finishedAt: Date
    /// Sorted by version, then file, then name, whatever order they ran in.
    public var scenarios: [ScenarioResult]

    public init(
        runID: String,
        target: String,
        specHashes: [APIVersion: String],
        startedAt: Date,
        finishedAt: Date,
        scenarios: [ScenarioResult]
    ) {
        self.runID = runID
        self.target = target
        self.specHashes = specHashes
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.scenarios = scenarios
    }

    /// Every finding of the run, in scenario order.
    public var findings: [Finding] {
        scenarios.flatMap(\.findings)
    }
}
