import Foundation
import HTTPServer

@testable import ContractKit

/// A run with every kind of outcome, and secrets planted in every place a report could leak them.
enum SampleRun {
    static let apiKey = "sk_test_APIKEY_0123456789abcdef"
    static let integrationToken = "v2tok_INTEGRATION_9876543210"
    static let webhookSecret = "whsec_ENVSECRETc2VjcmV0Cg=="
    static let signingSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZI/o2LaLaSw7Jxx2Oll+OE="
    static let clientSecret = "client-chosen-secret-4711"
    static let secrets = [apiKey, integrationToken, webhookSecret, signingSecret, clientSecret]
    static let environment = [
        "LINQ_API_V3_API_KEY": apiKey, "LINQ_INTEGRATION_TOKEN": integrationToken, "LINQ_WEBHOOK_SECRET": webhookSecret,
    ]
    static let start = Date(timeIntervalSince1970: 1_767_225_600)
    static let nasty = "ESC\u{1B}[31m NUL\u{0} ]]> <b>&amp;</b> 🦊 \u{FFFF}"

    static func location(_ version: String, _ scenario: String, _ step: String) -> Finding.Location {
        .init(version: version, scenario: scenario, step: step)
    }

    static var result: RunResult {
        let loc = location("v3", "subscriptions", "create")
        let encodedSecret = signingSecret.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let create = StepResult(
            name: "create",
            status: .failed,
            request: TransportRequest(
                method: "POST",
                url: URL(string: "http://127.0.0.1:8080/v3/webhook-subscriptions?token=\(apiKey)")!,
                headers: ["Authorization": "Bearer \(apiKey)", "Content-Type": "application/json"],
                body: Array(#"{"target_url":"https://hooks.test/x?secret=\#(encodedSecret)"}"#.utf8)
            ),
            response: TransportResponse(
                status: 201,
                headers: ["Content-Type": "application/json", "webhook-signature": "v1,abc"],
                body: Array(#"{"id":"sub_1","signing_secret":"\#(signingSecret)","note":"\#(nasty)"}"#.utf8)
                    + Array(repeating: UInt8(ascii: "x"), count: 100_000)
            ),
            attempts: [
                Attempt(
                    startedAt: start,
                    duration: .milliseconds(12),
                    outcome: .response(status: 503),
                    waitBeforeNext: .milliseconds(200),
                    retryReason: "status 503"
                ),
                Attempt(
                    startedAt: start.addingTimeInterval(0.3),
                    duration: .milliseconds(8),
                    outcome: .response(status: 201)
                ),
            ],
            findings: [
                Finding(
                    rule: .responseSchema,
                    message: "required member missing",
                    pointer: "/created_at",
                    expected: "string",
                    actual: "absent \(nasty)",
                    location: loc
                ),
                Finding(
                    rule: .secretOnce,
                    message: "secret echoed",
                    pointer: "/echo",
                    expected: "absent",
                    actual: signingSecret.replacingOccurrences(of: "/", with: "\\/"),
                    location: loc
                ),
                Finding(
                    rule: .enumValue,
                    message: "undocumented status",
                    pointer: "/status",
                    expected: "active, paused",
                    actual: "sleeping",
                    location: loc
                ),
            ],
            duration: .milliseconds(320)
        )
        let list = StepResult(
            name: "list",
            status: .passed,
            request: TransportRequest(
                method: "GET",
                url: URL(string: "http://127.0.0.1:8080/v3/webhook-subscriptions")!,
                headers: ["X-LINQ-INTEGRATION-TOKEN": integrationToken]
            ),
            response: TransportResponse(status: 200, body: Array(#"{"data":[]}"#.utf8)),
            findings: [
                Finding(
                    rule: .responseSchema,
                    severity: .warning,
                    message: "undocumented member",
                    pointer: "/data/0/extra",
                    location: location("v3", "subscriptions", "list")
                )
            ],
            duration: .milliseconds(5)
        )
        let budget = StepResult(
            name: "delete",
            status: .errored(
                HarnessError(
                    .budgetExhausted,
                    "request budget spent before sending with key \(apiKey)",
                    hint: "raise --max-requests"
                )
            )
        )
        let cleanup = StepResult(
            name: "cleanup: DELETE /v3/webhook-subscriptions/sub_1",
            status: .skipped(reason: "nothing to clean")
        )
        let subscriptions = ScenarioResult(
            name: "subscriptions",
            version: .v3,
            file: "v3/subscriptions.json",
            tags: ["writes"],
            status: .failed,
            steps: [create, list, budget],
            cleanup: [cleanup],
            duration: .milliseconds(400)
        )
        let unreachable = ScenarioResult(
            name: "messages",
            version: .v3,
            file: "v3/messages.json",
            tags: [],
            status: .failed,
            steps: [
                StepResult(
                    name: "send",
                    status: .failed,
                    request: TransportRequest(
                        method: "POST",
                        url: URL(string: "http://10.255.255.1/v3/messages")!,
                        headers: ["Authorization": "Bearer \(webhookSecret)"],
                        body: Array(#"{"secret":"\#(clientSecret)"}"#.utf8)
                    ),
                    attempts: [
                        Attempt(
                            startedAt: start,
                            duration: .seconds(5),
                            outcome: .transportError(.timeout(after: .seconds(5)))
                        )
                    ],
                    findings: [
                        Finding(
                            rule: .transport,
                            message: "no response within 5 s",
                            location: location("v3", "messages", "send")
                        )
                    ],
                    duration: .seconds(5)
                )
            ],
            duration: .seconds(5)
        )
        let skipped = ScenarioResult(
            name: "legacy-webhooks",
            version: .v2,
            file: "v2/webhooks.json",
            tags: ["slow"],
            status: .skipped(reason: "slow scenarios not selected")
        )
        return RunResult(
            runID: "run-42",
            target: "sandbox at http://127.0.0.1:8080",
            specHashes: [.v3: String(repeating: "ab", count: 32)],
            startedAt: start,
            finishedAt: start.addingTimeInterval(6),
            scenarios: [skipped, unreachable, subscriptions]
        )
    }
}
