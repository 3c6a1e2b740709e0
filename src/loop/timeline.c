/* timeline.c: recording what tasks do (see timeline.h), and the walk of a
 * recording that the chart, the page, the trace and %explain share. */
#include "timeline.h"

#include <stdlib.h>
#include <string.h>

static void *grow(void *p, uint32_t *cap, size_t size)
{
    *cap = *cap ? *cap * 2 : 32;
    p = realloc(p, (size_t)*cap * size);
    if (p == NULL) abort();
    return p;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (p == NULL) abort();
    return p;
}

/* ---- texts ------------------------------------------------------------------------------ */

static uint32_t text_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void texts_free(TimelineTexts *x)
{
    for (uint32_t i = 0; i < x->n; i++) free(x->items[i]);
    free(x->items);
    free(x->lens);
    free(x->slots);
    memset(x, 0, sizeof *x);
}

static void texts_rehash(TimelineTexts *x)
{
    free(x->slots);
    x->n_slots = x->n_slots ? x->n_slots * 2 : 64;
    x->slots = xcalloc(x->n_slots, sizeof *x->slots);
    for (uint32_t i = 0; i < x->n; i++) {
        uint32_t j = text_hash(x->items[i], x->lens[i]) & (x->n_slots - 1);
        while (x->slots[j]) j = (j + 1) & (x->n_slots - 1);
        x->slots[j] = i + 1;
    }
}

uint32_t timeline_text(Timeline *t, const char *s, size_t len)
{
    TimelineTexts *x = &t->texts;
    if ((x->n + 1) * 2 > x->n_slots) texts_rehash(x);
    uint32_t j = text_hash(s, len) & (x->n_slots - 1);
    for (; x->slots[j]; j = (j + 1) & (x->n_slots - 1)) {
        uint32_t i = x->slots[j] - 1;
        if (x->lens[i] == len && memcmp(x->items[i], s, len) == 0) return i;
    }
    if (x->n == x->cap) {
        uint32_t cap = x->cap;
        x->items = grow(x->items, &x->cap, sizeof *x->items);
        x->lens = grow(x->lens, &cap, sizeof *x->lens);
    }
    char *copy = malloc(len + 1);
    if (copy == NULL) abort();
    memcpy(copy, s, len);
    copy[len] = '\0';
    x->items[x->n] = copy;
    x->lens[x->n] = (uint32_t)len;
    x->slots[j] = x->n + 1;
    return x->n++;
}

uint32_t timeline_text_hashed(Timeline *t, const char *s, size_t len, uint64_t hash)
{
    TimelineTexts *x = &t->texts;
    size_t j = hash & 63;
    if (x->recent[j].index && x->recent[j].hash == hash && x->recent[j].len == len) {
        uint32_t i = x->recent[j].index - 1;
        if (memcmp(x->items[i], s, len) == 0) return i; /* a hash is no proof: two texts may share one */
    }
    uint32_t i = timeline_text(t, s, len);
    x->recent[j].hash = hash;
    x->recent[j].len = (uint32_t)len;
    x->recent[j].index = i + 1;
    return i;
}

/* ---- recording -------------------------------------------------------------------------- */

void timeline_reset(Timeline *t, double now)
{
    t->origin = now;
    t->stopped = -1;
    t->generation++;
    t->truncated = false;
    t->n_rows = 0;
    t->n_slices = 0;
    texts_free(&t->texts);
}

void timeline_free(Timeline *t)
{
    texts_free(&t->texts);
    free(t->rows);
    free(t->slices);
    memset(t, 0, sizeof *t);
}

void timeline_grow_slices(Timeline *t)
{
    t->slices = grow(t->slices, &t->cap_slices, sizeof *t->slices);
}

