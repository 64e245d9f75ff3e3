/// Steps of a v2 scenario and a v3 scenario that perform the same logical operation, from a file in
/// `specs/scenarios/paired/` (format in `specs/mapping/README.md`).
///
/// The steps themselves are ordinary scenarios of `specs/scenarios/v2` and `v3`, so the default run
/// already sends them; ``PairedDiff`` only reads their results.
public struct PairedScenario: Sendable, Hashable {
    /// Where a created resource's id comes from and where lists keep their items, per version.
    public struct Resource: Sendable, Hashable {
        /// The step whose response holds the created resource.
        public var step: String
        /// The id inside that response (`/webhook_subscription/id`).
        public var id: JSONPointer
        /// The array of items in a list response (`/webhook_subscriptions`).
        public var list: JSONPointer
    }

    /// One side of a pair: a step, and whether to compare the created resource's item of its list
    /// response (`find`) rather than the whole body.
    public struct Side: Sendable, Hashable {
        public var step: String
        public var find: Bool
    }

    /// Two steps that should behave alike once translated through the mapping.
    public struct Pair: Sendable, Hashable {
        /// Unique in the file; names the pair in reports and in `specs/known-differences.json` (`step`).
        public var name: String
        /// The mapped v2 operation whose parity the pair counts towards.
        public var operation: String
        public var v2: Side
        public var v3: Side
    }

    /// Two `expectDeliveries` steps whose deliveries of one event should agree once the v2 payload is
    /// translated through the mapping's entry for the event.
    public struct EventPair: Sendable, Hashable {
        /// Unique among the file's pairs and event pairs; names it in reports and known differences (`step`).
        public var name: String
        /// The mapped v2 event type; the v3 delivery compared is its mapped event (and `where` condition).
        public var event: String
        public var v2Step: String
        public var v3Step: String
    }

    /// Names the file's pairs in reports and in `specs/known-differences.json` (`scenario`).
    public var name: String
    public var description: String
    /// `paired/<file>.json`.
    public var file: String
    /// The scenario names, per version.
    public var v2Scenario: String
    public var v3Scenario: String
    /// Needed only by pairs that `find` the created resource in a list.
    public var v2Resource: Resource?
    public var v3Resource: Resource?
    public var pairs: [Pair]
    public var events: [EventPair]

    /// Every scenario the pairs read: `(version, name)`.
    public var scenarioNames: [(version: APIVersion, name: String)] {
        [(.v2, v2Scenario), (.v3, v3Scenario)]
    }
}
