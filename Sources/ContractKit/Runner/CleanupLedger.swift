import Synchronization

/// Every resource a run has created and not yet deleted, recorded the moment it was created.
///
/// One ledger serves the whole run: each scenario drains its own entries when it ends, and a
/// signal handler drains everyone's before the process exits, so nothing the run created
/// outlives it unless the process is killed outright (then `conformance cleanup --run-id` sweeps).
public final class CleanupLedger: Sendable {
    /// A created resource: which scenario made it and the path that deletes it.
    public struct Entry: Sendable, Hashable {
        public var version: APIVersion
        public var scenario: String
        /// Resolved path below the version's base URL (`/v3/webhook-subscriptions/4f1c…`).
        public var deletePath: String

        public init(version: APIVersion, scenario: String, deletePath: String) {
            self.version = version
            self.scenario = scenario
            self.deletePath = deletePath
        }
    }

    private let entries = Mutex<[Entry]>([])

    public init() {}

    /// Every entry still open, oldest first.
    public var open: [Entry] { entries.withLock { $0 } }

    public func record(_ entry: Entry) {
        entries.withLock { $0.append(entry) }
    }

    /// Takes an entry off the ledger because the scenario deleted the resource itself.
    public func resolve(version: APIVersion, deletePath: String) {
        entries.withLock { entries in
            if let index = entries.lastIndex(where: { $0.version == version && $0.deletePath == deletePath }) {
                entries.remove(at: index)
            }
        }
    }

    /// Removes and returns one scenario's open entries, newest first (delete children before parents).
    public func drain(version: APIVersion, scenario: String) -> [Entry] {
        entries.withLock { entries in
            let mine = entries.filter { $0.version == version && $0.scenario == scenario }
            entries.removeAll { $0.version == version && $0.scenario == scenario }
            return mine.reversed()
        }
    }

    /// Removes and returns every open entry, newest first; used when the run is interrupted.
    public func drainAll() -> [Entry] {
        entries.withLock { entries in
            defer { entries.removeAll() }
            return entries.reversed()
        }
    }
}
