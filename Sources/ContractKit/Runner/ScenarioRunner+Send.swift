extension ScenarioRunner {
    /// Every attempt at one request and how the last one ended.
    struct Exchanged {
        var request: TransportRequest
        var response: TransportResponse?
        var failure: TransportError?
        var attempts: [Attempt]
    }

    /// Sends `request` until it succeeds or the policy stops, each attempt through the read-only
    /// guard, the budget and the rate limiter. Throws only when a request may not be sent at all.
    func send(_ request: TransportRequest, retries policy: RetryPolicy) async throws(HarnessError) -> Exchanged {
        try readOnly.check(method: request.method, path: request.url.path)
        var exchanged = Exchanged(request: request, attempts: [])
        while true {
            try budget.spend()
            do {
                try await rateLimiter?.acquire()
            } catch {
                throw HarnessError(.cancelled, "the run was cancelled while waiting for the rate limit")
            }
            let startedAt = clock.date
            let started = clock.uptime
            let outcome: Result<TransportResponse, TransportError>
            do {
                outcome = .success(try await transport.send(request))
            } catch {
                outcome = .failure(error)
            }
            let attemptOutcome: Attempt.Outcome
            switch outcome {
            case .success(let response):
                (exchanged.response, exchanged.failure) = (response, nil)
                attemptOutcome = .response(status: response.status)
            case .failure(let error):
                (exchanged.response, exchanged.failure) = (nil, error)
                attemptOutcome = .transportError(error)
            }
            var attempt = Attempt(startedAt: startedAt, duration: clock.uptime - started, outcome: attemptOutcome)
            let decision = policy.decision(
                after: outcome,
                retriesSoFar: exchanged.attempts.count,
                jitter: random(),
                now: clock.date
            )
            guard case .retry(let delay, let reason) = decision, !Task.isCancelled else {
                exchanged.attempts.append(attempt)
                return exchanged
            }
            attempt.waitBeforeNext = delay
            attempt.retryReason = reason
            exchanged.attempts.append(attempt)
            do {
                try await clock.sleep(for: delay)
            } catch {
                return exchanged
            }
        }
    }
}
