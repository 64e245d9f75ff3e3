import Foundation
import Testing

@testable import ContractKit

struct SuiteRunnerTests {
    static func scenario(_ name: String, _ version: APIVersion, tags: [String] = []) -> Scenario {
        Scenario(
            name: name,
            version: version,
            tags: tags,
            steps: [ScenarioStep(name: "list", request: RequestTemplate(method: "GET", path: "/\(name)"))],
            file: "\(version)/\(name).json"
        )
    }

    static let scenarios = (0..<12).map {
        scenario("s\($0)", $0 % 2 == 0 ? .v3 : .v2, tags: $0 < 3 ? ["read-only"] : [])
    }

    func suite(_ selection: ScenarioSelection = .init(), parallel: Int = 4) -> (SuiteRunner, StubTransport) {
        let stub = StubTransport(script: [.success(TransportResponse(status: 200))])
        let targets = Dictionary(
            uniqueKeysWithValues: APIVersion.allCases.map {
                ($0, APITarget(version: $0, baseURL: URL(string: "http://127.0.0.1:9")!, token: "t"))
            }
        )
        let runner = ScenarioRunner(targets: targets, specs: [:], checks: [], transport: stub, runID: "r")
        return (SuiteRunner(runner: runner, selection: selection, parallel: parallel), stub)
    }

    @Test func resultsAreSortedWhateverTheParallelism() async {
        let (suite, stub) = suite(parallel: 5)
        let result = await suite.run(Self.scenarios.shuffled(), target: "stub", specHashes: [:])
        #expect(result.scenarios.map(\.file) == Self.scenarios.sorted(by: SuiteRunner.order).map(\.file))
        #expect(result.scenarios.allSatisfy { $0.status == .passed })
        #expect(stub.requests.count == 12)
    }

    @Test func readOnlyModeSkipsUntaggedScenariosWithAReason() async {
        let (suite, stub) = suite(.init(isReadOnly: true))
        let result = await suite.run(Self.scenarios, target: "stub", specHashes: [:])
        #expect(result.scenarios.filter { $0.status == .passed }.map(\.name).sorted() == ["s0", "s1", "s2"])
        #expect(result.scenarios.filter { if case .skipped = $0.status { true } else { false } }.count == 9)
        #expect(stub.requests.count == 3)
    }

    @Test func shardsPartitionTheSuiteStably() {
        let shards = (1...3).map { ScenarioSelection.Shard(index: $0, count: 3) }
        let assigned = Self.scenarios.map { scenario in shards.filter { $0.contains(scenario) }.count }
        #expect(assigned.allSatisfy { $0 == 1 })
        // FNV-1a of "v3/s0" is fixed; a seeded hash would move scenarios between shards across runs.
        #expect(shards.map { $0.contains(Self.scenario("s0", .v3)) } == [true, false, false])
    }

    @Test func selectsByVersionTagAndName() {
        let selection = ScenarioSelection(versions: [.v3], tags: ["read-only"], names: ["s0", "s1"])
        #expect(Self.scenarios.filter(selection.includes).map(\.name) == ["s0"])
    }
}
