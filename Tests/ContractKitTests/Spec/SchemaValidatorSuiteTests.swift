import Foundation
import Testing

@testable import ContractKit

/// Runs the official JSON-Schema-Test-Suite (draft 2020-12, vendored under Fixtures) case by case.
///
/// Mandatory files run with format assertion off, as the specification says; files under
/// `optional/format` run with it on. ``skipped`` lists every case the validator is known not to
/// handle and is exact: a listed case that starts passing, or one that no longer exists, fails.
struct SchemaValidatorSuiteTests {
    static let root = "json-schema-test-suite/tests/draft2020-12/"

    static let files: [String] = [
        "additionalProperties", "allOf", "anyOf", "boolean_schema", "const", "contains", "default",
        "dependentRequired", "dependentSchemas", "enum", "exclusiveMaximum", "exclusiveMinimum", "format",
        "if-then-else", "infinite-loop-detection", "items", "maxContains", "maxItems", "maxLength",
        "maxProperties", "maximum", "minContains", "minItems", "minLength", "minProperties", "minimum",
        "multipleOf", "not", "oneOf", "pattern", "patternProperties", "prefixItems", "properties",
        "propertyNames", "ref", "required", "type", "uniqueItems",
        "optional/bignum", "optional/float-overflow", "optional/non-bmp-regex",
        "optional/format/date-time", "optional/format/date", "optional/format/email", "optional/format/uri",
        "optional/format/uuid",
    ]

    /// Cases (`file: group / test`) outside the validator's scope, with the reason.
    static let skipped: [String: String] = [
        "not: collect annotations inside a 'not', even if collection is disabled / unevaluated property":
            "unevaluatedProperties is not supported",
        "ref: $id must be resolved against nearest parent, not just immediate parent / number is valid":
            "$id-based base URI resolution is not supported",
        "ref: Recursive references between schemas / valid tree":
            "$id-based base URI resolution is not supported",
        "ref: URN base URI with URN and JSON pointer ref / a string is valid":
            "$id-based (URN) base URI resolution is not supported",
        "ref: URN base URI with URN and anchor ref / a string is valid":
            "$anchor and $id-based resolution are not supported",
        "ref: URN ref with nested pointer ref / a string is valid":
            "$id-based (URN) base URI resolution is not supported",
        "ref: order of evaluation: $id and $anchor and $ref / data is valid against first definition":
            "$anchor and $id-based resolution are not supported",
        "ref: order of evaluation: $id and $ref / data is valid against first definition":
            "$id-based base URI resolution is not supported",
        "ref: order of evaluation: $id and $ref on nested schema / data is valid against nested sibling":
            "$id-based base URI resolution is not supported",
        "ref: ref creates new scope when adjacent to keywords / "
            + "referenced subschema doesn't see annotations from properties":
            "unevaluatedProperties is not supported",
        "ref: ref to else / an integer is valid":
            "$id-based base URI resolution is not supported",
        "ref: ref to if / an integer is valid":
            "$id-based base URI resolution is not supported",
        "ref: ref to then / an integer is valid":
            "$id-based base URI resolution is not supported",
        "ref: ref with absolute-path-reference / a string is valid":
            "$id-based base URI resolution is not supported",
        "ref: refs with relative uris and defs / valid on both fields":
            "$id-based base URI resolution is not supported",
        "ref: relative refs with absolute uris and defs / valid on both fields":
            "$id-based base URI resolution is not supported",
        "ref: remote ref, containing refs itself / remote ref valid":
            "remote $ref (the draft 2020-12 metaschema URL)",
        "ref: simple URN base URI with $ref via the URN / valid under the URN IDed schema":
            "$id-based (URN) base URI resolution is not supported",
    ]

    struct Outcome {
        var passed = 0
        var skipped: Set<String> = []
        var failures: [String] = []
        var unexpectedPasses: [String] = []
    }

    static func run(_ file: String) throws -> Outcome {
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/" + root + file, withExtension: "json"),
            "fixture \(file).json is missing from Tests/ContractKitTests/Fixtures")
        let groups = try JSONParser.parse(Array(try Data(contentsOf: url)))
        let assertFormats = file.hasPrefix("optional/format/")
        var outcome = Outcome()
        for group in groups.arrayValue ?? [] {
            let schema = try #require(group["schema"])
            let validator = SchemaValidator(document: schema, dialect: .draft2020_12, assertFormats: assertFormats)
            for test in group["tests"]?.arrayValue ?? [] {
                let groupName = group["description"]?.stringValue ?? ""
                let name = "\(file): \(groupName) / \(test["description"]?.stringValue ?? "")"
                let violations = validator.validate(try #require(test["data"]), schemaAt: .root)
                let isCorrect = violations.isEmpty == (test["valid"] == true)
                switch (skipped[name] != nil, isCorrect) {
                case (false, true): outcome.passed += 1
                case (false, false): outcome.failures.append("\(name): \(violations.map(\.message))")
                case (true, false): outcome.skipped.insert(name)
                case (true, true): outcome.unexpectedPasses.append(name)
                }
            }
        }
        return outcome
    }

    @Test(arguments: files)
    func suiteFile(_ file: String) throws {
        let outcome = try Self.run(file)
        for failure in outcome.failures { Issue.record("fails: \(failure)") }
        for name in outcome.unexpectedPasses { Issue.record("passes now; remove from the skip list: \(name)") }
        let listed = Set(Self.skipped.keys.filter { $0.hasPrefix(file + ": ") })
        for name in listed.subtracting(outcome.skipped) where !outcome.unexpectedPasses.contains(name) {
            Issue.record("skip-list entry matches no case: \(name)")
        }
    }

    @Test func everySkipNamesAVendoredFile() {
        for name in Self.skipped.keys {
            #expect(Self.files.contains { name.hasPrefix($0 + ": ") }, "\(name)")
        }
    }

    @Test func summary() throws {
        let outcomes = try Self.files.map(Self.run)
        let passed = outcomes.reduce(0) { $0 + $1.passed }
        let skipped = outcomes.reduce(0) { $0 + $1.skipped.count }
        print("JSON-Schema-Test-Suite draft2020-12: \(passed) passed, \(skipped) skipped")
        #expect(skipped == Self.skipped.count)
        #expect(passed > 1000)
    }
}
