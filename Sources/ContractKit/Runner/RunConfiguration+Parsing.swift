import Foundation

extension RunConfiguration {
    /// Builds a configuration from `run`'s arguments and the environment.
    ///
    /// Accepts `--flag value` and `--flag=value`. Base URLs also come from `LINQ_V3_BASE_URL` /
    /// `LINQ_V2_BASE_URL` (flags win). Any base URL makes the target a deployment.
    public static func parse(
        _ arguments: [String],
        environment: [String: String]
    ) throws(HarnessError)
        -> RunConfiguration
    {
        var configuration = RunConfiguration()
        var v3URL = environment["LINQ_V3_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        var v2URL = environment["LINQ_V2_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        var explicitSandbox = false
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            var flag = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                flag = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            func value() throws(HarnessError) -> String {
                if let inline { return inline }
                guard let next = rest.popFirst(), !next.hasPrefix("--") else {
                    throw usage("\(flag) needs a value", flag: flag)
                }
                return next
            }
            switch flag {
            case "--target":
                guard try value() == "sandbox" else {
                    throw usage(
                        "--target accepts only 'sandbox'",
                        flag: flag,
                        hint: "for a deployment pass --v3-base-url/--v2-base-url"
                    )
                }
                explicitSandbox = true
            case "--v3-base-url": v3URL = try value()
            case "--v2-base-url": v2URL = try value()
            case "--only":
                let text = try value()
                guard let version = APIVersion(rawValue: text) else {
                    throw usage("--only must be v2 or v3, not '\(text)'", flag: flag)
                }
                configuration.only = version
            case "--tag": configuration.tags.append(try value())
            case "--scenario": configuration.scenarioNames.append(try value())
            case "--parallel": configuration.parallel = try positiveInteger(try value(), flag: flag)
            case "--shard": configuration.shard = try shard(try value())
            case "--read-only": configuration.isReadOnly = true
            case "--max-requests": configuration.maxRequests = try positiveInteger(try value(), flag: flag)
            case "--rate":
                let text = try value()
                let number = text.hasSuffix("/s") ? String(text.dropLast(2)) : text
                guard let rate = Double(number), rate > 0, rate.isFinite else {
                    throw usage("--rate must be a positive number of requests per second, like 5/s", flag: flag)
                }
                configuration.rate = rate
            case "--run-id":
                let id = try value()
                guard !id.isEmpty,
                    id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
                else {
                    throw usage("--run-id may contain only letters, digits, '-' and '_'", flag: flag)
                }
                configuration.runID = id
            case "--timeout":
                let text = try value()
                guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
                    throw usage("--timeout must be a positive number of seconds", flag: flag)
                }
                configuration.requestTimeout = .milliseconds(Int64(seconds * 1000))
            case "--receiver-port":
                let text = try value()
                guard let port = UInt16(text) else {
                    throw usage("--receiver-port must be a port number 0–65535 (0: any free port)", flag: flag)
                }
                configuration.receiverPort = port
            case "--receiver-public-url":
                let text = try value()
                guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                    ["http", "https"].contains(scheme), url.host?.isEmpty == false
                else {
                    throw usage(
                        "--receiver-public-url must be the tunnel's absolute URL, like https://hooks.example.dev",
                        flag: flag
                    )
                }
                configuration.receiverPublicURL = url
            case "--token", "--api-key", "--v3-token", "--v2-token", "--integration-token":
                throw usage(
                    "credentials are never taken from flags (they would land in shell history and CI logs)",
                    flag: flag,
                    hint: "export LINQ_API_V3_API_KEY and/or LINQ_INTEGRATION_TOKEN instead"
                )
            default:
                throw usage(
                    "unknown option '\(argument)'",
                    flag: flag,
                    hint: "options: \(flags.joined(separator: ", "))"
                )
            }
        }
        configuration.v3Token = environment["LINQ_API_V3_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.v2Token = environment["LINQ_INTEGRATION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if v3URL != nil || v2URL != nil {
            if explicitSandbox {
                throw usage("--target sandbox cannot be combined with base URLs", flag: "--target")
            }
            configuration.target = .deployment(
                v3: try baseURL(v3URL, flag: "--v3-base-url"),
                v2: try baseURL(v2URL, flag: "--v2-base-url")
            )
            try configuration.requireCredentials()
        }
        return configuration
    }

    private func requireCredentials() throws(HarnessError) {
        for version in versions.sorted() {
            let (token, variable) =
                version == .v3 ? (v3Token, "LINQ_API_V3_API_KEY") : (v2Token, "LINQ_INTEGRATION_TOKEN")
            if token == nil {
                throw HarnessError(
                    .invalidConfiguration,
                    "a \(version) base URL is set but \(variable) is not",
                    at: .init(field: variable),
                    hint: "export \(variable), or drop the \(version) base URL / use --only"
                )
            }
        }
        if versions.isEmpty {
            throw HarnessError(
                .invalidConfiguration,
                "--only \(only?.rawValue ?? "") has no base URL",
                at: .init(field: "--only"),
                hint: "pass --\(only?.rawValue ?? "v3")-base-url too"
            )
        }
    }

    private static func baseURL(_ text: String?, flag: String) throws(HarnessError) -> URL? {
        guard let text else { return nil }
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
            scheme == "https" || scheme == "http"
        else {
            throw usage("'\(text)' is not an http(s) URL with a host", flag: flag)
        }
        let isLoopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
        guard scheme == "https" || isLoopback else {
            throw usage(
                "'\(text)' is plain HTTP to a remote host; credentials would travel unencrypted",
                flag: flag,
                hint: "use https://"
            )
        }
        return url
    }

    private static func positiveInteger(_ text: String, flag: String) throws(HarnessError) -> Int {
        guard let number = Int(text), number > 0 else {
            throw usage("\(flag) must be a positive integer, not '\(text)'", flag: flag)
        }
        return number
    }

    private static func shard(_ text: String) throws(HarnessError) -> ScenarioSelection.Shard {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0,
            (1...count).contains(index)
        else {
            throw usage("--shard must be K/N with 1 ≤ K ≤ N, like 2/4, not '\(text)'", flag: "--shard")
        }
        return .init(index: index, count: count)
    }

    private static func usage(_ message: String, flag: String, hint: String = "") -> HarnessError {
        HarnessError(.invalidConfiguration, message, at: .init(field: flag), hint: hint)
    }
}
