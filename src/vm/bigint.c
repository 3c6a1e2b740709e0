/* bigint.c: ints of any size on GMP. Small ints stay VAL_INT; everything
 * here takes ints of either form and returns normalized results (see
 * bigint.h). Operands are read through views: a big int's own mpz, or a
 * read-only one-limb mpz over a small int (no allocation). */
#include "bigint.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "num.h"
#include "str.h"

_Static_assert(sizeof(long) == 8, "GMP's long functions must take int64 values");
_Static_assert(GMP_NUMB_BITS == 64, "a limb holds an int64 magnitude");

/* Results beyond this many bits raise MemoryError instead of asking GMP,
 * which aborts when malloc fails. */
#define MAX_BITS ((uint64_t)1 << 34)

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

/* ---- views and results --------------------------------------------------------- */

typedef struct {
    mp_limb_t limb;
    mpz_t z;
} View;

/* An int as a read-only mpz (valid while v and t live; t must not move). */
static mpz_srcptr view(Value v, View *t)
{
    if (IS_BIGINT(v)) return AS_BIGINT(v)->z;
    int64_t i = IS_INT(v) ? AS_INT(v) : (int64_t)AS_BOOL(v);
    t->limb = i < 0 ? (mp_limb_t)(0 - (uint64_t)i) : (mp_limb_t)i;
    return mpz_roinit_n(t->z, &t->limb, i < 0 ? -1 : i > 0 ? 1 : 0);
}

static int64_t small_of(Value v)
{
    return IS_INT(v) ? AS_INT(v) : (int64_t)AS_BOOL(v);
}

/* A new big int object that takes r's value (r is left empty). */
static Value new_big(VM *vm, mpz_t r)
{
    ObjBigInt *b = gc_alloc_object(vm, sizeof(ObjBigInt), OBJ_BIGINT, vm->c.int_);
    mpz_init(b->z);
    mpz_swap(b->z, r);
    /* The limbs live outside the GC's allocator: count them towards the next
     * collection (gc.c's owned_bytes counts them for the survivors). */
    vm->bytes_allocated += mpz_size(b->z) * sizeof(mp_limb_t);
    return OBJ_VAL(b);
}

/* *out = r normalized; r is cleared. */
static bool take(VM *vm, mpz_t r, Value *out)
{
    if (mpz_fits_slong_p(r)) *out = INT_VAL(mpz_get_si(r));
    else *out = new_big(vm, r);
    mpz_clear(r);
    return true;
}

bool int_from_mpz(VM *vm, const mpz_t z, Value *out)
{
    if (mpz_fits_slong_p(z)) {
        *out = INT_VAL(mpz_get_si(z));
        return true;
    }
    mpz_t r;
    mpz_init_set(r, z);
    return take(vm, r, out);
}

bool value_to_mpz(Value v, mpz_t z)
{
    if (!value_is_int(v)) return false;
    View t;
    mpz_set(z, view(v, &t));
    return true;
}

bool int_to_int64(Value v, int64_t *out)
{
    if (IS_INT(v) || IS_BOOL(v)) {
        *out = small_of(v);
        return true;
    }
    return false;
}

static bool memory_error(VM *vm)
{
    return vm_raise_value(vm, OBJ_VAL(vm->c.MemoryError));
}

/* Bits of |z| (0 for 0). */
static uint64_t bits_of(mpz_srcptr z)
{
    return mpz_sgn(z) == 0 ? 0 : (uint64_t)mpz_sizeinbase(z, 2);
}

/* ---- floats ------------------------------------------------------------------------ */

/* The double nearest to (q + t) * 2**-s for some 0 <= t < 1 (t > 0 exactly
 * when sticky), ties to even, gradual underflow included; q > 0 and, when
 * sticky, q has at least 55 bits. Overflow gives inf. */
static double round_scaled(uint64_t q, bool sticky, int64_t s)
{
    int bq = 64 - __builtin_clzll(q);
    int64_t e = bq - s; /* 2**(e-1) <= value < 2**e */
    int64_t ulp = e - 53 < -1074 ? -1074 : e - 53;
    int64_t drop = ulp + s; /* bits of q below the last kept one */
    if (drop <= 0) return ldexp((double)q, (int)-s);
    if (drop >= 64) return 0.0; /* below half the smallest subnormal */
    uint64_t keep = q >> drop;
    uint64_t rem = q & (((uint64_t)1 << drop) - 1), half = (uint64_t)1 << (drop - 1);
    if (rem > half || (rem == half && (sticky || (keep & 1)))) keep++;
    if (ulp > 2000) return HUGE_VAL;
    return ldexp((double)keep, (int)ulp);
}

