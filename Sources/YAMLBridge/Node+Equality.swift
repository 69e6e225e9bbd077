/// Nodes compare by content: marks never count, and a scalar's style counts only through the value it
/// resolves to (plain `abc` equals `"abc"`, plain `true` does not equal `"true"`).
///
/// Mappings compare as YAML's data model has them, unordered: the same keys with equal values in any
/// order are equal (keys are unique, the readers see to that). Sequences compare in order. Tags count.
extension Node: Hashable {
    /// True when both nodes hold the same data.
    public static func == (lhs: Node, rhs: Node) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)):
            return a.tag == b.tag && ScalarResolver.resolve(a) == ScalarResolver.resolve(b)
        case (.sequence(let a), .sequence(let b)):
            return a.tag == b.tag && a.items == b.items
        case (.mapping(let a), .mapping(let b)):
            return a.tag == b.tag && Node.samePairs(a.pairs, b.pairs)
        default:
            return false
        }
    }

    /// Hashes the same content `==` compares, mapping pairs in an order-independent way.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .scalar(let s):
            hasher.combine(0)
            hasher.combine(s.tag)
            hasher.combine(ScalarResolver.resolve(s))
        case .sequence(let s):
            hasher.combine(1)
            hasher.combine(s.tag)
            hasher.combine(s.items)
        case .mapping(let m):
            hasher.combine(2)
            hasher.combine(m.tag)
            hasher.combine(m.pairs.count)
            // Sum of per-pair hashes: the same whatever the key order.
            var sum = 0
            for pair in m.pairs {
                var pairHasher = Hasher()
                pairHasher.combine(pair.key)
                pairHasher.combine(pair.value)
                sum = sum &+ pairHasher.finalize()
            }
            hasher.combine(sum)
        }
    }

    /// Same keys, equal values, any order.
    private static func samePairs(_ a: [(key: Node, value: Node)], _ b: [(key: Node, value: Node)]) -> Bool {
        guard a.count == b.count else { return false }
        // Templates keep keys in the same order mostly: try pairwise first.
        var inOrder = true
        for index in a.indices where a[index].key != b[index].key {
            inOrder = false
            break
        }
        if inOrder {
            for index in a.indices where a[index].value != b[index].value { return false }
            return true
        }
        var lookup = [Node: Node](minimumCapacity: b.count)
        for pair in b { lookup[pair.key] = pair.value }
        for pair in a {
            guard let other = lookup[pair.key], other == pair.value else { return false }
        }
        return true
    }
}
