/* timeline.h: what the scheduler records of each task's life (issue 7):
 * when it was created, each slice it ran (start, end), what it awaited
 * between slices, and how it ended, on the loop's clock. A recording is
 * plain C data (row numbers and copied texts), so it outlives the tasks.
 *
 * Rows: one per task, and one per coroutine of the program's that a task
 * awaited across a suspension (`await fetch()` in main: fetch's row sits
 * under main's, from the slice it was first seen in to the slice it ended
 * in). Slices: one 24-byte record per task step, with what the task awaits
 * after it; the texts (labels, what is awaited) are interned once. */
#ifndef LOOPBOOK_TIMELINE_H
#define LOOPBOOK_TIMELINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define TL_NONE UINT32_MAX /* no row, no text */
/* The recording stops adding slices past this many (24 MB); the charts say so. */
#define TL_MAX_SLICES (1u << 20)
/* Awaited coroutines nested deeper than this get no rows of their own. */
#define TL_MAX_DEPTH 8

typedef enum { TL_ROW_TASK, TL_ROW_AWAIT } TimelineRowKind;

typedef struct {
    uint32_t label;   /* text: "Task-2 (fetch_data())", or "fetch_data()" for an await row */
    uint32_t task;    /* the task row it belongs to (itself for a task row) */
    uint32_t up;      /* the row that awaits it (TL_NONE for a task) */
    uint32_t inner;   /* task rows, while recording: the innermost open await row (TL_NONE) */
    uint32_t ending;  /* text: "done", "raised ValueError", "cancelled"; TL_NONE while pending */
    uint32_t creator; /* task rows: the task whose slice created it (TL_NONE: the cell, or before) */
    uint32_t opened;  /* await rows: the slice after which it was first seen suspended */
    uint32_t closed;  /* the slice it ended in; TL_NONE while open */
    uint32_t after;   /* task rows: how many slices were recorded before it was created */
    uint8_t kind;     /* TimelineRowKind */
    uint8_t depth;    /* 0 for a task, 1 for what it awaits, ... */
    bool before;      /* a task created before the recording started */
    double created;   /* a task: created; an await row: the start of the slice it was first seen after */
    double finished;  /* when it ended; < 0: not ended when the recording stopped */
} TimelineRow;

typedef struct {
    double start, end; /* the task ran from start to end */
    uint32_t task;     /* its row */
    uint32_t what;     /* text: what it awaits after the slice; TL_NONE: ready again, or ended */
} TimelineSlice;

typedef struct {
    char **items;  /* NUL-terminated copies (a text may hold a NUL of its own: see lens) */
    uint32_t *lens;
    uint32_t n, cap;
    uint32_t *slots; /* open addressing: index + 1, 0 empty */
    uint32_t n_slots;
    struct {
        uint64_t hash;
        uint32_t len, index; /* index + 1, 0 empty */
    } recent[64];
} TimelineTexts;

typedef struct Timeline {
    bool on;
    bool truncated;      /* slices stopped at TL_MAX_SLICES */
    uint32_t generation; /* bumped by each reset: a row index cached on an object is for one recording */
    double origin;       /* loop time when recording started */
    double stopped;      /* loop time when the cell (or script) ended; < 0: not yet */
    TimelineRow *rows;
    uint32_t n_rows, cap_rows;
    TimelineSlice *slices;
    uint32_t n_slices, cap_slices;
    TimelineTexts texts;
} Timeline;

/* ---- recording -------------------------------------------------------------------------- */

/* Start a new recording at loop time `now` (the last one is dropped). */
void timeline_reset(Timeline *t, double now);
void timeline_free(Timeline *t);
/* The index of a text in the recording (copied once, then found by content). */
uint32_t timeline_text(Timeline *t, const char *s, size_t len);
/* The same for a text whose 64-bit hash is known (a str's): a small cache
 * keyed by the hash finds the labels a program awaits again and again. */
uint32_t timeline_text_hashed(Timeline *t, const char *s, size_t len, uint64_t hash);
/* A new task row, created at `now` by a slice of `creator` (a task row,
 * or TL_NONE). `before`: it was created before the recording, seen now. */
uint32_t timeline_task(Timeline *t, const char *label, double now, uint32_t creator, bool before);
/* A new await row under `up` (a task row or an await row), first seen
 * suspended after the last slice (its start is the row's start). */
uint32_t timeline_await(Timeline *t, uint32_t up, const char *label, size_t len);
/* A slice the task ran; `what` (a text, or TL_NONE) is what it awaits after it. */
static inline void timeline_slice(Timeline *t, uint32_t task, double start, double end, uint32_t what);
/* After the last slice, of `task`: the chain of await rows it is suspended
 * in now (outermost first). Rows open before and not in it ended in that slice. */