/* |z| correctly rounded (inf when too large). */
static double mpz_abs_to_double(mpz_srcptr z)
{
    uint64_t n = bits_of(z);
    if (n <= 63) return (double)mpz_get_ui(z); /* exact conversion, one rounding */
    if (n > 1100) return HUGE_VAL;
    mpz_t t;
    mpz_init(t);
    mpz_tdiv_q_2exp(t, z, n - 55);
    uint64_t q = mpz_get_ui(t); /* of |t| */
    mpz_clear(t);
    bool sticky = mpz_scan1(z, 0) < n - 55;
    return round_scaled(q, sticky, -(int64_t)(n - 55));
}

bool int_to_double(VM *vm, Value v, double *out)
{
    if (!IS_BIGINT(v)) {
        *out = (double)small_of(v);
        return true;
    }
    mpz_srcptr z = AS_BIGINT(v)->z;
    double d = mpz_abs_to_double(z);
    if (isinf(d)) return vm_raise(vm, vm->c.OverflowError, "int too large to convert to float");
    *out = mpz_sgn(z) < 0 ? -d : d;
    return true;
}

bool int_from_double(VM *vm, double d, Value *out)
{
    double t = trunc(d);
    if (t < 9223372036854775808.0 && t >= -9223372036854775808.0) {
        *out = INT_VAL((int64_t)t);
        return true;
    }
    mpz_t r;
    mpz_init_set_d(r, t);
    return take(vm, r, out);
}

bool int_truediv(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_srcptr x = view(a, &ta), y = view(b, &tb);
    if (mpz_sgn(y) == 0) return vm_raise(vm, vm->c.ZeroDivisionError, "division by zero");
    bool negative = (mpz_sgn(x) < 0) != (mpz_sgn(y) < 0);
    uint64_t na = bits_of(x), nb = bits_of(y);
    if (na <= 53 && nb <= 53) {
        /* Both exact as doubles: one rounding, in the division. */
        *out = FLOAT_VAL((double)mpz_get_si(x) / (double)mpz_get_si(y));
        return true;
    }
    if (na == 0) {
        *out = FLOAT_VAL(negative ? -0.0 : 0.0);
        return true;
    }
    int64_t diff = (int64_t)na - (int64_t)nb; /* 2**(diff-1) < |x/y| < 2**(diff+1) */
    if (diff > 1025)
        return vm_raise(vm, vm->c.OverflowError, "integer division result too large for a float");
    double d = 0.0;
    if (diff >= -1080) {
        /* q = floor(|x| * 2**s / |y|) has 55 or 56 bits; the remainder is the sticky bit. */
        int64_t s = 55 - diff;
        mpz_t num, den, q, r;
        mpz_inits(num, den, q, r, NULL);
        mpz_abs(num, x);
        mpz_abs(den, y);
        if (s >= 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)s);
        else mpz_mul_2exp(den, den, (mp_bitcnt_t)-s);
        mpz_tdiv_qr(q, r, num, den);
        d = round_scaled(mpz_get_ui(q), mpz_sgn(r) != 0, s);
        mpz_clears(num, den, q, r, NULL);
        if (isinf(d))
            return vm_raise(vm, vm->c.OverflowError,
                            "integer division result too large for a float");
    }
    *out = FLOAT_VAL(negative ? -d : d);
    return true;
}

/* ---- arithmetic ---------------------------------------------------------------------- */

bool int_add(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_add(r, view(a, &ta), view(b, &tb));
    return take(vm, r, out);
}

bool int_sub(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_sub(r, view(a, &ta), view(b, &tb));
    return take(vm, r, out);
}

bool int_mul(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_srcptr x = view(a, &ta), y = view(b, &tb);
    if (bits_of(x) + bits_of(y) > MAX_BITS) return memory_error(vm);
    mpz_t r;
    mpz_init(r);
    mpz_mul(r, x, y);
    return take(vm, r, out);
}

bool int_floor_div(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_srcptr x = view(a, &ta), y = view(b, &tb);
    if (mpz_sgn(y) == 0)
        return vm_raise(vm, vm->c.ZeroDivisionError, "integer division or modulo by zero");
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q(r, x, y);
    return take(vm, r, out);
}

bool int_modulo(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_srcptr x = view(a, &ta), y = view(b, &tb);
    if (mpz_sgn(y) == 0) return vm_raise(vm, vm->c.ZeroDivisionError, "integer modulo by zero");
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_r(r, x, y);
    return take(vm, r, out);
}

