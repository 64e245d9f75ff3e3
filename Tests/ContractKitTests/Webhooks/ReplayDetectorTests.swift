import Testing

@testable import ContractKit

struct ReplayDetectorTests {
    @Test func tellsRetriesFromReusedIds() {
        let detector = ReplayDetector()
        #expect(detector.record(id: "msg_1", body: [1, 2]) == .firstDelivery)
        #expect(detector.record(id: "msg_2", body: [1, 2]) == .firstDelivery)
        #expect(detector.record(id: "msg_1", body: [1, 2]) == .redelivery(previousCount: 1))
        #expect(detector.record(id: "msg_1", body: [1, 3]) == .differentBody(previousCount: 2))
        // The first body stays the reference.
        #expect(detector.record(id: "msg_1", body: [1, 2]) == .redelivery(previousCount: 3))
        #expect(detector.record(id: "msg_3", body: []) == .firstDelivery)
        #expect(detector.record(id: "msg_3", body: [0]) == .differentBody(previousCount: 1))
    }

    @Test func concurrentDeliveriesOfOneIdAreCountedOnce() async {
        let detector = ReplayDetector()
        let observations = await withTaskGroup(of: ReplayDetector.Observation.self) { group in
            for _ in 0..<100 {
                group.addTask { detector.record(id: "msg_same", body: Array("{}".utf8)) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(observations.filter { $0 == .firstDelivery }.count == 1)
        #expect(Set(observations).count == 100)
    }
}
