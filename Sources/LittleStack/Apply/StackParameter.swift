/// A stack parameter: its key and value (or `****` once masked).
public struct StackParameter: Sendable, Equatable, Codable {
    /// The parameter's name.
    public var key: String
    /// Its value (empty with ``usePreviousValue``).
    public var value: String
    /// Keep the deployed value (the config's `UsePreviousValue: true`). Defaults to false.
    public var usePreviousValue: Bool

    /// Makes a parameter.
    public init(key: String, value: String, usePreviousValue: Bool = false) {
        self.key = key
        self.value = value
        self.usePreviousValue = usePreviousValue
    }
}
