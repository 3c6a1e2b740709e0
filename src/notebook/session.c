/* session.c: compile and run source in one VM, report errors like CPython. */
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "aio.h"
#include "clock.h"
#include "compiler.h"
#include "disasm.h"
#include "format.h"
#include "generator.h"
#include "interp.h"
#include "lexer.h"
#include "ops.h"
#include "traceback.h"

Session *session_new(void)
{
    Session *s = calloc(1, sizeof(Session));
    if (s == NULL) abort();
    s->vm = vm_new();
    s->vm->host = s;
    s->inputs = EMPTY_VAL;
    vm_add_root(s->vm, &s->inputs);
    vm_catch_sigint(s->vm);
    return s;
}

void session_free(Session *s)
{
    if (s == NULL) return;
    vm_catch_sigint(NULL);
    gen_close_suspended_at_exit(s->vm);
    fflush(s->vm->out);
    vm_free(s->vm);
    free(s->held_output);
    free(s);
}

static void report_syntax_error(VM *vm, SyntaxErrorInfo *err)
{
    fflush(vm->out);
    syntax_error_print(err, vm->err);
    syntax_error_free(err);
}

/* SystemExit ends quietly with its code; anything else prints a traceback.
 * KeyboardInterrupt exits 130 as CPython does after SIGINT. */
static void report_exception(Session *s, Value exc)
{
    VM *vm = s->vm;
    fflush(vm->out); /* what the program printed comes first */
    if (vm_isinstance(vm, exc, vm->c.SystemExit)) {
        ObjTuple *args = AS_EXCEPTION(exc)->args;
        Value code = args && args->len ? args->items[0] : NONE_VAL;
        if (IS_NONE(code)) {
            s->exit_status = 0;
        } else if (IS_INT(code)) {
            s->exit_status = (int)(AS_INT(code) & 0xff);
        } else {
            ObjStr *text;
            if (op_str(vm, code, &text)) fprintf(vm->err, "%s\n", text->data);
            else vm_take_exception(vm);
            s->exit_status = 1;
        }
        return;
    }
    traceback_print(vm, exc, vm->err);
    s->exit_status = vm_isinstance(vm, exc, vm->c.KeyboardInterrupt) ? 130 : 1;
}

static ObjCode *compile_for_run(Session *s, const char *source, size_t len, const char *filename)
{
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ObjCode *code = compile_source(s->vm, source, len, filename, COMPILE_FILE, &err);
    if (code == NULL) {
        report_syntax_error(s->vm, &err);
        s->exit_status = 1;
    }
    return code;
}

bool session_run_source(Session *s, const char *source, size_t len, const char *filename)
{
    VM *vm = s->vm;
    ObjCode *code = compile_for_run(s, source, len, filename);
    if (code == NULL) return false;
    vm_push_root(vm, OBJ_VAL(code));
    Value result;
    bool ok = vm_run_code(vm, code, vm->main_globals, &result);
    vm_pop_root(vm, 1);
    fflush(vm->out);
    if (!ok) report_exception(s, vm_take_exception(vm));
    return ok;
}

