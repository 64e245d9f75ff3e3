import Foundation

/// `conformance-bench [--only NAME[,NAME…]] [--include-build] [--iterations N] [--warmup N] [--spec PATH]
/// [--no-baseline]`: runs the benchmark sections with their baselines side by side, prints a Markdown report
/// (summary table of ratios first) and writes it to `reports/bench.md`.
///
/// Without `--only` every section runs except `build` (a clean debug build takes minutes), which needs
/// `--only build` or `--include-build`. A section that fails is reported as failed and the others still run;
/// the exit status is then 1.
@main
struct BenchCommand {
    static let sections: [any BenchSection] = [
        SchemaValidationBench(), HMACBench(), SandboxThroughputBench(), RunnerOverheadBench(), FullRunBench(),
        CleanBuildBench(),
    ]

    static func main() {
        do {
            let failures = try run(Array(CommandLine.arguments.dropFirst()))
            exit(failures == 0 ? 0 : 1)
        } catch {
            FileHandle.standardError.write(Data("conformance-bench: \(error)\n".utf8))
            exit(error.isUsage ? 2 : 1)
        }
    }

    /// Runs the selected sections and returns how many failed.
    static func run(_ arguments: [String]) throws(BenchError) -> Int {
        var benchmark = Benchmark(warmup: 2, iterations: 10)
        var only: [String]?
        var includesBuild = false
        var spec: String?
        var runsBaseline = true
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            let (name, inline) = flag.split(separator: "=", maxSplits: 1).map(String.init).pair
            func value() throws(BenchError) -> String {
                guard let next = inline ?? remaining.popFirst() else { throw .usage("\(name) needs a value") }
                return next
            }
            switch name {
            case "--only": only = (only ?? []) + (try value()).split(separator: ",").map(String.init)
            case "--include-build": includesBuild = true
            case "--spec": spec = try value()
            case "--iterations": benchmark.iterations = try count(try value(), name)
            case "--warmup": benchmark.warmup = try count(try value(), name)
            case "--no-baseline": runsBaseline = false
            case "--help", "-h":
                print(BenchError.usage("Benchmarks the conformance suite against C, Python and curl baselines."))
                return 0
            default: throw .usage("unknown argument \(flag)")
            }
        }
        let names = sections.map(\.name)
        if let unknown = only?.first(where: { !names.contains($0) }) {
            throw .usage("no section named \(unknown); sections: \(names.joined(separator: ", "))")
        }
        let selected = sections.filter { section in
            only.map { $0.contains(section.name) } ?? (section.runsByDefault || includesBuild)
        }
        let environment = BenchEnvironment(
            packageRoot: BenchEnvironment.locatePackageRoot(),
            specOverride: spec,
            runsBaseline: runsBaseline
        )
        let machine = MachineInfo.current()
        var reports: [BenchSectionReport] = []
        var failures = 0
        for section in selected {
            FileHandle.standardError.write(Data("conformance-bench: running \(section.name)…\n".utf8))
            do {
                reports.append(try section.run(benchmark, in: environment))
            } catch {
                failures += 1
                reports.append(BenchSectionReport(title: "\(section.name) (failed)", notes: ["\(error)"]))
            }
        }
        let markdown = BenchReport(sections: reports, benchmark: benchmark, machine: machine).markdown
        print(markdown)
        let reportsDirectory = environment.packageRoot.appendingPathComponent("reports")
        let output = reportsDirectory.appendingPathComponent("bench.md")
        do {
            try FileManager.default.createDirectory(at: reportsDirectory, withIntermediateDirectories: true)
            try Data(markdown.utf8).write(to: output)
        } catch {
            throw .io(path: output.path, reason: "\(error)")
        }
        print("written to reports/bench.md")
        return failures
    }

    private static func count(_ text: String, _ flag: String) throws(BenchError) -> Int {
        guard let value = Int(text), value >= 0 else { throw .usage("\(flag) needs a non-negative integer") }
        return value
    }
}

extension Array where Element == String {
    fileprivate var pair: (String, String?) { (self[0], count > 1 ? self[1] : nil) }
}

extension BenchError {
    fileprivate var isUsage: Bool {
        if case .usage = self { true } else { false }
    }
}
