/// What the scenario loader needs to know about a captured spec: which operations exist.
public protocol OperationLookup: Sendable {
    /// Whether an operation serves `method` on the concrete `path` (below the version's base URL).
    func hasOperation(method: String, path: String) -> Bool
    /// Whether an operation has this `operationId`.
    func hasOperation(id: String) -> Bool
}
