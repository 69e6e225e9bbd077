/// The builtin globals: `range`, `cycler`, `joiner`.
enum Globals {
    static var builtins: [String: Value] {
        [
            "range": Value(repr: .callable(Callable(name: "range", range))),
            "cycler": Value(repr: .callable(Callable(name: "cycler") { args, _ in Value(repr: .native(Cycler(items: args))) })),
            "joiner": Value(repr: .callable(Callable(name: "joiner") { args, _ in joiner(args.first ?? .undefined) })),
        ]
    }
}
