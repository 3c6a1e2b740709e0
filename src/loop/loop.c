/* loop.c: the event loop object: its handles, one pass of the loop, running
 * until a future is done, and waiting (libuv under the real clock, a jump of
 * the clock under the virtual one).
 *
 * One pass (CPython's BaseEventLoop._run_once): drop cancelled timers from
 * the front of the heap; if nothing is ready, wait for the first timer (or,
 * under the virtual clock, jump to it); move every due timer to the end of
 * the ready queue; then run exactly the entries that were ready when the
 * pass started. What they schedule runs on the next pass. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aio.h"
#include "clock.h"
#include "format.h"
#include "gc.h"
#include "generator.h"
#include "modules.h"
#include "ops.h"
#include "str.h"
#include "traceback.h"

/* ---- the loop object ------------------------------------------------------------ */

static void loop_mark(VM *vm, ObjOpaque *self)
{
    Loop *l = self->payload;
    for (uint32_t i = 0; i < l->ready.len; i++) {
        ReadyEntry *e = ready_at(&l->ready, i);
        gc_mark_value(vm, e->a);
        gc_mark_value(vm, e->b);
    }
    for (uint32_t i = 0; i < l->timers.len; i++) gc_mark_value(vm, l->timers.items[i].handle);
    gc_mark_value(vm, l->current_task);
    gc_mark_value(vm, l->exception_handler);
    /* l->tasks is weak: aio_before_sweep settles it */
    if (l->threads) gc_mark_object(vm, (Obj *)l->threads);
}

static void close_uv(Loop *l)
{
    uv_close((uv_handle_t *)&l->uv_timer, NULL);
    uv_close((uv_handle_t *)&l->uv_wake, NULL);
    uv_run(&l->uv, UV_RUN_DEFAULT); /* lets the close finish */
    uv_loop_close(&l->uv);
}

static void unregister_loop(VM *vm, Loop *l)
{
    AioState *st = vm->aio;
    if (st == NULL) return;
    for (uint32_t i = 0; i < st->n_loops; i++)
        if (st->loops[i] == l) {
            st->loops[i] = st->loops[--st->n_loops];
            return;
        }
}

static void loop_free(VM *vm, ObjOpaque *self)
{
    Loop *l = self->payload;
    if (l == NULL) return;
    unregister_loop(vm, l);
    free(l->tasks);
    free(l->asyncgens);
    close_uv(l);
    ready_free(&l->ready);
    timers_free(&l->timers);
    free(l);
    self->payload = NULL;
}

static const OpaqueOps loop_ops = {"_UnixSelectorEventLoop", loop_mark, loop_free, NULL};

Loop *loop_of(VM *vm, Value v)
{
    if (!IS_KIND(v, OBJ_OPAQUE) || ((ObjOpaque *)AS_OBJ(v))->ops != &loop_ops) {
        vm_raise(vm, vm->c.TypeError, "expected an event loop, got %s", mod_type_name(vm, v));
        return NULL;
    }
    return ((ObjOpaque *)AS_OBJ(v))->payload;
}

static void on_uv_wake(uv_async_t *a)
{
    (void)a; /* ending uv_run's wait is all it is for */
}

bool loop_new(VM *vm, Value *out)
{
    Loop *l = calloc(1, sizeof(Loop));
    if (l == NULL) abort();
    l->vm = vm;
    l->current_task = l->exception_handler = EMPTY_VAL;
    ready_init(&l->ready);
    timers_init(&l->timers);
    if (uv_loop_init(&l->uv) != 0 || uv_timer_init(&l->uv, &l->uv_timer) != 0 ||
        uv_async_init(&l->uv, &l->uv_wake, on_uv_wake) != 0) {
        free(l);
        return vm_raise(vm, vm->c.OSError, "cannot create an event loop (libuv)");
    }
    ObjOpaque *o = opaque_new(vm, aio(vm)->Loop, &loop_ops, l);
    l->self = OBJ_VAL(o);
    vm_push_root(vm, l->self);
    l->threads = list_new(vm, NULL, 0);
    vm_pop_root(vm, 1);
    AioState *st = aio(vm);
    if (st->n_loops == st->cap_loops) {
        st->cap_loops = st->cap_loops ? st->cap_loops * 2 : 4;
        st->loops = realloc(st->loops, st->cap_loops * sizeof *st->loops);
        if (st->loops == NULL) abort();
    }
    st->loops[st->n_loops++] = l;
    *out = l->self;
    return true;
}

double loop_time(Loop *loop)
{
    return clock_now_monotonic(loop->vm);
}

void loop_ready(Loop *loop, ReadyKind kind, Value a, Value b)
{
    ready_push(&loop->ready, (ReadyEntry){a, b, kind});
}

void loop_add_task(Loop *loop, Value task)
{
    if (loop->n_tasks == loop->cap_tasks) {
        loop->cap_tasks = loop->cap_tasks ? loop->cap_tasks * 2 : 64;
        loop->tasks = realloc(loop->tasks, loop->cap_tasks * sizeof(Value));
        if (loop->tasks == NULL) abort();
    }
    loop->tasks[loop->n_tasks++] = task;
}

