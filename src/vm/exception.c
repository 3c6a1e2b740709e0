/* exception.c: BaseException and its family: construction, args, str and
 * repr, the attributes every exception has, and (Base)ExceptionGroup. */
#include "exception.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "method_args.h"
#include "ops.h"
#include "tuple.h"

bool exception_raise_key_error(VM *vm, Value key)
{
    vm_push_root(vm, key);
    ObjTuple *t = tuple_new(vm, &key, 1);
    vm_push_root(vm, OBJ_VAL(t));
    ObjException *e = exception_new(vm, vm->c.KeyError, t);
    vm_pop_root(vm, 2);
    return vm_raise_value(vm, OBJ_VAL(e));
}

bool exception_raise_empty(VM *vm, ObjClass *cls)
{
    return vm_raise_value(vm, OBJ_VAL(exception_new(vm, cls, NULL)));
}

bool exception_raise_stop_iteration(VM *vm, Value value)
{
    if (IS_NONE(value) || IS_EMPTY(value)) return exception_raise_empty(vm, vm->c.StopIteration);
    vm_push_root(vm, value);
    ObjTuple *t = tuple_new(vm, &value, 1);
    vm_push_root(vm, OBJ_VAL(t));
    ObjException *e = exception_new(vm, vm->c.StopIteration, t);
    vm_pop_root(vm, 2);
    return vm_raise_value(vm, OBJ_VAL(e));
}

/* Whether instances of cls are Exceptions (ExceptionGroup is one too). */
static bool is_exception_class(VM *vm, ObjClass *cls)
{
    return class_is_subclass(cls, vm->c.Exception) || class_is_subclass(cls, vm->c.ExceptionGroup);
}

static bool is_group(VM *vm, ObjException *e)
{
    return class_is_subclass(e->obj.cls, vm->c.BaseExceptionGroup);
}

/* An attribute stored in the exception's dict (ExceptionGroup's fields). */
static Value dict_attr(VM *vm, ObjException *e, const char *name)
{
    if (e->dict == NULL) return EMPTY_VAL;
    return dict_get_str(e->dict, str_intern_cstr(vm, name));
}

ObjTuple *exception_group_members(VM *vm, Value exc)
{
    if (!IS_EXCEPTION(exc) || !is_group(vm, AS_EXCEPTION(exc))) return NULL;
    Value excs = dict_attr(vm, AS_EXCEPTION(exc), "exceptions");
    return IS_TUPLE(excs) ? AS_TUPLE(excs) : NULL;
}

bool exception_str(VM *vm, ObjException *e, ObjStr **out)
{
    ObjTuple *args = e->args;
    if (is_group(vm, e)) {
        Value msg = dict_attr(vm, e, "message");
        Value excs = dict_attr(vm, e, "exceptions");
        ObjStr *m;
        if (IS_EMPTY(msg)) msg = args->len > 0 ? args->items[0] : OBJ_VAL(vm->n.empty);
        if (!op_str(vm, msg, &m)) return false;
        uint32_t n = IS_TUPLE(excs) ? AS_TUPLE(excs)->len : 0;
        vm_push_root(vm, OBJ_VAL(m));
        *out = str_printf(vm, "%s (%u sub-exception%s)", m->data, n, n > 1 ? "s" : "");
        vm_pop_root(vm, 1);
        return true;
    }
    if (args->len == 2 && class_is_subclass(e->obj.cls, vm->c.OSError)) {
        /* OSError(errno, strerror): "[Errno 2] No such file or directory" */
        ObjStr *no, *msg;
        if (!op_str(vm, args->items[0], &no)) return false;
        vm_push_root(vm, OBJ_VAL(no));
        bool ok = op_str(vm, args->items[1], &msg);
        if (ok) {
            vm_push_root(vm, OBJ_VAL(msg));
            *out = str_printf(vm, "[Errno %s] %s", no->data, msg->data);
            vm_pop_root(vm, 1);
        }
        vm_pop_root(vm, 1);
        return ok;
    }
    switch (args->len) {
    case 0: *out = vm->n.empty; return true;
    case 1:
        if (class_is_subclass(e->obj.cls, vm->c.KeyError)) return op_repr(vm, args->items[0], out);
        return op_str(vm, args->items[0], out);
    default: return op_str(vm, OBJ_VAL(args), out);
    }
}

