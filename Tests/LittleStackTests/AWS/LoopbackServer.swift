import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (port chosen by the OS) that answers each request with the next scripted reply
/// (the last one repeating) and records what it received. One connection per request (`Connection: close`).
final class AWSLoopbackServer: @unchecked Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body: String = ""
        /// Seconds to wait before answering.
        var delay: Double = 0
    }

    struct Received: Sendable {
        var method: String
        var target: String
        var headers: [(String, String)]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    private let listener: LoopbackListener
    var port: Int { listener.port }
    var endpoint: String { "http://127.0.0.1:\(port)" }
    private let lock = NSLock()
    private var replies: [Reply]
    private var receivedRequests: [Received] = []

    var received: [Received] { lock.withLock { receivedRequests } }

    init(replies: [Reply]) throws {
        self.replies = replies
        listener = try LoopbackListener()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Closes the listening socket (once).
    func stop() { listener.stop() }

    /// A port on 127.0.0.1 nothing listens on (bound, then closed).
    static func closedPort() throws -> Int { try LoopbackListener.closedPort() }

    private func acceptLoop() {
        while true {
            let client = accept(listener.fd, nil, nil)
            if client < 0 { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let separator = Data("\r\n\r\n".utf8)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { return }
            data.append(contentsOf: buffer[0..<n])
            headerEnd = data.range(of: separator)
        }
        let head = String(decoding: data[..<headerEnd!.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        var headers: [(String, String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((
                String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            ))
        }
        let length = Int(headers.first { $0.0.lowercased() == "content-length" }?.1 ?? "0") ?? 0
        var body = Data(data[headerEnd!.upperBound...])
        while body.count < length {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { break }
            body.append(contentsOf: buffer[0..<n])
        }
        let reply: Reply = lock.withLock {
            receivedRequests.append(Received(
                method: String(requestLine.first ?? ""), target: String(requestLine.dropFirst().first ?? ""),
                headers: headers, body: body))
            return replies.count > 1 ? replies.removeFirst() : replies[0]
        }
        if reply.delay > 0 { Thread.sleep(forTimeInterval: reply.delay) }
        let bodyBytes = Data(reply.body.utf8)
        var text = "HTTP/1.1 \(reply.status) Status\r\nContent-Length: \(bodyBytes.count)\r\nConnection: close\r\n"
        for (name, value) in reply.headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        var out = Data(text.utf8)
        out.append(bodyBytes)
        out.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(client, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }
}