static uint32_t add_row(Timeline *t, TimelineRowKind kind, uint32_t label)
{
    if (t->n_rows == t->cap_rows) t->rows = grow(t->rows, &t->cap_rows, sizeof *t->rows);
    uint32_t i = t->n_rows++;
    t->rows[i] = (TimelineRow){.label = label, .task = i, .up = TL_NONE, .inner = TL_NONE, .ending = TL_NONE,
                               .creator = TL_NONE, .opened = TL_NONE, .closed = TL_NONE, .kind = (uint8_t)kind,
                               .finished = -1};
    return i;
}

uint32_t timeline_task(Timeline *t, const char *label, double now, uint32_t creator, bool before)
{
    uint32_t i = add_row(t, TL_ROW_TASK, timeline_text(t, label, strlen(label)));
    t->rows[i].created = now;
    t->rows[i].after = t->n_slices;
    t->rows[i].creator = creator;
    t->rows[i].before = before;
    return i;
}

uint32_t timeline_await(Timeline *t, uint32_t up, const char *label, size_t len)
{
    if (t->n_slices == 0) return TL_NONE; /* first seen after a slice: there must be one */
    uint32_t i = add_row(t, TL_ROW_AWAIT, timeline_text(t, label, len));
    TimelineRow *r = &t->rows[i];
    r->task = t->rows[up].task;
    r->up = up;
    r->depth = (uint8_t)(t->rows[up].depth + 1);
    r->opened = t->n_slices - 1;
    r->created = t->slices[r->opened].start;
    return i;
}

static void close_row(Timeline *t, uint32_t row)
{
    t->rows[row].closed = t->n_slices - 1;
    t->rows[row].finished = t->slices[t->n_slices - 1].end;
}

static bool in_chain(uint32_t row, const uint32_t *chain, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (chain[i] == row) return true;
    return false;
}

void timeline_set_chain(Timeline *t, uint32_t task, const uint32_t *chain, uint32_t n)
{
    for (uint32_t r = t->rows[task].inner; r != TL_NONE && r != task; r = t->rows[r].up)
        if (!in_chain(r, chain, n)) close_row(t, r);
    t->rows[task].inner = n ? chain[n - 1] : TL_NONE;
}

void timeline_end(Timeline *t, uint32_t task, const char *how)
{
    timeline_set_chain(t, task, NULL, 0);
    close_row(t, task);
    t->rows[task].ending = timeline_text(t, how, strlen(how));
}

/* ---- reading ---------------------------------------------------------------------------- */

const char *timeline_ending(const Timeline *t, uint32_t row)
{
    const TimelineRow *r = &t->rows[row];
    if (r->kind == TL_ROW_AWAIT) return r->closed == TL_NONE ? "pending" : "";
    return r->ending == TL_NONE ? "pending" : t->texts.items[r->ending];
}

/* Per slice, the innermost await row its task is suspended in after it: the
 * rows of a task open and close as a stack (a suspension's chain keeps a
 * prefix of the last one), so one pass in slice order rebuilds them. */
static void layout_inner(TimelineLayout *l)
{
    const Timeline *t = l->t;
    uint32_t *cur = xcalloc(t->n_rows, sizeof *cur);
    for (uint32_t i = 0; i < t->n_rows; i++) cur[i] = TL_NONE;
    uint32_t next = 0; /* the next await row to open, in row order (= opening order) */
    for (uint32_t k = 0; k < t->n_slices; k++) {
        uint32_t task = t->slices[k].task;
        while (cur[task] != TL_NONE && t->rows[cur[task]].closed == k) cur[task] = t->rows[cur[task]].up;
        if (cur[task] == task) cur[task] = TL_NONE;
        for (; next < t->n_rows && (t->rows[next].kind != TL_ROW_AWAIT || t->rows[next].opened <= k); next++) {
            const TimelineRow *r = &t->rows[next];
            if (r->kind == TL_ROW_AWAIT && r->opened == k && r->closed != k) cur[r->task] = next;
        }
        l->inner[k] = cur[task];
    }
    free(cur);
}

/* Each task's row, then its await rows (a stable sort by task: a task's row
 * comes before the rows of what it awaits, which are in opening order). */
