/* lesson.c: replay, check and record lessons (docs/lessons.md).
 *
 * libcmark parses the file with source positions. Top-level fenced blocks
 * whose info string starts with `python` are cells; an `output` block right
 * after one is its recorded output. Everything else is prose, rendered for
 * the terminal on replay. --record splices new output blocks into the
 * original lines (so prose and code stay byte for byte) and replaces the
 * file atomically. --html runs the cells as --check does and hands the
 * blocks, outputs and timelines to the page writer (html.c). */
#include "lesson.h"

#include <cmark.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "aio.h"
#include "clock.h"
#include "format.h"
#include "html.h"
#include "magics.h"
#include "notebook.h"
#include "replace.h"
#include "session.h"

typedef struct {
    int line, end_line;         /* the cell's fence lines (1-based) */
    int out_line, out_end_line; /* its output block's, or 0 */
    char *code;                 /* without the final newline */
    char *recorded;             /* the output block's text, or NULL */
    bool raises, no_check;
    bool timeline; /* draw the cell's timeline after its output (recorded with it) */
} Cell;

typedef struct {
    const char *path;
    char *text;
    size_t len;
    cmark_node *doc;
    Cell *cells;
    int n_cells;
    int pinned_clock; /* 0 none, 1 real, 2 virtual */
} Lesson;

static int refuse(const Lesson *l, int line, const char *why, const char *what)
{
    fprintf(stderr, "%s:%d: %s%s%s\n", l->path, line, why, what ? ": " : "", what ? what : "");
    return 1;
}

/* The text of line n (1-based) and its length without the newline. */
static const char *line_at(const Lesson *l, int n, size_t *len)
{
    const char *p = l->text, *end = l->text + l->len;
    for (int i = 1; i < n && p < end; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((nl ? nl : end) - p);
    return p;
}

static int count_lines(const Lesson *l)
{
    int n = 1;
    for (size_t i = 0; i < l->len; i++) n += l->text[i] == '\n';
    return n;
}

/* Fenced (``` or ~~~), not indented: libcmark 0.30 does not say, the
 * opening line does. */
static bool is_fenced(const Lesson *l, cmark_node *block)
{
    size_t len;
    const char *open = line_at(l, cmark_node_get_start_line(block), &len);
    while (len && *open == ' ') open++, len--;
    return len >= 3 && (open[0] == '`' || open[0] == '~');
}

/* A fenced block is closed when its last line is a fence of the same
 * character, at least as long as the opening one. */
static bool fence_closed(const Lesson *l, cmark_node *block)
{
    int start = cmark_node_get_start_line(block), end = cmark_node_get_end_line(block);
    if (end <= start) return false;
    size_t len, olen;
    const char *open = line_at(l, start, &olen);
    const char *close = line_at(l, end, &len);
    while (olen && (*open == ' ')) open++, olen--;
    while (len && (*close == ' ')) close++, len--;
    char fence = open[0];
    size_t want = 0;
    while (want < olen && open[want] == fence) want++;
    size_t have = 0;
    while (have < len && close[have] == fence) have++;
    return have >= want && have > 0;
}

static bool valid_utf8(const char *s, size_t n, size_t *bad)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        int k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (k == 0 || i + (size_t)k > n) {
            *bad = i;
            return false;
        }
        for (int j = 1; j < k; j++)
            if (((unsigned char)s[i + (size_t)j] >> 6) != 2) {
                *bad = i;
                return false;
            }
        i += (size_t)k;
    }
    return true;
}

static int line_of_offset(const Lesson *l, size_t off)
{
    int n = 1;
    for (size_t i = 0; i < off && i < l->len; i++) n += l->text[i] == '\n';
    return n;
}

