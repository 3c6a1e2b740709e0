/* ops.c: the generic operations (what the bytecode's operators mean): fast
 * paths for the built-in types first, then the special methods of user
 * classes, with CPython's semantics and messages. Also the argument helpers
 * of args.h.
 *
 * Convention: the Values passed to op_* are kept alive by the caller (they
 * sit on the VM stack or are rooted); anything made here is rooted here. */
#include "ops.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "bigint.h"
#include "dict.h"
#include "exception.h"
#include "format.h"
#include "generator.h"
#include "iter.h"
#include "list.h"
#include "num.h"
#include "range.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "unicode_printable.h"

typedef enum { R_ERR = 0, R_OK = 1, R_NOTIMPL = 2 } Res;

static const char *type_name(VM *vm, Value v)
{
    return vm_class_of(vm, v)->name->data;
}

static bool is_intlike(Value v)
{
    return IS_INT(v) || IS_BOOL(v);
}

static int64_t as_i64(Value v)
{
    return IS_INT(v) ? AS_INT(v) : (int64_t)AS_BOOL(v);
}

/* ---- special methods ------------------------------------------------------------ */

/* A special method defined in Python by cls or a base (natives are the
 * built-in behaviour, which the fast paths implement). EMPTY when none. */
static Value user_special(VM *vm, ObjClass *cls, ObjStr *name)
{
    if (cls->class_flags & CLASS_BUILTIN) return EMPTY_VAL;
    Value m = vm_class_lookup(vm, cls, name);
    if (IS_EMPTY(m) || IS_NATIVE(m)) return EMPTY_VAL;
    return m;
}

/* A native special method of cls (a module's C class, a view ...). */
static Value native_special(VM *vm, ObjClass *cls, ObjStr *name)
{
    Value m = vm_class_lookup(vm, cls, name);
    return IS_NATIVE(m) ? m : EMPTY_VAL;
}

/* Call special method m (found on self's class) with self and n args. */
static bool call_special(VM *vm, Value m, Value self, Value *args, int n, Value *out)
{
    Value argv[4];
    if (IS_KIND(m, OBJ_STATICMETHOD)) {
        for (int i = 0; i < n; i++) argv[i] = args[i];
        return vm_call(vm, AS_DESCRIPTOR(m)->fget, argv, n, NULL, out);
    }
    if (IS_KIND(m, OBJ_CLASSMETHOD)) {
        argv[0] = OBJ_VAL(vm_class_of(vm, self));
        for (int i = 0; i < n; i++) argv[i + 1] = args[i];
        return vm_call(vm, AS_DESCRIPTOR(m)->fget, argv, n + 1, NULL, out);
    }
    argv[0] = self;
    for (int i = 0; i < n; i++) argv[i + 1] = args[i];
    return vm_call(vm, m, argv, n + 1, NULL, out);
}

static bool is_not_implemented(VM *vm, Value v)
{
    return value_is(v, vm->not_implemented);
}

/* Try self.name(other): R_NOTIMPL when absent or it returned NotImplemented. */
static Res try_dunder(VM *vm, Value m, Value self, Value other, Value *out)
{
    if (IS_EMPTY(m)) return R_NOTIMPL;
    Value r;
    if (!call_special(vm, m, self, &other, 1, &r)) return R_ERR;
    if (is_not_implemented(vm, r)) return R_NOTIMPL;
    *out = r;
    return R_OK;
}

/* ---- binary operators ----------------------------------------------------------- */

const char *binop_symbol(BinaryOp op)
{
    static const char *const symbols[BINOP_COUNT] = {
        "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^",
    };
    return (unsigned)op < BINOP_COUNT ? symbols[op] : "?";
}

static void binop_names(VM *vm, BinaryOp op, ObjStr **name, ObjStr **rname, ObjStr **iname)
{
    switch (op) {
#define CASE(OP, m)                                                                                \
    case OP:                                                                                       \
        *name = vm->n.__##m##__;                                                                   \
        *rname = vm->n.__r##m##__;                                                                 \
        *iname = vm->n.__i##m##__;                                                                 \
        break;
        CASE(BINOP_ADD, add)
        CASE(BINOP_SUB, sub)
        CASE(BINOP_MUL, mul)
        CASE(BINOP_TRUEDIV, truediv)
        CASE(BINOP_FLOORDIV, floordiv)
        CASE(BINOP_MOD, mod)
        CASE(BINOP_POW, pow)
        CASE(BINOP_MATMUL, matmul)
        CASE(BINOP_LSHIFT, lshift)
        CASE(BINOP_RSHIFT, rshift)
        CASE(BINOP_AND, and)
        CASE(BINOP_OR, or)
        CASE(BINOP_XOR, xor)
#undef CASE
    default: *name = *rname = *iname = vm->n.__add__; break;
    }
}

/* An int64 result that overflowed: redo it with big ints. */
static Res int_arith_big(VM *vm, BinaryOp op, int64_t x, int64_t y, Value *out)
{
    return int_binary(vm, op, INT_VAL(x), INT_VAL(y), out) ? R_OK : R_ERR;
}

static Res int_arith(VM *vm, BinaryOp op, int64_t x, int64_t y, Value *out)
{
    int64_t r;
    switch (op) {
    case BINOP_ADD:
        if (__builtin_add_overflow(x, y, &r)) return int_arith_big(vm, op, x, y, out);
        break;
    case BINOP_SUB:
        if (__builtin_sub_overflow(x, y, &r)) return int_arith_big(vm, op, x, y, out);
        break;
    case BINOP_MUL:
        if (__builtin_mul_overflow(x, y, &r)) return int_arith_big(vm, op, x, y, out);
        break;
    case BINOP_TRUEDIV:
        if (y == 0) return (Res)vm_raise(vm, vm->c.ZeroDivisionError, "division by zero");
        if ((x < 0 ? -(uint64_t)x : (uint64_t)x) <= ((uint64_t)1 << 53) &&
            (y < 0 ? -(uint64_t)y : (uint64_t)y) <= ((uint64_t)1 << 53))
            *out = FLOAT_VAL((double)x / (double)y);
        else
            return int_arith_big(vm, op, x, y, out); /* correctly rounded */
        return R_OK;
    case BINOP_FLOORDIV:
        if (y == 0)
            return (Res)vm_raise(vm, vm->c.ZeroDivisionError, "integer division or modulo by zero");
        if (x == INT64_MIN && y == -1) return int_arith_big(vm, op, x, y, out);
        r = int_floordiv(x, y);
        break;
    case BINOP_MOD:
        if (y == 0) return (Res)vm_raise(vm, vm->c.ZeroDivisionError, "integer modulo by zero");
        r = y == -1 ? 0 : int_mod(x, y);
        break;
    case BINOP_POW:
        if (y < 0) return (Res)float_pow(vm, (double)x, (double)y, out);
        return (Res)int_pow(vm, x, y, out);
    case BINOP_LSHIFT:
        if (y < 0) return (Res)vm_raise(vm, vm->c.ValueError, "negative shift count");
        if (x == 0) {
            r = 0;
            break;
        }
        if (y >= 63 || x > (INT64_MAX >> y) || x < (INT64_MIN >> y))
            return int_arith_big(vm, op, x, y, out);
        r = (int64_t)((uint64_t)x << y);
        break;
    case BINOP_RSHIFT:
        if (y < 0) return (Res)vm_raise(vm, vm->c.ValueError, "negative shift count");
        r = y >= 64 ? (x < 0 ? -1 : 0) : x >> y;
        break;
    case BINOP_AND: r = x & y; break;
    case BINOP_OR: r = x | y; break;
    case BINOP_XOR: r = x ^ y; break;
    default: return R_NOTIMPL;
    }
    *out = INT_VAL(r);
    return R_OK;
}

static Res float_arith(VM *vm, BinaryOp op, double x, double y, Value *out)
{
    double q, r;
    switch (op) {
    case BINOP_ADD: *out = FLOAT_VAL(x + y); return R_OK;
    case BINOP_SUB: *out = FLOAT_VAL(x - y); return R_OK;
    case BINOP_MUL: *out = FLOAT_VAL(x * y); return R_OK;
    case BINOP_TRUEDIV:
        if (y == 0) return (Res)vm_raise(vm, vm->c.ZeroDivisionError, "float division by zero");
        *out = FLOAT_VAL(x / y);
        return R_OK;
    case BINOP_FLOORDIV:
        if (y == 0)
            return (Res)vm_raise(vm, vm->c.ZeroDivisionError, "float floor division by zero");
        float_divmod(x, y, &q, &r);
        *out = FLOAT_VAL(q);
        return R_OK;
    case BINOP_MOD:
        if (y == 0) return (Res)vm_raise(vm, vm->c.ZeroDivisionError, "float modulo");
        float_divmod(x, y, &q, &r);
        *out = FLOAT_VAL(r);
        return R_OK;
    case BINOP_POW: return (Res)float_pow(vm, x, y, out);
    default: return R_NOTIMPL;
    }
}

/* Numbers (int, bool, float) on both sides. */
static Res num_binary(VM *vm, BinaryOp op, Value a, Value b, Value *out)
{
    if (is_intlike(a) && is_intlike(b)) {
        if (IS_BOOL(a) && IS_BOOL(b) && (op == BINOP_AND || op == BINOP_OR || op == BINOP_XOR)) {
            bool x = AS_BOOL(a), y = AS_BOOL(b);
            *out = BOOL_VAL(op == BINOP_AND ? x & y : op == BINOP_OR ? x | y : x ^ y);
            return R_OK;
        }
        return int_arith(vm, op, as_i64(a), as_i64(b), out);
    }
    if (op == BINOP_MATMUL) return R_NOTIMPL;
    if (value_is_int(a) && value_is_int(b)) return int_binary(vm, op, a, b, out) ? R_OK : R_ERR;
    double x, y;
    if (IS_BIGINT(a) || IS_BIGINT(b)) {
        /* A big int with a float: the int becomes a float (OverflowError when too big). */
        if (op != BINOP_ADD && op != BINOP_SUB && op != BINOP_MUL && op != BINOP_TRUEDIV &&
            op != BINOP_FLOORDIV && op != BINOP_MOD && op != BINOP_POW)
            return R_NOTIMPL;
        if (IS_FLOAT(a)) x = AS_FLOAT(a);
        else if (!int_to_double(vm, a, &x)) return R_ERR;
        if (IS_FLOAT(b)) y = AS_FLOAT(b);
        else if (!int_to_double(vm, b, &y)) return R_ERR;
        return float_arith(vm, op, x, y, out);
    }
    num_as_double(a, &x);
    num_as_double(b, &y);
    return float_arith(vm, op, x, y, out);
}

static bool is_num(Value v)
{
    return v.tag == VAL_INT || v.tag == VAL_FLOAT || v.tag == VAL_BOOL || IS_BIGINT(v);
}

/* str + str in one allocation. */
static ObjStr *str_concat(VM *vm, ObjStr *a, ObjStr *b)
{
    if (a->byte_len == 0) return b;
    if (b->byte_len == 0) return a;
    ObjStr *s = str_alloc(vm, (size_t)a->byte_len + b->byte_len);
    memcpy(s->data, a->data, a->byte_len);
    memcpy(s->data + a->byte_len, b->data, b->byte_len);
    s->char_len = a->char_len + b->char_len;
    s->ascii = a->ascii && b->ascii;
    return s;
}

