/* generator.h: generators, coroutines and async generators: an object that
 * owns a fiber whose base frame runs a CODE_GENERATOR / CODE_COROUTINE
 * function, suspended at yield.
 *
 * Resuming is stackless when bytecode does it (FOR_ITER over a generator,
 * SEND for `yield from` / `await`): the dispatch loop switches to the
 * generator's fiber and back. Native code resumes through gen_resume, which
 * runs a nested interp_run until the generator yields, returns or raises. */
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
    Value yielded_from; /* the iterator a `yield from` / `await` delegates to */
    uint8_t state;      /* GEN_* */
    bool running;
} ObjGenerator;
#define AS_GENERATOR(v) ((ObjGenerator *)AS_OBJ(v))
#define IS_GENERATOR(v) IS_KIND(v, OBJ_GENERATOR)

/* What a resumption from C ended with. */
typedef enum { GEN_YIELDED, GEN_RETURNED, GEN_RAISED } GenOutcome;

/* Trace a generator's references. */
void generator_mark(VM *vm, ObjGenerator *g);
/* Call a generator function: bind the arguments into a new suspended frame. */
bool generator_create(VM *vm, ObjFunction *fn, Value *args, int nargs, ObjTuple *kwnames, Value *out);
/* Resume g from C, sending `sent` (or throwing `thrown` when not EMPTY).
 * The yielded or returned value goes to *out; GEN_RAISED leaves the
 * exception on the VM. */
GenOutcome gen_resume(VM *vm, ObjGenerator *g, Value sent, Value thrown, Value *out);
/* next(g) for op_next: *done with no exception when it finished (then *out
 * is what the generator returned). */
bool vm_generator_next(VM *vm, Value gen, Value *out, bool *done);
/* Install the generator / coroutine methods (send, throw, close ...). */
void generator_install(VM *vm);

/* For the dispatch loop: can g be resumed now? (raises if not) */
bool gen_check_resumable(VM *vm, ObjGenerator *g, Value sent);
/* For the dispatch loop: make g's fiber current, pushing `sent` unless it
 * is EMPTY or g has not started. */
void gen_enter(VM *vm, ObjGenerator *g, Value sent);

#endif
