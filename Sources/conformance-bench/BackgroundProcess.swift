import Foundation

/// A server process the benchmark starts, reads one ready line from, and must stop again.
///
/// `stop()` terminates it (then kills it after two seconds); `deinit` stops it too, so an error
/// thrown between start and stop cannot leave it running.
final class BackgroundProcess {
    let commandLine: String
    private let process: Process
    private let files: ScratchFiles
    private let exited = DispatchSemaphore(value: 0)

    /// Launches `command` and waits up to `timeout` for its first stdout line, such as the bound port.
    init(_ command: Subprocess, readyTimeout timeout: Duration = .seconds(10)) throws(BenchError) {
        commandLine = command.commandLine
        files = try ScratchFiles(count: 2)
        process = Process()
        process.executableURL = URL(fileURLWithPath: command.executable)
        process.arguments = command.arguments
        process.environment = ProcessInfo.processInfo.environment.merging(command.environment) { $1 }
        if let directory = command.currentDirectory { process.currentDirectoryURL = directory }
        process.terminationHandler = { [exited] _ in exited.signal() }
        do {
            process.standardOutput = try FileHandle(forWritingTo: files.urls[0])
            process.standardError = try FileHandle(forWritingTo: files.urls[1])
            process.standardInput = FileHandle.nullDevice
            try process.run()
        } catch {
            files.remove()
            throw .baselineFailed(command: commandLine, status: -1, output: "\(error)")
        }
        readyLine = try Self.firstLine(of: files.urls, process: process, timeout: timeout, command: commandLine)
    }

    /// The first line the process printed.
    let readyLine: String

    func stop() {
        if process.isRunning {
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL) }
        }
        files.remove()
    }

    deinit { stop() }

    /// The first line of stdout (`files[0]`); stderr (`files[1]`) explains an early exit.
    private static func firstLine(
        of files: [URL],
        process: Process,
        timeout: Duration,
        command: String
    ) throws(BenchError) -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let data = try? Data(contentsOf: files[0]), let end = data.firstIndex(of: UInt8(ascii: "\n")) {
                return String(decoding: data[..<end], as: UTF8.self)
            }
            guard process.isRunning else {
                let log = (try? String(contentsOf: files[1], encoding: .utf8)) ?? ""
                throw .baselineFailed(
                    command: command,
                    status: process.terminationStatus,
                    output: "exited before printing: " + log
                )
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.terminate()
        throw .timedOut(command: command, after: timeout)
    }
}
