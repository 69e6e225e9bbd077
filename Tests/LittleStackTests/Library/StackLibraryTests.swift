import Foundation
import Testing
@testable import LittleStack

/// `littlestack init`'s library: found from the binary's location, copied whole, never half.
@Suite struct StackLibraryTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stacklib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func locatesTheLibraryFromABinaryInTheBuildTree() throws {
        let fakeBinary = Self.repository.appendingPathComponent(".build/release/littlestack").path
        let library = try StackLibrary.locate(environment: [:], executablePath: fakeBinary)
        #expect(library.root.path == Self.repository.appendingPathComponent("stacks").path)
    }

    @Test func explicitEnvironmentWins() throws {
        let stacks = Self.repository.appendingPathComponent("stacks").path
        let library = try StackLibrary.locate(environment: ["LITTLESTACK_STACKS": stacks], executablePath: "/nowhere/bin/littlestack")
        #expect(library.root.path == stacks)
    }

    @Test func notFoundNamesEveryFolderTried() throws {
        #expect(throws: StackLibrary.Failure.libraryNotFound(tried: [
            "/nowhere/a/b/stacks", "/nowhere/a/stacks", "/nowhere/stacks", "/stacks", "/nowhere/a/share/littlestack/stacks",
        ])) {
            try StackLibrary.locate(environment: [:], executablePath: "/nowhere/a/b/littlestack")
        }
    }

    @Test func listsTheShippedStacks() throws {
        let library = StackLibrary(root: Self.repository.appendingPathComponent("stacks"))
        let names = try library.entries().map(\.name)
        #expect(names.contains("hello-api"))
        #expect(names == names.sorted())
        for entry in try library.entries() { #expect(!entry.summary.isEmpty, "\(entry.name) has no README summary") }
    }

    @Test func copiesAStackWithoutTheTestsExpectedOutputs() throws {
        let library = StackLibrary(root: Self.repository.appendingPathComponent("stacks"))
        let target = try scratch().appendingPathComponent("my-api")
        let files = try library.copy("hello-api", to: target)
        #expect(files.contains("config.json"))
        #expect(!files.contains { ($0 as NSString).lastPathComponent.hasPrefix("expected") })
        let original = try Data(contentsOf: Self.repository.appendingPathComponent("stacks/hello-api/config.json"))
        #expect(try Data(contentsOf: target.appendingPathComponent("config.json")) == original)
    }

    @Test func refusesANonEmptyDestinationAndTouchesNothing() throws {
        let library = StackLibrary(root: Self.repository.appendingPathComponent("stacks"))
        let target = try scratch()
        try Data("mine".utf8).write(to: target.appendingPathComponent("keep.txt"))
        #expect(throws: StackLibrary.Failure.destinationNotEmpty(target.path)) {
            try library.copy("hello-api", to: target)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["keep.txt"])
    }

    @Test func aRelativeDestinationIsNamedAsGiven() throws {
        let library = StackLibrary(root: Self.repository.appendingPathComponent("stacks"))
        let base = try scratch()
        try Data("mine".utf8).write(to: base.appendingPathComponent("keep.txt"))
        let relative = URL(fileURLWithPath: base.lastPathComponent, relativeTo: base.deletingLastPathComponent())
        #expect(throws: StackLibrary.Failure.destinationNotEmpty(base.lastPathComponent)) {
            try library.copy("hello-api", to: relative)
        }
    }

    @Test func unknownStackListsTheAvailableOnes() throws {
        let library = StackLibrary(root: Self.repository.appendingPathComponent("stacks"))
        let available = try library.entries().map(\.name)
        #expect(throws: StackLibrary.Failure.unknownStack("nope", available: available)) {
            try library.copy("nope", to: try scratch().appendingPathComponent("x"))
        }
    }
}
