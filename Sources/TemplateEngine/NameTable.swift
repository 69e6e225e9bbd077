import Foundation

/// Variable names as small integers: frames hold and compare these instead of strings.
///
/// Frames are searched by name on every variable read and bound on every loop iteration and macro call; with
/// `String` names each read copied a name out of the code's tables (two runtime calls) and compared strings.
/// The compiler interns every name once, so the VM handles plain integers. One table for the process: frames
/// meet names from every template an environment compiled (imports, call blocks), and names only grow with
/// the templates compiled.
final class NameTable: @unchecked Sendable {
    /// The table every compiler interns into.
    static let shared = NameTable()
    /// `loop`, bound by every `for`.
    static let loop = 0
    /// `caller`, bound in a macro called by a call block.
    static let caller = 1

    private let lock = NSLock()
    private var ids: [String: Int] = ["loop": NameTable.loop, "caller": NameTable.caller]
    private var names: [String] = ["loop", "caller"]

    /// The id of `name`, made on first use.
    func id(_ name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let i = ids[name] { return i }
        names.append(name)
        ids[name] = names.count - 1
        return names.count - 1
    }

    /// The ids of `names`, in order.
    func ids(_ names: [String]) -> [Int] { names.map(id) }
}
