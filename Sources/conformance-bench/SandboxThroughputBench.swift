import ContractKit
import Foundation
import HTTPServer

/// Requests per second for `GET /v3/webhook-subscriptions` on 1 and 10 keep-alive connections against
/// the in-process server, next to `python3 -m http.server` serving the same body as a static file.
struct SandboxThroughputBench: BenchSection {
    let name = "sandbox"
    var connectionCounts = [1, 10]
    var duration: Duration = .seconds(3)

    static let path = "/v3/webhook-subscriptions"

    func run(_ benchmark: Benchmark, in environment: BenchEnvironment) throws(BenchError) -> BenchSectionReport {
        var report = BenchSectionReport(title: "Sandbox requests/s")
        let generator = LoadGenerator.detect()
        let target = try ThroughputTarget.start(environment)
        defer { target.stop() }
        let body = try target.fetchBody()
        var ours: [Int: Double] = [:]
        for connections in connectionCounts {
            let result = try generator.measure(
                host: target.host,
                port: target.port,
                path: Self.path,
                headers: target.headers,
                connections: connections,
                duration: duration
            )
            guard result.failures == 0 else {
                throw .measurementFailed(what: "GET \(Self.path)", reason: "\(result.failures) non-2xx responses")
            }
            ours[connections] = result.requestsPerSecond
            report.rows.append(row("\(target.label), \(Self.connections(connections))", result.requestsPerSecond))
        }
        report.notes += [
            "Ours: \(target.description); body \(body.count) bytes.",
            "Load: \(generator.description), \(duration.components.seconds) s per measurement after a short warm-up; "
                + "server and load generator share the machine's cores.",
        ]
        let goalRate = 10_000.0
        guard environment.runsBaseline, let python = Subprocess.locate("python3") else {
            if environment.runsBaseline { report.notes.append("Python http.server baseline skipped: no python3.") }
            addHeadlines(to: &report, ours: ours, baseline: [:], goal: goalRate)
            return report
        }
        var baseline: [Int: Double] = [:]
        do {
            let server = try PythonHTTPServer(python: python, serving: body)
            defer { server.stop() }
            for connections in connectionCounts {
                let result = try generator.measure(
                    host: "127.0.0.1",
                    port: server.port,
                    path: PythonHTTPServer.path,
                    headers: [],
                    connections: connections,
                    duration: duration
                )
                baseline[connections] = result.requestsPerSecond
                report.rows.append(
                    row("python3 http.server, \(Self.connections(connections))", result.requestsPerSecond)
                )
                if let ours = ours[connections] {
                    report.ratios.append(
                        .init(
                            name: "ours / Python, \(Self.connections(connections))",
                            value: ours / result.requestsPerSecond
                        )
                    )
                }
            }
            report.notes.append(PythonHTTPServer.description)
        } catch {
            report.notes.append("Python http.server baseline skipped: \(error)")
        }
        addHeadlines(to: &report, ours: ours, baseline: baseline, goal: goalRate)
        return report
    }

    private func addHeadlines(
        to report: inout BenchSectionReport,
        ours: [Int: Double],
        baseline: [Int: Double],
        goal: Double
    ) {
        for connections in connectionCounts {
            guard let rate = ours[connections] else { continue }
            let isGoal = connections == 10
            report.headlines.append(
                Headline(
                    what: "Sandbox GET \(Self.path), \(connections) conn. vs python http.server",
                    ours: "\(BenchReport.grouped(rate)) req/s",
                    baseline: baseline[connections].map { "\(BenchReport.grouped($0)) req/s" } ?? "–",
                    speedup: baseline[connections].map { rate / $0 },
                    goal: isGoal ? "≥ 10,000 req/s" : "–",
                    met: isGoal ? rate >= goal : nil
                )
            )
        }
    }

    static func connections(_ count: Int) -> String {
        count == 1 ? "1 connection" : "\(count) connections"
    }

    private func row(_ name: String, _ rate: Double) -> BenchSectionReport.Row {
        .init(name: name, median: rate, best: nil, unit: .perSecond("req/s"))
    }
}
