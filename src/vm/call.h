/* call.h: calling things: functions, natives, bound methods, classes and
 * objects with __call__, from the interpreter (stackless) and from C. */
#ifndef LOOPBOOK_CALL_H
#define LOOPBOOK_CALL_H

#include "vm.h"

typedef enum {
    CALL_FAILED,       /* an exception is set */
    CALL_DONE,         /* the result is in *ret */
    CALL_PUSHED_FRAME, /* a bytecode frame was pushed: the interpreter continues in it */
} CallOutcome;

/* Call *callee with the arguments at args (nargs positional, then the values
 * of kwnames), which sit on the fiber's stack just above callee with room for
 * one more value. The result goes to *ret. */
CallOutcome call_from_interp(VM *vm, ObjFiber *f, Value *callee, Value *args, int nargs, ObjTuple *kwnames,
                             Value *ret);
/* callee(*args_tuple, **kwargs): *callee, then the tuple; kwargs is EMPTY when absent. */
CallOutcome call_ex_from_interp(VM *vm, ObjFiber *f, Value *callee, Value kwargs);
/* "f()" / "C.m()" / "print()": how a TypeError names the callee. */
const char *callable_name_for_error(VM *vm, Value callee);
/* Attribute lookup on a super() proxy. */
bool super_getattr(VM *vm, ObjInstance *sup, ObjStr *name, Value *out, bool *found);
/* Run a class body function with ns as its locals. */
bool call_class_body(VM *vm, ObjFunction *body, ObjDict *ns, Value *result);

#endif
