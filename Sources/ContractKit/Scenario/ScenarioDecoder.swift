import HTTPServer

/// Reads the scenario JSON format (`specs/scenarios/README.md`) into a ``Scenario``.
///
/// Strict on purpose: an unknown member is an error, so a typo (`"expcet"`) cannot silently
/// drop an expectation. Every error names the file, the step and the field's JSON pointer.
struct ScenarioDecoder {
    let file: String

    func decode(_ json: JSONValue) throws(HarnessError) -> Scenario {
        let root = try object(json, at: .root, step: nil)
        try allowOnly(
            ["name", "version", "tags", "description", "variables", "steps", "cleanup", "retries", "receiver"],
            in: root,
            at: .root,
            step: nil
        )
        let name = try string(root, "name", at: .root, step: nil)
        let versionText = try string(root, "version", at: .root, step: nil)
        guard let version = APIVersion(rawValue: versionText) else {
            throw error("version must be \"v2\" or \"v3\", not \"\(versionText.excerpt)\"", at: "/version", step: nil)
        }
        let tags = try optionalStrings(root, "tags", at: .root, step: nil) ?? []
        let description = try optionalString(root, "description", at: .root, step: nil) ?? ""
        let variables = try root["variables"].map { value throws(HarnessError) in
            try object(value, at: "/variables", step: nil)
        }
        let steps = try decodeSteps(root["steps"], at: "/steps", required: true)
        let cleanup = try decodeSteps(root["cleanup"], at: "/cleanup", required: false)
        var retries = true
        if let value = root["retries"] {
            guard let flag = value.boolValue else { throw error("retries must be true or false", at: "/retries") }
            retries = flag
        }
        let receiver = try decodeReceiver(root["receiver"], at: "/receiver")
        return Scenario(
            name: name,
            version: version,
            tags: tags,
            description: description,
            variables: Dictionary(uniqueKeysWithValues: variables?.members.map { ($0.key, $0.value) } ?? []),
            steps: steps,
            cleanup: cleanup,
            isRetryEnabled: retries,
            receiver: receiver,
            file: file
        )
    }

    private func decodeSteps(
        _ json: JSONValue?,
        at pointer: JSONPointer,
        required: Bool
    ) throws(HarnessError)
        -> [ScenarioStep]
    {
        guard let json else {
            if required { throw error("a scenario needs at least one step; add \"steps\": [...]", at: pointer) }
            return []
        }
        guard let elements = json.arrayValue, !elements.isEmpty || !required else {
            throw error("must be a non-empty array of steps", at: pointer)
        }
        var steps: [ScenarioStep] = []
        // A set, not a scan of the steps so far: 100,000 steps took minutes to load that way.
        var names: Set<String> = []
        for (index, element) in elements.enumerated() {
            let step = try decodeStep(element, at: pointer.appending(index: index))
            if !names.insert(step.name).inserted {
                throw error("two steps are named '\(step.name)'; give each a unique name", at: pointer, step: step.name)
            }
            steps.append(step)
        }
        return steps
    }

    private func decodeStep(_ json: JSONValue, at pointer: JSONPointer) throws(HarnessError) -> ScenarioStep {
        let step = try object(json, at: pointer, step: nil)
        let name = try string(step, "name", at: pointer, step: nil)
        if let value = step["expectDeliveries"] {
            try allowOnly(["name", "expectDeliveries"], in: step, at: pointer, step: name)
            let expectation = try decodeDeliveryExpectation(value, at: pointer.appending("expectDeliveries"), step: name)
            return ScenarioStep(name: name, action: .expectDeliveries(expectation))
        }
        try allowOnly(["name", "request", "expect", "createsResource", "trigger"], in: step, at: pointer, step: name)
        let request = try step["request"].map { value throws(HarnessError) in
            try decodeRequest(value, at: pointer.appending("request"), step: name)
        }
        let expect = try step["expect"].map { value throws(HarnessError) in
            try decodeExpectation(value, at: pointer.appending("expect"), step: name)
        }
        var creates: ResourceCleanup?
        if let value = step["createsResource"] {
            let at = pointer.appending("createsResource")
            let members = try object(value, at: at, step: name)
            try allowOnly(["deletePath"], in: members, at: at, step: name)
            creates = ResourceCleanup(deletePath: try string(members, "deletePath", at: at, step: name))
        }
        let action: ScenarioStep.Action
        if let value = step["trigger"] {
            // Without a request there is no response: the expectation would never be checked, nor a capture made.
            if request == nil, let member = ["expect", "createsResource"].first(where: { step[$0] != nil }) {
                throw error(
                    "\"\(member)\" applies to the trigger's \"request\", which the step lacks; add one or remove it",
                    at: pointer.appending(member),
                    step: name
                )
            }
            action = .trigger(try decodeTrigger(value, request: request, at: pointer.appending("trigger"), step: name))
        } else if let request {
            action = .request(request)
        } else {
            throw error("missing \"request\" (or \"trigger\", \"expectDeliveries\")", at: pointer, step: name)
        }
        return ScenarioStep(name: name, action: action, expect: expect ?? .init(), createsResource: creates)
    }

