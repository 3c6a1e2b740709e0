/* future.c: asyncio's Future and Task, and the iterator `await fut` drives.
 *
 * They behave as CPython 3.11's (its _asyncio accelerator): a future's done
 * callbacks are scheduled with call_soon in the order they were added; a
 * task's step sends None (or throws) into its coroutine, and what the
 * coroutine yields decides what comes next: a future it awaits (the task
 * wakes up when that future is done), None (a bare yield: step again on the
 * next pass), or anything else (an error thrown in on the next step). */
#include <stdlib.h>
#include <string.h>

#include "aio.h"
#include "format.h"
#include "frame.h"
#include "gc.h"
#include "generator.h"
#include "modules.h"
#include "ops.h"
#include "str.h"
#include "traceback.h"

/* ---- the objects -------------------------------------------------------------- */

static void future_mark(VM *vm, ObjOpaque *self)
{
    Future *f = self->payload;
    gc_mark_value(vm, f->loop_obj);
    gc_mark_value(vm, f->result);
    gc_mark_value(vm, f->exception);
    gc_mark_value(vm, f->cancel_message);
    gc_mark_value(vm, f->cancelled_exc);
    gc_mark_value(vm, f->label);
    for (uint32_t i = 0; i < f->n_callbacks; i++) gc_mark_value(vm, f->callbacks[i].fn);
    gc_mark_value(vm, f->coro);
    gc_mark_value(vm, f->name);
    gc_mark_value(vm, f->fut_waiter);
}

static void future_free(VM *vm, ObjOpaque *self)
{
    (void)vm;
    Future *f = self->payload;
    free(f->callbacks);
    f->callbacks = NULL;
}

static const OpaqueOps future_ops = {"Future", future_mark, future_free, NULL};

Future *future_of(Value v)
{
    return ((ObjOpaque *)AS_OBJ(v))->payload;
}

bool is_future(VM *vm, Value v)
{
    return IS_KIND(v, OBJ_OPAQUE) && ((ObjOpaque *)AS_OBJ(v))->ops == &future_ops && vm->aio != NULL;
}

static bool is_task(VM *vm, Value v)
{
    return is_future(vm, v) && future_of(v)->is_task;
}

/* An opaque object whose payload (zeroed) follows it in the same block. */
static ObjOpaque *opaque_inline(VM *vm, ObjClass *cls, const OpaqueOps *ops, size_t payload_size)
{
    ObjOpaque *o = gc_alloc_object(vm, sizeof(ObjOpaque) + payload_size, OBJ_OPAQUE, cls);
    o->ops = ops;
    o->payload = o + 1;
    memset(o->payload, 0, payload_size);
    return o;
}

/* A future object of class cls, not yet bound to a loop (__init__ or the
 * internal constructors do that). */
static Future *alloc_future(VM *vm, ObjClass *cls, Value *out)
{
    ObjOpaque *o = opaque_inline(vm, cls, &future_ops, sizeof(Future));
    Future *f = o->payload;
    f->state = FUT_PENDING;
    f->loop_obj = f->result = f->exception = f->cancel_message = f->cancelled_exc = EMPTY_VAL;
    f->label = f->coro = f->name = f->fut_waiter = EMPTY_VAL;
    *out = OBJ_VAL(o);
    return f;
}

static void bind_loop(Future *f, Loop *loop)
{
    f->loop = loop;
    f->loop_obj = loop->self;
}

static Future *new_future_object(VM *vm, ObjClass *cls, Loop *loop, Value *out)
{
    Future *f = alloc_future(vm, cls, out);
    bind_loop(f, loop);
    return f;
}

bool future_new(VM *vm, Loop *loop, Value *out)
{
    new_future_object(vm, aio(vm)->Future, loop, out);
    return true;
}

/* ---- callbacks ------------------------------------------------------------------- */

static void push_callback(Future *f, Value fn, bool wakeup)
{
    if (f->n_callbacks == f->cap_callbacks) {
        f->cap_callbacks = f->cap_callbacks ? f->cap_callbacks * 2 : 2;
        f->callbacks = realloc(f->callbacks, f->cap_callbacks * sizeof *f->callbacks);
        if (f->callbacks == NULL) abort();
    }
    f->callbacks[f->n_callbacks++] = (DoneCallback){fn, wakeup};
}

static void schedule_callback(Loop *loop, Value fut, DoneCallback cb)
{
    if (cb.wakeup) loop_ready(loop, READY_WAKEUP, cb.fn, fut);
    else loop_ready(loop, READY_CALL, cb.fn, fut);
}

/* The future just finished: every callback goes on the ready queue, in order. */
static void schedule_callbacks(Value fut)
{
    Future *f = future_of(fut);
    for (uint32_t i = 0; i < f->n_callbacks; i++) schedule_callback(f->loop, fut, f->callbacks[i]);
    f->n_callbacks = 0;
}

bool future_add_done_callback(VM *vm, Value fut, Value fn, bool wakeup)
{
    (void)vm;
    Future *f = future_of(fut);
    if (f->state != FUT_PENDING) schedule_callback(f->loop, fut, (DoneCallback){fn, wakeup});
    else push_callback(f, fn, wakeup);
    return true;
}

/* ---- outcomes --------------------------------------------------------------------- */

static bool invalid_state(VM *vm)
{
    return vm_raise(vm, aio(vm)->InvalidStateError, "invalid state");
}

bool future_set_result(VM *vm, Value fut, Value result)
{
    Future *f = future_of(fut);
    if (f->state != FUT_PENDING) return invalid_state(vm);
    f->result = result;
    f->state = FUT_FINISHED;
    schedule_callbacks(fut);
    return true;
}

bool future_set_exception(VM *vm, Value fut, Value exc)
{
    Future *f = future_of(fut);
    if (f->state != FUT_PENDING) return invalid_state(vm);
    if (IS_CLASS(exc)) {
        vm_push_root(vm, exc);
        bool ok = vm_call(vm, exc, NULL, 0, NULL, &exc);
        vm_pop_root(vm, 1);
        if (!ok) return false;
    }
    if (!vm_isinstance(vm, exc, vm->c.BaseException))
        return vm_raise(vm, vm->c.TypeError, "invalid exception object");
    if (vm_class_of(vm, exc) == vm->c.StopIteration)
        return vm_raise(vm, vm->c.TypeError,
                        "StopIteration interacts badly with generators and cannot be raised into a Future");
    f->exception = exc;
    f->state = FUT_FINISHED;
    f->log_traceback = true;
    schedule_callbacks(fut);
    return true;
}

