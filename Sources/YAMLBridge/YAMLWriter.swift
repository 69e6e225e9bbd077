/// Writes a `Node` tree as YAML the way people write it by hand.
///
/// Block style with two-space indents (sequences indented under their key, as cfn-flip writes them),
/// literal blocks (`|`, `|-`, `|+`) for multi-line strings, and quotes only where a plain scalar would read
/// back differently: the text re-reads with `YAMLReader` to an equal tree (`==`). Tags are written
/// before their node (`!Ref Name`, `!If` above a block sequence). Empty collections are `[]` and `{}`.
public enum YAMLWriter {
    /// The YAML text of `node`: one document without `---`, ending in a newline.
    /// - Parameter node: The tree to write.
    /// - Returns: The YAML text.
    public static func write(_ node: Node) -> String {
        var writer = YAMLTextWriter()
        writer.writeRoot(node)
        return String(decoding: writer.output, as: UTF8.self)
    }
}

/// The byte-level writer behind `YAMLWriter`.
struct YAMLTextWriter {
    /// Spaces per nesting level.
    static let step = 2
    /// libyaml refuses implicit keys longer than this; longer keys use the explicit `? key` form.
    static let implicitKeyLimit = 1000

    var output: [UInt8] = []

    init() {
        output.reserveCapacity(4096)
    }

    // MARK: - Block structure

