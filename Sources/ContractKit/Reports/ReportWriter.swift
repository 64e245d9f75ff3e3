import Foundation

/// Writes every report of a run: `junit.xml`, `results.json` and `summary.md` into a directory,
/// `summary.md` appended to `$GITHUB_STEP_SUMMARY` when set, and `::error`/`::warning`
/// annotations when `GITHUB_ACTIONS=true`.
///
/// Call it whatever happened, also after harness errors: they become JUnit `error` elements.
/// Before rendering, the redactor learns the secrets in every request and response of the run,
/// so a secret returned by one step is removed from every report, including earlier steps.
public enum ReportWriter {
    /// What the reports need besides the result.
    public struct Options: Sendable {
        public var gate: Gate
        public var redactor: Redactor
        /// Read for `GITHUB_ACTIONS` and `GITHUB_STEP_SUMMARY`.
        public var environment: [String: String]
        /// Where annotations go (the CLI passes standard output).
        public var annotationOutput: (any ReportOutput)?
        /// Prefix that turns a scenario's `file` into a repository path for annotations.
        public var scenariosDirectory: String
        /// Bodies are cut after this many bytes in transcripts and `results.json`.
        public var bodyLimit: Int

        public init(
            gate: Gate,
            redactor: Redactor,
            environment: [String: String] = [:],
            annotationOutput: (any ReportOutput)? = nil,
            scenariosDirectory: String = "specs/scenarios",
            bodyLimit: Int = 65_536
        ) {
            self.gate = gate
            self.redactor = redactor
            self.environment = environment
            self.annotationOutput = annotationOutput
            self.scenariosDirectory = scenariosDirectory
            self.bodyLimit = bodyLimit
        }
    }

    /// The file names inside the reports directory.
    public static let junitFile = "junit.xml"
    public static let resultsFile = "results.json"
    public static let summaryFile = "summary.md"

    /// Writes the reports of `result` into `directory` (created if missing) and returns the run as
    /// judged, whose `verdict.exitCode` is the process exit code.
    @discardableResult
    public static func write(
        result: RunResult,
        to directory: String,
        options: Options
    ) throws(ReportError) -> AssessedRun {
        learnSecrets(of: result, into: options.redactor)
        let run = AssessedRun(result, gate: options.gate)
        let redactor = options.redactor
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: directory, reason: Self.reason(error))
        }
        let junit = JUnitXMLWriter(redactor: redactor)
            .render(JUnitReport(run, redactor: redactor, bodyLimit: options.bodyLimit))
        let summary = MarkdownSummaryWriter(redactor: redactor).render(run)
        try save(junit, to: (directory as NSString).appendingPathComponent(junitFile))
        try save(
            JSONReportWriter(redactor: redactor, bodyLimit: options.bodyLimit).render(run),
            to: (directory as NSString).appendingPathComponent(resultsFile)
        )
        try save(summary, to: (directory as NSString).appendingPathComponent(summaryFile))
        if let stepSummary = options.environment["GITHUB_STEP_SUMMARY"], !stepSummary.isEmpty {
            try append(summary, to: stepSummary)
        }
        if GitHubAnnotations.isEnabled(environment: options.environment), let output = options.annotationOutput {
            output.write(redactor.redact(annotations(for: run, scenariosDirectory: options.scenariosDirectory)))
        }
        return run
    }

    /// Teaches `redactor` every secret-named value in the run's URLs and bodies.
    public static func learnSecrets(of result: RunResult, into redactor: Redactor) {
        for scenario in result.scenarios {
            for step in scenario.steps + scenario.cleanup {
                if let request = step.request {
                    redactor.learn(from: request.url.absoluteString)
                    redactor.learn(fromBody: request.body)
                }
                if let response = step.response { redactor.learn(fromBody: response.body) }
            }
        }
    }

    static func annotations(for run: AssessedRun, scenariosDirectory: String) -> String {
        var text = ""
        for (scenario, step, assessed) in run.findings where !assessed.isAllowed {
            let file = scenario.result.file.isEmpty ? "" : scenariosDirectory + "/" + scenario.result.file
            let finding = assessed.finding
            text += GitHubAnnotations.command(
                assessed.isFailing ? .error : .warning,
                properties: [
                    ("file", file),
                    ("title", "\(scenario.result.version) \(scenario.result.name) › \(step.result.name)"),
                ],
                message: JUnitReport.headline(finding) + ": " + finding.message
            )
        }
        for (scenario, _, error) in run.harnessErrors {
            text += GitHubAnnotations.command(
                .error,
                properties: [("title", "\(scenario.result.version) \(scenario.result.name)")],
                message: error.description
            )
        }
        for issue in run.verdict.entryIssues {
            text += GitHubAnnotations.command(
                issue.isFailing ? .error : .warning,
                properties: [("file", "specs/known-differences.json")],
                message: issue.message
            )
        }
        return text
    }

    private static func save(_ text: String, to path: String) throws(ReportError) {
        do {
            try Data(text.utf8).write(to: URL(filePath: path), options: .atomic)
        } catch {
            throw .cannotWrite(path: path, reason: reason(error))
        }
    }

    private static func append(_ text: String, to path: String) throws(ReportError) {
        do {
            if !FileManager.default.fileExists(atPath: path) {
                try Data().write(to: URL(filePath: path))
            }
            let handle = try FileHandle(forWritingTo: URL(filePath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw .cannotWrite(path: path, reason: reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
