import Testing

@testable import ContractKit

struct ReadOnlyGuardTests {
    @Test(arguments: ["POST", "PUT", "PATCH", "DELETE", "post"])
    func refusesWritesInReadOnlyMode(method: String) {
        let error = #expect(throws: HarnessError.self) {
            try ReadOnlyGuard(isReadOnly: true).check(method: method, path: "/v3/webhook-subscriptions")
        }
        #expect(error?.code == .readOnlyViolation)
        #expect(error?.description.contains("\(method) /v3/webhook-subscriptions") == true)
    }

    @Test func allowsReadsInReadOnlyModeAndEverythingOtherwise() throws {
        try ReadOnlyGuard(isReadOnly: true).check(method: "GET", path: "/v3/webhook-subscriptions")
        try ReadOnlyGuard(isReadOnly: false).check(method: "DELETE", path: "/v3/webhook-subscriptions/1")
    }
}
