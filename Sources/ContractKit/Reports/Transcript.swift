/// The redacted request/response exchange of a step and its attempt timeline, as text for
/// JUnit failure bodies and the console.
///
/// Bodies longer than ``bodyLimit`` bytes are cut (with a note of how much was left out): a
/// 1 MiB response repeated in every failure of a step would make the report unreadable.
struct Transcript: Sendable {
    var redactor: Redactor
    var bodyLimit: Int

    func render(_ step: StepResult) -> String {
        var lines: [String] = []
        if let request = step.request {
            lines.append("> \(request.method) \(redactor.redact(request.url.absoluteString))")
            lines += request.headers.fields.map {
                "> \($0.name): \(redactor.redactHeader(name: $0.name, value: $0.value))"
            }
            if !request.body.isEmpty { lines += ["", body(request.body)] }
        } else {
            lines.append("(no request was sent)")
        }
        lines.append("")
        if let response = step.response {
            lines.append("< \(response.status)")
            lines += response.headers.fields.map {
                "< \($0.name): \(redactor.redactHeader(name: $0.name, value: $0.value))"
            }
            if !response.body.isEmpty { lines += ["", body(response.body)] }
        } else {
            lines.append("(no response)")
        }
        if !step.attempts.isEmpty {
            lines += ["", "attempts:"] + Self.timeline(step.attempts).map { "  " + redactor.redact($0) }
        }
        return lines.joined(separator: "\n")
    }

    private func body(_ bytes: [UInt8]) -> String {
        let shown = bytes.count > bodyLimit ? Array(bytes[..<bodyLimit]) : bytes
        var text = redactor.redact(String(decoding: shown, as: UTF8.self))
        if bytes.count > bodyLimit { text += "\n… \(bytes.count - bodyLimit) more bytes not shown" }
        return text
    }

    /// One line per attempt: `1. 2026-01-01T00:00:00.000Z 503 in 12 ms, waited 200 ms (status 503)`.
    static func timeline(_ attempts: [Attempt]) -> [String] {
        attempts.enumerated().map { index, attempt in
            var line =
                "\(index + 1). \(ReportTime.timestamp(attempt.startedAt, fractional: true)) "
                + "\(outcome(attempt.outcome)) in \(ReportTime.human(attempt.duration))"
            if let wait = attempt.waitBeforeNext {
                line += ", waited \(ReportTime.human(wait))"
                if let reason = attempt.retryReason { line += " (\(reason))" }
            }
            return line
        }
    }

    static func outcome(_ outcome: Attempt.Outcome) -> String {
        switch outcome {
        case .response(let status): String(status)
        case .transportError(let error): "transport error: \(error)"
        }
    }
}
