/// Decides which scalar styles can hold a string so that it reads back unchanged.
///
/// The rules are conservative: when in doubt, quote. Quoting never changes what a string reads as;
/// a wrongly plain scalar would.
enum ScalarStyleChooser {
    /// True when `text` can be written plain and read back as the same string.
    /// - Parameters:
    ///   - flow: Inside a flow collection, where `,[]{}` end a plain scalar.
    ///   - mustNotResolve: The scalar has no tag, so its text must not read as a number, boolean or null.
    static func canBePlain(_ text: String, flow: Bool, mustNotResolve: Bool) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        switch first {
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "), UInt8(ascii: "\t"):
            return false
        case UInt8(ascii: "-"):
            // `-x` is plain; `-`, `- x` and `---` are not.
            if bytes.count == 1 || bytes[1] == UInt8(ascii: " ") || bytes[1] == UInt8(ascii: "-") { return false }
        case UInt8(ascii: "."):
            if bytes.starts(with: Array("...".utf8)) { return false }
        default:
            break
        }
        if last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: ":") { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case 0x00..<0x20, 0x7F:
                return false
            case UInt8(ascii: " ") where previous == UInt8(ascii: ":"):
                return false
            case UInt8(ascii: "#") where previous == UInt8(ascii: " "):
                return false
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                if flow { return false }
            default:
                break
            }
            previous = byte
        }
        if bytes.contains(where: { $0 >= 0x80 }) {
            for scalar in text.unicodeScalars where !isPrintable(scalar) || scalar.value == 0xFEFF { return false }
        }
        if mustNotResolve {
            if case .string = ScalarResolver.resolvePlain(text) {} else { return false }
            if looksTyped(bytes) { return false }
        }
        return true
    }

    /// Text other YAML readers may type though this one does not: `.inf`, `1:20`, `2010-09-09`, `09`,
    /// `0o17`, `y`/`n`, `=`, `<<`. Quoting it keeps it a string everywhere.
    private static func looksTyped(_ bytes: [UInt8]) -> Bool {
        if bytes == [UInt8(ascii: "y")] || bytes == [UInt8(ascii: "Y")] || bytes == [UInt8(ascii: "n")]
            || bytes == [UInt8(ascii: "N")] || bytes == [UInt8(ascii: "=")] || bytes == Array("<<".utf8) {
            return true
        }
        var index = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count else { return false }
        let lead = bytes[index]
        if lead == UInt8(ascii: ".") {
            // .inf, .Inf, .INF, .nan… and number-like .5e3
            let rest = String(decoding: bytes[(index + 1)...], as: UTF8.self).lowercased()
            if rest == "inf" || rest == "nan" { return true }
        }
        guard (lead >= 48 && lead <= 57) || lead == UInt8(ascii: ".") else { return false }
        for byte in bytes[index...] {
            switch byte {
            case 48...57, UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "+"),
                 UInt8(ascii: "-"), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "x"), UInt8(ascii: "X"),
                 UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "a")...UInt8(ascii: "f"),
                 UInt8(ascii: "A")...UInt8(ascii: "F"), UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: "Z"),
                 UInt8(ascii: " "):
                continue
            default:
                return false
            }
        }
        return true
    }

    /// True when `text` fits in single quotes on one line (printable, no line breaks or tabs).
    static func canBeSingleQuoted(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !isPrintable(scalar) || scalar.value == 0x09 || scalar.value == 0xFEFF {
            return false
        }
        return true
    }

    /// True when `text` can be a literal block: printable lines, `\n` breaks only, some visible text.
    static func canBeLiteral(_ text: String) -> Bool {
        var visible = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: continue
            case 0x20: continue
            case 0xFEFF: return false
            default:
                if !isPrintable(scalar) { return false }
                visible = true
            }
        }
        return visible
    }

    /// YAML's printable set minus line breaks and tab: what may appear raw in any scalar style.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return true
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
