/* float.c: floats: parsing, hashing, Python's division, pow and round
 * semantics, the float() constructor and float's methods. The repr
 * algorithm lives in format.c (format.h). */
#include <errno.h>
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "bigint.h"
#include "format.h"
#include "num.h"
#include "ops.h"
#include "str.h"
#include "types.h"

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

uint64_t hash_float(double d)
{
    if (isinf(d)) return d > 0 ? 314159 : (uint64_t)(int64_t)-314159;
    if (isnan(d)) return 0;
    int e;
    double m = frexp(fabs(d), &e); /* |d| = m * 2**e, 0.5 <= m < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    e -= 53;
    /* 2**61 == 1 (mod 2**61 - 1): multiplying by 2**e is a 61-bit rotation. */
    uint64_t h = mant % HASH_MODULUS;
    int k = ((e % 61) + 61) % 61;
    if (k) h = ((h << k) & HASH_MODULUS) | (h >> (61 - k));
    int64_t r = (int64_t)h;
    if (d < 0) r = -r;
    if (r == -1) r = -2;
    return (uint64_t)r;
}

void float_divmod(double a, double b, double *q, double *r)
{
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0) {
        /* The remainder takes the divisor's sign. */
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    double fl;
    if (div != 0) {
        fl = floor(div);
        if (div - fl > 0.5) fl += 1.0;
    } else {
        fl = copysign(0.0, a / b);
    }
    *q = fl;
    *r = mod;
}

bool float_pow(VM *vm, double a, double b, Value *out)
{
    if (b == 0) {
        *out = FLOAT_VAL(1.0);
        return true;
    }
    if (isnan(a)) {
        *out = FLOAT_VAL(a);
        return true;
    }
    if (isnan(b)) {
        *out = FLOAT_VAL(a == 1.0 ? 1.0 : b);
        return true;
    }
    if (a == 0 && b < 0)
        return vm_raise(vm, vm->c.ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (isfinite(a) && isfinite(b) && a < 0 && b != floor(b))
        return vm_raise(vm, vm->c.NotImplementedError,
                        "complex numbers are not supported (negative number to a fractional power)");
    errno = 0;
    double r = pow(a, b);
    if (isinf(r) && isfinite(a) && isfinite(b)) {
        /* CPython reports ERANGE as OverflowError(34, 'Numerical result out of range'). */
        Value items[2] = {INT_VAL(34), EMPTY_VAL};
        ObjStr *msg = str_from_cstr(vm, "Numerical result out of range");
        items[1] = OBJ_VAL(msg);
        vm_push_root(vm, items[1]);
        ObjTuple *t = tuple_new(vm, items, 2);
        vm_push_root(vm, OBJ_VAL(t));
        ObjException *e = exception_new(vm, vm->c.OverflowError, t);
        vm_pop_root(vm, 2);
        return vm_raise_value(vm, OBJ_VAL(e));
    }
    *out = FLOAT_VAL(r);
    return true;
}

/* ---- round ------------------------------------------------------------------- */

/* Round the decimal integer digits[0..n) at `cut` digits from the left
 * (half to even, `sticky` when something non-zero follows digits). Writes the
 * rounded, zero-filled result to out (may gain a digit). */
static void round_digits(const char *digits, int n, int cut, bool sticky, char *out, int *out_n)
{
    memcpy(out + 1, digits, (size_t)n);
    out[0] = '0';
    int last = cut; /* index in out of the last kept digit */
    bool round_up = false;
    if (cut < n) {
        int first_dropped = digits[cut] - '0';
        bool rest_nonzero = sticky;
        for (int i = cut + 1; i < n; i++) rest_nonzero |= digits[i] != '0';
        int kept = out[last] - '0';
        round_up = first_dropped > 5 || (first_dropped == 5 && (rest_nonzero || (kept & 1)));
        for (int i = cut; i < n; i++) out[i + 1] = '0';
    }
    if (round_up) {
        int i = last;
        while (out[i] == '9') out[i--] = '0';
        out[i]++;
    }
    *out_n = n + 1;
}

bool float_round(VM *vm, double x, int64_t ndigits, double *out)
{
    if (!isfinite(x) || x == 0) {
        *out = x;
        return true;
    }
    if (ndigits > 323) {
        *out = x;
        return true;
    }
    if (ndigits < -308) {
        *out = 0.0 * x;
        return true;
    }
    double r;
    if (ndigits >= 0) {
        /* glibc prints the correctly rounded decimal of the exact binary
         * value, ties to even: what CPython gets from dtoa mode 3. */
        char buf[1200];
        snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
        r = strtod(buf, NULL);
    } else {
        double t = trunc(x);
        bool sticky = t != x;
        char digits[400], rounded[402];
        int n = snprintf(digits, sizeof digits, "%.0f", fabs(t));
        int cut = n + (int)ndigits; /* digits kept */
        if (cut < 0) {
            r = 0.0;
        } else {
            int rn;
            round_digits(digits, n, cut, sticky, rounded, &rn);
            rounded[rn] = '\0';
            r = strtod(rounded, NULL);
        }
        r = copysign(r, x);
    }
    if (isinf(r))
        return vm_raise(vm, vm->c.OverflowError, "rounded value too large to represent");
    *out = r;
    return true;
}

/* ---- parsing ------------------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Digits with single underscores between them; copies the digits to out. */
static size_t scan_digits(const char *s, size_t i, size_t end, char *out, size_t *on)
{
    size_t start = i;
    while (i < end) {
        if (s[i] >= '0' && s[i] <= '9') {
            out[(*on)++] = s[i++];
        } else if (s[i] == '_' && i > start && i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '9') {
            i++;
        } else {
            break;
        }
    }
    return i;
}

static bool ci_equal(const char *s, size_t n, const char *word)
{
    size_t wl = strlen(word);
    if (n != wl) return false;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != word[i]) return false;
    return true;
}

