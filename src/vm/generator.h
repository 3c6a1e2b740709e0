/* generator.h: generators, coroutines and async generators: a fiber that runs
 * a frame of a CODE_GENERATOR / CODE_COROUTINE function, suspended at yield. */
#ifndef LOOPBOOK_GENERATOR_H
#define LOOPBOOK_GENERATOR_H

#include "vm.h"

typedef struct ObjGenerator {
    Obj obj;
    ObjFiber *fiber;
    ObjStr *name;
    ObjStr *qualname;
    ObjCode *code;
    Value yielded_from; /* the iterator a `yield from` / `await` delegates to */
    bool running;
} ObjGenerator;
#define AS_GENERATOR(v) ((ObjGenerator *)AS_OBJ(v))

/* Trace a generator's references. */
void generator_mark(VM *vm, ObjGenerator *g);

#endif
