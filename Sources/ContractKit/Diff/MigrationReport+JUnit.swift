/// The migration report as JUnit suites for the reports module's ``JUnitXMLWriter``.
extension MigrationReport {
    /// Two suites, `migration.operations` and `migration.events`, one case per v2 operation and event:
    /// a live difference is a `failure`, a missing live result (not run, no v3 counterpart) is `skipped`,
    /// and the static differences go to the case's output.
    public var junitSuites: [JUnitReport.Suite] {
        let cases = testCases
        return ["migration.operations", "migration.events"].map { classname in
            JUnitReport.Suite(
                name: classname,
                cases: cases.filter { $0.classname == classname }.map { testCase in
                    var outcomes: [JUnitReport.Outcome] = []
                    if let failure = testCase.failureMessage {
                        outcomes.append(
                            .init(.failure, message: failure, type: "migration.parity", body: testCase.details))
                    }
                    if let skipped = testCase.skippedMessage { outcomes.append(.init(.skipped, message: skipped)) }
                    return JUnitReport.TestCase(
                        name: testCase.name, classname: testCase.classname, outcomes: outcomes,
                        systemOut: testCase.details.isEmpty ? nil : testCase.details)
                })
        }
    }
}
