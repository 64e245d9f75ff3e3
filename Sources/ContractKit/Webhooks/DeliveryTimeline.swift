import Foundation

/// The attempts of each event delivery, grouped, timed and judged against a ``DeliveryPolicy``.
///
/// Attempts are grouped per receiver path (one path per subscription), then by the envelope's
/// `event_id`. When the id changes between attempts (itself a `webhook.event-id` finding), an attempt
/// joins the latest series on its path with the same `event_type` whose last answer was not a 2xx:
/// so a scenario should trigger one event per path at a time.
///
/// Judge a timeline only after the sender has had time to retry (see
/// ``WebhookReceiver/waitUntilQuiet(path:quiet:timeout:)``): a missing retry is read as no retry.
public struct DeliveryTimeline: Sendable, Hashable {
    /// The attempts to deliver one event to one path.
    public struct Series: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var eventType: String?
        /// Every `event_id` the attempts carried, in order of appearance; more than one is a finding.
        public var eventIDs: [String]
        public var attempts: [ReceivedDelivery]
        /// Seconds between successive attempts, as observed.
        public var gaps: [Double]
        /// ``gaps`` divided by the time scale: what the schedule means in real time.
        public var realTimeGaps: [Double]
        /// The fitted growth factor of successive gaps (see ``fitGrowth(_:)``); `nil` with fewer than two gaps.
        public var backoffFactor: Double?

        init(path: String, eventType: String?, eventIDs: [String], attempts: [ReceivedDelivery], timeScale: Double) {
            self.path = path
            self.eventType = eventType
            self.eventIDs = eventIDs
            self.attempts = attempts
            gaps = zip(attempts, attempts.dropFirst()).map { $1.arrivedAt.timeIntervalSince($0.arrivedAt) }
            realTimeGaps = gaps.map { $0 / timeScale }
            backoffFactor = Self.fitGrowth(gaps)
        }

        /// E.g. `/hooks/a message.sent: 3 attempts answered 503, 503, 200; real-time gaps 1.5 s, 3.0 s;
        /// backoff factor 2.00`.
        public var description: String {
            let answers = attempts.map(\.answer.description).joined(separator: ", ")
            var text = "\(path) \(eventType ?? "(no event_type)"): \(attempts.count) attempt(s) answered \(answers)"
            if !realTimeGaps.isEmpty {
                text += "; real-time gaps " + realTimeGaps.map { Self.seconds($0) }.joined(separator: ", ")
            }
            if let backoffFactor { text += "; backoff factor " + String(format: "%.2f", backoffFactor) }
            return text
        }

        /// The per-step growth factor of `gaps`: the Theil–Sen slope of their logarithms (the median of
        /// the slopes between every pair of gaps), exponentiated.
        ///
        /// Every gap is the sender's delay plus the latency of a loaded network or machine. Pairs far
        /// apart weigh that noise by their distance, and the median ignores up to about a quarter of
        /// the gaps being outliers: one late attempt can neither hide backoff nor fake it, and jitter
        /// of a third of a small constant interval does not look like growth. (The median of
        /// neighbouring ratios, used before, flipped on such jitter; a least-squares fit or a geometric
        /// mean is pulled by a single late attempt.)
        static func fitGrowth(_ gaps: [Double]) -> Double? {
            guard gaps.count >= 2 else { return nil }
            let logs = gaps.map { log(max($0, 1e-6)) }
            var slopes: [Double] = []
            for later in logs.indices {
                for earlier in logs.indices where earlier < later {
                    slopes.append((logs[later] - logs[earlier]) / Double(later - earlier))
                }
            }
            slopes.sort()
            let middle = slopes.count / 2
            let slope = slopes.count.isMultiple(of: 2) ? (slopes[middle - 1] + slopes[middle]) / 2 : slopes[middle]
            return exp(slope)
        }

