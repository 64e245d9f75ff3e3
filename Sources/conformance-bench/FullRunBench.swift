import Foundation

/// Wall time of the full default run: `.build/release/conformance` with no arguments (both API versions,
/// every scenario, against the embedded sandbox), after building it; and of one `conformance selfcheck`
/// (every fault profile and the clean sandbox, each a whole suite run).
struct FullRunBench: BenchSection {
    let name = "full-run"
    static let goal = 10.0
    /// "The whole self-check should take well under a minute."
    static let selfCheckGoal = 45.0

    func run(_ benchmark: Benchmark, in environment: BenchEnvironment) throws(BenchError) -> BenchSectionReport {
        var report = BenchSectionReport(title: "Full default run")
        let root = environment.packageRoot
        guard let swift = Subprocess.locate("swift") else {
            report.notes.append("Skipped: `swift` is not on PATH, so the release CLI cannot be built.")
            return report
        }
        let build = try Subprocess(
            executable: swift,
            arguments: ["build", "-c", "release", "--product", "conformance"],
            currentDirectory: root,
            timeout: .seconds(1800)
        ).runChecked()
        let binary = root.appendingPathComponent(".build/release/conformance").path
        let help = try Subprocess(executable: binary, arguments: ["run", "--help"], currentDirectory: root).run()
        guard help.status == 0 else {
            report.notes.append(
                "Skipped: this `conformance` has no `run` command yet (`conformance run --help` "
                    + "exited with \(help.status))."
            )
            return report
        }
        let fullRun = Subprocess(executable: binary, currentDirectory: root, timeout: .seconds(300))
        var samples: [Double] = []
        var statuses: Set<Int32> = []
        for _ in 0..<min(max(benchmark.iterations, 1), 3) {
            let output = try fullRun.run()
            samples.append(output.elapsed)
            statuses.insert(output.status)
        }
        let measurement = Benchmark.Measurement(samples: samples)
        report.rows.append(.init(name: "conformance (no arguments)", measurement: measurement))
        report.headlines.append(
            Headline(
                what: "Full default run (v2 + v3 vs sandbox), wall time",
                ours: BenchReport.format(measurement.median),
                baseline: "–",
                speedup: nil,
                goal: "< 10 s",
                met: measurement.median < Self.goal
            )
        )
        report.notes += [
            "\(samples.count) runs of `.build/release/conformance` from the package root, after "
                + "`swift build -c release --product conformance` (\(BenchReport.format(build.elapsed)), not counted); "
                + "exit status \(statuses.sorted().map(String.init).joined(separator: ", "))."
        ]
        try measureSelfCheck(binary: binary, root: root, into: &report)
        return report
    }

    /// One `conformance selfcheck` (writing its reports to a temporary directory): it takes as long as
    /// several full runs, so it is timed once.
    private func measureSelfCheck(binary: String, root: URL, into report: inout BenchSectionReport) throws(BenchError) {
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("bench-selfcheck-\(UUID())")
        defer { try? FileManager.default.removeItem(at: reports) }
        let output = try Subprocess(
            executable: binary,
            arguments: ["selfcheck", "--reports", reports.path],
            currentDirectory: root,
            timeout: .seconds(600)
        ).run()
        let measurement = Benchmark.Measurement(samples: [output.elapsed])
        report.rows.append(.init(name: "conformance selfcheck", measurement: measurement))
        report.headlines.append(
            Headline(
                what: "Self-check (every fault profile + clean sandbox), wall time",
                ours: BenchReport.format(output.elapsed),
                baseline: "–",
                speedup: nil,
                goal: "< \(Int(Self.selfCheckGoal)) s",
                met: output.elapsed < Self.selfCheckGoal && output.status == 0
            )
        )
        let verdict = output.text.split(separator: "\n").last.map(String.init) ?? ""
        report.notes.append("1 run of `conformance selfcheck`: exit status \(output.status); \(verdict)")
    }
}
