/* builtins.c: the builtins module: print, len, the conversions, min / max /
 * sum / sorted ..., and the names of the built-in classes and exceptions. */
#include "builtins.h"

#include "generator.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "bigint.h"
#include "exception.h"
#include "format.h"
#include "gc.h"
#include "iter.h"
#include "list.h"
#include "num.h"
#include "opcodes.h"
#include "ops.h"
#include "str.h"

static const char *tname(VM *vm, Value v)
{
    return vm_class_of(vm, v)->name->data;
}

/* The keyword value named `name`, or EMPTY. */
static Value kwarg(ObjTuple *kwnames, Value *args, int nargs, const char *name)
{
    if (kwnames == NULL) return EMPTY_VAL;
    for (uint32_t i = 0; i < kwnames->len; i++)
        if (strcmp(AS_STR(kwnames->items[i])->data, name) == 0) return args[nargs + (int)i];
    return EMPTY_VAL;
}

/* Raise for a keyword not in `allowed` (NULL-terminated). */
static bool check_kwargs(VM *vm, ObjTuple *kwnames, const char *const *allowed, const char *fname)
{
    if (kwnames == NULL) return true;
    for (uint32_t i = 0; i < kwnames->len; i++) {
        const char *k = AS_STR(kwnames->items[i])->data;
        bool ok = false;
        for (int j = 0; allowed[j]; j++) ok |= strcmp(k, allowed[j]) == 0;
        if (!ok)
            return vm_raise(vm, vm->c.TypeError, "'%s' is an invalid keyword argument for %s()", k,
                            fname);
    }
    return true;
}

/* ---- output and input ------------------------------------------------------------ */

static bool bi_print(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const allowed[] = {"sep", "end", "file", "flush", NULL};
    if (!check_kwargs(vm, kwnames, allowed, "print")) return false;
    Value sep = kwarg(kwnames, args, nargs, "sep"), end = kwarg(kwnames, args, nargs, "end");
    Value file = kwarg(kwnames, args, nargs, "file"), flush = kwarg(kwnames, args, nargs, "flush");
    if (!IS_EMPTY(sep) && !IS_NONE(sep) && !IS_STR(sep))
        return vm_raise(vm, vm->c.TypeError, "sep must be None or a string, not %s", tname(vm, sep));
    if (!IS_EMPTY(end) && !IS_NONE(end) && !IS_STR(end))
        return vm_raise(vm, vm->c.TypeError, "end must be None or a string, not %s", tname(vm, end));
    if (!IS_EMPTY(file) && !IS_NONE(file))
        return vm_raise(vm, vm->c.NotImplementedError, "print(file=...) is not supported");
    TextBuf b;
    tb_init(&b);
    for (int i = 0; i < nargs; i++) {
        if (i) {
            if (IS_STR(sep)) tb_add_str(&b, AS_STR(sep));
            else tb_addc(&b, ' ');
        }
        if (!op_str_into(vm, args[i], &b)) {
            tb_free(&b);
            return false;
        }
    }
    if (IS_STR(end)) tb_add_str(&b, AS_STR(end));
    else tb_addc(&b, '\n');
    vm_write(vm, b.data, b.len);
    tb_free(&b);
    bool f = false;
    if (!IS_EMPTY(flush) && !op_truthy(vm, flush, &f)) return false;
    if (f) fflush(vm->out);
    *out = NONE_VAL;
    return true;
}

static bool bi_input(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "input", kwnames) || !args_range(vm, "input", nargs, 0, 1)) return false;
    if (nargs == 1) {
        TextBuf b;
        tb_init(&b);
        if (!op_str_into(vm, args[0], &b)) {
            tb_free(&b);
            return false;
        }
        vm_write(vm, b.data, b.len);
        tb_free(&b);
    }
    fflush(vm->out);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        Value eof = dict_get_str(vm->builtins, str_intern_cstr(vm, "EOFError"));
        if (IS_CLASS(eof)) return vm_raise(vm, AS_CLASS(eof), "EOF when reading a line");
        return vm_raise(vm, vm->c.RuntimeError, "EOF when reading a line");
    }
    if (n > 0 && line[n - 1] == '\n') n--;
    *out = OBJ_VAL(str_new(vm, line, (size_t)n));
    free(line);
    return true;
}

/* ---- simple functions --------------------------------------------------------------- */

static bool bi_len(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "len", kwnames) || !args_one(vm, "len()", nargs)) return false;
    int64_t n;
    if (!op_len(vm, args[0], &n)) return false;
    *out = INT_VAL(n);
    return true;
}

static bool bi_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "repr", kwnames) || !args_one(vm, "repr()", nargs)) return false;
    ObjStr *s;
    if (!op_repr(vm, args[0], &s)) return false;
    *out = OBJ_VAL(s);
    return true;
}

static bool bi_ascii(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "ascii", kwnames) || !args_one(vm, "ascii()", nargs)) return false;
    ObjStr *s;
    if (!format_ascii(vm, args[0], &s)) return false;
    *out = OBJ_VAL(s);
    return true;
}

static bool bi_format(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value a[2];
    if (!args_no_kw(vm, "format", kwnames)) return false;
    if (!args_range(vm, "format", nargs, 1, 2)) return false;
    a[0] = args[0];
    a[1] = nargs > 1 ? args[1] : OBJ_VAL(vm->n.empty);
    if (!IS_STR(a[1]))
        return vm_raise(vm, vm->c.TypeError, "format() argument 2 must be str, not %s",
                        tname(vm, a[1]));
    ObjStr *s;
    if (!op_format(vm, a[0], AS_STR(a[1]), &s)) return false;
    *out = OBJ_VAL(s);
    return true;
}

static bool bi_hash(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "hash", kwnames) || !args_one(vm, "hash()", nargs)) return false;
    uint64_t h;
    if (!op_hash(vm, args[0], &h)) return false;
    *out = INT_VAL((int64_t)h);
    return true;
}