    func decodeRequest(
        _ json: JSONValue,
        at pointer: JSONPointer,
        step: String
    ) throws(HarnessError)
        -> RequestTemplate
    {
        let request = try object(json, at: pointer, step: step)
        try allowOnly(
            ["method", "path", "query", "headers", "body", "rawBody", "auth", "outsideSpec"],
            in: request,
            at: pointer,
            step: step
        )
        let method = try string(request, "method", at: pointer, step: step)
        guard ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"].contains(method) else {
            throw error(
                "method must be GET, POST, PUT, PATCH, DELETE or HEAD (upper-case)",
                at: pointer.appending("method"),
                step: step
            )
        }
        let path = try string(request, "path", at: pointer, step: step)
        guard path.hasPrefix("/") else {
            throw error(
                "path must start with '/' (it is appended to the version's base URL)",
                at: pointer.appending("path"),
                step: step
            )
        }
        let query = try stringPairs(request, "query", at: pointer, step: step)
            .map { RequestTemplate.QueryItem(name: $0.0, value: $0.1) }
        let headers = HTTPHeaders(try stringPairs(request, "headers", at: pointer, step: step))
        let rawBody = try optionalString(request, "rawBody", at: pointer, step: step)
        if rawBody != nil, request["body"] != nil {
            throw error("set either body or rawBody, not both", at: pointer.appending("rawBody"), step: step)
        }
        let authText = try optionalString(request, "auth", at: pointer, step: step) ?? "default"
        guard let auth = RequestTemplate.Auth(rawValue: authText) else {
            throw error("auth must be \"default\", \"none\" or \"invalid\"", at: pointer.appending("auth"), step: step)
        }
        var isOutsideSpec = false
        if let value = request["outsideSpec"] {
            guard let flag = value.boolValue else {
                throw error("outsideSpec must be true or false", at: pointer.appending("outsideSpec"), step: step)
            }
            isOutsideSpec = flag
        }
        return RequestTemplate(
            method: method,
            path: path,
            query: query,
            headers: headers,
            body: request["body"],
            rawBody: rawBody,
            auth: auth,
            isOutsideSpec: isOutsideSpec
        )
    }

    private func decodeExpectation(
        _ json: JSONValue,
        at pointer: JSONPointer,
        step: String
    ) throws(HarnessError)
        -> Expectation
    {
        let expect = try object(json, at: pointer, step: step)
        try allowOnly(["status", "operationId", "captures", "assertions"], in: expect, at: pointer, step: step)
        var statuses: [Int] = []
        if let value = expect["status"] {
            let list = value.arrayValue ?? [value]
            for item in list {
                guard let status = item.numberValue?.int64Value, (100...599).contains(status) else {
                    throw error(
                        "status must be an HTTP status (100–599) or an array of them",
                        at: pointer.appending("status"),
                        step: step
                    )
                }
                statuses.append(Int(status))
            }
        }
        let operationID = try optionalString(expect, "operationId", at: pointer, step: step)
        let captures = try stringPairs(expect, "captures", at: pointer, step: step).map {
            (name, text) throws(HarnessError) in
            Expectation.Capture(
                name: name,
                pointer: try jsonPointer(text, at: pointer.appending("captures").appending(name), step: step)
            )
        }
        var assertions: [Assertion] = []
        if let value = expect["assertions"] {
            guard let list = value.arrayValue else {
                throw error("assertions must be an array", at: pointer.appending("assertions"), step: step)
            }
            for (index, item) in list.enumerated() {
                let at = pointer.appending("assertions").appending(index: index)
                assertions.append(try decodeAssertion(item, at: at, step: step))
            }
        }
        return Expectation(statuses: statuses, operationID: operationID, captures: captures, assertions: assertions)
    }

    private func decodeAssertion(
        _ json: JSONValue,
        at pointer: JSONPointer,
        step: String
    ) throws(HarnessError)
        -> Assertion
    {
        let members = try object(json, at: pointer, step: step)
        try allowOnly(
            ["pointer", "header", "equals", "oneOf", "matches", "absent", "present"],
            in: members,
            at: pointer,
            step: step
        )
        let target: Assertion.Target
        switch (members["pointer"], members["header"]) {
        case (.string(let text)?, nil):
            target = .body(pointer: try jsonPointer(text, at: pointer.appending("pointer"), step: step))
        case (nil, .string(let name)?):
            target = .header(name: name)
        default:
            throw error(
                "an assertion needs exactly one of \"pointer\" (a JSON pointer) or \"header\" (a name)",
                at: pointer,
                step: step
            )
        }
        let conditions = ["equals", "oneOf", "matches", "absent", "present"].filter { members[$0] != nil }
        guard conditions.count == 1, let key = conditions.first, let value = members[key] else {
            throw error(
                "an assertion needs exactly one of equals, oneOf, matches, absent, present",
                at: pointer,
                step: step
            )
        }
        let at = pointer.appending(key)
        switch key {
        case "equals": return Assertion(target, .equals(value))
        case "oneOf":
            guard let options = value.arrayValue, !options.isEmpty else {
                throw error("oneOf must be a non-empty array", at: at, step: step)
            }
            return Assertion(target, .oneOf(options))
        case "matches":
            guard let pattern = value.stringValue, (try? Regex(pattern)) != nil else {
                throw error("matches must be a valid regular expression", at: at, step: step)
            }
            return Assertion(target, .matches(pattern))
        default:
            guard value == true else { throw error("\(key) must be true", at: at, step: step) }
            return Assertion(target, key == "absent" ? .absent : .present)
        }
    }
}
