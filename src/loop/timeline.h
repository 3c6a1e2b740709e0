/* timeline.h: what the scheduler records of each task's life (issue 7):
 * when it was created, each slice it ran (start, end), what it awaited
 * between slices, and how it ended, on the loop's clock. A recording is
 * plain C data (task numbers and copied names), so it outlives the tasks. */
#ifndef LOOPBOOK_TIMELINE_H
#define LOOPBOOK_TIMELINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef enum { TL_CREATED, TL_RUN, TL_WAIT, TL_DONE } TimelineKind;

typedef struct {
    uint32_t task;   /* index into the recording's tasks */
    uint8_t kind;    /* TimelineKind */
    double start;    /* loop time */
    double end;      /* for TL_RUN: when the slice ended */
    char what[48];   /* TL_WAIT: what it awaited; TL_DONE: how it ended */
} TimelineEvent;

typedef struct {
    char label[96]; /* "Task-2 (fetch_data())" */
} TimelineTask;

typedef struct Timeline {
    bool on;
    uint32_t generation; /* bumped by each reset: a task's cached index is for one recording */
    double origin; /* loop time when recording started */
    TimelineTask *tasks;
    uint32_t n_tasks, cap_tasks;
    TimelineEvent *events;
    uint32_t n_events, cap_events;
} Timeline;

/* Start a new recording at loop time `now` (the last one is dropped). */
void timeline_reset(Timeline *t, double now);
void timeline_free(Timeline *t);
/* Add a task to the recording: its index. (The scheduler keeps the index
 * on the task, so that a step costs no lookup.) */
uint32_t timeline_task(Timeline *t, const char *label);
void timeline_event(Timeline *t, uint32_t task, TimelineKind kind, double start, double end, const char *what);
/* One row per task, a time axis scaled to `width` columns: '#' running,
 * '-' waiting, '|' done; plain ASCII. `total` is the cell's duration. */
void timeline_print(const Timeline *t, FILE *out, int width, double total);

/* The record in Chrome's trace event format (Perfetto, chrome://tracing):
 * one complete event ("ph":"X") per slice, per wait and per task's life,
 * a thread per task named after it; times in microseconds. */
void timeline_write_trace(const Timeline *t, FILE *out);
/* The record as numbered steps in plain words ("t=0.000 Task-2 fetch()
 * runs, then awaits sleep(0.5)"). */
void timeline_explain(const Timeline *t, FILE *out);

#endif
