import Foundation
import Testing
@testable import TemplateEngine

/// Runs the shared conformance cases (`../shared/conformance/cases` beside the package) in process:
/// `expected.txt` must match byte for byte, `expected.error` cases must throw a `TemplateError`.
@Suite struct ConformanceTests {
    /// `/work/shared/conformance/cases`, found from this file's real location (symlinks resolved).
    static let casesURL: URL? = {
        let file = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let packageRoot = file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let cases = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/cases")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: cases.path, isDirectory: &isDirectory) && isDirectory.boolValue ? cases : nil
    }()

    static let caseNames: [String] = {
        guard let url = casesURL, let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return names.filter { FileManager.default.fileExists(atPath: url.appendingPathComponent("\($0)/template.njk").path) }.sorted()
    }()

    @Test func sharedCasesArePresent() {
        if ConformanceTests.casesURL == nil {
            Issue.record("shared conformance cases not found beside the package (../shared/conformance/cases): skipped")
        } else {
            #expect(ConformanceTests.caseNames.count >= 90)
        }
    }

    @Test(arguments: caseNames)
    func conformanceCase(_ name: String) throws {
        let dir = ConformanceTests.casesURL!.appendingPathComponent(name)
        var context = Value(object: [])
        if let data = FileManager.default.contents(atPath: dir.appendingPathComponent("vars.json").path) {
            context = try Value.parseJSON([UInt8](data))
        }
        var searchPaths: [String] = []
        if let text = try? String(contentsOf: dir.appendingPathComponent("search-paths"), encoding: .utf8) {
            searchPaths = text.split(whereSeparator: \.isNewline).map { dir.appendingPathComponent(String($0)).path }
        }
        let environment = Environment(searchPaths: searchPaths)
        let template = dir.appendingPathComponent("template.njk").path
        if let expected = FileManager.default.contents(atPath: dir.appendingPathComponent("expected.txt").path) {
            let output = try environment.renderBytes(file: template, context: context)
            #expect(output == [UInt8](expected), "\(name): got \(String(decoding: output, as: UTF8.self).debugDescription)")
        } else {
            #expect(throws: TemplateError.self) { try environment.renderBytes(file: template, context: context) }
        }
    }
}
