import Synchronization

/// A hard cap on the requests one run sends (`--max-requests`), every retry counted.
///
/// Shared by all scenarios of a run; once spent, no request is sent and the step errors.
public final class RequestBudget: Sendable {
    /// `nil` means unlimited.
    public let limit: Int?
    private let used = Mutex(0)

    public init(limit: Int?) {
        self.limit = limit
    }

    /// How many requests were sent (or are being sent) so far.
    public var spent: Int { used.withLock { $0 } }

    /// Takes one request from the budget, or throws without taking anything.
    public func spend() throws(HarnessError) {
        let granted = used.withLock { used -> Bool in
            if let limit, used >= limit { return false }
            used += 1
            return true
        }
        guard granted else {
            throw HarnessError(
                .budgetExhausted,
                "the request budget of \(limit ?? 0) requests is spent; the request was not sent",
                at: .init(field: "--max-requests"),
                hint: "raise --max-requests or select fewer scenarios"
            )
        }
    }
}
