/// Walks a scenario in run order, checking each step's operation and that every variable it
/// uses is defined by then (generated, allow-listed environment, default, or an earlier capture).
struct ScenarioChecker {
    let scenario: Scenario
    let spec: any OperationLookup
    private var defined: Set<String>

    init(scenario: Scenario, spec: any OperationLookup) {
        self.scenario = scenario
        self.spec = spec
        defined = Set(scenario.variables.keys)
    }

    mutating func check() throws(HarnessError) {
        try checkWebhookTag()
        for (index, step) in scenario.steps.enumerated() {
            try check(step, at: "/steps/\(index)")
        }
        for (index, step) in scenario.cleanup.enumerated() {
            try check(step, at: "/cleanup/\(index)")
        }
    }

    private mutating func check(_ step: ScenarioStep, at field: String) throws(HarnessError) {
        switch step.action {
        case .request(let request):
            try check(request, of: step, at: "\(field)/request")
        case .trigger(let trigger):
            if let phoneNumber = trigger.phoneNumber {
                try use(phoneNumber, step: step, field: "\(field)/trigger/phoneNumber")
            }
            if let request = trigger.request { try check(request, of: step, at: "\(field)/request") }
        case .expectDeliveries(let expectation):
            guard scenario.receiver.contains(where: { $0.path == expectation.path }) else {
                throw error(
                    "the receiver path '\(expectation.path)' is not declared",
                    step: step,
                    field: "\(field)/expectDeliveries/path",
                    hint: "add {\"path\": \"\(expectation.path)\"} to the scenario's \"receiver\""
                )
            }
            return
        }
        if let id = step.expect.operationID, !spec.hasOperation(id: id) {
            throw error(
                "the spec has no operation '\(id)'",
                step: step,
                field: "\(field)/expect/operationId",
                hint: "use an operationId from specs/\(scenario.version)/openapi.json or omit it"
            )
        }
        for capture in step.expect.captures { defined.insert(capture.name) }
        for (index, assertion) in step.expect.assertions.enumerated() {
            let at = "\(field)/expect/assertions/\(index)"
            switch assertion.condition {
            case .equals(let value): try use(value, step: step, field: "\(at)/equals")
            case .oneOf(let values): for value in values { try use(value, step: step, field: "\(at)/oneOf") }
            case .matches, .absent, .present: break
            }
        }
        if let creates = step.createsResource {
            let at = "\(field)/createsResource/deletePath"
            try use(creates.deletePath, step: step, field: at)
            try requireOperation(method: "DELETE", path: creates.deletePath, step: step, field: at)
        }
    }

    private func check(_ request: RequestTemplate, of step: ScenarioStep, at field: String) throws(HarnessError) {
        try use(request.path, step: step, field: "\(field)/path")
        for item in request.query {
            try use(item.value, step: step, field: "\(field)/query/\(item.name)")
        }
        for header in request.headers.fields {
            try use(header.value, step: step, field: "\(field)/headers/\(header.name)")
        }
        if let body = request.body { try use(body, step: step, field: "\(field)/body") }
        if request.isOutsideSpec {
            try checkOutsideSpec(request, of: step, at: field)
        } else {
            try requireOperation(method: request.method, path: request.path, step: step, field: "\(field)/path")
        }
    }

    /// An `outsideSpec` request must really miss the spec, and its step must expect a client error: with
    /// no operation to check it against, only an error answer can be judged (by its envelope).
    private func checkOutsideSpec(_ request: RequestTemplate, of step: ScenarioStep, at field: String)
        throws(HarnessError)
    {
        if specHasOperation(method: request.method, path: request.path) {
            throw error(
                "outsideSpec is set but the \(scenario.version) spec has \(request.method) \(request.path)",
                step: step,
                field: "\(field)/outsideSpec",
                hint: "drop outsideSpec, or use a path the spec does not have"
            )
        }
        if step.expect.operationID != nil {
            throw error(
                "an outsideSpec request has no operation to check the response against",
                step: step,
                field: "\(field)/outsideSpec",
                hint: "drop expect.operationId"
            )
        }
        if step.expect.statuses.isEmpty || !step.expect.statuses.allSatisfy({ (400..<500).contains($0) }) {
            throw error(
                "an outsideSpec request must expect a 4xx status: without an operation only an error can be checked",
                step: step,
                field: "\(field)/outsideSpec",
                hint: "give expect.status, e.g. 404"
            )
        }
    }

