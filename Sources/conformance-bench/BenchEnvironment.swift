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
    func runPython(script: String, arguments: [String], timeout: Duration = .seconds(300)) throws(BenchError) -> Data {
        let scriptPath = packageRoot.appendingPathComponent("Scripts").appendingPathComponent(script).path
        guard let python = Subprocess.locate("python3") else {
            throw .baselineFailed(command: "python3 Scripts/\(script)", status: -1, output: "python3 is not on PATH")
        }
        return try Subprocess(executable: python, arguments: [scriptPath] + arguments, timeout: timeout)
            .runChecked().stdout
    }
}