static void layout_drawing_order(TimelineLayout *l)
{
    const Timeline *t = l->t;
    uint32_t *start = xcalloc(t->n_rows + 1, sizeof *start);
    for (uint32_t i = 0; i < t->n_rows; i++) start[t->rows[i].task + 1]++;
    for (uint32_t i = 0; i < t->n_rows; i++) start[i + 1] += start[i];
    l->drawn = xcalloc(t->n_rows, sizeof *l->drawn);
    for (uint32_t i = 0; i < t->n_rows; i++) l->drawn[start[t->rows[i].task]++] = i;
    free(start);
}

void timeline_layout(TimelineLayout *l, const Timeline *t, double cell_total)
{
    l->t = t;
    l->first = xcalloc(t->n_rows, sizeof *l->first);
    l->count = xcalloc(t->n_rows, sizeof *l->count);
    l->order = xcalloc(t->n_slices, sizeof *l->order);
    l->inner = xcalloc(t->n_slices, sizeof *l->inner);
    double total = cell_total;
    if (t->stopped >= 0 && t->stopped - t->origin > total) total = t->stopped - t->origin;
    for (uint32_t k = 0; k < t->n_slices; k++) {
        l->count[t->slices[k].task]++;
        if (t->slices[k].end - t->origin > total) total = t->slices[k].end - t->origin;
    }
    for (uint32_t i = 0; i < t->n_rows; i++)
        if (t->rows[i].created - t->origin > total) total = t->rows[i].created - t->origin;
    l->total = total > 0 ? total : 1e-9;
    uint32_t at = 0;
    for (uint32_t i = 0; i < t->n_rows; i++) {
        l->first[i] = at;
        at += l->count[i];
    }
    uint32_t *fill = xcalloc(t->n_rows, sizeof *fill);
    for (uint32_t k = 0; k < t->n_slices; k++) {
        uint32_t task = t->slices[k].task;
        l->order[l->first[task] + fill[task]++] = k;
    }
    free(fill);
    layout_inner(l);
    layout_drawing_order(l);
    /* await rows walk their task's slices */
    for (uint32_t i = 0; i < t->n_rows; i++) {
        if (t->rows[i].kind != TL_ROW_AWAIT) continue;
        l->first[i] = l->first[t->rows[i].task];
        l->count[i] = l->count[t->rows[i].task];
    }
}

void timeline_layout_free(TimelineLayout *l)
{
    free(l->first);
    free(l->count);
    free(l->order);
    free(l->inner);
    free(l->drawn);
    memset(l, 0, sizeof *l);
}

