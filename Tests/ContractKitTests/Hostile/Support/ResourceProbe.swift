import Foundation

/// Wall-clock and resident-memory measurements for the hostile-input bounds.
enum ResourceProbe {
    /// The process's resident set in bytes (Linux `/proc/self/statm`); `nil` elsewhere.
    static var residentBytes: Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Runs `body`; returns its result, the wall-clock time it took and how much the resident set
    /// grew meanwhile (0 where it cannot be measured).
    ///
    /// The growth is process-wide and other suites run concurrently, so bounds on it must be
    /// generous: they catch a transport that buffers without limit, not a few megabytes.
    static func measure<T>(
        _ body: () async throws -> T
    ) async rethrows -> (value: T, elapsed: Duration, residentGrowth: Int) {
        let before = residentBytes ?? 0
        let clock = ContinuousClock()
        let start = clock.now
        let value = try await body()
        let elapsed = clock.now - start
        let growth = max(0, (residentBytes ?? before) - before)
        return (value, elapsed, growth)
    }
}
