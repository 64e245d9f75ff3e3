import Testing

@testable import ContractKit

struct ErrorCodeTableTests {
    @Test func theCommittedTableLoads() throws {
        let table = CheckFixtures.codes
        #expect(table.entries.count == 54)
        #expect(table[2010]?.statuses == [404])
        #expect(table[1006]?.statuses == [409, 400])
        #expect(table[5001]?.statuses == [500, 413])
        #expect(table[4006]?.statuses == [])
        #expect(table[9999] == nil)
    }

    @Test(arguments: [
        (#"{"codes": []}"#, "t.json at /codes: expected a non-empty array"),
        (#"{"codes": [{"code": 1, "status": 400, "meaning": "m", "retryable": false}]}"#, "/codes/0/code"),
        (#"{"codes": [{"code": 1001, "status": 700, "meaning": "m", "retryable": false}]}"#, "/codes/0/status"),
        (#"{"codes": [{"code": 1001, "meaning": "m", "retryable": false}]}"#, "/codes/0/status: missing"),
        (#"{"codes": [{"code": 1001, "status": 400, "meaning": "", "retryable": false}]}"#, "/codes/0/meaning"),
        (#"{"codes": [{"code": 1001, "status": 400, "meaning": "m", "retryable": "no"}]}"#, "/codes/0/retryable"),
        (
            #"{"codes": [{"code": 1001, "status": 400, "meaning": "m", "retryable": false},"#
                + #"{"code": 1001, "status": 400, "meaning": "m", "retryable": false}]}"#,
            "t.json at /codes/1: code 1001 is listed twice"
        ),
    ])
    func aBadTableNamesThePointer(text: String, message: String) throws {
        let json = try JSONParser.parse(text)
        #expect {
            _ = try ErrorCodeTable(json: json, source: "t.json")
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func aMissingFileIsAClearError() {
        #expect(throws: ErrorCodeTableError.unreadable(path: "/nonexistent/errors.json")) {
            _ = try ErrorCodeTable.load(from: "/nonexistent/errors.json")
        }
    }
}