/* A repeat count: int, bool or __index__. R_NOTIMPL for other types. */
static Res repeat_count(VM *vm, Value n, int64_t *out)
{
    if (is_intlike(n)) {
        *out = as_i64(n);
        return R_OK;
    }
    if (IS_BIGINT(n))
        return (Res)vm_raise(vm, vm->c.OverflowError,
                             "cannot fit 'int' into an index-sized integer");
    if (IS_OBJ(n) && !IS_EMPTY(user_special(vm, vm_class_of(vm, n), vm->n.__index__)))
        return op_index(vm, n, out) ? R_OK : R_ERR;
    return R_NOTIMPL;
}

static Res seq_repeat(VM *vm, Value seq, int64_t n, Value *out)
{
    if (n < 0) n = 0;
    if (IS_STR(seq)) {
        ObjStr *s = AS_STR(seq);
        if (n == 1 && vm_class_of(vm, seq) == vm->c.str) {
            *out = seq;
            return R_OK;
        }
        if (s->byte_len && (uint64_t)n > (UINT32_MAX - 1) / s->byte_len)
            return (Res)vm_raise(vm, vm->c.MemoryError, "repeated string is too long");
        size_t len = (size_t)s->byte_len * (size_t)n;
        if (len == 0) {
            *out = OBJ_VAL(vm->n.empty);
            return R_OK;
        }
        ObjStr *r = str_alloc(vm, len);
        if (s->byte_len == 1) {
            memset(r->data, s->data[0], len);
        } else {
            memcpy(r->data, s->data, s->byte_len);
            size_t done = s->byte_len;
            while (done < len) {
                size_t chunk = done < len - done ? done : len - done;
                memcpy(r->data + done, r->data, chunk);
                done += chunk;
            }
        }
        r->char_len = (uint32_t)(s->char_len * n);
        r->ascii = s->ascii;
        *out = OBJ_VAL(r);
        return R_OK;
    }
    uint32_t len = IS_LIST(seq) ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
    if (len && (uint64_t)n > (UINT32_MAX / 2) / len)
        return (Res)vm_raise(vm, vm->c.MemoryError, "repeated sequence is too long");
    uint32_t total = (uint32_t)(len * n);
    if (IS_LIST(seq)) {
        ObjList *l = list_new(vm, NULL, total);
        ObjList *src = AS_LIST(seq);
        for (uint32_t i = 0; i < total; i++) l->items[i] = src->items[i % len];
        *out = OBJ_VAL(l);
    } else {
        if (n == 1 && vm_class_of(vm, seq) == vm->c.tuple) {
            *out = seq;
            return R_OK;
        }
        ObjTuple *t = tuple_new(vm, NULL, total);
        ObjTuple *src = AS_TUPLE(seq);
        for (uint32_t i = 0; i < total; i++) t->items[i] = src->items[i % len];
        *out = OBJ_VAL(t);
    }
    return R_OK;
}

static bool is_seq(Value v)
{
    return IS_STR(v) || IS_LIST(v) || IS_TUPLE(v);
}

/* The built-in behaviour of the object kinds: sequences, sets, dicts, str %. */
static Res builtin_binary(VM *vm, BinaryOp op, Value a, Value b, bool inplace, Value *out)
{
    if (!IS_OBJ(a) && !IS_OBJ(b)) return R_NOTIMPL;
    switch (op) {
    case BINOP_ADD:
        if (IS_STR(a) && IS_STR(b)) {
            *out = OBJ_VAL(str_concat(vm, AS_STR(a), AS_STR(b)));
            return R_OK;
        }
        if (IS_LIST(a) && IS_LIST(b)) {
            ObjList *x = AS_LIST(a), *y = AS_LIST(b);
            if (inplace) {
                if (!list_extend_from_iterable(vm, x, b)) return R_ERR;
                *out = a;
                return R_OK;
            }
            ObjList *l = list_new(vm, NULL, x->len + y->len);
            if (x->len) memcpy(l->items, x->items, x->len * sizeof(Value));
            if (y->len) memcpy(l->items + x->len, y->items, y->len * sizeof(Value));
            *out = OBJ_VAL(l);
            return R_OK;
        }
        if (IS_LIST(a) && inplace) {
            /* list += any iterable extends in place. */
            if (!list_extend_from_iterable(vm, AS_LIST(a), b)) return R_ERR;
            *out = a;
            return R_OK;
        }
        if (IS_TUPLE(a) && IS_TUPLE(b)) {
            ObjTuple *x = AS_TUPLE(a), *y = AS_TUPLE(b);
            if (y->len == 0 && vm_class_of(vm, a) == vm->c.tuple) {
                *out = a;
                return R_OK;
            }
            if (x->len == 0 && vm_class_of(vm, b) == vm->c.tuple) {
                *out = b;
                return R_OK;
            }
            ObjTuple *t = tuple_new(vm, NULL, x->len + y->len);
            memcpy(t->items, x->items, x->len * sizeof(Value));
            memcpy(t->items + x->len, y->items, y->len * sizeof(Value));
            *out = OBJ_VAL(t);
            return R_OK;
        }
        return R_NOTIMPL;
    case BINOP_MUL: {
        int64_t n;
        Res r;
        if (is_seq(a) && (r = repeat_count(vm, b, &n)) != R_NOTIMPL) {
            if (r == R_ERR) return R_ERR;
            if (inplace && IS_LIST(a)) {
                ObjList *l = AS_LIST(a);
                uint32_t len = l->len;
                if (n <= 0) {
                    l->len = 0;
                } else if (len) {
                    if ((uint64_t)n > (UINT32_MAX / 2) / len)
                        return (Res)vm_raise(vm, vm->c.MemoryError, "repeated list is too long");
                    list_reserve(vm, l, (uint32_t)(len * n));
                    for (uint32_t i = len; i < len * n; i++) l->items[i] = l->items[i % len];
                    l->len = (uint32_t)(len * n);
                }
                *out = a;
                return R_OK;
            }
            return seq_repeat(vm, a, n, out);
        }
        if (is_seq(b) && (r = repeat_count(vm, a, &n)) != R_NOTIMPL) {
            if (r == R_ERR) return R_ERR;
            return seq_repeat(vm, b, n, out);
        }
        return R_NOTIMPL;
    }
    case BINOP_MOD:
        if (IS_STR(a)) {
            ObjStr *s = NULL;
            if (!format_percent(vm, AS_STR(a), b, &s)) return R_ERR;
            *out = OBJ_VAL(s);
            return R_OK;
        }
        return R_NOTIMPL;
    case BINOP_OR:
    case BINOP_AND:
    case BINOP_SUB:
    case BINOP_XOR:
        if (IS_SET(a) && IS_SET(b)) {
            ObjSet *x = AS_SET(a), *y = AS_SET(b);
            if (inplace && !SET_IS_FROZEN(x)) {
                bool ok = op == BINOP_OR    ? set_ior(vm, x, y)
                          : op == BINOP_AND ? set_iand(vm, x, y)
                          : op == BINOP_SUB ? set_isub(vm, x, y)
                                            : set_ixor(vm, x, y);
                if (!ok) return R_ERR;
                *out = a;
                return R_OK;
            }
            bool ok = op == BINOP_OR    ? set_or(vm, x, y, out)
                      : op == BINOP_AND ? set_and(vm, x, y, out)
                      : op == BINOP_SUB ? set_sub(vm, x, y, out)
                                        : set_xor(vm, x, y, out);
            return ok ? R_OK : R_ERR;
        }
        if (iter_is_view(a) || iter_is_view(b)) {
            bool handled;
            if (!dict_view_binary(vm, op, a, b, out, &handled)) return R_ERR;
            if (handled) return R_OK;
        }
        if (op == BINOP_OR && IS_DICT(a)) {
            if (inplace) {
                if (!dict_update_from(vm, AS_DICT(a), b)) return R_ERR;
                *out = a;
                return R_OK;
            }
            if (!IS_DICT(b)) return R_NOTIMPL;
            ObjDict *d = dict_copy(vm, AS_DICT(a));
            vm_push_root(vm, OBJ_VAL(d));
            bool ok = dict_merge(vm, d, AS_DICT(b), true);
            vm_pop_root(vm, 1);
            if (!ok) return R_ERR;
            *out = OBJ_VAL(d);
            return R_OK;
        }
        return R_NOTIMPL;
    default: return R_NOTIMPL;
    }
}

static bool binary_type_error(VM *vm, BinaryOp op, Value a, Value b, bool inplace)
{
    if (op == BINOP_ADD && (IS_STR(a) || IS_LIST(a) || IS_TUPLE(a))) {
        const char *kind = IS_STR(a) ? "str" : IS_LIST(a) ? "list" : "tuple";
        return vm_raise(vm, vm->c.TypeError, "can only concatenate %s (not \"%s\") to %s", kind,
                        type_name(vm, b), kind);
    }
    if (op == BINOP_MUL && (is_seq(a) || is_seq(b))) {
        Value other = is_seq(a) ? b : a;
        return vm_raise(vm, vm->c.TypeError, "can't multiply sequence by non-int of type '%s'",
                        type_name(vm, other));
    }
    const char *sym = op == BINOP_POW && !inplace ? "** or pow()" : binop_symbol(op);
    return vm_raise(vm, vm->c.TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'", sym,
                    inplace ? "=" : "", type_name(vm, a), type_name(vm, b));
}

bool op_binary(VM *vm, BinaryOp op, Value a, Value b, bool inplace, Value *out)
{
    if (IS_INT(a) && IS_INT(b)) {
        Res r = int_arith(vm, op, AS_INT(a), AS_INT(b), out);
        if (r != R_NOTIMPL) return r == R_OK;
        return binary_type_error(vm, op, a, b, inplace);
    }
    if (IS_FLOAT(a) && IS_FLOAT(b)) {
        Res r = float_arith(vm, op, AS_FLOAT(a), AS_FLOAT(b), out);
        if (r != R_NOTIMPL) return r == R_OK;
        return binary_type_error(vm, op, a, b, inplace);
    }
    if (is_num(a) && is_num(b)) {
        Res r = num_binary(vm, op, a, b, out);
        if (r != R_NOTIMPL) return r == R_OK;
        return binary_type_error(vm, op, a, b, inplace);
    }
    ObjClass *ca = vm_class_of(vm, a), *cb = vm_class_of(vm, b);
    bool ua = !(ca->class_flags & CLASS_BUILTIN), ub = !(cb->class_flags & CLASS_BUILTIN);
    if (!ua && !ub) {
        Res r = builtin_binary(vm, op, a, b, inplace, out);
        if (r != R_NOTIMPL) return r == R_OK;
        return binary_type_error(vm, op, a, b, inplace);
    }
    ObjStr *name, *rname, *iname;
    binop_names(vm, op, &name, &rname, &iname);
    Res r;
    if (inplace && ua) {
        r = try_dunder(vm, user_special(vm, ca, iname), a, b, out);
        if (r != R_NOTIMPL) return r == R_OK;
    }
    Value ma = ua ? user_special(vm, ca, name) : EMPTY_VAL;
    Value mb = ub && cb != ca ? user_special(vm, cb, rname) : EMPTY_VAL;
    bool tried_b = false;
    /* A subclass's reflected method goes first when it overrides it. */
    if (!IS_EMPTY(mb) && class_is_subclass(cb, ca) && !value_is(mb, class_lookup(ca, rname))) {
        r = try_dunder(vm, mb, b, a, out);
        if (r != R_NOTIMPL) return r == R_OK;
        tried_b = true;
    }
    r = try_dunder(vm, ma, a, b, out);
    if (r != R_NOTIMPL) return r == R_OK;
    if (is_num(a) && is_num(b)) r = num_binary(vm, op, a, b, out);
    else r = builtin_binary(vm, op, a, b, inplace, out);
    if (r != R_NOTIMPL) return r == R_OK;
    if (!tried_b) {
        r = try_dunder(vm, mb, b, a, out);
        if (r != R_NOTIMPL) return r == R_OK;
    }
    /* A native class of a module may implement the operator in C. */
    Value na = native_special(vm, ca, name);
    if (!IS_EMPTY(na)) {
        r = try_dunder(vm, na, a, b, out);
        if (r != R_NOTIMPL) return r == R_OK;
    }
    return binary_type_error(vm, op, a, b, inplace);
}

