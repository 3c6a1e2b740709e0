/* async_gen.c: async generators (a `yield` inside `async def`), the
 * awaitables their methods return, and the async iteration protocol
 * (GET_AITER / GET_ANEXT).
 *
 * An async generator is a generator object (class async_generator) on its
 * own fiber. Nothing resumes it directly: __anext__() / asend() return an
 * async_generator_asend awaitable, athrow() / aclose() an
 * async_generator_athrow, and awaiting one of those resumes the generator
 * from C. When the generator suspends, how it did decides what the
 * awaitable does: at an `await` in its body (YIELD_DELEGATED) the value
 * passes through to whoever drives the awaiting coroutine (an event loop);
 * at an async `yield` the awaitable finishes with StopIteration(value),
 * which is the result of `await agen.__anext__()`. The generator's end is
 * StopAsyncIteration. As CPython's, the awaitables keep a state (not
 * started, running, done) and the generator two flags (`running_async`:
 * one of its awaitables is running; `closed`). */
#include <string.h>

#include "args.h"
#include "exception.h"
#include "gc.h"
#include "generator.h"
#include "opcodes.h"

enum { AWAITABLE_INIT, AWAITABLE_ITER, AWAITABLE_CLOSED };

/* An async_generator_asend or async_generator_athrow. */
typedef struct {
    ObjOpaque base;
    ObjGenerator *agen;
    Value arg;       /* asend: the value to send first; athrow: the arguments tuple; aclose: EMPTY */
    uint8_t state;   /* AWAITABLE_* */
} AgenAwaitable;

static void awaitable_mark(VM *vm, ObjOpaque *o)
{
    AgenAwaitable *aw = (AgenAwaitable *)o;
    gc_mark_object(vm, (Obj *)aw->agen);
    gc_mark_value(vm, aw->arg);
}

static bool awaitable_ops_send(VM *vm, ObjOpaque *self, Value sent, Value *out, bool *done);
/* SEND steps them directly (awaitable_ops_send), without method calls or StopIteration objects */
static const OpaqueOps asend_ops = {.name = "async_generator_asend", .mark = awaitable_mark, .send = awaitable_ops_send};
static const OpaqueOps athrow_ops = {.name = "async_generator_athrow", .mark = awaitable_mark, .send = awaitable_ops_send};

static bool is_agen(VM *vm, Value v)
{
    return IS_GENERATOR(v) && AS_OBJ(v)->cls == vm->c.async_generator;
}

static Value new_awaitable(VM *vm, ObjClass *cls, const OpaqueOps *ops, ObjGenerator *agen, Value arg)
{
    if (!agen->hooks_inited) {
        /* its first __anext__ / asend / athrow / aclose: the loop notes it,
         * to close it at shutdown_asyncgens() */
        agen->hooks_inited = true;
        if (vm->asyncgen_firstiter) {
            vm_push_root(vm, arg);
            vm->asyncgen_firstiter(vm, OBJ_VAL(agen));
            vm_pop_root(vm, 1);
        }
    }
    AgenAwaitable *aw = gc_alloc_object(vm, sizeof(AgenAwaitable), OBJ_OPAQUE, cls);
    aw->base.ops = ops;
    aw->agen = agen;
    aw->arg = arg;
    aw->state = AWAITABLE_INIT;
    return OBJ_VAL(aw);
}

static Value new_asend(VM *vm, ObjGenerator *agen, Value sent)
{
    return new_awaitable(vm, vm->c.async_generator_asend, &asend_ops, agen, sent);
}

/* ---- driving the generator ---------------------------------------------------------- */

/* Each step of an awaitable ends in one of three ways: it passes a value
 * through (*done false: an await in the generator suspended), it finishes
 * (*done true, *out its result: what send() reports as StopIteration), or
 * it raises. */

/* Resume agen with `sent`, or throw `thrown` (not EMPTY) into it. Its end
 * (a return) is StopAsyncIteration. */
