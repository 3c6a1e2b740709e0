/* clock.c: the real clock: CLOCK_MONOTONIC and CLOCK_REALTIME, and sleeping
 * with clock_nanosleep on an absolute deadline (so a signal that interrupts
 * the wait does not stretch it). */
#include "clock.h"

#include <errno.h>
#include <time.h>

static int64_t read_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

double clock_ns_to_seconds(int64_t ns)
{
    /* as CPython: whole seconds divide as integers (1e-9 is inexact) */
    if (ns % 1000000000 == 0) return (double)(ns / 1000000000);
    volatile double d = (double)ns;
    return d / 1e9;
}

void clock_use_virtual(VM *vm)
{
    /* Start from whole seconds of the real clocks, so that sums of simple
     * delays subtract exactly. */
    vm->clock_virtual = true;
    vm->vclock_mono_ns = read_ns(CLOCK_MONOTONIC) / 1000000000 * 1000000000;
    vm->vclock_wall_ns = read_ns(CLOCK_REALTIME) / 1000000000 * 1000000000;
}

void clock_advance_ns(VM *vm, int64_t ns)
{
    if (ns <= 0) return;
    vm->vclock_mono_ns += ns;
    vm->vclock_wall_ns += ns;
}

int64_t clock_monotonic_ns(VM *vm)
{
    return vm->clock_virtual ? vm->vclock_mono_ns : read_ns(CLOCK_MONOTONIC);
}

double clock_now_monotonic(VM *vm)
{
    return clock_ns_to_seconds(clock_monotonic_ns(vm));
}

int64_t clock_wall_ns(VM *vm)
{
    return vm->clock_virtual ? vm->vclock_wall_ns : read_ns(CLOCK_REALTIME);
}

double clock_now_wall(VM *vm)
{
    return clock_ns_to_seconds(clock_wall_ns(vm));
}

bool clock_sleep_ns(VM *vm, int64_t ns)
{
    if (vm->sleep_hook) {
        SleepOutcome how = vm->sleep_hook(vm, ns);
        if (how != SLEEP_NOT_HANDLED) return how == SLEEP_HANDLED;
    }
    if (vm->clock_virtual) {
        clock_advance_ns(vm, ns);
        return true;
    }
    int64_t now = read_ns(CLOCK_MONOTONIC);
    int64_t deadline = ns > INT64_MAX - now ? INT64_MAX : now + ns;
    struct timespec ts = {.tv_sec = deadline / 1000000000, .tv_nsec = deadline % 1000000000};
    for (;;) {
        int rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
        if (rc == 0) return true;
        if (rc != EINTR) return true; /* cannot happen with a valid deadline */
        if (!vm_check_interrupt(vm)) return false;
    }
}
