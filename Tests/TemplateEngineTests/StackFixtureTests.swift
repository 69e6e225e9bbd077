import Foundation
import Testing
@testable import TemplateEngine

/// Renders the shared stack fixtures (`../shared/stack-fixtures` beside the package): each config's
/// `Littleware.TemplatePath` with its variables file must give the expected text byte for byte (nunjucks'
/// output), or fail when an `expected.error` is there.
@Suite struct StackFixtureTests {
    static let root: URL? = {
        guard let cases = ConformanceTests.casesURL else { return nil }
        let url = cases.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("stack-fixtures")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// (folder, config file name suffix: "" or "-dev"…)
    static let fixtures: [String] = {
        guard let root, let folders = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        var out: [String] = []
        for folder in folders.sorted() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            for f in files.sorted() where f.hasPrefix("config") && f.hasSuffix(".json") {
                out.append(folder + "/" + String(f.dropFirst("config".count).dropLast(".json".count)))
            }
        }
        return out
    }()

    @Test func fixturesArePresent() {
        if StackFixtureTests.root == nil {
            Issue.record("shared stack fixtures not found beside the package: skipped")
        } else {
            #expect(StackFixtureTests.fixtures.count >= 10)
        }
    }

    @Test(arguments: fixtures)
    func fixture(_ id: String) throws {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        let dir = StackFixtureTests.root!.appendingPathComponent(String(parts[0]))
        let suffix = String(parts[1])
        let config = try Value.parseJSON([UInt8](Data(contentsOf: dir.appendingPathComponent("config\(suffix).json"))))
        let littleware = config.entries?.first { $0.0 == "Littleware" }?.1
        guard let templatePath = littleware?.entries?.first(where: { $0.0 == "TemplatePath" })?.1.string else {
            Issue.record("\(id): no Littleware.TemplatePath")
            return
        }
        let variables = try Value.parseJSON([UInt8](Data(contentsOf: dir.appendingPathComponent("variables\(suffix).json"))))
        let template = dir.appendingPathComponent(templatePath).path
        if let expected = FileManager.default.contents(atPath: dir.appendingPathComponent("expected\(suffix).txt").path) {
            let output = try Environment().renderBytes(file: template, context: variables)
            #expect(output == [UInt8](expected), "\(id)")
        } else {
            #expect(throws: TemplateError.self) { try Environment().renderBytes(file: template, context: variables) }
        }
    }
}
