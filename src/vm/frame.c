/* frame.c: frames and the chunked value stack of a fiber. Chunks never move:
 * a new frame that does not fit the newest chunk gets a fresh one, with its
 * arguments copied there. */
#include "frame.h"

#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "gc.h"

#define MAIN_STACK_CHUNK 16384
#define MIN_STACK_CHUNK 256
#define MIN_COROUTINE_STACK_CHUNK 32 /* a suspended coroutine keeps its chunks: keep them small */
#define MAIN_FRAME_CHUNK 256 /* the main fiber recurses; coroutines mostly do not */
#define FRAME_CHUNK_FIRST 1 /* a suspended coroutine usually holds one frame */

static bool in_chunk(const StackChunk *c, const Value *p)
{
    return c != NULL && p >= c->data && p <= c->data + c->cap;
}

/* Start a chunk with room for at least n values, linked above the current one. */
static void push_stack_chunk(ObjFiber *f, uint32_t n)
{
    StackChunk *c = f->spare_stack;
    if (c != NULL && c->cap >= n) {
        f->spare_stack = NULL;
    } else {
        /* A fiber's first chunk is just big enough (a suspended coroutine should
         * cost little); later ones double. */
        uint32_t cap = f->stack == NULL ? n : f->stack->cap * 2;
        if (cap < n) cap = n;
        c = gc_alloc_buffer(f->vm, sizeof(StackChunk) + cap * sizeof(Value));
        c->cap = cap;
    }
    if (f->stack) f->stack->saved_top = f->sp;
    c->prev = f->stack;
    c->saved_top = c->data;
    f->stack = c;
    f->stack_limit = c->data + c->cap;
    f->sp = c->data;
}

static void pop_stack_chunk(ObjFiber *f)
{
    StackChunk *c = f->stack;
    f->stack = c->prev;
    f->stack_limit = f->stack ? f->stack->data + f->stack->cap : NULL;
    /* The main fiber keeps one chunk to avoid churn in deep recursion; a
     * coroutine, which may stay suspended for long, keeps nothing spare
     * (the buffer free lists make reuse cheap anyway). */
    if (f == f->vm->main_fiber && (f->spare_stack == NULL || f->spare_stack->cap < c->cap)) {
        gc_free_buffer(f->vm, f->spare_stack);
        f->spare_stack = c;
    } else {
        gc_free_buffer(f->vm, c);
    }
}

void fiber_set_sp(ObjFiber *f, Value *sp)
{
    while (f->stack && !in_chunk(f->stack, sp) && f->stack->prev) pop_stack_chunk(f);
    f->sp = sp;
}

/* Whether n more values fit above p in the newest chunk. */
static bool fits(const ObjFiber *f, const Value *p, uint32_t n)
{
    return f->stack != NULL && in_chunk(f->stack, p) && (size_t)(f->stack->data + f->stack->cap - p) >= n;
}

Value *fiber_push_values(VM *vm, ObjFiber *f, uint32_t n)
{
    (void)vm;
    if (!fits(f, f->sp, n)) {
        /* the main fiber starts big; a generator's first chunk fits its frame exactly */
        uint32_t want = f == vm->main_fiber && n < MAIN_STACK_CHUNK ? MAIN_STACK_CHUNK
                        : f->stack == NULL                           ? n
                        : f == vm->main_fiber                        ? n + MIN_STACK_CHUNK
                                                                     : n + MIN_COROUTINE_STACK_CHUNK;
        push_stack_chunk(f, want);
    }
    Value *at = f->sp;
    for (uint32_t i = 0; i < n; i++) at[i] = NONE_VAL;
    f->sp = at + n;
    return at;
}

static Frame *alloc_frame(VM *vm, ObjFiber *f)
{
    FrameChunk *c = f->frame_chunk;
    if (c == NULL || c->used == c->cap) {
        FrameChunk *n = f->spare_frames;
        if (n != NULL) {
            f->spare_frames = NULL;
        } else {
            uint32_t cap = c ? c->cap * 2 : f == vm->main_fiber ? MAIN_FRAME_CHUNK : FRAME_CHUNK_FIRST;
            n = gc_alloc_buffer(vm, sizeof(FrameChunk) + cap * sizeof(Frame));
            n->cap = cap;
        }
        n->used = 0;
        n->prev = c;
        f->frame_chunk = n;
        c = n;
    }
    return &c->frames[c->used++];
}

void frame_pop_chunk(ObjFiber *f)
{
    FrameChunk *c = f->frame_chunk;
    f->frame_chunk = c->prev;
    if (f->spare_frames == NULL && f == f->vm->main_fiber) f->spare_frames = c;
    else gc_free_buffer(f->vm, c);
}

/* ---- binding arguments ------------------------------------------------------------ */

