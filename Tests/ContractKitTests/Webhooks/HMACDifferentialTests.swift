import Foundation
import Testing

@testable import ContractKit
import TestSupport

/// HMAC-SHA256 against independent implementations on random keys and messages.
/// Each tool is started once for all cases, so the suite stays fast.
@Suite(.blockingIO)
struct HMACDifferentialTests {
    struct Case {
        let key: [UInt8]
        let message: [UInt8]
    }

    static let python = executable(named: "python3")
    static let openssl = executable(named: "openssl")

    /// 200 pairs of 0…300-byte keys and messages, then a few large ones (seeded, so reproducible).
    static let cases: [Case] = {
        var generator = SeededGenerator(seed: 4231)
        var cases = (0..<200).map { _ in
            Case(key: generator.bytes(count: Int.random(in: 0...300, using: &generator)),
                 message: generator.bytes(count: Int.random(in: 0...300, using: &generator)))
        }
        cases.append(Case(key: generator.bytes(count: 64), message: generator.bytes(count: 65_537)))
        cases.append(Case(key: generator.bytes(count: 1000), message: generator.bytes(count: 1 << 20)))
        cases.append(Case(key: generator.bytes(count: 65), message: [UInt8](repeating: 0, count: 200_003)))
        return cases
    }()

    @Test(.enabled(if: python != nil, "python3 is not on PATH, so the check against Python's hmac cannot run"))
    func matchesPythonHMAC() throws {
        let script = """
            import sys, hmac, hashlib
            for line in sys.stdin:
                key, message = line.split(" ")
                print(hmac.new(bytes.fromhex(key), bytes.fromhex(message), hashlib.sha256).hexdigest())
            """
        let input = Self.cases.map { Hex.encode($0.key) + " " + Hex.encode($0.message) + "\n" }.joined()
        let output = try run(#require(Self.python), ["-c", script], input: Array(input.utf8))
        try expectMatches(output)
    }

    @Test(.enabled(if: openssl != nil, "openssl is not on PATH, so the check against OpenSSL cannot run"))
    func matchesOpenSSL() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hmac-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // openssl takes one key per process, so one shell runs every command in sequence.
        let openssl = try #require(Self.openssl)
        var commands = ""
        for (index, testCase) in Self.cases.enumerated() {
            let file = directory.appendingPathComponent("\(index)").path
            try Data(testCase.message).write(to: URL(fileURLWithPath: file))
            // An empty hexkey is rejected by openssl; an empty string key is the same HMAC key.
            let key = testCase.key.isEmpty ? "-hmac ''" : "-mac HMAC -macopt hexkey:\(Hex.encode(testCase.key))"
            commands += "'\(openssl)' dgst -sha256 \(key) -r '\(file)' || exit 1\n"
        }
        let output = try run("/bin/sh", ["-s"], input: Array(commands.utf8))
        try expectMatches(output.map { String($0.prefix(64)) })
    }

    private func expectMatches(_ lines: [String]) throws {
        try #require(lines.count == Self.cases.count)
        for (index, (testCase, line)) in zip(Self.cases, lines).enumerated() {
            let mac = HMACSHA256.authenticationCode(for: testCase.message, key: testCase.key)
            #expect(Hex.encode(mac) == line,
                    "case \(index): key \(testCase.key.count) bytes, message \(testCase.message.count) bytes")
        }
    }

    /// Runs `executable` with `input` on stdin and returns its stdout lines.
    private func run(_ executable: String, _ arguments: [String], input: [UInt8]) throws -> [String] {
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("hmac-in-\(UUID().uuidString)")
        try Data(input).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(executable) exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
