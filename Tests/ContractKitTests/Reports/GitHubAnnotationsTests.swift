import Testing

@testable import ContractKit

struct GitHubAnnotationsTests {
    @Test func escapesMessageAndPropertiesAsTheToolkitDoes() {
        let line = GitHubAnnotations.command(
            .error,
            properties: [("file", "specs/scenarios/v3/a,b.json"), ("title", "response.schema: 50% off\r\n")],
            message: "line 1\nline 2: 100%, done\r"
        )
        #expect(
            line == "::error file=specs/scenarios/v3/a%2Cb.json,title=response.schema%3A 50%25 off%0D%0A"
                + "::line 1%0Aline 2: 100%25, done%0D\n"
        )
    }

    @Test func omitsEmptyProperties() {
        #expect(GitHubAnnotations.command(.warning, properties: [("file", "")], message: "m") == "::warning::m\n")
    }

    @Test(arguments: [(["GITHUB_ACTIONS": "true"], true), (["GITHUB_ACTIONS": "1"], false), ([:], false)])
    func enabledOnlyInsideActions(environment: [String: String], expected: Bool) {
        #expect(GitHubAnnotations.isEnabled(environment: environment) == expected)
    }
}