bool op_iadd_slot(VM *vm, Value *slot, Value rhs)
{
    Value lhs = *slot;
    if (IS_STR(lhs) && IS_STR(rhs) && AS_OBJ(lhs)->cls == vm->c.str &&
        AS_OBJ(rhs)->cls == vm->c.str) {
        ObjStr *a = AS_STR(lhs), *b = AS_STR(rhs);
        size_t need = (size_t)a->byte_len + b->byte_len;
        if (need > UINT32_MAX - 1) return vm_raise(vm, vm->c.MemoryError, "string is too long");
        if (a->obj.flags & STR_OWNED) {
            size_t cap = a->obj.size - offsetof(ObjStr, data) - 1;
            if (need <= cap) {
                memcpy(a->data + a->byte_len, b->data, b->byte_len);
                a->data[need] = '\0';
                a->byte_len = (uint32_t)need;
                a->char_len += b->char_len;
                a->ascii = a->ascii && b->ascii;
                a->hashed = 0;
                return true;
            }
        }
        if (b->byte_len == 0) return true;
        /* A new owned str with room to grow (doubling keeps appends amortised O(1)). */
        size_t cap = need < 32 ? 32 : need * 2;
        if (cap > UINT32_MAX - 1) cap = UINT32_MAX - 1;
        ObjStr *r = str_alloc(vm, cap);
        memcpy(r->data, a->data, a->byte_len);
        memcpy(r->data + a->byte_len, b->data, b->byte_len);
        r->data[need] = '\0';
        r->byte_len = (uint32_t)need;
        r->char_len = a->char_len + b->char_len;
        r->ascii = a->ascii && b->ascii;
        r->obj.flags |= STR_OWNED;
        *slot = OBJ_VAL(r);
        return true;
    }
    Value out;
    if (!op_binary(vm, BINOP_ADD, lhs, rhs, true, &out)) return false;
    *slot = out;
    return true;
}

/* ---- unary operators ---------------------------------------------------------------- */

bool op_unary(VM *vm, UnaryOp op, Value a, Value *out)
{
    if (op == UNOP_NOT) {
        bool t;
        if (!op_truthy(vm, a, &t)) return false;
        *out = BOOL_VAL(!t);
        return true;
    }
    if (is_intlike(a)) {
        int64_t i = as_i64(a);
        switch (op) {
        case UNOP_NEG:
            if (i == INT64_MIN) return int_negate(vm, a, out);
            *out = INT_VAL(-i);
            return true;
        case UNOP_POS: *out = INT_VAL(i); return true;
        default: *out = INT_VAL(~i); return true;
        }
    }
    if (IS_BIGINT(a)) {
        if (op == UNOP_POS) {
            *out = a;
            return true;
        }
        return op == UNOP_NEG ? int_negate(vm, a, out) : int_invert(vm, a, out);
    }
    if (IS_FLOAT(a) && op != UNOP_INVERT) {
        *out = FLOAT_VAL(op == UNOP_NEG ? -AS_FLOAT(a) : AS_FLOAT(a));
        return true;
    }
    ObjStr *name = op == UNOP_NEG ? vm->n.__neg__ : op == UNOP_POS ? vm->n.__pos__ : vm->n.__invert__;
    if (IS_OBJ(a)) {
        ObjClass *cls = vm_class_of(vm, a);
        Value m = user_special(vm, cls, name);
        if (IS_EMPTY(m)) m = native_special(vm, cls, name);
        if (!IS_EMPTY(m)) return call_special(vm, m, a, NULL, 0, out);
    }
    return vm_raise(vm, vm->c.TypeError, "bad operand type for unary %s: '%s'",
                    op == UNOP_NEG ? "-" : op == UNOP_POS ? "+" : "~", type_name(vm, a));
}

/* ---- comparisons ------------------------------------------------------------------- */

