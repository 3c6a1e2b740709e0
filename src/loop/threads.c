/* threads.c: simulated threads, for asyncio.to_thread and
 * loop.run_in_executor.
 *
 * A thread is a fiber whose base frame calls the function. It runs in time
 * slices on the one real thread, the way CPython's GIL lets one thread run
 * at a time: a slice ends after 5 ms of running (CPython's switch interval),
 * or when the thread calls time.sleep, which suspends just that thread
 * until the sleep is over, without blocking the event loop. The loop gives
 * runnable threads a slice after each pass and runs them whenever it would
 * otherwise wait; a blocking time.sleep in the loop itself lets them run too
 * (CPython releases the GIL while sleeping).
 *
 * Suspending at any point is possible because the dispatch loop calls
 * vm_tick when vm->ticks runs out (at loop edges and after native calls):
 * the tick hook here answers TICK_SUSPEND when the thread's slice is over,
 * but only if no C code sits between this slice's interp_run and the
 * running frame (same fiber, same C depth); otherwise the thread goes on
 * until it is back in plain bytecode. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aio.h"
#include "clock.h"
#include "frame.h"
#include "gc.h"
#include "interp.h"
#include "modules.h"

#define SLICE_NS (5 * 1000000) /* sys.getswitchinterval() */

typedef struct {
    Value fiber;  /* ObjFiber; its base frame calls the function */
    Value future; /* gets the outcome */
    Value loop_obj;
    Value outcome; /* the result or the exception, once done */
    uint32_t held_depth; /* frames of the thread, off vm->depth while it is suspended */
    bool sleeping;
    bool done, failed;
    double wake_at; /* loop time at which a sleeping thread runs again */
} SimThread;

static void thread_mark(VM *vm, ObjOpaque *self)
{
    SimThread *t = self->payload;
    gc_mark_value(vm, t->fiber);
    gc_mark_value(vm, t->future);
    gc_mark_value(vm, t->loop_obj);
    gc_mark_value(vm, t->outcome);
}

static const OpaqueOps thread_ops = {"Thread", thread_mark, NULL, NULL};

static SimThread *thread_of(Value v)
{
    return ((ObjOpaque *)AS_OBJ(v))->payload;
}


static bool run_slice(VM *vm, Loop *loop, Value thread, int64_t slice_end);

/* ---- starting ------------------------------------------------------------------ */

/* What the timeline and the deadlock report say a task awaits: "thread: work()". */
static void label_thread_future(VM *vm, Value fut, Value func)
{
    char text[96];
    const char *name = IS_FUNCTION(func) ? AS_FUNCTION(func)->qualname->data : "a function";
    snprintf(text, sizeof text, "thread: %s()", name);
    future_of(fut)->label = OBJ_VAL(str_from_cstr(vm, text));
}

bool thread_start(VM *vm, Loop *loop, Value func, Value *args, int nargs, Value *future_out)
{
    AioState *st = aio(vm);
    Value fn = func;
    Value wrapped[2];
    ObjTuple *packed = NULL;
    if (!IS_FUNCTION(func)) {
        /* a native function runs inside a Python trampoline, so that the
         * thread's time.sleep is called from bytecode and can suspend it */
        if (IS_EMPTY(st->thread_trampoline))
            return vm_raise(vm, vm->c.RuntimeError, "threads need the asyncio module");
        packed = tuple_new(vm, args, (uint32_t)nargs);
        vm_push_root(vm, OBJ_VAL(packed));
        wrapped[0] = func;
        wrapped[1] = OBJ_VAL(packed);
        fn = st->thread_trampoline;
        args = wrapped;
        nargs = 2;
    }
    if (!future_new(vm, loop, future_out)) return false;
    vm_push_root(vm, *future_out);
    label_thread_future(vm, *future_out, func);
    ObjFiber *f = fiber_new(vm);
    vm_push_root(vm, OBJ_VAL(f));
    ObjFunction *function = AS_FUNCTION(fn);
    uint32_t room = 1 + (uint32_t)nargs + function->code->frame_size;
    Value *base = fiber_push_values(vm, f, room);
    for (int i = 0; i < nargs; i++) base[1 + i] = args[i];
    f->sp = base + 1 + nargs;
    Frame *fr = frame_push_call(vm, f, function, base + 1, nargs, NULL, base, FRAME_RETURN_TO_C);
    bool ok = fr != NULL;
    if (ok) {
        vm->depth--; /* not on the running call chain until it runs */
        ObjOpaque *o = gc_alloc_object(vm, sizeof(ObjOpaque) + sizeof(SimThread), OBJ_OPAQUE, vm->c.object);
        o->ops = &thread_ops;
        o->payload = o + 1;
        SimThread *t = o->payload;
        *t = (SimThread){OBJ_VAL(f), *future_out, loop->self, NONE_VAL, 1, false, false, false, 0};
        list_append(vm, loop->threads, OBJ_VAL(o));
        /* CPython's executor starts a new worker thread when none is idle,
         * and Thread.start() waits until it runs: the new thread gets the
         * GIL first, until it sleeps or its slice ends. An idle worker only
         * picks the work up when the loop lets go of the GIL. */
        if (loop->idle_workers > 0) loop->idle_workers--;
        else ok = run_slice(vm, loop, OBJ_VAL(o), clock_real_ns() + SLICE_NS);
    }
    vm_pop_root(vm, packed ? 3 : 2);
    return ok;
}

