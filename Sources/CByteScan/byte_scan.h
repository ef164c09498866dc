#ifndef BULLETIN_BYTE_SCAN_H
#define BULLETIN_BYTE_SCAN_H
// Scans of byte buffers that every page, feed entry and JSON string goes through, sixteen
// bytes at a time with SSE2 (part of every x86-64 processor). Swift's SIMD types compiled
// these to a loop over the lanes, slower than a byte at a time; C's intrinsics give the
// vector instructions. Elsewhere the same answers come a byte at a time.
//
// Each scan looks for the first byte of a class (`bulletin_byte_class`): one loop for all
// of them (`bulletin_first_in_class`), given the class's test of one byte and, with SSE2,
// of sixteen. Called with a constant class, it compiles to that class's loop alone.
#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// The classes of bytes the scans look for.
enum bulletin_byte_class {
    // A byte that may begin a code point no output carries: a control other than tab, line
    // feed and carriage return, DEL, 0xC2 (U+0080...U+00FF), 0xEF (U+FDD0..., U+FFFE/F) or
    // 0xF0...0xF4 (every U+xFFFE/F beyond). Swift's `ForbiddenCodePoints.mayStart` is the
    // same set.
    bulletin_forbidden_start,
    // What HTML and XML text escaping must look at: & < > " ' or a forbidden start.
    bulletin_markup_special,
    // What a JSON string's escaping must look at: a control (below 0x20), " \ <, or 0xE2,
    // which begins U+2028 and U+2029. (Forbidden code points are left out before.)
    bulletin_json_special,
    // What a JSON string needs looked at for any reason: a JSON special or a forbidden start.
    // A string with none goes out as it is, between its quotes.
    bulletin_json_attention,
    // A byte that may not stand as it is in a URL path: anything but an unreserved character
    // of RFC 3986 (letters, digits, - . _ ~) and /.
    bulletin_path_unsafe,
};

// Whether `byte` is of the class.
static inline int bulletin_is_in_class(uint8_t byte, enum bulletin_byte_class byte_class) {
    switch (byte_class) {
    case bulletin_forbidden_start:
        if (byte == 0x09 || byte == 0x0A || byte == 0x0D) return 0;
        return byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xEF || (byte >= 0xF0 && byte <= 0xF4);
    case bulletin_markup_special:
        return byte == '&' || byte == '<' || byte == '>' || byte == '"' || byte == '\''
            || bulletin_is_in_class(byte, bulletin_forbidden_start);
    case bulletin_json_special:
        return byte < 0x20 || byte == '"' || byte == '\\' || byte == '<' || byte == 0xE2;
    case bulletin_json_attention:
        return bulletin_is_in_class(byte, bulletin_json_special) || bulletin_is_in_class(byte, bulletin_forbidden_start);
    case bulletin_path_unsafe: {
        uint8_t folded = byte | 0x20;
        return !((folded >= 'a' && folded <= 'z') || (byte >= '0' && byte <= '9') || byte == '-' || byte == '.'
                 || byte == '_' || byte == '~' || byte == '/');
    }
    }
    return 0;
}

#if defined(__SSE2__)
// Unsigned comparisons, which SSE2 has only as max and min: the bytes of `v` that are at
// least `low` (max(v, low) is v), at most `high` (min(v, high) is v), or equal to `byte`.
static inline __m128i bulletin_at_least(__m128i v, uint8_t low) {
    return _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)low)), v);
}
static inline __m128i bulletin_at_most(__m128i v, uint8_t high) {
    return _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8((char)high)), v);
}
static inline __m128i bulletin_equal(__m128i v, uint8_t byte) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8((char)byte));
}
static inline __m128i bulletin_any(__m128i a, __m128i b) { return _mm_or_si128(a, b); }

