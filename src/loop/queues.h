/* queues.h: the scheduler's two queues, as plain data structures (no VM
 * calls, so the unit tests drive them directly):
 *   - the ready queue: a FIFO ring of entries, each a callback to run;
 *   - the timer heap: a binary min-heap of (deadline, sequence) keys, so
 *     equal deadlines come out in the order they went in.
 * Both hold Values that the owner (the loop object) marks for the GC. */
#ifndef LOOPBOOK_QUEUES_H
#define LOOPBOOK_QUEUES_H

#include <stdbool.h>
#include <stdint.h>

#include "value.h"

typedef enum {
    READY_HANDLE, /* a = Handle object from call_soon / a due timer */
    READY_STEP,   /* a = task; b = exception to throw in, or EMPTY */
    READY_WAKEUP, /* a = task, b = the future it awaited */
    READY_CALL,   /* a = callable, b = the future it is a done callback of */
    READY_THREAD_DONE, /* a = a finished simulated thread: hand its outcome to its future */
} ReadyKind;

typedef struct {
    Value a, b;
    uint32_t kind; /* ReadyKind */
} ReadyEntry;

typedef struct {
    ReadyEntry *items;
    uint32_t head, len, cap; /* a ring: items[(head + i) % cap] for i < len */
} ReadyQueue;

void ready_init(ReadyQueue *q);
void ready_free(ReadyQueue *q);
void ready_push(ReadyQueue *q, ReadyEntry e);
/* The oldest entry; false when empty. */
bool ready_pop(ReadyQueue *q, ReadyEntry *out);
/* The i-th entry from the oldest (i < len), for marking. */
ReadyEntry *ready_at(ReadyQueue *q, uint32_t i);

typedef struct {
    double when;
    uint64_t seq;
    Value handle;
} TimerEntry;

typedef struct {
    TimerEntry *items;
    uint32_t len, cap;
    uint64_t next_seq;
} TimerHeap;

void timers_init(TimerHeap *h);
void timers_free(TimerHeap *h);
void timers_push(TimerHeap *h, double when, Value handle);
/* The earliest entry, or NULL when empty. */
TimerEntry *timers_peek(TimerHeap *h);
/* Remove the earliest entry into *out; false when empty. */
bool timers_pop(TimerHeap *h, TimerEntry *out);

#endif
