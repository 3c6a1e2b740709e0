/* num.h: int and float helpers shared by the operators, the builtins and the
 * int / float types: parsing, hashing, Python's division semantics. */
#ifndef LOOPBOOK_NUM_H
#define LOOPBOOK_NUM_H

#include <math.h>

#include "vm.h"

/* Text with non-ASCII decimal digits / whitespace rewritten to ASCII (in a
 * malloc'd *out, NUL-terminated) so int() and float() can parse it; false
 * (nothing allocated) when the text is already ASCII. (str.c) */
bool str_to_ascii_number(const char *s, size_t n, char **out, size_t *out_len);

/* int(text, base) rules (whitespace, sign, prefixes, underscores); base 0
 * guesses from the prefix. On failure raises ValueError quoting `orig`
 * (the str as given; NULL quotes the bytes). */
bool int_parse(VM *vm, const char *s, size_t len, int base, ObjStr *orig, Value *out);
/* float(text) rules ('inf', 'nan', '1e5', ' 1_0.5 '); ValueError otherwise. */
bool float_parse(VM *vm, ObjStr *s, double *out);
/* int(x) for a float: truncation (a big int when needed); OverflowError for inf, ValueError for nan. */
bool float_to_int(VM *vm, double d, Value *out);
/* The float value of an int, bool or float (false when v is none of them). */
bool num_as_double(Value v, double *out);

/* CPython's hash of an int / a float (mod 2**61 - 1; -1 becomes -2). */
uint64_t hash_int(int64_t v);
uint64_t hash_float(double d);

/* Python's floor division and modulo for ints (b != 0, no overflow: the
 * caller excludes INT64_MIN // -1). */
static inline int64_t int_floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}
static inline int64_t int_mod(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}
/* Python's float floor division and modulo (b != 0). */
void float_divmod(double a, double b, double *q, double *r);

/* a ** b for ints (b >= 0): a big int when it does not fit in int64. */
bool int_pow(VM *vm, int64_t a, int64_t b, Value *out);
/* a ** b for floats with CPython's special cases and errors. */
bool float_pow(VM *vm, double a, double b, Value *out);

/* round(x, ndigits) for a float, rounding half to even on the exact
 * binary value as CPython does. */
bool float_round(VM *vm, double x, int64_t ndigits, double *out);
/* round(i, ndigits) for an int with ndigits < 0 (big ints: int_round_digits). */
bool int_round(VM *vm, int64_t i, int64_t ndigits, Value *out);

/* Raise OverflowError("integer overflow"): ints promote to big ints
 * (bigint.h), so only C-sized limits use this. */
bool int_overflow(VM *vm);

/* A read-only property computed by a native (int.real, float.imag ...). */
void num_define_property(VM *vm, ObjClass *cls, const char *name, NativeFn fn);

/* The digits of v in base 2, 8, 10 or 16 with Python's prefix ("-0x1f"). */
ObjStr *int_to_base_str(VM *vm, int64_t v, int base);

#endif
