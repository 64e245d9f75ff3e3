/// A report that could not be written or read. The CLI prints it and exits with 2.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reports directory cannot be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// A report file cannot be written.
    case cannotWrite(path: String, reason: String)
    /// A `results.json` to merge cannot be read or is not valid JSON.
    case unreadable(path: String, reason: String)
    /// A `results.json` to merge does not have the documented shape; `pointer` is where.
    case invalidResults(path: String, pointer: String, problem: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            "\(path): cannot create the reports directory (\(reason)); choose another with --reports DIR"
        case .cannotWrite(let path, let reason):
            "\(path): cannot write the report (\(reason)); check free space and permissions, or use --reports DIR"
        case .unreadable(let path, let reason):
            "\(path): cannot read results (\(reason)); pass results.json files written by this tool"
        case .invalidResults(let path, let pointer, let problem):
            "\(path): \(pointer.isEmpty ? "(root)" : pointer): \(problem); "
                + "the file must follow specs/results.schema.json (format version \(JSONReportWriter.formatVersion))"
        }
    }
}