static GenOutcome agen_step(VM *vm, ObjGenerator *agen, Value sent, Value thrown, bool close_on_genexit, Value *out)
{
    GenOutcome r = IS_EMPTY(thrown) ? gen_resume(vm, agen, sent, EMPTY_VAL, out)
                                    : gen_throw_into(vm, agen, thrown, close_on_genexit, out);
    if (r != GEN_RETURNED) return r;
    exception_raise_empty(vm, vm->c.StopAsyncIteration);
    return GEN_RAISED;
}

/* A step's value as the awaitable hands it on (CPython's
 * async_gen_unwrap_value): an await in the body passes its value through;
 * an async yield finishes the awaitable with that value. */
static bool agen_unwrap(VM *vm, ObjGenerator *agen, GenOutcome r, Value v, Value *out, bool *done)
{
    *done = false;
    if (r == GEN_YIELDED && !IS_EMPTY(gen_delegate(agen))) {
        *out = v;
        return true;
    }
    agen->running_async = false;
    if (r == GEN_YIELDED) {
        *out = v;
        *done = true;
        return true;
    }
    if (vm_exception_matches(vm, vm->c.StopAsyncIteration) || vm_exception_matches(vm, vm->c.GeneratorExit))
        agen->closed = true;
    return false;
}

/* ---- async_generator_asend: __anext__() and asend(value) ----------------------------- */

static bool asend_reused(VM *vm)
{
    return vm_raise(vm, vm->c.RuntimeError, "cannot reuse already awaited __anext__()/asend()");
}

/* One step of an asend awaitable: resumed with `sent`, or `thrown` thrown in. */
static bool asend_step(VM *vm, AgenAwaitable *aw, Value sent, Value thrown, Value *out, bool *done)
{
    ObjGenerator *agen = aw->agen;
    if (aw->state == AWAITABLE_CLOSED) return asend_reused(vm);
    if (aw->state == AWAITABLE_INIT && IS_EMPTY(thrown)) {
        if (agen->running_async)
            return vm_raise(vm, vm->c.RuntimeError, "anext(): asynchronous generator is already running");
        if (IS_NONE(sent)) sent = aw->arg;
        aw->state = AWAITABLE_ITER;
        agen->running_async = true;
    }
    Value v;
    GenOutcome r = agen_step(vm, agen, sent, thrown, true, &v);
    bool ok = agen_unwrap(vm, agen, r, v, out, done);
    if (!ok || *done) aw->state = AWAITABLE_CLOSED;
    return ok;
}

/* ---- async_generator_athrow: athrow(...) and aclose() -------------------------------- */

static bool is_aclose(const AgenAwaitable *aw)
{
    return IS_EMPTY(aw->arg);
}

static bool athrow_reused(VM *vm)
{
    return vm_raise(vm, vm->c.RuntimeError, "cannot reuse already awaited aclose()/athrow()");
}

/* The athrow awaitable is over. For aclose(), the generator ending
 * (StopAsyncIteration, GeneratorExit) is just the awaitable finishing. */
static bool athrow_over(VM *vm, AgenAwaitable *aw, bool ok, Value *out, bool *done)
{
    aw->agen->running_async = false;
    aw->state = AWAITABLE_CLOSED;
    if (ok || !is_aclose(aw)) return ok;
    if (!vm_exception_matches(vm, vm->c.StopAsyncIteration) && !vm_exception_matches(vm, vm->c.GeneratorExit))
        return false;
    vm_take_exception(vm);
    *out = NONE_VAL;
    *done = true;
    return true;
}

/* A step's outcome under athrow() (like asend's) or aclose(), where an
 * async yield means the generator ignored GeneratorExit. */
