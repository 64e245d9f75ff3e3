import Foundation
import Testing

@testable import ContractKit

struct OpenAPIDocumentTests {
    let document: OpenAPIDocument

    init() throws {
        document = try SpecFixtures.document(SpecFixtures.chats)
    }

    // MARK: - Model

    @Test func readsOperationsInDocumentOrderWithTheirSchemas() throws {
        #expect(document.version == "3.1.0")
        #expect(document.isOpenAPI31)
        #expect(document.basePath == "/api/partner")
        #expect(
            document.operations.map(\.displayName)
                == ["listChats", "createChat", "getChat", "deleteChat", "searchChats"]
        )
        let list = try #require(document.operation(id: "listChats"))
        #expect(list.method == "GET")
        #expect(list.path.description == "/v3/chats")
        #expect(list.pointer == "/paths/~1v3~1chats/get")
        #expect(list.documentedStatuses == ["200", "4XX", "default"])
        #expect(list.responses[0].jsonSchema == "/paths/~1v3~1chats/get/responses/200/content/application~1json/schema")
        #expect(list.responses[1].pointer == "/components/responses/Error", "response $ref followed")
        #expect(
            list.parameters == [
                OpenAPIParameter(
                    name: "limit",
                    location: "query",
                    isRequired: false,
                    schema: "/paths/~1v3~1chats/get/parameters/0/schema"
                )
            ]
        )
    }

    @Test func followsReferencesForRequestBodiesAndMergesPathLevelParameters() throws {
        let create = try #require(document.operation(id: "createChat"))
        #expect(create.requestBodySchema == "/components/requestBodies/NewChat/content/application~1json/schema")
        let get = try #require(document.operation(id: "getChat"))
        #expect(get.parameters.count == 1, "the operation's chatId replaces the path-level one")
        #expect(get.parameters.first?.schema == "/paths/~1v3~1chats~1{chatId}/get/parameters/0/schema")
        let delete = try #require(document.operation(id: "deleteChat"))
        #expect(delete.parameters.map(\.name) == ["chatId"])
        #expect(delete.parameters.first?.isRequired == true)
    }

    @Test func readsWebhooksAndTheirExtensionForm() {
        #expect(document.webhooks.map(\.name) == ["message.sent", "legacy.event"])
        #expect(document.webhooks.map(\.method) == ["POST", "POST"])
        #expect(document.webhooks[0].operationId == "messageSent")
        #expect(
            document.webhooks[0].requestBodySchema
                == "/webhooks/message.sent/post/requestBody/content/application~1json/schema"
        )
        #expect(document.webhooks[1].pointer == "/x-webhooks/legacy.event/post")
    }

    // MARK: - Lookups

    @Test(arguments: [
        ("GET", "/v3/chats", "listChats"),
        ("get", "/v3/chats?limit=5", "listChats"),
        ("POST", "/api/partner/v3/chats", "createChat"),
        ("GET", "/v3/chats/abc", "getChat"),
        ("GET", "/api/partner/v3/chats/abc/", "getChat"),
        ("GET", "/v3/chats/search", "searchChats"),
        ("GET", "/api/partner/v3/chats/search", "searchChats"),
        ("DELETE", "/v3/chats/abc", "deleteChat"),
    ])
    func findsTheMostSpecificOperationForAConcretePath(method: String, path: String, operationId: String) {
        #expect(document.operation(method: method, path: path)?.operationId == operationId)
    }

    @Test(arguments: [
        ("PUT", "/v3/chats"), ("GET", "/v3/chats/a/b"), ("GET", "/partner/v3/chats"), ("GET", "/api/partner"),
    ])
    func findsNothingForUndocumentedRoutes(method: String, path: String) {
        #expect(document.operation(method: method, path: path) == nil)
    }

    @Test func looksUpSchemasByName() {
        #expect(document.schemaNames == ["Chat", "ChatList", "Alias", "Alias2"])
        #expect(document.schemaPointer(named: "Chat") == "/components/schemas/Chat")
        #expect(document.schemaPointer(named: "Nope") == nil)
        #expect(document.operation(id: "nope") == nil)
    }

    @Test(arguments: [
        (200, "/paths/~1v3~1chats/get/responses/200/content/application~1json/schema"),
        (404, "/components/responses/Error/content/application~1json/schema"),
        (500, "/paths/~1v3~1chats/get/responses/default/content/application~1problem+json/schema"),
    ])
    func picksResponseSchemasByExactCodeThenRangeThenDefault(status: Int, pointer: String) throws {
        let list = try #require(document.operation(id: "listChats"))
        #expect(document.responseSchema(for: list, status: status) == (try JSONPointer(parsing: pointer)))
    }

    @Test func responseSchemaHandlesMediaTypeParametersAndBodylessResponses() throws {
        let create = try #require(document.operation(id: "createChat"))
        #expect(document.responseSchema(for: create, status: 201)?.tokens.last == "schema")
        #expect(document.responseSchema(for: create, status: 204) == nil)
        #expect(document.responseSchema(for: create, status: 500) == nil)
        let search = try #require(document.operation(id: "searchChats"))
        #expect(document.responseSchema(for: search, status: 200) == nil)
    }

    @Test func resolvesReferenceChainsAndDetectsCycles() throws {
        #expect(document.resolveReference("#/components/schemas/Alias", from: "/x") == "/components/schemas/Chat")
        #expect(document.resolveReference("#/components/schemas/Chat", from: "/x") == "/components/schemas/Chat")
        #expect(document.resolveReference("#/components/schemas/Missing", from: "/x") == nil)
        #expect(document.resolveReference("other.json#/a", from: "/x") == nil)
        let cyclic = try SpecFixtures.document(
            #"""
            {"openapi": "3.0.3", "components": {"schemas": {
              "A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"},
              "Self": {"$ref": "#/components/schemas/Self"}}}}
            """#
        )
        #expect(cyclic.resolveReference("#/components/schemas/A", from: "/components/schemas/B") == nil)
        #expect(cyclic.resolveReference("#/components/schemas/A", from: "/elsewhere") == nil)
        #expect(cyclic.resolveReference("#/components/schemas/Self", from: "/components/schemas/Self") == nil)
        #expect(!cyclic.isOpenAPI31)
    }

    @Test(arguments: [
        ("https://api.linqapp.com/api/partner", "/api/partner"), ("https://api.linqapp.com", ""),
        ("https://api.linqapp.com/", ""), ("/v1/", "/v1"), ("", ""), ("http://localhost:8080/x/y?z=1", "/x/y"),
    ])
    func takesTheBasePathFromTheServerURL(url: String, basePath: String) {
        #expect(OpenAPIDocument.basePath(ofServerURL: url) == basePath)
    }
}
