#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small POSIX file helpers: whole-file reads and existence checks on byte arrays.
public enum FileIO {
    /// Reads a whole file.
    /// - Parameter path: the file.
    /// - Returns: its bytes.
    /// - Throws: `FileError` when it cannot be opened or read.
    public static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileError.current(path: path, operation: "open") }
        defer { close(fd) }
        // A regular file is read straight into an array of its size (fstat): reading 64 KB chunks and
        // appending them copied a 2 MB variables file once more and faulted twice as many pages. Whatever
        // is left after that many bytes (a file still growing, a pipe) is read in chunks.
        var info = stat()
        let expected = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        var readError: Int32 = 0
        var result = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            while initialized < expected {
                let n = Glibc_read(fd, buffer.baseAddress! + initialized, expected - initialized)
                if n < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if n == 0 { return }
                initialized += n
            }
        }
        if readError != 0 {
            errno = readError
            throw FileError.current(path: path, operation: "read")
        }
        // Not zeroed: only what a read fills is used (and the pages stay untouched for a file already read).
        var chunk = [UInt8](unsafeUninitializedCapacity: 65536) { _, initialized in initialized = 65536 }
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError.current(path: path, operation: "read")
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        return result
    }

    /// Whether `path` names an existing regular file (symlinks followed).
    public static func isFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The folder part of a path (`.` when there is none).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `relative` joined to `base`, unless it is absolute; `./` prefixes dropped.
    public static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        var rel = Substring(relative)
        while rel.hasPrefix("./") { rel = rel.dropFirst(2) }
        if base == "." || base.isEmpty { return String(rel) }
        return base.hasSuffix("/") ? base + rel : base + "/" + rel
    }
}

// `read` is shadowed by FileIO.read inside the enum; this names the system call.
@inline(__always)
private func Glibc_read(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buf, count)
    #else
    return Darwin.read(fd, buf, count)
    #endif
}
