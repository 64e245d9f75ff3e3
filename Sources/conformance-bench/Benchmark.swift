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

/// One section of the benchmark: schema validation, HMAC, sandbox throughput, runner overhead, ….
///
/// Add a conforming type in its own file and list it in `BenchCommand.sections`.
protocol BenchSection: Sendable {
    /// The name `--only` selects, e.g. `validation`.
    var name: String { get }
    /// Sections that take minutes (a clean build) run only when named or with `--include-build`.
    var runsByDefault: Bool { get }
    func run(_ benchmark: Benchmark, in environment: BenchEnvironment) throws(BenchError) -> BenchSectionReport
}

extension BenchSection {
    var runsByDefault: Bool { true }
}

/// What a section measured: timings, ratios between them, headline comparisons and notes on how to read them.
struct BenchSectionReport: Sendable {
    struct Row: Sendable {
        enum Unit: Sendable {
            /// Durations in seconds; "best" is the shortest.
            case seconds
            /// A rate such as "req/s" or "MiB/s"; "best" is the highest.
            case perSecond(String)
        }

        let name: String
        let median: Double
        /// `nil` when there was a single sample.
        let best: Double?
        let unit: Unit

        init(name: String, measurement: Benchmark.Measurement) {
            self.init(name: name, median: measurement.median, best: measurement.min, unit: .seconds)
        }

        init(name: String, median: Double, best: Double?, unit: Unit) {
            self.name = name
            self.median = median
            self.best = best
            self.unit = unit
        }
    }

    struct Ratio: Sendable {
        /// e.g. "Python jsonschema / Swift (validate)"
        let name: String
        let value: Double
    }

    let title: String
    var rows: [Row] = []
    var ratios: [Ratio] = []
    /// The comparisons the issue sets goals for; they make up the report's summary table.
    var headlines: [Headline] = []
    var notes: [String] = []
}

/// One line of the summary: our figure next to the baseline's, how they compare, and the goal.
struct Headline: Sendable {
    let what: String
    let ours: String
    let baseline: String
    /// How many times faster we are (below 1: slower); `nil` without a baseline.
    let speedup: Double?
    let goal: String
    /// Whether the goal is met; `nil` when it cannot be judged.
    let met: Bool?
}
