/// The mapping from a run to JUnit: one `testsuite` per API version and scenario file, one
/// `testcase` per step (classname `version.scenario`), one `failure` per failing finding, an
/// `error` per harness error and per failing `transport` finding (the target could not be
/// reached: not a verdict on the contract), `skipped` with the reason. Warnings and allowed
/// findings go to the case's `system-out`, so they are visible without failing the build.
extension JUnitReport {
    /// The report of `run`; transcripts are redacted by `redactor` and bodies cut after `bodyLimit` bytes.
    public init(_ run: AssessedRun, redactor: Redactor, bodyLimit: Int = 65_536) {
        let transcript = Transcript(redactor: redactor, bodyLimit: bodyLimit)
        let properties = Self.properties(of: run)
        var suites: [Suite] = []
        for scenario in run.scenarios {
            let name = "\(scenario.result.version)/\(Self.fileName(scenario.result))"
            let cases = Self.cases(of: scenario, transcript: transcript)
            if let index = suites.firstIndex(where: { $0.name == name }) {
                suites[index].cases += cases
            } else {
                let version = scenario.result.version
                let hash = run.result.specHashes[version].map { [Property(name: "spec.\(version).sha256", value: $0)] }
                suites.append(
                    Suite(
                        name: name,
                        timestamp: run.result.startedAt,
                        properties: properties + (hash ?? []),
                        cases: cases
                    )
                )
            }
        }
        if !run.verdict.entryIssues.isEmpty {
            suites.append(
                Suite(
                    name: "known-differences",
                    timestamp: run.result.startedAt,
                    properties: properties,
                    cases: run.verdict.entryIssues.map(Self.testCase)
                )
            )
        }
        self.init(name: "conformance \(run.result.runID)", suites: suites)
    }

    private static func properties(of run: AssessedRun) -> [Property] {
        [
            Property(name: "target", value: run.result.target),
            Property(name: "run.id", value: run.result.runID),
            Property(name: "fail-on", value: run.policy.failOn.rawValue),
            Property(name: "strict", value: String(run.policy.isStrict)),
        ]
    }

    private static func fileName(_ scenario: ScenarioResult) -> String {
        let prefix = "\(scenario.version)/"
        let file = scenario.file.hasPrefix(prefix) ? String(scenario.file.dropFirst(prefix.count)) : scenario.file
        return file.isEmpty ? scenario.name : file
    }

    private static func cases(of scenario: AssessedRun.Scenario, transcript: Transcript) -> [TestCase] {
        let classname = "\(scenario.result.version).\(scenario.result.name)"
        guard !scenario.steps.isEmpty else {
            let outcomes: [Outcome] =
                switch scenario.outcome {
                case .skipped(let reason): [Outcome(.skipped, message: reason)]
                case .errored(let error):
                    [Outcome(.error, message: error.message, type: error.code.rawValue, body: "\(error)")]
                case .passed, .failed: []
                }
            return [
                TestCase(
                    name: scenario.result.name,
                    classname: classname,
                    time: scenario.result.duration,
                    outcomes: outcomes
                )
            ]
        }
        var cases = scenario.steps.map { testCase($0, classname: classname, transcript: transcript) }
        if scenario.erroredSteps == 0, case .errored(let error) = scenario.outcome {
            cases.append(
                TestCase(
                    name: "(scenario)",
                    classname: classname,
                    outcomes: [
                        Outcome(.error, message: error.message, type: error.code.rawValue, body: "\(error)")
                    ]
                )
            )
        }
        return cases
    }

    private static func testCase(_ step: AssessedRun.Step, classname: String, transcript: Transcript) -> TestCase {
        var outcomes: [Outcome] = []
        var notes: [String] = []
        switch step.outcome {
        case .skipped(let reason): outcomes.append(Outcome(.skipped, message: reason))
        case .errored(let error):
            outcomes.append(Outcome(.error, message: error.message, type: error.code.rawValue, body: "\(error)"))
        case .passed, .failed: break
        }
        let exchange = step.result.request == nil && step.result.response == nil ? nil : transcript.render(step.result)
        for assessed in step.findings {
            if assessed.isFailing {
                let kind: Outcome.Kind = assessed.finding.rule == .transport ? .error : .failure
                let details = findingDetails(assessed) + (exchange.map { "\n\n" + $0 } ?? "")
                outcomes.append(
                    Outcome(
                        kind,
                        message: headline(assessed.finding),
                        type: assessed.finding.rule.rawValue,
                        body: details
                    )
                )
            } else {
                let status =
                    assessed.allowedBy.map { "allowed by known difference '\($0)'" } ?? assessed.severity.rawValue
                notes.append("\(status): \(headline(assessed.finding))\n" + findingDetails(assessed))
            }
        }
        return TestCase(
            name: step.result.name,
            classname: classname,
            time: step.result.duration,
            outcomes: outcomes,
            systemOut: notes.isEmpty ? nil : notes.joined(separator: "\n\n")
        )
    }

    /// One line: rule and pointer, the way `message` attributes are scanned in CI overviews.
    static func headline(_ finding: Finding) -> String {
        finding.pointer.isEmpty ? "\(finding.rule) at (body)" : "\(finding.rule) at \(finding.pointer)"
    }

    private static func findingDetails(_ assessed: AssessedFinding) -> String {
        var lines = [assessed.finding.message, "severity: \(assessed.severity)"]
        if !assessed.finding.expected.isEmpty { lines.append("expected: \(assessed.finding.expected)") }
        if !assessed.finding.actual.isEmpty { lines.append("actual: \(assessed.finding.actual)") }
        if let expired = assessed.expiredEntry { lines.append("known difference '\(expired)' has expired") }
        return lines.joined(separator: "\n")
    }

    private static func testCase(_ issue: GateVerdict.EntryIssue) -> TestCase {
        let details = "\(issue.message)\nreason: \(issue.entry.reason)\nlink: \(issue.entry.link)"
        let outcomes =
            issue.isFailing
            ? [
                Outcome(
                    .failure,
                    message: issue.message,
                    type: "known-differences.\(issue.kind.rawValue)",
                    body: details
                )
            ]
            : []
        return TestCase(
            name: issue.entry.id,
            classname: "known-differences",
            outcomes: outcomes,
            systemOut: issue.isFailing ? nil : "\(issue.severity): \(details)"
        )
    }
}