bool int_divmod(VM *vm, Value a, Value b, Value *q, Value *r)
{
    View ta, tb;
    mpz_srcptr x = view(a, &ta), y = view(b, &tb);
    if (mpz_sgn(y) == 0)
        return vm_raise(vm, vm->c.ZeroDivisionError, "integer division or modulo by zero");
    mpz_t zq, zr;
    mpz_inits(zq, zr, NULL);
    mpz_fdiv_qr(zq, zr, x, y);
    Value vq;
    take(vm, zq, &vq);
    vm_push_root(vm, vq);
    take(vm, zr, r);
    vm_pop_root(vm, 1);
    *q = vq;
    return true;
}

/* base ** e for a base of magnitude <= 1. */
static Value unit_power(mpz_srcptr x, bool odd)
{
    if (mpz_sgn(x) >= 0) return INT_VAL(mpz_get_si(x));
    return INT_VAL(odd ? -1 : 1);
}

bool int_power(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_srcptr x = view(a, &ta), e = view(b, &tb);
    if (mpz_sgn(e) < 0) {
        /* A negative exponent makes a float (both converted first, as CPython does). */
        double fx, fe;
        if (!int_to_double(vm, a, &fx) || !int_to_double(vm, b, &fe)) return false;
        return float_pow(vm, fx, fe, out);
    }
    if (mpz_cmpabs_ui(x, 1) <= 0) {
        *out = mpz_sgn(e) == 0 ? INT_VAL(1) : unit_power(x, mpz_odd_p(e));
        return true;
    }
    if (!mpz_fits_ulong_p(e)) return memory_error(vm);
    unsigned long n = mpz_get_ui(e);
    /* At least (bits - 1) * n bits: refuse what cannot be stored. */
    uint64_t bits = bits_of(x) - 1, need;
    if (bits == 0) bits = 1;
    if (__builtin_mul_overflow(bits, (uint64_t)n, &need) || need > MAX_BITS)
        return memory_error(vm);
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, x, n);
    return take(vm, r, out);
}

bool int_powmod(VM *vm, Value a, Value b, Value m, Value *out)
{
    View ta, tb, tm;
    mpz_srcptr x = view(a, &ta), e = view(b, &tb), mod = view(m, &tm);
    if (mpz_sgn(mod) == 0) return vm_raise(vm, vm->c.ValueError, "pow() 3rd argument cannot be 0");
    mpz_t absm, base, exp, r;
    mpz_inits(absm, base, exp, r, NULL);
    mpz_abs(absm, mod);
    mpz_fdiv_r(base, x, absm);
    mpz_set(exp, e);
    bool ok = true;
    if (mpz_sgn(exp) < 0) {
        if (mpz_cmp_ui(absm, 1) == 0) {
            mpz_set_ui(base, 0);
        } else if (!mpz_invert(base, base, absm)) {
            ok = false;
        }
        mpz_neg(exp, exp);
    }
    if (ok) {
        mpz_powm(r, base, exp, absm);
        /* The result takes the modulus's sign. */
        if (mpz_sgn(mod) < 0 && mpz_sgn(r) != 0) mpz_sub(r, r, absm);
    }
    mpz_clears(absm, base, exp, NULL);
    if (!ok) {
        mpz_clear(r);
        return vm_raise(vm, vm->c.ValueError, "base is not invertible for the given modulus");
    }
    return take(vm, r, out);
}

bool int_lshift(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_srcptr x = view(a, &ta), n = view(b, &tb);
    if (mpz_sgn(n) < 0) return vm_raise(vm, vm->c.ValueError, "negative shift count");
    if (mpz_sgn(x) == 0) {
        *out = INT_VAL(0);
        return true;
    }
    if (!mpz_fits_slong_p(n)) {
        /* CPython counts the shift in 30-bit digits: beyond ssize_t digits it
         * cannot even say how much memory it would need. */
        mpz_t words;
        mpz_init(words);
        mpz_tdiv_q_ui(words, n, 30);
        bool fits = mpz_fits_slong_p(words);
        mpz_clear(words);
        if (fits) return memory_error(vm);
        return vm_raise(vm, vm->c.OverflowError, "too many digits in integer");
    }
    uint64_t k = (uint64_t)mpz_get_si(n);
    if (k > MAX_BITS || bits_of(x) + k > MAX_BITS) return memory_error(vm);
    mpz_t r;
    mpz_init(r);
    mpz_mul_2exp(r, x, (mp_bitcnt_t)k);
    return take(vm, r, out);
}

