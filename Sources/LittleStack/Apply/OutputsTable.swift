/// Stack outputs as a two-column text table (key, value), every line indented two spaces and ending in `\n`.
public enum OutputsTable {
    /// The outputs as text; an export name is shown after the value as `(export: name)`.
    public static func render(_ outputs: [Deployed.Output]) -> String {
        let width = outputs.map(\.key.count).max() ?? 0
        return outputs.map { output in
            var line = "  " + output.key + String(repeating: " ", count: width - output.key.count + 2) + output.value
            if let export = output.exportName, !export.isEmpty { line += "  (export: \(export))" }
            return line + "\n"
        }.joined()
    }
}
