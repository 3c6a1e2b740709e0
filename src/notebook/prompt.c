/* prompt.c: the notebook on a terminal. libedit edits the line through its
 * callback interface, fed from a uv_poll on stdin, so the event loop keeps
 * running while the person types: a task started in one cell goes on, and
 * what it prints appears above the line being edited, which is then drawn
 * again. Cells run outside libuv's callbacks (the loop is not re-entered);
 * while one runs, stdin is not read.
 *
 * libedit's callbacks carry no user data, so the prompt being shown is a
 * file-level pointer (`active`): one prompt per process, like the terminal. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <editline/readline.h>

#include "aio.h"
#include "cells.h"
#include "dict.h"
#include "lesson.h"
#include "magics.h"
#include "notebook.h"
#include "ops.h"
#include "str.h"
#include "traceback.h"

typedef struct Prompt {
    Session *s;
    NotebookState nb;
    Loop *loop;
    uv_poll_t stdin_poll;
    bool polling;
    TextBuf cell;         /* the lines of the cell being typed */
    int cell_lines;       /* how many */
    bool cell_ready;      /* a complete cell waits to run */
    bool eof;             /* Ctrl-D on an empty line */
    bool reinstall;       /* show the prompt (again) before reading more */
    bool line_shown;      /* the prompt line is on the screen */
    bool output_shown;    /* something was printed over it since */
    bool output_at_bol;   /* that output ended with a newline */
    char prompt_text[32]; /* "In [3]: " or "   ...: " */
    char indent[256];     /* typed for the person at the start of the next line */
    char *history_path;
    FILE *terminal_out, *terminal_err; /* the real streams under the VM's */
    char **completions;
    size_t n_completions, next_completion;
    LessonStepper *stepper; /* --step / %lesson: the lesson being stepped through */
    char *pretyped;         /* the stepped cell's lines, typed for the person one by one */
    const char *next_pretyped;
} Prompt;

static Prompt *active;


/* ---- output above the line being edited ------------------------------------------- */

/* The VM's stdout and stderr while the prompt runs: the first write over a
 * shown prompt line erases it; the driver draws it again afterwards. */
static ssize_t write_over_prompt(void *cookie, const char *data, size_t n)
{
    FILE *to = cookie;
    Prompt *p = active;
    if (p && p->line_shown && !p->output_shown) {
        fputs("\r\033[K", p->terminal_out);
        fflush(p->terminal_out);
        p->output_shown = true;
    }
    size_t done = fwrite(data, 1, n, to);
    fflush(to);
    if (p && n > 0) p->output_at_bol = data[n - 1] == '\n';
    return (ssize_t)done;
}

static FILE *wrap_stream(FILE *to)
{
    cookie_io_functions_t io = {NULL, write_over_prompt, NULL, NULL};
    FILE *f = fopencookie(to, "w", io);
    if (f) setvbuf(f, NULL, _IOLBF, 0);
    return f ? f : to;
}

/* After output was printed over the prompt: draw the line again, with what
 * had been typed. */
static void redraw_after_output(Prompt *p)
{
    if (!p->output_shown) return;
    fflush(p->s->vm->out);
    fflush(p->s->vm->err);
    if (!p->output_at_bol) fputc('\n', p->terminal_out);
    p->output_shown = false;
    if (p->line_shown) rl_forced_update_display();
    fflush(p->terminal_out);
}

/* ---- history ------------------------------------------------------------------------ */

/* $XDG_STATE_HOME/loopbook/history, else ~/.local/state/loopbook/history;
 * the folders are made. NULL when there is no home. */
