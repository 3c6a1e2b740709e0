/* timeline_svg.c: a timeline recording drawn as inline SVG, for the lesson
 * page (--html). It walks the recording as the terminal chart does (the
 * layout, its drawing order, each row's segments), through the reading API
 * of timeline.h only, and writes the geometry in machine-readable form next
 * to the picture: each rect's recorded times, and the svg's time-to-x
 * mapping, so a browser can be asked where things were drawn. */
#include "timeline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ROW_HEIGHT 22     /* px per row */
#define BAR_HEIGHT 14     /* the bar inside a row */
#define TOP 10            /* px above the first row */
#define INDENT_PX 14      /* an awaited coroutine's label, per level */
#define CHAR_PX 7.2       /* a 12px monospace character; C cannot measure text, so widths are estimates */
#define SMALL_CHAR_PX 6.3 /* the same at the 10.5px of a wait's label */
#define LABEL_MAX_PX 260.0
#define MIN_RUN_PX 2.0     /* a running slice of 0 s is still drawn this wide, centred on its instant */
#define MIN_BAR_PX 120.0   /* the bars' width when the labels leave less */
#define MAX_ROWS 200       /* more rows than this are counted, not drawn */
/* A rect weighs about 170 bytes: a row is cut short (in time) after this
 * many segments, and a chart draws at most MAX_SEGMENTS (about 1 MB). */
#define ROW_MAX_SEGMENTS 1500
#define MAX_SEGMENTS 6000

typedef struct {
    FILE *out;
    const TimelineLayout *l;
    double x0;        /* x of the origin (t = 0) */
    double px_per_s;  /* pixels per second */
    double bar_px;    /* the bars' width: total * px_per_s */
    double label_px;  /* the labels' column */
    uint32_t rows;    /* rows drawn */
    uint32_t segments_left;    /* of MAX_SEGMENTS */
    uint32_t segments_skipped; /* in rows cut short */
    uint32_t rows_cut;
} Chart;

typedef struct {
    Chart *c;
    double top;  /* the bar's top */
    bool runs;   /* this pass draws the running slices (a second pass, on top of the waits) */
    double end;  /* the right end of what is drawn so far */
    uint32_t seen, limit; /* the row's segments walked in this pass, and how many are drawn */
} RowPass;

/* ---- text -------------------------------------------------------------------------------- */

static size_t utf8_length(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Text for XML content or a quoted attribute: markup characters as
 * entities; control characters (not allowed in XML 1.0) as U+FFFD. At most
 * `max_chars` characters (SIZE_MAX: all). */
static void xml_text(FILE *out, const char *s, size_t max_chars)
{
    for (size_t chars = 0; *s && chars < max_chars; s++) {
        unsigned char c = (unsigned char)*s;
        chars += (c & 0xC0) != 0x80;
        switch (c) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n') fputs("\xEF\xBF\xBD", out);
            else fputc(c, out);
        }
    }
    /* a multi-byte character cut by the limit is finished */
    for (; ((unsigned char)*s & 0xC0) == 0x80; s++) fputc(*s, out);
}

static const char *row_label(const Timeline *t, uint32_t row)
{
    return timeline_label(t, t->rows[row].label);
}

/* ---- sizes ------------------------------------------------------------------------------- */

static double label_column_px(const TimelineLayout *l, uint32_t rows)
{
    double widest = 0;
    for (uint32_t j = 0; j < rows; j++) {
        uint32_t i = l->drawn[j];
        double w = (double)utf8_length(row_label(l->t, i)) * CHAR_PX + INDENT_PX * l->t->rows[i].depth;
        if (w > widest) widest = w;
    }
    widest += 12;
    return widest > LABEL_MAX_PX ? LABEL_MAX_PX : widest;
}

static double ending_column_px(const TimelineLayout *l, uint32_t rows)
{
    size_t widest = strlen("seconds"); /* the axis's caption sits there too */
    for (uint32_t j = 0; j < rows; j++) {
        size_t n = utf8_length(timeline_ending(l->t, l->drawn[j]));
        if (n > widest) widest = n;
    }
    return (double)widest * CHAR_PX + 16;
}

static double x_at(const Chart *c, double when)
{
    return c->x0 + (when - c->l->t->origin) * c->px_per_s;
}

/* ---- segments ---------------------------------------------------------------------------- */

