extension WebhookReceiver {
    /// How the receiver answers one delivery.
    public enum Answer: Sendable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
        /// Answer with this status and an empty body.
        case status(Int)
        /// Close the connection without answering, as a crashed or unreachable endpoint would.
        case drop
        /// Wait, then give the wrapped answer; long enough, it provokes the sender's timeout.
        indirect case delayed(Duration, Answer)

        public init(integerLiteral status: Int) {
            self = .status(status)
        }

        /// The status sent, `nil` when the connection is dropped.
        public var status: Int? {
            switch self {
            case .status(let status): status
            case .drop: nil
            case .delayed(_, let answer): answer.status
            }
        }

        public var description: String {
            switch self {
            case .status(let status): String(status)
            case .drop: "drop"
            case .delayed(let delay, let answer): "\(answer) after \(delay)"
            }
        }
    }

    /// The answers to successive deliveries on one path: the n-th delivery gets the n-th answer,
    /// and the last answer repeats. `[503, 503, 200]` provokes two retries; `[400]` provokes none.
    ///
    /// The count is per path, not per event: give every subscription its own path.
    public struct Script: Sendable, Hashable, ExpressibleByArrayLiteral, CustomStringConvertible {
        public var answers: [Answer]

        /// A script of `answers`; an empty list answers 200.
        public init(_ answers: [Answer]) {
            self.answers = answers.isEmpty ? [.status(200)] : answers
        }

        public init(arrayLiteral answers: Answer...) {
            self.init(answers)
        }

        /// Always 200.
        public static let acknowledge: Script = [200]

        /// The answer to the delivery numbered `index` (0 for the first) on the script's path.
        public func answer(at index: Int) -> Answer {
            answers[min(index, answers.count - 1)]
        }

        public var description: String {
            answers.map(\.description).joined(separator: ", ")
        }
    }
}
