import Foundation

/// Finds templates the way nunjucks' FileSystemLoader does: each search path in order, `./x` and `../x`
/// relative to the including template's folder, and nothing outside the search paths.
struct Loader: Sendable {
    /// Absolute, normalised search paths, the main template's folder first.
    let searchPaths: [String]
    /// The working directory paths are resolved against.
    let workingDirectory: String

    init(searchPaths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
        self.searchPaths = searchPaths.map { Loader.resolve(workingDirectory, $0) }
    }

    /// The absolute path of template `name`, or nil when no search path has it.
    func resolve(_ name: String, from parentPath: String?) -> String? {
        var target = name
        if let parentPath, name.hasPrefix("./") || name.hasPrefix("../") {
            target = Loader.resolve(Loader.dirname(Loader.resolve(workingDirectory, parentPath)), name)
        }
        for base in searchPaths {
            let p = Loader.resolve(base, target)
            guard p == base || p.hasPrefix(base.hasSuffix("/") ? base : base + "/") else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory), !isDirectory.boolValue { return p }
        }
        return nil
    }

    /// How messages show a path: relative to the working directory when inside it.
    func displayPath(_ path: String) -> String {
        let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Node's `path.resolve(base, p)`: absolute and normalised (`.` and `..` removed).
    static func resolve(_ base: String, _ p: String) -> String {
        let joined = p.hasPrefix("/") ? p : base + "/" + p
        // Every render resolves its template and each import or include: most paths are normal already.
        if isNormal(joined) { return joined }
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether `path` is what `resolve` makes of it: absolute, with no empty, `.` or `..` segment and no
    /// trailing slash (`/` itself is normal).
    static func isNormal(_ path: String) -> Bool {
        var u = path.utf8.makeIterator()
        guard u.next() == UInt8(ascii: "/") else { return false }
        var segment = 0  // bytes in the current segment; -1 once it is longer than two or not all dots
        var dots = true
        var sawAny = false
        while let c = u.next() {
            sawAny = true
            if c == UInt8(ascii: "/") {
                if segment == 0 || (dots && segment <= 2) { return false }
                segment = 0
                dots = true
                continue
            }
            segment += 1
            if c != UInt8(ascii: ".") { dots = false }
        }
        return !sawAny || (segment > 0 && !(dots && segment <= 2))
    }

    /// The folder part of a path: "." with no slash, "/" for a file at the root. On UTF-8 bytes: searching
    /// the `Character` view cost thousands of instructions per render (each render takes its template's folder).
    static func dirname(_ p: String) -> String {
        let u = p.utf8
        guard let i = u.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return i == u.startIndex ? "/" : String(p[..<i])
    }
}
