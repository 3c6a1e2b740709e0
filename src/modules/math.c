/* math.c: the math module, with CPython's results and error messages
 * ("math domain error" for a NaN out of a non-NaN, "math range error" for an
 * overflow). Integer functions (factorial, gcd, comb, perm, prod) compute in
 * int64 while they can and fall back to the generic int operators, which
 * promote to big ints. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "list.h"
#include "modules.h"
#include "num.h"
#include "ops.h"

static bool domain_error(VM *vm)
{
    return vm_raise(vm, vm->c.ValueError, "math domain error");
}

static bool range_error(VM *vm)
{
    return vm_raise(vm, vm->c.OverflowError, "math range error");
}

/* One float argument: "math.NAME() takes exactly one argument (N given)". */
static bool one_double(VM *vm, const char *name, Value *args, int nargs, ObjTuple *kwnames,
                       double *x)
{
    if (nargs != 1 || args_nkw(kwnames)) {
        char fname[48];
        snprintf(fname, sizeof fname, "math.%s", name);
        if (!args_no_kw(vm, fname, kwnames)) return false;
        snprintf(fname, sizeof fname, "math.%s()", name);
        if (!args_one(vm, fname, nargs)) return false;
    }
    return mod_as_double(vm, args[0], x);
}

/* Two float arguments: "NAME expected 2 arguments, got N". */
static bool two_doubles(VM *vm, const char *name, Value *args, int nargs, ObjTuple *kwnames,
                        double *x, double *y)
{
    if (!args_no_kw(vm, name, kwnames) || !args_range(vm, name, nargs, 2, 2)) return false;
    return mod_as_double(vm, args[0], x) && mod_as_double(vm, args[1], y);
}

/* CPython's check of a libm result: NaN from non-NaN is a domain error; an
 * infinity from a finite argument is an overflow (or a pole). */
static bool float_result(VM *vm, double x, double r, bool can_overflow, Value *out)
{
    if (isnan(r) && !isnan(x)) return domain_error(vm);
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
    *out = FLOAT_VAL(r);
    return true;
}

