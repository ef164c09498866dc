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

// libcurl, loaded when links to other sites are checked (`bulletin check --external`) and
// only then: linked in (through Foundation's URLSession), it and the thirty libraries it
// needs were loaded and bound at every start of every command, 6 ms each time. Called
// through pointers found by dlsym; curl_easy_setopt and curl_easy_getinfo take their
// argument C's variadic way, which Swift cannot call: hence these functions. The option
// and information numbers are those of <curl/curl.h> (part of libcurl's stable ABI).
#include <stddef.h>
extern void *dlopen(const char *file, int mode);
typedef struct {
    void *(*easy_init)(void);
    void (*easy_cleanup)(void *);
    int (*easy_setopt)(void *, int, ...);
    int (*easy_perform)(void *);
    int (*easy_getinfo)(void *, int, ...);
    const char *(*easy_strerror)(int);
} bulletin_curl;
// Loads libcurl and initialises it (once, before any thread uses it); 0 when it is missing.
static inline int bulletin_curl_load(bulletin_curl *curl) {
    void *library = dlopen("libcurl.so.4", 2 /* RTLD_NOW */);
    if (!library) library = dlopen("libcurl.so", 2 /* RTLD_NOW */);
    if (!library) return 0;
    int (*global_init)(long) = (int (*)(long))dlsym(library, "curl_global_init");
    curl->easy_init = (void *(*)(void))dlsym(library, "curl_easy_init");
    curl->easy_cleanup = (void (*)(void *))dlsym(library, "curl_easy_cleanup");
    curl->easy_setopt = (int (*)(void *, int, ...))dlsym(library, "curl_easy_setopt");
    curl->easy_perform = (int (*)(void *))dlsym(library, "curl_easy_perform");
    curl->easy_getinfo = (int (*)(void *, int, ...))dlsym(library, "curl_easy_getinfo");
    curl->easy_strerror = (const char *(*)(int))dlsym(library, "curl_easy_strerror");
    if (!global_init || !curl->easy_init || !curl->easy_cleanup || !curl->easy_setopt || !curl->easy_perform
        || !curl->easy_getinfo || !curl->easy_strerror) return 0;
    return global_init(3 /* CURL_GLOBAL_ALL */) == 0;
}
// The body is not read: the first bytes of it end the transfer (libcurl then says
// CURLE_WRITE_ERROR, with the answer's status known), so that a large file served to GET
// takes no longer than its first bytes.
static inline size_t bulletin_curl_stop(char *data, size_t size, size_t count, void *context) {
    (void)data; (void)size; (void)count; (void)context;
    return 0;
}
// One request (HEAD, or GET with its body left unread), redirects followed: libcurl's
// result code (0 for an answer, whose HTTP status is put in `status`).
static inline int bulletin_curl_request(const bulletin_curl *curl, const char *url, int head, long timeout_ms,
                                        const char *user_agent, long *status) {
    void *handle = curl->easy_init();
    if (!handle) return 2 /* CURLE_FAILED_INIT */;
    curl->easy_setopt(handle, 10002 /* CURLOPT_URL */, url);
    curl->easy_setopt(handle, head ? 44 /* CURLOPT_NOBODY */ : 80 /* CURLOPT_HTTPGET */, 1L);
    curl->easy_setopt(handle, 52 /* CURLOPT_FOLLOWLOCATION */, 1L);
    curl->easy_setopt(handle, 68 /* CURLOPT_MAXREDIRS */, 10L);
    curl->easy_setopt(handle, 155 /* CURLOPT_TIMEOUT_MS */, timeout_ms);
    curl->easy_setopt(handle, 99 /* CURLOPT_NOSIGNAL */, 1L);
    curl->easy_setopt(handle, 10018 /* CURLOPT_USERAGENT */, user_agent);
    curl->easy_setopt(handle, 20011 /* CURLOPT_WRITEFUNCTION */, bulletin_curl_stop);
    int code = curl->easy_perform(handle);
    if (code == 0 || code == 23 /* CURLE_WRITE_ERROR: the body's first bytes, refused */) {
        *status = 0;
        curl->easy_getinfo(handle, 0x200002 /* CURLINFO_RESPONSE_CODE */, status);
        if (code == 23 && *status > 0) code = 0;
    }
    curl->easy_cleanup(handle);
    return code;
}
#endif
#endif
