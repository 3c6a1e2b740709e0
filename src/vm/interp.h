/* interp.h: the bytecode dispatch loop and the fibers it runs on. */
#ifndef LOOPBOOK_INTERP_H
#define LOOPBOOK_INTERP_H

#include "vm.h"

/* A fiber with an empty stack and no frames. */
ObjFiber *fiber_new(VM *vm);
/* Release a fiber's stack and frame chunks (GC sweep). */
void fiber_free_chunks(ObjFiber *f);
/* Run the fiber's top frame until a frame marked FRAME_RETURN_TO_C returns
 * (true, its value in *result) or an exception leaves it (false). */
bool interp_run(VM *vm, Value *result);
/* Run module-level code with the given globals on the current fiber until it
 * returns. False with the exception set on the VM when it raised. */
bool vm_run_code(VM *vm, ObjCode *code, ObjDict *globals, Value *result);

#endif
