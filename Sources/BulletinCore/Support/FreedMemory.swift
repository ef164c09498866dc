#if canImport(Glibc)
import CLinuxSupport
#endif

/// Gives the system back memory a build has let go of. glibc keeps freed memory for later
/// allocations, but in the arena of the thread that allocated it: the files' texts, made on
/// the parse's threads, would stay resident while the render's threads and the search
/// index's own thread allocate elsewhere (40 MB of a 10,000-article build's peak). Called
/// after large releases of a build from scratch; it costs a few milliseconds. With tcmalloc
/// (the `bulletin` command), its own release of free pages instead. Not by `bulletin build`
/// (`Parallel.processEndsAfter`): memory given back is faulted in again when used, which
/// a process that ends after the build has no reason to pay for. (The preview renders
/// through `LiveSite`, which does not call it.)
package enum FreedMemory {
    package static func giveBack() {
        #if canImport(Glibc)
        bulletin_give_back_freed_memory()
        #endif
    }
}
