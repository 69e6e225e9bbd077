import Foundation

/// Where the test fixtures are, found from this file's path so the tests run from any folder
/// (and from a dev package whose test folders are symlinks).
enum FixturePaths {
    /// `Tests/LittleStackTests/Fixtures`.
    static let fixtures: String = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        return here.deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }()

    /// A file under `Fixtures/<group>/`.
    static func fixture(_ group: String, _ name: String) -> String {
        fixtures + "/" + group + "/" + name
    }

    /// `/work/shared/stack-fixtures`: the first `shared/stack-fixtures` found walking up from this file.
    static let stackFixtures: String = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("shared/stack-fixtures").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return "/work/shared/stack-fixtures"
    }()

    /// A fresh empty temporary folder.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "littlestack-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A file's text.
    static func text(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>"
    }
}