/* -1, 0, 1, or 2 when unordered (nan). Exact even beyond 2**53. */
static int cmp_int_double(int64_t i, double d)
{
    if (isnan(d)) return 2;
    if (i >= -((int64_t)1 << 53) && i <= ((int64_t)1 << 53)) {
        double x = (double)i;
        return x < d ? -1 : x > d ? 1 : 0;
    }
    if (d >= 9223372036854775808.0) return -1;
    if (d < -9223372036854775808.0) return 1;
    double t = trunc(d);
    int64_t ti = (int64_t)t;
    if (i != ti) return i < ti ? -1 : 1;
    double frac = d - t;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

static bool cmp_result(CompareOp op, int c)
{
    if (c == 2) return op == CMP_NE;
    switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

static int cmp_num(Value a, Value b)
{
    if (is_intlike(a) && is_intlike(b)) {
        int64_t x = as_i64(a), y = as_i64(b);
        return x < y ? -1 : x > y;
    }
    if (IS_BIGINT(a) || IS_BIGINT(b)) {
        if (IS_FLOAT(b)) return int_compare_double(a, AS_FLOAT(b));
        if (IS_FLOAT(a)) {
            int c = int_compare_double(b, AS_FLOAT(a));
            return c == 2 ? 2 : -c;
        }
        return int_compare(a, b);
    }
    if (IS_FLOAT(a) && IS_FLOAT(b)) {
        double x = AS_FLOAT(a), y = AS_FLOAT(b);
        if (isnan(x) || isnan(y)) return 2;
        return x < y ? -1 : x > y;
    }
    if (IS_FLOAT(b)) return cmp_int_double(as_i64(a), AS_FLOAT(b));
    int c = cmp_int_double(as_i64(b), AS_FLOAT(a));
    return c == 2 ? 2 : -c;
}

static int cmp_str(ObjStr *a, ObjStr *b)
{
    uint32_t n = a->byte_len < b->byte_len ? a->byte_len : b->byte_len;
    int c = memcmp(a->data, b->data, n);
    if (c) return c < 0 ? -1 : 1;
    return a->byte_len < b->byte_len ? -1 : a->byte_len > b->byte_len;
}

static const char *cmp_symbol(CompareOp op)
{
    static const char *const s[] = {"<", "<=", "==", "!=", ">", ">="};
    return s[op];
}

static CompareOp cmp_reflect(CompareOp op)
{
    static const CompareOp r[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
    return r[op];
}

static ObjStr *cmp_name(VM *vm, CompareOp op)
{
    switch (op) {
    case CMP_LT: return vm->n.__lt__;
    case CMP_LE: return vm->n.__le__;
    case CMP_EQ: return vm->n.__eq__;
    case CMP_NE: return vm->n.__ne__;
    case CMP_GT: return vm->n.__gt__;
    default: return vm->n.__ge__;
    }
}

static uint32_t seq_len(Value v)
{
    return IS_LIST(v) ? AS_LIST(v)->len : AS_TUPLE(v)->len;
}

static Value seq_item(Value v, uint32_t i)
{
    return IS_LIST(v) ? AS_LIST(v)->items[i] : AS_TUPLE(v)->items[i];
}

/* Nested containers recurse on the C stack: count the depth with the VM's
 * C-call counter, as CPython's recursion limit does. */
static bool enter_nested_limit(VM *vm, const char *what, uint32_t limit)
{
    if (vm->c_depth > limit)
        return vm_raise(vm, vm->c.RecursionError, "maximum recursion depth exceeded%s", what);
    vm->c_depth++;
    return true;
}

static bool enter_nested(VM *vm, const char *what)
{
    if (vm->c_depth > vm->max_depth + 50)
        return vm_raise(vm, vm->c.RecursionError, "maximum recursion depth exceeded%s", what);
    vm->c_depth++;
    return true;
}

static bool seq_compare_inner(VM *vm, CompareOp op, Value a, Value b, Value *out);

/* Lexicographic comparison of two lists or two tuples. */
static bool seq_compare(VM *vm, CompareOp op, Value a, Value b, Value *out)
{
    if (!enter_nested(vm, " in comparison")) return false;
    bool ok = seq_compare_inner(vm, op, a, b, out);
    vm->c_depth--;
    return ok;
}

static bool seq_compare_inner(VM *vm, CompareOp op, Value a, Value b, Value *out)
{
    if ((op == CMP_EQ || op == CMP_NE) && seq_len(a) != seq_len(b)) {
        *out = BOOL_VAL(op == CMP_NE);
        return true;
    }
    uint32_t i = 0;
    /* The lengths are re-read: an __eq__ may have changed a list. */
    for (; i < seq_len(a) && i < seq_len(b); i++) {
        bool eq;
        if (!op_eq(vm, seq_item(a, i), seq_item(b, i), &eq)) return false;
        if (!eq) break;
    }
    uint32_t la = seq_len(a), lb = seq_len(b);
    if (i >= la || i >= lb) {
        *out = BOOL_VAL(cmp_result(op, la < lb ? -1 : la > lb));
        return true;
    }
    if (op == CMP_EQ || op == CMP_NE) {
        *out = BOOL_VAL(op == CMP_NE);
        return true;
    }
    return op_compare(vm, op, seq_item(a, i), seq_item(b, i), out);
}

static bool dict_equal_inner(VM *vm, ObjDict *a, ObjDict *b, bool *out);

static bool dict_equal(VM *vm, ObjDict *a, ObjDict *b, bool *out)
{
    if (a->table.len != b->table.len) {
        *out = false;
        return true;
    }
    if (!enter_nested(vm, " in comparison")) return false;
    bool ok = dict_equal_inner(vm, a, b, out);
    vm->c_depth--;
    return ok;
}

static bool dict_equal_inner(VM *vm, ObjDict *a, ObjDict *b, bool *out)
{
    uint32_t pos = 0;
    Value k, v;
    while (dict_next(a, &pos, &k, &v)) {
        Value w;
        bool found;
        vm_push_root(vm, k);
        vm_push_root(vm, v);
        bool ok = dict_get(vm, b, k, &w, &found);
        bool eq = false;
        if (ok && found) {
            vm_push_root(vm, w);
            ok = op_eq(vm, v, w, &eq);
            vm_pop_root(vm, 1);
        }
        vm_pop_root(vm, 2);
        if (!ok) return false;
        if (!found || !eq) {
            *out = false;
            return true;
        }
    }
    *out = true;
    return true;
}

/* The comparisons the built-in kinds define. */
static Res builtin_compare(VM *vm, CompareOp op, Value a, Value b, Value *out)
{
    if (is_num(a) && is_num(b)) {
        *out = BOOL_VAL(cmp_result(op, cmp_num(a, b)));
        return R_OK;
    }
    if (!IS_OBJ(a) || !IS_OBJ(b)) {
        if (IS_NONE(a) && IS_NONE(b) && (op == CMP_EQ || op == CMP_NE)) {
            *out = BOOL_VAL(op == CMP_EQ);
            return R_OK;
        }
        return R_NOTIMPL;
    }
    uint8_t ka = AS_OBJ(a)->kind, kb = AS_OBJ(b)->kind;
    if (ka == OBJ_ITER || kb == OBJ_ITER) {
        bool handled;
        if (!dict_view_compare(vm, op, a, b, out, &handled)) return R_ERR;
        if (handled) return R_OK;
    }
    if (ka != kb) return R_NOTIMPL;
    switch (ka) {
    case OBJ_STR: *out = BOOL_VAL(cmp_result(op, cmp_str(AS_STR(a), AS_STR(b)))); return R_OK;
    case OBJ_LIST:
    case OBJ_TUPLE: return seq_compare(vm, op, a, b, out) ? R_OK : R_ERR;
    case OBJ_DICT:
        if (op == CMP_EQ || op == CMP_NE) {
            bool eq;
            if (!dict_equal(vm, AS_DICT(a), AS_DICT(b), &eq)) return R_ERR;
            *out = BOOL_VAL(eq == (op == CMP_EQ));
            return R_OK;
        }
        return R_NOTIMPL;
    case OBJ_SET: {
        bool r;
        if (!set_compare(vm, AS_SET(a), AS_SET(b), op, &r)) return R_ERR;
        *out = BOOL_VAL(r);
        return R_OK;
    }
    case OBJ_RANGE:
        if (op == CMP_EQ || op == CMP_NE) {
            *out = BOOL_VAL(range_equal(AS_RANGE(a), AS_RANGE(b)) == (op == CMP_EQ));
            return R_OK;
        }
        return R_NOTIMPL;
    default: return R_NOTIMPL;
    }
}

/* Call the rich comparison `op` of self's class (user-defined), with
 * object.__ne__'s default of inverting __eq__. */
static Res user_compare(VM *vm, ObjClass *cls, CompareOp op, Value self, Value other, Value *out)
{
    Value m = user_special(vm, cls, cmp_name(vm, op));
    if (!IS_EMPTY(m)) return try_dunder(vm, m, self, other, out);
    if (op == CMP_NE) {
        m = user_special(vm, cls, vm->n.__eq__);
        Value r;
        Res res = try_dunder(vm, m, self, other, &r);
        if (res != R_OK) return res;
        bool t;
        if (!op_truthy(vm, r, &t)) return R_ERR;
        *out = BOOL_VAL(!t);
        return R_OK;
    }
    return R_NOTIMPL;
}

static bool has_user_compare(ObjClass *cls, VM *vm, CompareOp op)
{
    return !IS_EMPTY(user_special(vm, cls, cmp_name(vm, op))) ||
           (op == CMP_NE && !IS_EMPTY(user_special(vm, cls, vm->n.__eq__)));
}

bool op_compare(VM *vm, CompareOp op, Value a, Value b, Value *out)
{
    if (IS_INT(a) && IS_INT(b)) {
        int64_t x = AS_INT(a), y = AS_INT(b);
        *out = BOOL_VAL(cmp_result(op, x < y ? -1 : x > y));
        return true;
    }
    if (IS_FLOAT(a) && IS_FLOAT(b)) {
        double x = AS_FLOAT(a), y = AS_FLOAT(b);
        bool r;
        switch (op) {
        case CMP_LT: r = x < y; break;
        case CMP_LE: r = x <= y; break;
        case CMP_EQ: r = x == y; break;
        case CMP_NE: r = x != y; break;
        case CMP_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        *out = BOOL_VAL(r);
        return true;
    }
    ObjClass *ca = vm_class_of(vm, a), *cb = vm_class_of(vm, b);
    bool ua = !(ca->class_flags & CLASS_BUILTIN), ub = !(cb->class_flags & CLASS_BUILTIN);
    Res r;
    if (ua || ub) {
        CompareOp rop = cmp_reflect(op);
        bool tried_b = false;
        if (ub && cb != ca && class_is_subclass(cb, ca) && has_user_compare(cb, vm, rop)) {
            r = user_compare(vm, cb, rop, b, a, out);
            if (r != R_NOTIMPL) return r == R_OK;
            tried_b = true;
        }
        if (ua) {
            r = user_compare(vm, ca, op, a, b, out);
            if (r != R_NOTIMPL) return r == R_OK;
        }
        r = builtin_compare(vm, op, a, b, out);
        if (r != R_NOTIMPL) return r == R_OK;
        if (ub && !tried_b) {
            r = user_compare(vm, cb, rop, b, a, out);
            if (r != R_NOTIMPL) return r == R_OK;
        }
    } else {
        r = builtin_compare(vm, op, a, b, out);
        if (r != R_NOTIMPL) return r == R_OK;
    }
    /* Module classes written in C may define comparisons natively. */
    Value m = native_special(vm, ca, cmp_name(vm, op));
    if (!IS_EMPTY(m) && (ca->class_flags & CLASS_BUILTIN) && ca != vm->c.object) {
        r = try_dunder(vm, m, a, b, out);
        if (r != R_NOTIMPL) return r == R_OK;
    }
    if (op == CMP_EQ || op == CMP_NE) {
        *out = BOOL_VAL(value_is(a, b) == (op == CMP_EQ));
        return true;
    }
    return vm_raise(vm, vm->c.TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    cmp_symbol(op), ca->name->data, cb->name->data);
}

bool op_eq(VM *vm, Value a, Value b, bool *out)
{
    if (value_is(a, b)) {
        *out = true;
        return true;
    }
    if (a.tag == b.tag) {
        switch (a.tag) {
        case VAL_INT:
        case VAL_BOOL:
        case VAL_NONE: *out = false; return true;
        case VAL_FLOAT: *out = AS_FLOAT(a) == AS_FLOAT(b); return true;
        default:
            if (IS_STR(a) && IS_STR(b)) {
                *out = str_equal(AS_STR(a), AS_STR(b));
                return true;
            }
            break;
        }
    } else if (is_num(a) && is_num(b)) {
        *out = cmp_num(a, b) == 0;
        return true;
    } else if (!IS_OBJ(a) && !IS_OBJ(b)) {
        *out = false;
        return true;
    }
    Value r;
    if (!op_compare(vm, CMP_EQ, a, b, &r)) return false;
    if (IS_BOOL(r)) {
        *out = AS_BOOL(r);
        return true;
    }
    vm_push_root(vm, r);
    bool ok = op_truthy(vm, r, out);
    vm_pop_root(vm, 1);
    return ok;
}

/* ---- truth, len ------------------------------------------------------------------- */

/* The result of a user __len__ as a length. */
static bool len_result(VM *vm, Value r, int64_t *out)
{
    int64_t n;
    if (is_intlike(r)) {
        n = as_i64(r);
    } else {
        if (!op_index(vm, r, &n)) return false;
    }
    if (n < 0) return vm_raise(vm, vm->c.ValueError, "__len__() should return >= 0");
    *out = n;
    return true;
}

/* len() for the built-in kinds: *found false for others. */
static bool builtin_len(Value v, int64_t *out)
{
    switch (AS_OBJ(v)->kind) {
    case OBJ_STR: *out = AS_STR(v)->char_len; return true;
    case OBJ_LIST: *out = AS_LIST(v)->len; return true;
    case OBJ_TUPLE: *out = AS_TUPLE(v)->len; return true;
    case OBJ_DICT: *out = AS_DICT(v)->table.len; return true;
    case OBJ_SET: *out = set_len(AS_SET(v)); return true;
    case OBJ_RANGE: *out = range_len(AS_RANGE(v)); return true;
    case OBJ_ITER:
        if (iter_is_view(v)) {
            *out = dict_view_len(AS_ITER(v));
            return true;
        }
        return false;
    default: return false;
    }
}

bool op_len(VM *vm, Value v, int64_t *out)
{
    if (IS_OBJ(v)) {
        ObjClass *cls = AS_OBJ(v)->cls;
        Value m = user_special(vm, cls, vm->n.__len__);
        if (IS_EMPTY(m)) {
            if (builtin_len(v, out)) return true;
            m = native_special(vm, cls, vm->n.__len__);
        }
        if (!IS_EMPTY(m)) {
            Value r;
            if (!call_special(vm, m, v, NULL, 0, &r)) return false;
            return len_result(vm, r, out);
        }
    }
    return vm_raise(vm, vm->c.TypeError, "object of type '%s' has no len()", type_name(vm, v));
}

bool op_truthy(VM *vm, Value v, bool *out)
{
    switch (v.tag) {
    case VAL_NONE: *out = false; return true;
    case VAL_BOOL: *out = AS_BOOL(v); return true;
    case VAL_INT: *out = AS_INT(v) != 0; return true;
    case VAL_FLOAT: *out = AS_FLOAT(v) != 0; return true;
    case VAL_OBJ: break;
    default: *out = false; return true;
    }
    ObjClass *cls = AS_OBJ(v)->cls;
    int64_t n;
    if (cls->class_flags & CLASS_BUILTIN) {
        if (AS_OBJ(v)->kind == OBJ_BIGINT) {
            *out = true; /* never zero */
            return true;
        }
        if (builtin_len(v, &n)) {
            *out = n != 0;
            return true;
        }
    }
    Value m = user_special(vm, cls, vm->n.__bool__);
    if (IS_EMPTY(m)) m = native_special(vm, cls, vm->n.__bool__);
    if (!IS_EMPTY(m)) {
        Value r;
        if (!call_special(vm, m, v, NULL, 0, &r)) return false;
        if (!IS_BOOL(r))
            return vm_raise(vm, vm->c.TypeError, "__bool__ should return bool, returned %s",
                            type_name(vm, r));
        *out = AS_BOOL(r);
        return true;
    }
    m = user_special(vm, cls, vm->n.__len__);
    if (IS_EMPTY(m)) {
        if (builtin_len(v, &n)) {
            *out = n != 0;
            return true;
        }
        m = native_special(vm, cls, vm->n.__len__);
    }
    if (!IS_EMPTY(m)) {
        Value r;
        if (!call_special(vm, m, v, NULL, 0, &r) || !len_result(vm, r, &n)) return false;
        *out = n != 0;
        return true;
    }
    if (value_is(v, vm->not_implemented)) {
        /* CPython 3.11 only warns; the value is true. */
        *out = true;
        return true;
    }
    *out = true;
    return true;
}

/* ---- hash ----------------------------------------------------------------------- */

#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL

static uint64_t identity_hash(const void *p)
{
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60); /* the low bits of an address are always zero */
    return y == (uint64_t)-1 ? (uint64_t)-2 : y;
}

static bool tuple_hash(VM *vm, ObjTuple *t, uint64_t *out)
{
    uint64_t acc = XXPRIME_5;
    for (uint32_t i = 0; i < t->len; i++) {
        uint64_t lane;
        Value item = t->items[i];
        if (IS_TUPLE(item)) {
            /* CPython does not limit this recursion: only guard the C stack. */
            if (!enter_nested_limit(vm, "", 10000)) return false;
            bool ok = op_hash(vm, item, &lane);
            vm->c_depth--;
            if (!ok) return false;
        } else if (!op_hash(vm, item, &lane)) {
            return false;
        }
        acc += lane * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->len ^ (XXPRIME_5 ^ 3527539ULL);
    if (acc == (uint64_t)-1) acc = 1546275796;
    *out = acc;
    return true;
}

static bool native_object_hash(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out);

static bool unhashable(VM *vm, Value v)
{
    return vm_raise(vm, vm->c.TypeError, "unhashable type: '%s'", type_name(vm, v));
}

bool op_hash(VM *vm, Value v, uint64_t *out)
{
    switch (v.tag) {
    case VAL_INT: *out = hash_int(AS_INT(v)); return true;
    case VAL_BOOL: *out = AS_BOOL(v); return true;
    case VAL_FLOAT: *out = hash_float(AS_FLOAT(v)); return true;
    case VAL_NONE: *out = 0xFCA86420ULL >> 4; return true;
    case VAL_OBJ: break;
    default: *out = 0; return true;
    }
    Obj *o = AS_OBJ(v);
    ObjClass *cls = o->cls;
    if (!(cls->class_flags & CLASS_BUILTIN)) {
        /* A class that defines __eq__ without __hash__ is unhashable; walk
         * the bases to see which of the two comes first. */
        for (ObjClass *c = cls; c != NULL && !(c->class_flags & CLASS_BUILTIN); c = c->base) {
            Value h = dict_get_str(c->dict, vm->n.__hash__);
            if (!IS_EMPTY(h)) {
                if (IS_NONE(h)) return unhashable(vm, v);
                if (IS_NATIVE(h)) break;
                Value r;
                if (!call_special(vm, h, v, NULL, 0, &r)) return false;
                if (!value_is_int(r))
                    return vm_raise(vm, vm->c.TypeError,
                                    "__hash__ method should return an integer");
                *out = int_hash(r);
                return true;
            }
            if (!IS_EMPTY(dict_get_str(c->dict, vm->n.__eq__))) return unhashable(vm, v);
        }
    }
    switch (o->kind) {
    case OBJ_STR: *out = str_hash(AS_STR(v)); return true;
    case OBJ_BIGINT: *out = int_hash(v); return true;
    case OBJ_TUPLE: return tuple_hash(vm, AS_TUPLE(v), out);
    case OBJ_LIST:
    case OBJ_DICT:
    case OBJ_SLICE: return unhashable(vm, v);
    case OBJ_SET:
        if (!SET_IS_FROZEN(AS_SET(v))) return unhashable(vm, v);
        *out = set_frozen_hash(AS_SET(v));
        return true;
    case OBJ_RANGE: return range_hash(vm, AS_RANGE(v), out);
    case OBJ_ITER:
        /* dict_keys and dict_items are set-like, hence unhashable. */
        if (iter_is_view(v) && AS_ITER(v)->variant != ITER_VIEW_VALUES) return unhashable(vm, v);
        break;
    default: break;
    }
    if ((cls->class_flags & CLASS_BUILTIN) && cls != vm->c.object) {
        /* A module's C class may hash natively. */
        Value h = native_special(vm, cls, vm->n.__hash__);
        if (!IS_EMPTY(h) && AS_NATIVE(h)->fn != native_object_hash) {
            Value r;
            if (!call_special(vm, h, v, NULL, 0, &r)) return false;
            if (!value_is_int(r))
                return vm_raise(vm, vm->c.TypeError, "__hash__ method should return an integer");
            *out = int_hash(r);
            return true;
        }
    }
    *out = identity_hash(o);
    return true;
}

/* ---- repr and str ------------------------------------------------------------------- */

typedef struct ReprCtx {
    struct ReprCtx *prev;
    Obj *obj;
    uint32_t depth;
} ReprCtx;

static bool repr_into(VM *vm, Value v, TextBuf *out, ReprCtx *ctx);

static bool unicode_printable(uint32_t cp)
{
    if (cp < 0x20 || cp == 0x7F) return false;
    if (cp < 0xA0) return cp < 0x7F;
    size_t lo = 0, hi = sizeof unicode_nonprintable / sizeof unicode_nonprintable[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < unicode_nonprintable[mid][0]) hi = mid;
        else if (cp > unicode_nonprintable[mid][1]) lo = mid + 1;
        else return false;
    }
    return true;
}

static uint32_t decode_utf8(const uint8_t *p, int *len)
{
    uint8_t c = p[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c < 0xE0) {
        *len = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *len = 3;
        return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* CPython's str repr: quote choice and escapes. */
static void str_repr_into(ObjStr *s, TextBuf *out)
{
    const uint8_t *p = (const uint8_t *)s->data, *end = p + s->byte_len;
    bool has_single = memchr(s->data, '\'', s->byte_len) != NULL;
    bool has_double = memchr(s->data, '"', s->byte_len) != NULL;
    char q = has_single && !has_double ? '"' : '\'';
    tb_reserve(out, s->byte_len + 2);
    tb_addc(out, q);
    while (p < end) {
        const uint8_t *run = p;
        /* Copy plain ASCII runs at once. */
        while (p < end && *p >= 0x20 && *p < 0x7F && *p != '\\' && *p != (uint8_t)q) p++;
        if (p > run) tb_add(out, (const char *)run, (size_t)(p - run));
        if (p >= end) break;
        uint8_t c = *p;
        if (c < 0x80) {
            p++;
            switch (c) {
            case '\\': tb_adds(out, "\\\\"); break;
            case '\n': tb_adds(out, "\\n"); break;
            case '\r': tb_adds(out, "\\r"); break;
            case '\t': tb_adds(out, "\\t"); break;
            default:
                if (c == (uint8_t)q) {
                    tb_addc(out, '\\');
                    tb_addc(out, (char)c);
                } else {
                    tb_printf(out, "\\x%02x", c);
                }
            }
            continue;
        }
        int len;
        uint32_t cp = decode_utf8(p, &len);
        if (unicode_printable(cp)) tb_add(out, (const char *)p, (size_t)len);
        else if (cp < 0x100) tb_printf(out, "\\x%02x", cp);
        else if (cp < 0x10000) tb_printf(out, "\\u%04x", cp);
        else tb_printf(out, "\\U%08x", cp);
        p += len;
    }
    tb_addc(out, q);
}

/* Decimal digits of i, written backwards ending at end; returns the start. */
static char *int_digits(int64_t i, char *end)
{
    uint64_t mag = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    char *p = end;
    do {
        *--p = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag);
    if (i < 0) *--p = '-';
    return p;
}

static void add_int(TextBuf *out, int64_t i)
{
    char buf[24];
    char *p = int_digits(i, buf + sizeof buf);
    tb_add(out, p, (size_t)(buf + sizeof buf - p));
}

/* A new str of ASCII bytes (no scan for code points). */
static ObjStr *ascii_str(VM *vm, const char *p, size_t n)
{
    if (n == 1) return AS_STR(vm->small_strs[(uint8_t)p[0]]);
    ObjStr *s = str_alloc(vm, n);
    memcpy(s->data, p, n);
    s->char_len = (uint32_t)n;
    s->ascii = 1;
    return s;
}

/* repr() of an int or float without a buffer round trip. */
static bool number_repr(VM *vm, Value v, ObjStr **out)
{
    char buf[40];
    if (IS_INT(v)) {
        char *p = int_digits(AS_INT(v), buf + sizeof buf);
        *out = ascii_str(vm, p, (size_t)(buf + sizeof buf - p));
        return true;
    }
    if (IS_FLOAT(v)) {
        size_t n = float_repr_cstr(AS_FLOAT(v), buf);
        *out = ascii_str(vm, buf, n);
        return true;
    }
    return false;
}

static void add_float(TextBuf *out, double d)
{
    char buf[40];
    size_t n = float_repr_cstr(d, buf);
    tb_add(out, buf, n);
}

/* module.qualname of a class, without "builtins.". */
static void add_class_name(VM *vm, ObjClass *cls, TextBuf *out)
{
    if (cls->module && cls->module != vm->n.builtins) {
        tb_add_str(out, cls->module);
        tb_addc(out, '.');
    }
    tb_add_str(out, cls->qualname ? cls->qualname : cls->name);
}

static void default_repr(VM *vm, Value v, TextBuf *out)
{
    tb_addc(out, '<');
    add_class_name(vm, AS_OBJ(v)->cls, out);
    tb_printf(out, " object at %p>", (void *)AS_OBJ(v));
}

/* Append a str result of a user __repr__ / __str__, checking its type. */
static bool call_text_method(VM *vm, Value m, Value v, const char *which, TextBuf *out)
{
    Value r;
    if (!call_special(vm, m, v, NULL, 0, &r)) return false;
    if (!IS_STR(r))
        return vm_raise(vm, vm->c.TypeError, "%s returned non-string (type %s)", which,
                        type_name(vm, r));
    tb_add_str(out, AS_STR(r));
    return true;
}

static bool container_repr(VM *vm, Value v, TextBuf *out, ReprCtx *ctx)
{
    Obj *o = AS_OBJ(v);
    uint8_t kind = o->kind;
    for (ReprCtx *c = ctx; c; c = c->prev) {
        if (c->obj == o) {
            tb_adds(out, kind == OBJ_LIST ? "[...]" : kind == OBJ_TUPLE ? "(...)" : "{...}");
            return true;
        }
    }
    ReprCtx here = {ctx, o, ctx ? ctx->depth + 1 : 1};
    if (here.depth > vm->max_depth)
        return vm_raise(vm, vm->c.RecursionError,
                        "maximum recursion depth exceeded while getting the repr of an object");
    if (kind == OBJ_DICT) {
        ObjDict *d = AS_DICT(v);
        tb_addc(out, '{');
        uint32_t pos = 0;
        Value k, val;
        bool first = true;
        while (dict_next(d, &pos, &k, &val)) {
            if (!first) tb_adds(out, ", ");
            first = false;
            vm_push_root(vm, k);
            vm_push_root(vm, val);
            bool ok = repr_into(vm, k, out, &here);
            if (ok) {
                tb_adds(out, ": ");
                ok = repr_into(vm, val, out, &here);
            }
            vm_pop_root(vm, 2);
            if (!ok) return false;
        }
        tb_addc(out, '}');
        return true;
    }
    bool list = kind == OBJ_LIST;
    tb_addc(out, list ? '[' : '(');
    for (uint32_t i = 0; i < seq_len(v); i++) {
        if (i) tb_adds(out, ", ");
        if (!repr_into(vm, seq_item(v, i), out, &here)) return false;
    }
    if (!list && seq_len(v) == 1) tb_addc(out, ',');
    tb_addc(out, list ? ']' : ')');
    return true;
}

static void add_func_name(VM *vm, Value f, TextBuf *out)
{
    (void)vm;
    if (IS_FUNCTION(f)) {
        ObjFunction *fn = AS_FUNCTION(f);
        tb_add_str(out, fn->qualname ? fn->qualname : fn->name);
    } else if (IS_NATIVE(f)) {
        ObjNative *n = AS_NATIVE(f);
        if (n->owner) {
            tb_add_str(out, n->owner->name);
            tb_addc(out, '.');
        }
        tb_add_str(out, n->name);
    } else {
        tb_adds(out, "?");
    }
}

static bool object_repr(VM *vm, Value v, TextBuf *out, ReprCtx *ctx)
{
    Obj *o = AS_OBJ(v);
    switch (o->kind) {
    case OBJ_STR: str_repr_into(AS_STR(v), out); return true;
    case OBJ_BIGINT: return int_to_decimal(vm, v, out);
    case OBJ_LIST:
    case OBJ_TUPLE:
    case OBJ_DICT: return container_repr(vm, v, out, ctx);
    case OBJ_SET: {
        ObjStr *s = NULL;
        if (!set_repr(vm, AS_SET(v), &s)) return false;
        tb_add_str(out, s);
        return true;
    }
    case OBJ_RANGE: tb_add_str(out, range_repr(vm, AS_RANGE(v))); return true;
    case OBJ_SLICE: {
        ObjStr *s = NULL;
        if (!slice_repr(vm, (ObjSlice *)o, &s)) return false;
        tb_add_str(out, s);
        return true;
    }
    case OBJ_EXCEPTION: {
        ObjStr *s = NULL;
        if (!exception_repr(vm, AS_EXCEPTION(v), &s)) return false;
        tb_add_str(out, s);
        return true;
    }
    case OBJ_ITER:
        if (iter_is_view(v)) {
            ObjStr *s = NULL;
            if (!dict_view_repr(vm, AS_ITER(v), &s)) return false;
            tb_add_str(out, s);
            return true;
        }
        break;
    case OBJ_FUNCTION:
        tb_adds(out, "<function ");
        add_func_name(vm, v, out);
        tb_printf(out, " at %p>", (void *)o);
        return true;
    case OBJ_NATIVE: {
        ObjNative *n = AS_NATIVE(v);
        if (n->owner && n->name == vm->n.__new__) {
            tb_printf(out, "<built-in method __new__ of type object at %p>", (void *)n->owner);
        } else if (n->owner) {
            tb_printf(out, "<method '%s' of '%s' objects>", n->name->data, n->owner->name->data);
        } else if (IS_MODULE(n->data)) {
            tb_printf(out, "<built-in function %s>", n->name->data);
        } else if (!IS_NONE(n->data) && !IS_EMPTY(n->data)) {
            tb_printf(out, "<built-in method %s of %s object at %p>", n->name->data,
                      type_name(vm, n->data), IS_OBJ(n->data) ? (void *)AS_OBJ(n->data) : (void *)o);
        } else {
            tb_printf(out, "<built-in function %s>", n->name->data);
        }
        return true;
    }
    case OBJ_BOUND_METHOD: {
        ObjBoundMethod *m = AS_BOUND_METHOD(v);
        if (IS_NATIVE(m->func)) {
            tb_printf(out, "<built-in method %s of %s object at %p>", AS_NATIVE(m->func)->name->data,
                      type_name(vm, m->self), IS_OBJ(m->self) ? (void *)AS_OBJ(m->self) : (void *)o);
            return true;
        }
        tb_adds(out, "<bound method ");
        add_func_name(vm, m->func, out);
        tb_adds(out, " of ");
        if (!repr_into(vm, m->self, out, ctx)) return false;
        tb_addc(out, '>');
        return true;
    }
    case OBJ_CLASS:
        tb_adds(out, "<class '");
        add_class_name(vm, (ObjClass *)o, out);
        tb_adds(out, "'>");
        return true;
    case OBJ_MODULE:
        tb_printf(out, "<module '%s' (built-in)>", ((ObjModule *)o)->name->data);
        return true;
    case OBJ_GENERATOR: {
        ObjGenerator *g = AS_GENERATOR(v);
        tb_printf(out, "<%s object ", o->cls->name->data);
        if (g->qualname) tb_add_str(out, g->qualname);
        else if (g->name) tb_add_str(out, g->name);
        tb_printf(out, " at %p>", (void *)o);
        return true;
    }
    case OBJ_STATICMETHOD:
    case OBJ_CLASSMETHOD:
        tb_printf(out, "<%s(", o->cls->name->data);
        if (!repr_into(vm, AS_DESCRIPTOR(v)->fget, out, ctx)) return false;
        tb_adds(out, ")>");
        return true;
    case OBJ_CODE: {
        ObjCode *c = AS_CODE(v);
        tb_printf(out, "<code object %s at %p, file \"%s\", line %u>",
                  c->name ? c->name->data : "?", (void *)o, c->filename ? c->filename->data : "?",
                  c->first_line);
        return true;
    }
    case OBJ_INSTANCE:
        if (value_is(v, vm->not_implemented)) {
            tb_adds(out, "NotImplemented");
            return true;
        }
        if (value_is(v, vm->ellipsis)) {
            tb_adds(out, "Ellipsis");
            return true;
        }
        break;
    default: break;
    }
    default_repr(vm, v, out);
    return true;
}

static bool native_object_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out);
static bool native_object_str(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out);

static bool repr_into(VM *vm, Value v, TextBuf *out, ReprCtx *ctx)
{
    switch (v.tag) {
    case VAL_NONE: tb_adds(out, "None"); return true;
    case VAL_BOOL: tb_adds(out, AS_BOOL(v) ? "True" : "False"); return true;
    case VAL_INT: add_int(out, AS_INT(v)); return true;
    case VAL_FLOAT: add_float(out, AS_FLOAT(v)); return true;
    case VAL_OBJ: break;
    default: tb_adds(out, "<empty>"); return true;
    }
    ObjClass *cls = AS_OBJ(v)->cls;
    if (cls->class_flags & CLASS_BUILTIN) {
        uint8_t kind = AS_OBJ(v)->kind;
        if (kind == OBJ_STR) {
            str_repr_into(AS_STR(v), out);
            return true;
        }
        if (kind == OBJ_LIST || kind == OBJ_TUPLE || kind == OBJ_DICT)
            return container_repr(vm, v, out, ctx);
    } else {
        Value m = user_special(vm, cls, vm->n.__repr__);
        if (!IS_EMPTY(m)) {
            ReprCtx here = {ctx, AS_OBJ(v), ctx ? ctx->depth + 1 : 1};
            if (here.depth > vm->max_depth)
                return vm_raise(vm, vm->c.RecursionError,
                                "maximum recursion depth exceeded while getting the repr of an "
                                "object");
            return call_text_method(vm, m, v, "__repr__", out);
        }
    }
    /* Module classes written in C may bring their own __repr__. */
    uint8_t kind = AS_OBJ(v)->kind;
    if (kind == OBJ_INSTANCE || kind == OBJ_OPAQUE) {
        Value m = native_special(vm, cls, vm->n.__repr__);
        if (!IS_EMPTY(m) && AS_NATIVE(m)->fn != native_object_repr)
            return call_text_method(vm, m, v, "__repr__", out);
    }
    return object_repr(vm, v, out, ctx);
}

static bool str_into(VM *vm, Value v, TextBuf *out)
{
    if (IS_OBJ(v)) {
        ObjClass *cls = AS_OBJ(v)->cls;
        if (AS_OBJ(v)->kind == OBJ_STR && (cls->class_flags & CLASS_BUILTIN)) {
            tb_add_str(out, AS_STR(v));
            return true;
        }
        Value m = user_special(vm, cls, vm->n.__str__);
        if (!IS_EMPTY(m)) return call_text_method(vm, m, v, "__str__", out);
        uint8_t kind = AS_OBJ(v)->kind;
        if (kind == OBJ_STR) {
            tb_add_str(out, AS_STR(v));
            return true;
        }
        if (kind == OBJ_EXCEPTION) {
            ObjStr *s = NULL;
            if (!exception_str(vm, AS_EXCEPTION(v), &s)) return false;
            tb_add_str(out, s);
            return true;
        }
        if (kind == OBJ_INSTANCE || kind == OBJ_OPAQUE) {
            m = native_special(vm, cls, vm->n.__str__);
            if (!IS_EMPTY(m) && AS_NATIVE(m)->fn != native_object_str)
                return call_text_method(vm, m, v, "__str__", out);
        }
    }
    return repr_into(vm, v, out, NULL);
}

bool op_repr_into(VM *vm, Value v, TextBuf *out)
{
    return repr_into(vm, v, out, NULL);
}

bool op_str_into(VM *vm, Value v, TextBuf *out)
{
    return str_into(vm, v, out);
}

bool op_repr(VM *vm, Value v, ObjStr **out)
{
    if (number_repr(vm, v, out)) return true;
    TextBuf b;
    tb_init(&b);
    if (!repr_into(vm, v, &b, NULL)) {
        tb_free(&b);
        return false;
    }
    *out = tb_to_str(vm, &b);
    return true;
}

bool op_str(VM *vm, Value v, ObjStr **out)
{
    if (IS_STR(v) && (AS_OBJ(v)->cls == vm->c.str)) {
        *out = AS_STR(v);
        return true;
    }
    if (number_repr(vm, v, out)) return true;
    TextBuf b;
    tb_init(&b);
    if (!str_into(vm, v, &b)) {
        tb_free(&b);
        return false;
    }
    *out = tb_to_str(vm, &b);
    return true;
}

/* ---- object's special methods (so super().__repr__() etc. work) ------------------- */

static bool need_self(VM *vm, int nargs, const char *name)
{
    if (nargs < 1)
        return vm_raise(vm, vm->c.TypeError, "descriptor '%s' of 'object' object needs an argument",
                        name);
    return true;
}

static bool native_object_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!need_self(vm, nargs, "__repr__")) return false;
    TextBuf b;
    tb_init(&b);
    bool ok;
    if (IS_OBJ(args[0]) && (AS_OBJ(args[0])->kind == OBJ_INSTANCE || AS_OBJ(args[0])->kind == OBJ_OPAQUE)) {
        default_repr(vm, args[0], &b);
        ok = true;
    } else {
        ok = object_repr(vm, args[0], &b, NULL);
        if (!IS_OBJ(args[0])) {
            tb_free(&b);
            tb_init(&b);
            ok = repr_into(vm, args[0], &b, NULL);
        }
    }
    if (!ok) {
        tb_free(&b);
        return false;
    }
    *out = OBJ_VAL(tb_to_str(vm, &b));
    return true;
}

static bool native_object_str(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!need_self(vm, nargs, "__str__")) return false;
    ObjStr *s = NULL;
    if (!op_repr(vm, args[0], &s)) return false;
    *out = OBJ_VAL(s);
    return true;
}

static bool native_object_eq(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!need_self(vm, nargs, "__eq__")) return false;
    if (nargs != 2)
        return vm_raise(vm, vm->c.TypeError, "expected 1 argument, got %d", nargs - 1);
    *out = value_is(args[0], args[1]) ? TRUE_VAL : vm->not_implemented;
    return true;
}

