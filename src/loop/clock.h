/* clock.h: the clocks the time module reads and sleeps on. Every read goes
 * through here so that the scheduler's virtual clock (issue 4) can replace
 * what they return: under it, time jumps instead of passing. */
#ifndef LOOPBOOK_CLOCK_H
#define LOOPBOOK_CLOCK_H

#include <stdint.h>

#include "vm.h"

/* Switch vm to the virtual clock (--clock virtual, %clock virtual): from now
 * on time passes only through clock_advance_ns (time.sleep, the scheduler's
 * jumps). It starts at the next whole second of the monotonic time read so
 * far (so sums of simple delays subtract exactly): a jump forward of less
 * than a second, never backwards. */
void clock_use_virtual(VM *vm);
/* Switch vm back to the real clock (%clock real). Monotonic time goes on from
 * where the virtual clock stood, at the real pace: the virtual clock may have
 * run ahead of the machine's, so from now on the real clock reads
 * CLOCK_MONOTONIC plus that lead. Timers the loop holds keep their deadlines,
 * so a task that had 5 s left to sleep still has 5 s, now really waited.
 * Wall time (time.time) is the machine's again. */
void clock_use_real(VM *vm);
/* Move the virtual clock ns >= 0 forward. */
void clock_advance_ns(VM *vm, int64_t ns);
/* The real monotonic clock in nanoseconds, whatever clock the VM runs on
 * (time slices of simulated threads are real running time). */
int64_t clock_real_ns(void);
/* Monotonic time in nanoseconds (time.monotonic_ns, time.perf_counter_ns). */
int64_t clock_monotonic_ns(VM *vm);
/* Monotonic time in seconds (time.monotonic, time.perf_counter, loop.time()). */
double clock_now_monotonic(VM *vm);
/* Wall-clock time in nanoseconds since the epoch (time.time_ns). */
int64_t clock_wall_ns(VM *vm);
/* Wall-clock time in seconds since the epoch (time.time). */
double clock_now_wall(VM *vm);
/* Block for ns >= 0 nanoseconds (time.sleep). False, with KeyboardInterrupt
 * raised, when Ctrl-C ends the wait early. */
bool clock_sleep_ns(VM *vm, int64_t ns);
/* Nanoseconds as CPython's float seconds (exact for whole seconds). */
double clock_ns_to_seconds(int64_t ns);

#endif
