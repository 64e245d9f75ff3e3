import Foundation
import HTTPServer

/// Reads a `results.json` (format version 1) back into a ``RunResult`` for ``ReportMerger``.
///
/// Bodies, headers and messages come back as the redacted text the file holds; the gate is
/// applied afresh to the `reportedSeverity` of each finding.
struct ResultsDecoder {
    var path: String

    func decode(_ document: JSONValue) throws(ReportError) -> RunResult {
        guard document["format"] == "linq-conformance-results" else {
            throw fail("/format", "not a results.json of this tool")
        }
        guard document["formatVersion"] == .number(.integer(Int64(JSONReportWriter.formatVersion))) else {
            throw fail("/formatVersion", "unsupported format version")
        }
        var hashes: [APIVersion: String] = [:]
        for (key, value) in document["specHashes"]?.objectValue ?? JSONObject() {
            guard let version = APIVersion(rawValue: key), let hash = value.stringValue else {
                throw fail("/specHashes/\(key)", "expected a version and a hash")
            }
            hashes[version] = hash
        }
        let scenarios = try array(document, "scenarios", at: "").enumerated().map { index, value throws(ReportError) in
            try scenario(value, at: "/scenarios/\(index)")
        }
        return RunResult(
            runID: try string(document, "runID", at: ""),
            target: try string(document, "target", at: ""),
            specHashes: hashes,
            startedAt: try date(document, "startedAt", at: ""),
            finishedAt: try date(document, "finishedAt", at: ""),
            scenarios: scenarios
        )
    }

