import Foundation
import Testing
@testable import YAMLBridge

/// Reads YAML text for a test, failing the test with the error text when it does not read.
func yaml(_ text: String, path: String = "t.yaml") throws -> Node {
    try YAMLReader.parse(Array(text.utf8), path: path)
}

/// The error text reading `text` gives, or nil when it reads.
func yamlError(_ text: String, path: String = "t.yaml") -> String? {
    do {
        _ = try YAMLReader.parse(Array(text.utf8), path: path)
        return nil
    } catch {
        return "\(error)"
    }
}

/// The error text reading `text` as JSON gives, or nil when it reads.
func jsonError(_ text: String, path: String = "t.json") -> String? {
    do {
        _ = try JSONReader.parse(Array(text.utf8), path: path)
        return nil
    } catch {
        return "\(error)"
    }
}

/// A stable one-line dump of a tree: tags, styles and marks, to compare composed trees exactly.
func dump(_ node: Node) -> String {
    func style(_ s: Node.Scalar.Style) -> String {
        switch s {
        case .plain: return "plain"
        case .singleQuoted: return "single"
        case .doubleQuoted: return "double"
        case .literal: return "literal"
        case .folded: return "folded"
        }
    }
    func tag(_ t: String?) -> String { t.map { "\($0) " } ?? "" }
    switch node {
    case .scalar(let s):
        return "\(tag(s.tag))\(style(s.style))(\(s.value.debugDescription))@\(s.start)-\(s.end)"
    case .sequence(let s):
        return "\(tag(s.tag))[" + s.items.map(dump).joined(separator: ", ") + "]@\(s.start)-\(s.end)"
    case .mapping(let m):
        return "\(tag(m.tag)){" + m.pairs.map { "\(dump($0.key)): \(dump($0.value))" }.joined(separator: ", ")
            + "}@\(m.start)-\(m.end)"
    }
}

/// The folder of committed fixtures.
let fixturesURL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
