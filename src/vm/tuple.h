/* tuple.h: tuple internals beyond the constructor in object.h. */
#ifndef LOOPBOOK_TUPLE_H
#define LOOPBOOK_TUPLE_H

#include "vm.h"

/* A tuple of the items of an iterable (the same tuple for an exact tuple). */
bool tuple_from_iterable(VM *vm, Value iterable, ObjTuple **out);
/* t[key] for an int-like or slice key, with CPython's messages. */
bool tuple_getitem(VM *vm, ObjTuple *t, Value key, Value *out);
/* t[slice] as a tuple. */
bool tuple_get_slice(VM *vm, ObjTuple *t, ObjSlice *s, Value *out);

#endif
