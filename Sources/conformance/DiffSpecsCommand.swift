import ContractKit

/// `conformance diff-specs`: the static diff only. By default v2 against v3 through the mapping; with
/// `--old FILE --new FILE`, two captures of one API (what a spec update changes). Breaking changes are
/// marked; `--fail-on-breaking` turns them into exit status 1.
struct DiffSpecsCommand: ConformanceCommand {
    let name = "diff-specs"
    let summary = "Print the spec changes (v2 → v3 through the mapping, or --old/--new), breaking ones marked."
    let synopsis = "[--old FILE --new FILE] [--fail-on-breaking] [--specs DIR]"
    let options =
        [
            OptionSpec(name: "old", valueName: "FILE", help: "The older capture of an API's OpenAPI spec."),
            OptionSpec(name: "new", valueName: "FILE", help: "The newer capture of the same API."),
            OptionSpec(name: "fail-on-breaking", valueName: nil, help: "Exit 1 when any change is breaking."),
        ] + SpecSelection.options

    func run(_ arguments: CommandLineArguments, context: CommandContext) async throws(UsageError) -> Int32 {
        if let extra = arguments.positionals.first {
            throw UsageError(message: "unexpected argument '\(extra)'", command: name)
        }
        let entries: [(name: String, changes: [SpecChange])]
        switch (arguments.value("old"), arguments.value("new")) {
        case (let old?, let new?):
            do {
                let comparison = SpecDiff.compare(
                    old: try OpenAPIDocument.load(from: context.resolvePath(old)),
                    new: try OpenAPIDocument.load(from: context.resolvePath(new)))
                context.output.print("\(old) → \(new)")
                entries = (comparison.operations + comparison.webhooks).map { ($0.name, $0.changes) }
            } catch {
                context.output.printError("error: \(error)")
                return 2
            }
        case (nil, nil):
            do {
                let specs = context.resolvePath(SpecSelection(arguments).directory)
                let loaded = try MappingLoader.loadDefault(specsDirectory: specs)
                let report = SpecDiff.migration(v2: loaded.v2, v3: loaded.v3, mapping: loaded.mapping)
                context.output.print("v2 → v3 through \(loaded.mapping.source)")
                entries =
                    report.operations.map { ("\($0.v2.operationId) → \($0.v3?.operationId ?? "none")", $0.changes) }
                    + report.events.map { ("\($0.v2) → \($0.v3 ?? "none")", $0.changes) }
                    + report.errorShapes.map { ("error \($0.v2Schema)", $0.changes) }
            } catch {
                context.output.printError("error: \(error)")
                return 2
            }
        default:
            throw UsageError(message: "--old and --new go together; give both or neither", command: name)
        }
        for entry in entries where !entry.changes.isEmpty {
            context.output.print(entry.name)
            for change in entry.changes {
                let mark = change.isBreaking ? "BREAKING  " : "compatible"
                let why = change.declaration.map { " (\($0))" } ?? ""
                context.output.print("  \(mark) \(change.part): \(change.detail)\(why)")
            }
        }
        let all = entries.flatMap(\.changes)
        let breaking = all.count(where: \.isBreaking)
        context.output.print("\(all.count) changes, \(breaking) breaking")
        return arguments.has("fail-on-breaking") && breaking > 0 ? 1 : 0
    }
}
