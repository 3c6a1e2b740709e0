/* int.c: 64-bit ints and bools: parsing, hashing, pow and round helpers,
 * the int() and bool() constructors and int's methods. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "bigint.h"
#include "num.h"
#include "ops.h"
#include "str.h"
#include "types.h"

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

bool int_overflow(VM *vm)
{
    /* For the few C-sized results that CPython also refuses. */
    return vm_raise(vm, vm->c.OverflowError, "integer overflow");
}

uint64_t hash_int(int64_t v)
{
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t h = (int64_t)(mag % HASH_MODULUS);
    if (v < 0) h = -h;
    if (h == -1) h = -2;
    return (uint64_t)h;
}

bool num_as_double(Value v, double *out)
{
    switch (v.tag) {
    case VAL_INT: *out = (double)AS_INT(v); return true;
    case VAL_BOOL: *out = AS_BOOL(v) ? 1.0 : 0.0; return true;
    case VAL_FLOAT: *out = AS_FLOAT(v); return true;
    default: return false;
    }
}

bool float_to_int(VM *vm, double d, Value *out)
{
    if (isnan(d)) return vm_raise(vm, vm->c.ValueError, "cannot convert float NaN to integer");
    if (isinf(d))
        return vm_raise(vm, vm->c.OverflowError, "cannot convert float infinity to integer");
    return int_from_double(vm, d, out);
}

/* ---- parsing ------------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool invalid_literal(VM *vm, const char *s, size_t len, int base, ObjStr *orig)
{
    ObjStr *text = orig ? orig : str_new(vm, s, len);
    vm_push_root(vm, OBJ_VAL(text));
    ObjStr *r;
    bool ok = op_repr(vm, OBJ_VAL(text), &r);
    vm_pop_root(vm, 1);
    if (!ok) return false;
    /* CPython quotes at most 200 code points of the repr ("%.200R"). */
    size_t n = 0;
    for (uint32_t cps = 0; n < r->byte_len && cps < 200; cps++) {
        n++;
        while (n < r->byte_len && ((uint8_t)r->data[n] & 0xC0) == 0x80) n++;
    }
    return vm_raise(vm, vm->c.ValueError, "invalid literal for int() with base %d: %.*s", base,
                    (int)n, r->data);
}

static bool int_parse_ascii(VM *vm, const char *s, size_t len, int base, ObjStr *orig, Value *out);

bool int_parse(VM *vm, const char *s, size_t len, int base, ObjStr *orig, Value *out)
{
    char *ascii;
    size_t alen;
    if (str_to_ascii_number(s, len, &ascii, &alen)) {
        if (orig == NULL) {
            orig = str_new(vm, s, len);
        }
        vm_push_root(vm, OBJ_VAL(orig));
        bool ok = int_parse_ascii(vm, ascii, alen, base, orig, out);
        vm_pop_root(vm, 1);
        free(ascii);
        return ok;
    }
    return int_parse_ascii(vm, s, len, base, orig, out);
}

