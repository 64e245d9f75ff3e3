import Testing

@testable import ContractKit

struct TemplateStringTests {
    @Test func findsVariablesInOrderOfFirstUse() throws {
        let template = try TemplateString(parsing: "https://x/{{ run.id }}/{{uuid}}/{{run.id}}?p={{env.LINQ_TEST_A}}")
        #expect(template.variableNames == ["run.id", "uuid", "env.LINQ_TEST_A"])
        #expect(template.soleVariable == nil)
    }

    @Test func rendersWithTheLookupOrNamesTheMissingVariable() throws {
        let template = try TemplateString(parsing: "/v3/subs/{{subId}}/{{other}}")
        let values = ["subId": "42", "other": "x"]
        #expect(try template.render { values[$0] }.get() == "/v3/subs/42/x")
        #expect(throws: TemplateString.UndefinedVariable(name: "other")) {
            try template.render { $0 == "subId" ? "42" : nil }.get()
        }
    }

    @Test func aLoneplaceholderIsTheSoleVariable() throws {
        #expect(try TemplateString(parsing: "{{events}}").soleVariable == "events")
        #expect(try TemplateString(parsing: " {{events}}").soleVariable == nil)
        #expect(try TemplateString(parsing: "plain").variableNames.isEmpty)
    }

    @Test func rejectsUnclosedAndInvalidPlaceholders() {
        #expect(throws: TemplateString.ParseError.unclosed("a {{b")) { try TemplateString(parsing: "a {{b") }
        #expect(throws: TemplateString.ParseError.invalidName("a b")) { try TemplateString(parsing: "{{a b}}") }
        #expect(throws: TemplateString.ParseError.invalidName("")) { try TemplateString(parsing: "{{}}") }
    }
}
