import Foundation
import Testing
@testable import YAMLBridge

/// Random, truncated and mutated input never crashes or hangs the readers, and what reads writes back.
@Suite struct FuzzTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let pieces: [String] = [
        "a", "key", ": ", ":", "-", "- ", "\n", "\n  ", "  ", "\t", "'", "\"", "[", "]", "{", "}", ",", "#", "&x ",
        "*x", "!Ref ", "!!str ", "|", ">", "|-", "---", "...", "?", "%YAML 1.1", "\\", "é", "😀", "\u{1}", "\r\n",
        "0x1F", "1.5", "true", "~", "${A}",
    ]

    @Test func randomPiecesNeverCrash() {
        var random = Random(state: 42)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<random.below(30) { text += FuzzTests.pieces[random.below(FuzzTests.pieces.count)] }
            let bytes = Array(text.utf8)
            if let node = try? YAMLReader.parse(bytes, path: "f.yaml") {
                // Whatever reads must write back to an equal tree.
                let written = YAMLWriter.write(node)
                let again = try? YAMLReader.parse(Array(written.utf8), path: "w.yaml")
                #expect(again == node, "\(text.debugDescription) wrote \(written.debugDescription)")
                _ = JSONWriter.write(node)
                _ = try? CloudFormationYAML.toJSONTree(node)
            }
            _ = try? YAMLReader.parseStream(bytes, path: "f.yaml")
            _ = try? JSONReader.parse(bytes, path: "f.json")
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = Random(state: 7)
        for _ in 0..<2000 {
            let bytes = (0..<random.below(64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            _ = try? YAMLReader.parse(bytes, path: "f.yaml")
            _ = try? JSONReader.parse(bytes, path: "f.json")
        }
    }

    @Test func everyTruncationOfTheCorpusIsHandled() throws {
        for name in ["iam-policies", "scalars-and-anchors"] {
            let yaml = Array(try Data(contentsOf: fixturesURL.appendingPathComponent("cfn/\(name).yaml")))
            let json = Array(try Data(contentsOf: fixturesURL.appendingPathComponent("cfn/\(name).json")))
            for cut in stride(from: 0, to: yaml.count, by: 7) {
                _ = try? YAMLReader.parse(Array(yaml[..<cut]), path: "t.yaml")
            }
            var jsonFailures = 0
            for cut in stride(from: 0, to: json.count, by: 5) {
                do { _ = try JSONReader.parse(Array(json[..<cut]), path: "t.json") } catch { jsonFailures += 1 }
            }
            // A JSON object cut anywhere short of its end is never complete.
            #expect(jsonFailures == (json.count + 4) / 5)
        }
    }

    @Test func randomStringsWriteBackExactly() {
        var random = Random(state: 99)
        let alphabet: [Unicode.Scalar] = ["a", "Z", "0", "1", " ", "\n", "\t", "'", "\"", ":", "#", "-", "?", "{", "}",
                                          "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`", "\\", ".", "é", "\u{7}",
                                          "\u{85}", "\u{2028}", "\u{FEFF}", "😀", "\r", "~"]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<random.below(12) { text.unicodeScalars.append(alphabet[random.below(alphabet.count)]) }
            let node = Node.mapping(Node.Mapping([
                (key: .scalar(Node.Scalar(text, style: .doubleQuoted)), value: .sequence(Node.Sequence([
                    .scalar(Node.Scalar(text, style: .doubleQuoted)),
                    .scalar(Node.Scalar(text, tag: "!Sub", style: .doubleQuoted)),
                ]))),
            ]))
            let written = YAMLWriter.write(node)
            let again = try? YAMLReader.parse(Array(written.utf8), path: "w.yaml")
            #expect(again == node, "\(text.debugDescription) wrote \(written.debugDescription)")
        }
    }

    @Test func deepestAllowedNestingWorksEverywhere() throws {
        // 512 levels once !Ref becomes {"Ref": …}, the most the readers take: every stage recurses that deep.
        let text = String(repeating: "- ", count: 510) + "[!Ref x]\n"
        let node = try yaml(text)
        let long = try CloudFormationYAML.toJSONTree(node)
        let json = JSONWriter.write(long, indent: 1)
        let fromJSON = try JSONReader.parse(Array(json.utf8), path: "deep.json")
        #expect(fromJSON == long)
        let written = YAMLWriter.write(CloudFormationYAML.toYAMLTree(fromJSON))
        #expect(try yaml(written) == node)
        #expect(node.hashValue == (try yaml(written)).hashValue)
    }

    @Test func expansionBoundHoldsForWideAndDeepAliases() {
        // 30 levels of doubling: 2^30 nodes if expanded.
        var text = "l0: &l0 [x, x]\n"
        for level in 1...30 { text += "l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]\n" }
        let start = Date()
        let error = #expect(throws: YAMLError.self) { try YAMLReader.parse(Array(text.utf8), path: "b.yaml") }
        #expect(error?.message.hasPrefix("aliases expand the document past 1000000 nodes") == true)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