static char *copy_without_final_newline(const char *s)
{
    size_t n = strlen(s);
    if (n && s[n - 1] == '\n') n--;
    char *c = malloc(n + 1);
    if (c == NULL) abort();
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

/* `python raises no-check`: false (refused) on an unknown option. */
static bool parse_cell_options(const Lesson *l, Cell *c, const char *info, int line)
{
    const char *p = info + strlen("python");
    char word[64];
    while (*p) {
        while (*p == ' ' || *p == '\t') p++;
        size_t n = 0;
        while (p[n] && p[n] != ' ' && p[n] != '\t') n++;
        if (n == 0) break;
        snprintf(word, sizeof word, "%.*s", (int)(n < 63 ? n : 63), p);
        if (strcmp(word, "raises") == 0) c->raises = true;
        else if (strcmp(word, "no-check") == 0) c->no_check = true;
        else if (strcmp(word, "timeline") == 0) c->timeline = true;
        else {
            refuse(l, line, "unknown cell option", word);
            return false;
        }
        p += n;
    }
    return true;
}

/* <!-- loopbook: clock=real --> */
static bool parse_pin(Lesson *l, const char *html, int line)
{
    const char *p = strstr(html, "loopbook:");
    if (p == NULL) return true; /* another comment: prose */
    if (strstr(p, "clock=real")) l->pinned_clock = 1;
    else if (strstr(p, "clock=virtual")) l->pinned_clock = 2;
    else {
        refuse(l, line, "unknown lesson option (expected <!-- loopbook: clock=real --> or clock=virtual)", NULL);
        return false;
    }
    return true;
}

static bool add_cell(Lesson *l, cmark_node *block, const char *info)
{
    Cell c = {0};
    c.line = cmark_node_get_start_line(block);
    c.end_line = cmark_node_get_end_line(block);
    if (!parse_cell_options(l, &c, info, c.line)) return false;
    c.code = copy_without_final_newline(cmark_node_get_literal(block));
    l->cells = realloc(l->cells, (size_t)(l->n_cells + 1) * sizeof(Cell));
    if (l->cells == NULL) abort();
    l->cells[l->n_cells++] = c;
    return true;
}

/* Walk the top-level blocks: cells, their outputs, the clock pin. */
static bool collect(Lesson *l)
{
    cmark_node *previous = NULL;
    for (cmark_node *n = cmark_node_first_child(l->doc); n; previous = n, n = cmark_node_next(n)) {
        int line = cmark_node_get_start_line(n);
        if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) {
            if (!parse_pin(l, cmark_node_get_literal(n), line)) return false;
            continue;
        }
        if (cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK || !is_fenced(l, n)) continue;
        if (!fence_closed(l, n)) return !refuse(l, line, "this fence is never closed", NULL);
        const char *info = cmark_node_get_fence_info(n);
        if (strncmp(info, "python", 6) == 0 && (info[6] == '\0' || info[6] == ' ')) {
            if (!add_cell(l, n, info)) return false;
        } else if (strcmp(info, "output") == 0) {
            bool after_cell = previous && l->n_cells > 0 &&
                              l->cells[l->n_cells - 1].line == cmark_node_get_start_line(previous) &&
                              l->cells[l->n_cells - 1].out_line == 0;
            if (!after_cell) return !refuse(l, line, "an output block with no cell before it", NULL);
            Cell *c = &l->cells[l->n_cells - 1];
            c->out_line = line;
            c->out_end_line = cmark_node_get_end_line(n);
            c->recorded = strdup(cmark_node_get_literal(n));
        }
    }
    return true;
}

static int load(Lesson *l, const char *path)
{
    memset(l, 0, sizeof *l);
    l->path = path;
    l->text = session_read_file(path, &l->len);
    if (l->text == NULL) {
        fprintf(stderr, "loopbook: can't open lesson '%s': %s\n", path, strerror(errno));
        return 2;
    }
    size_t bad;
    if (!valid_utf8(l->text, l->len, &bad))
        return refuse(l, line_of_offset(l, bad), "the lesson is not UTF-8", NULL);
    l->doc = cmark_parse_document(l->text, l->len, CMARK_OPT_SOURCEPOS);
    return collect(l) ? 0 : 1;
}

static void unload(Lesson *l)
{
    for (int i = 0; i < l->n_cells; i++) {
        free(l->cells[i].code);
        free(l->cells[i].recorded);
    }
    free(l->cells);
    if (l->doc) cmark_node_free(l->doc);
    free(l->text);
}

/* ---- running cells --------------------------------------------------------------- */

static volatile sig_atomic_t cell_timed_out;

static void on_alarm(int sig)
{
    (void)sig;
    cell_timed_out = 1;
    raise(SIGINT); /* the session's handler: KeyboardInterrupt in the cell */
}

static void arm_timeout(double seconds)
{
    cell_timed_out = 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval t = {{0, 0}, {(time_t)seconds, (suseconds_t)((seconds - (double)(time_t)seconds) * 1e6)}};
    setitimer(ITIMER_REAL, &t, NULL);
}