void timeline_set_chain(Timeline *t, uint32_t task, const uint32_t *chain, uint32_t n);
/* The task ended in the last slice (`how`: "done", "cancelled", ...): its
 * open await rows end with it. */
void timeline_end(Timeline *t, uint32_t task, const char *how);

/* ---- reading ---------------------------------------------------------------------------- */

static inline const char *timeline_label(const Timeline *t, uint32_t text)
{
    return text == TL_NONE ? "" : t->texts.items[text];
}

typedef enum { TL_SEG_PENDING, TL_SEG_RUN, TL_SEG_WAIT } TimelineSegKind;

typedef struct {
    double start, end; /* loop times */
    uint8_t kind;      /* TimelineSegKind */
    uint32_t what;     /* TL_SEG_WAIT: what the row awaits (text), or TL_NONE */
} TimelineSegment;

/* The slices grouped by task, for drawing: made once, then each row's
 * segments are walked without scanning the whole recording. */
typedef struct {
    const Timeline *t;
    uint32_t *first; /* per row: where its task's slices start in `order` */
    uint32_t *count; /* per row: how many */
    uint32_t *order; /* slice indices, grouped by task, in time order */
    uint32_t *inner; /* per slice: the innermost await row its task is suspended in after it */
    uint32_t *drawn; /* the rows in drawing order: each task, then the coroutines it awaited */
    double total;    /* seconds from the origin to the last thing recorded (at least the cell's) */
} TimelineLayout;

void timeline_layout(TimelineLayout *l, const Timeline *t, double cell_total);
void timeline_layout_free(TimelineLayout *l);
typedef void (*TimelineSegmentFn)(void *ctx, const TimelineSegment *seg);
/* A row's life in time order: pending (a task created, not started yet),
 * running (its task's slices, clipped to the row's span), waiting between
 * them (on what: for a row with an await row open under it, that row's
 * label; else what the task awaits). */
void timeline_segments(const TimelineLayout *l, uint32_t row, TimelineSegmentFn fn, void *ctx);
/* How a row ended, in words ("done", "raised KeyError", "cancelled", or "pending"). */
const char *timeline_ending(const Timeline *t, uint32_t row);

/* ---- drawing ---------------------------------------------------------------------------- */

/* One row per task (and per awaited coroutine, indented under it), a time
 * axis scaled to `width` columns: '#' running, '-' waiting (with what on,
 * where it fits), '.' created, not started; how it ended after the bar;
 * plain ASCII. `total` is the cell's duration. */
void timeline_print(const Timeline *t, FILE *out, int width, double total);
/* The same, in colour when `color` (a terminal without NO_COLOR): the marks
 * stay, so the chart reads the same without colour. */
void timeline_print_styled(const Timeline *t, FILE *out, int width, double total, bool color);
/* The record in Chrome's trace event format (Perfetto, chrome://tracing):
 * a thread per task named after it, a complete event ("ph":"X") per slice
 * and per awaited coroutine (nested under its task), instants for waits
 * and endings; times in microseconds. */
void timeline_write_trace(const Timeline *t, FILE *out);
/* The record as numbered steps in plain words ("t=0.000 Task-2 fetch()
 * runs, then awaits sleep(0.5)"). */
void timeline_explain(const Timeline *t, FILE *out);

/* ---- inline ----------------------------------------------------------------------------- */

void timeline_grow_slices(Timeline *t);

static inline void timeline_slice(Timeline *t, uint32_t task, double start, double end, uint32_t what)
{
    if (t->n_slices == t->cap_slices) {
        if (t->n_slices >= TL_MAX_SLICES) {
            t->truncated = true;
            return;
        }
        timeline_grow_slices(t);
    }
    t->slices[t->n_slices++] = (TimelineSlice){start, end, task, what};
}

/* ---- the picture (timeline_svg.c) ------------------------------------------------------- */

/* The record as an inline SVG chart `width_px` wide (the lesson page,
 * --html): a row per timeline row in drawing order, a time axis in seconds,
 * a rect per segment, the ending after the bar, a legend. Every row and
 * rect carries its recorded times (data-start/data-end, seconds from the
 * origin) and the <svg> the mapping (data-x0, data-px-per-s), so a browser
 * test can check the geometry. All text is escaped for XML. */
void timeline_write_svg(const Timeline *t, FILE *out, double cell_total, int width_px);

#endif