/* The first of the task's slices (positions in l->order) with index >= k. */
static uint32_t first_slice_from(const TimelineLayout *l, uint32_t row, uint32_t k)
{
    uint32_t lo = 0, hi = l->count[row];
    const uint32_t *o = l->order + l->first[row];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (o[mid] < k) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* What `row` waits on after slice k: the await row one level under it, if
 * one is open, else what the task awaits. */
static uint32_t waits_on(const TimelineLayout *l, uint32_t row, uint32_t k)
{
    const Timeline *t = l->t;
    uint32_t depth = t->rows[row].depth;
    for (uint32_t r = l->inner[k]; r != TL_NONE && t->rows[r].depth > depth; r = t->rows[r].up)
        if (t->rows[r].depth == depth + 1) return t->rows[r].label;
    return t->slices[k].what;
}

void timeline_segments(const TimelineLayout *l, uint32_t row, TimelineSegmentFn fn, void *ctx)
{
    const Timeline *t = l->t;
    const TimelineRow *r = &t->rows[row];
    const uint32_t *o = l->order + l->first[row];
    uint32_t from = 0, to = l->count[row];
    if (r->kind == TL_ROW_AWAIT) {
        from = first_slice_from(l, row, r->opened);
        to = r->closed == TL_NONE ? to : first_slice_from(l, row, r->closed + 1);
    } else if (!r->before && to > 0 && t->slices[o[0]].start > r->created) {
        fn(ctx, &(TimelineSegment){r->created, t->slices[o[0]].start, TL_SEG_PENDING, TL_NONE});
    } else if (!r->before && to == 0) {
        fn(ctx, &(TimelineSegment){r->created, t->origin + l->total, TL_SEG_PENDING, TL_NONE});
    }
    for (uint32_t i = from; i < to; i++) {
        const TimelineSlice *s = &t->slices[o[i]];
        /* an await row is first seen after a slice: it runs from that slice's start */
        fn(ctx, &(TimelineSegment){s->start, s->end, TL_SEG_RUN, TL_NONE});
        bool last = i + 1 == to;
        if (last && (r->closed != TL_NONE)) break;
        double until = last ? t->origin + l->total : t->slices[o[i + 1]].start;
        fn(ctx, &(TimelineSegment){s->end, until, TL_SEG_WAIT, waits_on(l, row, o[i])});
    }
}

/* ---- the terminal chart ----------------------------------------------------------------- */

#define CHART_MAX_ROWS 40 /* more rows than this: the rest are counted, not drawn */

typedef enum { MARK_NONE, MARK_RUN, MARK_WAIT, MARK_LABEL, MARK_PENDING } MarkKind;

typedef struct {
    const TimelineLayout *l;
    char *bar;
    char *kind; /* MarkKind per column: how to colour it */
    int width;
} RowDrawing;

static int column(const TimelineLayout *l, double when, int width)
{
    double x = (when - l->t->origin) / l->total * (width - 1);
    int c = (int)(x + 0.5);
    return c < 0 ? 0 : c >= width ? width - 1 : c;
}

static void fill(RowDrawing *d, int from, int to, char mark, MarkKind kind)
{
    for (int i = from; i <= to; i++) {
        d->bar[i] = mark;
        d->kind[i] = (char)kind;
    }
}

static bool is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80) return false;
    return true;
}

/* A wait: dashes between the slices that bound it, with what it waits on
 * written over them when it fits ("#-sleep(0.5)-----#"). The bar holds a
 * byte per column: a label with other characters is left out. */
static void draw_wait(RowDrawing *d, int from, int to, const char *what)
{
    fill(d, from, to, '-', MARK_WAIT);
    int room = to - from + 1 - 2; /* a dash either side */
    int n = (int)strlen(what);
    if (n == 0 || n > room || !is_ascii(what)) return;
    memcpy(d->bar + from + 1, what, (size_t)n);
    memset(d->kind + from + 1, MARK_LABEL, (size_t)n);
}

static void draw_segment(void *ctx, const TimelineSegment *s)
{
    RowDrawing *d = ctx;
    int from = column(d->l, s->start, d->width), to = column(d->l, s->end, d->width);
    switch ((TimelineSegKind)s->kind) {
    case TL_SEG_PENDING: fill(d, from, to - 1, '.', MARK_PENDING); break;
    /* a slice keeps its marks: it is drawn over the waits around it */
    case TL_SEG_RUN: fill(d, from, to, '#', MARK_RUN); break;
    case TL_SEG_WAIT:
        if (to - from >= 2) draw_wait(d, from + 1, to - 1, timeline_label(d->l->t, s->what));
        break;
    }
}

