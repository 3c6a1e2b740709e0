/* attr.h: attribute lookup beyond the public API in vm.h. */
#ifndef LOOPBOOK_ATTR_H
#define LOOPBOOK_ATTR_H

#include "vm.h"

/* For obj.name(...): when name resolves to a function on obj's class (not
 * shadowed by the instance), store that unbound function and return true, so
 * the call can pass obj as the first argument without a bound method. */
bool attr_lookup_method(VM *vm, Value obj, ObjStr *name, Value *method);

#endif