#define MATH_FUNC1(name, expr, can_overflow)                                                       \
    static bool math_##name(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)         \
    {                                                                                              \
        double x;                                                                                  \
        if (!one_double(vm, #name, args, nargs, kwnames, &x)) return false;                        \
        return float_result(vm, x, (expr), can_overflow, out);                                     \
    }

MATH_FUNC1(sqrt, sqrt(x), false)
MATH_FUNC1(fabs, fabs(x), false)
MATH_FUNC1(exp, exp(x), true)
MATH_FUNC1(exp2, exp2(x), true)
MATH_FUNC1(expm1, expm1(x), true)
MATH_FUNC1(sin, sin(x), false)
MATH_FUNC1(cos, cos(x), false)
MATH_FUNC1(tan, tan(x), false)
MATH_FUNC1(asin, asin(x), false)
MATH_FUNC1(acos, acos(x), false)
MATH_FUNC1(atan, atan(x), false)
MATH_FUNC1(sinh, sinh(x), true)
MATH_FUNC1(cosh, cosh(x), true)
MATH_FUNC1(tanh, tanh(x), false)
MATH_FUNC1(asinh, asinh(x), false)
MATH_FUNC1(acosh, acosh(x), false)
MATH_FUNC1(atanh, atanh(x), false)
MATH_FUNC1(cbrt, cbrt(x), false)
MATH_FUNC1(erf, erf(x), false)
MATH_FUNC1(erfc, erfc(x), false)

static bool math_degrees(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x;
    if (!one_double(vm, "degrees", args, nargs, kwnames, &x)) return false;
    *out = FLOAT_VAL(x * (180.0 / M_PI));
    return true;
}

static bool math_radians(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x;
    if (!one_double(vm, "radians", args, nargs, kwnames, &x)) return false;
    *out = FLOAT_VAL(x * (M_PI / 180.0));
    return true;
}

static bool math_isfinite(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x;
    if (!one_double(vm, "isfinite", args, nargs, kwnames, &x)) return false;
    *out = BOOL_VAL(isfinite(x));
    return true;
}

static bool math_isinf(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x;
    if (!one_double(vm, "isinf", args, nargs, kwnames, &x)) return false;
    *out = BOOL_VAL(isinf(x));
    return true;
}

static bool math_isnan(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x;
    if (!one_double(vm, "isnan", args, nargs, kwnames, &x)) return false;
    *out = BOOL_VAL(isnan(x));
    return true;
}

static bool math_atan2(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double y, x;
    if (!two_doubles(vm, "atan2", args, nargs, kwnames, &y, &x)) return false;
    *out = FLOAT_VAL(atan2(y, x));
    return true;
}

static bool math_copysign(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x, y;
    if (!two_doubles(vm, "copysign", args, nargs, kwnames, &x, &y)) return false;
    *out = FLOAT_VAL(copysign(x, y));
    return true;
}

static bool math_fmod(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x, y;
    if (!two_doubles(vm, "fmod", args, nargs, kwnames, &x, &y)) return false;
    if (isinf(y) && isfinite(x)) {
        *out = FLOAT_VAL(x);
        return true;
    }
    return float_result(vm, x, fmod(x, y), false, out);
}

static bool math_remainder(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x, y;
    if (!two_doubles(vm, "remainder", args, nargs, kwnames, &x, &y)) return false;
    double r = remainder(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
    *out = FLOAT_VAL(r);
    return true;
}

static bool math_pow(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x, y;
    if (!two_doubles(vm, "pow", args, nargs, kwnames, &x, &y)) return false;
    double r = pow(x, y); /* C99 Annex F gives CPython's special cases */
    if (isfinite(x) && isfinite(y) && !isfinite(r)) {
        if (isnan(r) || x == 0.0) return domain_error(vm);
        return range_error(vm);
    }
    *out = FLOAT_VAL(r);
    return true;
}

static bool math_ldexp(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x;
    Value e;
    if (!args_no_kw(vm, "ldexp", kwnames) || !args_range(vm, "ldexp", nargs, 2, 2)) return false;
    if (!mod_as_double(vm, args[0], &x)) return false;
    if (!mod_is_int(args[1]) && !IS_BOOL(args[1]))
        return vm_raise(vm, vm->c.TypeError, "Expected an int as second argument to ldexp.");
    if (!mod_index(vm, args[1], &e)) return false;
    int64_t exp = IS_INT(e) ? AS_INT(e) : 0;
    if (!IS_INT(e)) {
        int sign;
        if (!mod_int_sign(vm, e, &sign)) return false;
        exp = sign < 0 ? INT64_MIN : INT64_MAX;
    }
    if (x == 0.0 || !isfinite(x)) {
        *out = FLOAT_VAL(x);
        return true;
    }
    if (exp > INT32_MAX) return range_error(vm);
    if (exp < INT32_MIN) {
        *out = FLOAT_VAL(copysign(0.0, x));
        return true;
    }
    double r = ldexp(x, (int)exp);
    if (isinf(r)) return range_error(vm);
    *out = FLOAT_VAL(r);
    return true;
}

static bool math_frexp(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x;
    if (!one_double(vm, "frexp", args, nargs, kwnames, &x)) return false;
    int e = 0;
    double m = x;
    if (isfinite(x) && x != 0.0) m = frexp(x, &e);
    Value items[2] = {FLOAT_VAL(m), INT_VAL(e)};
    *out = OBJ_VAL(tuple_new(vm, items, 2));
    return true;
}

static bool math_modf(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x, ip;
    if (!one_double(vm, "modf", args, nargs, kwnames, &x)) return false;
    double fp;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    Value items[2] = {FLOAT_VAL(fp), FLOAT_VAL(ip)};
    *out = OBJ_VAL(tuple_new(vm, items, 2));
    return true;
}

/* ---- floor, ceil, trunc: ints out ------------------------------------------ */

/* floor / ceil: a float directly, else the type's __floor__ / __ceil__, else
 * the float value of a real number. */
static bool rounding(VM *vm, const char *name, double (*f)(double), Value *args, int nargs,
                     ObjTuple *kwnames, Value *out)
{
    if (nargs != 1 || args_nkw(kwnames)) {
        char fname[32];
        snprintf(fname, sizeof fname, "math.%s", name);
        if (!args_no_kw(vm, fname, kwnames)) return false;
        snprintf(fname, sizeof fname, "math.%s()", name);
        if (!args_one(vm, fname, nargs)) return false;
    }
    Value v = args[0];
    if (IS_FLOAT(v)) return float_to_int(vm, f(AS_FLOAT(v)), out);
    if (IS_INT(v)) {
        *out = v;
        return true;
    }
    if (IS_BOOL(v)) {
        *out = INT_VAL(AS_BOOL(v));
        return true;
    }
    char dunder[16];
    snprintf(dunder, sizeof dunder, "__%s__", name);
    Value m = vm_lookup_special(vm, v, str_intern_cstr(vm, dunder));
    if (!IS_EMPTY(m)) return vm_call(vm, m, &v, 1, NULL, out);
    double x;
    if (!mod_as_double(vm, v, &x)) return false;
    return float_to_int(vm, f(x), out);
}

static bool math_floor(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return rounding(vm, "floor", floor, args, nargs, kwnames, out);
}

static bool math_ceil(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return rounding(vm, "ceil", ceil, args, nargs, kwnames, out);
}

static bool math_trunc(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "math.trunc", kwnames) || !args_one(vm, "math.trunc()", nargs)) return false;
    Value v = args[0];
    if (IS_FLOAT(v)) return float_to_int(vm, trunc(AS_FLOAT(v)), out);
    if (IS_BOOL(v)) {
        *out = INT_VAL(AS_BOOL(v));
        return true;
    }
    if (IS_INT(v)) {
        *out = v;
        return true;
    }
    Value m = vm_lookup_special(vm, v, str_intern_cstr(vm, "__trunc__"));
    if (IS_EMPTY(m))
        return vm_raise(vm, vm->c.TypeError, "type %s doesn't define __trunc__ method",
                        mod_type_name(vm, v));
    return vm_call(vm, m, &v, 1, NULL, out);
}

/* ---- logarithms ------------------------------------------------------------ */

/* f(x) for a log function, with CPython's treatment of ints: any positive int
 * works, however big (as f(m) + e * f(2) where x = m * 2**e). */
static bool log_of(VM *vm, Value v, double (*f)(double), double *out)
{
    if (mod_is_int(v) || IS_BOOL(v)) {
        int sign;
        Value i = IS_BOOL(v) ? INT_VAL(AS_BOOL(v)) : v;
        if (!mod_int_sign(vm, i, &sign)) return false;
        if (sign <= 0) return domain_error(vm);
        if (IS_INT(i)) {
            *out = f((double)AS_INT(i));
            return true;
        }
        int64_t bits;
        if (!mod_int_bit_length(vm, i, &bits)) return false;
        if (bits <= DBL_MAX_EXP) {
            double x;
            if (!mod_as_double(vm, i, &x)) return false;
            if (isfinite(x)) {
                *out = f(x);
                return true;
            }
        }
        /* keep the top 63 bits: x = top * 2**shift */
        int64_t shift = bits - 63;
        Value top;
        if (!mod_int_binary(vm, BINOP_RSHIFT, i, INT_VAL(shift), &top)) return false;
        if (!IS_INT(top)) return vm_raise(vm, vm->c.OverflowError, "int too large for log");
        int e;
        double m = frexp((double)AS_INT(top), &e);
        *out = f(m) + (double)(e + shift) * f(2.0);
        return true;
    }
    double x;
    if (!mod_as_double(vm, v, &x)) return false;
    double r = f(x);
    if (isnan(r) && !isnan(x)) return domain_error(vm);
    if (isinf(r) && isfinite(x)) return domain_error(vm);
    *out = r;
    return true;
}

static bool math_log(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "log", kwnames)) return false;
    if (nargs < 1 || nargs > 2)
        return vm_raise(vm, vm->c.TypeError, "math.log requires 1 to 2 arguments");
    double num, den;
    if (!log_of(vm, args[0], log, &num)) return false;
    if (nargs == 1) {
        *out = FLOAT_VAL(num);
        return true;
    }
    if (!log_of(vm, args[1], log, &den)) return false;
    if (den == 0.0) return vm_raise(vm, vm->c.ZeroDivisionError, "float division by zero");
    *out = FLOAT_VAL(num / den);
    return true;
}

