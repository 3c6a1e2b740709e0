/* session.c: compile and run source in one VM, report errors like CPython. */
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"
#include "disasm.h"
#include "interp.h"
#include "ops.h"
#include "traceback.h"

Session *session_new(void)
{
    Session *s = calloc(1, sizeof(Session));
    if (s == NULL) abort();
    s->vm = vm_new();
    s->vm->host = s;
    vm_catch_sigint(s->vm);
    return s;
}

void session_free(Session *s)
{
    if (s == NULL) return;
    vm_catch_sigint(NULL);
    vm_free(s->vm);
    free(s);
}

static void report_syntax_error(SyntaxErrorInfo *err)
{
    fflush(stdout);
    syntax_error_print(err, stderr);
    syntax_error_free(err);
}

/* SystemExit ends quietly with its code; anything else prints a traceback.
 * KeyboardInterrupt exits 130 as CPython does after SIGINT. */
static void report_exception(Session *s, Value exc)
{
    VM *vm = s->vm;
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
        report_syntax_error(&err);
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

/* The whole file, NUL-terminated; NULL with errno set when unreadable. */
static char *read_file(const char *path, size_t *len)
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

RunStatus session_run_file(Session *s, const char *path)
{
    size_t len;
    char *src = read_file(path, &len);
    if (src == NULL) {
        fprintf(stderr, "loopbook: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return RUN_CANNOT_OPEN;
    }
    VM *vm = s->vm;
    traceback_register_source(vm, path, src, len);
    vm_define_value(vm, vm->main_globals, "__file__", OBJ_VAL(str_from_cstr(vm, path)));
    bool ok = session_run_source(s, src, len, path);
    free(src);
    return ok ? RUN_OK : RUN_FAILED;
}

bool session_disassemble_file(Session *s, const char *path)
{
    size_t len;
    char *src = read_file(path, &len);
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
