import Foundation

/// The repository's root, found from this file's real path (Tests/LittleStackTests/RepositoryRoot.swift): tests
/// read the stacks library and run `scripts/emulator` from there, also when a dev package reaches this folder
/// through a symlink.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()