bool future_cancel(VM *vm, Value fut, Value msg)
{
    (void)vm;
    Future *f = future_of(fut);
    f->log_traceback = false;
    if (f->state != FUT_PENDING) return false;
    f->state = FUT_CANCELLED;
    f->cancel_message = msg;
    schedule_callbacks(fut);
    return true;
}

Value aio_cancelled_error(VM *vm, Value msg)
{
    ObjTuple *args = NULL;
    if (!IS_EMPTY(msg) && !IS_NONE(msg)) args = tuple_new(vm, &msg, 1);
    if (args) vm_push_root(vm, OBJ_VAL(args));
    ObjException *e = exception_new(vm, aio(vm)->CancelledError, args);
    if (args) vm_pop_root(vm, 1);
    return OBJ_VAL(e);
}

/* The CancelledError to raise for a cancelled future: the one that
 * cancelled the task if it is kept, else a new one with the message. */
static Value make_cancelled_error(VM *vm, Future *f)
{
    if (!IS_EMPTY(f->cancelled_exc)) {
        Value e = f->cancelled_exc;
        f->cancelled_exc = EMPTY_VAL;
        return e;
    }
    return aio_cancelled_error(vm, f->cancel_message);
}

bool future_result(VM *vm, Value fut, Value *out)
{
    Future *f = future_of(fut);
    if (f->state == FUT_CANCELLED) return vm_raise_value(vm, make_cancelled_error(vm, f));
    if (f->state != FUT_FINISHED) return vm_raise(vm, aio(vm)->InvalidStateError, "Result is not set.");
    f->log_traceback = false;
    if (!IS_EMPTY(f->exception)) return vm_raise_value(vm, f->exception);
    *out = f->result;
    return true;
}

/* ---- tasks ------------------------------------------------------------------------- */

static bool is_coroutine_like(VM *vm, Value v)
{
    return IS_GENERATOR(v) && (AS_OBJ(v)->cls == vm->c.coroutine || AS_OBJ(v)->cls == vm->c.generator);
}

/* ---- the timeline (timeline.h) -------------------------------------------------- */

static const char *default_name(const Future *t, char *buf, size_t size);

/* asyncio's own code (asyncio.run's shutdown steps, Queue.get) is not the program's */
static bool internal_code(const ObjGenerator *g)
{
    return g->code->flags & CODE_FROZEN;
}

/* asyncio.run's own steps (_nothing_to_shut_down); a task the program made
 * of a library coroutine (gather(asyncio.sleep(1))) is the program's */
static bool internal_task(Value task)
{
    Value coro = future_of(task)->coro;
    if (!IS_GENERATOR(coro)) return false;
    const ObjGenerator *g = AS_GENERATOR(coro);
    return internal_code(g) && g->name->data[0] == '_';
}

/* The task's row in the current recording, added (label made once) on
 * first use; kept on the task so that a step does no lookup. A task seen
 * for the first time in a step was made before the recording started. */
static uint32_t timeline_row(VM *vm, Value task, bool creating)
{
    Timeline *tl = &aio(vm)->timeline;
    Future *t = future_of(task);
    if (t->timeline_generation == tl->generation) return t->timeline_index;
    TextBuf b;
    tb_init(&b);
    task_describe(vm, task, &b);
    tb_addc(&b, '\0');
    /* the task whose step makes this one (it gets its row now if it was
     * made before the recording) */
    uint32_t creator = TL_NONE;
    Value current = t->loop->current_task;
    if (creating && !IS_EMPTY(current) && !internal_task(current)) creator = timeline_row(vm, current, false);
    t->timeline_index = timeline_task(tl, b.data, loop_time(t->loop), creator, !creating);
    t->timeline_generation = tl->generation;
    tb_free(&b);
    return t->timeline_index;
}

/* set_name on a recorded task: its row takes the new name. */
static void record_renamed(VM *vm, Value task)
{
    Timeline *tl = &aio(vm)->timeline; /* a task exists: so does the asyncio state */
    Future *t = future_of(task);
    if (!tl->on || t->timeline_generation != tl->generation) return;
    TextBuf b;
    tb_init(&b);
    task_describe(vm, task, &b);
    tl->rows[t->timeline_index].label = timeline_text(tl, b.data, b.len);
    tb_free(&b);
}

void task_set_name(VM *vm, Value task, ObjStr *name)
{
    future_of(task)->name = OBJ_VAL(name);
    record_renamed(vm, task);
}

static void record_created(VM *vm, Value task)
{
    if (!aio(vm)->timeline.on || internal_task(task)) return;
    timeline_row(vm, task, true);
}

/* The row of a coroutine the task is suspended in, under `up`: "fetch()". */
static uint32_t await_row(VM *vm, ObjGenerator *g, uint32_t up)
{
    Timeline *tl = &aio(vm)->timeline;
    if (g->timeline_generation == tl->generation) return g->timeline_row;
    char label[96];
    int n = snprintf(label, sizeof label, "%s()", g->qualname ? g->qualname->data : g->name->data);
    g->timeline_row = timeline_await(tl, up, label, n < (int)sizeof label ? (size_t)n : sizeof label - 1);
    g->timeline_generation = tl->generation;
    return g->timeline_row;
}

/* After a step that suspended: the chain of the program's coroutines the
 * task awaits through (main awaits fetch, which awaits a sleep), each on a
 * row of its own. asyncio's own coroutines end the chain. */
static void record_chain(VM *vm, Value task, uint32_t row)
{
    Timeline *tl = &aio(vm)->timeline;
    uint32_t chain[TL_MAX_DEPTH], n = 0, up = row;
    Value coro = future_of(task)->coro;
    if (!IS_GENERATOR(coro)) return;
    for (Value d = gen_delegate(AS_GENERATOR(coro)); n < TL_MAX_DEPTH && is_coroutine_like(vm, d);
         d = gen_delegate(AS_GENERATOR(d))) {
        ObjGenerator *g = AS_GENERATOR(d);
        if (internal_code(g)) break;
        uint32_t row_of_g = await_row(vm, g, up);
        if (row_of_g == TL_NONE) break;
        up = chain[n++] = row_of_g;
    }
    timeline_set_chain(tl, row, chain, n);
}