void aio_before_sweep(VM *vm)
{
    AioState *st = vm->aio;
    for (uint32_t k = 0; k < st->n_loops; k++) {
        Loop *l = st->loops[k];
        uint32_t kept = 0;
        for (uint32_t i = 0; i < l->n_tasks; i++) {
            Value t = l->tasks[i];
            if (gc_is_marked(t)) {
                l->tasks[kept++] = t;
                continue;
            }
            Future *f = future_of(t);
            bool unretrieved = f->state == FUT_FINISHED && f->log_traceback && !IS_EMPTY(f->exception);
            if ((unretrieved || f->state == FUT_PENDING) && !f->retrieved_reported) {
                gc_keep_alive(vm, t); /* printed at the next safe point, then dropped */
                if (st->n_dead == st->cap_dead) {
                    st->cap_dead = st->cap_dead ? st->cap_dead * 2 : 8;
                    st->dead_tasks = realloc(st->dead_tasks, st->cap_dead * sizeof(Value));
                    if (st->dead_tasks == NULL) abort();
                }
                st->dead_tasks[st->n_dead++] = t;
            }
        }
        l->n_tasks = kept;
        kept = 0;
        for (uint32_t i = 0; i < l->n_asyncgens; i++)
            if (gc_is_marked(l->asyncgens[i])) l->asyncgens[kept++] = l->asyncgens[i];
        l->n_asyncgens = kept;
    }
}

void loop_add_asyncgen(Loop *loop, Value agen)
{
    if (loop->n_asyncgens == loop->cap_asyncgens) {
        loop->cap_asyncgens = loop->cap_asyncgens ? loop->cap_asyncgens * 2 : 8;
        loop->asyncgens = realloc(loop->asyncgens, loop->cap_asyncgens * sizeof(Value));
        if (loop->asyncgens == NULL) abort();
    }
    loop->asyncgens[loop->n_asyncgens++] = agen;
}

void aio_report_dead_tasks(VM *vm)
{
    AioState *st = vm->aio;
    if (st && st->task_failed) {
        /* CPython reports a failed task as soon as the last reference to
         * it goes; a collection finds out whether that has happened */
        st->task_failed = false;
        gc_collect(vm);
    }
    while (st && st->n_dead > 0) {
        Value t = st->dead_tasks[--st->n_dead];
        vm_push_root(vm, t);
        if (future_of(t)->state == FUT_PENDING) {
            /* CPython's Task.__del__ for a task nobody can wake any more */
            future_of(t)->retrieved_reported = true;
            /* CPython's collector closes its coroutine first: the finally
             * blocks run, and the report then calls the coroutine done */
            gen_close_abandoned(vm, future_of(t)->coro);
            loop_report_error(vm, future_of(t)->loop, "Task was destroyed but it is pending!", EMPTY_VAL, "task", t);
        } else {
            task_report_unretrieved(vm, t);
        }
        vm_pop_root(vm, 1);
    }
}

/* ---- errors in callbacks ----------------------------------------------------------- */

/* The keys of a context other than message and exception, sorted (as
 * CPython's default handler prints them). */
static uint32_t other_keys(ObjDict *context, ObjStr **keys, uint32_t room)
{
    uint32_t n = 0;
    DictTable *t = &context->table;
    for (uint32_t i = 0; i < t->used && n < room; i++) {
        Value k = t->entries[i].key;
        if (IS_EMPTY(k) || !IS_STR(k)) continue;
        const char *name = AS_STR(k)->data;
        if (strcmp(name, "message") == 0 || strcmp(name, "exception") == 0) continue;
        uint32_t j = n++;
        for (; j > 0 && strcmp(keys[j - 1]->data, name) > 0; j--) keys[j] = keys[j - 1];
        keys[j] = AS_STR(k);
    }
    return n;
}

/* loop.default_exception_handler(context). */
static void default_exception_handler(VM *vm, ObjDict *context)
{
    vm_push_root(vm, OBJ_VAL(context));
    fflush(stdout);
    Value msg = dict_get_str(context, str_intern_cstr(vm, "message"));
    ObjStr *m = NULL;
    bool truthy = false;
    if (!IS_EMPTY(msg) && (!op_truthy(vm, msg, &truthy) || (truthy && !op_str(vm, msg, &m)))) vm_take_exception(vm);
    fprintf(vm->err, "%s\n", m ? m->data : "Unhandled exception in event loop");
    ObjStr *keys[16];
    uint32_t n = other_keys(context, keys, 16);
    for (uint32_t i = 0; i < n; i++) {
        ObjStr *r;
        if (op_repr(vm, dict_get_str(context, keys[i]), &r)) fprintf(vm->err, "%s: %s\n", keys[i]->data, r->data);
        else vm_take_exception(vm);
    }
    Value exc = dict_get_str(context, str_intern_cstr(vm, "exception"));
    if (!IS_EMPTY(exc) && !IS_NONE(exc)) traceback_print(vm, exc, vm->err);
    fflush(vm->err);
    vm_pop_root(vm, 1);
}

