import Testing

@testable import ContractKit

struct JSONObjectTests {
    @Test func keepsInsertionOrder() {
        var object = JSONObject([("z", 1), ("a", 2), ("m", 3)])
        #expect(object.keys == ["z", "a", "m"])
        object["b"] = 4
        object["z"] = nil
        #expect(object.keys == ["a", "m", "b"])
        #expect(object.members.map(\.key) == ["a", "m", "b"])
    }

    @Test func repeatedKeyKeepsFirstPositionAndLastValue() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func equalityIgnoresOrder() {
        #expect(JSONObject([("a", 1), ("b", 2)]) == JSONObject([("b", 2), ("a", 1)]))
        #expect(JSONObject([("a", 1)]) != JSONObject([("a", 1.0)]))
    }

    @Test func valueSubscripts() {
        let value: JSONValue = ["list": [1, "two", nil], "flag": true]
        #expect(value["list"]?[1] == "two")
        #expect(value["list"]?[3] == nil)
        #expect(value["flag"]?.boolValue == true)
        #expect(value["missing"] == nil)
        #expect(value["list"]?[2]?.isNull == true)
    }
}
