import Foundation
import HTTPServer
import Testing
import TestSupport

/// Interoperability with a real-world client; skipped where curl is not installed.
@Suite(.blockingIO, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
struct HTTPServerCurlTests {
    /// Runs curl with `arguments`; returns its standard output and error.
    private func curl(_ arguments: [String], input: Data? = nil) throws -> (out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["--silent", "--show-error", "--max-time", "5"] + arguments
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "curl \(arguments): \(String(decoding: errors, as: UTF8.self))")
        return (String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    @Test func chunkedUpload() async throws {
        try await withServer { _, port in
            let body = Data(String(repeating: "chunk-me ", count: 2000).utf8)
            let result = try curl(
                ["-H", "Transfer-Encoding: chunked", "--data-binary", "@-", "http://127.0.0.1:\(port)/upload"],
                input: body
            )
            #expect(result.out == String(decoding: body, as: UTF8.self))
        }
    }

    @Test func keepAliveReusesOneConnection() async throws {
        try await withServer { _, port in
            let urls = (1...3).map { "http://127.0.0.1:\(port)/item/\($0)" }
            let result = try curl(["-v", "-w", "%{url_effective}\n"] + urls)
            #expect(result.out.components(separatedBy: "\n").filter { $0.contains("ok") }.count == 3)
            let reuses = result.err.components(separatedBy: "\n").filter { $0.lowercased().contains("re-using") }
            #expect(reuses.count == 2, "curl did not reuse the connection:\n\(result.err)")
        }
    }

    @Test func headRequest() async throws {
        try await withServer { _, port in
            let result = try curl(["--head", "http://127.0.0.1:\(port)/"])
            #expect(result.out.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(result.out.contains("Content-Length: 2\r\n"))
        }
    }
}