bool float_parse(VM *vm, ObjStr *str, double *out)
{
    char *ascii = NULL;
    size_t alen = str->byte_len;
    const char *s = str->data;
    if (str_to_ascii_number(str->data, str->byte_len, &ascii, &alen)) s = ascii;
    size_t i = 0, end = alen;
    while (i < end && is_space(s[i])) i++;
    while (end > i && is_space(s[end - 1])) end--;
    char *clean = malloc(end - i + 2);
    if (clean == NULL) abort();
    size_t cn = 0;
    bool neg = false;
    if (i < end && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    bool ok = false;
    double v = 0;
    if (ci_equal(s + i, end - i, "inf") || ci_equal(s + i, end - i, "infinity")) {
        v = INFINITY;
        ok = true;
    } else if (ci_equal(s + i, end - i, "nan")) {
        v = NAN;
        ok = true;
    } else {
        size_t before = cn;
        i = scan_digits(s, i, end, clean, &cn);
        bool int_digits = cn > before, frac_digits = false;
        if (i < end && s[i] == '.') {
            clean[cn++] = '.';
            size_t mark = cn;
            i = scan_digits(s, i + 1, end, clean, &cn);
            frac_digits = cn > mark;
        }
        ok = int_digits || frac_digits;
        if (ok && i < end && (s[i] == 'e' || s[i] == 'E')) {
            clean[cn++] = 'e';
            i++;
            if (i < end && (s[i] == '+' || s[i] == '-')) clean[cn++] = s[i++];
            size_t mark = cn;
            i = scan_digits(s, i, end, clean, &cn);
            ok = cn > mark;
        }
        ok = ok && i == end;
        if (ok) {
            clean[cn] = '\0';
            v = strtod(clean, NULL);
        }
    }
    free(clean);
    free(ascii);
    if (!ok) {
        ObjStr *r;
        if (!op_repr(vm, OBJ_VAL(str), &r)) return false;
        return vm_raise(vm, vm->c.ValueError, "could not convert string to float: %s", r->data);
    }
    *out = neg ? -v : v;
    return true;
}

/* ---- natives --------------------------------------------------------------------- */

static bool float_from_value(VM *vm, Value x, double *out)
{
    if (num_as_double(x, out)) return true;
    if (IS_BIGINT(x)) return int_to_double(vm, x, out);
    if (IS_STR(x)) return float_parse(vm, AS_STR(x), out);
    Value m = vm_lookup_special(vm, x, vm->n.__float__);
    if (!IS_EMPTY(m)) {
        Value r;
        if (!vm_call(vm, m, &x, 1, NULL, &r)) return false;
        if (!IS_FLOAT(r))
            return vm_raise(vm, vm->c.TypeError, "%s.__float__ returned non-float (type %s)",
                            vm_class_of(vm, x)->name->data, vm_class_of(vm, r)->name->data);
        *out = AS_FLOAT(r);
        return true;
    }
    m = vm_lookup_special(vm, x, vm->n.__index__);
    if (!IS_EMPTY(m)) {
        int64_t i;
        if (!op_index(vm, x, &i)) return false;
        *out = (double)i;
        return true;
    }
    return vm_raise(vm, vm->c.TypeError, "float() argument must be a string or a real number, not '%s'",
                    vm_class_of(vm, x)->name->data);
}

static bool float_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->c.TypeError, "float() takes no keyword arguments");
    if (nargs > 2)
        return vm_raise(vm, vm->c.TypeError, "float expected at most 1 argument, got %d",
                        nargs - 1);
    if (nargs >= 1 && IS_CLASS(args[0]) && AS_CLASS(args[0]) != vm->c.float_)
        return vm_raise(vm, vm->c.NotImplementedError, "subclasses of float are not supported");
    double d = 0.0;
    if (nargs == 2 && !float_from_value(vm, args[1], &d)) return false;
    *out = FLOAT_VAL(d);
    return true;
}

