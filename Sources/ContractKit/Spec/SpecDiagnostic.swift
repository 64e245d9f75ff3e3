/// A problem ``SpecLinter`` found in a document: data, not an error, so all of them can be listed at once.
public struct SpecDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public let severity: Severity
    /// Where in the document the problem is.
    public let pointer: JSONPointer
    public let message: String

    public init(severity: Severity, pointer: JSONPointer, message: String) {
        self.severity = severity
        self.pointer = pointer
        self.message = message
    }

    /// `pointer: severity: message`, with `(root)` for the empty pointer.
    public var description: String {
        "\(pointer.description.isEmpty ? "(root)" : pointer.description): \(severity.rawValue): \(message)"
    }
}