/* What the task awaits now, as a text of the recording: the future's
 * label ("sleep(0.5)", "Queue.get()"), the task's description, or "a Future". */
static uint32_t waited_text(VM *vm, Value waiter)
{
    Timeline *tl = &aio(vm)->timeline;
    Future *w = future_of(waiter);
    if (!IS_EMPTY(w->label)) {
        /* a label made once (a constant) is hashed already; a fresh one
         * (f"sleep({delay!r})") is looked up by its bytes */
        ObjStr *s = AS_STR(w->label);
        if (s->hashed) return timeline_text_hashed(tl, s->data, s->byte_len, s->hash);
        return timeline_text(tl, s->data, s->byte_len);
    }
    if (!w->is_task) return timeline_text(tl, "a Future", 8);
    /* a task by its name alone ("Task-3"): its own row says what it runs */
    if (!IS_EMPTY(w->name)) return timeline_text(tl, AS_STR(w->name)->data, AS_STR(w->name)->byte_len);
    char buf[32];
    default_name(w, buf, sizeof buf);
    return timeline_text(tl, buf, strlen(buf));
}

/* After a step: the slice it ran, and what it waits for now or how it ended. */
static void record_slice(VM *vm, Value task, double start, double end)
{
    Timeline *tl = &aio(vm)->timeline;
    if (internal_task(task)) return;
    Future *t = future_of(task);
    uint32_t row = timeline_row(vm, task, false);
    bool waits = t->state == FUT_PENDING && !IS_EMPTY(t->fut_waiter);
    timeline_slice(tl, row, start, end, waits ? waited_text(vm, t->fut_waiter) : TL_NONE);
    if (tl->truncated) return;
    if (t->state == FUT_CANCELLED) {
        timeline_end(tl, row, "cancelled");
    } else if (t->state == FUT_FINISHED) {
        char how[96];
        if (IS_EMPTY(t->exception)) snprintf(how, sizeof how, "done");
        else snprintf(how, sizeof how, "raised %s", vm_class_of(vm, t->exception)->name->data);
        timeline_end(tl, row, how);
    } else {
        record_chain(vm, task, row);
    }
}

/* The step just run held the loop for `held` seconds: say which task, at
 * which line and (for time.sleep) which call. */
static void report_block(VM *vm, Value task, double held)
{
    AioState *st = aio(vm);
    Future *t = future_of(task);
    if (st->n_blocks >= sizeof st->blocks / sizeof st->blocks[0] || !IS_GENERATOR(t->coro) || internal_task(task)) {
        st->sleep_line = 0;
        return;
    }
    ObjGenerator *g = AS_GENERATOR(t->coro);
    char where[64] = "";
    /* the function that called time.sleep (it may be a coroutine the task awaits), else the task's */
    const char *who = g->qualname->data;
    if (st->sleep_line) {
        snprintf(where, sizeof where, " at line %u (time.sleep)", (unsigned)st->sleep_line);
        who = st->sleep_function;
    }
    char name[80];
    if (strcmp(who, "<module>") == 0) snprintf(name, sizeof name, "the cell");
    else snprintf(name, sizeof name, "%s()", who);
    snprintf(st->blocks[st->n_blocks++], sizeof st->blocks[0], "%s blocked the event loop for %.2f s%s", name, held,
             where);
    st->sleep_line = 0;
}

/* Make the pending future `task` a task running coro on loop: name it and
 * schedule its first step. */
static bool task_init(VM *vm, Value task, Loop *loop, Value coro, Value name)
{
    if (!is_coroutine_like(vm, coro) && !async_is_awaitable(vm, coro)) {
        ObjStr *r;
        if (!op_repr(vm, coro, &r)) return false;
        return vm_raise(vm, vm->c.TypeError, "a coroutine was expected, got %s", r->data);
    }
    Future *t = future_of(task);
    bind_loop(t, loop);
    t->is_task = true;
    t->coro = coro;
    if (IS_EMPTY(name) || IS_NONE(name)) {
        t->number = ++aio(vm)->task_counter; /* the str waits until someone asks */
    } else {
        ObjStr *s;
        if (!op_str(vm, name, &s)) return false;
        t->name = OBJ_VAL(s);
    }
    loop_ready(loop, READY_STEP, task, EMPTY_VAL);
    loop_add_task(loop, task);
    record_created(vm, task);
    return true;
}

bool task_new(VM *vm, Loop *loop, Value coro, Value name, Value *out)
{
    alloc_future(vm, aio(vm)->Task, out);
    vm_push_root(vm, *out);
    bool ok = task_init(vm, *out, loop, coro, name);
    vm_pop_root(vm, 1);
    return ok;
}

/* waiter.cancel(msg=msg), through a Python subclass's own cancel() when it
 * has one (gather's future cancels its children instead). False with an
 * exception set if that raised; *cancelled says what cancel() returned. */
static bool cancel_waiter(VM *vm, Value waiter, Value msg, bool *cancelled)
{
    Future *w = future_of(waiter);
    ObjClass *cls = AS_OBJ(waiter)->cls;
    if (cls->class_flags & CLASS_NATIVE) {
        *cancelled = w->is_task ? task_cancel(vm, waiter, msg) : future_cancel(vm, waiter, msg);
        return true;
    }
    Value method = vm_class_lookup(vm, cls, str_intern_cstr(vm, "cancel"));
    Value args[2] = {waiter, IS_EMPTY(msg) ? NONE_VAL : msg}, r;
    vm_push_root(vm, waiter);
    ObjTuple *kw = tuple_new(vm, (Value[]){OBJ_VAL(str_intern_cstr(vm, "msg"))}, 1);
    vm_push_root(vm, OBJ_VAL(kw));
    bool ok = vm_call(vm, method, args, 1, kw, &r);
    vm_pop_root(vm, 2);
    if (!ok) return false;
    return op_truthy(vm, r, cancelled);
}

bool task_cancel(VM *vm, Value task, Value msg)
{
    Future *t = future_of(task);
    t->log_traceback = false;
    if (t->state != FUT_PENDING) return false;
    t->num_cancels_requested++;
    if (!IS_EMPTY(t->fut_waiter)) {
        bool cancelled;
        if (!cancel_waiter(vm, t->fut_waiter, msg, &cancelled)) {
            /* CPython lets the error out of cancel(); the task is still marked */
            vm_take_exception(vm);
            cancelled = false;
        }
        /* The waiter stays: it may be a task that swallows the cancellation. */
        if (cancelled) return true;
    }
    /* The task's next step is already scheduled: it will throw. */
    t->must_cancel = true;
    t->cancel_message = msg;
    return true;
}

