import Foundation

extension ScenarioRunner {
    /// Waits for the deliveries on one receiver path, then checks them: signatures under every scheme
    /// the version promises, envelope and payload schema, the subscription's filter, and the retry
    /// timeline. The attempts become the step's ``StepResult/attempts``, gaps in real time, so the
    /// reports show the observed schedule.
    func expectDeliveries(
        _ expectation: DeliveryExpectation,
        step: ScenarioStep,
        of scenario: Scenario,
        webhooks: ScenarioWebhooks?
    ) async -> StepOutcome {
        let started = clock.uptime
        let location = Finding.Location(version: scenario.version.rawValue, scenario: scenario.name, step: step.name)
        guard let webhooks else {
            let error = HarnessError(
                .invalidConfiguration,
                "no webhook receiver runs",
                at: .init(file: scenario.file, step: step.name),
                hint: "run the scenario through `conformance run`, which starts the receiver"
            )
            return StepOutcome(result: StepResult(name: step.name, status: .errored(error)), breaks: true)
        }
        let harness = webhooks.harness
        let path = webhooks.receiverPath(expectation.path)
        let timeout = harness.timeout(
            forAttempts: expectation.count > 0 ? expectation.count : nil,
            milliseconds: expectation.timeoutMilliseconds
        )
        let deadline = ContinuousClock.now + timeout
        let quiet = harness.wait(expectation.quietMilliseconds, floor: harness.minimumQuiet)
        if expectation.count > 0 {
            _ = await harness.receiver.waitForDeliveries(
                path: path,
                count: expectation.count,
                timeout: deadline - .now
            )
        }
        let received = await harness.receiver.waitUntilQuiet(
            path: path,
            quiet: quiet,
            timeout: max(deadline - .now, quiet)
        )

        var findings: [Finding] = []
        var attempts: [Attempt] = []
        var deliveries: [DeliveredEvent] = []
        if expectation.expectsNone {
            let reason = expectation.reason ?? "the scenario expects no delivery on \(expectation.path)"
            findings = DeliveryEnvelopeCheck.unexpected(received, reason: reason)
        } else if let subscription = webhooks.subscriptions[expectation.path] {
            let timeline = DeliveryTimeline(received, timeScale: harness.timeScale)
            findings = check(
                received, timeline: timeline, subscription: subscription, version: scenario.version, harness: harness)
            if received.isEmpty {
                findings.append(
                    Finding(
                        rule: .webhookFilter,
                        message: "no delivery arrived on \(expectation.path) for the subscribed event",
                        expected: "\(expectation.count) deliveries",
                        actual: "none within \(ReportTime.human(timeout))"
                    )
                )
            }
            attempts = Self.schedule(timeline)
            deliveries = timeline.series.compactMap { series in
                guard let first = series.attempts.first, let payload = try? JSONParser.parse(first.body) else {
                    return nil
                }
                return DeliveredEvent(eventType: series.eventType, payload: payload)
            }
        } else {
            let error = HarnessError(
                .invalidScenario,
                "no earlier step created a subscription whose URL is {{receiver.url:\(expectation.path)}}",
                at: .init(file: scenario.file, step: step.name, field: "expectDeliveries/path"),
                hint: "create the subscription with that URL in a POST step before this one"
            )
            return StepOutcome(result: StepResult(name: step.name, status: .errored(error)), breaks: true)
        }
        for index in findings.indices { findings[index].location = location }
        let failed = findings.contains { $0.severity == .error }
        let result = StepResult(
            name: step.name,
            status: failed ? .failed : .passed,
            attempts: attempts,
            findings: findings,
            deliveries: deliveries,
            duration: clock.uptime - started
        )
        return StepOutcome(result: result, breaks: false)
    }

    private func check(
        _ received: [ReceivedDelivery],
        timeline: DeliveryTimeline,
        subscription: DeliverySubscription,
        version: APIVersion,
        harness: WebhookHarness
    ) -> [Finding] {
        let policy = harness.policies[version] ?? .documented
        return harness.signatureCheck(version).check(received, secret: subscription.secret).findings
            + (harness.envelopeChecks[version]?.check(received, subscription: subscription) ?? [])
            + timeline.findings(policy: policy)
    }

    /// Each delivery as an attempt: its answer, then the real-time wait until the next attempt of the
    /// same event, labelled with the observed gap and the fitted backoff factor.
    static func schedule(_ timeline: DeliveryTimeline) -> [Attempt] {
        timeline.series.flatMap { series in
            series.attempts.enumerated().map { index, delivery in
                var attempt = Attempt(
                    startedAt: delivery.arrivedAt,
                    duration: .zero,
                    outcome: delivery.answeredStatus.map { .response(status: $0) }
                        ?? .transportError(.connectionReset(detail: "the receiver dropped the connection"))
                )
                if index < series.realTimeGaps.count {
                    attempt.waitBeforeNext = .milliseconds(Int64((series.realTimeGaps[index] * 1000).rounded()))
                    var reason = "delivery retry, observed "
                        + ReportTime.human(.milliseconds(Int64((series.gaps[index] * 1000).rounded())))
                    if timeline.timeScale != 1 { reason += " at time scale \(timeline.timeScale)" }
                    if let factor = series.backoffFactor { reason += ", backoff factor " + String(format: "%.2f", factor) }
                    attempt.retryReason = reason
                }
                return attempt
            }
        }
    }
}
