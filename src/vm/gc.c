/* gc.c: precise mark-sweep. Roots are the fibers (their stacks and frames),
 * the VM's tables and classes, and the temporaries C code pushed. Interned
 * strings are weak: an unmarked one leaves the table before the sweep. */
#include "gc.h"

#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "generator.h"
#include "interp.h"
#include "str.h"

#define GC_FIRST_THRESHOLD GC_FIRST_THRESHOLD_BYTES
#define GC_GROWTH 2
/* Past this much live data the heap may grow by half of it, not all of it,
 * before the next collection: big heaps (200,000 pending tasks) would
 * otherwise sit at twice their live size. */
#define GC_BIG_HEAP (64u << 20)

static void *checked_realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size);
    if (p == NULL && size != 0) {
        fputs("loopbook: out of memory\n", stderr);
        abort();
    }
    return p;
}

/* Small objects (up to 256 bytes) live in pages of equal-sized slots, one
 * list of pages per size class; a free slot has kind OBJ_KIND_COUNT and is
 * linked through gc_next. The sweep walks the pages in address order, which
 * the processor prefetches, instead of chasing a list of scattered objects,
 * and rebuilds each free list in address order so that allocation moves
 * forward through memory. Bigger objects are malloc'd and kept on
 * vm->objects. Under AddressSanitizer every object is malloc'd so that
 * use-after-free is still caught. */
#if defined(__SANITIZE_ADDRESS__)
#define USE_PAGES 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define USE_PAGES 0
#endif
#endif
#ifndef USE_PAGES
#define USE_PAGES 1
#endif

/* ---- buffers: what objects own (list items, dict and set tables) ------------
 * Every buffer starts with a header naming its size class. Small ones (up to
 * 256 bytes with the header) come from per-class free lists carved out of big
 * chunks: lists, dicts and instance attribute tables are created and dropped
 * by the million, and glibc's free() of a whole sweep's worth of them misses
 * its per-thread cache. Bigger ones, and all of them under AddressSanitizer,
 * are malloc'd. The header, not the caller's idea of the old size, decides
 * how a buffer is freed. */
#define BUF_HEADER 8u
#define BUF_BIG UINT32_MAX
#define BUF_CHUNK_SIZE (64u * 1024u)

struct BufFree {
    BufFree *next;
};
struct BufChunk {
    BufChunk *next;
};

static inline uint32_t *buf_header(void *p)
{
    return (uint32_t *)((char *)p - BUF_HEADER);
}

static void *buf_carve(VM *vm, size_t block)
{
    if (vm->buf_bump == NULL || (size_t)(vm->buf_end - vm->buf_bump) < block) {
        BufChunk *c = checked_realloc(NULL, BUF_CHUNK_SIZE);
        c->next = vm->buf_chunks;
        vm->buf_chunks = c;
        vm->buf_bump = (char *)c + 16; /* keeps blocks 16-byte aligned */
        vm->buf_end = (char *)c + BUF_CHUNK_SIZE;
    }
    void *b = vm->buf_bump;
    vm->buf_bump += block;
    return b;
}

static void *buf_alloc(VM *vm, size_t size)
{
    size_t total = size + BUF_HEADER;
    if (!USE_PAGES || total > GC_SIZE_QUANTUM * (BUF_SIZE_CLASSES - 1)) {
        uint32_t *h = checked_realloc(NULL, total);
        h[0] = BUF_BIG;
        return (char *)h + BUF_HEADER;
    }
    uint32_t cls = (uint32_t)((total + GC_SIZE_QUANTUM - 1) / GC_SIZE_QUANTUM);
    BufFree *f = vm->buf_free_lists[cls];
    uint32_t *h;
    if (f != NULL) {
        vm->buf_free_lists[cls] = f->next;
        h = (uint32_t *)f;
    } else {
        h = buf_carve(vm, (size_t)cls * GC_SIZE_QUANTUM);
    }
    h[0] = cls;
    return (char *)h + BUF_HEADER;
}

void *gc_alloc_buffer(VM *vm, size_t size)
{
    vm->bytes_allocated += size; /* allocation pressure; the sweep settles the count */
    return buf_alloc(vm, size);
}

void gc_free_buffer(VM *vm, void *p)
{
    if (p == NULL) return;
    uint32_t *h = buf_header(p);
    uint32_t cls = h[0];
    if (cls == BUF_BIG) {
        free(h);
        return;
    }
    BufFree *f = (BufFree *)h;
    f->next = vm->buf_free_lists[cls];
    vm->buf_free_lists[cls] = f;
}

