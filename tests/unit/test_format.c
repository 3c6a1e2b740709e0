/* test_format.c: float repr, the format-spec mini-language, % formatting,
 * str.format, int() / float() parsing and round(), against expectations
 * generated with CPython 3.11. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "num.h"
#include "ops.h"
#include "str.h"
#include "vm.h"

#include "value_fixture.h"

typedef struct {
    char k; /* i b f s */
    long long i;
    double f;
    const char *s;
} Arg;
#define I(x) {'i', (x), 0, NULL}
#define B(x) {'b', (x), 0, NULL}
#define F(x) {'f', 0, (x), NULL}
#define S(x) {'s', 0, 0, (x)}

static Value arg_value(const Arg *a)
{
    switch (a->k) {
    case 'i': return INT_VAL(a->i);
    case 'b': return BOOL_VAL(a->i != 0);
    case 'f': return FLOAT_VAL(a->f);
    default: return OBJ_VAL(str_from_cstr(vm, a->s));
    }
}

/* ---- float repr ------------------------------------------------------------ */

static const struct {
    double x;
    const char *repr;
} float_reprs[] = {
    {0x1.999999999999ap-4, "0.1"},
    {0x1.999999999999ap-3, "0.2"},
    {0x1.3333333333333p-2, "0.3"},
    {0x1.3333333333334p-2, "0.30000000000000004"},
    {0x1.5555555555555p-2, "0.3333333333333333"},
    {0x1.5555555555555p-1, "0.6666666666666666"},
    {0x1.aaaaaaaaaaaabp+1, "3.3333333333333335"},
    {0x1.2492492492492p-3, "0.14285714285714285"},
    {0x1.1c37937e08000p+53, "1e+16"},
    {0x1.c6bf526340000p+49, "1000000000000000.0"},
    {0x1.b69b4ba630f35p+56, "1.2345678901234568e+17"},
    {0x1.0f0cf064dd592p+73, "1e+22"},
    {0x1.1eb2d66005835p+997, "1.5e+300"},
    {0x1.4f8b588e368f1p-17, "1e-05"},
    {0x1.a36e2eb1c432dp-14, "0.0001"},
    {0x1.9e0fcaf9380fcp-17, "1.234e-05"},
    {0x1.ad7f29abcaf48p-24, "1e-07"},
    {0x0.0000000000001p-1022, "5e-324"},
    {0x1.fffffffffffffp+1023, "1.7976931348623157e+308"},
    {0x1.0000000000000p-1022, "2.2250738585072014e-308"},
    {0x0.fffffffffffffp-1022, "2.225073858507201e-308"},
    {0x1.3e66666666666p+3, "9.95"},
    {0x1.0147ae147ae14p+0, "1.005"},
    {0x1.81cd6c8b43958p+13, "12345.678"},
    {0x1.1f71fb04cb800p+40, "1234567890123.5"},
    {0x1.b7cdfd9d7bdbbp-35, "5e-11"},
    {0x1.9000000000000p+6, "100.0"},
    {0x1.0000000000000p+1, "2.0"},
    {-0x0.0p+0, "-0.0"},
    {0x0.0p+0, "0.0"},
    {0x1.6a09e667f3bcdp+0, "1.4142135623730951"},
    {0x1.921f9f01b866ep+1, "3.14159"},
    {0x1.5bf0a8b145769p+1, "2.718281828459045"},
    {0x1.35c28f5c28f5dp+0, "1.2100000000000002"},
    {0x1.3333333333334p-2, "0.30000000000000004"},
    {0x1.a666666666667p+1, "3.3000000000000003"},
    {0x1.b800000000001p+6, "110.00000000000001"},
    {0x1.9999999999999p-1, "0.7999999999999999"},
    {0x1.0000000000000p+53, "9007199254740992.0"},
    {0x1.0000000000000p+53, "9007199254740992.0"},
    {0x1.0000000000000p+53, "9007199254740992.0"},
    {0x1.52d02c7e14af6p+76, "1e+23"},
    {0x1.c7e83209e90b2p+72, "8.41e+21"},
    {0x0.05c0ab9347ed7p-1022, "5e-310"},
    {0x0.0000000000001p-1022, "5e-324"},
    {0x1.a74fe1c1e8908p-997, "1.2345678901234568e-300"},
    {0x1.c12218377de40p+46, "123456789012345.0"},
    {0x1.18b54f22aeb00p+50, "1234567890123456.0"},
    {0x1.5ee2a2eb5a5c4p+53, "1.2345678901234568e+16"},
    {0x1.01f31f46ed246p-13, "0.000123"},
    {0x1.a36e2eb1c432dp-14, "0.0001"},
    {0x1.a36e2eb1c432cp-14, "9.999999999999999e-05"},
    {0x1.249ad2594c37dp+332, "1e+100"},
    {0x1.bff2ee48e0530p-333, "1e-100"},
    {0x0.0000000000003p-1022, "1.5e-323"},
    {0x1.0000000000000p+1023, "8.98846567431158e+307"},
    {0x1.0000000000000p-1022, "2.2250738585072014e-308"},
    {0x1.0000000000000p+62, "4.611686018427388e+18"},
    {0x1.0000000000000p+63, "9.223372036854776e+18"},
    {0x1.0000000000000p+64, "1.8446744073709552e+19"},
    {-0x1.8000000000000p+0, "-1.5"},
    {-0x1.edd2f1a9fbe77p+6, "-123.456"},
    {INFINITY, "inf"},
    {-INFINITY, "-inf"},
    {NAN, "nan"},
    {0x1.1666666666666p+2, "4.35"},
    {0x1.9999999999999p-3, "0.19999999999999998"},
    {0x1.c71c71c71c71cp-4, "0.1111111111111111"},
    {0x1.9249249249249p+1, "3.142857142857143"},
    {0x1.b1ae4d6e2ef50p+69, "1e+21"},
    {0x1.2e3b40a0e9b4fp-70, "1e-21"},
    {0x1.fe185ca57c517p+78, "6.02214076e+23"},
    {0x1.7a4da290c1653p-63, "1.602176634e-19"},
};

START_TEST(test_float_repr_table)
{
    for (size_t i = 0; i < sizeof float_reprs / sizeof float_reprs[0]; i++) {
        char buf[40];
        float_repr_cstr(float_reprs[i].x, buf);
        ck_assert_msg(strcmp(buf, float_reprs[i].repr) == 0, "repr(%a): got %s, want %s",
                      float_reprs[i].x, buf, float_reprs[i].repr);
        ObjStr *s;
        ck_assert(op_repr(vm, FLOAT_VAL(float_reprs[i].x), &s));
        ck_assert_str_eq(s->data, float_reprs[i].repr);
    }
}
END_TEST

/* Shortest digits always round-trip and are never longer than %.17g. */
START_TEST(test_float_repr_roundtrip)
{
    uint64_t state = 88172645463325252ULL;
    for (int i = 0; i < 20000; i++) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        double d;
        memcpy(&d, &state, sizeof d);
        if (!isfinite(d)) continue;
        char buf[40];
        float_repr_cstr(d, buf);
        ck_assert_msg(strtod(buf, NULL) == d, "%a -> %s does not round-trip", d, buf);
        char digits[24];
        int decpt;
        if (d != 0) ck_assert_int_le(float_shortest_digits(fabs(d), digits, &decpt), 17);
    }
}
END_TEST

/* ---- format specs ---------------------------------------------------------------- */

