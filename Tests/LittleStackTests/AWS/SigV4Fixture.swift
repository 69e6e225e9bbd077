import Foundation

@testable import LittleStack

/// One case of AWS's SigV4 test suite read from Fixtures/sigv4: the request (`.req`) and, when present, the expected
/// canonical request (`.creq`), string to sign (`.sts`) and Authorization header (`.authz`).
struct SigV4Fixture {
    let name: String
    let request: AWSRequest
    let creq: String?
    let sts: String?
    let authz: String?

    static func text(_ name: String, _ ext: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/sigv4")
        else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// Reads `<name>.req` (request line, `Name:value` header lines, an indented line continuing the previous header
    /// with another value, a blank line, the body).
    init(_ name: String) throws {
        self.name = name
        guard let raw = Self.text(name, "req") else { throw FixtureMissing(name: name) }
        var lines = raw.components(separatedBy: "\n")
        let requestLine = lines.removeFirst()
        let method = String(requestLine.prefix { $0 != " " })
        var target = String(requestLine.dropFirst(method.count + 1))
        if let r = target.range(of: " HTTP/", options: .backwards) { target = String(target[..<r.lowerBound]) }
        var path = target
        var query: [(name: String, value: String)] = []
        if let q = target.firstIndex(of: "?") {
            path = String(target[..<q])
            for pair in target[target.index(after: q)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append((String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
            }
        }
        var headers: [(name: String, value: String)] = []
        var body = ""
        while !lines.isEmpty {
            let line = lines.removeFirst()
            if line.isEmpty {
                body = lines.joined(separator: "\n")
                break
            }
            if line.first == " " || line.first == "\t", let last = headers.last {
                headers.append((last.name, line))
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        let host = headers.first { $0.name.lowercased() == "host" }?.value ?? "example.amazonaws.com"
        request = AWSRequest(
            method: method, host: host, path: path, query: query, headers: headers, body: Data(body.utf8))
        creq = Self.text(name, "creq")
        sts = Self.text(name, "sts")
        authz = Self.text(name, "authz")
    }

    struct FixtureMissing: Error { let name: String }
}
