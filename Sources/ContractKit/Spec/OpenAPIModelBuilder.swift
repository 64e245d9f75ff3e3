import HTTPServer

/// Reads operations and webhooks out of a parsed document, following `$ref`s to components.
///
/// Anything malformed is skipped rather than thrown: ``SpecLinter`` reports it, and the rest
/// of the document stays usable.
struct OpenAPIModelBuilder {
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    let root: JSONValue
    let resolver: ReferenceResolver

    init(root: JSONValue) {
        self.root = root
        resolver = ReferenceResolver(root: root)
    }

    func operations() -> [OpenAPIOperation] {
        guard let paths = root["paths"]?.objectValue else { return [] }
        var operations: [OpenAPIOperation] = []
        for template in paths.keys {
            let itemPointer = resolver.following(JSONPointer(tokens: ["paths", template]))
            guard let item = root.value(at: itemPointer)?.objectValue else { continue }
            let shared = parameters(at: itemPointer.appending("parameters"))
            for method in OpenAPIModelBuilder.methods where item[method]?.objectValue != nil {
                let pointer = itemPointer.appending(method)
                let own = parameters(at: pointer.appending("parameters"))
                let merged =
                    shared.filter { base in
                        !own.contains { $0.name == base.name && $0.location == base.location }
                    } + own
                operations.append(
                    OpenAPIOperation(
                        method: method.uppercased(),
                        path: PathTemplate(template),
                        operationId: root.value(at: pointer)?["operationId"]?.stringValue,
                        pointer: pointer,
                        parameters: merged,
                        requestBodySchema: requestBodySchema(of: pointer),
                        responses: responses(of: pointer)
                    )
                )
            }
        }
        return operations
    }

    func webhooks() -> [OpenAPIWebhook] {
        var webhooks: [OpenAPIWebhook] = []
        for container in ["webhooks", "x-webhooks"] {
            guard let items = root[container]?.objectValue else { continue }
            for name in items.keys {
                let itemPointer = resolver.following(JSONPointer(tokens: [container, name]))
                guard let item = root.value(at: itemPointer)?.objectValue else { continue }
                for method in OpenAPIModelBuilder.methods where item[method]?.objectValue != nil {
                    let pointer = itemPointer.appending(method)
                    webhooks.append(
                        OpenAPIWebhook(
                            name: name,
                            method: method.uppercased(),
                            operationId: root.value(at: pointer)?["operationId"]?.stringValue,
                            pointer: pointer,
                            requestBodySchema: requestBodySchema(of: pointer)
                        )
                    )
                }
            }
        }
        return webhooks
    }

    private func parameters(at pointer: JSONPointer) -> [OpenAPIParameter] {
        guard let list = root.value(at: pointer)?.arrayValue else { return [] }
        return list.indices.compactMap { index in
            let parameterPointer = resolver.following(pointer.appending(index: index))
            guard let parameter = root.value(at: parameterPointer)?.objectValue,
                let name = parameter["name"]?.stringValue, let location = parameter["in"]?.stringValue
            else { return nil }
            let schema =
                parameter["schema"] != nil
                ? parameterPointer.appending("schema")
                : OpenAPIResponse.jsonSchema(in: content(at: parameterPointer))
            return OpenAPIParameter(
                name: name,
                location: location,
                isRequired: parameter["required"]?.boolValue ?? false,
                schema: schema
            )
        }
    }

    private func requestBodySchema(of operation: JSONPointer) -> JSONPointer? {
        let body = resolver.following(operation.appending("requestBody"))
        return OpenAPIResponse.jsonSchema(in: content(at: body))
    }

    private func responses(of operation: JSONPointer) -> [OpenAPIResponse] {
        let responsesPointer = operation.appending("responses")
        guard let responses = root.value(at: responsesPointer)?.objectValue else { return [] }
        return responses.keys.map { status in
            let pointer = resolver.following(responsesPointer.appending(status))
            return OpenAPIResponse(status: status, pointer: pointer, content: content(at: pointer))
        }
    }

    private func content(at owner: JSONPointer) -> [OpenAPIResponse.MediaType] {
        let contentPointer = owner.appending("content")
        guard let content = root.value(at: contentPointer)?.objectValue else { return [] }
        return content.members.map { name, mediaType in
            OpenAPIResponse.MediaType(
                name: name,
                schema: mediaType["schema"] != nil ? contentPointer.appending(name).appending("schema") : nil
            )
        }
    }
}