/* The part every rect shares: its class, recorded times and box. */
static void open_rect(RowPass *p, const char *class, const TimelineSegment *s, double x, double width)
{
    const Timeline *t = p->c->l->t;
    fprintf(p->c->out, "<rect class=\"%s\" data-start=\"%.6f\" data-end=\"%.6f\" x=\"%.2f\" y=\"%.2f\" "
                       "width=\"%.2f\" height=\"%d\"",
            class, s->start - t->origin, s->end - t->origin, x, p->top, width, BAR_HEIGHT);
    if (x + width > p->end) p->end = x + width;
}

static void draw_run(RowPass *p, const TimelineSegment *s)
{
    const Timeline *t = p->c->l->t;
    double x = x_at(p->c, s->start), width = (s->end - s->start) * p->c->px_per_s;
    bool widened = width < MIN_RUN_PX;
    if (widened) {
        x += width / 2 - MIN_RUN_PX / 2;
        width = MIN_RUN_PX;
    }
    open_rect(p, "tl-run", s, x, width);
    fprintf(p->c->out, "%s><title>running %.3f s to %.3f s</title></rect>\n", widened ? " data-widened=\"1\"" : "",
            s->start - t->origin, s->end - t->origin);
}

static void draw_wait(RowPass *p, const TimelineSegment *s)
{
    const Timeline *t = p->c->l->t;
    FILE *out = p->c->out;
    double x = x_at(p->c, s->start), width = (s->end - s->start) * p->c->px_per_s;
    const char *what = timeline_label(t, s->what);
    open_rect(p, "tl-wait", s, x, width);
    fputs("><title>", out);
    if (*what) {
        fputs("awaits ", out);
        xml_text(out, what, SIZE_MAX);
    } else {
        fputs("ready, waiting for its turn", out);
    }
    fprintf(out, ": %.3f s to %.3f s</title></rect>\n", s->start - t->origin, s->end - t->origin);
    /* the label inside, when it fits with a little room either side */
    if (*what && (double)utf8_length(what) * SMALL_CHAR_PX + 8 <= width) {
        fprintf(out, "<text class=\"tl-wait-label\" x=\"%.2f\" y=\"%.2f\">", x + 4, p->top + BAR_HEIGHT - 3.5);
        xml_text(out, what, SIZE_MAX);
        fputs("</text>\n", out);
    }
}

static void draw_pending(RowPass *p, const TimelineSegment *s)
{
    const Timeline *t = p->c->l->t;
    double x = x_at(p->c, s->start), width = (s->end - s->start) * p->c->px_per_s;
    open_rect(p, "tl-pending", s, x, width > 0 ? width : 0);
    fprintf(p->c->out, "><title>created, not started yet: %.3f s to %.3f s</title></rect>\n", s->start - t->origin,
            s->end - t->origin);
}

static void draw_segment(void *ctx, const TimelineSegment *s)
{
    RowPass *p = ctx;
    /* both passes count every segment, so they cut the row at the same instant */
    if (p->seen++ >= p->limit || (s->kind == TL_SEG_RUN) != p->runs) return;
    switch ((TimelineSegKind)s->kind) {
    case TL_SEG_RUN: draw_run(p, s); break;
    case TL_SEG_WAIT: draw_wait(p, s); break;
    case TL_SEG_PENDING: draw_pending(p, s); break;
    }
}

/* ---- rows -------------------------------------------------------------------------------- */

static void draw_row_label(const Chart *c, uint32_t row, double top)
{
    const Timeline *t = c->l->t;
    const char *label = row_label(t, row);
    double indent = INDENT_PX * t->rows[row].depth;
    double room_px = c->label_px - 12 - indent;
    size_t room = room_px > CHAR_PX ? (size_t)(room_px / CHAR_PX) : 1;
    bool cut = utf8_length(label) > room;
    fprintf(c->out, "<text class=\"tl-label\" x=\"%.2f\" y=\"%.2f\">", 4 + indent, top + BAR_HEIGHT - 3);
    if (cut) {
        fputs("<title>", c->out);
        xml_text(c->out, label, SIZE_MAX);
        fputs("</title>", c->out);
    }
    xml_text(c->out, label, cut && room > 0 ? room - 1 : SIZE_MAX);
    fputs(cut ? "\xE2\x80\xA6</text>\n" : "</text>\n", c->out);
}