static bool self_float(VM *vm, Value *args, int nargs, ObjTuple *kwnames, const char *method,
                       double *out)
{
    if (!args_self(vm, args, nargs, vm->c.float_, method)) return false;
    if (!args_no_kw(vm, method, kwnames)) return false;
    *out = AS_FLOAT(args[0]);
    return true;
}

static bool float_is_integer(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double d;
    if (!self_float(vm, args, nargs, kwnames, "is_integer", &d)) return false;
    if (!args_none(vm, "float.is_integer()", nargs - 1)) return false;
    *out = BOOL_VAL(isfinite(d) && d == floor(d));
    return true;
}

static bool float_as_integer_ratio(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double d;
    if (!self_float(vm, args, nargs, kwnames, "as_integer_ratio", &d)) return false;
    if (!args_none(vm, "float.as_integer_ratio()", nargs - 1)) return false;
    if (isnan(d)) return vm_raise(vm, vm->c.ValueError, "cannot convert NaN to integer ratio");
    if (isinf(d))
        return vm_raise(vm, vm->c.OverflowError, "cannot convert Infinity to integer ratio");
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    /* d == m * 2**e with m an integer (|m| < 2**53): big ints when needed. */
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else if (e < 0) mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    Value items[2];
    int_from_mpz(vm, num, &items[0]);
    vm_push_root(vm, items[0]);
    int_from_mpz(vm, den, &items[1]);
    vm_push_root(vm, items[1]);
    mpz_clears(num, den, NULL);
    *out = OBJ_VAL(tuple_new(vm, items, 2));
    vm_pop_root(vm, 2);
    return true;
}

static bool float_int(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double d;
    if (!self_float(vm, args, nargs, kwnames, "__int__", &d)) return false;
    return float_to_int(vm, d, out);
}

static bool float_floor(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double d;
    if (!self_float(vm, args, nargs, kwnames, "__floor__", &d)) return false;
    return float_to_int(vm, floor(d), out);
}

static bool float_ceil(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double d;
    if (!self_float(vm, args, nargs, kwnames, "__ceil__", &d)) return false;
    return float_to_int(vm, ceil(d), out);
}

static bool float_self(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double d;
    if (!self_float(vm, args, nargs, kwnames, "__float__", &d)) return false;
    *out = FLOAT_VAL(d);
    return true;
}

static bool float_abs(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double d;
    if (!self_float(vm, args, nargs, kwnames, "__abs__", &d)) return false;
    *out = FLOAT_VAL(fabs(d));
    return true;
}

static bool float_round_native(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double d;
    if (!self_float(vm, args, nargs, kwnames, "__round__", &d)) return false;
    if (!args_range(vm, "__round__", nargs - 1, 0, 1)) return false;
    if (nargs < 2 || IS_NONE(args[1])) return float_to_int(vm, nearbyint(d), out);
    int64_t nd;
    if (!op_index(vm, args[1], &nd)) return false;
    double r;
    if (!float_round(vm, d, nd, &r)) return false;
    *out = FLOAT_VAL(r);
    return true;
}

static bool float_zero(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double d;
    if (!self_float(vm, args, nargs, kwnames, "imag", &d)) return false;
    *out = FLOAT_VAL(0.0);
    return true;
}

void float_install(VM *vm)
{
    ObjClass *c = vm->c.float_;
    vm_define_native(vm, c->dict, "__new__", float_new, c);
    vm_define_native(vm, c->dict, "is_integer", float_is_integer, c);
    vm_define_native(vm, c->dict, "as_integer_ratio", float_as_integer_ratio, c);
    vm_define_native(vm, c->dict, "__int__", float_int, c);
    vm_define_native(vm, c->dict, "__trunc__", float_int, c);
    vm_define_native(vm, c->dict, "__floor__", float_floor, c);
    vm_define_native(vm, c->dict, "__ceil__", float_ceil, c);
    vm_define_native(vm, c->dict, "__float__", float_self, c);
    vm_define_native(vm, c->dict, "conjugate", float_self, c);
    vm_define_native(vm, c->dict, "__abs__", float_abs, c);
    vm_define_native(vm, c->dict, "__round__", float_round_native, c);
    num_define_property(vm, c, "real", float_self);
    num_define_property(vm, c, "imag", float_zero);
}
