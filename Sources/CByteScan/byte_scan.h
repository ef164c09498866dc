#ifndef BULLETIN_BYTE_SCAN_H
#define BULLETIN_BYTE_SCAN_H
// Scans of byte buffers that every page, feed entry and JSON string goes through, sixteen
// bytes at a time with SSE2 (part of every x86-64 processor). Swift's SIMD types compiled
// these to a loop over the lanes, slower than a byte at a time; C's intrinsics give the
// vector instructions. Elsewhere the same answers come a byte at a time.
#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Whether the byte may begin a code point no output carries: a control other than tab,
// line feed and carriage return, DEL, 0xC2 (U+0080...U+00FF), 0xEF (U+FDD0..., U+FFFE/F) or
// 0xF0...0xF4 (every U+xFFFE/F beyond). Swift's `ForbiddenCodePoints.mayStart` is the same.
static inline int bulletin_may_start_forbidden(uint8_t byte) {
    if (byte == 0x09 || byte == 0x0A || byte == 0x0D) return 0;
    return byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xEF || (byte >= 0xF0 && byte <= 0xF4);
}

// Whether any of `count` bytes at `bytes` may begin such a code point.
static inline int bulletin_may_contain_forbidden(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8(0x09), feed = _mm_set1_epi8(0x0A), ret = _mm_set1_epi8(0x0D);
    const __m128i del = _mm_set1_epi8(0x7F), c2 = _mm_set1_epi8((char)0xC2), ef = _mm_set1_epi8((char)0xEF);
    const __m128i f0 = _mm_set1_epi8((char)0xF0), f4 = _mm_set1_epi8((char)0xF4);
    for (; index + 16 <= count; index += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + index));
        // Unsigned comparisons: v < 0x20 where max(v, 0x20) is not v; 0xF0 <= v <= 0xF4
        // where max(v, 0xF0) and min(v, 0xF4) are both v.
        __m128i control = _mm_andnot_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, space), v), _mm_set1_epi8(-1));
        __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, feed)), _mm_cmpeq_epi8(v, ret));
        __m128i high = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, f0), v), _mm_cmpeq_epi8(_mm_min_epu8(v, f4), v));
        __m128i found = _mm_or_si128(
            _mm_andnot_si128(allowed, control),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, c2)), _mm_or_si128(_mm_cmpeq_epi8(v, ef), high)));
        if (_mm_movemask_epi8(found) != 0) return 1;
    }
#endif
    for (; index < count; index++) {
        if (bulletin_may_start_forbidden(bytes[index])) return 1;
    }
    return 0;
}

#endif
