import Synchronization

/// The sandbox's in-memory state behind one lock, shared by every request handler and delivery task.
final class SandboxStore: Sendable {
    private let state = Mutex(SandboxState())

    /// Runs `body` with exclusive access to the state; keep it short and free of I/O.
    func withState<Result: Sendable, Failure: Error>(
        _ body: (inout SandboxState) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try state.withLock { (state: inout SandboxState) throws(Failure) -> Result in try body(&state) }
    }
}
