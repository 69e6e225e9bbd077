#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a config, so two applies (or releases, promotes, rollbacks) of the same config
/// never run at once.
///
/// The lock is `flock(2)` on `.<config name>.lock` beside the config: the kernel drops it when the
/// process ends, however it ends, so a killed run leaves no stale lock. The file is removed on release;
/// a waiter that locked a file already removed notices (its inode no longer matches the path) and retries.
public final class ReleaseLock: @unchecked Sendable {
    /// The lock file's path.
    public let path: String
    // The descriptor is only touched by `init` and `release()`/`deinit`, never concurrently.
    private var fd: Int32

    /// The lock file used for `configPath`: `.<name>.lock` in the config's folder.
    /// - Parameter configPath: the config's path.
    /// - Returns: the lock file's path.
    public static func lockPath(for configPath: String) -> String {
        let slash = configPath.lastIndex(of: "/")
        let folder = slash.map { String(configPath[..<$0]) } ?? "."
        let name = slash.map { String(configPath[configPath.index(after: $0)...]) } ?? configPath
        return (folder.isEmpty ? "" : folder) + "/." + name + ".lock"
    }

    /// Takes the lock for `configPath` without waiting.
    /// - Parameter configPath: the config's path.
    /// - Throws: `ReleaseError` "another littlestack run holds the lock on this config" when it is
    ///   held, or naming the system error when the lock file cannot be opened.
    public init(configPath: String) throws(ReleaseError) {
        path = ReleaseLock.lockPath(for: configPath)
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw ReleaseError("cannot open lock file '\(path)': \(String(cString: strerror(errno)))",
                                   path: configPath)
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                close(fd)
                if code == EWOULDBLOCK {
                    throw ReleaseError("another littlestack run holds the lock on this config ('\(path)')",
                                       path: configPath)
                }
                throw ReleaseError("cannot lock '\(path)': \(String(cString: strerror(code)))", path: configPath)
            }
            // The holder before us may have removed the file between our open and flock.
            var opened = stat()
            var current = stat()
            if fstat(fd, &opened) == 0, stat(path, &current) == 0,
               opened.st_ino == current.st_ino, opened.st_dev == current.st_dev {
                self.fd = fd
                return
            }
            close(fd)
        }
    }

    /// Removes the lock file and releases the lock (also done when the lock is deallocated).
    public func release() {
        guard fd >= 0 else { return }
        unlink(path)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