bool exception_repr(VM *vm, ObjException *e, ObjStr **out)
{
    ObjTuple *args = e->args;
    ObjStr *r;
    if (!op_repr(vm, args->len == 1 ? args->items[0] : OBJ_VAL(args), &r)) return false;
    vm_push_root(vm, OBJ_VAL(r));
    StrBuf b = {0};
    sb_add_str(&b, e->obj.cls->name);
    if (args->len == 1) sb_add_cstr(&b, "(");
    sb_add_str(&b, r);
    if (args->len == 1) sb_add_cstr(&b, ")");
    *out = sb_finish(vm, &b);
    vm_pop_root(vm, 1);
    return true;
}

static bool name_is(ObjStr *name, const char *s)
{
    return ma_kw_is(name, s);
}

bool exception_getattr(VM *vm, ObjException *e, ObjStr *name, Value *out, bool *found)
{
    *found = true;
    if (name == vm->n.args) {
        *out = OBJ_VAL(e->args);
    } else if (name == vm->n.__cause__) {
        *out = e->cause;
    } else if (name == vm->n.__context__) {
        *out = e->context;
    } else if (name == vm->n.__traceback__) {
        *out = e->traceback ? OBJ_VAL(e->traceback) : NONE_VAL;
    } else if (name == vm->n.__suppress_context__) {
        *out = BOOL_VAL(e->suppress_context);
    } else if (name_is(name, "value") && class_is_subclass(e->obj.cls, vm->c.StopIteration)) {
        *out = e->args->len > 0 ? e->args->items[0] : NONE_VAL;
    } else if ((name_is(name, "errno") || name_is(name, "strerror") || name_is(name, "filename") ||
                name_is(name, "filename2")) &&
               class_is_subclass(e->obj.cls, vm->c.OSError)) {
        /* OSError(errno, strerror[, filename]): the fields, else None */
        uint32_t n = e->args->len;
        int at = name_is(name, "errno") ? 0 : name_is(name, "strerror") ? 1 : name_is(name, "filename") ? 2 : 4;
        *out = n >= 2 && n <= 5 && (uint32_t)at < n ? e->args->items[at] : NONE_VAL;
    } else if (name_is(name, "code") && class_is_subclass(e->obj.cls, vm->c.SystemExit)) {
        *out = e->args->len == 0   ? NONE_VAL
               : e->args->len == 1 ? e->args->items[0]
                                   : OBJ_VAL(e->args);
    } else {
        *found = false;
    }
    (void)vm;
    return true;
}

bool exception_setattr(VM *vm, ObjException *e, ObjStr *name, Value v, bool *handled)
{
    *handled = true;
    if (name == vm->n.args) {
        ObjTuple *t;
        if (!tuple_from_iterable(vm, v, &t)) return false;
        e->args = t;
        return true;
    }
    if (name == vm->n.__cause__ || name == vm->n.__context__) {
        bool cause = name == vm->n.__cause__;
        if (!IS_NONE(v) && !IS_EXCEPTION(v))
            return vm_raise(vm, vm->c.TypeError, "exception %s must be None or derive from BaseException",
                            cause ? "cause" : "context");
        if (cause) {
            e->cause = v;
            e->suppress_context = true;
        } else {
            e->context = v;
        }
        return true;
    }
    if (name == vm->n.__traceback__) {
        if (!IS_NONE(v) && !IS_KIND(v, OBJ_TRACEBACK))
            return vm_raise(vm, vm->c.TypeError, "__traceback__ must be a traceback or None");
        e->traceback = IS_NONE(v) ? NULL : (ObjTraceback *)AS_OBJ(v);
        return true;
    }
    if (name == vm->n.__suppress_context__) {
        bool b;
        if (!op_truthy(vm, v, &b)) return false;
        e->suppress_context = b;
        return true;
    }
    *handled = false;
    return true;
}