/* Columns a label takes: one per code point (a task may be named "café"). */
static int text_columns(const char *s)
{
    int n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The label in exactly `width` columns: cut (never inside a character) or
 * padded with spaces. */
static void put_label(FILE *out, const char *s, int width)
{
    int used = 0;
    for (const char *p = s; *p; p++) {
        bool starts = ((unsigned char)*p & 0xC0) != 0x80;
        if (starts && used == width) break;
        used += starts;
        fputc(*p, out);
    }
    fprintf(out, "%*s", width - used, "");
}

static int label_width_of(const TimelineLayout *l, uint32_t rows)
{
    const Timeline *t = l->t;
    int w = 0;
    for (uint32_t j = 0; j < rows; j++) {
        uint32_t i = l->drawn[j];
        int n = text_columns(t->texts.items[t->rows[i].label]) + 2 * t->rows[i].depth;
        if (n > w) w = n;
    }
    return w > 28 ? 28 : w;
}

/* each resets first: attributes add up otherwise (dim would stay on) */
static const char *const mark_colors[] = {
    [MARK_NONE] = "\033[0m",    [MARK_RUN] = "\033[0;32m",   /* green */
    [MARK_WAIT] = "\033[0;2m",  [MARK_LABEL] = "\033[0;33m", /* dim; yellow */
    [MARK_PENDING] = "\033[0;2m",
};

/* The bar, switching colour where the kind of mark changes. */
static void put_bar(FILE *out, const RowDrawing *d, bool color)
{
    if (!color) {
        fputs(d->bar, out);
        return;
    }
    int shown = -1;
    for (int i = 0; i < d->width; i++) {
        if (d->kind[i] != shown) {
            shown = d->kind[i];
            fputs(mark_colors[shown], out);
        }
        fputc(d->bar[i], out);
    }
    fputs("\033[0m", out);
}

static void put_ending(FILE *out, const char *ending, bool color)
{
    if (*ending == '\0') return;
    const char *c = !color                                 ? ""
                    : strcmp(ending, "done") == 0          ? "\033[32m"
                    : strncmp(ending, "raised", 6) == 0    ? "\033[31m"
                    : strcmp(ending, "cancelled") == 0     ? "\033[33m"
                                                           : "\033[2m";
    fprintf(out, " %s%s%s", c, ending, color ? "\033[0m" : "");
}

void timeline_print(const Timeline *t, FILE *out, int width, double total)
{
    timeline_print_styled(t, out, width, total, false);
}

void timeline_print_styled(const Timeline *t, FILE *out, int width, double total, bool color)
{
    if (t->n_rows == 0) {
        fputs("(no tasks ran)\n", out);
        return;
    }
    TimelineLayout l;
    timeline_layout(&l, t, total);
    uint32_t shown = t->n_rows < CHART_MAX_ROWS ? t->n_rows : CHART_MAX_ROWS;
    int label_width = label_width_of(&l, shown);
    int bar_width = width - label_width - 14;
    if (bar_width < 10) bar_width = 10;
    char *bar = malloc((size_t)bar_width + 1), *kind = malloc((size_t)bar_width);
    if (bar == NULL || kind == NULL) abort();
    for (uint32_t j = 0; j < shown; j++) {
        uint32_t i = l.drawn[j];
        memset(bar, ' ', (size_t)bar_width);
        memset(kind, MARK_NONE, (size_t)bar_width);
        bar[bar_width] = '\0';
        RowDrawing d = {&l, bar, kind, bar_width};
        timeline_segments(&l, i, draw_segment, &d);
        char label[128];
        snprintf(label, sizeof label, "%*s%s", 2 * t->rows[i].depth, "", t->texts.items[t->rows[i].label]);
        put_label(out, label, label_width);
        fputs(" |", out);
        put_bar(out, &d, color);
        fputc('|', out);
        put_ending(out, timeline_ending(t, i), color);
        fputc('\n', out);
    }
    if (shown < t->n_rows) fprintf(out, "(%u more rows not drawn)\n", t->n_rows - shown);
    if (t->truncated) fprintf(out, "(the recording stopped after %u steps)\n", TL_MAX_SLICES);
    /* the axis: 0 under the bar's first column, the total ending under its last */
    char right[32];
    snprintf(right, sizeof right, "%.2f s", l.total);
    fprintf(out, "%*s  0%*s\n", label_width, "", bar_width - 1, right);
    fprintf(out, "%*s  # running  - waiting (on what)  . created, not started yet\n", label_width, "");
    free(bar);
    free(kind);
    timeline_layout_free(&l);
}

/* ---- the trace -------------------------------------------------------------------------- */

/* A JSON string body: quotes, backslashes and control characters escaped. */
static void json_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c < 0x20) fprintf(out, "\\u%04x", c);
        else fputc(c, out);
    }
}