        private static func seconds(_ value: Double) -> String {
            value < 10 ? String(format: "%.3g s", value) : String(format: "%.0f s", value)
        }
    }

    public var series: [Series]
    /// Real time per observed time: 0.001 when the sandbox runs its schedule a thousand times faster.
    public var timeScale: Double

    /// Groups `deliveries` (any paths, in any order) into series.
    public init(_ deliveries: [ReceivedDelivery], timeScale: Double = 1) {
        self.timeScale = timeScale
        struct Open {
            var path: String
            var eventType: String?
            var eventIDs: [String]
            var attempts: [ReceivedDelivery]
        }
        var open: [Open] = []
        for delivery in deliveries.sorted(by: { $0.sequence < $1.sequence }) {
            let body = delivery.json
            let eventID = body?["event_id"]?.stringValue
            let eventType = body?["event_type"]?.stringValue
            let index = open.lastIndex { candidate in
                guard candidate.path == delivery.path else { return false }
                if let eventID, candidate.eventIDs.contains(eventID) { return true }
                let lastStatus = candidate.attempts.last?.answeredStatus ?? 0
                return candidate.eventType == eventType && !(200..<300).contains(lastStatus)
            }
            if let index {
                open[index].attempts.append(delivery)
                if let eventID, !open[index].eventIDs.contains(eventID) { open[index].eventIDs.append(eventID) }
            } else {
                open.append(
                    Open(
                        path: delivery.path,
                        eventType: eventType,
                        eventIDs: eventID.map { [$0] } ?? [],
                        attempts: [delivery]
                    )
                )
            }
        }
        series = open.map {
            Series(
                path: $0.path,
                eventType: $0.eventType,
                eventIDs: $0.eventIDs,
                attempts: $0.attempts,
                timeScale: timeScale
            )
        }
    }

    /// Every retry finding: missing or forbidden retries, too many, no backoff, a changing `event_id`.
    public func findings(policy: DeliveryPolicy = .documented) -> [Finding] {
        series.flatMap { findings(for: $0, policy: policy) }
    }

    private func findings(for series: Series, policy: DeliveryPolicy) -> [Finding] {
        var findings: [Finding] = []
        let subject = "\(series.path) \(series.eventType ?? "(no event_type)")"
        if series.eventIDs.count > 1 {
            findings.append(
                Finding(
                    rule: .webhookEventID,
                    message: "\(subject): the event_id changed between attempts of one delivery",
                    pointer: "/event_id",
                    expected: "one event_id on every attempt",
                    actual: series.eventIDs.joined(separator: ", ")
                )
            )
        }
        for (attempt, next) in zip(series.attempts, series.attempts.dropFirst())
        where policy.forbidsRetry(after: attempt.answer) {
            findings.append(
                Finding(
                    rule: .webhookRetry,
                    message: "\(subject): delivered again (\(next.label)) after answering \(attempt.answer)",
                    expected: "no retry after \(attempt.answer)",
                    actual: "\(series.attempts.count) attempts"
                )
            )
            break
        }
        let maxAttempts = policy.maxRetries + 1
        if series.attempts.count > maxAttempts {
            findings.append(
                Finding(
                    rule: .webhookRetry,
                    message: "\(subject): \(series.attempts.count - 1) retries, more than "
                        + "\(policy.maxRetries)",
                    expected: "at most \(maxAttempts) attempts",
                    actual: "\(series.attempts.count) attempts"
                )
            )
        } else if let last = series.attempts.last, policy.requiresRetry(after: last.answer),
            series.attempts.count < maxAttempts
        {
            findings.append(
                Finding(
                    rule: .webhookRetry,
                    message: "\(subject): not retried after answering \(last.answer)",
                    expected: "a retry after \(last.answer) (up to \(policy.maxRetries) retries)",
                    actual: "\(series.attempts.count) attempt(s), the last answered \(last.answer)"
                )
            )
        }
        if let factor = series.backoffFactor, factor < policy.minimumGrowthFactor {
            let gaps = series.realTimeGaps.map { String(format: "%.3g s", $0) }.joined(separator: ", ")
            findings.append(
                Finding(
                    rule: .webhookBackoff,
                    message:
                        "\(subject): retry intervals do not grow (fitted factor \(String(format: "%.2f", factor)))",
                    expected: "each interval about \(policy.minimumGrowthFactor)× the previous or more",
                    actual: "real-time gaps \(gaps)"
                )
            )
        }
        return findings
    }
}
