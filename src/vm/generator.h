/* generator.h: generators, coroutines and async generators: an object that
 * owns a fiber whose base frame runs a CODE_GENERATOR / CODE_COROUTINE
 * function, suspended at yield.
 *
 * Resuming is stackless when bytecode does it (FOR_ITER over a generator,
 * SEND for `yield from` / `await`): the dispatch loop switches to the
 * generator's fiber and back. Native code resumes through gen_resume, which
 * runs a nested interp_run until the generator yields, returns or raises.
 *
 * generator.c holds the objects, resuming from C, delegation (throw and
 * close reach the object a `yield from` / `await` is suspended in) and the
 * await protocol; async_gen.c holds async generators, their awaitables
 * (async_generator_asend / _athrow) and the async iteration protocol. */
#ifndef LOOPBOOK_GENERATOR_H
#define LOOPBOOK_GENERATOR_H

#include "vm.h"

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_FINISHED };

typedef struct ObjGenerator {
    Obj obj;
    ObjFiber *fiber;
    ObjStr *name;
    ObjStr *qualname;
    ObjCode *code;
    uint8_t state;      /* GEN_* */
    bool running;
    bool running_async; /* async generators: an asend / athrow awaitable drives it */
    bool closed;        /* async generators: ended, or aclose() has begun */
    bool warned;        /* coroutines: "was never awaited" has been printed */
    bool hooks_inited;  /* async generators: the running loop has been told of it (first iteration) */
    uint32_t timeline_row;        /* coroutines awaited by a task: its row in the timeline recording ... */
    uint32_t timeline_generation; /* ... made at this generation (0: none) */
} ObjGenerator;
#define AS_GENERATOR(v) ((ObjGenerator *)AS_OBJ(v))
#define IS_GENERATOR(v) IS_KIND(v, OBJ_GENERATOR)

/* What a resumption from C ended with. */
typedef enum { GEN_YIELDED, GEN_RETURNED, GEN_RAISED } GenOutcome;

/* Trace a generator's references. */
void generator_mark(VM *vm, ObjGenerator *g);
/* Call a generator function: bind the arguments into a new suspended frame. */
bool generator_create(VM *vm, ObjFunction *fn, Value *args, int nargs, ObjTuple *kwnames, Value *out);
/* "generator", "coroutine" or "async generator", for messages. */
const char *gen_kind_name(VM *vm, const ObjGenerator *g);
/* Resume g from C, sending `sent` (or throwing `thrown` when not EMPTY, as
 * gen_throw_into(.., true, ..)). The yielded or returned value goes to *out;
 * GEN_RAISED leaves the exception on the VM. */
GenOutcome gen_resume(VM *vm, ObjGenerator *g, Value sent, Value thrown, Value *out);
/* throw(exc) as CPython's: the object g's `yield from` / `await` is
 * suspended in gets it first (a task's cancellation reaches the innermost
 * await). close_on_genexit: a GeneratorExit closes that object instead
 * (close(), gen.throw) rather than being thrown to it (athrow). */
GenOutcome gen_throw_into(VM *vm, ObjGenerator *g, Value exc, bool close_on_genexit, Value *out);
/* What g's `yield from` / `await` is suspended in, or EMPTY. */
Value gen_delegate(const ObjGenerator *g);
/* One step, from C, of an iterator an await drives (what gen_get_awaitable
 * returned): send `sent` (None: next), or throw `thrown` when not EMPTY.
 * GEN_RETURNED: it finished, *out is its result. */
GenOutcome gen_step_iterator(VM *vm, Value it, Value sent, Value thrown, Value *out);
/* Close such an iterator: close() when it has one. */
bool gen_close_iterator(VM *vm, Value it);
/* close(): GeneratorExit at the yield (after closing the delegate). */
bool gen_close_object(VM *vm, ObjGenerator *g);
/* The exception of throw(typ[, val[, tb]]), as CPython builds it; args are
 * the arguments after self, `what` names the method in the messages. */
bool gen_throw_argument(VM *vm, Value *args, int nargs, const char *what, Value *exc);
/* next(g) for op_next: *done with no exception when it finished (then *out
 * is what the generator returned). */
bool vm_generator_next(VM *vm, Value gen, Value *out, bool *done);
/* Install the generator / coroutine / async generator methods. */
void generator_install(VM *vm);

/* "coroutine ... was never awaited" (CPython's RuntimeWarning when a
 * coroutine that never started is freed). Both write to vm->err after
 * flushing vm->out, and allocate nothing. */
