import Testing

@testable import ContractKit

/// The captured Linq specs: the research copies, and the team's committed ones once they land.
struct ReferenceSpecTests {
    static let available = [
        SpecFixtures.referenceV3, SpecFixtures.referenceV2,
        SpecFixtures.packageRoot + "/specs/v3/openapi.json", SpecFixtures.packageRoot + "/specs/v2/openapi.json",
    ].filter(SpecFixtures.exists)

    @Test(arguments: available)
    func loadsAndLintsWithoutErrors(path: String) throws {
        let document = try OpenAPIDocument.load(from: path)
        #expect(!document.operations.isEmpty)
        let errors = SpecLinter.lint(document).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        for operation in document.operations {
            for response in operation.responses {
                if let schema = response.jsonSchema { #expect(document.root.value(at: schema) != nil) }
            }
        }
    }

    @Test(.enabled(if: SpecFixtures.exists(SpecFixtures.referenceV3)))
    func findsV3OperationsWithAndWithoutTheServerPath() throws {
        let v3 = try OpenAPIDocument.load(from: SpecFixtures.referenceV3)
        #expect(v3.basePath == "/api/partner")
        let plain = try #require(v3.operation(method: "DELETE", path: "/v3/webhook-subscriptions/abc"))
        let prefixed = try #require(v3.operation(method: "DELETE", path: "/api/partner/v3/webhook-subscriptions/abc"))
        #expect(plain == prefixed)
        #expect(plain.path.description == "/v3/webhook-subscriptions/{subscriptionId}")
        let list = try #require(v3.operation(method: "GET", path: "/v3/chats"))
        #expect(
            v3.responseSchema(for: list, status: 200)
                == "/paths/~1v3~1chats/get/responses/200/content/application~1json/schema"
        )
        #expect(v3.webhooks.count == 32)
        #expect(v3.webhooks.allSatisfy { $0.requestBodySchema != nil })
    }
}
