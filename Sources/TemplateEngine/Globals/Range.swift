extension Globals {
    /// Largest list `range` builds; a bigger one is an error rather than an exhausted machine.
    static let maxRangeLength = 1_000_000

    /// `{{ range(1, 10, 3) | join(",") }}` → `1,4,7`; `range(3)` is `[0, 1, 2]`
    @Sendable static func range(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        var start = (args.first ?? .undefined).jsNumber
        var stop: Double
        var step: Double
        if args.count < 2 || args[1].isUndefined {
            stop = start
            start = 0
            step = 1
        } else {
            stop = args[1].jsNumber
            step = args.count > 2 && args[2].isTruthy ? args[2].jsNumber : 1
        }
        var out: [Value] = []
        var i = start
        while step > 0 ? i < stop : i > stop {
            if out.count >= maxRangeLength {
                throw TemplateError.Kind.runtime("range is too large (more than \(maxRangeLength) items)")
            }
            out.append(Value(i))
            i += step
        }
        return Value(array: out)
    }
}
