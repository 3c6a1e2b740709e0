/* exception.h: exception objects beyond the constructor in object.h. */
#ifndef LOOPBOOK_EXCEPTION_H
#define LOOPBOOK_EXCEPTION_H

#include "vm.h"

/* The attributes every exception has without an instance dict: args,
 * __cause__, __context__, __traceback__, __suppress_context__, and per class
 * StopIteration.value, SystemExit.code. *found false (nothing raised) for
 * other names, which then come from the instance dict and the class. */
bool exception_getattr(VM *vm, ObjException *e, ObjStr *name, Value *out, bool *found);
/* Store one of those attributes (with CPython's checks); *handled false for
 * other names, which go to the instance dict. */
bool exception_setattr(VM *vm, ObjException *e, ObjStr *name, Value v, bool *handled);
/* str(e) as BaseException.__str__ (KeyError: repr of its single arg). */
bool exception_str(VM *vm, ObjException *e, ObjStr **out);
/* repr(e): ValueError('bad'). */
bool exception_repr(VM *vm, ObjException *e, ObjStr **out);
/* Raise KeyError(key) (the key as the only arg, as dict lookups do). */
bool exception_raise_key_error(VM *vm, Value key);
/* Raise an exception of cls with no args (e.g. StopIteration()). */
bool exception_raise_empty(VM *vm, ObjClass *cls);
/* Raise StopIteration(value) (value NONE: no args). */
bool exception_raise_stop_iteration(VM *vm, Value value);
/* The sub-exceptions of a (Base)ExceptionGroup, or NULL for anything else. */
ObjTuple *exception_group_members(VM *vm, Value exc);
/* Whether v supports the sequence protocol, as PySequence_Check sees it. */
bool exception_is_sequence(VM *vm, Value v);
/* CPython 3.11's "Did you mean" for an uncaught NameError (the VM's "name 'x'
 * is not defined": locals of the innermost frame, globals, builtins) or
 * AttributeError (its name and obj attributes: dir(obj)), or NULL. */
ObjStr *exception_suggestion(VM *vm, Value exc);

#endif
