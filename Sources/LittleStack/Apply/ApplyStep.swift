/// A step an apply has just finished (see ``StackOperations/onStep``).
public enum ApplyStep: Sendable, Equatable {
    /// The rendered template is in the bucket.
    case templateUploaded(bucket: String, key: String)
    /// CreateChangeSet answered.
    case changeSetCreated(id: String)
    /// The change set holds changes and can be executed.
    case changeSetReady(id: String)
    /// ExecuteChangeSet answered; events are followed next.
    case executed(id: String)
}
