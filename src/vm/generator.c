/* generator.c: generator and coroutine objects, resuming them from C, the
 * delegation of throw / close through `yield from` and `await`, and the
 * await protocol. The stackless resume from bytecode lives in the dispatch
 * loop (interp.c), which uses gen_enter / gen_check_resumable from here. */
#include "generator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "attr.h"
#include "exception.h"
#include "frame.h"
#include "gc.h"
#include "interp.h"
#include "opcodes.h"
#include "ops.h"
#include "traceback.h"

void generator_mark(VM *vm, ObjGenerator *g)
{
    gc_mark_object(vm, (Obj *)g->fiber);
    gc_mark_object(vm, (Obj *)g->name);
    gc_mark_object(vm, (Obj *)g->qualname);
    gc_mark_object(vm, (Obj *)g->code);
}

static ObjClass *class_for_code(VM *vm, const ObjCode *code)
{
    if (!(code->flags & CODE_COROUTINE)) return vm->c.generator;
    return (code->flags & CODE_GENERATOR) ? vm->c.async_generator : vm->c.coroutine;
}

/* ---- "coroutine ... was never awaited" ------------------------------------------------ */

struct NeverAwaited {
    ObjGenerator **fresh; /* coroutines not started when last looked at (weak) */
    size_t n_fresh, cap_fresh;
    uint64_t created, checked; /* coroutines made so far; how many when an except block last asked */
    const Frame *place;        /* where the collection that reports them was asked for, or NULL */
    char **printed; /* "file:line:name" of each warning printed */
    size_t n_printed, cap_printed;
};

static void *grow_array(void *items, size_t *cap, size_t item_size)
{
    *cap = GC_GROW_CAP(*cap);
    items = realloc(items, *cap * item_size);
    if (items == NULL) abort();
    return items;
}

static struct NeverAwaited *never_awaited_state(VM *vm)
{
    if (vm->never_awaited == NULL) {
        vm->never_awaited = calloc(1, sizeof(struct NeverAwaited));
        if (vm->never_awaited == NULL) abort();
    }
    return vm->never_awaited;
}

static void remember_fresh_coroutine(VM *vm, ObjGenerator *g)
{
    struct NeverAwaited *na = never_awaited_state(vm);
    if (na->n_fresh == na->cap_fresh) na->fresh = grow_array(na->fresh, &na->cap_fresh, sizeof(ObjGenerator *));
    na->fresh[na->n_fresh++] = g;
    na->created++;
}

/* Never started (a close() or a throw() counts as a start), not reported yet. */
static bool never_awaited(VM *vm, const ObjGenerator *g)
{
    return g->obj.cls == vm->c.coroutine && g->state == GEN_CREATED && !g->warned;
}

/* The warnings module's default action shows a warning once per place:
 * CPython keys it by (module, line, text), here (file, line, name). */
static bool first_at_place(VM *vm, const char *file, uint32_t line, const char *name)
{
    struct NeverAwaited *na = never_awaited_state(vm);
    size_t size = strlen(file) + strlen(name) + 16;
    char *key = malloc(size);
    if (key == NULL) abort();
    snprintf(key, size, "%s:%u:%s", file, line, name);
    for (size_t i = 0; i < na->n_printed; i++) {
        if (strcmp(na->printed[i], key) == 0) {
            free(key);
            return false;
        }
    }
    if (na->n_printed == na->cap_printed) na->printed = grow_array(na->printed, &na->cap_printed, sizeof(char *));
    na->printed[na->n_printed++] = key;
    return true;
}

/* CPython's warnings module prints "FILE:LINE: RuntimeWarning: MESSAGE",
 * the source line (when it can read one) indented by two spaces, and, with
 * tracemalloc off, a hint where the coroutine was made. */
static void print_never_awaited(VM *vm, ObjGenerator *g, const char *file, uint32_t line, const char *src,
                                size_t src_len, bool hint)
{
    g->warned = true;
    if (!first_at_place(vm, file, line, g->qualname->data)) return;
    fflush(vm->out);
    fprintf(vm->err, "%s:%u: RuntimeWarning: coroutine '%s' was never awaited\n", file, line, g->qualname->data);
    if (src != NULL) fprintf(vm->err, "  %.*s\n", (int)src_len, src);
    if (hint) fputs("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n", vm->err);
    fflush(vm->err);
}

