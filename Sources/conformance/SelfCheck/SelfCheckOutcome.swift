import ContractKit
import LinqSandbox

/// What the whole suite reported against one sandbox profile of a self-check: one fault, or none
/// (the clean sandbox, which must yield no finding at all).
struct SelfCheckOutcome: Sendable, Hashable {
    /// `nil` for the clean sandbox.
    var fault: SandboxFault?
    var findings: [Finding]
    /// Scenarios the harness could not finish, as `v3 scenario: error`.
    var harnessErrors: [String]
    /// Why the run never started (the sandbox could not bind, …); nothing was checked then.
    var setupError: String?
    var duration: Duration

    /// The fault's name, or `clean` for the clean sandbox.
    var name: String { fault?.name ?? "clean" }

    /// The first finding that names the rule the fault is documented to break. A finding of any
    /// other rule does not count: it may come from a side effect, not from the check for this fault.
    var detection: Finding? {
        guard let fault else { return nil }
        return findings.first { $0.rule == fault.rule }
    }

    /// A fault profile passes when detected; the clean one when nothing at all was reported.
    var isPassed: Bool {
        if fault != nil { return detection != nil }
        return findings.isEmpty && harnessErrors.isEmpty && setupError == nil
    }

    /// `rule · v3 scenario › step` of ``detection``, or what went wrong instead.
    var verdictText: String {
        if let setupError { return "run not started: \(setupError)" }
        guard fault != nil else {
            return isPassed ? "no finding" : "\(findings.count) false positives, \(harnessErrors.count) harness errors"
        }
        guard let detection else { return "NOT DETECTED" }
        let location = detection.location.map { "\($0.version) \($0.scenario) › \($0.step)" } ?? "?"
        return "\(detection.rule) · \(location)"
    }

    /// The distinct rules of ``findings``, sorted, for saying what the suite saw instead.
    var rulesSeen: [String] {
        Set(findings.map(\.rule.description)).sorted()
    }
}
