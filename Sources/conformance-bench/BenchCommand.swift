import Foundation

/// `conformance-bench [--only <section>] [--iterations N] [--warmup N] [--spec PATH] [--no-baseline]`:
/// runs the benchmark sections, prints a Markdown table and writes it to `reports/bench.md`.
@main
struct BenchCommand {
    static let sections: [any BenchSection] = [SchemaValidationBench()]

    static func main() {
        do {
            try run(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("conformance-bench: \(error)\n".utf8))
            exit(error.isUsage ? 2 : 1)
        }
    }

    static func run(_ arguments: [String]) throws(BenchError) {
        var benchmark = Benchmark(warmup: 2, iterations: 10)
        var only: String?
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
            case "--only": only = try value()
            case "--spec": spec = try value()
            case "--iterations": benchmark.iterations = try count(try value(), name)
            case "--warmup": benchmark.warmup = try count(try value(), name)
            case "--no-baseline": runsBaseline = false
            case "--help", "-h": print(BenchError.usage("Benchmarks the conformance suite's hot paths.")); return
            default: throw .usage("unknown argument \(flag)")
            }
        }
        let selected = sections.filter { only == nil || $0.name == only }
        guard !selected.isEmpty else {
            throw .usage("no section named \(only ?? ""); sections: \(sections.map(\.name).joined(separator: ", "))")
        }
        let environment = BenchEnvironment(
            packageRoot: BenchEnvironment.locatePackageRoot(), specOverride: spec, runsBaseline: runsBaseline)
        var reports: [BenchSectionReport] = []
        for section in selected {
            reports.append(try section.run(benchmark, in: environment))
        }
        let markdown = BenchReport(sections: reports, benchmark: benchmark).markdown
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
