#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A connected TCP stream with blocking reads and writes.
///
/// The server uses it for every accepted connection; tests use it directly to act out hostile
/// clients and servers (drip bytes, never answer, lie about lengths). One thread at a time should
/// read and one at a time should write; `close()` is safe from any thread at any moment and wakes
/// a read or write blocked on the socket, which then throws `SocketError.closed` or sees end of stream.
/// Writes never raise `SIGPIPE`.
public final class TCPConnection: Sendable {
    let descriptor: SocketDescriptor

    init(accepted fd: Int32) {
        POSIX.configureStream(fd)
        descriptor = SocketDescriptor(fd)
    }

    /// Connects to `host:port` (blocking).
    public static func connect(host: String, port: UInt16) throws(SocketError) -> TCPConnection {
        var lastError = SocketError.connectionRefused(host: host, port: port)
        for address in try SocketAddress.resolve(host: host, port: port, passive: false) {
            let fd = socket(address.family, POSIX.streamType, 0)
            guard fd >= 0 else {
                lastError = .system(call: "socket", code: POSIX.lastError)
                continue
            }
            if address.withSockaddr({ POSIX.connectSocket(fd, $0, $1) }) == 0 {
                return TCPConnection(accepted: fd)
            }
            let code = POSIX.lastError
            POSIX.closeDescriptor(fd)
            if code != ECONNREFUSED { lastError = .system(call: "connect", code: code) }
        }
        throw lastError
    }

    /// The longest a single read waits for data; `nil` waits forever.
    ///
    /// On expiry `read` throws `.timedOut`.
    public func setReadTimeout(_ timeout: Duration?) throws(SocketError) {
        try setTimeout(option: POSIX.receiveTimeoutOption, timeout)
    }

    /// The longest a single write waits for the peer to drain its window; `nil` waits forever.
    public func setWriteTimeout(_ timeout: Duration?) throws(SocketError) {
        try setTimeout(option: POSIX.sendTimeoutOption, timeout)
    }

    private func setTimeout(option: Int32, _ timeout: Duration?) throws(SocketError) {
        try descriptor.withDescriptor { fd throws(SocketError) in
            guard POSIX.setTimeout(fd, option: option, timeout) == 0 else {
                throw .system(call: "setsockopt", code: POSIX.lastError)
            }
        }
    }

    /// Reads what is available (waiting for at least one byte) into `buffer`.
    ///
    /// Returns the byte count, 0 at end of stream.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int {
        try descriptor.withDescriptor { fd throws(SocketError) in
            while true {
                let count = POSIX.receive(fd, buffer)
                if count >= 0 { return count }
                try Self.check(POSIX.lastError, call: "recv")
            }
        }
    }

    /// Reads up to `maxBytes` (waiting for at least one byte); an empty array means end of stream.
    public func read(maxBytes: Int = 65_536) throws(SocketError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: maxBytes)
        let result = bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(SocketError) in try read(into: buffer) }
        }
        bytes.removeSubrange(try result.get()...)
        return bytes
    }

    /// Writes all of `bytes`, blocking until the kernel took them.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SocketError) {
        try descriptor.withDescriptor { fd throws(SocketError) in
            var offset = 0
            while offset < bytes.count {
                let count = POSIX.transmit(fd, UnsafeRawBufferPointer(rebasing: bytes[offset...]))
                if count >= 0 {
                    offset += count
                } else {
                    try Self.check(POSIX.lastError, call: "send")
                }
            }
        }
    }

    /// Writes all of `bytes`, blocking until the kernel took them.
    public func write(_ bytes: [UInt8]) throws(SocketError) {
        try bytes.withUnsafeBytes { buffer in Result { () throws(SocketError) in try write(buffer) } }.get()
    }

    /// Writes the UTF-8 bytes of `text`.
    public func write(_ text: String) throws(SocketError) {
        try write(Array(text.utf8))
    }

    /// Half-closes the connection: the peer sees end of stream, reading still works.
    public func shutdownWrite() {
        try? descriptor.withDescriptor { fd in POSIX.shutdownWrite(fd) }
    }

    /// Closes the connection; idempotent, callable from any thread.
    public func close() {
        descriptor.close()
    }

    /// Throws the error for `code`, or returns when the call should simply be retried (`EINTR`).
    private static func check(_ code: Int32, call: String) throws(SocketError) {
        switch code {
        case EINTR: return
        case EAGAIN, EWOULDBLOCK: throw .timedOut
        case ECONNRESET, EPIPE: throw .connectionReset
        case EBADF, ENOTCONN, ESHUTDOWN: throw .closed
        default: throw .system(call: call, code: code)
        }
    }
}
