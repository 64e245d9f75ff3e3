/// Compares the pairs of one ``PairedScenario`` in file order, remembering what each version was sent
/// so far, so that a field both versions echo matches even when the two scenarios sent different values.
struct PairComparison {
    let mapping: Mapping
    let paired: PairedScenario
    let v2: ScenarioResult
    let v3: ScenarioResult
    /// What each version was sent by successful requests so far, by v3 location.
    private var sentV2: [[String]: JSONValue] = [:]
    private var sentV3: [[String]: JSONValue] = [:]

    init(mapping: Mapping, paired: PairedScenario, v2: ScenarioResult, v3: ScenarioResult) {
        self.mapping = mapping
        self.paired = paired
        self.v2 = v2
        self.v3 = v3
    }

    mutating func compare(_ pair: PairedScenario.Pair) -> PairOutcome {
        var outcome = PairOutcome(
            scenario: paired.name, name: pair.name, subject: .operation(pair.operation), v2Step: pair.v2.step,
            v3Step: pair.v3.step, differences: [])
        let old = v2.steps.first { $0.name == pair.v2.step }
        let new = v3.steps.first { $0.name == pair.v3.step }
        guard let operation = mapping.operation(v2: pair.operation) else { return outcome }
        remember(old, translator: translator(operation.request.fields), into: &sentV2)
        remember(new, translator: translator([]), into: &sentV3)
        switch (old?.response, new?.response) {
        case (nil, nil):
            outcome.notRunReason = "neither step has a response (v2 \(Self.state(old)), v3 \(Self.state(new)))"
        case (.some, nil):
            outcome.differences.append(
                difference(pair.name, "v3 step '\(pair.v3.step)' has no response: \(Self.state(new))"))
        case (nil, .some):
            outcome.differences.append(
                difference(pair.name, "v2 step '\(pair.v2.step)' has no response: \(Self.state(old))"))
        case (.some(let oldResponse), .some(let newResponse)):
            outcome.differences = compare(pair, operation, oldResponse, newResponse)
        }
        return outcome
    }

    private func compare(
        _ pair: PairedScenario.Pair, _ operation: OperationMapping, _ old: TransportResponse, _ new: TransportResponse
    ) -> [PairOutcome.Difference] {
        guard (200..<300).contains(old.status) else { return errorMeaning(pair, operation, old.status, new) }
        guard (200..<300).contains(new.status) else {
            return [difference(pair.name, "status: v2 \(old.status) (2xx), v3 \(new.status) (\(new.status / 100)xx)")]
        }
        guard let oldBody = Self.json(old.body) else { return [] }
        guard let newBody = Self.json(new.body) else {
            return [difference(pair.name, "body: v2 returned JSON, v3 \(new.body.isEmpty ? "nothing" : "no JSON")")]
        }
        let translator = translator(operation.response.fields)
        let leaves: [BodyTranslator.Leaf]
        let newValue: JSONValue?
        if pair.v2.find {
            guard let (item, index) = find(in: oldBody, v2, resource: paired.v2Resource) else {
                return [difference(pair.name, "v2 list does not contain the created resource")]
            }
            let list = paired.v2Resource?.list.tokens ?? []
            let prefix = list + [String(index)]
            let field = FieldPath(tokens: list + [FieldPath.arrayItems])
            leaves = translator.leaves(of: item, at: prefix, field: field)
        } else {
            leaves = translator.leaves(of: oldBody)
        }
        if pair.v3.find {
            newValue = find(in: newBody, v3, resource: paired.v3Resource)?.item
            guard newValue != nil else {
                return [difference(pair.name, "v3 list does not contain the created resource")]
            }
        } else {
            newValue = newBody
        }
        return leaves.compactMap { leaf in
            compare(pair.name, leaf, newValue?.value(at: JSONPointer(tokens: leaf.v3)))
        }
    }

