import ContractKit
import Foundation
import HTTPServer

/// Deliveries built in memory, signed by the tests themselves, for the delivery checks.
enum DeliveryFixtures {
    /// The committed spec of `version` (`v2`, `v3`).
    static func spec(_ version: String) throws -> JSONValue {
        let path = SpecFixtures.packageRoot + "/specs/\(version)/openapi.json"
        return try JSONParser.parse(Array(FileManager.default.contents(atPath: path) ?? Data()))
    }

    /// The `example` the spec gives for the webhook entry `name` under `container`.
    static func example(_ name: String, in spec: JSONValue, container: String = "webhooks") -> JSONValue? {
        spec[container]?[name]?["post"]?["requestBody"]?["content"]?["application/json"]?["example"]
    }

    static func delivery(
        _ body: [UInt8],
        headers: HTTPHeaders = [:],
        path: String = "/hooks/a",
        sequence: Int = 0,
        arrivedAt: Date = Date(timeIntervalSince1970: TimeInterval(WebhookTestVectors.timestamp)),
        answer: WebhookReceiver.Answer = 200
    ) -> ReceivedDelivery {
        ReceivedDelivery(
            sequence: sequence,
            arrivedAt: arrivedAt,
            method: "POST",
            target: path,
            path: path,
            headers: headers,
            body: body,
            answer: answer
        )
    }

    /// `body` signed with `schemes` under `secret`, merged into one header set as a sender does.
    static func signed(
        _ body: [UInt8],
        schemes: [any WebhookSignatureScheme],
        secret: String,
        id: String = "msg_1",
        timestamp: Int = WebhookTestVectors.timestamp
    ) throws -> HTTPHeaders {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        for scheme in schemes {
            for field in try scheme.sign(body: body, secret: secret, id: id, timestamp: timestamp).fields {
                headers[field.name] = field.value
            }
        }
        return headers
    }

    /// One attempt of a synthetic timeline: a v3-shaped body with `eventID`, arriving `at` seconds in.
    static func attempt(
        _ sequence: Int,
        at seconds: Double,
        answer: WebhookReceiver.Answer,
        eventID: String = "evt-1",
        eventType: String = "message.sent",
        path: String = "/hooks/a"
    ) -> ReceivedDelivery {
        let body: JSONValue = ["event_id": .string(eventID), "event_type": .string(eventType), "data": [:]]
        return delivery(
            body.serialized(),
            path: path,
            sequence: sequence,
            arrivedAt: Date(timeIntervalSince1970: 1_800_000_000 + seconds),
            answer: answer
        )
    }
}
