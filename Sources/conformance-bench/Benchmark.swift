/// Times a closure: warm-up runs first, then `iterations` timed runs summarised by median and minimum.
struct Benchmark: Sendable {
    var warmup: Int
    var iterations: Int

    /// Durations of one measurement, in seconds.
    struct Measurement: Sendable {
        let median: Double
        let min: Double

        init(median: Double, min: Double) {
            self.median = median
            self.min = min
        }

        init(samples: [Double]) {
            let sorted = samples.sorted()
            let middle = sorted.count / 2
            median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            min = sorted[0]
        }
    }

    func measure(_ body: () throws -> Void) rethrows -> Measurement {
        for _ in 0..<warmup { try body() }
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<max(iterations, 1) {
            let elapsed = try clock.measure(body)
            samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return Measurement(samples: samples)
    }
}

/// One section of the benchmark (schema validation, later sandbox throughput, HMAC, runner …).
/// Add a conforming type in its own file and list it in `BenchCommand.sections`.
protocol BenchSection: Sendable {
    /// The name `--only` selects, e.g. `validation`.
    var name: String { get }
    func run(_ benchmark: Benchmark, in environment: BenchEnvironment) throws(BenchError) -> BenchSectionReport
}

/// What a section measured: timings, ratios between them, and notes on how to read them.
struct BenchSectionReport: Sendable {
    struct Row: Sendable {
        let name: String
        let measurement: Benchmark.Measurement
    }

    struct Ratio: Sendable {
        /// e.g. "Python jsonschema / Swift (validate)"
        let name: String
        let value: Double
    }

    let title: String
    var rows: [Row] = []
    var ratios: [Ratio] = []
    var notes: [String] = []
}
