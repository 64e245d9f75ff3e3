/// Finds and deletes the webhook subscriptions a crashed run left behind (`conformance cleanup --run-id ID`).
///
/// Scenarios put the run id in every `target_url`/`webhook_url` they create, so listing the
/// subscriptions and deleting those whose URL contains the id removes exactly that run's leftovers.
public struct LeftoverSweeper: Sendable {
    /// How one version lists its subscriptions and deletes one.
    public struct Listing: Sendable, Hashable {
        public var version: APIVersion
        public var listPath: String
        /// Where the array of subscriptions sits in the list response.
        public var items: JSONPointer
        public var urlMember: String
        public var idMember: String
        /// The delete path with `{id}` where the subscription's id goes.
        public var deletePath: String

        public init(
            version: APIVersion,
            listPath: String,
            items: JSONPointer,
            urlMember: String,
            idMember: String,
            deletePath: String
        ) {
            self.version = version
            self.listPath = listPath
            self.items = items
            self.urlMember = urlMember
            self.idMember = idMember
            self.deletePath = deletePath
        }

        public static let v3 = Listing(
            version: .v3,
            listPath: "/v3/webhook-subscriptions",
            items: "/subscriptions",
            urlMember: "target_url",
            idMember: "id",
            deletePath: "/v3/webhook-subscriptions/{id}"
        )
        public static let v2 = Listing(
            version: .v2,
            listPath: "/api/partner/v2/webhook_subscriptions",
            items: "/webhook_subscriptions",
            urlMember: "webhook_url",
            idMember: "id",
            deletePath: "/api/partner/v2/webhook_subscriptions/{id}"
        )
    }

    public var runner: ScenarioRunner

    public init(runner: ScenarioRunner) {
        self.runner = runner
    }

    /// Lists, then deletes every subscription whose URL contains `runID`; returns the list and delete steps.
    public func sweep(runID: String, listings: [Listing]) async throws(HarnessError) -> [StepResult] {
        guard runID.count >= 6 else {
            throw HarnessError(
                .invalidConfiguration,
                "the run id '\(runID)' is too short to match leftovers safely",
                at: .init(field: "--run-id"),
                hint: "pass the full run id printed by the crashed run"
            )
        }
        var results: [StepResult] = []
        for listing in listings {
            let request = RequestTemplate(method: "GET", path: listing.listPath)
            let step = ScenarioStep(
                name: "sweep: list \(listing.version) subscriptions",
                request: request,
                expect: Expectation(statuses: [200])
            )
            let scenario = Scenario(name: "cleanup \(runID)", version: listing.version, steps: [step])
            var scope = VariableScope(defaults: [:], runID: runID, uuid: .init(), startedAt: runner.clock.date)
            let list = await runner.perform(step, request, of: scenario, scope: &scope, isCleanup: true).result
            results.append(list)
            let body = list.response.flatMap { try? JSONParser.parse($0.body) }
            let leftovers = (body?.value(at: listing.items)?.arrayValue ?? []).compactMap { item -> String? in
                guard item[listing.urlMember]?.stringValue?.contains(runID) == true, let id = item[listing.idMember]
                else { return nil }
                return id.stringValue ?? id.numberValue?.description
            }
            let entries = leftovers.map {
                CleanupLedger.Entry(
                    version: listing.version,
                    scenario: scenario.name,
                    deletePath: listing.deletePath.replacingOccurrences(of: "{id}", with: $0)
                )
            }
            results += await runner.deleteLedgerEntries(entries)
        }
        return results
    }
}
