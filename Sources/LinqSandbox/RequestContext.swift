import Foundation

/// What one request carries through the handlers: its faults, its trace id and its "now".
struct RequestContext: Sendable {
    var faults: Set<SandboxFault>
    /// The 32-lowercase-hex id sent as `X-Trace-ID` and as the body's `trace_id`.
    var traceID: String
    var now: Date

    func has(_ fault: SandboxFault) -> Bool { faults.contains(fault) }
}

/// Fresh identifiers and secrets, each in the format the real API uses.
enum SandboxIdentifiers {
    static func uuid() -> String { UUID().uuidString.lowercased() }

    /// A W3C trace id: 16 random bytes as 32 lowercase hex digits.
    static func traceID() -> String {
        randomBytes(16).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// `whsec_` and the base64 of 32 random bytes, as the Go SDK documents.
    static func signingSecret() -> String {
        "whsec_" + Data(randomBytes(32)).base64EncodedString()
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

/// Timestamps as the API writes them: ISO 8601, UTC, milliseconds.
enum SandboxTimestamp {
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
