/// Why a ``WebhookReceiver`` cannot serve: a configuration problem of the run, not a finding.
public enum WebhookReceiverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configured port is taken by another process.
    case portInUse(host: String, port: UInt16)
    /// Binding failed for another reason (permissions, unknown host).
    case cannotListen(host: String, port: UInt16, reason: String)
    /// The public base URL is not an absolute `http`/`https` URL.
    case invalidPublicURL(String)
    /// A delivery URL was asked for before ``WebhookReceiver/start()`` and without a public base URL.
    case notRunning

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "webhook receiver: port \(port) on \(host) is already in use; pass a free --receiver-port "
                + "(and point the tunnel at it) or 0 to let the system pick one"
        case .cannotListen(let host, let port, let reason):
            "webhook receiver: cannot listen on \(host) port \(port): \(reason); check --receiver-port"
        case .invalidPublicURL(let text):
            "webhook receiver: --receiver-public-url '\(text)' is not an absolute http(s) URL; "
                + "give the tunnel's base URL, e.g. https://abc.example.dev"
        case .notRunning:
            "webhook receiver: not started, so it has no URL yet; start it before creating subscriptions"
        }
    }
}
