import Testing

@testable import HTTPServer

struct PathTemplateTests {
    @Test func matchesParametersAndLiterals() {
        let template = PathTemplate("/v3/webhook-subscriptions/{subscriptionId}")
        #expect(template.parameterNames == ["subscriptionId"])
        #expect(template.literalCount == 2)
        #expect(template.match("/v3/webhook-subscriptions/abc-123") == ["subscriptionId": "abc-123"])
        #expect(template.match("/v3/webhook-subscriptions/a%20b") == ["subscriptionId": "a b"])
        #expect(template.match("/v3/webhook-subscriptions/%zz") == ["subscriptionId": "%zz"])
    }

    @Test(arguments: [
        "/v3/webhook-subscriptions", "/v3/webhook-subscriptions/a/b", "/v2/webhook-subscriptions/a", "",
    ])
    func rejectsOtherPaths(path: String) {
        #expect(PathTemplate("/v3/webhook-subscriptions/{subscriptionId}").match(path) == nil)
    }

    @Test func literalTemplateMatchesOnlyItself() {
        #expect(PathTemplate("/api/partner/v2/webhook_subscriptions").match("/api/partner/v2/webhook_subscriptions") == [:])
        #expect(PathTemplate("/").match("/") == [:])
    }
}