static bool athrow_finish(VM *vm, AgenAwaitable *aw, GenOutcome r, Value v, Value *out, bool *done)
{
    *done = false;
    if (!is_aclose(aw)) {
        bool ok = agen_unwrap(vm, aw->agen, r, v, out, done);
        return ok && !*done ? true : athrow_over(vm, aw, ok, out, done);
    }
    if (r != GEN_YIELDED) return athrow_over(vm, aw, false, out, done);
    if (!IS_EMPTY(gen_delegate(aw->agen))) {
        *out = v; /* an await in a finally block: pass it through */
        return true;
    }
    athrow_over(vm, aw, true, out, done);
    return vm_raise(vm, vm->c.RuntimeError, "async generator ignored GeneratorExit");
}

/* The exception athrow() / aclose() throws in when first resumed. */
static bool athrow_exception(VM *vm, AgenAwaitable *aw, Value *exc)
{
    if (is_aclose(aw)) {
        aw->agen->closed = true;
        return vm_call(vm, OBJ_VAL(vm->c.GeneratorExit), NULL, 0, NULL, exc);
    }
    ObjTuple *t = AS_TUPLE(aw->arg);
    return gen_throw_argument(vm, t->items, (int)t->len, "athrow", exc);
}

/* The first step: throw the exception in. */
static bool athrow_start(VM *vm, AgenAwaitable *aw, Value sent, Value *out, bool *done)
{
    ObjGenerator *agen = aw->agen;
    if (agen->running_async) {
        aw->state = AWAITABLE_CLOSED;
        return vm_raise(vm, vm->c.RuntimeError, "%s(): asynchronous generator is already running",
                        is_aclose(aw) ? "aclose" : "athrow");
    }
    if (agen->closed) {
        aw->state = AWAITABLE_CLOSED;
        return exception_raise_empty(vm, vm->c.StopAsyncIteration);
    }
    if (!IS_NONE(sent))
        return vm_raise(vm, vm->c.RuntimeError, "can't send non-None value to a just-started coroutine");
    aw->state = AWAITABLE_ITER;
    agen->running_async = true;
    Value exc, v;
    if (!athrow_exception(vm, aw, &exc)) return athrow_over(vm, aw, false, out, done);
    vm_push_root(vm, exc);
    GenOutcome r = agen_step(vm, agen, NONE_VAL, exc, false, &v);
    vm_pop_root(vm, 1);
    return athrow_finish(vm, aw, r, v, out, done);
}

/* One step of an athrow awaitable: resumed with `sent`, or `thrown` thrown in. */
static bool athrow_step(VM *vm, AgenAwaitable *aw, Value sent, Value thrown, Value *out, bool *done)
{
    *done = false;
    if (aw->state == AWAITABLE_CLOSED) return athrow_reused(vm);
    if (IS_EMPTY(thrown)) {
        if (aw->agen->state == GEN_FINISHED) {
            aw->state = AWAITABLE_CLOSED;
            *out = NONE_VAL;
            *done = true;
            return true;
        }
        if (aw->state == AWAITABLE_INIT) return athrow_start(vm, aw, sent, out, done);
    }
    Value v;
    GenOutcome r = agen_step(vm, aw->agen, sent, thrown, !IS_EMPTY(thrown), &v);
    return athrow_finish(vm, aw, r, v, out, done);
}

/* ---- the awaitables' methods (one set serves both classes) -------------------------- */

static bool is_asend(const AgenAwaitable *aw)
{
    return aw->base.ops == &asend_ops;
}

bool async_is_awaitable(VM *vm, Value v)
{
    if (!IS_KIND(v, OBJ_OPAQUE)) return false;
    ObjClass *cls = AS_OBJ(v)->cls;
    return cls == vm->c.async_generator_asend || cls == vm->c.async_generator_athrow;
}

/* One step of an awaitable: resumed with `sent`, or `thrown` (not EMPTY)
 * thrown in. *done: it finished with *out as its result (its send() raises
 * StopIteration(*out)); otherwise *out is a value an await passes through. */
