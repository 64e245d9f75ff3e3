import Testing

@testable import HTTPServer

struct HTTPHeadersTests {
    @Test func lookupIsCaseInsensitiveAndKeepsDuplicates() {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        headers.add(name: "Set-Cookie", value: "a=1")
        headers.add(name: "set-cookie", value: "b=2")
        #expect(headers["content-type"] == "application/json")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        headers["Set-Cookie"] = "c=3"
        #expect(headers.values(for: "set-cookie") == ["c=3"])
        headers["content-type"] = nil
        #expect(headers["Content-Type"] == nil)
    }

    @Test func requestSplitsPathAndQuery() {
        let request = HTTPRequest(method: "GET", target: "/v3/webhook-subscriptions?limit=5#frag")
        #expect(request.path == "/v3/webhook-subscriptions")
        #expect(request.query == "limit=5")
        #expect(HTTPRequest(method: "GET", target: "/a").query == nil)
    }
}
