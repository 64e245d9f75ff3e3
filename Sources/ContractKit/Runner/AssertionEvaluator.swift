/// Checks a step's assertions against its response; each failure is a `scenario.assertion` finding.
struct AssertionEvaluator {
    let scope: VariableScope

    func evaluate(_ assertions: [Assertion], on exchange: Exchange) -> [Finding] {
        assertions.compactMap { evaluate($0, on: exchange) }
    }

    private func evaluate(_ assertion: Assertion, on exchange: Exchange) -> Finding? {
        let actual: JSONValue?
        var pointer = ""
        switch assertion.target {
        case .body(let bodyPointer):
            pointer = bodyPointer.description
            guard let json = exchange.json else {
                return finding(assertion, pointer: pointer, expected: expectation(assertion), actual: "no JSON body")
            }
            actual = json.value(at: bodyPointer)
        case .header(let name):
            actual = exchange.response.headers[name].map(JSONValue.string)
        }
        let shown = actual.map { $0.jsonString() } ?? "absent"
        switch assertion.condition {
        case .present:
            return actual == nil ? finding(assertion, pointer: pointer, expected: "present", actual: "absent") : nil
        case .absent:
            return actual == nil ? nil : finding(assertion, pointer: pointer, expected: "absent", actual: shown)
        case .matches(let pattern):
            guard let text = actual?.stringValue, let regex = try? Regex(pattern), text.contains(regex) else {
                return finding(assertion, pointer: pointer, expected: "a string matching /\(pattern)/", actual: shown)
            }
            return nil
        case .equals(let expected):
            return compare(assertion, actual: actual, shown: shown, pointer: pointer, candidates: [expected])
        case .oneOf(let candidates):
            return compare(assertion, actual: actual, shown: shown, pointer: pointer, candidates: candidates)
        }
    }

    private func compare(
        _ assertion: Assertion,
        actual: JSONValue?,
        shown: String,
        pointer: String,
        candidates: [JSONValue]
    ) -> Finding? {
        let rendered = candidates.map { (try? scope.render($0)) ?? $0 }
        if let actual, rendered.contains(where: { Self.equal(actual, $0) }) { return nil }
        let expected = rendered.map { $0.jsonString() }.joined(separator: " or ")
        return finding(assertion, pointer: pointer, expected: expected, actual: shown)
    }

    private func expectation(_ assertion: Assertion) -> String {
        switch assertion.condition {
        case .present: "present"
        case .absent: "absent"
        case .matches(let pattern): "a string matching /\(pattern)/"
        case .equals(let value): value.jsonString()
        case .oneOf(let values): values.map { $0.jsonString() }.joined(separator: " or ")
        }
    }

    private func finding(_ assertion: Assertion, pointer: String, expected: String, actual: String) -> Finding {
        Finding(
            rule: .assertion,
            message: "\(assertion.target): expected \(expected), got \(actual)",
            pointer: pointer,
            expected: expected,
            actual: actual
        )
    }

    /// Structural equality, except that numbers compare mathematically (`1` equals `1.0`).
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x.isNumericallyEqual(to: y)
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            x.count == y.count
                && x.members.allSatisfy { member in y[member.key].map { equal(member.value, $0) } ?? false }
        default: a == b
        }
    }
}
