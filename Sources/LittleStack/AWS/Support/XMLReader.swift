import Foundation

/// Reads the XML that AWS services reply with into an ``XMLTree``, on UTF-8 bytes.
///
/// Written by hand rather than over Foundation's `XMLParser`: that one links libxml2 (and FoundationXML) into
/// every `littlestack` process, offline commands included, which costs start-up time on each run. AWS replies use
/// a small part of XML: a declaration, elements with namespace prefixes and attributes, character data with the
/// five predefined entities and character references, CDATA, comments. Anything outside well-formed XML (a
/// mismatched or unclosed tag, a stray `<`, an unknown entity, a second root, a DOCTYPE) makes the reply
/// unreadable (`nil`), as a validating parser would.
struct XMLReader {
    private let bytes: [UInt8]
    private var at = 0
    /// Nesting limit: replies are a few levels deep, and a hostile reply must not exhaust the stack.
    private static let maxDepth = 256

    init(_ data: Data) { bytes = [UInt8](data) }

    /// The root element, or `nil` when the bytes are not well-formed XML.
    mutating func readDocument() -> XMLTree? {
        skipBOM()
        guard skipMisc() else { return nil }
        guard peek(0x3C), let root = readElement(depth: 0) else { return nil }
        guard skipMisc(), at == bytes.count else { return nil }
        return root
    }

    // MARK: - Prolog and misc

    private mutating func skipBOM() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { at = 3 }
    }

    /// Skips whitespace, comments and processing instructions (the declaration among them) between markup.
    private mutating func skipMisc() -> Bool {
        while true {
            skipSpace()
            if starts("<?") {
                guard skip(past: "?>") else { return false }
            } else if starts("<!--") {
                guard skip(past: "-->") else { return false }
            } else {
                return true
            }
        }
    }

    // MARK: - Elements

    /// An element starting at `<`: its name, attributes (checked, not kept), content and matching end tag.
    private mutating func readElement(depth: Int) -> XMLTree? {
        guard depth < Self.maxDepth else { return nil }
        at += 1
        guard let qualified = readName() else { return nil }
        guard readAttributes() else { return nil }
        var element = XMLTree(name: Self.localName(qualified))
        if starts("/>") {
            at += 2
            return element
        }
        guard peek(0x3E) else { return nil }
        at += 1
        var text: [UInt8] = []
        while at < bytes.count {
            let b = bytes[at]
            if b == 0x3C {
                if starts("</") {
                    at += 2
                    guard let closing = readName(), closing == qualified else { return nil }
                    skipSpace()
                    guard peek(0x3E) else { return nil }
                    at += 1
                    element.text = String(decoding: text, as: UTF8.self)
                    return element
                } else if starts("<![CDATA[") {
                    at += 9
                    let start = at
                    guard skip(past: "]]>") else { return nil }
                    text.append(contentsOf: bytes[start..<(at - 3)])
                } else if starts("<!--") {
                    guard skip(past: "-->") else { return nil }
                } else if starts("<?") {
                    guard skip(past: "?>") else { return nil }
                } else {
                    guard let child = readElement(depth: depth + 1) else { return nil }
                    element.children.append(child)
                }
            } else if b == 0x26 {
                guard readReference(into: &text) else { return nil }
            } else {
                text.append(b)
                at += 1
            }
        }
        return nil
    }

    /// Attributes up to `>` or `/>`: `name="value"` or `name='value'`, values with valid references.
    private mutating func readAttributes() -> Bool {
        while true {
            let hadSpace = skipSpace()
            if peek(0x3E) || starts("/>") { return true }
            guard hadSpace, readName() != nil else { return false }
            skipSpace()
            guard peek(0x3D) else { return false }
            at += 1
            skipSpace()
            guard at < bytes.count, bytes[at] == 0x22 || bytes[at] == 0x27 else { return false }
            let quote = bytes[at]
            at += 1
            var ignored: [UInt8] = []
            while at < bytes.count, bytes[at] != quote {
                if bytes[at] == 0x3C { return false }
                if bytes[at] == 0x26 {
                    guard readReference(into: &ignored) else { return false }
                } else {
                    at += 1
                }
            }
            guard at < bytes.count else { return false }
            at += 1
        }
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#NN;` `&#xHH;`, appended as UTF-8.
    private mutating func readReference(into out: inout [UInt8]) -> Bool {
        guard let semicolon = bytes[at...].prefix(12).firstIndex(of: 0x3B) else { return false }
        let name = bytes[(at + 1)..<semicolon]
        at = semicolon + 1
        switch String(decoding: name, as: UTF8.self) {
        case "lt": out.append(0x3C)
        case "gt": out.append(0x3E)
        case "amp": out.append(0x26)
        case "quot": out.append(0x22)
        case "apos": out.append(0x27)
        case let reference where reference.hasPrefix("#"):
            let digits = reference.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return false }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: return false
        }
        return true
    }

    // MARK: - Lexical pieces

    /// A name: letters, digits, `_`, `-`, `.`, `:` and any non-ASCII byte, not starting with a digit, `-` or `.`.
    private mutating func readName() -> String? {
        let start = at
        while at < bytes.count {
            let b = bytes[at]
            let isStart = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x3A || b >= 0x80
            let isPart = isStart || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E
            if at == start ? !isStart : !isPart { break }
            at += 1
        }
        return at > start ? String(decoding: bytes[start..<at], as: UTF8.self) : nil
    }

    /// Skips spaces, tabs and line breaks; whether there were any.
    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = at
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A || bytes[at] == 0x0D {
            at += 1
        }
        return at > start
    }

    private func peek(_ byte: UInt8) -> Bool { at < bytes.count && bytes[at] == byte }

    private func starts(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { lit in
            for i in 0..<count where bytes[at + i] != lit[i] { return false }
            return true
        }
    }

    /// Moves past the next occurrence of `terminator`; false when there is none.
    private mutating func skip(past terminator: StaticString) -> Bool {
        while at < bytes.count {
            if starts(terminator) {
                at += terminator.utf8CodeUnitCount
                return true
            }
            at += 1
        }
        return false
    }

    /// `ns:Name` → `Name`.
    private static func localName(_ qualified: String) -> String {
        guard let colon = qualified.utf8.lastIndex(of: 0x3A) else { return qualified }
        return String(qualified[qualified.utf8.index(after: colon)...])
    }
}
