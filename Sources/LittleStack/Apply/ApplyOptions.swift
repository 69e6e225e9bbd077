/// What `littlestack apply` was asked to do besides the config.
public struct ApplyOptions: Sendable {
    /// Execute without asking. Defaults to false.
    public var assumeYes: Bool
    /// Stop after showing the change set and leave it for review (`--dry-run`, `littlestack plan`). Defaults to false.
    public var dryRun: Bool
    /// The bucket to upload the template to, over the config's and the default. Defaults to nil.
    public var bucket: String?
    /// The change set's name, over little stack's `little-<user>-<host>`. Defaults to nil.
    public var changeSetName: String?
    /// Print one JSON document on standard output instead of text. Defaults to false.
    public var json: Bool
    /// How long to follow events before giving up (the operation goes on). Defaults to 3 hours.
    public var followLimit: Duration

    /// Makes options.
    public init(assumeYes: Bool = false, dryRun: Bool = false, bucket: String? = nil, changeSetName: String? = nil,
                json: Bool = false, followLimit: Duration = .seconds(3 * 3600)) {
        self.assumeYes = assumeYes
        self.dryRun = dryRun
        self.bucket = bucket
        self.changeSetName = changeSetName
        self.json = json
        self.followLimit = followLimit
    }
}
