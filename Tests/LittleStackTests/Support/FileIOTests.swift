import Foundation
import Testing
import LittleStack

/// Whole-file reads: regular files are read at their fstat size, anything else to its end.
@Suite struct FileIOTests {
    @Test func readsARegularFileExactly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fileio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = dir.appendingPathComponent("data.bin").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect(try FileIO.read(path) == bytes)
        let empty = dir.appendingPathComponent("empty").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(try FileIO.read(empty) == [])
    }

    /// /proc files report a size of 0: the read goes on to the end all the same.
    @Test func readsAFileWhoseSizeIsNotKnownUpFront() throws {
        let text = String(decoding: try FileIO.read("/proc/self/status"), as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nPid:"))
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: FileError.self) { try FileIO.read("/nonexistent/littlestack-fileio-test") }
    }
}
