/// The version printed by `littlestack --version`.
enum LittleStackVersion {
    static let current = "0.1.0"
}