/* The warning for g, placed at frame's current line (with its source). */
static void print_dropped_at(VM *vm, ObjGenerator *g, const Frame *frame)
{
    const ObjCode *code = frame->code;
    uint32_t offset = (uint32_t)(frame->ip - code->bytecode);
    uint32_t line = code_line_at(code, offset ? offset - 1 : 0);
    const char *src = NULL;
    size_t src_len = 0;
    if (!traceback_source_line(vm, code->filename, line, &src, &src_len)) src = NULL;
    print_never_awaited(vm, g, code->filename->data, line, src, src_len, true);
}

void gen_warn_dropped_result(VM *vm, Value v, const Frame *frame)
{
    if (!IS_GENERATOR(v) || !never_awaited(vm, AS_GENERATOR(v))) return;
    print_dropped_at(vm, AS_GENERATOR(v), frame);
}

/* Whether g is suspended inside a try (finally, except, with): closing it
 * would run code. */
static bool suspended_in_try(const ObjGenerator *g)
{
    if (g->state != GEN_SUSPENDED || g->fiber == NULL || g->fiber->frame == NULL) return false;
    const Frame *fr = g->fiber->frame;
    const ObjCode *code = fr->code;
    uint32_t offset = (uint32_t)(fr->ip - code->bytecode) - 1;
    for (uint32_t i = 0; i < code->n_excepts; i++)
        if (offset >= code->excepts[i].start && offset < code->excepts[i].end) return true;
    return false;
}

/* "Exception ignored in: <generator object numbers at 0x...>" and the
 * traceback, for a close() that failed while nobody could be told. */
static void report_ignored(VM *vm, Value obj)
{
    if (IS_EXCEPTION(vm->exception) && AS_EXCEPTION(vm->exception)->traceback == NULL && vm->fiber &&
        vm->fiber->frame)
        traceback_add_frame(vm, vm->fiber->frame);
    Value exc = vm_take_exception(vm);
    vm_push_root(vm, exc);
    fflush(vm->out);
    ObjStr *r;
    if (op_repr(vm, obj, &r)) fprintf(vm->err, "Exception ignored in: %s\n", r->data);
    else vm_take_exception(vm);
    traceback_print(vm, exc, vm->err);
    fflush(vm->err);
    vm_pop_root(vm, 1);
}

/* Whether to ask the collector about an object CPython's reference count
 * would have freed here. A collection costs about the live heap: past the
 * first 16 asked for, only once a quarter of that has been allocated since
 * the last collection, so that a loop doing this at every turn stays
 * linear. */
static bool collection_affordable(VM *vm)
{
    size_t since = vm->bytes_allocated > vm->live_bytes ? vm->bytes_allocated - vm->live_bytes : 0;
    if (vm->gc_asked >= 16 && since < vm->live_bytes / 4) return false;
    vm->gc_asked++;
    return true;
}

void gen_close_abandoned(VM *vm, Value v)
{
    if (!IS_GENERATOR(v) || AS_GENERATOR(v)->state != GEN_SUSPENDED) return;
    vm_push_root(vm, v);
    if (!gen_close_object(vm, AS_GENERATOR(v))) report_ignored(vm, v);
    vm_pop_root(vm, 1);
}

/* A generator, or an async generator the loop knows of, that close() /
 * aclose() would run code in. */
static bool worth_finalizing(VM *vm, Value v)
{
    if (!IS_GENERATOR(v) || !suspended_in_try(AS_GENERATOR(v))) return false;
    ObjGenerator *g = AS_GENERATOR(v);
    if (g->obj.cls == vm->c.generator) return true;
    return g->obj.cls == vm->c.async_generator && g->hooks_inited && !g->closed && !g->running_async &&
           vm->asyncgen_finalizer;
}

bool gen_held_by_locals(VM *vm, const Frame *frame, Value v)
{
    if (!worth_finalizing(vm, v)) return false;
    for (uint32_t i = 0; i < frame->code->n_locals; i++)
        if (IS_OBJ(frame->slots[i]) && AS_OBJ(frame->slots[i]) == AS_OBJ(v)) return true;
    return false;
}

Value gen_left_in_frame(VM *vm, const Frame *frame)
{
    for (uint32_t i = 0; i < frame->code->n_locals; i++)
        if (worth_finalizing(vm, frame->slots[i])) return frame->slots[i];
    return EMPTY_VAL;
}

void gen_check_dropped(VM *vm, Value v)
{
    if (!worth_finalizing(vm, v) || !collection_affordable(vm)) return;
    vm->gc_watch = AS_OBJ(v);
    vm->gc_watch_dead = false;
    gc_collect(vm);
    vm->gc_watch = NULL;
    if (!vm->gc_watch_dead) return;
    /* nobody holds it: CPython's reference count would finalize it now
     * (a generator is closed; an async generator's aclose() is scheduled on
     * the loop, by asyncio's finalizer hook) */
    if (AS_OBJ(v)->cls == vm->c.generator) gen_close_abandoned(vm, v);
    else vm->asyncgen_finalizer(vm, v);
}

