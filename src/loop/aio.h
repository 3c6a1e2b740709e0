/* aio.h: the asyncio core in C: the event loop, its handles, futures and
 * tasks, shared by loop.c (the loop and its handles), future.c (Future,
 * Task, the await iterator) and aio_module.c (the `_asyncio_core` module).
 *
 * The Python-level asyncio (src/modules/py/asyncio*.py) is built on this:
 * everything that runs once per task step or per callback is here, the
 * rest (runners, gather, locks, queues ...) is Python.
 *
 * Order is CPython's: the loop runs, per pass, the callbacks that were ready
 * when the pass began (first in, first out) after moving the timers that are
 * due onto the ready queue; timers are ordered by (deadline, insertion).
 * Internal callbacks (a task's next step, a task waking up when the future it
 * awaits is done, a future's done callbacks) are ready-queue entries without a
 * Handle object; call_soon and call_later make Handle / TimerHandle objects. */
#ifndef LOOPBOOK_AIO_H
#define LOOPBOOK_AIO_H

#include <uv.h>

#include "format.h"
#include "queues.h"
#include "timeline.h"
#include "vm.h"

typedef struct Loop Loop;

/* ---- futures and tasks (future.c) ---------------------------------------- */

typedef enum { FUT_PENDING, FUT_CANCELLED, FUT_FINISHED } FutState;

/* A done callback: call fn(future), or (fn is a task) wake that task up. */
typedef struct {
    Value fn;
    bool wakeup;
} DoneCallback;

typedef struct {
    Loop *loop;
    Value loop_obj;
    uint8_t state;      /* FutState */
    bool blocking;      /* _asyncio_future_blocking: yielded by __await__, not yet taken by a task */
    bool log_traceback; /* finished with an exception nobody has retrieved */
    bool is_task;
    Value result;
    Value exception;
    Value cancel_message;    /* EMPTY for None */
    Value cancelled_exc;     /* the CancelledError that cancelled a task, EMPTY */
    Value label;             /* _describe's text for deadlock reports, EMPTY */
    DoneCallback *callbacks; /* malloc'd */
    uint32_t n_callbacks, cap_callbacks;
    /* tasks only */
    Value coro;
    Value name;       /* str, or EMPTY for "Task-<number>" made when first asked for */
    uint64_t number;  /* the Task-N number of a task named by default */
    Value fut_waiter; /* the future the task awaits now, EMPTY */
    bool must_cancel;
    bool retrieved_reported; /* "never retrieved" already printed */
    uint32_t timeline_index;      /* its row in the timeline recording ... */
    uint32_t timeline_generation; /* ... made at this generation (0: none) */
    int32_t num_cancels_requested;
} Future;

/* The payload of a Future or Task object. */
Future *future_of(Value v);
/* Whether v is a Future or a Task. */
bool is_future(VM *vm, Value v);
/* A new pending future on loop. */
bool future_new(VM *vm, Loop *loop, Value *out);
/* A new task running coro on loop (its first step is scheduled). */
bool task_new(VM *vm, Loop *loop, Value coro, Value name, Value *out);
/* Finish a pending future. False (InvalidStateError raised) when it is done. */
bool future_set_result(VM *vm, Value fut, Value result);
bool future_set_exception(VM *vm, Value fut, Value exc);
/* Cancel: false when already done. */
bool future_cancel(VM *vm, Value fut, Value msg);
bool task_cancel(VM *vm, Value task, Value msg);
/* Add fn(fut) as a done callback (scheduled now if fut is done). */
bool future_add_done_callback(VM *vm, Value fut, Value fn, bool wakeup);
/* future.result(): the result, or raise. */
bool future_result(VM *vm, Value fut, Value *out);
/* Run one step of a task: send None into its coroutine or throw exc (EMPTY
 * for none). False only for KeyboardInterrupt / SystemExit, which go on up. */
bool task_step(VM *vm, Value task, Value exc);
/* The task awaiting fut was woken: step it with fut's outcome. */
bool task_wakeup(VM *vm, Value task, Value fut);
/* The task's name (a str, made now for a default "Task-N" name). */
Value task_name(VM *vm, Value task);
/* reprlib.repr(v) onto b: asyncio's reprs shorten results and arguments with it. */
bool aio_reprlib_repr(VM *vm, Value v, TextBuf *b);
/* A callback as asyncio names it: "f(1, 'x') at FILE:LINE" (the place for a
 * plain function only), "C.m()", "print()". */
bool aio_format_callback(VM *vm, Value fn, const Value *args, int nargs, TextBuf *b);
/* set_name: the task's timeline row takes the new name too. */
void task_set_name(VM *vm, Value task, ObjStr *name);
/* "Task-1 main()"-style description for deadlock reports. */
void task_describe(VM *vm, Value task, TextBuf *out);
/* If a finished task's exception was never retrieved, report it on stderr
 * (as CPython does when such a task is garbage-collected). */