bool int_rshift(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_srcptr x = view(a, &ta), n = view(b, &tb);
    if (mpz_sgn(n) < 0) return vm_raise(vm, vm->c.ValueError, "negative shift count");
    if (!mpz_fits_ulong_p(n) || mpz_get_ui(n) >= bits_of(x)) {
        *out = INT_VAL(mpz_sgn(x) < 0 ? -1 : 0);
        return true;
    }
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q_2exp(r, x, (mp_bitcnt_t)mpz_get_ui(n)); /* floors, like Python */
    return take(vm, r, out);
}

bool int_and(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_and(r, view(a, &ta), view(b, &tb)); /* two's complement semantics */
    return take(vm, r, out);
}

bool int_or(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_ior(r, view(a, &ta), view(b, &tb));
    return take(vm, r, out);
}

bool int_xor(VM *vm, Value a, Value b, Value *out)
{
    View ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_xor(r, view(a, &ta), view(b, &tb));
    return take(vm, r, out);
}

bool int_negate(VM *vm, Value a, Value *out)
{
    View ta;
    mpz_t r;
    mpz_init(r);
    mpz_neg(r, view(a, &ta));
    return take(vm, r, out);
}

bool int_invert(VM *vm, Value a, Value *out)
{
    View ta;
    mpz_t r;
    mpz_init(r);
    mpz_com(r, view(a, &ta));
    return take(vm, r, out);
}

bool int_absolute(VM *vm, Value a, Value *out)
{
    View ta;
    mpz_t r;
    mpz_init(r);
    mpz_abs(r, view(a, &ta));
    return take(vm, r, out);
}

bool int_binary(VM *vm, BinaryOp op, Value a, Value b, Value *out)
{
    switch (op) {
    case BINOP_ADD: return int_add(vm, a, b, out);
    case BINOP_SUB: return int_sub(vm, a, b, out);
    case BINOP_MUL: return int_mul(vm, a, b, out);
    case BINOP_TRUEDIV: return int_truediv(vm, a, b, out);
    case BINOP_FLOORDIV: return int_floor_div(vm, a, b, out);
    case BINOP_MOD: return int_modulo(vm, a, b, out);
    case BINOP_POW: return int_power(vm, a, b, out);
    case BINOP_LSHIFT: return int_lshift(vm, a, b, out);
    case BINOP_RSHIFT: return int_rshift(vm, a, b, out);
    case BINOP_AND: return int_and(vm, a, b, out);
    case BINOP_OR: return int_or(vm, a, b, out);
    case BINOP_XOR: return int_xor(vm, a, b, out);
    default:
        return vm_raise(vm, vm->c.TypeError, "unsupported operand type(s) for %s: 'int' and 'int'",
                        binop_symbol(op));
    }
}

bool int_round_digits(VM *vm, Value v, int64_t ndigits, Value *out)
{
    View tv;
    mpz_srcptr x = view(v, &tv);
    if (ndigits >= 0 || mpz_sgn(x) == 0) {
        *out = IS_BOOL(v) ? INT_VAL(AS_BOOL(v)) : v;
        return true;
    }
    /* |x| < 10**digits <= 10**-ndigits / 100: rounds to 0. */
    uint64_t digits = (uint64_t)mpz_sizeinbase(x, 10);
    if ((uint64_t)0 - (uint64_t)ndigits > digits + 1) {
        *out = INT_VAL(0);
        return true;
    }
    mpz_t p, q, r;
    mpz_inits(p, q, r, NULL);
    mpz_ui_pow_ui(p, 10, (unsigned long)((uint64_t)0 - (uint64_t)ndigits));
    mpz_fdiv_qr(q, r, x, p); /* 0 <= r < p */
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clears(p, r, NULL);
    return take(vm, q, out);
}

/* ---- comparisons and properties -------------------------------------------------- */

int int_compare(Value a, Value b)
{
    if (!IS_BIGINT(a) && !IS_BIGINT(b)) {
        int64_t x = small_of(a), y = small_of(b);
        return x < y ? -1 : x > y;
    }
    View ta, tb;
    int c = mpz_cmp(view(a, &ta), view(b, &tb));
    return c < 0 ? -1 : c > 0;
}

int int_compare_double(Value a, double d)
{
    if (isnan(d)) return 2;
    View ta;
    int c = mpz_cmp_d(view(a, &ta), d); /* exact, infinities included */
    return c < 0 ? -1 : c > 0;
}

