/* set.c: placeholder until written. */
#include "vm.h"
#include "ops.h"
#include "types.h"
#include "generator.h"
#include "interp.h"
#include "builtins.h"

ObjSet *set_new(VM *vm, bool frozen) { (void)frozen; return NULL; (void)vm; }
bool set_add(VM *vm, ObjSet *s, Value k) { (void)s;(void)k; return vm_raise(vm, vm->c.NotImplementedError, "set"); }
bool set_contains(VM *vm, ObjSet *s, Value k, bool *f) { (void)s;(void)k;(void)f; return vm_raise(vm, vm->c.NotImplementedError, "set"); }
void set_install(VM *vm) { (void)vm; }