void task_report_unretrieved(VM *vm, Value task);
/* Create the Future, Task and await-iterator classes. */
void future_install(VM *vm, ObjModule *m);

/* ---- the loop (loop.c) ------------------------------------------------------- */

struct Loop {
    VM *vm;
    Value self; /* the loop object (not marked through here: it owns us) */
    ReadyQueue ready;
    TimerHeap timers;
    uint32_t timers_cancelled; /* cancelled handles still in the heap */
    bool running, stopping, closed;
    bool is_session; /* the notebook session's loop: alive across cells, runs nested */
    bool debug;      /* set_debug(): remembered only */
    Value current_task; /* the task whose step runs now, EMPTY */
    Value exception_handler; /* set_exception_handler's callable, EMPTY for the default */
    /* While a pass runs task steps back to back, the clock read when the
     * last one ended (or the pass began) is when the next one begins: a
     * recorded step reads the clock once, not twice (timeline.h). */
    double step_clock;
    bool step_clock_fresh;
    Value *tasks;       /* this loop's tasks in creation order: weak (see aio_before_sweep) */
    uint32_t n_tasks, cap_tasks;
    Value *asyncgens;   /* async generators first iterated in this loop: weak, for shutdown_asyncgens */
    uint32_t n_asyncgens, cap_asyncgens;
    ObjList *threads;   /* simulated threads not finished (threads.c) */
    uint32_t idle_workers; /* executor workers that finished their work and wait for more */
    uv_loop_t uv;
    uv_timer_t uv_timer;
    uv_async_t uv_wake; /* sent by the SIGINT handler to end a wait */
};

/* The payload of a Handle / TimerHandle. */
typedef struct {
    Value callback;
    Value args; /* tuple */
    Value loop_obj;
    double when;
    bool cancelled;
    bool scheduled; /* a timer still in the heap */
    bool is_timer;
} Handle;

/* The Loop of a loop object, or NULL (with TypeError) when v is not one. */
Loop *loop_of(VM *vm, Value v);
/* A new event loop object. */
bool loop_new(VM *vm, Value *out);
/* loop.time(): the clock the loop runs on, in seconds. */
double loop_time(Loop *loop);
/* Queue an internal callback (see ReadyKind). */
void loop_ready(Loop *loop, ReadyKind kind, Value a, Value b);
/* An async generator first iterated in this loop (weakly kept). */
void loop_add_asyncgen(Loop *loop, Value agen);
/* After marking: tasks nobody references any more leave their loop's list;
 * those whose exception was never retrieved are kept to be reported (as
 * CPython reports them when it frees them). */
void aio_before_sweep(VM *vm);
/* Print those reports (at a safe point: the start of a pass). */
void aio_report_dead_tasks(VM *vm);
/* Register a task (for all_tasks, deadlock reports). */
void loop_add_task(Loop *loop, Value task);
/* Run passes until fut is done, re-entrantly (the notebook's loop runs
 * cells and asyncio.run inside them this way); false with the exception
 * (a deadlock included) when one ends it. */
bool loop_drive(VM *vm, Loop *loop, Value fut);
/* "Task-2 (worker()) awaits Queue.get()" for each pending task, sep between. */
void loop_describe_waiting(VM *vm, Loop *loop, const char *sep, TextBuf *out);
/* One pass for a prompt waiting for input: when nothing is ready it waits
 * for the next timer (real clock) or for any libuv event (stdin, Ctrl-C). */
bool loop_idle_pass(VM *vm, Loop *loop);
/* Run passes while callbacks are ready, without waiting. */
bool loop_run_ready(VM *vm, Loop *loop);
/* Wait (or jump the virtual clock) until `when`; false on Ctrl-C. */
bool loop_wait_until(Loop *loop, double when);
/* Report an error through loop's exception handler (set_exception_handler),
 * or the default one, which prints the message, "KEY: repr" for each other
 * key of the context, and the traceback. The context holds `message`,
 * `exception` (unless EMPTY) and `obj` under `key` (unless NULL). loop may
 * be NULL (the default handler). */
void loop_report_error(VM *vm, Loop *loop, const char *message, Value exc, const char *key, Value obj);
/* loop.call_exception_handler(context); false when the handler raised
 * SystemExit or KeyboardInterrupt, which go on up. `handling`: the
 * exception being handled while the handler runs (or EMPTY). */
bool loop_call_exception_handler(VM *vm, Loop *loop, ObjDict *context, Value handling);
void loop_install(VM *vm, ObjModule *m);

/* ---- simulated threads (threads.c) -------------------------------------------- */

/* Start func(*args) in a new simulated thread; *future gets its outcome. */
bool thread_start(VM *vm, Loop *loop, Value func, Value *args, int nargs, Value *future);
/* Whether the loop has threads that are not finished. */
bool threads_alive(Loop *loop);
/* After a pass: one slice for each runnable thread. */
bool threads_after_pass(VM *vm, Loop *loop);
/* Instead of waiting until `deadline`: run threads (sleeping when all of them
 * sleep) until then, or until a callback is ready when stop_when_ready. */
