/* modules.c: the table of built-in modules, created lazily on first import,
 * and the argument helpers the module files share. */
#include "modules.h"

#include <stdio.h>
#include <string.h>

#include "args.h"
#include "compiler.h"
#include "interp.h"
#include "num.h"
#include "str.h"

typedef struct {
    const char *name;
    void (*init)(VM *vm, ObjModule *m);
} BuiltinModule;

/* One line per built-in module. */
static const BuiltinModule builtin_modules[] = {
    {"math", math_module_init},
    {"time", time_module_init},
    {"random", random_module_init},
    {"nest_asyncio", nest_asyncio_module_init},
    {"gc", gc_module_init},
    {"_asyncio_core", asyncio_core_module_init},
};

/* Modules written in Python (src/modules/py/NAME.py), embedded as source by
 * tools/embed-source and compiled on first import. */
extern const char frozen_asyncio[], frozen_asyncio_sync[], frozen_asyncio_tasks[], frozen_reprlib[];
extern const unsigned long frozen_asyncio_len, frozen_asyncio_sync_len, frozen_asyncio_tasks_len, frozen_reprlib_len;

typedef struct {
    const char *name;
    const char *source;
    const unsigned long *len;
} FrozenModule;

static const FrozenModule frozen_modules[] = {
    {"asyncio", frozen_asyncio, &frozen_asyncio_len},
    {"asyncio_sync", frozen_asyncio_sync, &frozen_asyncio_sync_len},
    {"asyncio_tasks", frozen_asyncio_tasks, &frozen_asyncio_tasks_len},
    {"reprlib", frozen_reprlib, &frozen_reprlib_len},
};

/* Compile and run a frozen module's source into m. Its file name is
 * "<frozen NAME>", as CPython names its own frozen modules. */
static bool run_frozen(VM *vm, const FrozenModule *fm, ObjModule *m)
{
    char filename[96];
    snprintf(filename, sizeof filename, "<frozen %s>", fm->name);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ObjCode *code = compile_source(vm, fm->source, *fm->len, filename, COMPILE_FILE, &err);
    if (code == NULL) {
        /* a bug in loopbook itself: say where, as an ImportError */
        vm_raise(vm, vm->c.ImportError, "%s line %u: %s", filename, (unsigned)err.line,
                 err.message ? err.message : "syntax error");
        syntax_error_free(&err);
        return false;
    }
    vm_push_root(vm, OBJ_VAL(code));
    Value result;
    bool ok = vm_run_code(vm, code, m->dict, &result);
    vm_pop_root(vm, 1);
    return ok;
}

/* Create, register and run a module; on failure it is unregistered again
 * (as CPython drops a module whose import raised). */
static bool import_new_module(VM *vm, const char *name, void (*init)(VM *, ObjModule *),
                              const FrozenModule *frozen, Value *out)
{
    ObjModule *m = module_new(vm, str_intern_cstr(vm, name));
    vm_push_root(vm, OBJ_VAL(m));
    dict_set_str(vm, vm->modules, m->name, OBJ_VAL(m)); /* before running: imports may cycle */
    bool ok = true;
    if (init) init(vm, m);
    else ok = run_frozen(vm, frozen, m);
    if (!ok) {
        bool found;
        Value saved = vm_take_exception(vm);
        vm_push_root(vm, saved);
        dict_del(vm, vm->modules, OBJ_VAL(m->name), &found);
        vm_pop_root(vm, 1);
        vm_raise_value(vm, saved);
    }
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(m);
    return ok;
}

void modules_install(VM *vm)
{
    if (vm->import_hook == NULL) vm->import_hook = modules_import;
}

bool modules_import(VM *vm, ObjStr *name, Value *out)
{
    *out = dict_get_str(vm->modules, name);
    if (!IS_EMPTY(*out)) return true;
    for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++)
        if (strcmp(builtin_modules[i].name, name->data) == 0)
            return import_new_module(vm, builtin_modules[i].name, builtin_modules[i].init, NULL, out);
    for (size_t i = 0; i < sizeof frozen_modules / sizeof frozen_modules[0]; i++)
        if (strcmp(frozen_modules[i].name, name->data) == 0)
            return import_new_module(vm, frozen_modules[i].name, NULL, &frozen_modules[i], out);
    return true;
}

