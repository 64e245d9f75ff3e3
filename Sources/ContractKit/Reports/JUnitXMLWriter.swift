import Foundation

/// Renders a ``JUnitReport`` as XML 1.0 that validates against the Surefire/Jenkins schema
/// (`junit-10.xsd`): required attributes present, times as plain seconds (`12.345`), and no
/// attribute the schema does not declare (it has none for `skipped` on `testsuites`).
public struct JUnitXMLWriter: Sendable {
    public init() {}

    /// The document as text, UTF-8 declared.
    public func render(_ report: JUnitReport) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += "<testsuites" + attributes([
            ("name", report.name), ("tests", String(report.tests)), ("failures", String(report.failures)),
            ("errors", String(report.errors)), ("time", Self.seconds(report.time)),
        ]) + ">\n"
        for suite in report.suites { render(suite, into: &xml) }
        xml += "</testsuites>\n"
        return xml
    }

    private func render(_ suite: JUnitReport.Suite, into xml: inout String) {
        var suiteAttributes = [
            ("name", suite.name), ("tests", String(suite.tests)), ("failures", String(suite.failures)),
            ("errors", String(suite.errors)), ("skipped", String(suite.skipped)), ("time", Self.seconds(suite.time)),
        ]
        if let timestamp = suite.timestamp { suiteAttributes.append(("timestamp", Self.timestamp(timestamp))) }
        xml += "  <testsuite" + attributes(suiteAttributes) + ">\n"
        if !suite.properties.isEmpty {
            xml += "    <properties>\n"
            for property in suite.properties {
                xml += "      <property" + attributes([("name", property.name), ("value", property.value)]) + "/>\n"
            }
            xml += "    </properties>\n"
        }
        for testCase in suite.cases { render(testCase, into: &xml) }
        if let systemOut = suite.systemOut { xml += "    " + element("system-out", text: systemOut) + "\n" }
        xml += "  </testsuite>\n"
    }

    private func render(_ testCase: JUnitReport.TestCase, into xml: inout String) {
        let open = "    <testcase" + attributes([
            ("name", testCase.name), ("classname", testCase.classname), ("time", Self.seconds(testCase.time)),
        ])
        guard !testCase.outcomes.isEmpty || testCase.systemOut != nil else {
            xml += open + "/>\n"
            return
        }
        xml += open + ">\n"
        for outcome in testCase.outcomes {
            var outcomeAttributes = [("message", outcome.message)]
            if let type = outcome.type { outcomeAttributes.append(("type", type)) }
            let name = outcome.kind.rawValue
            if outcome.body.isEmpty {
                xml += "      <\(name)" + attributes(outcomeAttributes) + "/>\n"
            } else {
                xml += "      <\(name)" + attributes(outcomeAttributes) + ">"
                    + XMLEscaping.text(outcome.body) + "</\(name)>\n"
            }
        }
        if let systemOut = testCase.systemOut { xml += "      " + element("system-out", text: systemOut) + "\n" }
        xml += "    </testcase>\n"
    }

    private func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLEscaping.attribute($0.1))\"" }.joined()
    }

    private func element(_ name: String, text: String) -> String {
        "<\(name)>" + XMLEscaping.text(text) + "</\(name)>"
    }

    /// Seconds with millisecond precision and a `.` whatever the locale; negative becomes `0.000`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return "0.000" }
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// ISO 8601 in UTC to the second, e.g. `2026-02-01T12:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!  // "UTC" is always a known zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T"
            + "\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))Z"
    }
}