static bool schedule_error_step(VM *vm, Value task, const char *fmt, Value shown)
{
    ObjStr *tr, *sr = NULL;
    if (!op_repr(vm, task, &tr)) return false;
    vm_push_root(vm, OBJ_VAL(tr));
    bool ok = IS_EMPTY(shown) || op_repr(vm, shown, &sr);
    vm_pop_root(vm, 1);
    if (!ok) return false;
    vm_raise(vm, vm->c.RuntimeError, fmt, tr->data, sr ? sr->data : "");
    Value exc = vm_take_exception(vm);
    loop_ready(future_of(task)->loop, READY_STEP, task, exc);
    return true;
}

/* What the coroutine yielded decides the task's next step. */
static bool handle_yield(VM *vm, Value task, Value result)
{
    Future *t = future_of(task);
    if (is_future(vm, result)) {
        Future *f = future_of(result);
        if (f->loop != t->loop)
            return schedule_error_step(vm, task, "Task %s got Future %s attached to a different loop", result);
        if (!f->blocking)
            return schedule_error_step(vm, task, "yield was used instead of yield from in task %s with %s", result);
        if (result.as.obj == task.as.obj)
            return schedule_error_step(vm, task, "Task cannot await on itself: %s%s", EMPTY_VAL);
        f->blocking = false;
        future_add_done_callback(vm, result, task, true);
        t->fut_waiter = result;
        if (t->must_cancel) {
            bool cancelled;
            if (!cancel_waiter(vm, result, t->cancel_message, &cancelled)) return false;
            if (cancelled) t->must_cancel = false;
        }
        return true;
    }
    if (IS_NONE(result)) {
        /* a bare yield: give the other callbacks one pass */
        loop_ready(t->loop, READY_STEP, task, EMPTY_VAL);
        return true;
    }
    if (IS_GENERATOR(result) && AS_OBJ(result)->cls == vm->c.generator)
        return schedule_error_step(vm, task, "yield was used instead of yield from for generator in task %s with %s",
                                   result);
    return schedule_error_step(vm, task, "Task got bad yield: %s%s", EMPTY_VAL);
}

/* The coroutine raised exc out of the step. */
static bool handle_raise(VM *vm, Value task, Value exc)
{
    Future *t = future_of(task);
    if (vm_isinstance(vm, exc, aio(vm)->CancelledError)) {
        t->cancelled_exc = exc;
        future_cancel(vm, task, EMPTY_VAL);
        return true;
    }
    if (!future_set_exception(vm, task, exc)) return false;
    aio(vm)->task_failed = true; /* is anyone left to retrieve it? the next pass asks the GC */
    if (vm_isinstance(vm, exc, vm->c.KeyboardInterrupt) || vm_isinstance(vm, exc, vm->c.SystemExit)) {
        /* these end the loop too, as they do in CPython */
        t->log_traceback = false;
        return vm_raise_value(vm, exc);
    }
    return true;
}

/* One step of a task's coroutine: a coroutine (or generator) resumed, or an
 * async generator's asend / athrow awaitable stepped (create_task(agen.aclose())). */
static GenOutcome step_coro(VM *vm, Value coro, Value thrown, Value *result)
{
    if (IS_GENERATOR(coro)) return gen_resume(vm, AS_GENERATOR(coro), NONE_VAL, thrown, result);
    bool done = false;
    if (!async_awaitable_step(vm, coro, NONE_VAL, thrown, result, &done)) return GEN_RAISED;
    return done ? GEN_RETURNED : GEN_YIELDED;
}

bool task_step(VM *vm, Value task, Value exc)
{
    Future *t = future_of(task);
    if (t->state != FUT_PENDING) {
        /* a cancelled task whose step was already queued */
        return true;
    }
    if (t->must_cancel) {
        if (IS_EMPTY(exc) || !vm_isinstance(vm, exc, aio(vm)->CancelledError))
            exc = make_cancelled_error(vm, t);
        t->must_cancel = false;
    }
    t->fut_waiter = EMPTY_VAL;
    Loop *loop = t->loop;
    Value saved_current = loop->current_task;
    loop->current_task = task;
    vm_push_root(vm, task);
    vm_push_root(vm, exc);
    Value result;
    double started = !aio(vm)->timeline.on ? 0 : loop->step_clock_fresh ? loop->step_clock : loop_time(loop);
    aio(vm)->sleep_line = 0;
    GenOutcome how = step_coro(vm, t->coro, exc, &result);
    loop->current_task = saved_current;
    bool ok = true;
    switch (how) {
    case GEN_RETURNED:
        if (t->must_cancel) {
            /* cancelled just as the coroutine returned */
            t->must_cancel = false;
            future_cancel(vm, task, t->cancel_message);
        } else {
            ok = future_set_result(vm, task, result);
        }
        break;
    case GEN_YIELDED:
        vm_push_root(vm, result);
        ok = handle_yield(vm, task, result);
        vm_pop_root(vm, 1);
        break;
    case GEN_RAISED: {
        Value raised = vm_take_exception(vm);
        vm_push_root(vm, raised);
        ok = handle_raise(vm, task, raised);
        vm_pop_root(vm, 1);
        break;
    }
    }
    if (aio(vm)->timeline.on) {
        double ended = loop_time(loop);
        loop->step_clock = ended;
        record_slice(vm, task, started, ended);
        double threshold = aio(vm)->block_threshold;
        /* within a nanosecond: loop times are large, so a held 0.1 s may come out as 0.0999999 */
        if (threshold > 0 && ended - started >= threshold - 1e-9) report_block(vm, task, ended - started);
    }
    vm_pop_root(vm, 2);
    return ok;
}

bool task_wakeup(VM *vm, Value task, Value fut)
{
    Value r;
    if (future_result(vm, fut, &r)) return task_step(vm, task, EMPTY_VAL);
    Value exc = vm_take_exception(vm);
    return task_step(vm, task, exc);
}

/* ---- reprs ------------------------------------------------------------------------ */

