/* range.h: range and slice internals beyond the constructors in object.h. */
#ifndef LOOPBOOK_RANGE_H
#define LOOPBOOK_RANGE_H

#include "vm.h"

#define IS_RANGE(v) IS_KIND(v, OBJ_RANGE)
#define IS_SLICE(v) IS_KIND(v, OBJ_SLICE)

/* Number of items of a range. */
int64_t range_len(const ObjRange *r);
/* The i-th item (0 <= i < len). */
int64_t range_item(const ObjRange *r, int64_t i);
/* Whether two ranges are the same sequence (what == means for ranges). */
bool range_equal(const ObjRange *a, const ObjRange *b);
/* hash(range) as CPython computes it. */
bool range_hash(VM *vm, const ObjRange *r, uint64_t *out);
/* `v in r` (O(1) for ints). */
bool range_contains(VM *vm, const ObjRange *r, Value v, bool *out);
/* r[key] for an int-like or slice key (a slice gives a range). */
bool range_getitem(VM *vm, ObjRange *r, Value key, Value *out);
/* repr: range(0, 5) / range(0, 10, 2). */
ObjStr *range_repr(VM *vm, const ObjRange *r);

/* slice.indices(len) with CPython's clamping: ValueError for a zero step,
 * TypeError for non-integer bounds. *slicelen is the number of items. */
bool slice_indices(VM *vm, ObjSlice *s, int64_t len, int64_t *start, int64_t *stop,
                   int64_t *step, int64_t *slicelen);
/* repr: slice(1, None, 2). */
bool slice_repr(VM *vm, ObjSlice *s, ObjStr **out);

#endif
