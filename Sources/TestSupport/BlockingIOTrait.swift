import HTTPServer
import Testing

/// Runs a test (or every test of a suite) on a thread of its own instead of Swift's cooperative pool.
///
/// The pool has one thread per core — two on a small CI machine — and Swift Testing runs suites
/// in parallel on it. A test that blocks on a socket read or waits for a subprocess would hold a
/// pool thread for seconds and starve unrelated async tests (webhook deliveries, timeouts).
/// Tests that measure time (retry gaps, timeouts, cancellation) need the same isolation, or
/// CPU-heavy suites running beside them stretch every await. Tag such suites `@Suite(.blockingIO)`.
public struct BlockingIOTrait: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard testCase != nil || !test.isSuite else { return try await function() }
        try await withTaskExecutorPreference(DedicatedThreadExecutor(name: "test-blocking-io")) {
            try await function()
        }
    }
}

extension Trait where Self == BlockingIOTrait {
    /// The test blocks on sockets or subprocesses, or measures time; keep it off the cooperative pool.
    public static var blockingIO: Self { BlockingIOTrait() }
}