/* ---- running a slice -------------------------------------------------------------- */

static bool in_thread_context(VM *vm)
{
    AioState *st = vm->aio;
    return st && st->thread_fiber != NULL && vm->fiber == st->thread_fiber && vm->c_depth == st->thread_c_depth;
}

TickOutcome thread_on_tick(VM *vm)
{
    if (!in_thread_context(vm)) return TICK_GO;
    AioState *st = aio(vm);
    if (st->thread_sleep_ns >= 0 || clock_real_ns() >= st->thread_slice_end) return TICK_SUSPEND;
    return TICK_GO;
}

/* The thread finished: its outcome goes to the future on the next pass
 * (CPython's executor hands it over with call_soon_threadsafe). */
static void thread_finished(Loop *loop, Value thread, bool failed, Value outcome)
{
    SimThread *t = thread_of(thread);
    t->done = true;
    t->failed = failed;
    t->outcome = outcome;
    t->fiber = NONE_VAL;
    loop->idle_workers++; /* the worker waits for more work */
    loop_ready(loop, READY_THREAD_DONE, thread, EMPTY_VAL);
}

/* Run one slice of the thread (at most until slice_end on the real clock). */
static bool run_slice(VM *vm, Loop *loop, Value thread, int64_t slice_end)
{
    AioState *st = aio(vm);
    SimThread *t = thread_of(thread);
    ObjFiber *f = (ObjFiber *)AS_OBJ(t->fiber);
    ObjFiber *saved_fiber = vm->fiber, *saved_thread_fiber = st->thread_fiber;
    uint32_t saved_c_depth = st->thread_c_depth;
    int64_t saved_sleep = st->thread_sleep_ns, saved_end = st->thread_slice_end;
    uint32_t depth0 = vm->depth;
    vm_push_root(vm, thread);
    vm->depth += t->held_depth;
    vm->c_depth++;
    st->thread_fiber = f;
    st->thread_c_depth = vm->c_depth;
    st->thread_sleep_ns = -1;
    st->thread_slice_end = slice_end;
    vm->fiber = f;
    vm->ticks = TICK_INTERVAL;
    Value result;
    bool ok = interp_run(vm, &result);
    int64_t sleep_ns = st->thread_sleep_ns;
    bool suspended = ok && f->frame != NULL;
    vm->c_depth--;
    vm->fiber = saved_fiber;
    t->held_depth = suspended ? vm->depth - depth0 : 0;
    vm->depth = depth0;
    st->thread_fiber = saved_thread_fiber;
    st->thread_c_depth = saved_c_depth;
    st->thread_sleep_ns = saved_sleep;
    st->thread_slice_end = saved_end;
    bool keep_going = true;
    if (!ok) {
        Value exc = vm_take_exception(vm);
        if (vm_isinstance(vm, exc, vm->c.KeyboardInterrupt) || vm_isinstance(vm, exc, vm->c.SystemExit)) {
            vm_raise_value(vm, exc); /* Ctrl-C goes to the loop, not the thread */
            keep_going = false;
        } else {
            thread_finished(loop, thread, true, exc);
        }
    } else if (!suspended) {
        thread_finished(loop, thread, false, result);
    } else if (sleep_ns >= 0) {
        t->sleeping = true;
        t->wake_at = loop_time(loop) + clock_ns_to_seconds(sleep_ns);
    }
    vm_pop_root(vm, 1);
    return keep_going;
}

