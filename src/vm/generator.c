/* generator.c: generator and coroutine objects, and resuming them from C.
 * The stackless resume from bytecode lives in the dispatch loop (interp.c),
 * which uses gen_enter / gen_check_resumable from here. */
#include "generator.h"

#include <string.h>

#include "args.h"
#include "frame.h"
#include "gc.h"
#include "interp.h"

void generator_mark(VM *vm, ObjGenerator *g)
{
    gc_mark_object(vm, (Obj *)g->fiber);
    gc_mark_object(vm, (Obj *)g->name);
    gc_mark_object(vm, (Obj *)g->qualname);
    gc_mark_object(vm, (Obj *)g->code);
    gc_mark_value(vm, g->yielded_from);
}

static ObjClass *class_for_code(VM *vm, const ObjCode *code)
{
    if (!(code->flags & CODE_COROUTINE)) return vm->c.generator;
    return (code->flags & CODE_GENERATOR) ? vm->c.async_generator : vm->c.coroutine;
}

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
    g->yielded_from = NONE_VAL;
    g->state = GEN_CREATED;
    f->owner = (Obj *)g;
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(g);
    return true;
}

static bool is_coroutine(VM *vm, const ObjGenerator *g)
{
    return g->obj.cls == vm->c.coroutine;
}

bool gen_check_resumable(VM *vm, ObjGenerator *g, Value sent)
{
    if (g->running)
        return vm_raise(vm, vm->c.ValueError, "%s already executing", is_coroutine(vm, g) ? "coroutine" : "generator");
    if (g->state == GEN_FINISHED && is_coroutine(vm, g))
        return vm_raise(vm, vm->c.RuntimeError, "cannot reuse already awaited coroutine");
    if (g->state == GEN_CREATED && !IS_NONE(sent) && !IS_EMPTY(sent))
        return vm_raise(vm, vm->c.TypeError, "can't send non-None value to a just-started %s",
                        is_coroutine(vm, g) ? "coroutine" : "generator");
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

GenOutcome gen_resume(VM *vm, ObjGenerator *g, Value sent, Value thrown, Value *out)
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
        vm->exception = thrown;
        vm->throw_pending = true;
    }
    vm->c_depth++;
    bool ok = interp_run(vm, out);
    vm->c_depth--;
    if (!ok) return GEN_RAISED;
    return g->state == GEN_FINISHED ? GEN_RETURNED : GEN_YIELDED;
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

/* ---- methods ------------------------------------------------------------------------- */

static bool self_generator(VM *vm, Value *args, int nargs, const char *what)
{
    if (nargs < 1 || !IS_GENERATOR(args[0]))
        return vm_raise(vm, vm->c.TypeError, "descriptor '%s' requires a generator object", what);
    return true;
}

/* A value returned by the generator ends a send/next with StopIteration(value). */
static bool stop_iteration(VM *vm, Value value)
{
    Value args[1] = {value};
    ObjTuple *t = tuple_new(vm, args, IS_NONE(value) ? 0 : 1);
    vm_push_root(vm, OBJ_VAL(t));
    ObjException *e = exception_new(vm, vm->c.StopIteration, t);
    vm_pop_root(vm, 1);
    return vm_raise_value(vm, OBJ_VAL(e));
}

static bool finish_resume(VM *vm, GenOutcome r, Value v, Value *out)
{
    if (r == GEN_YIELDED) {
        *out = v;
        return true;
    }
    if (r == GEN_RETURNED) return stop_iteration(vm, v);
    return false;
}

static bool gen_next_method(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_generator(vm, args, nargs, "__next__")) return false;
    Value v;
    return finish_resume(vm, gen_resume(vm, AS_GENERATOR(args[0]), NONE_VAL, EMPTY_VAL, &v), v, out);
}

static bool gen_send(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_generator(vm, args, nargs, "send")) return false;
    if (nargs != 2) return vm_raise(vm, vm->c.TypeError, "send() takes exactly one argument (%d given)", nargs - 1);
    Value v;
    return finish_resume(vm, gen_resume(vm, AS_GENERATOR(args[0]), args[1], EMPTY_VAL, &v), v, out);
}

static bool gen_throw(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_generator(vm, args, nargs, "throw")) return false;
    if (nargs < 2) return vm_raise(vm, vm->c.TypeError, "throw expected at least 1 argument, got 0");
    Value exc = args[1];
    if (IS_CLASS(exc)) {
        if (!class_is_subclass(AS_CLASS(exc), vm->c.BaseException))
            return vm_raise(vm, vm->c.TypeError, "exceptions must be classes or instances deriving from BaseException, not type");
        Value inst;
        if (!vm_call(vm, exc, args + 2, nargs > 2 && !IS_NONE(args[2]) ? 1 : 0, NULL, &inst)) return false;
        exc = inst;
    }
    if (!IS_EXCEPTION(exc))
        return vm_raise(vm, vm->c.TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                        vm_class_of(vm, exc)->name->data);
    vm_push_root(vm, exc);
    Value v;
    GenOutcome r = gen_resume(vm, AS_GENERATOR(args[0]), NONE_VAL, exc, &v);
    vm_pop_root(vm, 1);
    return finish_resume(vm, r, v, out);
}

static bool gen_close(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_generator(vm, args, nargs, "close")) return false;
    ObjGenerator *g = AS_GENERATOR(args[0]);
    *out = NONE_VAL;
    if (g->state == GEN_CREATED || g->state == GEN_FINISHED) {
        g->state = GEN_FINISHED;
        return true;
    }
    Value exit;
    if (!vm_call(vm, OBJ_VAL(vm->c.GeneratorExit), NULL, 0, NULL, &exit)) return false;
    vm_push_root(vm, exit);
    Value v;
    GenOutcome r = gen_resume(vm, g, NONE_VAL, exit, &v);
    vm_pop_root(vm, 1);
    if (r == GEN_YIELDED)
        return vm_raise(vm, vm->c.RuntimeError, "%s ignored GeneratorExit", is_coroutine(vm, g) ? "coroutine" : "generator");
    if (r == GEN_RAISED) {
        if (!vm_exception_matches(vm, vm->c.GeneratorExit) && !vm_exception_matches(vm, vm->c.StopIteration))
            return false;
        vm_take_exception(vm);
    }
    return true;
}

static bool gen_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_generator(vm, args, nargs, "__iter__")) return false;
    *out = args[0];
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
    vm_define_native(vm, coro->dict, "send", gen_send, coro);
    vm_define_native(vm, coro->dict, "throw", gen_throw, coro);
    vm_define_native(vm, coro->dict, "close", gen_close, coro);
}