static void draw_row(Chart *c, uint32_t row, uint32_t index)
{
    const Timeline *t = c->l->t;
    const TimelineRow *r = &t->rows[row];
    const char *ending = timeline_ending(t, row);
    double top = TOP + (double)index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
    fputs("<g class=\"tl-row\" data-label=\"", c->out);
    xml_text(c->out, row_label(t, row), SIZE_MAX);
    fprintf(c->out, "\" data-kind=\"%s\" data-depth=\"%u\" data-ending=\"", r->kind == TL_ROW_TASK ? "task" : "await",
            (unsigned)r->depth);
    xml_text(c->out, ending, SIZE_MAX);
    fputs("\">\n", c->out);
    draw_row_label(c, row, top);
    uint32_t limit = c->segments_left < ROW_MAX_SEGMENTS ? c->segments_left : ROW_MAX_SEGMENTS;
    RowPass p = {c, top, false, c->x0, 0, limit};
    timeline_segments(c->l, row, draw_segment, &p);
    uint32_t segments = p.seen;
    p.runs = true;
    p.seen = 0;
    timeline_segments(c->l, row, draw_segment, &p);
    c->segments_left -= segments < limit ? segments : limit;
    if (segments > limit) {
        /* the row's picture stops at the last segment drawn: say so where it stops */
        c->rows_cut++;
        c->segments_skipped += segments - limit;
        fprintf(c->out, "<text class=\"tl-cut\" x=\"%.2f\" y=\"%.2f\">\xE2\x80\xA6</text>\n", p.end + 2,
                top + BAR_HEIGHT - 3);
        p.end += 14;
    }
    if (*ending) {
        fprintf(c->out, "<text class=\"tl-ending\" x=\"%.2f\" y=\"%.2f\">", p.end + 6, top + BAR_HEIGHT - 3);
        xml_text(c->out, ending, SIZE_MAX);
        fputs("</text>\n", c->out);
    }
    fputs("</g>\n", c->out);
}

/* ---- the axis and the legend ------------------------------------------------------------- */

/* A tick every 1, 2 or 5 times a power of ten, about every 80 px. */
static double tick_step(double total, double bar_px)
{
    double most = bar_px / 80 > 1 ? bar_px / 80 : 1;
    double raw = total / most;
    double power = pow(10, floor(log10(raw)));
    static const double multiples[] = {1, 2, 5, 10};
    for (size_t i = 0; i < 4; i++)
        if (multiples[i] * power >= raw) return multiples[i] * power;
    return 10 * power;
}

/* The axis counts in seconds, or in milliseconds or microseconds for a
 * short span, so that the ticks read 0.2, 5 or 50 rather than 0.00005. */
static void axis_unit(double span, double *scale, const char **name)
{
    if (span >= 0.5) *scale = 1, *name = "seconds";
    else if (span >= 5e-4) *scale = 1e3, *name = "ms";
    else *scale = 1e6, *name = "\xC2\xB5s";
}

static void draw_axis(const Chart *c, double span, double y)
{
    FILE *out = c->out;
    double step = tick_step(span, c->bar_px), scale;
    const char *unit;
    axis_unit(span, &scale, &unit);
    int decimals = step * scale >= 1 ? 0 : (int)ceil(-log10(step * scale) - 1e-9);
    fprintf(out, "<g class=\"tl-axis\" data-step=\"%.9g\">\n", step);
    fprintf(out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"/>\n", c->x0, y, c->x0 + c->bar_px, y);
    for (long k = 0; (double)k * step <= span * (1 + 1e-9); k++) {
        double x = c->x0 + (double)k * step * c->px_per_s;
        fprintf(out, "<line class=\"tl-grid\" x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%.2f\"/>\n", x, TOP - 4, x, y);
        fprintf(out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"/>\n", x, y, x, y + 4);
        fprintf(out, "<text class=\"tl-tick\" x=\"%.2f\" y=\"%.2f\">%.*f</text>\n", x, y + 16, k ? decimals : 0,
                (double)k * step * scale);
    }
    fprintf(out, "<text class=\"tl-caption\" x=\"%.2f\" y=\"%.2f\">%s</text>\n</g>\n", c->x0 + c->bar_px + 22, y + 16,
            unit);
}

static void legend_entry(FILE *out, double *x, double y, const char *class, const char *words)
{
    fprintf(out, "<rect class=\"%s\" x=\"%.2f\" y=\"%.2f\" width=\"22\" height=\"10\"/>", class, *x, y - 9);
    fprintf(out, "<text x=\"%.2f\" y=\"%.2f\">%s</text>\n", *x + 28, y, words);
    *x += 28 + (double)strlen(words) * CHAR_PX + 18;
}