ObjModule *modules_get(VM *vm, const char *name)
{
    Value m;
    if (!modules_import(vm, str_intern_cstr(vm, name), &m)) return NULL;
    if (IS_EMPTY(m)) {
        vm_raise(vm, vm->c.ModuleNotFoundError, "No module named '%s'", name);
        return NULL;
    }
    return AS_MODULE(m);
}

void module_add_funcs(VM *vm, ObjModule *m, const ModuleFunc *fns, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ObjNative *f = native_new(vm, fns[i].name, fns[i].fn, NULL);
        f->data = OBJ_VAL(m); /* repr: <built-in function NAME> */
        vm_push_root(vm, OBJ_VAL(f));
        dict_set_str(vm, m->dict, f->name, OBJ_VAL(f));
        vm_pop_root(vm, 1);
    }
}

void module_add_value(VM *vm, ObjModule *m, const char *name, Value v)
{
    vm_define_value(vm, m->dict, name, v);
}

/* ---- argument helpers ------------------------------------------------------ */

const char *mod_type_name(VM *vm, Value v)
{
    return vm_class_of(vm, v)->name->data;
}

bool mod_is_int(Value v)
{
    return IS_INT(v) || IS_KIND(v, OBJ_BIGINT);
}

bool mod_index(VM *vm, Value v, Value *out)
{
    if (mod_is_int(v)) {
        *out = v;
        return true;
    }
    if (IS_BOOL(v)) {
        *out = INT_VAL(AS_BOOL(v) ? 1 : 0);
        return true;
    }
    Value m = vm_lookup_special(vm, v, vm->n.__index__);
    if (IS_EMPTY(m))
        return vm_raise(vm, vm->c.TypeError, "'%s' object cannot be interpreted as an integer",
                        mod_type_name(vm, v));
    Value r;
    if (!vm_call(vm, m, &v, 1, NULL, &r)) return false;
    if (IS_BOOL(r)) r = INT_VAL(AS_BOOL(r) ? 1 : 0);
    if (!mod_is_int(r))
        return vm_raise(vm, vm->c.TypeError, "__index__ returned non-int (type %s)",
                        mod_type_name(vm, r));
    *out = r;
    return true;
}

bool mod_as_double(VM *vm, Value v, double *out)
{
    if (num_as_double(v, out)) return true;
#if MOD_BIGINT
    if (IS_BIGINT(v)) return int_to_double(vm, v, out);
#endif
    if (vm_isinstance(vm, v, vm->c.int_) || vm_isinstance(vm, v, vm->c.float_)) {
        /* a big int (or a subclass): float() knows how, with its OverflowError */
        Value r;
        if (!vm_call(vm, OBJ_VAL(vm->c.float_), &v, 1, NULL, &r)) return false;
        if (IS_FLOAT(r)) {
            *out = AS_FLOAT(r);
            return true;
        }
    }
    Value m = vm_lookup_special(vm, v, vm->n.__float__);
    if (!IS_EMPTY(m)) {
        Value r;
        if (!vm_call(vm, m, &v, 1, NULL, &r)) return false;
        if (!IS_FLOAT(r))
            return vm_raise(vm, vm->c.TypeError, "%s.__float__ returned non-float (type %s)",
                            mod_type_name(vm, v), mod_type_name(vm, r));
        *out = AS_FLOAT(r);
        return true;
    }
    m = vm_lookup_special(vm, v, vm->n.__index__);
    if (!IS_EMPTY(m)) {
        Value i;
        if (!mod_index(vm, v, &i)) return false;
        return mod_as_double(vm, i, out);
    }
    return vm_raise(vm, vm->c.TypeError, "must be real number, not %s", mod_type_name(vm, v));
}

/* ---- ints of any size ------------------------------------------------------ */

bool mod_int_binary(VM *vm, BinaryOp op, Value a, Value b, Value *out)
{
    int64_t r;
    if (IS_INT(a) && IS_INT(b)) {
        int64_t x = AS_INT(a), y = AS_INT(b);
        switch (op) {
        case BINOP_ADD:
            if (!__builtin_add_overflow(x, y, &r)) goto small;
            break;
        case BINOP_SUB:
            if (!__builtin_sub_overflow(x, y, &r)) goto small;
            break;
        case BINOP_MUL:
            if (!__builtin_mul_overflow(x, y, &r)) goto small;
            break;
        default: break;
        }
    }
#if MOD_BIGINT
    if (value_is_int(a) && value_is_int(b) && op != BINOP_MATMUL) return int_binary(vm, op, a, b, out);
#endif
    return op_binary(vm, op, a, b, false, out);
small:
    *out = INT_VAL(r);
    return true;
}

