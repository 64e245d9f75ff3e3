extension SchemaValidator.Evaluator {
    mutating func evaluateAnyOf(_ node: Node, _ instance: JSONValue) {
        var failures: [[SchemaViolation]] = []
        for branch in node.anyOf {
            let violations = attempt(branch, instance)
            if violations.isEmpty { return }
            failures.append(violations)
        }
        reportNoMatch(node, keyword: "anyOf", failures: failures, instance)
    }

    mutating func evaluateOneOf(_ node: Node, _ instance: JSONValue) {
        var failures: [[SchemaViolation]] = []
        var matching: [Int] = []
        for (position, branch) in node.oneOf.enumerated() {
            let violations = attempt(branch, instance)
            if violations.isEmpty { matching.append(position) }
            failures.append(violations)
        }
        switch matching.count {
        case 0:
            reportNoMatch(node, keyword: "oneOf", failures: failures, instance)
        case 1:
            break
        default:
            let list = matching.map { "#\($0)" }.joined(separator: ", ")
            report(node, keyword: "oneOf", expected: "exactly one of \(node.oneOf.count) alternatives",
                   actual: "\(matching.count) matched",
                   message: "matches \(matching.count) of \(node.oneOf.count) alternatives (\(list)); "
                       + "exactly one must match")
        }
    }

    /// One violation for a failed `anyOf`/`oneOf`. When the discriminator names a branch, that
    /// branch's own violations are the clearest explanation and are reported instead.
    private mutating func reportNoMatch(
        _ node: Node, keyword: String, failures: [[SchemaViolation]], _ instance: JSONValue
    ) {
        if let discriminator = node.discriminator,
            let value = instance[discriminator.propertyName]?.stringValue,
            let position = discriminator.branchByValue[value], failures.indices.contains(position)
        {
            append(failures[position])
            return
        }
        let closest = failures.indices.min { closeness(failures[$0]) < closeness(failures[$1]) } ?? 0
        var detail = ""
        if let first = failures[closest].first {
            let location = first.instancePointer.tokens.isEmpty ? "(root)" : first.instancePointer.description
            let more = failures[closest].count > 1 ? " (+\(failures[closest].count - 1) more)" : ""
            detail = "; closest is #\(closest): \(location): \(first.message)\(more)"
        }
        report(node, keyword: keyword, expected: "\(keyword == "oneOf" ? "exactly one" : "any") of "
                   + "\(failures.count) alternatives", actual: "none matched",
               message: "\(instance.abbreviated) matches none of \(failures.count) alternatives\(detail)")
    }

    /// Fewer violations is closer; a branch whose type already fails at this location is farthest.
    private func closeness(_ violations: [SchemaViolation]) -> (Int, Int) {
        let depth = self.depth
        let typeMismatch = violations.contains { $0.keyword == "type" && $0.instancePointer.tokens.count == depth }
        return (typeMismatch ? 1 : 0, violations.count)
    }
}
