/// A bad command line: printed with a pointer to `--help`, exit status 2.
struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    let message: String
    /// The command whose help to suggest; `nil` for the tool itself.
    let command: String?

    var description: String {
        "error: \(message)\nRun 'conformance \(command.map { "\($0) " } ?? "")--help' for usage."
    }
}
