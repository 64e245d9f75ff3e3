import Foundation

/// A JUnit XML document as data: `testsuites` → `testsuite` → `testcase`.
///
/// Counts and times are computed from the cases, never stored, so they cannot disagree with the
/// elements. A count is the number of elements of that kind, as `junitparser` and other readers
/// recompute it: a step with two failing findings has two `failure` elements and counts two.
public struct JUnitReport: Sendable, Hashable {
    public var name: String
    public var suites: [Suite]

    public init(name: String, suites: [Suite] = []) {
        self.name = name
        self.suites = suites
    }

    public var tests: Int { suites.reduce(0) { $0 + $1.tests } }
    public var failures: Int { suites.reduce(0) { $0 + $1.failures } }
    public var errors: Int { suites.reduce(0) { $0 + $1.errors } }
    public var skipped: Int { suites.reduce(0) { $0 + $1.skipped } }
    public var time: Duration { suites.reduce(.zero) { $0 + $1.time } }

    /// A `property` element: a name and a value.
    public struct Property: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A `testsuite` element.
    public struct Suite: Sendable, Hashable {
        public var name: String
        public var timestamp: Date?
        public var properties: [Property]
        public var cases: [TestCase]
        public var systemOut: String?

        public init(
            name: String,
            timestamp: Date? = nil,
            properties: [Property] = [],
            cases: [TestCase] = [],
            systemOut: String? = nil
        ) {
            self.name = name
            self.timestamp = timestamp
            self.properties = properties
            self.cases = cases
            self.systemOut = systemOut
        }

        public var tests: Int { cases.count }
        public var failures: Int { count(.failure) }
        public var errors: Int { count(.error) }
        public var skipped: Int { count(.skipped) }
        public var time: Duration { cases.reduce(.zero) { $0 + $1.time } }

        private func count(_ kind: Outcome.Kind) -> Int {
            cases.reduce(0) { total, testCase in total + testCase.outcomes.filter { $0.kind == kind }.count }
        }
    }

    /// A `testcase` element; no outcome means it passed.
    public struct TestCase: Sendable, Hashable {
        public var name: String
        public var classname: String
        public var time: Duration
        public var outcomes: [Outcome]
        public var systemOut: String?

        public init(
            name: String,
            classname: String,
            time: Duration = .zero,
            outcomes: [Outcome] = [],
            systemOut: String? = nil
        ) {
            self.name = name
            self.classname = classname
            self.time = time
            self.outcomes = outcomes
            self.systemOut = systemOut
        }
    }

    /// A `failure`, `error` or `skipped` element.
    public struct Outcome: Sendable, Hashable {
        /// Which element it becomes.
        public enum Kind: String, Sendable, Hashable {
            case failure
            case error
            case skipped
        }

        public var kind: Kind
        /// One line; shown by CI systems as the headline.
        public var message: String
        /// The `type` attribute, e.g. the rule id or the harness error code.
        public var type: String?
        /// The element's text: details and transcript.
        public var body: String

        public init(_ kind: Kind, message: String, type: String? = nil, body: String = "") {
            self.kind = kind
            self.message = message
            self.type = type
            self.body = body
        }
    }
}
