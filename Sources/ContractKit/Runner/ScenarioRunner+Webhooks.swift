import Foundation
import HTTPServer

extension ScenarioRunner {
    /// Why a webhook scenario cannot run against this target: a real API needs each trigger step to
    /// carry a request, and that request's `LINQ_TEST_*` variables to be set.
    func triggerSkipReason(_ scenario: Scenario, harness: WebhookHarness) -> String? {
        guard !harness.triggersThroughSandbox else { return nil }
        for step in scenario.steps + scenario.cleanup {
            guard case .trigger(let trigger) = step.action else { continue }
            guard let request = trigger.request else {
                return "trigger step '\(step.name)' has no request to make \(trigger.eventType) happen on a real API; "
                    + "add one (specs/scenarios/README.md, \"Triggering events\")"
            }
            let missing = request.variableNames.filter { name in
                VariableScope.isAllowedEnvironmentName(name) && environment[String(name.dropFirst(4))] == nil
            }
            if !missing.isEmpty {
                let names = missing.map { String($0.dropFirst(4)) }.joined(separator: ", ")
                return "trigger step '\(step.name)' needs \(names) to make \(trigger.eventType) happen; export it"
            }
        }
        return nil
    }

    /// `POST /_sandbox/events` with the trigger's event, scoped to the subscriptions under the scenario's
    /// receiver prefix so that webhook scenarios can run in parallel; anything but 202 is a harness error.
    func triggerThroughSandbox(
        _ trigger: EventTrigger,
        step: ScenarioStep,
        of scenario: Scenario,
        scope: VariableScope,
        receiverPrefix: String
    ) async -> StepOutcome {
        let started = clock.uptime
        func errored(_ message: String, hint: String, _ exchanged: Exchanged? = nil) -> StepOutcome {
            let error = HarnessError(
                .invalidScenario,
                message,
                at: .init(file: scenario.file, step: step.name, field: "trigger"),
                hint: hint
            )
            let result = StepResult(
                name: step.name,
                status: .errored(error),
                request: exchanged?.request,
                response: exchanged?.response,
                attempts: exchanged?.attempts ?? [],
                duration: clock.uptime - started
            )
            return StepOutcome(result: result, breaks: true)
        }
        var body = JSONObject()
        body["event_type"] = .string(trigger.eventType)
        body["api"] = .string(scenario.version.rawValue)
        body["target_url_contains"] = .string(receiverPrefix)
        do {
            if let phoneNumber = trigger.phoneNumber { body["phone_number"] = .string(try scope.render(phoneNumber)) }
        } catch {
            return errored(error.message, hint: error.hint)
        }
        guard let url = targets[scenario.version]?.url(path: "/_sandbox/events", query: []) else {
            return errored("no \(scenario.version) target is configured", hint: "run against the sandbox")
        }
        var headers = HTTPHeaders()
        headers["Content-Type"] = "application/json"
        let request = TransportRequest(
            method: "POST",
            url: url,
            headers: headers,
            body: JSONValue.object(body).serialized(),
            timeout: requestTimeout
        )
        let exchanged: Exchanged
        do {
            exchanged = try await send(request, retries: .never)
        } catch {
            return errored(error.message, hint: error.hint)
        }
        guard let response = exchanged.response, response.status == 202 else {
            let answer = exchanged.response.map { "\($0.status) \(String(decoding: $0.body, as: UTF8.self))" }
            return errored(
                "the sandbox did not accept the event: \(answer ?? exchanged.failure?.description ?? "no answer")",
                hint: "check eventType and phoneNumber against the sandbox's event catalogue",
                exchanged
            )
        }
        let result = StepResult(
            name: step.name,
            status: .passed,
            request: request,
            response: response,
            attempts: exchanged.attempts,
            duration: clock.uptime - started
        )
        return StepOutcome(result: result, breaks: false)
    }
}

extension RequestTemplate {
    /// Every variable the request uses, in its path, query, headers and body.
    var variableNames: [String] {
        var texts = [path] + query.map(\.value) + headers.fields.map(\.value)
        func collect(_ value: JSONValue) {
            switch value {
            case .string(let text): texts.append(text)
            case .array(let elements): elements.forEach(collect)
            case .object(let object): object.members.forEach { collect($0.value) }
            case .null, .bool, .number: break
            }
        }
        body.map(collect)
        if let rawBody { texts.append(rawBody) }
        return texts.flatMap { (try? TemplateString(parsing: $0).variableNames) ?? [] }
    }
}
