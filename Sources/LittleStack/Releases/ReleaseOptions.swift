import Foundation

/// What the release commands take besides `ApplyOptions`.
public struct ReleaseOptions: Sendable {
    /// Entries kept per list; nil keeps all. Defaults to `Retention.defaultKeep` (5).
    public var keep: Int?
    /// The description of new entries; nil: `released <yyyy-mm-dd>, sha256 <hash8>`. Defaults to nil.
    public var description: String?
    /// Promote or roll back this unit only; nil: all. Defaults to nil.
    public var unit: String?
    /// Promote or roll back only `api` or `function`; nil: both. Defaults to nil.
    public var part: String?
    /// The UTC day for new logical IDs (`yyyymmdd`); nil: today. Defaults to nil.
    public var day: String?

    /// Makes options.
    public init(keep: Int? = Retention.defaultKeep, description: String? = nil, unit: String? = nil,
                part: String? = nil, day: String? = nil) {
        self.keep = keep
        self.description = description
        self.unit = unit
        self.part = part
        self.day = day
    }

    /// Today in UTC as `yyyymmdd`.
    public static func today(_ date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d%02d%02d", c.year!, c.month!, c.day!)
    }
}