    private func scenario(_ value: JSONValue, at pointer: String) throws(ReportError) -> ScenarioResult {
        guard let version = APIVersion(rawValue: try string(value, "version", at: pointer)) else {
            throw fail(pointer + "/version", "expected v2 or v3")
        }
        let steps = try array(value, "steps", at: pointer).enumerated().map { index, step throws(ReportError) in
            (try self.step(step, at: "\(pointer)/steps/\(index)"), step["cleanup"] == true)
        }
        let status: ScenarioResult.Status =
            switch try stepStatus(value, at: pointer) {
            case .passed: .passed
            case .failed: .failed
            case .skipped(let reason): .skipped(reason: reason)
            case .errored(let error): .errored(error)
            }
        return ScenarioResult(
            name: try string(value, "name", at: pointer),
            version: version,
            file: try string(value, "file", at: pointer),
            tags: value["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            status: status,
            steps: steps.filter { !$0.1 }.map(\.0),
            cleanup: steps.filter(\.1).map(\.0),
            duration: try duration(value, "durationMs", at: pointer)
        )
    }

    private func step(_ value: JSONValue, at pointer: String) throws(ReportError) -> StepResult {
        let request: TransportRequest? = try value["request"].flatMap { request throws(ReportError) in
            guard request != .null else { return nil }
            let url = try string(request, "url", at: pointer + "/request")
            guard let parsed = URL(string: url) else { throw fail(pointer + "/request/url", "not a URL") }
            return TransportRequest(
                method: try string(request, "method", at: pointer + "/request"),
                url: parsed,
                headers: headers(request),
                body: Array(try string(request, "body", at: pointer + "/request").utf8),
                timeout: try duration(request, "timeoutMs", at: pointer + "/request")
            )
        }
        let response: TransportResponse? = try value["response"].flatMap { response throws(ReportError) in
            guard response != .null else { return nil }
            guard let status = response["status"]?.numberValue?.int64Value else {
                throw fail(pointer + "/response/status", "expected an integer")
            }
            return TransportResponse(
                status: Int(status),
                headers: headers(response),
                body: Array(try string(response, "body", at: pointer + "/response").utf8)
            )
        }
        let attempts = try array(value, "attempts", at: pointer).enumerated().map {
            index,
            attempt throws(ReportError) in
            try self.attempt(attempt, at: "\(pointer)/attempts/\(index)")
        }
        let findings = try array(value, "findings", at: pointer).enumerated().map {
            index,
            finding throws(ReportError) in
            try self.finding(finding, at: "\(pointer)/findings/\(index)")
        }
        return StepResult(
            name: try string(value, "name", at: pointer),
            status: try stepStatus(value, at: pointer),
            request: request,
            response: response,
            attempts: attempts,
            findings: findings,
            duration: try duration(value, "durationMs", at: pointer)
        )
    }

    private func stepStatus(_ value: JSONValue, at pointer: String) throws(ReportError) -> StepResult.Status {
        switch try string(value, "runnerStatus", at: pointer) {
        case "passed": return .passed
        case "failed": return .failed
        case "skipped": return .skipped(reason: value["skipReason"]?.stringValue ?? "")
        case "errored":
            guard let error = value["error"] else { throw fail(pointer + "/error", "missing for an errored entry") }
            let location = HarnessError.Location(
                file: error["location"]?["file"]?.stringValue,
                step: error["location"]?["step"]?.stringValue,
                field: error["location"]?["field"]?.stringValue
            )
            return .errored(
                HarnessError(
                    HarnessError.Code(rawValue: try string(error, "code", at: pointer + "/error")),
                    try string(error, "message", at: pointer + "/error"),
                    at: location,
                    hint: error["hint"]?.stringValue ?? ""
                )
            )
        default: throw fail(pointer + "/runnerStatus", "expected passed, failed, skipped or errored")
        }
    }

    private func attempt(_ value: JSONValue, at pointer: String) throws(ReportError) -> Attempt {
        let outcome: Attempt.Outcome
        if let status = value["status"]?.numberValue?.int64Value {
            outcome = .response(status: Int(status))
        } else if let error = value["transportError"].flatMap(TransportErrorCoding.decode) {
            outcome = .transportError(error)
        } else {
            throw fail(pointer, "needs a status or a transportError")
        }
        return Attempt(
            startedAt: try date(value, "startedAt", at: pointer),
            duration: try duration(value, "durationMs", at: pointer),
            outcome: outcome,
            waitBeforeNext: value["waitBeforeNextMs"]?.numberValue.map {
                ReportTime.duration(milliseconds: $0.doubleValue)
            },
            retryReason: value["retryReason"]?.stringValue
        )
    }

    private func finding(_ value: JSONValue, at pointer: String) throws(ReportError) -> Finding {
        guard let severity = Severity(rawValue: try string(value, "reportedSeverity", at: pointer)) else {
            throw fail(pointer + "/reportedSeverity", "expected warning or error")
        }
        return Finding(
            rule: Rule(rawValue: try string(value, "rule", at: pointer)),
            severity: severity,
            message: try string(value, "message", at: pointer),
            pointer: try string(value, "pointer", at: pointer),
            expected: try string(value, "expected", at: pointer),
            actual: try string(value, "actual", at: pointer),
            location: .init(
                version: try string(value, "version", at: pointer),
                scenario: try string(value, "scenario", at: pointer),
                step: try string(value, "step", at: pointer)
            )
        )
    }

    private func headers(_ message: JSONValue) -> HTTPHeaders {
        HTTPHeaders(
            (message["headers"]?.arrayValue ?? []).compactMap { field in
                guard let name = field["name"]?.stringValue, let value = field["value"]?.stringValue else { return nil }
                return (name, value)
            }
        )
    }

    private func string(_ value: JSONValue, _ key: String, at pointer: String) throws(ReportError) -> String {
        guard let text = value[key]?.stringValue else { throw fail("\(pointer)/\(key)", "expected a string") }
        return text
    }

    private func array(_ value: JSONValue, _ key: String, at pointer: String) throws(ReportError) -> [JSONValue] {
        guard let items = value[key]?.arrayValue else { throw fail("\(pointer)/\(key)", "expected an array") }
        return items
    }

    private func date(_ value: JSONValue, _ key: String, at pointer: String) throws(ReportError) -> Date {
        guard let date = value[key]?.stringValue.flatMap(ReportTime.date(parsing:)) else {
            throw fail("\(pointer)/\(key)", "expected an ISO 8601 UTC timestamp")
        }
        return date
    }

    private func duration(_ value: JSONValue, _ key: String, at pointer: String) throws(ReportError) -> Duration {
        guard let number = value[key]?.numberValue else { throw fail("\(pointer)/\(key)", "expected milliseconds") }
        return ReportTime.duration(milliseconds: number.doubleValue)
    }

    private func fail(_ pointer: String, _ problem: String) -> ReportError {
        .invalidResults(path: path, pointer: pointer, problem: problem)
    }
}