typedef struct {
    Value *items;
    size_t n, cap;
} GeneratorList;

static void note_suspended_in_try(VM *vm, Obj *o, void *ctx)
{
    GeneratorList *list = ctx;
    if (o->kind != OBJ_GENERATOR || o->cls != vm->c.generator || !suspended_in_try((ObjGenerator *)o)) return;
    if (list->n == list->cap) list->items = grow_array(list->items, &list->cap, sizeof(Value));
    list->items[list->n++] = OBJ_VAL(o);
}

void gen_close_suspended_at_exit(VM *vm)
{
    /* no generator with a try was ever made: nothing to close, no collection */
    if (!vm->made_generator_with_try || !IS_EMPTY(vm->exception)) return;
    GeneratorList list = {0};
    gc_each_live_object(vm, note_suspended_in_try, &list);
    for (size_t i = 0; i < list.n; i++) vm_push_root(vm, list.items[i]);
    for (size_t i = 0; i < list.n; i++) gen_close_abandoned(vm, list.items[i]);
    vm_pop_root(vm, list.n);
    free(list.items);
}

void gen_check_dropped_at_except_end(VM *vm, const Frame *frame)
{
    struct NeverAwaited *na = vm->never_awaited;
    /* the program's except blocks only: asyncio's own would give its lines */
    if (na == NULL || na->checked == na->created || (frame->code->flags & CODE_FROZEN)) return;
    if (!collection_affordable(vm)) return;
    na->checked = na->created; /* one collection per batch of new coroutines, not one per except */
    bool any = false;
    for (size_t i = 0; i < na->n_fresh && !any; i++) any = never_awaited(vm, na->fresh[i]);
    if (!any) return;
    na->place = frame;
    gc_collect(vm);
    na->place = NULL;
}

static void free_never_awaited(VM *vm)
{
    struct NeverAwaited *na = vm->never_awaited;
    for (size_t i = 0; i < na->n_printed; i++) free(na->printed[i]);
    free(na->printed);
    free(na->fresh);
    free(na);
    vm->never_awaited = NULL;
}

void gen_report_dead_coroutines(VM *vm, bool at_exit)
{
    struct NeverAwaited *na = vm->never_awaited;
    if (na == NULL) return;
    size_t kept = 0;
    for (size_t i = 0; i < na->n_fresh; i++) {
        ObjGenerator *g = na->fresh[i];
        if (!never_awaited(vm, g)) continue; /* started (or reported): forgotten */
        if (!at_exit && g->obj.marked) {
            na->fresh[kept++] = g;
            continue;
        }
        if (!at_exit && na->place) {
            print_dropped_at(vm, g, na->place);
            continue;
        }
        /* No Python frame runs here: CPython says "sys:1". At shutdown its
         * warnings module is gone and the C fallback adds no hint. */
        print_never_awaited(vm, g, "sys", 1, NULL, 0, !at_exit);
    }
    na->n_fresh = kept;
    if (at_exit) free_never_awaited(vm);
}

/* ---- creating ------------------------------------------------------------------------ */

bool generator_create(VM *vm, ObjFunction *fn, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    ObjCode *code = fn->code;
    int nkw = kwnames ? (int)kwnames->len : 0;
    ObjFiber *f = fiber_new(vm);
    vm_push_root(vm, OBJ_VAL(f));
    /* one chunk that holds the result slot, the arguments and the frame */
    uint32_t room = 1 + (uint32_t)(nargs + nkw) + code->frame_size;
    Value *base = fiber_push_values(vm, f, room);
    for (int i = 0; i < nargs + nkw; i++) base[1 + i] = args[i];
    f->sp = base + 1 + nargs + nkw;
    Frame *fr = frame_push_call(vm, f, fn, base + 1, nargs, kwnames, base, FRAME_GEN_BASE);
    if (fr == NULL) {
        vm_pop_root(vm, 1);
        return false;
    }
    vm->depth--; /* a suspended frame is not on the running call chain */
    ObjGenerator *g = gc_alloc_object(vm, sizeof(ObjGenerator), OBJ_GENERATOR, class_for_code(vm, code));
    g->fiber = f;
    g->name = fn->name;
    g->qualname = fn->qualname;
    g->code = code;
    g->state = GEN_CREATED;
    f->owner = (Obj *)g;
    vm_pop_root(vm, 1);
    if (g->obj.cls == vm->c.coroutine) remember_fresh_coroutine(vm, g); /* for the GC's report */
    else if (code->n_excepts > 0) vm->made_generator_with_try = true;
    *out = OBJ_VAL(g);
    return true;
}

