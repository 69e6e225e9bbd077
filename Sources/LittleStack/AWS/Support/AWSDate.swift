import Foundation

/// Reads the timestamps AWS replies carry: ISO 8601 with or without fractional seconds (XML, Lambda) or epoch seconds
/// (API Gateway JSON).
public enum AWSDate {
    /// Parses an ISO 8601 timestamp (`2024-01-02T03:04:05Z`, `2024-01-02T03:04:05.123Z`, `…+0000`).
    /// - Parameter text: the timestamp.
    /// - Returns: the time, or `nil` when the text is not one.
    public static func parse(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        // Lambda writes `2024-01-02T03:04:05.123+0000`: a zone without the colon.
        if text.count > 5, let sign = text.dropLast(5).last, sign != ":" {
            let tail = text.suffix(5)
            if tail.first == "+" || tail.first == "-" {
                let fixed = text.dropLast(5) + tail.prefix(3) + ":" + tail.suffix(2)
                return fractional.date(from: String(fixed)) ?? plain.date(from: String(fixed))
            }
        }
        return Double(text).map { Date(timeIntervalSince1970: $0) }
    }
}
