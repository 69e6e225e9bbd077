import Foundation
import Testing
@testable import LittleStack

/// Every stack of the library (`stacks/*/config*.json`) renders to its committed `expected*.txt`
/// byte for byte (those files were printed by nunjucks 3.2.4 with the fixtures bucket) and
/// validates without a single finding: the library is what users start from, so it must be clean.
@Suite struct StackLibraryRenderTests {
    /// The `stackBucket` the expected files were rendered with.
    static let bucket = "littlestack-fixtures-bucket"

    /// One case per config: (stack folder name, config file name, expected file name).
    /// `config.json` pairs with `expected.txt`, `config-X.json` with `expected-X.txt`.
    static let cases: [(String, String, String)] = {
        let stacks = repositoryRoot + "/stacks"
        let manager = FileManager.default
        var result: [(String, String, String)] = []
        for stack in ((try? manager.contentsOfDirectory(atPath: stacks)) ?? []).sorted() {
            let files = ((try? manager.contentsOfDirectory(atPath: stacks + "/" + stack)) ?? []).sorted()
            for file in files where file.hasPrefix("config") && file.hasSuffix(".json") {
                let suffix = file.dropFirst("config".count).dropLast(".json".count)
                result.append((stack, file, "expected\(suffix).txt"))
            }
        }
        return result
    }()

    /// The library is not silently empty: the six stacks and the four environments are all found.
    @Test func everyStackIsFound() {
        #expect(Self.cases.map { "\($0.0)/\($0.1)" } == [
            "account-baseline/config.json",
            "ecr/config.json",
            "environments/config-dev-mira.json",
            "environments/config-dev.json",
            "environments/config-prod.json",
            "environments/config-stage.json",
            "hello-api/config.json",
            "static-site/config.json",
            "vpc/config.json",
        ])
    }

    @Test(arguments: cases)
    func rendersToExpected(stack: String, config: String, expected: String) throws {
        let folder = repositoryRoot + "/stacks/" + stack
        let stackConfig = try StackConfig.load(path: folder + "/" + config, environment: [:])
        #expect(stackConfig.warnings.isEmpty, "\(stack)/\(config): \(stackConfig.warnings)")
        let rendered = try Renderer.render(config: stackConfig, bucket: Self.bucket)
        let want = try String(contentsOfFile: folder + "/" + expected, encoding: .utf8)
        #expect(Array(rendered.text.utf8) == Array(want.utf8), "\(stack)/\(config): \(Self.firstDifference(rendered.text, want))")
    }

    @Test(arguments: cases)
    func validatesWithoutFindings(stack: String, config: String, expected: String) throws {
        let folder = repositoryRoot + "/stacks/" + stack
        let stackConfig = try StackConfig.load(path: folder + "/" + config, environment: [:])
        let rendered = try Renderer.render(config: stackConfig, bucket: Self.bucket)
        let findings = Validator.validate(rendered, config: stackConfig)
        #expect(findings.isEmpty, "\(stack)/\(config):\n\(findings.map(\.description).joined(separator: "\n"))")
        #expect(Validator.summary(findings) == "no problems found")
    }

    /// Strict rendering too (what doc/ci.md uses in CI): no library template relies on an
    /// undefined variable printing as nothing, and testing an optional key (`{% if x.key %}`,
    /// `x.key or {}`) is allowed in strict mode as it is under nunjucks' `throwOnUndefined`.
    @Test(arguments: cases)
    func rendersStrictly(stack: String, config: String, expected: String) throws {
        let folder = repositoryRoot + "/stacks/" + stack
        let stackConfig = try StackConfig.load(path: folder + "/" + config, environment: [:])
        let rendered = try Renderer.render(config: stackConfig, bucket: Self.bucket, strict: true)
        let want = try String(contentsOfFile: folder + "/" + expected, encoding: .utf8)
        #expect(rendered.text == want)
    }

    /// The first differing line, so a failure says where (expected vs actual) instead of dumping both files.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) {
            let left = i < a.count ? String(a[i]) : "<end>"
            let right = i < e.count ? String(e[i]) : "<end>"
            if left != right { return "line \(i + 1): expected \(right.debugDescription), actual \(left.debugDescription)" }
        }
        return "equal"
    }
}
