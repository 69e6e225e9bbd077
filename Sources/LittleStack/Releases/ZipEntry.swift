/// One file to put in a deterministic zip: its path inside the archive, its bytes and whether it is executable.
public struct ZipEntry: Sendable, Equatable {
    /// The path inside the archive, `/`-separated, relative (e.g. `lib/index.js`).
    public var path: String
    /// The file's content.
    public var bytes: [UInt8]
    /// Stored as mode 0755 when true (Lambda needs it for `bootstrap` and binaries), else 0644.
    public var executable: Bool

    /// Makes an entry.
    /// - Parameters:
    ///   - path: the path inside the archive.
    ///   - bytes: the content.
    ///   - executable: whether the file gets mode 0755 (default false: 0644).
    public init(path: String, bytes: [UInt8], executable: Bool = false) {
        self.path = path
        self.bytes = bytes
        self.executable = executable
    }
}
