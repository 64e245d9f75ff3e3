import HTTPServer

/// Renders `results.json`, the machine-readable report; its shape is `specs/results.schema.json`
/// (format version 1). Every string passes through the redactor; bodies are redacted text cut
/// after `bodyLimit` bytes (`bodyBytes` keeps the full size).
///
/// It is also the input of ``ReportMerger``: everything needed to rebuild the run is in it,
/// `runnerStatus` and `reportedSeverity` as the runner recorded them, `status`, `severity` and
/// `allowed` as the gate judged them.
public struct JSONReportWriter: Sendable {
    public static let formatVersion = 1
    public var redactor: Redactor
    public var bodyLimit: Int

    public init(redactor: Redactor, bodyLimit: Int = 65_536) {
        self.redactor = redactor
        self.bodyLimit = bodyLimit
    }

    public func render(_ run: AssessedRun) -> String {
        redactor.redact(document(run).jsonString([.prettyPrinted])) + "\n"
    }

    func document(_ run: AssessedRun) -> JSONValue {
        let findings = run.findings.map(\.finding)
        let steps = run.scenarios.flatMap(\.steps)
        let hashes = JSONObject(
            run.result.specHashes.sorted { $0.key < $1.key }.map { ($0.key.rawValue, .string($0.value)) }
        )
        return [
            "format": "linq-conformance-results",
            "formatVersion": .number(.integer(Int64(Self.formatVersion))),
            "runID": text(run.result.runID),
            "target": text(run.result.target),
            "startedAt": .string(ReportTime.timestamp(run.result.startedAt, fractional: true)),
            "finishedAt": .string(ReportTime.timestamp(run.result.finishedAt, fractional: true)),
            "specHashes": .object(hashes),
            "gate": [
                "failOn": .string(run.policy.failOn.rawValue), "strict": .bool(run.policy.isStrict),
                "exitCode": integer(Int(run.verdict.exitCode.rawValue)),
            ],
            "totals": [
                "scenarios": integer(run.scenarios.count), "steps": integer(steps.count),
                "passed": integer(steps.count { $0.outcome == .passed }),
                "failed": integer(steps.count { $0.outcome == .failed }),
                "skipped": integer(steps.count { $0.outcome.isSkipped }),
                "errored": integer(steps.count { $0.outcome.isErrored }),
                "findings": integer(findings.count), "failing": integer(findings.count(where: \.isFailing)),
                "allowed": integer(findings.count(where: \.isAllowed)),
                "warnings": integer(findings.count { !$0.isFailing && !$0.isAllowed }),
            ],
            "knownDifferences": .array(
                run.verdict.entryIssues.map { issue in
                    [
                        "id": text(issue.entry.id), "kind": .string(issue.kind.rawValue),
                        "severity": .string(issue.severity.rawValue), "failing": .bool(issue.isFailing),
                        "message": text(issue.message),
                    ]
                }
            ),
            "scenarios": .array(run.scenarios.map(scenario)),
        ]
    }

    private func scenario(_ scenario: AssessedRun.Scenario) -> JSONValue {
        var object = JSONObject(literal: [
            "name": text(scenario.result.name), "version": .string(scenario.result.version.rawValue),
            "file": text(scenario.result.file), "tags": .array(scenario.result.tags.map(text)),
        ])
        add(scenario.outcome, runnerStatus: Self.label(scenario.result.status), to: &object)
        object["durationMs"] = milliseconds(scenario.result.duration)
        object["steps"] = .array(scenario.steps.map(step))
        return .object(object)
    }

    private func step(_ step: AssessedRun.Step) -> JSONValue {
        var object = JSONObject(literal: ["name": text(step.result.name), "cleanup": .bool(step.isCleanup)])
        add(step.outcome, runnerStatus: Self.label(step.result.status), to: &object)
        object["durationMs"] = milliseconds(step.result.duration)
        object["request"] =
            step.result.request.map { request in
                var value = message(headers: request.headers, body: request.body)
                value["method"] = text(request.method)
                value["url"] = text(request.url.absoluteString)
                value["timeoutMs"] = milliseconds(request.timeout)
                return .object(value)
            } ?? .null
        object["response"] =
            step.result.response.map { response in
                var value = message(headers: response.headers, body: response.body)
                value["status"] = integer(response.status)
                return .object(value)
            } ?? .null
        object["attempts"] = .array(step.result.attempts.map(attempt))
        object["findings"] = .array(step.findings.map(finding))
        return .object(object)
    }

