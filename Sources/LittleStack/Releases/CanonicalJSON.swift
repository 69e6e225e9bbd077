import YAMLBridge

/// A canonical JSON text of a node, the input of content hashes.
///
/// Mapping keys are sorted by their UTF-8 bytes (key order means nothing in an OpenAPI document or a
/// resource's properties), no whitespace, strings escaped minimally (`"`, `\` and control characters).
/// Plain scalars resolve as JSON would read them: `null`/`~`/empty → null, `true`/`false` → booleans,
/// JSON numbers kept as written; everything else is a string, so the same document read from YAML or
/// JSON gives the same text. A node with a tag (`!Ref x`) becomes `{"!Ref":x}`.
public enum CanonicalJSON {
    /// The canonical text of `node`.
    /// - Parameter node: a YAML or JSON node.
    /// - Returns: the canonical JSON text.
    public static func text(of node: Node) -> String {
        var out = ""
        write(node, to: &out)
        return out
    }

    private static func write(_ node: Node, to out: inout String) {
        let tag = node.tag.flatMap { $0.hasPrefix("!!") || $0 == "!" ? nil : $0 }
        if let tag {
            out += "{"
            writeString(tag, to: &out)
            out += ":"
        }
        switch node {
        case .scalar(let s):
            if s.style == .plain && (node.tag == nil || tag != nil) {
                writePlain(s.value, to: &out)
            } else {
                writeString(s.value, to: &out)
            }
        case .sequence(let seq):
            out += "["
            for (i, item) in seq.items.enumerated() {
                if i > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .mapping(let map):
            let pairs = map.pairs.map { (key: keyText($0.key), value: $0.value) }
                .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                writeString(pair.key, to: &out)
                out += ":"
                write(pair.value, to: &out)
            }
            out += "}"
        }
        if tag != nil { out += "}" }
    }

    /// A key's text: a scalar's value, else the collection's canonical text.
    private static func keyText(_ key: Node) -> String {
        if case .scalar(let s) = key, key.tag == nil { return s.value }
        return text(of: key)
    }

    private static func writePlain(_ value: String, to out: inout String) {
        switch value {
        case "", "~", "null", "Null", "NULL": out += "null"
        case "true", "True", "TRUE": out += "true"
        case "false", "False", "FALSE": out += "false"
        default:
            if isJSONNumber(value) { out += value } else { writeString(value, to: &out) }
        }
    }

    /// Whether `text` is a JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isJSONNumber(_ text: String) -> Bool {
        let b = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == 0x2D { i += 1 }
        if i < b.count, b[i] == 0x30 { i += 1 } else if digits() == 0 { return false }
        if i < b.count, b[i] == 0x2E {
            i += 1
            if digits() == 0 { return false }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            if digits() == 0 { return false }
        }
        return i == b.count
    }

    static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
