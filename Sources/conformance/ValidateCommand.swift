import ContractKit
import Foundation

/// `conformance validate`: checks JSON files against a schema of a committed spec.
struct ValidateCommand: ConformanceCommand {
    let name = "validate"
    let summary = "Validate JSON files against a named schema or an operation's response schema."
    let synopsis = "--spec v2|v3 (--schema NAME | --operation ID [--status CODE]) FILE..."
    let options =
        [
            OptionSpec(name: "spec", valueName: "v2|v3", help: "Which API's spec to use (required)."),
            OptionSpec(name: "schema", valueName: "NAME", help: "A schema under components/schemas."),
            OptionSpec(name: "operation", valueName: "ID", help: "An operationId; validates its response body."),
            OptionSpec(
                name: "status",
                valueName: "CODE",
                help: "Response status for --operation (default: its first documented 2xx)."
            ),
        ] + SpecSelection.options

    /// What the files are validated against, resolved from the arguments and the spec.
    struct Target: Equatable {
        let pointer: JSONPointer
        let label: String
    }

    func run(_ arguments: CommandLineArguments, context: CommandContext) async throws(UsageError) -> Int32 {
        let version = try specVersion(arguments)
        let status = try statusCode(arguments)
        guard arguments.has("schema") != arguments.has("operation") else {
            throw UsageError(message: "give exactly one of --schema NAME or --operation ID", command: name)
        }
        guard !arguments.positionals.isEmpty else {
            throw UsageError(message: "no FILE to validate", command: name)
        }
        let selection = SpecSelection(arguments)
        let document: OpenAPIDocument
        let target: Target
        do throws(ValidateError) {
            do {
                document = try selection.load(version: version, context: context)
            } catch {
                throw .spec(error)
            }
            target = try resolveTarget(
                arguments,
                status: status,
                in: document,
                path: selection.displayPath(version: version)
            )
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
        let validator = SchemaValidator(
            document: document.root,
            dialect: document.isOpenAPI31 ? .openAPI31 : .openAPI30
        )
        var exitStatus: Int32 = 0
        for file in arguments.positionals {
            let instance: JSONValue
            do throws(ValidateError) {
                instance = try readInstance(file, context: context)
            } catch {
                context.output.printError("error: \(error)")
                exitStatus = 2
                continue
            }
            let violations = validator.validate(instance, schemaAt: target.pointer)
            for violation in violations {
                let pointer =
                    violation.instancePointer.description.isEmpty ? "(root)" : violation.instancePointer.description
                context.output.print(
                    "\(file): \(pointer): \(violation.keyword): expected \(violation.expected), got \(violation.actual)"
                )
            }
            if violations.isEmpty {
                context.output.print("\(file): valid against \(target.label)")
            } else if exitStatus == 0 {
                exitStatus = 1
            }
        }
        return exitStatus
    }

    private func specVersion(_ arguments: CommandLineArguments) throws(UsageError) -> String {
        guard let version = arguments.value("spec") else {
            throw UsageError(message: "missing --spec v2|v3", command: name)
        }
        guard SpecSelection.versions.contains(version) else {
            throw UsageError(message: "--spec must be v2 or v3, not '\(version)'", command: name)
        }
        return version
    }

    private func statusCode(_ arguments: CommandLineArguments) throws(UsageError) -> Int? {
        guard let text = arguments.value("status") else { return nil }
        guard arguments.has("operation") else {
            throw UsageError(message: "--status only applies with --operation", command: name)
        }
        guard let status = Int(text), (100...599).contains(status) else {
            throw UsageError(message: "--status must be an HTTP status code 100-599, not '\(text)'", command: name)
        }
        return status
    }

    func resolveTarget(
        _ arguments: CommandLineArguments,
        status: Int?,
        in document: OpenAPIDocument,
        path: String
    ) throws(ValidateError) -> Target {
        if let schemaName = arguments.value("schema") {
            guard let pointer = document.schemaPointer(named: schemaName) else {
                throw .unknownSchema(schemaName, path: path, known: document.schemaNames)
            }
            return Target(pointer: pointer, label: "schema \(schemaName)")
        }
        let id = arguments.value("operation") ?? ""
        guard let operation = document.operation(id: id) else {
            throw .unknownOperation(id, path: path, known: document.operations.compactMap(\.operationId))
        }
        let candidates =
            status.map { [$0] } ?? operation.documentedStatuses.compactMap(Int.init).filter { $0 / 100 == 2 }
        for candidate in candidates {
            if let pointer = document.responseSchema(for: operation, status: candidate) {
                return Target(pointer: pointer, label: "\(id) response \(candidate)")
            }
        }
        throw .noResponseSchema(id, status: status, path: path, documented: operation.documentedStatuses)
    }

    private func readInstance(_ file: String, context: CommandContext) throws(ValidateError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: context.resolvePath(file)) else {
            throw .unreadableFile(file)
        }
        do {
            return try JSONParser.parse([UInt8](data))
        } catch {
            throw .invalidJSON(file, error)
        }
    }
}
