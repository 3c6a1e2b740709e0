/* gc.c: the gc module, as much of it as a program about asyncio reaches for:
 * collect() (to see "Task was destroyed but it is pending!" now rather than
 * later), and enable / disable / isenabled.
 *
 * loopbook has one collector where CPython has two: reference counts free
 * most garbage at once, and the cycle collector (the one this module
 * controls) finds the rest. Here the tracing collector does both jobs, so
 * disable() cannot stop it without letting memory grow for ever: it is
 * remembered (isenabled() says False) but collections go on. collect()
 * returns 0: it frees everything unreachable, but CPython's number counts
 * only objects in reference cycles, which after a program without cycles
 * is 0 as well. */
#include "modules.h"

#include <stdio.h>

#include "aio.h"
#include "args.h"
#include "gc.h"
#include "ops.h"

static bool gc_enabled_flag(VM *vm, bool *flag)
{
    (void)vm;
    static bool enabled = true; /* one per process, as CPython's */
    if (flag) enabled = *flag;
    return enabled;
}

/* collect(generation=2) */
static bool gc_collect_fn(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"generation"};
    Value a[1];
    if (!args_parse(vm, "collect", args, nargs, kwnames, 1, 0, names, 1, a)) return false;
    if (!IS_EMPTY(a[0])) {
        int64_t generation;
        if (!op_index(vm, a[0], &generation)) return false;
        if (generation < 0 || generation > 2) return vm_raise(vm, vm->c.ValueError, "invalid generation");
    }
    gc_collect(vm);
    /* what CPython's collection would have finalized, now: abandoned
     * pending tasks ("Task was destroyed but it is pending!") */
    if (vm->aio) aio_report_dead_tasks(vm);
    *out = INT_VAL(0);
    return true;
}

/* "gc.enable() takes no arguments (1 given)" */
static bool no_arguments(VM *vm, const char *name, int nargs, ObjTuple *kwnames)
{
    char called[32];
    snprintf(called, sizeof called, "%s()", name);
    return args_no_kw(vm, name, kwnames) && args_none(vm, called, nargs);
}

static bool gc_switch(VM *vm, const char *name, int nargs, ObjTuple *kwnames, bool on, Value *out)
{
    if (!no_arguments(vm, name, nargs, kwnames)) return false;
    gc_enabled_flag(vm, &on);
    *out = NONE_VAL;
    return true;
}

static bool gc_enable_fn(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)args;
    return gc_switch(vm, "gc.enable", nargs, kwnames, true, out);
}

static bool gc_disable_fn(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)args;
    return gc_switch(vm, "gc.disable", nargs, kwnames, false, out);
}

static bool gc_isenabled_fn(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)args;
    if (!no_arguments(vm, "gc.isenabled", nargs, kwnames)) return false;
    *out = BOOL_VAL(gc_enabled_flag(vm, NULL));
    return true;
}

void gc_module_init(VM *vm, ObjModule *m)
{
    static const ModuleFunc fns[] = {
        {"collect", gc_collect_fn},
        {"enable", gc_enable_fn},
        {"disable", gc_disable_fn},
        {"isenabled", gc_isenabled_fn},
    };
    module_add_funcs(vm, m, fns, sizeof fns / sizeof fns[0]);
}
