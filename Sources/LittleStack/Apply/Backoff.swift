/// A growing poll delay: starts at `initial`, multiplies by `factor` after each idle poll, stops at `maximum`.
public struct Backoff: Sendable, Equatable {
    /// The first delay.
    public var initial: Duration
    /// How much each idle poll multiplies the delay by.
    public var factor: Double
    /// The largest delay.
    public var maximum: Duration

    /// Makes a backoff policy.
    public init(initial: Duration, factor: Double, maximum: Duration) {
        self.initial = initial
        self.factor = factor
        self.maximum = maximum
    }

    /// The delay after `delay`: `delay × factor`, capped at `maximum`, rounded to whole milliseconds so that
    /// recorded sequences compare exactly.
    public func next(after delay: Duration) -> Duration {
        let ms = Double(delay.components.seconds) * 1000 + Double(delay.components.attoseconds) / 1e15
        let grown = Duration.milliseconds(Int64((ms * factor).rounded()))
        return grown > maximum ? maximum : grown
    }

    /// Event following: 1 s, growing by half each idle poll, at most 10 s (CloudFormation's own console polls
    /// about every 5 s; the first polls are quicker because short updates finish in seconds).
    public static let events = Backoff(initial: .seconds(1), factor: 1.5, maximum: .seconds(10))

    /// Change-set creation: 0.5 s, doubling, at most 5 s (change sets are usually ready within seconds).
    public static let changeSet = Backoff(initial: .milliseconds(500), factor: 2, maximum: .seconds(5))
}