// The bytes of `v` of the class, as a mask (0xFF each): `bulletin_is_in_class` sixteen at a time.
static inline __m128i bulletin_class_mask(__m128i v, enum bulletin_byte_class byte_class) {
    switch (byte_class) {
    case bulletin_forbidden_start: {
        __m128i control = _mm_andnot_si128(bulletin_at_least(v, 0x20), _mm_set1_epi8(-1));
        __m128i allowed = bulletin_any(bulletin_any(bulletin_equal(v, 0x09), bulletin_equal(v, 0x0A)), bulletin_equal(v, 0x0D));
        __m128i high = _mm_and_si128(bulletin_at_least(v, 0xF0), bulletin_at_most(v, 0xF4));
        return bulletin_any(
            _mm_andnot_si128(allowed, control),
            bulletin_any(bulletin_any(bulletin_equal(v, 0x7F), bulletin_equal(v, 0xC2)), bulletin_any(bulletin_equal(v, 0xEF), high)));
    }
    case bulletin_markup_special:
        return bulletin_any(
            bulletin_any(bulletin_any(bulletin_equal(v, '&'), bulletin_equal(v, '<')), bulletin_any(bulletin_equal(v, '>'), bulletin_equal(v, '"'))),
            bulletin_any(bulletin_equal(v, '\''), bulletin_class_mask(v, bulletin_forbidden_start)));
    case bulletin_json_special: {
        __m128i control = _mm_andnot_si128(bulletin_at_least(v, 0x20), _mm_set1_epi8(-1));
        return bulletin_any(
            bulletin_any(control, bulletin_equal(v, '"')),
            bulletin_any(bulletin_any(bulletin_equal(v, '\\'), bulletin_equal(v, '<')), bulletin_equal(v, 0xE2)));
    }
    case bulletin_json_attention:
        return bulletin_any(bulletin_class_mask(v, bulletin_json_special), bulletin_class_mask(v, bulletin_forbidden_start));
    case bulletin_path_unsafe: {
        __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        __m128i letter = _mm_and_si128(bulletin_at_least(folded, 'a'), bulletin_at_most(folded, 'z'));
        __m128i digit = _mm_and_si128(bulletin_at_least(v, '0'), bulletin_at_most(v, '9'));
        __m128i mark = bulletin_any(
            bulletin_any(bulletin_equal(v, '-'), bulletin_equal(v, '.')),
            bulletin_any(bulletin_any(bulletin_equal(v, '_'), bulletin_equal(v, '~')), bulletin_equal(v, '/')));
        return _mm_andnot_si128(bulletin_any(bulletin_any(letter, digit), mark), _mm_set1_epi8(-1));
    }
    }
    return _mm_setzero_si128();
}
#endif

// The index of the first of `count` bytes at `bytes` of the class, or `count` when there is none.
static inline size_t bulletin_first_in_class(const uint8_t *bytes, size_t count, enum bulletin_byte_class byte_class) {
    size_t index = 0;
#if defined(__SSE2__)
    for (; index + 16 <= count; index += 16) {
        int mask = _mm_movemask_epi8(bulletin_class_mask(_mm_loadu_si128((const __m128i *)(bytes + index)), byte_class));
        if (mask != 0) return index + (size_t)__builtin_ctz((unsigned)mask);
    }
#endif
    for (; index < count; index++) {
        if (bulletin_is_in_class(bytes[index], byte_class)) return index;
    }
    return count;
}

// Whether the byte may begin a forbidden code point.
static inline int bulletin_may_start_forbidden(uint8_t byte) {
    return bulletin_is_in_class(byte, bulletin_forbidden_start);
}

// Whether any of `count` bytes at `bytes` may begin a forbidden code point.
static inline int bulletin_may_contain_forbidden(const uint8_t *bytes, size_t count) {
    return bulletin_first_in_class(bytes, count, bulletin_forbidden_start) < count;
}

// Where HTML and XML text escaping must look next in `count` bytes at `bytes` (`count`: nowhere).
static inline size_t bulletin_next_markup_special(const uint8_t *bytes, size_t count) {
    return bulletin_first_in_class(bytes, count, bulletin_markup_special);
}

// Where JSON string escaping must look next in `count` bytes at `bytes` (`count`: nowhere).
static inline size_t bulletin_next_json_special(const uint8_t *bytes, size_t count) {
    return bulletin_first_in_class(bytes, count, bulletin_json_special);
}

// Whether a JSON string of the `count` bytes at `bytes` is those bytes between quotes: none
// is to be escaped or may begin a forbidden code point.
static inline int bulletin_json_plain(const uint8_t *bytes, size_t count) {
    return bulletin_first_in_class(bytes, count, bulletin_json_attention) == count;
}

// Whether the byte may stand as it is in a URL path.
static inline int bulletin_is_path_safe(uint8_t byte) {
    return !bulletin_is_in_class(byte, bulletin_path_unsafe);
}

// Whether all `count` bytes at `bytes` may stand as they are in a URL path (nearly every
// path of a site: its slugs).
static inline int bulletin_all_path_safe(const uint8_t *bytes, size_t count) {
    return bulletin_first_in_class(bytes, count, bulletin_path_unsafe) == count;
}

#endif
