import CGMP

/// Cache hints for loops that read or write at places they know a few steps ahead (MES's
/// passes over a project's supporters: each supporter's class is at a random place). The
/// processor fetches the line meanwhile instead of stalling when the loop gets there; a
/// hint never changes a value. Swift has no prefetch of its own, so these call the
/// compiler's builtin through `shim.h`.
enum Prefetch {
    /// The cache line of `p`, for a read soon.
    @inline(__always)
    static func read<T>(_ p: UnsafePointer<T>) { pb_prefetch_read(p) }

    /// The cache line of `p`, for a write soon.
    @inline(__always)
    static func write<T>(_ p: UnsafeMutablePointer<T>) { pb_prefetch_write(p) }
}
