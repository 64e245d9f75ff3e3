#include "CSHA256Extensions.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))

#include <cpuid.h>
#include <immintrin.h>

int csha256_extensions_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

/// Sixteen groups of four rounds. `sha256rnds2` runs two rounds on the state held as ABEF and CDGH,
/// taking the next two (schedule word + constant) sums from the low half of its third operand.
/// The schedule's words 16-63 are built four at a time: `sha256msg1` adds σ0 terms, `alignr` brings
/// in W[t-7], `sha256msg2` adds the σ1 terms.
__attribute__((target("sha,sse4.1,ssse3")))
void csha256_extensions_compress(
    uint32_t state[8], const uint8_t *blocks, size_t blockCount, const uint32_t roundConstants[64]) {
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; blockCount > 0; blockCount--, blocks += 64) {
        const __m128i abefBefore = abef, cdghBefore = cdgh;
        __m128i schedule[4];
#pragma clang loop unroll(full)
        for (int group = 0; group < 16; group++) {
            if (group < 4) {
                const __m128i words = _mm_loadu_si128((const __m128i *)(blocks + 16 * group));
                schedule[group] = _mm_shuffle_epi8(words, byteSwap);
            }
            __m128i sums = _mm_add_epi32(
                schedule[group % 4], _mm_loadu_si128((const __m128i *)&roundConstants[4 * group]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sums);
            if (group >= 3 && group < 15) {
                const int next = (group + 1) % 4;
                const __m128i wMinus7 = _mm_alignr_epi8(schedule[group % 4], schedule[(group + 3) % 4], 4);
                schedule[next] = _mm_sha256msg2_epu32(_mm_add_epi32(schedule[next], wMinus7), schedule[group % 4]);
            }
            sums = _mm_shuffle_epi32(sums, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, sums);
            if (group >= 1 && group < 13) {
                const int previous = (group + 3) % 4;
                schedule[previous] = _mm_sha256msg1_epu32(schedule[previous], schedule[group % 4]);
            }
        }
        abef = _mm_add_epi32(abef, abefBefore);
        cdgh = _mm_add_epi32(cdgh, cdghBefore);
    }

    const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    dcba = _mm_blend_epi16(feba, dchg, 0xF0);
    hgfe = _mm_alignr_epi8(dchg, feba, 8);
    _mm_storeu_si128((__m128i *)&state[0], dcba);
    _mm_storeu_si128((__m128i *)&state[4], hgfe);
}

#else

int csha256_extensions_available(void) { return 0; }

void csha256_extensions_compress(
    uint32_t state[8], const uint8_t *blocks, size_t blockCount, const uint32_t roundConstants[64]) {
    (void)state;
    (void)blocks;
    (void)blockCount;
    (void)roundConstants;
}

#endif