static ObjDict *error_context(VM *vm, const char *message, Value exc, const char *key, Value obj)
{
    ObjDict *d = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(d));
    dict_set_str(vm, d, str_intern_cstr(vm, "message"), OBJ_VAL(str_from_cstr(vm, message)));
    if (!IS_EMPTY(exc)) dict_set_str(vm, d, str_intern_cstr(vm, "exception"), exc);
    if (key) dict_set_str(vm, d, str_intern_cstr(vm, key), obj);
    vm_pop_root(vm, 1);
    return d;
}

bool loop_call_exception_handler(VM *vm, Loop *loop, ObjDict *context, Value handling)
{
    if (loop == NULL || IS_EMPTY(loop->exception_handler)) {
        default_exception_handler(vm, context);
        return true;
    }
    vm_push_root(vm, OBJ_VAL(context));
    Value args[2] = {loop->self, OBJ_VAL(context)}, r;
    /* called from inside the except clause that caught `handling` (as
     * Handle._run calls it): what the handler raises has it as context */
    Value saved = vm->fiber->exc_info;
    if (!IS_EMPTY(handling)) vm->fiber->exc_info = handling;
    bool ok = vm_call(vm, loop->exception_handler, args, 2, NULL, &r);
    vm->fiber->exc_info = saved;
    if (!ok && !vm_exception_matches(vm, vm->c.SystemExit) && !vm_exception_matches(vm, vm->c.KeyboardInterrupt)) {
        /* the handler itself failed: the default handler says so */
        Value exc = vm_take_exception(vm);
        vm_push_root(vm, exc);
        ObjDict *outer = error_context(vm, "Unhandled error in exception handler", exc, "context",
                                       OBJ_VAL(context));
        default_exception_handler(vm, outer);
        vm_pop_root(vm, 1);
        ok = true;
    }
    vm_pop_root(vm, 1);
    return ok;
}

void loop_report_error(VM *vm, Loop *loop, const char *message, Value exc, const char *key, Value obj)
{
    vm_push_root(vm, exc);
    vm_push_root(vm, obj);
    ObjDict *context = error_context(vm, message, exc, key, obj);
    vm_push_root(vm, OBJ_VAL(context));
    /* a SystemExit from a custom handler has nowhere to go from here: say so */
    if (!loop_call_exception_handler(vm, loop, context, EMPTY_VAL)) {
        Value raised = vm_take_exception(vm);
        vm_push_root(vm, raised);
        default_exception_handler(vm, error_context(vm, "Unhandled error in exception handler", raised,
                                                    "context", OBJ_VAL(context)));
        vm_pop_root(vm, 1);
    }
    vm_pop_root(vm, 3);
}

/* A callback raised: Exception subclasses are reported as asyncio's
 * default handler does ("Exception in callback boom(1) at x.py:2", then
 * "handle: <Handle boom(1) at x.py:2>", then the traceback) and the loop
 * goes on; anything else (KeyboardInterrupt, SystemExit) ends the run.
 * `handle` is the Handle that ran it, or EMPTY for a future's done callback
 * (which CPython runs through a Handle of its own: the same words). */
static Value handle_new(VM *vm, Loop *loop, Value callback, Value *args, int nargs, bool is_timer, double when);

static bool callback_failed(VM *vm, Loop *loop, Value handle, Value callback, Value *args, int nargs)
{
    if (!vm_exception_matches(vm, vm->c.Exception)) return false;
    Value exc = vm_take_exception(vm);
    vm_push_root(vm, exc);
    if (IS_EMPTY(handle)) handle = handle_new(vm, loop, callback, args, nargs, false, 0);
    vm_push_root(vm, handle);
    TextBuf message;
    tb_init(&message);
    tb_adds(&message, "Exception in callback ");
    if (!aio_format_callback(vm, callback, args, nargs, &message)) vm_take_exception(vm);
    tb_addc(&message, '\0');
    ObjDict *context = error_context(vm, message.data, exc, "handle", handle);
    tb_free(&message);
    vm_push_root(vm, OBJ_VAL(context));
    bool ok = loop_call_exception_handler(vm, loop, context, exc);
    vm_pop_root(vm, 3);
    return ok;
}

/* ---- handles -------------------------------------------------------------------------- */

static void handle_mark(VM *vm, ObjOpaque *self)
{
    Handle *h = self->payload;
    gc_mark_value(vm, h->callback);
    gc_mark_value(vm, h->args);
    gc_mark_value(vm, h->loop_obj);
}

static const OpaqueOps handle_ops = {"Handle", handle_mark, NULL, NULL};

static Handle *handle_of(VM *vm, Value v)
{
    if (!IS_KIND(v, OBJ_OPAQUE) || ((ObjOpaque *)AS_OBJ(v))->ops != &handle_ops) {
        vm_raise(vm, vm->c.TypeError, "expected a Handle");
        return NULL;
    }
    return ((ObjOpaque *)AS_OBJ(v))->payload;
}

