import Foundation
import Testing
@testable import LittleStack

/// The emulator goes away in the middle of an apply: a clear error naming the endpoint, the config untouched,
/// and a re-run against a restarted emulator converges.
@Suite(.enabled(if: Emulator.isAvailable, "AWS_ENDPOINT_URL does not point at a local emulator"))
struct FaultTests {
    @Test(arguments: ["uploaded", "ready"])
    func emulatorStoppedMidApply(stopAfter: String) async throws {
        let emulator = try #require(EmulatorProcess.start(), "could not start a dedicated emulator")
        var restarted: EmulatorProcess?
        defer {
            emulator.stop()
            restarted?.stop()
        }
        let name = Emulator.uniqueStackName("fault")
        let folder = try ConfigFolder(stackName: name, topics: ["a"])
        defer { folder.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.configPath))

        var (ops, output) = Emulator.operations(endpoint: emulator.endpoint, retry: .init(maxAttempts: 2))
        ops.onStep = { step in
            switch (step, stopAfter) {
            case (.templateUploaded, "uploaded"), (.changeSetReady, "ready"): emulator.stop()
            default: break
            }
        }
        let endpoint = "http://127.0.0.1:\(emulator.port)"
        var failure = ""
        do {
            _ = try await ops.apply(configPath: folder.configPath, options: .init(assumeYes: true))
            Issue.record("apply succeeded with the emulator stopped")
        } catch {
            failure = "\(error)"
        }
        #expect(failure == "could not connect to '\(endpoint)'")
        #expect(!output.stdout.contains("COMPLETE"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.configPath)) == before)

        // a fresh emulator: the same apply converges
        restarted = try #require(EmulatorProcess.start(), "could not restart the emulator")
        let (ops2, _) = Emulator.operations(endpoint: restarted!.endpoint)
        let result = try await ops2.apply(configPath: folder.configPath, options: .init(assumeYes: true))
        #expect(result.result == .complete)
        #expect(result.status == "CREATE_COMPLETE")
        let again = try await ops2.apply(configPath: folder.configPath, options: .init(assumeYes: true))
        #expect(again.result == .noChanges)
    }
}
