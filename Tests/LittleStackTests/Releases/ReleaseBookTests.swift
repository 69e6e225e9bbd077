import Foundation
import Testing
import YAMLBridge
@testable import LittleStack

@Suite struct ReleaseBookTests {
    static let folder = ReleaseTestSupport.fixture("api-lambda-openapi-json")
    static let hashA = "aaaaaaaa" + String(repeating: "0", count: 56)
    static let hashB = "bbbbbbbb" + String(repeating: "1", count: 56)

    func load(_ path: String = folder + "/config.json") throws -> StackConfig {
        try StackConfig.load(path: path, environment: [:])
    }

    func rendered() throws -> Node {
        try JSONReader.parse([UInt8](FileManager.default.contents(atPath: Self.folder + "/rendered.json")!),
                             path: "rendered.json")
    }

    func context(_ template: Node? = nil, parameters: [String: String]? = nil) throws -> ReleaseContext {
        let config = try load()
        let tree = try template ?? rendered()
        return ReleaseContext(stackName: config.stackName, bucket: "bucket", configFolder: Self.folder,
                              templateFolder: Self.folder, template: tree,
                              parameters: parameters ?? ReleaseContext.parameterValues(
                                template: tree, configValues: config.parameters.map { ($0.key, $0.value) }))
    }