static Value handle_new(VM *vm, Loop *loop, Value callback, Value *args, int nargs, bool is_timer, double when)
{
    ObjTuple *t = tuple_new(vm, args, (uint32_t)nargs);
    vm_push_root(vm, OBJ_VAL(t));
    ObjClass *cls = is_timer ? aio(vm)->TimerHandle : aio(vm)->Handle;
    ObjOpaque *o = gc_alloc_object(vm, sizeof(ObjOpaque) + sizeof(Handle), OBJ_OPAQUE, cls);
    o->ops = &handle_ops;
    o->payload = o + 1;
    Handle *h = o->payload;
    *h = (Handle){callback, OBJ_VAL(t), loop->self, when, false, false, is_timer};
    vm_pop_root(vm, 1);
    return OBJ_VAL(o);
}

static bool run_handle(VM *vm, Value hv)
{
    Handle *h = ((ObjOpaque *)AS_OBJ(hv))->payload;
    if (h->cancelled) return true;
    Value r;
    ObjTuple *args = AS_TUPLE(h->args);
    vm_push_root(vm, hv);
    bool ok = vm_call(vm, h->callback, args->items, (int)args->len, NULL, &r) ||
              callback_failed(vm, loop_of(vm, h->loop_obj), hv, h->callback, args->items, (int)args->len);
    vm_pop_root(vm, 1);
    return ok;
}

/* ---- one pass ------------------------------------------------------------------------------ */

/* The entry is off the queue now: its values are rooted while it runs (a
 * task nobody else holds is only on the loop's weak list). */
static bool run_entry(VM *vm, ReadyEntry e)
{
    vm_push_root(vm, e.a);
    vm_push_root(vm, e.b);
    bool ok = true;
    Value r;
    switch ((ReadyKind)e.kind) {
    case READY_HANDLE: ok = run_handle(vm, e.a); break;
    case READY_STEP: ok = task_step(vm, e.a, e.b); break;
    case READY_WAKEUP: ok = task_wakeup(vm, e.a, e.b); break;
    case READY_THREAD_DONE: thread_deliver(vm, e.a); break;
    case READY_CALL:
        ok = vm_call(vm, e.a, &e.b, 1, NULL, &r) || callback_failed(vm, future_of(e.b)->loop, EMPTY_VAL, e.a, &e.b, 1);
        break;
    }
    vm_pop_root(vm, 2);
    return ok;
}

static bool timer_cancelled(TimerEntry *t)
{
    return ((Handle *)((ObjOpaque *)AS_OBJ(t->handle))->payload)->cancelled;
}

static void drop_cancelled_timers(Loop *l)
{
    TimerEntry t;
    while (l->timers.len && timer_cancelled(timers_peek(&l->timers))) {
        timers_pop(&l->timers, &t);
        ((Handle *)((ObjOpaque *)AS_OBJ(t.handle))->payload)->scheduled = false;
        l->timers_cancelled--;
    }
}

static void on_uv_timer(uv_timer_t *t)
{
    (void)t; /* waking up is all it is for */
}

/* Wait until `when` on the loop's clock: the virtual clock jumps there; the
 * real one sleeps in libuv (whole milliseconds, rounded up, as CPython's
 * selector does; a pass that wakes a little early simply waits again). */
bool loop_wait_until(Loop *l, double when)
{
    VM *vm = l->vm;
    double now = loop_time(l);
    if (when <= now) return true;
    if (vm->clock_virtual) {
        if (!isfinite(when)) return true; /* nothing to jump to */
        int64_t target = (int64_t)ceil(when * 1e9);
        clock_advance_ns(vm, target - clock_monotonic_ns(vm));
        return true;
    }
    double ms = ceil((when - now) * 1e3);
    uv_update_time(&l->uv);
    /* Repeating every millisecond: libuv's UV_RUN_ONCE runs due timers
     * before it polls, so a timer that came due in between would fire there
     * and leave the poll with no timer at all, blocking for ever. */
    uv_timer_start(&l->uv_timer, on_uv_timer, ms > 1e12 ? (uint64_t)1e12 : (uint64_t)ms, 1);
    uv_run(&l->uv, UV_RUN_ONCE);
    uv_timer_stop(&l->uv_timer);
    return vm_check_interrupt(vm);
}

/* The second half of a pass: timers due within the clock's resolution
 * (1 ns) join the end of the ready queue, then the entries ready now run
 * (what they schedule waits for the next pass). */
static bool run_due(VM *vm, Loop *l)
{
    double now = loop_time(l), end_time = now + 1e-9;
    TimerEntry t;
    while (l->timers.len && timers_peek(&l->timers)->when < end_time) {
        timers_pop(&l->timers, &t);
        Handle *h = ((ObjOpaque *)AS_OBJ(t.handle))->payload;
        h->scheduled = false;
        if (h->cancelled) l->timers_cancelled--;
        else loop_ready(l, READY_HANDLE, t.handle, EMPTY_VAL);
    }
    uint32_t ntodo = l->ready.len;
    l->step_clock = now;
    l->step_clock_fresh = true;
    bool ok = true;
    for (uint32_t i = 0; i < ntodo && ok; i++) {
        ReadyEntry e;
        /* a nested drive (asyncio.run in a notebook cell) may have run some */
        if (!ready_pop(&l->ready, &e)) break;
        /* a callback runs Python for as long as it likes: the next step reads the clock */
        if (e.kind == READY_HANDLE || e.kind == READY_CALL) l->step_clock_fresh = false;
        ok = run_entry(vm, e);
    }
    l->step_clock_fresh = false;
    return ok;
}

