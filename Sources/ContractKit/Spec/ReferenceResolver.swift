/// Follows local `$ref`s (`#/…`) inside one document, through chains, detecting cycles.
struct ReferenceResolver: Sendable {
    enum Resolution: Sendable, Hashable {
        case resolved(JSONPointer)
        case unresolved(reason: String)
    }

    let root: JSONValue

    /// Resolves `ref`, found in the object at `origin`, to the first target that is not itself a `$ref`.
    func resolve(_ ref: String, from origin: JSONPointer) -> Resolution {
        var visited: [JSONPointer] = [origin]
        var ref = ref
        while true {
            guard ref.hasPrefix("#") else {
                return .unresolved(reason: "'\(ref)' is not a local reference; only '#/…' references are supported")
            }
            let target: JSONPointer
            do {
                target = try JSONPointer(uriFragment: ref)
            } catch {
                return .unresolved(reason: "'\(ref)' is not a valid reference: \(error)")
            }
            if visited.contains(target) {
                let chain = (visited + [target]).map(\.description).joined(separator: " → ")
                return .unresolved(reason: "'\(ref)' is part of a $ref cycle: \(chain)")
            }
            guard let value = root.value(at: target) else {
                return .unresolved(reason: "'\(ref)' points to \(target), which does not exist in the document")
            }
            guard let next = value["$ref"]?.stringValue else { return .resolved(target) }
            visited.append(target)
            ref = next
        }
    }

    /// The pointer itself, or where its `$ref` leads when the value there is a resolvable reference.
    func following(_ pointer: JSONPointer) -> JSONPointer {
        guard let ref = root.value(at: pointer)?["$ref"]?.stringValue,
            case .resolved(let target) = resolve(ref, from: pointer)
        else { return pointer }
        return target
    }
}
