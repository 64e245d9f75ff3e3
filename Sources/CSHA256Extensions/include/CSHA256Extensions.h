#ifndef CSHA256_EXTENSIONS_H
#define CSHA256_EXTENSIONS_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256 block compression with the x86 SHA extensions (SHA-NI), for the few CPU instructions
/// Swift cannot emit. The portable Swift implementation in ContractKit is used everywhere else.

/// 1 when this CPU has the SHA extensions (and the SSSE3 and SSE4.1 they are used with), else 0.
/// Always 0 on other architectures.
int csha256_extensions_available(void);

/// Compresses `blockCount` 64-byte blocks at `blocks` into `state` (the eight hash words, h0 first),
/// with the 64 FIPS 180-4 round constants at `roundConstants` (the Swift side owns the table).
/// Call only when `csha256_extensions_available()` returned 1.
void csha256_extensions_compress(
    uint32_t state[8], const uint8_t *blocks, size_t blockCount, const uint32_t roundConstants[64]);

#endif
