extension DiffReport {
    /// ANSI styles used when the report is printed to a terminal.
    enum Style: String {
        case bold = "\u{1B}[1m"
        case green = "\u{1B}[32m"
        case red = "\u{1B}[31m"
        case yellow = "\u{1B}[33m"
        case reset = "\u{1B}[0m"
    }

    /// Values longer than this many characters are shortened in text output (JSON output keeps them whole).
    static let maxValueLength = 200

    /// The report for people: one block per section, `+` added, `-` removed, `~` changed with
    /// each property path and `old → new`, then a summary line.
    /// - Parameter color: wrap markers in ANSI colours (for a terminal).
    /// - Returns: the text, ending with a line break.
    public func text(color: Bool = false) -> String {
        func paint(_ s: String, _ style: Style) -> String {
            color ? style.rawValue + s + Style.reset.rawValue : s
        }
        func label(_ e: Entry) -> String { e.type.map { "\(e.name) (\($0))" } ?? e.name }
        var out = ""
        for section in sections {
            out += paint(section.name, .bold) + "\n"
            for e in section.added { out += paint("  + " + label(e), .green) + "\n" }
            for e in section.removed { out += paint("  - " + label(e), .red) + "\n" }
            for c in section.changed {
                if c.changes.count == 1, c.changes[0].path.isEmpty, c.changes[0].kind == .changed {
                    // A scalar entry (a description, a version): old → new on its own line.
                    out += paint("  ~ " + label(c.entry), .yellow) + ": " + paint(DiffReport.show(c.changes[0].old), .red)
                        + " → " + paint(DiffReport.show(c.changes[0].new), .green) + "\n"
                    continue
                }
                out += paint("  ~ " + label(c.entry), .yellow) + "\n"
                for change in c.changes {
                    let path = change.path.isEmpty ? "(value)" : change.path
                    switch change.kind {
                    case .added: out += paint("      + \(path): \(DiffReport.show(change.new))", .green) + "\n"
                    case .removed: out += paint("      - \(path): \(DiffReport.show(change.old))", .red) + "\n"
                    case .changed:
                        out += "      ~ \(path): " + paint(DiffReport.show(change.old), .red) + " → "
                            + paint(DiffReport.show(change.new), .green) + "\n"
                    }
                }
            }
        }
        out += summary + "\n"
        return out
    }

    /// `no differences`, or `1 added, 2 removed, 3 changed`.
    public var summary: String {
        if isEqual { return "no differences" }
        let c = counts
        return "\(c.added) added, \(c.removed) removed, \(c.changed) changed"
    }

    static func show(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        let text = value.jsonText()
        guard text.count > maxValueLength else { return text }
        return String(text.prefix(maxValueLength - 1)) + "…"
    }

    /// The report as data: `equal`, `sections` (each with `added`, `removed`, `changed`) and `summary` counts.
    public var jsonValue: JSONValue {
        func entry(_ e: Entry) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("name", .string(e.name))]
            if let t = e.type { pairs.append(("type", .string(t))) }
            return .object(pairs)
        }
        func change(_ c: PropertyChange) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("kind", .string(c.kind.rawValue)), ("path", .string(c.path))]
            if let old = c.old { pairs.append(("old", old)) }
            if let new = c.new { pairs.append(("new", new)) }
            return .object(pairs)
        }
        let c = counts
        return .object([
            ("equal", .bool(isEqual)),
            ("sections", .array(sections.map { s in
                .object([
                    ("name", .string(s.name)),
                    ("added", .array(s.added.map(entry))),
                    ("removed", .array(s.removed.map(entry))),
                    ("changed", .array(s.changed.map { ch in
                        var e = entry(ch.entry)
                        if case .object(var pairs) = e { pairs.append(("changes", .array(ch.changes.map(change)))); e = .object(pairs) }
                        return e
                    })),
                ])
            })),
            ("summary", .object([
                ("added", .number(Double(c.added))), ("removed", .number(Double(c.removed))),
                ("changed", .number(Double(c.changed))),
            ])),
        ])
    }
}
