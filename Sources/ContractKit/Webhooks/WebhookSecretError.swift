/// A signing secret that cannot be turned into an HMAC key. Never contains the secret.
public enum WebhookSecretError: Error, Sendable, Hashable, CustomStringConvertible {
    /// After the optional `whsec_` prefix, the secret is not base64.
    case notBase64(scheme: String)
    /// The secret gives an empty key.
    case empty(scheme: String)

    public var description: String {
        switch self {
        case .notBase64(let scheme):
            "\(scheme): the signing secret is not 'whsec_' followed by base64; "
                + "use the secret exactly as the subscription's create response returned it"
        case .empty(let scheme):
            "\(scheme): the signing secret is empty; set the secret returned when the subscription was created"
        }
    }
}
