import Testing

@testable import ContractKit

struct RequestBudgetTests {
    @Test func refusesTheRequestAfterTheLimitWithoutCountingIt() throws {
        let budget = RequestBudget(limit: 2)
        try budget.spend()
        try budget.spend()
        let error = #expect(throws: HarnessError.self) { try budget.spend() }
        #expect(error?.code == .budgetExhausted)
        #expect(error?.description.contains("--max-requests") == true)
        #expect(budget.spent == 2)
    }

    @Test func unlimitedBudgetNeverRefuses() throws {
        let budget = RequestBudget(limit: nil)
        for _ in 0..<1000 { try budget.spend() }
        #expect(budget.spent == 1000)
    }

    @Test func concurrentSpendersNeverOvershoot() async {
        let budget = RequestBudget(limit: 30)
        let granted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<100 { group.addTask { (try? budget.spend()) != nil } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(granted == 30)
        #expect(budget.spent == 30)
    }
}
