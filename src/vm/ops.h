/* ops.h: the generic operations on values (what the bytecode's operators
 * mean), with fast paths for built-in types and dunder fallbacks for
 * instances of user classes. Every function returns false with an exception
 * set on the VM when it fails. */
#ifndef LOOPBOOK_OPS_H
#define LOOPBOOK_OPS_H

#include "vm.h"

typedef enum {
    BINOP_ADD,
    BINOP_SUB,
    BINOP_MUL,
    BINOP_TRUEDIV,
    BINOP_FLOORDIV,
    BINOP_MOD,
    BINOP_POW,
    BINOP_MATMUL,
    BINOP_LSHIFT,
    BINOP_RSHIFT,
    BINOP_AND,
    BINOP_OR,
    BINOP_XOR,
    BINOP_COUNT
} BinaryOp;

typedef enum { UNOP_NEG, UNOP_POS, UNOP_INVERT, UNOP_NOT } UnaryOp;

typedef enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } CompareOp;

/* The operator's symbol as CPython's messages spell it: "+", "//", "**" ... */
const char *binop_symbol(BinaryOp op);

/* a OP b; inplace selects the __iadd__ family first (a += b). */
bool op_binary(VM *vm, BinaryOp op, Value a, Value b, bool inplace, Value *out);

/* Linear-time `s += t` in loops (what CPython gets from refcounts): a str
 * made by op_iadd_slot carries STR_OWNED and spare room while the variable
 * that holds it is its only reference; the next op_iadd_slot on that
 * variable then appends in place. Contract for the interpreter: use
 * op_iadd_slot only for `x += e` on a variable slot, and call op_escape on
 * every value read out of a variable any other way (LOAD_FAST, LOAD_NAME,
 * LOAD_GLOBAL, LOAD_DEREF ...), which drops the ownership. */
#define STR_OWNED 0x8000 /* Obj.flags bit, on strs only */
/* *slot = *slot + rhs (inplace semantics), appending in place when owned. */
bool op_iadd_slot(VM *vm, Value *slot, Value rhs);
/* The value leaves its variable: it may be shared from now on. */
static inline void op_escape(Value v)
{
    if (v.tag == VAL_OBJ && (AS_OBJ(v)->flags & STR_OWNED) && AS_OBJ(v)->kind == OBJ_STR)
        AS_OBJ(v)->flags &= (uint16_t)~STR_OWNED;
}
/* OP a. */
bool op_unary(VM *vm, UnaryOp op, Value a, Value *out);
/* a OP b as Python evaluates it: may return a non-bool from a user __eq__. */
bool op_compare(VM *vm, CompareOp op, Value a, Value b, Value *out);
/* a == b reduced to a C bool (identity implies equality, as containers do). */
bool op_eq(VM *vm, Value a, Value b, bool *out);
/* callable(v). */
bool op_callable(VM *vm, Value v);
/* truth value (bool(v)). */
bool op_truthy(VM *vm, Value v, bool *out);
/* hash(v), CPython-compatible for int, float, bool, str, tuple, None. */
bool op_hash(VM *vm, Value v, uint64_t *out);
/* repr(v) and str(v). */
bool op_repr(VM *vm, Value v, ObjStr **out);
bool op_str(VM *vm, Value v, ObjStr **out);
/* format(v, spec) */
bool op_format(VM *vm, Value v, ObjStr *spec, ObjStr **out);
/* item in container */
bool op_contains(VM *vm, Value container, Value item, bool *out);
/* obj[key], obj[key] = v, del obj[key] */
bool op_getitem(VM *vm, Value obj, Value key, Value *out);
bool op_setitem(VM *vm, Value obj, Value key, Value v);
bool op_delitem(VM *vm, Value obj, Value key);
/* len(v) */
bool op_len(VM *vm, Value v, int64_t *out);
/* iter(v) */
bool op_iter(VM *vm, Value v, Value *out);
/* next(it): *done is set (and no exception) when the iterator is exhausted. */
bool op_next(VM *vm, Value it, Value *out, bool *done);
/* Put object's __repr__ __str__ __eq__ __ne__ __hash__ natives in place (str_install calls it). */
void ops_install(VM *vm);

/* An index for sequences: int, bool or __index__; TypeError otherwise. */
bool op_index(VM *vm, Value v, int64_t *out);

#endif
