/// Writes a `Node` tree as JSON text.
///
/// Keys keep their order; scalars are written as `ScalarResolver` types them; a number is written as its
/// source text when that text is valid JSON (`1.50` stays `1.50`), otherwise as its value (`0x1F` → `31`,
/// `1_000` → `1000`, `+1.5` → `1.5`). Tags are not written: convert CloudFormation short forms with
/// `CloudFormationYAML.toJSONTree` first. With an indent, the layout is Python's `json.dumps(indent:)`,
/// which cfn-flip prints (`"key": value`, `[]` and `{}` for empty collections, non-ASCII kept as is).
public enum JSONWriter {
    /// The JSON text of `node`, without a final newline.
    /// - Parameters:
    ///   - node: The tree to write.
    ///   - indent: Spaces per nesting level; 0 writes everything on one line with no spaces.
    /// - Returns: The JSON text.
    public static func write(_ node: Node, indent: Int = 2) -> String {
        var writer = JSONTextWriter(indent: max(0, indent))
        writer.write(node, level: 0)
        return String(decoding: writer.output, as: UTF8.self)
    }
}

/// The byte-level writer behind `JSONWriter`.
struct JSONTextWriter {
    let indent: Int
    var output: [UInt8] = []

    init(indent: Int) {
        self.indent = indent
        output.reserveCapacity(4096)
    }

    mutating func write(_ node: Node, level: Int) {
        switch node {
        case .scalar(let scalar):
            writeScalar(scalar)
        case .sequence(let sequence):
            if sequence.items.isEmpty {
                append("[]")
                return
            }
            output.append(UInt8(ascii: "["))
            for (position, item) in sequence.items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newLine(level + 1)
                write(item, level: level + 1)
            }
            newLine(level)
            output.append(UInt8(ascii: "]"))
        case .mapping(let mapping):
            if mapping.pairs.isEmpty {
                append("{}")
                return
            }
            output.append(UInt8(ascii: "{"))
            for (position, pair) in mapping.pairs.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newLine(level + 1)
                writeString(JSONTextWriter.keyText(pair.key))
                output.append(UInt8(ascii: ":"))
                if indent > 0 { output.append(UInt8(ascii: " ")) }
                write(pair.value, level: level + 1)
            }
            newLine(level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newLine(_ level: Int) {
        guard indent > 0 else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * indent))
    }

    private mutating func append(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func writeScalar(_ scalar: Node.Scalar) {
        switch ScalarResolver.resolve(scalar) {
        case .null: append("null")
        case .bool(let value): value ? append("true") : append("false")
        case .number(let value, let text): output.append(contentsOf: JSONTextWriter.numberText(value, text: text).utf8)
        case .string(let text): writeString(text)
        }
    }

    /// A key as JSON needs it, a string: what Python's `json` makes of a typed key (`1` → "1", `true` → "true").
    static func keyText(_ key: Node) -> String {
        switch key {
        case .scalar(let scalar):
            switch ScalarResolver.resolve(scalar) {
            case .null: return "null"
            case .bool(let value): return value ? "true" : "false"
            case .number(let value, let text): return numberText(value, text: text)
            case .string(let text): return text
            }
        case .mapping, .sequence:
            // JSON has no collection keys: the key's own compact JSON stands in for it.
            return JSONWriter.write(key, indent: 0)
        }
    }

    /// The source text when it is valid JSON, else the value: integers without a fraction, other
    /// numbers in the shortest form that reads back the same.
    static func numberText(_ value: Double, text: String) -> String {
        if isJSONNumber(text) { return text }
        if value.rounded() == value, abs(value) < 1e16 {
            var form: ScalarResolver.NumberForm? = nil
            var copy = text
            copy.withUTF8 { form = ScalarResolver.numberForm($0) }
            if form != .float { return String(Int64(value)) }
        }
        return value.description
    }

    /// True when `text` matches JSON's number grammar.
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        var state = 0
        // States: 0 start, 1 after '-', 2 after leading 0, 3 int digits, 4 after '.', 5 frac digits,
        // 6 after 'e', 7 after exponent sign, 8 exponent digits.
        while let byte = bytes.next() {
            let digit = byte >= 48 && byte <= 57
            switch state {
            case 0: if byte == UInt8(ascii: "-") { state = 1 } else if byte == 48 { state = 2 } else if digit { state = 3 } else { return false }
            case 1: if byte == 48 { state = 2 } else if digit { state = 3 } else { return false }
            case 2, 3:
                if state == 3, digit { continue }
                if byte == UInt8(ascii: ".") { state = 4 } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { state = 6 } else { return false }
            case 4: if digit { state = 5 } else { return false }
            case 5:
                if digit { continue }
                if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { state = 6 } else { return false }
            case 6: if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { state = 7 } else if digit { state = 8 } else { return false }
            case 7: if digit { state = 8 } else { return false }
            default: if !digit { return false }
            }
        }
        return state == 2 || state == 3 || state == 5 || state == 8
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`, all else as is.
    mutating func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append("\\u00")
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