/* ---- natives ------------------------------------------------------------- */

static bool check_self(VM *vm, Value *args, int nargs, const char *method)
{
    if (nargs >= 1 && IS_EXCEPTION(args[0])) return true;
    if (nargs < 1)
        return vm_raise(vm, vm->c.TypeError, "descriptor '%s' of 'BaseException' object needs an argument",
                        method);
    return vm_raise(vm, vm->c.TypeError,
                    "descriptor '%s' requires a 'BaseException' object but received a '%s'", method,
                    ma_type_name(vm, args[0]));
}

/* The class argument of a __new__: must be a subclass of base. */
static bool new_class_arg(VM *vm, Value *args, int nargs, ObjClass *base, ObjClass **out)
{
    const char *b = base->name->data;
    if (nargs < 1) return vm_raise(vm, vm->c.TypeError, "%s.__new__(): not enough arguments", b);
    if (!IS_CLASS(args[0]))
        return vm_raise(vm, vm->c.TypeError, "%s.__new__(X): X is not a type object (%s)", b,
                        ma_type_name(vm, args[0]));
    ObjClass *cls = AS_CLASS(args[0]);
    if (!class_is_subclass(cls, base))
        return vm_raise(vm, vm->c.TypeError, "%s.__new__(%s): %s is not a subtype of %s", b,
                        cls->name->data, cls->name->data, b);
    *out = cls;
    return true;
}

/* OSError(errno, ...) makes the subclass for that errno, as CPython does. */
static ObjClass *oserror_subclass(VM *vm, int64_t no)
{
    switch (no) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS: return vm->c.BlockingIOError;
    case ECHILD: return vm->c.ChildProcessError;
    case EPIPE:
    case ESHUTDOWN: return vm->c.BrokenPipeError;
    case ECONNABORTED: return vm->c.ConnectionAbortedError;
    case ECONNREFUSED: return vm->c.ConnectionRefusedError;
    case ECONNRESET: return vm->c.ConnectionResetError;
    case EEXIST: return vm->c.FileExistsError;
    case ENOENT: return vm->c.FileNotFoundError;
    case EISDIR: return vm->c.IsADirectoryError;
    case ENOTDIR: return vm->c.NotADirectoryError;
    case EINTR: return vm->c.InterruptedError;
    case EACCES:
    case EPERM: return vm->c.PermissionError;
    case ESRCH: return vm->c.ProcessLookupError;
    case ETIMEDOUT: return vm->c.TimeoutError;
    default: return vm->c.OSError;
    }
}

static bool be_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames; /* keyword arguments are for a subclass's __init__ */
    ObjClass *cls = NULL;
    if (!new_class_arg(vm, args, nargs, vm->c.BaseException, &cls)) return false;
    if (cls == vm->c.OSError && nargs >= 3 && IS_INT(args[1])) cls = oserror_subclass(vm, AS_INT(args[1]));
    ObjTuple *t = tuple_new(vm, args + 1, (uint32_t)(nargs - 1));
    vm_push_root(vm, OBJ_VAL(t));
    ObjException *e = exception_new(vm, cls, t);
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(e);
    return true;
}

static bool be_init(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "__init__")) return false;
    ObjException *e = AS_EXCEPTION(args[0]);
    if (!ma_no_kw(vm, kwnames, e->obj.cls->name->data)) return false;
    *out = NONE_VAL;
    uint32_t n = (uint32_t)(nargs - 1);
    if (e->args->len == n) {
        /* Usually __new__ just stored these very args: keep that tuple. */
        uint32_t i = 0;
        while (i < n && value_is(e->args->items[i], args[i + 1])) i++;
        if (i == n) return true;
    }
    e->args = tuple_new(vm, args + 1, n);
    return true;
}

