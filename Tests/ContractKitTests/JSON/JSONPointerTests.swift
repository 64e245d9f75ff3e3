import Testing

@testable import ContractKit

struct JSONPointerTests {
    // The examples of RFC 6901 section 5.
    static let document: JSONValue = [
        "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8,
    ]

    @Test(
        arguments: [
            ("", document), ("/foo", ["bar", "baz"]), ("/foo/0", "bar"), ("/", 0), ("/a~1b", 1), ("/c%d", 2),
            ("/e^f", 3), ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
        ] as [(String, JSONValue)]
    )
    func resolvesTheRFCExamples(text: String, expected: JSONValue) throws {
        let pointer = try JSONPointer(parsing: text)
        #expect(JSONPointerTests.document.value(at: pointer) == expected)
        #expect(pointer.description == text)
    }

    @Test(arguments: ["/missing", "/foo/2", "/foo/-", "/foo/01", "/foo/-1", "/foo/0/deeper", "/foo/x"])
    func returnsNilForWhatIsNotThere(text: String) throws {
        #expect(JSONPointerTests.document.value(at: try JSONPointer(parsing: text)) == nil)
    }

    @Test func escapesAndUnescapesTokens() throws {
        let pointer = JSONPointer.root.appending("paths").appending("/v3/chats").appending("~x").appending(index: 3)
        #expect(pointer.tokens == ["paths", "/v3/chats", "~x", "3"])
        #expect(pointer.description == "/paths/~1v3~1chats/~0x/3")
        #expect(try JSONPointer(parsing: pointer.description) == pointer)
        #expect(try JSONPointer(parsing: "/~01") == JSONPointer(tokens: ["~1"]), "~01 is '~' then '1', not '/'")
        #expect(JSONPointer.root.description == "")
        #expect(pointer.parent?.description == "/paths/~1v3~1chats/~0x")
        #expect(JSONPointer.root.parent == nil)
    }

    @Test func convertsToAndFromURIFragments() throws {
        let pointer: JSONPointer = "/components/schemas/a b/c%d"
        #expect(pointer.uriFragment == "#/components/schemas/a%20b/c%25d")
        #expect(try JSONPointer(uriFragment: pointer.uriFragment) == pointer)
        #expect(try JSONPointer(uriFragment: "#") == .root)
        #expect(try JSONPointer(uriFragment: "#/a~1b") == JSONPointer(tokens: ["a/b"]))
    }

    @Test(arguments: [
        ("foo", JSONPointerError.missingLeadingSlash("foo")),
        ("#/foo", .missingLeadingSlash("#/foo")),
        ("/a~2", .invalidEscape("/a~2", offset: 2)),
        ("/ok/b~", .invalidEscape("/ok/b~", offset: 5)),
    ])
    func rejectsMalformedText(text: String, expected: JSONPointerError) {
        #expect(throws: expected) { try JSONPointer(parsing: text) }
    }

    @Test func errorsSayHowToFixThePointer() {
        #expect(
            JSONPointerError.missingLeadingSlash("a/b").description
                == "JSON pointer 'a/b' must be empty or start with '/' (e.g. '/a/b')"
        )
        #expect(throws: JSONPointerError.invalidFragment("/a")) { try JSONPointer(uriFragment: "/a") }
        #expect(throws: JSONPointerError.invalidFragment("#/%E0")) { try JSONPointer(uriFragment: "#/%E0") }
    }
}
