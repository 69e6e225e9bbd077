import Foundation

/// Helpers for the release tests: temporary folders and running tools.
enum ReleaseTestSupport {
    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "littlestack-releases-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` at `folder/relative`, creating folders.
    static func write(_ text: String, to relative: String, in folder: String, mode: Int = 0o644) throws {
        let path = folder + "/" + relative
        let parent = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    /// Runs `arguments` (looked up on PATH) and returns its exit status and merged output.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The fixture folder `Fixtures/releases/<name>`.
    static func fixture(_ name: String) -> String {
        Bundle.module.resourcePath! + "/Fixtures/releases/" + name
    }
}
