import ContractKit

/// `conformance lint-specs`: loads both committed specs and prints what would weaken the checks.
struct LintSpecsCommand: ConformanceCommand {
    let name = "lint-specs"
    let summary = "Check specs/v2 and specs/v3 for unresolved $refs, unknown schema keywords and missing schemas."
    let synopsis = "[--specs DIR]"
    let options = SpecSelection.options

    func run(_ arguments: CommandLineArguments, context: CommandContext) async throws(UsageError) -> Int32 {
        if let extra = arguments.positionals.first {
            throw UsageError(message: "unexpected argument '\(extra)'", command: name)
        }
        let selection = SpecSelection(arguments)
        var status: Int32 = 0
        for version in SpecSelection.versions {
            let path = selection.displayPath(version: version)
            let document: OpenAPIDocument
            do {
                document = try selection.load(version: version, context: context)
            } catch {
                context.output.printError("error: \(error)")
                status = 2
                continue
            }
            let diagnostics = SpecLinter.lint(document)
            for diagnostic in diagnostics {
                context.output.print("\(path): \(diagnostic)")
            }
            let errors = diagnostics.count { $0.severity == .error }
            context.output.print(
                "\(path): \(document.operations.count) operations, \(errors) errors, "
                    + "\(diagnostics.count - errors) warnings"
            )
            if errors > 0 { status = 2 }
        }
        return status
    }
}