typedef enum { PASS_OK, PASS_ERROR, PASS_STUCK } PassOutcome;

static PassOutcome run_once(Loop *l)
{
    VM *vm = l->vm;
    aio_report_dead_tasks(vm);
    if (vm->interrupt_pending && !vm_check_interrupt(vm)) return PASS_ERROR;
    drop_cancelled_timers(l);
    if (l->ready.len == 0 && !l->stopping) {
        TimerEntry *first = timers_peek(&l->timers);
        double deadline = first ? first->when : INFINITY;
        if (threads_alive(l)) {
            /* the threads run while the loop would wait */
            if (!threads_run_until(vm, l, deadline, true)) return PASS_ERROR;
        } else {
            if (first == NULL) return PASS_STUCK;
            if (!loop_wait_until(l, deadline)) return PASS_ERROR;
        }
    }
    if (!run_due(vm, l)) return PASS_ERROR;
    return threads_after_pass(vm, l) ? PASS_OK : PASS_ERROR;
}

void loop_describe_waiting(VM *vm, Loop *l, const char *sep, TextBuf *b)
{
    bool first = true;
    for (uint32_t i = 0; i < l->n_tasks; i++) {
        Value task = l->tasks[i];
        Future *t = future_of(task);
        if (t->state != FUT_PENDING) continue;
        if (!first) tb_adds(b, sep);
        first = false;
        task_describe(vm, task, b);
        tb_adds(b, " awaits ");
        if (IS_EMPTY(t->fut_waiter)) {
            tb_adds(b, "nothing (ready to run)");
        } else {
            Future *w = future_of(t->fut_waiter);
            if (!IS_EMPTY(w->label)) tb_add(b, AS_STR(w->label)->data, AS_STR(w->label)->byte_len);
            else if (w->is_task) task_describe(vm, t->fut_waiter, b);
            else tb_adds(b, "a Future");
        }
    }
}

/* RuntimeError naming each pending task and what it awaits. */
static bool raise_deadlock(Loop *l)
{
    VM *vm = l->vm;
    TextBuf b;
    tb_init(&b);
    tb_adds(&b, "deadlock: no task can run and no timer is pending; ");
    loop_describe_waiting(vm, l, ", ", &b);
    tb_addc(&b, '\0');
    vm_raise(vm, vm->c.RuntimeError, "%s", b.data);
    tb_free(&b);
    return false;
}

/* Run passes until stop() is called; false when an exception ends it. */
static bool run_forever(Loop *l)
{
    VM *vm = l->vm;
    AioState *st = aio(vm);
    Value saved = st->running_loop;
    uv_async_t *saved_wake = st->wake;
    st->running_loop = l->self;
    st->wake = &l->uv_wake;
    l->running = true;
    bool ok = true;
    for (;;) {
        PassOutcome p = run_once(l);
        if (p == PASS_ERROR) {
            ok = false;
            break;
        }
        if (p == PASS_STUCK) {
            ok = raise_deadlock(l);
            break;
        }
        if (l->stopping) break;
    }
    l->stopping = false;
    l->running = false;
    st->running_loop = saved;
    st->wake = saved_wake;
    return ok;
}

bool loop_drive(VM *vm, Loop *l, Value fut)
{
    vm_push_root(vm, fut);
    bool ok = true;
    while (ok && future_of(fut)->state == FUT_PENDING) {
        PassOutcome p = run_once(l);
        if (p == PASS_ERROR) ok = false;
        else if (p == PASS_STUCK) ok = raise_deadlock(l);
    }
    vm_pop_root(vm, 1);
    return ok;
}

bool loop_idle_pass(VM *vm, Loop *l)
{
    aio_report_dead_tasks(vm);
    drop_cancelled_timers(l);
    if (l->ready.len == 0) {
        TimerEntry *first = timers_peek(&l->timers);
        if (first && !vm->clock_virtual) {
            if (!loop_wait_until(l, first->when)) return false;
        } else {
            /* nothing to do until the person types (or Ctrl-C): the virtual
             * clock does not move while they do */
            uv_run(&l->uv, UV_RUN_ONCE);
            if (!vm_check_interrupt(vm)) return false;
        }
    }
    return run_due(vm, l) && threads_after_pass(vm, l);
}

bool loop_run_ready(VM *vm, Loop *l)
{
    (void)vm;
    while (l->ready.len > 0)
        if (run_once(l) == PASS_ERROR) return false;
    return true;
}

static bool check_can_run(VM *vm, Loop *l)
{
    if (l->closed) return vm_raise(vm, vm->c.RuntimeError, "Event loop is closed");
    if (l->running) return vm_raise(vm, vm->c.RuntimeError, "This event loop is already running");
    if (!IS_EMPTY(aio(vm)->running_loop))
        return vm_raise(vm, vm->c.RuntimeError, "Cannot run the event loop while another loop is running");
    return true;
}

