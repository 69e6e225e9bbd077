import Foundation
import Testing
@testable import LittleStack

/// The emulator these tests use: `AWS_ENDPOINT_URL` when it points at 127.0.0.1 (or localhost); else skipped.
enum ReleaseEmulator {
    static let endpoint: String? = {
        guard let text = ProcessInfo.processInfo.environment["AWS_ENDPOINT_URL"], let url = URL(string: text),
              url.host == "127.0.0.1" || url.host == "localhost" else { return nil }
        return text
    }()

    /// Operations over the emulator, printing into `log`.
    static func operations(log: Log) async throws -> StackOperations {
        let console = ApplyConsole(writeOut: { log.append($0) }, writeErr: { log.append($0) })
        return try await StackOperations.connect(profile: nil, region: "us-east-1", console: console, environment: [
            "AWS_ENDPOINT_URL": endpoint!, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_REGION": "us-east-1", "HOME": NSTemporaryDirectory(),
        ])
    }

    /// Collected console output.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ more: String) { lock.withLock { text += more } }
        var value: String { lock.withLock { text } }
    }
}

@Suite(.serialized, .enabled(if: ReleaseEmulator.endpoint != nil, "AWS_ENDPOINT_URL does not point at 127.0.0.1"))
struct ReleaseEmulatorTests {
    /// stacks/hello-api copied to a temporary folder under a unique stack name.
    func copyStack() throws -> (folder: String, config: String, stack: String) {
        let folder = try ReleaseTestSupport.temporaryFolder("hello-api")
        let source = repositoryRoot + "/stacks/hello-api"
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder + "/" + name)
        }
        let stack = "hello-rel-" + UUID().uuidString.prefix(8).lowercased()
        let config = folder + "/config.json"
        let text = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "\"StackName\": \"hello-api\"", with: "\"StackName\": \"\(stack)\"")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        return (folder, config, stack)
    }

    /// Where the live stack's stages and alias point, and what exists, read from the services.
    struct Live: Equatable {
        var versions: [String]
        var alias: String
        var deployments: Int
        var beta: String
        var prod: String
    }

    func live(_ ops: StackOperations, stack: String) async throws -> (Live, [String: String]) {
        var ids: [String: String] = [:]
        for resource in try await ops.backend.stackResources(stack) {
            ids[resource.logicalResourceID] = resource.physicalResourceID
        }
        let lambda = LambdaClient(client: ops.backend.client)
        let api = APIGatewayClient(client: ops.backend.client)
        let function = ids["helloFunction"]!
        let restAPI = ids["helloApi"]!
        let versions = try await lambda.listVersionsByFunction(functionName: function).map(\.version)
        let alias = try await lambda.getAlias(functionName: function, name: "gateway_prod").functionVersion
        let deployments = try await api.getDeployments(restAPIID: restAPI).count
        let beta = try await api.getStage(restAPIID: restAPI, stageName: "beta").deploymentID ?? "-"
        let prod = try await api.getStage(restAPIID: restAPI, stageName: "prod").deploymentID ?? "-"
        return (Live(versions: versions, alias: alias, deployments: deployments, beta: beta, prod: prod), ids)
    }

    func variables(_ config: String) throws -> ReleaseBook.Unit {
        try ReleaseConfigFile.book(of: StackConfig.load(path: config, environment: [:])).units[0]
    }

    @Test func releaseLifecycle() async throws {
        let (folder, config, stack) = try copyStack()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = ReleaseEmulator.Log()
        let ops = try await ReleaseEmulator.operations(log: log)
        let options = ApplyOptions(assumeYes: true, bucket: "releases-" + stack)
        let release = ReleaseOptions(day: "20261124")

        // 1. First apply creates everything; the hand-written entries are adopted.
        var result = try await ops.applyReleasing(configPath: config, options: options, release: release)
        #expect(result.apply.result == .complete, "\(log.value)")
        #expect(result.committed)
        var (state, ids) = try await live(ops, stack: stack)
        let d1 = ids["deploy20261124r0"]!
        #expect(state == Live(versions: ["$LATEST", "1"], alias: "1", deployments: 1, beta: d1, prod: d1))

        // 2. Change the code: a new version, the alias stays.
        let code = folder + "/code/index.py"
        try (String(contentsOfFile: code, encoding: .utf8) + "\n# v2\n").write(toFile: code, atomically: true, encoding: .utf8)
        result = try await ops.applyReleasing(configPath: config, options: options, release: release)
        #expect(result.apply.result == .complete, "\(log.value)")
        guard case .appended(let v2) = result.change.recorded[1].outcome else {
            Issue.record("no version appended: \(result.change.summary)")
            return
        }
        #expect(result.change.recorded[0].outcome == .unchanged)
        (state, ids) = try await live(ops, stack: stack)
        #expect(state == Live(versions: ["$LATEST", "1", "2"], alias: "1", deployments: 1, beta: d1, prod: d1))
        #expect(try variables(config).function?.entries.map(\.resourceName) == ["lambda20261124r0", v2.resourceName])

        // Applying again with nothing changed appends nothing.
        result = try await ops.applyReleasing(configPath: config, options: options, release: release)
        #expect(result.change.summary == "helloapi api: unchanged\nhelloapi function: unchanged\n")
        #expect(result.change.newBytes == nil)

        // 3. Promote: the alias moves to the new version.
        result = try await ops.promote(configPath: config, options: options, release: release)
        #expect(result.change.moves == [PointerMove(unit: "helloapi", part: "function", pointer: "prodLambdaVersion",
                                                    from: "lambda20261124r0", to: v2.resourceName)])
        (state, ids) = try await live(ops, stack: stack)
        #expect(state == Live(versions: ["$LATEST", "1", "2"], alias: "2", deployments: 1, beta: d1, prod: d1))

        // 4. Change the API: a new deployment, beta moves, prod stays.
        let openapi = folder + "/openapi.yaml"
        try String(contentsOfFile: openapi, encoding: .utf8).replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
            .write(toFile: openapi, atomically: true, encoding: .utf8)
        result = try await ops.applyReleasing(configPath: config, options: options, release: release)
        #expect(result.apply.result == .complete, "\(log.value)")
        guard case .appended(let deploy2) = result.change.recorded[0].outcome else {
            Issue.record("no deployment appended: \(result.change.summary)")
            return
        }
        #expect(result.change.recorded[1].outcome == .unchanged)
        (state, ids) = try await live(ops, stack: stack)
        let d2 = ids[deploy2.resourceName]!
        #expect(d2 != d1)
        #expect(state == Live(versions: ["$LATEST", "1", "2"], alias: "2", deployments: 2, beta: d2, prod: d1))

        // 5. Promote: prod moves to beta's deployment.
        result = try await ops.promote(configPath: config, options: options, release: release)
        #expect(result.change.moves == [PointerMove(unit: "helloapi", part: "api", pointer: "prodDeployment",
                                                    from: "deploy20261124r0", to: deploy2.resourceName)])
        (state, _) = try await live(ops, stack: stack)
        #expect(state == Live(versions: ["$LATEST", "1", "2"], alias: "2", deployments: 2, beta: d2, prod: d2))
        let nothing = await #expect(throws: ReleaseError.self) {
            _ = try await ops.promote(configPath: config, options: options, release: release)
        }
        #expect(nothing?.description == "\(config): error: nothing to promote: prod already points at the newest release")

        // The live stack agrees with the config.
        let status = try await ops.releases(configPath: config, bucket: options.bucket)
        #expect(!status.hasDrift, "\(status.text)")

        // 6. Roll back the API: prod points back at the first deployment.
        var api = release
        api.part = "api"
        result = try await ops.rollback(configPath: config, options: options, release: api)
        #expect(result.change.moves == [PointerMove(unit: "helloapi", part: "api", pointer: "prodDeployment",
                                                    from: deploy2.resourceName, to: "deploy20261124r0")])
        (state, _) = try await live(ops, stack: stack)
        #expect(state == Live(versions: ["$LATEST", "1", "2"], alias: "2", deployments: 2, beta: d2, prod: d1))
        #expect(try variables(config).api?.prod == "deploy20261124r0")

        // 7. Roll back everything: the API is at its first deployment already, the alias goes back to 1.
        result = try await ops.rollback(configPath: config, options: options, release: release)
        #expect(result.change.moves == [PointerMove(unit: "helloapi", part: "function", pointer: "prodLambdaVersion",
                                                    from: v2.resourceName, to: "lambda20261124r0")])
        (state, _) = try await live(ops, stack: stack)
        #expect(state == Live(versions: ["$LATEST", "1", "2"], alias: "1", deployments: 2, beta: d2, prod: d1))
        let end = try await ops.releases(configPath: config, bucket: options.bucket)
        #expect(!end.hasDrift, "\(end.text)")

        // 8. Someone moves the alias by hand (Lambda UpdateAlias): releases reports the drift.
        _ = try await ops.backend.client.restJSON(
            .lambda, method: "PUT", path: "/2015-03-31/functions/\(ids["helloFunction"]!)/aliases/gateway_prod",
            body: Data(#"{"FunctionVersion": "2"}"#.utf8), as: LambdaAlias.self)
        let drifted = try await ops.releases(configPath: config, bucket: options.bucket)
        #expect(drifted.hasDrift)
        #expect(drifted.text.split(separator: "\n").filter { $0.hasSuffix("DRIFT") }
            == ["  alias gateway_prod: config lambda20261124r0 (1), live \(v2.resourceName) (2)  DRIFT"])
        #expect(!FileManager.default.fileExists(atPath: ReleaseLock.lockPath(for: config)))
    }

    @Test func offlineReleasesBeforeTheFirstApplyCollapseIntoOneVersion() async throws {
        let (folder, config, stack) = try copyStack()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bucket = "releases-" + stack
        let release = ReleaseOptions(day: "20261124")
        // Two code changes recorded offline: the first is adopted by the hand-written entry, the second
        // appends; two version entries, none deployed.
        let code = folder + "/code/index.py"
        for change in ["# a", "# b"] {
            try (String(contentsOfFile: code, encoding: .utf8) + "\n" + change + "\n")
                .write(toFile: code, atomically: true, encoding: .utf8)
            _ = try ReleaseBookkeeping.release(configPath: config, bucket: bucket, environment: [:], release: release)
        }
        #expect(try variables(config).function?.entries.count == 2)

        let log = ReleaseEmulator.Log()
        let ops = try await ReleaseEmulator.operations(log: log)
        let result = try await ops.applyReleasing(configPath: config, options: ApplyOptions(assumeYes: true, bucket: bucket),
                                                  release: release)
        #expect(result.apply.result == .complete, "\(log.value)")
        let newest = try #require(result.change.book.units[0].function?.entries.last?.resourceName)
        #expect(result.change.book.collapsed.map(\.entry.resourceName) == ["lambda20261124r0"])
        let unit = try variables(config)
        #expect(unit.function?.entries.map(\.resourceName) == [newest])
        #expect(unit.function?.prod == newest)
        let (state, _) = try await live(ops, stack: stack)
        #expect(state.versions == ["$LATEST", "1"])
        #expect(state.alias == "1")
    }
}