static bool is_coroutine(VM *vm, const ObjGenerator *g)
{
    return g->obj.cls == vm->c.coroutine;
}

/* A generator or coroutine (not an async generator, which is no iterator). */
static bool is_resumable_object(VM *vm, Value v)
{
    return IS_GENERATOR(v) && AS_OBJ(v)->cls != vm->c.async_generator;
}

const char *gen_kind_name(VM *vm, const ObjGenerator *g)
{
    if (g->obj.cls == vm->c.coroutine) return "coroutine";
    if (g->obj.cls == vm->c.async_generator) return "async generator";
    return "generator";
}

bool gen_check_resumable(VM *vm, ObjGenerator *g, Value sent)
{
    if (g->running) return vm_raise(vm, vm->c.ValueError, "%s already executing", gen_kind_name(vm, g));
    if (g->state == GEN_FINISHED && is_coroutine(vm, g))
        return vm_raise(vm, vm->c.RuntimeError, "cannot reuse already awaited coroutine");
    if (g->state == GEN_CREATED && !IS_NONE(sent) && !IS_EMPTY(sent))
        return vm_raise(vm, vm->c.TypeError, "can't send non-None value to a just-started %s", gen_kind_name(vm, g));
    return true;
}

void gen_enter(VM *vm, ObjGenerator *g, Value sent)
{
    ObjFiber *f = g->fiber;
    f->caller = vm->fiber;
    if (g->state != GEN_CREATED && !IS_EMPTY(sent)) *f->sp++ = sent;
    g->state = GEN_RUNNING;
    g->running = true;
    vm->depth++;
    vm->fiber = f;
}

/* Resume g's own frame: a thrown exception is raised at g's yield even
 * when g is suspended in a `yield from` / `await` (gen_throw_into decides). */
static GenOutcome resume_frame(VM *vm, ObjGenerator *g, Value sent, Value thrown, Value *out)
{
    if (!gen_check_resumable(vm, g, IS_EMPTY(thrown) ? sent : NONE_VAL)) return GEN_RAISED;
    if (g->state == GEN_FINISHED) {
        if (!IS_EMPTY(thrown)) {
            vm_raise_value(vm, thrown);
            return GEN_RAISED;
        }
        *out = NONE_VAL;
        return GEN_RETURNED;
    }
    if (vm->c_depth > vm->max_depth + 50) {
        vm_raise(vm, vm->c.RecursionError, "maximum recursion depth exceeded");
        return GEN_RAISED;
    }
    g->fiber->frame->flags |= FRAME_RETURN_TO_C;
    gen_enter(vm, g, IS_EMPTY(thrown) ? sent : EMPTY_VAL);
    if (!IS_EMPTY(thrown)) {
        /* thrown in at a yield inside an except block, it is raised while
         * g handles that exception (only g's own: CPython chains the thrown
         * exception to the generator's exc-info alone) */
        vm_chain_context(thrown, g->fiber->exc_info);
        vm->exception = thrown;
        vm->throw_pending = true;
    }
    vm->c_depth++;
    bool ok = interp_run(vm, out);
    vm->c_depth--;
    if (!ok) return GEN_RAISED;
    return g->state == GEN_FINISHED ? GEN_RETURNED : GEN_YIELDED;
}

GenOutcome gen_resume(VM *vm, ObjGenerator *g, Value sent, Value thrown, Value *out)
{
    if (IS_EMPTY(thrown)) return resume_frame(vm, g, sent, EMPTY_VAL, out);
    return gen_throw_into(vm, g, thrown, true, out);
}

bool vm_generator_next(VM *vm, Value gen, Value *out, bool *done)
{
    ObjGenerator *g = AS_GENERATOR(gen);
    *done = false;
    if (g->state == GEN_FINISHED && !is_coroutine(vm, g)) {
        *out = NONE_VAL;
        *done = true;
        return true;
    }
    switch (gen_resume(vm, g, NONE_VAL, EMPTY_VAL, out)) {
    case GEN_YIELDED: return true;
    case GEN_RETURNED: *done = true; return true;
    default: return false;
    }
}

