import Foundation

/// Where the benchmark runs: the package root, input files and how to run the baselines.
struct BenchEnvironment: Sendable {
    let packageRoot: URL
    /// An explicit `--spec` path; otherwise sections look the spec up from the package root.
    let specOverride: String?
    let runsBaseline: Bool

    /// The nearest directory at or above the current one that holds `Package.swift`.
    static func locatePackageRoot() -> URL {
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while directory.pathComponents.count > 1 {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The first of `candidates` (relative to the package root and each directory above it) that exists.
    func locate(_ what: String, candidates: [String]) throws(BenchError) -> URL {
        if let specOverride { return URL(fileURLWithPath: specOverride) }
        var searched: [String] = []
        var directory = packageRoot
        while directory.pathComponents.count > 1 {
            for candidate in candidates {
                let url = directory.appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: url.path) { return url }
                searched.append(url.path)
            }
            directory.deleteLastPathComponent()
        }
        throw .missingFile(what: what, searched: Array(searched.prefix(4)) + ["… (--spec PATH)"])
    }

    /// Runs `python3 Scripts/<script>` with `arguments` and returns its stdout.
    func runPython(script: String, arguments: [String]) throws(BenchError) -> Data {
        let scriptPath = packageRoot.appendingPathComponent("Scripts").appendingPathComponent(script).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath] + arguments
        let output = Pipe()
        let errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID()).stderr")
        guard FileManager.default.createFile(atPath: errorLog.path, contents: nil) else {
            throw .io(path: errorLog.path, reason: "cannot create the baseline's error log")
        }
        defer { try? FileManager.default.removeItem(at: errorLog) }
        let command = "python3 Scripts/\(script)"
        do {
            process.standardOutput = output
            process.standardError = try FileHandle(forWritingTo: errorLog)
            try process.run()
        } catch {
            throw .baselineFailed(command: command, status: -1, output: "\(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            throw .baselineFailed(command: command, status: process.terminationStatus, output: log)
        }
        return data
    }
}
