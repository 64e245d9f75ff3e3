/// Why the benchmark could not run, and what to do about it.
enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case missingFile(what: String, searched: [String])
    case io(path: String, reason: String)
    case baselineFailed(command: String, status: Int32, output: String)
    case timedOut(command: String, after: Duration)
    case invalidDocument(path: String, reason: String)
    /// Our own side of a comparison failed (the server would not start, a request failed).
    case measurementFailed(what: String, reason: String)

    static let usageLine =
        "usage: conformance-bench [--only NAME[,NAME…]] [--include-build] [--iterations N] "
        + "[--warmup N] [--spec PATH] [--no-baseline]"

    var description: String {
        switch self {
        case .usage(let message):
            "\(message)\n\(Self.usageLine)"
        case .missingFile(let what, let searched):
            "\(what) not found (looked at \(searched.joined(separator: ", "))); "
                + "run from the package root or pass its path"
        case .io(let path, let reason):
            "cannot access \(path): \(reason)"
        case .baselineFailed(let command, let status, let output):
            "`\(command)` exited with \(status): \(output.suffix(400))\n"
                + "fix or install the tool, or run with --no-baseline"
        case .timedOut(let command, let after):
            "`\(command)` did not finish within \(after); it was stopped (is the machine overloaded?)"
        case .invalidDocument(let path, let reason):
            "\(path) is not a usable OpenAPI document: \(reason)"
        case .measurementFailed(let what, let reason):
            "\(what) failed: \(reason)"
        }
    }
}
