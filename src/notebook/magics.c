/* magics.c: the notebook's % commands (see magics.h).
 *
 * A cell whose first non-blank character is '%' is a magic: `%name args`
 * (a line magic: the rest of the first line is its argument) or `%%name`
 * (a cell magic: the lines below the first are its body). Output formats are
 * IPython 8's where IPython has the magic: %time / %%time, %timeit, %who,
 * %history, and the UsageError lines for unknown magics and bad arguments
 * (those go to stderr, as IPython sends them). */
#include "magics.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "aio.h"
#include "cells.h"
#include "clock.h"
#include "compiler.h"
#include "dict.h"
#include "disasm.h"
#include "traceback.h"

const char *const magic_names[] = {"%help", "%time", "%%time", "%timeit", "%clock", "%reset", "%who", "%dis",
                                   "%load", "%history", "%tasks", "%timing", "%lesson", "%timeline", "%explain", "%blocking", NULL};

/* One magic being run: cell n's text taken apart. */
typedef struct {
    Session *s;
    NotebookState *nb;
    int n;
    char *args;       /* the rest of the first line, trimmed (malloc'd) */
    const char *body; /* the lines below the first ("" when none) */
    CellReport *report;
    bool *show_timing;
    bool report_filled; /* the magic filled in the report's times (%time: the statement's) */
} Magic;

typedef MagicOutcome (*MagicFn)(Magic *m);

/* ---- small helpers ---------------------------------------------------------------- */

static bool is_blank_text(const char *text)
{
    for (; *text; text++)
        if (!isspace((unsigned char)*text)) return false;
    return true;
}

/* A malloc'd copy of text[0..len) without blanks at either end. */
static char *trimmed_copy(const char *text, size_t len)
{
    while (len > 0 && isspace((unsigned char)*text)) text++, len--;
    while (len > 0 && isspace((unsigned char)text[len - 1])) len--;
    char *copy = malloc(len + 1);
    if (copy == NULL) abort();
    memcpy(copy, text, len);
    copy[len] = '\0';
    return copy;
}