static void drop_finished(Loop *loop)
{
    ObjList *l = loop->threads;
    uint32_t kept = 0;
    for (uint32_t i = 0; i < l->len; i++)
        if (!thread_of(l->items[i])->done) l->items[kept++] = l->items[i];
    l->len = kept;
}

/* Wake the sleepers whose time has come; the earliest wake-up left (or
 * INFINITY) in *next_wake; whether any thread can run now. */
static bool wake_sleepers(Loop *loop, double *next_wake)
{
    double now = loop_time(loop);
    bool runnable = false;
    *next_wake = INFINITY;
    for (uint32_t i = 0; i < loop->threads->len; i++) {
        SimThread *t = thread_of(loop->threads->items[i]);
        if (t->done) continue;
        if (t->sleeping && t->wake_at <= now) t->sleeping = false;
        if (t->sleeping) *next_wake = fmin(*next_wake, t->wake_at);
        else runnable = true;
    }
    return runnable;
}

/* Give each runnable thread one slice. */
static bool run_runnable(VM *vm, Loop *loop)
{
    ObjList *l = loop->threads;
    uint32_t n = l->len; /* threads started by a slice wait for the next round */
    for (uint32_t i = 0; i < n && i < l->len; i++) {
        Value th = l->items[i];
        SimThread *t = thread_of(th);
        if (t->done || t->sleeping) continue;
        if (!run_slice(vm, loop, th, clock_real_ns() + SLICE_NS)) return false;
    }
    drop_finished(loop);
    return true;
}

bool threads_alive(Loop *loop)
{
    return loop->threads->len > 0;
}

bool threads_after_pass(VM *vm, Loop *loop)
{
    double next;
    if (loop->threads->len == 0 || !wake_sleepers(loop, &next)) return true;
    return run_runnable(vm, loop);
}

bool threads_run_until(VM *vm, Loop *loop, double deadline, bool stop_when_ready)
{
    for (;;) {
        double next_wake;
        bool runnable = wake_sleepers(loop, &next_wake);
        if (stop_when_ready && loop->ready.len > 0) return true;
        if (loop_time(loop) >= deadline) return true;
        if (loop->threads->len == 0) return loop_wait_until(loop, deadline);
        if (runnable) {
            if (!run_runnable(vm, loop)) return false;
            continue;
        }
        if (!loop_wait_until(loop, fmin(next_wake, deadline))) return false;
    }
}

void thread_deliver(VM *vm, Value thread)
{
    SimThread *t = thread_of(thread);
    Future *f = future_of(t->future);
    if (f->state != FUT_PENDING) return; /* cancelled meanwhile */
    bool ok = t->failed ? future_set_exception(vm, t->future, t->outcome) : future_set_result(vm, t->future, t->outcome);
    if (!ok) vm_take_exception(vm);
}

/* time.sleep: in a thread, suspend it; in the loop with threads around,
 * let them run meanwhile (the loop itself stays blocked). */
SleepOutcome thread_on_sleep(VM *vm, int64_t ns)
{
    AioState *st = vm->aio;
    if (st == NULL) return SLEEP_NOT_HANDLED;
    if (in_thread_context(vm)) {
        st->thread_sleep_ns = ns;
        vm->ticks = 0; /* suspend when the call returns to bytecode */
        return SLEEP_HANDLED;
    }
    /* a time.sleep in the loop itself: remembered for the blocking report */
    if (vm->fiber && vm->fiber->frame) {
        st->sleep_line = frame_line(vm->fiber->frame);
        snprintf(st->sleep_function, sizeof st->sleep_function, "%s", vm->fiber->frame->code->qualname->data);
    }
    if (IS_EMPTY(st->running_loop) || st->thread_fiber != NULL) return SLEEP_NOT_HANDLED;
    Loop *loop = loop_of(vm, st->running_loop);
    if (loop == NULL || !threads_alive(loop)) {
        if (loop == NULL) vm_take_exception(vm);
        return SLEEP_NOT_HANDLED;
    }
    double deadline = loop_time(loop) + clock_ns_to_seconds(ns);
    return threads_run_until(vm, loop, deadline, false) ? SLEEP_HANDLED : SLEEP_ERROR;
}