static bool native_object_ne(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!need_self(vm, nargs, "__ne__")) return false;
    if (nargs != 2)
        return vm_raise(vm, vm->c.TypeError, "expected 1 argument, got %d", nargs - 1);
    ObjClass *cls = vm_class_of(vm, args[0]);
    Value m = user_special(vm, cls, vm->n.__eq__);
    Value r;
    if (IS_EMPTY(m)) {
        r = value_is(args[0], args[1]) ? TRUE_VAL : vm->not_implemented;
    } else if (!call_special(vm, m, args[0], &args[1], 1, &r)) {
        return false;
    }
    if (is_not_implemented(vm, r)) {
        *out = r;
        return true;
    }
    bool t;
    if (!op_truthy(vm, r, &t)) return false;
    *out = BOOL_VAL(!t);
    return true;
}

static bool native_object_hash(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!need_self(vm, nargs, "__hash__")) return false;
    if (IS_OBJ(args[0]) && !IS_BIGINT(args[0])) {
        *out = INT_VAL((int64_t)identity_hash(AS_OBJ(args[0])));
        return true;
    }
    uint64_t h;
    if (!op_hash(vm, args[0], &h)) return false;
    *out = INT_VAL((int64_t)h);
    return true;
}

void ops_install(VM *vm)
{
    ObjClass *o = vm->c.object;
    vm_define_native(vm, o->dict, "__repr__", native_object_repr, o);
    vm_define_native(vm, o->dict, "__str__", native_object_str, o);
    vm_define_native(vm, o->dict, "__eq__", native_object_eq, o);
    vm_define_native(vm, o->dict, "__ne__", native_object_ne, o);
    vm_define_native(vm, o->dict, "__hash__", native_object_hash, o);
}

