import Foundation
import Testing

@testable import ContractKit

@Suite("DeliveryTimeline")
struct DeliveryTimelineTests {
    typealias Answer = WebhookReceiver.Answer

    /// Attempts answered `answers`, arriving at `times` (seconds), all carrying one event id.
    private func timeline(
        _ answers: [Answer],
        at times: [Double],
        eventIDs: [String]? = nil,
        timeScale: Double = 1
    ) -> DeliveryTimeline {
        let deliveries = answers.indices.map { index in
            DeliveryFixtures.attempt(
                index,
                at: times[index],
                answer: answers[index],
                eventID: eventIDs?[index] ?? "evt-1"
            )
        }
        return DeliveryTimeline(deliveries, timeScale: timeScale)
    }

    @Test("a jittered exponential schedule that ends in 200 passes, with a fitted factor near 2")
    func goodSchedule() throws {
        let result = timeline([503, 503, 503, .drop, 200], at: [0, 1.6, 4.4, 10.5, 22.6])
        #expect(result.series.count == 1)
        #expect(result.findings().isEmpty)
        let factor = try #require(result.series.first?.backoffFactor)
        #expect(abs(factor - 2) < 0.2)
    }

    @Test("constant intervals are webhook.backoff, with the real-time gaps in the finding")
    func noBackoff() {
        let findings = timeline([503, 503, 503, 200], at: [0, 0.0015, 0.0031, 0.0045], timeScale: 0.001).findings()
        #expect(findings.map(\.rule) == [.webhookBackoff])
        #expect(findings.first?.actual.contains("1.5 s") == true)
    }

    @Test("one attempt delayed by the network neither hides backoff nor fakes it")
    func latencyOutlier() throws {
        let late = timeline([503, 503, 503, 503, 503, 200], at: [0, 0.215, 0.365, 0.665, 1.265, 2.465])
        #expect(late.findings().isEmpty)
        let flatThenLate = timeline([503, 503, 503, 503, 503, 200], at: [0, 0.075, 0.15, 0.225, 0.3, 0.515])
        #expect(flatThenLate.findings().map(\.rule) == [.webhookBackoff])
        #expect(try #require(flatThenLate.series.first?.backoffFactor) < 1.2)
    }

    /// Gaps of a 75 ms constant interval as a loaded machine delivered them: jitter of a third of the
    /// interval, then latency growing with the load. The median of neighbouring ratios read the
    /// second as 1.27, which passed the old 1.2 threshold: a no-backoff sender went unreported.
    @Test(
        "jitter and a growing latency on a constant interval are not backoff",
        arguments: [
            [0.075, 0.1, 0.07, 0.095, 0.075],
            [0.075, 0.095, 0.12, 0.105, 0.135],
            [0.075, 0.08, 0.1, 0.125, 0.15],
        ]
    )
    func jitteredConstantInterval(gaps: [Double]) throws {
        let factor = try #require(DeliveryTimeline.Series.fitGrowth(gaps))
        #expect(factor < DeliveryPolicy.documented.minimumGrowthFactor, "fitted \(factor)")
        let times = gaps.reduce(into: [0.0]) { $0.append($0.last! + $1) }
        let findings = timeline([503, 503, 503, 503, 503, 200], at: times).findings()
        #expect(findings.map(\.rule) == [.webhookBackoff])
    }

    @Test("the fit recovers the growth factor of an exact schedule, and of one with a late attempt")
    func fitRecoversTheFactor() throws {
        let doubling = [1.5, 3, 6, 12, 24]
        #expect(abs(try #require(DeliveryTimeline.Series.fitGrowth(doubling)) - 2) < 1e-9)
        #expect(abs(try #require(DeliveryTimeline.Series.fitGrowth([1, 1, 1])) - 1) < 1e-9)
        let lateSecond = [1.5, 3.4, 6, 12, 24]
        #expect(abs(try #require(DeliveryTimeline.Series.fitGrowth(lateSecond)) - 2) < 0.1)
        #expect(DeliveryTimeline.Series.fitGrowth([2]) == nil)
    }

