import Foundation

@testable import LittleStack

/// Records the waits a client asks for, without waiting.
final class AWSSleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []
    var sleeps: [Duration] { lock.withLock { recorded } }
    var sleeper: AWSClient.Configuration.Sleeper {
        AWSClient.Configuration.Sleeper { [self] duration in lock.withLock { recorded.append(duration) } }
    }
}

/// A client for a loopback endpoint with fixed test credentials, a fixed clock and a recording sleeper.
func awsLoopbackClient(
    endpoint: String, recorder: AWSSleepRecorder = AWSSleepRecorder(), retry: AWSClient.Configuration.Retry = .init(),
    timeout: AWSClient.Configuration.Timeout = .init()
) -> AWSClient {
    AWSClient(
        credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1",
        endpoints: Endpoints(environment: ["AWS_ENDPOINT_URL": endpoint]),
        configuration: .init(
            timeout: timeout, retry: retry, sleeper: recorder.sleeper,
            clock: { Date(timeIntervalSince1970: 1_440_938_160) }))
}

/// A fresh temporary folder, removed by the caller.
func awsTemporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "littlestack-aws-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func awsWrite(_ text: String, to path: String, executable: Bool = false) throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
}

