/// Lets one webhook scenario per API version run at a time.
///
/// A sender fans every event out to every matching subscription, so an event one scenario triggers
/// also reaches the subscriptions of another running in parallel, eats its scripted answers and
/// mixes into its retry timeline. Scenarios without webhooks still run in parallel, and so do webhook
/// scenarios against the sandbox, whose triggers are scoped to one scenario's receiver prefix.
actor WebhookTurns {
    private var busy: Set<APIVersion> = []
    private var waiting: [APIVersion: [CheckedContinuation<Void, Never>]] = [:]

    func acquire(_ version: APIVersion) async {
        guard busy.contains(version) else {
            busy.insert(version)
            return
        }
        await withCheckedContinuation { waiting[version, default: []].append($0) }
    }

    func release(_ version: APIVersion) {
        if let next = waiting[version]?.first {
            waiting[version]?.removeFirst()
            next.resume()
        } else {
            busy.remove(version)
        }
    }
}
