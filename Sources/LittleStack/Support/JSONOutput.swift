import Foundation
import YAMLBridge

/// The one JSON layout every `--output json` prints: two-space indent, `"key": value`, a final newline.
public enum JSONOutput {
    /// Encodes `value` (keys sorted, ISO 8601 dates) and lays it out like `JSONValue.jsonText(indent: 2)`,
    /// so Encodable results print the same way as the results built as `JSONValue`.
    public static func text<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        // Foundation's pretty printer writes `"key" : value`; re-lay it out with ours.
        guard let tree = try? JSONReader.parse([UInt8](data), path: "<json>") else {
            return String(decoding: data, as: UTF8.self) + "\n"
        }
        return JSONWriter.write(tree, indent: 2) + "\n"
    }
}
