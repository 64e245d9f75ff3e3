import Foundation

/// `python3 -m http.server`'s handler serving one static JSON file, as the throughput baseline:
/// HTTP/1.1 keep-alive, Nagle off, request logging off, one thread per connection.
final class PythonHTTPServer {
    static let path = "/subscriptions.json"
    static let description =
        "Python baseline: http.server.ThreadingHTTPServer with SimpleHTTPRequestHandler "
        + "(protocol HTTP/1.1, disable_nagle_algorithm = True, log_message silenced) serving the same body "
        + "as a static file."

    /// Binds port 0, prints the port, serves the directory given as the first argument.
    private static let script = """
        import functools, http.server, sys
        http.server.BaseHTTPRequestHandler.disable_nagle_algorithm = True
        class Handler(http.server.SimpleHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *arguments):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    let port: UInt16
    private let process: BackgroundProcess
    private let directory: URL

    init(python: String, serving body: [UInt8]) throws(BenchError) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-http-\(UUID())")
        let file = directory.appendingPathComponent(String(Self.path.dropFirst()))
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(body).write(to: file)
        } catch {
            throw .io(path: file.path, reason: "\(error)")
        }
        do {
            process = try BackgroundProcess(
                Subprocess(executable: python, arguments: ["-c", Self.script, directory.path])
            )
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        guard let port = UInt16(process.readyLine.trimmingCharacters(in: .whitespaces)) else {
            process.stop()
            try? FileManager.default.removeItem(at: directory)
            throw .baselineFailed(
                command: process.commandLine,
                status: 0,
                output: "printed no port: \(process.readyLine)"
            )
        }
        self.port = port
    }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }
}
