import ContractKit

/// Standard output of a command as the reporters' ``ReportOutput``.
struct CommandReportOutput: ReportOutput {
    let output: CommandOutput

    func write(_ text: String) {
        output.standardOutput(text)
    }

    var isTerminal: Bool { output.isTerminal }
}
