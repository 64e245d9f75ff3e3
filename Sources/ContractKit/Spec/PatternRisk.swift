/// Finds the shape of regular expression that backtracking engines (ICU, behind
/// `NSRegularExpression`, is one) take exponential time on: a repeated group whose content
/// repeats too, as in `^(a+)+$`, `(\d*)*` or `(?:x{2,})+`. Against a long string that almost
/// matches, validation would hang on such a `pattern`.
///
/// A heuristic in the manner of "star height": it does not see overlapping alternatives such as
/// `(a|aa)+`, and it spares possessive quantifiers (`a*+`), which never backtrack.
enum PatternRisk {
    /// The offset (in characters) of the outer quantifier of the first nested repetition, or `nil`.
    static func nestedRepetition(in pattern: String) -> Int? {
        let characters = Array(pattern)
        /// Whether each open group's content so far repeats without bound.
        var groups: [Bool] = [false]
        /// Whether the atom just read is a group whose content repeats.
        var lastAtomRepeats = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                index += 2
                lastAtomRepeats = false
                continue
            case "[":
                index = endOfClass(characters, from: index)
                lastAtomRepeats = false
            case "(":
                groups.append(false)
                lastAtomRepeats = false
            case ")" where groups.count > 1:
                lastAtomRepeats = groups.removeLast()
            case "*", "+", "{":
                guard let quantifier = quantifier(characters, at: index) else {
                    lastAtomRepeats = false
                    break
                }
                if quantifier.isUnbounded && !quantifier.isPossessive {
                    if lastAtomRepeats { return index }
                    groups[groups.count - 1] = true
                }
                if lastAtomRepeats { groups[groups.count - 1] = true }
                lastAtomRepeats = false
                index = quantifier.end
                continue
            default:
                lastAtomRepeats = false
            }
            index += 1
        }
        return nil
    }

    /// The index just past the `]` closing the class that opens at `start`.
    private static func endOfClass(_ characters: [Character], from start: Int) -> Int {
        var index = start + 1
        if index < characters.count, characters[index] == "^" { index += 1 }
        if index < characters.count, characters[index] == "]" { index += 1 }
        while index < characters.count, characters[index] != "]" {
            index += characters[index] == "\\" ? 2 : 1
        }
        return index
    }

    /// The quantifier at `index` (`*`, `+` or `{n}`, `{n,}`, `{n,m}`, then an optional lazy `?`
    /// or possessive `+`); `nil` when a `{` is a literal brace.
    private static func quantifier(
        _ characters: [Character],
        at index: Int
    ) -> (isUnbounded: Bool, isPossessive: Bool, end: Int)? {
        var end = index + 1
        var isUnbounded = true
        if characters[index] == "{" {
            guard let close = characters[index...].firstIndex(of: "}") else { return nil }
            let bounds = String(characters[(index + 1)..<close]).split(separator: ",", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.allSatisfy(\.isNumber) }),
                !bounds[0].isEmpty
            else { return nil }
            isUnbounded = bounds.count == 2 && bounds[1].isEmpty
            end = close + 1
        }
        var isPossessive = false
        if end < characters.count, characters[end] == "?" || characters[end] == "+" {
            isPossessive = characters[end] == "+"
            end += 1
        }
        return (isUnbounded, isPossessive, end)
    }
}
