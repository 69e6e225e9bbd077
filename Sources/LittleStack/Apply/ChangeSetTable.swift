/// The change table printed before a change set is executed: Action, Logical ID, Type, Replacement.
///
/// `True` and `Conditional` replacements are the ones that destroy a resource and make a new one, so on a terminal
/// they are coloured (red and yellow); piped output has no escape codes.
public struct ChangeSetTable: Sendable, Equatable {
    /// One resource change, as DescribeChangeSet lists it.
    public struct Row: Sendable, Equatable, Codable {
        /// `Add`, `Modify`, `Remove`, `Import` or `Dynamic`.
        public var action: String
        /// The resource's logical ID.
        public var logicalResourceID: String
        /// The resource type.
        public var resourceType: String
        /// `True`, `False` or `Conditional` for modifications; nil when CloudFormation gives none (adds, removes,
        /// and everything in the local emulator).
        public var replacement: String?

        /// Makes a row.
        public init(action: String, logicalResourceID: String, resourceType: String, replacement: String? = nil) {
            self.action = action
            self.logicalResourceID = logicalResourceID
            self.resourceType = resourceType
            self.replacement = replacement
        }

        enum CodingKeys: String, CodingKey {
            case action, logicalResourceID = "logicalResourceId", resourceType, replacement
        }
    }

    /// The rows, in DescribeChangeSet's order.
    public var rows: [Row]

    /// Makes a table.
    public init(rows: [Row]) { self.rows = rows }

    /// The table as text, one line per row under a header, columns two spaces apart, every line ending in `\n`.
    /// - Parameter color: whether to colour `True` (red) and `Conditional` (yellow) replacements.
    /// - Returns: the text; "no changes\n" when there are no rows.
    public func render(color: Bool) -> String {
        if rows.isEmpty { return "no changes\n" }
        let header = ["Action", "Logical ID", "Type", "Replacement"]
        let cells = rows.map { [$0.action, $0.logicalResourceID, $0.resourceType, $0.replacement ?? "-"] }
        var widths = header.map(\.count)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }

        func line(_ row: [String], colorLast: Bool) -> String {
            var text = ""
            for i in 0..<3 { text += row[i] + String(repeating: " ", count: widths[i] - row[i].count + 2) }
            let last = row[3]
            if colorLast, let code = Self.colorCode(replacement: last) {
                text += "\u{1B}[\(code)m\(last)\u{1B}[0m"
            } else {
                text += last
            }
            return text + "\n"
        }
        return line(header, colorLast: false) + cells.map { line($0, colorLast: color) }.joined()
    }

    /// The ANSI colour for a replacement value: 31 (red) for `True`, 33 (yellow) for `Conditional`.
    static func colorCode(replacement: String) -> Int? {
        switch replacement {
        case "True": return 31
        case "Conditional": return 33
        default: return nil
        }
    }
}
