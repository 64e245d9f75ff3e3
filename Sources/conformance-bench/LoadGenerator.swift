import Foundation

/// Drives keep-alive GET requests at a URL: `wrk` when installed, else the in-process ``KeepAliveClient``.
enum LoadGenerator: Sendable {
    case wrk(path: String)
    case inProcess

    /// `wrk` if it is on PATH.
    static func detect() -> LoadGenerator {
        Subprocess.locate("wrk").map { .wrk(path: $0) } ?? .inProcess
    }

    var description: String {
        switch self {
        case .wrk: "wrk (1 thread, keep-alive)"
        case .inProcess:
            "the in-process keep-alive client (one thread per connection; wrk is not installed: "
                + "apt-get install -y wrk)"
        }
    }

    /// Requests per second over `duration` on `connections` keep-alive connections, after a short warm-up.
    func measure(
        host: String,
        port: UInt16,
        path: String,
        headers: [(String, String)],
        connections: Int,
        duration: Duration
    ) throws(BenchError) -> KeepAliveClient.Result {
        switch self {
        case .inProcess:
            let client = KeepAliveClient(host: host, port: port, path: path, headers: headers)
            _ = try client.run(connections: connections, duration: .milliseconds(300))
            return try client.run(connections: connections, duration: duration)
        case .wrk(let wrk):
            let url = "http://\(host):\(port)\(path)"
            let headerArguments = headers.flatMap { ["-H", "\($0.0): \($0.1)"] }
            func run(_ seconds: Int) throws(BenchError) -> Subprocess.Output {
                try Subprocess(
                    executable: wrk,
                    arguments: ["-t1", "-c\(connections)", "-d\(seconds)s"] + headerArguments + [url],
                    timeout: .seconds(Int64(seconds) + 30)
                ).runChecked()
            }
            _ = try run(1)
            let output = try run(Int(duration.components.seconds))
            let lines = output.text.split(separator: "\n")
            func number(after label: String) -> Double? {
                lines.first { $0.contains(label) }?.split(separator: " ").last.flatMap { Double($0) }
            }
            guard let rate = number(after: "Requests/sec:") else {
                throw .baselineFailed(command: "wrk \(url)", status: 0, output: "no Requests/sec in " + output.text)
            }
            let requests =
                lines.first { $0.contains("requests in") }?
                .split(separator: " ").first.flatMap { Int($0) } ?? 0
            return .init(
                requestsPerSecond: rate,
                requests: requests,
                failures: Int(number(after: "Non-2xx or 3xx responses:") ?? 0)
            )
        }
    }
}