/* "UsageError: ..." on stderr, after what the cell printed so far. */
static MagicOutcome usage_error(Magic *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static MagicOutcome usage_error(Magic *m, const char *fmt, ...)
{
    VM *vm = m->s->vm;
    fflush(vm->out);
    fputs("UsageError: ", vm->err);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(vm->err, fmt, ap);
    va_end(ap);
    fputc('\n', vm->err);
    fflush(vm->err);
    return MAGIC_FAILED;
}

/* The next blank-separated word of *p (advanced past it) into word, or
 * false at the end of the text. */
static bool next_word(const char **p, char *word, size_t size)
{
    const char *q = *p;
    while (isspace((unsigned char)*q)) q++;
    if (*q == '\0') return false;
    size_t len = 0;
    while (q[len] && !isspace((unsigned char)q[len])) len++;
    snprintf(word, size, "%.*s", (int)len, q);
    *p = q + len;
    return true;
}

static int64_t real_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static double timeval_seconds(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* The notebook's own names: In (the session's input list) and Out. */
static bool is_notebook_name(Session *s, ObjStr *name, Value v)
{
    if (strcmp(name->data, "In") == 0) return value_is(v, s->inputs);
    return strcmp(name->data, "Out") == 0 && IS_DICT(v);
}

/* ---- %time STMT and %%time ------------------------------------------------------------- */

/* Run stmt as cell n and print IPython's two timing lines after what it
 * printed; its Out[n] comes last, as IPython's display hook shows it after
 * the magic has returned. Awaiting statements work: the session compiles
 * stmt as a cell. The Wall time is on the session's clock ("(virtual)" under
 * the virtual one, like the notebook's own timing line); CPU times are the
 * process's (real even under the virtual clock). */
static MagicOutcome time_statement(Magic *m, const char *stmt)
{
    Session *s = m->s;
    VM *vm = s->vm;
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    s->hold_output = true;
    session_run_in_cell(s, stmt, strlen(stmt), m->n, m->report);
    s->hold_output = false;
    m->report_filled = true;
    getrusage(RUSAGE_SELF, &after);
    *m->show_timing = false;
    if (!m->report->ok) {
        session_print_held_output(s);
        return MAGIC_FAILED;
    }
    double user = timeval_seconds(after.ru_utime) - timeval_seconds(before.ru_utime);
    double sys = timeval_seconds(after.ru_stime) - timeval_seconds(before.ru_stime);
    char u[32], y[32], t[32], w[32];
    format_duration(user, u, sizeof u);
    format_duration(sys, y, sizeof y);
    format_duration(user + sys, t, sizeof t);
    format_duration((double)m->report->wall_ns / 1e9, w, sizeof w);
    fprintf(vm->out, "CPU times: user %s, sys: %s, total: %s\n", u, y, t);
    fprintf(vm->out, "Wall time: %s%s\n", w, vm->clock_virtual ? " (virtual)" : "");
    session_print_held_output(s);
    return MAGIC_DONE;
}

/* The statement of %time / %timeit (malloc'd): the rest of the line, and
 * the lines below it when the first one opened a block (`%time for i in x:`). */
static char *statement_text(const char *line, const char *body)
{
    size_t line_len = strlen(line), body_len = strlen(body);
    char *stmt = malloc(line_len + body_len + 2);
    if (stmt == NULL) abort();
    memcpy(stmt, line, line_len);
    stmt[line_len] = '\0';
    if (!is_blank_text(body)) {
        stmt[line_len] = '\n';
        memcpy(stmt + line_len + 1, body, body_len + 1);
    }
    return stmt;
}

static MagicOutcome magic_time(Magic *m)
{
    char *stmt = statement_text(m->args, m->body);
    MagicOutcome outcome = time_statement(m, stmt);
    free(stmt);
    return outcome;
}

static MagicOutcome magic_cell_time(Magic *m)
{
    if (m->args[0] != '\0')
        return usage_error(m, "%%%%time takes nothing on its line, it times the lines below it: '%s'", m->args);
    if (is_blank_text(m->body))
        return usage_error(m, "%%%%time is a cell magic, but the cell body is empty. Did you mean the line magic "
                              "%%time (single %%)?");
    return time_statement(m, m->body);
}

/* ---- %timeit ----------------------------------------------------------------------------- */

typedef struct {
    int64_t number; /* loops per run; 0: find it (each run lasting 0.2 s at least) */
    int64_t repeat; /* runs */
} TimeitOptions;

/* The value of option -c: the rest of its word (-n10) or the next word. */
static bool option_value(Magic *m, const char **p, const char *word, int64_t *out)
{
    char value[64];
    if (word[2] != '\0') snprintf(value, sizeof value, "%s", word + 2);
    else if (!next_word(p, value, sizeof value)) {
        usage_error(m, "option -%c requires argument", word[1]);
        return false;
    }
    char *end;
    errno = 0;
    long long v = strtoll(value, &end, 10);
    if (end == value || *end != '\0' || errno == ERANGE || v < 0) {
        usage_error(m, "%%timeit -%c expects a whole number of %s, not '%s'", word[1],
                    word[1] == 'n' ? "loops" : "runs", value);
        return false;
    }
    *out = v;
    return true;
}

/* IPython's options -n LOOPS and -r RUNS, then the statement. */
static bool parse_timeit_options(Magic *m, TimeitOptions *o, const char **stmt)
{
    *o = (TimeitOptions){0, 7};
    const char *p = m->args;
    for (;;) {
        while (isspace((unsigned char)*p)) p++;
        if (p[0] != '-' || p[1] == '\0' || isspace((unsigned char)p[1])) break;
        char word[64];
        next_word(&p, word, sizeof word);
        if (word[1] != 'n' && word[1] != 'r') {
            usage_error(m, "option -%c not recognized ( allowed: \"n:r\" )", word[1]);
            return false;
        }
        if (!option_value(m, &p, word, word[1] == 'n' ? &o->number : &o->repeat)) return false;
    }
    if (o->repeat < 1 || o->repeat > 1000000) {
        usage_error(m, "%%timeit -r takes 1 to 1,000,000 runs, not %lld", (long long)o->repeat);
        return false;
    }
    *stmt = p;
    return true;
}

/* The code object named `name` among code's constants. */
static ObjCode *nested_code(ObjCode *code, const char *name)
{
    for (uint32_t i = 0; i < code->n_constants; i++) {
        Value c = code->constants[i];
        if (IS_CODE(c) && strcmp(((ObjCode *)AS_OBJ(c))->name->data, name) == 0) return (ObjCode *)AS_OBJ(c);
    }
    return NULL;
}

static void print_syntax_error(VM *vm, SyntaxErrorInfo *err)
{
    fflush(vm->out);
    syntax_error_print(err, vm->err);
    syntax_error_free(err);
}

/* stmt as the body of a function `<timeit>` whose globals are the
 * notebook's (an async def when it awaits), made from the parsed statement
 * so that errors keep the statement's own lines and columns. It is
 * compiled as a cell first, for the errors a cell would get (a top-level
 * `return` ...) and to learn whether it awaits. NULL after printing an error. */
static ObjFunction *compile_timeit_function(VM *vm, const char *stmt, const char *filename, bool *is_async)
{
    size_t len = strlen(stmt);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ObjCode *as_cell = compile_source(vm, stmt, len, filename, COMPILE_CELL, &err);
    if (as_cell == NULL) {
        print_syntax_error(vm, &err);
        return NULL;
    }
    *is_async = code_is_async_cell(as_cell);
    AstModule tree;
    if (!parse_module(stmt, len, filename, &tree, &err)) {
        print_syntax_error(vm, &err);
        return NULL;
    }
    Node *def = arena_alloc(&tree.arena, sizeof(Node));
    def->kind = AST_FUNCTION_DEF;
    def->is_async = *is_async;
    def->name = "<timeit>";
    def->args = arena_alloc(&tree.arena, sizeof(AstArgs));
    def->body = tree.body;
    def->line = def->end_line = 1;
    if (tree.body.len > 0) def->end_line = tree.body.items[tree.body.len - 1]->end_line;
    Node **items = arena_alloc(&tree.arena, sizeof(Node *));
    items[0] = def;
    tree.body = (NodeList){items, 1};
    ObjCode *module = compile_module(vm, &tree, filename, COMPILE_FILE, &err);
    ast_module_free(&tree);
    if (module == NULL) {
        print_syntax_error(vm, &err);
        return NULL;
    }
    vm_push_root(vm, OBJ_VAL(module));
    ObjFunction *fn = function_new(vm, nested_code(module, "<timeit>"), vm->main_globals);
    vm_pop_root(vm, 1);
    return fn;
}

/* Call fn `number` times (and run each coroutine it returns on the session
 * loop): *seconds of real time they took. False with an exception. */
static bool timeit_loops(VM *vm, Value fn, Loop *loop, bool is_async, int64_t number, double *seconds)
{
    int64_t t0 = real_ns();
    for (int64_t i = 0; i < number; i++) {
        if (vm->interrupt_pending && !vm_check_interrupt(vm)) return false;
        Value result;
        if (!vm_call(vm, fn, NULL, 0, NULL, &result)) return false;
        if (is_async) {
            vm_push_root(vm, result);
            bool ok = aio_session_run(vm, loop, result, &result);
            vm_pop_root(vm, 1);
            if (!ok) return false;
        }
    }
    *seconds = (double)(real_ns() - t0) / 1e9;
    return true;
}

/* 1234567 as "1,234,567". */
static void format_thousands(int64_t v, char *out, size_t size)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%lld", (long long)v);
    size_t o = 0;
    for (int i = 0; i < len && o + 1 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0 && o + 2 < size) out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

/* IPython's TimeitResult: the mean and the (population) standard deviation
 * of the per-loop times, after its warning about a run much slower than
 * the fastest. */
static void print_timeit_result(VM *vm, const double *runs, int64_t repeat, int64_t number)
{
    double best = runs[0], worst = runs[0], sum = 0;
    for (int64_t i = 0; i < repeat; i++) {
        best = fmin(best, runs[i]);
        worst = fmax(worst, runs[i]);
        sum += runs[i] / (double)number;
    }
    double mean = sum / (double)repeat, squares = 0;
    for (int64_t i = 0; i < repeat; i++) squares += pow(runs[i] / (double)number - mean, 2);
    double stdev = sqrt(squares / (double)repeat);
    best /= (double)number;
    worst /= (double)number;
    if (worst > 4 * best && best > 0 && worst > 1e-6)
        fprintf(vm->out,
                "The slowest run took %0.2f times longer than the fastest. This could mean that an intermediate "
                "result is being cached.\n",
                worst / best);
    char m[32], d[32], loops[32];
    format_duration(mean, m, sizeof m);
    format_duration(stdev, d, sizeof d);
    format_thousands(number, loops, sizeof loops);
    fprintf(vm->out, "%s \xc2\xb1 %s per loop (mean \xc2\xb1 std. dev. of %lld run%s, %s loop%s each)\n", m, d,
            (long long)repeat, repeat == 1 ? "" : "s", loops, number == 1 ? "" : "s");
}

/* Find the loop count as IPython does (1, 10, 100 ... until a run lasts
 * 0.2 s), then time `repeat` runs. */
static bool timeit_measure(VM *vm, Value fn, Loop *loop, bool is_async, TimeitOptions *o, double *runs)
{
    double t;
    if (o->number == 0) {
        for (int index = 0; index < 10; index++) {
            o->number = (int64_t)pow(10, index);
            if (!timeit_loops(vm, fn, loop, is_async, o->number, &t)) return false;
            if (t >= 0.2) break;
        }
    }
    for (int64_t r = 0; r < o->repeat; r++)
        if (!timeit_loops(vm, fn, loop, is_async, o->number, &runs[r])) return false;
    return true;
}

/* %timeit [-n LOOPS] [-r RUNS] STMT: STMT compiled once as a function body
 * and called in a C loop; an awaiting STMT runs as a coroutine on the
 * session loop each time. Timings are real time, under either clock: they
 * measure the interpreter's work (under the virtual clock sleeps take no
 * time at all, and CPU work no virtual time, so the loop count could never
 * be found on it). */
static MagicOutcome timeit_statement(Magic *m, const char *stmt, TimeitOptions *o)
{
    VM *vm = m->s->vm;
    char filename[32];
    snprintf(filename, sizeof filename, "<In [%d]>", m->n);
    traceback_register_source(vm, filename, stmt, strlen(stmt));
    bool is_async;
    ObjFunction *fn = compile_timeit_function(vm, stmt, filename, &is_async);
    if (fn == NULL) return MAGIC_FAILED;
    vm_push_root(vm, OBJ_VAL(fn));
    /* the statement runs on the session loop as cells do (asyncio works in it) */
    Loop *loop = vm->aio || is_async ? aio_session_loop(vm) : NULL;
    double *runs = calloc((size_t)o->repeat, sizeof(double));
    if (runs == NULL) abort();
    bool ok = loop != NULL || !is_async;
    if (ok) {
        if (loop) aio_session_enter(vm, loop);
        ok = timeit_measure(vm, OBJ_VAL(fn), loop, is_async, o, runs);
        if (loop) aio_session_leave(vm, loop);
    }
    vm_pop_root(vm, 1);
    if (ok) print_timeit_result(vm, runs, o->repeat, o->number);
    else session_report_exception(m->s);
    free(runs);
    return ok ? MAGIC_DONE : MAGIC_FAILED;
}

static MagicOutcome magic_timeit(Magic *m)
{
    *m->show_timing = false;
    TimeitOptions o;
    const char *rest;
    if (!parse_timeit_options(m, &o, &rest)) return MAGIC_FAILED;
    char *stmt = statement_text(rest, m->body);
    MagicOutcome outcome = is_blank_text(stmt)
                               ? usage_error(m, "%%timeit needs a statement to time, e.g. %%timeit sum(range(100))")
                               : timeit_statement(m, stmt, &o);
    free(stmt);
    return outcome;
}

/* ---- %who and %reset ------------------------------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
    const ObjStr *x = *(ObjStr *const *)a, *y = *(ObjStr *const *)b;
    size_t n = x->byte_len < y->byte_len ? x->byte_len : y->byte_len;
    int c = memcmp(x->data, y->data, n); /* UTF-8 byte order is code point order */
    return c ? c : (x->byte_len > y->byte_len) - (x->byte_len < y->byte_len);
}