static bool math_log2(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double r;
    if (!args_no_kw(vm, "math.log2", kwnames) || !args_one(vm, "math.log2()", nargs)) return false;
    if (!log_of(vm, args[0], log2, &r)) return false;
    *out = FLOAT_VAL(r);
    return true;
}

static bool math_log10(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double r;
    if (!args_no_kw(vm, "math.log10", kwnames) || !args_one(vm, "math.log10()", nargs)) return false;
    if (!log_of(vm, args[0], log10, &r)) return false;
    *out = FLOAT_VAL(r);
    return true;
}

static bool math_log1p(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    double x;
    if (!one_double(vm, "log1p", args, nargs, kwnames, &x)) return false;
    return float_result(vm, x, log1p(x), false, out);
}

/* ---- sums and norms --------------------------------------------------------- */

/* A double-length number hi + lo, for the exact steps of hypot. */
typedef struct {
    double hi, lo;
} DoubleLength;

/* Veltkamp's split of x into two halves of 26 bits. */
static DoubleLength dl_split(double x)
{
    double t = x * 134217729.0; /* 2**27 + 1 */
    double hi = t - (t - x);
    return (DoubleLength){hi, x - hi};
}

/* x * y exactly, as hi + lo (Dekker). */
static DoubleLength dl_mul(double x, double y)
{
    DoubleLength xx = dl_split(x), yy = dl_split(y);
    double p = xx.hi * yy.hi;
    double q = xx.hi * yy.lo + xx.lo * yy.hi;
    double z = p + q;
    double zz = p - z + q + xx.lo * yy.lo;
    return (DoubleLength){z, zz};
}

