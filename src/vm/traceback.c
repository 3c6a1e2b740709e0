/* traceback.c: traceback entries and CPython's way of printing them. */
#include "traceback.h"

#include <stdlib.h>
#include <string.h>

#include "exception.h"
#include "frame.h"
#include "gc.h"
#include "ops.h"

#define MAX_CHAIN 32

void traceback_add_frame(VM *vm, Frame *frame)
{
    if (!IS_EXCEPTION(vm->exception)) return;
    ObjException *e = AS_EXCEPTION(vm->exception);
    uint32_t offset = (uint32_t)(frame->ip - frame->code->bytecode);
    uint32_t line = code_line_at(frame->code, offset ? offset - 1 : 0);
    ObjTraceback *tb = traceback_new(vm, frame->code, line, 0);
    tb->next = e->traceback;
    e->traceback = tb;
}

void traceback_register_source(VM *vm, const char *filename, const char *text, size_t len)
{
    if (vm->sources == NULL) {
        vm->sources = dict_new(vm);
    }
    ObjStr *key = str_intern_cstr(vm, filename);
    vm_push_root(vm, OBJ_VAL(key));
    ObjStr *src = str_new(vm, text, len);
    dict_set_str(vm, vm->sources, key, OBJ_VAL(src));
    vm_pop_root(vm, 1);
}

/* Line `line` of a registered source, stripped, or NULL. */
static bool source_line(VM *vm, ObjStr *filename, uint32_t line, const char **start, size_t *len)
{
    if (vm->sources == NULL) return false;
    Value v = dict_get_str(vm->sources, filename);
    if (!IS_STR(v)) return false;
    const char *s = AS_STR(v)->data;
    const char *end = s + AS_STR(v)->byte_len;
    for (uint32_t l = 1; l < line && s < end; s++)
        if (*s == '\n') l++;
    if (s >= end) return false;
    const char *e = s;
    while (e < end && *e != '\n') e++;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    if (s == e) return false;
    *start = s;
    *len = (size_t)(e - s);
    return true;
}

static void print_entries(VM *vm, ObjTraceback *tb, FILE *to)
{
    fputs("Traceback (most recent call last):\n", to);
    for (; tb != NULL; tb = tb->next) {
        fprintf(to, "  File \"%s\", line %u, in %s\n", tb->code->filename->data, tb->line, tb->code->name->data);
        const char *s;
        size_t n;
        if (source_line(vm, tb->code->filename, tb->line, &s, &n)) fprintf(to, "    %.*s\n", (int)n, s);
    }
}

char *traceback_last_line(VM *vm, Value exc)
{
    ObjClass *cls = vm_class_of(vm, exc);
    const char *mod = cls->module ? cls->module->data : "builtins";
    char name[256];
    if (strcmp(mod, "builtins") == 0 || strcmp(mod, "__main__") == 0)
        snprintf(name, sizeof name, "%s", cls->qualname->data);
    else
        snprintf(name, sizeof name, "%s.%s", mod, cls->qualname->data);
    ObjStr *msg = NULL;
    vm_push_root(vm, exc);
    Value saved = vm_take_exception(vm);
    vm_push_root(vm, saved);
    bool ok = op_str(vm, exc, &msg);
    if (!ok) vm_take_exception(vm);
    vm->exception = saved;
    vm_pop_root(vm, 1);
    const char *text = ok ? msg->data : "<exception str() failed>";
    if (ok) vm_push_root(vm, OBJ_VAL(msg));
    ObjStr *hint = exception_suggestion(vm, exc); /* "Did you mean", as CPython prints it */
    if (ok) vm_pop_root(vm, 1);
    size_t n = strlen(name) + strlen(text) + 3 + (hint ? hint->byte_len + 20 : 0);
    char *line = malloc(n);
    if (line == NULL) abort();
    if (*text && hint) snprintf(line, n, "%s: %s. Did you mean: '%s'?", name, text, hint->data);
    else if (*text) snprintf(line, n, "%s: %s", name, text);
    else snprintf(line, n, "%s", name);
    vm_pop_root(vm, 1);
    return line;
}

static void print_one(VM *vm, Value exc, FILE *to, int depth)
{
    if (!IS_EXCEPTION(exc)) return;
    ObjException *e = AS_EXCEPTION(exc);
    if (depth < MAX_CHAIN) {
        if (IS_EXCEPTION(e->cause)) {
            print_one(vm, e->cause, to, depth + 1);
            fputs("\nThe above exception was the direct cause of the following exception:\n\n", to);
        } else if (IS_EXCEPTION(e->context) && !e->suppress_context) {
            print_one(vm, e->context, to, depth + 1);
            fputs("\nDuring handling of the above exception, another exception occurred:\n\n", to);
        }
    }
    if (e->traceback) print_entries(vm, e->traceback, to);
    char *last = traceback_last_line(vm, exc);
    fprintf(to, "%s\n", last);
    free(last);
}

void traceback_print(VM *vm, Value exc, FILE *to)
{
    fflush(vm->out);
    vm_push_root(vm, exc);
    print_one(vm, exc, to, 0);
    vm_pop_root(vm, 1);
    fflush(to);
}