/* "main() running at FILE:LINE" or "main() done, defined at FILE:LINE". */
static void describe_coro(VM *vm, Value coro, TextBuf *out)
{
    if (async_is_awaitable(vm, coro)) {
        /* asyncio's words for an awaitable with no __name__ */
        tb_adds(out, "<");
        tb_adds(out, AS_OBJ(coro)->cls->name->data);
        tb_adds(out, " without __name__>()");
        return;
    }
    if (!IS_GENERATOR(coro)) {
        ObjStr *r;
        if (op_repr(vm, coro, &r)) tb_add(out, r->data, r->byte_len);
        else vm_take_exception(vm);
        return;
    }
    ObjGenerator *g = AS_GENERATOR(coro);
    tb_add(out, g->qualname->data, g->qualname->byte_len);
    tb_adds(out, "()");
    const char *file = g->code->filename ? g->code->filename->data : "?";
    char buf[64];
    if (g->state != GEN_FINISHED && g->fiber && g->fiber->frame) {
        tb_adds(out, " running at ");
        tb_adds(out, file);
        snprintf(buf, sizeof buf, ":%u", (unsigned)frame_line(g->fiber->frame));
    } else {
        tb_adds(out, " done, defined at ");
        tb_adds(out, file);
        snprintf(buf, sizeof buf, ":%u", (unsigned)g->code->first_line);
    }
    tb_adds(out, buf);
}

/* "finished result=3", "finished exception=ValueError('x')", "pending", "cancelled". */
static bool describe_outcome(VM *vm, Future *f, TextBuf *b);

static bool describe_state(VM *vm, Future *f, TextBuf *b)
{
    tb_adds(b, f->state == FUT_PENDING ? "pending" : f->state == FUT_CANCELLED ? "cancelled" : "finished");
    return describe_outcome(vm, f, b);
}

/* " result=3" (shortened, by reprlib) or " exception=ValueError('x')" for a
 * finished future or task; nothing otherwise. */
static bool describe_outcome(VM *vm, Future *f, TextBuf *b)
{
    if (f->state != FUT_FINISHED) return true;
    if (!IS_EMPTY(f->exception)) {
        tb_adds(b, " exception=");
        return op_repr_into(vm, f->exception, b);
    }
    tb_adds(b, " result="); /* a result is shortened (reprlib), an exception is not */
    return aio_reprlib_repr(vm, f->result, b);
}

bool aio_reprlib_repr(VM *vm, Value v, TextBuf *b)
{
    ObjModule *m = modules_get(vm, "reprlib");
    if (m == NULL) return false;
    Value fn, r;
    bool found = false;
    if (!vm_getattr_opt(vm, OBJ_VAL(m), str_intern_cstr(vm, "repr"), &fn, &found)) return false;
    if (!found) return op_repr_into(vm, v, b);
    if (!vm_call(vm, fn, &v, 1, NULL, &r)) return false;
    if (!IS_STR(r)) return vm_raise(vm, vm->c.TypeError, "reprlib.repr returned a non-string");
    tb_add(b, AS_STR(r)->data, AS_STR(r)->byte_len);
    return true;
}

bool aio_format_callback(VM *vm, Value fn, const Value *args, int nargs, TextBuf *b)
{
    Value name;
    bool found = false;
    if (!vm_getattr_opt(vm, fn, str_intern_cstr(vm, "__qualname__"), &name, &found)) return false;
    if (!found || !IS_STR(name) || AS_STR(name)->byte_len == 0) {
        if (!op_repr_into(vm, fn, b)) return false;
    } else {
        tb_add(b, AS_STR(name)->data, AS_STR(name)->byte_len);
    }
    tb_addc(b, '(');
    for (int i = 0; i < nargs; i++) {
        if (i) tb_adds(b, ", ");
        if (!aio_reprlib_repr(vm, args[i], b)) return false;
    }
    tb_addc(b, ')');
    if (IS_FUNCTION(fn)) {
        const ObjCode *code = AS_FUNCTION(fn)->code;
        char line[24];
        snprintf(line, sizeof line, ":%u", (unsigned)code->first_line);
        tb_adds(b, " at ");
        tb_add(b, code->filename->data, code->filename->byte_len);
        tb_adds(b, line);
    }
    return true;
}

/* One done callback as asyncio's repr names it: "cb() at FILE:LINE" for a
 * function, "C.m()" for a method and "print()" for a builtin (asyncio finds
 * the source of plain functions only), "Task.task_wakeup()" for a task
 * waiting on the future. */
static bool describe_callback(VM *vm, const DoneCallback *cb, TextBuf *b)
{
    if (cb->wakeup) {
        tb_adds(b, "Task.task_wakeup()");
        return true;
    }
    return aio_format_callback(vm, cb->fn, NULL, 0, b);
}

/* " cb=[a() at x.py:3, <2 more>, b()]": the first and last of more than two. */
static bool describe_callbacks(VM *vm, const Future *f, TextBuf *b)
{
    uint32_t n = f->n_callbacks;
    if (n == 0) return true;
    tb_adds(b, " cb=[");
    if (!describe_callback(vm, &f->callbacks[0], b)) return false;
    if (n > 2) {
        char more[32];
        snprintf(more, sizeof more, ", <%u more>", n - 2);
        tb_adds(b, more);
    }
    if (n > 1) {
        tb_adds(b, ", ");
        if (!describe_callback(vm, &f->callbacks[n - 1], b)) return false;
    }
    tb_adds(b, "]");
    return true;
}

static bool future_repr_into(VM *vm, Value fut, TextBuf *b)
{
    Future *f = future_of(fut);
    if (!f->is_task) {
        tb_adds(b, "<Future ");
        if (!describe_state(vm, f, b) || !describe_callbacks(vm, f, b)) return false;
        tb_adds(b, ">");
        return true;
    }
    /* <Task finished name='Task-2' coro=<f() done, defined at x.py:3> result=3> */
    tb_adds(b, "<Task ");
    /* "cancelling": cancel() was asked for and the task has not ended yet (task.cancelling()) */
    tb_adds(b, f->state == FUT_PENDING   ? (f->num_cancels_requested > 0 ? "cancelling" : "pending")
               : f->state == FUT_CANCELLED ? "cancelled"
                                           : "finished");
    tb_adds(b, " name=");
    if (!op_repr_into(vm, task_name(vm, fut), b)) return false;
    tb_adds(b, " coro=<");
    describe_coro(vm, f->coro, b);
    tb_adds(b, ">");
    if (!describe_outcome(vm, f, b)) return false;
    if (!IS_EMPTY(f->fut_waiter)) {
        tb_adds(b, " wait_for=");
        if (!op_repr_into(vm, f->fut_waiter, b)) return false;
    }
    if (!describe_callbacks(vm, f, b)) return false;
    tb_adds(b, ">");
    return true;
}