/* Whether type(v).__name__ is one of the words of `types` (all when empty). */
static bool type_matches(VM *vm, Value v, const char *types)
{
    if (types[0] == '\0') return true;
    const char *name = vm_class_of(vm, v)->name->data;
    char word[128];
    const char *p = types;
    while (next_word(&p, word, sizeof word))
        if (strcmp(word, name) == 0) return true;
    return false;
}

/* %who [TYPE...]: IPython's listing of the names the user defined (not
 * those starting with '_', nor In and Out), sorted, each followed by a tab
 * and a space, nine to a line. */
static MagicOutcome magic_who(Magic *m)
{
    VM *vm = m->s->vm;
    ObjDict *g = vm->main_globals;
    ObjStr **names = malloc(sizeof(ObjStr *) * (g->table.len + 1));
    if (names == NULL) abort();
    size_t count = 0;
    uint32_t pos = 0;
    Value key, value;
    while (dict_next(g, &pos, &key, &value)) {
        if (!IS_STR(key) || AS_STR(key)->data[0] == '_' || is_notebook_name(m->s, AS_STR(key), value)) continue;
        if (type_matches(vm, value, m->args)) names[count++] = AS_STR(key);
    }
    qsort(names, count, sizeof *names, compare_names);
    if (count == 0)
        fputs(m->args[0] ? "No variables match your requested type.\n" : "Interactive namespace is empty.\n", vm->out);
    for (size_t i = 0; i < count; i++) {
        fprintf(vm->out, "%s\t ", names[i]->data);
        if (i % 9 == 8) fputc('\n', vm->out);
    }
    if (count > 0) fputc('\n', vm->out);
    free(names);
    return MAGIC_DONE;
}

