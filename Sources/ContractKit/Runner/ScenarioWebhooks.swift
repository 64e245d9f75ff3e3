import Foundation

/// One scenario run's share of the receiver: its own path prefix, the scripts set there, and the
/// subscriptions its steps created pointing at those paths (with the secret each was given).
struct ScenarioWebhooks: Sendable {
    let harness: WebhookHarness
    /// `/hooks/<run id>/<uuid>`: unique per scenario run, so parallel runs never share deliveries.
    let prefix: String
    /// The full URL of each declared receiver path, in declaration order.
    let urls: [(path: String, url: String)]
    /// What each receiver path's subscription asked for, keyed by the scenario's path (`/a`).
    private(set) var subscriptions: [String: DeliverySubscription] = [:]

    init(harness: WebhookHarness, scenario: Scenario, runID: String, uuid: String) throws(HarnessError) {
        self.harness = harness
        prefix = "/hooks/\(runID)/\(uuid)"
        var urls: [(path: String, url: String)] = []
        for endpoint in scenario.receiver {
            harness.receiver.setScript(endpoint.script, for: prefix + endpoint.path)
            do {
                urls.append((endpoint.path, try harness.receiver.url(for: prefix + endpoint.path).absoluteString))
            } catch {
                throw HarnessError(.invalidConfiguration, error.description, at: .init(field: "--receiver-public-url"))
            }
        }
        self.urls = urls
    }

    func receiverPath(_ path: String) -> String { prefix + path }

    /// Whether the scenario must wait for its version's webhook turn: a real sender fans each event out to
    /// every matching subscription, while sandbox triggers are scoped to this scenario's prefix.
    var takesTurns: Bool { !harness.triggersThroughSandbox }

    /// Remembers the subscription a successful request created when its body points at one of the
    /// scenario's receiver paths: event types (`subscribed_events` / `events`), `phone_numbers`, the
    /// payload version from the URL's `?version=`, and the secret — v3 `signing_secret` from the
    /// response, v2 `secret` from the request.
    mutating func bind(_ result: StepResult) {
        guard let request = result.request, request.method == "POST", let response = result.response,
            (200..<300).contains(response.status), let body = try? JSONParser.parse(request.body)
        else { return }
        let answer = try? JSONParser.parse(response.body)
        for (path, url) in urls {
            guard let (object, target) = Self.object(in: body, pointingAt: url) else { continue }
            let events = (object["subscribed_events"] ?? object["events"])?.arrayValue?.compactMap(\.stringValue) ?? []
            let version = URLComponents(string: target)?.queryItems?.first { $0.name == "version" }?.value
            subscriptions[path] = DeliverySubscription(
                path: receiverPath(path),
                secret: Self.signingSecret(in: answer) ?? object["secret"]?.stringValue,
                eventTypes: Set(events),
                phoneNumbers: object["phone_numbers"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                webhookVersion: version
            )
        }
    }

    /// The object in `json` with a string member that is `url` or `url?query`, and that string.
    private static func object(in json: JSONValue, pointingAt url: String) -> (JSONObject, String)? {
        switch json {
        case .object(let object):
            for (_, member) in object.members {
                if case .string(let text) = member, text == url || text.hasPrefix(url + "?") { return (object, text) }
            }
            for (_, member) in object.members {
                if let found = Self.object(in: member, pointingAt: url) { return found }
            }
            return nil
        case .array(let elements):
            return elements.lazy.compactMap { Self.object(in: $0, pointingAt: url) }.first
        case .null, .bool, .number, .string:
            return nil
        }
    }

    private static func signingSecret(in json: JSONValue?) -> String? {
        json?["signing_secret"]?.stringValue ?? json?.objectValue?.members.lazy.compactMap {
            $0.value["signing_secret"]?.stringValue
        }.first
    }
}
