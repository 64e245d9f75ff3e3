import Foundation

/// Programs the report tests hand our output to (xmllint, python3), found on `PATH`.
enum ExternalTool {
    /// The repository root, found from this file's path so tests run from any directory.
    static let repositoryRoot = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = repositoryRoot.appending(path: "Tests/ContractKitTests/Fixtures")

    /// The JUnit schemas to validate against: the vendored copy, and the shared reference when present.
    static var junitSchemas: [URL] {
        let shared = repositoryRoot.appending(path: "../shared/reference/junit-10.xsd").standardizedFileURL
        return [fixtures.appending(path: "junit-10.xsd")]
            + (FileManager.default.fileExists(atPath: shared.path) ? [shared] : [])
    }

    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static let hasXMLLint = find("xmllint") != nil

    static let hasJunitparser: Bool = {
        guard find("python3") != nil else { return false }
        return (try? run("python3", ["-c", "import junitparser"]).status) == 0
    }()

    static let hasJSONSchema: Bool = {
        guard find("python3") != nil else { return false }
        return (try? run("python3", ["-c", "import jsonschema"]).status) == 0
    }()

    /// Runs `name` with `arguments`; returns its exit status and combined output.
    static func run(
        _ name: String,
        _ arguments: [String],
        stdin: String? = nil
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(filePath: find(name) ?? name)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let input = Pipe()
        if stdin != nil { process.standardInput = input }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A fresh directory under the temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "reports-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