static void *buf_resize(VM *vm, void *p, size_t new_size)
{
    uint32_t *h = buf_header(p);
    if (h[0] == BUF_BIG) {
        /* a malloc'd buffer stays one, whatever its new size */
        h = checked_realloc(h, new_size + BUF_HEADER);
        return (char *)h + BUF_HEADER;
    }
    size_t capacity = (size_t)h[0] * GC_SIZE_QUANTUM - BUF_HEADER;
    if (new_size <= capacity) return p;
    void *q = buf_alloc(vm, new_size);
    memcpy(q, p, capacity);
    gc_free_buffer(vm, p);
    return q;
}

static void buf_free_chunks(VM *vm)
{
    for (BufChunk *c = vm->buf_chunks; c != NULL;) {
        BufChunk *next = c->next;
        free(c);
        c = next;
    }
    vm->buf_chunks = NULL;
    vm->buf_bump = vm->buf_end = NULL;
    memset(vm->buf_free_lists, 0, sizeof vm->buf_free_lists);
}

void *gc_realloc(VM *vm, void *ptr, size_t old_size, size_t new_size)
{
    vm->bytes_allocated += new_size;
    vm->bytes_allocated -= old_size < vm->bytes_allocated ? old_size : vm->bytes_allocated;
    if (new_size == 0) {
        gc_free_buffer(vm, ptr);
        return NULL;
    }
    return ptr == NULL ? buf_alloc(vm, new_size) : buf_resize(vm, ptr, new_size);
}


#define FREE_SLOT OBJ_KIND_COUNT

static void finalize_object(VM *vm, Obj *o);
static size_t owned_bytes(Obj *o);
#define PAGE_BYTES (64u << 10)

struct GcPage {
    struct GcPage *next;
    uint32_t slot_size;
    uint32_t nslots;
    _Alignas(16) unsigned char slots[];
};

static inline Obj *page_slot(GcPage *p, uint32_t i)
{
    return (Obj *)(p->slots + (size_t)i * p->slot_size);
}

#if USE_PAGES
static size_t size_class(size_t size)
{
    return (size + GC_SIZE_QUANTUM - 1) / GC_SIZE_QUANTUM;
}

/* A new page for class c, its slots appended to the class's free list. */
static void add_page(VM *vm, size_t c)
{
    uint32_t slot = (uint32_t)(c * GC_SIZE_QUANTUM);
    uint32_t n = PAGE_BYTES / slot;
    GcPage *p = checked_realloc(NULL, sizeof(GcPage) + (size_t)n * slot);
    p->slot_size = slot;
    p->nslots = n;
    p->next = vm->pages[c];
    vm->pages[c] = p;
    Obj *head = vm->free_lists[c];
    for (uint32_t i = n; i-- > 0;) {
        Obj *o = page_slot(p, i);
        o->kind = FREE_SLOT;
        o->marked = 0;
        o->gc_next = head;
        head = o;
    }
    vm->free_lists[c] = head;
}
#endif

#if USE_PAGES
/* Sweep one page of class c (the sweep is lazy: a page is swept just
 * before the allocator uses it, while its lines come into cache anyway):
 * unmark the live, finalize the dead, and put its free slots, in address
 * order, on the class's free list. */
static void sweep_next_page(VM *vm, size_t c)
{
    GcPage *p = vm->sweep_cursor[c];
    vm->sweep_cursor[c] = p->next;
    Obj *head = vm->free_lists[c];
    for (uint32_t i = p->nslots; i-- > 0;) {
        Obj *o = page_slot(p, i);
        if (o->kind != FREE_SLOT) {
            if (o->marked) {
                o->marked = 0;
                continue;
            }
            finalize_object(vm, o);
            o->kind = FREE_SLOT;
        }
        o->gc_next = head;
        head = o;
    }
    vm->free_lists[c] = head;
}

#endif

/* Memory for a new object; small ones are not on vm->objects. */
static Obj *take_memory(VM *vm, size_t size, bool *small)
{
#if USE_PAGES
    size_t c = size_class(size);
    if (c < GC_SIZE_CLASSES) {
        while (vm->free_lists[c] == NULL && vm->sweep_cursor[c] != NULL) sweep_next_page(vm, c);
        if (vm->free_lists[c] == NULL) add_page(vm, c);
        Obj *o = vm->free_lists[c];
        vm->free_lists[c] = o->gc_next;
        *small = true;
        return o;
    }
#else
    (void)vm;
#endif
    *small = false;
    return checked_realloc(NULL, size);
}

