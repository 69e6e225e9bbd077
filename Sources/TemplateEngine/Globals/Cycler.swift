/// `cycler(a, b, c)`: `next()` returns the items in turn, `current` the last one returned, `reset()` starts over.
///
/// `{% set c = cycler("odd", "even") %}{{ c.next() }} {{ c.next() }}` → `odd even`
final class Cycler: NativeObject, @unchecked Sendable {
    private let items: [Value]
    private var index = -1
    private var current: Value = .null

    init(items: [Value]) { self.items = items }

    func attribute(_ name: String) -> Value {
        switch name {
        case "current": return current
        case "next":
            return Value(repr: .callable(Callable(name: "next") { [self] _, _ in
                index += 1
                if index >= items.count { index = 0 }
                current = items.isEmpty ? .undefined : items[index]
                return current
            }))
        case "reset":
            return Value(repr: .callable(Callable(name: "reset") { [self] _, _ in
                index = -1
                current = .null
                return .undefined
            }))
        default: return .undefined
        }
    }

    var jsonEntries: [(String, Value)] { [("current", current)] }
}
