import ContractKit
import LinqSandbox

/// Why a run could not start: a spec, the error-code table, a scenario file, the mapping, a paired
/// scenario, the configuration, the sandbox or the webhook receiver. Printed in one or two lines
/// naming the file or flag; exit status 2.
enum RunSetupError: Error, Sendable, CustomStringConvertible {
    case spec(SpecError)
    case errorCodes(ErrorCodeTableError)
    case harness(HarnessError)
    case sandbox(SandboxError)
    case mapping(MappingLoadError)
    case paired(PairedScenarioError)
    case receiver(WebhookReceiverError)

    var description: String {
        switch self {
        case .spec(let error): "\(error)"
        case .errorCodes(let error): "\(error)"
        case .harness(let error): "\(error)"
        case .sandbox(let error): "\(error)"
        case .mapping(let error): "\(error)"
        case .paired(let error): "\(error)"
        case .receiver(let error): "\(error)"
        }
    }
}
