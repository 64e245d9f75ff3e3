import Foundation
import Testing

@testable import ContractKit

extension Hostile {
    /// Whole runs against hostile servers: the step gets a `transport` or `response.json` finding with
    /// a clear message, the next scenario still runs and passes, the run ends within its bound, and
    /// every report is written with the failure in `junit.xml` (exit code 1, not 2).
    @Suite(.timeLimit(.minutes(1)))
    struct HostileServerRunnerTests {
        struct Case: Sendable, CustomTestStringConvertible {
            var name: String
            var behaviour: HostileServer.Behaviour
            var rule: Rule
            /// The finding's message must contain one of these.
            var messageFragments: [String]

            var testDescription: String { name }
        }

        static let brokeOff = "the connection broke off before the response was complete"
        static let timedOut = "no complete response within 1.0 seconds"

        static let cases: [Case] = [
            Case(name: "empty reply", behaviour: HostileBehaviour.empty, rule: .transport,
                 messageFragments: ["not a valid HTTP response", brokeOff]),
            Case(name: "truncated body", behaviour: HostileBehaviour.truncated, rule: .transport,
                 messageFragments: [brokeOff]),
            Case(name: "20 MB body", behaviour: HostileBehaviour.twentyMegabyteBody(announced: false),
                 rule: .transport, messageFragments: ["exceeds the 10485760-byte cap"]),
            Case(name: "10,000-deep arrays", behaviour: HostileBehaviour.deeplyNested, rule: .responseJSON,
                 messageFragments: ["nesting deeper than the limit of 512"]),
            Case(name: "invalid UTF-8", behaviour: HostileBehaviour.invalidUTF8, rule: .responseJSON,
                 messageFragments: ["UTF-8"]),
            Case(name: "Content-Length longer than the body", behaviour: HostileBehaviour.lengthLongerThanBody,
                 rule: .transport, messageFragments: [brokeOff]),
            Case(name: "Content-Length shorter than the body", behaviour: HostileBehaviour.lengthShorterThanBody,
                 rule: .responseJSON, messageFragments: ["found end of input"]),
            Case(name: "endless headers", behaviour: HostileBehaviour.endlessHeaders, rule: .transport,
                 messageFragments: ["header", timedOut]),
            Case(name: "never answers", behaviour: HostileBehaviour.silent, rule: .transport,
                 messageFragments: [timedOut]),
            Case(name: "reset mid-body", behaviour: HostileBehaviour.resetMidBody, rule: .transport,
                 messageFragments: [brokeOff]),
            Case(name: "drips a byte a second", behaviour: HostileBehaviour.drip, rule: .transport,
                 messageFragments: [timedOut]),
        ]

        @Test(arguments: cases)
        func theStepGetsAFindingTheRunGoesOnAndTheReportsAreWritten(_ hostile: Case) async throws {
            let server = try HostileServer(hostile.behaviour)
            defer { server.stop() }
            let run = HostileRun(server: server)
            let measured = try await ResourceProbe.measure { try await run.run() }
            #expect(measured.elapsed < run.wallClockBound, "took \(measured.elapsed)")

            let result = measured.value
            try #require(result.scenarios.count == 2)
            let (hostileScenario, healthy) = (result.scenarios[0], result.scenarios[1])
            #expect(hostileScenario.status == .failed)
            let finding = try #require(hostileScenario.findings.first { $0.rule == hostile.rule })
            #expect(
                hostile.messageFragments.contains { finding.message.contains($0) },
                "\(finding.message) contains none of \(hostile.messageFragments)"
            )
            #expect(finding.location == .init(version: "v3", scenario: "a hostile exchange", step: "get"))
            #expect(healthy.status == .passed, "\(healthy.findings.map(\.message))")
            #expect(healthy.steps.first?.response?.status == 200)

            let reports = try HostileRun.writeReports(result)
            defer { try? FileManager.default.removeItem(at: reports.directory) }
            for file in [ReportWriter.junitFile, ReportWriter.resultsFile, ReportWriter.summaryFile] {
                #expect(FileManager.default.fileExists(atPath: reports.directory.appending(path: file).path))
            }
            #expect(reports.junit.contains("a hostile exchange"))
            // A broken exchange is a JUnit <error>, a body that is not JSON a <failure>; both name the rule.
            #expect(reports.junit.contains("type=\"\(hostile.rule.rawValue)\""))
            #expect(reports.exitCode == .failed)
        }
    }
}
