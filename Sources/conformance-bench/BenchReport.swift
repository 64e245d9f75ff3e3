import Foundation

/// Renders section reports as a Markdown table, for the console and for `reports/bench.md`.
struct BenchReport {
    let sections: [BenchSectionReport]
    let benchmark: Benchmark

    var markdown: String {
        var lines = ["# conformance-bench", "",
                     "\(benchmark.warmup) warm-up and \(benchmark.iterations) timed iterations per measurement.", ""]
        for section in sections {
            lines += ["## \(section.title)", "", "| Measurement | Median | Min |", "|---|---:|---:|"]
            lines += section.rows.map { "| \($0.name) | \(Self.format($0.measurement.median)) | "
                + "\(Self.format($0.measurement.min)) |" }
            if !section.ratios.isEmpty {
                lines += ["", "| Ratio | Value |", "|---|---:|"]
                lines += section.ratios.map { "| \($0.name) | \(String(format: "%.1f×", $0.value)) |" }
            }
            lines += [""] + section.notes.map { "- \($0)" } + [""]
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.2f ms", seconds * 1000)
    }
}