char *session_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL) abort();
    for (;;) {
        if (n + 1 >= cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (buf == NULL) abort();
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The script's path as CPython 3.11 names it (__file__, tracebacks): a
 * relative one joined to the working directory, not normalized
 * ("/home/me/./x.py"). malloc'd. */
static char *script_path(const char *path)
{
    char *cwd = path[0] == '/' ? NULL : getcwd(NULL, 0);
    char *full;
    if (asprintf(&full, "%s%s%s", cwd ? cwd : "", cwd ? "/" : "", path) < 0) abort();
    free(cwd);
    return full;
}

RunStatus session_run_file(Session *s, const char *given)
{
    char *path = script_path(given);
    size_t len;
    char *src = session_read_file(path, &len);
    if (src == NULL) {
        fprintf(stderr, "loopbook: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        free(path);
        return RUN_CANNOT_OPEN;
    }
    VM *vm = s->vm;
    traceback_register_source(vm, path, src, len);
    vm_define_value(vm, vm->main_globals, "__file__", OBJ_VAL(str_from_cstr(vm, path)));
    bool ok = session_run_source(s, src, len, path);
    free(src);
    free(path);
    return ok ? RUN_OK : RUN_FAILED;
}

bool session_disassemble_file(Session *s, const char *path)
{
    size_t len;
    char *src = session_read_file(path, &len);
    if (src == NULL) {
        fprintf(stderr, "loopbook: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return false;
    }
    ObjCode *code = compile_for_run(s, src, len, path);
    free(src);
    if (code == NULL) return false;
    disasm_code(s->vm, code, stdout);
    return true;
}

/* ---- notebook cells ------------------------------------------------------------ */

static int64_t cpu_time_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Out[n] = v; ___ = __; __ = _; _ = v, as IPython keeps them. */
static void remember_output(VM *vm, int n, Value v)
{
    ObjDict *g = vm->main_globals;
    Value out = dict_get_str(g, str_intern_cstr(vm, "Out"));
    if (IS_DICT(out)) dict_set(vm, AS_DICT(out), INT_VAL(n), v);
    Value prev = dict_get_str(g, str_intern_cstr(vm, "__"));
    if (!IS_EMPTY(prev)) dict_set_str(vm, g, str_intern_cstr(vm, "___"), prev);
    prev = dict_get_str(g, str_intern_cstr(vm, "_"));
    if (!IS_EMPTY(prev)) dict_set_str(vm, g, str_intern_cstr(vm, "__"), prev);
    dict_set_str(vm, g, str_intern_cstr(vm, "_"), v);
}

/* The display hook while a cell runs: "Out[n]: repr" (held back for
 * later while s->hold_output is set). */
static bool display_output(VM *vm, Value v)
{
    Session *s = vm->host;
    ObjStr *r;
    if (!op_repr(vm, v, &r)) return false;
    if (s->hold_output) {
        free(s->held_output);
        if (asprintf(&s->held_output, "Out[%d]: %s\n", s->cell_count, r->data) < 0) abort();
    } else {
        /* glued to a print(..., end="") before it, as IPython's is */
        fprintf(vm->out, "Out[%d]: %s\n", s->cell_count, r->data);
        vm->out_mid_line = false;
    }
    vm_push_root(vm, v);
    remember_output(vm, s->cell_count, v);
    vm_pop_root(vm, 1);
    return true;
}

void session_print_held_output(Session *s)
{
    if (s->held_output == NULL) return;
    fputs(s->held_output, s->vm->out);
    s->vm->out_mid_line = false;
    free(s->held_output);
    s->held_output = NULL;
}

/* Out (a dict) and In (a list starting with '', as IPython's) in the
 * globals, put back if a cell deleted them. (Names are interned after the
 * allocations: interned strings are weak, a collection could free them.) */
static void ensure_notebook_names(Session *s)
{
    VM *vm = s->vm;
    ObjDict *g = vm->main_globals;
    if (IS_EMPTY(dict_get_str(g, str_intern_cstr(vm, "Out")))) {
        ObjDict *d = dict_new(vm);
        vm_push_root(vm, OBJ_VAL(d));
        dict_set_str(vm, g, str_intern_cstr(vm, "Out"), OBJ_VAL(d));
        vm_pop_root(vm, 1);
    }
    if (IS_EMPTY(s->inputs)) {
        s->inputs = OBJ_VAL(list_new(vm, NULL, 0));
        list_append(vm, AS_LIST(s->inputs), OBJ_VAL(str_intern_cstr(vm, "")));
    }
    if (IS_EMPTY(dict_get_str(g, str_intern_cstr(vm, "In"))))
        dict_set_str(vm, g, str_intern_cstr(vm, "In"), s->inputs);
}

/* A str of the text, each byte that is not valid UTF-8 replaced by U+FFFD
 * (a cell may hold binary bytes). */
static ObjStr *str_from_cell_text(VM *vm, const char *text, size_t len)
{
    size_t bad = lexer_find_invalid_utf8(text, len);
    if (bad == len) return str_new(vm, text, len);
    TextBuf b;
    tb_init(&b);
    for (;;) {
        tb_add(&b, text, bad);
        if (bad == len) break;
        tb_adds(&b, "\xef\xbf\xbd");
        text += bad + 1;
        len -= bad + 1;
        bad = lexer_find_invalid_utf8(text, len);
    }
    return tb_to_str(vm, &b);
}

void session_record_input(Session *s, int n, const char *text, size_t len)
{
    VM *vm = s->vm;
    ensure_notebook_names(s);
    ObjList *in = AS_LIST(s->inputs); /* rooted through s->inputs */
    while (in->len < (uint32_t)n) list_append(vm, in, OBJ_VAL(str_intern_cstr(vm, "")));
    ObjStr *str = str_from_cell_text(vm, text, len);
    if (in->len == (uint32_t)n) list_append(vm, in, OBJ_VAL(str));
    else in->items[n] = OBJ_VAL(str);
}

/* Run the compiled cell: a cell with top-level await is a coroutine, run as
 * a task of the session's loop (so background tasks go on meanwhile). */
static bool run_cell_code(Session *s, ObjCode *code)
{
    VM *vm = s->vm;
    Value result;
    Loop *loop = vm->aio || code_is_async_cell(code) ? aio_session_loop(vm) : NULL;
    if (loop == NULL && code_is_async_cell(code)) return false;
    if (loop) aio_session_enter(vm, loop);
    bool ok;
    if (code_is_async_cell(code)) {
        ObjFunction *fn = function_new(vm, code, vm->main_globals);
        vm_push_root(vm, OBJ_VAL(fn));
        Value coro;
        ok = vm_call(vm, OBJ_VAL(fn), NULL, 0, NULL, &coro);
        if (ok) {
            vm_push_root(vm, coro);
            ok = aio_session_run(vm, loop, coro, &result);
            vm_pop_root(vm, 1);
        }
        vm_pop_root(vm, 1);
    } else {
        ok = vm_run_code(vm, code, vm->main_globals, &result);
    }
    if (vm->aio) aio_session_leave(vm, aio_session_loop(vm));
    return ok;
}

void session_run_cell(Session *s, const char *source, size_t len, CellReport *report)
{
    int n = ++s->cell_count;
    session_record_input(s, n, source, len);
    session_run_in_cell(s, source, len, n, report);
}

void session_report_exception(Session *s)
{
    Value exc = vm_take_exception(s->vm);
    if (vm_isinstance(s->vm, exc, s->vm->c.SystemExit)) s->exit_requested = true;
    report_exception(s, exc);
}

void session_run_in_cell(Session *s, const char *source, size_t len, int n, CellReport *report)
{
    VM *vm = s->vm;
    *report = (CellReport){n, false, 0, 0};
    char filename[32];
    snprintf(filename, sizeof filename, "<In [%d]>", n);
    traceback_register_source(vm, filename, source, len);
    ensure_notebook_names(s);
    int64_t t0 = clock_monotonic_ns(vm), c0 = cpu_time_ns();
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ObjCode *code = compile_source(vm, source, len, filename, COMPILE_CELL, &err);
    if (code == NULL) {
        report_syntax_error(s->vm, &err);
    } else {
        vm_push_root(vm, OBJ_VAL(code));
        bool (*saved_hook)(VM *, Value) = vm->display_hook;
        vm->display_hook = display_output;
        report->ok = run_cell_code(s, code);
        vm->display_hook = saved_hook;
        vm_pop_root(vm, 1);
        fflush(vm->out);
        if (!report->ok) session_report_exception(s);
    }
    report->wall_ns = clock_monotonic_ns(vm) - t0;
    report->cpu_ns = cpu_time_ns() - c0;
}

void session_run_background(Session *s)
{
    VM *vm = s->vm;
    if (vm->aio == NULL || IS_EMPTY(vm->aio->session_loop)) return;
    Loop *loop = aio_session_loop(vm);
    aio_session_enter(vm, loop);
    if (!loop_run_ready(vm, loop)) report_exception(s, vm_take_exception(vm));
    aio_session_leave(vm, loop);
    fflush(vm->out);
}
