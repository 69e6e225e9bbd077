import Foundation

/// A dedicated emulator for one test, started and stopped with `scripts/emulator`.
struct EmulatorProcess: Sendable {
    /// Its port.
    let port: Int
    /// `http://127.0.0.1:<port>`.
    var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The package's root: this file's folder, five levels up (symlinks resolved, so a dev package works too).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Starts one; nil when the script is missing or fails.
    static func start() -> EmulatorProcess? {
        guard let output = run(["start"]) else { return nil }
        for line in output.split(separator: "\n") where line.hasPrefix("export LITTLESTACK_EMULATOR=") {
            if let port = Int(line.dropFirst("export LITTLESTACK_EMULATOR=".count)) { return EmulatorProcess(port: port) }
        }
        return nil
    }

    /// Stops it (the script sends SIGTERM and waits until the server is gone).
    func stop() { _ = Self.run(["stop", String(port)]) }

    /// Runs the script; the server it starts stops by itself once this test process is gone.
    private static func run(_ arguments: [String]) -> String? {
        let script = packageRoot.appendingPathComponent("scripts/emulator").path
        guard FileManager.default.isExecutableFile(atPath: script) else { return nil }
        var environment = ProcessInfo.processInfo.environment
        environment["LITTLESTACK_EMULATOR_WATCH_PID"] = String(getpid())
        guard let result = Spawn.run([script] + arguments, environment: environment), result.status == 0 else {
            return nil
        }
        return result.stdout
    }
}

/// Runs the `littlestack` binary (env `LITTLESTACK_BIN`, else `.build/debug/littlestack` of the package).
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String? {
        if let path = ProcessInfo.processInfo.environment["LITTLESTACK_BIN"], !path.isEmpty { return path }
        let unresolved = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for root in [unresolved, EmulatorProcess.packageRoot] {
            let path = root.appendingPathComponent(".build/debug/littlestack").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static var isAvailable: Bool { binary != nil && Emulator.isAvailable }

    /// Runs the binary with `arguments` in `directory`, stdin from /dev/null, with extra environment variables.
    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        guard let result = Spawn.run([binary!] + arguments, in: directory.path, environment: environment) else {
            throw CocoaError(.executableLoad)
        }
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}

/// A stack config folder in a temporary directory: `config.json` and `template.json.njk`.
struct ConfigFolder {
    let url: URL
    var configPath: String { url.appendingPathComponent("config.json").path }

    /// Writes a config for `stackName` whose template has one topic per name in `topics`, a NoEcho `Secret`
    /// parameter and a `Greeting`.
    init(stackName: String, topics: [String], secret: String = "n0-echo-secret-value", greeting: String = "hello") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("littlestack-apply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try write(stackName: stackName, topics: topics, secret: secret, greeting: greeting)
        let template = """
            {
              "Parameters": {
                "Secret": {"Type": "String", "NoEcho": true},
                "Greeting": {"Type": "String"}
              },
              "Resources": {
                {% for t in stackVariables.topics %}"Topic{{ t }}": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "{{ stackVariables.stackName }}-{{ t }}"}}{% if not loop.last %},{% endif %}
                {% endfor %}
              },
              "Outputs": {
                "Greeting": {"Value": {"Ref": "Greeting"}},
                "SecretEcho": {"Value": {"Ref": "Secret"}}
              }
            }
            """
        try Data(template.utf8).write(to: url.appendingPathComponent("template.json.njk"))
    }

    /// Rewrites the config.
    func write(stackName: String, topics: [String], secret: String = "n0-echo-secret-value", greeting: String = "hello") throws {
        let topicList = topics.map { "\"\($0)\"" }.joined(separator: ", ")
        let config = """
            {
              "StackName": "\(stackName)",
              "Parameters": [
                { "ParameterKey": "Secret", "ParameterValue": "\(secret)" },
                { "ParameterKey": "Greeting", "ParameterValue": "\(greeting)" }
              ],
              "Tags": [ { "Key": "org", "Value": "tests" } ],
              "Littleware": {
                "TemplatePath": "template.json.njk",
                "Variables": { "stackName": "\(stackName)", "topics": [\(topicList)] }
              }
            }
            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: configPath))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
