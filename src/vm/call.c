/* call.c */
#include "vm.h"
bool vm_call(VM *vm, Value callee, Value *args, int nargs, ObjTuple *kwnames, Value *out) { (void)callee;(void)args;(void)nargs;(void)kwnames;(void)out; return vm_raise(vm, vm->c.NotImplementedError, "call"); }
bool vm_call_method(VM *vm, Value self, ObjStr *name, Value *args, int nargs, Value *out) { (void)self;(void)name;(void)args;(void)nargs;(void)out; return vm_raise(vm, vm->c.NotImplementedError, "call"); }
void function_install(VM *vm) { (void)vm; }
