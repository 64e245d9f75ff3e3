import Foundation
import HTTPServer

extension ScenarioRunner {
    struct StepOutcome {
        var result: StepResult
        /// Whether later steps cannot meaningfully run (no response, unexpected status, missing capture).
        var breaks: Bool
    }

    /// Carries out a step of any kind; request steps that create a subscription pointing at the
    /// receiver are remembered in `webhooks` for the delivery checks.
    func perform(
        _ step: ScenarioStep,
        of scenario: Scenario,
        scope: inout VariableScope,
        webhooks: inout ScenarioWebhooks?,
        isCleanup: Bool = false
    ) async -> StepOutcome {
        switch step.action {
        case .request(let template):
            let outcome = await perform(step, template, of: scenario, scope: &scope, isCleanup: isCleanup)
            webhooks?.bind(outcome.result)
            return outcome
        case .trigger(let trigger):
            if let webhooks, webhooks.harness.triggersThroughSandbox {
                return await triggerThroughSandbox(
                    trigger, step: step, of: scenario, scope: scope, receiverPrefix: webhooks.prefix)
            }
            guard let template = trigger.request else {
                let error = HarnessError(
                    .invalidScenario,
                    "the trigger has no request to send to a real API",
                    at: .init(file: scenario.file, step: step.name, field: "request"),
                    hint: "give the step a request that makes \(trigger.eventType) happen (specs/scenarios/README.md)"
                )
                return StepOutcome(result: StepResult(name: step.name, status: .errored(error)), breaks: true)
            }
            return await perform(step, template, of: scenario, scope: &scope, isCleanup: isCleanup)
        case .expectDeliveries(let expectation):
            return await expectDeliveries(expectation, step: step, of: scenario, webhooks: webhooks)
        }
    }

    /// Sends `template` as `step`'s request and checks the response.
    func perform(
        _ step: ScenarioStep,
        _ template: RequestTemplate,
        of scenario: Scenario,
        scope: inout VariableScope,
        isCleanup: Bool = false,
        isLedgerDelete: Bool = false
    ) async -> StepOutcome {
        let started = clock.uptime
        let location = Finding.Location(version: scenario.version.rawValue, scenario: scenario.name, step: step.name)
        func finish(
            _ status: StepResult.Status,
            _ exchange: Exchanged?,
            _ findings: [Finding],
            breaks: Bool
        )
            -> StepOutcome
        {
            var located = findings
            for index in located.indices { located[index].location = location }
            let result = StepResult(
                name: step.name,
                status: status,
                request: exchange?.request,
                response: exchange?.response,
                attempts: exchange?.attempts ?? [],
                findings: located,
                duration: clock.uptime - started
            )
            return StepOutcome(result: result, breaks: breaks)
        }

        let request: TransportRequest
        do {
            request = try buildRequest(template, version: scenario.version, scope: scope)
        } catch {
            var error = error
            error.location = .init(file: scenario.file, step: step.name, field: error.location.field)
            if isCleanup, error.code == .undefinedVariable {
                return finish(.skipped(reason: error.description), nil, [], breaks: true)
            }
            return finish(.errored(error), nil, [], breaks: true)
        }
        let exchanged: Exchanged
        do {
            exchanged = try await send(
                request,
                retries: scenario.isRetryEnabled && !isLedgerDelete ? retryPolicy : .never
            )
        } catch {
            var error = error
            error.location = .init(file: scenario.file, step: step.name, field: error.location.field)
            return finish(.errored(error), nil, [], breaks: true)
        }
        guard let response = exchanged.response else {
            let failure = exchanged.failure ?? .cancelled
            let finding = Finding(
                rule: .transport,
                message: "\(request.method) \(request.url.path): \(failure.description)",
                expected: "a complete HTTP response",
                actual: failure.caseName
            )
            return finish(.failed, exchanged, [finding], breaks: true)
        }

        let exchange = Exchange(request: request, response: response)
        var findings: [Finding] = []
        if let spec = specs[scenario.version] {
            let operation =
                template.isOutsideSpec
                ? nil
                : step.expect.operationID.flatMap { spec.operation(id: $0) }
                    ?? spec.operation(method: request.method, path: renderedPath(request, version: scenario.version))
            let context = CheckContext(
                version: scenario.version,
                spec: spec,
                operation: operation,
                expectedStatuses: step.expect.statuses,
                scenario: scenario.name,
                step: step.name,
                isOutsideSpec: template.isOutsideSpec
            )
            for check in checks { findings += check.check(exchange, context: context) }
        }
        guard step.expect.accepts(status: response.status) else {
            let expected =
                step.expect.statuses.isEmpty ? "2xx" : step.expect.statuses.map(String.init).joined(separator: " or ")
            findings.append(
                Finding(
                    rule: .responseStatus,
                    message: "\(request.method) \(request.url.path) returned \(response.status), expected \(expected)",
                    expected: expected,
                    actual: String(response.status)
                )
            )
            return finish(.failed, exchanged, findings, breaks: true)
        }
        if request.method == "DELETE", (200..<300).contains(response.status) {
            ledger.resolve(version: scenario.version, deletePath: renderedPath(request, version: scenario.version))
        }

        var breaks = false
        for capture in step.expect.captures {
            if let value = exchange.json?.value(at: capture.pointer) {
                scope.capture(capture.name, value)
            } else {
                breaks = true
                findings.append(
                    Finding(
                        rule: .assertion,
                        message: "capture '\(capture.name)': the response has no value at \(capture.pointer)",
                        pointer: capture.pointer.description,
                        expected: "a value",
                        actual: "absent"
                    )
                )
            }
        }
        if let creates = step.createsResource, !breaks {
            do {
                let path = try scope.render(creates.deletePath)
                ledger.record(.init(version: scenario.version, scenario: scenario.name, deletePath: path))
            } catch {
                breaks = true
            }
        }
        findings += AssertionEvaluator(scope: scope).evaluate(step.expect.assertions, on: exchange)
        let failed = findings.contains { $0.severity == .error }
        return finish(failed ? .failed : .passed, exchanged, findings, breaks: breaks)
    }

