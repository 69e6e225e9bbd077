import Foundation
import Testing
@testable import LittleStack

@Suite struct DeterministicZipTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func archiveIsTheSameForAnyEntryOrder() throws {
        let a = ZipEntry(path: "index.js", bytes: Array("exports.handler = async () => 'hi'\n".utf8))
        let b = ZipEntry(path: "lib/util.js", bytes: Array("module.exports = {}\n".utf8))
        let c = ZipEntry(path: "bootstrap", bytes: Array("#!/bin/sh\n".utf8), executable: true)
        let one = try DeterministicZip.archive([a, b, c])
        let two = try DeterministicZip.archive([c, b, a])
        #expect(one == two)
        // Pinned: any change to the layout (dates, modes, order, flags) shows up here.
        #expect(one.count == 371)
        #expect(ContentHash.sha256(one) == ContentHash.sha256(try DeterministicZip.archive([b, a, c])))
    }

    @Test func archiveLayoutIsExact() throws {
        let bytes = try DeterministicZip.archive([ZipEntry(path: "a", bytes: [0x78])])
        let expected: [UInt8] = [
            // local header: signature, version 20, flags 0x0800, stored, time 0, date 1980-01-01
            0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00,
            // crc32("x") = 0x8CDC1683, sizes 1 and 1, name length 1, extra 0, name, data
            0x83, 0x16, 0xDC, 0x8C, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
            0x61, 0x78,
            // central header: signature, made by Unix 2.0, needed 2.0, flags, stored, time, date
            0x50, 0x4B, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00,
            0x83, 0x16, 0xDC, 0x8C, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00,
            // extra 0, comment 0, disk 0, internal 0, external = 0o100644 << 16, offset 0, name
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xA4, 0x81, 0x00, 0x00, 0x00, 0x00,
            0x61,
            // end of central directory: 1 entry, size 47, offset 32, no comment
            0x50, 0x4B, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x2F, 0x00, 0x00, 0x00,
            0x20, 0x00, 0x00, 0x00, 0x00, 0x00,
        ]
        #expect(bytes == expected)
    }

    @Test func archiveRefusesBadPaths() {
        for path in ["", "/etc/passwd", "../x", "a/../b", "a//b", "a\\b", "./a"] {
            let error = #expect(throws: ReleaseError.self) {
                _ = try DeterministicZip.archive([ZipEntry(path: path, bytes: [])])
            }
            #expect(error?.description == (path.isEmpty ? "error: empty zip entry path"
                                                        : "error: invalid zip entry path '\(path)'"))
        }
    }

    @Test func archiveRefusesDuplicates() throws {
        let error = #expect(throws: ReleaseError.self) {
            _ = try DeterministicZip.archive([ZipEntry(path: "a", bytes: [1]), ZipEntry(path: "a", bytes: [2])])
        }
        #expect(error?.description == "error: duplicate zip entry 'a'")
    }

    /// Writes the same tree twice, in different creation orders and at different times.
    private func makeTree(order: [Int]) throws -> String {
        let folder = try ReleaseTestSupport.temporaryFolder("zip")
        let files: [(String, String, Int)] = [
            ("index.js", "exports.handler = async () => ({ statusCode: 200 })\n", 0o644),
            ("lib/greet.js", "module.exports = (n) => `hello ${n}`\n", 0o600),
            ("bootstrap", "#!/bin/sh\nexec node index.js\n", 0o755),
            ("data/é.json", "{\"a\": 1}\n", 0o644),
        ]
        for i in order {
            try ReleaseTestSupport.write(files[i].1, to: files[i].0, in: folder, mode: files[i].2)
        }
        try ReleaseTestSupport.write("junk", to: ".DS_Store", in: folder)
        try ReleaseTestSupport.write("ref: refs/heads/main\n", to: ".git/HEAD", in: folder)
        return folder
    }

    @Test func folderZipIsByteIdenticalAcrossRunsAndFileOrders() throws {
        let first = try makeTree(order: [0, 1, 2, 3])
        let second = try makeTree(order: [3, 2, 1, 0])
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        // A different modification time must not matter.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)],
                                              ofItemAtPath: second + "/index.js")
        let one = try FolderPackage.zip(folder: first)
        let two = try FolderPackage.zip(folder: second)
        #expect(one == two)
        #expect(try FolderPackage.entries(folder: first).map(\.path)
            == ["bootstrap", "data/é.json", "index.js", "lib/greet.js"])
        #expect(try FolderPackage.entries(folder: first).map(\.executable) == [true, false, false, false])
    }

    @Test func folderZipIsReadableByZipTools() throws {
        let folder = try makeTree(order: [0, 1, 2, 3])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let zipPath = folder + ".zip"
        defer { try? FileManager.default.removeItem(atPath: zipPath) }
        try Data(FolderPackage.zip(folder: folder)).write(to: URL(fileURLWithPath: zipPath))

        let (pyStatus, pyOutput) = try ReleaseTestSupport.run(["python3", "-m", "zipfile", "-t", zipPath])
        #expect(pyStatus == 0)
        #expect(pyOutput == "Done testing\n")

        let (status, output) = try ReleaseTestSupport.run(["unzip", "-t", zipPath])
        #expect(status == 0)
        #expect(output == """
            Archive:  \(zipPath)
                testing: bootstrap                OK
                testing: data/é.json             OK
                testing: index.js                 OK
                testing: lib/greet.js             OK
            No errors detected in compressed data of \(zipPath).

            """)

        // Modes survive: unzip -Z lists them (the column pads by bytes, so 'é' shifts it above).
        let (_, listing) = try ReleaseTestSupport.run(["unzip", "-Z", "-1", zipPath])
        #expect(listing == "bootstrap\ndata/é.json\nindex.js\nlib/greet.js\n")
        let (_, long) = try ReleaseTestSupport.run(["unzip", "-Z", zipPath, "bootstrap", "index.js"])
        #expect(long == """
            -rwxr-xr-x  2.0 unx       29 b- stor 80-Jan-01 00:00 bootstrap
            -rw-r--r--  2.0 unx       52 b- stor 80-Jan-01 00:00 index.js

            """)
    }

    @Test func missingAndEmptyFoldersAreErrors() throws {
        let folder = try ReleaseTestSupport.temporaryFolder("empty")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = #expect(throws: ReleaseError.self) { _ = try FolderPackage.zip(folder: folder) }
        #expect(empty?.description == "\(folder): error: code folder is empty")
        let missing = #expect(throws: ReleaseError.self) { _ = try FolderPackage.zip(folder: folder + "/nope") }
        #expect(missing?.description == "\(folder)/nope: error: code folder not found")
    }
}