static void disarm_timeout(void)
{
    struct itimerval t = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &t, NULL);
}

/* How a cell went. */
typedef struct {
    bool ok;       /* false: it failed (raised, or a magic failed) */
    bool timed;    /* a Wall time line belongs after it (timing on, and not %time, which prints its own) */
    bool recorded; /* its timeline was recorded afresh */
    CellReport report;
} CellRun;

/* %timeline, %explain and %blocking look at the recording of the cell
 * before theirs (as in the notebook): no new recording starts for them. */
static bool looks_at_last_recording(const char *code)
{
    while (*code == ' ' || *code == '\t' || *code == '\n') code++;
    return strncmp(code, "%timeline", 9) == 0 || strncmp(code, "%explain", 8) == 0 ||
           strncmp(code, "%blocking", 9) == 0;
}

/* Run a cell as the notebook does. `record_every`: record the timeline of
 * every cell (the page draws each), not only of the `timeline` ones. */
static CellRun run_cell(Session *s, NotebookState *nb, const Cell *c, double timeout, bool record_every)
{
    CellRun run = {0};
    bool show = true;
    run.recorded = c->timeline || (record_every && !looks_at_last_recording(c->code));
    if (run.recorded) aio_timeline_start(s->vm);
    if (timeout > 0) arm_timeout(timeout);
    MagicOutcome m = magic_run(s, nb, c->code, &run.report, &show);
    if (m == MAGIC_NOT_A_MAGIC) session_run_cell(s, c->code, strlen(c->code), &run.report);
    session_run_background(s);
    if (timeout > 0) disarm_timeout();
    if (run.recorded) aio_timeline_stop(s->vm);
    if (c->timeline) {
        /* after the output, as part of it: recorded, and checked under the virtual clock */
        vm_end_line(s->vm);
        fflush(s->vm->out);
        fputs("timeline:\n", s->vm->out);
        aio_timeline_print(s->vm, s->vm->out, 72, false);
        aio_print_block_reports(s->vm, s->vm->out);
    }
    run.ok = m == MAGIC_NOT_A_MAGIC ? run.report.ok : m == MAGIC_DONE;
    run.timed = nb->timing && show;
    return run;
}

/* What a cell prints, as recorded: stdout and stderr in order, ending with
 * a newline when not empty. */
static char *capture_cell(Session *s, NotebookState *nb, const Cell *c, double timeout, bool record_every,
                          CellRun *run)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    FILE *out = s->vm->out, *err = s->vm->err;
    s->vm->out = s->vm->err = mem;
    *run = run_cell(s, nb, c, timeout, record_every);
    fflush(mem);
    s->vm->out = out;
    s->vm->err = err;
    fclose(mem);
    if (len && buf[len - 1] != '\n') {
        buf = realloc(buf, len + 2);
        buf[len++] = '\n';
        buf[len] = '\0';
    }
    return buf;
}

/* 0x... addresses masked, as the golden tests mask them. */
static char *mask_addresses(const char *s)
{
    TextBuf b;
    tb_init(&b);
    for (const char *p = s; *p;) {
        if (p[0] == '0' && p[1] == 'x' && strchr("0123456789abcdefABCDEF", p[2]) && p[2]) {
            tb_adds(&b, "0x...");
            p += 2;
            while (*p && strchr("0123456789abcdefABCDEF", *p)) p++;
        } else {
            tb_addc(&b, *p++);
        }
    }
    tb_addc(&b, '\0');
    return b.data;
}

/* ---- diffs ------------------------------------------------------------------------ */

typedef struct {
    char **lines;
    int n;
} Lines;

static Lines split_lines(const char *s)
{
    Lines l = {NULL, 0};
    const char *p = s;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        l.lines = realloc(l.lines, (size_t)(l.n + 1) * sizeof(char *));
        l.lines[l.n++] = strndup(p, n);
        p += n + (nl ? 1 : 0);
    }
    return l;
}

static void free_lines(Lines *l)
{
    for (int i = 0; i < l->n; i++) free(l->lines[i]);
    free(l->lines);
}