    /// The request's path below the version's base URL, as the spec's templates see it.
    func renderedPath(_ request: TransportRequest, version: APIVersion) -> String {
        let base = targets[version]?.baseURL.path ?? ""
        let path = request.url.path
        return !base.isEmpty && base != "/" && path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    func buildRequest(
        _ template: RequestTemplate,
        version: APIVersion,
        scope: VariableScope
    ) throws(HarnessError)
        -> TransportRequest
    {
        guard let target = targets[version] else {
            throw HarnessError(
                .invalidConfiguration,
                "no \(version) target is configured",
                at: .init(field: "--\(version)-base-url"),
                hint: "pass --\(version)-base-url or LINQ_\(version.rawValue.uppercased())_BASE_URL, or use the sandbox"
            )
        }
        let path = try scope.render(template.path)
        var query: [RequestTemplate.QueryItem] = []
        for item in template.query { query.append(.init(name: item.name, value: try scope.render(item.value))) }
        guard let url = target.url(path: path, query: query) else {
            throw HarnessError(
                .invalidScenario,
                "'\(path)' does not make a valid URL with \(target.baseURL)",
                at: .init(field: "request/path"),
                hint: "percent-encode the path"
            )
        }
        var headers = HTTPHeaders()
        headers["User-Agent"] = "linq-conformance"
        var body: [UInt8] = []
        if let json = template.body {
            body = try scope.render(json).serialized()
            headers["Content-Type"] = "application/json"
        } else if let raw = template.rawBody {
            body = Array(raw.utf8)
        }
        for field in template.headers.fields { headers[field.name] = try scope.render(field.value) }
        if let auth = try target.authHeader(template.auth) { headers[auth.name] = auth.value }
        return TransportRequest(
            method: template.method,
            url: url,
            headers: headers,
            body: body,
            timeout: requestTimeout
        )
    }
}