static double micros(const Timeline *t, double when)
{
    return (when - t->origin) * 1e6;
}

static void trace_instant(FILE *out, const Timeline *t, uint32_t tid, double at, const char *a, const char *b)
{
    fputs(",\n  {\"ph\": \"i\", \"s\": \"t\", \"name\": \"", out);
    json_text(out, a);
    json_text(out, b);
    fprintf(out, "\", \"pid\": 1, \"tid\": %u, \"ts\": %.3f}", tid + 1, micros(t, at));
}

/* Where the recording ends: when it was stopped, else its last slice's end. */
static double trace_end(const Timeline *t)
{
    double end = t->stopped >= 0 ? t->stopped : t->origin;
    /* slices end in order: the last one ends last */
    if (t->n_slices && t->slices[t->n_slices - 1].end > end) end = t->slices[t->n_slices - 1].end;
    return end;
}

void timeline_write_trace(const Timeline *t, FILE *out)
{
    fputs("{\"traceEvents\": [\n", out);
    fputs("  {\"ph\": \"M\", \"name\": \"process_name\", \"pid\": 1, \"args\": {\"name\": \"event loop\"}}", out);
    for (uint32_t i = 0; i < t->n_rows; i++) {
        const TimelineRow *r = &t->rows[i];
        if (r->kind == TL_ROW_TASK) {
            fprintf(out, ",\n  {\"ph\": \"M\", \"name\": \"thread_name\", \"pid\": 1, \"tid\": %u, \"args\": {\"name\": \"",
                    i + 1);
            json_text(out, t->texts.items[r->label]);
            fputs("\"}}", out);
            if (!r->before) trace_instant(out, t, i, r->created, "created", "");
            if (r->ending != TL_NONE) trace_instant(out, t, i, r->finished, t->texts.items[r->ending], "");
        } else {
            /* an awaited coroutine: a slice that the task's running slices
             * nest in. It ends where the slice it returned in begins: the
             * next coroutine the task awaits may begin in that slice, and
             * trace viewers want siblings not to overlap. One still awaited
             * when the recording ended runs to the end. */
            double end = r->closed != TL_NONE ? t->slices[r->closed].start : trace_end(t);
            fputs(",\n  {\"ph\": \"X\", \"name\": \"", out);
            json_text(out, t->texts.items[r->label]);
            fprintf(out, "\", \"cat\": \"await\", \"pid\": 1, \"tid\": %u, \"ts\": %.3f, \"dur\": %.3f}", r->task + 1,
                    micros(t, r->created), (end - r->created) * 1e6);
        }
    }
    for (uint32_t k = 0; k < t->n_slices; k++) {
        const TimelineSlice *s = &t->slices[k];
        fprintf(out, ",\n  {\"ph\": \"X\", \"name\": \"running\", \"cat\": \"task\", \"pid\": 1, \"tid\": %u, "
                     "\"ts\": %.3f, \"dur\": %.3f}",
                s->task + 1, micros(t, s->start), (s->end - s->start) * 1e6);
        if (s->what != TL_NONE) trace_instant(out, t, s->task, s->end, "awaits ", t->texts.items[s->what]);
    }
    fputs("\n]}\n", out);
}

/* ---- %explain --------------------------------------------------------------------------- */

#define EXPLAIN_MAX_STEPS 200 /* a longer record is summed up after this many */

typedef struct {
    const Timeline *t;
    FILE *out;
    int step;
    uint32_t next_row; /* task rows are told about in row (creation) order */
} Explainer;

static const char *row_label(const Timeline *t, uint32_t row)
{
    return t->texts.items[t->rows[row].label];
}

/* "is created" for the tasks the cell or a callback made (no task's slice)
 * before slice `k`; a task a slice made is told with that slice. */
