import YAMLBridge

/// One entry of a deployments or versions list: `{"resourceName", "description"}` as little stack
/// wrote them, plus littlestack's `contentHash`.
public struct ReleaseEntry: Sendable, Equatable {
    /// The entry's field holding littlestack's hash.
    public static let hashKey = "contentHash"

    /// The logical ID of the `AWS::ApiGateway::Deployment` / `AWS::Lambda::Version` the template emits.
    public var resourceName: String
    /// The description the template copies into the resource.
    public var description: String
    /// The SHA-256 (hex) of the content this entry was made from; nil for entries littlestack did not write.
    public var contentHash: String?
    /// The entry as read, so keys littlestack does not know survive a rewrite in their order.
    var original: Node.Mapping?

    /// Makes an entry.
    public init(resourceName: String, description: String, contentHash: String? = nil) {
        self.resourceName = resourceName
        self.description = description
        self.contentHash = contentHash
        self.original = nil
    }

    /// Entries are equal when their three fields are; how they were written does not count.
    public static func == (a: ReleaseEntry, b: ReleaseEntry) -> Bool {
        a.resourceName == b.resourceName && a.description == b.description && a.contentHash == b.contentHash
    }

    /// The entry as a JSON mapping: the original's keys in their order with the three fields updated,
    /// new fields appended in the order resourceName, description, contentHash.
    public var node: Node {
        var pairs = original?.pairs ?? []
        func set(_ key: String, _ value: String?) {
            let index = pairs.firstIndex { $0.key.scalar?.value == key }
            guard let value else {
                if let index { pairs.remove(at: index) }
                return
            }
            let scalar = Node.scalar(Node.Scalar(value, style: .doubleQuoted))
            if let index {
                pairs[index].value = scalar
            } else {
                pairs.append((key: .scalar(Node.Scalar(key, style: .doubleQuoted)), value: scalar))
            }
        }
        set("resourceName", resourceName)
        set("description", description)
        set(ReleaseEntry.hashKey, contentHash)
        return .mapping(Node.Mapping(pairs))
    }
}
