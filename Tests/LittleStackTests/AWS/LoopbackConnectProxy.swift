import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny HTTP `CONNECT` proxy on 127.0.0.1 that records each request's target and `Proxy-Authorization`, then
/// tunnels to the target's port **on 127.0.0.1** whatever host it names: a test can address the emulator by a made-up
/// host name that only the proxy can reach, and nothing leaves loopback.
final class LoopbackConnectProxy: @unchecked Sendable {
    private let listener: LoopbackListener
    var port: Int { listener.port }
    private let lock = NSLock()
    private var targetsSeen: [String] = []
    private var authorizationsSeen: [String] = []

    /// The `host:port` of each CONNECT, in order.
    var targets: [String] { lock.withLock { targetsSeen } }
    /// The `Proxy-Authorization` value of each CONNECT that had one.
    var authorizations: [String] { lock.withLock { authorizationsSeen } }

    init() throws {
        listener = try LoopbackListener()
        Thread { [self] in acceptLoop() }.start()
    }

    /// Closes the listening socket (once).
    func stop() { listener.stop() }

    private func acceptLoop() {
        while true {
            let client = accept(listener.fd, nil, nil)
            if client < 0 { return }
            Thread { [self] in
                tunnel(client)
                close(client)
            }.start()
        }
    }

    private func tunnel(_ client: Int32) {
        var head = Data()
        var byte: UInt8 = 0
        // Byte by byte up to the blank line, so no tunnelled bytes are read into the head.
        while !head.suffix(4).elementsEqual([13, 10, 13, 10]) {
            guard read(client, &byte, 1) == 1 else { return }
            head.append(byte)
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let request = lines[0].split(separator: " ")
        guard request.count == 3, request[0] == "CONNECT", let colon = request[1].lastIndex(of: ":"),
            let targetPort = Int(request[1][request[1].index(after: colon)...])
        else { return reply(client, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n") }
        let authorization = lines.first { $0.lowercased().hasPrefix("proxy-authorization:") }
            .map { String($0.dropFirst("proxy-authorization:".count)).trimmingCharacters(in: .whitespaces) }
        lock.withLock {
            targetsSeen.append(String(request[1]))
            if let authorization { authorizationsSeen.append(authorization) }
        }
        guard let upstream = Self.connectLoopback(port: targetPort) else {
            return reply(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
        }
        defer { close(upstream) }
        reply(client, "HTTP/1.1 200 Connection established\r\n\r\n")
        relay(client, upstream)
    }

    private func reply(_ client: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(client, $0.baseAddress!, $0.count) }
    }

    /// Copies bytes both ways until either side closes.
    private func relay(_ a: Int32, _ b: Int32) {
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while poll(&fds, 2, 30_000) > 0 {
            for (i, entry) in fds.enumerated() where entry.revents != 0 {
                let n = read(entry.fd, &buffer, buffer.count)
                if n <= 0 { return }
                let other = fds[1 - i].fd
                var offset = 0
                while offset < n {
                    let written = buffer.withUnsafeBytes { write(other, $0.baseAddress! + offset, n - offset) }
                    if written <= 0 { return }
                    offset += written
                }
            }
        }
    }

    private static func connectLoopback(port: Int) -> Int32? {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }
}
