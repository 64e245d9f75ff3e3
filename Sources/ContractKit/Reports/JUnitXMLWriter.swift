import Foundation

/// Renders a ``JUnitReport`` as XML 1.0 that validates against the Surefire/Jenkins schema
/// (`junit-10.xsd`): required attributes present, times as plain seconds (`12.345`), and no
/// attribute the schema does not declare (it has none for `skipped` on `testsuites`).
///
/// Every attribute value and text passes through the redactor before it is escaped.
public struct JUnitXMLWriter: Sendable {
    public var redactor: Redactor

    public init(redactor: Redactor = Redactor()) {
        self.redactor = redactor
    }

    /// The document as text, UTF-8 declared.
    public func render(_ report: JUnitReport) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml +=
            "<testsuites"
            + attributes([
                ("name", report.name), ("tests", String(report.tests)), ("failures", String(report.failures)),
                ("errors", String(report.errors)), ("time", ReportTime.seconds(report.time)),
            ]) + ">\n"
        for suite in report.suites { render(suite, into: &xml) }
        xml += "</testsuites>\n"
        return xml
    }

    private func render(_ suite: JUnitReport.Suite, into xml: inout String) {
        var suiteAttributes = [
            ("name", suite.name), ("tests", String(suite.tests)), ("failures", String(suite.failures)),
            ("errors", String(suite.errors)), ("skipped", String(suite.skipped)),
            ("time", ReportTime.seconds(suite.time)),
        ]
        if let timestamp = suite.timestamp { suiteAttributes.append(("timestamp", ReportTime.timestamp(timestamp))) }
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
        let open =
            "    <testcase"
            + attributes([
                ("name", testCase.name), ("classname", testCase.classname), ("time", ReportTime.seconds(testCase.time)),
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
                xml +=
                    "      <\(name)" + attributes(outcomeAttributes) + ">"
                    + XMLEscaping.text(redactor.redact(outcome.body)) + "</\(name)>\n"
            }
        }
        if let systemOut = testCase.systemOut { xml += "      " + element("system-out", text: systemOut) + "\n" }
        xml += "    </testcase>\n"
    }

    private func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLEscaping.attribute(redactor.redact($0.1)))\"" }.joined()
    }

    private func element(_ name: String, text: String) -> String {
        "<\(name)>" + XMLEscaping.text(redactor.redact(text)) + "</\(name)>"
    }
}