static bool int_parse_ascii(VM *vm, const char *s, size_t len, int base, ObjStr *orig, Value *out)
{
    size_t i = 0, end = len;
    int given_base = base;
    while (i < end && is_space(s[i])) i++;
    while (end > i && is_space(s[end - 1])) end--;
    bool neg = false;
    if (i < end && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    /* A prefix: 0x 0o 0b, allowed when base is 0 or matches. */
    bool prefixed = false;
    if (end - i >= 2 && s[i] == '0') {
        char p = (char)(s[i + 1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            i += 2;
            prefixed = true;
        }
    }
    if (base == 0) base = 10;
    /* Digits with single underscores between them (one may follow a prefix). */
    if (prefixed && i < end && s[i] == '_') i++;
    if (i >= end) return invalid_literal(vm, s, len, given_base, orig);
    uint64_t mag = 0;
    bool overflow = false, nonzero_lead = false, nonzero = false;
    size_t first = i, ndigits = 0;
    for (; i < end; i++) {
        char c = s[i];
        if (c == '_') {
            if (i == first || i + 1 >= end || s[i + 1] == '_')
                return invalid_literal(vm, s, len, given_base, orig);
            continue;
        }
        int d = digit_value(c);
        if (d >= base) {
            /* CPython counts the digits before it sees the bad character. */
            if ((base & (base - 1)) != 0 && ndigits > INT_MAX_STR_DIGITS)
                return int_digits_limit_error(vm, (int64_t)ndigits);
            return invalid_literal(vm, s, len, given_base, orig);
        }
        if (i == first && d != 0) nonzero_lead = true;
        nonzero |= d != 0;
        ndigits++;
        if (mag > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) overflow = true;
        else mag = mag * (uint64_t)base + (uint64_t)d;
    }
    /* Base 0 forbids leading zeros on a non-zero decimal ("010"). */
    if (given_base == 0 && !prefixed && !nonzero_lead && nonzero)
        return invalid_literal(vm, s, len, given_base, orig);
    /* CPython 3.11 limits the digits of bases that are not powers of two. */
    if ((base & (base - 1)) != 0 && ndigits > INT_MAX_STR_DIGITS)
        return int_digits_limit_error(vm, (int64_t)ndigits);
    if (overflow || mag > (uint64_t)INT64_MAX + (neg ? 1 : 0)) {
        /* A big int: the digits without underscores. */
        char *digits = malloc(ndigits + 1);
        if (digits == NULL) abort();
        size_t n = 0;
        for (size_t k = first; k < end; k++)
            if (s[k] != '_') digits[n++] = s[k];
        bool ok = int_from_digits(vm, digits, n, base, neg, out);
        free(digits);
        return ok;
    }
    *out = INT_VAL(neg ? (int64_t)(0 - mag) : (int64_t)mag);
    return true;
}

/* ---- pow and round --------------------------------------------------------- */

bool int_pow(VM *vm, int64_t a, int64_t b, Value *out)
{
    int64_t result = 1, base = a, e = b;
    bool overflow = false;
    while (e > 0) {
        if (e & 1) overflow |= __builtin_mul_overflow(result, base, &result);
        e >>= 1;
        if (e > 0) overflow |= __builtin_mul_overflow(base, base, &base);
        if (overflow) break;
    }
    if (overflow) return int_power(vm, INT_VAL(a), INT_VAL(b), out); /* a big int */
    *out = INT_VAL(result);
    return true;
}

bool int_round(VM *vm, int64_t i, int64_t ndigits, Value *out)
{
    if (ndigits >= 0) {
        *out = INT_VAL(i);
        return true;
    }
    if (ndigits < -18) return int_round_digits(vm, INT_VAL(i), ndigits, out);
    int64_t p = 1;
    for (int64_t k = 0; k < -ndigits; k++) p *= 10;
    int64_t q = int_floordiv(i, p);
    int64_t r = i - q * p; /* 0 <= r < p */
    if (r > p - r || (r == p - r && (q & 1))) q++;
    int64_t res;
    if (__builtin_mul_overflow(q, p, &res)) return int_round_digits(vm, INT_VAL(i), ndigits, out);
    *out = INT_VAL(res);
    return true;
}

ObjStr *int_to_base_str(VM *vm, int64_t v, int base)
{
    char buf[80];
    int n = 0;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        buf[sizeof buf - 1 - n++] = "0123456789abcdef"[mag % (uint64_t)base];
        mag /= (uint64_t)base;
    } while (mag);
    const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    size_t pl = strlen(prefix);
    memcpy(buf + sizeof buf - n - pl, prefix, pl);
    n += (int)pl;
    if (v < 0) buf[sizeof buf - 1 - n++] = '-';
    return str_new(vm, buf + sizeof buf - n, (size_t)n);
}

/* ---- natives ----------------------------------------------------------------- */

/* An int from any object, as int(x) does. */
static bool int_from_value(VM *vm, Value x, Value *out)
{
    switch (x.tag) {
    case VAL_INT: *out = x; return true;
    case VAL_BOOL: *out = INT_VAL(AS_BOOL(x)); return true;
    case VAL_FLOAT: return float_to_int(vm, AS_FLOAT(x), out);
    default: break;
    }
    if (IS_BIGINT(x)) {
        *out = x;
        return true;
    }
    if (IS_STR(x)) return int_parse(vm, AS_STR(x)->data, AS_STR(x)->byte_len, 10, AS_STR(x), out);
    ObjStr *names[3] = {vm->n.__int__, vm->n.__index__, NULL};
    for (int k = 0; names[k]; k++) {
        Value m = vm_lookup_special(vm, x, names[k]);
        if (IS_EMPTY(m)) continue;
        Value r;
        if (!vm_call(vm, m, &x, 1, NULL, &r)) return false;
        if (IS_BOOL(r)) r = INT_VAL(AS_BOOL(r));
        if (!IS_INT(r) && !IS_BIGINT(r))
            return vm_raise(vm, vm->c.TypeError, "%s returned non-int (type %s)",
                            names[k]->data, vm_class_of(vm, r)->name->data);
        *out = r;
        return true;
    }
    return vm_raise(vm, vm->c.TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not "
                    "'%s'",
                    vm_class_of(vm, x)->name->data);
}

static bool int_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"", "base"};
    Value a[2];
    /* x is positional-only: bind the keywords by hand. */
    int nkw = args_nkw(kwnames);
    a[0] = nargs > 1 ? args[1] : EMPTY_VAL;
    a[1] = nargs > 2 ? args[2] : EMPTY_VAL;
    if (nargs > 3)
        return vm_raise(vm, vm->c.TypeError, "int() takes at most 2 arguments (%d given)",
                        nargs - 1 + nkw);
    for (int k = 0; k < nkw; k++) {
        ObjStr *kw = AS_STR(kwnames->items[k]);
        if (strcmp(kw->data, names[1]) != 0)
            return vm_raise(vm, vm->c.TypeError, "'%s' is an invalid keyword argument for int()",
                            kw->data);
        if (!IS_EMPTY(a[1]))
            return vm_raise(vm, vm->c.TypeError,
                            "argument for int() given by name ('base') and position (2)");
        a[1] = args[nargs + k];
    }
    if (nargs >= 1 && IS_CLASS(args[0]) && AS_CLASS(args[0]) != vm->c.int_)
        return vm_raise(vm, vm->c.NotImplementedError, "subclasses of int are not supported");
    if (IS_EMPTY(a[1])) {
        if (IS_EMPTY(a[0])) {
            *out = INT_VAL(0);
            return true;
        }
        return int_from_value(vm, a[0], out);
    }
    int64_t base;
    if (!op_index(vm, a[1], &base)) return false;
    if (IS_EMPTY(a[0])) return vm_raise(vm, vm->c.TypeError, "int() missing string argument");
    if (base != 0 && (base < 2 || base > 36))
        return vm_raise(vm, vm->c.ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (!IS_STR(a[0]))
        return vm_raise(vm, vm->c.TypeError, "int() can't convert non-string with explicit base");
    return int_parse(vm, AS_STR(a[0])->data, AS_STR(a[0])->byte_len, (int)base, AS_STR(a[0]), out);
}

