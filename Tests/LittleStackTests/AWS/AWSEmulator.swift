import Foundation

@testable import LittleStack

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The local AWS emulator the integration tests talk to: `LITTLESTACK_EMULATOR` (a port on 127.0.0.1) or
/// `AWS_ENDPOINT_URL` when its host is 127.0.0.1 or localhost. Nothing else is ever contacted.
enum AWSEmulator {
    /// The emulator's endpoint, or `nil` (integration tests are then skipped).
    static let endpoint: URL? = {
        let env = ProcessInfo.processInfo.environment
        if let port = env["LITTLESTACK_EMULATOR"], let number = Int(port), number > 0 {
            return URL(string: "http://127.0.0.1:\(number)")
        }
        if let text = env["AWS_ENDPOINT_URL"], let url = URL(string: text), isLoopback(url) { return url }
        return nil
    }()

    static func isLoopback(_ url: URL) -> Bool { url.host == "127.0.0.1" || url.host == "localhost" }

    /// A client for an emulator endpoint (the shared one by default); every service goes to that one endpoint.
    static func client(
        endpoint: URL? = AWSEmulator.endpoint, accessKeyID: String = "testing", secret: String = "testing",
        region: String = "us-east-1"
    ) -> AWSClient {
        precondition(endpoint.map(isLoopback) == true, "integration tests only talk to 127.0.0.1")
        return AWSClient(
            credentials: Credentials(accessKeyID: accessKeyID, secretAccessKey: secret), region: region,
            endpoints: Endpoints(environment: ["AWS_ENDPOINT_URL": endpoint!.absoluteString]),
            configuration: .init(retry: .init(maxAttempts: 2), sleeper: .immediate))
    }

    /// A name no other test run uses.
    static func unique(_ prefix: String) -> String {
        prefix + "-" + UUID().uuidString.prefix(8).lowercased()
    }

    /// Starts a dedicated emulator with `scripts/emulator start` and extra environment; returns its port.
    static func startDedicated(environment extra: [String: String]) async throws -> Int {
        let output = try await run(repositoryRoot, ["start"], extra: extra)
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("export LITTLESTACK_EMULATOR=") }),
            let port = Int(line.split(separator: "=").last ?? "")
        else { throw Failure(message: "scripts/emulator start printed no port") }
        return port
    }

    /// Stops an emulator this test started.
    static func stopDedicated(port: Int) async {
        _ = try? await run(repositoryRoot, ["stop", String(port)], extra: [:])
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs `scripts/emulator` with posix_spawn and waits with waitpid. Foundation's `Process` is not used: on Linux it
    /// detects the child's exit through an inherited descriptor, which the server the script leaves running keeps
    /// open, so it would wait forever. Descriptors above 2 are closed in the child for the same reason.
    private static func run(_ root: String, _ arguments: [String], extra: [String: String]) async throws -> String {
        let outputPath = NSTemporaryDirectory() + "littlestack-emulator-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        // The wrapper closes every descriptor above 2 (this test process's sockets among them) before running the
        // script, so the server it leaves running holds none of ours.
        let wrapper = #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; exec /bin/bash "$0" "$@""#
        let argv = ["/bin/bash", "-c", wrapper, root + "/scripts/emulator"] + arguments
        let env = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }.map { "\($0.key)=\($0.value)" }
        let status: Int32 = try await Task.detached { () throws -> Int32 in
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            var cArgs = argv.map { strdup($0) } + [nil]
            var cEnv = env.map { strdup($0) } + [nil]
            defer {
                cArgs.forEach { free($0) }
                cEnv.forEach { free($0) }
            }
            var pid: pid_t = 0
            guard posix_spawn(&pid, "/bin/bash", &actions, nil, &cArgs, &cEnv) == 0 else {
                throw Failure(message: "could not run scripts/emulator")
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return status
        }.value
        guard status == 0 else {
            throw Failure(message: "scripts/emulator \(arguments[0]) exited with status \(status)")
        }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }
}
