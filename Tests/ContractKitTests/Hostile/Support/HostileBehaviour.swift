import Foundation

/// The misbehaving servers of the hostile-input tests, one per way a target can go wrong; each
/// runs after ``HostileServer`` read the request head.
enum HostileBehaviour {
    static let twentyMegabytes = 20 * 1024 * 1024

    /// Closes without a byte of response.
    static let empty: HostileServer.Behaviour = { _ in }

    /// Announces 1,000 body bytes, sends 100, closes.
    static let truncated: HostileServer.Behaviour = { peer in
        try peer.writeHead(["HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: 1000"])
        try peer.write(#"{"id": ""# + String(repeating: "a", count: 92))
    }

    /// A 20 MB JSON string, with a `Content-Length` (refusable from the head) or without one
    /// (delimited by closing the connection, so only counting the bytes can stop it).
    static func twentyMegabyteBody(announced: Bool) -> HostileServer.Behaviour {
        { peer in
                let length = announced ? ["Content-Length: \(twentyMegabytes)"] : ["Connection: close"]
            try peer.writeHead(["HTTP/1.1 200 OK", "Content-Type: application/json"] + length)
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
            try peer.write([UInt8(ascii: "\"")])
            for _ in 0..<(twentyMegabytes / chunk.count - 1) { try peer.write(chunk) }
            try peer.write([UInt8](chunk.dropFirst(2)) + [UInt8(ascii: "\"")])
        }
    }

    /// A body without end, as fast as the client takes it.
    static let endlessBody: HostileServer.Behaviour = { peer in
        try peer.writeHead(["HTTP/1.1 200 OK", "Content-Type: application/json", "Connection: close"])
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
        while true { try peer.write(chunk) }
    }

    /// A complete, well-framed response whose body is 10,000 nested arrays.
    static let deeplyNested: HostileServer.Behaviour = complete(
        String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    )

    /// A complete response whose JSON string holds bytes that are not UTF-8.
    static let invalidUTF8: HostileServer.Behaviour = complete(
        Array(#"{"name": ""#.utf8) + [0xC3, 0x28, 0xFF, 0xFE] + Array(#""}"#.utf8)
    )

    /// `Content-Length` says 500; 12 bytes follow, then the connection closes.
    static let lengthLongerThanBody: HostileServer.Behaviour = { peer in
        try peer.writeHead(["HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: 500"])
        try peer.write(#"{"id": "x1"}"#)
    }

    /// `Content-Length` says 5; 12 bytes follow. The client must stop at 5.
    ///
    /// `Connection: close` keeps the client from reusing the connection: curl would otherwise read
    /// the 7 extra bytes as the next request's response ("Received HTTP/0.9"), a desync no
    /// `URLSession` setting short of never reusing connections prevents.
    static let lengthShorterThanBody: HostileServer.Behaviour = { peer in
        try peer.writeHead(
            ["HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: 5", "Connection: close"]
        )
        try peer.write(#"{"id": "x1"}"#)
    }

    /// A status line, then header lines forever (as fast as the client takes them).
    static let endlessHeaders: HostileServer.Behaviour = { peer in
        try peer.write("HTTP/1.1 200 OK\r\n")
        let line = Array("X-Filler: \(String(repeating: "f", count: 1000))\r\n".utf8)
        let block = [UInt8]((0..<64).flatMap { _ in line })
        while true { try peer.write(block) }
    }

    /// Never answers.
    static let silent: HostileServer.Behaviour = { peer in
        peer.waitForClientToLeave()
    }

    /// Sends the head and part of the body, then resets the connection (TCP RST, not FIN).
    static let resetMidBody: HostileServer.Behaviour = { peer in
        try peer.writeHead(["HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: 1000"])
        try peer.write(#"{"id": ""# + String(repeating: "b", count: 92))
        Thread.sleep(forTimeInterval: 0.05)
        peer.reset()
    }

    /// A valid response, one byte a second: every byte arrives well within any idle timeout.
    static let drip: HostileServer.Behaviour = { peer in
        let body = #"{"id": "x1"}"#
        let response = "HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        for byte in response.utf8 {
            try peer.write([byte])
            Thread.sleep(forTimeInterval: 1)
        }
    }

    static func complete(_ body: String) -> HostileServer.Behaviour {
        complete(Array(body.utf8))
    }

    static func complete(_ body: [UInt8]) -> HostileServer.Behaviour {
        { peer in try peer.writeResponse(body, closing: true) }
    }
}