static bool awaitable_step(VM *vm, Value awaitable, Value sent, Value thrown, Value *out, bool *done)
{
    AgenAwaitable *aw = (AgenAwaitable *)AS_OBJ(awaitable);
    return is_asend(aw) ? asend_step(vm, aw, sent, thrown, out, done) : athrow_step(vm, aw, sent, thrown, out, done);
}

bool async_awaitable_step(VM *vm, Value awaitable, Value sent, Value thrown, Value *out, bool *done)
{
    return awaitable_step(vm, awaitable, sent, thrown, out, done);
}

static bool awaitable_ops_send(VM *vm, ObjOpaque *self, Value sent, Value *out, bool *done)
{
    return awaitable_step(vm, OBJ_VAL(self), sent, EMPTY_VAL, out, done);
}

static bool self_awaitable(VM *vm, Value *args, int nargs, const char *method)
{
    if (nargs >= 1 && async_is_awaitable(vm, args[0])) return true;
    return args_self(vm, args, nargs, vm->c.async_generator_asend, method);
}

/* send(), __next__() and throw() report the awaitable's end as StopIteration. */
static bool step_method(VM *vm, Value awaitable, Value sent, Value thrown, Value *out)
{
    bool done;
    if (!awaitable_step(vm, awaitable, sent, thrown, out, &done)) return false;
    return done ? exception_raise_stop_iteration(vm, *out) : true;
}

static bool awaitable_send(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_awaitable(vm, args, nargs, "send")) return false;
    if (!args_range(vm, "send", nargs - 1, 1, 1)) return false;
    return step_method(vm, args[0], args[1], EMPTY_VAL, out);
}

static bool awaitable_next(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_awaitable(vm, args, nargs, "__next__")) return false;
    return step_method(vm, args[0], NONE_VAL, EMPTY_VAL, out);
}

/* throw(): into the generator, the delegate of its await first. */
static bool awaitable_throw(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    Value exc;
    if (!self_awaitable(vm, args, nargs, "throw")) return false;
    if (!gen_throw_argument(vm, args + 1, nargs - 1, "throw", &exc)) return false;
    vm_push_root(vm, exc);
    bool ok = step_method(vm, args[0], NONE_VAL, exc, out);
    vm_pop_root(vm, 1);
    return ok;
}

/* close(): it can no longer be awaited. */
static bool awaitable_close(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_awaitable(vm, args, nargs, "close")) return false;
    ((AgenAwaitable *)AS_OBJ(args[0]))->state = AWAITABLE_CLOSED;
    *out = NONE_VAL;
    return true;
}

/* __await__ and __iter__: an awaitable is its own iterator. */
static bool awaitable_self(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_awaitable(vm, args, nargs, "__await__")) return false;
    *out = args[0];
    return true;
}

/* ---- the async generator's methods ------------------------------------------------- */

static bool self_agen(VM *vm, Value *args, int nargs, const char *method, ObjGenerator **agen)
{
    if (!args_self(vm, args, nargs, vm->c.async_generator, method)) return false;
    *agen = AS_GENERATOR(args[0]);
    return true;
}

static bool agen_aiter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *agen;
    if (!self_agen(vm, args, nargs, "__aiter__", &agen)) return false;
    *out = args[0];
    return true;
}

static bool agen_anext(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *agen;
    if (!self_agen(vm, args, nargs, "__anext__", &agen)) return false;
    *out = new_asend(vm, agen, NONE_VAL);
    return true;
}

static bool agen_asend(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *agen;
    if (!self_agen(vm, args, nargs, "asend", &agen)) return false;
    if (!args_range(vm, "asend", nargs - 1, 1, 1)) return false;
    *out = new_asend(vm, agen, args[1]);
    return true;
}

static bool agen_athrow(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *agen;
    if (!self_agen(vm, args, nargs, "athrow", &agen)) return false;
    ObjTuple *t = tuple_new(vm, args + 1, (uint32_t)(nargs - 1));
    vm_push_root(vm, OBJ_VAL(t));
    *out = new_awaitable(vm, vm->c.async_generator_athrow, &athrow_ops, agen, OBJ_VAL(t));
    vm_pop_root(vm, 1);
    return true;
}

