import Foundation
import Testing
@testable import LittleStack

/// The library stacks the emulator can hold are applied for real, from a copy, then deleted.
/// (static-site and account-baseline use CloudFront and Budgets outputs moto's CloudFormation cannot create.)
@Suite(.enabled(if: Emulator.isAvailable, "AWS_ENDPOINT_URL does not point at a local emulator"))
struct StackLibraryApplyTests {
    static let stacks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("stacks")

    /// Copies `stack` to a scratch folder and gives the config a stack name no other test uses.
    func copy(_ stack: String, config: String) throws -> (folder: URL, config: String, stackName: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stack-apply-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.stacks.appendingPathComponent(stack), to: folder)
        let path = folder.appendingPathComponent(config).path
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let name = Emulator.uniqueStackName("lib-\(stack)")
        let renamed = try #require(original.range(of: #""StackName": "[^"]*""#, options: .regularExpression))
        try original.replacingCharacters(in: renamed, with: "\"StackName\": \"\(name)\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path, name)
    }

    @Test(arguments: [("hello-api", "config.json"), ("ecr", "config.json"), ("environments", "config-dev.json")])
    func appliesAndDeletes(stack: String, config: String) async throws {
        let (folder, path, name) = try copy(stack, config: config)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (ops, output) = Emulator.operations()
        let applied = try await ops.applyReleasing(configPath: path, options: .init(assumeYes: true))
        #expect(applied.apply.result == .complete, "\(stack): \(output.stderr)")
        #expect(try await ops.backend.describeStack(name)?.status == "CREATE_COMPLETE")
        // A second apply of the same config changes nothing.
        let again = try await ops.applyReleasing(configPath: path, options: .init(assumeYes: true))
        #expect(again.apply.result == .noChanges)
        // Some library configs turn termination protection on, as production stacks should.
        try await CloudFormationClient(client: ops.backend.client).updateTerminationProtection(stackName: name, enabled: false)
        let deleted = try await ops.delete(stack: name, assumeYes: true)
        #expect(deleted.exitCode == 0)
    }
}
