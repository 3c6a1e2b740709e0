/* time.c: the time module. Every clock read and sleep goes through
 * loop/clock.h, which the scheduler's virtual clock can take over. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "args.h"
#include "clock.h"
#include "modules.h"

/* No arguments at all: "time.NAME() takes no ..." as CPython words it. */
static bool no_args(VM *vm, const char *name, int nargs, ObjTuple *kwnames)
{
    if (nargs == 0 && args_nkw(kwnames) == 0) return true;
    char fname[40];
    snprintf(fname, sizeof fname, "time.%s", name);
    if (!args_no_kw(vm, fname, kwnames)) return false;
    snprintf(fname, sizeof fname, "time.%s()", name);
    return args_none(vm, fname, nargs);
}

#define TIME_FLOAT(name, expr)                                                                     \
    static bool time_##name(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)         \
    {                                                                                              \
        (void)args;                                                                                \
        if (!no_args(vm, #name, nargs, kwnames)) return false;                                     \
        *out = FLOAT_VAL(expr);                                                                    \
        return true;                                                                               \
    }
#define TIME_NS(name, expr)                                                                        \
    static bool time_##name(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)         \
    {                                                                                              \
        (void)args;                                                                                \
        if (!no_args(vm, #name, nargs, kwnames)) return false;                                     \
        *out = INT_VAL(expr);                                                                      \
        return true;                                                                               \
    }

TIME_FLOAT(time, clock_now_wall(vm))
TIME_FLOAT(perf_counter, clock_now_monotonic(vm))
TIME_FLOAT(monotonic, clock_now_monotonic(vm))
TIME_NS(time_ns, clock_wall_ns(vm))
TIME_NS(perf_counter_ns, clock_monotonic_ns(vm))
TIME_NS(monotonic_ns, clock_monotonic_ns(vm))

static bool too_large(VM *vm)
{
    return vm_raise(vm, vm->c.OverflowError, "timestamp too large to convert to C _PyTime_t");
}

/* Seconds (float or int) as nanoseconds, rounded away from zero as CPython
 * does for timeouts. */
static bool seconds_to_ns(VM *vm, Value v, int64_t *out)
{
    if (IS_FLOAT(v)) {
        double d = AS_FLOAT(v);
        if (isnan(d)) return vm_raise(vm, vm->c.ValueError, "Invalid value NaN (not a number)");
        d *= 1e9;
        d = d >= 0 ? ceil(d) : floor(d); /* away from zero, as CPython's timeouts */
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return too_large(vm);
        *out = (int64_t)d;
        return true;
    }
    Value i;
    if (!mod_index(vm, v, &i)) return false;
    if (!IS_INT(i) || __builtin_mul_overflow(AS_INT(i), (int64_t)1000000000, out)) return too_large(vm);
    return true;
}

static bool time_sleep(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "time.sleep", kwnames) || !args_one(vm, "time.sleep()", nargs)) return false;
    int64_t ns = 0;
    if (!seconds_to_ns(vm, args[0], &ns)) return false;
    if (ns < 0) return vm_raise(vm, vm->c.ValueError, "sleep length must be non-negative");
    if (!clock_sleep_ns(vm, ns)) return false;
    *out = NONE_VAL;
    return true;
}

/* strftime(format): the local time now; formatting a given time tuple is
 * not supported. */
static bool time_strftime(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "strftime", kwnames) || !args_range_paren(vm, "strftime", nargs, 1, 2))
        return false;
    if (!IS_STR(args[0]))
        return vm_raise(vm, vm->c.TypeError, "strftime() argument 1 must be str, not %s",
                        mod_type_name(vm, args[0]));
    if (nargs == 2)
        return vm_raise(vm, vm->c.NotImplementedError,
                        "time.strftime() with a time tuple is not supported");
    ObjStr *fmt = AS_STR(args[0]);
    if (memchr(fmt->data, '\0', fmt->byte_len))
        return vm_raise(vm, vm->c.ValueError, "embedded null character");
    time_t now = (time_t)(clock_wall_ns(vm) / 1000000000);
    struct tm tm;
    localtime_r(&now, &tm);
    if (fmt->byte_len == 0) {
        *out = OBJ_VAL(vm->n.empty);
        return true;
    }
    /* strftime returns 0 both for "too small" and for an empty result */
    for (size_t cap = 256 + fmt->byte_len * 4;; cap *= 2) {
        char *buf = malloc(cap);
        if (buf == NULL) abort();
        size_t n = strftime(buf, cap, fmt->data, &tm);
        if (n > 0 || cap > 256 * (fmt->byte_len + 1)) {
            *out = OBJ_VAL(str_new(vm, buf, n));
            free(buf);
            return true;
        }
        free(buf);
    }
}

void time_module_init(VM *vm, ObjModule *m)
{
    static const ModuleFunc fns[] = {
        {"time", time_time},
        {"perf_counter", time_perf_counter},
        {"monotonic", time_monotonic},
        {"time_ns", time_time_ns},
        {"perf_counter_ns", time_perf_counter_ns},
        {"monotonic_ns", time_monotonic_ns},
        {"sleep", time_sleep},
        {"strftime", time_strftime},
    };
    module_add_funcs(vm, m, fns, sizeof fns / sizeof fns[0]);
}