static const char *plural(int n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static bool too_many_positional(VM *vm, ObjFunction *fn, int given)
{
    ObjCode *c = fn->code;
    int ndef = fn->defaults ? (int)fn->defaults->len : 0;
    int max = c->argcount;
    if (ndef > 0 && ndef < max) {
        return vm_raise(vm, vm->c.TypeError, "%s() takes from %d to %d positional arguments but %d %s given",
                        fn->qualname->data, max - ndef, max, given, plural(given, "was", "were"));
    }
    return vm_raise(vm, vm->c.TypeError, "%s() takes %d positional %s but %d %s given", fn->qualname->data, max,
                    plural(max, "argument", "arguments"), given, plural(given, "was", "were"));
}

/* "'a', 'b' and 'c'" as CPython lists missing names. */
static bool missing_arguments(VM *vm, ObjFunction *fn, Value *slots, int from, int to, const char *kind)
{
    ObjCode *c = fn->code;
    char names[512];
    size_t at = 0;
    int missing = 0, total = 0;
    for (int i = from; i < to; i++)
        if (IS_EMPTY(slots[i])) total++;
    names[0] = '\0';
    for (int i = from; i < to; i++) {
        if (!IS_EMPTY(slots[i])) continue;
        missing++;
        const char *sep = missing == 1 ? "" : (missing == total ? (total == 2 ? " and " : ", and ") : ", ");
        int n = snprintf(names + at, sizeof names - at, "%s'%s'", sep, c->varnames[i]->data);
        if (n < 0 || (size_t)n >= sizeof names - at) break;
        at += (size_t)n;
    }
    return vm_raise(vm, vm->c.TypeError, "%s() missing %d required %s %s: %s", fn->qualname->data, total, kind,
                    plural(total, "argument", "arguments"), names);
}

static int param_index(ObjCode *c, ObjStr *name, int nparams)
{
    for (int i = 0; i < nparams; i++)
        if (c->varnames[i] == name) return i;
    for (int i = 0; i < nparams; i++)
        if (str_equal(c->varnames[i], name)) return i;
    return -1;
}

/* Place keyword values (rooted on the root stack) into parameter slots. */
static bool bind_keywords(VM *vm, ObjFunction *fn, Value *slots, ObjTuple *kwnames, const Value *kwvals,
                          ObjDict *varkw, int nargs)
{
    ObjCode *c = fn->code;
    int nparams = c->argcount + c->kwonlyargcount;
    for (uint32_t k = 0; k < kwnames->len; k++) {
        ObjStr *name = AS_STR(kwnames->items[k]);
        int i = param_index(c, name, nparams);
        if (i >= 0 && i < c->posonlyargcount) {
            /* a positional-only name given by keyword goes to **kwargs, or is an error */
            if (varkw == NULL)
                return vm_raise(vm, vm->c.TypeError,
                                "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                                fn->qualname->data, name->data);
            i = -1;
        }
        if (i < 0) {
            if (varkw == NULL)
                return vm_raise(vm, vm->c.TypeError, "%s() got an unexpected keyword argument '%s'",
                                fn->qualname->data, name->data);
            if (dict_find_str(varkw, name) >= 0)
                return vm_raise(vm, vm->c.TypeError, "%s() got multiple values for keyword argument '%s'",
                                fn->qualname->data, name->data);
            dict_set_str(vm, varkw, name, kwvals[k]);
            continue;
        }
        if (!IS_EMPTY(slots[i]) || i < nargs)
            return vm_raise(vm, vm->c.TypeError, "%s() got multiple values for argument '%s'", fn->qualname->data,
                            name->data);
        slots[i] = kwvals[k];
    }
    return true;
}

static void fill_defaults(ObjFunction *fn, Value *slots)
{
    ObjCode *c = fn->code;
    if (fn->defaults) {
        int ndef = (int)fn->defaults->len;
        int first = c->argcount - ndef;
        for (int i = first; i < c->argcount; i++)
            if (IS_EMPTY(slots[i])) slots[i] = fn->defaults->items[i - first];
    }
    if (fn->kwdefaults) {
        for (int i = c->argcount; i < c->argcount + c->kwonlyargcount; i++) {
            if (!IS_EMPTY(slots[i])) continue;
            Value v = dict_get_str(fn->kwdefaults, c->varnames[i]);
            if (!IS_EMPTY(v)) slots[i] = v;
        }
    }
}

/* The general binder: slots[0..nargs) hold positional values; kw values are
 * on the root stack. The frame's slots are already cleared past nargs. */
static bool bind_general(VM *vm, ObjFunction *fn, Value *slots, int nargs, ObjTuple *kwnames, const Value *kwvals)
{
    ObjCode *c = fn->code;
    int argc = c->argcount;
    int nparams = argc + c->kwonlyargcount;
    int star = (c->flags & CODE_VARARGS) ? nparams : -1;
    int dstar = (c->flags & CODE_VARKW) ? nparams + (star >= 0) : -1;
    if (nargs > argc) {
        if (star < 0) return too_many_positional(vm, fn, nargs);
        ObjTuple *extra = tuple_new(vm, slots + argc, (uint32_t)(nargs - argc));
        for (int i = argc; i < nargs; i++) slots[i] = EMPTY_VAL;
        slots[star] = OBJ_VAL(extra);
    } else if (star >= 0) {
        slots[star] = OBJ_VAL(vm->empty_tuple);
    }
    ObjDict *varkw = NULL;
    if (dstar >= 0) {
        varkw = dict_new(vm);
        slots[dstar] = OBJ_VAL(varkw);
    }
    if (kwnames && !bind_keywords(vm, fn, slots, kwnames, kwvals, varkw, nargs < argc ? nargs : argc)) return false;
    fill_defaults(fn, slots);
    for (int i = 0; i < argc; i++)
        if (IS_EMPTY(slots[i])) return missing_arguments(vm, fn, slots, 0, argc, "positional");
    for (int i = argc; i < nparams; i++)
        if (IS_EMPTY(slots[i])) return missing_arguments(vm, fn, slots, argc, nparams, "keyword-only");
    return true;
}

static bool make_cells(VM *vm, ObjFunction *fn, Value *slots)
{
    ObjCode *c = fn->code;
    for (uint32_t i = 0; i < c->n_cells; i++) {
        int32_t arg = c->cell2arg ? c->cell2arg[i] : -1;
        ObjCell *cell = cell_new(vm, arg >= 0 ? slots[arg] : EMPTY_VAL);
        slots[c->n_locals + i] = OBJ_VAL(cell);
    }
    for (uint32_t i = 0; i < c->n_free; i++)
        slots[c->n_locals + c->n_cells + i] = fn->closure ? fn->closure->items[i] : NONE_VAL;
    return true;
}

Frame *frame_push_call(VM *vm, ObjFiber *f, ObjFunction *fn, Value *args, int nargs, ObjTuple *kwnames,
                       Value *ret, uint32_t flags)
{
    ObjCode *c = fn->code;
    if (vm->depth >= vm->max_depth) {
        vm_raise(vm, vm->c.RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    int nkw = kwnames ? (int)kwnames->len : 0;
    uint32_t nslots = c->n_locals + c->n_cells + c->n_free;
    uint32_t need = nslots + c->max_stack;
    Value *saved_sp = f->sp;
    Value *slots = args;
    uint32_t room = (need > (uint32_t)nargs ? need : (uint32_t)nargs) + (uint32_t)nkw;
    if (!fits(f, args, room)) {
        /* a fresh chunk: bring the arguments along */
        push_stack_chunk(f, room + 1);
        memcpy(f->stack->data, args, (size_t)(nargs + nkw) * sizeof(Value));
        slots = f->stack->data;
        f->sp = slots + nargs + nkw;
    }
    bool simple = nkw == 0 && nargs == c->argcount && !(c->flags & (CODE_VARARGS | CODE_VARKW)) &&
                  c->kwonlyargcount == 0;
    if (simple) {
        for (uint32_t i = (uint32_t)nargs; i < nslots; i++) slots[i] = EMPTY_VAL;
        f->sp = slots + nslots;
    } else {
        /* keyword values move to the root stack while slots are rearranged */
        for (int k = 0; k < nkw; k++) vm_push_root(vm, slots[nargs + k]);
        const Value *kwvals = vm->roots + vm->root_count - nkw;
        uint32_t from = (uint32_t)nargs;
        for (uint32_t i = from; i < nslots; i++) slots[i] = EMPTY_VAL;
        f->sp = slots + (nslots > (uint32_t)nargs ? nslots : (uint32_t)nargs);
        bool ok = bind_general(vm, fn, slots, nargs, kwnames, kwvals);
        vm_pop_root(vm, (size_t)nkw);
        f->sp = slots + nslots;
        if (!ok) {
            fiber_set_sp(f, saved_sp);
            return NULL;
        }
    }
    if (c->n_cells || c->n_free) make_cells(vm, fn, slots);
    Frame *fr = alloc_frame(vm, f);
    fr->prev = f->frame;
    fr->func = fn;
    fr->code = c;
    fr->ip = c->bytecode;
    fr->slots = slots;
    fr->ret = ret;
    fr->globals = fn->globals;
    fr->locals_dict = NULL;
    fr->flags = flags;
    f->frame = fr;
    vm->depth++;
    return fr;
}

uint32_t code_line_at(const ObjCode *code, uint32_t offset)
{
    uint32_t line = code->first_line;
    uint32_t lo = 0, hi = code->n_lines;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (code->lines[mid].offset <= offset) {
            line = code->lines[mid].line;
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return line;
}

uint32_t frame_line(const Frame *fr)
{
    uint32_t offset = (uint32_t)(fr->ip - fr->code->bytecode);
    return code_line_at(fr->code, offset ? offset - 1 : 0);
}
