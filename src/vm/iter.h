/* iter.h: the built-in iterators (ObjIter variants), dict views, and helpers
 * that let the interpreter and the generic operations iterate built-in
 * containers without a method call per item. */
#ifndef LOOPBOOK_ITER_H
#define LOOPBOOK_ITER_H

#include "ops.h"
#include "vm.h"

/* What an ObjIter is. The fields mean, per variant:
 *   LIST        seq list, index next position (INT64_MAX once exhausted)
 *   LIST_REV    seq list, index next position going down (-1 once exhausted)
 *   RANGE       a next value (INT), b step (INT), index yielded so far, limit length
 *   TUPLE       seq tuple, index next position
 *   STR         seq str, index byte offset of the next code point
 *   DICT_*      seq dict, index next entry, limit dict len at start, a remaining (INT)
 *   DICT_REV_*  seq dict, index next entry going down, limit len at start
 *   SET         seq set, index next table slot, limit set len at start, a remaining (INT)
 *   ENUMERATE   seq inner iterator, a the next count
 *   ZIP         seq tuple of iterators (NONE once exhausted)
 *   MAP         seq tuple of iterators, a the function
 *   FILTER      seq inner iterator, a the function (NONE: truthiness)
 *   REVERSED    seq the sequence, index next position going down (-1 once done);
 *               for a str, index is the byte offset just past the next code point
 *   VIEW_*      seq dict (dict_keys / dict_values / dict_items: not iterators) */
typedef enum {
    ITER_LIST = 0,
    ITER_RANGE = 1,
    ITER_LIST_REV,
    ITER_TUPLE,
    ITER_STR,
    ITER_DICT_KEYS,
    ITER_DICT_VALUES,
    ITER_DICT_ITEMS,
    ITER_DICT_REV_KEYS,
    ITER_DICT_REV_VALUES,
    ITER_DICT_REV_ITEMS,
    ITER_SET,
    ITER_ENUMERATE,
    ITER_ZIP,
    ITER_MAP,
    ITER_FILTER,
    ITER_REVERSED,
    ITER_SEQ, /* obj[0], obj[1], ... until IndexError or StopIteration */
    ITER_CALLABLE, /* iter(f, sentinel): seq is f, a the sentinel */
    ITER_VIEW_KEYS,
    ITER_VIEW_VALUES,
    ITER_VIEW_ITEMS,
    ITER_VARIANT_COUNT
} IterVariant;

/* Whether an ObjIter is an iterator (every variant but the dict views). */
static inline bool iter_is_iterator(const ObjIter *it)
{
    return it->variant < ITER_VIEW_KEYS;
}

/* Whether v is a dict view (dict_keys, dict_values, dict_items). */
static inline bool iter_is_view(Value v)
{
    return IS_KIND(v, OBJ_ITER) && AS_ITER(v)->variant >= ITER_VIEW_KEYS;
}

/* FOR_ITER fast path for ITER_LIST: true with *out set, false when exhausted.
 * Never fails, never allocates. */
static inline bool iter_list_next(ObjIter *it, Value *out)
{
    ObjList *l = (ObjList *)AS_OBJ(it->seq);
    if (it->index < (int64_t)l->len) {
        *out = l->items[it->index++];
        return true;
    }
    it->index = INT64_MAX;
    return false;
}

/* FOR_ITER fast path for ITER_RANGE: true with *out set, false when exhausted. */
static inline bool iter_range_next(ObjIter *it, Value *out)
{
    if (it->index < it->limit) {
        *out = it->a;
        it->a.as.i = (int64_t)((uint64_t)it->a.as.i + (uint64_t)it->b.as.i);
        it->index++;
        return true;
    }
    return false;
}

/* next() of a built-in iterator (any variant but the views): on success
 * either *out is the item or *done is true (exhausted, no exception set).
 * False with an exception set when it failed (e.g. a dict changed size). */
bool iter_next_builtin(VM *vm, ObjIter *it, Value *out, bool *done);

/* A built-in iterator over obj when obj is a list, tuple, str, range, dict,
 * set, frozenset or dict view (*found true; may fail only by running out of
 * memory); *found false for other kinds (nothing raised). */
bool iter_for_object(VM *vm, Value obj, Value *out, bool *found);

/* Like iter_for_object but by obj's layout alone, also for instances of
 * subclasses (what the __iter__ natives of list, dict ... use). */
bool iter_for_layout(VM *vm, Value obj, Value *out, bool *found);

/* iter(v): the built-in iterator when there is one, else op_iter. */
bool iter_get(VM *vm, Value v, Value *out);
/* next(it): built-in iterators directly, else op_next. */
bool iter_step(VM *vm, Value it, Value *out, bool *done);

/* A dict view of d (variant ITER_VIEW_KEYS, _VALUES or _ITEMS). */
ObjIter *dict_view_new(VM *vm, ObjDict *d, IterVariant variant);
/* len() of a dict view. */
int64_t dict_view_len(ObjIter *view);
/* `item in view` for a dict view. */
bool dict_view_contains(VM *vm, ObjIter *view, Value item, bool *out);
/* repr of a dict view: dict_keys(['a', 'b']). */
bool dict_view_repr(VM *vm, ObjIter *view, ObjStr **out);

/* a OP b for & | - ^ when a or b is a dict_keys or dict_items view (the
 * result is a set, as CPython's views give); *handled false otherwise. */
bool dict_view_binary(VM *vm, BinaryOp op, Value a, Value b, Value *out, bool *handled);
/* keys / items views compared with sets or such views (as sets); *handled
 * false for anything else. */
bool dict_view_compare(VM *vm, CompareOp op, Value a, Value b, Value *out, bool *handled);

/* reversed(v) as the builtin does it (list, tuple, str, range, dict, dict
 * views, user classes with __reversed__ or __len__ + __getitem__). */
bool iter_reversed(VM *vm, Value v, Value *out);

#endif
