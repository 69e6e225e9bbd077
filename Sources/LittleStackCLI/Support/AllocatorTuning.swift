#if canImport(Glibc)
import Glibc
#endif

/// Sets glibc's allocator up for a short-lived process that builds a large value tree and output once.
///
/// Commands run on a worker thread, whose glibc arena grows its heap in small steps, one `mprotect` call and a
/// fresh run of page faults each, and gives memory back between renders only to ask for it again. One arena,
/// grown 64 MB at a time (address space only: untouched pages cost nothing) and never trimmed or mapped
/// per block, took `render-template` on a 4.6 MB stack from 31.6 to 26.6 ms (`scripts/bench-template.sh`,
/// N=10000).
/// The process exits when the command ends, so memory held back is returned then.
enum AllocatorTuning {
    // <malloc.h>'s parameters; Glibc's Swift module does not export that header.
    private static let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3, arenaMax: Int32 = -8

    static func apply() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(arenaMax, 1)
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
        _ = mallopt(mmapThreshold, 32 << 20)  // glibc's maximum
        #endif
    }
}
