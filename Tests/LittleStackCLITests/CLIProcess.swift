import Foundation

/// Runs the built `littlestack` binary as a subprocess and captures what it prints, so the CLI
/// tests check exactly what a user sees: stdout, stderr and the exit status.
struct CLIProcess {
    /// What one run printed and how it ended.
    struct Result: CustomStringConvertible {
        /// Everything written to standard output.
        var stdout: String
        /// Everything written to standard error.
        var stderr: String
        /// The exit status (a signal's number plus 128 when it was killed).
        var status: Int32

        var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    /// The repository's root, found from this file's path (Tests/LittleStackCLITests/…).
    static let repositoryRoot: String = {
        // realpath: a dev package may reach this file through a symlinked folder.
        let resolved = realpath(#filePath, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? #filePath
        var url = URL(fileURLWithPath: resolved)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Where the binary was looked for, in order: `$LITTLESTACK_BIN`; `littlestack` beside the running
    /// test bundle (the binary of this very build, whatever its scratch path); `<repo>/.build/debug/littlestack`.
    static let candidates: [String] = {
        var paths: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["LITTLESTACK_BIN"], !explicit.isEmpty {
            paths.append(explicit)
        }
        // The test runner is …/<config>/<Package>PackageTests.xctest (a folder on macOS, a binary on
        // Linux) or a helper inside that folder; walk up until a `littlestack` sits beside it.
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            paths.append(dir.appendingPathComponent("littlestack").path)
            dir.deleteLastPathComponent()
        }
        for argument in CommandLine.arguments.prefix(1) where argument.contains("/") {
            paths.append(URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("littlestack").path)
        }
        paths.append(repositoryRoot + "/.build/debug/littlestack")
        return paths
    }()

    /// The binary to run, or nil when none of `candidates` is an executable file.
    static let binary: String? = {
        candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
    }()

    /// Why CLI tests are skipped when there is no binary; shown in the test report.
    static var missingBinaryNote: String {
        "no littlestack binary (set LITTLESTACK_BIN or build it); looked at: " + candidates.joined(separator: ", ")
    }

    /// The environment every run starts from: the caller's, without anything that would make an
    /// offline command's output depend on the machine (AWS settings, the bucket, colour), with
    /// `LITTLESTACK_STACKS` pointing at the repository's library so `init` works from any binary.
    static var baseEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("AWS_") || key.hasPrefix("LITTLESTACK_") || key == "LITTLE_HOME" {
            environment[key] = nil
        }
        environment["NO_COLOR"] = "1"
        environment["LITTLESTACK_STACKS"] = repositoryRoot + "/stacks"
        return environment
    }

    /// Runs `littlestack arguments…` in `directory` (default: the repository root) with
    /// `baseEnvironment` plus `environment`, waits for it and returns what it printed.
    static func run(_ arguments: [String], in directory: String = repositoryRoot,
                    environment: [String: String] = [:]) throws -> Result {
        guard let binary else { throw CLIProcessError.noBinary(missingBinaryNote) }
        return try runExecutable(binary, arguments, in: directory, environment: environment)
    }

    /// Runs `/bin/sh -c command` with the binary's folder first on `PATH`, so `littlestack` in a
    /// documented command line is this build's binary.
    /// With `mergeStandardError`, stderr goes to the same pipe as stdout (as on a terminal) and
    /// `Result.stdout` holds both, in the order written.
    static func shell(_ command: String, in directory: String, environment: [String: String] = [:],
                      mergeStandardError: Bool = false) throws -> Result {
        guard let binary else { throw CLIProcessError.noBinary(missingBinaryNote) }
        var env = environment
        let folder = URL(fileURLWithPath: binary).deletingLastPathComponent().path
        env["PATH"] = folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try runExecutable("/bin/sh", ["-c", command], in: directory, environment: env, merge: mergeStandardError)
    }

    /// Runs an executable, reading both pipes on their own threads so a full pipe cannot block it.
    private static func runExecutable(_ executable: String, _ arguments: [String], in directory: String,
                                      environment: [String: String], merge: Bool = false) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = baseEnvironment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = merge ? out : err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        let collected = Collected()
        if merge { try? err.fileHandleForWriting.close() }
        for (pipe, isError) in [(out, false), (err, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.store(data, isError: isError)
                group.leave()
            }
        }
        group.wait()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? process.terminationStatus + 128 : process.terminationStatus
        return Result(stdout: String(decoding: collected.stdout, as: UTF8.self),
                      stderr: String(decoding: collected.stderr, as: UTF8.self), status: status)
    }

    /// A fresh empty folder under the system's temporary folder; the caller removes it.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "/littlestack-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// The two pipes' bytes, filled from two reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var stdout = Data()
    private(set) var stderr = Data()

    func store(_ data: Data, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isError { stderr = data } else { stdout = data }
    }
}

/// Why a CLI test could not run its binary.
enum CLIProcessError: Error, CustomStringConvertible {
    case noBinary(String)

    var description: String {
        switch self {
        case .noBinary(let note): return note
        }
    }
}