static bool bool_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->c.TypeError, "bool() takes no keyword arguments");
    if (nargs > 2)
        return vm_raise(vm, vm->c.TypeError, "bool expected at most 1 argument, got %d", nargs - 1);
    bool b = false;
    if (nargs == 2 && !op_truthy(vm, args[1], &b)) return false;
    *out = BOOL_VAL(b);
    return true;
}

/* self as an int (int, bool or big int), after the descriptor check. */
static bool self_int(VM *vm, Value *args, int nargs, const char *method, Value *out)
{
    if (!args_self(vm, args, nargs, vm->c.int_, method)) return false;
    *out = IS_BOOL(args[0]) ? INT_VAL(AS_BOOL(args[0])) : args[0];
    return true;
}

static bool int_bit_length(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value v;
    if (!self_int(vm, args, nargs, "bit_length", &v)) return false;
    if (!args_no_kw(vm, "int.bit_length", kwnames) || !args_none(vm, "int.bit_length()", nargs - 1))
        return false;
    *out = INT_VAL((int64_t)int_bits(v));
    return true;
}

static bool int_bit_count(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value v;
    if (!self_int(vm, args, nargs, "bit_count", &v)) return false;
    if (!args_no_kw(vm, "int.bit_count", kwnames) || !args_none(vm, "int.bit_count()", nargs - 1))
        return false;
    *out = INT_VAL((int64_t)int_popcount(v));
    return true;
}

/* conjugate, __index__, __int__, __trunc__, __floor__, __ceil__, __pos__: the int itself. */
static bool int_self(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value v;
    if (!self_int(vm, args, nargs, "__int__", &v)) return false;
    if (!args_no_kw(vm, "int.conjugate", kwnames) || !args_none(vm, "int.conjugate()", nargs - 1))
        return false;
    *out = v;
    return true;
}