/* What %reset keeps: the module's own dunder names (__name__, __builtins__
 * ...) and the notebook's In and Out. _, __ and ___ go. */
static bool reset_keeps(Session *s, Value key, Value value)
{
    if (!IS_STR(key)) return false;
    ObjStr *k = AS_STR(key);
    bool dunder = k->byte_len > 4 && strncmp(k->data, "__", 2) == 0 && strcmp(k->data + k->byte_len - 2, "__") == 0;
    return dunder || is_notebook_name(s, k, value);
}

/* %reset [-f]: delete the user's names without asking (IPython asks unless
 * -f); Out is emptied as IPython flushes its output cache; In stays. */
static MagicOutcome magic_reset(Magic *m)
{
    VM *vm = m->s->vm;
    if (m->args[0] != '\0' && strcmp(m->args, "-f") != 0)
        return usage_error(m, "%%reset takes no arguments (it never asks; -f is accepted): '%s'", m->args);
    ObjDict *g = vm->main_globals;
    ObjList *doomed = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(doomed));
    uint32_t pos = 0;
    Value key, value;
    while (dict_next(g, &pos, &key, &value))
        if (!reset_keeps(m->s, key, value)) list_append(vm, doomed, key);
    bool ok = true;
    for (uint32_t i = 0; ok && i < doomed->len; i++) {
        bool found;
        ok = dict_del(vm, g, doomed->items[i], &found);
    }
    vm_pop_root(vm, 1);
    Value out = dict_get_str(g, str_intern_cstr(vm, "Out"));
    if (ok && IS_DICT(out)) dict_table_clear(vm, &AS_DICT(out)->table);
    if (!ok) {
        session_report_exception(m->s);
        return MAGIC_FAILED;
    }
    return MAGIC_DONE;
}

