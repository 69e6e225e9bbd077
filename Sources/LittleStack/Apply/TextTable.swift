/// A plain text table: a header and rows, columns two spaces apart, the last column unpadded, lines ending in `\n`.
public enum TextTable {
    /// Renders the table.
    /// - Parameters:
    ///   - header: the column titles.
    ///   - rows: the cells, each row as long as the header.
    ///   - indent: spaces in front of every line; defaults to none.
    public static func render(header: [String], rows: [[String]], indent: Int = 0) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        let prefix = String(repeating: " ", count: indent)
        func line(_ row: [String]) -> String {
            var text = prefix
            for (i, cell) in row.enumerated() {
                text += cell
                if i < row.count - 1 { text += String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            return text + "\n"
        }
        return ([header] + rows).map(line).joined()
    }
}
