/* set.h: set and frozenset internals beyond set_new/set_add/set_contains in
 * object.h, including what the operators | & - ^ and comparisons need. The
 * table follows CPython's set algorithm, so iteration order matches. */
#ifndef LOOPBOOK_SET_H
#define LOOPBOOK_SET_H

#include "ops.h"
#include "vm.h"

#define SET_IS_FROZEN(s) (((s)->obj.flags & SET_FROZEN) != 0)

/* Number of items. */
static inline uint32_t set_len(const ObjSet *s)
{
    return s->used;
}
/* Iterate in table order: start with *pos = 0; false when done. */
bool set_next(const ObjSet *s, uint32_t *pos, Value *key);
/* Remove key if present (*found says whether it was). */
bool set_discard(VM *vm, ObjSet *s, Value key, bool *found);
/* Add every item of an iterable (set.update with one argument). */
bool set_update(VM *vm, ObjSet *s, Value iterable);
/* A new set or frozenset with the items of an iterable (NONE/EMPTY: empty). */
bool set_from_iterable(VM *vm, Value iterable, bool frozen, ObjSet **out);
/* A copy of s as a set (frozen false) or frozenset (frozen true). */
ObjSet *set_copy(VM *vm, ObjSet *s, bool frozen);

/* The binary operators on two sets (either may be frozen; the result has
 * the kind of a: set | frozenset is a set). */
bool set_or(VM *vm, ObjSet *a, ObjSet *b, Value *out);
bool set_and(VM *vm, ObjSet *a, ObjSet *b, Value *out);
bool set_sub(VM *vm, ObjSet *a, ObjSet *b, Value *out);
bool set_xor(VM *vm, ObjSet *a, ObjSet *b, Value *out);
/* In place (|= &= -= ^= on a set): modify a. */
bool set_ior(VM *vm, ObjSet *a, ObjSet *b);
bool set_iand(VM *vm, ObjSet *a, ObjSet *b);
bool set_isub(VM *vm, ObjSet *a, ObjSet *b);
bool set_ixor(VM *vm, ObjSet *a, ObjSet *b);
/* s.union(o), s.intersection(o), s.difference(o), s.symmetric_difference(o)
 * for op OR, AND, SUB, XOR, with o any iterable: a new set like s. */
bool set_method_op(VM *vm, ObjSet *s, BinaryOp op, Value other, Value *out);
/* s.update(o), intersection_update, difference_update,
 * symmetric_difference_update for op OR, AND, SUB, XOR, o any iterable. */
bool set_method_update(VM *vm, ObjSet *s, BinaryOp op, Value other);
/* a OP b for two sets (== != < <= > >=). */
bool set_compare(VM *vm, ObjSet *a, ObjSet *b, CompareOp op, bool *out);
/* hash(frozenset) exactly as CPython computes it. */
uint64_t set_frozen_hash(const ObjSet *s);
/* repr: {1, 2}, set(), frozenset({1}), frozenset(), MySet({1}). */
bool set_repr(VM *vm, ObjSet *s, ObjStr **out);

#endif
