import Foundation
import Testing

@testable import ContractKit

struct RunConfigurationTests {
    @Test func defaultsToTheSandboxWithBothVersions() throws {
        let configuration = try RunConfiguration.parse([], environment: [:])
        #expect(configuration.target == .sandbox)
        #expect(configuration.versions == [.v2, .v3])
        #expect(configuration.parallel == 4)
        #expect(configuration.runID.hasPrefix("cr-"))
    }

    @Test func readsEveryFlagInBothSpellings() throws {
        let configuration = try RunConfiguration.parse(
            [
                "--v3-base-url=https://api.example.com/api/partner/", "--only", "v3", "--tag", "writes", "--tag=slow",
                "--scenario", "a", "--parallel", "8", "--shard", "2/3", "--read-only", "--max-requests", "100",
                "--rate", "5/s", "--run-id", "ci-42", "--timeout", "2.5",
            ],
            environment: ["LINQ_API_V3_API_KEY": "secret-v3"]
        )
        #expect(configuration.target == .deployment(v3: URL(string: "https://api.example.com/api/partner"), v2: nil))
        #expect(configuration.versions == [.v3])
        #expect(configuration.tags == ["writes", "slow"])
        #expect(configuration.scenarioNames == ["a"])
        #expect(configuration.parallel == 8)
        #expect(configuration.shard == .init(index: 2, count: 3))
        #expect(configuration.isReadOnly)
        #expect(configuration.maxRequests == 100)
        #expect(configuration.rate == 5)
        #expect(configuration.runID == "ci-42")
        #expect(configuration.requestTimeout == .milliseconds(2500))
        #expect(configuration.secrets == ["secret-v3"])
        #expect(!configuration.description.contains("secret-v3"))
    }

    @Test func takesBaseURLsFromTheEnvironment() throws {
        let configuration = try RunConfiguration.parse(
            [],
            environment: ["LINQ_V2_BASE_URL": "https://api.example.com", "LINQ_INTEGRATION_TOKEN": "v2"]
        )
        #expect(configuration.target == .deployment(v3: nil, v2: URL(string: "https://api.example.com")))
        #expect(configuration.versions == [.v2])
    }

    @Test(
        arguments: [
            (["--parallel", "0"], [:], "--parallel"),
            (["--shard", "3/2"], [:], "--shard"),
            (["--rate", "fast"], [:], "--rate"),
            (["--only", "v4"], [:], "--only"),
            (["--token", "abc"], [:], "--token"),
            (["--bogus"], [:], "--bogus"),
            (["--max-requests"], [:], "--max-requests"),
            (["--v3-base-url", "http://api.example.com"], ["LINQ_API_V3_API_KEY": "k"], "--v3-base-url"),
            (["--v3-base-url", "https://api.example.com"], [:], "LINQ_API_V3_API_KEY"),
            (["--only", "v2", "--v3-base-url", "https://api.example.com"], ["LINQ_API_V3_API_KEY": "k"], "--only"),
        ] as [([String], [String: String], String)]
    )
    func rejectsBadConfigurationNamingTheFlag(arguments: [String], environment: [String: String], field: String) {
        let error = #expect(throws: HarnessError.self) {
            try RunConfiguration.parse(arguments, environment: environment)
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.location.field == field)
    }

    @Test func allowsPlainHTTPOnlyToLoopback() throws {
        let configuration = try RunConfiguration.parse(
            ["--v3-base-url", "http://127.0.0.1:8080"],
            environment: ["LINQ_API_V3_API_KEY": "k"]
        )
        #expect(configuration.versions == [.v3])
    }
}