/* The done callback run_until_complete adds: stop the loop. */
static bool stop_when_done(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    *out = NONE_VAL;
    if (nargs < 1 || !is_future(vm, args[0])) return true;
    Future *f = future_of(args[0]);
    if (f->state == FUT_FINISHED && !IS_EMPTY(f->exception) &&
        (vm_isinstance(vm, f->exception, vm->c.KeyboardInterrupt) || vm_isinstance(vm, f->exception, vm->c.SystemExit)))
        return true; /* those propagate out of the pass instead */
    f->loop->stopping = true;
    return true;
}

static void remove_stop_callback(Future *f, Value stopper)
{
    uint32_t kept = 0;
    for (uint32_t i = 0; i < f->n_callbacks; i++)
        if (!(value_is(f->callbacks[i].fn, stopper))) f->callbacks[kept++] = f->callbacks[i];
    f->n_callbacks = kept;
}

static bool run_until_complete(VM *vm, Loop *l, Value aw, Value *out)
{
    if (!check_can_run(vm, l)) return false;
    Value fut = aw;
    bool new_task = !is_future(vm, aw);
    if (new_task && !task_new(vm, l, aw, EMPTY_VAL, &fut)) return false;
    vm_push_root(vm, fut);
    ObjNative *stopper = native_new(vm, "_run_until_complete_cb", stop_when_done, NULL);
    vm_push_root(vm, OBJ_VAL(stopper));
    future_add_done_callback(vm, fut, OBJ_VAL(stopper), false);
    bool ok = run_forever(l);
    Future *f = future_of(fut);
    remove_stop_callback(f, OBJ_VAL(stopper));
    if (!ok && new_task && f->state == FUT_FINISHED) f->log_traceback = false;
    if (ok && f->state == FUT_PENDING) ok = vm_raise(vm, vm->c.RuntimeError, "Event loop stopped before Future completed.");
    if (ok) ok = future_result(vm, fut, out);
    vm_pop_root(vm, 2);
    return ok;
}

/* ---- methods ---------------------------------------------------------------------------- */

#define BIND(qual, names, npos, nreq, nkw, out)                                                    \
    if (!mod_bind(vm, qual, args, nargs, kwnames, names, npos, nreq, nkw, out)) return false

#define SELF_LOOP(l)                                                                               \
    Loop *l = nargs >= 1 ? loop_of(vm, args[0]) : NULL;                                            \
    if (l == NULL) return nargs >= 1 ? false : vm_raise(vm, vm->c.TypeError, "loop method needs self")

/* Positional callback arguments after `skip` leading ones; keywords other
 * than context= are refused as CPython's call_soon does. */
static bool callback_args(VM *vm, const char *method, int nargs, ObjTuple *kwnames, int skip)
{
    if (nargs < skip)
        return vm_raise(vm, vm->c.TypeError, "%s() missing required argument", method);
    if (kwnames)
        for (uint32_t i = 0; i < kwnames->len; i++)
            if (strcmp(AS_STR(kwnames->items[i])->data, "context") != 0)
                return vm_raise(vm, vm->c.TypeError, "%s() got an unexpected keyword argument '%s'", method,
                                AS_STR(kwnames->items[i])->data);
    return true;
}

static bool check_callable(VM *vm, Value cb, const char *method)
{
    if (!op_callable(vm, cb)) return vm_raise(vm, vm->c.TypeError, "a callable object was expected by %s(), got %s",
                                              method, mod_type_name(vm, cb));
    return true;
}

static bool l_call_soon(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF_LOOP(l);
    if (!callback_args(vm, "call_soon", nargs, kwnames, 2)) return false;
    if (!check_callable(vm, args[1], "call_soon")) return false;
    *out = handle_new(vm, l, args[1], args + 2, nargs - 2, false, 0);
    loop_ready(l, READY_HANDLE, *out, EMPTY_VAL);
    return true;
}

static bool schedule_timer(VM *vm, Loop *l, double when, Value *args, int nargs, Value *out)
{
    if (!check_callable(vm, args[0], "call_at")) return false;
    *out = handle_new(vm, l, args[0], args + 1, nargs - 1, true, when);
    ((Handle *)((ObjOpaque *)AS_OBJ(*out))->payload)->scheduled = true;
    timers_push(&l->timers, when, *out);
    return true;
}

static bool l_call_later(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF_LOOP(l);
    if (!callback_args(vm, "call_later", nargs, kwnames, 3)) return false;
    double delay;
    if (!mod_as_double(vm, args[1], &delay)) return false;
    return schedule_timer(vm, l, loop_time(l) + delay, args + 2, nargs - 2, out);
}

static bool l_call_at(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF_LOOP(l);
    if (!callback_args(vm, "call_at", nargs, kwnames, 3)) return false;
    double when;
    if (!mod_as_double(vm, args[1], &when)) return false;
    return schedule_timer(vm, l, when, args + 2, nargs - 2, out);
}

static bool l_time(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    *out = FLOAT_VAL(loop_time(l));
    return true;
}

static bool l_create_future(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    return future_new(vm, l, out);
}

static bool l_create_task(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "coro", "name", "context"};
    Value a[4];
    BIND("create_task", names, 2, 2, 2, a);
    SELF_LOOP(l);
    return task_new(vm, l, a[1], a[2], out);
}

/* run_in_executor(executor, func, *args): func(*args) in a simulated
 * thread (any executor is taken as the default one). */
