import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A listening TCP socket on 127.0.0.1 (port chosen by the OS), for the tests' loopback servers: they run their own
/// accept loops on `fd` and call `stop()` when done.
final class LoopbackListener: @unchecked Sendable {
    struct SocketError: Error {}

    let fd: Int32
    let port: Int
    private let lock = NSLock()
    private var stopped = false

    init() throws {
        (fd, port) = try Self.open()
    }

    deinit { stop() }

    /// Closes the listening socket, once: a second close could hit another socket that reused the number. A
    /// blocked `accept` on it returns an error.
    func stop() {
        let first: Bool = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    /// A port on 127.0.0.1 nothing listens on (bound, then closed).
    static func closedPort() throws -> Int {
        let (fd, port) = try open()
        close(fd)
        return port
    }

    /// Binds 127.0.0.1:0 and listens; returns the socket and its port.
    private static func open() throws -> (Int32, Int) {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SocketError() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw SocketError()
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
