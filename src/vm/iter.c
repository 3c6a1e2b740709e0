/* iter.c: placeholder until written. */
#include "vm.h"
#include "ops.h"
#include "types.h"
#include "generator.h"
#include "interp.h"
#include "builtins.h"

ObjIter *iter_new(VM *vm, ObjClass *cls, uint32_t variant, Value seq) { (void)vm;(void)cls;(void)variant;(void)seq; return NULL; }
void iter_install(VM *vm) { (void)vm; }
