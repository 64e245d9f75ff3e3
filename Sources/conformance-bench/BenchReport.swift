import Foundation

/// Renders section reports as Markdown, for the console and for `reports/bench.md`: the summary of
/// headline comparisons first, then each section's measurements, ratios and notes.
struct BenchReport {
    let sections: [BenchSectionReport]
    let benchmark: Benchmark
    let machine: MachineInfo

    var markdown: String {
        var lines = [
            "# conformance-bench", "",
            "Measured \(machine.dateText) on \(machine.summary).",
            "\(benchmark.warmup) warm-up and \(benchmark.iterations) timed iterations per in-process timing; "
                + "every baseline ran in the same run, on the same machine.", "",
        ]
        let headlines = sections.flatMap(\.headlines)
        if !headlines.isEmpty {
            lines += ["## Summary", ""] + Self.summaryTable(headlines) + [""]
        }
        for section in sections {
            lines += ["## \(section.title)", ""]
            if !section.rows.isEmpty {
                lines += ["| Measurement | Median | Best |", "|---|---:|---:|"]
                lines += section.rows.map { row in
                    "| \(row.name) | \(Self.format(row.median, row.unit)) | "
                        + "\(row.best.map { Self.format($0, row.unit) } ?? "–") |"
                }
            }
            if !section.ratios.isEmpty {
                lines += ["", "| Ratio | Value |", "|---|---:|"]
                lines += section.ratios.map { "| \($0.name) | \(String(format: "%.1f×", $0.value)) |" }
            }
            if !section.rows.isEmpty || !section.ratios.isEmpty { lines.append("") }
            lines += section.notes.map { "- \($0)" } + [""]
        }
        return lines.joined(separator: "\n")
    }

    /// The headline table, also what README's performance section quotes.
    static func summaryTable(_ headlines: [Headline]) -> [String] {
        ["| What | Ours | Baseline | Ratio | Goal | Met |", "|---|---:|---:|---:|---|:-:|"]
            + headlines.map { headline in
                let met = headline.met.map { $0 ? "yes" : "**no**" } ?? "–"
                return "| \(headline.what) | \(headline.ours) | \(headline.baseline) | "
                    + "\(headline.speedup.map(speedupText) ?? "–") | \(headline.goal) | \(met) |"
            }
    }

    /// "12.3× faster" or "2.5× slower".
    static func speedupText(_ speedup: Double) -> String {
        speedup >= 1 ? String(format: "%.1f× faster", speedup) : String(format: "%.1f× slower", 1 / speedup)
    }

    static func format(_ value: Double, _ unit: BenchSectionReport.Row.Unit) -> String {
        switch unit {
        case .seconds: format(value)
        case .perSecond(let name): "\(grouped(value)) \(name)"
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.2f ms", seconds * 1000)
    }

    /// A rate with thousands separators and no decimals above 100 (`12,345`), one decimal below.
    static func grouped(_ value: Double) -> String {
        guard value >= 100 else { return String(format: "%.1f", value) }
        let digits = String(Int(value.rounded()))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
