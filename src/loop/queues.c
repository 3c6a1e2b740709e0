/* queues.c: the ready ring and the timer heap (see queues.h). */
#include "queues.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *grow(void *p, size_t n, size_t size)
{
    void *q = realloc(p, n * size);
    if (q == NULL) {
        fputs("loopbook: out of memory\n", stderr);
        abort();
    }
    return q;
}

/* ---- ready queue ------------------------------------------------------------ */

void ready_init(ReadyQueue *q)
{
    memset(q, 0, sizeof *q);
}

void ready_free(ReadyQueue *q)
{
    free(q->items);
    ready_init(q);
}

/* Double the ring, unwrapping it so that the oldest entry is first. */
static void ready_grow(ReadyQueue *q)
{
    uint32_t cap = q->cap ? q->cap * 2 : 64;
    ReadyEntry *items = grow(NULL, cap, sizeof *items);
    for (uint32_t i = 0; i < q->len; i++) items[i] = q->items[(q->head + i) % q->cap];
    free(q->items);
    q->items = items;
    q->cap = cap;
    q->head = 0;
}

void ready_push(ReadyQueue *q, ReadyEntry e)
{
    if (q->len == q->cap) ready_grow(q);
    q->items[(q->head + q->len) % q->cap] = e;
    q->len++;
}

bool ready_pop(ReadyQueue *q, ReadyEntry *out)
{
    if (q->len == 0) return false;
    *out = q->items[q->head];
    q->head = (q->head + 1) % q->cap;
    q->len--;
    return true;
}

ReadyEntry *ready_at(ReadyQueue *q, uint32_t i)
{
    return &q->items[(q->head + i) % q->cap];
}

/* ---- timer heap --------------------------------------------------------------- */

void timers_init(TimerHeap *h)
{
    memset(h, 0, sizeof *h);
}

void timers_free(TimerHeap *h)
{
    free(h->items);
    timers_init(h);
}

static bool earlier(const TimerEntry *a, const TimerEntry *b)
{
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void swap(TimerEntry *a, TimerEntry *b)
{
    TimerEntry t = *a;
    *a = *b;
    *b = t;
}

void timers_push(TimerHeap *h, double when, Value handle)
{
    if (h->len == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 64;
        h->items = grow(h->items, h->cap, sizeof *h->items);
    }
    uint32_t i = h->len++;
    h->items[i] = (TimerEntry){when, h->next_seq++, handle};
    while (i > 0) {
        uint32_t parent = (i - 1) / 2;
        if (!earlier(&h->items[i], &h->items[parent])) break;
        swap(&h->items[i], &h->items[parent]);
        i = parent;
    }
}

TimerEntry *timers_peek(TimerHeap *h)
{
    return h->len ? &h->items[0] : NULL;
}

bool timers_pop(TimerHeap *h, TimerEntry *out)
{
    if (h->len == 0) return false;
    *out = h->items[0];
    h->items[0] = h->items[--h->len];
    uint32_t i = 0;
    for (;;) {
        uint32_t l = 2 * i + 1, r = l + 1, least = i;
        if (l < h->len && earlier(&h->items[l], &h->items[least])) least = l;
        if (r < h->len && earlier(&h->items[r], &h->items[least])) least = r;
        if (least == i) break;
        swap(&h->items[i], &h->items[least]);
        i = least;
    }
    return true;
}