bool gen_raise_from_cause(VM *vm, ObjClass *cls, const char *fmt, const char *arg1, const char *arg2)
{
    Value cause = vm_take_exception(vm);
    vm_push_root(vm, cause);
    vm_raise(vm, cls, fmt, arg1, arg2);
    AS_EXCEPTION(vm->exception)->cause = cause;
    AS_EXCEPTION(vm->exception)->context = cause;
    vm_pop_root(vm, 1);
    return false;
}

void gen_stop_escaped(VM *vm, ObjGenerator *g)
{
    const char *what;
    if (vm_exception_matches(vm, vm->c.StopIteration)) what = "StopIteration";
    else if (g->obj.cls == vm->c.async_generator && vm_exception_matches(vm, vm->c.StopAsyncIteration))
        what = "StopAsyncIteration";
    else return;
    gen_raise_from_cause(vm, vm->c.RuntimeError, "%s raised %s", gen_kind_name(vm, g), what);
}

/* ---- delegation ---------------------------------------------------------------------- */

Value gen_delegate(const ObjGenerator *g)
{
    if (g->state != GEN_SUSPENDED) return EMPTY_VAL;
    const Frame *fr = g->fiber->frame;
    if (fr->ip[-1] != YIELD_DELEGATED) return EMPTY_VAL;
    return g->fiber->sp[-1];
}

/* g's delegate is done, with `result` as the value of the `yield from` /
 * `await`: g goes on after its delegation loop (see opcodes.h). */
static void gen_skip_delegation(ObjGenerator *g, Value result)
{
    Frame *fr = g->fiber->frame;
    uint8_t *bytecode = fr->code->bytecode;
    uint32_t top = read_u32(fr->ip + 1);          /* at the ip: JUMP top */
    uint32_t done = read_u32(bytecode + top + 1); /* top: SEND done */
    g->fiber->sp[-1] = result;                    /* the delegate's place */
    fr->ip = bytecode + done;
}

static Value stop_iteration_value(Value stop)
{
    ObjTuple *args = IS_EXCEPTION(stop) ? AS_EXCEPTION(stop)->args : NULL;
    return args && args->len ? args->items[0] : NONE_VAL;
}

/* Look up a method of an iterator that may lack it (close, throw). */
static bool optional_method(VM *vm, Value obj, const char *name, Value *meth, bool *found)
{
    return vm_getattr_opt(vm, obj, str_intern_cstr(vm, name), meth, found);
}

/* Close what a generator delegates to: close() if it has one. */
static bool close_iterator(VM *vm, Value d)
{
    if (is_resumable_object(vm, d)) return gen_close_object(vm, AS_GENERATOR(d));
    Value meth, ignored;
    bool found;
    if (!optional_method(vm, d, "close", &meth, &found)) return false;
    if (!found) return true;
    vm_push_root(vm, meth);
    bool ok = vm_call(vm, meth, NULL, 0, NULL, &ignored);
    vm_pop_root(vm, 1);
    return ok;
}

/* throw(exc) to a delegate that is not a generator, through its throw
 * method; *has_throw false when it has none. */
static GenOutcome throw_to_iterator(VM *vm, Value d, Value exc, Value *out, bool *has_throw)
{
    Value meth;
    *has_throw = false;
    if (!optional_method(vm, d, "throw", &meth, has_throw) || !*has_throw) return GEN_RAISED;
    vm_push_root(vm, meth);
    bool ok = vm_call(vm, meth, &exc, 1, NULL, out);
    vm_pop_root(vm, 1);
    if (ok) return GEN_YIELDED;
    if (!vm_exception_matches(vm, vm->c.StopIteration)) return GEN_RAISED;
    *out = stop_iteration_value(vm_take_exception(vm));
    return GEN_RETURNED;
}

/* Offer exc to a delegate. When it neither yields nor returns, *back is
 * what the delegating generator gets thrown in its place: exc itself, or
 * the exception the delegate ended with. */
static GenOutcome throw_to_delegate(VM *vm, Value d, Value exc, bool close_on_genexit, Value *out, Value *back)
{
    *back = exc;
    if (close_on_genexit && vm_isinstance(vm, exc, vm->c.GeneratorExit)) {
        if (!close_iterator(vm, d)) *back = vm_take_exception(vm);
        return GEN_RAISED;
    }
    GenOutcome r;
    if (is_resumable_object(vm, d)) {
        r = gen_throw_into(vm, AS_GENERATOR(d), exc, close_on_genexit, out);
    } else {
        bool has_throw;
        r = throw_to_iterator(vm, d, exc, out, &has_throw);
        if (r == GEN_RAISED && !has_throw && IS_EMPTY(vm->exception)) return GEN_RAISED;
    }
    if (r == GEN_RAISED) *back = vm_take_exception(vm);
    return r;
}

