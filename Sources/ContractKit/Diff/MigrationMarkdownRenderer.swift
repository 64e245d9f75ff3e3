/// Renders `reports/migration.md`: a summary, one table row per v2 operation and event (v3 counterpart,
/// breaking and undeclared change counts, live parity), the live pairs, then the changes of each entry.
public struct MigrationMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: MigrationReport) -> String {
        var lines = ["# v2 → v3 migration report", ""]
        lines.append("Specs: v2 `\(report.v2Source)`, v3 `\(report.v3Source)`; mapping `\(report.mappingSource)`.")
        lines.append("")
        lines += summary(report)
        lines += [
            "", "## Operations", "", "| v2 operation | v3 counterpart | breaking | not in mapping | live parity |",
            "|---|---|---|---|---|",
        ]
        for entry in report.operations {
            let counterpart = entry.v3.map(Self.operation) ?? "none: \(Self.cell(entry.reason ?? ""))"
            lines.append(
                "| \(Self.operation(entry.v2)) | \(counterpart) | \(Self.counts(entry.changes)) | "
                    + "\(Self.parity(entry.parity)) |")
        }
        lines += [
            "", "## Events", "", "| v2 event | v3 counterpart | breaking | not in mapping | live parity |",
            "|---|---|---|---|---|",
        ]
        for entry in report.events {
            var counterpart = entry.v3.map { "`\($0)`" } ?? "none: \(Self.cell(entry.reason ?? ""))"
            if entry.isApproximate { counterpart += " (approximate)" }
            if let condition = entry.condition {
                counterpart += " where `\(condition.pointer) == \(condition.equals.jsonString())`"
            }
            lines.append(
                "| `\(entry.v2)` | \(counterpart) | \(Self.counts(entry.changes)) | \(Self.parity(entry.parity)) |")
        }
        lines += pairs(report)
        lines += ["", "## Only in v3", ""]
        lines.append("Operations: " + report.v3OnlyOperations.map(Self.operation).joined(separator: ", "))
        lines.append("")
        lines.append("Events: " + report.v3OnlyEvents.map { "`\($0)`" }.joined(separator: ", "))
        lines += errors(report) + authentication(report)
        lines += ["", "## Changes", ""]
        for entry in report.operations where !entry.changes.isEmpty {
            lines += ["### \(entry.v2.operationId)", ""] + entry.changes.map(Self.change) + [""]
        }
        for entry in report.events where !entry.changes.isEmpty {
            lines += ["### \(entry.v2)", ""] + entry.changes.map(Self.change) + [""]
        }
        return lines.joined(separator: "\n")
    }

    private func summary(_ report: MigrationReport) -> [String] {
        let parity = report.parity
        let changes = report.allChanges
        let ofMapped = parity.percentageOfMapped.map { Self.percent($0) } ?? "n/a"
        let ofRun = parity.percentageOfRun.map { Self.percent($0) } ?? "n/a"
        let known =
            parity.withKnownDifferences == 0 ? "" : ", \(parity.withKnownDifferences) of them with known differences"
        return [
            "**Live parity: \(ofMapped)** (\(parity.matched) matched of \(parity.mapped) mapped operations and events"
                + "\(known)). Denominator: every mapped operation and event, run or not; `--fail-below` gates on it.",
            "",
            "Of what was run: \(ofRun) (\(parity.matched) matched of \(parity.run) run).",
            "",
            "| v2 | mapped | no v3 counterpart |", "|---|---|---|",
            "| operations | \(report.operations.count { $0.v3 != nil }) | "
                + "\(report.operations.count { $0.v3 == nil }) |",
            "| events | \(report.events.count { $0.v3 != nil }) | \(report.events.count { $0.v3 == nil }) |",
            "",
            "Static changes: \(changes.count(where: \.isBreaking)) breaking "
                + "(\(changes.count { $0.isBreaking && !$0.isDeclared }) not declared by the mapping), "
                + "\(changes.count { !$0.isBreaking }) compatible.",
        ]
    }

    private func pairs(_ report: MigrationReport) -> [String] {
        guard !report.pairs.isEmpty else { return [] }
        var lines = [
            "", "## Live pairs", "",
            "Each pair ran the same logical operation (or received the same event) on v2 and v3; "
                + "v2 was translated through the mapping. "
                + "Known differences are reviewed entries of `specs/known-differences.json`.", "",
            "| paired scenario | pair | v2 operation or event | v2 step | v3 step | result |",
            "|---|---|---|---|---|---|",
        ]
        for pair in report.pairs {
            lines.append(
                "| \(Self.cell(pair.scenario)) | \(Self.cell(pair.name)) | `\(pair.subject)` | "
                    + "\(Self.cell(pair.v2Step)) | \(Self.cell(pair.v3Step)) | \(Self.parity(pair.parity)) |")
        }
        return lines
    }

    private func errors(_ report: MigrationReport) -> [String] {
        var lines = ["", "## Errors", "", "| v2 status | v3 status | v3 codes | why |", "|---|---|---|---|"]
        for status in report.errorStatuses {
            let codes = status.v3Codes.map(String.init).joined(separator: ", ")
            lines.append("| \(status.v2) | \(status.v3) | \(codes) | \(Self.cell(status.reason ?? "")) |")
        }
        for shape in report.errorShapes {
            lines += ["", "v2 `\(shape.v2Schema)` (\(shape.usedBy ?? "")) → v3 envelope:", ""]
            lines += shape.changes.map(Self.change)
        }
        return lines
    }

    private func authentication(_ report: MigrationReport) -> [String] {
        var lines = ["", "## Auth, secret and signatures", ""]
        lines.append(
            "- v2 `\(report.auth.v2.header): \(report.auth.v2.value)` → v3 `\(report.auth.v3.header): "
                + "\(report.auth.v3.value)`\(report.auth.sameToken ? " (same token)" : "")")
        lines.append(
            "- secret: v2 \(report.secret.v2.origin)-chosen `\(report.secret.v2.field.text)` → v3 "
                + "\(report.secret.v3.origin)-generated `\(report.secret.v3.field.text)` "
                + "(returned: \(report.secret.v3.returned.stringValue ?? report.secret.v3.returned.jsonString()))")
        for (version, schemes) in [("v2", report.signatures.v2), ("v3", report.signatures.v3)] {
            for scheme in schemes {
                lines.append(
                    "- \(version) signature `\(scheme.scheme)`: "
                        + "\(scheme.headers.map { "`\($0)`" }.joined(separator: ", ")) "
                        + "= \(Self.cell(scheme.value)) over `\(scheme.signed)`, \(scheme.when)")
            }
        }
        return lines
    }

    static func operation(_ reference: OperationReference) -> String {
        "`\(reference.operationId)` \(reference.method) `\(reference.path)`"
    }

    static func counts(_ changes: [SpecChange]) -> String {
        "\(changes.count(where: \.isBreaking)) | \(changes.count { !$0.isDeclared && $0.isBreaking })"
    }

    static func parity(_ result: ParityResult) -> String {
        switch result {
        case .matched: "matched"
        case .knownDifferences(let details): "matched, known differences: " + cell(details.joined(separator: "; "))
        case .differs(let details): "**differs**: " + cell(details.joined(separator: "; "))
        case .notRun(let reason): "not run (\(cell(reason)))"
        }
    }

    static func change(_ change: SpecChange) -> String {
        let mark = change.isBreaking ? "**breaking**" : "compatible"
        let why = change.declaration.map { ": \($0)" } ?? " (not in mapping)"
        return "- \(mark) \(change.part): \(cell(change.detail))\(why)"
    }

    static func percent(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
    }

    /// Text safe inside a table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
