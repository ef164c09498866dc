#ifndef BULLETIN_LINUX_SUPPORT_H
#define BULLETIN_LINUX_SUPPORT_H
// Swift's Glibc module is built without _GNU_SOURCE, so renameat2 (glibc 2.28+, Linux 3.15+)
// is not visible from Swift; declare it here. The output folder is swapped in with it atomically.
#if defined(__linux__)
extern int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
static inline int bulletin_rename_exchange(const char *first, const char *second) {
    return renameat2(-100 /* AT_FDCWD */, first, -100 /* AT_FDCWD */, second, 2u /* RENAME_EXCHANGE */);
}
// pipe2 likewise (glibc 2.9+): a pipe whose ends are close-on-exec from the start, so that
// a child another thread starts meanwhile does not inherit them (the tests read their
// children's output through such pipes).
extern int pipe2(int pipefd[2], int flags);
static inline int bulletin_pipe_cloexec(int ends[2]) {
    return pipe2(ends, 02000000 /* O_CLOEXEC */);
}
// malloc_trim (glibc): gives the system back the pages of memory freed in every arena.
// Declared here for the same reason: Glibc's module leaves out <malloc.h>.
extern int malloc_trim(unsigned long pad);
// The same with tcmalloc, when the program is linked with it (the `bulletin` command is;
// the tests and other programs using the modules may not be): found at run time, so that
// the modules need no link to it.
extern void *dlsym(void *handle, const char *symbol);
static inline void bulletin_give_back_freed_memory(void) {
    // Looked up on each call (a few per build): a lookup costs microseconds.
    void (*release)(void) = (void (*)(void))dlsym((void *)0 /* RTLD_DEFAULT */, "MallocExtension_ReleaseFreeMemory");
    if (release) release(); else malloc_trim(0);
}
#endif
#endif
