/* interp.c */
#include "interp.h"
#include <stdlib.h>
#include "gc.h"
ObjFiber *fiber_new(VM *vm) { ObjFiber *f = gc_alloc_object(vm, sizeof(ObjFiber), OBJ_FIBER, vm->c.fiber); f->exc_info = NONE_VAL; f->transfer = NONE_VAL; return f; }
void fiber_free_chunks(ObjFiber *f) { (void)f; }
