import Foundation

/// Wall time of a clean debug `swift build` of the committed HEAD.
///
/// It builds in a throw-away clone so the developer's own `.build` is untouched. It takes minutes on
/// a small machine, so it runs only with `--only build` or `--include-build`.
struct CleanBuildBench: BenchSection {
    let name = "build"
    var runsByDefault: Bool { false }

    func run(_ benchmark: Benchmark, in environment: BenchEnvironment) throws(BenchError) -> BenchSectionReport {
        var report = BenchSectionReport(title: "Clean debug build")
        guard let git = Subprocess.locate("git"), let swift = Subprocess.locate("swift") else {
            report.notes.append("Skipped: needs `git` and `swift` on PATH.")
            return report
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bench-build-\(UUID())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let clone = scratch.appendingPathComponent("repo")
        _ = try Subprocess(
            executable: git,
            arguments: ["clone", "--quiet", environment.packageRoot.path, clone.path],
            timeout: .seconds(120)
        ).runChecked()
        let commit =
            (try? Subprocess(
                executable: git,
                arguments: ["rev-parse", "--short", "HEAD"],
                currentDirectory: clone
            ).run())?.text
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        let build = try Subprocess(
            executable: swift,
            arguments: ["build"],
            currentDirectory: clone,
            timeout: .seconds(3600)
        ).runChecked()
        report.rows.append(.init(name: "swift build (debug, clean)", median: build.elapsed, best: nil, unit: .seconds))
        report.headlines.append(
            Headline(
                what: "Clean debug `swift build`",
                ours: BenchReport.format(build.elapsed),
                baseline: "–",
                speedup: nil,
                goal: "–",
                met: nil
            )
        )
        report.notes.append(
            "One `swift build` (every non-test target) of commit \(commit) in a temporary `git clone`, which holds "
                + "committed changes only; the clone is deleted afterwards."
        )
        return report
    }
}
