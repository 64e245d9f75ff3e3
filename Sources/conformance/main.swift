#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let usage = """
    USAGE: conformance <command> [options]

    The Linq v2/v3 contract-testing and conformance suite.
    """

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--help" || arguments.first == "-h" {
    print(usage)
    exit(0)
}
print("error: unknown command '\(arguments.first ?? "")'\n\(usage)")
exit(2)
