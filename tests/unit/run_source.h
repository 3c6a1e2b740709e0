/* run_source.h: the fixture the VM-level Check suites share: a fresh VM per
 * test whose stdout is captured, and run() to compile and run a snippet.
 * Header-only (static functions): each suite is one translation unit. */
#ifndef LOOPBOOK_TEST_RUN_SOURCE_H
#define LOOPBOOK_TEST_RUN_SOURCE_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"
#include "interp.h"
#include "traceback.h"

static VM *vm;
static char *out_buf;
static size_t out_len;

static void setup(void)
{
    vm = vm_new();
    vm->out = open_memstream(&out_buf, &out_len);
}

static void teardown(void)
{
    FILE *out = vm->out;
    vm_free(vm); /* may still write (flushing stdout before shutdown warnings) */
    fclose(out);
    free(out_buf);
    out_buf = NULL;
}

/* Run src; return its output, or "error: <last traceback line>". */
static const char *run(const char *src)
{
    static char result[4096];
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ObjCode *code = compile_source(vm, src, strlen(src), "t.py", COMPILE_FILE, &err);
    ck_assert_msg(code != NULL, "compile failed: %s", err.message);
    vm_push_root(vm, OBJ_VAL(code));
    Value r;
    fflush(vm->out);
    size_t before = out_len;
    bool ok = vm_run_code(vm, code, vm->main_globals, &r);
    vm_pop_root(vm, 1);
    fflush(vm->out);
    if (!ok) {
        Value exc = vm_take_exception(vm);
        char *line = traceback_last_line(vm, exc);
        snprintf(result, sizeof result, "error: %s", line);
        free(line);
        return result;
    }
    snprintf(result, sizeof result, "%.*s", (int)(out_len - before), out_buf + before);
    return result;
}

#endif