    private func add(_ outcome: AssessedRun.Outcome, runnerStatus: String, to object: inout JSONObject) {
        object["status"] = .string(outcome.label)
        object["runnerStatus"] = .string(runnerStatus)
        switch outcome {
        case .skipped(let reason): object["skipReason"] = text(reason)
        case .errored(let error): object["error"] = harnessError(error)
        case .passed, .failed: break
        }
    }

    private func harnessError(_ error: HarnessError) -> JSONValue {
        var location = JSONObject()
        location["file"] = error.location.file.map(text)
        location["step"] = error.location.step.map(text)
        location["field"] = error.location.field.map(text)
        return [
            "code": .string(error.code.rawValue), "message": text(error.message), "location": .object(location),
            "hint": text(error.hint), "description": text(error.description),
        ]
    }

    private func message(headers: HTTPHeaders, body: [UInt8]) -> JSONObject {
        let shown = body.count > bodyLimit ? Array(body[..<bodyLimit]) : body
        return JSONObject(literal: [
            "headers": .array(
                headers.fields.map { field in
                    [
                        "name": .string(field.name),
                        "value": .string(redactor.redactHeader(name: field.name, value: field.value)),
                    ]
                }
            ),
            "body": text(String(decoding: shown, as: UTF8.self)),
            "bodyBytes": integer(body.count),
            "bodyTruncated": .bool(body.count > bodyLimit),
        ])
    }

    private func attempt(_ attempt: Attempt) -> JSONValue {
        var object = JSONObject(literal: [
            "startedAt": .string(ReportTime.timestamp(attempt.startedAt, fractional: true)),
            "durationMs": milliseconds(attempt.duration),
        ])
        switch attempt.outcome {
        case .response(let status): object["status"] = integer(status)
        case .transportError(let error):
            object["transportError"] = TransportErrorCoding.encode(error, redactor: redactor)
        }
        object["waitBeforeNextMs"] = attempt.waitBeforeNext.map(milliseconds)
        object["retryReason"] = attempt.retryReason.map(text)
        return .object(object)
    }

    private func finding(_ assessed: AssessedFinding) -> JSONValue {
        let finding = assessed.finding
        var object = JSONObject(literal: [
            "rule": .string(finding.rule.rawValue), "severity": .string(assessed.severity.rawValue),
            "reportedSeverity": .string(finding.severity.rawValue), "message": text(finding.message),
            "pointer": text(finding.pointer), "expected": text(finding.expected), "actual": text(finding.actual),
            "version": text(finding.location?.version ?? ""), "scenario": text(finding.location?.scenario ?? ""),
            "step": text(finding.location?.step ?? ""), "allowed": .bool(assessed.isAllowed),
            "failing": .bool(assessed.isFailing),
        ])
        object["allowedBy"] = assessed.allowedBy.map(text)
        object["expiredEntry"] = assessed.expiredEntry.map(text)
        return .object(object)
    }

    private func text(_ value: String) -> JSONValue { .string(redactor.redact(value)) }
    private func integer(_ value: Int) -> JSONValue { .number(.integer(Int64(value))) }
    private func milliseconds(_ duration: Duration) -> JSONValue { .number(.double(ReportTime.milliseconds(duration))) }

    static func label(_ status: StepResult.Status) -> String {
        switch status {
        case .passed: "passed"
        case .failed: "failed"
        case .skipped: "skipped"
        case .errored: "errored"
        }
    }

    static func label(_ status: ScenarioResult.Status) -> String {
        switch status {
        case .passed: "passed"
        case .failed: "failed"
        case .skipped: "skipped"
        case .errored: "errored"
        }
    }
}