/* ---- containment ----------------------------------------------------------------------- */

/* item in container by iterating it. */
static bool contains_by_iter(VM *vm, Value it, Value item, bool *out)
{
    vm_push_root(vm, it);
    bool ok = true;
    *out = false;
    for (;;) {
        Value x;
        bool done;
        if (!op_next(vm, it, &x, &done)) {
            ok = false;
            break;
        }
        if (done) break;
        bool eq;
        vm_push_root(vm, x);
        ok = op_eq(vm, x, item, &eq);
        vm_pop_root(vm, 1);
        if (!ok) break;
        if (eq) {
            *out = true;
            break;
        }
    }
    vm_pop_root(vm, 1);
    return ok;
}

static bool str_contains(VM *vm, ObjStr *hay, Value item, bool *out)
{
    if (!IS_STR(item))
        return vm_raise(vm, vm->c.TypeError, "'in <string>' requires string as left operand, not %s",
                        type_name(vm, item));
    ObjStr *needle = AS_STR(item);
    if (needle->byte_len == 0) *out = true;
    else if (needle->byte_len == 1) *out = memchr(hay->data, needle->data[0], hay->byte_len) != NULL;
    else *out = memmem(hay->data, hay->byte_len, needle->data, needle->byte_len) != NULL;
    return true;
}