/* "Task-N" for a task named by default. */
static const char *default_name(const Future *t, char *buf, size_t size)
{
    snprintf(buf, size, "Task-%llu", (unsigned long long)t->number);
    return buf;
}

Value task_name(VM *vm, Value task)
{
    Future *t = future_of(task);
    if (IS_EMPTY(t->name)) {
        char buf[32];
        t->name = OBJ_VAL(str_from_cstr(vm, default_name(t, buf, sizeof buf)));
    }
    return t->name;
}

void task_describe(VM *vm, Value task, TextBuf *out)
{
    (void)vm;
    Future *t = future_of(task);
    if (IS_EMPTY(t->name)) {
        char buf[32];
        tb_adds(out, default_name(t, buf, sizeof buf)); /* no allocation: the deadlock report builds text only */
    } else {
        tb_add(out, AS_STR(t->name)->data, AS_STR(t->name)->byte_len);
    }
    if (IS_GENERATOR(t->coro)) {
        ObjGenerator *g = AS_GENERATOR(t->coro);
        if (strcmp(g->qualname->data, "<module>") == 0) {
            tb_adds(out, " (the cell)"); /* a notebook cell that awaits runs as a task */
        } else {
            tb_adds(out, " (");
            tb_add(out, g->qualname->data, g->qualname->byte_len);
            tb_adds(out, "())");
        }
    }
}

void task_report_unretrieved(VM *vm, Value task)
{
    Future *t = future_of(task);
    if (!t->log_traceback || t->retrieved_reported || IS_EMPTY(t->exception)) return;
    t->retrieved_reported = true;
    t->log_traceback = false;
    loop_report_error(vm, t->loop,
                      t->is_task ? "Task exception was never retrieved" : "Future exception was never retrieved",
                      t->exception, "future", task);
}

/* ---- methods ------------------------------------------------------------------------- */

static bool self_future(VM *vm, Value *args, int nargs, const char *method)
{
    if (nargs < 1 || !is_future(vm, args[0]))
        return vm_raise(vm, vm->c.TypeError, "descriptor '%s' requires a '_asyncio.Future' object", method);
    if (future_of(args[0])->loop == NULL)
        return vm_raise(vm, vm->c.RuntimeError, "Future object is not initialized.");
    return true;
}

static bool self_task(VM *vm, Value *args, int nargs, const char *method)
{
    if (nargs < 1 || !is_task(vm, args[0]))
        return vm_raise(vm, vm->c.TypeError, "descriptor '%s' requires a '_asyncio.Task' object", method);
    return true;
}

/* Bind (self, params...) with CPython's messages; unset ones are EMPTY. */
#define BIND(qual, names, npos, nreq, nkw, out)                                                    \
    if (!mod_bind(vm, qual, args, nargs, kwnames, names, npos, nreq, nkw, out)) return false

static bool m_result(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("Future.result", names, 1, 1, 0, a);
    if (!self_future(vm, args, nargs, "result")) return false;
    return future_result(vm, a[0], out);
}

static bool m_exception(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("Future.exception", names, 1, 1, 0, a);
    if (!self_future(vm, args, nargs, "exception")) return false;
    Future *f = future_of(a[0]);
    if (f->state == FUT_CANCELLED) return vm_raise_value(vm, make_cancelled_error(vm, f));
    if (f->state != FUT_FINISHED) return vm_raise(vm, aio(vm)->InvalidStateError, "Exception is not set.");
    f->log_traceback = false;
    *out = IS_EMPTY(f->exception) ? NONE_VAL : f->exception;
    return true;
}

static bool m_done(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("Future.done", names, 1, 1, 0, a);
    if (!self_future(vm, args, nargs, "done")) return false;
    *out = BOOL_VAL(future_of(a[0])->state != FUT_PENDING);
    return true;
}

static bool m_cancelled(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("Future.cancelled", names, 1, 1, 0, a);
    if (!self_future(vm, args, nargs, "cancelled")) return false;
    *out = BOOL_VAL(future_of(a[0])->state == FUT_CANCELLED);
    return true;
}

static bool m_cancel(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "msg"};
    Value a[2];
    BIND("Future.cancel", names, 2, 1, 0, a);
    if (!self_future(vm, args, nargs, "cancel")) return false;
    Value msg = IS_EMPTY(a[1]) ? EMPTY_VAL : a[1];
    *out = BOOL_VAL(future_of(a[0])->is_task ? task_cancel(vm, a[0], msg) : future_cancel(vm, a[0], msg));
    return true;
}

static bool m_add_done_callback(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "fn", "context"};
    Value a[3];
    BIND("Future.add_done_callback", names, 2, 2, 1, a);
    if (!self_future(vm, args, nargs, "add_done_callback")) return false;
    *out = NONE_VAL;
    return future_add_done_callback(vm, a[0], a[1], false);
}

static bool m_remove_done_callback(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "fn"};
    Value a[2];
    BIND("Future.remove_done_callback", names, 2, 2, 0, a);
    if (!self_future(vm, args, nargs, "remove_done_callback")) return false;
    Future *f = future_of(a[0]);
    uint32_t kept = 0;
    int64_t removed = 0;
    for (uint32_t i = 0; i < f->n_callbacks; i++) {
        bool eq = false;
        if (!f->callbacks[i].wakeup && !op_eq(vm, f->callbacks[i].fn, a[1], &eq)) return false;
        if (eq) removed++;
        else f->callbacks[kept++] = f->callbacks[i];
    }
    f->n_callbacks = kept;
    *out = INT_VAL(removed);
    return true;
}

static bool m_set_result(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "result"};
    Value a[2];
    BIND("Future.set_result", names, 2, 2, 0, a);
    if (!self_future(vm, args, nargs, "set_result")) return false;
    if (future_of(a[0])->is_task) return vm_raise(vm, vm->c.RuntimeError, "Task does not support set_result operation");
    *out = NONE_VAL;
    return future_set_result(vm, a[0], a[1]);
}