/* ---- %dis ------------------------------------------------------------------------------------ */

static bool is_identifier(const char *p, size_t len)
{
    if (len == 0 || isdigit((unsigned char)p[0])) return false;
    for (size_t i = 0; i < len; i++)
        if (!isalnum((unsigned char)p[i]) && p[i] != '_' && (unsigned char)p[i] < 0x80) return false;
    return true;
}

/* The value of a dotted name (f, C.method, module.f): from the globals, then
 * the builtins, then attribute by attribute. False with an exception. */
static bool lookup_dotted(VM *vm, const char *dotted, Value *out)
{
    const char *p = dotted;
    const char *dot = strchr(p, '.');
    size_t len = dot ? (size_t)(dot - p) : strlen(p);
    ObjStr *name = str_intern(vm, p, len);
    *out = dict_get_str(vm->main_globals, name);
    if (IS_EMPTY(*out)) *out = dict_get_str(vm->builtins, name);
    if (IS_EMPTY(*out)) return vm_raise(vm, vm->c.NameError, "name '%s' is not defined", name->data);
    while (dot) {
        p = dot + 1;
        dot = strchr(p, '.');
        len = dot ? (size_t)(dot - p) : strlen(p);
        vm_push_root(vm, *out);
        name = str_intern(vm, p, len);
        bool ok = vm_getattr(vm, *out, name, out);
        vm_pop_root(vm, 1);
        if (!ok) return false;
    }
    return true;
}

static bool is_dotted_name(const char *text)
{
    for (;;) {
        const char *dot = strchr(text, '.');
        size_t len = dot ? (size_t)(dot - text) : strlen(text);
        if (!is_identifier(text, len)) return false;
        if (dot == NULL) return true;
        text = dot + 1;
    }
}

/* The code object behind a function, a method or a code object; NULL for
 * anything else. */
static ObjCode *code_of(Value v)
{
    if (IS_KIND(v, OBJ_BOUND_METHOD)) v = AS_BOUND_METHOD(v)->func;
    if (IS_FUNCTION(v)) return AS_FUNCTION(v)->code;
    if (IS_CODE(v)) return (ObjCode *)AS_OBJ(v);
    return NULL;
}

/* %dis NAME: the bytecode of a function (and of the code nested in it). */
static MagicOutcome magic_dis(Magic *m)
{
    VM *vm = m->s->vm;
    if (m->args[0] == '\0') return usage_error(m, "%%dis needs the name of a function, e.g. %%dis main");
    if (!is_dotted_name(m->args))
        return usage_error(m, "%%dis takes the name of a function (like f or Class.method), not '%s'", m->args);
    Value v;
    if (!lookup_dotted(vm, m->args, &v)) {
        session_report_exception(m->s);
        return MAGIC_FAILED;
    }
    ObjCode *code = code_of(v);
    if (code == NULL && IS_NATIVE(v)) return usage_error(m, "'%s' is built in: it has no bytecode", m->args);
    if (code == NULL && IS_CLASS(v))
        return usage_error(m, "'%s' is a class: try %%dis %s.METHOD", m->args, m->args);
    if (code == NULL)
        return usage_error(m, "'%s' is a%s %s, not a function", m->args,
                           strchr("aeiou", vm_class_of(vm, v)->name->data[0]) ? "n" : "",
                           vm_class_of(vm, v)->name->data);
    fflush(vm->out);
    disasm_code(vm, code, vm->out);
    return MAGIC_DONE;
}

/* ---- %load ----------------------------------------------------------------------------------- */

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The file's text (malloc'd, NUL-terminated), or NULL with errno set: a
 * folder is refused here (fopen would open it, and reading it fail). */
static char *read_text_file(const char *path, size_t *len)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return NULL;
    }
    return session_read_file(path, len);
}

/* %load FILE: the file becomes the next cell, headed "# %load FILE" as
 * IPython heads it (the prompt puts it in the edit buffer, the transcript
 * runs it). */
static MagicOutcome magic_load(Magic *m)
{
    const char *path = m->args;
    if (path[0] == '\0') return usage_error(m, "%%load needs a file name, e.g. %%load examples/hello.py");
    if (ends_with(path, ".md")) return usage_error(m, "'%s' is a lesson: step through it with %%lesson %s", path, path);
    size_t len;
    char *text = read_text_file(path, &len);
    if (text == NULL) return usage_error(m, "cannot load '%s': %s", path, strerror(errno));
    if (strlen(text) != len) {
        free(text);
        return usage_error(m, "cannot load '%s': it holds NUL bytes, it is not Python source", path);
    }
    while (len > 0 && isspace((unsigned char)text[len - 1])) len--;
    free(m->nb->pending_input);
    if (asprintf(&m->nb->pending_input, "# %%load %s\n%.*s", path, (int)len, text) < 0) abort();
    free(text);
    return MAGIC_DONE;
}

