import ContractKit
import Foundation
import Testing

@testable import conformance

struct MergeReportsCommandTests {
    @Test func twoShardsMergeIntoTheWholeSuite() async throws {
        let first = try temporaryDirectory(with: [:])
        let second = try temporaryDirectory(with: [:])
        let merged = try temporaryDirectory(with: [:])
        #expect(await runConformance(["run", "--shard", "1/2", "--quiet", "--reports", first]).status == 0)
        #expect(await runConformance(["run", "--shard", "2/2", "--quiet", "--reports", second]).status == 0)

        let result = await runConformance(["merge-reports", first, second, "--reports", merged])
        #expect(result.status == 0, "\(result.stderr)")
        let scenarios = try SuiteTarget.inputs.get().scenarios.count
        #expect(result.stdout.contains("merged 2 shards: \(scenarios) scenarios"))
        let junit = try String(contentsOfFile: merged + "/junit.xml", encoding: .utf8)
        #expect(junit.contains("failures=\"0\""))
        let shardSizes = try [first, second].map { folder in
            let results = try JSONParser.parse(Array(try Data(contentsOf: URL(filePath: folder + "/results.json"))))
            return results["scenarios"]?.arrayValue?.count ?? 0
        }
        #expect(shardSizes.allSatisfy { $0 > 0 && $0 < scenarios }, "shards of \(shardSizes)")
        #expect(shardSizes.reduce(0, +) == scenarios)
    }

    @Test func aMissingShardIsAConfigurationError() async throws {
        let reports = try temporaryDirectory(with: [:])
        let result = await runConformance(["merge-reports", "/nonexistent/shard", "--reports", reports])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/shard/results.json"))
    }

    @Test func atLeastOneShardIsRequired() async {
        let result = await runConformance(["merge-reports"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("name at least one shard's reports folder"))
    }
}