GenOutcome gen_throw_into(VM *vm, ObjGenerator *g, Value exc, bool close_on_genexit, Value *out)
{
    Value d = gen_delegate(g);
    if (IS_EMPTY(d) || g->running) return resume_frame(vm, g, NONE_VAL, exc, out);
    vm_push_root(vm, exc);
    g->running = true; /* the delegate must not resume g meanwhile */
    Value back;
    GenOutcome r = throw_to_delegate(vm, d, exc, close_on_genexit, out, &back);
    g->running = false;
    vm_pop_root(vm, 1);
    if (r == GEN_YIELDED) return GEN_YIELDED; /* g stays suspended where it was */
    if (r == GEN_RETURNED) {
        gen_skip_delegation(g, *out);
        return resume_frame(vm, g, EMPTY_VAL, EMPTY_VAL, out);
    }
    vm_push_root(vm, back);
    r = resume_frame(vm, g, NONE_VAL, back, out);
    vm_pop_root(vm, 1);
    return r;
}

/* ---- stepping what an await drives, from C ------------------------------------------- */

/* it.<name>(arg): a step through a method; its StopIteration is the end. */
static GenOutcome step_by_method(VM *vm, Value it, const char *name, Value arg, Value *out)
{
    if (vm_call_method(vm, it, str_intern_cstr(vm, name), &arg, 1, out)) return GEN_YIELDED;
    if (!vm_exception_matches(vm, vm->c.StopIteration)) return GEN_RAISED;
    *out = stop_iteration_value(vm_take_exception(vm));
    return GEN_RETURNED;
}

GenOutcome gen_step_iterator(VM *vm, Value it, Value sent, Value thrown, Value *out)
{
    if (is_resumable_object(vm, it)) {
        ObjGenerator *g = AS_GENERATOR(it);
        return IS_EMPTY(thrown) ? gen_resume(vm, g, sent, EMPTY_VAL, out) : gen_throw_into(vm, g, thrown, true, out);
    }
    if (!IS_EMPTY(thrown)) return step_by_method(vm, it, "throw", thrown, out);
    const ObjOpaque *op = IS_KIND(it, OBJ_OPAQUE) ? (ObjOpaque *)AS_OBJ(it) : NULL;
    if ((op && op->ops && op->ops->send) || IS_NONE(sent)) {
        bool done;
        bool ok = op && op->ops && op->ops->send ? op->ops->send(vm, (ObjOpaque *)op, sent, out, &done)
                                                 : op_next(vm, it, out, &done);
        if (!ok) return GEN_RAISED;
        return done ? GEN_RETURNED : GEN_YIELDED;
    }
    return step_by_method(vm, it, "send", sent, out);
}

bool gen_close_iterator(VM *vm, Value it)
{
    return close_iterator(vm, it);
}

bool gen_close_object(VM *vm, ObjGenerator *g)
{
    if (g->state == GEN_CREATED || g->state == GEN_FINISHED) {
        g->state = GEN_FINISHED;
        return true;
    }
    Value exc = EMPTY_VAL;
    Value d = gen_delegate(g);
    if (!IS_EMPTY(d) && !g->running) {
        g->running = true;
        if (!close_iterator(vm, d)) exc = vm_take_exception(vm);
        g->running = false;
    }
    if (IS_EMPTY(exc)) {
        if (!vm_call(vm, OBJ_VAL(vm->c.GeneratorExit), NULL, 0, NULL, &exc)) return false;
        vm_chain_context(exc, vm_handled_exception(vm)); /* it is raised here, by close() */
    }
    vm_push_root(vm, exc);
    Value v;
    GenOutcome r = resume_frame(vm, g, NONE_VAL, exc, &v);
    vm_pop_root(vm, 1);
    if (r == GEN_YIELDED) return vm_raise(vm, vm->c.RuntimeError, "%s ignored GeneratorExit", gen_kind_name(vm, g));
    if (r == GEN_RAISED) {
        if (!vm_exception_matches(vm, vm->c.GeneratorExit) && !vm_exception_matches(vm, vm->c.StopIteration))
            return false;
        vm_take_exception(vm);
    }
    return true;
}

