import Foundation

/// Runs a profile's `credential_process` and reads the credentials it prints (JSON, `Version` 1).
///
/// As the aws cli does, the command line is split into words (single and double quotes, backslash escapes) and run
/// directly, not through a shell; a bare program name is looked up in the environment's `PATH`.
public struct CredentialProcess: Sendable {
    /// The command line from the profile.
    public var commandLine: String
    /// The environment the process runs with.
    public var environment: [String: String]

    /// Creates a runner.
    /// - Parameters:
    ///   - commandLine: the `credential_process` setting.
    ///   - environment: the environment to run it with.
    public init(commandLine: String, environment: [String: String]) {
        self.commandLine = commandLine
        self.environment = environment
    }

    /// What went wrong, in words safe to print (no output of the process is quoted).
    public struct Failure: Error, Equatable, Sendable {
        /// The reason.
        public var reason: String
    }

    /// The program's name (the first word, without its folder): the only part of the command line messages show.
    public var programName: String {
        let first = Self.split(commandLine).first ?? ""
        return first.split(separator: "/").last.map(String.init) ?? first
    }

    /// Runs the process and parses its output.
    /// - Parameter source: the `source` the credentials carry.
    /// - Returns: the credentials.
    /// - Throws: ``Failure`` when it cannot run, exits non-zero or prints something other than version 1 JSON.
    public func run(source: String) async throws -> Credentials {
        let words = Self.split(commandLine)
        guard let program = words.first else { throw Failure(reason: "the command is empty") }
        guard let executable = resolve(program) else { throw Failure(reason: "program not found") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(words.dropFirst())
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(reason: "it could not be started")
        }
        let data = await Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
        await Task.detached { process.waitUntilExit() }.value
        guard process.terminationStatus == 0 else {
            throw Failure(reason: "it exited with status \(process.terminationStatus)")
        }
        return try Self.parse(data, source: source)
    }

    /// Parses `credential_process` output: `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?,
    /// "Expiration"?}`.
    /// - Parameters:
    ///   - data: the process's standard output.
    ///   - source: the `source` the credentials carry.
    /// - Returns: the credentials.
    /// - Throws: ``Failure`` naming the missing or wrong field.
    public static func parse(_ data: Data, source: String) throws -> Credentials {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Failure(reason: "its output is not a JSON object")
        }
        guard let version = object["Version"] as? Int, version == 1 else {
            throw Failure(reason: "its output has no 'Version' 1")
        }
        guard let key = object["AccessKeyId"] as? String, !key.isEmpty else {
            throw Failure(reason: "its output has no 'AccessKeyId'")
        }
        guard let secret = object["SecretAccessKey"] as? String, !secret.isEmpty else {
            throw Failure(reason: "its output has no 'SecretAccessKey'")
        }
        var expiration: Date?
        if let text = object["Expiration"] as? String {
            expiration = ISO8601DateFormatter().date(from: text)
            if expiration == nil {
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
                expiration = formatter.date(from: text)
            }
            guard expiration != nil else { throw Failure(reason: "its 'Expiration' is not an ISO 8601 time") }
        }
        let token = (object["SessionToken"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        return Credentials(
            accessKeyID: key, secretAccessKey: secret, sessionToken: token, expiration: expiration, source: source)
    }

    func resolve(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Splits a command line into words as a POSIX shell would, without expansions.
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for ch in line {
            if escaped {
                word.append(ch)
                escaped = false
                continue
            }
            if let q = quote {
                if ch == q {
                    quote = nil
                } else if ch == "\\" && q == "\"" {
                    escaped = true
                } else {
                    word.append(ch)
                }
                continue
            }
            switch ch {
            case "\\":
                escaped = true
                inWord = true
            case "\"", "'":
                quote = ch
                inWord = true
            case " ", "\t", "\n":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default:
                word.append(ch)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
