import Synchronization

@testable import ContractKit

/// A ``ReportOutput`` that keeps what was written, for assertions.
final class CapturedOutput: ReportOutput {
    let isTerminal: Bool
    private let buffer = Mutex("")

    init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    var text: String { buffer.withLock { $0 } }

    func write(_ text: String) {
        buffer.withLock { $0 += text }
    }
}