    @Test func unitsAreInferredFromLittleStackLists() throws {
        let book = try ReleaseConfigFile.book(of: load())
        #expect(book.units.map(\.unit) == [ReleaseUnit(name: "hello", group: "hello", api: ReleaseUnit.API(),
                                                       function: ReleaseUnit.Function())])
        #expect(book.units[0].api?.entries.map(\.resourceName) == ["deploy20240102r0", "deploy20240215r0"])
        #expect(book.units[0].api?.prod == "deploy20240102r0")
        #expect(book.units[0].api?.beta == "deploy20240215r0")
        #expect(book.units[0].function?.prod == "helloVer20240215r0")
        #expect(!book.changed)
        #expect(book.edits.isEmpty)
    }

    @Test func declaredUnitsOverrideNamesAndDefaults() throws {
        let littleware = try JSONReader.parse(Array("""
            {"Releases": {"authn": {"variables": "authnapi",
                "api": {"source": "openapi.yaml", "restApi": "authnApi", "prod": "prodDeploy"},
                "function": {"code": {"s3Key": "lambda/authn.zip"}, "resource": "authnFunction", "beta": "betaVersion"}},
              "web": {"function": {"code": "web/"}}}}
            """.utf8), path: "c.json")
        #expect(try ReleaseDeclaration.units(littleware: littleware) == [
            ReleaseUnit(name: "authn", group: "authnapi",
                        api: ReleaseUnit.API(source: .file("openapi.yaml"), restApi: "authnApi", prodKey: "prodDeploy"),
                        function: ReleaseUnit.Function(code: .s3Key("lambda/authn.zip"), resource: "authnFunction",
                                                       betaKey: "betaVersion")),
            ReleaseUnit(name: "web", group: "web", api: nil, function: ReleaseUnit.Function(code: .folder("web/"))),
        ])
    }

    @Test func declarationErrorsPointAtTheKey() throws {
        let cases: [(String, String)] = [
            (#"{"Releases": {"a": {"api": {"sorce": "body"}}}}"#,
             "c.json:1:29: error: unknown key 'sorce' in 'api' of release unit 'a' (expected one of 'source', 'restApi', 'deployments', 'prod', 'beta')"),
            (#"{"Releases": {"a": {}}}"#, "c.json:1:15: error: release unit 'a' needs 'api' or 'function'"),
            (#"{"Releases": {"a": {"function": {"code": {"zip": "x"}}}}}"#,
             "c.json:1:43: error: unknown key 'zip' in 'code' (expected one of 's3Key', 'imageUri')"),
            (#"{"Releases": {"a": {"api": {"restApi": "my-api"}}}}"#,
             "c.json:1:40: error: 'restApi' must be a logical ID (letters and digits)"),
        ]
        for (json, expected) in cases {
            let node = try JSONReader.parse(Array(json.utf8), path: "c.json")
            let error = #expect(throws: ReleaseError.self) { _ = try ReleaseDeclaration.units(littleware: node) }
            let column = Int(expected.split(separator: ":")[2])!
            #expect(error?.located(in: "c.json", source: json).description
                    == expected + "\n" + json + "\n" + String(repeating: " ", count: column - 1) + "^")
        }
    }

    @Test func contentHashesFollowTheDocumentedRules() throws {
        let base = try UnitContent.compute(unit: ReleaseUnit(name: "hello", group: "hello", api: .init(), function: .init()),
                                           context: context())
        #expect(base.apiHash?.count == 64)
        #expect(base.versionHash?.count == 64)
        #expect(base.package == nil)
        // Stable: computed again, same hashes.
        let again = try UnitContent.compute(unit: ReleaseUnit(name: "hello", group: "hello", api: .init(), function: .init()),
                                            context: context())
        #expect(again == base)

        func variant(_ edit: (inout String) -> Void) throws -> UnitContent {
            var text = String(decoding: FileManager.default.contents(atPath: Self.folder + "/rendered.json")!, as: UTF8.self)
            edit(&text)
            let tree = try JSONReader.parse(Array(text.utf8), path: "rendered.json")
            return try UnitContent.compute(unit: ReleaseUnit(name: "hello", group: "hello", api: .init(), function: .init()),
                                           context: context(tree))
        }
        // Tags and reserved concurrency are not part of a version.
        let tagged = try variant { $0 = $0.replacingOccurrences(of: #"{"Key":"org","Value":"apps"},{"Key":"project""#,
                                                                  with: #"{"Key":"org","Value":"other"},{"Key":"project""#) }
        #expect(tagged.versionHash == base.versionHash)
        let reserved = try variant { $0 = $0.replacingOccurrences(of: #""MemorySize": 256,"#,
                                                                    with: #""MemorySize": 256, "ReservedConcurrentExecutions": 5,"#) }
        #expect(reserved.versionHash == base.versionHash)
        // Memory, environment and the code's S3 key are.
        let memory = try variant { $0 = $0.replacingOccurrences(of: #""MemorySize": 256"#, with: #""MemorySize": 512"#) }
        #expect(memory.versionHash != base.versionHash)
        #expect(memory.apiHash == base.apiHash)
        let environment = try variant { $0 = $0.replacingOccurrences(of: #""LOG_LEVEL": "debug""#, with: #""LOG_LEVEL": "info""#) }
        #expect(environment.versionHash != base.versionHash)
        var parameters = try context().parameters
        parameters["LambdaKey"] = "lambda/hello-api/bundle-2.zip"
        let moved = try UnitContent.compute(unit: ReleaseUnit(name: "hello", group: "hello", api: .init(), function: .init()),
                                            context: context(parameters: parameters))
        #expect(moved.versionHash != base.versionHash)
        // The API body is the API's content; formatting does not count.
        let api = try variant { $0 = $0.replacingOccurrences(of: #""version": "1.1.0""#, with: #""version": "1.2.0""#) }
        #expect(api.apiHash != base.apiHash)
        let spaced = try variant { $0 = $0.replacingOccurrences(of: #""openapi": "3.0.1","#, with: "\"openapi\":\n\n   \"3.0.1\",") }
        #expect(spaced.apiHash == base.apiHash)
    }

    @Test func codeFolderIsPackagedAndItsKeyGoesToTheParameter() throws {
        let code = try ReleaseTestSupport.temporaryFolder("code")
        defer { try? FileManager.default.removeItem(atPath: code) }
        try ReleaseTestSupport.write("exports.handler = async () => 'hi'\n", to: "index.js", in: code)
        let unit = ReleaseUnit(name: "hello", group: "hello", api: nil, function: .init(code: .folder(code)))
        let first = try UnitContent.compute(unit: unit, context: context())
        let zip = try FolderPackage.zip(folder: code)
        let sha = ContentHash.sha256(zip)
        #expect(first.package == CodePackage(key: "code/hello-api-dev/hello/\(sha).zip", bytes: zip, sha256: sha))
        #expect(first.parameterValues == ["LambdaKey": "code/hello-api-dev/hello/\(sha).zip"])
        #expect(first.variableValues == [:])
        // The parameter's old value does not matter: the code's hash stands for it.
        var parameters = try context().parameters
        parameters["LambdaKey"] = "something/else.zip"
        #expect(try UnitContent.compute(unit: unit, context: context(parameters: parameters)).versionHash == first.versionHash)
        try ReleaseTestSupport.write("exports.handler = async () => 'hello'\n", to: "index.js", in: code)
        #expect(try UnitContent.compute(unit: unit, context: context()).versionHash != first.versionHash)
    }

    @Test func missingResourcesAreNamed() throws {
        let unit = ReleaseUnit(name: "hello", group: "hello", api: .init(restApi: "nope"), function: nil)
        let error = #expect(throws: ReleaseError.self) { _ = try UnitContent.compute(unit: unit, context: context()) }
        #expect(error?.description == "error: release unit 'hello': the template has no 'AWS::ApiGateway::RestApi' named 'nope'")
    }

    @Test func releaseRewritesOnlyTheListsAndPointers() throws {
        let config = try load()
        var book = try ReleaseConfigFile.book(of: config)
        // First run: the newest entries have no hash; they are adopted (nothing appended).
        let rows = book.record([UnitContent(unit: "hello", apiHash: Self.hashA, versionHash: Self.hashB, package: nil,
                                            parameterValues: [:], variableValues: [:])], day: "20261124")
        #expect(rows.map(\.outcome) == [.adopted("deploy20240215r0"), .adopted("helloVer20240311r0")])
        // Then new content: entries appended, beta moves, prod stays.
        let hashC = "cccccccc" + String(repeating: "3", count: 56)
        _ = book.record([UnitContent(unit: "hello", apiHash: hashC, versionHash: Self.hashB, package: nil,
                                     parameterValues: [:], variableValues: [:])], day: "20261125")
        #expect(book.units[0].api?.beta == "deploy20261125rcccccccc")
        #expect(book.units[0].api?.prod == "deploy20240102r0")
        let bytes = try ReleaseConfigFile.rewritten(config, with: book.edits)
        let expected = FileManager.default.contents(atPath: Self.folder + "/config-after-release.json")!
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))

        // Promote, then prune to 2: d1 was prod, now unused, and goes.
        var next = try ReleaseConfigFile.book(of: StackConfig.parse(bytes, path: config.path, environment: [:]))
        let moves = try next.promote()
        #expect(moves == [
            PointerMove(unit: "hello", part: "api", pointer: "prodDeployment", from: "deploy20240102r0",
                        to: "deploy20261125rcccccccc"),
            PointerMove(unit: "hello", part: "function", pointer: "prodLambdaVersion", from: "helloVer20240215r0",
                        to: "helloVer20240311r0"),
        ])
        let pruned = next.prune(keep: 2)
        #expect(pruned.map(\.entry.resourceName) == ["deploy20240102r0", "helloVer20240102r0"])
        let error = #expect(throws: ReleaseError.self) { _ = try next.promote(unit: "hello") }
        #expect(error?.description == "error: nothing to promote: prod already points at the newest release of 'hello'")
        let unknown = #expect(throws: ReleaseError.self) { _ = try next.rollback(unit: "other") }
        #expect(unknown?.description == "error: unknown release unit 'other' (the config has 'hello')")
    }
}
