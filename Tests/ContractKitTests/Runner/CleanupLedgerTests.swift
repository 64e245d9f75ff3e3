import Testing

@testable import ContractKit

struct CleanupLedgerTests {
    @Test func drainsOneScenarioNewestFirstAndLeavesTheOthers() {
        let ledger = CleanupLedger()
        ledger.record(.init(version: .v3, scenario: "a", deletePath: "/v3/x/1"))
        ledger.record(.init(version: .v3, scenario: "b", deletePath: "/v3/x/2"))
        ledger.record(.init(version: .v3, scenario: "a", deletePath: "/v3/x/3"))
        #expect(ledger.drain(version: .v3, scenario: "a").map(\.deletePath) == ["/v3/x/3", "/v3/x/1"])
        #expect(ledger.open.map(\.deletePath) == ["/v3/x/2"])
        #expect(ledger.drain(version: .v3, scenario: "a").isEmpty)
    }

    @Test func resolvedEntriesAreNotDeletedAgain() {
        let ledger = CleanupLedger()
        ledger.record(.init(version: .v2, scenario: "a", deletePath: "/p/1"))
        ledger.resolve(version: .v3, deletePath: "/p/1")
        #expect(ledger.open.count == 1)
        ledger.resolve(version: .v2, deletePath: "/p/1")
        #expect(ledger.open.isEmpty)
    }

    @Test func drainAllEmptiesTheLedger() {
        let ledger = CleanupLedger()
        ledger.record(.init(version: .v2, scenario: "a", deletePath: "/p/1"))
        ledger.record(.init(version: .v3, scenario: "b", deletePath: "/p/2"))
        #expect(ledger.drainAll().map(\.deletePath) == ["/p/2", "/p/1"])
        #expect(ledger.open.isEmpty)
    }
}