/* A unified diff of two short texts (one hunk; an LCS table). */
static void print_diff(const char *want, const char *got)
{
    Lines a = split_lines(want), b = split_lines(got);
    int *t = calloc((size_t)(a.n + 1) * (size_t)(b.n + 1), sizeof(int));
    if (t == NULL) abort();
#define T(i, j) t[(i) * (b.n + 1) + (j)]
    for (int i = a.n - 1; i >= 0; i--)
        for (int j = b.n - 1; j >= 0; j--)
            T(i, j) = strcmp(a.lines[i], b.lines[j]) == 0 ? T(i + 1, j + 1) + 1
                                                            : (T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1));
    printf("--- recorded\n+++ now\n@@ -1,%d +1,%d @@\n", a.n, b.n);
    int i = 0, j = 0;
    while (i < a.n || j < b.n) {
        if (i < a.n && j < b.n && strcmp(a.lines[i], b.lines[j]) == 0) printf(" %s\n", a.lines[i++]), j++;
        else if (j < b.n && (i == a.n || T(i, j + 1) >= T(i + 1, j))) printf("+%s\n", b.lines[j++]);
        else printf("-%s\n", a.lines[i++]);
    }
#undef T
    free(t);
    free_lines(&a);
    free_lines(&b);
}

/* ---- the three modes ---------------------------------------------------------------- */

static Session *lesson_session(const Lesson *l, const LessonOptions *o, LessonMode mode)
{
    Session *s = session_new();
    int clock = o->clock ? o->clock : l->pinned_clock ? l->pinned_clock : mode == LESSON_REPLAY ? 1 : 2;
    if (clock == 2) clock_use_virtual(s->vm);
    return s;
}

/* The cell just run timed out, or raised without `python raises`: say so
 * (file, line, what it printed) and return true. */
static bool cell_failed(const Lesson *l, const Cell *c, int i, const char *got, bool ok, double timeout)
{
    if (cell_timed_out) {
        fprintf(stderr, "%s:%d: cell %d did not finish within %g s (--cell-timeout)\n", l->path, c->line, i + 1,
                timeout);
        return true;
    }
    if (!ok && !c->raises) {
        fprintf(stderr, "%s:%d: cell %d raised (mark it `python raises` if it should)\n", l->path, c->line, i + 1);
        if (got) fputs(got, stderr);
        return true;
    }
    return false;
}

/* --check, --record and --html stop a cell after 10 s unless told otherwise. */
static double cell_timeout_of(const LessonOptions *o)
{
    return o->cell_timeout > 0 ? o->cell_timeout : 10;
}

static int check_or_record(Lesson *l, const LessonOptions *o, char ***outputs)
{
    Session *s = lesson_session(l, o, o->mode);
    NotebookState nb = {false, false, NULL, NULL};
    int differing = 0;
    double timeout = cell_timeout_of(o);
    *outputs = calloc((size_t)l->n_cells + 1, sizeof(char *));
    for (int i = 0; i < l->n_cells && !s->exit_requested; i++) {
        Cell *c = &l->cells[i];
        CellRun run;
        char *got = capture_cell(s, &nb, c, timeout, false, &run);
        if (cell_failed(l, c, i, got, run.ok, timeout)) differing++;
        (*outputs)[i] = got;
        if (o->mode != LESSON_CHECK || c->no_check) continue;
        char *want = mask_addresses(c->recorded ? c->recorded : "");
        char *now = mask_addresses(got ? got : "");
        if (strcmp(want, now) != 0) {
            printf("%s:%d: cell %d output differs\n", l->path, c->line, i + 1);
            print_diff(want, now);
            differing++;
        }
        free(want);
        free(now);
    }
    notebook_state_free(&nb);
    session_free(s);
    return differing;
}