int int_sign(Value v)
{
    View t;
    return mpz_sgn(view(v, &t));
}

uint64_t int_hash(Value v)
{
    if (!IS_BIGINT(v)) return hash_int(small_of(v));
    mpz_srcptr z = AS_BIGINT(v)->z;
    int64_t h = (int64_t)mpz_tdiv_ui(z, HASH_MODULUS); /* of |z| */
    if (mpz_sgn(z) < 0) h = -h;
    if (h == -1) h = -2;
    return (uint64_t)h;
}

uint64_t int_bits(Value v)
{
    View t;
    return bits_of(view(v, &t));
}

uint64_t int_popcount(Value v)
{
    View t;
    mpz_srcptr z = view(v, &t);
    if (mpz_sgn(z) >= 0) return mpz_popcount(z);
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    uint64_t n = mpz_popcount(a);
    mpz_clear(a);
    return n;
}

/* ---- text ------------------------------------------------------------------------ */

bool int_digits_limit_error(VM *vm, int64_t ndigits)
{
    if (ndigits < 0)
        return vm_raise(vm, vm->c.ValueError,
                        "Exceeds the limit (%d digits) for integer string conversion; use "
                        "sys.set_int_max_str_digits() to increase the limit",
                        INT_MAX_STR_DIGITS);
    return vm_raise(vm, vm->c.ValueError,
                    "Exceeds the limit (%d digits) for integer string conversion: value has %lld "
                    "digits; use sys.set_int_max_str_digits() to increase the limit",
                    INT_MAX_STR_DIGITS, (long long)ndigits);
}

/* |z| as a read-only mpz sharing z's limbs. */
static mpz_srcptr abs_view(mpz_srcptr z, mpz_t tmp)
{
    return mpz_roinit_n(tmp, mpz_limbs_read(z), (mp_size_t)mpz_size(z));
}

bool int_digits_abs(VM *vm, Value v, int base, bool upper, TextBuf *out)
{
    View t;
    mpz_t tmp;
    mpz_srcptr z = abs_view(view(v, &t), tmp);
    size_t est = mpz_sizeinbase(z, base); /* exact or one too many */
    if (base == 10 && est > INT_MAX_STR_DIGITS + 1) return int_digits_limit_error(vm, -1);
    tb_reserve(out, est + 2);
    mpz_get_str(out->data + out->len, upper ? -base : base, z);
    size_t n = strlen(out->data + out->len);
    if (base == 10 && n > INT_MAX_STR_DIGITS) return int_digits_limit_error(vm, -1);
    out->len += n;
    return true;
}

bool int_to_decimal(VM *vm, Value v, TextBuf *out)
{
    if (!IS_BIGINT(v)) {
        tb_printf(out, "%lld", (long long)small_of(v));
        return true;
    }
    if (mpz_sgn(AS_BIGINT(v)->z) < 0) {
        size_t mark = out->len;
        tb_addc(out, '-');
        if (!int_digits_abs(vm, v, 10, false, out)) {
            out->len = mark;
            return false;
        }
        return true;
    }
    return int_digits_abs(vm, v, 10, false, out);
}

bool int_str(VM *vm, Value v, ObjStr **out)
{
    TextBuf b;
    tb_init(&b);
    if (!int_to_decimal(vm, v, &b)) {
        tb_free(&b);
        return false;
    }
    *out = tb_to_str(vm, &b);
    return true;
}

bool int_to_base_str_value(VM *vm, Value v, int base, ObjStr **out)
{
    TextBuf b;
    tb_init(&b);
    if (int_sign(v) < 0) tb_addc(&b, '-');
    tb_adds(&b, base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "");
    if (!int_digits_abs(vm, v, base, false, &b)) {
        tb_free(&b);
        return false;
    }
    *out = tb_to_str(vm, &b);
    return true;
}

bool int_from_digits(VM *vm, const char *digits, size_t n, int base, bool neg, Value *out)
{
    char *buf = malloc(n + 1);
    if (buf == NULL) abort();
    memcpy(buf, digits, n);
    buf[n] = '\0';
    mpz_t r;
    mpz_init(r);
    int bad = n == 0 || mpz_set_str(r, buf, base);
    free(buf);
    if (bad) {
        mpz_clear(r);
        return vm_raise(vm, vm->c.ValueError, "invalid literal for int() with base %d", base);
    }
    if (neg) mpz_neg(r, r);
    return take(vm, r, out);
}
