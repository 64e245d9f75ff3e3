import Synchronization

/// A socket file descriptor that any thread may close, even while another thread is blocked on it.
///
/// Closing a descriptor another thread is using is a classic race: the number can be reused by
/// an unrelated `open` before the blocked call returns. Here `close()` only shuts the socket down
/// (which wakes blocked reads and writes) while operations are in flight; the last operation to
/// finish releases the number.
final class SocketDescriptor: Sendable {
    private struct State {
        let fd: Int32
        var users = 0
        var closed = false
    }

    private let state: Mutex<State>

    init(_ fd: Int32) {
        state = Mutex(State(fd: fd))
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    /// Runs `body` with the descriptor, which stays valid until `body` returns.
    func withDescriptor<Result>(
        _ body: (Int32) throws(SocketError) -> Result
    ) throws(SocketError) -> Result {
        let fd = try state.withLock { state throws(SocketError) -> Int32 in
            guard !state.closed else { throw .closed }
            state.users += 1
            return state.fd
        }
        defer {
            let release = state.withLock { state -> Int32? in
                state.users -= 1
                return state.closed && state.users == 0 ? state.fd : nil
            }
            if let release { POSIX.closeDescriptor(release) }
        }
        return try body(fd)
    }

    /// Closes the descriptor now, or shuts it down and leaves the release to the last user.
    ///
    /// Returns `false` when it was already closed.
    @discardableResult
    func close() -> Bool {
        let (first, release) = state.withLock { state -> (Bool, Int32?) in
            guard !state.closed else { return (false, nil) }
            state.closed = true
            if state.users == 0 { return (true, state.fd) }
            POSIX.shutdownBoth(state.fd)
            return (true, nil)
        }
        if let release { POSIX.closeDescriptor(release) }
        return first
    }

    deinit {
        state.withLock { state in
            if !state.closed { POSIX.closeDescriptor(state.fd) }
        }
    }
}