static bool m_set_exception(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "exception"};
    Value a[2];
    BIND("Future.set_exception", names, 2, 2, 0, a);
    if (!self_future(vm, args, nargs, "set_exception")) return false;
    if (future_of(a[0])->is_task)
        return vm_raise(vm, vm->c.RuntimeError, "Task does not support set_exception operation");
    *out = NONE_VAL;
    return future_set_exception(vm, a[0], a[1]);
}

static bool m_get_loop(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("Future.get_loop", names, 1, 1, 0, a);
    if (!self_future(vm, args, nargs, "get_loop")) return false;
    *out = future_of(a[0])->loop_obj;
    return true;
}

static bool m_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_future(vm, args, nargs, "__repr__")) return false;
    TextBuf b;
    tb_init(&b);
    if (!future_repr_into(vm, args[0], &b)) {
        tb_free(&b);
        return false;
    }
    *out = OBJ_VAL(tb_to_str(vm, &b));
    return true;
}

static bool get_blocking(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_future(vm, args, nargs, "_asyncio_future_blocking")) return false;
    *out = BOOL_VAL(future_of(args[0])->blocking);
    return true;
}

static bool set_blocking(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_future(vm, args, nargs, "_asyncio_future_blocking")) return false;
    if (nargs != 2 || !IS_BOOL(args[1]))
        return vm_raise(vm, vm->c.ValueError, "_asyncio_future_blocking can only be set to False");
    future_of(args[0])->blocking = AS_BOOL(args[1]);
    *out = NONE_VAL;
    return true;
}

/* Future.__new__ / Task.__new__(cls, ...): a bare object; __init__ binds it. */
static bool future_alloc_native(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (nargs < 1 || !IS_CLASS(args[0]) || !class_is_subclass(AS_CLASS(args[0]), aio(vm)->Future))
        return vm_raise(vm, vm->c.TypeError, "Future.__new__(X): X is not a subtype of Future");
    alloc_future(vm, AS_CLASS(args[0]), out);
    return true;
}

/* The loop= argument, else the running loop, else get_event_loop()'s. */
static Loop *loop_or_default(VM *vm, Value v)
{
    if (!IS_EMPTY(v) && !IS_NONE(v)) return loop_of(vm, v);
    AioState *st = aio(vm);
    if (!IS_EMPTY(st->running_loop)) return loop_of(vm, st->running_loop);
    if (IS_EMPTY(st->event_loop) && !loop_new(vm, &st->event_loop)) return NULL;
    return loop_of(vm, st->event_loop);
}

/* Future.__init__(self, *, loop=None) */
static bool future_init(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "loop"};
    Value a[2];
    if (!mod_bind(vm, "Future.__init__", args, nargs, kwnames, names, 1, 1, 1, a)) return false;
    if (!is_future(vm, a[0])) return vm_raise(vm, vm->c.TypeError, "Future.__init__ needs a Future");
    Loop *loop = loop_or_default(vm, a[1]);
    if (loop == NULL) return false;
    bind_loop(future_of(a[0]), loop);
    *out = NONE_VAL;
    return true;
}

/* Task.__init__(self, coro, *, loop=None, name=None, context=None) */
static bool task_init_native(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "coro", "loop", "name", "context"};
    Value a[5];
    if (!mod_bind(vm, "Task.__init__", args, nargs, kwnames, names, 2, 2, 3, a)) return false;
    if (!is_future(vm, a[0])) return vm_raise(vm, vm->c.TypeError, "Task.__init__ needs a Task");
    Loop *loop = loop_or_default(vm, a[2]);
    if (loop == NULL) return false;
    *out = NONE_VAL;
    return task_init(vm, a[0], loop, a[1], a[3]);
}

static bool m_make_cancelled_error(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("Future._make_cancelled_error", names, 1, 1, 0, a);
    if (!self_future(vm, args, nargs, "_make_cancelled_error")) return false;
    *out = make_cancelled_error(vm, future_of(a[0]));
    return true;
}

static bool get_cancel_message(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_future(vm, args, nargs, "_cancel_message")) return false;
    Value m = future_of(args[0])->cancel_message;
    *out = IS_EMPTY(m) ? NONE_VAL : m;
    return true;
}

static bool m_get_name(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("Task.get_name", names, 1, 1, 0, a);
    if (!self_task(vm, args, nargs, "get_name")) return false;
    *out = task_name(vm, a[0]);
    return true;
}

static bool m_set_name(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "value"};
    Value a[2];
    BIND("Task.set_name", names, 2, 2, 0, a);
    if (!self_task(vm, args, nargs, "set_name")) return false;
    ObjStr *s;
    if (!op_str(vm, a[1], &s)) return false;
    task_set_name(vm, a[0], s);
    *out = NONE_VAL;
    return true;
}

static bool m_get_coro(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("Task.get_coro", names, 1, 1, 0, a);
    if (!self_task(vm, args, nargs, "get_coro")) return false;
    *out = future_of(a[0])->coro;
    return true;
}

static bool m_cancelling(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("Task.cancelling", names, 1, 1, 0, a);
    if (!self_task(vm, args, nargs, "cancelling")) return false;
    *out = INT_VAL(future_of(a[0])->num_cancels_requested);
    return true;
}

static bool m_uncancel(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    Value a[1];
    BIND("Task.uncancel", names, 1, 1, 0, a);
    if (!self_task(vm, args, nargs, "uncancel")) return false;
    Future *t = future_of(a[0]);
    if (t->num_cancels_requested > 0) t->num_cancels_requested--;
    *out = INT_VAL(t->num_cancels_requested);
    return true;
}

/* ---- the iterator behind `await fut` ------------------------------------------------- */

typedef struct {
    Value future;
    bool yielded;
} FutureIter;

static void iter_mark(VM *vm, ObjOpaque *self)
{
    gc_mark_value(vm, ((FutureIter *)self->payload)->future);
}

static bool iter_step(VM *vm, ObjOpaque *self, Value sent, Value *out, bool *done);
static const OpaqueOps future_iter_ops = {"FutureIter", iter_mark, NULL, iter_step};

static bool m_await(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (!self_future(vm, args, nargs, "__await__")) return false;
    ObjOpaque *o = opaque_inline(vm, aio(vm)->FutureIter, &future_iter_ops, sizeof(FutureIter));
    ((FutureIter *)o->payload)->future = args[0];
    *out = OBJ_VAL(o);
    return true;
}