static char *history_file(void)
{
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    char dir[4096];
    if (state && *state) snprintf(dir, sizeof dir, "%s/loopbook", state);
    else if (home && *home) snprintf(dir, sizeof dir, "%s/.local/state/loopbook", home);
    else return NULL;
    /* mkdir -p, one level at a time */
    for (char *slash = strchr(dir + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(dir, 0700);
        *slash = '/';
    }
    mkdir(dir, 0700);
    size_t n = strlen(dir) + sizeof "/history";
    char *path = malloc(n);
    if (path == NULL) abort();
    snprintf(path, n, "%s/history", dir);
    return path;
}

static void history_load(Prompt *p)
{
    using_history();
    stifle_history(1000);
    p->history_path = history_file();
    if (p->history_path == NULL) return;
    FILE *f = fopen(p->history_path, "r");
    if (f == NULL) {
        if (errno != ENOENT)
            fprintf(p->terminal_err, "loopbook: cannot read the history file %s: %s\n", p->history_path,
                    strerror(errno));
        return;
    }
    fclose(f);
    if (read_history(p->history_path) != 0)
        fprintf(p->terminal_err, "loopbook: the history file %s could not be read; starting a new one\n",
                p->history_path);
}

static void history_save(Prompt *p)
{
    if (p->history_path && write_history(p->history_path) != 0) {
        fprintf(p->terminal_err, "loopbook: cannot write the history file %s\n", p->history_path);
        free(p->history_path);
        p->history_path = NULL; /* said once */
    }
}

/* ---- completion ----------------------------------------------------------------- */

static void add_completion(Prompt *p, const char *prefix, size_t prefix_len, const char *name, const char *text)
{
    size_t text_len = strlen(text);
    size_t name_len = strlen(name);
    if (prefix_len + name_len < text_len) return;
    char candidate[512];
    snprintf(candidate, sizeof candidate, "%.*s%s", (int)prefix_len, prefix, name);
    if (strncmp(candidate, text, text_len) != 0) return;
    for (size_t i = 0; i < p->n_completions; i++)
        if (strcmp(p->completions[i], candidate) == 0) return;
    p->completions = realloc(p->completions, (p->n_completions + 1) * sizeof(char *));
    if (p->completions == NULL) abort();
    p->completions[p->n_completions++] = strdup(candidate);
}

static void add_dict_names(Prompt *p, ObjDict *d, const char *prefix, size_t prefix_len, const char *text)
{
    uint32_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v))
        if (IS_STR(k)) add_completion(p, prefix, prefix_len, AS_STR(k)->data, text);
}

static void add_attribute_names(Prompt *p, Value obj, const char *prefix, size_t prefix_len, const char *text)
{
    VM *vm = p->s->vm;
    if (IS_KIND(obj, OBJ_MODULE)) add_dict_names(p, AS_MODULE(obj)->dict, prefix, prefix_len, text);
    if (IS_KIND(obj, OBJ_INSTANCE)) add_dict_names(p, AS_INSTANCE(obj)->dict, prefix, prefix_len, text);
    ObjClass *c = IS_CLASS(obj) ? AS_CLASS(obj) : vm_class_of(vm, obj);
    for (; c != NULL; c = c->base) add_dict_names(p, c->dict, prefix, prefix_len, text);
}

/* The object a dotted name refers to, without calling anything but plain
 * attribute lookups; EMPTY when it does not resolve. */
static Value resolve_dotted(VM *vm, const char *path, size_t len)
{
    char part[256];
    size_t start = 0;
    Value v = EMPTY_VAL;
    while (start <= len) {
        size_t end = start;
        while (end < len && path[end] != '.') end++;
        if (end - start >= sizeof part) return EMPTY_VAL;
        memcpy(part, path + start, end - start);
        part[end - start] = '\0';
        ObjStr *name = str_intern_cstr(vm, part);
        if (IS_EMPTY(v)) {
            v = dict_get_str(vm->main_globals, name);
            if (IS_EMPTY(v)) v = dict_get_str(vm->builtins, name);
        } else {
            bool found;
            if (!vm_getattr_opt(vm, v, name, &v, &found) || !found) {
                vm_take_exception(vm);
                return EMPTY_VAL;
            }
        }
        if (IS_EMPTY(v)) return EMPTY_VAL;
        start = end + 1;
    }
    return v;
}

static const char *const keywords[] = {"False", "None",   "True",  "and",    "as",       "assert", "async",
                                       "await", "break",  "class", "continue", "def",   "del",    "elif",
                                       "else",  "except", "finally", "for",    "from",  "global", "if",
                                       "import", "in",    "is",    "lambda", "nonlocal", "not",   "or",
                                       "pass",  "raise",  "return", "try",   "while",  "with",    "yield"};

