import ContractKit
import Foundation
import LinqSandbox

/// `conformance sandbox`: serves the embedded sandbox until Ctrl-C, or lists its faults.
struct SandboxCommand: ConformanceCommand {
    let name = "sandbox"
    let summary = "Serve the embedded Linq sandbox until Ctrl-C, or list the faults it can act out."
    let synopsis = "[--port N] [--host ADDR] [--fault NAME]... [--time-scale X] | --list-faults"
    let options =
        [
            OptionSpec(name: "port", valueName: "N", help: "Port to listen on (default 8080; 0 picks a free one)."),
            OptionSpec(name: "host", valueName: "ADDR", help: "Address to bind (default 127.0.0.1)."),
            OptionSpec(
                name: "fault",
                valueName: "NAME",
                help: "Act out fault NAME on every request.",
                isRepeatable: true
            ),
            OptionSpec(name: "time-scale", valueName: "X", help: "Multiply webhook retry delays by X (default 1)."),
            OptionSpec(name: "list-faults", valueName: nil, help: "Print each fault and what it breaks, then exit."),
        ] + SpecSelection.options

    func run(_ arguments: CommandLineArguments, context: CommandContext) async throws(UsageError) -> Int32 {
        if let extra = arguments.positionals.first {
            throw UsageError(message: "unexpected argument '\(extra)'", command: name)
        }
        if arguments.has("list-faults") {
            let width = (SandboxFault.allCases.map(\.name.count).max() ?? 0) + 2
            for fault in SandboxFault.allCases {
                context.output.print(
                    fault.name.padding(toLength: width, withPad: " ", startingAt: 0)
                        + "\(fault.summary) [\(fault.rule)]"
                )
            }
            return 0
        }
        let sandbox = LinqSandbox(configuration: try configuration(arguments, context: context))
        let url: URL
        do {
            url = try sandbox.start()
        } catch {
            context.output.printError("error: \(error)")
            return 2
        }
        let stopped = AsyncStream<Int32>.makeStream()
        let signals = SignalHandler(terminate: { _ in }, cleanUp: { stopped.continuation.yield($0) })
        context.output.print(
            "sandbox listening on \(url.absoluteString) (v3 at /v3, v2 at /api/partner/v2); "
                + "v3 key '\(sandbox.configuration.v3APIKey)', v2 token '\(sandbox.configuration.v2IntegrationToken)'; "
                + "Ctrl-C stops it"
        )
        for await _ in stopped.stream { break }
        signals.cancel()
        sandbox.stop()
        context.output.print("sandbox stopped")
        return 0
    }

    private func configuration(
        _ arguments: CommandLineArguments,
        context: CommandContext
    ) throws(UsageError) -> SandboxConfiguration {
        var configuration = SandboxConfiguration(
            specsDirectory: URL(fileURLWithPath: context.resolvePath(SpecSelection(arguments).directory)),
            port: 8080
        )
        if let text = arguments.value("port") {
            guard let port = UInt16(text) else {
                throw UsageError(message: "--port must be 0-65535, not '\(text)'", command: name)
            }
            configuration.port = port
        }
        if let host = arguments.value("host") { configuration.host = host }
        if let text = arguments.value("time-scale") {
            guard let scale = Double(text), scale > 0, scale.isFinite else {
                throw UsageError(
                    message: "--time-scale must be a positive number, like 0.001, not '\(text)'",
                    command: name
                )
            }
            configuration.timeScale = scale
        }
        do {
            configuration.faults = try SandboxFault.parseList(arguments.values("fault").joined(separator: ","))
        } catch {
            throw UsageError(message: "--fault: \(error)", command: name)
        }
        return configuration
    }
}
