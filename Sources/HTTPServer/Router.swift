/// Dispatches requests to handlers by method and OpenAPI path template.
///
/// The most specific matching template wins: more literal segments first, then a literal earlier
/// in the path, then registration order. When the winning template has no handler for the method
/// (and for `HEAD`, none for `GET` either) `methodNotAllowed` answers with the template's methods;
/// when nothing matches, `notFound` answers. Both fallbacks are closures so an API can answer in
/// its own error shape.
///
/// ```swift
/// var router = Router()
/// router.add("GET", "/v3/chats/{chatId}") { request in … request.pathParameters["chatId"] … }
/// let server = HTTPServer(router: router)
/// ```
public struct Router: Sendable {
    /// Answers one request; runs on the connection's thread.
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The templates of one path shape: `/a/{x}` and `/a/{y}` are the same path to a client, so they
    /// share a route, while each method keeps its own template for its parameter names.
    private struct Route: Sendable {
        /// Literal segments as themselves, parameters as `nil`.
        var key: [String?]
        var handlers: [String: (template: PathTemplate, handler: Handler)]
        /// Literal segments as `true`, compared lexicographically after the literal count.
        var shape: [Bool] { key.map { $0 != nil } }
    }

    private var routes: [Route] = []
    private let notFound: Handler
    private let methodNotAllowed: @Sendable (HTTPRequest, _ allowedMethods: [String]) -> HTTPResponse

    /// - Parameters:
    ///   - notFound: answers requests whose path matches no template (default: plain 404).
    ///   - methodNotAllowed: answers requests whose path matches but whose method does not; receives the
    ///     allowed methods, sorted (default: plain 405 with an `Allow` header).
    public init(
        notFound: @escaping Handler = Router.plainNotFound,
        methodNotAllowed: @escaping @Sendable (HTTPRequest, _ allowedMethods: [String]) -> HTTPResponse =
            Router.plainMethodNotAllowed
    ) {
        self.notFound = notFound
        self.methodNotAllowed = methodNotAllowed
    }

    /// Registers `handler` for `method` (case-sensitive, as HTTP methods are) on `template`;
    /// registering the same method and template again replaces the handler.
    public mutating func add(_ method: String, _ template: PathTemplate, handler: @escaping Handler) {
        let key = template.segments.map { segment -> String? in
            if case .literal(let literal) = segment { literal } else { nil }
        }
        if let index = routes.firstIndex(where: { $0.key == key }) {
            routes[index].handlers[method] = (template, handler)
            return
        }
        let route = Route(key: key, handlers: [method: (template, handler)])
        let position = routes.firstIndex { Self.isMoreSpecific(route, than: $0) } ?? routes.endIndex
        routes.insert(route, at: position)
    }

    /// Registers `handler` for `method` on the OpenAPI-style `template` (`/v3/chats/{chatId}`).
    public mutating func add(_ method: String, _ template: String, handler: @escaping Handler) {
        add(method, PathTemplate(template), handler: handler)
    }

    /// Answers `request` with the matching handler (with `pathParameters` filled in) or a fallback.
    @Sendable
    public func route(_ request: HTTPRequest) -> HTTPResponse {
        let path = request.path
        for route in routes {
            guard let any = route.handlers.values.first, any.template.match(path) != nil else { continue }
            let entry = route.handlers[request.method] ?? (request.method == "HEAD" ? route.handlers["GET"] : nil)
            guard let entry, let parameters = entry.template.match(path) else {
                var methods = Set(route.handlers.keys)
                if methods.contains("GET") { methods.insert("HEAD") }
                return methodNotAllowed(request, methods.sorted())
            }
            var request = request
            request.pathParameters = parameters
            return entry.handler(request)
        }
        return notFound(request)
    }

    private static func isMoreSpecific(_ route: Route, than other: Route) -> Bool {
        let literals = route.shape.count { $0 }
        let otherLiterals = other.shape.count { $0 }
        if literals != otherLiterals { return literals > otherLiterals }
        return route.shape.lexicographicallyPrecedes(other.shape) { $0 && !$1 }
    }

    /// `404 Not Found` with a plain-text body naming the method and path.
    public static let plainNotFound: Handler = { request in
        HTTPResponse(
            status: 404,
            headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Array("no route for \(request.method) \(request.path)\n".utf8)
        )
    }

    /// `405 Method Not Allowed` with an `Allow` header.
    public static let plainMethodNotAllowed: @Sendable (HTTPRequest, [String]) -> HTTPResponse = { request, allowed in
        HTTPResponse(
            status: 405,
            headers: ["Content-Type": "text/plain; charset=utf-8", "Allow": allowed.joined(separator: ", ")],
            body: Array("\(request.method) is not allowed on \(request.path)\n".utf8)
        )
    }
}
