extension PairComparison {
    /// Compares the first v2 delivery of the pair's event, translated through the mapping's entry for
    /// it, with the first v3 delivery of the mapped event (that meets the entry's `where` condition).
    func compare(_ pair: PairedScenario.EventPair) -> PairOutcome {
        var outcome = PairOutcome(
            scenario: paired.name, name: pair.name, subject: .event(pair.event), v2Step: pair.v2Step,
            v3Step: pair.v3Step, differences: [])
        guard let entry = mapping.event(v2: pair.event), let v3Event = entry.v3 else { return outcome }
        let old = v2.steps.first { $0.name == pair.v2Step }
        let new = v3.steps.first { $0.name == pair.v3Step }
        let oldPayload = old?.deliveries.first { $0.eventType == pair.event }?.payload
        let newPayload = new?.deliveries.first { delivery in
            delivery.eventType == v3Event
                && entry.condition.map { delivery.payload.value(at: $0.pointer) == $0.equals } ?? true
        }?.payload
        let condition = entry.condition.map { " where \($0.pointer) is \(Self.text($0.equals))" } ?? ""
        let v3Wanted = "'\(v3Event)'\(condition)"
        switch (oldPayload, newPayload) {
        case (nil, nil):
            outcome.notRunReason =
                "neither step received the event (v2 '\(pair.event)': \(Self.received(old)), "
                + "v3 \(v3Wanted): \(Self.received(new)))"
        case (.some, nil):
            outcome.differences.append(
                difference(
                    pair.name, "v3 step '\(pair.v3Step)' received no \(v3Wanted) delivery: \(Self.received(new))"))
        case (nil, .some):
            outcome.differences.append(
                difference(
                    pair.name, "v2 step '\(pair.v2Step)' received no '\(pair.event)' delivery: \(Self.received(old))"))
        case (.some(let oldPayload), .some(let newPayload)):
            outcome.differences = translator(entry.payload.fields).leaves(of: oldPayload).compactMap { leaf in
                compare(pair.name, leaf, newPayload.value(at: JSONPointer(tokens: leaf.v3)))
            }
        }
        return outcome
    }

    /// What a delivery step received, or why it has no deliveries.
    private static func received(_ step: StepResult?) -> String {
        switch step?.status {
        case .passed, .failed:
            let types = step?.deliveries.map { $0.eventType ?? "(no event_type)" } ?? []
            return types.isEmpty ? "it received nothing" : "it received " + types.joined(separator: ", ")
        default:
            return state(step)
        }
    }
}
