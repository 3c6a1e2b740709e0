/* traceback.c: traceback entries and CPython's way of printing them.
 *
 * An uncaught exception prints as CPython 3.11's default excepthook prints
 * it: first what it was raised from or during (its __cause__, else its
 * __context__, each exception at most once), then its traceback and last line
 * and its __notes__. An exception group draws a box: its own traceback with
 * "| " margins, then each sub-exception, printed the same way one level (two
 * columns) deeper under a "+---- N ----" rule, and one closing rule for the
 * innermost box that ends last. No caret lines: loopbook's traceback entries
 * hold lines, not columns, so (as for plain exceptions) none are drawn. */
#include "traceback.h"

#include <stdlib.h>
#include <string.h>

#include "exception.h"
#include "frame.h"
#include "gc.h"
#include "ops.h"
#include "tuple.h"

/* CPython's default excepthook shows at most this many sub-exceptions of a
 * group and this many nested groups (max_group_width, max_group_depth). */
#define GROUP_MAX_WIDTH 15
#define GROUP_MAX_DEPTH 10

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

bool traceback_source_line(VM *vm, ObjStr *filename, uint32_t line, const char **start, size_t *len)
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

/* The state of one traceback print. */
typedef struct {
    VM *vm;
    FILE *to;
    int depth;       /* group boxes around the lines being written (0: none) */
    bool need_close; /* the box being drawn still owes its closing rule */
    ObjList *seen;   /* exceptions whose cause/context was followed (rooted) */
} Printer;

static void put_indent(Printer *p)
{
    fprintf(p->to, "%*s", 2 * p->depth, "");
}

/* The start of each line inside a box ("    | "), nothing outside boxes. */
static void put_margin(Printer *p)
{
    put_indent(p);
    if (p->depth > 0) fputs("| ", p->to);
}

/* The traceback header and entries. A group's header, when it opens the
 * outermost box, starts the box: "  + Exception Group Traceback ...". */
static void print_entries(Printer *p, ObjTraceback *tb, bool group)
{
    put_indent(p);
    if (p->depth > 0) fputs(group && p->depth == 1 ? "+ " : "| ", p->to);
    fputs(group ? "Exception Group Traceback (most recent call last):\n" : "Traceback (most recent call last):\n",
          p->to);
    for (; tb != NULL; tb = tb->next) {
        put_margin(p);
        fprintf(p->to, "  File \"%s\", line %u, in %s\n", tb->code->filename->data, tb->line, tb->code->name->data);
        const char *s;
        size_t n;
        if (traceback_source_line(p->vm, tb->code->filename, tb->line, &s, &n)) {
            put_margin(p);
            fprintf(p->to, "    %.*s\n", (int)n, s);
        }
    }
}

/* One note: str(note) with a margin before each of its lines (CPython 3.11
 * splits with keepends, so a note's own trailing newline leaves an empty line
 * without margin, and "" prints as an empty line). */
static void print_note(Printer *p, Value note)
{
    VM *vm = p->vm;
    ObjStr *text;
    if (!op_str(vm, note, &text)) {
        vm_take_exception(vm);
        fputs("<note str() failed>\n", p->to);
        return;
    }
    vm_push_root(vm, OBJ_VAL(text));
    Value keepends = TRUE_VAL, lines;
    if (vm_call_method(vm, OBJ_VAL(text), str_intern_cstr(vm, "splitlines"), &keepends, 1, &lines) &&
        IS_LIST(lines)) {
        ObjList *l = AS_LIST(lines);
        for (uint32_t i = 0; i < l->len; i++) {
            if (!IS_STR(l->items[i])) continue;
            put_margin(p);
            fwrite(AS_STR(l->items[i])->data, 1, AS_STR(l->items[i])->byte_len, p->to);
        }
    } else {
        vm_take_exception(vm);
    }
    fputc('\n', p->to);
    vm_pop_root(vm, 1);
}

/* __notes__ that is no sequence prints as its repr, and 3.11.2 writes no
 * newline after it. */
static void print_notes_repr(Printer *p, Value notes)
{
    ObjStr *r;
    put_margin(p);
    if (op_repr(p->vm, notes, &r)) {
        fwrite(r->data, 1, r->byte_len, p->to);
    } else {
        vm_take_exception(p->vm);
        fputs("<__notes__ repr() failed>", p->to);
    }
}

static void print_notes(Printer *p, Value exc)
{
    VM *vm = p->vm;
    Value notes;
    bool found;
    if (!vm_getattr_opt(vm, exc, str_intern_cstr(vm, "__notes__"), &notes, &found)) {
        vm_take_exception(vm);
        return;
    }
    if (!found) return;
    vm_push_root(vm, notes);
    ObjTuple *items;
    if (!exception_is_sequence(vm, notes)) {
        print_notes_repr(p, notes);
    } else if (tuple_from_iterable(vm, notes, &items)) {
        vm_push_root(vm, OBJ_VAL(items));
        for (uint32_t i = 0; i < items->len; i++) print_note(p, items->items[i]);
        vm_pop_root(vm, 1);
    } else {
        vm_take_exception(vm);
    }
    vm_pop_root(vm, 1);
}

/* exc alone: traceback, last line, notes. */
static void print_exception(Printer *p, Value exc, bool group)
{
    ObjException *e = AS_EXCEPTION(exc);
    if (e->traceback) print_entries(p, e->traceback, group);
    char *last = traceback_last_line(p->vm, exc);
    put_margin(p);
    fprintf(p->to, "%s\n", last);
    free(last);
    print_notes(p, exc);
}

static void print_with_chain(Printer *p, Value exc);

