/// Finds the shape of regular expression that backtracking engines (ICU, behind
/// `NSRegularExpression`, is one) take exponential time on: a repeated group whose content
/// repeats too, as in `^(a+)+$`, `(\d*)*` or `(?:x{2,})+`. Against a long string that almost
/// matches, validation would hang on such a `pattern`.
///
/// A heuristic in the manner of "star height", with one refinement: a repeated group that starts
/// or ends with a literal character its inner repetition cannot match (`( v1,[A-Za-z0-9+/=]+)*`)
/// splits a string one way only, so it passes. It does not see overlapping alternatives such as
/// `(a|aa)+`, and it spares possessive quantifiers (`a*+`), which never backtrack.
enum PatternRisk {
    /// The offset (in characters) of the outer quantifier of the first risky nested repetition, or `nil`.
    static func nestedRepetition(in pattern: String) -> Int? {
        var parser = PatternParser(Array(pattern))
        return firstRisk(in: parser.alternatives())
    }

    private static func firstRisk(in alternatives: [[PatternElement]]) -> Int? {
        for element in alternatives.joined() {
            guard case .group(let inner) = element.node else { continue }
            if let risk = firstRisk(in: inner) { return risk }
            if element.repeatsWithoutBound, inner.joined().contains(where: \.repeatsAnywhere), !isDelimited(inner) {
                return element.offset
            }
        }
        return nil
    }

    /// One alternative whose first or last element is a single literal character that none of the
    /// group's repeated atoms matches.
    private static func isDelimited(_ alternatives: [[PatternElement]]) -> Bool {
        guard alternatives.count == 1, let sequence = alternatives.first else { return false }
        let repeated = sequence.flatMap(\.repeatedAtoms)
        return [sequence.first, sequence.last].contains { element in
            guard let element, element.minimum >= 1, element.maximum == 1,
                case .atom(.literal(let character)) = element.node
            else { return false }
            return !repeated.contains { $0.matches(character) }
        }
    }
}

/// One atom, group or class of a pattern with its quantifier.
struct PatternElement {
    indirect enum Node {
        case atom(PatternAtom)
        case group([[PatternElement]])
    }

    var node: Node
    var minimum = 1
    /// `nil`: unbounded.
    var maximum: Int? = 1
    var isPossessive = false
    /// Where the quantifier starts.
    var offset = 0

    var repeatsWithoutBound: Bool { maximum == nil && !isPossessive }

    /// Whether this element or anything inside it repeats without bound.
    var repeatsAnywhere: Bool {
        if repeatsWithoutBound { return true }
        guard case .group(let inner) = node else { return false }
        return inner.joined().contains { $0.repeatsAnywhere }
    }

    /// The atoms that may match any number of times: all of them under an unbounded quantifier.
    var repeatedAtoms: [PatternAtom] {
        if repeatsWithoutBound { return atoms }
        guard case .group(let inner) = node else { return [] }
        return inner.joined().flatMap(\.repeatedAtoms)
    }

    private var atoms: [PatternAtom] {
        switch node {
        case .atom(let atom): [atom]
        case .group(let inner): inner.joined().flatMap(\.atoms)
        }
    }
}

/// What one position of a pattern can match.
enum PatternAtom {
    case literal(Character)
    /// A bracket class, `.` or an escape such as `\d`: `members` tests a character.
    case set(negated: Bool, members: [ClosedRange<Character>])
    /// An escape or construct the heuristic does not model; assumed to match anything.
    case any

    static let dot = PatternAtom.set(negated: true, members: ["\n"..."\n"])
    static let digit: [ClosedRange<Character>] = ["0"..."9"]
    static let word: [ClosedRange<Character>] = ["a"..."z", "A"..."Z", "0"..."9", "_"..."_"]
    static let space: [ClosedRange<Character>] = [" "..." ", "\t"..."\r"]

    func matches(_ character: Character) -> Bool {
        switch self {
        case .literal(let literal): literal == character
        case .set(let negated, let members): members.contains { $0.contains(character) } != negated
        case .any: true
        }
    }
}
