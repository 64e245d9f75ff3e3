import Foundation
import Testing

@testable import ContractKit
import TestSupport

private let pythonPath = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Compares the parser and serializer with Python's `json` module on random documents.
@Suite(.blockingIO, .enabled(if: pythonPath != nil, "needs python3"))
struct JSONDifferentialTests {

    /// Reads one document per line, writes it back canonicalised (sorted keys, ASCII-only escapes).
    static let canonicaliser = """
        import json, sys
        for line in sys.stdin:
            print(json.dumps(json.loads(line), sort_keys=True, ensure_ascii=True, separators=(",", ":")))
        """

    @Test(.timeLimit(.minutes(1)))
    func pythonReadsOurOutputAndWeReadPythonsAsTheSameValues() throws {
        var generator = RandomJSONGenerator(seed: 0x5EED_1234)
        let documents = (0..<300).map { _ in generator.value(depth: 0) }
        let input = documents.map { $0.jsonString() }.joined(separator: "\n") + "\n"
        let output = try run(input: input)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(lines.count == documents.count, "python printed \(lines.count) lines")
        for (document, line) in zip(documents, lines) {
            let parsed = try JSONParser.parse(String(line))
            #expect(parsed == document, "python canonicalised \(document.jsonString()) to \(line)")
            #expect(parsed.jsonString(.sortedKeys) == document.jsonString(.sortedKeys))
        }
    }

    private func run(input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(pythonPath))
        process.arguments = ["-c", JSONDifferentialTests.canonicaliser]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}

/// A seeded SplitMix64 generator of random JSON documents, so a failure reproduces.
struct RandomJSONGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    mutating func value(depth: Int) -> JSONValue {
        switch below(depth > 4 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(below(2) == 0)
        case 2: return .number(number())
        case 3, 4: return .string(string())
        case 5: return .array((0..<below(6)).map { _ in value(depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<below(6) { object[string()] = value(depth: depth + 1) }
            return .object(object)
        }
    }

    mutating func number() -> JSONNumber {
        switch below(5) {
        case 0: return .integer(Int64(below(2001)) - 1000)
        case 1: return .integer(Int64(bitPattern: next()))
        case 2: return .bigInteger((below(2) == 0 ? "-" : "") + "9" + String(next()) + String(next()))
        case 3: return .double(Double(below(2_000_000)) / 1000 - 1000)
        default:
            var double: Double
            repeat { double = Double(bitPattern: next()) } while !double.isFinite
            return .double(double)
        }
    }

    mutating func string() -> String {
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x00...0x1F, 0xA0...0x7FF, 0x4E00...0x9FFF, 0x1F600...0x1F64F,
        ]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<below(12) {
            let range = ranges[below(ranges.count)]
            // Every range above lies outside the surrogates, so each value is a scalar.
            scalars.append(Unicode.Scalar(range.lowerBound + UInt32(below(Int(range.count))))!)
        }
        return String(scalars)
    }
}