bool mod_int_sign(VM *vm, Value v, int *out)
{
    if (IS_INT(v)) {
        *out = (AS_INT(v) > 0) - (AS_INT(v) < 0);
        return true;
    }
#if MOD_BIGINT
    if (value_is_int(v)) {
        *out = int_sign(v);
        return true;
    }
#endif
    Value r;
    if (!op_compare(vm, CMP_LT, v, INT_VAL(0), &r)) return false;
    if (IS_BOOL(r) && AS_BOOL(r)) {
        *out = -1;
        return true;
    }
    if (!op_compare(vm, CMP_GT, v, INT_VAL(0), &r)) return false;
    *out = IS_BOOL(r) && AS_BOOL(r) ? 1 : 0;
    return true;
}

bool mod_int_bit_length(VM *vm, Value v, int64_t *out)
{
    if (IS_INT(v)) {
        int64_t i = AS_INT(v);
        uint64_t mag = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        *out = mag ? 64 - __builtin_clzll(mag) : 0;
        return true;
    }
#if MOD_BIGINT
    if (value_is_int(v)) {
        *out = (int64_t)int_bits(v);
        return true;
    }
#endif
    Value r;
    if (!vm_call_method(vm, v, str_intern_cstr(vm, "bit_length"), NULL, 0, &r)) return false;
    if (!IS_INT(r)) return vm_raise(vm, vm->c.TypeError, "bit_length() returned a non-int");
    *out = AS_INT(r);
    return true;
}

/* ---- Python-style signatures ------------------------------------------------ */

bool mod_bind(VM *vm, const char *qualname, Value *args, int nargs, ObjTuple *kwnames,
              const char *const *names, int npos, int nreq, int nkwonly, Value *out)
{
    int n = npos + nkwonly, nkw = args_nkw(kwnames), kwonly_given = 0;
    for (int i = 0; i < n; i++) out[i] = i < nargs && i < npos ? args[i] : EMPTY_VAL;
    for (int k = 0; k < nkw; k++) {
        const char *kw = AS_STR(kwnames->items[k])->data;
        int i = 0;
        while (i < n && strcmp(names[i], kw) != 0) i++;
        if (i == n)
            return vm_raise(vm, vm->c.TypeError, "%s() got an unexpected keyword argument '%s'",
                            qualname, kw);
        if (!IS_EMPTY(out[i]))
            return vm_raise(vm, vm->c.TypeError, "%s() got multiple values for argument '%s'",
                            qualname, kw);
        out[i] = args[nargs + k];
        if (i >= npos) kwonly_given++;
    }
    if (nargs > npos) {
        char sig[64], kwonly[96] = "";
        if (nreq < npos) snprintf(sig, sizeof sig, "from %d to %d", nreq, npos);
        else snprintf(sig, sizeof sig, "%d", npos);
        if (kwonly_given)
            snprintf(kwonly, sizeof kwonly, " positional argument%s (and %d keyword-only argument%s)",
                     nargs != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
        return vm_raise(vm, vm->c.TypeError, "%s() takes %s positional argument%s but %d%s %s given",
                        qualname, sig, (npos != 1 || nreq < npos) ? "s" : "", nargs, kwonly,
                        nargs == 1 && !kwonly_given ? "was" : "were");
    }
    int missing = 0;
    for (int i = 0; i < nreq; i++) missing += IS_EMPTY(out[i]);
    if (missing == 0) return true;
    char list[256] = "";
    size_t len = 0;
    int seen = 0;
    for (int i = 0; i < nreq; i++) {
        if (!IS_EMPTY(out[i])) continue;
        seen++;
        const char *sep = seen == 1 ? "" : missing == 2 ? " and " : seen == missing ? ", and " : ", ";
        len += (size_t)snprintf(list + len, len < sizeof list ? sizeof list - len : 0, "%s'%s'", sep,
                                names[i]);
        if (len >= sizeof list) len = sizeof list - 1;
    }
    return vm_raise(vm, vm->c.TypeError, "%s() missing %d required positional argument%s: %s",
                    qualname, missing, missing == 1 ? "" : "s", list);
}