static bool bi_id(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "id", kwnames) || !args_one(vm, "id()", nargs)) return false;
    Value v = args[0];
    if (IS_OBJ(v)) {
        *out = INT_VAL((int64_t)(uintptr_t)AS_OBJ(v));
        return true;
    }
    /* Immediates have no address: an odd number (addresses are even) made
     * of the tag and payload, equal for equal immediates. */
    uint64_t x = (uint64_t)v.as.i * 0x9E3779B97F4A7C15ULL + v.tag;
    if (IS_BOOL(v)) x = (uint64_t)v.as.b * 0x9E3779B97F4A7C15ULL + v.tag;
    *out = INT_VAL((int64_t)((x << 1) | 1) & INT64_MAX);
    return true;
}

static bool bi_abs(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "abs", kwnames) || !args_one(vm, "abs()", nargs)) return false;
    Value v = args[0];
    if (IS_INT(v) || IS_BOOL(v)) {
        int64_t i = IS_INT(v) ? AS_INT(v) : AS_BOOL(v);
        if (i == INT64_MIN) return int_absolute(vm, v, out);
        *out = INT_VAL(i < 0 ? -i : i);
        return true;
    }
    if (IS_BIGINT(v)) return int_absolute(vm, v, out);
    if (IS_FLOAT(v)) {
        *out = FLOAT_VAL(fabs(AS_FLOAT(v)));
        return true;
    }
    Value m = vm_lookup_special(vm, v, vm->n.__abs__);
    if (!IS_EMPTY(m)) return vm_call(vm, m, &v, 1, NULL, out);
    return vm_raise(vm, vm->c.TypeError, "bad operand type for abs(): '%s'", tname(vm, v));
}

static bool bi_divmod(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "divmod", kwnames) || !args_range(vm, "divmod", nargs, 2, 2)) return false;
    Value a = args[0], b = args[1];
    Value items[2];
    bool a_int = value_is_int(a), b_int = value_is_int(b);
    if (a_int && b_int) {
        int64_t x, y;
        if (int_to_int64(a, &x) && int_to_int64(b, &y) && y != 0 && !(x == INT64_MIN && y == -1)) {
            items[0] = INT_VAL(int_floordiv(x, y));
            items[1] = INT_VAL(int_mod(x, y));
        } else if (!int_divmod(vm, a, b, &items[0], &items[1])) {
            return false;
        }
    } else if ((a_int || IS_FLOAT(a)) && (b_int || IS_FLOAT(b))) {
        double x, y, q, r;
        if (IS_FLOAT(a)) x = AS_FLOAT(a);
        else if (!int_to_double(vm, a, &x)) return false;
        if (IS_FLOAT(b)) y = AS_FLOAT(b);
        else if (!int_to_double(vm, b, &y)) return false;
        if (y == 0) return vm_raise(vm, vm->c.ZeroDivisionError, "float divmod()");
        float_divmod(x, y, &q, &r);
        items[0] = FLOAT_VAL(q);
        items[1] = FLOAT_VAL(r);
    } else {
        Value m = vm_lookup_special(vm, a, str_intern_cstr(vm, "__divmod__"));
        if (!IS_EMPTY(m)) {
            Value argv[2] = {a, b};
            if (!vm_call(vm, m, argv, 2, NULL, out)) return false;
            if (!value_is(*out, vm->not_implemented)) return true;
        }
        m = vm_lookup_special(vm, b, str_intern_cstr(vm, "__rdivmod__"));
        if (!IS_EMPTY(m)) {
            Value argv[2] = {b, a};
            if (!vm_call(vm, m, argv, 2, NULL, out)) return false;
            if (!value_is(*out, vm->not_implemented)) return true;
        }
        return vm_raise(vm, vm->c.TypeError,
                        "unsupported operand type(s) for divmod(): '%s' and '%s'", tname(vm, a),
                        tname(vm, b));
    }
    vm_push_root(vm, items[0]);
    vm_push_root(vm, items[1]);
    *out = OBJ_VAL(tuple_new(vm, items, 2));
    vm_pop_root(vm, 2);
    return true;
}

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/* (b ** e) % m for ints, e may be negative (modular inverse), m != 0. */
static bool pow_mod(VM *vm, int64_t b, int64_t e, int64_t m, Value *out)
{
    bool neg_mod = m < 0;
    u128 mod = neg_mod ? (u128)(-(i128)m) : (u128)m;
    i128 base = (i128)b % (i128)mod;
    if (base < 0) base += (i128)mod;
    if (e < 0) {
        /* Inverse by the extended Euclidean algorithm. */
        i128 t = 0, newt = 1, r = (i128)mod, newr = base;
        while (newr != 0) {
            i128 q = r / newr, tmp;
            tmp = t - q * newt;
            t = newt;
            newt = tmp;
            tmp = r - q * newr;
            r = newr;
            newr = tmp;
        }
        if (r != 1)
            return vm_raise(vm, vm->c.ValueError, "base is not invertible for the given modulus");
        if (t < 0) t += (i128)mod;
        base = t;
        e = e == INT64_MIN ? INT64_MAX : -e; /* INT64_MIN: close enough, never used */
    }
    u128 result = 1 % mod, x = (u128)base;
    uint64_t k = (uint64_t)e;
    while (k) {
        if (k & 1) result = result * x % mod;
        x = x * x % mod;
        k >>= 1;
    }
    int64_t r = (int64_t)result;
    if (neg_mod && r != 0) r += m; /* the result takes the modulus's sign */
    *out = INT_VAL(r);
    return true;
}

static bool bi_pow(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"base", "exp", "mod"};
    Value a[3];
    if (!args_parse(vm, "pow", args, nargs, kwnames, 3, 2, names, 3, a)) return false;
    if (IS_EMPTY(a[2]) || IS_NONE(a[2])) return op_binary(vm, BINOP_POW, a[0], a[1], false, out);
    bool ints = true, small = true;
    for (int i = 0; i < 3; i++) {
        ints &= value_is_int(a[i]);
        small &= !IS_BIGINT(a[i]);
    }
    if (!ints)
        return vm_raise(vm, vm->c.TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
    if (!small) return int_powmod(vm, a[0], a[1], a[2], out);
    int64_t b = IS_INT(a[0]) ? AS_INT(a[0]) : AS_BOOL(a[0]);
    int64_t e = IS_INT(a[1]) ? AS_INT(a[1]) : AS_BOOL(a[1]);
    int64_t m = IS_INT(a[2]) ? AS_INT(a[2]) : AS_BOOL(a[2]);
    if (m == 0) return vm_raise(vm, vm->c.ValueError, "pow() 3rd argument cannot be 0");
    return pow_mod(vm, b, e, m, out);
}

