import Foundation

/// Loads `specs/mapping/v2-to-v3.json` and checks it against the v2 and v3 specs.
public enum MappingLoader {
    /// Parses and validates the mapping at `path`.
    /// - Throws: ``MappingLoadError`` with every problem found: unreadable file, JSON syntax, wrong shape,
    ///   unknown operations, fields, events or codes, and v2 operations or events left unaccounted for.
    public static func load(from path: String, v2: OpenAPIDocument, v3: OpenAPIDocument) throws(MappingLoadError)
        -> Mapping
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw MappingLoadError([.fileNotFound(file: path)])
        }
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw MappingLoadError([.unreadable(file: path, reason: error.localizedDescription)])
        }
        return try load(bytes, source: path, v2: v2, v3: v3)
    }

    /// Parses and validates a mapping already read; `source` names it in messages.
    public static func load(_ bytes: [UInt8], source: String, v2: OpenAPIDocument, v3: OpenAPIDocument)
        throws(MappingLoadError) -> Mapping
    {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw MappingLoadError([.invalidJSON(file: source, error)])
        }
        var decoder = MappingDecoder(file: source)
        let mapping: Mapping
        switch decoder.decode(root) {
        case .success(let decoded): mapping = decoded
        case .failure(let error): throw error
        }
        var validator = MappingValidator(mapping: mapping, v2: v2, v3: v3)
        let problems = validator.validate()
        guard problems.isEmpty else { throw MappingLoadError(problems) }
        return mapping
    }

    /// Loads both specs and the mapping from the repository's default locations under `specsDirectory`
    /// (`v2/openapi.json`, `v3/openapi.json`, `mapping/v2-to-v3.json`).
    public static func loadDefault(specsDirectory: String) throws(MappingLoadError)
        -> (v2: OpenAPIDocument, v3: OpenAPIDocument, mapping: Mapping)
    {
        let v2: OpenAPIDocument
        let v3: OpenAPIDocument
        do {
            v2 = try OpenAPIDocument.load(from: specsDirectory + "/v2/openapi.json")
            v3 = try OpenAPIDocument.load(from: specsDirectory + "/v3/openapi.json")
        } catch {
            throw MappingLoadError([.spec(error)])
        }
        let mapping = try load(from: specsDirectory + "/mapping/v2-to-v3.json", v2: v2, v3: v3)
        return (v2, v3, mapping)
    }
}
