import Foundation
import Testing

@testable import ContractKit

struct KnownDifferencesTests {
    static let valid: JSONValue = [
        "id": "KD-1", "rule": "enum.value", "version": "v3", "scenario": "messages", "pointer": "/data/*/status",
        "reason": "new status rolled out", "link": "https://example.test/issues/1", "expires": "2026-12-31",
    ]

    @Test func loadsAValidEntry() throws {
        let list = try KnownDifferences(document: ["entries": [Self.valid]], file: "kd.json")
        let entry = try #require(list.entries.first)
        #expect(entry.rule == .enumValue)
        #expect(entry.expires == CalendarDate(year: 2026, month: 12, day: 31))
        #expect(entry.pointer == "/data/*/status")
    }

    @Test(arguments: [
        ("rule", JSONValue.string("enum.valu"), "entries[0].rule: 'enum.valu' is not a rule"),
        ("expires", "2026-02-30", "entries[0].expires: '2026-02-30' is not a date; write YYYY-MM-DD"),
        ("expires", "31.12.2026", "entries[0].expires: '31.12.2026' is not a date"),
        ("version", "v4", "entries[0].version: 'v4' must be 'v2' or 'v3'"),
        ("pointer", "data/status", "entries[0].pointer: 'data/status' is not a JSON pointer"),
        ("reason", "", "entries[0].reason: must be a non-empty string"),
        ("link", 7, "entries[0].link: must be a non-empty string"),
        ("pionter", "/x", "entries[0].pionter: unknown field"),
    ])
    func namesFileIndexAndFieldOfABadEntry(field: String, value: JSONValue, message: String) {
        var entry = Self.valid.objectValue!
        entry[field] = value
        #expect {
            try KnownDifferences(document: ["entries": [.object(entry)]], file: "specs/kd.json")
        } throws: { error in
            "\(error)".hasPrefix("specs/kd.json: ") && "\(error)".contains(message)
        }
    }

    @Test func requiresSomethingNarrowerThanTheRule() {
        var entry = Self.valid.objectValue!
        entry["scenario"] = nil
        entry["pointer"] = nil
        #expect(throws: GateError.self) { try KnownDifferences(document: ["entries": [.object(entry)]], file: "f") }
    }

    @Test func rejectsMissingFieldsDuplicateIdsAndWrongShapes() {
        var entry = Self.valid.objectValue!
        entry["expires"] = nil
        #expect(
            throws: GateError.invalidEntry(
                file: "f",
                index: 0,
                field: "expires",
                problem: "missing; every entry needs id, rule, reason, link and expires"
            )
        ) {
            try KnownDifferences(document: ["entries": [.object(entry)]], file: "f")
        }
        #expect {
            try KnownDifferences(document: ["entries": [Self.valid, Self.valid]], file: "f")
        } throws: { "\($0)".contains("entries[1].id: 'KD-1' is used twice") }
        #expect(throws: GateError.self) { try KnownDifferences(document: [], file: "f") }
        #expect(throws: GateError.self) { try KnownDifferences(document: ["entries": [], "extra": 1], file: "f") }
    }

    @Test(arguments: [
        ("/data/0/status", "/data/*/status", true),
        ("/data/0/x/status", "/data/*/status", false),
        ("/data/0/x/status", "/data/**", true),
        ("/data", "/data/**", false),
        ("/data/0/status", "/data/0/status", true),
        ("/data/0/statuses", "/data/*/status", false),
    ])
    func matchesPointerPatterns(pointer: String, pattern: String, expected: Bool) {
        #expect(KnownDifference.pointer(pointer, matches: pattern) == expected)
    }

    @Test func shippedFileAndSchemaAgreeWithTheRuleCatalogue() throws {
        let root = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../../specs")
        let schemaData = try Data(contentsOf: root.appending(path: "known-differences.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: Any])
        let entry = try #require(defs["entry"] as? [String: Any])
        let properties = try #require(entry["properties"] as? [String: Any])
        let rule = try #require(properties["rule"] as? [String: Any])
        #expect(rule["enum"] as? [String] == Rule.all.map(\.rawValue))
        let listData = try Data(contentsOf: root.appending(path: "known-differences.json"))
        let shipped = try KnownDifferences(document: JSONParser.parse(Array(listData)), file: "known-differences.json")
        // Only migration-parity entries: a clean run has no finding another entry could allow, so it would be stale.
        #expect(shipped.entries.allSatisfy { $0.rule == .parity })
        #expect(shipped.entries.map(\.id) == ["event-api-version"])
    }
}
