/// Which scenarios a run includes (`--only`, `--tag`, `--scenario`, `--shard`) and which it
/// includes but skips (`--read-only`, sandbox-only or — without `--tag slow` — slow scenarios against a
/// real deployment, webhooks without a receiver).
public struct ScenarioSelection: Sendable, Hashable {
    /// A stable 1/`count` share of the scenarios (`--shard K/N`, `index` is K, 1-based).
    public struct Shard: Sendable, Hashable, CustomStringConvertible {
        public var index: Int
        public var count: Int

        public init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }

        /// FNV-1a of `version/name`: the same on every machine and run, unlike Swift's seeded `Hasher`.
        public func contains(_ scenario: Scenario) -> Bool {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in "\(scenario.version.rawValue)/\(scenario.name)".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return Int(hash % UInt64(count)) == index - 1
        }

        public var description: String { "\(index)/\(count)" }
    }

    /// `nil`: both versions.
    public var versions: Set<APIVersion>?
    /// A scenario must carry every one of these tags.
    public var tags: [String]
    /// `[]`: every name.
    public var names: [String]
    public var shard: Shard?
    public var isReadOnly: Bool
    public var isSandboxTarget: Bool
    public var hasReceiver: Bool

    public init(
        versions: Set<APIVersion>? = nil,
        tags: [String] = [],
        names: [String] = [],
        shard: Shard? = nil,
        isReadOnly: Bool = false,
        isSandboxTarget: Bool = true,
        hasReceiver: Bool = false
    ) {
        self.versions = versions
        self.tags = tags
        self.names = names
        self.shard = shard
        self.isReadOnly = isReadOnly
        self.isSandboxTarget = isSandboxTarget
        self.hasReceiver = hasReceiver
    }

    /// Whether the run includes the scenario at all (in the report, run or skipped).
    public func includes(_ scenario: Scenario) -> Bool {
        (versions?.contains(scenario.version) ?? true) && tags.allSatisfy(scenario.hasTag)
            && (names.isEmpty || names.contains(scenario.name)) && (shard?.contains(scenario) ?? true)
    }

    /// Why an included scenario is not run, or `nil` to run it.
    public func skipReason(for scenario: Scenario) -> String? {
        if isReadOnly, !scenario.hasTag(Scenario.Tag.readOnly) {
            return "read-only mode runs only scenarios tagged \(Scenario.Tag.readOnly)"
        }
        if !isSandboxTarget, scenario.hasTag(Scenario.Tag.sandboxOnly) {
            return "relies on sandbox-only behaviour; the target is a real deployment"
        }
        if !isSandboxTarget, scenario.hasTag(Scenario.Tag.slow), !tags.contains(Scenario.Tag.slow) {
            return "slow against a real API (waits out delivery retries); run it with --tag slow"
        }
        if !hasReceiver, scenario.hasTag(Scenario.Tag.webhooks) {
            return "needs the webhook receiver, which this run does not start"
        }
        return nil
    }
}