static bool bi_round(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"number", "ndigits"};
    Value a[2];
    if (!args_parse(vm, "round", args, nargs, kwnames, 2, 1, names, 2, a)) return false;
    Value x = a[0], nd = a[1];
    bool has_nd = !IS_EMPTY(nd) && !IS_NONE(nd);
    int64_t n = 0;
    if (value_is_int(x)) {
        if (!has_nd) {
            *out = IS_BOOL(x) ? INT_VAL(AS_BOOL(x)) : x;
            return true;
        }
        if (IS_BIGINT(nd)) {
            /* A huge ndigits: nothing to round, or everything rounds to 0. */
            *out = int_sign(nd) < 0 ? INT_VAL(0) : IS_BOOL(x) ? INT_VAL(AS_BOOL(x)) : x;
            return true;
        }
        if (!op_index(vm, nd, &n)) return false;
        return int_round_digits(vm, x, n, out);
    }
    if (IS_FLOAT(x)) {
        double d = AS_FLOAT(x);
        if (!has_nd) return float_to_int(vm, nearbyint(d), out);
        if (IS_BIGINT(nd)) {
            *out = FLOAT_VAL(int_sign(nd) < 0 ? 0.0 * d : d);
            return true;
        }
        if (!op_index(vm, nd, &n)) return false;
        double r;
        if (!float_round(vm, d, n, &r)) return false;
        *out = FLOAT_VAL(r);
        return true;
    }
    Value m = vm_lookup_special(vm, x, vm->n.__round__);
    if (IS_EMPTY(m))
        return vm_raise(vm, vm->c.TypeError, "type %s doesn't define __round__ method",
                        tname(vm, x));
    Value argv[2] = {x, nd};
    return vm_call(vm, m, argv, has_nd ? 2 : 1, NULL, out);
}

static bool bi_chr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "chr", kwnames) || !args_one(vm, "chr()", nargs)) return false;
    if (IS_BIGINT(args[0]))
        return vm_raise(vm, vm->c.OverflowError, "Python int too large to convert to C int");
    int64_t i;
    if (!op_index(vm, args[0], &i)) return false;
    if (i < 0 || i > 0x10FFFF) return vm_raise(vm, vm->c.ValueError, "chr() arg not in range(0x110000)");
    if (i < 128) {
        *out = vm->small_strs[i];
        return true;
    }
    TextBuf b;
    tb_init(&b);
    tb_add_cp(&b, (uint32_t)i);
    *out = OBJ_VAL(tb_to_str(vm, &b));
    return true;
}

static bool bi_ord(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "ord", kwnames) || !args_one(vm, "ord()", nargs)) return false;
    if (!IS_STR(args[0]))
        return vm_raise(vm, vm->c.TypeError, "ord() expected string of length 1, but %s found",
                        tname(vm, args[0]));
    ObjStr *s = AS_STR(args[0]);
    if (s->char_len != 1)
        return vm_raise(vm, vm->c.TypeError,
                        "ord() expected a character, but string of length %u found", s->char_len);
    const uint8_t *p = (const uint8_t *)s->data;
    uint32_t cp;
    if (p[0] < 0x80) cp = p[0];
    else if (p[0] < 0xE0) cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    else if (p[0] < 0xF0)
        cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else
        cp = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
             ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    *out = INT_VAL(cp);
    return true;
}

static bool base_str(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, int base,
                     const char *name)
{
    char paren[8];
    snprintf(paren, sizeof paren, "%s()", name);
    if (!args_no_kw(vm, name, kwnames) || !args_one(vm, paren, nargs)) return false;
    if (value_is_int(args[0])) {
        ObjStr *s;
        if (!int_to_base_str_value(vm, args[0], base, &s)) return false;
        *out = OBJ_VAL(s);
        return true;
    }
    int64_t i;
    if (!op_index(vm, args[0], &i)) return false;
    *out = OBJ_VAL(int_to_base_str(vm, i, base));
    return true;
}

static bool bi_hex(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return base_str(vm, args, nargs, kw, out, 16, "hex");
}
static bool bi_oct(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return base_str(vm, args, nargs, kw, out, 8, "oct");
}
static bool bi_bin(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return base_str(vm, args, nargs, kw, out, 2, "bin");
}

static bool bi_callable(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "callable", kwnames) || !args_one(vm, "callable()", nargs)) return false;
    *out = BOOL_VAL(op_callable(vm, args[0]));
    return true;
}

/* ---- classes ---------------------------------------------------------------------------- */

/* Whether cls matches a class or (nested) tuple of classes; false + TypeError for others. */
static bool class_matches(VM *vm, ObjClass *cls, Value spec, const char *fname, bool *out,
                          int depth)
{
    if (IS_CLASS(spec)) {
        *out = class_is_subclass(cls, AS_CLASS(spec));
        return true;
    }
    if (IS_TUPLE(spec) && depth < 100) {
        ObjTuple *t = AS_TUPLE(spec);
        for (uint32_t i = 0; i < t->len; i++) {
            if (!class_matches(vm, cls, t->items[i], fname, out, depth + 1)) return false;
            if (*out) return true;
        }
        *out = false;
        return true;
    }
    if (strcmp(fname, "isinstance") == 0)
        return vm_raise(vm, vm->c.TypeError,
                        "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return vm_raise(vm, vm->c.TypeError,
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

static bool bi_isinstance(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "isinstance", kwnames) || !args_range(vm, "isinstance", nargs, 2, 2))
        return false;
    bool r;
    if (!class_matches(vm, vm_class_of(vm, args[0]), args[1], "isinstance", &r, 0)) return false;
    *out = BOOL_VAL(r);
    return true;
}

