/// The signature vectors of the Linq research notes (test-vectors.txt), byte for byte.
/// The Standard Webhooks vector was checked against the `standardwebhooks` 1.1.0 package.
enum WebhookTestVectors {
    static let timestamp = 1_767_225_600

    enum Standard {
        static let secret = "whsec_c2VjcmV0Cg=="
        static let keyHex = "7365637265740a"
        static let id = "msg_2yZbd1example"
        static let body = Array(#"""
            {"api_version":"v3","webhook_version":"2026-02-03","event_type":"message.received",\#
            "event_id":"2915e81c-5068-4796-ace2-21d2c94ad298","created_at":"2026-02-05T19:31:13.736Z",\#
            "trace_id":"8af9171a45022df2eb74ba4e4c83be0f","partner_id":"your-partner-id","data":{}}
            """#.utf8)
        static let signature = "v1,CbxMxYrbmH7bSatSXgYE6jppGo0bzDK/NFCahWFydEk="
    }

    /// Same secret and body as ``Standard``; key = the secret string's UTF-8 bytes.
    enum Legacy {
        static let signature = "4dd623d32514df90db0c750876e3ff9e1c585cc4a5635e423b874e957636bbcd"
    }

    enum V2 {
        static let secret = "your-webhook-secret-key"
        static let body = Array(#"""
            {"api_version":"v2","created_at":"2025-06-01T10:00:00-06:00","data":{},\#
            "event_id":"9dabceb9-9194-4dc6-beda-892573f377b4","event_type":"message.sent"}
            """#.utf8)
        static let signature = "sha256=a0dc6dd219d111846af8587285769670cd602dd8dcdce731ea47fedeecdf1fcf"
    }
}