/* ---- %timeline ------------------------------------------------------------------------------- */

static int terminal_width(FILE *out)
{
    struct winsize ws;
    if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    return 80;
}

/* %timeline: when each task of the cell before ran (#), waited (-) and
 * ended. %timeline on|off: whether cells are recorded at all. */
static MagicOutcome magic_timeline(Magic *m)
{
    VM *vm = m->s->vm;
    bool on = strcmp(m->args, "on") == 0;
    if (on || strcmp(m->args, "off") == 0) {
        if (!aio_timeline_enable(vm, on)) return usage_error(m, "%%timeline: asyncio is not available");
        fputs(on ? "Recording is on: %timeline and %explain tell the cell before them.\n"
                 : "Recording is off: cells are not recorded, and blocking is not reported.\n",
              vm->out);
        return MAGIC_DONE;
    }
    if (m->args[0] != '\0') return usage_error(m, "%%timeline takes nothing, on or off, not '%s'", m->args);
    if (!aio_timeline_enabled(vm)) {
        fputs("(recording is off: %timeline on records the cells after it)\n", vm->out);
        return MAGIC_DONE;
    }
    aio_timeline_print(vm, vm->out, terminal_width(stdout), m->nb->tty && getenv("NO_COLOR") == NULL);
    return MAGIC_DONE;
}

/* %blocking [SECONDS|off]: how long one step of a task may hold the event
 * loop before the cell reports it. */
static MagicOutcome magic_blocking(Magic *m)
{
    VM *vm = m->s->vm;
    if (m->args[0] != '\0') {
        double seconds = 0;
        char *end = NULL;
        if (strcmp(m->args, "off") != 0) {
            seconds = strtod(m->args, &end);
            if (end == m->args || *end != '\0' || !(seconds > 0) || seconds > 1e6)
                return usage_error(m, "%%blocking takes a number of seconds or off, not '%s'", m->args);
        }
        if (!aio_set_block_threshold(vm, seconds)) return usage_error(m, "%%blocking: asyncio is not available");
    }
    double now = aio_block_threshold(vm);
    if (now > 0) fprintf(vm->out, "A step that holds the event loop for %g s or more is reported.\n", now);
    else fputs("Blocking is not reported.\n", vm->out);
    return MAGIC_DONE;
}

/* %explain: the cell before, as numbered steps in plain words. */
static MagicOutcome magic_explain(Magic *m)
{
    if (m->args[0] != '\0') return usage_error(m, "%%explain takes no arguments: '%s'", m->args);
    if (!aio_timeline_enabled(m->s->vm)) {
        fputs("(recording is off: %timeline on records the cells after it)\n", m->s->vm->out);
        return MAGIC_DONE;
    }
    aio_timeline_explain(m->s->vm, m->s->vm->out);
    return MAGIC_DONE;
}

/* ---- %lesson ---------------------------------------------------------------------------------- */

/* %lesson FILE: the prompt shows the lesson's prose and puts each cell into
 * the edit buffer in turn. */
static MagicOutcome magic_lesson(Magic *m)
{
    const char *path = m->args;
    if (path[0] == '\0') return usage_error(m, "%%lesson needs a lesson file, e.g. %%lesson lessons/03-create-task.md");
    if (access(path, R_OK) != 0) return usage_error(m, "cannot open lesson '%s': %s", path, strerror(errno));
    free(m->nb->lesson_path);
    m->nb->lesson_path = strdup(path);
    return MAGIC_DONE;
}

/* ---- %history -------------------------------------------------------------------------------- */

/* The text of a cell as IPython's %history shows it: tabs expanded to
 * 4-column stops, trailing blanks dropped. */
static void print_history_text(FILE *out, const char *text)
{
    size_t end = strlen(text);
    while (end > 0 && isspace((unsigned char)text[end - 1])) end--;
    int column = 0;
    for (size_t i = 0; i < end; i++) {
        if (text[i] == '\t') {
            int spaces = 4 - column % 4;
            fprintf(out, "%*s", spaces, "");
            column += spaces;
            continue;
        }
        fputc(text[i], out);
        column = text[i] == '\n' ? 0 : column + 1;
    }
    fputc('\n', out);
}

/* One range of %history: "4" (cell 4), "2-5" (2 to 5), "2:5" (2 to 4), as
 * IPython reads them. */
