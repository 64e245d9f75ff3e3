import Foundation

/// The v3 error codes of `specs/errors.json`: for each `error.code`, the HTTP status it comes with.
///
/// Loading checks each entry's shape (as `specs/errors.schema.json` describes it) and throws an
/// ``ErrorCodeTableError`` naming the pointer of the first bad member.
public struct ErrorCodeTable: Sendable, Hashable {
    /// One documented code.
    public struct Entry: Sendable, Hashable {
        public var code: Int
        /// The snake_case name, when the source gives one (`chat_not_found`).
        public var name: String?
        /// The HTTP status the code is returned with; `nil` for codes that only appear inside webhooks.
        public var status: Int?
        /// A status another source gives for the same code; responses with either are accepted.
        public var alternativeStatus: Int?
        public var meaning: String
        public var retryable: Bool?

        public init(
            code: Int,
            name: String? = nil,
            status: Int?,
            alternativeStatus: Int? = nil,
            meaning: String,
            retryable: Bool? = nil
        ) {
            self.code = code
            self.name = name
            self.status = status
            self.alternativeStatus = alternativeStatus
            self.meaning = meaning
            self.retryable = retryable
        }

        /// The HTTP statuses a response carrying this code may have.
        public var statuses: [Int] { [status, alternativeStatus].compactMap { $0 } }
    }

    /// Every entry, in file order.
    public let entries: [Entry]
    private let byCode: [Int: Entry]

    public init(entries: [Entry]) {
        self.entries = entries
        byCode = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(code: Int) -> Entry? { byCode[code] }

    /// Reads and checks the table at `path`.
    public static func load(from path: String) throws(ErrorCodeTableError) -> ErrorCodeTable {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let json: JSONValue
        do {
            json = try JSONParser.parse(Array(data))
        } catch {
            throw .invalidJSON(path: path, error)
        }
        return try ErrorCodeTable(json: json, source: path)
    }

    /// Checks and decodes an already parsed table; `source` names it in errors.
    public init(json: JSONValue, source: String) throws(ErrorCodeTableError) {
        func invalid(_ pointer: String, _ reason: String) -> ErrorCodeTableError {
            .invalidEntry(path: source, pointer: pointer, reason: reason)
        }
        guard let codes = json["codes"]?.arrayValue, !codes.isEmpty else {
            throw invalid("/codes", "expected a non-empty array of code entries")
        }
        var entries: [Entry] = []
        var seen: Set<Int> = []
        for (index, item) in codes.enumerated() {
            let at = "/codes/\(index)"
            guard item.objectValue != nil else { throw invalid(at, "expected an object, found \(item.typeName)") }
            guard let code = item["code"]?.integerValue, (1000...5999).contains(code) else {
                throw invalid("\(at)/code", "expected an integer code 1000-5999")
            }
            guard let meaning = item["meaning"]?.stringValue, !meaning.isEmpty else {
                throw invalid("\(at)/meaning", "expected a non-empty string")
            }
            let status: Int?
            switch item["status"] {
            case .null?: status = nil
            case let value?:
                guard let number = value.integerValue, (100...599).contains(number) else {
                    throw invalid("\(at)/status", "expected an HTTP status 100-599 or null")
                }
                status = number
            case nil: throw invalid("\(at)/status", "missing; give the HTTP status or null")
            }
            var alternative: Int?
            if let value = item["alternativeStatus"] {
                guard let number = value.integerValue, (100...599).contains(number) else {
                    throw invalid("\(at)/alternativeStatus", "expected an HTTP status 100-599")
                }
                alternative = number
            }
            var retryable: Bool?
            switch item["retryable"] {
            case .bool(let flag)?: retryable = flag
            case .null?: retryable = nil
            default: throw invalid("\(at)/retryable", "expected true, false or null")
            }
            if let name = item["name"], name.stringValue == nil {
                throw invalid("\(at)/name", "expected a string")
            }
            guard seen.insert(code).inserted else { throw .duplicateCode(path: source, code: code, pointer: at) }
            entries.append(
                Entry(
                    code: code,
                    name: item["name"]?.stringValue,
                    status: status,
                    alternativeStatus: alternative,
                    meaning: meaning,
                    retryable: retryable
                )
            )
        }
        self.init(entries: entries)
    }
}
