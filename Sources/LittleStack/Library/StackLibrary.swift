import Foundation

/// The library of ready-made stacks shipped in the repository's `stacks/` folder, for `littlestack init`.
///
/// The folder is found, in order, at `$LITTLESTACK_STACKS`, then next to the executable's build tree
/// (`<repo>/.build/<config>/littlestack` → `<repo>/stacks`), then `<prefix>/share/littlestack/stacks`
/// for an installed binary, so `init` works from any working directory.
public struct StackLibrary: Sendable {
    /// One stack of the library.
    public struct Entry: Sendable, Equatable {
        /// The folder name, which is what `init` takes.
        public var name: String
        /// The first sentence of the stack's README (its heading line is skipped).
        public var summary: String
    }

    /// Why `init` could not copy a stack.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case libraryNotFound(tried: [String])
        case unknownStack(String, available: [String])
        case destinationNotEmpty(String)
        case copyFailed(String)

        public var description: String {
            switch self {
            case .libraryNotFound(let tried):
                return "cannot find the stacks library (tried \(tried.joined(separator: ", "))); set LITTLESTACK_STACKS"
            case .unknownStack(let name, let available):
                return "unknown stack '\(name)' (available: \(available.joined(separator: ", ")))"
            case .destinationNotEmpty(let path):
                return "'\(path)' exists and is not empty"
            case .copyFailed(let why):
                return "copy failed: \(why)"
            }
        }
    }

    /// The library's folder.
    public let root: URL

    /// Opens the library at `root`.
    public init(root: URL) {
        self.root = root
    }

    /// Finds the library as described on the type.
    /// - Parameters:
    ///   - environment: the process environment (for `LITTLESTACK_STACKS`).
    ///   - executablePath: the running binary's path.
    /// - Throws: `Failure.libraryNotFound` naming every folder tried.
    public static func locate(environment: [String: String], executablePath: String) throws -> StackLibrary {
        var candidates: [URL] = []
        if let explicit = environment["LITTLESTACK_STACKS"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        let exe = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // Walk up from the binary: .build/release/littlestack sits three levels below the repository.
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("stacks"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(exe.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/littlestack/stacks"))
        for candidate in candidates where isLibrary(candidate) {
            return StackLibrary(root: candidate.standardizedFileURL)
        }
        throw Failure.libraryNotFound(tried: candidates.map { $0.standardizedFileURL.path })
    }

    private static func isLibrary(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("hello-api/config.json").path)
    }

    /// Every stack in the library, sorted by name.
    public func entries() throws -> [Entry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        return names.compactMap { name in
            let folder = root.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("config.json").path)
                    || hasConfig(folder) else { return nil }
            return Entry(name: name, summary: Self.summary(of: folder.appendingPathComponent("README.md")))
        }
    }

    private func hasConfig(_ folder: URL) -> Bool {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.contains { $0.hasPrefix("config") && $0.hasSuffix(".json") }
    }

    /// The first prose line of a README: what the stack deploys.
    static func summary(of readme: URL) -> String {
        guard let text = try? String(contentsOf: readme, encoding: .utf8) else { return "" }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            return trimmed
        }
        return ""
    }

    /// Copies stack `name` into `destination` (created; it must not exist or be empty),
    /// leaving out the expected outputs that only the project's tests use.
    /// - Returns: the files written, relative to `destination`, sorted.
    @discardableResult
    public func copy(_ name: String, to destination: URL) throws -> [String] {
        let available = try entries().map(\.name)
        guard available.contains(name) else { throw Failure.unknownStack(name, available: available) }
        let fm = FileManager.default
        if fm.fileExists(atPath: destination.path) {
            let existing = (try? fm.contentsOfDirectory(atPath: destination.path)) ?? ["?"]
            // Name the folder as the user wrote it, not as an absolute path.
            guard existing.isEmpty else { throw Failure.destinationNotEmpty(destination.relativePath) }
        }
        let source = root.appendingPathComponent(name)
        // Copy into a sibling temp folder first, then rename, so a failure leaves no half stack behind.
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).init-\(getpid())")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.copyItem(at: source, to: staging)
            var written: [String] = []
            if let walker = fm.enumerator(atPath: staging.path) {
                for case let relative as String in walker {
                    let file = (relative as NSString).lastPathComponent
                    if file.hasPrefix("expected") {
                        try fm.removeItem(at: staging.appendingPathComponent(relative))
                        continue
                    }
                    var isDir: ObjCBool = false
                    if fm.fileExists(atPath: staging.appendingPathComponent(relative).path, isDirectory: &isDir), !isDir.boolValue {
                        written.append(relative)
                    }
                }
            }
            if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
            try fm.moveItem(at: staging, to: destination)
            return written.sorted()
        } catch {
            try? fm.removeItem(at: staging)
            throw Failure.copyFailed(String(describing: error))
        }
    }
}