bool gen_throw_argument(VM *vm, Value *args, int nargs, const char *what, Value *exc)
{
    if (!args_range(vm, what, nargs, 1, 3)) return false;
    Value typ = args[0];
    Value val = nargs > 1 ? args[1] : NONE_VAL;
    if (nargs > 2 && !IS_NONE(args[2]) && !IS_KIND(args[2], OBJ_TRACEBACK))
        return vm_raise(vm, vm->c.TypeError, "throw() third argument must be a traceback object");
    if (IS_CLASS(typ) && class_is_subclass(AS_CLASS(typ), vm->c.BaseException)) {
        if (IS_EXCEPTION(val) && vm_isinstance(vm, val, AS_CLASS(typ))) {
            *exc = val;
            return true;
        }
        if (IS_NONE(val)) return vm_call(vm, typ, NULL, 0, NULL, exc);
        if (IS_TUPLE(val)) return vm_call(vm, typ, AS_TUPLE(val)->items, (int)AS_TUPLE(val)->len, NULL, exc);
        return vm_call(vm, typ, &val, 1, NULL, exc);
    }
    if (IS_EXCEPTION(typ)) {
        if (!IS_NONE(val)) return vm_raise(vm, vm->c.TypeError, "instance exception may not have a separate value");
        *exc = typ;
        return true;
    }
    return vm_raise(vm, vm->c.TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                    vm_class_of(vm, typ)->name->data);
}

/* ---- coroutine_wrapper: what coro.__await__() returns --------------------------------- */

typedef struct {
    ObjOpaque base;
    ObjGenerator *coro;
} CoroWrapper;

static void coro_wrapper_mark(VM *vm, ObjOpaque *o)
{
    gc_mark_object(vm, (Obj *)((CoroWrapper *)o)->coro);
}

/* SEND steps a wrapper (in `yield from coro.__await__()`) as the coroutine itself. */
static bool coro_wrapper_send(VM *vm, ObjOpaque *self, Value sent, Value *out, bool *done)
{
    GenOutcome r = gen_resume(vm, ((CoroWrapper *)self)->coro, sent, EMPTY_VAL, out);
    *done = r == GEN_RETURNED;
    return r != GEN_RAISED;
}

static const OpaqueOps coro_wrapper_ops = {.name = "coroutine_wrapper", .mark = coro_wrapper_mark, .send = coro_wrapper_send};

static bool is_coro_wrapper(VM *vm, Value v)
{
    return IS_KIND(v, OBJ_OPAQUE) && AS_OBJ(v)->cls == vm->c.coroutine_wrapper;
}

/* ---- the await protocol -------------------------------------------------------------- */

static bool not_awaitable(VM *vm, Value v, int what)
{
    const char *type = vm_class_of(vm, v)->name->data;
    if (what == AWAIT_PLAIN)
        return vm_raise(vm, vm->c.TypeError, "object %s can't be used in 'await' expression", type);
    return vm_raise(vm, vm->c.TypeError,
                    "'async with' received an object from %s that does not implement __await__: %s",
                    what == AWAIT_AENTER ? "__aenter__" : "__aexit__", type);
}

bool gen_get_awaitable(VM *vm, Value v, int what, Value *out)
{
    if (IS_GENERATOR(v) && AS_OBJ(v)->cls == vm->c.coroutine) {
        ObjGenerator *g = AS_GENERATOR(v);
        if (g->state == GEN_FINISHED)
            return vm_raise(vm, vm->c.RuntimeError, "cannot reuse already awaited coroutine");
        if (!IS_EMPTY(gen_delegate(g)))
            return vm_raise(vm, vm->c.RuntimeError, "coroutine is being awaited already");
        *out = v;
        return true;
    }
    if (async_is_awaitable(vm, v)) { /* its __await__ returns itself */
        *out = v;
        return true;
    }
    Value await = vm_lookup_special(vm, v, vm->n.__await__);
    if (IS_EMPTY(await)) return not_awaitable(vm, v, what);
    Value it;
    if (!vm_call(vm, await, &v, 1, NULL, &it)) return false;
    if (IS_GENERATOR(it) && AS_OBJ(it)->cls == vm->c.coroutine)
        return vm_raise(vm, vm->c.TypeError, "__await__() returned a coroutine");
    if (is_coro_wrapper(vm, it)) {
        /* drive the coroutine itself: the same steps, resumed stackless */
        *out = OBJ_VAL(((CoroWrapper *)AS_OBJ(it))->coro);
        return true;
    }
    bool native_step = IS_KIND(it, OBJ_OPAQUE) && ((ObjOpaque *)AS_OBJ(it))->ops &&
                       ((ObjOpaque *)AS_OBJ(it))->ops->send; /* SEND drives it directly */
    if (!native_step && IS_EMPTY(vm_lookup_special(vm, it, vm->n.__next__)))
        return vm_raise(vm, vm->c.TypeError, "__await__() returned non-iterator of type '%s'",
                        vm_class_of(vm, it)->name->data);
    *out = it;
    return true;
}

