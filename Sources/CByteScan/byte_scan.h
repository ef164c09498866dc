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

#if defined(__SSE2__)
// The bytes of `v` that may begin a forbidden code point, as a vector mask (0xFF each).
static inline __m128i bulletin_forbidden_starts(__m128i v) {
    const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8(0x09), feed = _mm_set1_epi8(0x0A), ret = _mm_set1_epi8(0x0D);
    const __m128i del = _mm_set1_epi8(0x7F), c2 = _mm_set1_epi8((char)0xC2), ef = _mm_set1_epi8((char)0xEF);
    const __m128i f0 = _mm_set1_epi8((char)0xF0), f4 = _mm_set1_epi8((char)0xF4);
    // Unsigned comparisons: v < 0x20 where max(v, 0x20) is not v; 0xF0 <= v <= 0xF4 where
    // max(v, 0xF0) and min(v, 0xF4) are both v.
    __m128i control = _mm_andnot_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, space), v), _mm_set1_epi8(-1));
    __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, feed)), _mm_cmpeq_epi8(v, ret));
    __m128i high = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, f0), v), _mm_cmpeq_epi8(_mm_min_epu8(v, f4), v));
    return _mm_or_si128(
        _mm_andnot_si128(allowed, control),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, c2)), _mm_or_si128(_mm_cmpeq_epi8(v, ef), high)));
}
#endif

// Whether any of `count` bytes at `bytes` may begin such a code point.
static inline int bulletin_may_contain_forbidden(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    for (; index + 16 <= count; index += 16) {
        __m128i found = bulletin_forbidden_starts(_mm_loadu_si128((const __m128i *)(bytes + index)));
        if (_mm_movemask_epi8(found) != 0) return 1;
    }
#endif
    for (; index < count; index++) {
        if (bulletin_may_start_forbidden(bytes[index])) return 1;
    }
    return 0;
}

// Whether HTML and XML text escaping must look at the byte: & < > " ' or a byte that may
// begin a forbidden code point.
static inline int bulletin_is_markup_special(uint8_t byte) {
    return byte == '&' || byte == '<' || byte == '>' || byte == '"' || byte == '\'' || bulletin_may_start_forbidden(byte);
}

// The index of the first of `count` bytes at `bytes` that HTML and XML text escaping must
// look at (`bulletin_is_markup_special`), or `count` when there is none.
static inline size_t bulletin_next_markup_special(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>');
    const __m128i quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
    for (; index + 16 <= count; index += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + index));
        __m128i found = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)), _mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, quot))),
            _mm_or_si128(_mm_cmpeq_epi8(v, apos), bulletin_forbidden_starts(v)));
        int mask = _mm_movemask_epi8(found);
        if (mask != 0) return index + (size_t)__builtin_ctz((unsigned)mask);
    }
#endif
    for (; index < count; index++) {
        if (bulletin_is_markup_special(bytes[index])) return index;
    }
    return count;
}

// Whether a JSON string's escaping must look at the byte: a control (below 0x20), " \ <,
// or 0xE2, which begins U+2028 and U+2029. (Forbidden code points are left out before.)
static inline int bulletin_is_json_special(uint8_t byte) {
    return byte < 0x20 || byte == '"' || byte == '\\' || byte == '<' || byte == 0xE2;
}

// The index of the first of `count` bytes at `bytes` that JSON string escaping must look
// at (`bulletin_is_json_special`), or `count` when there is none.
static inline size_t bulletin_next_json_special(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20), quot = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\');
    const __m128i lt = _mm_set1_epi8('<'), e2 = _mm_set1_epi8((char)0xE2);
    for (; index + 16 <= count; index += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + index));
        __m128i control = _mm_andnot_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, space), v), _mm_set1_epi8(-1));
        __m128i found = _mm_or_si128(
            _mm_or_si128(control, _mm_cmpeq_epi8(v, quot)),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, slash), _mm_cmpeq_epi8(v, lt)), _mm_cmpeq_epi8(v, e2)));
        int mask = _mm_movemask_epi8(found);
        if (mask != 0) return index + (size_t)__builtin_ctz((unsigned)mask);
    }
#endif
    for (; index < count; index++) {
        if (bulletin_is_json_special(bytes[index])) return index;
    }
    return count;
}

// Whether the byte may stand as it is in a URL path: an unreserved character of RFC 3986
// (letters, digits, - . _ ~) or /.
static inline int bulletin_is_path_safe(uint8_t byte) {
    uint8_t folded = byte | 0x20;
    return (folded >= 'a' && folded <= 'z') || (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_'
        || byte == '~' || byte == '/';
}

// Whether all `count` bytes at `bytes` may stand as they are in a URL path (nearly every
// path of a site: its slugs).
static inline int bulletin_all_path_safe(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i lower_a = _mm_set1_epi8('a'), lower_z = _mm_set1_epi8('z'), zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8('9');
    const __m128i fold = _mm_set1_epi8(0x20), dash = _mm_set1_epi8('-'), dot = _mm_set1_epi8('.'), low = _mm_set1_epi8('_');
    const __m128i tilde = _mm_set1_epi8('~'), slash = _mm_set1_epi8('/');
    for (; index + 16 <= count; index += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + index));
        __m128i folded = _mm_or_si128(v, fold);
        // Unsigned a <= x <= b: max(x, a) and min(x, b) are both x.
        __m128i letter = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(folded, lower_a), folded), _mm_cmpeq_epi8(_mm_min_epu8(folded, lower_z), folded));
        __m128i digit = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, zero), v), _mm_cmpeq_epi8(_mm_min_epu8(v, nine), v));
        __m128i mark = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, dash), _mm_cmpeq_epi8(v, dot)),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, low), _mm_cmpeq_epi8(v, tilde)), _mm_cmpeq_epi8(v, slash)));
        if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), mark)) != 0xFFFF) return 0;
    }
#endif
    for (; index < count; index++) {
        if (!bulletin_is_path_safe(bytes[index])) return 0;
    }
    return 1;
}

#endif
