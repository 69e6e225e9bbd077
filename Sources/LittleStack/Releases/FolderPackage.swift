import Foundation

/// Packages a code folder (a function's `code/`) as a deterministic zip.
///
/// Every regular file under the folder goes in, at its path relative to the folder; a symbolic link
/// to a file is stored as that file's content. Left out: `.git/` folders and `.DS_Store` files, which
/// change without the code changing. Empty folders are not stored (Lambda does not need them).
public enum FolderPackage {
    /// The zip of `folder`.
    /// - Parameter folder: the code folder's path.
    /// - Returns: the archive bytes; the same files give the same bytes on every run.
    /// - Throws: `ReleaseError` when the folder is missing or empty, holds a link to a folder or a
    ///   special file, or cannot be read.
    public static func zip(folder: String) throws(ReleaseError) -> [UInt8] {
        try DeterministicZip.archive(entries(folder: folder))
    }

    /// The files of `folder` as zip entries, sorted by path.
    /// - Parameter folder: the code folder's path.
    /// - Returns: the entries.
    /// - Throws: `ReleaseError` as `zip(folder:)` does.
    public static func entries(folder: String) throws(ReleaseError) -> [ZipEntry] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ReleaseError("code folder not found", path: folder)
        }
        var result: [ZipEntry] = []
        try collect(root: folder, relative: "", into: &result)
        if result.isEmpty { throw ReleaseError("code folder is empty", path: folder) }
        return result.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    /// Walks `root/relative` depth first, appending files.
    private static func collect(root: String, relative: String, into result: inout [ZipEntry]) throws(ReleaseError) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw ReleaseError("cannot read folder", path: folder)
        }
        for name in names {
            if name == ".DS_Store" || name == ".git" { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = root + "/" + path
            var linkInfo = stat()
            guard lstat(full, &linkInfo) == 0 else { throw ReleaseError("cannot read file", path: full) }
            var info = linkInfo
            let isLink = (linkInfo.st_mode & S_IFMT) == S_IFLNK
            if isLink, stat(full, &info) != 0 {
                throw ReleaseError("broken symbolic link", path: full)
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if isLink { throw ReleaseError("symbolic link to a folder is not supported", path: full) }
                try collect(root: root, relative: path, into: &result)
            case S_IFREG:
                guard let data = FileManager.default.contents(atPath: full) else {
                    throw ReleaseError("cannot read file", path: full)
                }
                result.append(ZipEntry(path: path, bytes: [UInt8](data), executable: info.st_mode & 0o111 != 0))
            default:
                throw ReleaseError("not a regular file or folder", path: full)
            }
        }
    }
}
