import Foundation

/// Checks an OpenAPI document for what would make contract checks silently weaker.
///
/// Errors: `$ref`s that do not resolve (dangling, external, malformed or cyclic), schemas that
/// are neither objects nor booleans, and path items, operations or responses that are not objects.
/// Errors also: `pattern`s and `patternProperties` names that are not valid regular expressions.
/// Warnings: unknown schema keywords (usually typos, which validation would ignore), 2xx
/// responses with content but no schema to check it against, and patterns with nested
/// repetition (see ``PatternRisk``).
public enum SpecLinter {
    /// Returns every diagnostic for `document`, in document order.
    public static func lint(_ document: OpenAPIDocument) -> [SpecDiagnostic] {
        var walker = Walker(resolver: ReferenceResolver(root: document.root))
        walker.walkDocument(document.root, at: .root)
        walker.diagnostics += shapeDiagnostics(document.root)
        for operation in document.operations {
            for response in operation.responses where isSuccess(response.status) && !response.content.isEmpty {
                if response.jsonSchema == nil {
                    walker.diagnostics.append(
                        SpecDiagnostic(
                            severity: .warning,
                            pointer: response.pointer,
                            message: "\(operation.displayName): response \(response.status) declares content "
                                + "but no JSON schema, so its body cannot be checked"
                        )
                    )
                }
            }
        }
        return walker.diagnostics
    }

    private static func isSuccess(_ status: String) -> Bool {
        status.count == 3 && status.hasPrefix("2")
    }

    private struct Walker {
        let resolver: ReferenceResolver
        var diagnostics: [SpecDiagnostic] = []

        /// Keys whose values are literal data, never references or schemas.
        private static let literalKeys: Set<String> = ["example", "examples", "default", "const", "enum"]

        mutating func walkDocument(_ value: JSONValue, at pointer: JSONPointer) {
            switch value {
            case .object(let object):
                checkReference(in: object, at: pointer)
                for (key, member) in object where !key.hasPrefix("x-") {
                    let memberPointer = pointer.appending(key)
                    if key == "schema" || (pointer.tokens == ["components", "schemas"]) {
                        walkSchema(member, at: memberPointer)
                    } else if key == "examples" {
                        walkExamples(member, at: memberPointer)
                    } else if !Walker.literalKeys.contains(key) {
                        walkDocument(member, at: memberPointer)
                    }
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    walkDocument(element, at: pointer.appending(index: index))
                }
            default:
                break
            }
        }

        /// Example objects may be `$ref`s to `components/examples`; their `value` is literal data.
        private mutating func walkExamples(_ value: JSONValue, at pointer: JSONPointer) {
            guard let examples = value.objectValue else { return }
            for (name, example) in examples {
                if let object = example.objectValue { checkReference(in: object, at: pointer.appending(name)) }
            }
        }

        mutating func walkSchema(_ schema: JSONValue, at pointer: JSONPointer) {
            guard case .object(let object) = schema else {
                if schema.boolValue == nil {
                    diagnostics.append(
                        SpecDiagnostic(
                            severity: .error,
                            pointer: pointer,
                            message: "a schema must be an object or a boolean, found \(schema.typeName)"
                        )
                    )
                }
                return
            }
            checkReference(in: object, at: pointer)
            for (keyword, value) in object {
                let keywordPointer = pointer.appending(keyword)
                if !SchemaKeywords.isKnown(keyword) {
                    diagnostics.append(
                        SpecDiagnostic(
                            severity: .warning,
                            pointer: keywordPointer,
                            message: "unknown schema keyword '\(keyword)' is ignored by validation; "
                                + "fix the spelling or prefix it with 'x-'"
                        )
                    )
                } else if keyword == "pattern", let pattern = value.stringValue {
                    checkPattern(pattern, at: keywordPointer)
                } else if SchemaKeywords.singleSubschema.contains(keyword) {
                    if case .array(let schemas) = value {
                        walkSchemas(schemas, at: keywordPointer)
                    } else {
                        walkSchema(value, at: keywordPointer)
                    }
                } else if SchemaKeywords.subschemaArrays.contains(keyword), case .array(let schemas) = value {
                    walkSchemas(schemas, at: keywordPointer)
                } else if SchemaKeywords.subschemaMaps.contains(keyword), case .object(let schemas) = value {
                    for (name, subschema) in schemas {
                        if keyword == "patternProperties" { checkPattern(name, at: keywordPointer.appending(name)) }
                        walkSchema(subschema, at: keywordPointer.appending(name))
                    }
                }
            }
        }

        /// A pattern validation cannot compile is skipped (in `patternProperties`) or fails every
        /// instance (in `pattern`); one with nested repetition can hang it.
        private mutating func checkPattern(_ pattern: String, at pointer: JSONPointer) {
            if (try? NSRegularExpression(pattern: SchemaValidator.ECMARegex.translate(pattern))) == nil {
                diagnostics.append(
                    SpecDiagnostic(
                        severity: .error,
                        pointer: pointer,
                        message: "'\(pattern)' is not a valid regular expression; fix its syntax"
                    )
                )
            } else if let offset = PatternRisk.nestedRepetition(in: pattern) {
                diagnostics.append(
                    SpecDiagnostic(
                        severity: .warning,
                        pointer: pointer,
                        message: "'\(pattern)' repeats a group that itself repeats (quantifier at character "
                            + "\(offset)), which can take exponential time on a long string that almost matches; "
                            + "repeat once, e.g. '^(a+)+$' → '^a+$'"
                    )
                )
            }
        }

        private mutating func walkSchemas(_ schemas: [JSONValue], at pointer: JSONPointer) {
            for (index, subschema) in schemas.enumerated() {
                walkSchema(subschema, at: pointer.appending(index: index))
            }
        }

        private mutating func checkReference(in object: JSONObject, at pointer: JSONPointer) {
            guard let reference = object["$ref"] else { return }
            guard let ref = reference.stringValue else {
                diagnostics.append(
                    SpecDiagnostic(
                        severity: .error,
                        pointer: pointer.appending("$ref"),
                        message: "$ref must be a string, found \(reference.typeName)"
                    )
                )
                return
            }
            if case .unresolved(let reason) = resolver.resolve(ref, from: pointer) {
                diagnostics.append(
                    SpecDiagnostic(
                        severity: .error,
                        pointer: pointer.appending("$ref"),
                        message: "unresolved $ref: \(reason)"
                    )
                )
            }
        }
    }
}