static bool be_str(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "__str__") ||
        !ma_none(vm, nargs - 1, kwnames, "BaseException.__str__"))
        return false;
    ObjStr *s;
    if (!exception_str(vm, AS_EXCEPTION(args[0]), &s)) return false;
    *out = OBJ_VAL(s);
    return true;
}

static bool be_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "__repr__") ||
        !ma_none(vm, nargs - 1, kwnames, "BaseException.__repr__"))
        return false;
    ObjStr *s;
    if (!exception_repr(vm, AS_EXCEPTION(args[0]), &s)) return false;
    *out = OBJ_VAL(s);
    return true;
}

static bool be_with_traceback(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "with_traceback") ||
        !ma_one(vm, nargs - 1, kwnames, "BaseException.with_traceback"))
        return false;
    bool handled;
    if (!exception_setattr(vm, AS_EXCEPTION(args[0]), vm->n.__traceback__, args[1], &handled))
        return false;
    *out = args[0];
    return true;
}

bool exception_is_sequence(VM *vm, Value v)
{
    if (IS_LIST(v) || IS_TUPLE(v) || IS_STR(v) || IS_KIND(v, OBJ_RANGE)) return true;
    if (IS_DICT(v) || IS_SET(v)) return false;
    return !IS_EMPTY(vm_lookup_special(vm, v, vm->n.__getitem__));
}

static bool eg_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    ObjClass *cls = NULL;
    if (!new_class_arg(vm, args, nargs, vm->c.BaseExceptionGroup, &cls)) return false;
    if (!ma_no_kw(vm, kwnames, "BaseExceptionGroup.__new__")) return false;
    if (nargs != 3)
        return vm_raise(vm, vm->c.TypeError,
                        "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", nargs - 1);
    Value message = args[1], excs = args[2];
    if (!IS_STR(message))
        return vm_raise(vm, vm->c.TypeError,
                        "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                        ma_type_name(vm, message));
    if (!exception_is_sequence(vm, excs))
        return vm_raise(vm, vm->c.TypeError, "second argument (exceptions) must be a sequence");
    ObjTuple *t;
    if (!tuple_from_iterable(vm, excs, &t)) return false;
    if (t->len == 0)
        return vm_raise(vm, vm->c.ValueError,
                        "second argument (exceptions) must be a non-empty sequence");
    vm_push_root(vm, OBJ_VAL(t));
    bool nested_base = false;
    for (uint32_t i = 0; i < t->len; i++) {
        if (!IS_EXCEPTION(t->items[i])) {
            vm_pop_root(vm, 1);
            return vm_raise(vm, vm->c.ValueError,
                            "Item %u of second argument (exceptions) is not an exception", i);
        }
        if (!is_exception_class(vm, AS_OBJ(t->items[i])->cls)) nested_base = true;
    }
    if (cls == vm->c.BaseExceptionGroup) {
        if (!nested_base) cls = vm->c.ExceptionGroup;
    } else if (cls == vm->c.ExceptionGroup) {
        if (nested_base) {
            vm_pop_root(vm, 1);
            return vm_raise(vm, vm->c.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if (nested_base && is_exception_class(vm, cls)) {
        vm_pop_root(vm, 1);
        return vm_raise(vm, vm->c.TypeError, "Cannot nest BaseExceptions in '%s'", cls->name->data);
    }
    ObjTuple *eargs = tuple_new(vm, args + 1, 2);
    vm_push_root(vm, OBJ_VAL(eargs));
    ObjException *e = exception_new(vm, cls, eargs);
    vm_push_root(vm, OBJ_VAL(e));
    e->dict = dict_new(vm);
    vm_define_value(vm, e->dict, "message", message);
    vm_define_value(vm, e->dict, "exceptions", OBJ_VAL(t));
    vm_pop_root(vm, 3);
    *out = OBJ_VAL(e);
    return true;
}

void exception_install(VM *vm)
{
    ObjClass *c = vm->c.BaseException;
    ObjDict *d = c->dict;
    vm_define_native(vm, d, "__new__", be_new, NULL);
    vm_define_native(vm, d, "__init__", be_init, c);
    vm_define_native(vm, d, "__str__", be_str, c);
    vm_define_native(vm, d, "__repr__", be_repr, c);
    vm_define_native(vm, d, "with_traceback", be_with_traceback, c);
    vm_define_native(vm, vm->c.KeyError->dict, "__str__", be_str, vm->c.KeyError);
    vm_define_native(vm, vm->c.BaseExceptionGroup->dict, "__new__", eg_new, NULL);
    vm_define_native(vm, vm->c.BaseExceptionGroup->dict, "__str__", be_str,
                     vm->c.BaseExceptionGroup);
}

/* ---- "Did you mean": CPython 3.11's suggestions for NameError and AttributeError ----------- */

/* As Python/suggestions.c: a Levenshtein distance where a case change costs
 * 1 and any other edit 2, giving up above max_cost. */
#define SUGGEST_MAX_ITEMS 750
#define SUGGEST_MAX_STRING 40
#define SUGGEST_MOVE_COST 2
#define SUGGEST_CASE_COST 1

static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31)) return SUGGEST_MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += 'a' - 'A';
    if ('A' <= b && b <= 'Z') b += 'a' - 'A';
    return a == b ? SUGGEST_CASE_COST : SUGGEST_MOVE_COST;
}

