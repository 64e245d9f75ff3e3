import Dispatch
import Foundation
import Synchronization

/// A task executor that runs its jobs on one thread of its own.
///
/// Swift's cooperative pool has as many threads as cores (two on a small CI
/// machine). Async code that makes blocking socket calls — raw test clients,
/// hostile peers, anything waiting on `TCPConnection.read` — would hold those
/// threads and starve every other task in the process. Running such code under
/// `withTaskExecutorPreference(DedicatedThreadExecutor())` keeps the blocking
/// on this executor's thread. The thread ends when the executor is released.
public final class DedicatedThreadExecutor: TaskExecutor, Sendable {
    private final class JobQueue: Sendable {
        let jobs = Mutex<(pending: [UnownedJob], isStopped: Bool)>(([], false))
        let available = DispatchSemaphore(value: 0)

        /// The next job, or `nil` once stopped and drained.
        func next() -> UnownedJob? {
            while true {
                available.wait()
                let (job, isDone) = jobs.withLock { state in
                    state.pending.isEmpty ? (nil, state.isStopped) : (state.pending.removeFirst(), false)
                }
                if let job { return job }
                if isDone { return nil }
            }
        }

        func add(_ job: UnownedJob) {
            jobs.withLock { $0.pending.append(job) }
            available.signal()
        }

        func stop() {
            jobs.withLock { $0.isStopped = true }
            available.signal()
        }
    }

    private let queue = JobQueue()

    public init(name: String = "blocking-io") {
        // The thread holds only an unowned reference, so releasing the executor ends it.
        let executor = asUnownedTaskExecutor()
        let thread = Thread { [queue] in
            while let job = queue.next() { job.runSynchronously(on: executor) }
        }
        thread.name = name
        thread.start()
    }

    deinit { queue.stop() }

    public func enqueue(_ job: consuming ExecutorJob) {
        queue.add(UnownedJob(job))
    }
}
