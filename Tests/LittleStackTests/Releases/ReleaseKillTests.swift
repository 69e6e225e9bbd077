import Foundation
import Testing
import YAMLBridge
@testable import LittleStack

/// A config rewrite killed at any moment leaves the old config or the new one, never a mix.
///
/// The parent runs this test binary again as a child that rewrites the config over and over through
/// `ReleaseChange.commit()` (old → new → old …), kills it with SIGKILL at a random moment, and checks
/// the file is byte for byte one of the two.
@Suite struct ReleaseKillTests {
    static let jobVariable = "LITTLESTACK_RELEASE_KILL_JOB"

    /// The child: commits old → new and new → old in turn until killed.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[jobVariable] != nil))
    func killChild() throws {
        let job = ProcessInfo.processInfo.environment[Self.jobVariable]!
        let config = job + "/config.json"
        let old = try FileIO.read(job + "/old.bin")
        let new = try FileIO.read(job + "/new.bin")
        var forward = try planned(StackConfig.parse(old, path: config, environment: [:]))
        forward.newBytes = new
        var backward = forward
        backward.config.source = SourceFile(path: config, bytes: new)
        backward.newBytes = old
        var first = true
        while true {
            // A killed round may have left either content: continue from the one on disk.
            try (FileIO.read(config) == old ? forward : backward).commit()
            if first {
                _ = FileManager.default.createFile(atPath: job + "/ready", contents: Data())
                first = false
            }
        }
    }

    func planned(_ config: StackConfig) throws -> ReleaseChange {
        let folder = FileIO.directory(of: config.path)
        return try ReleasePlanner(bucket: "bucket", day: "20261124") { _ in
            try JSONReader.parse([UInt8](FileManager.default.contents(atPath: folder + "/rendered.json")!),
                                 path: "rendered.json")
        }.release(config)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[jobVariable] == nil
                   && CommandLine.arguments[0].hasSuffix(".xctest")))
    func aKilledRewriteLeavesOldOrNew() throws {
        let job = try ReleaseTestSupport.temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(atPath: job) }
        for name in ["config.json", "api.json.njk", "rendered.json"] {
            try FileManager.default.copyItem(atPath: ReleaseTestSupport.fixture("api-lambda-openapi-json") + "/" + name,
                                             toPath: job + "/" + name)
        }
        let config = job + "/config.json"
        let old = [UInt8](FileManager.default.contents(atPath: config)!)
        let new = try planned(StackConfig.load(path: config, environment: [:])).newBytes!
        #expect(old != new)
        try Data(old).write(to: URL(fileURLWithPath: job + "/old.bin"))
        try Data(new).write(to: URL(fileURLWithPath: job + "/new.bin"))

        var sawOld = false
        var sawNew = false
        for round in 0..<12 {
            try? FileManager.default.removeItem(atPath: job + "/ready")
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["--testing-library", "swift-testing", "--filter", "ReleaseKillTests/killChild"]
            child.environment = ProcessInfo.processInfo.environment.merging([Self.jobVariable: job]) { _, new in new }
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            var waited = 0
            while !FileManager.default.fileExists(atPath: job + "/ready"), waited < 600, child.isRunning {
                usleep(10_000)
                waited += 1
            }
            #expect(child.isRunning, "the child stopped before it was killed")
            usleep(UInt32(1_000 + (round * 2_347) % 20_000))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            let now = [UInt8](FileManager.default.contents(atPath: config)!)
            #expect(now == old || now == new, "round \(round): the config is neither the old nor the new one")
            sawOld = sawOld || now == old
            sawNew = sawNew || now == new
            // A killed writer may leave its temporary file behind, never a changed config.
            for name in try FileManager.default.contentsOfDirectory(atPath: job) where name.hasPrefix(".config.json.tmp-") {
                try FileManager.default.removeItem(atPath: job + "/" + name)
            }
        }
        #expect(sawOld || sawNew)
    }
}
