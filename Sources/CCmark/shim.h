#ifndef BULLETIN_CCMARK_SHIM_H
#define BULLETIN_CCMARK_SHIM_H
// The system libcmark (Debian: libcmark-dev), found through pkg-config "libcmark".
#include <cmark.h>
#endif
