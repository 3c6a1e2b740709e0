/* timeline.c: recording what tasks do, and drawing it (see timeline.h). */
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

void timeline_reset(Timeline *t, double now)
{
    t->origin = now;
    t->generation++;
    t->n_tasks = 0;
    t->n_events = 0;
}

void timeline_free(Timeline *t)
{
    free(t->tasks);
    free(t->events);
    memset(t, 0, sizeof *t);
}

uint32_t timeline_task(Timeline *t, const char *label)
{
    if (t->n_tasks == t->cap_tasks) t->tasks = grow(t->tasks, &t->cap_tasks, sizeof *t->tasks);
    snprintf(t->tasks[t->n_tasks].label, sizeof t->tasks[t->n_tasks].label, "%s", label);
    return t->n_tasks++;
}

void timeline_event(Timeline *t, uint32_t task, TimelineKind kind, double start, double end, const char *what)
{
    if (t->n_events == t->cap_events) t->events = grow(t->events, &t->cap_events, sizeof *t->events);
    TimelineEvent *e = &t->events[t->n_events++];
    e->task = task;
    e->kind = (uint8_t)kind;
    e->start = start;
    e->end = end;
    snprintf(e->what, sizeof e->what, "%s", what ? what : "");
}

static int column(const Timeline *t, double when, double total, int width)
{
    double x = (when - t->origin) / total * (width - 1);
    int c = (int)(x + 0.5);
    return c < 0 ? 0 : c >= width ? width - 1 : c;
}

static void fill(char *bar, int from, int to, char mark)
{
    for (int i = from; i <= to; i++) bar[i] = mark;
}

/* The row of one task: '.' before its first slice, '#' in slices, '-'
 * between them; how it ended after the bar. */
static void draw_row(const Timeline *t, uint32_t task, char *bar, int width, double total, const char **ending)
{
    memset(bar, ' ', (size_t)width);
    bar[width] = '\0';
    double created = -1, last_end = -1;
    *ending = "";
    for (uint32_t i = 0; i < t->n_events; i++) {
        const TimelineEvent *e = &t->events[i];
        if (e->task != task) continue;
        int from = column(t, e->start, total, width);
        switch ((TimelineKind)e->kind) {
        case TL_CREATED: created = e->start; break;
        case TL_RUN:
            /* the gap before this slice, between the marks that end it */
            if (last_end >= 0) fill(bar, column(t, last_end, total, width) + 1, from - 1, '-');
            else if (created >= 0) fill(bar, column(t, created, total, width), from - 1, '.');
            fill(bar, from, column(t, e->end, total, width), '#');
            last_end = e->end;
            break;
        case TL_WAIT: break;
        case TL_DONE: *ending = e->what; break;
        }
    }
}

void timeline_print(const Timeline *t, FILE *out, int width, double total)
{
    if (t->n_tasks == 0) {
        fputs("(no tasks ran)\n", out);
        return;
    }
    for (uint32_t i = 0; i < t->n_events; i++) {
        double end = t->events[i].kind == TL_RUN ? t->events[i].end : t->events[i].start;
        if (end - t->origin > total) total = end - t->origin;
    }
    if (total <= 0) total = 1e-9;
    int label_width = 0;
    for (uint32_t i = 0; i < t->n_tasks; i++) {
        int n = (int)strlen(t->tasks[i].label);
        if (n > label_width) label_width = n;
    }
    if (label_width > 28) label_width = 28;
    int bar_width = width - label_width - 14;
    if (bar_width < 10) bar_width = 10;
    char *bar = malloc((size_t)bar_width + 1);
    if (bar == NULL) abort();
    for (uint32_t i = 0; i < t->n_tasks; i++) {
        const char *ending;
        draw_row(t, i, bar, bar_width, total, &ending);
        fprintf(out, "%-*.*s |%s| %s\n", label_width, label_width, t->tasks[i].label, bar, ending);
    }
    /* the axis: 0 at the left, the total at the right */
    char right[32];
    snprintf(right, sizeof right, "%.2f s", total);
    fprintf(out, "%*s  0%*s\n", label_width, "", bar_width, right);
    fprintf(out, "%*s  # running  - waiting  . created, not started yet\n", label_width, "");
    free(bar);
}

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

void timeline_write_trace(const Timeline *t, FILE *out)
{
    fputs("{\"traceEvents\": [\n", out);
    bool first = true;
    for (uint32_t i = 0; i < t->n_tasks; i++) {
        fprintf(out, "%s  {\"ph\": \"M\", \"name\": \"thread_name\", \"pid\": 1, \"tid\": %u, \"args\": {\"name\": \"",
                first ? "" : ",\n", i + 1);
        json_text(out, t->tasks[i].label);
        fputs("\"}}", out);
        first = false;
    }
    for (uint32_t i = 0; i < t->n_events; i++) {
        const TimelineEvent *e = &t->events[i];
        if (e->kind == TL_RUN) {
            fprintf(out, ",\n  {\"ph\": \"X\", \"name\": \"running\", \"cat\": \"task\", \"pid\": 1, \"tid\": %u, "
                         "\"ts\": %.3f, \"dur\": %.3f}",
                    e->task + 1, micros(t, e->start), (e->end - e->start) * 1e6);
        } else if (e->kind == TL_WAIT || e->kind == TL_DONE || e->kind == TL_CREATED) {
            fputs(",\n  {\"ph\": \"i\", \"s\": \"t\", \"name\": \"", out);
            json_text(out, e->kind == TL_WAIT ? "awaits " : e->kind == TL_DONE ? "" : "created");
            json_text(out, e->what);
            fprintf(out, "\", \"pid\": 1, \"tid\": %u, \"ts\": %.3f}", e->task + 1, micros(t, e->start));
        }
    }
    fputs("\n]}\n", out);
}

void timeline_explain(const Timeline *t, FILE *out)
{
    if (t->n_events == 0) {
        fputs("(no tasks ran)\n", out);
        return;
    }
    int step = 0;
    for (uint32_t i = 0; i < t->n_events; i++) {
        const TimelineEvent *e = &t->events[i];
        const char *who = t->tasks[e->task].label;
        double at = e->start - t->origin;
        switch ((TimelineKind)e->kind) {
        case TL_CREATED: fprintf(out, "%d. t=%.3f %s is created (it runs on a later pass)\n", ++step, at, who); break;
        case TL_RUN: {
            const TimelineEvent *next = i + 1 < t->n_events && t->events[i + 1].task == e->task ? &t->events[i + 1] : NULL;
            fprintf(out, "%d. t=%.3f %s runs", ++step, at, who);
            if (e->end - e->start >= 0.001) fprintf(out, " for %.3f s", e->end - e->start);
            if (next && next->kind == TL_WAIT) fprintf(out, ", then awaits %s: the loop runs what is ready\n", next->what);
            else if (next && next->kind == TL_DONE) fprintf(out, " and ends (%s)\n", next->what);
            else fputs(" and yields to the loop\n", out);
            if (next) i++;
            break;
        }
        case TL_WAIT:
        case TL_DONE: break;
        }
    }
}
