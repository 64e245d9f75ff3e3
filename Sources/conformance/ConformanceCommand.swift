import Foundation

/// A subcommand of `conformance`. Add one by conforming to this protocol and listing it in ``CommandRegistry``.
protocol ConformanceCommand: Sendable {
    /// The word after `conformance`, e.g. `lint-specs`.
    var name: String { get }
    /// One line for the command list.
    var summary: String { get }
    /// The synopsis after the command name, e.g. `[--specs DIR]`.
    var synopsis: String { get }
    var options: [OptionSpec] { get }
    /// Runs with already-split arguments and returns the exit status (0 pass, 1 failures, 2 usage or input error).
    /// - Throws: ``UsageError`` when the arguments do not make sense together.
    func run(_ arguments: CommandLineArguments, context: CommandContext) async throws(UsageError) -> Int32
}

extension ConformanceCommand {
    /// The text `conformance NAME --help` prints.
    var help: String {
        var lines = ["USAGE: conformance \(name) \(synopsis)", "", summary]
        if !options.isEmpty {
            lines += ["", "OPTIONS:"]
            for option in options {
                let label = "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
                lines.append(
                    "  " + label.padding(toLength: max(label.count, 24), withPad: " ", startingAt: 0)
                        + " " + option.help + (option.isRepeatable ? " (repeatable)" : "")
                )
            }
        }
        lines.append("  " + "-h, --help".padding(toLength: 24, withPad: " ", startingAt: 0) + " Show this help.")
        return lines.joined(separator: "\n")
    }
}