/* The rule above sub-exception i; the first one joins its group's box. */
static void print_member_rule(Printer *p, uint32_t i)
{
    put_indent(p);
    fputs(i == 0 ? "+-" : "  ", p->to);
    if (i < GROUP_MAX_WIDTH) fprintf(p->to, "+---------------- %u ----------------\n", i + 1);
    else fputs("+---------------- ... ----------------\n", p->to);
}

/* Sub-exception i of members (or the count of those left out), one box
 * deeper, with the closing rule after the last one unless a box nested in it
 * already closed at the same point. */
static void print_member(Printer *p, ObjTuple *members, uint32_t i, bool last)
{
    if (last) p->need_close = true;
    print_member_rule(p, i);
    p->depth++;
    if (i < GROUP_MAX_WIDTH) {
        print_with_chain(p, members->items[i]);
    } else {
        uint32_t more = members->len - GROUP_MAX_WIDTH;
        put_margin(p);
        fprintf(p->to, "and %u more exception%s\n", more, more > 1 ? "s" : "");
    }
    if (last && p->need_close) {
        put_indent(p);
        fputs("+------------------------------------\n", p->to);
        p->need_close = false;
    }
    p->depth--;
}

/* A group and its box. Nested deeper than GROUP_MAX_DEPTH, only a "..."
 * line stands for it (the box around it then closes after that line). */
static void print_group(Printer *p, Value exc, ObjTuple *members)
{
    if (p->depth > GROUP_MAX_DEPTH) {
        put_margin(p);
        fprintf(p->to, "... (max_group_depth is %d)\n", GROUP_MAX_DEPTH);
        return;
    }
    bool outermost = p->depth == 0;
    if (outermost) p->depth = 1; /* the group's own lines are inside its box */
    vm_push_root(p->vm, OBJ_VAL(members));
    print_exception(p, exc, true);
    uint32_t shown = members->len <= GROUP_MAX_WIDTH ? members->len : GROUP_MAX_WIDTH + 1;
    p->need_close = false;
    for (uint32_t i = 0; i < shown; i++) print_member(p, members, i, i + 1 == shown);
    vm_pop_root(p->vm, 1);
    if (outermost) p->depth = 0;
}

static bool seen_contains(Printer *p, Value exc)
{
    for (uint32_t i = 0; i < p->seen->len; i++)
        if (AS_OBJ(p->seen->items[i]) == AS_OBJ(exc)) return true;
    return false;
}

/* What exc is shown as raised from: its __cause__, else (unless suppressed)
 * its __context__; EMPTY when that is missing or was already followed. */
static Value chained_from(Printer *p, Value exc)
{
    ObjException *e = AS_EXCEPTION(exc);
    Value from = EMPTY_VAL;
    if (IS_EXCEPTION(e->cause)) from = e->cause;
    else if (IS_EXCEPTION(e->context) && !e->suppress_context) from = e->context;
    return IS_EXCEPTION(from) && !seen_contains(p, from) ? from : EMPTY_VAL;
}

/* exc and, after it, the exceptions it was raised from, oldest last; each is
 * marked seen. Returns the count; *out is malloc'd. (A loop rather than
 * recursion: chains can be long, and __context__ can even form a cycle.) */
static uint32_t collect_chain(Printer *p, Value exc, Value **out)
{
    uint32_t n = 0, cap = 8;
    Value *chain = malloc(cap * sizeof *chain);
    if (chain == NULL) abort();
    for (Value cur = exc; !IS_EMPTY(cur); cur = chained_from(p, cur)) {
        if (!seen_contains(p, cur)) list_append(p->vm, p->seen, cur);
        if (n == cap) {
            cap *= 2;
            chain = realloc(chain, cap * sizeof *chain);
            if (chain == NULL) abort();
        }
        chain[n++] = cur;
    }
    *out = chain;
    return n;
}

/* The lines between an exception and the one raised from/during it. */
static void print_link(Printer *p, Value later)
{
    bool cause = IS_EXCEPTION(AS_EXCEPTION(later)->cause);
    put_margin(p);
    fputc('\n', p->to);
    put_margin(p);
    fputs(cause ? "The above exception was the direct cause of the following exception:\n"
                : "During handling of the above exception, another exception occurred:\n",
          p->to);
    put_margin(p);
    fputc('\n', p->to);
}

static void print_single(Printer *p, Value exc)
{
    ObjTuple *members = exception_group_members(p->vm, exc);
    if (members != NULL) print_group(p, exc, members);
    else print_exception(p, exc, false);
}

/* exc preceded by its chain. A group printed in the chain closes its own box;
 * whether the box around exc still owes its closing rule is then as before. */
static void print_with_chain(Printer *p, Value exc)
{
    Value *chain;
    uint32_t n = collect_chain(p, exc, &chain);
    bool need_close = p->need_close;
    for (uint32_t i = n - 1; i > 0; i--) {
        print_single(p, chain[i]);
        p->need_close = need_close;
        print_link(p, chain[i - 1]);
    }
    print_single(p, exc);
    free(chain);
}

void traceback_print(VM *vm, Value exc, FILE *to)
{
    fflush(vm->out);
    vm_push_root(vm, exc);
    /* str(), __notes__ and splitlines may run Python code: nothing may be
     * pending while they do. */
    Value pending = vm_take_exception(vm);
    vm_push_root(vm, pending);
    Printer p = {.vm = vm, .to = to, .seen = list_new(vm, NULL, 0)};
    vm_push_root(vm, OBJ_VAL(p.seen));
    if (IS_EXCEPTION(exc)) print_with_chain(&p, exc);
    vm->exception = pending;
    vm_pop_root(vm, 3);
    fflush(to);
}
