extension Globals {
    /// `joiner(sep)`: a function returning "" the first time and `sep` (default ",") after.
    ///
    /// `{% set j = joiner("|") %}{% for x in [1, 2] %}{{ j() }}{{ x }}{% endfor %}` → `1|2`
    static func joiner(_ sep: Value) -> Value {
        final class State: @unchecked Sendable { var first = true }
        let state = State()
        let separator = sep.isTruthy ? sep : Value(",")
        return Value(repr: .callable(Callable(name: "joiner") { _, _ in
            defer { state.first = false }
            return state.first ? Value("") : separator
        }))
    }
}