static FutureIter *self_iter(VM *vm, Value *args, int nargs)
{
    if (nargs < 1 || !IS_KIND(args[0], OBJ_OPAQUE) || ((ObjOpaque *)AS_OBJ(args[0]))->ops != &future_iter_ops) {
        vm_raise(vm, vm->c.TypeError, "expected a future iterator");
        return NULL;
    }
    return ((ObjOpaque *)AS_OBJ(args[0]))->payload;
}

/* First: yield the future itself to the task (marked blocking). Then, once
 * the task was woken up because it is done: its result ends the await. */
static bool iter_step(VM *vm, ObjOpaque *self, Value sent, Value *out, bool *done)
{
    (void)sent;
    FutureIter *it = self->payload;
    Future *f = future_of(it->future);
    if (f->state == FUT_PENDING && !it->yielded) {
        it->yielded = true;
        f->blocking = true;
        *out = it->future;
        *done = false;
        return true;
    }
    if (f->state == FUT_PENDING) return vm_raise(vm, vm->c.RuntimeError, "await wasn't used with future");
    *done = true;
    return future_result(vm, it->future, out);
}

/* __next__ / send(): iter_step, with StopIteration(result) at the end. */
static bool iter_next(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    FutureIter *it = self_iter(vm, args, nargs);
    if (it == NULL) return false;
    bool done = false;
    Value r;
    if (!iter_step(vm, (ObjOpaque *)AS_OBJ(args[0]), NONE_VAL, &r, &done)) return false;
    if (!done) {
        *out = r;
        return true;
    }
    (void)it;
    vm_push_root(vm, r);
    ObjTuple *t = tuple_new(vm, &r, 1);
    vm_pop_root(vm, 1);
    vm_push_root(vm, OBJ_VAL(t));
    ObjException *stop = exception_new(vm, vm->c.StopIteration, t);
    vm_pop_root(vm, 1);
    return vm_raise_value(vm, OBJ_VAL(stop));
}

static bool iter_send(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return iter_next(vm, args, nargs < 1 ? nargs : 1, kwnames, out);
}

static bool iter_throw(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    (void)out;
    if (self_iter(vm, args, nargs) == NULL) return false;
    if (nargs < 2) return vm_raise(vm, vm->c.TypeError, "throw expected at least 1 argument, got 0");
    Value exc = args[1];
    if (IS_CLASS(exc) && !vm_call(vm, exc, NULL, 0, NULL, &exc)) return false;
    return vm_raise_value(vm, exc);
}

static bool iter_self(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (self_iter(vm, args, nargs) == NULL) return false;
    *out = args[0];
    return true;
}

static bool iter_close(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (self_iter(vm, args, nargs) == NULL) return false;
    *out = NONE_VAL;
    return true;
}

/* ---- installation --------------------------------------------------------------------- */

static ObjClass *new_class(VM *vm, ObjModule *m, const char *name, ObjClass *base, const char *module)
{
    ObjClass *c = class_new(vm, str_intern_cstr(vm, name), base, OBJ_OPAQUE);
    vm_push_root(vm, OBJ_VAL(c));
    c->module = str_intern_cstr(vm, module);
    c->class_flags |= CLASS_NATIVE;
    module_add_value(vm, m, name, OBJ_VAL(c));
    vm_pop_root(vm, 1);
    return c;
}

static void define_methods(VM *vm, ObjClass *c, const ModuleFunc *fns, size_t n)
{
    for (size_t i = 0; i < n; i++) vm_define_native(vm, c->dict, fns[i].name, fns[i].fn, c);
}

/* A property of c computed by get (and set by set, unless NULL). */
static void define_getter(VM *vm, ObjClass *c, const char *name, NativeFn get, NativeFn set)
{
    ObjNative *g = native_new(vm, name, get, c);
    vm_push_root(vm, OBJ_VAL(g));
    ObjDescriptor *p = descriptor_new(vm, vm->c.property, OBJ_VAL(g));
    vm_push_root(vm, OBJ_VAL(p));
    if (set) p->fset = OBJ_VAL(native_new(vm, name, set, c));
    dict_set_str(vm, c->dict, g->name, OBJ_VAL(p));
    vm_pop_root(vm, 2);
}

void future_install(VM *vm, ObjModule *m)
{
    AioState *st = aio(vm);
    st->Future = new_class(vm, m, "Future", vm->c.object, "_asyncio");
    static const ModuleFunc future_methods[] = {
        {"result", m_result},
        {"exception", m_exception},
        {"done", m_done},
        {"cancelled", m_cancelled},
        {"cancel", m_cancel},
        {"add_done_callback", m_add_done_callback},
        {"remove_done_callback", m_remove_done_callback},
        {"set_result", m_set_result},
        {"set_exception", m_set_exception},
        {"get_loop", m_get_loop},
        {"__repr__", m_repr},
        {"__await__", m_await},
        {"__iter__", m_await},
        {"_make_cancelled_error", m_make_cancelled_error},
        {"__init__", future_init},
    };
    define_methods(vm, st->Future, future_methods, sizeof future_methods / sizeof future_methods[0]);
    vm_define_native(vm, st->Future->dict, "__new__", future_alloc_native, NULL);
    define_getter(vm, st->Future, "_cancel_message", get_cancel_message, NULL);
    define_getter(vm, st->Future, "_asyncio_future_blocking", get_blocking, set_blocking);

    st->Task = new_class(vm, m, "Task", st->Future, "_asyncio");
    static const ModuleFunc task_methods[] = {
        {"get_name", m_get_name},     {"set_name", m_set_name},       {"get_coro", m_get_coro},
        {"cancelling", m_cancelling}, {"uncancel", m_uncancel},   {"__init__", task_init_native},
    };
    define_methods(vm, st->Task, task_methods, sizeof task_methods / sizeof task_methods[0]);

    st->FutureIter = class_new(vm, str_intern_cstr(vm, "FutureIter"), vm->c.object, OBJ_OPAQUE);
    vm_push_root(vm, OBJ_VAL(st->FutureIter));
    st->FutureIter->module = str_intern_cstr(vm, "_asyncio");
    static const ModuleFunc iter_methods[] = {
        {"__next__", iter_next}, {"send", iter_send},   {"throw", iter_throw},
        {"close", iter_close},   {"__iter__", iter_self},
    };
    define_methods(vm, st->FutureIter, iter_methods, sizeof iter_methods / sizeof iter_methods[0]);
    vm_pop_root(vm, 1);
}