static void draw_legend(const Chart *c, double y)
{
    double x = c->x0;
    fputs("<g class=\"tl-legend\">\n", c->out);
    legend_entry(c->out, &x, y, "tl-run", "running");
    legend_entry(c->out, &x, y, "tl-wait", "waiting (hover: on what)");
    legend_entry(c->out, &x, y, "tl-pending", "created, not started yet");
    fputs("</g>\n", c->out);
}

/* What was left out: rows past MAX_ROWS, the ends of rows cut short, slices
 * past the recording's own limit. Returns the y after them. */
static double draw_notes(const Chart *c, double y)
{
    const Timeline *t = c->l->t;
    if (c->rows < t->n_rows) {
        fprintf(c->out, "<text class=\"tl-note\" x=\"4\" y=\"%.2f\">(%u more rows not drawn)</text>\n", y,
                t->n_rows - c->rows);
        y += 16;
    }
    if (c->segments_skipped) {
        fprintf(c->out,
                "<text class=\"tl-note\" x=\"4\" y=\"%.2f\">(%u row%s cut short at \xE2\x80\xA6: %u more segments not "
                "drawn)</text>\n",
                y, c->rows_cut, c->rows_cut == 1 ? "" : "s", c->segments_skipped);
        y += 16;
    }
    if (t->truncated) {
        fprintf(c->out, "<text class=\"tl-note\" x=\"4\" y=\"%.2f\">(the recording stopped after %u steps)</text>\n",
                y, TL_MAX_SLICES);
        y += 16;
    }
    return y;
}

/* ---- the chart --------------------------------------------------------------------------- */

static const char svg_style[] =
    "<style>"
    "svg.timeline text{font:12px ui-monospace,Menlo,Consolas,monospace;fill:#222}"
    "svg.timeline .tl-run{fill:#1f5fa8}"
    "svg.timeline .tl-wait{fill:#bcd6f2}"
    "svg.timeline .tl-pending{fill:#fff;stroke:#777;stroke-dasharray:2 2}"
    "svg.timeline .tl-wait-label{font-size:10.5px;fill:#1c3d63;pointer-events:none}"
    "svg.timeline .tl-ending,svg.timeline .tl-note{fill:#555}"
    "svg.timeline .tl-axis line{stroke:#666}"
    "svg.timeline .tl-axis line.tl-grid{stroke:#e4e4e4}"
    "svg.timeline .tl-tick{text-anchor:middle;font-size:11px}"
    "svg.timeline .tl-caption{font-size:11px;fill:#555}"
    "</style>\n";

/* Rows and rects past the limits are counted; the height depends on the
 * notes, so the chart is drawn into memory first and sized after. */
static double draw_body(Chart *c, double span)
{
    for (uint32_t j = 0; j < c->rows; j++) draw_row(c, c->l->drawn[j], j);
    double axis_y = TOP + (double)c->rows * ROW_HEIGHT + 6;
    draw_axis(c, span, axis_y);
    draw_legend(c, axis_y + 40);
    return draw_notes(c, axis_y + 62);
}

void timeline_write_svg(const Timeline *t, FILE *out, double cell_total, int width_px)
{
    TimelineLayout l;
    timeline_layout(&l, t, cell_total);
    Chart c = {.l = &l, .segments_left = MAX_SEGMENTS};
    c.rows = t->n_rows < MAX_ROWS ? t->n_rows : MAX_ROWS;
    c.label_px = label_column_px(&l, c.rows);
    c.x0 = c.label_px + 6;
    c.bar_px = width_px - c.x0 - ending_column_px(&l, c.rows);
    if (c.bar_px < MIN_BAR_PX) c.bar_px = MIN_BAR_PX;
    /* a cell that took no time (all at t=0 on the virtual clock): an axis of a millisecond */
    double span = l.total >= 1e-6 ? l.total : 1e-3;
    c.px_per_s = c.bar_px / span;
    double width = c.x0 + c.bar_px + ending_column_px(&l, c.rows);

    char *body = NULL;
    size_t body_len = 0;
    c.out = open_memstream(&body, &body_len);
    double height = c.out ? draw_body(&c, span) : 0;
    if (c.out) fclose(c.out);

    fprintf(out, "<svg class=\"timeline\" role=\"img\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                 "data-total=\"%.6f\" data-x0=\"%.6f\" data-px-per-s=\"%.6f\" data-rows=\"%u\">\n",
            ceil(width), ceil(height), ceil(width), ceil(height), span, c.x0, c.px_per_s, t->n_rows);
    fputs(svg_style, out);
    if (body) fwrite(body, 1, body_len, out);
    fputs("</svg>\n", out);
    free(body);
    timeline_layout_free(&l);
}