static bool bi_issubclass(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "issubclass", kwnames) || !args_range(vm, "issubclass", nargs, 2, 2))
        return false;
    if (!IS_CLASS(args[0]))
        return vm_raise(vm, vm->c.TypeError, "issubclass() arg 1 must be a class");
    bool r;
    if (!class_matches(vm, AS_CLASS(args[0]), args[1], "issubclass", &r, 0)) return false;
    *out = BOOL_VAL(r);
    return true;
}

/* type(x): its class (the 3-argument form belongs to the class builder). */
static bool type_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    int n = nargs - 1;
    if (n == 1 && args_nkw(kwnames) == 0) {
        *out = OBJ_VAL(vm_class_of(vm, args[1]));
        return true;
    }
    if (n == 3)
        return vm_raise(vm, vm->c.NotImplementedError, "type() with 3 arguments is not supported");
    return vm_raise(vm, vm->c.TypeError, "type() takes 1 or 3 arguments");
}

/* ---- attributes --------------------------------------------------------------------------- */

static bool attr_name(VM *vm, Value v, ObjStr **out)
{
    if (!IS_STR(v))
        return vm_raise(vm, vm->c.TypeError, "attribute name must be string, not '%s'",
                        tname(vm, v));
    ObjStr *s = AS_STR(v);
    *out = s->interned ? s : str_intern(vm, s->data, s->byte_len);
    return true;
}

static bool bi_getattr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "getattr", kwnames) || !args_range(vm, "getattr", nargs, 2, 3)) return false;
    ObjStr *name = NULL;
    if (!attr_name(vm, args[1], &name)) return false;
    if (vm_getattr(vm, args[0], name, out)) return true;
    if (nargs == 3 && vm_exception_matches(vm, vm->c.AttributeError)) {
        vm_take_exception(vm);
        *out = args[2];
        return true;
    }
    return false;
}

static bool bi_hasattr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "hasattr", kwnames) || !args_range(vm, "hasattr", nargs, 2, 2)) return false;
    ObjStr *name = NULL;
    if (!attr_name(vm, args[1], &name)) return false;
    Value v;
    if (vm_getattr(vm, args[0], name, &v)) {
        *out = TRUE_VAL;
        return true;
    }
    if (vm_exception_matches(vm, vm->c.AttributeError)) {
        vm_take_exception(vm);
        *out = FALSE_VAL;
        return true;
    }
    return false;
}

static bool bi_setattr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "setattr", kwnames) || !args_range(vm, "setattr", nargs, 3, 3)) return false;
    ObjStr *name = NULL;
    if (!attr_name(vm, args[1], &name)) return false;
    if (!vm_setattr(vm, args[0], name, args[2])) return false;
    *out = NONE_VAL;
    return true;
}

static bool bi_delattr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "delattr", kwnames) || !args_range(vm, "delattr", nargs, 2, 2)) return false;
    ObjStr *name = NULL;
    if (!attr_name(vm, args[1], &name)) return false;
    if (!vm_delattr(vm, args[0], name)) return false;
    *out = NONE_VAL;
    return true;
}

/* ---- iteration ------------------------------------------------------------------------------ */

static bool bi_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "iter", kwnames) || !args_range(vm, "iter", nargs, 1, 2)) return false;
    if (nargs == 2) {
        Value c;
        if (!bi_callable(vm, args, 1, NULL, &c)) return false;
        if (!AS_BOOL(c)) return vm_raise(vm, vm->c.TypeError, "iter(v, w): v must be callable");
        ObjIter *it = iter_new(vm, vm->c.callable_iterator, ITER_CALLABLE, args[0]);
        it->a = args[1];
        *out = OBJ_VAL(it);
        return true;
    }
    return op_iter(vm, args[0], out);
}

static bool bi_next(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "next", kwnames) || !args_range(vm, "next", nargs, 1, 2)) return false;
    bool done;
    *out = NONE_VAL; /* what an ending iterator's StopIteration carries, if it says */
    if (!op_next(vm, args[0], out, &done)) return false;
    if (!done) return true;
    if (nargs == 2) {
        *out = args[1];
        return true;
    }
    /* a generator's return value, or the value of the StopIteration an
     * iterator's __next__ raised, travels on in StopIteration.value */
    return exception_raise_stop_iteration(vm, *out);
}

/* ---- async iteration: aiter(), anext() ------------------------------------------------- */

static bool bi_aiter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "aiter", kwnames) || !args_one(vm, "aiter()", nargs)) return false;
    Value m = vm_lookup_special(vm, args[0], vm->n.__aiter__);
    if (IS_EMPTY(m))
        return vm_raise(vm, vm->c.TypeError, "'%s' object is not an async iterable", vm_class_of(vm, args[0])->name->data);
    if (!vm_call(vm, m, args, 1, NULL, out)) return false;
    if (IS_EMPTY(vm_lookup_special(vm, *out, vm->n.__anext__)))
        return vm_raise(vm, vm->c.TypeError, "aiter() returned not an async iterator of type '%s'",
                        vm_class_of(vm, *out)->name->data);
    return true;
}

/* What anext(aiterator, default) returns: it awaits what __anext__()
 * returned and gives `dflt` in place of a StopAsyncIteration. (CPython
 * 3.11 asks the wrapped object for its await iterator again at every step;
 * here it is asked once, which differs only for __await__ methods that
 * make a new iterator each time.) */
typedef struct {
    ObjOpaque base;
    Value wrapped; /* what __anext__() returned */
    Value iter;    /* the iterator awaiting `wrapped` drives; EMPTY before the first step */
    Value dflt;
} AnextAwaitable;

static void anext_awaitable_mark(VM *vm, ObjOpaque *o)
{
    AnextAwaitable *aw = (AnextAwaitable *)o;
    gc_mark_value(vm, aw->wrapped);
    gc_mark_value(vm, aw->iter);
    gc_mark_value(vm, aw->dflt);
}

static bool anext_awaitable_iter(VM *vm, AnextAwaitable *aw)
{
    if (!IS_EMPTY(aw->iter)) return true;
    Value it;
    if (!gen_get_awaitable(vm, aw->wrapped, AWAIT_PLAIN, &it)) return false;
    aw->iter = it;
    return true;
}

/* One step: *done when it finished with *out as its result (the default
 * for a StopAsyncIteration), else *out passes through to the driver. */
