/// The event table shown on a terminal while a stack changes: one row per resource, updated in place.
///
/// Rows of resources still in progress sit at the bottom and are redrawn on every update (the cursor moves up over
/// them and the screen is cleared below); when a resource reaches a final status its row is printed above them for
/// good. So the region being redrawn stays as small as the number of resources changing at once, and scrolled-off
/// lines are never touched. The text is returned, not written, so tests compare it exactly.
public struct LiveEventTable: Sendable {
    private struct Row: Sendable {
        var time: String
        var logicalID: String
        var type: String
        var status: String
        var reason: String
    }

    private let logicalWidth: Int
    private let typeWidth: Int
    private let statusWidth = 27
    private let width: Int
    private let maxRegionRows: Int
    private let color: Bool
    private var inProgress: [(id: String, row: Row)] = []
    private var regionLines = 0
    private var headerPrinted = false

    /// Makes a table.
    /// - Parameters:
    ///   - knownLogicalIDs: logical IDs expected (the stack and the change set's resources), to size the column.
    ///   - knownTypes: resource types expected, to size the column.
    ///   - width: the terminal's width; longer lines are cut with `…`. Defaults to 120.
    ///   - height: the terminal's height; the redrawn region keeps below it. Defaults to 40.
    ///   - color: whether to colour statuses.
    public init(knownLogicalIDs: [String], knownTypes: [String], width: Int = 120, height: Int = 40, color: Bool) {
        self.logicalWidth = max(10, knownLogicalIDs.map(\.count).max() ?? 0)
        self.typeWidth = max(4, knownTypes.map(\.count).max() ?? 0, "AWS::CloudFormation::Stack".count)
        self.width = max(40, width)
        self.maxRegionRows = max(2, height - 2)
        self.color = color
    }

    /// Takes new events (oldest first) and returns the text that updates the screen.
    public mutating func update(with events: [EventFollower.Event]) -> String {
        var text = ""
        if regionLines > 0 { text += "\u{1B}[\(regionLines)F\u{1B}[J" }
        if !headerPrinted {
            headerPrinted = true
            text += format(Row(time: "Time", logicalID: "Logical ID", type: "Type", status: "Status", reason: "Reason"),
                           colored: false) + "\n"
        }
        for event in events {
            let row = Row(time: EventLine.clock(event.timestamp), logicalID: event.logicalResourceID,
                          type: event.resourceType, status: event.resourceStatus,
                          reason: event.resourceStatusReason ?? "")
            let id = event.logicalResourceID
            if StackStatusKind(status: event.resourceStatus).isTerminal {
                inProgress.removeAll { $0.id == id }
                text += format(row, colored: color) + "\n"
            } else if let index = inProgress.firstIndex(where: { $0.id == id }) {
                inProgress[index].row = row
            } else {
                inProgress.append((id, row))
            }
        }
        var region = inProgress.map { format($0.row, colored: color) }
        if region.count > maxRegionRows {
            let hidden = region.count - (maxRegionRows - 1)
            region = Array(region.prefix(maxRegionRows - 1)) + ["… and \(hidden) more in progress"]
        }
        regionLines = region.count
        for line in region { text += line + "\n" }
        return text
    }

    private func format(_ row: Row, colored: Bool) -> String {
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
        let time = pad(row.time, 8)
        let prefix = "\(time)  \(pad(row.logicalID, logicalWidth))  \(pad(row.type, typeWidth))  "
        var status = pad(row.status, statusWidth)
        var reason = row.reason
        let used = prefix.count + status.count + (reason.isEmpty ? 0 : 2)
        if !reason.isEmpty {
            let room = width - used
            if room < 2 { reason = "" } else if reason.count > room { reason = String(reason.prefix(room - 1)) + "…" }
        }
        if colored, let code = EventLine.colorCode(status: row.status) {
            status = "\u{1B}[\(code)m\(row.status)\u{1B}[0m" + String(repeating: " ", count: max(0, statusWidth - row.status.count))
        }
        var line = prefix + status
        if !reason.isEmpty { line += "  " + reason }
        while line.last == " " { line.removeLast() }
        return line
    }
}
