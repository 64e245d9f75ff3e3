import Foundation
import HTTPServer
import Testing

@testable import ContractKit

struct RetryPolicyTests {
    let policy = RetryPolicy()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func decide(
        _ status: Int,
        _ headers: HTTPHeaders = [:],
        retries: Int = 0,
        jitter: Double = 0
    ) -> RetryPolicy.Decision {
        policy.decision(
            after: .success(TransportResponse(status: status, headers: headers)),
            retriesSoFar: retries,
            jitter: jitter,
            now: now
        )
    }

    @Test(arguments: [408, 409, 429, 500, 502, 503, 504, 599])
    func retriesRetryableStatuses(status: Int) {
        #expect(decide(status) == .retry(after: .milliseconds(500), reason: "status \(status)"))
    }

    @Test(arguments: [200, 201, 204, 301, 400, 401, 403, 404, 410, 422])
    func neverRetriesOtherStatuses(status: Int) {
        #expect(decide(status) == .stop)
    }

    @Test func backsOffExponentiallyAndCapsAtEightSeconds() {
        let delays = (0..<6).map { policy.backoff($0, jitter: 0) }
        #expect(delays == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
    }

    @Test func jitterTakesOffAtMostAQuarter() {
        #expect(policy.backoff(1, jitter: 0.5) == .milliseconds(875))
        #expect(policy.backoff(1, jitter: 0.999_999) > .milliseconds(750))
        #expect(policy.backoff(4, jitter: 1) == .seconds(6))
    }

    @Test func stopsAfterMaxRetries() {
        #expect(decide(503, retries: 1) != .stop)
        #expect(decide(503, retries: 2) == .stop)
        #expect(
            RetryPolicy.never.decision(
                after: .failure(.timeout(after: .seconds(1))),
                retriesSoFar: 0,
                jitter: 0,
                now: now
            ) == .stop
        )
    }

    @Test func shouldRetryHeaderOverridesTheStatusRule() {
        #expect(decide(400, ["x-should-retry": "true"]) == .retry(after: .milliseconds(500), reason: "status 400"))
        #expect(decide(503, ["X-Should-Retry": "false"]) == .stop)
    }

    @Test func honoursRetryAfterMsBeforeRetryAfter() {
        let decision = decide(429, ["retry-after-ms": "1500", "Retry-After": "7"])
        #expect(decision == .retry(after: .milliseconds(1500), reason: "status 429, retry-after-ms: 1500"))
    }

    @Test func honoursRetryAfterSecondsAndHTTPDate() {
        #expect(decide(503, ["Retry-After": "3"]) == .retry(after: .seconds(3), reason: "status 503, retry-after: 3"))
        let date = "Fri, 15 Jan 2027 08:00:05 GMT"
        let at = RetryPolicy.httpDate(date)!
        let policyNow = at.addingTimeInterval(-5)
        let decision = policy.decision(
            after: .success(TransportResponse(status: 429, headers: ["Retry-After": date])),
            retriesSoFar: 0,
            jitter: 0,
            now: policyNow
        )
        #expect(decision == .retry(after: .seconds(5), reason: "status 429, retry-after: \(date)"))
    }

    @Test(arguments: ["0", "-1", "61", "soon", "Sun, 06 Nov 1994 08:49:37 GMT"])
    func fallsBackToBackoffForUnusableRetryAfter(value: String) {
        #expect(decide(503, ["Retry-After": value]) == .retry(after: .milliseconds(500), reason: "status 503"))
    }

    @Test func retriesConnectionFailuresButNotOtherTransportErrors() {
        let retryable: [TransportError] = [
            .unreachable(host: "h", detail: "refused"), .dns(host: "h"), .timeout(after: .seconds(1)),
            .connectionReset(detail: "eof"),
        ]
        for error in retryable {
            let decision = policy.decision(after: .failure(error), retriesSoFar: 1, jitter: 0, now: now)
            #expect(decision == .retry(after: .seconds(1), reason: "transport: \(error.caseName)"))
        }
        let final: [TransportError] = [
            .tls(host: "h", detail: "untrusted"), .bodyTooLarge(limit: 1), .invalidResponse(detail: "x"), .cancelled,
        ]
        for error in final {
            #expect(policy.decision(after: .failure(error), retriesSoFar: 0, jitter: 0, now: now) == .stop)
        }
    }
}