static bool anext_awaitable_step(VM *vm, AnextAwaitable *aw, Value sent, Value thrown, Value *out, bool *done)
{
    if (!anext_awaitable_iter(vm, aw)) return false;
    switch (gen_step_iterator(vm, aw->iter, sent, thrown, out)) {
    case GEN_YIELDED: *done = false; return true;
    case GEN_RETURNED: *done = true; return true;
    case GEN_RAISED: break;
    }
    if (!vm_exception_matches(vm, vm->c.StopAsyncIteration)) return false;
    vm_take_exception(vm);
    *out = aw->dflt;
    *done = true;
    return true;
}

static bool anext_awaitable_send_op(VM *vm, ObjOpaque *self, Value sent, Value *out, bool *done)
{
    return anext_awaitable_step(vm, (AnextAwaitable *)self, sent, EMPTY_VAL, out, done);
}

/* SEND steps it directly, as the async generator's awaitables */
static const OpaqueOps anext_awaitable_ops = {
    .name = "anext_awaitable", .mark = anext_awaitable_mark, .send = anext_awaitable_send_op};

static bool self_anext_awaitable(VM *vm, Value *args, int nargs, const char *method, AnextAwaitable **aw)
{
    if (!args_self(vm, args, nargs, vm->c.anext_awaitable, method)) return false;
    *aw = (AnextAwaitable *)AS_OBJ(args[0]);
    return true;
}

/* send(), __next__() and throw() report the end as StopIteration(result). */
static bool anext_awaitable_method_step(VM *vm, AnextAwaitable *aw, Value sent, Value thrown, Value *out)
{
    bool done;
    if (!anext_awaitable_step(vm, aw, sent, thrown, out, &done)) return false;
    return done ? exception_raise_stop_iteration(vm, *out) : true;
}

static bool anext_awaitable_send(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    AnextAwaitable *aw;
    if (!self_anext_awaitable(vm, args, nargs, "send", &aw)) return false;
    if (!args_no_kw(vm, "send", kwnames) || !args_one(vm, "send()", nargs - 1)) return false;
    return anext_awaitable_method_step(vm, aw, args[1], EMPTY_VAL, out);
}

static bool anext_awaitable_next(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    AnextAwaitable *aw;
    if (!self_anext_awaitable(vm, args, nargs, "__next__", &aw)) return false;
    return anext_awaitable_method_step(vm, aw, NONE_VAL, EMPTY_VAL, out);
}

static bool anext_awaitable_throw(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    AnextAwaitable *aw;
    Value exc;
    if (!self_anext_awaitable(vm, args, nargs, "throw", &aw)) return false;
    if (!gen_throw_argument(vm, args + 1, nargs - 1, "throw", &exc)) return false;
    vm_push_root(vm, exc);
    bool ok = anext_awaitable_method_step(vm, aw, NONE_VAL, exc, out);
    vm_pop_root(vm, 1);
    return ok;
}

static bool anext_awaitable_close(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    AnextAwaitable *aw;
    if (!self_anext_awaitable(vm, args, nargs, "close", &aw)) return false;
    *out = NONE_VAL;
    return anext_awaitable_iter(vm, aw) && gen_close_iterator(vm, aw->iter);
}

/* __await__ and __iter__: it is its own iterator. */
static bool anext_awaitable_self(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    AnextAwaitable *aw;
    if (!self_anext_awaitable(vm, args, nargs, "__await__", &aw)) return false;
    *out = args[0];
    return true;
}

static void install_anext_awaitable(VM *vm)
{
    ObjClass *cls = vm->c.anext_awaitable;
    vm_define_native(vm, cls->dict, "send", anext_awaitable_send, cls);
    vm_define_native(vm, cls->dict, "__next__", anext_awaitable_next, cls);
    vm_define_native(vm, cls->dict, "throw", anext_awaitable_throw, cls);
    vm_define_native(vm, cls->dict, "close", anext_awaitable_close, cls);
    vm_define_native(vm, cls->dict, "__await__", anext_awaitable_self, cls);
    vm_define_native(vm, cls->dict, "__iter__", anext_awaitable_self, cls);
    cls->class_flags |= CLASS_NO_SUBCLASS;
}

/* anext(aiterator[, default]): what aiterator.__anext__() returns, as it
 * is; with a default, an anext_awaitable around it. */
static bool bi_anext(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "anext", kwnames) || !args_range(vm, "anext", nargs, 1, 2)) return false;
    Value m = vm_lookup_special(vm, args[0], vm->n.__anext__);
    if (IS_EMPTY(m))
        return vm_raise(vm, vm->c.TypeError, "'%s' object is not an async iterator", vm_class_of(vm, args[0])->name->data);
    Value awaitable;
    if (!vm_call(vm, m, args, 1, NULL, &awaitable)) return false;
    if (nargs == 1) {
        *out = awaitable;
        return true;
    }
    vm_push_root(vm, awaitable);
    AnextAwaitable *aw = gc_alloc_object(vm, sizeof(AnextAwaitable), OBJ_OPAQUE, vm->c.anext_awaitable);
    vm_pop_root(vm, 1);
    aw->base.ops = &anext_awaitable_ops;
    aw->wrapped = awaitable;
    aw->iter = EMPTY_VAL;
    aw->dflt = args[1];
    *out = OBJ_VAL(aw);
    return true;
}

/* Visit every item of an iterable: fn returns false to fail, sets *stop to end early. */
typedef bool (*ItemFn)(VM *vm, Value item, void *ctx, bool *stop);

static bool for_each(VM *vm, Value iterable, ItemFn fn, void *ctx)
{
    if (IS_LIST(iterable) || IS_TUPLE(iterable)) {
        /* Index each time: fn may run code that changes a list. */
        for (uint32_t i = 0;; i++) {
            uint32_t len = IS_LIST(iterable) ? AS_LIST(iterable)->len : AS_TUPLE(iterable)->len;
            if (i >= len) break;
            Value x = IS_LIST(iterable) ? AS_LIST(iterable)->items[i] : AS_TUPLE(iterable)->items[i];
            bool stop = false;
            if (!fn(vm, x, ctx, &stop)) return false;
            if (stop) break;
        }
        return true;
    }
    Value it;
    if (!op_iter(vm, iterable, &it)) return false;
    vm_push_root(vm, it);
    bool ok = true;
    for (;;) {
        Value x;
        bool done, stop = false;
        if (!op_next(vm, it, &x, &done)) {
            ok = false;
            break;
        }
        if (done) break;
        vm_push_root(vm, x);
        ok = fn(vm, x, ctx, &stop);
        vm_pop_root(vm, 1);
        if (!ok || stop) break;
    }
    vm_pop_root(vm, 1);
    return ok;
}