    /// A scenario that uses the receiver, triggers events or waits for deliveries must say so with
    /// the `webhooks` tag, which is what selection and skipping go by.
    private func checkWebhookTag() throws(HarnessError) {
        guard scenario.usesWebhooks, !scenario.hasTag(Scenario.Tag.webhooks) else { return }
        throw HarnessError(
            .invalidScenario,
            "the scenario uses the webhook receiver or triggers events but is not tagged '\(Scenario.Tag.webhooks)'",
            at: .init(file: scenario.file, field: "/tags"),
            hint: "add \"\(Scenario.Tag.webhooks)\" to \"tags\""
        )
    }

    private func requireOperation(
        method: String,
        path: String,
        step: ScenarioStep,
        field: String
    )
        throws(HarnessError)
    {
        guard specHasOperation(method: method, path: path) else {
            throw error(
                "the \(scenario.version) spec has no operation \(method) \(path)",
                step: step,
                field: field,
                hint: "check the method and the path against specs/\(scenario.version)/openapi.json"
            )
        }
    }

    /// Whether the spec has an operation for the template `path`.
    private func specHasOperation(method: String, path: String) -> Bool {
        // Each placeholder stands for one path segment; any literal fills it for the lookup.
        let concrete = (try? TemplateString(parsing: path).render { _ in "x" }.get()) ?? path
        return spec.hasOperation(method: method, path: concrete)
    }

    private func use(_ value: JSONValue, step: ScenarioStep, field: String) throws(HarnessError) {
        switch value {
        case .string(let text): try use(text, step: step, field: field)
        case .array(let elements):
            for (index, element) in elements.enumerated() { try use(element, step: step, field: "\(field)/\(index)") }
        case .object(let object):
            for (key, member) in object.members { try use(member, step: step, field: "\(field)/\(key)") }
        case .null, .bool, .number: break
        }
    }

    private func use(_ text: String, step: ScenarioStep, field: String) throws(HarnessError) {
        let template: TemplateString
        do {
            template = try TemplateString(parsing: text)
        } catch {
            throw self.error(error.description, step: step, field: field, hint: "")
        }
        for name in template.variableNames where name.hasPrefix("receiver.url") {
            try checkReceiverVariable(name, step: step, field: field)
        }
        for name in template.variableNames
        where !defined.contains(name) && !VariableScope.isExternallyDefined(name) && !name.hasPrefix("receiver.url")
        {
            let hint =
                if name.hasPrefix("env.") {
                    "only environment variables starting with \(VariableScope.environmentPrefix) are reachable"
                } else {
                    "define it in \"variables\" or capture it in an earlier step"
                }
            let message = "the variable '\(name.excerpt)' is not defined at this point"
            throw error(message, step: step, field: field, hint: hint)
        }
    }

    /// `receiver.url` needs a declared receiver path; `receiver.url:/a` needs `/a` declared.
    private func checkReceiverVariable(_ name: String, step: ScenarioStep, field: String) throws(HarnessError) {
        let path =
            name.hasPrefix(TemplateString.receiverURLPrefix)
            ? String(name.dropFirst(TemplateString.receiverURLPrefix.count)) : scenario.receiver.first?.path
        guard let path, scenario.receiver.contains(where: { $0.path == path }) else {
            throw error(
                "'\(name)' names no receiver path the scenario declares",
                step: step,
                field: field,
                hint: "declare it in the scenario's \"receiver\": [{\"path\": \"/a\", \"script\": [200]}]"
            )
        }
    }

    private func error(_ message: String, step: ScenarioStep, field: String, hint: String) -> HarnessError {
        HarnessError(
            .invalidScenario,
            message,
            at: .init(file: scenario.file, step: step.name, field: field),
            hint: hint
        )
    }
}
