/* ops.c: placeholder until written. */
#include "vm.h"
#include "str.h"
#include "ops.h"
#include "types.h"
#include "generator.h"
#include "interp.h"
#include "builtins.h"

bool op_binary(VM *vm, BinaryOp op, Value a, Value b, bool inplace, Value *out) { (void)op;(void)a;(void)b;(void)inplace;(void)out; return vm_raise(vm, vm->c.NotImplementedError, "op"); }
bool op_unary(VM *vm, UnaryOp op, Value a, Value *out) { (void)op;(void)a;(void)out; return vm_raise(vm, vm->c.NotImplementedError, "op"); }
bool op_compare(VM *vm, CompareOp op, Value a, Value b, Value *out) { (void)op;(void)a;(void)b;(void)out; return vm_raise(vm, vm->c.NotImplementedError, "op"); }
bool op_eq(VM *vm, Value a, Value b, bool *out) { (void)vm; *out = value_is(a, b); return true; }
bool op_truthy(VM *vm, Value v, bool *out) { (void)vm; *out = !(IS_NONE(v) || (IS_BOOL(v) && !AS_BOOL(v)) || (IS_INT(v) && AS_INT(v) == 0)); return true; }
bool op_hash(VM *vm, Value v, uint64_t *out) { (void)vm; *out = IS_STR(v) ? str_hash(AS_STR(v)) : (uint64_t)v.as.i; return true; }
bool op_repr(VM *vm, Value v, ObjStr **out) { (void)v; *out = str_from_cstr(vm, "<repr>"); return true; }
bool op_str(VM *vm, Value v, ObjStr **out) { if (IS_STR(v)) { *out = AS_STR(v); return true; } if (IS_INT(v)) { *out = str_printf(vm, "%lld", (long long)AS_INT(v)); return true; } return op_repr(vm, v, out); }
bool op_format(VM *vm, Value v, ObjStr *spec, ObjStr **out) { (void)spec; return op_str(vm, v, out); }
bool op_contains(VM *vm, Value c, Value i, bool *out) { (void)c;(void)i;(void)out; return vm_raise(vm, vm->c.NotImplementedError, "op"); }
bool op_getitem(VM *vm, Value o, Value k, Value *out) { (void)o;(void)k;(void)out; return vm_raise(vm, vm->c.NotImplementedError, "op"); }
bool op_setitem(VM *vm, Value o, Value k, Value v) { (void)o;(void)k;(void)v; return vm_raise(vm, vm->c.NotImplementedError, "op"); }
bool op_delitem(VM *vm, Value o, Value k) { (void)o;(void)k; return vm_raise(vm, vm->c.NotImplementedError, "op"); }
bool op_len(VM *vm, Value v, int64_t *out) { (void)v;(void)out; return vm_raise(vm, vm->c.NotImplementedError, "op"); }
bool op_iter(VM *vm, Value v, Value *out) { (void)v;(void)out; return vm_raise(vm, vm->c.NotImplementedError, "op"); }
bool op_next(VM *vm, Value it, Value *out, bool *done) { (void)it;(void)out;(void)done; return vm_raise(vm, vm->c.NotImplementedError, "op"); }
bool op_index(VM *vm, Value v, int64_t *out) { if (IS_INT(v)) { *out = AS_INT(v); return true; } return vm_raise(vm, vm->c.TypeError, "index"); }
const char *binop_symbol(BinaryOp op) { (void)op; return "?"; }
