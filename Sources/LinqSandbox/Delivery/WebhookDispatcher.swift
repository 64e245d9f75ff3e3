import Foundation
import HTTPServer
import Synchronization

/// Fans an event out to the matching subscriptions and runs each delivery's retry schedule
/// in its own task, recording every attempt in the store.
final class WebhookDispatcher: Sendable {
    private let store: SandboxStore
    private let composer: DeliveryComposer
    private let poster: any WebhookPoster
    private let policy: RetryPolicy
    private let timeScale: Double
    private let clock: @Sendable () -> Date
    /// Running deliveries by token, so that ``cancelAll()`` can stop them; `nil` once cancelled for good.
    private let running = Mutex<[Int: Task<Void, Never>]?>([:])
    private let nextToken = Atomic<Int>(0)

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
                    $0.matches(
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
                state.v2Subscriptions.filter { $0.active && $0.events.contains(event.eventType) }
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
        let tasks = running.withLock { running in
            defer { running = nil }
            return running.map { Array($0.values) } ?? []
        }
        for task in tasks { task.cancel() }
    }

    private struct Attempt: Sendable {
        var eventID: String
        var time: Date
    }

    private func start(
        _ event: WebhookEvent,
        owner: (id: String, url: String),
        _ compose: @escaping @Sendable (Attempt) -> (headers: HTTPHeaders, body: [UInt8])
    ) {
        let token = nextToken.add(1, ordering: .relaxed).newValue
        running.withLock { running in
            guard running != nil else { return }
            running?[token] = Task {
                await self.deliver(event, to: owner, compose)
                _ = self.running.withLock { $0?.removeValue(forKey: token) }
            }
        }
    }

    private func deliver(
        _ event: WebhookEvent,
        to owner: (id: String, url: String),
        _ compose: @Sendable (Attempt) -> (headers: HTTPHeaders, body: [UInt8])
    ) async {
        guard let url = URL(string: owner.url) else { return }
        var eventID = event.eventID
        for attempt in 1...(policy.maxRetries + 1) {
            if attempt > 1, event.faults.contains(.newEventIDPerRetry) { eventID = SandboxIdentifiers.uuid() }
            let now = clock()
            let request = compose(Attempt(eventID: eventID, time: now))
            let outcome = await poster.post(to: url, headers: request.headers, body: request.body)
            let record = DeliveryRecord(
                api: event.api,
                subscriptionID: owner.id,
                eventID: eventID,
                eventType: event.eventType,
                attempt: attempt,
                sentAt: now,
                outcome: outcome
            )
            store.withState { $0.record(record) }
            guard attempt <= policy.maxRetries, policy.shouldRetry(after: outcome, faults: event.faults) else { return }
            let seconds = policy.delay(beforeRetry: attempt, faults: event.faults) * timeScale
            do {
                try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
            } catch {
                return
            }
        }
    }
}
