/// Which of the two v2 error bodies a path answers with. The v2 docs (models.md) give `StandardError`
/// (render_standard_error) to the contacts and webhook-subscription endpoints and `Error` (render_error)
/// to all others, and `specs/v2/openapi.json` declares them the same way.
enum V2ErrorShape: Sendable, Hashable {
    /// `{"status": "404", "error_code": "not_found", "message": "…", "errors": ["…"]}`
    case standardError
    /// `{"errors": [{"status": 404, "code": "not_found", "title": "…", "detail": "…"}]}`
    case error

    /// The shape of a v2 path, by its resource: the first segment below `/api/partner/v2/`.
    init(path: String) {
        let resource = String(path.dropFirst(Self.prefix.count).prefix { $0 != "/" })
        let standard = path.hasPrefix(Self.prefix) && Self.standardResources.contains(resource)
        self = standard ? .standardError : .error
    }

    private static let prefix = "/api/partner/v2/"
    private static let standardResources: Set<String> = ["webhook_subscriptions", "contacts"]
}
