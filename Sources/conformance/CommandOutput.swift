import Foundation

/// Where a command writes: standard output and standard error, injectable so tests can capture them.
struct CommandOutput: Sendable {
    let standardOutput: @Sendable (String) -> Void
    let standardError: @Sendable (String) -> Void
    /// Whether standard output is a terminal (the precondition for colour).
    var isTerminal = false

    /// Writes a line to standard output.
    func print(_ line: String) {
        standardOutput(line + "\n")
    }

    /// Writes a line to standard error.
    func printError(_ line: String) {
        standardError(line + "\n")
    }

    /// The process's real standard streams.
    static let process = CommandOutput(
        standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
        standardError: { FileHandle.standardError.write(Data($0.utf8)) },
        isTerminal: isatty(1) == 1
    )
}

/// What every command gets besides its arguments: environment, working directory and output.
struct CommandContext: Sendable {
    let environment: [String: String]
    let currentDirectory: String
    let output: CommandOutput

    /// `path` as given when absolute, otherwise relative to ``currentDirectory``.
    func resolvePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : currentDirectory + "/" + path
    }
}