static bool l_run_in_executor(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF_LOOP(l);
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->c.TypeError, "run_in_executor() got an unexpected keyword argument '%s'",
                        AS_STR(kwnames->items[0])->data);
    if (nargs < 3) return vm_raise(vm, vm->c.TypeError, "run_in_executor() missing required argument 'func'");
    if (!check_callable(vm, args[2], "run_in_executor")) return false;
    return thread_start(vm, l, args[2], args + 3, nargs - 3, out);
}

static bool l_run_until_complete(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "future"};
    Value a[2];
    BIND("run_until_complete", names, 2, 2, 0, a);
    SELF_LOOP(l);
    return run_until_complete(vm, l, a[1], out);
}

static bool l_run_forever(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    if (!check_can_run(vm, l)) return false;
    *out = NONE_VAL;
    return run_forever(l);
}

static bool l_stop(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    l->stopping = true;
    *out = NONE_VAL;
    return true;
}

static bool l_close(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    if (l->running) return vm_raise(vm, vm->c.RuntimeError, "Cannot close a running event loop");
    if (!l->closed) {
        l->closed = true;
        ready_free(&l->ready);
        timers_free(&l->timers);
    }
    *out = NONE_VAL;
    return true;
}

static bool l_is_running(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    *out = BOOL_VAL(l->running);
    return true;
}

static bool l_is_closed(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    *out = BOOL_VAL(l->closed);
    return true;
}

/* _asyncgens_to_close(): the async generators first iterated in this loop
 * that are still alive and not closed (shutdown_asyncgens closes them);
 * the loop forgets them. */
static bool l_asyncgens_to_close(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("_asyncgens_to_close", names, 1, 1, 0, a);
    SELF_LOOP(l);
    ObjList *list = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(list));
    for (uint32_t i = 0; i < l->n_asyncgens; i++)
        if (!AS_GENERATOR(l->asyncgens[i])->closed) list_append(vm, list, l->asyncgens[i]);
    l->n_asyncgens = 0;
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(list);
    return true;
}

/* get_debug() / set_debug(flag): remembered; loopbook has no debug mode
 * (no slow-callback warnings, no creation tracebacks). */
static bool l_get_debug(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    (void)args;
    *out = BOOL_VAL(l->debug);
    return true;
}

static bool l_set_debug(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "enabled"};
    Value a[2];
    BIND("set_debug", names, 2, 2, 0, a);
    SELF_LOOP(l);
    bool on;
    if (!op_truthy(vm, a[1], &on)) return false;
    l->debug = on;
    *out = NONE_VAL;
    return true;
}

/* The tasks of this loop that are not done, in creation order. */
static bool l_all_tasks(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    ObjList *r = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(r));
    for (uint32_t i = 0; i < l->n_tasks; i++)
        if (future_of(l->tasks[i])->state == FUT_PENDING) list_append(vm, r, l->tasks[i]);
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(r);
    return true;
}

/* Report finished tasks whose exception nobody retrieved (CPython reports
 * them when they are garbage-collected; loopbook when the loop closes). */
static bool l_report_unretrieved(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    aio_report_dead_tasks(vm);
    for (uint32_t i = 0; i < l->n_tasks; i++) task_report_unretrieved(vm, l->tasks[i]);
    *out = NONE_VAL;
    return true;
}

/* call_exception_handler(context): CPython's default handler's output. */
/* call_exception_handler(context): the handler set, or the default one. */
static bool l_call_exception_handler(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "context"};
    Value a[2];
    BIND("call_exception_handler", names, 2, 2, 0, a);
    SELF_LOOP(l);
    if (!IS_DICT(a[1])) return vm_raise(vm, vm->c.TypeError, "context must be a dict");
    if (!loop_call_exception_handler(vm, l, AS_DICT(a[1]), EMPTY_VAL)) return false;
    *out = NONE_VAL;
    return true;
}

/* default_exception_handler(context): the message, "KEY: repr" for the
 * other keys in order, the traceback. */
static bool l_default_exception_handler(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "context"};
    Value a[2];
    BIND("default_exception_handler", names, 2, 2, 0, a);
    SELF_LOOP(l);
    (void)l;
    if (!IS_DICT(a[1])) return vm_raise(vm, vm->c.TypeError, "context must be a dict");
    default_exception_handler(vm, AS_DICT(a[1]));
    *out = NONE_VAL;
    return true;
}

/* set_exception_handler(handler): handler(loop, context) for every error
 * the loop reports; None for the default. */
static bool l_set_exception_handler(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "handler"};
    Value a[2];
    BIND("set_exception_handler", names, 2, 2, 0, a);
    SELF_LOOP(l);
    if (!IS_NONE(a[1]) && !op_callable(vm, a[1])) {
        ObjStr *r;
        if (!op_repr(vm, a[1], &r)) return false;
        return vm_raise(vm, vm->c.TypeError, "A callable object or None is expected, got %s", r->data);
    }
    l->exception_handler = IS_NONE(a[1]) ? EMPTY_VAL : a[1];
    *out = NONE_VAL;
    return true;
}

