/// The webhook parts of the scenario format: the `receiver` block, `trigger` and `expectDeliveries` steps.
extension ScenarioDecoder {
    func decodeReceiver(_ json: JSONValue?, at pointer: JSONPointer) throws(HarnessError) -> [ReceiverEndpoint] {
        guard let json else { return [] }
        guard let elements = json.arrayValue else {
            throw error("receiver must be an array of {\"path\", \"script\"} objects", at: pointer)
        }
        var endpoints: [ReceiverEndpoint] = []
        for (index, element) in elements.enumerated() {
            let at = pointer.appending(index: index)
            let members = try object(element, at: at, step: nil)
            try allowOnly(["path", "script"], in: members, at: at, step: nil)
            let path = try receiverPath(
                try string(members, "path", at: at, step: nil),
                at: at.appending("path"),
                step: nil
            )
            if endpoints.contains(where: { $0.path == path }) {
                throw error("the receiver path '\(path)' is declared twice", at: at.appending("path"))
            }
            if let script = members["script"], script.arrayValue == nil {
                throw error("script must be an array of statuses, like [503, 503, 200]", at: at.appending("script"))
            }
            var answers: [WebhookReceiver.Answer] = []
            for (position, item) in (members["script"]?.arrayValue ?? []).enumerated() {
                if let status = item.numberValue?.int64Value, (100...599).contains(status) {
                    answers.append(.status(Int(status)))
                } else if item.stringValue == "drop" {
                    answers.append(.drop)
                } else {
                    throw error(
                        "a script answer is an HTTP status (100–599) or \"drop\" (close without answering)",
                        at: at.appending("script").appending(index: position)
                    )
                }
            }
            endpoints.append(ReceiverEndpoint(path: path, script: WebhookReceiver.Script(answers)))
        }
        return endpoints
    }

    func decodeTrigger(
        _ json: JSONValue,
        request: RequestTemplate?,
        at pointer: JSONPointer,
        step: String
    ) throws(HarnessError) -> EventTrigger {
        let members = try object(json, at: pointer, step: step)
        try allowOnly(["eventType", "phoneNumber"], in: members, at: pointer, step: step)
        let eventType = try string(members, "eventType", at: pointer, step: step)
        let phoneNumber =
            members["phoneNumber"] == nil ? nil : try string(members, "phoneNumber", at: pointer, step: step)
        return EventTrigger(eventType: eventType, phoneNumber: phoneNumber, request: request)
    }

    func decodeDeliveryExpectation(
        _ json: JSONValue,
        at pointer: JSONPointer,
        step: String
    ) throws(HarnessError) -> DeliveryExpectation {
        let members = try object(json, at: pointer, step: step)
        try allowOnly(["path", "count", "none", "quietMs", "timeoutMs", "reason"], in: members, at: pointer, step: step)
        let path = try receiverPath(
            try string(members, "path", at: pointer, step: step),
            at: pointer.appending("path"),
            step: step
        )
        var expectation = DeliveryExpectation(path: path)
        if let value = members["none"] {
            guard value == true else { throw error("none must be true", at: pointer.appending("none"), step: step) }
            guard members["count"] == nil else {
                throw error("give either count or none, not both", at: pointer.appending("none"), step: step)
            }
            expectation.expectsNone = true
            expectation.count = 0
        }
        if let count = try positive(members, "count", at: pointer, step: step) { expectation.count = count }
        if let quiet = try positive(members, "quietMs", at: pointer, step: step) {
            expectation.quietMilliseconds = quiet
        }
        if let timeout = try positive(members, "timeoutMs", at: pointer, step: step) {
            expectation.timeoutMilliseconds = timeout
        }
        expectation.reason = try optionalString(members, "reason", at: pointer, step: step)
        if expectation.reason != nil, !expectation.expectsNone {
            throw error(
                "reason explains \"none\": true and is shown nowhere else; add \"none\": true or remove it",
                at: pointer.appending("reason"),
                step: step
            )
        }
        return expectation
    }

    private func positive(
        _ members: JSONObject,
        _ key: String,
        at pointer: JSONPointer,
        step: String
    ) throws(HarnessError) -> Int? {
        guard let value = members[key] else { return nil }
        guard let number = value.numberValue?.int64Value, number > 0, number <= Int64(Int32.max) else {
            throw error("\(key) must be a positive integer", at: pointer.appending(key), step: step)
        }
        return Int(number)
    }

    /// Dot segments are refused: a sender's URL parser resolves them, and `/..` would put the
    /// deliveries outside the scenario run's own prefix on the receiver.
    private func receiverPath(_ path: String, at pointer: JSONPointer, step: String?) throws(HarnessError) -> String {
        guard path.hasPrefix("/"), path.count > 1, TemplateString.isValidReceiverPath(path),
            !path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." })
        else {
            throw error(
                "a receiver path starts with '/' and has letters, digits, '-', '_', '.' and '/' only, "
                    + "with no '.' or '..' segment (like \"/a\")",
                at: pointer,
                step: step
            )
        }
        return path
    }
}
