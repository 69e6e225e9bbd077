/// One pointer moved by promote or rollback: the row of the before → after table.
public struct PointerMove: Sendable, Equatable {
    /// The unit's name.
    public var unit: String
    /// `api` or `function`.
    public var part: String
    /// The pointer's key in the variable group (e.g. `prodDeployment`).
    public var pointer: String
    /// The logical ID before, or nil when unset.
    public var from: String?
    /// The logical ID after.
    public var to: String

    /// Makes a row.
    public init(unit: String, part: String, pointer: String, from: String?, to: String) {
        self.unit = unit
        self.part = part
        self.pointer = pointer
        self.from = from
        self.to = to
    }

    /// The rows as an aligned text table: `UNIT  PART  POINTER  BEFORE  AFTER`, `-` for an unset pointer.
    /// - Parameter moves: the rows.
    /// - Returns: the table, one line per row plus the header, each ending in a newline.
    public static func table(_ moves: [PointerMove]) -> String {
        let rows = [["UNIT", "PART", "POINTER", "BEFORE", "", "AFTER"]]
            + moves.map { [$0.unit, $0.part, $0.pointer, $0.from ?? "-", "→", $0.to] }
        var widths = [Int](repeating: 0, count: 6)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var text = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                if i == row.count - 1 {
                    line += cell
                } else {
                    line += cell + String(repeating: " ", count: widths[i] - cell.count + 2)
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }
}
