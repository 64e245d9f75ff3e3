/// Decoding of the mapping's auth, secret, signature and error sections.
extension MappingDecoder {
    mutating func decodeAuth(_ value: JSONValue?, at pointer: JSONPointer) -> AuthMapping? {
        guard let object = reader.object(value, at: pointer, what: "'auth'") else { return nil }
        reader.rejectUnknownKeys(object, allowed: ["v2", "v3", "sameToken", "reason"], at: pointer)
        func scheme(_ key: String, _ decoder: inout MappingDecoder) -> AuthMapping.Scheme? {
            let schemePointer = pointer.appending(key)
            guard let side = decoder.reader.object(object[key], at: schemePointer, what: "'\(key)'"),
                let name = decoder.reader.string(side, "securityScheme", at: schemePointer),
                let header = decoder.reader.string(side, "header", at: schemePointer),
                let value = decoder.reader.string(side, "value", at: schemePointer)
            else { return nil }
            if !value.contains("{token}") {
                decoder.reader.fail(
                    schemePointer.appending("value"), "the header value has no {token} placeholder",
                    hint: "write e.g. \"Bearer {token}\"")
            }
            return .init(securityScheme: name, header: header, value: value)
        }
        guard let v2 = scheme("v2", &self), let v3 = scheme("v3", &self) else { return nil }
        return AuthMapping(
            v2: v2, v3: v3, sameToken: reader.bool(object, "sameToken", at: pointer) ?? false,
            reason: reader.optionalString(object, "reason", at: pointer))
    }

    mutating func decodeSecret(_ value: JSONValue?, at pointer: JSONPointer) -> SecretMapping? {
        guard let object = reader.object(value, at: pointer, what: "'secret'") else { return nil }
        reader.rejectUnknownKeys(object, allowed: ["v2", "v3", "reason"], at: pointer)
        func side(_ key: String, _ decoder: inout MappingDecoder) -> SecretMapping.Side? {
            let sidePointer = pointer.appending(key)
            guard let side = decoder.reader.object(object[key], at: sidePointer, what: "'\(key)'"),
                let field = decoder.reader.string(side, "field", at: sidePointer),
                let location = decoder.reader.string(side, "in", at: sidePointer),
                let origin = decoder.reader.string(side, "origin", at: sidePointer)
            else { return nil }
            return .init(
                field: FieldPath(field), location: location, origin: origin, returned: side["returned"] ?? .null)
        }
        guard let v2 = side("v2", &self), let v3 = side("v3", &self) else { return nil }
        return SecretMapping(v2: v2, v3: v3, reason: reader.optionalString(object, "reason", at: pointer))
    }

    mutating func decodeSignatures(_ value: JSONValue?, at pointer: JSONPointer) -> SignatureMapping? {
        guard let object = reader.object(value, at: pointer, what: "'signatures'") else { return nil }
        reader.rejectUnknownKeys(object, allowed: ["v2", "v3"], at: pointer)
        func schemes(_ key: String, _ decoder: inout MappingDecoder) -> [SignatureMapping.Scheme] {
            let listPointer = pointer.appending(key)
            return decoder.reader.array(object[key], at: listPointer, what: "'\(key)'", required: true).enumerated()
                .compactMap { index, item in
                    let itemPointer = listPointer.appending(index: index)
                    guard let scheme = decoder.reader.object(item, at: itemPointer, what: "a signature scheme"),
                        let name = decoder.reader.string(scheme, "scheme", at: itemPointer),
                        let value = decoder.reader.string(scheme, "value", at: itemPointer),
                        let signed = decoder.reader.string(scheme, "signed", at: itemPointer),
                        let key = decoder.reader.string(scheme, "key", at: itemPointer),
                        let when = decoder.reader.string(scheme, "when", at: itemPointer)
                    else { return nil }
                    let headers = decoder.reader.array(
                        scheme["headers"], at: itemPointer.appending("headers"),
                        what: "'headers'", required: true
                    ).compactMap(\.stringValue)
                    return .init(scheme: name, headers: headers, value: value, signed: signed, key: key, when: when)
                }
        }
        return SignatureMapping(v2: schemes("v2", &self), v3: schemes("v3", &self))
    }

    mutating func decodeErrors(_ value: JSONValue?, at pointer: JSONPointer) -> ErrorMapping? {
        guard let object = reader.object(value, at: pointer, what: "'errors'") else { return nil }
        reader.rejectUnknownKeys(object, allowed: ["v3Envelope", "v3Codes", "shapes", "statuses"], at: pointer)
        let envelope = reader.string(object, "v3Envelope", at: pointer)
        let codes = reader.string(object, "v3Codes", at: pointer)
        let shapesPointer = pointer.appending("shapes")
        let shapes = reader.array(object["shapes"], at: shapesPointer, what: "'shapes'", required: true).enumerated()
            .compactMap { index, item -> ErrorMapping.Shape? in
                let itemPointer = shapesPointer.appending(index: index)
                guard let shape = reader.object(item, at: itemPointer, what: "an error shape"),
                    let v2 = reader.string(shape, "v2", at: itemPointer)
                else { return nil }
                reader.rejectUnknownKeys(shape, allowed: ["v2", "usedBy", "fields"], at: itemPointer)
                return .init(
                    v2: v2, usedBy: reader.optionalString(shape, "usedBy", at: itemPointer),
                    body: BodyMapping(fields: decodeFields(shape["fields"], at: itemPointer.appending("fields"))))
            }
        let statusesPointer = pointer.appending("statuses")
        let statuses = reader.array(object["statuses"], at: statusesPointer, what: "'statuses'", required: true)
            .enumerated().compactMap { index, item -> ErrorMapping.Status? in
                let itemPointer = statusesPointer.appending(index: index)
                guard let status = reader.object(item, at: itemPointer, what: "a status translation") else {
                    return nil
                }
                reader.rejectUnknownKeys(status, allowed: ["v2", "v3", "v3Codes", "reason"], at: itemPointer)
                guard let v2 = reader.integer(status["v2"], at: itemPointer.appending("v2")),
                    let v3 = reader.integer(status["v3"], at: itemPointer.appending("v3"))
                else { return nil }
                let codesPointer = itemPointer.appending("v3Codes")
                let codes = reader.array(status["v3Codes"], at: codesPointer, what: "'v3Codes'", required: true)
                    .enumerated().compactMap { reader.integer($1, at: codesPointer.appending(index: $0)) }
                return .init(
                    v2: v2, v3: v3, v3Codes: codes, reason: reader.optionalString(status, "reason", at: itemPointer))
            }
        guard let envelope, let codes else { return nil }
        return ErrorMapping(v3Envelope: envelope, v3Codes: codes, shapes: shapes, statuses: statuses)
    }
}
