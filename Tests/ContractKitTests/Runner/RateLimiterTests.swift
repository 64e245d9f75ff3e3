import Testing

@testable import ContractKit

struct RateLimiterTests {
    @Test func spacesSequentialRequestsByTheInterval() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(rate: 4, clock: clock)
        var slots: [Duration] = []
        for _ in 0..<5 { slots.append(try await limiter.acquire()) }
        #expect(slots == [.zero, .milliseconds(250), .milliseconds(500), .milliseconds(750), .seconds(1)])
        #expect(clock.sleeps == Array(repeating: .milliseconds(250), count: 4))
    }

    @Test func doesNotWaitWhenRequestsAreAlreadySlowerThanTheRate() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(rate: 2, clock: clock)
        try await limiter.acquire()
        clock.advance(by: .seconds(3))
        let slot = try await limiter.acquire()
        #expect(slot == .seconds(3))
        #expect(clock.sleeps.isEmpty)
    }

    @Test func concurrentCallersNeverShareOrCrowdASlot() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(rate: 10, clock: clock)
        let slots = try await withThrowingTaskGroup(of: Duration.self) { group in
            for _ in 0..<50 { group.addTask { try await limiter.acquire() } }
            return try await group.reduce(into: []) { $0.append($1) }.sorted()
        }
        #expect(slots.count == 50)
        for (earlier, later) in zip(slots, slots.dropFirst()) {
            #expect(later - earlier >= .milliseconds(100))
        }
        // No one-second window holds more than `rate` request starts.
        for (index, start) in slots.enumerated() {
            #expect(slots[index...].prefix { $0 < start + .seconds(1) }.count <= 10)
        }
    }
}
