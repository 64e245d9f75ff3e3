/// Why the benchmark could not run, and what to do about it.
enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case missingFile(what: String, searched: [String])
    case io(path: String, reason: String)
    case baselineFailed(command: String, status: Int32, output: String)
    case invalidDocument(path: String, reason: String)

    var description: String {
        switch self {
        case .usage(let message):
            "\(message)\nusage: conformance-bench [--only <section>] [--iterations N] [--warmup N] [--spec PATH]"
        case .missingFile(let what, let searched):
            "\(what) not found (looked at \(searched.joined(separator: ", "))); "
                + "run from the package root or pass its path"
        case .io(let path, let reason):
            "cannot access \(path): \(reason)"
        case .baselineFailed(let command, let status, let output):
            "baseline `\(command)` exited with \(status): \(output.suffix(400))\n"
                + "install it with `pip install jsonschema rfc3339-validator rfc3987` or run with --no-baseline"
        case .invalidDocument(let path, let reason):
            "\(path) is not a usable OpenAPI document: \(reason)"
        }
    }
}