static const struct {
    char k;
    long long i;
    double f;
    const char *s;
    const char *spec;
    const char *expect;
    int ok;
} format_cases[] = {
    {'i', 0, 0, NULL, "", "0", 1},
    {'i', 0, 0, NULL, "d", "0", 1},
    {'i', 0, 0, NULL, "5", "    0", 1},
    {'i', 0, 0, NULL, "<5", "0    ", 1},
    {'i', 0, 0, NULL, "^7", "   0   ", 1},
    {'i', 0, 0, NULL, "=+8", "+      0", 1},
    {'i', 0, 0, NULL, "08", "00000000", 1},
    {'i', 0, 0, NULL, "+", "+0", 1},
    {'i', 0, 0, NULL, " ", " 0", 1},
    {'i', 0, 0, NULL, ",", "0", 1},
    {'i', 0, 0, NULL, "_x", "0", 1},
    {'i', 0, 0, NULL, "#x", "0x0", 1},
    {'i', 0, 0, NULL, "#o", "0o0", 1},
    {'i', 0, 0, NULL, "#b", "0b0", 1},
    {'i', 0, 0, NULL, "#X", "0X0", 1},
    {'i', 0, 0, NULL, "c", "\x00", 1},
    {'i', 0, 0, NULL, "n", "0", 1},
    {'i', 0, 0, NULL, "010,", "00,000,000", 1},
    {'i', 0, 0, NULL, "0=10,", "00,000,000", 1},
    {'i', 0, 0, NULL, "x=10,", "xxxxxxxxx0", 1},
    {'i', 0, 0, NULL, ".2f", "0.00", 1},
    {'i', 0, 0, NULL, ".0f", "0", 1},
    {'i', 0, 0, NULL, "e", "0.000000e+00", 1},
    {'i', 0, 0, NULL, ".3e", "0.000e+00", 1},
    {'i', 0, 0, NULL, "g", "0", 1},
    {'i', 0, 0, NULL, ".3g", "0", 1},
    {'i', 0, 0, NULL, "%", "0.000000%", 1},
    {'i', 0, 0, NULL, ".1%", "0.0%", 1},
    {'i', 0, 0, NULL, "F", "0.000000", 1},
    {'i', 0, 0, NULL, "E", "0.000000E+00", 1},
    {'i', 0, 0, NULL, ".2", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', 0, 0, NULL, "#.3", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', 0, 0, NULL, "#g", "0.00000", 1},
    {'i', 0, 0, NULL, ",.2f", "0.00", 1},
    {'i', 0, 0, NULL, "012,.1f", "00,000,000.0", 1},
    {'i', 0, 0, NULL, "z.2f", "0.00", 1},
    {'i', 0, 0, NULL, "*^10", "****0*****", 1},
    {'i', 0, 0, NULL, "s", "ValueError: Unknown format code 's' for object of type 'int'", 0},
    {'i', 0, 0, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'int'", 0},
    {'i', 0, 0, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'i', 0, 0, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'i', 0, 0, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'i', 0, 0, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'i', 0, 0, NULL, ".2d", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', 0, 0, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'int'", 0},
    {'i', 0, 0, NULL, "=^5", "==0==", 1},
    {'i', 0, 0, NULL, "+c", "ValueError: Sign not allowed with integer format specifier 'c'", 0},
    {'i', -1, 0, NULL, "", "-1", 1},
    {'i', -1, 0, NULL, "d", "-1", 1},
    {'i', -1, 0, NULL, "5", "   -1", 1},
    {'i', -1, 0, NULL, "<5", "-1   ", 1},
    {'i', -1, 0, NULL, "^7", "  -1   ", 1},
    {'i', -1, 0, NULL, "=+8", "-      1", 1},
    {'i', -1, 0, NULL, "08", "-0000001", 1},
    {'i', -1, 0, NULL, "+", "-1", 1},
    {'i', -1, 0, NULL, " ", "-1", 1},
    {'i', -1, 0, NULL, ",", "-1", 1},
    {'i', -1, 0, NULL, "_x", "-1", 1},
    {'i', -1, 0, NULL, "#x", "-0x1", 1},
    {'i', -1, 0, NULL, "#o", "-0o1", 1},
    {'i', -1, 0, NULL, "#b", "-0b1", 1},
    {'i', -1, 0, NULL, "#X", "-0X1", 1},
    {'i', -1, 0, NULL, "c", "OverflowError: %c arg not in range(0x110000)", 0},
    {'i', -1, 0, NULL, "n", "-1", 1},
    {'i', -1, 0, NULL, "010,", "-0,000,001", 1},
    {'i', -1, 0, NULL, "0=10,", "-0,000,001", 1},
    {'i', -1, 0, NULL, "x=10,", "-xxxxxxxx1", 1},
    {'i', -1, 0, NULL, ".2f", "-1.00", 1},
    {'i', -1, 0, NULL, ".0f", "-1", 1},
    {'i', -1, 0, NULL, "e", "-1.000000e+00", 1},
    {'i', -1, 0, NULL, ".3e", "-1.000e+00", 1},
    {'i', -1, 0, NULL, "g", "-1", 1},
    {'i', -1, 0, NULL, ".3g", "-1", 1},
    {'i', -1, 0, NULL, "%", "-100.000000%", 1},
    {'i', -1, 0, NULL, ".1%", "-100.0%", 1},
    {'i', -1, 0, NULL, "F", "-1.000000", 1},
    {'i', -1, 0, NULL, "E", "-1.000000E+00", 1},
    {'i', -1, 0, NULL, ".2", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', -1, 0, NULL, "#.3", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', -1, 0, NULL, "#g", "-1.00000", 1},
    {'i', -1, 0, NULL, ",.2f", "-1.00", 1},
    {'i', -1, 0, NULL, "012,.1f", "-0,000,001.0", 1},
    {'i', -1, 0, NULL, "z.2f", "-1.00", 1},
    {'i', -1, 0, NULL, "*^10", "****-1****", 1},
    {'i', -1, 0, NULL, "s", "ValueError: Unknown format code 's' for object of type 'int'", 0},
    {'i', -1, 0, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'int'", 0},
    {'i', -1, 0, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'i', -1, 0, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'i', -1, 0, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'i', -1, 0, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'i', -1, 0, NULL, ".2d", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', -1, 0, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'int'", 0},
    {'i', -1, 0, NULL, "=^5", "=-1==", 1},
    {'i', -1, 0, NULL, "+c", "ValueError: Sign not allowed with integer format specifier 'c'", 0},
    {'i', 42, 0, NULL, "", "42", 1},
    {'i', 42, 0, NULL, "d", "42", 1},
    {'i', 42, 0, NULL, "5", "   42", 1},
    {'i', 42, 0, NULL, "<5", "42   ", 1},
    {'i', 42, 0, NULL, "^7", "  42   ", 1},
    {'i', 42, 0, NULL, "=+8", "+     42", 1},
    {'i', 42, 0, NULL, "08", "00000042", 1},
    {'i', 42, 0, NULL, "+", "+42", 1},
    {'i', 42, 0, NULL, " ", " 42", 1},
    {'i', 42, 0, NULL, ",", "42", 1},
    {'i', 42, 0, NULL, "_x", "2a", 1},
    {'i', 42, 0, NULL, "#x", "0x2a", 1},
    {'i', 42, 0, NULL, "#o", "0o52", 1},
    {'i', 42, 0, NULL, "#b", "0b101010", 1},
    {'i', 42, 0, NULL, "#X", "0X2A", 1},
    {'i', 42, 0, NULL, "c", "*", 1},
    {'i', 42, 0, NULL, "n", "42", 1},
    {'i', 42, 0, NULL, "010,", "00,000,042", 1},
    {'i', 42, 0, NULL, "0=10,", "00,000,042", 1},
    {'i', 42, 0, NULL, "x=10,", "xxxxxxxx42", 1},
    {'i', 42, 0, NULL, ".2f", "42.00", 1},
    {'i', 42, 0, NULL, ".0f", "42", 1},
    {'i', 42, 0, NULL, "e", "4.200000e+01", 1},
    {'i', 42, 0, NULL, ".3e", "4.200e+01", 1},
    {'i', 42, 0, NULL, "g", "42", 1},
    {'i', 42, 0, NULL, ".3g", "42", 1},
    {'i', 42, 0, NULL, "%", "4200.000000%", 1},
    {'i', 42, 0, NULL, ".1%", "4200.0%", 1},
    {'i', 42, 0, NULL, "F", "42.000000", 1},
    {'i', 42, 0, NULL, "E", "4.200000E+01", 1},
    {'i', 42, 0, NULL, ".2", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', 42, 0, NULL, "#.3", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', 42, 0, NULL, "#g", "42.0000", 1},
    {'i', 42, 0, NULL, ",.2f", "42.00", 1},
    {'i', 42, 0, NULL, "012,.1f", "00,000,042.0", 1},
    {'i', 42, 0, NULL, "z.2f", "42.00", 1},
    {'i', 42, 0, NULL, "*^10", "****42****", 1},
    {'i', 42, 0, NULL, "s", "ValueError: Unknown format code 's' for object of type 'int'", 0},
    {'i', 42, 0, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'int'", 0},
    {'i', 42, 0, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'i', 42, 0, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'i', 42, 0, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'i', 42, 0, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'i', 42, 0, NULL, ".2d", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', 42, 0, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'int'", 0},
    {'i', 42, 0, NULL, "=^5", "=42==", 1},
    {'i', 42, 0, NULL, "+c", "ValueError: Sign not allowed with integer format specifier 'c'", 0},
    {'i', -1234567, 0, NULL, "", "-1234567", 1},
    {'i', -1234567, 0, NULL, "d", "-1234567", 1},
    {'i', -1234567, 0, NULL, "5", "-1234567", 1},
    {'i', -1234567, 0, NULL, "<5", "-1234567", 1},
    {'i', -1234567, 0, NULL, "^7", "-1234567", 1},
    {'i', -1234567, 0, NULL, "=+8", "-1234567", 1},
    {'i', -1234567, 0, NULL, "08", "-1234567", 1},
    {'i', -1234567, 0, NULL, "+", "-1234567", 1},
    {'i', -1234567, 0, NULL, " ", "-1234567", 1},
    {'i', -1234567, 0, NULL, ",", "-1,234,567", 1},
    {'i', -1234567, 0, NULL, "_x", "-12_d687", 1},
    {'i', -1234567, 0, NULL, "#x", "-0x12d687", 1},
    {'i', -1234567, 0, NULL, "#o", "-0o4553207", 1},
    {'i', -1234567, 0, NULL, "#b", "-0b100101101011010000111", 1},
    {'i', -1234567, 0, NULL, "#X", "-0X12D687", 1},
    {'i', -1234567, 0, NULL, "c", "OverflowError: %c arg not in range(0x110000)", 0},
    {'i', -1234567, 0, NULL, "n", "-1234567", 1},
    {'i', -1234567, 0, NULL, "010,", "-1,234,567", 1},
    {'i', -1234567, 0, NULL, "0=10,", "-1,234,567", 1},
    {'i', -1234567, 0, NULL, "x=10,", "-1,234,567", 1},
    {'i', -1234567, 0, NULL, ".2f", "-1234567.00", 1},
    {'i', -1234567, 0, NULL, ".0f", "-1234567", 1},
    {'i', -1234567, 0, NULL, "e", "-1.234567e+06", 1},
    {'i', -1234567, 0, NULL, ".3e", "-1.235e+06", 1},
    {'i', -1234567, 0, NULL, "g", "-1.23457e+06", 1},
    {'i', -1234567, 0, NULL, ".3g", "-1.23e+06", 1},
    {'i', -1234567, 0, NULL, "%", "-123456700.000000%", 1},
    {'i', -1234567, 0, NULL, ".1%", "-123456700.0%", 1},
    {'i', -1234567, 0, NULL, "F", "-1234567.000000", 1},
    {'i', -1234567, 0, NULL, "E", "-1.234567E+06", 1},
    {'i', -1234567, 0, NULL, ".2", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', -1234567, 0, NULL, "#.3", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', -1234567, 0, NULL, "#g", "-1.23457e+06", 1},
    {'i', -1234567, 0, NULL, ",.2f", "-1,234,567.00", 1},
    {'i', -1234567, 0, NULL, "012,.1f", "-1,234,567.0", 1},
    {'i', -1234567, 0, NULL, "z.2f", "-1234567.00", 1},
    {'i', -1234567, 0, NULL, "*^10", "*-1234567*", 1},
    {'i', -1234567, 0, NULL, "s", "ValueError: Unknown format code 's' for object of type 'int'", 0},
    {'i', -1234567, 0, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'int'", 0},
    {'i', -1234567, 0, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'i', -1234567, 0, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'i', -1234567, 0, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'i', -1234567, 0, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'i', -1234567, 0, NULL, ".2d", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', -1234567, 0, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'int'", 0},
    {'i', -1234567, 0, NULL, "=^5", "-1234567", 1},
    {'i', -1234567, 0, NULL, "+c", "ValueError: Sign not allowed with integer format specifier 'c'", 0},
    {'i', 65, 0, NULL, "", "65", 1},
    {'i', 65, 0, NULL, "d", "65", 1},
    {'i', 65, 0, NULL, "5", "   65", 1},
    {'i', 65, 0, NULL, "<5", "65   ", 1},
    {'i', 65, 0, NULL, "^7", "  65   ", 1},
    {'i', 65, 0, NULL, "=+8", "+     65", 1},
    {'i', 65, 0, NULL, "08", "00000065", 1},
    {'i', 65, 0, NULL, "+", "+65", 1},
    {'i', 65, 0, NULL, " ", " 65", 1},
    {'i', 65, 0, NULL, ",", "65", 1},
    {'i', 65, 0, NULL, "_x", "41", 1},
    {'i', 65, 0, NULL, "#x", "0x41", 1},
    {'i', 65, 0, NULL, "#o", "0o101", 1},
    {'i', 65, 0, NULL, "#b", "0b1000001", 1},
    {'i', 65, 0, NULL, "#X", "0X41", 1},
    {'i', 65, 0, NULL, "c", "A", 1},
    {'i', 65, 0, NULL, "n", "65", 1},
    {'i', 65, 0, NULL, "010,", "00,000,065", 1},
    {'i', 65, 0, NULL, "0=10,", "00,000,065", 1},
    {'i', 65, 0, NULL, "x=10,", "xxxxxxxx65", 1},
    {'i', 65, 0, NULL, ".2f", "65.00", 1},
    {'i', 65, 0, NULL, ".0f", "65", 1},
    {'i', 65, 0, NULL, "e", "6.500000e+01", 1},
    {'i', 65, 0, NULL, ".3e", "6.500e+01", 1},
    {'i', 65, 0, NULL, "g", "65", 1},
    {'i', 65, 0, NULL, ".3g", "65", 1},
    {'i', 65, 0, NULL, "%", "6500.000000%", 1},
    {'i', 65, 0, NULL, ".1%", "6500.0%", 1},
    {'i', 65, 0, NULL, "F", "65.000000", 1},
    {'i', 65, 0, NULL, "E", "6.500000E+01", 1},
    {'i', 65, 0, NULL, ".2", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', 65, 0, NULL, "#.3", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', 65, 0, NULL, "#g", "65.0000", 1},
    {'i', 65, 0, NULL, ",.2f", "65.00", 1},
    {'i', 65, 0, NULL, "012,.1f", "00,000,065.0", 1},
    {'i', 65, 0, NULL, "z.2f", "65.00", 1},
    {'i', 65, 0, NULL, "*^10", "****65****", 1},
    {'i', 65, 0, NULL, "s", "ValueError: Unknown format code 's' for object of type 'int'", 0},
    {'i', 65, 0, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'int'", 0},
    {'i', 65, 0, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'i', 65, 0, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'i', 65, 0, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'i', 65, 0, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'i', 65, 0, NULL, ".2d", "ValueError: Precision not allowed in integer format specifier", 0},
    {'i', 65, 0, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'int'", 0},
    {'i', 65, 0, NULL, "=^5", "=65==", 1},
    {'i', 65, 0, NULL, "+c", "ValueError: Sign not allowed with integer format specifier 'c'", 0},
    {'b', 1, 0, NULL, "", "True", 1},
    {'b', 1, 0, NULL, "d", "1", 1},
    {'b', 1, 0, NULL, "5", "    1", 1},
    {'b', 1, 0, NULL, "<5", "1    ", 1},
    {'b', 1, 0, NULL, "^7", "   1   ", 1},
    {'b', 1, 0, NULL, "=+8", "+      1", 1},
    {'b', 1, 0, NULL, "08", "00000001", 1},
    {'b', 1, 0, NULL, "+", "+1", 1},
    {'b', 1, 0, NULL, " ", " 1", 1},
    {'b', 1, 0, NULL, ",", "1", 1},
    {'b', 1, 0, NULL, "_x", "1", 1},
    {'b', 1, 0, NULL, "#x", "0x1", 1},
    {'b', 1, 0, NULL, "#o", "0o1", 1},
    {'b', 1, 0, NULL, "#b", "0b1", 1},
    {'b', 1, 0, NULL, "#X", "0X1", 1},
    {'b', 1, 0, NULL, "c", "\x01", 1},
    {'b', 1, 0, NULL, "n", "1", 1},
    {'b', 1, 0, NULL, "010,", "00,000,001", 1},
    {'b', 1, 0, NULL, "0=10,", "00,000,001", 1},
    {'b', 1, 0, NULL, "x=10,", "xxxxxxxxx1", 1},
    {'b', 1, 0, NULL, ".2f", "1.00", 1},
    {'b', 1, 0, NULL, ".0f", "1", 1},
    {'b', 1, 0, NULL, "e", "1.000000e+00", 1},
    {'b', 1, 0, NULL, ".3e", "1.000e+00", 1},
    {'b', 1, 0, NULL, "g", "1", 1},
    {'b', 1, 0, NULL, ".3g", "1", 1},
    {'b', 1, 0, NULL, "%", "100.000000%", 1},
    {'b', 1, 0, NULL, ".1%", "100.0%", 1},
    {'b', 1, 0, NULL, "F", "1.000000", 1},
    {'b', 1, 0, NULL, "E", "1.000000E+00", 1},
    {'b', 1, 0, NULL, ".2", "ValueError: Precision not allowed in integer format specifier", 0},
    {'b', 1, 0, NULL, "#.3", "ValueError: Precision not allowed in integer format specifier", 0},
    {'b', 1, 0, NULL, "#g", "1.00000", 1},
    {'b', 1, 0, NULL, ",.2f", "1.00", 1},
    {'b', 1, 0, NULL, "012,.1f", "00,000,001.0", 1},
    {'b', 1, 0, NULL, "z.2f", "1.00", 1},
    {'b', 1, 0, NULL, "*^10", "****1*****", 1},
    {'b', 1, 0, NULL, "s", "ValueError: Unknown format code 's' for object of type 'bool'", 0},
    {'b', 1, 0, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'bool'", 0},
    {'b', 1, 0, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'b', 1, 0, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'b', 1, 0, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'b', 1, 0, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'b', 1, 0, NULL, ".2d", "ValueError: Precision not allowed in integer format specifier", 0},
    {'b', 1, 0, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'bool'", 0},
    {'b', 1, 0, NULL, "=^5", "==1==", 1},
    {'b', 1, 0, NULL, "+c", "ValueError: Sign not allowed with integer format specifier 'c'", 0},
    {'f', 0, -0x0.0p+0, NULL, "", "-0.0", 1},
    {'f', 0, -0x0.0p+0, NULL, "d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, "5", " -0.0", 1},
    {'f', 0, -0x0.0p+0, NULL, "<5", "-0.0 ", 1},
    {'f', 0, -0x0.0p+0, NULL, "^7", " -0.0  ", 1},
    {'f', 0, -0x0.0p+0, NULL, "=+8", "-    0.0", 1},
    {'f', 0, -0x0.0p+0, NULL, "08", "-00000.0", 1},
    {'f', 0, -0x0.0p+0, NULL, "+", "-0.0", 1},
    {'f', 0, -0x0.0p+0, NULL, " ", "-0.0", 1},
    {'f', 0, -0x0.0p+0, NULL, ",", "-0.0", 1},
    {'f', 0, -0x0.0p+0, NULL, "_x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, "#x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, "#o", "ValueError: Unknown format code 'o' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, "#b", "ValueError: Unknown format code 'b' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, "#X", "ValueError: Unknown format code 'X' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, "c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, "n", "-0", 1},
    {'f', 0, -0x0.0p+0, NULL, "010,", "-000,000.0", 1},
    {'f', 0, -0x0.0p+0, NULL, "0=10,", "-000,000.0", 1},
    {'f', 0, -0x0.0p+0, NULL, "x=10,", "-xxxxxx0.0", 1},
    {'f', 0, -0x0.0p+0, NULL, ".2f", "-0.00", 1},
    {'f', 0, -0x0.0p+0, NULL, ".0f", "-0", 1},
    {'f', 0, -0x0.0p+0, NULL, "e", "-0.000000e+00", 1},
    {'f', 0, -0x0.0p+0, NULL, ".3e", "-0.000e+00", 1},
    {'f', 0, -0x0.0p+0, NULL, "g", "-0", 1},
    {'f', 0, -0x0.0p+0, NULL, ".3g", "-0", 1},
    {'f', 0, -0x0.0p+0, NULL, "%", "-0.000000%", 1},
    {'f', 0, -0x0.0p+0, NULL, ".1%", "-0.0%", 1},
    {'f', 0, -0x0.0p+0, NULL, "F", "-0.000000", 1},
    {'f', 0, -0x0.0p+0, NULL, "E", "-0.000000E+00", 1},
    {'f', 0, -0x0.0p+0, NULL, ".2", "-0.0", 1},
    {'f', 0, -0x0.0p+0, NULL, "#.3", "-0.00", 1},
    {'f', 0, -0x0.0p+0, NULL, "#g", "-0.00000", 1},
    {'f', 0, -0x0.0p+0, NULL, ",.2f", "-0.00", 1},
    {'f', 0, -0x0.0p+0, NULL, "012,.1f", "-0,000,000.0", 1},
    {'f', 0, -0x0.0p+0, NULL, "z.2f", "0.00", 1},
    {'f', 0, -0x0.0p+0, NULL, "*^10", "***-0.0***", 1},
    {'f', 0, -0x0.0p+0, NULL, "s", "ValueError: Unknown format code 's' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'f', 0, -0x0.0p+0, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'f', 0, -0x0.0p+0, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'f', 0, -0x0.0p+0, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'f', 0, -0x0.0p+0, NULL, ".2d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'float'", 0},
    {'f', 0, -0x0.0p+0, NULL, "=^5", "-0.0=", 1},
    {'f', 0, -0x0.0p+0, NULL, "+c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "", "1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "5", "  1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "<5", "1.5  ", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "^7", "  1.5  ", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "=+8", "+    1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "08", "000001.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "+", "+1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, " ", " 1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, ",", "1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "_x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "#x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "#o", "ValueError: Unknown format code 'o' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "#b", "ValueError: Unknown format code 'b' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "#X", "ValueError: Unknown format code 'X' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "n", "1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "010,", "0,000,001.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "0=10,", "0,000,001.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "x=10,", "xxxxxxx1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, ".2f", "1.50", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, ".0f", "2", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "e", "1.500000e+00", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, ".3e", "1.500e+00", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "g", "1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, ".3g", "1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "%", "150.000000%", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, ".1%", "150.0%", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "F", "1.500000", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "E", "1.500000E+00", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, ".2", "1.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "#.3", "1.50", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "#g", "1.50000", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, ",.2f", "1.50", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "012,.1f", "00,000,001.5", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "z.2f", "1.50", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "*^10", "***1.5****", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "s", "ValueError: Unknown format code 's' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, ".2d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'float'", 0},
    {'f', 0, 0x1.8000000000000p+0, NULL, "=^5", "=1.5=", 1},
    {'f', 0, 0x1.8000000000000p+0, NULL, "+c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "", "-2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "5", " -2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "<5", "-2.5 ", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "^7", " -2.5  ", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "=+8", "-    2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "08", "-00002.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "+", "-2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, " ", "-2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, ",", "-2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "_x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "#x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "#o", "ValueError: Unknown format code 'o' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "#b", "ValueError: Unknown format code 'b' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "#X", "ValueError: Unknown format code 'X' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "n", "-2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "010,", "-000,002.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "0=10,", "-000,002.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "x=10,", "-xxxxxx2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, ".2f", "-2.50", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, ".0f", "-2", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "e", "-2.500000e+00", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, ".3e", "-2.500e+00", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "g", "-2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, ".3g", "-2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "%", "-250.000000%", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, ".1%", "-250.0%", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "F", "-2.500000", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "E", "-2.500000E+00", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, ".2", "-2.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "#.3", "-2.50", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "#g", "-2.50000", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, ",.2f", "-2.50", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "012,.1f", "-0,000,002.5", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "z.2f", "-2.50", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "*^10", "***-2.5***", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "s", "ValueError: Unknown format code 's' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, ".2d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'float'", 0},
    {'f', 0, -0x1.4000000000000p+1, NULL, "=^5", "-2.5=", 1},
    {'f', 0, -0x1.4000000000000p+1, NULL, "+c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "", "1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "5", "1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "<5", "1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "^7", " 1e+16 ", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "=+8", "+  1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "08", "0001e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "+", "+1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, " ", " 1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ",", "1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "_x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "#x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "#o", "ValueError: Unknown format code 'o' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "#b", "ValueError: Unknown format code 'b' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "#X", "ValueError: Unknown format code 'X' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "n", "1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "010,", "00,001e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "0=10,", "00,001e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "x=10,", "xxxxx1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ".2f", "10000000000000000.00", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ".0f", "10000000000000000", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "e", "1.000000e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ".3e", "1.000e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "g", "1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ".3g", "1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "%", "1000000000000000000.000000%", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ".1%", "1000000000000000000.0%", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "F", "10000000000000000.000000", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "E", "1.000000E+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ".2", "1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "#.3", "1.00e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "#g", "1.00000e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ",.2f", "10,000,000,000,000,000.00", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "012,.1f", "10,000,000,000,000,000.0", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "z.2f", "10000000000000000.00", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "*^10", "**1e+16***", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "s", "ValueError: Unknown format code 's' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, ".2d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'float'", 0},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "=^5", "1e+16", 1},
    {'f', 0, 0x1.1c37937e08000p+53, NULL, "+c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "", "1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "5", "1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "<5", "1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "^7", " 1e-05 ", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "=+8", "+  1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "08", "0001e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "+", "+1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, " ", " 1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ",", "1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "_x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "#x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "#o", "ValueError: Unknown format code 'o' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "#b", "ValueError: Unknown format code 'b' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "#X", "ValueError: Unknown format code 'X' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "n", "1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "010,", "00,001e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "0=10,", "00,001e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "x=10,", "xxxxx1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ".2f", "0.00", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ".0f", "0", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "e", "1.000000e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ".3e", "1.000e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "g", "1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ".3g", "1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "%", "0.001000%", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ".1%", "0.0%", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "F", "0.000010", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "E", "1.000000E-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ".2", "1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "#.3", "1.00e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "#g", "1.00000e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ",.2f", "0.00", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "012,.1f", "00,000,000.0", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "z.2f", "0.00", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "*^10", "**1e-05***", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "s", "ValueError: Unknown format code 's' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, ".2d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'float'", 0},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "=^5", "1e-05", 1},
    {'f', 0, 0x1.4f8b588e368f1p-17, NULL, "+c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "", "1234567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "5", "1234567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "<5", "1234567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "^7", "1234567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "=+8", "+1234567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "08", "1234567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "+", "+1234567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, " ", " 1234567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ",", "1,234,567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "_x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "#x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "#o", "ValueError: Unknown format code 'o' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "#b", "ValueError: Unknown format code 'b' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "#X", "ValueError: Unknown format code 'X' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "n", "1.23457e+06", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "010,", "1,234,567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "0=10,", "1,234,567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "x=10,", "1,234,567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ".2f", "1234567.50", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ".0f", "1234568", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "e", "1.234568e+06", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ".3e", "1.235e+06", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "g", "1.23457e+06", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ".3g", "1.23e+06", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "%", "123456750.000000%", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ".1%", "123456750.0%", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "F", "1234567.500000", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "E", "1.234568E+06", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ".2", "1.2e+06", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "#.3", "1.23e+06", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "#g", "1.23457e+06", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ",.2f", "1,234,567.50", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "012,.1f", "01,234,567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "z.2f", "1234567.50", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "*^10", "1234567.5*", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "s", "ValueError: Unknown format code 's' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, ".2d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'float'", 0},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "=^5", "1234567.5", 1},
    {'f', 0, 0x1.2d68780000000p+20, NULL, "+c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "", "inf", 1},
    {'f', 0, INFINITY, NULL, "d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "5", "  inf", 1},
    {'f', 0, INFINITY, NULL, "<5", "inf  ", 1},
    {'f', 0, INFINITY, NULL, "^7", "  inf  ", 1},
    {'f', 0, INFINITY, NULL, "=+8", "+    inf", 1},
    {'f', 0, INFINITY, NULL, "08", "00000inf", 1},
    {'f', 0, INFINITY, NULL, "+", "+inf", 1},
    {'f', 0, INFINITY, NULL, " ", " inf", 1},
    {'f', 0, INFINITY, NULL, ",", "inf", 1},
    {'f', 0, INFINITY, NULL, "_x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "#x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "#o", "ValueError: Unknown format code 'o' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "#b", "ValueError: Unknown format code 'b' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "#X", "ValueError: Unknown format code 'X' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "n", "inf", 1},
    {'f', 0, INFINITY, NULL, "010,", "0000000inf", 1},
    {'f', 0, INFINITY, NULL, "0=10,", "0000000inf", 1},
    {'f', 0, INFINITY, NULL, "x=10,", "xxxxxxxinf", 1},
    {'f', 0, INFINITY, NULL, ".2f", "inf", 1},
    {'f', 0, INFINITY, NULL, ".0f", "inf", 1},
    {'f', 0, INFINITY, NULL, "e", "inf", 1},
    {'f', 0, INFINITY, NULL, ".3e", "inf", 1},
    {'f', 0, INFINITY, NULL, "g", "inf", 1},
    {'f', 0, INFINITY, NULL, ".3g", "inf", 1},
    {'f', 0, INFINITY, NULL, "%", "inf%", 1},
    {'f', 0, INFINITY, NULL, ".1%", "inf%", 1},
    {'f', 0, INFINITY, NULL, "F", "INF", 1},
    {'f', 0, INFINITY, NULL, "E", "INF", 1},
    {'f', 0, INFINITY, NULL, ".2", "inf", 1},
    {'f', 0, INFINITY, NULL, "#.3", "inf", 1},
    {'f', 0, INFINITY, NULL, "#g", "inf", 1},
    {'f', 0, INFINITY, NULL, ",.2f", "inf", 1},
    {'f', 0, INFINITY, NULL, "012,.1f", "000000000inf", 1},
    {'f', 0, INFINITY, NULL, "z.2f", "inf", 1},
    {'f', 0, INFINITY, NULL, "*^10", "***inf****", 1},
    {'f', 0, INFINITY, NULL, "s", "ValueError: Unknown format code 's' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'f', 0, INFINITY, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'f', 0, INFINITY, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'f', 0, INFINITY, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'f', 0, INFINITY, NULL, ".2d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'float'", 0},
    {'f', 0, INFINITY, NULL, "=^5", "=inf=", 1},
    {'f', 0, INFINITY, NULL, "+c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "", "nan", 1},
    {'f', 0, NAN, NULL, "d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "5", "  nan", 1},
    {'f', 0, NAN, NULL, "<5", "nan  ", 1},
    {'f', 0, NAN, NULL, "^7", "  nan  ", 1},
    {'f', 0, NAN, NULL, "=+8", "+    nan", 1},
    {'f', 0, NAN, NULL, "08", "00000nan", 1},
    {'f', 0, NAN, NULL, "+", "+nan", 1},
    {'f', 0, NAN, NULL, " ", " nan", 1},
    {'f', 0, NAN, NULL, ",", "nan", 1},
    {'f', 0, NAN, NULL, "_x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "#x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "#o", "ValueError: Unknown format code 'o' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "#b", "ValueError: Unknown format code 'b' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "#X", "ValueError: Unknown format code 'X' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "n", "nan", 1},
    {'f', 0, NAN, NULL, "010,", "0000000nan", 1},
    {'f', 0, NAN, NULL, "0=10,", "0000000nan", 1},
    {'f', 0, NAN, NULL, "x=10,", "xxxxxxxnan", 1},
    {'f', 0, NAN, NULL, ".2f", "nan", 1},
    {'f', 0, NAN, NULL, ".0f", "nan", 1},
    {'f', 0, NAN, NULL, "e", "nan", 1},
    {'f', 0, NAN, NULL, ".3e", "nan", 1},
    {'f', 0, NAN, NULL, "g", "nan", 1},
    {'f', 0, NAN, NULL, ".3g", "nan", 1},
    {'f', 0, NAN, NULL, "%", "nan%", 1},
    {'f', 0, NAN, NULL, ".1%", "nan%", 1},
    {'f', 0, NAN, NULL, "F", "NAN", 1},
    {'f', 0, NAN, NULL, "E", "NAN", 1},
    {'f', 0, NAN, NULL, ".2", "nan", 1},
    {'f', 0, NAN, NULL, "#.3", "nan", 1},
    {'f', 0, NAN, NULL, "#g", "nan", 1},
    {'f', 0, NAN, NULL, ",.2f", "nan", 1},
    {'f', 0, NAN, NULL, "012,.1f", "000000000nan", 1},
    {'f', 0, NAN, NULL, "z.2f", "nan", 1},
    {'f', 0, NAN, NULL, "*^10", "***nan****", 1},
    {'f', 0, NAN, NULL, "s", "ValueError: Unknown format code 's' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'f', 0, NAN, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'f', 0, NAN, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'f', 0, NAN, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'f', 0, NAN, NULL, ".2d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'float'", 0},
    {'f', 0, NAN, NULL, "=^5", "=nan=", 1},
    {'f', 0, NAN, NULL, "+c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "", "2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "5", "2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "<5", "2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "^7", " 2.675 ", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "=+8", "+  2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "08", "0002.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "+", "+2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, " ", " 2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, ",", "2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "_x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "#x", "ValueError: Unknown format code 'x' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "#o", "ValueError: Unknown format code 'o' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "#b", "ValueError: Unknown format code 'b' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "#X", "ValueError: Unknown format code 'X' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "n", "2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "010,", "00,002.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "0=10,", "00,002.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "x=10,", "xxxxx2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, ".2f", "2.67", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, ".0f", "3", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "e", "2.675000e+00", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, ".3e", "2.675e+00", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "g", "2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, ".3g", "2.67", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "%", "267.500000%", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, ".1%", "267.5%", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "F", "2.675000", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "E", "2.675000E+00", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, ".2", "2.7", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "#.3", "2.67", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "#g", "2.67500", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, ",.2f", "2.67", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "012,.1f", "00,000,002.7", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "z.2f", "2.67", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "*^10", "**2.675***", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "s", "ValueError: Unknown format code 's' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "abc", "ValueError: Invalid format specifier 'abc' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, ".", "ValueError: Format specifier missing precision", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, ".2d", "ValueError: Unknown format code 'd' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "<<<", "ValueError: Unknown format code '<' for object of type 'float'", 0},
    {'f', 0, 0x1.5666666666666p+1, NULL, "=^5", "2.675", 1},
    {'f', 0, 0x1.5666666666666p+1, NULL, "+c", "ValueError: Unknown format code 'c' for object of type 'float'", 0},
    {'s', 0, 0, "abc", "", "abc", 1},
    {'s', 0, 0, "abc", "d", "ValueError: Unknown format code 'd' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "5", "abc  ", 1},
    {'s', 0, 0, "abc", "<5", "abc  ", 1},
    {'s', 0, 0, "abc", "^7", "  abc  ", 1},
    {'s', 0, 0, "abc", "=+8", "ValueError: Sign not allowed in string format specifier", 0},
    {'s', 0, 0, "abc", "08", "abc00000", 1},
    {'s', 0, 0, "abc", "+", "ValueError: Sign not allowed in string format specifier", 0},
    {'s', 0, 0, "abc", " ", "ValueError: Space not allowed in string format specifier", 0},
    {'s', 0, 0, "abc", ",", "ValueError: Cannot specify ',' with 's'.", 0},
    {'s', 0, 0, "abc", "_x", "ValueError: Unknown format code 'x' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "#x", "ValueError: Unknown format code 'x' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "#o", "ValueError: Unknown format code 'o' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "#b", "ValueError: Unknown format code 'b' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "#X", "ValueError: Unknown format code 'X' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "c", "ValueError: Unknown format code 'c' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "n", "ValueError: Unknown format code 'n' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "010,", "ValueError: Cannot specify ',' with 's'.", 0},
    {'s', 0, 0, "abc", "0=10,", "ValueError: Cannot specify ',' with 's'.", 0},
    {'s', 0, 0, "abc", "x=10,", "ValueError: Cannot specify ',' with 's'.", 0},
    {'s', 0, 0, "abc", ".2f", "ValueError: Unknown format code 'f' for object of type 'str'", 0},
    {'s', 0, 0, "abc", ".0f", "ValueError: Unknown format code 'f' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "e", "ValueError: Unknown format code 'e' for object of type 'str'", 0},
    {'s', 0, 0, "abc", ".3e", "ValueError: Unknown format code 'e' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "g", "ValueError: Unknown format code 'g' for object of type 'str'", 0},
    {'s', 0, 0, "abc", ".3g", "ValueError: Unknown format code 'g' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "%", "ValueError: Unknown format code '%' for object of type 'str'", 0},
    {'s', 0, 0, "abc", ".1%", "ValueError: Unknown format code '%' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "F", "ValueError: Unknown format code 'F' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "E", "ValueError: Unknown format code 'E' for object of type 'str'", 0},
    {'s', 0, 0, "abc", ".2", "ab", 1},
    {'s', 0, 0, "abc", "#.3", "ValueError: Alternate form (#) not allowed in string format specifier", 0},
    {'s', 0, 0, "abc", "#g", "ValueError: Unknown format code 'g' for object of type 'str'", 0},
    {'s', 0, 0, "abc", ",.2f", "ValueError: Unknown format code 'f' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "012,.1f", "ValueError: Unknown format code 'f' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "z.2f", "ValueError: Unknown format code 'f' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "*^10", "***abc****", 1},
    {'s', 0, 0, "abc", "s", "abc", 1},
    {'s', 0, 0, "abc", "abc", "ValueError: Invalid format specifier 'abc' for object of type 'str'", 0},
    {'s', 0, 0, "abc", ".", "ValueError: Format specifier missing precision", 0},
    {'s', 0, 0, "abc", ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'s', 0, 0, "abc", "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'s', 0, 0, "abc", ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'s', 0, 0, "abc", ".2d", "ValueError: Unknown format code 'd' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "<<<", "ValueError: Unknown format code '<' for object of type 'str'", 0},
    {'s', 0, 0, "abc", "=^5", "=abc=", 1},
    {'s', 0, 0, "abc", "+c", "ValueError: Unknown format code 'c' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "", "\xc3\xa9", 1},
    {'s', 0, 0, "\xc3\xa9", "d", "ValueError: Unknown format code 'd' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "5", "\xc3\xa9    ", 1},
    {'s', 0, 0, "\xc3\xa9", "<5", "\xc3\xa9    ", 1},
    {'s', 0, 0, "\xc3\xa9", "^7", "   \xc3\xa9   ", 1},
    {'s', 0, 0, "\xc3\xa9", "=+8", "ValueError: Sign not allowed in string format specifier", 0},
    {'s', 0, 0, "\xc3\xa9", "08", "\xc3\xa9""0000000", 1},
    {'s', 0, 0, "\xc3\xa9", "+", "ValueError: Sign not allowed in string format specifier", 0},
    {'s', 0, 0, "\xc3\xa9", " ", "ValueError: Space not allowed in string format specifier", 0},
    {'s', 0, 0, "\xc3\xa9", ",", "ValueError: Cannot specify ',' with 's'.", 0},
    {'s', 0, 0, "\xc3\xa9", "_x", "ValueError: Unknown format code 'x' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "#x", "ValueError: Unknown format code 'x' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "#o", "ValueError: Unknown format code 'o' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "#b", "ValueError: Unknown format code 'b' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "#X", "ValueError: Unknown format code 'X' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "c", "ValueError: Unknown format code 'c' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "n", "ValueError: Unknown format code 'n' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "010,", "ValueError: Cannot specify ',' with 's'.", 0},
    {'s', 0, 0, "\xc3\xa9", "0=10,", "ValueError: Cannot specify ',' with 's'.", 0},
    {'s', 0, 0, "\xc3\xa9", "x=10,", "ValueError: Cannot specify ',' with 's'.", 0},
    {'s', 0, 0, "\xc3\xa9", ".2f", "ValueError: Unknown format code 'f' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", ".0f", "ValueError: Unknown format code 'f' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "e", "ValueError: Unknown format code 'e' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", ".3e", "ValueError: Unknown format code 'e' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "g", "ValueError: Unknown format code 'g' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", ".3g", "ValueError: Unknown format code 'g' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "%", "ValueError: Unknown format code '%' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", ".1%", "ValueError: Unknown format code '%' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "F", "ValueError: Unknown format code 'F' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "E", "ValueError: Unknown format code 'E' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", ".2", "\xc3\xa9", 1},
    {'s', 0, 0, "\xc3\xa9", "#.3", "ValueError: Alternate form (#) not allowed in string format specifier", 0},
    {'s', 0, 0, "\xc3\xa9", "#g", "ValueError: Unknown format code 'g' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", ",.2f", "ValueError: Unknown format code 'f' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "012,.1f", "ValueError: Unknown format code 'f' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "z.2f", "ValueError: Unknown format code 'f' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "*^10", "****\xc3\xa9*****", 1},
    {'s', 0, 0, "\xc3\xa9", "s", "\xc3\xa9", 1},
    {'s', 0, 0, "\xc3\xa9", "abc", "ValueError: Invalid format specifier 'abc' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", ".", "ValueError: Format specifier missing precision", 0},
    {'s', 0, 0, "\xc3\xa9", ",,", "ValueError: Cannot specify ',' with ','.", 0},
    {'s', 0, 0, "\xc3\xa9", "_,", "ValueError: Cannot specify both ',' and '_'.", 0},
    {'s', 0, 0, "\xc3\xa9", ",x", "ValueError: Cannot specify ',' with 'x'.", 0},
    {'s', 0, 0, "\xc3\xa9", ".2d", "ValueError: Unknown format code 'd' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "<<<", "ValueError: Unknown format code '<' for object of type 'str'", 0},
    {'s', 0, 0, "\xc3\xa9", "=^5", "==\xc3\xa9==", 1},
    {'s', 0, 0, "\xc3\xa9", "+c", "ValueError: Unknown format code 'c' for object of type 'str'", 0},
};

START_TEST(test_format_spec_table)
{
    for (size_t i = 0; i < sizeof format_cases / sizeof format_cases[0]; i++) {
        Arg a = {format_cases[i].k, format_cases[i].i, format_cases[i].f, format_cases[i].s};
        Value v = arg_value(&a);
        vm_push_root(vm, v);
        ObjStr *spec = str_from_cstr(vm, format_cases[i].spec);
        vm_push_root(vm, OBJ_VAL(spec));
        ObjStr *out;
        bool ok = op_format(vm, v, spec, &out);
        const char *got = ok ? out->data : take_error();
        ck_assert_msg(ok == (format_cases[i].ok != 0) && strcmp(got, format_cases[i].expect) == 0,
                      "format(case %zu, '%s'): got [%s], want [%s]", i, format_cases[i].spec, got,
                      format_cases[i].expect);
    }
}
END_TEST

START_TEST(test_format_spec_parse)
{
    FormatSpec fs;
    ck_assert(format_spec_parse(vm, "*^+#012,.3f", 11, vm->c.float_, &fs));
    ck_assert_str_eq(fs.fill, "*");
    ck_assert_int_eq(fs.align, '^');
    ck_assert_int_eq(fs.sign, '+');
    ck_assert(fs.alt);
    ck_assert(fs.zero);
    ck_assert_int_eq(fs.width, 12);
    ck_assert_int_eq(fs.grouping, ',');
    ck_assert_int_eq(fs.precision, 3);
    ck_assert_int_eq(fs.type, 'f');
    ck_assert(!format_spec_parse(vm, "099999999999999999999", 21, vm->c.int_, &fs));
    ck_assert_str_eq(take_error(), "ValueError: Too many decimal digits in format string");
}
END_TEST

/* ---- % and str.format ------------------------------------------------------------- */

typedef struct {
    const char *fmt;
    int n;
    Arg args[8];
    const char *expect;
    int ok;
} ArgsCase;

static const ArgsCase pct_cases[] = {
    {"%d %s %.2f %r %x %5d %-5s %%", 7, {I(1), S("a"), F(0x1.921f9f01b866ep+1), S("b"), I(255), I(42), S("z")}, "1 a 3.14 'b' ff    42 z     %", 1},
    {"%5.2f|%-6d|%06.1f|%+d", 4, {F(0x1.921f9f01b866ep+1), I(42), F(-0x1.4000000000000p+1), I(5)}, " 3.14|42    |-002.5|+5", 1},
    {"%e %E %g %G", 4, {F(0x1.8000000000000p+0), F(0x1.8000000000000p+0), F(0x1.4f8b588e368f1p-17), F(0x1.5af1d78b58c40p+66)}, "1.500000e+00 1.500000E+00 1e-05 1E+20", 1},
    {"%o %X %#x %#o", 4, {I(8), I(255), I(255), I(8)}, "10 FF 0xff 0o10", 1},
    {"%.3s|%5s|%-5s|", 3, {S("abcdef"), S("a"), S("b")}, "abc|    a|b    |", 1},
    {"%c%c", 2, {I(65), S("B")}, "AB", 1},
    {"%5.1f%%", 1, {F(0x1.8e00000000000p+6)}, " 99.5%", 1},
    {"%+.3e", 1, {F(0x1.81cd6c8b43958p+13)}, "+1.235e+04", 1},
    {"%#.3g", 1, {F(0x1.0000000000000p+0)}, "1.00", 1},
    {"%i %u", 2, {F(0x1.f333333333333p+1), F(-0x1.f333333333333p+1)}, "3 -3", 1},
    {"%.5d|%-8.3x|", 2, {I(42), I(255)}, "00042|0ff     |", 1},
    {"%s %s", 1, {I(1)}, "TypeError: not enough arguments for format string", 0},
    {"%s", 2, {I(1), I(2)}, "TypeError: not all arguments converted during string formatting", 0},
    {"%d", 1, {S("a")}, "TypeError: %d format: a real number is required, not str", 0},
    {"%z", 1, {I(1)}, "ValueError: unsupported format character 'z' (0x7a) at index 1", 0},
    {"%", 0, {{0}}, "ValueError: incomplete format", 0},
    {"%x", 1, {F(0x1.d99999999999ap+1)}, "TypeError: %x format: an integer is required, not float", 0},
    {"%.2f", 1, {S("a")}, "TypeError: must be real number, not str", 0},
    {"%r", 1, {S("\xc3\xa9")}, "'\xc3\xa9'", 1},
    {"%a", 1, {S("\xc3\xa9")}, "'\\xe9'", 1},
    {"%s|%r", 2, {S("it's"), S("it's")}, "it's|\"it's\"", 1},
    {"%05d|%-5d|%5s", 3, {I(-42), I(-42), S("\xc3\xa9")}, "-0042|-42  |    \xc3\xa9", 1},
    {"abc", 0, {{0}}, "abc", 1},
};

static const ArgsCase fmt_cases[] = {
    {"{} {} {}", 3, {I(1), S("a"), F(0x1.4000000000000p+1)}, "1 a 2.5", 1},
    {"{0} {1} {0}", 2, {S("a"), S("b")}, "a b a", 1},
    {"{:>10}|{:<10}|{:^10}", 3, {S("r"), S("l"), S("c")}, "         r|l         |    c     ", 1},
    {"{!r} {!s}", 2, {S("x"), S("y")}, "'x' y", 1},
    {"{{}} {{{}}}", 1, {I(5)}, "{} {5}", 1},
    {"{:{}}", 2, {S("x"), I(5)}, "x    ", 1},
    {"{:.{}f}", 2, {F(0x1.921f9f01b866ep+1), I(2)}, "3.14", 1},
    {"{} {}", 1, {I(1)}, "IndexError: Replacement index 1 out of range for positional args tuple", 0},
    {"{0} {}", 2, {I(1), I(2)}, "ValueError: cannot switch from manual field specification to automatic field numbering", 0},
    {"{} {0}", 2, {I(1), I(2)}, "ValueError: cannot switch from automatic field numbering to manual field specification", 0},
    {"{", 0, {{0}}, "ValueError: Single '{' encountered in format string", 0},
    {"}", 0, {{0}}, "ValueError: Single '}' encountered in format string", 0},
    {"{!x}", 1, {I(1)}, "ValueError: Unknown conversion specifier x", 0},
    {"{0:08.3f}|{1:+}", 2, {F(0x1.921f9f01b866ep+1), I(7)}, "0003.142|+7", 1},
    {"{x}", 0, {{0}}, "KeyError: 'x'", 0},
    {"a{0!a}b", 1, {S("\xc3\xa9")}, "a'\\xe9'b", 1},
    {"{0}", 0, {{0}}, "IndexError: Replacement index 0 out of range for positional args tuple", 0},
    {"{:,}", 1, {I(1234567)}, "1,234,567", 1},
};

static ObjTuple *make_args(const ArgsCase *c)
{
    ObjTuple *t = tuple_new(vm, NULL, (uint32_t)c->n);
    vm_push_root(vm, OBJ_VAL(t));
    for (int k = 0; k < c->n; k++) t->items[k] = arg_value(&c->args[k]);
    vm_pop_root(vm, 1);
    return t;
}

START_TEST(test_percent_table)
{
    for (size_t i = 0; i < sizeof pct_cases / sizeof pct_cases[0]; i++) {
        const ArgsCase *c = &pct_cases[i];
        ObjTuple *t = make_args(c);
        vm_push_root(vm, OBJ_VAL(t));
        ObjStr *fmt = str_from_cstr(vm, c->fmt);
        vm_push_root(vm, OBJ_VAL(fmt));
        Value args = c->n == 1 ? t->items[0] : OBJ_VAL(t);
        ObjStr *out;
        bool ok = format_percent(vm, fmt, args, &out);
        const char *got = ok ? out->data : take_error();
        ck_assert_msg(ok == (c->ok != 0) && strcmp(got, c->expect) == 0,
                      "'%s' %% ...: got [%s], want [%s]", c->fmt, got, c->expect);
    }
}
END_TEST

START_TEST(test_percent_single_and_mapping)
{
    ObjStr *out;
    ObjStr *fmt = str_from_cstr(vm, "%(x)s-%(y)03d");
    vm_push_root(vm, OBJ_VAL(fmt));
    ObjDict *d = D();
    vm_push_root(vm, OBJ_VAL(d));
    ck_assert(dict_set(vm, d, R(OBJ_VAL(str_from_cstr(vm, "x"))), INT_VAL(1)));
    ck_assert(dict_set(vm, d, R(OBJ_VAL(str_from_cstr(vm, "y"))), INT_VAL(2)));
    ck_assert(format_percent(vm, fmt, OBJ_VAL(d), &out));
    ck_assert_str_eq(out->data, "1-002");
    ObjStr *fmt2 = str_from_cstr(vm, "%s!");
    vm_push_root(vm, OBJ_VAL(fmt2));
    ck_assert(format_percent(vm, fmt2, INT_VAL(7), &out));
    ck_assert_str_eq(out->data, "7!");
    ck_assert(!format_percent(vm, fmt2, vm->empty_tuple ? OBJ_VAL(vm->empty_tuple) : NONE_VAL, &out));
    ck_assert_str_eq(take_error(), "TypeError: not enough arguments for format string");
}
END_TEST

START_TEST(test_str_format_table)
{
    for (size_t i = 0; i < sizeof fmt_cases / sizeof fmt_cases[0]; i++) {
        const ArgsCase *c = &fmt_cases[i];
        ObjTuple *t = make_args(c);
        vm_push_root(vm, OBJ_VAL(t));
        ObjStr *fmt = str_from_cstr(vm, c->fmt);
        vm_push_root(vm, OBJ_VAL(fmt));
        ObjStr *out;
        bool ok = format_str_method(vm, fmt, t->items, (int)t->len, NULL, &out);
        const char *got = ok ? out->data : take_error();
        ck_assert_msg(ok == (c->ok != 0) && strcmp(got, c->expect) == 0,
                      "'%s'.format(...): got [%s], want [%s]", c->fmt, got, c->expect);
    }
}
END_TEST

START_TEST(test_str_format_keywords)
{
    ObjStr *fmt = str_from_cstr(vm, "{name} is {age:>4}|{0}");
    vm_push_root(vm, OBJ_VAL(fmt));
    Value names[2] = {OBJ_VAL(N("name")), OBJ_VAL(N("age"))};
    ObjTuple *kw = T(names, 2);
    vm_push_root(vm, OBJ_VAL(kw));
    Value args[3] = {INT_VAL(0), R(OBJ_VAL(str_from_cstr(vm, "Al"))), INT_VAL(30)};
    vm_push_root(vm, args[1]);
    ObjStr *out;
    ck_assert(format_str_method(vm, fmt, args, 1, kw, &out));
    ck_assert_str_eq(out->data, "Al is   30|0");
}
END_TEST

/* ---- parsing ------------------------------------------------------------------------- */

static const struct {
    const char *s;
    int base;
    const char *expect;
    int ok;
} int_cases[] = {
    {"0", 10, "0", 1},
    {"  -12  ", 10, "-12", 1},
    {"1_000", 10, "1000", 1},
    {"_1", 10, "ValueError: invalid literal for int() with base 10: '_1'", 0},
    {"1__0", 10, "ValueError: invalid literal for int() with base 10: '1__0'", 0},
    {"1_", 10, "ValueError: invalid literal for int() with base 10: '1_'", 0},
    {"0x1f", 16, "31", 1},
    {"0x1f", 0, "31", 1},
    {"0x_1f", 16, "31", 1},
    {"010", 0, "ValueError: invalid literal for int() with base 0: '010'", 0},
    {"000", 0, "0", 1},
    {"0b101", 0, "5", 1},
    {"0o17", 8, "15", 1},
    {"z", 36, "35", 1},
    {"Z", 36, "35", 1},
    {"", 10, "ValueError: invalid literal for int() with base 10: ''", 0},
    {"  ", 10, "ValueError: invalid literal for int() with base 10: '  '", 0},
    {"+", 10, "ValueError: invalid literal for int() with base 10: '+'", 0},
    {"1.5", 10, "ValueError: invalid literal for int() with base 10: '1.5'", 0},
    {"0x", 16, "ValueError: invalid literal for int() with base 16: '0x'", 0},
    {"0_0", 0, "0", 1},
    {"-0x1f", 16, "-31", 1},
    {"- 1", 10, "ValueError: invalid literal for int() with base 10: '- 1'", 0},
    {"\x09""12\x0a", 10, "12", 1},
    {"9223372036854775807", 10, "9223372036854775807", 1},
    {"-9223372036854775808", 10, "-9223372036854775808", 1},
    {"12", 8, "10", 1},
    {"ff", 16, "255", 1},
    {"1e5", 10, "ValueError: invalid literal for int() with base 10: '1e5'", 0},
    {"\xd9\xa1\xd9\xa2", 10, "12", 1},
};

START_TEST(test_int_parse)
{
    for (size_t i = 0; i < sizeof int_cases / sizeof int_cases[0]; i++) {
        Value v;
        bool ok = int_parse(vm, int_cases[i].s, strlen(int_cases[i].s), int_cases[i].base, NULL, &v);
        char got[256];
        if (ok) snprintf(got, sizeof got, "%lld", (long long)AS_INT(v));
        else snprintf(got, sizeof got, "%s", take_error());
        ck_assert_msg(ok == (int_cases[i].ok != 0) && strcmp(got, int_cases[i].expect) == 0,
                      "int(%s, %d): got [%s], want [%s]", int_cases[i].s, int_cases[i].base, got,
                      int_cases[i].expect);
    }
    Value v;
    ck_assert(int_parse(vm, "99999999999999999999", 20, 10, NULL, &v)); /* a big int */
    ObjStr *digits;
    vm_push_root(vm, v);
    ck_assert(op_repr(vm, v, &digits));
    vm_pop_root(vm, 1);
    ck_assert_str_eq(digits->data, "99999999999999999999");
}
END_TEST

static const struct {
    const char *s;
    const char *expect;
    int ok;
} float_cases[] = {
    {"1e5", "100000.0", 1},
    {" 1.5 ", "1.5", 1},
    {"1_0.5", "10.5", 1},
    {"1__0", "ValueError: could not convert string to float: '1__0'", 0},
    {"inf", "inf", 1},
    {"-Infinity", "-inf", 1},
    {"nan", "nan", 1},
    {"+nan", "nan", 1},
    {"x", "ValueError: could not convert string to float: 'x'", 0},
    {"0x1p3", "ValueError: could not convert string to float: '0x1p3'", 0},
    {"1e", "ValueError: could not convert string to float: '1e'", 0},
    {".", "ValueError: could not convert string to float: '.'", 0},
    {".5", "0.5", 1},
    {"5.", "5.0", 1},
    {"", "ValueError: could not convert string to float: ''", 0},
    {"infinit", "ValueError: could not convert string to float: 'infinit'", 0},
    {"1e500", "inf", 1},
    {"1_e5", "ValueError: could not convert string to float: '1_e5'", 0},
    {"  -0.0 ", "-0.0", 1},
    {"1e-400", "0.0", 1},
    {"NaN", "nan", 1},
    {"-iNF", "-inf", 1},
    {"1.7976931348623157e308", "1.7976931348623157e+308", 1},
    {"4.9e-324", "5e-324", 1},
    {"0.1", "0.1", 1},
};

START_TEST(test_float_parse)
{
    for (size_t i = 0; i < sizeof float_cases / sizeof float_cases[0]; i++) {
        ObjStr *s = str_from_cstr(vm, float_cases[i].s);
        vm_push_root(vm, OBJ_VAL(s));
        double d;
        bool ok = float_parse(vm, s, &d);
        char got[256];
        if (ok) float_repr_cstr(d, got);
        else snprintf(got, sizeof got, "%s", take_error());
        ck_assert_msg(ok == (float_cases[i].ok != 0) && strcmp(got, float_cases[i].expect) == 0,
                      "float(%s): got [%s], want [%s]", float_cases[i].s, got, float_cases[i].expect);
    }
}
END_TEST

/* ---- round ---------------------------------------------------------------------------- */

static const struct {
    double x;
    int ndigits;
    double expect;
    const char *repr;
} round_cases[] = {
    {0x1.5666666666666p+1, 2, 0x1.55c28f5c28f5cp+1, "2.67"},
    {0x1.4000000000000p+0, 1, 0x1.3333333333333p+0, "1.2"},
    {0x1.599999999999ap+0, 1, 0x1.6666666666666p+0, "1.4"},
    {0x1.0000000000000p-3, 2, 0x1.eb851eb851eb8p-4, "0.12"},
    {0x1.921f9f01b866ep+1, 3, 0x1.922d0e5604189p+1, "3.142"},
    {0x1.921f9f01b866ep+1, 0, 0x1.8000000000000p+1, "3.0"},
    {-0x1.921f9f01b866ep+1, 2, -0x1.91eb851eb851fp+1, "-3.14"},
    {0x1.34a456d5cfaadp+10, -2, 0x1.2c00000000000p+10, "1200.0"},
    {0x1.3880000000000p+10, -2, 0x1.2c00000000000p+10, "1200.0"},
    {0x1.5180000000000p+10, -2, 0x1.5e00000000000p+10, "1400.0"},
    {0x1.3333333333334p-2, 10, 0x1.3333333333333p-2, "0.3"},
    {0x1.1c37937e08000p+53, 2, 0x1.1c37937e08000p+53, "1e+16"},
    {0x0.0000000000001p-1022, 3, 0x0.0p+0, "0.0"},
    {0x1.edd2f1a9fbe77p+6, 1, 0x1.ee00000000000p+6, "123.5"},
    {0x1.edd2f1a9fbe77p+6, 5, 0x1.edd2f1a9fbe77p+6, "123.456"},
    {0x1.8ffae147ae148p+6, 2, 0x1.9000000000000p+6, "100.0"},
    {-0x0.0p+0, 1, -0x0.0p+0, "-0.0"},
    {0x1.0000000000000p-1, 0, 0x0.0p+0, "0.0"},
    {0x1.8000000000000p+0, 0, 0x1.0000000000000p+1, "2.0"},
    {0x1.4000000000000p+1, 0, 0x1.0000000000000p+1, "2.0"},
    {-0x1.4000000000000p+1, 0, -0x1.0000000000000p+1, "-2.0"},
    {0x1.7e43c8800759cp+996, -299, 0x1.7e43c8800759cp+996, "1e+300"},
    {0x1.70a3d70a3d70ap-5, 2, 0x1.47ae147ae147bp-5, "0.04"},
    {0x1.0000000000001p+0, 15, 0x1.0000000000000p+0, "1.0"},
    {0x1.4000000000000p+1, -1, 0x0.0p+0, "0.0"},
    {0x1.e000000000000p+3, -1, 0x1.4000000000000p+4, "20.0"},
    {0x1.9000000000000p+4, -1, 0x1.4000000000000p+4, "20.0"},
    {0x0.00000000007e8p-1022, 320, 0x0.00000000007e8p-1022, "1e-320"},
    {0x1.d6f3457f35ba8p+26, -3, 0x1.d6f37a0000000p+26, "123457000.0"},
    {0x1.23d70a3d70a3dp-2, 2, 0x1.1eb851eb851ecp-2, "0.28"},
};

START_TEST(test_round_table)
{
    for (size_t i = 0; i < sizeof round_cases / sizeof round_cases[0]; i++) {
        double r;
        ck_assert(float_round(vm, round_cases[i].x, round_cases[i].ndigits, &r));
        char buf[40];
        float_repr_cstr(r, buf);
        ck_assert_msg(strcmp(buf, round_cases[i].repr) == 0, "round(%a, %d): got %s, want %s",
                      round_cases[i].x, round_cases[i].ndigits, buf, round_cases[i].repr);
    }
    double r;
    ck_assert(!float_round(vm, 1.7976931348623157e308, -308, &r));
    ck_assert_str_eq(take_error(), "OverflowError: rounded value too large to represent");
}
END_TEST

START_TEST(test_int_round)
{
    static const long long cases[][3] = {
        {1234, -2, 1200}, {1250, -2, 1200}, {1350, -2, 1400}, {-1250, -2, -1200},
        {15, -1, 20},     {25, -1, 20},     {-15, -1, -20},   {7, 3, 7},
        {5, -1, 0},       {51, -2, 100},    {123, -20, 0},    {-55, -1, -60},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Value v;
        ck_assert(int_round(vm, cases[i][0], cases[i][1], &v));
        ck_assert_int_eq(AS_INT(v), cases[i][2]);
    }
}
END_TEST

/* ---- TextBuf ---------------------------------------------------------------------------- */

START_TEST(test_textbuf)
{
    TextBuf b;
    tb_init(&b);
    for (int i = 0; i < 1000; i++) tb_printf(&b, "%d,", i % 10);
    tb_add_cp(&b, 0xE9);
    tb_add_cp(&b, 0x1F600);
    tb_fill(&b, "\xc3\xa9", 2, 3);
    ObjStr *s = tb_to_str(vm, &b);
    ck_assert_int_eq(s->byte_len, 2000 + 2 + 4 + 6);
    ck_assert_int_eq(s->char_len, 2000 + 1 + 1 + 3);
    ck_assert(!s->ascii);
    ck_assert(b.data == NULL);
}
END_TEST

static Suite *format_suite(void)
{
    Suite *s = suite_create("format");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_float_repr_table);
    tcase_add_test(tc, test_float_repr_roundtrip);
    tcase_add_test(tc, test_format_spec_table);
    tcase_add_test(tc, test_format_spec_parse);
    tcase_add_test(tc, test_percent_table);
    tcase_add_test(tc, test_percent_single_and_mapping);
    tcase_add_test(tc, test_str_format_table);
    tcase_add_test(tc, test_str_format_keywords);
    tcase_add_test(tc, test_int_parse);
    tcase_add_test(tc, test_float_parse);
    tcase_add_test(tc, test_round_table);
    tcase_add_test(tc, test_int_round);
    tcase_add_test(tc, test_textbuf);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(format_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