void *gc_alloc_object(VM *vm, size_t size, ObjKind kind, ObjClass *cls)
{
#ifdef LOOPBOOK_GC_STRESS
    if (!vm->gc_running) gc_collect(vm);
#else
    if ((vm->gc_stress || vm->bytes_allocated > vm->next_gc) && !vm->gc_running) gc_collect(vm);
#endif
    bool small;
    Obj *o = take_memory(vm, size, &small);
    memset(o, 0, size);
    vm->bytes_allocated += size;
    o->cls = cls;
    o->size = (uint32_t)size;
    o->kind = (uint8_t)kind;
    if (!small) {
        o->gc_next = vm->objects;
        vm->objects = o;
    }
    return o;
}

/* ---- marking ------------------------------------------------------------ */

void gc_mark_object(VM *vm, Obj *o)
{
    if (o == NULL || o->marked) return;
    o->marked = 1;
    if (vm->gray_count == vm->gray_cap) {
        vm->gray_cap = GC_GROW_CAP(vm->gray_cap);
        vm->gray = checked_realloc(vm->gray, vm->gray_cap * sizeof(Obj *));
    }
    vm->gray[vm->gray_count++] = o;
}

void gc_mark_value(VM *vm, Value v)
{
    if (IS_OBJ(v)) gc_mark_object(vm, AS_OBJ(v));
}

static void mark_values(VM *vm, const Value *vals, size_t n)
{
    for (size_t i = 0; i < n; i++) gc_mark_value(vm, vals[i]);
}

static void mark_table(VM *vm, const DictTable *t)
{
    for (uint32_t i = 0; i < t->used; i++) {
        gc_mark_value(vm, t->entries[i].key);
        gc_mark_value(vm, t->entries[i].value);
    }
}

static void mark_strs(VM *vm, ObjStr **strs, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) gc_mark_object(vm, (Obj *)strs[i]);
}

static void mark_code(VM *vm, ObjCode *c)
{
    gc_mark_object(vm, (Obj *)c->name);
    gc_mark_object(vm, (Obj *)c->qualname);
    gc_mark_object(vm, (Obj *)c->filename);
    mark_values(vm, c->constants, c->n_constants);
    mark_strs(vm, c->names, c->n_names);
    mark_strs(vm, c->varnames, c->n_locals);
    mark_strs(vm, c->cellnames, c->n_cells);
    mark_strs(vm, c->freenames, c->n_free);
}

static void mark_fiber(VM *vm, ObjFiber *f)
{
    Value *top = f->sp;
    for (StackChunk *c = f->stack; c != NULL; c = c->prev) {
        if (top != NULL) mark_values(vm, c->data, (size_t)(top - c->data));
        top = c->prev ? c->prev->saved_top : NULL;
    }
    for (Frame *fr = f->frame; fr != NULL; fr = fr->prev) {
        gc_mark_object(vm, (Obj *)fr->func);
        gc_mark_object(vm, (Obj *)fr->code);
        gc_mark_object(vm, (Obj *)fr->globals);
        gc_mark_object(vm, (Obj *)fr->locals_dict);
    }
    gc_mark_object(vm, (Obj *)f->caller);
    gc_mark_object(vm, f->owner);
    gc_mark_value(vm, f->exc_info);
    gc_mark_value(vm, f->transfer);
}

static void mark_function(VM *vm, ObjFunction *fn)
{
    gc_mark_object(vm, (Obj *)fn->code);
    gc_mark_object(vm, (Obj *)fn->globals);
    gc_mark_object(vm, (Obj *)fn->defaults);
    gc_mark_object(vm, (Obj *)fn->kwdefaults);
    gc_mark_object(vm, (Obj *)fn->closure);
    gc_mark_object(vm, (Obj *)fn->name);
    gc_mark_object(vm, (Obj *)fn->qualname);
    gc_mark_object(vm, (Obj *)fn->module);
    gc_mark_object(vm, (Obj *)fn->dict);
}

static void mark_class(VM *vm, ObjClass *c)
{
    gc_mark_object(vm, (Obj *)c->name);
    gc_mark_object(vm, (Obj *)c->qualname);
    gc_mark_object(vm, (Obj *)c->module);
    gc_mark_object(vm, (Obj *)c->base);
    gc_mark_object(vm, (Obj *)c->extra_base);
    gc_mark_object(vm, (Obj *)c->dict);
}

