#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so a reader sees the old content or the new, never half a file.
///
/// The bytes go to a temporary file in the target's folder, are flushed with `fsync`, and the
/// temporary file is renamed over the target (atomic on POSIX within one file system); the
/// folder is then synced so the rename survives a crash. An existing target's permission bits
/// are kept. On any failure the temporary file is removed and the target is left untouched.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    /// - Parameters:
    ///   - bytes: the complete new content.
    ///   - path: the target file.
    /// - Throws: `FileError` naming the step that failed.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(bytes, to: path, failAfterBytes: nil)
    }

    /// Writes `text` (UTF-8) to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path, failAfterBytes: nil)
    }

    /// The implementation, with a fault hook for tests: after `failAfterBytes` bytes have been
    /// written to the temporary file the write fails as a full disk would (ENOSPC).
    static func write(_ bytes: [UInt8], to path: String, failAfterBytes: Int?) throws {
        let folder = FileIO.directory(of: path)
        let name = FileIO.fileName(of: path)
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }

        var template = Array(FileIO.join(folder, ".\(name).tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError.current(path: path, operation: "create a temporary file") }
        let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer {
            if !done { unlink(tempPath) }
        }
        var closed = false
        defer { if !closed { close(fd) } }

        var written = 0
        while written < bytes.count {
            var chunk = min(bytes.count - written, 1 << 20)
            if let limit = failAfterBytes {
                if written >= limit { throw FileError(path: path, operation: "write", reason: String(cString: strerror(ENOSPC))) }
                chunk = min(chunk, limit - written)
            }
            let n = bytes.withUnsafeBytes { raw in
                systemWrite(fd, raw.baseAddress! + written, chunk)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError.current(path: path, operation: "write")
            }
            written += n
        }
        guard fchmod(fd, mode) == 0 else { throw FileError.current(path: path, operation: "set permissions") }
        guard fsync(fd) == 0 else { throw FileError.current(path: path, operation: "fsync") }
        closed = true
        guard close(fd) == 0 else { throw FileError.current(path: path, operation: "close") }
        guard rename(tempPath, path) == 0 else { throw FileError.current(path: path, operation: "rename") }
        done = true
        // Sync the folder so the new directory entry is durable; failure here loses nothing written.
        let dirFD = open(folder, O_RDONLY)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buf, count)
    #else
    return Darwin.write(fd, buf, count)
    #endif
}