bool op_contains(VM *vm, Value container, Value item, bool *out)
{
    if (!IS_OBJ(container))
        return vm_raise(vm, vm->c.TypeError, "argument of type '%s' is not iterable",
                        type_name(vm, container));
    Obj *o = AS_OBJ(container);
    ObjClass *cls = o->cls;
    Value m = user_special(vm, cls, vm->n.__contains__);
    if (!IS_EMPTY(m)) {
        Value r;
        if (!call_special(vm, m, container, &item, 1, &r)) return false;
        return op_truthy(vm, r, out);
    }
    switch (o->kind) {
    case OBJ_STR: return str_contains(vm, AS_STR(container), item, out);
    case OBJ_LIST:
    case OBJ_TUPLE:
        for (uint32_t i = 0; i < seq_len(container); i++) {
            bool eq;
            if (!op_eq(vm, seq_item(container, i), item, &eq)) return false;
            if (eq) {
                *out = true;
                return true;
            }
        }
        *out = false;
        return true;
    case OBJ_DICT: {
        Value v;
        return dict_get(vm, AS_DICT(container), item, &v, out);
    }
    case OBJ_SET: return set_contains(vm, AS_SET(container), item, out);
    case OBJ_RANGE: return range_contains(vm, AS_RANGE(container), item, out);
    case OBJ_ITER:
        if (iter_is_view(container)) return dict_view_contains(vm, AS_ITER(container), item, out);
        break;
    default: break;
    }
    m = native_special(vm, cls, vm->n.__contains__);
    if (!IS_EMPTY(m)) {
        Value r;
        if (!call_special(vm, m, container, &item, 1, &r)) return false;
        return op_truthy(vm, r, out);
    }
    bool iterable = o->kind == OBJ_ITER || o->kind == OBJ_GENERATOR ||
                    !IS_EMPTY(class_lookup(cls, vm->n.__iter__)) ||
                    !IS_EMPTY(user_special(vm, cls, vm->n.__getitem__));
    if (!iterable)
        return vm_raise(vm, vm->c.TypeError, "argument of type '%s' is not iterable",
                        cls->name->data);
    Value it;
    if (!op_iter(vm, container, &it)) return false;
    return contains_by_iter(vm, it, item, out);
}

/* ---- subscripts ------------------------------------------------------------------------ */

/* Byte offset of code point index i in s (0 <= i <= char_len). */
static uint32_t str_offset(ObjStr *s, int64_t i)
{
    if (s->ascii) return (uint32_t)i;
    uint32_t off = 0;
    if (i > (int64_t)s->char_len / 2) {
        /* Closer to the end: walk back. */
        int64_t k = s->char_len;
        off = s->byte_len;
        while (k > i) {
            off--;
            while (((uint8_t)s->data[off] & 0xC0) == 0x80) off--;
            k--;
        }
        return off;
    }
    for (int64_t k = 0; k < i; k++) {
        off++;
        while (off < s->byte_len && ((uint8_t)s->data[off] & 0xC0) == 0x80) off++;
    }
    return off;
}

