import Foundation
import Testing

@testable import ContractKit

struct PatternRiskTests {
    @Test(arguments: [
        (#"^(a+)+$"#, 5),
        (#"^(\d*)*$"#, 6),
        (#"(?:x{2,})+"#, 9),
        (#"^(a|b+)*c$"#, 7),
        (#"^(x+x+)+y$"#, 7),
        (#"^(a[ab]*)*$"#, 9),
        (#"^(?<name>\w+\s?)*$"#, 16),
        (#"^(a+)+?$"#, 5),
    ])
    func nestedRepetitionIsFoundAtItsOuterQuantifier(pattern: String, offset: Int) {
        #expect(PatternRisk.nestedRepetition(in: pattern) == offset)
    }

    @Test(arguments: [
        #"^\+[1-9]\d{1,14}$"#,  // E.164, as the specs use it
        #"^whsec_[A-Za-z0-9+/=]+$"#,
        #"^(ab)*$"#,
        #"^[a+]+$"#,
        #"^\(a+\)+$"#,
        #"^(a+){2}$"#,
        #"^(a*+)+$"#,
        #"^(a{1,3})+$"#,
        #"^a{,3}+$"#,
        #"^[^]a+]+$"#,
        #"^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$"#,  // the v3 spec's webhook-signature header
        #"^((ab)*c)*$"#,
        #"^([a-z]+\.)*[a-z]+$"#,
    ])
    func otherPatternsPass(pattern: String) {
        #expect(PatternRisk.nestedRepetition(in: pattern) == nil)
    }

    /// Any text, valid pattern or not, gets an answer: 5,000 random strings of pattern syntax.
    @Test func arbitraryTextNeverTrapsTheParser() {
        var generator = SeededGenerator(seed: 262)
        let alphabet = Array(#"()[]{}|*+?^$\.-,:<>=!abd0123ws"#)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            if let offset = PatternRisk.nestedRepetition(in: text) { #expect(offset < text.count, "\(text)") }
        }
    }

    /// What the warning is for: ICU takes exponential time on such a pattern, about twice as long
    /// for each extra character (here 22 and 24 characters, kept small so the test stays quick).
    @Test func aFlaggedPatternReallyBacktracksExponentially() throws {
        let regex = try NSRegularExpression(pattern: #"^(a+)+$"#)
        func seconds(_ length: Int) -> Double {
            let text = String(repeating: "a", count: length) + "!"
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                _ = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            }
            return Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
        }
        let short = seconds(20), long = seconds(24)
        #expect(long > short * 4, "20 characters: \(short) s, 24 characters: \(long) s")
    }
}
