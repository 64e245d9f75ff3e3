import HTTPServer
import Testing
import TestSupport

@Suite(.blockingIO) struct RouterTests {
    private func respond(_ label: String) -> Router.Handler {
        { request in
            let parameters = request.pathParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return HTTPResponse(status: 200, body: Array(([label] + parameters).joined(separator: " ").utf8))
        }
    }

    private var router: Router {
        var router = Router(
            notFound: { _ in HTTPResponse(status: 404, body: Array("custom 404".utf8)) },
            methodNotAllowed: { _, allowed in
                HTTPResponse(status: 405, body: Array("allowed: \(allowed.joined(separator: ","))".utf8))
            }
        )
        router.add("GET", "/v3/chats/{chatId}", handler: respond("get-chat"))
        router.add("DELETE", "/v3/chats/{chatId}", handler: respond("delete-chat"))
        router.add("GET", "/v3/chats/{chatId}/messages/{messageId}", handler: respond("get-message"))
        router.add("GET", "/{version}/chats/search", handler: respond("search-any-version"))
        router.add("POST", PathTemplate("/v3/chats/search"), handler: respond("search"))
        router.add("GET", "/", handler: respond("root"))
        return router
    }

    @Test(arguments: [
        ("GET", "/v3/chats/abc?x=1", 200, "get-chat chatId=abc"),
        ("DELETE", "/v3/chats/a%20b", 200, "delete-chat chatId=a b"),
        ("GET", "/v3/chats/c1/messages/m2", 200, "get-message chatId=c1 messageId=m2"),
        ("POST", "/v3/chats/search", 200, "search"),
        ("GET", "/v3/chats/search", 405, "allowed: POST"),
        ("PUT", "/v3/chats/c1/messages/m2", 405, "allowed: GET,HEAD"),
        ("GET", "/v2/chats/search", 200, "search-any-version version=v2"),
        ("HEAD", "/v3/chats/abc", 200, "get-chat chatId=abc"),
        ("PUT", "/v3/chats/abc", 405, "allowed: DELETE,GET,HEAD"),
        ("get", "/v3/chats/abc", 405, "allowed: DELETE,GET,HEAD"),
        ("GET", "/v3/unknown", 404, "custom 404"),
        ("GET", "/", 200, "root"),
    ])
    func routes(method: String, target: String, status: Int, body: String) {
        let response = router.route(HTTPRequest(method: method, target: target))
        #expect(response.status == status)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    @Test func templatesOfOneShapeShareARouteButKeepTheirParameterNames() {
        var router = Router()
        router.add("GET", "/a/{x}", handler: respond("first"))
        router.add("GET", "/a/{y}", handler: respond("second"))
        router.add("DELETE", "/a/{z}", handler: respond("delete"))
        func body(_ method: String) -> String {
            String(decoding: router.route(HTTPRequest(method: method, target: "/a/1")).body, as: UTF8.self)
        }
        #expect(body("GET") == "second y=1")
        #expect(body("DELETE") == "delete z=1")
        #expect(router.route(HTTPRequest(method: "PUT", target: "/a/1")).headers["Allow"] == "DELETE, GET, HEAD")
    }

    @Test func defaultFallbacks() {
        var router = Router()
        router.add("POST", "/items", handler: respond("create"))
        #expect(router.route(HTTPRequest(method: "GET", target: "/nothing")).status == 404)
        let notAllowed = router.route(HTTPRequest(method: "GET", target: "/items"))
        #expect(notAllowed.status == 405)
        #expect(notAllowed.headers["Allow"] == "POST")
    }

    @Test func routerServesAsTheServerHandler() async throws {
        let server = HTTPServer(configuration: testConfiguration(), router: router)
        let port = try server.start()
        defer { server.stop() }
        let client = try RawHTTPClient(port: port)
        try client.send("GET /v3/chats/42 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse()?.text == "get-chat chatId=42")
    }
}
