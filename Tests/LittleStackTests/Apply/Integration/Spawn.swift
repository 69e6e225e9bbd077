import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with posix_spawn and waitpid, output into files.
///
/// Not Foundation's `Process`: launched from parallel tests it was seen to leave children unreaped and
/// `waitUntilExit` hanging, and its children inherit the test runner's blocked signals (a server started that
/// way ignores SIGTERM). Here the child gets an empty signal mask and default handlers.
enum Spawn {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `arguments[0]` with the rest as its arguments, in `directory`, stdin from /dev/null.
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String]) -> Result? {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)")
        let outPath = base.path + ".out", errPath = base.path + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var env = environment
        env["SPAWN_DIR"] = directory ?? FileManager.default.currentDirectoryPath
        env["SPAWN_OUT"] = outPath
        env["SPAWN_ERR"] = errPath
        let shell = #"cd "$SPAWN_DIR" && exec "$@" >"$SPAWN_OUT" 2>"$SPAWN_ERR" </dev/null"#
        let argv = ["/bin/sh", "-c", shell, "sh"] + arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnv: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, &attributes, &cArgs, &cEnv) == 0 else { return nil }
        var status: Int32 = 0
        var exitStatus: Int32 = -1
        while true {
            let r = waitpid(pid, &status, 0)
            if r == pid {
                // WIFEXITED / WEXITSTATUS, spelled out (the C macros are not imported).
                exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                break
            }
            if r == -1 && errno == EINTR { continue }
            break  // reaped elsewhere: the output files still tell
        }
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(status: exitStatus, stdout: out, stderr: err)
    }
}
