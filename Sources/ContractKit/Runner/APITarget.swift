import Foundation
import HTTPServer

/// Where one API version is reached and with which credential.
///
/// The token only ever leaves this type as a request header; ``description`` never shows it.
public struct APITarget: Sendable, Hashable, CustomStringConvertible {
    public var version: APIVersion
    /// Everything before the spec's paths (`https://api.linqapp.com/api/partner`), no trailing `/`.
    public var baseURL: URL
    public var token: String?

    /// Sent for `"auth": "invalid"`: well-formed, never valid.
    public static let invalidToken = "conformance-invalid-token-0000000000000000"

    public init(version: APIVersion, baseURL: URL, token: String?) {
        self.version = version
        self.baseURL = baseURL
        self.token = token
    }

    /// The header carrying credentials for this version: `Authorization` (v3) or `X-LINQ-INTEGRATION-TOKEN` (v2).
    public var authHeaderName: String {
        version == .v3 ? "Authorization" : "X-LINQ-INTEGRATION-TOKEN"
    }

    /// The credential header for `auth`, or `nil` when none is to be sent.
    public func authHeader(_ auth: RequestTemplate.Auth) throws(HarnessError) -> (name: String, value: String)? {
        let token: String
        switch auth {
        case .none: return nil
        case .invalid: token = Self.invalidToken
        case .default:
            guard let configured = self.token else {
                let variable = version == .v3 ? "LINQ_API_V3_API_KEY" : "LINQ_INTEGRATION_TOKEN"
                throw HarnessError(
                    .invalidConfiguration,
                    "no \(version) credential is configured",
                    at: .init(field: variable),
                    hint: "export \(variable)"
                )
            }
            token = configured
        }
        return (authHeaderName, version == .v3 ? "Bearer \(token)" : token)
    }

    /// The URL for a path below ``baseURL`` (used as written) plus query items (percent-encoded here).
    public func url(path: String, query: [RequestTemplate.QueryItem]) -> URL? {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else { return nil }
        components.percentEncodedPath += path
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.name, value: $0.value) } }
        return components.url
    }

    public var description: String {
        "\(version) \(baseURL.absoluteString)\(token == nil ? " (no credential)" : "")"
    }
}