static bool parse_history_range(const char *word, long *from, long *to)
{
    char *end;
    *from = strtol(word, &end, 10);
    if (end == word || *from < 0) return false;
    if (*end == '\0') {
        *to = *from;
        return true;
    }
    char sep = *end;
    const char *second = end + 1;
    if (sep != '-' && sep != ':') return false;
    *to = strtol(second, &end, 10);
    if (end == second || *end != '\0') return false;
    if (sep == ':') --*to;
    return true;
}

static void print_history_entry(FILE *out, long n, const char *text, bool numbers)
{
    if (numbers) fprintf(out, "%4ld:%c", n, strchr(text, '\n') ? '\n' : ' ');
    print_history_text(out, text);
}

/* %history [-n] [RANGE...]: the cells typed so far (this one included), as
 * IPython prints them; -n numbers them. */
static MagicOutcome magic_history(Magic *m)
{
    VM *vm = m->s->vm;
    bool numbers = false;
    long ranges[32][2];
    int n_ranges = 0;
    char word[64];
    const char *p = m->args;
    while (next_word(&p, word, sizeof word)) {
        if (strcmp(word, "-n") == 0) {
            numbers = true;
        } else if (n_ranges == 32 || !parse_history_range(word, &ranges[n_ranges][0], &ranges[n_ranges][1])) {
            return usage_error(m, "%%history takes -n and cell numbers like 3, 2-5 or 2:5, not '%s'", word);
        } else {
            n_ranges++;
        }
    }
    ObjList *in = AS_LIST(m->s->inputs);
    if (n_ranges == 0) {
        ranges[0][0] = 1;
        ranges[0][1] = (long)in->len - 1;
        n_ranges = 1;
    }
    for (int r = 0; r < n_ranges; r++)
        for (long i = ranges[r][0] < 1 ? 1 : ranges[r][0]; i <= ranges[r][1] && i < (long)in->len; i++)
            print_history_entry(vm->out, i, AS_STR(in->items[i])->data, numbers);
    return MAGIC_DONE;
}

/* ---- %tasks, %timing, %clock ----------------------------------------------------------------- */

/* %tasks: each pending task of the session loop and what it awaits. */
static MagicOutcome magic_tasks(Magic *m)
{
    VM *vm = m->s->vm;
    if (m->args[0] != '\0') return usage_error(m, "%%tasks takes no arguments: '%s'", m->args);
    Loop *loop = aio_session_loop(vm);
    if (loop == NULL) {
        session_report_exception(m->s);
        return MAGIC_FAILED;
    }
    TextBuf b;
    tb_init(&b);
    loop_describe_waiting(vm, loop, "\n", &b);
    if (b.len == 0) fputs("no pending tasks\n", vm->out);
    else fprintf(vm->out, "%.*s\n", (int)b.len, b.data);
    tb_free(&b);
    return MAGIC_DONE;
}

static MagicOutcome magic_timing(Magic *m)
{
    if (strcmp(m->args, "on") == 0) m->nb->timing = true;
    else if (strcmp(m->args, "off") == 0) m->nb->timing = false;
    else if (m->args[0] != '\0') return usage_error(m, "%%timing takes on or off, not '%s'", m->args);
    fputs(m->nb->timing ? "Timing is on: a Wall time line follows each cell.\n" : "Timing is off.\n", m->s->vm->out);
    return MAGIC_DONE;
}

/* %clock real|virtual. Switching keeps monotonic time going forward and the
 * loop's timers where they were (clock.h says how). */
static MagicOutcome magic_clock(Magic *m)
{
    VM *vm = m->s->vm;
    if (strcmp(m->args, "virtual") == 0) clock_use_virtual(vm);
    else if (strcmp(m->args, "real") == 0) clock_use_real(vm);
    else if (m->args[0] != '\0') return usage_error(m, "%%clock takes real or virtual, not '%s'", m->args);
    /* the switch may move time forward (to a whole second): not this cell's time */
    m->report->wall_ns = 0;
    m->report->cpu_ns = 0;
    m->report_filled = true;
    fputs(vm->clock_virtual ? "The clock is virtual: time jumps to the next timer, nothing really waits.\n"
                            : "The clock is real: waits take the time they say.\n",
          vm->out);
    return MAGIC_DONE;
}

/* ---- %help ------------------------------------------------------------------------------------ */

