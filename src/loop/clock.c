/* clock.c: the real clock: CLOCK_MONOTONIC and CLOCK_REALTIME, and sleeping
 * with clock_nanosleep on an absolute deadline (so a signal that interrupts
 * the wait does not stretch it); the virtual clock, and switching between
 * the two without monotonic time going backwards. */
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

/* The real monotonic clock as the VM reads it. Under the real clock,
 * vm->vclock_mono_ns holds how far ahead of CLOCK_MONOTONIC it runs: 0,
 * unless the virtual clock ran ahead before clock_use_real. */
static int64_t real_monotonic_ns(VM *vm)
{
    return read_ns(CLOCK_MONOTONIC) + vm->vclock_mono_ns;
}

static int64_t next_whole_second(int64_t ns)
{
    return (ns + 999999999) / 1000000000 * 1000000000;
}

int64_t clock_real_ns(void)
{
    return read_ns(CLOCK_MONOTONIC);
}

void clock_use_virtual(VM *vm)
{
    if (vm->clock_virtual) return;
    vm->vclock_mono_ns = next_whole_second(real_monotonic_ns(vm));
    vm->vclock_wall_ns = next_whole_second(read_ns(CLOCK_REALTIME));
    vm->clock_virtual = true;
}

void clock_use_real(VM *vm)
{
    if (!vm->clock_virtual) return;
    int64_t lead = vm->vclock_mono_ns - read_ns(CLOCK_MONOTONIC);
    vm->vclock_mono_ns = lead > 0 ? lead : 0;
    vm->clock_virtual = false;
}

void clock_advance_ns(VM *vm, int64_t ns)
{
    if (ns <= 0) return;
    vm->vclock_mono_ns += ns;
    vm->vclock_wall_ns += ns;
}

int64_t clock_monotonic_ns(VM *vm)
{
    return vm->clock_virtual ? vm->vclock_mono_ns : real_monotonic_ns(vm);
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
