/// One template's text and the name errors print for it.
struct Source: Sendable {
    /// The path (or name) errors show.
    let path: String
    /// The template text as UTF-8.
    let bytes: [UInt8]

    /// The text of a 1-based line, without its line terminator.
    func lineText(_ line: Int) -> String {
        var current = 1
        var start = 0
        var i = 0
        while i < bytes.count && current < line {
            if bytes[i] == 0x0A { current += 1; start = i + 1 }
            i += 1
        }
        if current < line { return "" }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