static bool int_float(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value v;
    if (!self_int(vm, args, nargs, "__float__", &v)) return false;
    if (!args_no_kw(vm, "int.__float__", kwnames) || !args_none(vm, "int.__float__()", nargs - 1))
        return false;
    double d;
    if (!int_to_double(vm, v, &d)) return false;
    *out = FLOAT_VAL(d);
    return true;
}

static bool int_abs(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value v;
    if (!self_int(vm, args, nargs, "__abs__", &v)) return false;
    (void)kwnames;
    if (IS_INT(v) && AS_INT(v) != INT64_MIN) {
        *out = INT_VAL(AS_INT(v) < 0 ? -AS_INT(v) : AS_INT(v));
        return true;
    }
    return int_absolute(vm, v, out);
}

static bool int_round_native(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value v;
    if (!self_int(vm, args, nargs, "__round__", &v)) return false;
    if (!args_no_kw(vm, "int.__round__", kwnames) || !args_range(vm, "__round__", nargs - 1, 0, 1))
        return false;
    if (nargs < 2 || IS_NONE(args[1])) {
        *out = v;
        return true;
    }
    int64_t nd;
    if (IS_BIGINT(args[1])) {
        /* Huge ndigits: nothing to round, or everything rounds to 0. */
        *out = int_sign(args[1]) > 0 ? v : INT_VAL(0);
        return true;
    }
    if (!op_index(vm, args[1], &nd)) return false;
    return int_round_digits(vm, v, nd, out);
}

static bool int_as_integer_ratio(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value v;
    if (!self_int(vm, args, nargs, "as_integer_ratio", &v)) return false;
    if (!args_no_kw(vm, "int.as_integer_ratio", kwnames) ||
        !args_none(vm, "int.as_integer_ratio()", nargs - 1))
        return false;
    Value items[2] = {v, INT_VAL(1)};
    *out = OBJ_VAL(tuple_new(vm, items, 2));
    return true;
}

static bool int_zero(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value v;
    (void)kwnames;
    if (!self_int(vm, args, nargs, "imag", &v)) return false;
    *out = INT_VAL(0);
    return true;
}

static bool int_one(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value v;
    (void)kwnames;
    if (!self_int(vm, args, nargs, "denominator", &v)) return false;
    *out = INT_VAL(1);
    return true;
}

/* A read-only attribute computed by fn (int.real, float.imag ...). */
void num_define_property(VM *vm, ObjClass *cls, const char *name, NativeFn fn)
{
    ObjNative *n = native_new(vm, name, fn, cls);
    vm_push_root(vm, OBJ_VAL(n));
    ObjDescriptor *p = descriptor_new(vm, vm->c.property, OBJ_VAL(n));
    vm_push_root(vm, OBJ_VAL(p));
    dict_set_str(vm, cls->dict, n->name, OBJ_VAL(p));
    vm_pop_root(vm, 2);
}

void int_install(VM *vm)
{
    ObjClass *c = vm->c.int_;
    vm_define_native(vm, c->dict, "__new__", int_new, c);
    vm_define_native(vm, c->dict, "bit_length", int_bit_length, c);
    vm_define_native(vm, c->dict, "bit_count", int_bit_count, c);
    vm_define_native(vm, c->dict, "conjugate", int_self, c);
    vm_define_native(vm, c->dict, "__index__", int_self, c);
    vm_define_native(vm, c->dict, "__int__", int_self, c);
    vm_define_native(vm, c->dict, "__trunc__", int_self, c);
    vm_define_native(vm, c->dict, "__floor__", int_self, c);
    vm_define_native(vm, c->dict, "__ceil__", int_self, c);
    vm_define_native(vm, c->dict, "__float__", int_float, c);
    vm_define_native(vm, c->dict, "__abs__", int_abs, c);
    vm_define_native(vm, c->dict, "__round__", int_round_native, c);
    vm_define_native(vm, c->dict, "as_integer_ratio", int_as_integer_ratio, c);
    vm_define_native(vm, vm->c.bool_->dict, "__new__", bool_new, vm->c.bool_);
    num_define_property(vm, c, "real", int_self);
    num_define_property(vm, c, "numerator", int_self);
    num_define_property(vm, c, "imag", int_zero);
    num_define_property(vm, c, "denominator", int_one);
}