static bool agen_aclose(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    ObjGenerator *agen;
    if (!self_agen(vm, args, nargs, "aclose", &agen)) return false;
    if (!args_none(vm, "aclose()", nargs - 1)) return false;
    *out = new_awaitable(vm, vm->c.async_generator_athrow, &athrow_ops, agen, EMPTY_VAL);
    return true;
}

/* ---- async iteration: GET_AITER / GET_ANEXT ------------------------------------------ */

static bool has_anext(VM *vm, Value v)
{
    return is_agen(vm, v) || !IS_EMPTY(vm_lookup_special(vm, v, vm->n.__anext__));
}

/* obj.<name>(), looked up on its class; a TypeError `missing` + the class
 * name when the class has no such method. */
static bool call_protocol_method(VM *vm, Value obj, ObjStr *name, const char *missing, Value *out)
{
    Value m = vm_lookup_special(vm, obj, name);
    if (IS_EMPTY(m)) return vm_raise(vm, vm->c.TypeError, "%s%s", missing, vm_class_of(vm, obj)->name->data);
    return vm_call(vm, m, &obj, 1, NULL, out);
}

bool async_get_aiter(VM *vm, Value obj, Value *out)
{
    if (is_agen(vm, obj)) {
        *out = obj;
        return true;
    }
    Value it;
    if (!call_protocol_method(vm, obj, vm->n.__aiter__, "'async for' requires an object with __aiter__ method, got ",
                              &it))
        return false;
    if (!has_anext(vm, it))
        return vm_raise(vm, vm->c.TypeError,
                        "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                        vm_class_of(vm, it)->name->data);
    *out = it;
    return true;
}

bool async_get_anext(VM *vm, Value aiter, Value *out)
{
    if (is_agen(vm, aiter)) {
        *out = new_asend(vm, AS_GENERATOR(aiter), NONE_VAL);
        return true;
    }
    Value next;
    if (!call_protocol_method(vm, aiter, vm->n.__anext__,
                              "'async for' requires an iterator with __anext__ method, got ", &next))
        return false;
    vm_push_root(vm, next);
    bool ok = gen_get_awaitable(vm, next, AWAIT_PLAIN, out);
    if (!ok)
        gen_raise_from_cause(vm, vm->c.TypeError, "'async for' received an invalid object from __anext__: %s",
                             vm_class_of(vm, next)->name->data, NULL);
    vm_pop_root(vm, 1);
    return ok;
}

/* ---- installation -------------------------------------------------------------------- */

static void install_awaitable_class(VM *vm, ObjClass *cls)
{
    vm_define_native(vm, cls->dict, "send", awaitable_send, cls);
    vm_define_native(vm, cls->dict, "__next__", awaitable_next, cls);
    vm_define_native(vm, cls->dict, "throw", awaitable_throw, cls);
    vm_define_native(vm, cls->dict, "close", awaitable_close, cls);
    vm_define_native(vm, cls->dict, "__await__", awaitable_self, cls);
    vm_define_native(vm, cls->dict, "__iter__", awaitable_self, cls);
    cls->class_flags |= CLASS_NO_SUBCLASS;
}

void async_gen_install(VM *vm)
{
    ObjClass *agen = vm->c.async_generator;
    vm_define_native(vm, agen->dict, "__aiter__", agen_aiter, agen);
    vm_define_native(vm, agen->dict, "__anext__", agen_anext, agen);
    vm_define_native(vm, agen->dict, "asend", agen_asend, agen);
    vm_define_native(vm, agen->dict, "athrow", agen_athrow, agen);
    vm_define_native(vm, agen->dict, "aclose", agen_aclose, agen);
    install_awaitable_class(vm, vm->c.async_generator_asend);
    install_awaitable_class(vm, vm->c.async_generator_athrow);
}
