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
///
/// The heap's free room is then marked for transparent huge pages (`MADV_HUGEPAGE`; Debian's default THP mode
/// is `madvise`, which backs only marked ranges). A large render touches its value tree and output once each,
/// and with 4 KB pages took one page fault per 4 KB: 3,554 faults and 18.7 ms of which a third in the kernel,
/// against 614 faults and 13.3 ms with the marking (N=10000, `perf stat -r 60`); N=10 and N=1000 were
/// unchanged or faster. Untouched room still costs nothing; at most the last 2 MB page touched is unused.
enum AllocatorTuning {
    // <malloc.h>'s parameters; Glibc's Swift module does not export that header.
    private static let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3, arenaMax: Int32 = -8
    /// <sys/mman.h>'s advice value, which Glibc's Swift module does not export either.
    private static let adviseHugePages: Int32 = 14
    /// The probe allocation's address, stored where the optimiser must keep it: a `malloc` and `free` of an
    /// otherwise unused block were removed, and the heap did not grow.
    nonisolated(unsafe) private static var probe: UnsafeMutableRawPointer?

    static func apply() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(arenaMax, 1)
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
        _ = mallopt(mmapThreshold, 32 << 20)  // glibc's maximum
        adviseHugePagesForHeapRoom()
        #endif
    }

    #if canImport(Glibc)
    /// Grows the heap by the top pad now (an allocation larger than what is left), then marks the free room
    /// from that allocation's start to the heap's end. Allocations and the heap's later growth leave the
    /// marking in place; a kernel without THP ignores it.
    private static func adviseHugePagesForHeapRoom() {
        guard let p = malloc(256 << 10) else { return }
        probe = p
        free(probe)
        let pageSize = 4096
        let start = (Int(bitPattern: p) + pageSize - 1) & ~(pageSize - 1)
        guard let top = sbrk(0), Int(bitPattern: top) > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(bitPattern: top) - start, adviseHugePages)
    }
    #endif
}