typedef struct {
    bool want; /* any: stop at the first true; all: at the first false */
    bool found;
} AnyAll;

static bool any_all_item(VM *vm, Value item, void *ctx, bool *stop)
{
    AnyAll *a = ctx;
    bool t;
    if (!op_truthy(vm, item, &t)) return false;
    if (t == a->want) {
        a->found = true;
        *stop = true;
    }
    return true;
}

static bool bi_any(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "any", kwnames) || !args_one(vm, "any()", nargs)) return false;
    AnyAll a = {true, false};
    if (!for_each(vm, args[0], any_all_item, &a)) return false;
    *out = BOOL_VAL(a.found);
    return true;
}

static bool bi_all(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "all", kwnames) || !args_one(vm, "all()", nargs)) return false;
    AnyAll a = {false, false};
    if (!for_each(vm, args[0], any_all_item, &a)) return false;
    *out = BOOL_VAL(!a.found);
    return true;
}

typedef struct {
    Value acc;   /* also kept in vm->roots[slot] */
    size_t slot; /* an index: vm->roots may move when it grows */
} SumCtx;

static bool sum_item(VM *vm, Value item, void *ctx, bool *stop)
{
    SumCtx *s = ctx;
    (void)stop;
    Value r;
    if (IS_INT(s->acc) && IS_INT(item)) {
        int64_t x;
        if (!__builtin_add_overflow(AS_INT(s->acc), AS_INT(item), &x)) {
            s->acc = INT_VAL(x);
            vm->roots[s->slot] = s->acc;
            return true;
        }
    } else if (IS_FLOAT(s->acc) && IS_FLOAT(item)) {
        s->acc = FLOAT_VAL(AS_FLOAT(s->acc) + AS_FLOAT(item));
        vm->roots[s->slot] = s->acc;
        return true;
    }
    if (!op_binary(vm, BINOP_ADD, s->acc, item, false, &r)) return false;
    s->acc = r;
    vm->roots[s->slot] = r;
    return true;
}

static bool bi_sum(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const allowed[] = {"start", NULL};
    if (!check_kwargs(vm, kwnames, allowed, "sum")) return false;
    Value start = kwarg(kwnames, args, nargs, "start");
    if (nargs < 1)
        return vm_raise(vm, vm->c.TypeError,
                        "sum() takes at least 1 positional argument (0 given)");
    if (nargs > 2 || (nargs == 2 && !IS_EMPTY(start)))
        return vm_raise(vm, vm->c.TypeError, "sum() takes at most 2 arguments (%d given)",
                        nargs + args_nkw(kwnames));
    if (nargs == 2) start = args[1];
    if (IS_EMPTY(start)) start = INT_VAL(0);
    if (IS_STR(start))
        return vm_raise(vm, vm->c.TypeError,
                        "sum() can't sum strings [use ''.join(seq) instead]");
    vm_push_root(vm, start);
    SumCtx s = {start, vm->root_count - 1};
    bool ok = for_each(vm, args[0], sum_item, &s);
    vm_pop_root(vm, 1);
    if (!ok) return false;
    *out = s.acc;
    return true;
}

typedef struct {
    Value key;   /* key function or EMPTY */
    CompareOp op; /* CMP_LT for min, CMP_GT for max */
    size_t slot; /* vm->roots[slot] is the best item, [slot + 1] its key */
    bool have;
} MinMax;

static bool minmax_item(VM *vm, Value item, void *ctx, bool *stop)
{
    MinMax *m = ctx;
    (void)stop;
    Value k = item;
    if (!IS_EMPTY(m->key) && !vm_call(vm, m->key, &item, 1, NULL, &k)) return false;
    if (!m->have) {
        vm->roots[m->slot] = item;
        vm->roots[m->slot + 1] = k;
        m->have = true;
        return true;
    }
    vm_push_root(vm, k);
    Value r;
    bool better;
    bool ok = op_compare(vm, m->op, k, vm->roots[m->slot + 1], &r) && op_truthy(vm, r, &better);
    vm_pop_root(vm, 1);
    if (!ok) return false;
    if (better) {
        vm->roots[m->slot] = item;
        vm->roots[m->slot + 1] = k;
    }
    return true;
}

static bool minmax(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, bool is_max)
{
    const char *name = is_max ? "max" : "min";
    static const char *const allowed[] = {"key", "default", NULL};
    if (!check_kwargs(vm, kwnames, allowed, name)) return false;
    if (nargs < 1)
        return vm_raise(vm, vm->c.TypeError, "%s expected at least 1 argument, got 0", name);
    Value key = kwarg(kwnames, args, nargs, "key");
    Value dflt = kwarg(kwnames, args, nargs, "default");
    if (IS_NONE(key)) key = EMPTY_VAL;
    if (nargs > 1 && !IS_EMPTY(dflt))
        return vm_raise(vm, vm->c.TypeError,
                        "Cannot specify a default for %s() with multiple positional arguments",
                        name);
    vm_push_root(vm, NONE_VAL);
    vm_push_root(vm, NONE_VAL);
    MinMax m = {key, is_max ? CMP_GT : CMP_LT, vm->root_count - 2, false};
    bool ok;
    if (nargs == 1) {
        ok = for_each(vm, args[0], minmax_item, &m);
    } else {
        ok = true;
        for (int i = 0; i < nargs && ok; i++) {
            bool stop = false;
            ok = minmax_item(vm, args[i], &m, &stop);
        }
    }
    Value best = vm->roots[m.slot];
    vm_pop_root(vm, 2);
    if (!ok) return false;
    if (!m.have) {
        if (!IS_EMPTY(dflt)) {
            *out = dflt;
            return true;
        }
        return vm_raise(vm, vm->c.ValueError, "%s() arg is an empty sequence", name);
    }
    *out = best;
    return true;
}