static void mark_exception(VM *vm, ObjException *e)
{
    gc_mark_object(vm, (Obj *)e->dict);
    gc_mark_object(vm, (Obj *)e->args);
    gc_mark_object(vm, (Obj *)e->traceback);
    gc_mark_value(vm, e->cause);
    gc_mark_value(vm, e->context);
}

/* Trace the references held by one gray object. */
static void blacken(VM *vm, Obj *o);

bool gc_is_marked(Value v)
{
    return !IS_OBJ(v) || AS_OBJ(v)->marked;
}

void gc_keep_alive(VM *vm, Value v)
{
    gc_mark_value(vm, v);
    while (vm->gray_count > 0) blacken(vm, vm->gray[--vm->gray_count]);
}

static void blacken(VM *vm, Obj *o)
{
    vm->live_bytes += o->size + owned_bytes(o);
    gc_mark_object(vm, (Obj *)o->cls);
    switch ((ObjKind)o->kind) {
    case OBJ_STR:
    case OBJ_BIGINT:
    case OBJ_RANGE: break;
    case OBJ_TUPLE: mark_values(vm, ((ObjTuple *)o)->items, ((ObjTuple *)o)->len); break;
    case OBJ_LIST: mark_values(vm, ((ObjList *)o)->items, ((ObjList *)o)->len); break;
    case OBJ_DICT: mark_table(vm, &((ObjDict *)o)->table); break;
    case OBJ_SET: {
        ObjSet *s = (ObjSet *)o;
        if (s->table != NULL)
            for (uint32_t i = 0; i <= s->mask; i++) gc_mark_value(vm, s->table[i].key);
        break;
    }
    case OBJ_SLICE: {
        ObjSlice *s = (ObjSlice *)o;
        gc_mark_value(vm, s->start);
        gc_mark_value(vm, s->stop);
        gc_mark_value(vm, s->step);
        break;
    }
    case OBJ_ITER: {
        ObjIter *it = (ObjIter *)o;
        gc_mark_value(vm, it->seq);
        gc_mark_value(vm, it->a);
        gc_mark_value(vm, it->b);
        break;
    }
    case OBJ_CODE: mark_code(vm, (ObjCode *)o); break;
    case OBJ_FUNCTION: mark_function(vm, (ObjFunction *)o); break;
    case OBJ_NATIVE:
        gc_mark_object(vm, (Obj *)((ObjNative *)o)->name);
        gc_mark_object(vm, (Obj *)((ObjNative *)o)->owner);
        gc_mark_value(vm, ((ObjNative *)o)->data);
        break;
    case OBJ_BOUND_METHOD:
        gc_mark_value(vm, ((ObjBoundMethod *)o)->self);
        gc_mark_value(vm, ((ObjBoundMethod *)o)->func);
        break;
    case OBJ_CELL: gc_mark_value(vm, ((ObjCell *)o)->value); break;
    case OBJ_CLASS: mark_class(vm, (ObjClass *)o); break;
    case OBJ_INSTANCE: gc_mark_object(vm, (Obj *)((ObjInstance *)o)->dict); break;
    case OBJ_EXCEPTION: mark_exception(vm, (ObjException *)o); break;
    case OBJ_TRACEBACK:
        gc_mark_object(vm, (Obj *)((ObjTraceback *)o)->next);
        gc_mark_object(vm, (Obj *)((ObjTraceback *)o)->code);
        break;
    case OBJ_MODULE:
        gc_mark_object(vm, (Obj *)((ObjModule *)o)->name);
        gc_mark_object(vm, (Obj *)((ObjModule *)o)->dict);
        break;
    case OBJ_FIBER: mark_fiber(vm, (ObjFiber *)o); break;
    case OBJ_GENERATOR: generator_mark(vm, (ObjGenerator *)o); break;
    case OBJ_PROPERTY:
    case OBJ_STATICMETHOD:
    case OBJ_CLASSMETHOD: {
        ObjDescriptor *d = (ObjDescriptor *)o;
        gc_mark_value(vm, d->fget);
        gc_mark_value(vm, d->fset);
        gc_mark_value(vm, d->fdel);
        break;
    }
    case OBJ_OPAQUE: {
        ObjOpaque *op = (ObjOpaque *)o;
        if (op->dict) gc_mark_object(vm, (Obj *)op->dict);
        if (op->ops && op->ops->mark) op->ops->mark(vm, op);
        break;
    }
    case OBJ_KIND_COUNT: break;
    }
}

