/* test_random.c: the Mersenne Twister of src/modules/random.c and the
 * SHA-512 it seeds strings with, against values python3 3.11 produced
 * (random.seed(s); random.getrandbits(32) / random.random() ...). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "random.h"
#include "sha512.h"

static const struct {
    uint64_t seed;
    uint32_t words[5]; /* getrandbits(32) five times */
    double floats[3];  /* random() three times, after re-seeding */
} known[] = {
    {0, {3626764237u, 1654615998u, 3255389356u, 3823568514u, 1806341205u},
     {0x1.b0580f98a7dbep-1, 0x1.84129978f9c1ap-1, 0x1.aeaa51052e978p-2}},
    {1, {577090037u, 2444712010u, 3639700191u, 3445702192u, 3280387012u},
     {0x1.132d8f91b7584p-3, 0x1.b1e2d5b3584f8p-1, 0x1.870d778409f13p-1}},
    {42, {2746317213u, 478163327u, 107420369u, 3184935163u, 1181241943u},
     {0x1.4762f307200c5p-1, 0x1.99c6b5eeb2060p-6, 0x1.19a1491f589dcp-2}},
    {12345, {1789368711u, 3146859322u, 43676229u, 3522623596u, 3544234957u},
     {0x1.aa9e665dc8a18p-2, 0x1.4d392d1f6f840p-7, 0x1.a68177b361de3p-1}},
    {4294967301u, {675479763u, 2085189291u, 1213270837u, 3822202474u, 2596110301u},
     {0x1.4218067c49768p-3, 0x1.21442cf1e9172p-2, 0x1.357affb575f81p-1}},
    {7, {1390851128u, 4071050724u, 647892279u, 1695753998u, 2795742288u},
     {0x1.4b9ad0f953a6ep-2, 0x1.34f0696513270p-3, 0x1.4d474883171ffp-1}},
};

START_TEST(seeded_words_and_floats)
{
    MTState st;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        mt_seed_u64(&st, known[i].seed);
        for (int j = 0; j < 5; j++)
            ck_assert_uint_eq(mt_getrandbits64(&st, 32), known[i].words[j]);
        mt_seed_u64(&st, known[i].seed);
        for (int j = 0; j < 3; j++) ck_assert(mt_random(&st) == known[i].floats[j]);
    }
}
END_TEST

START_TEST(seed_from_many_words)
{
    /* random.seed(sum(w << 32 * i for i, w in enumerate(key))) */
    static const uint32_t key[] = {0x12345678u, 0x9abcdef0u, 0x0fedcba9u, 0x1u};
    MTState st;
    mt_seed_words(&st, key, 4);
    ck_assert_uint_eq(mt_next(&st), 3855572077u);
    ck_assert_uint_eq(mt_next(&st), 1838213087u);
    ck_assert_uint_eq(mt_next(&st), 1258099563u);
}
END_TEST

START_TEST(getrandbits_widths)
{
    /* random.seed(3); [random.getrandbits(k) for k in [1, 5, 31, 32, 33, 48, 63, 64]] */
    static const int ks[] = {1, 5, 31, 32, 33, 48, 63, 64};
    static const uint64_t want[] = {0u, 18u, 1168723365u, 560161641u, 5883912612u,
                                    133434342801661u, 5357414930656998566u,
                                    11171339666664619993u};
    MTState st;
    mt_seed_u64(&st, 3);
    for (int i = 0; i < 8; i++) ck_assert_uint_eq(mt_getrandbits64(&st, ks[i]), want[i]);
    ck_assert_uint_eq(mt_getrandbits64(&st, 0), 0);
}
END_TEST

START_TEST(regenerates_after_624_words)
{
    /* random.seed(9); 700 words skipped; then getrandbits(32) */
    MTState st;
    mt_seed_u64(&st, 9);
    for (int i = 0; i < 700; i++) mt_next(&st);
    ck_assert_uint_eq(mt_next(&st), 2332746903u);
}
END_TEST

static void hex_digest(const char *data, size_t len, char out[129])
{
    uint8_t d[64];
    sha512(data, len, d);
    for (int i = 0; i < 64; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
}

START_TEST(sha512_digests)
{
    char hex[129];
    hex_digest("abc", 3, hex);
    ck_assert_str_eq(hex, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                          "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    hex_digest("", 0, hex);
    ck_assert_str_eq(hex, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                          "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
    /* 112 bytes: the length no longer fits the first padded block */
    char buf[112];
    memset(buf, 'a', sizeof buf);
    hex_digest(buf, sizeof buf, hex);
    ck_assert_str_eq(hex, "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32"
                          "bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca");
}
END_TEST

static Suite *random_suite(void)
{
    Suite *s = suite_create("random");
    TCase *tc = tcase_create("mt19937");
    tcase_add_test(tc, seeded_words_and_floats);
    tcase_add_test(tc, seed_from_many_words);
    tcase_add_test(tc, getrandbits_widths);
    tcase_add_test(tc, regenerates_after_624_words);
    tcase_add_test(tc, sha512_digests);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(random_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
