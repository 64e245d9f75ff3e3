/// Refuses every request that could change state when the run is read-only (`--read-only`).
public struct ReadOnlyGuard: Sendable, Hashable {
    public var isReadOnly: Bool

    public init(isReadOnly: Bool) {
        self.isReadOnly = isReadOnly
    }

    /// Throws for anything but `GET` (and `HEAD`, which cannot change state either) in read-only mode.
    public func check(method: String, path: String) throws(HarnessError) {
        guard isReadOnly, !["GET", "HEAD"].contains(method.uppercased()) else { return }
        throw HarnessError(
            .readOnlyViolation,
            "read-only mode refuses \(method) \(path); the request was not sent",
            at: .init(field: "--read-only"),
            hint: "tag only GET-only scenarios read-only, or run without --read-only against a test account"
        )
    }
}