/* a + b exactly, for |a| >= |b|. */
static DoubleLength dl_fast_sum(double a, double b)
{
    double x = a + b;
    double z = x - a;
    return (DoubleLength){x, b - z};
}

/* The Euclidean norm of vec[0..n) (all |x| <= max, finite unless max is
 * infinite), correctly rounded in nearly all cases: squares are summed
 * exactly after scaling by a power of two, then one correction step. */
static double vector_norm(int n, double *vec, double max, bool found_nan)
{
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (int i = 0; i < n; i++) vec[i] /= DBL_MIN; /* subnormals become normal */
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    DoubleLength pr, sm;
    for (int i = 0; i < n; i++) {
        double x = vec[i] * scale;
        pr = dl_mul(x, x);
        sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    pr = dl_mul(-h, h);
    sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static bool math_hypot(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "math.hypot", kwnames)) return false;
    double small[16];
    double *vec = nargs <= 16 ? small : malloc((size_t)nargs * sizeof(double));
    if (vec == NULL) abort();
    double max = 0.0;
    bool found_nan = false;
    for (int i = 0; i < nargs; i++) {
        double x;
        if (!mod_as_double(vm, args[i], &x)) {
            if (vec != small) free(vec);
            return false;
        }
        x = fabs(x);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    double r = vector_norm(nargs, vec, max, found_nan);
    if (vec != small) free(vec);
    *out = FLOAT_VAL(r);
    return true;
}

static bool math_dist(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "dist", kwnames) || !args_range(vm, "dist", nargs, 2, 2)) return false;
    for (int i = 0; i < 2; i++)
        if (!IS_TUPLE(args[i]) && !IS_LIST(args[i]))
            return vm_raise(vm, vm->c.TypeError, "dist(): argument %d must be tuple, not %s", i + 1,
                            mod_type_name(vm, args[i]));
    Value *p, *q;
    uint32_t np, nq;
    if (IS_TUPLE(args[0])) p = AS_TUPLE(args[0])->items, np = AS_TUPLE(args[0])->len;
    else p = AS_LIST(args[0])->items, np = AS_LIST(args[0])->len;
    if (IS_TUPLE(args[1])) q = AS_TUPLE(args[1])->items, nq = AS_TUPLE(args[1])->len;
    else q = AS_LIST(args[1])->items, nq = AS_LIST(args[1])->len;
    if (np != nq)
        return vm_raise(vm, vm->c.ValueError, "both points must have the same number of dimensions");
    double *vec = malloc((np ? np : 1) * sizeof(double));
    if (vec == NULL) abort();
    double max = 0.0;
    bool found_nan = false;
    for (uint32_t i = 0; i < np; i++) {
        double a, b;
        if (!mod_as_double(vm, p[i], &a) || !mod_as_double(vm, q[i], &b)) {
            free(vec);
            return false;
        }
        double x = fabs(a - b);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    double r = vector_norm((int)np, vec, max, found_nan);
    free(vec);
    *out = FLOAT_VAL(r);
    return true;
}

