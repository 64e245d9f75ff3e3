import Foundation

/// Runs a command-line tool with a deadline; output goes to temporary files so a chatty tool
/// can never block on a full pipe.
struct Subprocess: Sendable {
    /// What a finished process left behind.
    struct Output: Sendable {
        let status: Int32
        let stdout: Data
        let stderr: String
        /// Wall time from launch to exit.
        let elapsed: Double

        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    let executable: String
    var arguments: [String] = []
    /// Extra variables on top of the inherited environment.
    var environment: [String: String] = [:]
    var currentDirectory: URL?
    var timeout: Duration = .seconds(120)

    /// The command as a user would type it, for notes and errors.
    var commandLine: String {
        let prefix = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value) " }.joined()
        // An inline script stands in as `<script>` so errors stay one line.
        let shown = arguments.map { $0.contains("\n") ? "<script>" : $0 }
        return prefix + ([URL(fileURLWithPath: executable).lastPathComponent] + shown).joined(separator: " ")
    }

    /// Runs to completion or kills the process at the deadline (then throws `.timedOut`).
    func run() throws(BenchError) -> Output {
        let files = try ScratchFiles(count: 2)
        defer { files.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            process.standardOutput = try FileHandle(forWritingTo: files.urls[0])
            process.standardError = try FileHandle(forWritingTo: files.urls[1])
            process.standardInput = FileHandle.nullDevice
            try process.run()
        } catch {
            throw .baselineFailed(command: commandLine, status: -1, output: "\(error)")
        }
        if exited.wait(timeout: .now() + timeout.seconds) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw .timedOut(command: commandLine, after: timeout)
        }
        let elapsed = (clock.now - start).seconds
        let stdout = (try? Data(contentsOf: files.urls[0])) ?? Data()
        let stderr = (try? String(contentsOf: files.urls[1], encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr, elapsed: elapsed)
    }

    /// Runs and requires exit status 0.
    func runChecked() throws(BenchError) -> Output {
        let output = try run()
        guard output.status == 0 else {
            throw .baselineFailed(command: commandLine, status: output.status, output: output.stderr + output.text)
        }
        return output
    }

    /// The absolute path of `tool` on `PATH`, or `nil` when it is not installed.
    static func locate(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").lazy
            .map { "\($0)/\(tool)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Empty temporary files, removed by `remove()`.
struct ScratchFiles: Sendable {
    let urls: [URL]

    init(count: Int, suffix: String = "") throws(BenchError) {
        var urls: [URL] = []
        for _ in 0..<count {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID())\(suffix)")
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                for url in urls { try? FileManager.default.removeItem(at: url) }
                throw .io(path: url.path, reason: "cannot create a temporary file")
            }
            urls.append(url)
        }
        self.urls = urls
    }

    func remove() {
        for url in urls { try? FileManager.default.removeItem(at: url) }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
