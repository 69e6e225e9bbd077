/// Regular-expression literals (`r/…/flags`) run on Swift's regex engine, whose syntax covers what templates use.
extension RegexValue {
    func compiled() throws -> Regex<AnyRegexOutput> {
        do {
            var r = try Regex(pattern)
            if ignoreCase { r = r.ignoresCase() }
            if flags.contains("m") { r = r.anchorsMatchLineEndings() }
            return r
        } catch {
            throw TemplateError.Kind.runtime("invalid regular expression /\(pattern)/")
        }
    }

    func firstMatch(in s: String) throws -> Regex<AnyRegexOutput>.Match? {
        try s.firstMatch(of: compiled())
    }

    /// `String.prototype.replace` with this regex: every match with `g`, else the first; `$&`, `$1`…, `$$` expand.
    func replace(in s: String, with replacement: String) throws -> String {
        let r = try compiled()
        var out = ""
        var last = s.startIndex
        for m in s.matches(of: r) {
            out += s[last..<m.range.lowerBound]
            out += expand(replacement, m, in: s)
            last = m.range.upperBound
            if !global { break }
        }
        out += s[last...]
        return out
    }

    private func expand(_ template: String, _ m: Regex<AnyRegexOutput>.Match, in s: String) -> String {
        var out = ""
        var chars = Array(template.unicodeScalars)[...]
        while let c = chars.popFirst() {
            guard c == "$", let n = chars.first else { out.unicodeScalars.append(c); continue }
            if n == "$" { out += "$"; chars.removeFirst() }
            else if n == "&" { out += s[m.range]; chars.removeFirst() }
            else if let d = Int(String(n)), d > 0, d < m.output.count {
                chars.removeFirst()
                if let sub = m.output[d].substring { out += sub }
            } else { out += "$" }
        }
        return out
    }

    func split(_ s: String) throws -> [String] {
        let r = try compiled()
        var parts: [String] = []
        var last = s.startIndex
        for m in s.matches(of: r) where !m.range.isEmpty {
            parts.append(String(s[last..<m.range.lowerBound]))
            last = m.range.upperBound
        }
        parts.append(String(s[last...]))
        return parts
    }

    /// `String.prototype.match`: all matches with `g`, else the first match and its groups; null when none.
    func match(_ s: String) throws -> Value {
        let r = try compiled()
        if global {
            let all = s.matches(of: r).map { Value(String(s[$0.range])) }
            return all.isEmpty ? .null : Value(array: all)
        }
        guard let m = s.firstMatch(of: r) else { return .null }
        return Value(array: (0..<m.output.count).map { i in m.output[i].substring.map { Value(String($0)) } ?? .undefined })
    }
}
