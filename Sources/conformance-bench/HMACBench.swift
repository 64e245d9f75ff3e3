import ContractKit
import Foundation

/// HMAC-SHA256 of 1 KiB and 1 MiB payloads: Swift in-process against `openssl speed` (with and without
/// the CPU's SHA extensions) and Python's `hmac`, all measured in the same run.
struct HMACBench: BenchSection {
    let name = "hmac"

    /// Payload size and how many MACs one timed iteration computes (about 8–16 MiB each).
    static let payloads: [(label: String, bytes: Int, batch: Int)] = [("1 KiB", 1024, 8192), ("1 MiB", 1 << 20, 16)]
    static let mebibyte = Double(1 << 20)

    func run(_ benchmark: Benchmark, in environment: BenchEnvironment) throws(BenchError) -> BenchSectionReport {
        var report = BenchSectionReport(title: "HMAC-SHA256")
        let key = Array("whsec_".utf8) + (0..<32).map(UInt8.init)
        var swiftRates: [Int: Double] = [:]
        for payload in Self.payloads {
            let message = (0..<payload.bytes).map { UInt8($0 % 251) }
            let batchBytes = Double(payload.bytes * payload.batch)
            let oneShot = benchmark.measure {
                for _ in 0..<payload.batch {
                    precondition(HMACSHA256.authenticationCode(for: message, key: key).count == 32)
                }
            }
            let preparedKey = measurePrepared(key: key, message: message, batch: payload.batch, with: benchmark)
            report.rows += [
                rateRow("Swift \(payload.label), key prepared once", batchBytes, preparedKey),
                rateRow("Swift \(payload.label), one-shot authenticationCode(for:key:)", batchBytes, oneShot),
            ]
            if SHA256.Engine.fastest != .portable {
                let portable = measurePrepared(
                    key: key, message: message, batch: payload.batch, engine: .portable, with: benchmark
                )
                report.rows.append(rateRow("Swift \(payload.label), key prepared once, portable engine", batchBytes, portable))
            }
            swiftRates[payload.bytes] = batchBytes / preparedKey.median
        }
        report.notes.append(
            "Swift timings: median of \(benchmark.iterations) batches; \"key prepared once\" does the same work "
                + "per MAC as `openssl speed -hmac` (key pads absorbed once, then init/update/final). "
                + "Engine: \(SHA256.Engine.fastest); the portable engine is what CPUs without SHA extensions run."
        )
        guard environment.runsBaseline else { return report }
        addOpenSSL(to: &report, swiftRates: swiftRates)
        addPython(to: &report, swiftRates: swiftRates, environment: environment)
        return report
    }

    /// MACs of `message` under a key whose pads were absorbed once, `batch` per timed iteration.
    private func measurePrepared(
        key: [UInt8],
        message: [UInt8],
        batch: Int,
        engine: SHA256.Engine = .fastest,
        with benchmark: Benchmark
    ) -> Benchmark.Measurement {
        let prepared = HMACSHA256(key: key, engine: engine)
        return benchmark.measure {
            for _ in 0..<batch {
                var mac = prepared
                mac.update(message)
                precondition(mac.finalize().count == 32)
            }
        }
    }

    private func addOpenSSL(to report: inout BenchSectionReport, swiftRates: [Int: Double]) {
        guard let path = Subprocess.locate("openssl") else {
            report.notes.append("OpenSSL baseline skipped: `openssl` is not on PATH (apt-get install openssl).")
            return
        }
        let openssl = OpenSSLSpeed(openssl: path)
        let hasSHAExtensions = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")
            .contains(" sha_ni")
        for payload in Self.payloads {
            for masked in [false, true] {
                let variant = masked ? "generic (SHA extensions masked)" : "default"
                do {
                    let rate = try openssl.hmacSHA256(bytes: payload.bytes, maskSHAExtensions: masked)
                    report.rows.append(
                        .init(
                            name: "OpenSSL \(payload.label), \(variant)",
                            median: rate / Self.mebibyte,
                            best: nil,
                            unit: .perSecond("MiB/s")
                        )
                    )
                    guard let swift = swiftRates[payload.bytes] else { continue }
                    report.ratios.append(
                        .init(name: "OpenSSL \(variant) / Swift, \(payload.label)", value: rate / swift)
                    )
                    guard payload.bytes == 1 << 20 else { continue }
                    report.headlines.append(
                        Headline(
                            what: "HMAC-SHA256 1 MiB vs OpenSSL \(masked ? "generic" : "(SHA-NI)")",
                            ours: mebibytes(swift),
                            baseline: mebibytes(rate),
                            speedup: swift / rate,
                            goal: masked ? "–" : "≤ 3× slower",
                            met: masked ? nil : swift * 3 >= rate
                        )
                    )
                } catch {
                    report.notes.append("OpenSSL \(variant) \(payload.label) skipped: \(error)")
                }
            }
        }
        report.notes.append(
            "OpenSSL: \(openssl.version()), `openssl speed -mr -elapsed -seconds \(openssl.seconds) -bytes N "
                + "-hmac sha256`; generic = same with `OPENSSL_ia32cap=:~0x20000000` (CPU SHA extensions "
                + (hasSHAExtensions ? "present here, masked" : "absent here, so both variants run the same code")
                + "). Its fallback is hand-written SIMD assembly, not plain C."
        )
    }

    private func addPython(
        to report: inout BenchSectionReport,
        swiftRates: [Int: Double],
        environment: BenchEnvironment
    ) {
        let sizes = Self.payloads.map { String($0.bytes) }.joined(separator: ",")
        let result: JSONValue
        do {
            let output = try environment.runPython(
                script: "bench_hmac.py",
                arguments: ["--sizes", sizes, "--seconds", "2"],
                timeout: .seconds(120)
            )
            result = try JSONParser.parse(Array(output))
        } catch {
            report.notes.append("Python hmac baseline skipped: \(error)")
            return
        }
        for payload in Self.payloads {
            guard let median = result[String(payload.bytes)]?["median"]?.numberValue?.doubleValue,
                let best = result[String(payload.bytes)]?["best"]?.numberValue?.doubleValue
            else { continue }
            report.rows.append(
                .init(
                    name: "Python hmac \(payload.label)",
                    median: median / Self.mebibyte,
                    best: best / Self.mebibyte,
                    unit: .perSecond("MiB/s")
                )
            )
            guard let swift = swiftRates[payload.bytes] else { continue }
            report.ratios.append(.init(name: "Python hmac / Swift, \(payload.label)", value: median / swift))
            if payload.bytes == 1 << 20 {
                report.headlines.append(
                    Headline(
                        what: "HMAC-SHA256 1 MiB vs Python hmac",
                        ours: mebibytes(swift),
                        baseline: mebibytes(median),
                        speedup: swift / median,
                        goal: "–",
                        met: nil
                    )
                )
            }
        }
        report.notes.append(
            "Python \(result["version"]?.stringValue ?? "?"): `hmac.new(key, payload, hashlib.sha256).digest()` "
                + "in a loop (key setup per MAC; hashlib is backed by OpenSSL)."
        )
    }

    private func rateRow(
        _ name: String,
        _ bytes: Double,
        _ measurement: Benchmark.Measurement
    ) -> BenchSectionReport.Row {
        .init(
            name: name,
            median: bytes / measurement.median / Self.mebibyte,
            best: bytes / measurement.min / Self.mebibyte,
            unit: .perSecond("MiB/s")
        )
    }

    private func mebibytes(_ bytesPerSecond: Double) -> String {
        "\(BenchReport.grouped(bytesPerSecond / Self.mebibyte)) MiB/s"
    }
}