static void mark_roots(VM *vm)
{
    mark_values(vm, vm->roots, vm->root_count);
#define X(f, n, b, k) gc_mark_object(vm, (Obj *)vm->c.f);
    BUILTIN_CLASS_LIST(X)
#undef X
#define X(f, n, b) gc_mark_object(vm, (Obj *)vm->c.f);
    EXCEPTION_CLASS_LIST(X)
#undef X
#define X(f, s) gc_mark_object(vm, (Obj *)vm->n.f);
    NAME_LIST(X)
#undef X
    gc_mark_value(vm, vm->not_implemented);
    gc_mark_value(vm, vm->ellipsis);
    mark_values(vm, vm->small_strs, 128);
    gc_mark_object(vm, (Obj *)vm->empty_tuple);
    gc_mark_object(vm, (Obj *)vm->builtins);
    gc_mark_object(vm, (Obj *)vm->modules);
    gc_mark_object(vm, (Obj *)vm->main_globals);
    gc_mark_object(vm, (Obj *)vm->sources);
    gc_mark_object(vm, (Obj *)vm->fiber);
    gc_mark_object(vm, (Obj *)vm->main_fiber);
    gc_mark_value(vm, vm->exception);
    gc_mark_value(vm, vm->build_class);
    for (size_t i = 0; i < vm->n_extra_roots; i++) gc_mark_value(vm, *vm->extra_roots[i]);
}

/* ---- sweeping ----------------------------------------------------------- */

static void free_table(VM *vm, DictTable *t)
{
    gc_free_buffer(vm, t->entries);
    gc_free_buffer(vm, t->index);
}

static void free_code(ObjCode *c)
{
    free(c->bytecode);
    free(c->constants);
    free(c->names);
    free(c->varnames);
    free(c->cellnames);
    free(c->freenames);
    free(c->cell2arg);
    free(c->lines);
    free(c->excepts);
    free(c->global_cache);
    free(c->attr_cache);
}

static size_t table_bytes(const DictTable *t)
{
    return t->entry_cap * sizeof(DictEntry) + t->index_cap * sizeof(int32_t);
}

/* The bytes an object owns, as gc_realloc counted them. */
/* A fiber's stack and frame chunks (gc_alloc_buffer counts them when they
 * are made, so the live count must include them too). */
static size_t fiber_bytes(const ObjFiber *f)
{
    size_t n = 0;
    for (const StackChunk *c = f->stack; c; c = c->prev) n += sizeof(StackChunk) + c->cap * sizeof(Value);
    for (const FrameChunk *c = f->frame_chunk; c; c = c->prev) n += sizeof(FrameChunk) + c->cap * sizeof(Frame);
    return n;
}

static size_t owned_bytes(Obj *o)
{
    switch ((ObjKind)o->kind) {
    case OBJ_FIBER: return fiber_bytes((ObjFiber *)o);
    case OBJ_LIST: return ((ObjList *)o)->cap * sizeof(Value);
    case OBJ_DICT: return table_bytes(&((ObjDict *)o)->table);
    case OBJ_SET: return ((ObjSet *)o)->table ? (((ObjSet *)o)->mask + 1u) * sizeof(SetEntry) : 0;
    case OBJ_BIGINT: return mpz_size(((ObjBigInt *)o)->z) * sizeof(mp_limb_t);
    default: return 0;
    }
}

/* Release what an object owns (buffers, C payloads) and its accounting;
 * its own memory is the caller's business. */
static void finalize_object(VM *vm, Obj *o)
{
    (void)vm;
    switch ((ObjKind)o->kind) {
    case OBJ_LIST: gc_free_buffer(vm, ((ObjList *)o)->items); break;
    case OBJ_DICT: free_table(vm, &((ObjDict *)o)->table); break;
    case OBJ_SET: gc_free_buffer(vm, ((ObjSet *)o)->table); break;
    case OBJ_BIGINT: mpz_clear(((ObjBigInt *)o)->z); break;
    case OBJ_CODE: free_code((ObjCode *)o); break;
    case OBJ_FIBER: fiber_free_chunks((ObjFiber *)o); break;
    case OBJ_OPAQUE: {
        ObjOpaque *op = (ObjOpaque *)o;
        if (op->ops && op->ops->free) op->ops->free(vm, op);
        break;
    }
    default: break;
    }
}

