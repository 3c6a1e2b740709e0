/* nest_asyncio.c: the module Jupyter notebooks import to allow nested event
 * loops. loopbook's asyncio.run already works inside a cell, so apply() does
 * nothing; it exists so such notebooks run unchanged. */
#include "modules.h"

/* apply(loop=None): accepted and ignored. */
static bool nest_apply(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)vm;
    (void)args;
    (void)nargs;
    (void)kwnames;
    *out = NONE_VAL;
    return true;
}

void nest_asyncio_module_init(VM *vm, ObjModule *m)
{
    static const ModuleFunc fns[] = {{"apply", nest_apply}};
    module_add_funcs(vm, m, fns, sizeof fns / sizeof fns[0]);
}