    @Test("a retry after 400 is webhook.retry; a 429 must be retried")
    func retryAfterClientError() {
        let findings = timeline([400, 400], at: [0, 1.5]).findings()
        #expect(findings.map(\.rule) == [.webhookRetry])
        #expect(findings.first?.message.contains("after answering 400") == true)
        #expect(timeline([429, 200], at: [0, 1.5]).findings().isEmpty)
        #expect(timeline([429], at: [0]).findings().map(\.rule) == [.webhookRetry])
    }

    @Test(
        "no retry after 503 or a dropped connection is webhook.retry; none after 400 is right",
        arguments: [Answer.status(503), .drop, .delayed(.seconds(11), 200)]
    )
    func missingRetry(answer: Answer) {
        let findings = timeline([answer], at: [0]).findings()
        #expect(findings.map(\.rule) == [.webhookRetry])
        #expect(findings.first?.message.contains("not retried") == true)
        #expect(timeline([400], at: [0]).findings().isEmpty)
    }

    @Test("a new event_id on every retry is webhook.event-id, and the attempts still form one series")
    func newEventIDPerRetry() {
        let result = timeline([503, 503, 200], at: [0, 1.5, 4.5], eventIDs: ["a", "b", "c"])
        #expect(result.series.count == 1)
        #expect(result.series.first?.eventIDs == ["a", "b", "c"])
        #expect(result.findings().map(\.rule) == [.webhookEventID])
    }

    @Test("more than ten retries is webhook.retry")
    func tooManyRetries() {
        let times = (0..<12).map { 1.5 * (pow(2, Double($0)) - 1) }
        let findings = timeline(Array(repeating: 503, count: 12), at: times).findings()
        #expect(findings.map(\.rule) == [.webhookRetry])
        #expect(findings.first?.message.contains("11 retries") == true)
        let exactlyTen = timeline(Array(repeating: 503, count: 11), at: Array(times.prefix(11)))
        #expect(exactlyTen.findings().isEmpty)
    }

    @Test("a delivery after a 2xx is webhook.retry")
    func deliveredAfterSuccess() {
        let findings = timeline([503, 200, 200], at: [0, 1.5, 4.5]).findings()
        #expect(findings.map(\.rule) == [.webhookRetry])
        #expect(findings.first?.message.contains("after answering 200") == true)
    }

    @Test("attempts group by path and event; a time scale converts gaps to real time")
    func grouping() throws {
        let deliveries = [
            DeliveryFixtures.attempt(0, at: 0, answer: 503, eventID: "e1", path: "/a"),
            DeliveryFixtures.attempt(1, at: 0.001, answer: 200, eventID: "e1", path: "/b"),
            DeliveryFixtures.attempt(2, at: 0.0015, answer: 200, eventID: "e1", path: "/a"),
            DeliveryFixtures.attempt(3, at: 0.002, answer: 200, eventID: "e2", path: "/b"),
        ]
        let result = DeliveryTimeline(deliveries.reversed(), timeScale: 0.001)
        #expect(result.series.map(\.path) == ["/a", "/b", "/b"])
        #expect(result.series.map(\.attempts.count) == [2, 1, 1])
        let gap = try #require(result.series.first?.realTimeGaps.first)
        #expect(abs(gap - 1.5) < 1e-3)
        #expect(result.series.first?.description.contains("503, 200") == true)
        #expect(result.findings().isEmpty)
    }

    @Test("the policy comes from x-webhook-delivery, with defaults for what it omits")
    func policyFromSpec() throws {
        let v3 = DeliveryPolicy(document: try DeliveryFixtures.spec("v3"))
        #expect(v3.maxRetries == 10 && v3.retryWindowSeconds == 1500 && v3.timestampToleranceSeconds == 300)
        let custom = DeliveryPolicy(document: ["x-webhook-delivery": ["maxRetries": 5]])
        #expect(custom.maxRetries == 5 && custom.responseTimeoutSeconds == 10)
        #expect(DeliveryPolicy(document: try DeliveryFixtures.spec("v2")) == .documented)
        let findings = timeline(Array(repeating: 503, count: 7), at: (0..<7).map { pow(2, Double($0)) })
            .findings(policy: custom)
        #expect(findings.map(\.rule) == [.webhookRetry])
    }
}
