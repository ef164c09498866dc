#ifndef BULLETIN_LINUX_SUPPORT_H
#define BULLETIN_LINUX_SUPPORT_H
// Swift's Glibc module is built without _GNU_SOURCE, so renameat2 (glibc 2.28+, Linux 3.15+)
// is not visible from Swift; declare it here. The output folder is swapped in with it atomically.
#if defined(__linux__)
extern int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
static inline int bulletin_rename_exchange(const char *first, const char *second) {
    return renameat2(-100 /* AT_FDCWD */, first, -100 /* AT_FDCWD */, second, 2u /* RENAME_EXCHANGE */);
}
#endif
#endif
