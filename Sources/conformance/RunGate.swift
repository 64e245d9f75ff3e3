import ContractKit
import Foundation

/// The gate a run is judged by: `--fail-on`, `--strict` and the reviewed allow-list
/// `SPECS/known-differences.json` (when present).
enum RunGate {
    static let options = [
        OptionSpec(
            name: "fail-on",
            valueName: "warning|error",
            help: "Lowest severity that fails the run (default error)."
        ),
        OptionSpec(name: "strict", valueName: nil, help: "Treat every warning as an error."),
    ]

    static func make(
        _ arguments: CommandLineArguments,
        specsDirectory: String,
        today: Date = Date()
    ) throws(GateError) -> Gate {
        let failOn = try arguments.value("fail-on").map(SeverityPolicy.failOnThreshold(parsing:)) ?? .error
        let policy = SeverityPolicy(isStrict: arguments.has("strict"), failOn: failOn)
        let file = specsDirectory + "/known-differences.json"
        var knownDifferences = KnownDifferences()
        if let data = FileManager.default.contents(atPath: file) {
            let document: JSONValue
            do {
                document = try JSONParser.parse(Array(data))
            } catch {
                throw .malformed(file: file, reason: error.description)
            }
            knownDifferences = try KnownDifferences(document: document, file: file)
        }
        return Gate(policy: policy, knownDifferences: knownDifferences, today: CalendarDate(utc: today))
    }
}
