/// Writes zip archives whose bytes depend only on the files' paths, contents and executable bits.
///
/// Entries are sorted by the UTF-8 bytes of their paths, stored uncompressed (method 0, so no
/// compressor version can change the output) with a computed CRC-32, dated 1980-01-01 00:00:00
/// (the earliest DOS date), marked as made on Unix with mode 0644 or 0755, UTF-8 names (flag bit 11),
/// no extra fields and no comments. The same files in any order give the same bytes.
public enum DeterministicZip {
    /// The DOS date for 1980-01-01: (year - 1980) << 9 | month << 5 | day.
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    /// Midnight.
    static let dosTime: UInt16 = 0
    /// Flag bit 11: file names are UTF-8.
    static let utf8Flag: UInt16 = 0x0800
    /// Version 2.0 made on Unix (upper byte 3), so readers honour the mode in the external attributes.
    static let versionMadeBy: UInt16 = (3 << 8) | 20
    /// Version 2.0 needed to extract.
    static let versionNeeded: UInt16 = 20

    /// The archive of `entries`.
    /// - Parameter entries: the files, in any order.
    /// - Returns: the zip bytes.
    /// - Throws: `ReleaseError` when two entries share a path, a path is empty, absolute or has `..`,
    ///   or the archive would need zip64 (a file or the archive over 4 GiB, more than 65,535 files).
    public static func archive(_ entries: [ZipEntry]) throws(ReleaseError) -> [UInt8] {
        let sorted = entries.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        if sorted.count > Int(UInt16.max) {
            throw ReleaseError("too many files for a zip without zip64 (\(sorted.count), at most 65535)")
        }
        var previous: String?
        for entry in sorted {
            try checkPath(entry.path)
            if entry.path == previous { throw ReleaseError("duplicate zip entry '\(entry.path)'") }
            if entry.bytes.count > Int(UInt32.max) {
                throw ReleaseError("file '\(entry.path)' is too large for a zip without zip64")
            }
            previous = entry.path
        }

        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in sorted {
            let offset = out.count
            if offset > Int(UInt32.max) { throw ReleaseError("archive is too large for a zip without zip64") }
            let name = Array(entry.path.utf8)
            let crc = CRC32.checksum(entry.bytes)
            let size = UInt32(entry.bytes.count)

            out.appendZipInteger(UInt32(0x0403_4B50))
            out.appendZipInteger(versionNeeded)
            out.appendZipInteger(utf8Flag)
            out.appendZipInteger(UInt16(0))  // stored
            out.appendZipInteger(dosTime)
            out.appendZipInteger(dosDate)
            out.appendZipInteger(crc)
            out.appendZipInteger(size)
            out.appendZipInteger(size)
            out.appendZipInteger(UInt16(name.count))
            out.appendZipInteger(UInt16(0))  // no extra field
            out.append(contentsOf: name)
            out.append(contentsOf: entry.bytes)

            let mode: UInt32 = entry.executable ? 0o100755 : 0o100644
            central.appendZipInteger(UInt32(0x0201_4B50))
            central.appendZipInteger(versionMadeBy)
            central.appendZipInteger(versionNeeded)
            central.appendZipInteger(utf8Flag)
            central.appendZipInteger(UInt16(0))
            central.appendZipInteger(dosTime)
            central.appendZipInteger(dosDate)
            central.appendZipInteger(crc)
            central.appendZipInteger(size)
            central.appendZipInteger(size)
            central.appendZipInteger(UInt16(name.count))
            central.appendZipInteger(UInt16(0))  // extra
            central.appendZipInteger(UInt16(0))  // comment
            central.appendZipInteger(UInt16(0))  // disk number
            central.appendZipInteger(UInt16(0))  // internal attributes
            central.appendZipInteger(mode << 16)
            central.appendZipInteger(UInt32(offset))
            central.append(contentsOf: name)
        }
        let centralOffset = out.count
        if centralOffset + central.count > Int(UInt32.max) {
            throw ReleaseError("archive is too large for a zip without zip64")
        }
        out.append(contentsOf: central)
        out.appendZipInteger(UInt32(0x0605_4B50))
        out.appendZipInteger(UInt16(0))  // this disk
        out.appendZipInteger(UInt16(0))  // disk with the central directory
        out.appendZipInteger(UInt16(sorted.count))
        out.appendZipInteger(UInt16(sorted.count))
        out.appendZipInteger(UInt32(central.count))
        out.appendZipInteger(UInt32(centralOffset))
        out.appendZipInteger(UInt16(0))  // comment length
        return out
    }

    /// Rejects paths a zip reader could resolve outside its target folder.
    static func checkPath(_ path: String) throws(ReleaseError) {
        if path.isEmpty { throw ReleaseError("empty zip entry path") }
        if path.hasPrefix("/") || path.contains("\\") || path.split(separator: "/", omittingEmptySubsequences: false)
            .contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) {
            throw ReleaseError("invalid zip entry path '\(path)'")
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` little-endian, as zip stores every integer.
    mutating func appendZipInteger<T: FixedWidthInteger>(_ value: T) {
        var v = value.littleEndian
        Swift.withUnsafeBytes(of: &v) { append(contentsOf: $0) }
    }
}
