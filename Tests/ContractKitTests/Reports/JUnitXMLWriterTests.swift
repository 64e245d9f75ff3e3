import Foundation
import Testing

@testable import ContractKit
import TestSupport

@Suite(.blockingIO)
struct JUnitXMLWriterTests {
    static let nasty =
        "ESC\u{1B}[31m NUL\u{0} BEL\u{7} tab\t cr\r lf\n ]]> <tag a=\"x\" b='y'> & 🦊 \u{FFFE}\u{FFFF} DEL\u{7F}"

    static func sample(body: String = nasty) -> JUnitReport {
        JUnitReport(
            name: "conformance \(body)",
            suites: [
                .init(
                    name: "v3.messages",
                    timestamp: Date(timeIntervalSince1970: 1_767_225_600),
                    properties: [.init(name: "target", value: body)],
                    cases: [
                        .init(
                            name: "create \(body)",
                            classname: "v3.messages",
                            time: .milliseconds(1234),
                            outcomes: [
                                .init(
                                    .failure,
                                    message: "response.schema at /data",
                                    type: "response.schema",
                                    body: body
                                ),
                                .init(.failure, message: "enum.value at /status", type: "enum.value", body: "short"),
                            ]
                        ),
                        .init(name: "list", classname: "v3.messages", time: .milliseconds(5), systemOut: body),
                        .init(name: "get", classname: "v3.messages", outcomes: [.init(.error, message: "unreachable")]),
                        .init(
                            name: "delete",
                            classname: "v3.messages",
                            outcomes: [.init(.skipped, message: "read-only")]
                        ),
                    ],
                    systemOut: body
                ),
                .init(name: "v2.empty"),
            ]
        )
    }

    @Test func countsAreComputedFromTheElements() {
        let report = Self.sample()
        #expect((report.tests, report.failures, report.errors, report.skipped) == (4, 2, 1, 1))
        let xml = JUnitXMLWriter().render(report)
        #expect(xml.contains(#"<testsuites name="conformance"#))
        #expect(xml.contains(#"tests="4" failures="2" errors="1" skipped="1" time="1.239""#))
        #expect(
            xml.contains(#"<testsuite name="v2.empty" tests="0" failures="0" errors="0" skipped="0" time="0.000">"#)
        )
        #expect(xml.contains(#"timestamp="2026-01-01T00:00:00Z""#))
    }

    @Test func escapesMarkupAndReplacesCharactersXMLCannotCarry() {
        let xml = JUnitXMLWriter().render(Self.sample())
        #expect(!xml.unicodeScalars.contains { !XMLEscaping.isAllowed($0) })
        #expect(!xml.contains("]]>"))
        #expect(xml.contains(#"ESC\u{1B}[31m NUL\u{0} BEL\u{7}"#))
        #expect(xml.contains(#"\u{FFFE}\u{FFFF} DEL\u{7F}"#))
        #expect(xml.contains("]]&gt; &lt;tag a=&quot;x&quot; b=&apos;y&apos;&gt; &amp; 🦊"))
        #expect(xml.contains(#"value="ESC\u{1B}[31m NUL\u{0} BEL\u{7} tab&#9; cr&#13; lf&#10; ]]&gt;"#))
        #expect(xml.contains("tab\t cr&#13; lf\n ]]&gt;"))
    }

    @Test(arguments: [
        (Duration.zero, "0.000"), (.milliseconds(1), "0.001"), (.seconds(3723), "3723.000"),
        (.milliseconds(-5), "0.000"), (.nanoseconds(1_999_999), "0.001"),
    ])
    func formatsTimesAsTheSchemaAsks(duration: Duration, expected: String) {
        #expect(ReportTime.seconds(duration) == expected)
    }

    @Test(.enabled(if: ExternalTool.hasXMLLint, "xmllint is not installed (apt-get install libxml2-utils)"))
    func validatesAgainstTheJUnitSchema() throws {
        let hugeBody = String(repeating: "x\u{1}y<z>&\u{1F}", count: 200_000)
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, report) in [Self.sample(), Self.sample(body: hugeBody), JUnitReport(name: "")].enumerated() {
            let file = directory.appending(path: "junit-\(index).xml")
            try JUnitXMLWriter().render(report).write(to: file, atomically: true, encoding: .utf8)
            for schema in ExternalTool.junitSchemas {
                let result = try ExternalTool.run("xmllint", ["--noout", "--huge", "--schema", schema.path, file.path])
                #expect(result.status == 0, "\(schema.lastPathComponent): \(result.output.prefix(2000))")
            }
        }
    }
}
