/// The process exit status of a run, the contract CI scripts branch on.
public enum ExitCode: Int32, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Every selected check passed (findings below the `--fail-on` threshold and allowed ones do not count).
    case passed = 0
    /// At least one finding, expired allow-list entry or stale entry at or above the threshold.
    case failed = 1
    /// Bad flags, configuration, specs, scenarios or allow-list, or the harness could not finish the run:
    /// the outcome says nothing about the API.
    case configurationError = 2

    public static func < (lhs: ExitCode, rhs: ExitCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .passed: "0 (passed)"
        case .failed: "1 (contract failures)"
        case .configurationError: "2 (usage, configuration or spec error)"
        }
    }
}
