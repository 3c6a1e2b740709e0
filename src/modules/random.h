/* random.h: the Mersenne Twister (MT19937) behind the random module, with
 * CPython's seeding, so a seed gives CPython's exact sequence. */
#ifndef LOOPBOOK_RANDOM_H
#define LOOPBOOK_RANDOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MT_N 624

/* A generator's state: the 624 words, the next word's index, and the
 * second normal deviate gauss() keeps for its next call. */
typedef struct {
    uint32_t mt[MT_N];
    int index;
    bool has_gauss;
    double gauss_next;
} MTState;

/* Seed from an array of 32-bit words, least significant first (what
 * random.seed(n) does with the words of abs(n); n == 0 is the key [0]). */
void mt_seed_words(MTState *st, const uint32_t *key, size_t n);
/* Seed from an unsigned 64-bit integer (its words, as mt_seed_words). */
void mt_seed_u64(MTState *st, uint64_t n);
/* The next 32 random bits. */
uint32_t mt_next(MTState *st);
/* random.random(): a float in [0, 1) with 53 random bits. */
double mt_random(MTState *st);
/* getrandbits(k) for 0 <= k <= 64. */
uint64_t mt_getrandbits64(MTState *st, int k);

#endif
