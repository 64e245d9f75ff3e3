/// Reads an ECMA-262 pattern into ``PatternElement``s, as far as ``PatternRisk`` needs: groups,
/// alternatives, quantifiers, literals, classes and the common escapes. It never fails; what it
/// does not model becomes ``PatternAtom/any``, and validity is `NSRegularExpression`'s to judge.
struct PatternParser {
    private let characters: [Character]
    private var index = 0

    init(_ characters: [Character]) {
        self.characters = characters
    }

    /// The alternatives up to the end of the pattern or of the current group (its `)` is consumed).
    mutating func alternatives() -> [[PatternElement]] {
        var result: [[PatternElement]] = [[]]
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case ")": return result
            case "|": result.append([])
            case "^", "$": continue
            case "(":
                skipGroupPrefix()
                let inner = alternatives()
                result[result.count - 1].append(quantified(.group(inner)))
            case "[": result[result.count - 1].append(quantified(.atom(bracketClass())))
            case ".": result[result.count - 1].append(quantified(.atom(.dot)))
            case "\\":
                guard let atom = escape() else { continue }
                result[result.count - 1].append(quantified(.atom(atom)))
            default: result[result.count - 1].append(quantified(.atom(.literal(character))))
            }
        }
        return result
    }

    /// `?:`, `?=`, `?!`, `?<=`, `?<!` and `?<name>` after a `(`.
    private mutating func skipGroupPrefix() {
        guard index < characters.count, characters[index] == "?" else { return }
        index += 1
        if index < characters.count, characters[index] == "<" {
            index += 1
            if index < characters.count, characters[index] == "=" || characters[index] == "!" { index += 1; return }
            while index < characters.count, characters[index] != ">" { index += 1 }
        }
        index += 1
    }

    /// The atom of the escape after a `\`; `nil` for anchors such as `\b`.
    private mutating func escape() -> PatternAtom? {
        guard index < characters.count else { return .literal("\\") }
        let escaped = characters[index]
        index += 1
        switch escaped {
        case "d": return .set(negated: false, members: PatternAtom.digit)
        case "D": return .set(negated: true, members: PatternAtom.digit)
        case "w": return .set(negated: false, members: PatternAtom.word)
        case "W": return .set(negated: true, members: PatternAtom.word)
        case "s": return .set(negated: false, members: PatternAtom.space)
        case "S": return .set(negated: true, members: PatternAtom.space)
        case "b", "B": return nil
        case "n": return .literal("\n")
        case "t": return .literal("\t")
        case "r": return .literal("\r")
        default: return escaped.isLetter || escaped.isNumber ? .any : .literal(escaped)
        }
    }

    /// The class after a `[`, through its `]`.
    private mutating func bracketClass() -> PatternAtom {
        var negated = false
        if index < characters.count, characters[index] == "^" { negated = true; index += 1 }
        var members: [ClosedRange<Character>] = []
        var first = true
        while index < characters.count, characters[index] != "]" || first {
            first = false
            var low = characters[index]
            index += 1
            if low == "\\", index < characters.count {
                let escaped = characters[index]
                index += 1
                switch escaped {
                case "d": members += PatternAtom.digit; continue
                case "w": members += PatternAtom.word; continue
                case "s": members += PatternAtom.space; continue
                case "D", "W", "S", "p", "P": return .any
                default: low = escaped
                }
            }
            if index + 1 < characters.count, characters[index] == "-", characters[index + 1] != "]" {
                let high = characters[index + 1] == "\\" && index + 2 < characters.count
                    ? characters[index + 2] : characters[index + 1]
                index += characters[index + 1] == "\\" ? 3 : 2
                members.append(low <= high ? low...high : high...low)
            } else {
                members.append(low...low)
            }
        }
        index += 1
        return .set(negated: negated, members: members)
    }

    /// `node` with the quantifier that follows it, if any (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`,
    /// then an optional lazy `?` or possessive `+`).
    private mutating func quantified(_ node: PatternElement.Node) -> PatternElement {
        var element = PatternElement(node: node, offset: index)
        guard index < characters.count else { return element }
        switch characters[index] {
        case "*": (element.minimum, element.maximum) = (0, nil)
        case "+": (element.minimum, element.maximum) = (1, nil)
        case "?": (element.minimum, element.maximum) = (0, 1)
        case "{":
            guard let close = characters[index...].firstIndex(of: "}") else { return element }
            let bounds = String(characters[(index + 1)..<close])
                .split(separator: ",", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let minimum = Int(bounds[0]) else { return element }
            element.minimum = minimum
            element.maximum = bounds.count == 1 ? minimum : Int(bounds[1])
            if bounds.count == 2, !bounds[1].isEmpty, element.maximum == nil { return element }
            index = close
        default: return element
        }
        index += 1
        if index < characters.count, characters[index] == "?" || characters[index] == "+" {
            element.isPossessive = characters[index] == "+"
            index += 1
        }
        return element
    }
}