static size_t levenshtein(const char *a, size_t a_size, const char *b, size_t b_size, size_t max_cost)
{
    size_t buffer[SUGGEST_MAX_STRING];
    while (a_size && b_size && a[0] == b[0]) a++, b++, a_size--, b_size--;
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) a_size--, b_size--;
    if (a_size == 0 || b_size == 0) return (a_size + b_size) * SUGGEST_MOVE_COST;
    if (a_size > SUGGEST_MAX_STRING || b_size > SUGGEST_MAX_STRING) return max_cost + 1;
    if (b_size < a_size) {
        const char *t = a;
        a = b, b = t;
        size_t ts = a_size;
        a_size = b_size, b_size = ts;
    }
    if ((b_size - a_size) * SUGGEST_MOVE_COST > max_cost) return max_cost + 1;
    for (size_t i = 0; i < a_size; i++) buffer[i] = (i + 1) * SUGGEST_MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        char code = b[bi];
        size_t distance = result = bi * SUGGEST_MOVE_COST;
        size_t minimum = (size_t)-1;
        for (size_t ai = 0; ai < a_size; ai++) {
            size_t substitute = distance + substitution_cost(code, a[ai]);
            distance = buffer[ai];
            size_t insert_delete = (result < distance ? result : distance) + SUGGEST_MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[ai] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

/* Candidate names: UTF-8 text that stays alive while the list is used
 * (dict keys, code names, static strings); nothing is allocated meanwhile. */
typedef struct {
    const char **items;
    size_t n, cap;
} NameList;

/* The closest of l's names to name (CPython's calculate_suggestions), or NULL. */
static const char *closest_name(ObjStr *name, const NameList *l)
{
    if (l->n >= SUGGEST_MAX_ITEMS) return NULL;
    const char *best = NULL;
    size_t best_distance = (size_t)-1 / 2;
    for (size_t i = 0; i < l->n; i++) {
        const char *item = l->items[i];
        size_t item_len = strlen(item);
        if (item_len == name->byte_len && memcmp(item, name->data, item_len) == 0) continue;
        size_t max_distance = (name->byte_len + item_len + 3) * SUGGEST_MOVE_COST / 6;
        if (best_distance - 1 < max_distance) max_distance = best_distance - 1;
        size_t d = levenshtein(name->data, name->byte_len, item, item_len, max_distance);
        if (d > max_distance) continue;
        if (best == NULL || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best;
}

static void names_add(NameList *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
        if (l->items == NULL) abort();
    }
    l->items[l->n++] = s;
}

static void names_add_keys(NameList *l, ObjDict *d)
{
    if (d == NULL) return;
    for (uint32_t i = 0; i < d->table.used; i++) {
        Value k = d->table.entries[i].key;
        if (IS_STR(k)) names_add(l, AS_STR(k)->data);
    }
}

static int names_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* dir(obj) as far as loopbook knows it: sorted, without duplicates. */
static void names_of_object(VM *vm, Value obj, NameList *l)
{
    ObjClass *cls = vm_class_of(vm, obj);
    if (IS_INSTANCE(obj)) names_add_keys(l, AS_INSTANCE(obj)->dict);
    else if (IS_MODULE(obj)) names_add_keys(l, AS_MODULE(obj)->dict);
    else if (IS_EXCEPTION(obj)) {
        names_add_keys(l, AS_EXCEPTION(obj)->dict);
        /* what exception_getattr answers without a dict entry */
        static const char *const fields[] = {"args", "__cause__", "__context__", "__traceback__",
                                             "__suppress_context__", "with_traceback"};
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) names_add(l, fields[i]);
    }
    if (IS_CLASS(obj)) cls = AS_CLASS(obj);
    if (!IS_MODULE(obj))
        for (ObjClass *c = cls; c != NULL; c = c->base) names_add_keys(l, c->dict);
    if (l->n == 0) return;
    qsort(l->items, l->n, sizeof *l->items, names_cmp);
    size_t out = 1;
    for (size_t i = 1; i < l->n; i++)
        if (strcmp(l->items[i], l->items[out - 1]) != 0) l->items[out++] = l->items[i];
    l->n = out;
}

/* The name of "name 'x' is not defined" (the VM's NameError), or NULL. */
static ObjStr *undefined_name(VM *vm, ObjException *e)
{
    if (e->obj.cls != vm->c.NameError || e->args == NULL || e->args->len != 1 || !IS_STR(e->args->items[0]))
        return NULL;
    const char *m = AS_STR(e->args->items[0])->data;
    size_t len = AS_STR(e->args->items[0])->byte_len;
    const char *head = "name '", *tail = "' is not defined";
    size_t hl = strlen(head), tl = strlen(tail);
    if (len <= hl + tl || strncmp(m, head, hl) != 0 || strcmp(m + len - tl, tail) != 0) return NULL;
    return str_intern(vm, m + hl, len - hl - tl);
}

ObjStr *exception_suggestion(VM *vm, Value exc)
{
    if (!IS_EXCEPTION(exc)) return NULL;
    ObjException *e = AS_EXCEPTION(exc);
    NameList l = {NULL, 0, 0};
    const char *best = NULL;
    if (vm_isinstance(vm, exc, vm->c.AttributeError)) {
        Value name = dict_attr(vm, e, "name"), obj = dict_attr(vm, e, "obj");
        if (!IS_STR(name) || IS_EMPTY(obj)) return NULL;
        names_of_object(vm, obj, &l);
        best = closest_name(AS_STR(name), &l);
    } else {
        ObjStr *name = undefined_name(vm, e);
        if (name == NULL) return NULL;
        vm_push_root(vm, OBJ_VAL(name));
        ObjTraceback *tb = e->traceback;
        while (tb && tb->next) tb = tb->next;
        if (tb) {
            ObjCode *code = tb->code;
            for (uint32_t i = 0; i < code->n_locals; i++) names_add(&l, code->varnames[i]->data);
            best = closest_name(name, &l);
        }
        if (best == NULL && vm->main_globals) {
            l.n = 0;
            names_add_keys(&l, vm->main_globals);
            best = closest_name(name, &l);
        }
        if (best == NULL) {
            l.n = 0;
            names_add_keys(&l, vm->builtins);
            best = closest_name(name, &l);
        }
        vm_pop_root(vm, 1);
    }
    ObjStr *out = best ? str_intern_cstr(vm, best) : NULL;
    free(l.items);
    return out;
}
