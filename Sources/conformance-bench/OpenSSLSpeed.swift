import Foundation

/// `openssl speed -hmac sha256` for one buffer size, optionally with the SHA extensions masked out
/// (`OPENSSL_ia32cap=:~0x20000000`), so OpenSSL falls back to its generic SIMD code.
struct OpenSSLSpeed {
    let openssl: String
    var seconds = 2

    /// Bytes per second, as `openssl speed -mr` reports it (wall-clock with `-elapsed`).
    func hmacSHA256(bytes: Int, maskSHAExtensions: Bool) throws(BenchError) -> Double {
        let command = Subprocess(
            executable: openssl,
            arguments: [
                "speed", "-mr", "-elapsed", "-seconds", String(seconds), "-bytes", String(bytes),
                "-hmac", "sha256",
            ],
            environment: maskSHAExtensions ? ["OPENSSL_ia32cap": ":~0x20000000"] : [:],
            timeout: .seconds(seconds * 3 + 30)
        )
        let output = try command.runChecked()
        // Machine-readable result line: "+F:<index>:hmac(sha256):<bytes per second>"
        let line = output.text.split(separator: "\n").first { $0.hasPrefix("+F:") && $0.contains("sha256") }
        guard let rate = line?.split(separator: ":").last.flatMap({ Double($0) }), rate > 0 else {
            throw .baselineFailed(command: command.commandLine, status: 0, output: "no +F: line in " + output.text)
        }
        return rate
    }

    /// `OpenSSL 3.0.19 27 Jan 2026`, or `openssl` when the version cannot be read.
    func version() -> String {
        let output = try? Subprocess(executable: openssl, arguments: ["version"], timeout: .seconds(10)).run()
        return output?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "openssl"
    }
}