/* Free the unmarked malloc'd (large) objects. */
static void sweep_large(VM *vm)
{
    Obj **link = &vm->objects;
    while (*link != NULL) {
        Obj *o = *link;
        if (o->marked) {
            o->marked = 0;
            link = &o->gc_next;
        } else {
            *link = o->gc_next;
            finalize_object(vm, o);
            free(o);
        }
    }
}

/* Finish the lazy sweep of the last collection (before marking anew). */
static void finish_sweep(VM *vm)
{
#if USE_PAGES
    for (size_t c = 0; c < GC_SIZE_CLASSES; c++)
        while (vm->sweep_cursor[c] != NULL) sweep_next_page(vm, c);
#else
    (void)vm;
#endif
}

/* Start the lazy sweep: every page is unswept, no slot is free yet. */
static void start_sweep(VM *vm)
{
    for (size_t c = 0; c < GC_SIZE_CLASSES; c++) {
        vm->free_lists[c] = NULL;
        vm->sweep_cursor[c] = vm->pages[c];
    }
}

static void sweep(VM *vm)
{
    /* before anything is freed: a dead coroutine's name may live on a page
     * the lazy sweep frees (and reuses) before it reaches the coroutine */
    gen_report_dead_coroutines(vm, false);
    if (vm->before_sweep_hook) vm->before_sweep_hook(vm);
    sweep_large(vm);
    start_sweep(vm);
}

void gc_collect(VM *vm)
{
    if (vm->gc_running) return;
    vm->gc_running = true;
    finish_sweep(vm);
    vm->live_bytes = 0;
    mark_roots(vm);
    while (vm->gray_count > 0) blacken(vm, vm->gray[--vm->gray_count]);
    if (vm->gc_watch && !vm->gc_watch->marked) {
        vm->gc_watch_dead = true;
        gc_keep_alive(vm, OBJ_VAL(vm->gc_watch)); /* once more: its finalizer runs after */
    }
    str_table_sweep(vm); /* interned strings are weak */
    sweep(vm);
    /* From here on bytes_allocated counts from what survived. */
    size_t live = vm->live_bytes;
    vm->bytes_allocated = live;
    size_t grown = live > GC_BIG_HEAP ? live + live / 2 : live * GC_GROWTH;
    vm->next_gc = grown > GC_FIRST_THRESHOLD ? grown : GC_FIRST_THRESHOLD;
    vm->gc_running = false;
}

void gc_free_all(VM *vm)
{
    gen_report_dead_coroutines(vm, true); /* CPython's warnings at shutdown */
    Obj *o = vm->objects;
    while (o != NULL) {
        Obj *next = o->gc_next;
        finalize_object(vm, o);
        free(o);
        o = next;
    }
    vm->objects = NULL;
    for (size_t c = 0; c < GC_SIZE_CLASSES; c++) {
        GcPage *p = vm->pages[c];
        while (p != NULL) {
            for (uint32_t i = 0; i < p->nslots; i++) {
                Obj *s = page_slot(p, i);
                if (s->kind != FREE_SLOT) finalize_object(vm, s);
            }
            GcPage *next = p->next;
            free(p);
            p = next;
        }
        vm->pages[c] = NULL;
        vm->free_lists[c] = NULL;
        vm->sweep_cursor[c] = NULL;
    }
    buf_free_chunks(vm);
    free(vm->gray);
    vm->gray = NULL;
    vm->gray_count = vm->gray_cap = 0;
}

/* fn for every object in the heap once the pending sweep is finished (dead
 * objects in unswept pages are not visited). */
static void each_object(VM *vm, void (*fn)(VM *vm, Obj *o, void *ctx), void *ctx)
{
    finish_sweep(vm);
    for (Obj *o = vm->objects; o != NULL; o = o->gc_next) fn(vm, o, ctx);
    for (size_t c = 0; c < GC_SIZE_CLASSES; c++)
        for (GcPage *p = vm->pages[c]; p != NULL; p = p->next)
            for (uint32_t i = 0; i < p->nslots; i++)
                if (page_slot(p, i)->kind != FREE_SLOT) fn(vm, page_slot(p, i), ctx);
}

void gc_each_live_object(VM *vm, void (*fn)(VM *vm, Obj *o, void *ctx), void *ctx)
{
    gc_collect(vm);
    each_object(vm, fn, ctx);
}

static void count_one(VM *vm, Obj *o, void *ctx)
{
    (void)vm;
    (void)o;
    (*(size_t *)ctx)++;
}

size_t gc_count_objects(VM *vm)
{
    size_t n = 0;
    each_object(vm, count_one, &n);
    return n;
}
