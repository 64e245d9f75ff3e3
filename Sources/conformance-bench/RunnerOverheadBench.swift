import ContractKit
import Foundation

/// The runner's per-request overhead: 2,000 validated requests through the runner's transport and checks,
/// sequentially and 8 at a time, against `curl` doing the same 2,000 requests in one process.
struct RunnerOverheadBench: BenchSection {
    let name = "runner"
    var requestCount = 2_000
    var parallel = 8

    func run(_ benchmark: Benchmark, in environment: BenchEnvironment) throws(BenchError) -> BenchSectionReport {
        var report = BenchSectionReport(title: "Runner: validated requests vs curl")
        let specURL = try environment.locate("v3 OpenAPI spec", candidates: SchemaValidationBench.specCandidates)
        let spec: OpenAPIDocument
        do { spec = try OpenAPIDocument.load(from: specURL.path) } catch {
            throw .invalidDocument(path: specURL.path, reason: "\(error)")
        }
        let target = try ThroughputTarget.start(environment)
        defer { target.stop() }
        let path = SandboxThroughputBench.path
        guard let url = URL(string: "http://\(target.host):\(target.port)\(path)") else {
            throw .measurementFailed(what: "building the target URL", reason: "port \(target.port)")
        }
        let codesPath = specURL.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "errors.json"
        ).path
        let codes: ErrorCodeTable
        do { codes = try ErrorCodeTable.load(from: codesPath) } catch {
            throw .invalidDocument(path: codesPath, reason: "\(error)")
        }
        let fetcher = try ValidatedRequest(url: url, headers: target.headers, spec: spec, path: path, codes: codes)
        let problems = runBlocking { await fetcher.send() }
        guard problems == 0 else {
            throw .measurementFailed(what: "a validated GET \(path)", reason: "\(problems) problems on the first try")
        }
        // Each timed iteration is a whole batch of 2,000 requests, so fewer iterations suffice.
        let batches = Benchmark(warmup: 1, iterations: min(benchmark.iterations, 3))
        let count = requestCount
        let sequential = batches.measure {
            let problems = runBlocking {
                var problems = 0
                for _ in 0..<count { problems += await fetcher.send() }
                return problems
            }
            precondition(problems == 0, "\(problems) validated requests failed")
        }
        let workers = parallel
        let concurrent = batches.measure {
            let problems = runBlocking {
                await withTaskGroup(of: Int.self) { group in
                    for worker in 0..<workers {
                        group.addTask {
                            var problems = 0
                            for _ in stride(from: worker, to: count, by: workers) { problems += await fetcher.send() }
                            return problems
                        }
                    }
                    return await group.reduce(0, +)
                }
            }
            precondition(problems == 0, "\(problems) validated requests failed")
        }
        report.rows += [
            .init(name: "Ours, \(count), sequential", measurement: sequential),
            .init(name: "Ours, \(count), \(parallel) in parallel", measurement: concurrent),
        ]
        report.notes += [
            "Target: \(target.description).",
            "Ours: \(ValidatedRequest.checksDescription); \(batches.warmup) warm-up and \(batches.iterations) timed "
                + "batches.",
        ]
        guard environment.runsBaseline else { return report }
        guard let curlPath = Subprocess.locate("curl") else {
            report.notes.append("curl baseline skipped: `curl` is not on PATH (apt-get install curl).")
            return report
        }
        let curl = CurlBaseline(curl: curlPath)
        for (label, ours, parallelism) in [
            ("sequential", sequential, nil), ("\(parallel) in parallel", concurrent, parallel),
        ] {
            do throws(BenchError) {
                var samples: [Double] = []
                _ = try curl.time(url: url, headers: target.headers, count: count, parallel: parallelism)
                for _ in 0..<batches.iterations {
                    samples.append(
                        try curl.time(url: url, headers: target.headers, count: count, parallel: parallelism)
                    )
                }
                let measurement = Benchmark.Measurement(samples: samples)
                report.rows.append(.init(name: "curl, \(count), \(label)", measurement: measurement))
                report.ratios.append(
                    .init(name: "ours / curl, \(label) (median)", value: ours.median / measurement.median)
                )
                report.headlines.append(
                    Headline(
                        what: "\(count) validated requests, \(label), vs curl",
                        ours: BenchReport.format(ours.median),
                        baseline: BenchReport.format(measurement.median),
                        speedup: measurement.median / ours.median,
                        goal: "–",
                        met: nil
                    )
                )
            } catch {
                report.notes.append("curl \(label) baseline skipped: \(error)")
            }
        }
        report.notes.append(
            "curl: \(curl.version()), one process per batch (`curl -s -K urls.curlrc`, plus `--parallel --parallel-max "
                + "\(parallel)`), reusing connections; its time includes starting the process; it checks nothing."
        )
        return report
    }
}