/* The fence for an output: longer than any run of backticks inside it. */
static void fence_for(const char *text, char *fence, size_t size)
{
    size_t longest = 0, run = 0;
    for (const char *p = text; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    size_t n = longest >= 3 ? longest + 1 : 3;
    if (n >= size) n = size - 1;
    memset(fence, '`', n);
    fence[n] = '\0';
}

/* The lesson's lines with every cell's output block replaced (or added,
 * or dropped when the cell prints nothing now). */
static void splice_outputs(const Lesson *l, char **outputs, TextBuf *b)
{
    int total = count_lines(l);
    int next_cell = 0;
    const char *cursor = l->text, *text_end = l->text + l->len;
    for (int n = 1; n <= total; n++) {
        /* line n, walked in order (line_at would start from the top each time) */
        const char *line = cursor;
        const char *nl = memchr(line, '\n', (size_t)(text_end - line));
        size_t len = (size_t)((nl ? nl : text_end) - line);
        bool has_newline = nl != NULL;
        cursor = nl ? nl + 1 : text_end;
        const Cell *c = next_cell < l->n_cells ? &l->cells[next_cell] : NULL;
        if (c && c->out_line && n >= c->out_line && n <= c->out_end_line) {
            if (n == c->out_end_line) next_cell++;
            if (n == c->out_line && outputs[next_cell] && outputs[next_cell][0]) {
                char fence[32];
                fence_for(outputs[next_cell], fence, sizeof fence);
                tb_printf(b, "%soutput\n%s%s\n", fence, outputs[next_cell], fence);
            }
            /* a newline after the old closing fence is part of its line */
            continue;
        }
        tb_add(b, line, len + (has_newline ? 1 : 0));
        if (c && n == c->end_line) {
            if (!c->out_line) {
                if (outputs[next_cell] && outputs[next_cell][0]) {
                    char fence[32];
                    fence_for(outputs[next_cell], fence, sizeof fence);
                    if (!has_newline) tb_addc(b, '\n');
                    tb_printf(b, "\n%soutput\n%s%s\n", fence, outputs[next_cell], fence);
                }
                next_cell++;
            }
        }
    }
}

/* Write path atomically (replace.h); false, errno set, when it could not be. */
static bool write_atomically(const char *path, const char *data, size_t len)
{
    Replacement *r = replace_open(path);
    if (r == NULL) return false;
    fwrite(data, 1, len, replace_file(r));
    int why = replace_commit(r);
    errno = why;
    return why == 0;
}

static int record(Lesson *l, const LessonOptions *o)
{
    char **outputs;
    int failed = check_or_record(l, o, &outputs);
    int status = 0;
    if (failed) {
        fprintf(stderr, "%s: not recorded (%d cell%s failed)\n", l->path, failed, failed == 1 ? "" : "s");
        status = 1;
    } else {
        TextBuf b;
        tb_init(&b);
        splice_outputs(l, outputs, &b);
        if (!write_atomically(l->path, b.data ? b.data : "", b.len)) {
            fprintf(stderr, "%s: cannot write: %s\n", l->path, strerror(errno));
            status = 1;
        } else {
            printf("recorded %s (%d cells)\n", l->path, l->n_cells);
        }
        tb_free(&b);
    }
    for (int i = 0; i < l->n_cells; i++) free(outputs[i]);
    free(outputs);
    return status;
}

/* ---- replay ------------------------------------------------------------------------ */

typedef struct {
    bool color;
} Style;

static void style(const Style *st, const char *code)
{
    if (st->color) fputs(code, stdout);
}

static void render_inline(cmark_node *n, const Style *st)
{
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
        switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT: fputs(cmark_node_get_literal(c), stdout); break;
        case CMARK_NODE_CODE:
            style(st, "\033[36m");
            printf(st->color ? "%s" : "`%s`", cmark_node_get_literal(c));
            style(st, "\033[0m");
            break;
        case CMARK_NODE_STRONG:
            style(st, "\033[1m");
            render_inline(c, st);
            style(st, "\033[22m");
            break;
        case CMARK_NODE_EMPH:
            style(st, "\033[3m");
            render_inline(c, st);
            style(st, "\033[23m");
            break;
        case CMARK_NODE_SOFTBREAK: fputc(' ', stdout); break;
        case CMARK_NODE_LINEBREAK: fputc('\n', stdout); break;
        default: render_inline(c, st); break;
        }
    }
}

