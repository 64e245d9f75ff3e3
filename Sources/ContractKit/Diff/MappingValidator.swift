/// Checks a decoded ``Mapping`` against the two specs: every operation, field, parameter, event,
/// error code and security scheme it names exists, and every v2 operation and event is accounted for.
struct MappingValidator {
    let mapping: Mapping
    let v2: OpenAPIDocument
    let v3: OpenAPIDocument
    var problems: [MappingError] = []

    init(mapping: Mapping, v2: OpenAPIDocument, v3: OpenAPIDocument) {
        self.mapping = mapping
        self.v2 = v2
        self.v3 = v3
    }

    var file: String { mapping.source }

    mutating func validate() -> [MappingError] {
        validateOperations()
        validateEvents()
        validateErrors()
        validateAuth()
        return problems
    }

    // MARK: Operations

    private mutating func validateOperations() {
        var seen: Set<String> = []
        for entry in mapping.operations {
            if !seen.insert(entry.v2.operationId).inserted {
                problems.append(
                    .duplicate(file: file, pointer: entry.pointer.appending("v2"), name: entry.v2.operationId))
            }
            let v2Operation = resolve(entry.v2, in: v2, version: "v2", at: entry.pointer.appending("v2"))
            let v3Operation = entry.v3.flatMap { resolve($0, in: v3, version: "v3", at: entry.pointer.appending("v3")) }
            if let v2Operation, entry.v3 == nil || v3Operation != nil {
                validateFields(of: entry, v2Operation: v2Operation, v3Operation: v3Operation)
            }
            for (status, codes) in entry.errorCodes {
                validateCodes(codes, at: entry.pointer.appending("errorCodes").appending(String(status)))
            }
        }
        let missing = v2.operations.compactMap(\.operationId).filter { !seen.contains($0) }
        if !missing.isEmpty {
            problems.append(.unmappedOperations(file: file, pointer: "/operations", operations: missing))
        }
    }

    private mutating func resolve(
        _ reference: OperationReference, in document: OpenAPIDocument, version: String, at pointer: JSONPointer
    ) -> OpenAPIOperation? {
        let byPath = document.operations.first {
            $0.method == reference.method && $0.path.description == reference.path
        }
        guard let operation = document.operation(id: reference.operationId) else {
            let problem =
                byPath.map { "no such operationId; \(reference.method) \(reference.path) is \($0.displayName)" }
                ?? "no such operationId, and no operation \(reference.method) \(reference.path)"
            problems.append(
                .unknownOperation(
                    file: file, pointer: pointer, version: version, reference: reference.description, problem: problem))
            return nil
        }
        guard operation.method == reference.method, operation.path.description == reference.path else {
            problems.append(
                .unknownOperation(
                    file: file, pointer: pointer, version: version, reference: reference.description,
                    problem: "the spec has \(operation.operationId ?? "") at \(operation.method) \(operation.path)"))
            return nil
        }
        return operation
    }

    private mutating func validateFields(
        of entry: OperationMapping, v2Operation: OpenAPIOperation, v3Operation: OpenAPIOperation?
    ) {
        let name = { (operation: OpenAPIOperation, part: String) in "the \(part) of \(operation.displayName)" }
        check(
            entry.request.fields,
            v2: v2Operation.requestBodySchema.map {
                (
                    SchemaShape(document: v2, schema: $0),
                    name(v2Operation, "request body")
                )
            },
            v3: v3Operation.flatMap { operation in
                operation.requestBodySchema.map {
                    (SchemaShape(document: v3, schema: $0), name(operation, "request body"))
                }
            })
        check(
            entry.response.fields,
            v2: v2.successResponse(of: v2Operation)?.jsonSchema.map {
                (SchemaShape(document: v2, schema: $0), name(v2Operation, "success response"))
            },
            v3: v3Operation.flatMap { operation in
                v3.successResponse(of: operation)?.jsonSchema.map {
                    (SchemaShape(document: v3, schema: $0), name(operation, "success response"))
                }
            })
        for parameter in entry.parameters {
            if let field = parameter.v2, !v2Operation.parameters.contains(where: { $0.name == field.text }) {
                problems.append(
                    .unknownField(
                        file: file, pointer: parameter.pointer.appending("v2"), version: "v2",
                        field: field, schema: "the parameters of \(v2Operation.displayName)"))
            }
            if let field = parameter.v3, let v3Operation,
                !v3Operation.parameters.contains(where: { $0.name == field.text })
            {
                problems.append(
                    .unknownField(
                        file: file, pointer: parameter.pointer.appending("v3"), version: "v3",
                        field: field, schema: "the parameters of \(v3Operation.displayName)"))
            }
        }
    }

    /// Checks each side's paths against its shape; a side without a schema (`nil`) has no fields to name.
    mutating func check(
        _ fields: [FieldMapping], v2 v2Shape: (SchemaShape, String)?, v3 v3Shape: (SchemaShape, String)?
    ) {
        for field in fields {
            if let path = field.v2, v2Shape?.0[path] == nil {
                problems.append(
                    .unknownField(
                        file: file, pointer: field.pointer.appending("v2"), version: "v2",
                        field: path, schema: v2Shape?.1 ?? "a body without a JSON schema"))
            }
            if let path = field.v3, v3Shape?.0[path] == nil {
                problems.append(
                    .unknownField(
                        file: file, pointer: field.pointer.appending("v3"), version: "v3",
                        field: path, schema: v3Shape?.1 ?? "a body without a JSON schema"))
            }
        }
    }
}
