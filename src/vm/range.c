/* range.c: placeholder until written. */
#include "vm.h"
#include "ops.h"
#include "types.h"
#include "generator.h"
#include "interp.h"
#include "builtins.h"

ObjRange *range_new(VM *vm, int64_t a, int64_t b, int64_t c) { (void)vm;(void)a;(void)b;(void)c; return NULL; }
ObjSlice *slice_new(VM *vm, Value a, Value b, Value c) { (void)vm;(void)a;(void)b;(void)c; return NULL; }
void range_install(VM *vm) { (void)vm; }
