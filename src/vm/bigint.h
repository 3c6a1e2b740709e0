/* bigint.h: arbitrary-precision ints on GMP, and the int API that works for
 * ints of any size.
 *
 * Representation rule: an int that fits in int64 is always a VAL_INT; only
 * values outside int64 are OBJ_BIGINT objects (class int). Every function
 * here normalizes its results, so equal ints always have the same form.
 *
 * "An int" below means a VAL_INT, a VAL_BOOL (False/True count as 0/1) or a
 * big int. Functions taking a VM return false with an exception set when
 * they fail (ZeroDivisionError, MemoryError for absurd sizes ...); they may
 * allocate, so callers keep their operands rooted (see object.h). */
#ifndef LOOPBOOK_BIGINT_H
#define LOOPBOOK_BIGINT_H

#include <gmp.h>

#include "format.h"
#include "ops.h"
#include "vm.h"

typedef struct {
    Obj obj;
    mpz_t z; /* never fits in int64 */
} ObjBigInt;

#define IS_BIGINT(v) IS_KIND(v, OBJ_BIGINT)
#define AS_BIGINT(v) ((ObjBigInt *)AS_OBJ(v))

/* CPython 3.11's default sys.get_int_max_str_digits(). */
#define INT_MAX_STR_DIGITS 4300

/* Whether v is an int (int, bool or big int). */
static inline bool value_is_int(Value v)
{
    return IS_INT(v) || IS_BOOL(v) || IS_BIGINT(v);
}

/* ---- conversions ------------------------------------------------------------ */
/* *out = the int equal to z (a VAL_INT when it fits). Never fails. */
bool int_from_mpz(VM *vm, const mpz_t z, Value *out);
/* Set z (initialised by the caller) to the int v; false (nothing raised) when
 * v is not an int. */
bool value_to_mpz(Value v, mpz_t z);
/* v as an int64: false (nothing raised) when v is a big int or not an int. */
bool int_to_int64(Value v, int64_t *out);
/* float(v), correctly rounded; OverflowError "int too large to convert to
 * float". */
bool int_to_double(VM *vm, Value v, double *out);
/* int(d) for a finite double (truncated), exact at any size. */
bool int_from_double(VM *vm, double d, Value *out);
/* The int written by `digits` (n chars, valid digits of `base` 2..36, no
 * sign, prefix or underscores), negated when neg. No digit limit here. */
bool int_from_digits(VM *vm, const char *digits, size_t n, int base, bool neg, Value *out);

/* ---- arithmetic: any ints in, normalized ints (or floats) out ---------------- */
bool int_add(VM *vm, Value a, Value b, Value *out);
bool int_sub(VM *vm, Value a, Value b, Value *out);
bool int_mul(VM *vm, Value a, Value b, Value *out);
/* a / b correctly rounded to a float. */
bool int_truediv(VM *vm, Value a, Value b, Value *out);
/* Python's floor division and modulo (the remainder takes b's sign). */
bool int_floor_div(VM *vm, Value a, Value b, Value *out);
bool int_modulo(VM *vm, Value a, Value b, Value *out);
bool int_divmod(VM *vm, Value a, Value b, Value *q, Value *r);
/* a ** b: an int for b >= 0, a float for b < 0. */
bool int_power(VM *vm, Value a, Value b, Value *out);
/* pow(a, b, m): m != 0; a negative b needs an invertible a. */
bool int_powmod(VM *vm, Value a, Value b, Value m, Value *out);
bool int_lshift(VM *vm, Value a, Value b, Value *out);
bool int_rshift(VM *vm, Value a, Value b, Value *out);
bool int_and(VM *vm, Value a, Value b, Value *out);
bool int_or(VM *vm, Value a, Value b, Value *out);
bool int_xor(VM *vm, Value a, Value b, Value *out);
bool int_negate(VM *vm, Value a, Value *out);
bool int_invert(VM *vm, Value a, Value *out);
bool int_absolute(VM *vm, Value a, Value *out);
/* a OP b for one of the BINOP_* arithmetic operators (not MATMUL). */
bool int_binary(VM *vm, BinaryOp op, Value a, Value b, Value *out);
/* round(v, ndigits) for an int: half to even at 10**-ndigits (ndigits < 0). */
bool int_round_digits(VM *vm, Value v, int64_t ndigits, Value *out);

/* ---- comparisons and properties ---------------------------------------------- */
/* -1, 0 or 1 as a < b, a == b, a > b. */
int int_compare(Value a, Value b);
/* The same against a float, exactly; 2 when d is a NaN. */
int int_compare_double(Value a, double d);
/* -1, 0 or 1. */
int int_sign(Value v);
/* CPython's hash of an int (mod 2**61 - 1, -1 becomes -2). */
uint64_t int_hash(Value v);
/* int.bit_length() and int.bit_count(). */
uint64_t int_bits(Value v);
uint64_t int_popcount(Value v);

/* ---- text -------------------------------------------------------------------- */
/* Append str(v) (decimal); ValueError past the 4300-digit limit. */
bool int_to_decimal(VM *vm, Value v, TextBuf *out);
/* str(v) / repr(v) as a new str. */
bool int_str(VM *vm, Value v, ObjStr **out);
/* Append the digits of |v| in base 2..36 (lowercase; upper for 'X'-style
 * output when upper), no sign or prefix. Base 10 obeys the digit limit. */
bool int_digits_abs(VM *vm, Value v, int base, bool upper, TextBuf *out);
/* hex() / oct() / bin(): "-0x1f" style. */
bool int_to_base_str_value(VM *vm, Value v, int base, ObjStr **out);
/* The ValueError for more than INT_MAX_STR_DIGITS digits (ndigits: the
 * count for int(str), or -1 for str(int)). */
bool int_digits_limit_error(VM *vm, int64_t ndigits);

#endif
