#if canImport(Glibc)
import CLinuxSupport
#endif

/// Gives the system back memory a build has let go of. glibc keeps freed memory for later
/// allocations, but in the arena of the thread that allocated it: the files' texts, made on
/// the parse's threads, would stay resident while the render's threads and the search
/// index's own thread allocate elsewhere (40 MB of a 10,000-article build's peak). Called
/// a few times per build, after large releases; it costs a few milliseconds. With tcmalloc
/// (the `bulletin` command), its own release of free pages instead. Only a process that goes
/// on after the build calls it (the preview): memory given back is faulted in again when
/// used, which `bulletin build`, ending after, has no reason to pay for.
package enum FreedMemory {
    package static func giveBack() {
        #if canImport(Glibc)
        bulletin_give_back_freed_memory()
        #endif
    }
}
