/// A paired-scenario file that cannot be used: unreadable, malformed, or naming a scenario, step or
/// operation that does not exist. Says the file, the JSON pointer and what to change.
public struct PairedScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var pointer: String
    public var problem: String
    public var hint: String

    public init(file: String, pointer: String = "", problem: String, hint: String) {
        self.file = file
        self.pointer = pointer
        self.problem = problem
        self.hint = hint
    }

    public var description: String {
        "\(file)#\(pointer): \(problem); \(hint)"
    }
}
