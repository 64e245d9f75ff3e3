import Foundation
import Synchronization

@testable import conformance

/// Captures what a command prints, so tests assert exact output.
final class CapturedOutput: Sendable {
    private let stdout = Mutex("")
    private let stderr = Mutex("")

    var output: CommandOutput {
        CommandOutput(
            standardOutput: { text in self.stdout.withLock { $0 += text } },
            standardError: { text in self.stderr.withLock { $0 += text } }
        )
    }

    var standardOutput: String { stdout.withLock { $0 } }
    var standardError: String { stderr.withLock { $0 } }
}

/// Runs the tool in-process from `directory` and returns its exit status and output.
func runConformance(
    _ arguments: [String],
    in directory: String = packageRoot
) async -> (
    status: Int32, stdout: String, stderr: String
) {
    let captured = CapturedOutput()
    let status = await ConformanceCLI.run(
        arguments: arguments,
        environment: [:],
        currentDirectory: directory,
        output: captured.output
    )
    return (status, captured.standardOutput, captured.standardError)
}

/// The package root, found from this file's location; the committed specs live under it.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A fresh directory with `files` (relative path → contents) written into it.
func temporaryDirectory(with files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    for (path, contents) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
    return root.path
}
