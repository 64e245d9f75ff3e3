import Foundation

@testable import ContractKit

/// Small inline documents and the paths of the real captured specs.
enum SpecFixtures {
    static let referenceDirectory = "/work/shared/reference/linq"
    static let referenceV3 = referenceDirectory + "/v3-openapi-2026-02.json"
    static let referenceV2 = referenceDirectory + "/v2-openapi-reconstructed.json"

    /// The package root, found from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func document(_ text: String) throws -> OpenAPIDocument {
        try OpenAPIDocument(root: JSONParser.parse(text), source: "fixture.json")
    }

    /// Writes `contents` to a fresh temporary file and returns its path.
    static func temporaryFile(_ contents: [UInt8], name: String = "openapi.json") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url.path
    }

    static let chats = #"""
        {
          "openapi": "3.1.0",
          "servers": [{"url": "https://api.linqapp.com/api/partner/"}],
          "paths": {
            "/v3/chats": {
              "get": {
                "operationId": "listChats",
                "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                "responses": {
                  "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatList"}}}},
                  "4XX": {"$ref": "#/components/responses/Error"},
                  "default": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}
                }
              },
              "post": {
                "operationId": "createChat",
                "requestBody": {"$ref": "#/components/requestBodies/NewChat"},
                "responses": {"201": {"content": {"application/json; charset=utf-8": {"schema": {"type": "object"}}}},
                              "204": {"description": "no body"}}
              }
            },
            "/v3/chats/{chatId}": {
              "parameters": [{"$ref": "#/components/parameters/ChatId"}],
              "get": {
                "operationId": "getChat",
                "parameters": [{"name": "chatId", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/Chat"}}}}}
              },
              "delete": {"operationId": "deleteChat", "responses": {"204": {"description": "gone"}}}
            },
            "/v3/chats/search": {
              "get": {"operationId": "searchChats", "responses": {"200": {"content": {"text/plain": {}}}}}
            }
          },
          "webhooks": {
            "message.sent": {"post": {"operationId": "messageSent", "requestBody": {
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Chat"}}}}}}
          },
          "x-webhooks": {
            "legacy.event": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}}}
          },
          "components": {
            "schemas": {
              "Chat": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]},
              "ChatList": {"type": "array", "items": {"$ref": "#/components/schemas/Chat"}},
              "Alias": {"$ref": "#/components/schemas/Alias2"},
              "Alias2": {"$ref": "#/components/schemas/Chat"}
            },
            "parameters": {"ChatId": {"name": "chatId", "in": "path", "required": true, "description": "shared"}},
            "requestBodies": {"NewChat": {"content": {"application/json": {"schema": {"type": "object"}}}}},
            "responses": {"Error": {"content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        }
        """#
}
