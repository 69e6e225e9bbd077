import Foundation
import Testing
import YAMLBridge
@testable import LittleStack

@Suite struct ReleasePlannerTests {
    struct Failure: Error {}

    /// A copy of the api-lambda-openapi-json fixture in a temporary folder.
    func copyFixture() throws -> String {
        let folder = try ReleaseTestSupport.temporaryFolder("planner")
        for name in ["config.json", "api.json.njk", "rendered.json", "openapi.json"] {
            try FileManager.default.copyItem(atPath: ReleaseTestSupport.fixture("api-lambda-openapi-json") + "/" + name,
                                             toPath: folder + "/" + name)
        }
        return folder
    }

    /// Renders by reading the fixture's rendered template and patching the memory size, so a
    /// function change can be simulated.
    func planner(memory: Int = 256) -> ReleasePlanner {
        ReleasePlanner(bucket: "bucket", day: "20261124") { config in
            let path = FileIO.directory(of: config.path) + "/rendered.json"
            let text = String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self)
                .replacingOccurrences(of: "\"MemorySize\": 256", with: "\"MemorySize\": \(memory)")
            return try JSONReader.parse(Array(text.utf8), path: path)
        }
    }

    func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path)!) }

    @Test func releaseThenNothingToDo() async throws {
        let folder = try copyFixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.json"
        let change = try planner().release(StackConfig.load(path: path, environment: [:]))
        #expect(change.summary == "hello api: recorded the content hash on 'deploy20240215r0'\nhello function: recorded the content hash on 'helloVer20240311r0'\n")
        #expect(try await change.perform(upload: { _ in }, apply: { _ in true }))
        let again = try planner().release(StackConfig.load(path: path, environment: [:]))
        #expect(again.summary == "hello api: unchanged\nhello function: unchanged\n")
        #expect(again.newBytes == nil)
        #expect(again.edits.isEmpty)

        // A function change appends a version; prod and the API stay.
        let changed = try planner(memory: 512).release(StackConfig.load(path: path, environment: [:]))
        guard case .appended(let entry) = changed.recorded[1].outcome else {
            Issue.record("no version appended")
            return
        }
        #expect(entry.resourceName.hasPrefix("helloVer20261124r"))
        #expect(LogicalID.isValid(entry.resourceName))
        #expect(changed.recorded[0].outcome == .unchanged)
        #expect(changed.book.units[0].function?.prod == "helloVer20240215r0")
        #expect(changed.updated.variables?["hello"]?["lambdaVersions"].map { "\($0)" }?.contains(entry.resourceName) == true)

        // Promote refuses while the change is unreleased.
        let pending = #expect(throws: ReleaseError.self) {
            _ = try planner(memory: 512).promote(StackConfig.load(path: path, environment: [:]))
        }
        #expect(pending?.description == "\(path): error: 'hello' function changed since the last release; run 'littlestack apply' first (beta gets the change), then promote")
    }

    @Test func aFailedStepLeavesTheConfigAsItWas() async throws {
        let folder = try copyFixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.json"
        let before = bytes(path)
        let change = try planner().release(StackConfig.load(path: path, environment: [:]))
        #expect(change.newBytes != nil)

        await #expect(throws: Failure.self) {
            _ = try await change.perform(upload: { _ in }, apply: { _ in throw Failure() })
        }
        #expect(bytes(path) == before)
        #expect(try await change.perform(upload: { _ in }, apply: { _ in false }) == false)
        #expect(bytes(path) == before)

        // The write itself failing half-way (a full disk) leaves the old file and no temporary file.
        #expect(throws: (any Error).self) {
            try AtomicFile.write(change.newBytes!, to: path, failAfterBytes: 100)
        }
        #expect(bytes(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            == ["api.json.njk", "config.json", "openapi.json", "rendered.json"])

        #expect(try await change.perform(upload: { _ in }, apply: { _ in true }))
        #expect(bytes(path) == change.newBytes!)

        // A config someone edited meanwhile is not overwritten.
        let stale = try planner(memory: 512).release(StackConfig.load(path: path, environment: [:]))
        try Data((String(decoding: bytes(path), as: UTF8.self) + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let edited = bytes(path)
        let error = await #expect(throws: ReleaseError.self) {
            _ = try await stale.perform(upload: { _ in }, apply: { _ in true })
        }
        #expect(error?.description == "\(path): error: the config changed while littlestack was working on it; it was not rewritten (run 'littlestack release' to record the releases again)")
        #expect(bytes(path) == edited)
    }

    @Test func promoteAndRollbackMovePointersOnly() async throws {
        let folder = try copyFixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.json"
        _ = try await planner().release(StackConfig.load(path: path, environment: [:]))
            .perform(upload: { _ in }, apply: { _ in true })

        let promote = try planner().promote(StackConfig.load(path: path, environment: [:]), unit: "hello")
        #expect(PointerMove.table(promote.moves) == """
            UNIT   PART      POINTER            BEFORE                 AFTER
            hello  api       prodDeployment     deploy20240102r0    →  deploy20240215r0
            hello  function  prodLambdaVersion  helloVer20240215r0  →  helloVer20240311r0

            """)
        #expect(promote.edits.map(\.key)
            == ["prodDeployment", "prodDeploymentHistory", "prodLambdaVersion", "prodLambdaVersionHistory"])
        _ = try await promote.perform(upload: { _ in }, apply: { _ in true })

        let rollback = try planner().rollback(StackConfig.load(path: path, environment: [:]), part: "api")
        #expect(rollback.moves == [PointerMove(unit: "hello", part: "api", pointer: "prodDeployment",
                                               from: "deploy20240215r0", to: "deploy20240102r0")])
        _ = try await rollback.perform(upload: { _ in }, apply: { _ in true })
        let again = #expect(throws: ReleaseError.self) {
            _ = try planner().rollback(StackConfig.load(path: path, environment: [:]), part: "api")
        }
        #expect(again?.description == "\(path): error: nothing to roll back: prod already points at the oldest release")
    }
}

@Suite struct ReleaseLockTests {
    @Test func aSecondLockIsRefusedUntilTheFirstIsReleased() throws {
        let folder = try ReleaseTestSupport.temporaryFolder("lock")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/config.json"
        let lock = try ReleaseLock(configPath: config)
        #expect(lock.path == folder + "/.config.json.lock")
        #expect(FileManager.default.fileExists(atPath: lock.path))
        let error = #expect(throws: ReleaseError.self) { _ = try ReleaseLock(configPath: config) }
        #expect(error?.description == "\(config): error: another littlestack run holds the lock on this config ('\(folder)/.config.json.lock')")
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        let again = try ReleaseLock(configPath: config)
        again.release()
    }

    @Test func aLockHeldByAnotherProcessIsRefusedAndDiesWithIt() throws {
        let folder = try ReleaseTestSupport.temporaryFolder("lockproc")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/config.json"
        let lockPath = ReleaseLock.lockPath(for: config)
        // flock(1) holds the same kind of lock from another process.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // One process holding flock(2) on the lock file, as another littlestack would; it says when it has it.
        holder.arguments = ["python3", "-c", """
            import fcntl, sys, time
            f = open(sys.argv[1], "w")
            fcntl.flock(f, fcntl.LOCK_EX)
            print("locked", flush=True)
            time.sleep(30)
            """, lockPath]
        let pipe = Pipe()
        holder.standardOutput = pipe
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        #expect(String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("locked"))
        #expect(throws: ReleaseError.self) { _ = try ReleaseLock(configPath: config) }
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        // The kernel dropped the killed holder's lock: no stale lock.
        let lock = try ReleaseLock(configPath: config)
        lock.release()
    }
}