static void explain_creations_before(Explainer *e, uint32_t k)
{
    const Timeline *t = e->t;
    for (; e->next_row < t->n_rows; e->next_row++) {
        const TimelineRow *r = &t->rows[e->next_row];
        if (r->kind != TL_ROW_TASK || r->before) continue;
        /* by order, not time: under the virtual clock many things happen at t=0 */
        if (r->after > k || r->creator != TL_NONE) break;
        fprintf(e->out, "%d. t=%.3f %s is created (it runs on a later pass)\n", ++e->step, r->created - t->origin,
                row_label(t, e->next_row));
    }
}

/* Tasks whose creating slice was not recorded (the recording stopped). */
static void explain_leftover_creations(Explainer *e)
{
    const Timeline *t = e->t;
    for (; e->next_row < t->n_rows; e->next_row++) {
        const TimelineRow *r = &t->rows[e->next_row];
        if (r->kind != TL_ROW_TASK || r->before) continue;
        fprintf(e->out, "%d. t=%.3f %s is created\n", ++e->step, r->created - t->origin, row_label(t, e->next_row));
    }
}

/* ", creates Task-2 (fetch()) and Task-3 (fetch())": the tasks this slice made. */
static void explain_created_by(Explainer *e, uint32_t task, uint32_t k)
{
    const Timeline *t = e->t;
    uint32_t made[64], n = 0, more = 0;
    for (; e->next_row < t->n_rows; e->next_row++) {
        const TimelineRow *r = &t->rows[e->next_row];
        if (r->kind != TL_ROW_TASK || r->before) continue;
        if (r->creator != task || r->after > k) break;
        if (n < 64) made[n++] = e->next_row;
        else more++;
    }
    if (n == 0) return;
    fputs(", creates ", e->out);
    for (uint32_t i = 0; i < n; i++)
        fprintf(e->out, "%s%s", i == 0 ? "" : i + 1 == n && !more ? " and " : ", ", row_label(t, made[i]));
    if (more) fprintf(e->out, " and %u more", more);
}

static void explain_slice(Explainer *e, const TimelineLayout *l, uint32_t k)
{
    const Timeline *t = e->t;
    const TimelineSlice *s = &t->slices[k];
    explain_creations_before(e, k);
    fprintf(e->out, "%d. t=%.3f %s runs", ++e->step, s->start - t->origin, row_label(t, s->task));
    if (s->end - s->start >= 0.001) fprintf(e->out, " for %.3f s", s->end - s->start);
    explain_created_by(e, s->task, k);
    const TimelineRow *task = &t->rows[s->task];
    if (task->ending != TL_NONE && task->closed == k) {
        fprintf(e->out, " and ends (%s)\n", t->texts.items[task->ending]);
    } else if (s->what != TL_NONE) {
        uint32_t through = waits_on(l, s->task, k);
        fprintf(e->out, ", then awaits %s", t->texts.items[through]);
        if (through != s->what) fprintf(e->out, " (which awaits %s)", t->texts.items[s->what]);
        fputs(": the loop runs what is ready\n", e->out);
    } else {
        fputs(" and yields to the loop\n", e->out);
    }
}

void timeline_explain(const Timeline *t, FILE *out)
{
    if (t->n_slices == 0 && t->n_rows == 0) {
        fputs("(no tasks ran)\n", out);
        return;
    }
    TimelineLayout l;
    timeline_layout(&l, t, 0);
    Explainer e = {t, out, 0, 0};
    uint32_t told = t->n_slices < EXPLAIN_MAX_STEPS ? t->n_slices : EXPLAIN_MAX_STEPS;
    for (uint32_t k = 0; k < told; k++) explain_slice(&e, &l, k);
    if (told < t->n_slices) {
        fprintf(out, "... and %u more steps, until t=%.3f\n", t->n_slices - told,
                t->slices[t->n_slices - 1].end - t->origin);
    } else {
        explain_creations_before(&e, t->n_slices);
        explain_leftover_creations(&e);
    }
    timeline_layout_free(&l);
}