/* fsum: Shewchuk's exact partial sums, then a correctly rounded total. */
static bool math_fsum(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "math.fsum", kwnames) || !args_one(vm, "math.fsum()", nargs)) return false;
    Value it;
    if (!op_iter(vm, args[0], &it)) return false;
    vm_push_root(vm, it);
    size_t n = 0, cap = 32;
    double *p = malloc(cap * sizeof(double));
    if (p == NULL) abort();
    double special_sum = 0.0, inf_sum = 0.0;
    bool ok = false;
    for (;;) {
        Value item;
        bool done;
        if (!op_next(vm, it, &item, &done)) goto end;
        if (done) break;
        double x;
        if (!mod_as_double(vm, item, &x)) goto end;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* a non-finite result from finite inputs is an overflow */
                if (isfinite(xsave)) {
                    vm_raise(vm, vm->c.OverflowError, "intermediate overflow in fsum");
                    goto end;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n == cap) {
                    cap *= 2;
                    p = realloc(p, cap * sizeof(double));
                    if (p == NULL) abort();
                }
                p[n++] = x;
            }
        }
    }
    double hi = 0.0;
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) {
            vm_raise(vm, vm->c.ValueError, "-inf + inf in fsum");
            goto end;
        }
        hi = special_sum;
    } else if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        /* round half to even across the boundary of two partials */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    *out = FLOAT_VAL(hi);
    ok = true;
end:
    free(p);
    vm_pop_root(vm, 1);
    return ok;
}

static bool math_prod(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"", "start"};
    if (nargs != 1)
        return vm_raise(vm, vm->c.TypeError, "prod() takes exactly 1 positional argument (%d given)",
                        nargs);
    Value a[2];
    if (!args_parse(vm, "prod", args, nargs, kwnames, 1, 1, names, 2, a)) return false;
    Value it;
    if (!op_iter(vm, a[0], &it)) return false;
    vm_push_root(vm, it);
    Value acc = IS_EMPTY(a[1]) ? INT_VAL(1) : a[1];
    vm_push_root(vm, acc);
    size_t slot = vm->root_count - 1;
    bool ok = false;
    for (;;) {
        Value item;
        bool done;
        if (!op_next(vm, it, &item, &done)) goto end;
        if (done) break;
        vm_push_root(vm, item);
        bool r = IS_INT(acc) && IS_INT(item) ? mod_int_binary(vm, BINOP_MUL, acc, item, &acc)
                                             : op_binary(vm, BINOP_MUL, acc, item, false, &acc);
        vm_pop_root(vm, 1);
        if (!r) goto end;
        vm->roots[slot] = acc;
    }
    *out = acc;
    ok = true;
end:
    vm_pop_root(vm, 2);
    return ok;
}

static bool math_isclose(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    if (nargs > 2)
        return vm_raise(vm, vm->c.TypeError,
                        "isclose() takes exactly 2 positional arguments (%d given)", nargs);
    Value v[4];
    if (!args_parse(vm, "isclose", args, nargs, kwnames, 2, 2, names, 4, v)) return false;
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (!mod_as_double(vm, v[0], &a) || !mod_as_double(vm, v[1], &b)) return false;
    if (!IS_EMPTY(v[2]) && !mod_as_double(vm, v[2], &rel_tol)) return false;
    if (!IS_EMPTY(v[3]) && !mod_as_double(vm, v[3], &abs_tol)) return false;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return vm_raise(vm, vm->c.ValueError, "tolerances must be non-negative");
    if (a == b) {
        *out = TRUE_VAL;
        return true;
    }
    if (isinf(a) || isinf(b)) {
        *out = FALSE_VAL;
        return true;
    }
    double diff = fabs(b - a);
    *out = BOOL_VAL(diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol);
    return true;
}

/* ---- integer functions -------------------------------------------------------- */

/* The product of the ints in list->items[lo..hi), multiplied as a balanced
 * tree so that big products stay cheap; the list keeps them rooted. */
static bool product_tree(VM *vm, ObjList *list, uint32_t lo, uint32_t hi, Value *out)
{
    if (hi - lo == 1) {
        *out = list->items[lo];
        return true;
    }
    uint32_t mid = lo + (hi - lo) / 2;
    Value a, b;
    if (!product_tree(vm, list, lo, mid, &a)) return false;
    list->items[lo] = a; /* keep the partial product rooted */
    if (!product_tree(vm, list, mid, hi, &b)) return false;
    list->items[mid] = b;
    return mod_int_binary(vm, BINOP_MUL, list->items[lo], list->items[mid], out);
}

/* The product of the integers first, first + 1, ..., last (first <= last + 1;
 * an empty range gives 1), in int64 chunks then a product tree. */
static bool range_product(VM *vm, int64_t first, int64_t last, Value *out)
{
    int64_t acc = 1;
    int64_t i = first;
    for (; i <= last; i++) {
        if (__builtin_mul_overflow(acc, i, &acc)) break;
    }
    if (i > last) {
        *out = INT_VAL(acc);
        return true;
    }
    /* too big for int64: chunks of products that fit, then the tree */
    ObjList *chunks = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(chunks));
    acc = 1;
    for (i = first; i <= last; i++) {
        int64_t next;
        if (__builtin_mul_overflow(acc, i, &next)) {
            list_append(vm, chunks, INT_VAL(acc));
            next = i;
        }
        acc = next;
    }
    list_append(vm, chunks, INT_VAL(acc));
    bool ok = product_tree(vm, chunks, 0, chunks->len, out);
    vm_pop_root(vm, 1);
    return ok;
}