static bool l_get_exception_handler(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("get_exception_handler", names, 1, 1, 0, a);
    SELF_LOOP(l);
    *out = IS_EMPTY(l->exception_handler) ? NONE_VAL : l->exception_handler;
    return true;
}

static bool l_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    SELF_LOOP(l);
    *out = OBJ_VAL(str_printf(vm, "<_UnixSelectorEventLoop running=%s closed=%s debug=False>",
                              l->running ? "True" : "False", l->closed ? "True" : "False"));
    return true;
}

/* Handle / TimerHandle methods. */
static bool h_cancel(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    Handle *h = nargs >= 1 ? handle_of(vm, args[0]) : NULL;
    if (h == NULL) return false;
    if (!h->cancelled) {
        h->cancelled = true;
        if (h->scheduled) loop_of(vm, h->loop_obj)->timers_cancelled++;
        h->callback = NONE_VAL;
        h->args = OBJ_VAL(tuple_new(vm, NULL, 0));
    }
    *out = NONE_VAL;
    return true;
}

static bool h_cancelled(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    Handle *h = nargs >= 1 ? handle_of(vm, args[0]) : NULL;
    if (h == NULL) return false;
    *out = BOOL_VAL(h->cancelled);
    return true;
}

static bool h_when(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    Handle *h = nargs >= 1 ? handle_of(vm, args[0]) : NULL;
    if (h == NULL) return false;
    *out = FLOAT_VAL(h->when);
    return true;
}

static bool h_get_context(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (nargs < 1 || handle_of(vm, args[0]) == NULL) return false;
    *out = NONE_VAL;
    return true;
}

static bool h_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    Handle *h = nargs >= 1 ? handle_of(vm, args[0]) : NULL;
    if (h == NULL) return false;
    TextBuf b;
    tb_init(&b);
    tb_adds(&b, h->is_timer ? "<TimerHandle" : "<Handle");
    if (h->cancelled) tb_adds(&b, " cancelled");
    bool ok = true;
    if (h->is_timer) {
        tb_adds(&b, " when=");
        ok = op_repr_into(vm, FLOAT_VAL(h->when), &b);
    }
    /* a cancelled handle has let go of its callback, as asyncio's does */
    if (ok && !h->cancelled) {
        tb_addc(&b, ' ');
        ObjTuple *args = AS_TUPLE(h->args);
        ok = aio_format_callback(vm, h->callback, args->items, (int)args->len, &b);
    }
    if (!ok) {
        tb_free(&b);
        return false;
    }
    tb_addc(&b, '>');
    *out = OBJ_VAL(tb_to_str(vm, &b));
    return true;
}

static ObjClass *opaque_class(VM *vm, ObjModule *m, const char *name, const char *module, const ModuleFunc *fns,
                              size_t n, ObjClass *base)
{
    ObjClass *c = class_new(vm, str_intern_cstr(vm, name), base ? base : vm->c.object, OBJ_OPAQUE);
    vm_push_root(vm, OBJ_VAL(c));
    c->module = str_intern_cstr(vm, module);
    c->class_flags |= CLASS_NATIVE;
    module_add_value(vm, m, name, OBJ_VAL(c));
    vm_pop_root(vm, 1);
    for (size_t i = 0; i < n; i++) vm_define_native(vm, c->dict, fns[i].name, fns[i].fn, c);
    return c;
}

void loop_install(VM *vm, ObjModule *m)
{
    static const ModuleFunc loop_methods[] = {
        {"call_soon", l_call_soon},
        {"call_later", l_call_later},
        {"call_at", l_call_at},
        {"time", l_time},
        {"create_future", l_create_future},
        {"create_task", l_create_task},
        {"run_until_complete", l_run_until_complete},
        {"run_in_executor", l_run_in_executor},
        {"run_forever", l_run_forever},
        {"stop", l_stop},
        {"close", l_close},
        {"is_running", l_is_running},
        {"is_closed", l_is_closed},
        {"get_debug", l_get_debug},
        {"set_debug", l_set_debug},
        {"_asyncgens_to_close", l_asyncgens_to_close},
        {"call_exception_handler", l_call_exception_handler},
        {"default_exception_handler", l_default_exception_handler},
        {"set_exception_handler", l_set_exception_handler},
        {"get_exception_handler", l_get_exception_handler},
        {"_all_tasks", l_all_tasks},
        {"_report_unretrieved", l_report_unretrieved},
        {"__repr__", l_repr},
    };
    AioState *st = aio(vm);
    st->Loop = opaque_class(vm, m, "_UnixSelectorEventLoop", "asyncio.unix_events", loop_methods,
                            sizeof loop_methods / sizeof loop_methods[0], NULL);
    static const ModuleFunc handle_methods[] = {
        {"cancel", h_cancel},
        {"cancelled", h_cancelled},
        {"get_context", h_get_context},
        {"__repr__", h_repr},
    };
    st->Handle = opaque_class(vm, m, "Handle", "asyncio.events", handle_methods,
                              sizeof handle_methods / sizeof handle_methods[0], NULL);
    static const ModuleFunc timer_methods[] = {{"when", h_when}};
    st->TimerHandle = opaque_class(vm, m, "TimerHandle", "asyncio.events", timer_methods, 1, st->Handle);
}
