extension SpecLinter {
    /// Path items, operations and responses of the wrong JSON type. The model skips them, so
    /// without a diagnostic their contract would silently go unchecked.
    static func shapeDiagnostics(_ root: JSONValue) -> [SpecDiagnostic] {
        guard let paths = root["paths"]?.objectValue else { return [] }
        var diagnostics: [SpecDiagnostic] = []
        func require(_ value: JSONValue, at pointer: JSONPointer, _ what: String) -> JSONObject? {
            if let object = value.objectValue { return object }
            diagnostics.append(
                SpecDiagnostic(
                    severity: .error,
                    pointer: pointer,
                    message: "\(what) must be an object, found \(value.typeName); it is ignored until fixed"
                )
            )
            return nil
        }
        for (template, item) in paths {
            let itemPointer = JSONPointer(tokens: ["paths", template])
            guard let item = require(item, at: itemPointer, "a path item") else { continue }
            for method in OpenAPIModelBuilder.methods {
                guard let operation = item[method] else { continue }
                let pointer = itemPointer.appending(method)
                guard let operation = require(operation, at: pointer, "an operation"),
                    let responses = operation["responses"],
                    let statuses = require(responses, at: pointer.appending("responses"), "'responses'")
                else { continue }
                for (status, response) in statuses {
                    _ = require(response, at: pointer.appending("responses").appending(status), "a response")
                }
            }
        }
        return diagnostics
    }
}