static uint32_t cp_len_at(ObjStr *s, uint32_t off)
{
    uint8_t c = (uint8_t)s->data[off];
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static bool str_getitem(VM *vm, ObjStr *s, Value key, Value *out)
{
    if (IS_KIND(key, OBJ_SLICE)) {
        int64_t start, stop, step, n;
        if (!slice_indices(vm, (ObjSlice *)AS_OBJ(key), s->char_len, &start, &stop, &step, &n))
            return false;
        if (n <= 0) {
            *out = OBJ_VAL(vm->n.empty);
            return true;
        }
        if (step == 1) {
            if (n == (int64_t)s->char_len && s->obj.cls == vm->c.str) {
                *out = OBJ_VAL(s);
                return true;
            }
            uint32_t a = str_offset(s, start);
            uint32_t b = s->ascii ? (uint32_t)stop : a;
            if (!s->ascii)
                for (int64_t k = 0; k < n; k++) b += cp_len_at(s, b);
            *out = OBJ_VAL(str_new(vm, s->data + a, b - a));
            return true;
        }
        if (s->ascii) {
            ObjStr *r = str_alloc(vm, (size_t)n);
            for (int64_t k = 0; k < n; k++) r->data[k] = s->data[start + k * step];
            r->char_len = (uint32_t)n;
            r->ascii = 1;
            *out = OBJ_VAL(r);
            return true;
        }
        /* Non-ASCII with a step: index the code points once. */
        uint32_t *offs = malloc(((size_t)s->char_len + 1) * sizeof(uint32_t));
        if (offs == NULL) abort();
        uint32_t off = 0;
        for (uint32_t k = 0; k < s->char_len; k++) {
            offs[k] = off;
            off += cp_len_at(s, off);
        }
        offs[s->char_len] = off;
        size_t bytes = 0;
        for (int64_t k = 0; k < n; k++) {
            int64_t i = start + k * step;
            bytes += offs[i + 1] - offs[i];
        }
        TextBuf b;
        tb_init(&b);
        tb_reserve(&b, bytes);
        for (int64_t k = 0; k < n; k++) {
            int64_t i = start + k * step;
            tb_add(&b, s->data + offs[i], offs[i + 1] - offs[i]);
        }
        free(offs);
        *out = OBJ_VAL(tb_to_str(vm, &b));
        return true;
    }
    int64_t i;
    if (is_intlike(key)) {
        i = as_i64(key);
    } else if (IS_BIGINT(key)) {
        return vm_raise(vm, vm->c.IndexError, "cannot fit 'int' into an index-sized integer");
    } else if (IS_OBJ(key) && !IS_STR(key) &&
               !IS_EMPTY(class_lookup(vm_class_of(vm, key), vm->n.__index__))) {
        if (!op_index(vm, key, &i)) return false;
    } else {
        return vm_raise(vm, vm->c.TypeError, "string indices must be integers, not '%s'",
                        type_name(vm, key));
    }
    if (i < 0) i += s->char_len;
    if (i < 0 || i >= (int64_t)s->char_len)
        return vm_raise(vm, vm->c.IndexError, "string index out of range");
    if (s->ascii) {
        *out = vm->small_strs[(uint8_t)s->data[i]];
        return true;
    }
    uint32_t off = str_offset(s, i);
    uint32_t len = cp_len_at(s, off);
    if (len == 1) {
        *out = vm->small_strs[(uint8_t)s->data[off]];
        return true;
    }
    *out = OBJ_VAL(str_new(vm, s->data + off, len));
    return true;
}

static bool not_subscriptable(VM *vm, Value obj)
{
    if (IS_CLASS(obj))
        return vm_raise(vm, vm->c.TypeError, "type '%s' is not subscriptable",
                        AS_CLASS(obj)->name->data);
    return vm_raise(vm, vm->c.TypeError, "'%s' object is not subscriptable", type_name(vm, obj));
}

bool op_getitem(VM *vm, Value obj, Value key, Value *out)
{
    if (!IS_OBJ(obj)) return not_subscriptable(vm, obj);
    Obj *o = AS_OBJ(obj);
    ObjClass *cls = o->cls;
    if (o->kind == OBJ_LIST && cls == vm->c.list) {
        ObjList *l = (ObjList *)o;
        if (IS_INT(key)) {
            int64_t i = AS_INT(key);
            if (i < 0) i += l->len;
            if (i < 0 || i >= (int64_t)l->len)
                return vm_raise(vm, vm->c.IndexError, "list index out of range");
            *out = l->items[i];
            return true;
        }
        return list_getitem(vm, l, key, out);
    }
    Value m = user_special(vm, cls, vm->n.__getitem__);
    if (!IS_EMPTY(m)) return call_special(vm, m, obj, &key, 1, out);
    switch (o->kind) {
    case OBJ_LIST: return list_getitem(vm, (ObjList *)o, key, out);
    case OBJ_TUPLE:
        if (IS_INT(key)) {
            ObjTuple *t = (ObjTuple *)o;
            int64_t i = AS_INT(key);
            if (i < 0) i += t->len;
            if (i < 0 || i >= (int64_t)t->len)
                return vm_raise(vm, vm->c.IndexError, "tuple index out of range");
            *out = t->items[i];
            return true;
        }
        return tuple_getitem(vm, (ObjTuple *)o, key, out);
    case OBJ_STR: return str_getitem(vm, (ObjStr *)o, key, out);
    case OBJ_DICT: return dict_getitem(vm, (ObjDict *)o, key, out);
    case OBJ_RANGE: return range_getitem(vm, (ObjRange *)o, key, out);
    case OBJ_CLASS: {
        /* C[...]: __class_getitem__, or list[int]-style annotations. */
        ObjClass *c = (ObjClass *)o;
        Value cg = class_lookup(c, str_intern_cstr(vm, "__class_getitem__"));
        if (!IS_EMPTY(cg)) {
            Value args[2] = {obj, key};
            if (IS_KIND(cg, OBJ_CLASSMETHOD) || IS_KIND(cg, OBJ_STATICMETHOD))
                cg = AS_DESCRIPTOR(cg)->fget;
            return vm_call(vm, cg, args, 2, NULL, out);
        }
        if (c->class_flags & CLASS_BUILTIN) {
            *out = obj; /* no generic aliases: the class stands for itself */
            return true;
        }
        return not_subscriptable(vm, obj);
    }
    default: break;
    }
    m = native_special(vm, cls, vm->n.__getitem__);
    if (!IS_EMPTY(m)) return call_special(vm, m, obj, &key, 1, out);
    return not_subscriptable(vm, obj);
}

bool op_setitem(VM *vm, Value obj, Value key, Value v)
{
    if (IS_OBJ(obj)) {
        Obj *o = AS_OBJ(obj);
        ObjClass *cls = o->cls;
        if (o->kind == OBJ_LIST && cls == vm->c.list && IS_INT(key)) {
            ObjList *l = (ObjList *)o;
            int64_t i = AS_INT(key);
            if (i < 0) i += l->len;
            if (i < 0 || i >= (int64_t)l->len)
                return vm_raise(vm, vm->c.IndexError, "list assignment index out of range");
            l->items[i] = v;
            return true;
        }
        if (o->kind == OBJ_DICT && cls == vm->c.dict) return dict_set(vm, (ObjDict *)o, key, v);
        Value m = user_special(vm, cls, vm->n.__setitem__);
        if (!IS_EMPTY(m)) {
            Value args[2] = {key, v}, r;
            return call_special(vm, m, obj, args, 2, &r);
        }
        if (o->kind == OBJ_LIST) return list_setitem(vm, (ObjList *)o, key, v);
        if (o->kind == OBJ_DICT) return dict_set(vm, (ObjDict *)o, key, v);
        m = native_special(vm, cls, vm->n.__setitem__);
        if (!IS_EMPTY(m)) {
            Value args[2] = {key, v}, r;
            return call_special(vm, m, obj, args, 2, &r);
        }
    }
    return vm_raise(vm, vm->c.TypeError, "'%s' object does not support item assignment",
                    type_name(vm, obj));
}

bool op_delitem(VM *vm, Value obj, Value key)
{
    if (IS_OBJ(obj)) {
        Obj *o = AS_OBJ(obj);
        ObjClass *cls = o->cls;
        Value m = user_special(vm, cls, vm->n.__delitem__);
        if (!IS_EMPTY(m)) {
            Value r;
            return call_special(vm, m, obj, &key, 1, &r);
        }
        if (o->kind == OBJ_LIST) return list_delitem(vm, (ObjList *)o, key);
        if (o->kind == OBJ_DICT) {
            bool found;
            if (!dict_del(vm, (ObjDict *)o, key, &found)) return false;
            if (!found) return exception_raise_key_error(vm, key);
            return true;
        }
        m = native_special(vm, cls, vm->n.__delitem__);
        if (!IS_EMPTY(m)) {
            Value r;
            return call_special(vm, m, obj, &key, 1, &r);
        }
        if (o->kind == OBJ_STR || o->kind == OBJ_TUPLE || o->kind == OBJ_RANGE ||
            !IS_EMPTY(class_lookup(cls, vm->n.__getitem__)))
            return vm_raise(vm, vm->c.TypeError, "'%s' object doesn't support item deletion",
                            cls->name->data);
    }
    return vm_raise(vm, vm->c.TypeError, "'%s' object does not support item deletion",
                    type_name(vm, obj));
}

/* ---- iteration ------------------------------------------------------------------------- */

static bool is_iterator(VM *vm, Value v)
{
    if (IS_KIND(v, OBJ_ITER)) return iter_is_iterator(AS_ITER(v));
    if (IS_KIND(v, OBJ_GENERATOR)) return vm_class_of(vm, v) == vm->c.generator;
    return IS_OBJ(v) && !IS_EMPTY(class_lookup(vm_class_of(vm, v), vm->n.__next__));
}

bool op_iter(VM *vm, Value v, Value *out)
{
    if (IS_OBJ(v)) {
        Obj *o = AS_OBJ(v);
        ObjClass *cls = o->cls;
        Value m = user_special(vm, cls, vm->n.__iter__);
        if (IS_EMPTY(m)) {
            bool found;
            if (!iter_for_object(vm, v, out, &found)) return false;
            if (found) return true;
            if (o->kind == OBJ_ITER && iter_is_iterator(AS_ITER(v))) {
                *out = v;
                return true;
            }
            if (o->kind == OBJ_GENERATOR && cls == vm->c.generator) {
                *out = v;
                return true;
            }
            m = native_special(vm, cls, vm->n.__iter__);
        }
        if (!IS_EMPTY(m)) {
            Value r;
            if (!call_special(vm, m, v, NULL, 0, &r)) return false;
            if (!is_iterator(vm, r))
                return vm_raise(vm, vm->c.TypeError, "iter() returned non-iterator of type '%s'",
                                type_name(vm, r));
            *out = r;
            return true;
        }
        /* A class with __getitem__ but no __iter__: the old sequence protocol. */
        if (!IS_EMPTY(user_special(vm, cls, vm->n.__getitem__))) {
            ObjIter *it = iter_new(vm, vm->c.seq_iterator, ITER_SEQ, v);
            it->index = 0;
            *out = OBJ_VAL(it);
            return true;
        }
    }
    return vm_raise(vm, vm->c.TypeError, "'%s' object is not iterable", type_name(vm, v));
}

/* Call a __next__ method, mapping StopIteration to *done. */
static bool call_next(VM *vm, Value m, Value it, Value *out, bool *done)
{
    Value r;
    if (call_special(vm, m, it, NULL, 0, &r)) {
        *done = false;
        *out = r;
        return true;
    }
    if (vm_exception_matches(vm, vm->c.StopIteration)) {
        /* the value StopIteration carries is what `await` / `yield from` give */
        Value stop = vm_take_exception(vm);
        ObjTuple *args = IS_EXCEPTION(stop) ? AS_EXCEPTION(stop)->args : NULL;
        *out = args && args->len ? args->items[0] : NONE_VAL;
        *done = true;
        return true;
    }
    return false;
}

bool op_callable(VM *vm, Value v)
{
    if (!IS_OBJ(v)) return false;
    switch (AS_OBJ(v)->kind) {
    case OBJ_FUNCTION:
    case OBJ_NATIVE:
    case OBJ_BOUND_METHOD:
    case OBJ_CLASS: return true;
    default: return !IS_EMPTY(class_lookup(AS_OBJ(v)->cls, vm->n.__call__));
    }
}

bool op_next(VM *vm, Value it, Value *out, bool *done)
{
    if (IS_OBJ(it)) {
        Obj *o = AS_OBJ(it);
        ObjClass *cls = o->cls;
        if (o->kind == OBJ_ITER && (cls->class_flags & CLASS_BUILTIN) &&
            iter_is_iterator(AS_ITER(it))) {
            *done = false;
            return iter_next_builtin(vm, AS_ITER(it), out, done);
        }
        if (o->kind == OBJ_GENERATOR && cls == vm->c.generator) return vm_generator_next(vm, it, out, done);
        Value m = user_special(vm, cls, vm->n.__next__);
        if (IS_EMPTY(m)) {
            if (o->kind == OBJ_ITER && iter_is_iterator(AS_ITER(it))) {
                *done = false;
                return iter_next_builtin(vm, AS_ITER(it), out, done);
            }
            m = native_special(vm, cls, vm->n.__next__);
        }
        if (!IS_EMPTY(m)) return call_next(vm, m, it, out, done);

    }
    return vm_raise(vm, vm->c.TypeError, "'%s' object is not an iterator", type_name(vm, it));
}

static bool index_too_big(VM *vm)
{
    return vm_raise(vm, vm->c.OverflowError, "Python int too large to convert to C ssize_t");
}

bool op_index(VM *vm, Value v, int64_t *out)
{
    if (is_intlike(v)) {
        *out = as_i64(v);
        return true;
    }
    if (IS_BIGINT(v)) return index_too_big(vm);
    if (IS_OBJ(v)) {
        ObjClass *cls = AS_OBJ(v)->cls;
        Value m = user_special(vm, cls, vm->n.__index__);
        if (IS_EMPTY(m) && !(cls->class_flags & CLASS_BUILTIN)) m = native_special(vm, cls, vm->n.__index__);
        if (!IS_EMPTY(m)) {
            Value r;
            if (!call_special(vm, m, v, NULL, 0, &r)) return false;
            if (IS_BIGINT(r)) return index_too_big(vm);
            if (!is_intlike(r))
                return vm_raise(vm, vm->c.TypeError, "__index__ returned non-int (type %s)",
                                type_name(vm, r));
            *out = as_i64(r);
            return true;
        }
    }
    return vm_raise(vm, vm->c.TypeError, "'%s' object cannot be interpreted as an integer",
                    type_name(vm, v));
}

/* ---- args.h ---------------------------------------------------------------------------- */

bool args_no_kw(VM *vm, const char *fname, ObjTuple *kwnames)
{
    if (kwnames == NULL || kwnames->len == 0) return true;
    return vm_raise(vm, vm->c.TypeError, "%s() takes no keyword arguments", fname);
}

bool args_one(VM *vm, const char *fname, int nargs)
{
    if (nargs == 1) return true;
    return vm_raise(vm, vm->c.TypeError, "%s takes exactly one argument (%d given)", fname, nargs);
}

bool args_none(VM *vm, const char *fname, int nargs)
{
    if (nargs == 0) return true;
    return vm_raise(vm, vm->c.TypeError, "%s takes no arguments (%d given)", fname, nargs);
}

bool args_range(VM *vm, const char *fname, int nargs, int min, int max)
{
    if (nargs >= min && (max < 0 || nargs <= max)) return true;
    if (min == max)
        return vm_raise(vm, vm->c.TypeError, "%s expected %d argument%s, got %d", fname, min,
                        min == 1 ? "" : "s", nargs);
    if (nargs < min)
        return vm_raise(vm, vm->c.TypeError, "%s expected at least %d argument%s, got %d", fname,
                        min, min == 1 ? "" : "s", nargs);
    return vm_raise(vm, vm->c.TypeError, "%s expected at most %d argument%s, got %d", fname, max,
                    max == 1 ? "" : "s", nargs);
}

bool args_range_paren(VM *vm, const char *fname, int nargs, int min, int max)
{
    if (nargs >= min && (max < 0 || nargs <= max)) return true;
    if (nargs < min)
        return vm_raise(vm, vm->c.TypeError, "%s() takes at least %d argument%s (%d given)", fname,
                        min, min == 1 ? "" : "s", nargs);
    return vm_raise(vm, vm->c.TypeError, "%s() takes at most %d argument%s (%d given)", fname, max,
                    max == 1 ? "" : "s", nargs);
}

bool args_parse(VM *vm, const char *fname, Value *args, int nargs, ObjTuple *kwnames, int npos,
                int nreq, const char *const *names, int n, Value *out)
{
    int nkw = args_nkw(kwnames);
    if (nargs > npos) {
        if (npos == n)
            return vm_raise(vm, vm->c.TypeError, "%s() takes at most %d argument%s (%d given)",
                            fname, n, n == 1 ? "" : "s", nargs + nkw);
        return vm_raise(vm, vm->c.TypeError, "%s() takes at most %d positional argument%s (%d given)",
                        fname, npos, npos == 1 ? "" : "s", nargs);
    }
    for (int i = 0; i < n; i++) out[i] = i < nargs ? args[i] : EMPTY_VAL;
    for (int k = 0; k < nkw; k++) {
        ObjStr *kw = AS_STR(kwnames->items[k]);
        int i = 0;
        while (i < n && strcmp(names[i], kw->data) != 0) i++;
        if (i == n || names[i][0] == '\0')
            return vm_raise(vm, vm->c.TypeError, "'%s' is an invalid keyword argument for %s()",
                            kw->data, fname);
        if (i < nargs)
            return vm_raise(vm, vm->c.TypeError,
                            "argument for %s() given by name ('%s') and position (%d)", fname,
                            names[i], i + 1);
        out[i] = args[nargs + k];
    }
    for (int i = 0; i < nreq; i++) {
        if (IS_EMPTY(out[i]))
            return vm_raise(vm, vm->c.TypeError, "%s() missing required argument '%s' (pos %d)",
                            fname, names[i], i + 1);
    }
    return true;
}

bool args_self(VM *vm, Value *args, int nargs, ObjClass *cls, const char *method)
{
    if (nargs < 1)
        return vm_raise(vm, vm->c.TypeError, "unbound method %s.%s() needs an argument",
                        cls->name->data, method);
    if (!vm_isinstance(vm, args[0], cls))
        return vm_raise(vm, vm->c.TypeError,
                        "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", method,
                        cls->name->data, type_name(vm, args[0]));
    return true;
}