static void render_block(cmark_node *n, const Style *st, int depth)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING:
        style(st, "\033[1;4m");
        if (!st->color) printf("%.*s ", cmark_node_get_heading_level(n), "######");
        render_inline(n, st);
        style(st, "\033[0m");
        fputs("\n\n", stdout);
        break;
    case CMARK_NODE_PARAGRAPH:
        render_inline(n, st);
        fputs(depth ? "\n" : "\n\n", stdout);
        break;
    case CMARK_NODE_LIST:
        for (cmark_node *item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
            printf("%*s* ", depth * 2, "");
            for (cmark_node *b = cmark_node_first_child(item); b; b = cmark_node_next(b)) render_block(b, st, depth + 1);
        }
        if (depth == 0) fputc('\n', stdout);
        break;
    case CMARK_NODE_CODE_BLOCK:
        style(st, "\033[2m");
        fputs(cmark_node_get_literal(n), stdout);
        style(st, "\033[0m");
        fputc('\n', stdout);
        break;
    case CMARK_NODE_HTML_BLOCK: break;
    default:
        for (cmark_node *b = cmark_node_first_child(n); b; b = cmark_node_next(b)) render_block(b, st, depth);
        break;
    }
}

/* --timeline / --explain on replay: after a cell that ran tasks, its chart
 * (unless its `timeline` option drew it already) and its steps in words. */
static void replay_record(Session *s, const Cell *c, const LessonOptions *o, bool color)
{
    vm_end_line(s->vm);
    if (o->timeline && !c->timeline) {
        fputs("timeline:\n", stdout);
        aio_timeline_print(s->vm, stdout, 72, color);
        aio_print_block_reports(s->vm, stdout);
    }
    if (o->explain) {
        fputs("explain:\n", stdout);
        aio_timeline_explain(s->vm, stdout);
    }
}

static int replay(Lesson *l, const LessonOptions *o)
{
    bool tty = isatty(STDOUT_FILENO);
    Style st = {tty && getenv("NO_COLOR") == NULL};
    Session *s = lesson_session(l, o, LESSON_REPLAY);
    NotebookState nb = {true, st.color, NULL, NULL};
    int next_cell = 0, failures = 0;
    for (cmark_node *n = cmark_node_first_child(l->doc); n; n = cmark_node_next(n)) {
        int line = cmark_node_get_start_line(n);
        if (next_cell < l->n_cells && l->cells[next_cell].line == line) {
            const Cell *c = &l->cells[next_cell++];
            if (tty) fprintf(stderr, "cell %d/%d\r", next_cell, l->n_cells);
            printf("In [%d]: ", s->cell_count + 1);
            int width = snprintf(NULL, 0, "In [%d]: ", s->cell_count + 1);
            for (const char *p = c->code; *p; p++) {
                fputc(*p, stdout);
                if (*p == '\n') printf("%*s: ", width - 2, "...");
            }
            fputc('\n', stdout);
            fflush(stdout);
            CellRun run = run_cell(s, &nb, c, o->cell_timeout, o->timeline || o->explain);
            if (run.recorded && aio_timeline(s->vm)->n_rows > 0) replay_record(s, c, o, st.color);
            if (run.timed) notebook_print_timing(s, &run.report, nb.tty);
            if (!run.ok && !c->raises) failures++;
            fputc('\n', stdout);
            if (s->exit_requested) break;
            continue;
        }
        if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK && strcmp(cmark_node_get_fence_info(n), "output") == 0)
            continue; /* the live output was shown instead */
        render_block(n, &st, 0);
    }
    fflush(stdout);
    notebook_state_free(&nb);
    session_free(s);
    return failures ? 1 : 0;
}

/* ---- the page (--html) -------------------------------------------------------------- */

typedef struct {
    Lesson *l;
    Session *s;
    NotebookState nb;
    HtmlPage *page;
    double timeout;
    int failed; /* cells that timed out or raised unexpectedly: no page then */
    int charts; /* cells drawn with a timeline */
} PageRun;

/* The "Wall time: ..." line replay prints after a cell, as text. */
static char *timing_line(Session *s, const CellReport *report)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (mem == NULL) return NULL;
    FILE *out = s->vm->out;
    s->vm->out = mem;
    notebook_print_timing(s, report, false);
    s->vm->out = out;
    fclose(mem);
    return buf;
}

/* Run cell i as --check runs it, recording its timeline, and put it on the
 * page with what it printed, its timing and its chart. */