#if MOD_BIGINT
/* *out = the int equal to z, which is cleared. */
static bool from_mpz(VM *vm, mpz_t z, Value *out)
{
    bool ok = int_from_mpz(vm, z, out);
    mpz_clear(z);
    return ok;
}
#endif

/* An int argument as int64, with `what` naming it in the OverflowError. */
static bool small_int_arg(VM *vm, Value v, const char *toobig, int64_t *out)
{
    if (IS_INT(v)) {
        *out = AS_INT(v);
        return true;
    }
    int sign;
    if (!mod_int_sign(vm, v, &sign)) return false;
    *out = sign < 0 ? INT64_MIN : INT64_MAX;
    if (sign < 0) return true;
    return vm_raise(vm, vm->c.OverflowError, "%s", toobig);
}

static bool math_factorial(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "math.factorial", kwnames) || !args_one(vm, "math.factorial()", nargs))
        return false;
    Value nv;
    if (!mod_index(vm, args[0], &nv)) return false;
    int64_t n;
    if (!small_int_arg(vm, nv, "factorial() argument should not exceed 9223372036854775807", &n))
        return false;
    if (n < 0) return vm_raise(vm, vm->c.ValueError, "factorial() not defined for negative values");
#if MOD_BIGINT
    if (n > 20) {
        mpz_t z;
        mpz_init(z);
        mpz_fac_ui(z, (unsigned long)n);
        return from_mpz(vm, z, out);
    }
#endif
    return range_product(vm, 2, n, out);
}

/* gcd of two ints of any size, non-negative. */
static bool gcd2(VM *vm, Value a, Value b, Value *out)
{
    if (IS_INT(a) && IS_INT(b) && AS_INT(a) != INT64_MIN && AS_INT(b) != INT64_MIN) {
        uint64_t x = (uint64_t)llabs(AS_INT(a)), y = (uint64_t)llabs(AS_INT(b));
        while (y) {
            uint64_t t = x % y;
            x = y;
            y = t;
        }
        *out = INT_VAL((int64_t)x);
        return true;
    }
    int sign;
    if (!mod_int_sign(vm, a, &sign)) return false;
    if (sign < 0 && !op_unary(vm, UNOP_NEG, a, &a)) return false;
    vm_push_root(vm, a);
    if (!mod_int_sign(vm, b, &sign)) goto fail;
    if (sign < 0 && !op_unary(vm, UNOP_NEG, b, &b)) goto fail;
    vm_push_root(vm, b);
    for (;;) {
        if (!mod_int_sign(vm, b, &sign)) goto fail2;
        if (sign == 0) break;
        Value t;
        if (!op_binary(vm, BINOP_MOD, a, b, false, &t)) goto fail2;
        a = b;
        b = t;
        vm->roots[vm->root_count - 2] = a;
        vm->roots[vm->root_count - 1] = b;
        if (IS_INT(a) && IS_INT(b)) {
            vm_pop_root(vm, 2);
            return gcd2(vm, a, b, out);
        }
    }
    vm_pop_root(vm, 2);
    *out = a;
    return true;
fail2:
    vm_pop_root(vm, 1);
fail:
    vm_pop_root(vm, 1);
    return false;
}

static bool math_gcd(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "math.gcd", kwnames)) return false;
    Value acc = INT_VAL(0);
    vm_push_root(vm, acc);
    size_t slot = vm->root_count - 1;
    for (int i = 0; i < nargs; i++) {
        Value v;
        if (!mod_index(vm, args[i], &v) || !gcd2(vm, acc, v, &acc)) {
            vm_pop_root(vm, 1);
            return false;
        }
        vm->roots[slot] = acc;
    }
    vm_pop_root(vm, 1);
    *out = acc;
    return true;
}