static bool bi_min(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return minmax(vm, args, nargs, kw, out, false);
}
static bool bi_max(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return minmax(vm, args, nargs, kw, out, true);
}

static bool bi_sorted(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const allowed[] = {"key", "reverse", NULL};
    if (nargs != 1) return vm_raise(vm, vm->c.TypeError, "sorted expected 1 argument, got %d", nargs);
    if (!check_kwargs(vm, kwnames, allowed, "sort")) return false;
    Value key = kwarg(kwnames, args, nargs, "key");
    Value rev = kwarg(kwnames, args, nargs, "reverse");
    bool reverse = false;
    if (!IS_EMPTY(rev) && !op_truthy(vm, rev, &reverse)) return false;
    ObjList *l;
    if (!list_from_iterable(vm, args[0], &l)) return false;
    vm_push_root(vm, OBJ_VAL(l));
    bool ok = list_sort(vm, l, key, reverse);
    vm_pop_root(vm, 1);
    if (!ok) return false;
    *out = OBJ_VAL(l);
    return true;
}

/* ---- globals, locals, vars; exec / eval / compile are outside the subset ------------------ */

static bool bi_globals(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)args;
    if (!args_no_kw(vm, "globals", kwnames) || !args_none(vm, "globals()", nargs)) return false;
    Frame *fr = vm->fiber ? vm->fiber->frame : NULL;
    if (fr == NULL) return vm_raise(vm, vm->c.RuntimeError, "globals(): no current frame");
    *out = OBJ_VAL(fr->globals);
    return true;
}

/* The calling frame's names: its dict in a module or class body; in a
 * function a new dict of the bound locals, cells and free variables. */
static bool frame_locals(VM *vm, Value *out)
{
    Frame *fr = vm->fiber ? vm->fiber->frame : NULL;
    if (fr == NULL) return vm_raise(vm, vm->c.RuntimeError, "locals(): no current frame");
    if (fr->locals_dict) {
        *out = OBJ_VAL(fr->locals_dict);
        return true;
    }
    ObjCode *code = fr->code;
    if (code->flags & CODE_MODULE) {
        *out = OBJ_VAL(fr->globals);
        return true;
    }
    ObjDict *d = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(d));
    for (uint32_t i = 0; i < code->n_locals; i++) {
        Value v = fr->slots[i];
        if (IS_KIND(v, OBJ_CELL)) v = ((ObjCell *)AS_OBJ(v))->value;
        if (!IS_EMPTY(v)) dict_set_str(vm, d, code->varnames[i], v);
    }
    uint32_t ncf = code->n_cells + code->n_free;
    for (uint32_t i = 0; i < ncf; i++) {
        Value cell = fr->slots[code->n_locals + i];
        ObjStr *name = i < code->n_cells ? code->cellnames[i] : code->freenames[i - code->n_cells];
        if (strcmp(name->data, "__class__") == 0 || !IS_KIND(cell, OBJ_CELL)) continue;
        Value v = ((ObjCell *)AS_OBJ(cell))->value;
        if (!IS_EMPTY(v)) dict_set_str(vm, d, name, v);
    }
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(d);
    return true;
}

static bool bi_locals(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)args;
    if (!args_no_kw(vm, "locals", kwnames) || !args_none(vm, "locals()", nargs)) return false;
    return frame_locals(vm, out);
}

static bool bi_vars(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "vars", kwnames) || !args_range_paren(vm, "vars", nargs, 0, 1)) return false;
    if (nargs == 0) return frame_locals(vm, out);
    if (vm_getattr(vm, args[0], vm->n.__dict__, out)) return true;
    if (!vm_exception_matches(vm, vm->c.AttributeError)) return false;
    vm_take_exception(vm);
    return vm_raise(vm, vm->c.TypeError, "vars() argument must have __dict__ attribute");
}

static bool not_in_subset(VM *vm, const char *what)
{
    return vm_raise(vm, vm->c.NotImplementedError,
                    "%s() is not supported: loopbook runs only the program's own source", what);
}

static bool bi_exec(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)args, (void)nargs, (void)kwnames, (void)out;
    return not_in_subset(vm, "exec");
}

static bool bi_eval(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)args, (void)nargs, (void)kwnames, (void)out;
    return not_in_subset(vm, "eval");
}

static bool bi_compile(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)args, (void)nargs, (void)kwnames, (void)out;
    return not_in_subset(vm, "compile");
}

static bool bi_open(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)args, (void)nargs, (void)kwnames, (void)out;
    return vm_raise(vm, vm->c.NotImplementedError, "open() is not supported: loopbook has no file access");
}

static bool bi_dir(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)args, (void)nargs, (void)kwnames, (void)out;
    return vm_raise(vm, vm->c.NotImplementedError, "dir() is not supported");
}

/* ---- exit() and quit(): the Quitter objects CPython's site module adds ---------------------- */

/* repr(exit): "Use exit() or Ctrl-D (i.e. EOF) to exit", from the instance's
 * name and eof attributes as site.py words it on POSIX. */
static bool quitter_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "__repr__", kwnames) || !args_one(vm, "Quitter.__repr__()", nargs)) return false;
    Value name, eof;
    if (!vm_getattr(vm, args[0], str_intern_cstr(vm, "name"), &name)) return false;
    vm_push_root(vm, name);
    bool ok = vm_getattr(vm, args[0], str_intern_cstr(vm, "eof"), &eof);
    vm_pop_root(vm, 1);
    if (!ok) return false;
    ObjStr *n, *e;
    if (!op_str(vm, name, &n)) return false;
    vm_push_root(vm, OBJ_VAL(n));
    ok = op_str(vm, eof, &e);
    if (ok) *out = OBJ_VAL(str_printf(vm, "Use %s() or %s to exit", n->data, e->data));
    vm_pop_root(vm, 1);
    return ok;
}

/* exit(code=None): raise SystemExit(code). Argument errors as CPython's for
 * site.py's `def __call__(self, code=None)`. */