static void page_cell(PageRun *r, int i)
{
    const Cell *c = &r->l->cells[i];
    HtmlCell shown = {.number = r->s->cell_count + 1, .line = c->line, .code = c->code, .raises = c->raises};
    if (r->s->exit_requested) {
        shown.not_run = true;
        html_page_cell(r->page, &shown);
        return;
    }
    CellRun run;
    char *got = capture_cell(r->s, &r->nb, c, r->timeout, true, &run);
    if (cell_failed(r->l, c, i, got, run.ok, r->timeout)) r->failed++;
    char *timing = run.timed ? timing_line(r->s, &run.report) : NULL;
    shown.output = got;
    shown.timing = timing;
    /* read now: the next cell's recording starts afresh */
    shown.timeline = run.recorded ? aio_timeline(r->s->vm) : NULL;
    shown.seconds = (double)run.report.wall_ns / 1e9;
    if (shown.timeline && shown.timeline->n_rows > 0) r->charts++;
    html_page_cell(r->page, &shown);
    free(got);
    free(timing);
}

/* The page is opened first (an unwritable path fails before any cell
 * runs) and only renamed into place when every cell ran as it should. */
static int write_page(Lesson *l, const LessonOptions *o)
{
    HtmlPage *page = html_page_open(o->html_path);
    if (page == NULL) return 1;
    PageRun r = {l, lesson_session(l, o, LESSON_HTML), {true, false, NULL, NULL}, page, cell_timeout_of(o), 0, 0};
    html_page_head(page, l->doc, l->path, r.s->vm->clock_virtual);
    int next_cell = 0;
    for (cmark_node *n = cmark_node_first_child(l->doc); n; n = cmark_node_next(n)) {
        if (next_cell < l->n_cells && l->cells[next_cell].line == cmark_node_get_start_line(n)) {
            page_cell(&r, next_cell++);
        } else if (cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK ||
                   strcmp(cmark_node_get_fence_info(n), "output") != 0) {
            html_page_prose(page, n); /* recorded outputs are left out: the page shows what ran now */
        }
    }
    notebook_state_free(&r.nb);
    session_free(r.s);
    if (r.failed) {
        html_page_discard(page);
        fprintf(stderr, "%s: no page written (%d cell%s failed)\n", l->path, r.failed, r.failed == 1 ? "" : "s");
        return 1;
    }
    size_t bytes;
    if (!html_page_commit(page, &bytes)) return 1;
    printf("wrote %s (%d cells, %d timelines, %zu bytes)\n", o->html_path, l->n_cells, r.charts, bytes);
    return 0;
}

/* ---- stepping ---------------------------------------------------------------------- */

struct LessonStepper {
    Lesson lesson;
    cmark_node *next;   /* the next top-level block to show */
    int next_cell;
};

LessonStepper *lesson_stepper_open(const char *path)
{
    LessonStepper *st = calloc(1, sizeof *st);
    if (st == NULL) abort();
    if (load(&st->lesson, path) != 0) {
        unload(&st->lesson);
        free(st);
        return NULL;
    }
    st->next = cmark_node_first_child(st->lesson.doc);
    return st;
}

char *lesson_stepper_next(LessonStepper *st, bool color)
{
    Style style_ = {color};
    Lesson *l = &st->lesson;
    for (; st->next; st->next = cmark_node_next(st->next)) {
        cmark_node *n = st->next;
        int line = cmark_node_get_start_line(n);
        if (st->next_cell < l->n_cells && l->cells[st->next_cell].line == line) {
            st->next = cmark_node_next(n);
            fflush(stdout);
            return strdup(l->cells[st->next_cell++].code);
        }
        if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK && strcmp(cmark_node_get_fence_info(n), "output") == 0)
            continue;
        render_block(n, &style_, 0);
    }
    fflush(stdout);
    return NULL;
}

void lesson_stepper_close(LessonStepper *st)
{
    if (st == NULL) return;
    unload(&st->lesson);
    free(st);
}

bool lesson_is_lesson(const char *path)
{
    size_t n = strlen(path);
    return n > 3 && strcmp(path + n - 3, ".md") == 0;
}

int lesson_run(const char *path, const LessonOptions *options)
{
    Lesson l;
    int status = load(&l, path);
    if (status == 0) {
        if (options->mode == LESSON_REPLAY) {
            status = replay(&l, options);
        } else if (options->mode == LESSON_RECORD) {
            status = record(&l, options);
        } else if (options->mode == LESSON_HTML) {
            status = write_page(&l, options);
        } else {
            char **outputs;
            status = check_or_record(&l, options, &outputs) ? 1 : 0;
            for (int i = 0; i < l.n_cells; i++) free(outputs[i]);
            free(outputs);
        }
    }
    unload(&l);
    return status;
}
