/// Reads typed members out of the mapping's JSON, recording a ``MappingError/malformed(file:pointer:message:hint:)``
/// for each member of the wrong shape instead of stopping at the first.
struct MappingReader {
    let file: String
    private(set) var problems: [MappingError] = []

    init(file: String) {
        self.file = file
    }

    mutating func fail(_ pointer: JSONPointer, _ message: String, hint: String) {
        problems.append(.malformed(file: file, pointer: pointer, message: message, hint: hint))
    }

    /// The object at `pointer`, or `nil` (recorded) when `value` is missing or not an object.
    mutating func object(_ value: JSONValue?, at pointer: JSONPointer, what: String) -> JSONObject? {
        guard let value else {
            fail(pointer, "missing \(what)", hint: "add it as a JSON object")
            return nil
        }
        guard let object = value.objectValue else {
            fail(pointer, "\(what) must be an object, found \(value.typeName)", hint: "write it as {…}")
            return nil
        }
        return object
    }

    /// The array at `pointer`; a missing optional array is empty.
    mutating func array(_ value: JSONValue?, at pointer: JSONPointer, what: String, required: Bool = false)
        -> [JSONValue]
    {
        guard let value else {
            if required { fail(pointer, "missing \(what)", hint: "add it as a JSON array") }
            return []
        }
        guard let array = value.arrayValue else {
            fail(pointer, "\(what) must be an array, found \(value.typeName)", hint: "write it as […]")
            return []
        }
        return array
    }

    /// A required string member.
    mutating func string(_ object: JSONObject, _ key: String, at pointer: JSONPointer) -> String? {
        guard let value = object[key] else {
            fail(pointer.appending(key), "missing '\(key)'", hint: "add \"\(key)\": \"…\"")
            return nil
        }
        guard let text = value.stringValue else {
            fail(pointer.appending(key), "'\(key)' must be a string, found \(value.typeName)", hint: "quote the value")
            return nil
        }
        return text
    }

    /// An optional string member.
    mutating func optionalString(_ object: JSONObject, _ key: String, at pointer: JSONPointer) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let text = value.stringValue else {
            fail(pointer.appending(key), "'\(key)' must be a string, found \(value.typeName)", hint: "quote the value")
            return nil
        }
        return text
    }

    /// A string member that may be `null`; a missing member is an error, so "no counterpart" is always explicit.
    mutating func nullableString(_ object: JSONObject, _ key: String, at pointer: JSONPointer) -> String?? {
        guard let value = object[key] else {
            fail(
                pointer.appending(key), "missing '\(key)'",
                hint: "give the \(key) counterpart, or null with a \"reason\"")
            return nil
        }
        if value.isNull { return .some(nil) }
        guard let text = value.stringValue else {
            fail(
                pointer.appending(key), "'\(key)' must be a string or null, found \(value.typeName)",
                hint: "quote the value, or write null with a \"reason\"")
            return nil
        }
        return .some(text)
    }

    mutating func integer(_ value: JSONValue?, at pointer: JSONPointer) -> Int? {
        guard let number = value?.numberValue, let integer = number.int64Value else {
            fail(pointer, "must be an integer, found \(value?.typeName ?? "nothing")", hint: "write a whole number")
            return nil
        }
        return Int(integer)
    }

    mutating func bool(_ object: JSONObject, _ key: String, at pointer: JSONPointer) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let flag = value.boolValue else {
            fail(
                pointer.appending(key), "'\(key)' must be true or false, found \(value.typeName)",
                hint: "write true or false")
            return nil
        }
        return flag
    }

    /// Records an error for every key of `object` outside `allowed`, catching typos such as `reasons`.
    mutating func rejectUnknownKeys(_ object: JSONObject, allowed: Set<String>, at pointer: JSONPointer) {
        for key in object.keys where !allowed.contains(key) {
            fail(
                pointer.appending(key), "unknown member '\(key)'",
                hint: "allowed here: \(allowed.sorted().joined(separator: ", ")) (see specs/mapping/README.md)")
        }
    }
}
