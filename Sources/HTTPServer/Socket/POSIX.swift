#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls the socket layer needs, papering over Glibc/Darwin differences.
enum POSIX {
    #if canImport(Darwin)
    static let streamType = SOCK_STREAM
    /// Darwin has no `MSG_NOSIGNAL`; sockets get `SO_NOSIGPIPE` instead (see `configureStream`).
    static let sendFlags: Int32 = 0
    #else
    static let streamType = Int32(SOCK_STREAM.rawValue)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #endif

    static var lastError: Int32 { errno }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    static func closeDescriptor(_ fd: Int32) {
        _ = close(fd)
    }

    static func shutdownBoth(_ fd: Int32) {
        _ = shutdown(fd, Int32(SHUT_RDWR))
    }

    static func shutdownWrite(_ fd: Int32) {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    /// Keeps the descriptor out of child processes (tests spawn `curl`, the CLI may spawn tools).
    static func setCloseOnExec(_ fd: Int32) {
        _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
    }

    static func setNonBlocking(_ fd: Int32, _ enabled: Bool) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, enabled ? flags | O_NONBLOCK : flags & ~O_NONBLOCK)
    }

    static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32) {
        var value = value
        _ = setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Options every connected stream gets: no SIGPIPE, no Nagle delay (responses go out in one write).
    static func configureStream(_ fd: Int32) {
        setCloseOnExec(fd)
        setNonBlocking(fd, false)
        setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1)
        #if canImport(Darwin)
        setOption(fd, level: SOL_SOCKET, name: SO_NOSIGPIPE, value: 1)
        #endif
    }

    /// `SO_RCVTIMEO` / `SO_SNDTIMEO`; `nil` waits forever.
    static func setTimeout(_ fd: Int32, option: Int32, _ duration: Duration?) -> Int32 {
        var value = timeval()
        if let duration, duration > .zero {
            let (seconds, attoseconds) = duration.components
            value.tv_sec = .init(seconds)
            value.tv_usec = .init(attoseconds / 1_000_000_000_000)
            if seconds == 0 && value.tv_usec == 0 { value.tv_usec = 1 }
        }
        return setsockopt(fd, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    static let receiveTimeoutOption = SO_RCVTIMEO
    static let sendTimeoutOption = SO_SNDTIMEO

    static func receive(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        recv(fd, buffer.baseAddress, buffer.count, 0)
    }

    static func transmit(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
        send(fd, buffer.baseAddress, buffer.count, sendFlags)
    }

    static func connectSocket(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        connect(fd, address, length)
    }

    static func acceptConnection(_ fd: Int32) -> Int32 {
        accept(fd, nil, nil)
    }

    /// Waits until one of `fds` is readable (or hung up); returns the index of the first ready one.
    static func waitReadable(_ fds: [Int32]) -> Int? {
        var polls = fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        while true {
            let result = poll(&polls, nfds_t(polls.count), -1)
            if result > 0 { return polls.firstIndex { $0.revents != 0 } }
            if result < 0 && errno != EINTR { return nil }
        }
    }

    static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        fds.forEach(setCloseOnExec)
        return (fds[0], fds[1])
    }

    static func writeByte(_ fd: Int32) {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }
}
