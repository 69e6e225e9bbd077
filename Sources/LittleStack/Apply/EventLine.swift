import Foundation

/// Formats stack events as text: one plain line each for pipes and logs, and table rows for a terminal.
public enum EventLine {
    /// `2026-11-24T21:40:01Z  CREATE_COMPLETE  AWS::S3::Bucket  Bucket  reason`: time (UTC), status, type, logical
    /// ID, then the reason when there is one; fields two spaces apart, no padding, no colour.
    public static func plain(_ event: EventFollower.Event) -> String {
        var line = "\(timestamp(event.timestamp))  \(event.resourceStatus)  \(event.resourceType)  \(event.logicalResourceID)"
        if let reason = event.resourceStatusReason, !reason.isEmpty { line += "  \(reason)" }
        return line
    }

    /// An ISO 8601 UTC timestamp to the second: `2026-11-24T21:40:01Z`.
    public static func timestamp(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// The time of day in UTC: `21:40:01`.
    public static func clock(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// The ANSI colour of a status: green for complete, yellow for rollbacks, red for failures, none in progress.
    public static func colorCode(status: String) -> Int? {
        switch StackStatusKind(status: status) {
        case .complete: return 32
        case .rollback: return 33
        case .failed: return 31
        case .inProgress: return status.contains("ROLLBACK") ? 33 : nil
        }
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