static bool quitter_call(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)out;
    if (nargs > 2)
        return vm_raise(vm, vm->c.TypeError,
                        "Quitter.__call__() takes from 1 to 2 positional arguments but %d were given", nargs);
    Value code = nargs == 2 ? args[1] : NONE_VAL;
    for (int i = 0; i < args_nkw(kwnames); i++) {
        const char *k = AS_STR(kwnames->items[i])->data;
        if (strcmp(k, "code") != 0)
            return vm_raise(vm, vm->c.TypeError, "Quitter.__call__() got an unexpected keyword argument '%s'", k);
        if (nargs == 2)
            return vm_raise(vm, vm->c.TypeError, "Quitter.__call__() got multiple values for argument 'code'");
        code = args[nargs + i];
    }
    ObjTuple *exc_args = tuple_new(vm, &code, 1);
    vm_push_root(vm, OBJ_VAL(exc_args));
    ObjException *e = exception_new(vm, vm->c.SystemExit, exc_args);
    vm_pop_root(vm, 1);
    return vm_raise_value(vm, OBJ_VAL(e));
}

static void install_quitters(VM *vm)
{
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, "Quitter"), vm->c.object, OBJ_INSTANCE);
    vm_push_root(vm, OBJ_VAL(cls));
    cls->module = str_intern_cstr(vm, "_sitebuiltins");
    vm_define_native(vm, cls->dict, "__repr__", quitter_repr, cls);
    vm_define_native(vm, cls->dict, "__call__", quitter_call, cls);
    static const char *const quitters[] = {"exit", "quit"};
    for (int i = 0; i < 2; i++) {
        ObjInstance *q = instance_new(vm, cls);
        vm_define_value(vm, vm->builtins, quitters[i], OBJ_VAL(q)); /* roots it */
        vm_define_value(vm, q->dict, "name", OBJ_VAL(str_intern_cstr(vm, quitters[i])));
        vm_define_value(vm, q->dict, "eof", OBJ_VAL(str_intern_cstr(vm, "Ctrl-D (i.e. EOF)")));
    }
    vm_pop_root(vm, 1);
}

/* ---- install ------------------------------------------------------------------------------ */

void builtins_install(VM *vm)
{
    ObjDict *d = vm->builtins;
    static const struct {
        const char *name;
        NativeFn fn;
    } fns[] = {
        {"print", bi_print},         {"input", bi_input},       {"len", bi_len},
        {"repr", bi_repr},           {"ascii", bi_ascii},       {"format", bi_format},
        {"hash", bi_hash},           {"id", bi_id},             {"abs", bi_abs},
        {"divmod", bi_divmod},       {"pow", bi_pow},           {"round", bi_round},
        {"chr", bi_chr},             {"ord", bi_ord},           {"hex", bi_hex},
        {"oct", bi_oct},             {"bin", bi_bin},           {"callable", bi_callable},
        {"isinstance", bi_isinstance}, {"issubclass", bi_issubclass}, {"getattr", bi_getattr},
        {"hasattr", bi_hasattr},     {"setattr", bi_setattr},   {"delattr", bi_delattr},
        {"iter", bi_iter},           {"next", bi_next},         {"any", bi_any},
        {"aiter", bi_aiter},         {"anext", bi_anext},
        {"all", bi_all},             {"sum", bi_sum},           {"min", bi_min},
        {"max", bi_max},             {"sorted", bi_sorted},
        {"globals", bi_globals},     {"locals", bi_locals},     {"vars", bi_vars},
        {"exec", bi_exec},           {"eval", bi_eval},         {"compile", bi_compile},
        {"open", bi_open},           {"dir", bi_dir},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        vm_define_native(vm, d, fns[i].name, fns[i].fn, NULL);
    install_anext_awaitable(vm);

    /* The classes: calling one runs the __new__ native in its dict. */
#define CLASS(field, name) vm_define_value(vm, d, name, OBJ_VAL(vm->c.field));
    CLASS(object, "object")
    CLASS(type, "type")
    CLASS(int_, "int")
    CLASS(bool_, "bool")
    CLASS(float_, "float")
    CLASS(str, "str")
    CLASS(tuple, "tuple")
    CLASS(list, "list")
    CLASS(dict, "dict")
    CLASS(set, "set")
    CLASS(frozenset, "frozenset")
    CLASS(range, "range")
    CLASS(slice, "slice")
    CLASS(enumerate, "enumerate")
    CLASS(zip, "zip")
    CLASS(map, "map")
    CLASS(filter, "filter")
    CLASS(reversed, "reversed")
    CLASS(property, "property")
    CLASS(staticmethod, "staticmethod")
    CLASS(classmethod, "classmethod")
#undef CLASS
    if (IS_EMPTY(dict_get_str(vm->c.type->dict, vm->n.__new__)))
        vm_define_native(vm, vm->c.type->dict, "__new__", type_new, vm->c.type);

#define X(f, n, b) vm_define_value(vm, d, n, OBJ_VAL(vm->c.f));
    EXCEPTION_CLASS_LIST(X)
#undef X
    /* the old names of OSError */
    vm_define_value(vm, d, "IOError", OBJ_VAL(vm->c.OSError));
    vm_define_value(vm, d, "EnvironmentError", OBJ_VAL(vm->c.OSError));
    /* EOFError (input() at the end of stdin) is not in the VM's list. */
    ObjClass *eof = class_new(vm, str_intern_cstr(vm, "EOFError"), vm->c.Exception, OBJ_EXCEPTION);
    vm_push_root(vm, OBJ_VAL(eof));
    eof->module = vm->n.builtins;
    vm_define_value(vm, d, "EOFError", OBJ_VAL(eof));
    vm_pop_root(vm, 1);

    vm_define_value(vm, d, "NotImplemented", vm->not_implemented);
    vm_define_value(vm, d, "Ellipsis", vm->ellipsis);
    vm_define_value(vm, d, "None", NONE_VAL);
    vm_define_value(vm, d, "True", TRUE_VAL);
    vm_define_value(vm, d, "False", FALSE_VAL);
    install_quitters(vm);
}