static void gather_completions(Prompt *p, const char *text)
{
    VM *vm = p->s->vm;
    if (text[0] == '%') {
        for (const char *const *m = magic_names; *m; m++) add_completion(p, "", 0, *m, text);
        return;
    }
    const char *dot = strrchr(text, '.');
    if (dot) {
        Value obj = resolve_dotted(vm, text, (size_t)(dot - text));
        if (!IS_EMPTY(obj)) add_attribute_names(p, obj, text, (size_t)(dot - text) + 1, text);
        return;
    }
    add_dict_names(p, vm->main_globals, "", 0, text);
    add_dict_names(p, vm->builtins, "", 0, text);
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) add_completion(p, "", 0, keywords[i], text);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *next_completion(const char *text, int state)
{
    Prompt *p = active;
    if (state == 0) {
        for (size_t i = 0; i < p->n_completions; i++) free(p->completions[i]);
        p->n_completions = p->next_completion = 0;
        gather_completions(p, text);
        qsort(p->completions, p->n_completions, sizeof(char *), by_name);
    }
    if (p->next_completion >= p->n_completions) return NULL;
    return strdup(p->completions[p->next_completion++]);
}

static char **complete(const char *text, int start, int end)
{
    (void)start;
    (void)end;
    rl_completion_append_character = '\0';
    return rl_completion_matches(text, next_completion);
}

/* ---- reading lines ----------------------------------------------------------------- */

/* The indentation the next line starts with: the last line's, one level
 * more after a line ending with ':'. */
static void next_indent(Prompt *p, const char *line)
{
    size_t n = 0;
    while (line[n] == ' ' && n + 4 < sizeof p->indent) n++;
    size_t len = strlen(line);
    while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t')) len--;
    if (len > 0 && line[len - 1] == ':' && n + 4 < sizeof p->indent) n += 4;
    memset(p->indent, ' ', n);
    p->indent[n] = '\0';
}

static void on_line(char *line)
{
    Prompt *p = active;
    p->line_shown = false;
    if (line == NULL) { /* Ctrl-D */
        fputc('\n', p->terminal_out);
        if (p->cell.len == 0) p->eof = true;
        else p->cell_ready = true;
        return;
    }
    bool empty = cell_line_blank(line);
    if (!empty) add_history(line);
    if (p->cell.len == 0 && empty) { /* nothing typed: the same prompt again */
        free(line);
        p->reinstall = true;
        return;
    }
    if (!empty || p->cell.len == 0) {
        cell_text_add(&p->cell, line, strlen(line));
        cell_text_add(&p->cell, "\n", 1);
        p->cell_lines++;
    }
    bool stepping = p->pretyped != NULL;
    bool done = stepping ? *p->next_pretyped == '\0' /* the stepped cell's last line */
                         : empty || (p->cell_lines == 1 && !cell_needs_more(p->cell.data));
    if (done) {
        p->cell_ready = true;
        p->indent[0] = '\0';
    } else {
        int width = snprintf(NULL, 0, "In [%d]: ", p->s->cell_count + 1);
        snprintf(p->prompt_text, sizeof p->prompt_text, "%*s: ", width - 2, "...");
        if (!stepping) next_indent(p, line);
        p->reinstall = true;
    }
    free(line);
}

/* libedit's readline layer corrupts memory once a line passes about a
 * kilobyte in callback mode (its wide-to-multibyte re-encoding of the whole
 * line after every key), so a line is capped: past LINE_LIMIT characters,
 * more text is refused (the key does nothing); editing keys still work.
 * Cells of many lines are not affected. */
#define LINE_LIMIT 900

static int read_byte(int fd)
{
    unsigned char c;
    for (;;) {
        ssize_t n = read(fd, &c, 1);
        if (n == 1) return c;
        if (n == 0 || errno != EINTR) return EOF;
    }
}

