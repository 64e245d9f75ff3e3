extension ScenarioDecoder {
    func error(_ message: String, at pointer: JSONPointer, step: String? = nil) -> HarnessError {
        HarnessError(
            .invalidScenario,
            message,
            at: .init(file: file, step: step, field: pointer.description),
            hint: "fix the scenario file (format: specs/scenarios/README.md)"
        )
    }

    func object(_ json: JSONValue, at pointer: JSONPointer, step: String?) throws(HarnessError) -> JSONObject {
        guard let object = json.objectValue else {
            throw error("must be a JSON object, not \(json.typeName)", at: pointer, step: step)
        }
        return object
    }

    func allowOnly(
        _ keys: Set<String>,
        in object: JSONObject,
        at pointer: JSONPointer,
        step: String?
    )
        throws(HarnessError)
    {
        if let unknown = object.keys.first(where: { !keys.contains($0) }) {
            throw error(
                "unknown member \"\(unknown)\"; allowed: \(keys.sorted().joined(separator: ", "))",
                at: pointer.appending(unknown),
                step: step
            )
        }
    }

    func string(
        _ object: JSONObject,
        _ key: String,
        at pointer: JSONPointer,
        step: String?
    ) throws(HarnessError)
        -> String
    {
        guard let value = try optionalString(object, key, at: pointer, step: step), !value.isEmpty else {
            throw error("missing \"\(key)\" (a non-empty string)", at: pointer.appending(key), step: step)
        }
        return value
    }

    func optionalString(
        _ object: JSONObject,
        _ key: String,
        at pointer: JSONPointer,
        step: String?
    )
        throws(HarnessError) -> String?
    {
        guard let value = object[key] else { return nil }
        guard let string = value.stringValue else {
            throw error("must be a string, not \(value.typeName)", at: pointer.appending(key), step: step)
        }
        return string
    }

    func optionalStrings(
        _ object: JSONObject,
        _ key: String,
        at pointer: JSONPointer,
        step: String?
    )
        throws(HarnessError) -> [String]?
    {
        guard let value = object[key] else { return nil }
        guard let strings = value.arrayValue?.compactMap(\.stringValue), strings.count == value.arrayValue?.count
        else {
            throw error("must be an array of strings", at: pointer.appending(key), step: step)
        }
        return strings
    }

    /// An object whose members are all strings, as ordered pairs; empty when absent.
    func stringPairs(
        _ object: JSONObject,
        _ key: String,
        at pointer: JSONPointer,
        step: String?
    )
        throws(HarnessError) -> [(String, String)]
    {
        guard let value = object[key] else { return [] }
        let members = try self.object(value, at: pointer.appending(key), step: step)
        var pairs: [(String, String)] = []
        for (name, member) in members.members {
            guard let text = member.stringValue else {
                throw error("must be a string", at: pointer.appending(key).appending(name), step: step)
            }
            pairs.append((name, text))
        }
        return pairs
    }

    func jsonPointer(_ text: String, at pointer: JSONPointer, step: String?) throws(HarnessError) -> JSONPointer {
        do {
            return try JSONPointer(parsing: text)
        } catch {
            throw self.error(
                "\"\(text)\" is not a JSON pointer (\(error.description)); write it like \"/id\" or \"/data/0/id\"",
                at: pointer,
                step: step
            )
        }
    }
}