/* ---- methods ------------------------------------------------------------------------- */

/* self of a generator / coroutine method: the object, or the coroutine a
 * coroutine_wrapper stands for (it shares the methods). */
static bool self_generator(VM *vm, Value *args, int nargs, const char *what, ObjGenerator **g)
{
    *g = NULL;
    if (nargs >= 1 && IS_GENERATOR(args[0])) {
        *g = AS_GENERATOR(args[0]);
        return true;
    }
    if (nargs >= 1 && is_coro_wrapper(vm, args[0])) {
        *g = ((CoroWrapper *)AS_OBJ(args[0]))->coro;
        return true;
    }
    return vm_raise(vm, vm->c.TypeError, "descriptor '%s' requires a generator object", what);
}

/* A value returned by the generator ends a send/next with StopIteration(value). */
static bool finish_resume(VM *vm, GenOutcome r, Value v, Value *out)
{
    if (r == GEN_YIELDED) {
        *out = v;
        return true;
    }
    if (r == GEN_RETURNED) return exception_raise_stop_iteration(vm, v);
    return false;
}

static bool gen_next_method(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *g;
    if (!self_generator(vm, args, nargs, "__next__", &g)) return false;
    Value v;
    return finish_resume(vm, gen_resume(vm, g, NONE_VAL, EMPTY_VAL, &v), v, out);
}

static bool gen_send(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *g;
    if (!self_generator(vm, args, nargs, "send", &g)) return false;
    if (nargs != 2) return vm_raise(vm, vm->c.TypeError, "send() takes exactly one argument (%d given)", nargs - 1);
    Value v;
    return finish_resume(vm, gen_resume(vm, g, args[1], EMPTY_VAL, &v), v, out);
}

static bool gen_throw(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *g;
    Value exc;
    if (!self_generator(vm, args, nargs, "throw", &g)) return false;
    if (!gen_throw_argument(vm, args + 1, nargs - 1, "throw", &exc)) return false;
    vm_push_root(vm, exc);
    Value v;
    GenOutcome r = gen_throw_into(vm, g, exc, true, &v);
    vm_pop_root(vm, 1);
    return finish_resume(vm, r, v, out);
}

static bool gen_close(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *g;
    if (!self_generator(vm, args, nargs, "close", &g)) return false;
    *out = NONE_VAL;
    return gen_close_object(vm, g);
}

static bool gen_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *g;
    if (!self_generator(vm, args, nargs, "__iter__", &g)) return false;
    *out = args[0];
    return true;
}

static bool coro_await(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *g;
    if (!self_generator(vm, args, nargs, "__await__", &g)) return false;
    CoroWrapper *w = gc_alloc_object(vm, sizeof(CoroWrapper), OBJ_OPAQUE, vm->c.coroutine_wrapper);
    w->base.ops = &coro_wrapper_ops;
    w->coro = g;
    *out = OBJ_VAL(w);
    return true;
}

void generator_install(VM *vm)
{
    ObjClass *gen = vm->c.generator;
    vm_define_native(vm, gen->dict, "__iter__", gen_iter, gen);
    vm_define_native(vm, gen->dict, "__next__", gen_next_method, gen);
    vm_define_native(vm, gen->dict, "send", gen_send, gen);
    vm_define_native(vm, gen->dict, "throw", gen_throw, gen);
    vm_define_native(vm, gen->dict, "close", gen_close, gen);
    ObjClass *coro = vm->c.coroutine;
    vm_define_native(vm, coro->dict, "__await__", coro_await, coro);
    vm_define_native(vm, coro->dict, "send", gen_send, coro);
    vm_define_native(vm, coro->dict, "throw", gen_throw, coro);
    vm_define_native(vm, coro->dict, "close", gen_close, coro);
    ObjClass *wrapper = vm->c.coroutine_wrapper;
    vm_define_native(vm, wrapper->dict, "__iter__", gen_iter, wrapper);
    vm_define_native(vm, wrapper->dict, "__next__", gen_next_method, wrapper);
    vm_define_native(vm, wrapper->dict, "send", gen_send, wrapper);
    vm_define_native(vm, wrapper->dict, "throw", gen_throw, wrapper);
    vm_define_native(vm, wrapper->dict, "close", gen_close, wrapper);
    wrapper->class_flags |= CLASS_NO_SUBCLASS;
    async_gen_install(vm);
}