static bool math_lcm(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "math.lcm", kwnames)) return false;
    Value acc = INT_VAL(1);
    vm_push_root(vm, acc);
    size_t slot = vm->root_count - 1;
    for (int i = 0; i < nargs; i++) {
        Value v, g, q;
        int sign;
        if (!mod_index(vm, args[i], &v)) goto fail;
        vm_push_root(vm, v);
        bool ok = mod_int_sign(vm, v, &sign);
        if (ok && sign != 0 && !value_is(acc, INT_VAL(0))) {
            ok = gcd2(vm, acc, v, &g) && op_binary(vm, BINOP_FLOORDIV, acc, g, false, &q) &&
                 mod_int_binary(vm, BINOP_MUL, q, v, &acc) && mod_int_sign(vm, acc, &sign) &&
                 (sign >= 0 || op_unary(vm, UNOP_NEG, acc, &acc));
        } else if (ok) {
            acc = INT_VAL(0);
        }
        vm_pop_root(vm, 1);
        if (!ok) goto fail;
        vm->roots[slot] = acc;
    }
    vm_pop_root(vm, 1);
    *out = acc;
    return true;
fail:
    vm_pop_root(vm, 1);
    return false;
}

static bool math_isqrt(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "math.isqrt", kwnames) || !args_one(vm, "math.isqrt()", nargs)) return false;
    Value nv;
    if (!mod_index(vm, args[0], &nv)) return false;
    int sign;
    if (!mod_int_sign(vm, nv, &sign)) return false;
    if (sign < 0) return vm_raise(vm, vm->c.ValueError, "isqrt() argument must be nonnegative");
    if (!IS_INT(nv)) {
#if MOD_BIGINT
        mpz_t z;
        mpz_init(z);
        value_to_mpz(nv, z);
        mpz_sqrt(z, z);
        return from_mpz(vm, z, out);
#else
        return vm_raise(vm, vm->c.NotImplementedError, "math.isqrt() of a big int is not supported");
#endif
    }
    uint64_t n = (uint64_t)AS_INT(nv);
    uint64_t r = (uint64_t)sqrt((double)n);
    while (r * r > n) r--;
    while ((r + 1) * (r + 1) <= n) r++;
    *out = INT_VAL((int64_t)r);
    return true;
}

__extension__ typedef unsigned __int128 u128;

/* n and k for comb / perm: non-negative ints of any size. */
static bool n_and_k(VM *vm, Value nv, Value kv, Value *n, Value *k)
{
    int sign;
    if (!mod_index(vm, nv, n)) return false;
    vm_push_root(vm, *n);
    bool ok = mod_index(vm, kv, k);
    vm_pop_root(vm, 1);
    if (!ok) return false;
    if (!mod_int_sign(vm, *n, &sign)) return false;
    if (sign < 0) return vm_raise(vm, vm->c.ValueError, "n must be a non-negative integer");
    if (!mod_int_sign(vm, *k, &sign)) return false;
    if (sign < 0) return vm_raise(vm, vm->c.ValueError, "k must be a non-negative integer");
    return true;
}

static bool math_perm(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "perm", kwnames) || !args_range(vm, "perm", nargs, 1, 2)) return false;
    if (nargs == 1 || IS_NONE(args[1])) return math_factorial(vm, args, 1, NULL, out);
    Value nv, kv;
    if (!n_and_k(vm, args[0], args[1], &nv, &kv)) return false;
#if MOD_BIGINT
    if (int_compare(kv, nv) > 0) {
        *out = INT_VAL(0);
        return true;
    }
    if (!IS_INT(kv)) return vm_raise(vm, vm->c.OverflowError, "k must not exceed 9223372036854775807");
    if (!IS_INT(nv)) {
        /* n * (n - 1) * ... * (n - k + 1) for a big n */
        mpz_t z, f;
        mpz_init_set_ui(z, 1);
        mpz_init(f);
        value_to_mpz(nv, f);
        for (int64_t i = 0; i < AS_INT(kv); i++) {
            mpz_mul(z, z, f);
            mpz_sub_ui(f, f, 1);
        }
        mpz_clear(f);
        return from_mpz(vm, z, out);
    }
#else
    if (!IS_INT(nv) || !IS_INT(kv))
        return vm_raise(vm, vm->c.NotImplementedError, "math.perm() of big ints is not supported");
#endif
    int64_t n = AS_INT(nv), k = AS_INT(kv);
    if (k > n) {
        *out = INT_VAL(0);
        return true;
    }
    return range_product(vm, n - k + 1, n, out);
}

static bool math_comb(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "comb", kwnames) || !args_range(vm, "comb", nargs, 2, 2)) return false;
    Value nv, kv;
    if (!n_and_k(vm, args[0], args[1], &nv, &kv)) return false;
