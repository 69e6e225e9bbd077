/// Finds the first repeat of a mapping key, for the YAML and JSON readers.
///
/// Keys are equal as `Node`s are (`abc` and `"abc"` are the same key; `1` and `"1"` are not). Small
/// mappings are searched in a list, larger ones through a hash table.
struct DuplicateKeyChecker {
    private var keys: [Node] = []
    private var table: [Node: Node] = [:]
    private var usesTable = false

    /// Records `key`; returns the earlier equal key if there is one.
    mutating func insert(_ key: Node) -> Node? {
        if usesTable {
            if let first = table[key] { return first }
            table[key] = key
            return nil
        }
        for existing in keys where existing == key { return existing }
        keys.append(key)
        if keys.count > 16 {
            table.reserveCapacity(64)
            for existing in keys { table[existing] = existing }
            usesTable = true
            keys = []
        }
        return nil
    }

    /// How a key is named in a message: its text in single quotes, or a description of a collection key.
    static func name(of key: Node) -> String {
        switch key {
        case .scalar(let s): return "'\(s.value)'"
        case .sequence: return "(a sequence)"
        case .mapping: return "(a mapping)"
        }
    }
}
