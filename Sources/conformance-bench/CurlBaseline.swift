import Foundation

/// `curl` fetching the same URL many times in one process (keep-alive), sequentially or with `--parallel`.
struct CurlBaseline {
    let curl: String

    /// Wall time of one curl process doing `count` GETs; throws unless every response was 200.
    func time(url: URL, headers: [(String, String)], count: Int, parallel: Int?) throws(BenchError) -> Double {
        let files = try ScratchFiles(count: 1, suffix: ".curlrc")
        defer { files.remove() }
        // One config file instead of 2,000 arguments; `output` pairs with each `url` in order.
        let config =
            headers.map { "header = \"\($0.0): \($0.1)\"\n" }.joined()
            + String(repeating: "url = \"\(url.absoluteString)\"\noutput = \"/dev/null\"\n", count: count)
        do { try Data(config.utf8).write(to: files.urls[0]) } catch {
            throw .io(path: files.urls[0].path, reason: "\(error)")
        }
        let parallelArguments = parallel.map { ["--parallel", "--parallel-max", String($0)] } ?? []
        let command = Subprocess(
            executable: curl,
            arguments: ["-s", "-w", "%{http_code}\\n"] + parallelArguments + ["-K", files.urls[0].path],
            timeout: .seconds(120)
        )
        let output = try command.runChecked()
        let statuses = output.text.split(separator: "\n")
        guard statuses.count == count, statuses.allSatisfy({ $0 == "200" }) else {
            let failed = statuses.filter { $0 != "200" }.count
            throw .baselineFailed(
                command: command.commandLine,
                status: 0,
                output: "\(statuses.count) responses, \(failed) not 200 (expected \(count) × 200)"
            )
        }
        return output.elapsed
    }

    /// e.g. `curl 7.88.1`
    func version() -> String {
        let output = try? Subprocess(executable: curl, arguments: ["--version"], timeout: .seconds(10)).run()
        return output?.text.split(separator: " ").prefix(2).joined(separator: " ") ?? "curl"
    }
}