/* POP_CALL_RESULT: the value of a call used as a statement (`f()` for
 * `await f()`) is dropped in `frame`; a coroutine that never started is
 * reported at the statement's file:line with its source line. */
void gen_warn_dropped_result(VM *vm, Value v, const Frame *frame);
/* The end of an except block (POP_EXCEPT in `frame`): CPython frees what
 * the failed call held there, so a coroutine made for it and never started
 * is reported now, at this line. Asks the collector only when coroutines
 * were made since it last asked and one of them has not started. */
void gen_check_dropped_at_except_end(VM *vm, const Frame *frame);
/* A generator was let go of (a for loop left early, `del g`): if it is
 * suspended inside a try and nothing else holds it, close it now, so that
 * its finally runs where CPython's reference count would run it. (The
 * collector is asked; past the first 16 times, only after a quarter of the
 * live heap has been allocated since the last.) Runs Python code. */
void gen_check_dropped(VM *vm, Value v);
/* A generator or coroutine frame is about to end: the first of its locals
 * that is a generator worth finalizing (see gen_check_dropped), or EMPTY.
 * (Callers skip it while vm->made_generator_with_try is false: there is
 * nothing to find.) */
Value gen_left_in_frame(VM *vm, const Frame *frame);
/* Whether v, a generator worth finalizing, is one of frame's locals (a for
 * loop over a parameter left it: the frame looks again when it ends). */
bool gen_held_by_locals(VM *vm, const Frame *frame, Value v);
/* Close a suspended generator or coroutine nobody can resume any more; if
 * close() fails, print "Exception ignored in: <...>" and its traceback (at
 * least the line the program is at), as CPython's unraisable hook does. */
void gen_close_abandoned(VM *vm, Value v);
/* At the end of the program: close the generators still suspended inside
 * a try, as CPython's shutdown does (their finally runs). */
void gen_close_suspended_at_exit(VM *vm);
/* For the GC, after marking and before anything is freed (so that names
 * can still be read): report the never-started coroutines that are about
 * to be freed, in the form CPython uses where no Python frame runs
 * ("sys:1: ..."), and forget them. at_exit: every coroutine is about to be
 * freed (the VM is going away). */
void gen_report_dead_coroutines(VM *vm, bool at_exit);

/* For the dispatch loop: can g be resumed now? (raises if not) */
bool gen_check_resumable(VM *vm, ObjGenerator *g, Value sent);
/* For the dispatch loop: make g's fiber current, pushing `sent` unless it
 * is EMPTY or g has not started. */
void gen_enter(VM *vm, ObjGenerator *g, Value sent);
/* For the dispatch loop, when an exception ends g: PEP 479 turns a
 * StopIteration (and, in an async generator, StopAsyncIteration) that
 * escapes into a RuntimeError. */
void gen_stop_escaped(VM *vm, ObjGenerator *g);
/* Raise cls(fmt % (arg1, arg2)) in place of the exception being raised,
 * which becomes its __cause__ (CPython's _PyErr_FormatFromCause); fmt has
 * up to two %s (arg2 may be NULL when it has one). */
bool gen_raise_from_cause(VM *vm, ObjClass *cls, const char *fmt, const char *arg1, const char *arg2);
/* GET_AWAITABLE: the iterator `await v` drives. what: AWAIT_* (opcodes.h),
 * which names `async with`'s __aenter__ / __aexit__ in the error. */
bool gen_get_awaitable(VM *vm, Value v, int what, Value *out);

/* async_gen.c */
/* GET_AITER: obj.__aiter__(), checked to be an async iterator. */
bool async_get_aiter(VM *vm, Value obj, Value *out);
/* GET_ANEXT: the awaitable of aiter.__anext__(). */
bool async_get_anext(VM *vm, Value aiter, Value *out);
/* Is v an async_generator_asend / _athrow awaitable? */
bool async_is_awaitable(VM *vm, Value v);
/* One step of such an awaitable, as a task drives its coroutine (asyncio
 * takes them for coroutines: create_task(agen.aclose())): send `sent`, or
 * throw `thrown` when not EMPTY. *done: it finished, *out its value; else
 * *out is what the generator's await passed up. False: it raised. */
bool async_awaitable_step(VM *vm, Value awaitable, Value sent, Value thrown, Value *out, bool *done);
/* Install the async generator methods and its awaitables' classes. */
void async_gen_install(VM *vm);

#endif
