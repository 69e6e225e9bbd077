import YAMLBridge

/// Compares two templates by content: key order, JSON/YAML formatting and short versus long
/// intrinsic forms do not count (give both trees in JSON form, as `RenderedTemplate.tree` is).
public enum StructuralDiff {
    /// The sections compared entry by entry; every other top-level key is an entry of `Template`.
    static let sectionOrder = ["Parameters", "Mappings", "Conditions", "Resources", "Outputs"]

    /// Compares two template trees.
    /// - Parameters:
    ///   - old: the template before (e.g. deployed, or the first file).
    ///   - new: the template after.
    /// - Returns: the differences; `isEqual` when there are none.
    public static func compare(_ old: Node, _ new: Node) -> DiffReport {
        compare(JSONValue(node: old), JSONValue(node: new))
    }

    /// Compares two templates given as JSON values.
    public static func compare(_ old: JSONValue, _ new: JSONValue) -> DiffReport {
        let oldTop = topLevel(old)
        let newTop = topLevel(new)
        var sections: [DiffReport.Section] = []
        let otherOld = oldTop.filter { !sectionOrder.contains($0.0) }
        let otherNew = newTop.filter { !sectionOrder.contains($0.0) }
        sections.append(section("Template", old: otherOld, new: otherNew))
        for name in sectionOrder {
            sections.append(section(name, old: entries(oldTop, name), new: entries(newTop, name)))
        }
        return DiffReport(sections: sections)
    }

    private static func topLevel(_ value: JSONValue) -> [(String, JSONValue)] {
        if case .object(let pairs) = value { return pairs }
        return [("(template)", value)]
    }

    private static func entries(_ top: [(String, JSONValue)], _ name: String) -> [(String, JSONValue)] {
        guard let value = top.first(where: { $0.0 == name })?.1 else { return [] }
        if case .object(let pairs) = value { return pairs }
        return [("(\(name))", value)]
    }

    private static func section(_ name: String, old: [(String, JSONValue)], new: [(String, JSONValue)]) -> DiffReport.Section {
        let isResources = name == "Resources"
        func entry(_ key: String, _ value: JSONValue) -> DiffReport.Entry {
            DiffReport.Entry(name: key, type: isResources ? value["Type"]?.stringValue : nil)
        }
        var oldIndex: [String: JSONValue] = [:]
        for (k, v) in old where oldIndex[k] == nil { oldIndex[k] = v }
        var newIndex: [String: JSONValue] = [:]
        for (k, v) in new where newIndex[k] == nil { newIndex[k] = v }
        var result = DiffReport.Section(name: name)
        for (k, v) in new {
            if let before = oldIndex[k] {
                if before != v {
                    var changes: [DiffReport.PropertyChange] = []
                    properties(before, v, path: "", into: &changes)
                    result.changed.append(DiffReport.ChangedEntry(entry: entry(k, v), changes: changes))
                }
            } else {
                result.added.append(entry(k, v))
            }
        }
        for (k, v) in old where newIndex[k] == nil {
            result.removed.append(entry(k, v))
        }
        return result
    }

    /// Appends the changes between two values under `path`.
    static func properties(_ old: JSONValue, _ new: JSONValue, path: String, into changes: inout [DiffReport.PropertyChange]) {
        if old == new { return }
        switch (old, new) {
        case (.object(let a), .object(let b)):
            var bIndex: [String: JSONValue] = [:]
            for (k, v) in b { bIndex[k] = v }
            var aKeys: Set<String> = []
            for (k, v) in a {
                aKeys.insert(k)
                let sub = join(path, k)
                if let other = bIndex[k] {
                    properties(v, other, path: sub, into: &changes)
                } else {
                    changes.append(.init(kind: .removed, path: sub, old: v, new: nil))
                }
            }
            for (k, v) in b where !aKeys.contains(k) {
                changes.append(.init(kind: .added, path: join(path, k), old: nil, new: v))
            }
        case (.array(let a), .array(let b)):
            arrays(a, b, path: path, into: &changes)
        default:
            changes.append(.init(kind: .changed, path: path, old: old, new: new))
        }
    }

    /// Array changes: entries kept in order are matched (longest common subsequence), so an
    /// insertion shows as one added entry, not as every later entry changing; between matches,
    /// entries at the same place are compared property by property.
    static func arrays(_ a: [JSONValue], _ b: [JSONValue], path: String, into changes: inout [DiffReport.PropertyChange]) {
        let n = a.count, m = b.count
        // The table is n×m: past a million cells compare by position instead (bounded memory).
        guard n * m <= 1_000_000 else {
            for i in 0..<max(n, m) {
                if i < n, i < m { properties(a[i], b[i], path: path + "[\(i)]", into: &changes) }
                else if i < m { changes.append(.init(kind: .added, path: path + "[\(i)]", old: nil, new: b[i])) }
                else { changes.append(.init(kind: .removed, path: path + "[\(i)]", old: a[i], new: nil)) }
            }
            return
        }
        // lengths[i][j] = LCS length of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
        }
        var matches: [(Int, Int)] = []
        var i = 0, j = 0
        while i < n && j < m {
            if a[i] == b[j] { matches.append((i, j)); i += 1; j += 1 }
            else if lengths[i + 1][j] >= lengths[i][j + 1] { i += 1 } else { j += 1 }
        }
        matches.append((n, m))
        var oldStart = 0, newStart = 0
        for (oldEnd, newEnd) in matches {
            let paired = min(oldEnd - oldStart, newEnd - newStart)
            for k in 0..<paired {
                properties(a[oldStart + k], b[newStart + k], path: path + "[\(newStart + k)]", into: &changes)
            }
            for k in (oldStart + paired)..<oldEnd {
                changes.append(.init(kind: .removed, path: path + "[\(k)]", old: a[k], new: nil))
            }
            for k in (newStart + paired)..<newEnd {
                changes.append(.init(kind: .added, path: path + "[\(k)]", old: nil, new: b[k]))
            }
            oldStart = oldEnd + 1
            newStart = newEnd + 1
        }
    }

    /// `path.key`, or `path["key"]` when the key has characters that would make the path ambiguous.
    static func join(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && !key.contains(where: { $0 == "." || $0 == "[" || $0 == "]" || $0 == " " || $0 == "\"" })
        if plain { return path.isEmpty ? key : path + "." + key }
        return path + "[" + JSONValue.string(key).jsonText() + "]"
    }
}
