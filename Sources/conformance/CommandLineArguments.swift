/// One option a command accepts, for parsing and for `--help`.
struct OptionSpec: Sendable {
    /// Long name without dashes, e.g. `spec`.
    let name: String
    /// The placeholder shown in help (`DIR`), or `nil` for a flag without a value.
    let valueName: String?
    let help: String
    var isRepeatable = false
}

/// A command line split into options and positional arguments, before any command-specific validation.
struct CommandLineArguments: Sendable, Equatable {
    /// Option name → every value given, in order (flags without a value record `""`).
    private(set) var options: [String: [String]] = [:]
    private(set) var positionals: [String] = []
    private(set) var wantsHelp = false

    /// Splits `arguments` according to `specs`: `--name value`, `--name=value`, bare flags,
    /// `--help`/`-h`, and `--` ending the options.
    /// - Throws: ``UsageError`` naming an unknown flag, a missing value or a repeated single-use option.
    init(parsing arguments: [String], specs: [OptionSpec], command: String) throws(UsageError) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--" {
                positionals += remaining
                break
            }
            if argument == "--help" || argument == "-h" {
                wantsHelp = true
                continue
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                positionals.append(argument)
                continue
            }
            let body = argument.drop { $0 == "-" }
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            guard argument.hasPrefix("--"), let spec = specs.first(where: { $0.name == name }) else {
                throw UsageError(message: "unknown option '\(argument)' for '\(command)'", command: command)
            }
            let value: String
            if spec.valueName == nil {
                guard inlineValue == nil else {
                    throw UsageError(message: "option '--\(name)' takes no value", command: command)
                }
                value = ""
            } else if let inlineValue {
                value = inlineValue
            } else if let next = remaining.first, !next.hasPrefix("--") {
                value = next
                remaining = remaining.dropFirst()
            } else {
                throw UsageError(
                    message: "option '--\(name)' needs a value (\(spec.valueName ?? "VALUE"))",
                    command: command
                )
            }
            if options[name] != nil, !spec.isRepeatable {
                throw UsageError(message: "option '--\(name)' given more than once", command: command)
            }
            options[name, default: []].append(value)
        }
    }

    /// The single value of `name`, if given.
    func value(_ name: String) -> String? {
        options[name]?.last
    }

    /// Every value of a repeatable option.
    func values(_ name: String) -> [String] {
        options[name] ?? []
    }

    func has(_ name: String) -> Bool {
        options[name] != nil
    }
}
