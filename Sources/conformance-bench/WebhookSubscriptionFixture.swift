import ContractKit

/// A deterministic `ListWebhookSubscriptionsResult` body with many v3 webhook subscriptions.
struct WebhookSubscriptionFixture {
    let count: Int
    /// `WebhookEventType` values from the spec, so every generated event is in its enum.
    let eventTypes: [String]

    func document() -> JSONValue {
        var generator = SplitMix64(seed: 2026)
        let subscriptions = (0..<count).map { index in subscription(index, &generator) }
        return ["subscriptions": .array(subscriptions)]
    }

    private func subscription(_ index: Int, _ generator: inout SplitMix64) -> JSONValue {
        let events = (0..<(1 + Int(generator.next() % 4))).map { _ in
            JSONValue.string(eventTypes[Int(generator.next() % UInt64(eventTypes.count))])
        }
        let phones: JSONValue =
            generator.next() % 3 == 0
            ? .null
            : .array(
                (0..<(1 + Int(generator.next() % 3))).map { _ in
                    .string("+1\(2_000_000_000 + generator.next() % 7_999_999_999)")
                }
            )
        let created = timestamp(generator.next())
        return [
            "id": .string(uuid(generator.next(), generator.next())),
            "target_url": .string("https://hooks\(index % 97).example.com/linq/events?tenant=\(index)"),
            "subscribed_events": .array(events),
            "phone_numbers": phones,
            "is_active": .bool(generator.next() % 5 != 0),
            "created_at": .string(created),
            "updated_at": .string(created),
        ]
    }

    private func uuid(_ high: UInt64, _ low: UInt64) -> String {
        let hex = (hexDigits(high) + hexDigits(low)).map(String.init)
        return [hex[0..<8], hex[8..<12], hex[12..<16], hex[16..<20], hex[20..<32]]
            .map { $0.joined() }.joined(separator: "-")
    }

    private func hexDigits(_ value: UInt64) -> [Character] {
        let digits = String(value, radix: 16)
        return Array(String(repeating: "0", count: 16 - digits.count) + digits)
    }

    private func timestamp(_ random: UInt64) -> String {
        func pad(_ value: UInt64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let month = 1 + random % 12
        let day = 1 + (random >> 8) % 28
        let (hour, minute, second) = ((random >> 16) % 24, (random >> 24) % 60, (random >> 32) % 60)
        return "2025-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second)).\(random % 1000)Z"
    }
}

/// A tiny seeded generator, so every run validates the same document.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
