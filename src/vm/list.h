/* list.h: list internals beyond the constructors in object.h. */
#ifndef LOOPBOOK_LIST_H
#define LOOPBOOK_LIST_H

#include "vm.h"

/* Make room for at least need items (never collects). */
void list_reserve(VM *vm, ObjList *l, uint32_t need);
/* Append every item of an iterable (fast for list, tuple, dict, set ...). */
bool list_extend_from_iterable(VM *vm, ObjList *l, Value iterable);
/* A new list with the items of an iterable (list(iterable)). */
bool list_from_iterable(VM *vm, Value iterable, ObjList **out);
/* l[key] for an int-like or slice key, with CPython's messages. */
bool list_getitem(VM *vm, ObjList *l, Value key, Value *out);
/* l[key] = v for an int-like or slice key. */
bool list_setitem(VM *vm, ObjList *l, Value key, Value v);
/* del l[key] for an int-like or slice key. */
bool list_delitem(VM *vm, ObjList *l, Value key);
/* l[slice] as a new list. */
bool list_get_slice(VM *vm, ObjList *l, ObjSlice *s, Value *out);
/* l[slice] = iterable (extended slices check the size). */
bool list_set_slice(VM *vm, ObjList *l, ObjSlice *s, Value items);
/* del l[slice]. */
bool list_del_slice(VM *vm, ObjList *l, ObjSlice *s);
/* Sort in place like list.sort(key=key, reverse=reverse); key EMPTY or NONE
 * for none. Stable; ValueError when the list was modified during the sort. */
bool list_sort(VM *vm, ObjList *l, Value key, bool reverse); /* sort.c */
void values_reverse(Value *v, uint32_t n);

#endif