static int read_key(FILE *in)
{
    int fd = fileno(in);
    for (;;) {
        int c = read_byte(fd);
        bool adds_text = c >= 0x20 && c != 0x7f;
        if (c == EOF || !adds_text || rl_end < LINE_LIMIT) return c;
        /* refused: skip the rest of what is waiting, up to a key that edits */
        struct pollfd more = {fd, POLLIN, 0};
        if (poll(&more, 1, 0) <= 0) return 0; /* ^@: set-mark, harmless */
    }
}

static void on_stdin(uv_poll_t *handle, int status, int events)
{
    (void)handle;
    (void)status;
    (void)events;
    rl_callback_read_char();
}

/* The next line of a stepped cell goes into the edit buffer (the person
 * runs it as is, or changes it first). */
static bool type_next_line(Prompt *p)
{
    if (p->next_pretyped == NULL || *p->next_pretyped == '\0') return false;
    const char *end = strchr(p->next_pretyped, '\n');
    size_t n = end ? (size_t)(end - p->next_pretyped) : strlen(p->next_pretyped);
    char *line = strndup(p->next_pretyped, n);
    p->next_pretyped += n + (end ? 1 : 0);
    rl_insert_text(line);
    free(line);
    fputs("\r", p->terminal_out);
    rl_forced_update_display();
    return true;
}

static void start_reading(Prompt *p)
{
    rl_callback_handler_install(p->prompt_text, on_line);
    if (type_next_line(p)) {
        /* typed for them */
    } else if (p->indent[0]) {
        /* auto-indent: the text is in the line, to be kept or erased; the
         * line is drawn again from its start to show it */
        rl_insert_text(p->indent);
        fputs("\r", p->terminal_out);
        rl_forced_update_display();
    }
    fflush(p->terminal_out);
    p->line_shown = true;
    p->reinstall = false;
    if (!p->polling) {
        uv_poll_start(&p->stdin_poll, UV_READABLE, on_stdin);
        p->polling = true;
    }
}

static void stop_reading(Prompt *p)
{
    if (p->polling) {
        uv_poll_stop(&p->stdin_poll);
        p->polling = false;
    }
    rl_callback_handler_remove();
    p->line_shown = false;
}

static void set_cell_prompt(Prompt *p)
{
    snprintf(p->prompt_text, sizeof p->prompt_text, "In [%d]: ", p->s->cell_count + 1);
}

/* Ctrl-C while typing: the line (and the cell so far) is dropped. */
static void clear_typing(Prompt *p)
{
    p->s->vm->interrupt_pending = 0;
    stop_reading(p);
    fputs("^C\n", p->terminal_out);
    p->cell.len = 0;
    p->cell_lines = 0;
    p->indent[0] = '\0';
    if (p->pretyped) p->next_pretyped = p->pretyped; /* the stepped cell starts again */
    set_cell_prompt(p);
    start_reading(p);
}

/* ---- running cells ------------------------------------------------------------------ */

/* Show the lesson's prose up to its next cell and queue that cell's lines;
 * at the end of the lesson, say so and stop stepping. */
static void step_lesson(Prompt *p)
{
    free(p->pretyped);
    p->pretyped = NULL;
    p->next_pretyped = NULL;
    if (p->stepper == NULL) return;
    fputc('\n', p->terminal_out);
    char *code = lesson_stepper_next(p->stepper, p->nb.tty && getenv("NO_COLOR") == NULL);
    if (code == NULL) {
        fputs("(end of the lesson)\n\n", p->terminal_out);
        lesson_stepper_close(p->stepper);
        p->stepper = NULL;
        return;
    }
    p->pretyped = code;
    p->next_pretyped = code;
}

static void start_lesson(Prompt *p, const char *path)
{
    lesson_stepper_close(p->stepper);
    p->stepper = lesson_stepper_open(path);
    step_lesson(p);
}

