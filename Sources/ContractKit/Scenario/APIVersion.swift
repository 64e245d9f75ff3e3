/// The Linq API generation a scenario, spec or finding belongs to.
public enum APIVersion: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case v2
    case v3

    public var description: String { rawValue }

    public static func < (lhs: APIVersion, rhs: APIVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}
