import Foundation
import HTTPServer
import Synchronization

/// Fans an event out to the matching subscriptions and runs each delivery's retry schedule,
/// recording every attempt in the store.
///
/// Scheduling uses Dispatch timers and completion callbacks rather than Swift tasks: the retry
/// schedule is what the suite measures, and tasks would wait behind the CPU-heavy checking that
/// shares the process's cooperative pool, stretching a 75 ms gap to a second on a busy machine.
final class WebhookDispatcher: Sendable {
    private let store: SandboxStore
    private let composer: DeliveryComposer
    private let poster: any WebhookPoster
    private let policy: RetryPolicy
    private let timeScale: Double
    private let clock: @Sendable () -> Date
    /// Tokens of deliveries still running, so ``cancelAll()`` can stop them; `nil` once cancelled for good.
    private let running = Mutex<Set<Int>?>([])
    private let nextToken = Atomic<Int>(0)
    private let timers = DispatchQueue(label: "sandbox.deliveries", attributes: .concurrent)

    init(
        store: SandboxStore,
        composer: DeliveryComposer,
        poster: any WebhookPoster,
        policy: RetryPolicy,
        timeScale: Double,
        clock: @escaping @Sendable () -> Date
    ) {
        self.store = store
        self.composer = composer
        self.poster = poster
        self.policy = policy
        self.timeScale = timeScale
        self.clock = clock
    }

    /// Schedules `event` for every active subscription of its API that matches it, and returns their ids.
    func dispatch(_ event: WebhookEvent) -> [String] {
        let ignoreFilter = event.faults.contains(.phoneFilterIgnored)
        switch event.api {
        case .v3:
            let targets = store.withState { state in
                state.v3Subscriptions.filter {
                    event.isScoped(to: $0.targetURL)
                        && $0.matches(
                        eventType: event.eventType,
                        phoneNumber: event.phoneNumber,
                        ignoringPhoneFilter: ignoreFilter
                    )
                }
            }
            for subscription in targets {
                start(event, owner: (subscription.id, subscription.targetURL)) { attempt in
                    self.composer.v3(event, to: subscription, eventID: attempt.eventID, at: attempt.time)
                }
            }
            return targets.map(\.id)
        case .v2:
            let targets = store.withState { state in
                state.v2Subscriptions.filter {
                    event.isScoped(to: $0.webhookURL) && $0.active && $0.events.contains(event.eventType)
                }
            }
            for subscription in targets {
                start(event, owner: (String(subscription.id), subscription.webhookURL)) { attempt in
                    self.composer.v2(event, to: subscription, eventID: attempt.eventID)
                }
            }
            return targets.map { String($0.id) }
        }
    }

    /// Cancels every pending delivery and refuses new ones.
    func cancelAll() {
        running.withLock { $0 = nil }
        poster.cancelInFlight()
    }

    private struct Attempt: Sendable {
        var eventID: String
        var time: Date
    }

    /// One delivery's fixed facts; each attempt is a call to ``attempt(_:eventID:of:)``.
    private struct Delivery: Sendable {
        var token: Int
        var event: WebhookEvent
        var url: URL
        var subscriptionID: String
        var compose: @Sendable (Attempt) -> (headers: HTTPHeaders, body: [UInt8])
    }

    private func start(
        _ event: WebhookEvent,
        owner: (id: String, url: String),
        _ compose: @escaping @Sendable (Attempt) -> (headers: HTTPHeaders, body: [UInt8])
    ) {
        guard let url = URL(string: owner.url) else { return }
        let token = nextToken.add(1, ordering: .relaxed).newValue
        let isRunning = running.withLock { running in running?.insert(token) != nil }
        guard isRunning else { return }
        let delivery = Delivery(token: token, event: event, url: url, subscriptionID: owner.id, compose: compose)
        timers.async { self.attempt(1, eventID: event.eventID, of: delivery) }
    }

    private func isRunning(_ token: Int) -> Bool {
        running.withLock { $0?.contains(token) ?? false }
    }

    private func finish(_ token: Int) {
        _ = running.withLock { $0?.remove(token) }
    }

    private func attempt(_ number: Int, eventID: String, of delivery: Delivery) {
        guard isRunning(delivery.token) else { return }
        let event = delivery.event
        let now = clock()
        let request = delivery.compose(Attempt(eventID: eventID, time: now))
        poster.post(to: delivery.url, headers: request.headers, body: request.body) { outcome in
            let record = DeliveryRecord(
                api: event.api,
                subscriptionID: delivery.subscriptionID,
                eventID: eventID,
                eventType: event.eventType,
                attempt: number,
                sentAt: now,
                outcome: outcome
            )
            self.store.withState { $0.record(record) }
            guard number <= self.policy.maxRetries, self.policy.shouldRetry(after: outcome, faults: event.faults)
            else { return self.finish(delivery.token) }
            let seconds = max(0, self.policy.delay(beforeRetry: number, faults: event.faults) * self.timeScale)
            let nextID = event.faults.contains(.newEventIDPerRetry) ? SandboxIdentifiers.uuid() : eventID
            self.timers.asyncAfter(deadline: .now() + seconds) {
                self.attempt(number + 1, eventID: nextID, of: delivery)
            }
        }
    }
}
