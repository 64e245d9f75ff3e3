/// The allow-list of reviewed differences, `specs/known-differences.json`.
///
/// The file is `{"entries": [...]}`, its shape given by `specs/known-differences.schema.json`.
/// Loading checks every entry and names the file, entry index and field of the first problem.
public struct KnownDifferences: Sendable, Hashable {
    public var entries: [KnownDifference]

    public init(entries: [KnownDifference] = []) {
        self.entries = entries
    }

    private static let fields: Set<String> = [
        "id", "rule", "version", "scenario", "step", "pointer", "reason", "link", "expires",
    ]

    /// Entries from the parsed file `document`; `file` is only used in error messages.
    public init(document: JSONValue, file: String) throws(GateError) {
        guard let object = document.objectValue else {
            throw .malformed(file: file, reason: "the top level is \(document.typeName), not an object")
        }
        guard let list = object["entries"]?.arrayValue else {
            throw .malformed(file: file, reason: "there is no \"entries\" array")
        }
        if let extra = object.keys.first(where: { $0 != "entries" }) {
            throw .malformed(file: file, reason: "unknown top-level member \"\(extra)\"")
        }
        var entries: [KnownDifference] = []
        for (index, value) in list.enumerated() {
            let entry = try Self.entry(value, file: file, index: index)
            if entries.contains(where: { $0.id == entry.id }) {
                throw .invalidEntry(
                    file: file,
                    index: index,
                    field: "id",
                    problem: "'\(entry.id)' is used twice; ids must be unique"
                )
            }
            entries.append(entry)
        }
        self.init(entries: entries)
    }

    private static func entry(_ value: JSONValue, file: String, index: Int) throws(GateError) -> KnownDifference {
        func fail(_ field: String, _ problem: String) -> GateError {
            .invalidEntry(file: file, index: index, field: field, problem: problem)
        }
        guard let object = value.objectValue else { throw fail("", "the entry is \(value.typeName), not an object") }
        if let unknown = object.keys.first(where: { !fields.contains($0) }) {
            throw fail(unknown, "unknown field; allowed are \(fields.sorted().joined(separator: ", "))")
        }
        func string(_ field: String, required: Bool) throws(GateError) -> String? {
            guard let member = object[field] else {
                if required { throw fail(field, "missing; every entry needs id, rule, reason, link and expires") }
                return nil
            }
            guard let text = member.stringValue, !text.isEmpty else { throw fail(field, "must be a non-empty string") }
            return text
        }
        let id = try string("id", required: true)!  // required fields are non-nil or thrown
        let ruleName = try string("rule", required: true)!
        guard Rule.all.contains(Rule(rawValue: ruleName)) else {
            throw fail("rule", "'\(ruleName)' is not a rule; see Sources/ContractKit/Checks/Rule.swift")
        }
        let version = try string("version", required: false)
        if let version, !["v2", "v3"].contains(version) { throw fail("version", "'\(version)' must be 'v2' or 'v3'") }
        let scenario = try string("scenario", required: false)
        let step = try string("step", required: false)
        let pointer = try string("pointer", required: false)
        if let pointer, !pointer.hasPrefix("/") {
            throw fail("pointer", "'\(pointer)' is not a JSON pointer; start it with '/'")
        }
        guard scenario != nil || step != nil || pointer != nil else {
            throw fail(
                "scenario",
                "name at least one of scenario, step and pointer, so the entry cannot allow a rule everywhere"
            )
        }
        let expiresText = try string("expires", required: true)!
        guard let expires = CalendarDate(parsing: expiresText) else {
            throw fail("expires", "'\(expiresText)' is not a date; write YYYY-MM-DD")
        }
        return KnownDifference(
            id: id,
            rule: Rule(rawValue: ruleName),
            version: version,
            scenario: scenario,
            step: step,
            pointer: pointer,
            reason: try string("reason", required: true)!,
            link: try string("link", required: true)!,
            expires: expires
        )
    }

    /// The first unexpired entry matching `finding`, else the first expired one (to say why it is not allowed).
    public func entry(matching finding: Finding, on today: CalendarDate) -> KnownDifference? {
        let matching = entries.filter { $0.matches(finding) }
        return matching.first { !$0.isExpired(on: today) } ?? matching.first
    }
}