bool threads_run_until(VM *vm, Loop *loop, double deadline, bool stop_when_ready);
/* A READY_THREAD_DONE entry: the thread's result or exception to its future. */
void thread_deliver(VM *vm, Value thread);
/* The VM hooks (vm->tick_hook, vm->sleep_hook). */
TickOutcome thread_on_tick(VM *vm);
SleepOutcome thread_on_sleep(VM *vm, int64_t ns);

/* ---- module state (aio_module.c) -------------------------------------------- */

typedef struct AioState {
    Value self; /* the object that owns this state (a VM root) */
    ObjClass *Future, *Task, *FutureIter, *Handle, *TimerHandle, *Loop;
    ObjClass *CancelledError, *InvalidStateError;
    Value running_loop; /* the loop object running now, else EMPTY */
    Value event_loop;   /* get_event_loop()'s loop when none runs, else EMPTY */
    Value session_loop; /* the notebook's loop, else EMPTY */
    uint64_t task_counter;
    uv_async_t *volatile wake; /* the running loop's uv_wake, for the SIGINT handler */
    Value interrupt_task;      /* asyncio.run's main task: the first Ctrl-C cancels it */
    int interrupt_count;       /* Ctrl-Cs seen while it ran */
    Loop **loops;              /* every live loop (for the GC hook) */
    uint32_t n_loops, cap_loops;
    bool task_failed;          /* a task ended with an exception since the last look */
    Timeline timeline;         /* what tasks did (issue 7); recorded while timeline.on */
    bool timeline_off;         /* %timeline off: cells are not recorded */
    double block_threshold;    /* a step holding the loop longer (seconds) is reported; 0: never */
    uint32_t sleep_line;       /* where the running step last called time.sleep (0: not) */
    char sleep_function[64];   /* ... and in which function ("fetch") */
    char blocks[4][160];       /* "fetch() blocked the event loop for 1.00 s at line 7 (time.sleep)" */
    uint32_t n_blocks;
    Value *dead_tasks;         /* garbage tasks whose exception nobody retrieved: to report, then drop */
    uint32_t n_dead, cap_dead;
    Value thread_trampoline;   /* asyncio._thread_call(func, args): how a thread runs a native func */
    Value asyncgen_finalizer;  /* asyncio._finalize_asyncgen(agen): schedules its aclose() */
    ObjFiber *thread_fiber;    /* the simulated thread running a slice now, or NULL */
    uint32_t thread_c_depth;   /* vm->c_depth of that slice's interp_run */
    int64_t thread_sleep_ns;   /* its time.sleep request, or -1 */
    int64_t thread_slice_end;  /* when its slice ends (real monotonic ns) */
} AioState;

/* The state; the module must have been imported. */
static inline AioState *aio(VM *vm)
{
    return vm->aio;
}
/* The running loop, or NULL (with "no running event loop" raised). */
Loop *aio_running_loop(VM *vm);
/* Start recording the tasks' timeline afresh (on the running or session
 * loop's clock), and draw what was recorded. */
void aio_timeline_start(VM *vm);
/* The cell (or script) is over: the recording ends here, and its chart's
 * axis runs to now. */
void aio_timeline_stop(VM *vm);
/* The chart, `width` columns wide; in colour when `color`. */
void aio_timeline_print(VM *vm, FILE *out, int width, bool color);
/* The record as a Chrome trace (--trace-json), or explained in steps (%explain). */
void aio_timeline_trace(VM *vm, FILE *out);
void aio_timeline_explain(VM *vm, FILE *out);
/* The recording itself, for reading (the lesson page's charts); NULL when
 * asyncio was never loaded. */
const Timeline *aio_timeline(VM *vm);
/* Print (and forget) the steps that held the loop too long since the last
 * aio_timeline_start. */
void aio_print_block_reports(VM *vm, FILE *out);
/* %timeline on|off: whether aio_timeline_start records (blocking reports
 * come with the recording). False when asyncio cannot be loaded. */
bool aio_timeline_enable(VM *vm, bool on);
bool aio_timeline_enabled(VM *vm);
/* How long one step may hold the loop before it is reported (seconds; 0:
 * never): for this VM (%blocking), or for every VM made after (--block-threshold). */
bool aio_set_block_threshold(VM *vm, double seconds);
double aio_block_threshold(VM *vm);
void aio_default_block_threshold(double seconds);

/* The notebook session's loop (made, with the asyncio core, on first use). */
Loop *aio_session_loop(VM *vm);
/* Mark the session loop running (while a cell runs) or not. */
void aio_session_enter(VM *vm, Loop *loop);
void aio_session_leave(VM *vm, Loop *loop);
/* Run coro as a task of the session loop until it is done: *out its result. */
bool aio_session_run(VM *vm, Loop *loop, Value coro, Value *out);
/* A CancelledError with msg (EMPTY: no arguments). */
Value aio_cancelled_error(VM *vm, Value msg);

#endif
