import Foundation
import Testing

@testable import ContractKit

extension Hostile {
    /// Scenario files built to hurt: wrong types, unknown members, megabyte strings, undefined and
    /// self-referencing variables, huge step lists. Each is a `HarnessError` naming file, step and
    /// field before any request is sent, or (for self-referencing values) no expansion at all.
    @Suite(.timeLimit(.minutes(1)))
    struct HostileScenarioTests {
        static let file = "v3/hostile.json"
        static let loader = ScenarioLoader(specs: [.v3: HostileRun.spec])

        static let valid: JSONObject = ([
            "name": "hostile", "version": "v3", "tags": ["read-only"], "variables": ["id": "x1"],
            "steps": [
                [
                    "name": "get", "request": ["method": "GET", "path": "/v3/things", "headers": ["X-Id": "{{id}}"]],
                    "expect": [
                        "status": 200, "captures": ["got": "/id"],
                        "assertions": [["pointer": "/id", "present": true]],
                    ],
                ]
            ],
        ] as JSONValue).objectValue!

        /// The valid scenario with the value at `pointer` replaced.
        static func mutated(_ pointer: JSONPointer, to value: JSONValue) -> JSONValue {
            func replace(_ node: JSONValue, _ tokens: ArraySlice<String>) -> JSONValue {
                guard let token = tokens.first else { return value }
                switch node {
                case .object(var object):
                    object[token] = replace(object[token] ?? .null, tokens.dropFirst())
                    return .object(object)
                case .array(var array):
                    let index = Int(token)!
                    array[index] = replace(array[index], tokens.dropFirst())
                    return .array(array)
                default: return node
                }
            }
            return replace(.object(valid), pointer.tokens[...])
        }

        static func loadError(_ json: JSONValue) -> HarnessError? {
            do {
                _ = try loader.load(json: json, file: file)
                return nil
            } catch {
                return error
            }
        }

        @Test(arguments: [
            ("/name", 42, "must be a string, not integer"),
            ("/version", ["v3"], "must be a string, not array"),
            ("/tags", [1], "must be an array of strings"),
            ("/variables", [], "must be a JSON object, not array"),
            ("/retries", "yes", "retries must be true or false"),
            ("/steps", [:], "must be a non-empty array of steps"),
            ("/steps/0", "get", "must be a JSON object, not string"),
            ("/steps/0/request", [], "must be a JSON object, not array"),
            ("/steps/0/request/method", 1, "must be a string, not integer"),
            ("/steps/0/request/path", true, "must be a string, not boolean"),
            ("/steps/0/request/headers", ["a"], "must be a JSON object, not array"),
            ("/steps/0/expect/status", "200", "status must be an HTTP status"),
            ("/steps/0/expect/captures", 5, "must be a JSON object, not integer"),
            ("/steps/0/expect/assertions", [:], "assertions must be an array"),
            ("/steps/0/expect/assertions/0/present", "yes", "present must be true"),
        ] as [(String, JSONValue, String)])
        func wrongTypesNameFileStepAndField(pointer: String, value: JSONValue, message: String) throws {
            let pointer = try JSONPointer(parsing: pointer)
            let error = try #require(Self.loadError(Self.mutated(pointer, to: value)))
            #expect(error.code == .invalidScenario)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.location.file == Self.file)
            #expect(error.location.field == pointer.description)
            let insideTheStep = pointer.tokens.count > 2
            #expect(error.location.step == (insideTheStep ? "get" : nil), "\(error)")
        }

        @Test(arguments: ["/expcet", "/steps/0/expcet", "/steps/0/request/bdy", "/steps/0/expect/statuss"])
        func unknownMembersAreNamed(pointer: String) throws {
            let error = try #require(Self.loadError(Self.mutated(try JSONPointer(parsing: pointer), to: 1)))
            #expect(error.message.hasPrefix("unknown member \"\(pointer.split(separator: "/").last!)\""))
            #expect(error.location.field == pointer)
            #expect(error.description.hasPrefix("v3/hostile.json"))
        }

        @Test func anUndefinedVariableIsAnErrorBeforeAnyRequest() throws {
            let json = Self.mutated("/steps/0/request/headers/X-Id", to: "{{nowhere}}")
            let error = try #require(Self.loadError(json))
            #expect(error.message == "the variable 'nowhere' is not defined at this point")
            #expect(error.location == .init(file: Self.file, step: "get", field: "/steps/0/request/headers/X-Id"))
        }

        @Test(arguments: [
            ("/version", "must be \"v2\" or \"v3\""),
            ("/steps/0/request/headers/X-Id", "not defined"),
            ("/steps/0/request/path", "does not make"),
        ])
        func megabyteStringsGiveShortMessages(pointer: String, message: String) throws {
            let huge = String(repeating: "a", count: 1 << 20)
            let value: JSONValue =
                switch pointer {
                case "/version": .string(huge)
                case "/steps/0/request/path": .string("/v3/things{{" + huge)
                default: .string("{{\(huge)}}")
                }
            let error = try #require(Self.loadError(Self.mutated(try JSONPointer(parsing: pointer), to: value)))
            #expect(error.location.field == pointer)
            #expect(error.description.utf8.count < 1000, "a \(error.description.utf8.count)-byte message")
        }

        /// `{{a}}` whose value is `{{a}}` is substituted once: the value is data, never a template.
        @Test func aSelfReferencingValueIsNotExpandedAgain() async throws {
            var scenario = try Self.loader.load(json: .object(Self.valid), file: Self.file)
            scenario.variables["id"] = "{{id}}"
            let scope = VariableScope(defaults: scenario.variables, runID: "r", uuid: UUID(), startedAt: Date())
            #expect(try scope.render("<{{id}}>") == "<{{id}}>")
            #expect(try scope.render(.string("{{id}}")) == "{{id}}")

            let response = TransportResponse(status: 200, body: Array(#"{"id":"x"}"#.utf8))
            let stub = StubTransport(script: [.success(response)])
            let runner = ScenarioRunner(
                targets: [.v3: APITarget(version: .v3, baseURL: URL(string: "http://127.0.0.1:9")!, token: "t0ken")],
                specs: [.v3: HostileRun.spec], checks: [], transport: stub, runID: "r"
            )
            let result = await runner.run(scenario)
            #expect(stub.requests.first?.headers["X-Id"] == "{{id}}")
            #expect(result.status == .passed)
        }

        static func steps(_ count: Int) -> [JSONValue] {
            let step = valid["steps"]![0]!.objectValue!
            return (0..<count).map { index in
                var copy = step
                copy["name"] = .string("get \(index)")
                return .object(copy)
            }
        }

        /// Regression: the duplicate-name check scanned all earlier steps, so 100,000 steps took minutes.
        @Test func aHundredThousandStepsLoadInBoundedTime() throws {
            var json = Self.valid
            json["steps"] = .array(Self.steps(100_000))
            let clock = ContinuousClock()
            let start = clock.now
            let scenario = try Self.loader.load(json: .object(json), file: Self.file)
            #expect(clock.now - start < .seconds(20))
            #expect(scenario.steps.count == 100_000)
        }

        @Test func aDuplicateStepNameAmongManyIsNamed() throws {
            var json = Self.valid
            json["steps"] = .array(Self.steps(1000) + [Self.steps(6)[5]])
            let error = try #require(Self.loadError(.object(json)))
            #expect(error.message == "two steps are named 'get 5'; give each a unique name")
            #expect(error.location.field == "/steps")
        }
    }
}