    mutating func writeRoot(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            writeScalar(scalar, contentIndent: YAMLTextWriter.step)
            newline()
        case .sequence(let sequence):
            if sequence.items.isEmpty || sequence.tag != nil {
                if writeTagAndEmpty(node) { newline(); return }
                newline()
            }
            writeSequenceBody(sequence, indent: 0, firstInline: false)
        case .mapping(let mapping):
            if mapping.pairs.isEmpty || mapping.tag != nil {
                if writeTagAndEmpty(node) { newline(); return }
                newline()
            }
            writeMappingBody(mapping, indent: 0, firstInline: false)
        }
    }

    /// Writes the node's tag and, for an empty collection, `[]`/`{}`; true when the node is then complete.
    private mutating func writeTagAndEmpty(_ node: Node) -> Bool {
        var wroteTag = false
        if let tag = node.tag {
            writeTag(tag)
            wroteTag = true
        }
        switch node {
        case .sequence(let s) where s.items.isEmpty:
            if wroteTag { space() }
            append("[]")
            return true
        case .mapping(let m) where m.pairs.isEmpty:
            if wroteTag { space() }
            append("{}")
            return true
        default:
            return false
        }
    }

    /// The value after `key:` whose key sits at column `indent`.
    private mutating func writeMappingValue(_ node: Node, indent: Int) {
        let inner = indent + YAMLTextWriter.step
        switch node {
        case .scalar(let scalar):
            space()
            writeScalar(scalar, contentIndent: inner)
            newline()
        case .sequence(let sequence):
            if sequence.items.isEmpty || sequence.tag != nil {
                space()
                if writeTagAndEmpty(node) { newline(); return }
            }
            newline()
            writeSequenceBody(sequence, indent: inner, firstInline: false)
        case .mapping(let mapping):
            if mapping.pairs.isEmpty || mapping.tag != nil {
                space()
                if writeTagAndEmpty(node) { newline(); return }
            }
            newline()
            writeMappingBody(mapping, indent: inner, firstInline: false)
        }
    }

    /// The item after a `-` written at column `indent`.
    private mutating func writeSequenceItem(_ node: Node, indent: Int) {
        let inner = indent + YAMLTextWriter.step
        switch node {
        case .scalar(let scalar):
            space()
            writeScalar(scalar, contentIndent: inner)
            newline()
        case .sequence(let sequence):
            space()
            if sequence.items.isEmpty || sequence.tag != nil {
                if writeTagAndEmpty(node) { newline(); return }
                newline()
                writeSequenceBody(sequence, indent: inner, firstInline: false)
                return
            }
            writeSequenceBody(sequence, indent: inner, firstInline: true)
        case .mapping(let mapping):
            space()
            if mapping.pairs.isEmpty || mapping.tag != nil {
                if writeTagAndEmpty(node) { newline(); return }
                newline()
                writeMappingBody(mapping, indent: inner, firstInline: false)
                return
            }
            writeMappingBody(mapping, indent: inner, firstInline: true)
        }
    }

    private mutating func writeSequenceBody(_ sequence: Node.Sequence, indent: Int, firstInline: Bool) {
        for (position, item) in sequence.items.enumerated() {
            if position > 0 || !firstInline { spaces(indent) }
            output.append(UInt8(ascii: "-"))
            writeSequenceItem(item, indent: indent)
        }
    }

    private mutating func writeMappingBody(_ mapping: Node.Mapping, indent: Int, firstInline: Bool) {
        for (position, pair) in mapping.pairs.enumerated() {
            if position > 0 || !firstInline { spaces(indent) }
            let start = output.count
            writeKey(pair.key)
            if output.count - start > YAMLTextWriter.implicitKeyLimit {
                // Too long for an implicit key: `? key` on its own line, then `: value`.
                output.insert(contentsOf: Array("? ".utf8), at: start)
                newline()
                spaces(indent)
            }
            output.append(UInt8(ascii: ":"))
            writeMappingValue(pair.value, indent: indent)
        }
    }

    /// A key on one line: a scalar in a single-line style, a collection in flow style.
    private mutating func writeKey(_ key: Node) {
        switch key {
        case .scalar(let scalar):
            writeInlineScalar(scalar, flow: false)
        case .sequence, .mapping:
            writeFlow(key)
        }
    }

    /// A collection in flow style (`[a, b]`, `{k: v}`), for collection keys.
    private mutating func writeFlow(_ node: Node) {
        if let tag = node.tag {
            writeTag(tag)
            space()
        }
        switch node {
        case .scalar(let scalar):
            writeInlineScalar(scalar, flow: true, withTag: false)
        case .sequence(let sequence):
            output.append(UInt8(ascii: "["))
            for (position, item) in sequence.items.enumerated() {
                if position > 0 { append(", ") }
                writeFlow(item)
            }
            output.append(UInt8(ascii: "]"))
        case .mapping(let mapping):
            output.append(UInt8(ascii: "{"))
            for (position, pair) in mapping.pairs.enumerated() {
                if position > 0 { append(", ") }
                writeFlow(pair.key)
                append(": ")
                writeFlow(pair.value)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    // MARK: - Scalars

    /// A scalar in value position; multi-line strings become literal blocks indented to `contentIndent`.
    private mutating func writeScalar(_ scalar: Node.Scalar, contentIndent: Int) {
        let text = scalar.value
        if text.utf8.contains(0x0A), ScalarStyleChooser.canBeLiteral(text) {
            if let tag = scalar.tag {
                writeTag(tag)
                space()
            }
            writeLiteral(text, indent: contentIndent)
            return
        }
        writeInlineScalar(scalar, flow: false)
    }

    /// A scalar on one line: plain when it reads back the same, else single- or double-quoted.
    private mutating func writeInlineScalar(_ scalar: Node.Scalar, flow: Bool, withTag: Bool = true) {
        if withTag, let tag = scalar.tag {
            writeTag(tag)
            space()
        }
        let text = scalar.value
        let resolved = ScalarResolver.resolve(scalar)
        let keepsType: Bool
        if scalar.tag == nil, scalar.style == .plain {
            if case .string = resolved { keepsType = false } else { keepsType = true }
        } else {
            keepsType = false
        }
        if keepsType {
            // A typed plain scalar (number, boolean, null) is written as it was.
            if text.isEmpty { append("null") } else { output.append(contentsOf: text.utf8) }
            return
        }
        // A string; tagged scalars read back as strings whatever their text, untagged ones must not resolve.
        let mustNotResolve = scalar.tag == nil
        if ScalarStyleChooser.canBePlain(text, flow: flow, mustNotResolve: mustNotResolve) {
            output.append(contentsOf: text.utf8)
        } else if ScalarStyleChooser.canBeSingleQuoted(text) {
            output.append(UInt8(ascii: "'"))
            for byte in text.utf8 {
                if byte == UInt8(ascii: "'") { output.append(byte) }
                output.append(byte)
            }
            output.append(UInt8(ascii: "'"))
        } else {
            writeDoubleQuoted(text)
        }
    }

    /// `|`, `|-` or `|+` (with an indentation indicator when the text starts with white space) and the lines.
    private mutating func writeLiteral(_ text: String, indent: Int) {
        output.append(UInt8(ascii: "|"))
        let bytes = Array(text.utf8)
        if let first = bytes.first, first == 0x20 || first == 0x09 || first == 0x0A {
            output.append(contentsOf: String(YAMLTextWriter.step).utf8)
        }
        var trailingBreaks = 0
        var index = bytes.count - 1
        while index >= 0, bytes[index] == 0x0A {
            trailingBreaks += 1
            index -= 1
        }
        if trailingBreaks == 0 { output.append(UInt8(ascii: "-")) } else if trailingBreaks > 1 { output.append(UInt8(ascii: "+")) }
        // The lines without the final break (chomping puts the breaks back).
        let body = trailingBreaks == 0 ? bytes[...] : bytes[..<(bytes.count - 1)]
        output.append(0x0A)
        var lineStart = true
        for byte in body {
            if byte == 0x0A {
                output.append(byte)
                lineStart = true
                continue
            }
            if lineStart {
                spaces(indent)
                lineStart = false
            }
            output.append(byte)
        }
        // The caller ends the last line.
    }

    private mutating func writeDoubleQuoted(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x00: append("\\0")
            case 0x07: append("\\a")
            case 0x08: append("\\b")
            case 0x09: append("\\t")
            case 0x0A: append("\\n")
            case 0x0B: append("\\v")
            case 0x0C: append("\\f")
            case 0x0D: append("\\r")
            case 0x1B: append("\\e")
            case 0x85: append("\\N")
            case 0xA0: append("\\_")
            case 0x2028: append("\\L")
            case 0x2029: append("\\P")
            default:
                if ScalarStyleChooser.isPrintable(scalar) {
                    output.append(contentsOf: String(scalar).utf8)
                } else if scalar.value <= 0xFF {
                    append("\\x")
                    hex(scalar.value, digits: 2)
                } else if scalar.value <= 0xFFFF {
                    append("\\u")
                    hex(scalar.value, digits: 4)
                } else {
                    append("\\U")
                    hex(scalar.value, digits: 8)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `!Ref`, `!!str` and `!` as written; any other tag in the verbatim form `!<…>`.
    private mutating func writeTag(_ tag: String) {
        if tag.hasPrefix("!") {
            output.append(contentsOf: tag.utf8)
        } else {
            append("!<")
            output.append(contentsOf: tag.utf8)
            append(">")
        }
    }

    // MARK: - Bytes

    private mutating func hex(_ value: UInt32, digits: Int) {
        let text = String(value, radix: 16, uppercase: true)
        output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, digits - text.count)))
        output.append(contentsOf: text.utf8)
    }

    private mutating func append(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func space() { output.append(UInt8(ascii: " ")) }
    private mutating func newline() { output.append(0x0A) }
    private mutating func spaces(_ count: Int) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }
}
