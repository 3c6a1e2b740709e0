/* sha512.h: the SHA-512 digest (random.seed of a str hashes it). */
#ifndef LOOPBOOK_SHA512_H
#define LOOPBOOK_SHA512_H

#include <stddef.h>
#include <stdint.h>

/* The 64-byte SHA-512 digest of len bytes of data. */
void sha512(const void *data, size_t len, uint8_t digest[64]);

#endif