static void run_cell(Prompt *p)
{
    stop_reading(p);
    p->cell_ready = false;
    bool was_stepping = p->pretyped != NULL;
    free(p->pretyped);
    p->pretyped = NULL;
    p->next_pretyped = NULL;
    while (p->cell.len && p->cell.data[p->cell.len - 1] == '\n') p->cell.data[--p->cell.len] = '\0';
    notebook_cell(p->s, &p->nb, p->cell.data, p->cell.len);
    p->cell.len = 0;
    p->cell_lines = 0;
    history_save(p);
    set_cell_prompt(p);
    if (p->nb.lesson_path) { /* %lesson FILE */
        start_lesson(p, p->nb.lesson_path);
        free(p->nb.lesson_path);
        p->nb.lesson_path = NULL;
    } else if (was_stepping) {
        step_lesson(p);
    }
    if (p->nb.pending_input) {
        /* %load: the file becomes the next cell, shown as if typed (libedit
         * cannot hold several lines for editing), then run */
        char *text = p->nb.pending_input;
        p->nb.pending_input = NULL;
        size_t len = strlen(text);
        fputs(p->prompt_text, p->terminal_out);
        for (const char *c = text; *c; c++) {
            fputc(*c, p->terminal_out);
            if (*c == '\n' && c[1]) fprintf(p->terminal_out, "%*s: ", (int)strlen(p->prompt_text) - 2, "...");
        }
        fputc('\n', p->terminal_out);
        cell_text_add(&p->cell, text, len);
        free(text);
        p->cell_ready = true;
    }
}

/* One pass of the loop while the person types (background tasks run). */
static void idle(Prompt *p)
{
    VM *vm = p->s->vm;
    aio_session_enter(vm, p->loop);
    bool ok = loop_idle_pass(vm, p->loop);
    aio_session_leave(vm, p->loop);
    if (!ok) {
        Value exc = vm_take_exception(vm);
        if (vm_isinstance(vm, exc, vm->c.KeyboardInterrupt)) {
            vm->interrupt_pending = 1; /* seen at the prompt: clear the line */
        } else {
            fflush(vm->out);
            traceback_print(vm, exc, vm->err);
        }
    }
    redraw_after_output(p);
}

static void banner(FILE *out)
{
    fputs("loopbook " LOOPBOOK_VERSION " - Python 3.11 on a live asyncio event loop. %help for help, Ctrl-D to "
          "leave.\n\n",
          out);
}

int notebook_run_prompt(Session *s, const NotebookOptions *options)
{
    VM *vm = s->vm;
    Prompt p;
    memset(&p, 0, sizeof p);
    tb_init(&p.cell);
    p.s = s;
    p.nb.timing = true;
    p.nb.tty = true;
    p.loop = aio_session_loop(vm);
    p.terminal_out = stdout;
    p.terminal_err = stderr;
    active = &p;
    banner(stdout);
    rl_getc_function = read_key; /* before anything initializes libedit's readline layer */
    history_load(&p);
    rl_catch_signals = 0;
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(+-*/,[]";
    FILE *saved_out = vm->out, *saved_err = vm->err;
    vm->out = wrap_stream(stdout);
    vm->err = wrap_stream(stderr);
    uv_poll_init(&p.loop->uv, &p.stdin_poll, STDIN_FILENO);
    set_cell_prompt(&p);
    if (options->step_lesson) start_lesson(&p, options->step_lesson);
    start_reading(&p);
    while (!p.eof && !s->exit_requested) {
        if (p.cell_ready) {
            run_cell(&p);
            if (!s->exit_requested) start_reading(&p);
            continue;
        }
        if (vm->interrupt_pending) {
            clear_typing(&p);
            continue;
        }
        if (p.reinstall) {
            stop_reading(&p);
            start_reading(&p);
        }
        idle(&p);
    }
    stop_reading(&p);
    uv_close((uv_handle_t *)&p.stdin_poll, NULL);
    uv_run(&p.loop->uv, UV_RUN_NOWAIT);
    history_save(&p);
    fflush(vm->out);
    fflush(vm->err);
    if (vm->out != saved_out) fclose(vm->out);
    if (vm->err != saved_err) fclose(vm->err);
    vm->out = saved_out;
    vm->err = saved_err;
    lesson_stepper_close(p.stepper);
    free(p.pretyped);
    for (size_t i = 0; i < p.n_completions; i++) free(p.completions[i]);
    free(p.completions);
    tb_free(&p.cell);
    free(p.history_path);
    notebook_state_free(&p.nb);
    active = NULL;
    return s->exit_requested ? s->exit_status : 0;
}
