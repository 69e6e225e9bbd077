import Foundation
import Testing
import YAMLBridge
@testable import LittleStack

@Suite struct ReleaseStatusTests {
    struct FakeReader: ReleaseLiveReader {
        var physical: [String: String]
        var stages: [String: String]
        var aliases: [String: String]
        func physicalIDs() async throws -> [String: String] { physical }
        func stageDeployment(restAPIID: String, stage: String) async throws -> String? {
            restAPIID == "api123" ? stages[stage] : nil
        }
        func aliasVersion(function: String, alias: String) async throws -> String? {
            function == "hello-fn" ? aliases[alias] : nil
        }
    }

    func inputs() throws -> (ReleaseBook, Node) {
        let folder = ReleaseTestSupport.fixture("api-lambda-openapi-json")
        let config = try StackConfig.load(path: folder + "/config.json", environment: [:])
        let tree = try JSONReader.parse([UInt8](FileManager.default.contents(atPath: folder + "/rendered.json")!),
                                        path: "rendered.json")
        return (try ReleaseConfigFile.book(of: config), tree)
    }

    static let physical = [
        "helloApi": "api123", "helloFunction": "hello-fn",
        "deploy20240102r0": "dep1", "deploy20240215r0": "dep2",
        "helloVer20240102r0": "arn:aws:lambda:us-east-2:123456789012:function:hello-fn:1",
        "helloVer20240215r0": "arn:aws:lambda:us-east-2:123456789012:function:hello-fn:2",
        "helloVer20240311r0": "arn:aws:lambda:us-east-2:123456789012:function:hello-fn:3",
    ]

    @Test func inSyncStackShowsNoDrift() async throws {
        let (book, tree) = try inputs()
        let status = try await ReleaseStatus.read(book: book, template: tree, reader: FakeReader(
            physical: Self.physical, stages: ["prod": "dep1", "beta": "dep2"], aliases: ["gateway_prod": "2"]))
        #expect(!status.hasDrift)
        #expect(status.text == """
            hello api (gatewayDeployments)
              deploy20240215r0  add GET /hello/{name}  <- beta
              deploy20240102r0  initial deployment  <- prod
              stage prod: config deploy20240102r0 (dep1), live deploy20240102r0 (dep1)
              stage beta: config deploy20240215r0 (dep2), live deploy20240215r0 (dep2)
            hello function (lambdaVersions)
              helloVer20240311r0  hello 1.1.1
              helloVer20240215r0  hello 1.1.0 - greet by name  <- prod
              helloVer20240102r0  initial prod version
              alias gateway_prod: config helloVer20240215r0 (2), live helloVer20240215r0 (2)

            """)
    }

    @Test func aMovedStageOrAliasIsDrift() async throws {
        let (book, tree) = try inputs()
        let status = try await ReleaseStatus.read(book: book, template: tree, reader: FakeReader(
            physical: Self.physical, stages: ["prod": "dep2", "beta": "dep2"], aliases: ["gateway_prod": "3"]))
        #expect(status.hasDrift)
        #expect(status.tracks.flatMap(\.targets).map { "\($0.name) \($0.drift)" }
            == ["prod true", "beta false", "gateway_prod true"])
        #expect(status.text.split(separator: "\n").filter { $0.hasSuffix("DRIFT") } == [
            "  stage prod: config deploy20240102r0 (dep1), live deploy20240215r0 (dep2)  DRIFT",
            "  alias gateway_prod: config helloVer20240215r0 (2), live helloVer20240311r0 (3)  DRIFT",
        ])
    }

    @Test func anUndeployedStackHasNoLiveValues() async throws {
        let (book, tree) = try inputs()
        let status = try await ReleaseStatus.read(book: book, template: tree,
                                                  reader: FakeReader(physical: [:], stages: [:], aliases: [:]))
        #expect(!status.deployed)
        #expect(!status.hasDrift)
        #expect(status.text.hasPrefix("stack not deployed: live values unknown\n"))
        #expect(status.text.contains("  stage prod: config deploy20240102r0, live unknown\n"))
    }
}