#if MOD_BIGINT
    if (int_compare(kv, nv) > 0) {
        *out = INT_VAL(0);
        return true;
    }
    Value rest; /* n - k: C(n, k) = C(n, n - k), computed with the smaller */
    if (!int_sub(vm, nv, kv, &rest)) return false;
    kv = int_compare(rest, kv) < 0 ? rest : kv;
    if (!IS_INT(kv))
        return vm_raise(vm, vm->c.OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
    if (!IS_INT(nv)) {
        mpz_t z;
        mpz_init(z);
        value_to_mpz(nv, z);
        mpz_bin_ui(z, z, (unsigned long)AS_INT(kv));
        return from_mpz(vm, z, out);
    }
#else
    if (!IS_INT(nv) || !IS_INT(kv))
        return vm_raise(vm, vm->c.NotImplementedError, "math.comb() of big ints is not supported");
#endif
    int64_t n = AS_INT(nv), k = AS_INT(kv);
    if (k > n) {
        *out = INT_VAL(0);
        return true;
    }
    if (n - k < k) k = n - k;
    /* r = C(n - k + i, i) after step i: exact at every step */
    int64_t r = 1, i = 1;
    for (; i <= k; i++) {
        u128 t = (u128)r * (uint64_t)(n - k + i) / (uint64_t)i;
        if (t > INT64_MAX) break;
        r = (int64_t)t;
    }
    if (i > k) {
        *out = INT_VAL(r);
        return true;
    }
#if MOD_BIGINT
    mpz_t z;
    mpz_init(z);
    mpz_bin_uiui(z, (unsigned long)n, (unsigned long)k);
    return from_mpz(vm, z, out);
#endif
    Value acc = INT_VAL(r);
    vm_push_root(vm, acc);
    size_t slot = vm->root_count - 1;
    for (; i <= k; i++) {
        if (!mod_int_binary(vm, BINOP_MUL, acc, INT_VAL(n - k + i), &acc)) goto fail;
        vm->roots[slot] = acc;
        if (!op_binary(vm, BINOP_FLOORDIV, acc, INT_VAL(i), false, &acc)) goto fail;
        vm->roots[slot] = acc;
    }
    vm_pop_root(vm, 1);
    *out = acc;
    return true;
fail:
    vm_pop_root(vm, 1);
    return false;
}

void math_module_init(VM *vm, ObjModule *m)
{
    static const ModuleFunc fns[] = {
        {"sqrt", math_sqrt},         {"fabs", math_fabs},       {"exp", math_exp},
        {"exp2", math_exp2},         {"expm1", math_expm1},     {"sin", math_sin},
        {"cos", math_cos},           {"tan", math_tan},         {"asin", math_asin},
        {"acos", math_acos},         {"atan", math_atan},       {"sinh", math_sinh},
        {"cosh", math_cosh},         {"tanh", math_tanh},       {"asinh", math_asinh},
        {"acosh", math_acosh},       {"atanh", math_atanh},     {"cbrt", math_cbrt},
        {"erf", math_erf},           {"erfc", math_erfc},       {"degrees", math_degrees},
        {"radians", math_radians},   {"isfinite", math_isfinite}, {"isinf", math_isinf},
        {"isnan", math_isnan},       {"atan2", math_atan2},     {"copysign", math_copysign},
        {"fmod", math_fmod},         {"remainder", math_remainder}, {"pow", math_pow},
        {"ldexp", math_ldexp},       {"frexp", math_frexp},     {"modf", math_modf},
        {"floor", math_floor},       {"ceil", math_ceil},       {"trunc", math_trunc},
        {"log", math_log},           {"log2", math_log2},       {"log10", math_log10},
        {"log1p", math_log1p},       {"hypot", math_hypot},     {"dist", math_dist},
        {"fsum", math_fsum},         {"prod", math_prod},       {"isclose", math_isclose},
        {"factorial", math_factorial}, {"gcd", math_gcd},       {"lcm", math_lcm},
        {"isqrt", math_isqrt},       {"perm", math_perm},       {"comb", math_comb},
    };
    module_add_funcs(vm, m, fns, sizeof fns / sizeof fns[0]);
    module_add_value(vm, m, "pi", FLOAT_VAL(M_PI));
    module_add_value(vm, m, "e", FLOAT_VAL(M_E));
    module_add_value(vm, m, "tau", FLOAT_VAL(2.0 * M_PI));
    module_add_value(vm, m, "inf", FLOAT_VAL(INFINITY));
    module_add_value(vm, m, "nan", FLOAT_VAL(NAN));
}