static MagicOutcome magic_help(Magic *m)
{
    static const char text[] =
        "%time STMT            run STMT as this cell, then print its CPU and wall times (await works)\n"
        "%%time                on a cell's first line: time the lines below it\n"
        "%timeit [-n N] [-r R] STMT  time STMT over many loops: mean \xc2\xb1 std. dev. of R runs of N loops\n"
        "%who [TYPE...]        the names you defined (only those of these types)\n"
        "%reset                delete every name you defined (without asking)\n"
        "%dis NAME             the bytecode of function NAME\n"
        "%load FILE            put a .py file in the next cell\n"
        "%history [-n] [RANGE] the cells entered so far (-n: numbered; RANGE like 3 or 2-5)\n"
        "%tasks                the event loop's pending tasks, and what each one awaits\n"
        "%timing on|off        show or hide the Wall time line after each cell\n"
        "%clock real|virtual   the clock asyncio runs on: virtual time jumps to the next timer\n"
        "%timeline [on|off]    when each task of the cell before ran, waited and ended (off: stop recording)\n"
        "%explain              the cell before, step by step: what ran, what it awaited\n"
        "%blocking [S|off]     report a task step that holds the loop S seconds or more (default 0.1)\n"
        "%lesson FILE          step through a lesson: each cell is typed into the prompt for you\n"
        "%help                 this list\n"
        "\n"
        "A cell is one line, or a block (its first line ends with ':') closed by an empty line.\n"
        "`await` works at the top level of a cell; tasks a cell creates go on running between cells.\n"
        "Ctrl-C interrupts the running cell (an awaiting cell's task is cancelled) or clears the line.\n"
        "Ctrl-D or exit() leaves.\n";
    if (m->args[0] != '\0') return usage_error(m, "%%help takes no arguments: '%s'", m->args);
    fputs(text, m->s->vm->out);
    return MAGIC_DONE;
}

/* ---- dispatch -------------------------------------------------------------------------------- */

static const struct {
    const char *name;
    MagicFn fn;
    bool takes_lines; /* the lines below the first belong to it (%time for x in y: ...) */
} line_magics[] = {
    {"time", magic_time, true},        {"timeit", magic_timeit, true}, {"who", magic_who, false},
    {"reset", magic_reset, false},     {"dis", magic_dis, false},      {"load", magic_load, false},
    {"history", magic_history, false}, {"tasks", magic_tasks, false},  {"timing", magic_timing, false},
    {"clock", magic_clock, false},     {"help", magic_help, false},    {"lesson", magic_lesson, false},
    {"timeline", magic_timeline, false}, {"explain", magic_explain, false}, {"blocking", magic_blocking, false},
};

static int find_line_magic(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof line_magics / sizeof line_magics[0]; i++)
        if (strlen(line_magics[i].name) == len && strncmp(line_magics[i].name, name, len) == 0) return (int)i;
    return -1;
}

/* The magic's name starts at `name`, its first line ends at line_end. */
static MagicOutcome dispatch(Magic *m, bool cell_magic, const char *name, size_t name_len)
{
    int i = find_line_magic(name, name_len);
    if (cell_magic) {
        if (name_len == 4 && strncmp(name, "time", 4) == 0) return magic_cell_time(m);
        if (i >= 0)
            return usage_error(m, "Cell magic `%%%%%.*s` not found (But line magic `%%%.*s` exists, did you mean "
                                  "that instead?).",
                               (int)name_len, name, (int)name_len, name);
        return usage_error(m, "Cell magic `%%%%%.*s` not found.", (int)name_len, name);
    }
    if (i < 0) return usage_error(m, "Line magic function `%%%.*s` not found.", (int)name_len, name);
    if (!line_magics[i].takes_lines && !is_blank_text(m->body))
        return usage_error(m, "%%%s takes one line: put what follows it in a cell of its own", line_magics[i].name);
    return line_magics[i].fn(m);
}

MagicOutcome magic_run(Session *s, NotebookState *nb, const char *cell, CellReport *report, bool *show_timing)
{
    *show_timing = true;
    const char *p = cell;
    while (isspace((unsigned char)*p)) p++;
    if (*p != '%') return MAGIC_NOT_A_MAGIC;
    int n = ++s->cell_count;
    session_record_input(s, n, cell, strlen(cell));
    VM *vm = s->vm;
    int64_t t0 = clock_monotonic_ns(vm), c0 = cpu_ns();
    *report = (CellReport){n, false, 0, 0};

    bool cell_magic = p[1] == '%';
    const char *name = p + (cell_magic ? 2 : 1);
    size_t name_len = 0;
    while (isalnum((unsigned char)name[name_len]) || name[name_len] == '_') name_len++;
    const char *line_end = strchr(name, '\n');
    if (line_end == NULL) line_end = name + strlen(name);
    Magic m = {s, nb, n, trimmed_copy(name + name_len, (size_t)(line_end - name - name_len)),
               *line_end ? line_end + 1 : line_end, report, show_timing, false};
    /* a name is followed by a blank or the end: "%time(1)" is not %time */
    size_t word_len = name_len;
    while (name[word_len] && !isspace((unsigned char)name[word_len])) word_len++;
    MagicOutcome outcome = dispatch(&m, cell_magic, name, word_len);
    free(m.args);

    if (!m.report_filled) {
        report->wall_ns = clock_monotonic_ns(vm) - t0;
        report->cpu_ns = cpu_ns() - c0;
    }
    report->number = n;
    report->ok = outcome == MAGIC_DONE;
    fflush(vm->out);
    return outcome;
}

void notebook_state_free(NotebookState *nb)
{
    free(nb->pending_input);
    free(nb->lesson_path);
    nb->pending_input = nb->lesson_path = NULL;
}
