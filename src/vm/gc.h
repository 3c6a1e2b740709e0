/* gc.h: the precise mark-sweep collector and the allocator it watches. */
#ifndef LOOPBOOK_GC_H
#define LOOPBOOK_GC_H

#include "vm.h"

/* A new object of `size` bytes (header included), zeroed but for the header.
 * May collect first, so everything the caller holds must be rooted. */
void *gc_alloc_object(VM *vm, size_t size, ObjKind kind, ObjClass *cls);
/* Grow, shrink (new_size > 0) or free (new_size == 0) a buffer owned by an
 * object. Counts bytes towards the next collection but never collects. */
void *gc_realloc(VM *vm, void *ptr, size_t old_size, size_t new_size);
/* Free a buffer from gc_realloc without touching the accounting (the sweep
 * settles that for a whole object). */
void gc_free_buffer(VM *vm, void *p);
/* A buffer outside the accounting (a fiber's stack and frame chunks). */
void *gc_alloc_buffer(VM *vm, size_t size);
/* Run a full collection now. */
void gc_collect(VM *vm);
/* Mark a value / object reachable (for mark callbacks of opaque objects). */
void gc_mark_value(VM *vm, Value v);
void gc_mark_object(VM *vm, Obj *o);
/* For vm->before_sweep_hook: whether v survived the marking; keep v (and
 * all it references) alive through this collection. */
bool gc_is_marked(Value v);
void gc_keep_alive(VM *vm, Value v);
/* How many objects are allocated (for tests). */
size_t gc_count_objects(VM *vm);
/* Call fn for every object still reachable (after a full collection). fn
 * must not allocate. */
void gc_each_live_object(VM *vm, void (*fn)(VM *vm, Obj *o, void *ctx), void *ctx);
/* Free every object (VM teardown). */
void gc_free_all(VM *vm);

/* Bytes allocated before the first collection. */
#define GC_FIRST_THRESHOLD_BYTES (4u << 20)

/* Growth helper for arrays inside objects. */
#define GC_GROW_CAP(cap) ((cap) < 8 ? 8 : (cap) * 2)

#endif