    /// One translated v2 leaf against the v3 value at its location; `pair` names the pair.
    func compare(_ pair: String, _ leaf: BodyTranslator.Leaf, _ actual: JSONValue?) -> PairOutcome.Difference?
    {
        let pointer = JSONPointer(tokens: leaf.v3)
        let field = leaf.v3.isEmpty ? "(body)" : leaf.v3.joined(separator: "/")
        guard let actual else {
            return leaf.value == .null
                ? nil : difference(pair, "\(field): in v2 (as \(leaf.v2Field)), missing in v3", pointer)
        }
        if ValueShape.isVolatile(field: leaf.v3.last) {
            let (old, new) = (ValueShape(leaf.value), ValueShape(actual))
            if let retype = leaf.mapping?.retype {
                let expected = retype.v3Format.map { "\(retype.v3) (\($0))" } ?? retype.v3
                let fits =
                    old.type == retype.v2 && new.type == retype.v3 && (retype.v3Format ?? new.format) == new.format
                return fits
                    ? nil
                    : difference(
                        pair, "\(field): v2 \(old), v3 \(new); the mapping says \(retype.v2) → \(expected)", pointer)
            }
            return old == new ? nil : difference(pair, "\(field): v2 \(old), v3 \(new)", pointer)
        }
        if Self.same(leaf.value, actual) { return nil }
        // An empty v2 object has no fields to compare; fields only v3 has are the static diff's business.
        if leaf.value.objectValue?.isEmpty == true, actual.objectValue != nil { return nil }
        if let sentOld = sentV2[leaf.v3], let sentNew = sentV3[leaf.v3], !Self.same(sentOld, sentNew),
            Self.same(leaf.value, sentOld) == Self.same(actual, sentNew)
        {
            return nil
        }
        let sent = sentV2[leaf.v3].map { " (both sent \(Self.text($0)))" } ?? ""
        return difference(pair, "\(field): v2 \(Self.text(leaf.value)), v3 \(Self.text(actual))\(sent)", pointer)
    }

    /// A v2 error status means a v3 status and set of codes (the mapping's error table, with the
    /// operation's own codes first).
    private func errorMeaning(
        _ pair: PairedScenario.Pair, _ operation: OperationMapping, _ status: Int, _ new: TransportResponse
    )
        -> [PairOutcome.Difference]
    {
        guard let translation = mapping.errors.status(v2: status) else {
            return new.status / 100 == status / 100
                ? []
                : [
                    difference(
                        pair.name, "status: v2 \(status) (\(status / 100)xx), v3 \(new.status) (\(new.status / 100)xx)")
                ]
        }
        guard new.status == translation.v3 else {
            return [difference(pair.name, "error status: v2 \(status) means v3 \(translation.v3), got \(new.status)")]
        }
        let codes = operation.errorCodes[status] ?? translation.v3Codes
        let code = Self.json(new.body)?.value(at: "/error/code")
        guard let number = code?.numberValue?.int64Value, codes.contains(Int(number)) else {
            let list = codes.map(String.init).joined(separator: ", ")
            return [
                difference(
                    pair.name,
                    "error meaning: v2 \(status) means v3 code \(list), got \(code.map(Self.text) ?? "none")",
                    "/error/code")
            ]
        }
        return []
    }

    private func find(in body: JSONValue, _ scenario: ScenarioResult, resource: PairedScenario.Resource?)
        -> (item: JSONValue, index: Int)?
    {
        guard let resource, let created = scenario.steps.first(where: { $0.name == resource.step })?.response,
            let id = Self.json(created.body)?.value(at: resource.id),
            let items = body.value(at: resource.list)?.arrayValue,
            let index = items.firstIndex(where: { $0["id"].map { Self.same($0, id) } ?? false })
        else { return nil }
        return (items[index], index)
    }

    private func remember(_ step: StepResult?, translator: BodyTranslator, into sent: inout [[String]: JSONValue]) {
        guard let step, let request = step.request, let status = step.response?.status, (200..<300).contains(status),
            let body = Self.json(request.body)
        else { return }
        for leaf in translator.leaves(of: body) { sent[leaf.v3] = leaf.value }
    }

    func translator(_ fields: [FieldMapping]) -> BodyTranslator {
        BodyTranslator(fields: fields, events: mapping.events)
    }

    func difference(_ pair: String, _ message: String, _ pointer: JSONPointer = .root) -> PairOutcome.Difference {
        let finding = Finding(
            rule: .parity, message: message, pointer: pointer.description,
            location: .init(version: "v3", scenario: paired.name, step: pair))
        return .init(finding: finding)
    }

    static func json(_ bytes: [UInt8]) -> JSONValue? {
        bytes.isEmpty ? nil : try? JSONParser.parse(bytes)
    }

    /// Equal as JSON, numbers compared mathematically.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x.isNumericallyEqual(to: y)
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        default: a == b
        }
    }

    static func text(_ value: JSONValue) -> String {
        let text = value.jsonString()
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }

    static func state(_ step: StepResult?) -> String {
        switch step?.status {
        case nil: "not in the results"
        case .skipped(let reason): "skipped: \(reason)"
        case .errored(let error): "errored: \(error.description)"
        case .passed, .failed: "no response"
        }
    }
}
