import HTTPServer
import Testing
import TestSupport

@Suite(.blockingIO) struct HTTPServerLoadTests {
    @Test func concurrentKeepAliveClientsAreAllAnsweredCorrectly() async throws {
        try await withServer { _, port in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for clientIndex in 0..<8 {
                    group.addTask {
                        let client = try RawHTTPClient(port: port)
                        var correct = 0
                        for requestIndex in 0..<200 {
                            let body = "client \(clientIndex) request \(requestIndex)"
                            try client.send(
                                "POST /c/\(clientIndex) HTTP/1.1\r\nHost: x\r\n"
                                    + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
                            )
                            let response = try #require(try client.readResponse())
                            if response.status == 200 && response.text == body { correct += 1 }
                        }
                        return correct
                    }
                }
                var total = 0
                for try await correct in group { total += correct }
                #expect(total == 8 * 200)
            }
        }
    }
}
