/* interp.c: the dispatch loop. A bytecode-to-bytecode call pushes a Frame on
 * the running fiber and jumps to the callee's first instruction: the C stack
 * does not grow. Only a call from C (vm_call) nests a new interp_run, and the
 * frame it pushes is marked FRAME_RETURN_TO_C so that returning from it (or an
 * exception leaving it) ends that nested run. */
#include "interp.h"

#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "dict.h"
#include "frame.h"
#include "generator.h"
#include "gc.h"
#include "iter.h"
#include "list.h"
#include "set.h"
#include "str.h"
#include "attr.h"
#include "opcodes.h"
#include "ops.h"
#include "traceback.h"

#if defined(__GNUC__) && !defined(LOOPBOOK_NO_COMPUTED_GOTO)
#pragma GCC diagnostic ignored "-Wpedantic"
#define USE_COMPUTED_GOTO 1
#endif

/* Int OP int without overflow or a zero divisor: the common case of
 * BINARY_OP. False means "use the general path" (which also raises). */
static inline bool int_binop_fast(int op, int64_t a, int64_t b, int64_t *r)
{
    switch (op) {
    case BINOP_ADD: return !__builtin_add_overflow(a, b, r);
    case BINOP_SUB: return !__builtin_sub_overflow(a, b, r);
    case BINOP_MUL: return !__builtin_mul_overflow(a, b, r);
    case BINOP_FLOORDIV:
        if (b == 0 || (a == INT64_MIN && b == -1)) return false;
        *r = a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
        return true;
    case BINOP_MOD:
        if (b == 0 || b == -1) return false;
        *r = a % b;
        if (*r != 0 && ((*r < 0) != (b < 0))) *r += b;
        return true;
    case BINOP_AND: *r = a & b; return true;
    case BINOP_OR: *r = a | b; return true;
    case BINOP_XOR: *r = a ^ b; return true;
    case BINOP_RSHIFT:
        if (b < 0) return false;
        *r = b >= 64 ? (a < 0 ? -1 : 0) : a >> b;
        return true;
    case BINOP_LSHIFT:
        if (b < 0 || b >= 63) return false;
        *r = (int64_t)((uint64_t)a << b); /* no signed overflow: checked below */
        return (*r >> b) == a;
    default: return false;
    }
}

/* Float OP float for + - * /; false means the general path. */
static inline bool float_binop_fast(int op, double a, double b, double *r)
{
    switch (op) {
    case BINOP_ADD: *r = a + b; return true;
    case BINOP_SUB: *r = a - b; return true;
    case BINOP_MUL: *r = a * b; return true;
    case BINOP_TRUEDIV:
        if (b == 0.0) return false;
        *r = a / b;
        return true;
    default: return false;
    }
}

/* ---- small helpers the opcodes share ------------------------------------------ */

static bool truthy_fast(VM *vm, Value v, bool *out)
{
    switch (v.tag) {
    case VAL_BOOL: *out = AS_BOOL(v); return true;
    case VAL_NONE: *out = false; return true;
    case VAL_INT: *out = AS_INT(v) != 0; return true;
    default: return op_truthy(vm, v, out);
    }
}

static bool name_error(VM *vm, ObjStr *name)
{
    return vm_raise(vm, vm->c.NameError, "name '%s' is not defined", name->data);
}

/* The entry at index ix of t, if it still holds key (an interned name). */
static inline bool entry_holds(const DictTable *t, uint32_t ix, ObjStr *key)
{
    return ix < t->used && IS_OBJ(t->entries[ix].key) && AS_OBJ(t->entries[ix].key) == (Obj *)key;
}

static bool load_global(VM *vm, ObjCode *code, ObjDict *globals, uint32_t i, Value *out)
{
    ObjStr *name = code->names[i];
    GlobalCacheEntry *cache = &code->global_cache[i];
    DictTable *t = &globals->table;
    if (!(cache->index & GLOBAL_CACHE_BUILTIN)) {
        if (entry_holds(t, cache->index, name)) {
            *out = t->entries[cache->index].value;
            return true;
        }
    } else if (cache->globals_version == t->keys_version) {
        uint32_t bi = cache->index & ~GLOBAL_CACHE_BUILTIN;
        if (entry_holds(&vm->builtins->table, bi, name)) {
            *out = vm->builtins->table.entries[bi].value;
            return true;
        }
    }
    int32_t ix = dict_find_str(globals, name);
    if (ix >= 0) {
        cache->index = (uint32_t)ix;
        *out = t->entries[ix].value;
        return true;
    }
    ix = dict_find_str(vm->builtins, name);
    if (ix < 0) return name_error(vm, name);
    cache->index = (uint32_t)ix | GLOBAL_CACHE_BUILTIN;
    cache->globals_version = t->keys_version;
    *out = vm->builtins->table.entries[ix].value;
    return true;
}

/* Whether instance attribute `name` of cls instances may be read and written
 * straight in the instance dict: no property of that name, and no user
 * __getattribute__ / __setattr__ / __delattr__ hooks. (The cache's class
 * epoch covers these until any class changes.) */
static bool class_has_plain_attrs(VM *vm, ObjClass *cls)
{
    if (cls->plain_epoch != vm->class_epoch) {
        cls->plain_attrs = cls != vm->c.super_ && !IS_FUNCTION(vm_class_lookup(vm, cls, vm->n.__setattr__)) &&
                           !IS_FUNCTION(vm_class_lookup(vm, cls, vm->n.__getattribute__)) &&
                           !IS_FUNCTION(vm_class_lookup(vm, cls, vm->n.__delattr__));
        cls->plain_epoch = vm->class_epoch;
    }
    return cls->plain_attrs;
}

static bool attr_cacheable(VM *vm, ObjClass *cls, ObjStr *name)
{
    return class_has_plain_attrs(vm, cls) && !IS_KIND(vm_class_lookup(vm, cls, name), OBJ_PROPERTY);
}

/* LOAD_ATTR on an instance without a cache hit: the full lookup, and when
 * the value came straight from the instance dict (the class has no data
 * descriptor of that name), remember where. */
static bool instance_attr_slow(VM *vm, Value obj, ObjStr *name, AttrCacheEntry *ac, Value *out)
{
    ObjClass *cls = AS_OBJ(obj)->cls;
    if (attr_cacheable(vm, cls, name)) {
        int32_t ix = dict_find_str(AS_INSTANCE(obj)->dict, name);
        if (ix >= 0) {
            ac->cls = cls;
            ac->epoch = vm->class_epoch;
            ac->index = (uint32_t)ix;
            *out = AS_INSTANCE(obj)->dict->table.entries[ix].value;
            return true;
        }
    }
    return vm_getattr(vm, obj, name, out);
}

/* Whether an instance dict may hold `name`: a few entries are scanned for
 * its hash, which rules most names out without probing the table. */
static inline bool instance_may_have(ObjDict *d, ObjStr *name)
{
    DictTable *t = &d->table;
    if (t->used > 8) return dict_find_str(d, name) >= 0;
    uint64_t hash = str_hash(name);
    for (uint32_t k = 0; k < t->used; k++)
        if (t->entries[k].hash == hash) return true;
    return false;
}

/* STORE_ATTR adding an attribute where the cache says this site put it last
 * time: the entry index it went to is the instance dict's next one. That is
 * __init__ filling a fresh instance in the same order as the previous one.
 * The name is new when no entry so far has its hash (any hash match goes the
 * slow way). */
static bool store_attr_append(VM *vm, ObjInstance *inst, AttrCacheEntry *ac, ObjStr *name, Value v)
{
    DictTable *t = &inst->dict->table;
    if (ac->cls != inst->obj.cls || ac->epoch != vm->class_epoch || t->used != ac->index || t->len != t->used)
        return false;
    uint64_t hash = str_hash(name);
    for (uint32_t k = 0; k < t->used; k++)
        if (t->entries[k].hash == hash) return false;
    dict_table_insert_new(vm, t, OBJ_VAL(name), hash, v);
    return true;
}

/* STORE_GLOBAL / STORE_NAME: straight to the entry the name was found at
 * last time (LOAD_GLOBAL shares the memory; a stale index never matches,
 * since the entry must still hold this very name). */
static void store_name_cached(VM *vm, ObjDict *d, ObjCode *code, uint32_t i, Value v)
{
    GlobalCacheEntry *cache = &code->global_cache[i];
    DictTable *t = &d->table;
    if (!(cache->index & GLOBAL_CACHE_BUILTIN) && entry_holds(t, cache->index, code->names[i])) {
        t->entries[cache->index].value = v;
        return;
    }
    cache->index = (uint32_t)dict_set_str(vm, d, code->names[i], v);
}

static bool load_name_op(VM *vm, Frame *frame, ObjStr *name, Value *out)
{
    if (frame->locals_dict) {
        Value v = dict_get_str(frame->locals_dict, name);
        if (!IS_EMPTY(v)) {
            *out = v;
            return true;
        }
    }
    Value v = dict_get_str(frame->globals, name);
    if (IS_EMPTY(v)) v = dict_get_str(vm->builtins, name);
    if (IS_EMPTY(v)) return name_error(vm, name);
    *out = v;
    return true;
}

static bool unbound_local(VM *vm, ObjCode *code, uint32_t i)
{
    return vm_raise(vm, vm->c.UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value",
                    code->varnames[i]->data);
}

static bool unbound_deref(VM *vm, ObjCode *code, uint32_t i)
{
    if (i < code->n_cells)
        return vm_raise(vm, vm->c.UnboundLocalError,
                        "cannot access local variable '%s' where it is not associated with a value",
                        code->cellnames[i]->data);
    return vm_raise(vm, vm->c.NameError,
                    "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                    code->freenames[i - code->n_cells]->data);
}

/* A TypeError from iter() while unpacking says what could not be unpacked. */
static bool cannot_unpack(VM *vm, Value seq)
{
    if (!vm_exception_matches(vm, vm->c.TypeError)) return false;
    vm_take_exception(vm);
    return vm_raise(vm, vm->c.TypeError, "cannot unpack non-iterable %s object", vm_class_of(vm, seq)->name->data);
}

/* Unpack an iterable into n values, written so that the first is on top. */
static bool unpack_sequence(VM *vm, Value seq, uint32_t n, Value *dest)
{
    if (IS_TUPLE(seq) || IS_LIST(seq)) {
        uint32_t len = IS_TUPLE(seq) ? AS_TUPLE(seq)->len : AS_LIST(seq)->len;
        Value *items = IS_TUPLE(seq) ? AS_TUPLE(seq)->items : AS_LIST(seq)->items;
        if (len != n) {
            if (len > n) return vm_raise(vm, vm->c.ValueError, "too many values to unpack (expected %u)", n);
            return vm_raise(vm, vm->c.ValueError, "not enough values to unpack (expected %u, got %u)", n, len);
        }
        for (uint32_t i = 0; i < n; i++) dest[n - 1 - i] = items[i];
        return true;
    }
    Value it;
    if (!op_iter(vm, seq, &it)) return cannot_unpack(vm, seq);
    vm_push_root(vm, it);
    for (uint32_t i = 0; i < n; i++) {
        bool done;
        Value v;
        if (!op_next(vm, it, &v, &done)) goto fail;
        if (done) {
            vm_raise(vm, vm->c.ValueError, "not enough values to unpack (expected %u, got %u)", n, i);
            goto fail;
        }
        dest[n - 1 - i] = v;
    }
    bool done;
    Value extra;
    if (!op_next(vm, it, &extra, &done)) goto fail;
    if (!done) {
        vm_raise(vm, vm->c.ValueError, "too many values to unpack (expected %u)", n);
        goto fail;
    }
    vm_pop_root(vm, 1);
    return true;
fail:
    vm_pop_root(vm, 1);
    return false;
}

/* a, *b, c = seq: `before` values, a list, `after` values (first on top). */
static bool unpack_ex(VM *vm, Value seq, uint32_t before, uint32_t after, Value *dest)
{
    ObjList *all = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(all));
    Value probe;
    bool ok = op_iter(vm, seq, &probe);
    if (!ok) cannot_unpack(vm, seq);
    if (ok) ok = list_extend_from_iterable(vm, all, seq);
    if (ok && all->len < before + after) {
        vm_raise(vm, vm->c.ValueError, "not enough values to unpack (expected at least %u, got %u)", before + after,
                 all->len);
        ok = false;
    }
    if (ok) {
        uint32_t n = before + after + 1;
        uint32_t mid_len = all->len - before - after;
        ObjList *mid = list_new(vm, all->items + before, mid_len);
        for (uint32_t i = 0; i < before; i++) dest[n - 1 - i] = all->items[i];
        dest[n - 1 - before] = OBJ_VAL(mid);
        for (uint32_t i = 0; i < after; i++) dest[after - 1 - i] = all->items[before + mid_len + i];
    }
    vm_pop_root(vm, 1);
    return ok;
}

static bool format_value(VM *vm, Value v, uint32_t flags, Value spec, Value *out)
{
    ObjStr *s;
    switch (flags & 3) {
    case 1:
        if (!op_str(vm, v, &s)) return false;
        v = OBJ_VAL(s);
        break;
    case 2:
    case 3:
        if (!op_repr(vm, v, &s)) return false;
        v = OBJ_VAL(s);
        break;
    default: break;
    }
    if (!(flags & 4) && IS_STR(v)) {
        *out = v;
        return true;
    }
    vm_push_root(vm, v);
    bool ok = op_format(vm, v, (flags & 4) ? AS_STR(spec) : vm->n.empty, &s);
    vm_pop_root(vm, 1);
    if (ok) *out = OBJ_VAL(s);
    return ok;
}

static bool build_string(VM *vm, Value *parts, uint32_t n, Value *out)
{
    size_t total = 0;
    for (uint32_t i = 0; i < n; i++) total += AS_STR(parts[i])->byte_len;
    ObjStr *s = str_alloc(vm, total);
    size_t at = 0;
    for (uint32_t i = 0; i < n; i++) {
        memcpy(s->data + at, AS_STR(parts[i])->data, AS_STR(parts[i])->byte_len);
        at += AS_STR(parts[i])->byte_len;
    }
    *out = OBJ_VAL(str_finish(s));
    return true;
}

static bool make_function(VM *vm, Value *sp, uint32_t flags, ObjDict *globals, Value *out)
{
    /* stack: [defaults?] [kwdefaults?] [closure?] code */
    ObjCode *code = AS_CODE(sp[-1]);
    int k = -2;
    ObjTuple *closure = (flags & 4) ? AS_TUPLE(sp[k--]) : NULL;
    ObjDict *kwdefaults = (flags & 2) ? AS_DICT(sp[k--]) : NULL;
    ObjTuple *defaults = (flags & 1) ? AS_TUPLE(sp[k--]) : NULL;
    ObjFunction *fn = function_new(vm, code, globals);
    fn->closure = closure;
    fn->kwdefaults = kwdefaults;
    fn->defaults = defaults;
    Value modname = dict_get_str(globals, vm->n.__name__);
    if (IS_STR(modname)) fn->module = AS_STR(modname);
    *out = OBJ_VAL(fn);
    return true;
}

/* The TypeError for `*x` of a non-iterable: in a display, or naming the
 * callee for f(*x). */
static bool not_iterable_after_star(VM *vm, Value v, Value callee)
{
    if (!vm_exception_matches(vm, vm->c.TypeError)) return false;
    vm_take_exception(vm);
    const char *type = vm_class_of(vm, v)->name->data;
    if (IS_EMPTY(callee)) return vm_raise(vm, vm->c.TypeError, "Value after * must be an iterable, not %s", type);
    return vm_raise(vm, vm->c.TypeError, "%s argument after * must be an iterable, not %s",
                    callable_name_for_error(vm, callee), type);
}

/* f(**a, **b): merge mapping src into the kwargs dict, refusing a key twice.
 * callee (below the args tuple) names the function in the message. */
static bool dict_merge_kwargs(VM *vm, ObjDict *dst, Value src, Value callee)
{
    if (!IS_DICT(src)) {
        ObjDict *tmp = dict_new(vm);
        vm_push_root(vm, OBJ_VAL(tmp));
        bool ok = dict_update_from(vm, tmp, src);
        vm_pop_root(vm, 1);
        if (!ok) {
            if (vm_exception_matches(vm, vm->c.TypeError)) {
                vm_take_exception(vm);
                return vm_raise(vm, vm->c.TypeError, "%s argument after ** must be a mapping, not %s",
                                callable_name_for_error(vm, callee), vm_class_of(vm, src)->name->data);
            }
            return false;
        }
        src = OBJ_VAL(tmp);
    }
    ObjDict *d = AS_DICT(src);
    for (uint32_t i = 0; i < d->table.used; i++) {
        DictEntry *e = &d->table.entries[i];
        if (IS_EMPTY(e->key)) continue;
        if (!IS_STR(e->key)) return vm_raise(vm, vm->c.TypeError, "keywords must be strings");
        if (dict_find_str(dst, AS_STR(e->key)) >= 0)
            return vm_raise(vm, vm->c.TypeError, "%s got multiple values for keyword argument '%s'",
                            callable_name_for_error(vm, callee), AS_STR(e->key)->data);
        dict_set_str(vm, dst, AS_STR(e->key), e->value);
    }
    return true;
}

static bool check_exc_match(VM *vm, Value exc, Value type, bool *out)
{
    if (IS_CLASS(type) && class_is_subclass(AS_CLASS(type), vm->c.BaseException)) {
        *out = vm_isinstance(vm, exc, AS_CLASS(type));
        return true;
    }
    if (IS_TUPLE(type)) {
        ObjTuple *t = AS_TUPLE(type);
        *out = false;
        for (uint32_t i = 0; i < t->len; i++) {
            bool m = false;
            if (!check_exc_match(vm, exc, t->items[i], &m)) return false;
            if (m) *out = true;
        }
        return true;
    }
    return vm_raise(vm, vm->c.TypeError, "catching classes that do not inherit from BaseException is not allowed");
}

static bool do_raise(VM *vm, Value exc, Value cause, bool has_cause)
{
    if (IS_CLASS(exc)) {
        if (!class_is_subclass(AS_CLASS(exc), vm->c.BaseException))
            return vm_raise(vm, vm->c.TypeError, "exceptions must derive from BaseException");
        if (!vm_call(vm, exc, NULL, 0, NULL, &exc)) return false;
    }
    if (!IS_EXCEPTION(exc)) return vm_raise(vm, vm->c.TypeError, "exceptions must derive from BaseException");
    if (has_cause) {
        vm_push_root(vm, exc);
        if (IS_CLASS(cause)) {
            if (!vm_call(vm, cause, NULL, 0, NULL, &cause)) {
                vm_pop_root(vm, 1);
                return false;
            }
        }
        vm_pop_root(vm, 1);
        if (!IS_NONE(cause) && !IS_EXCEPTION(cause))
            return vm_raise(vm, vm->c.TypeError, "exception causes must derive from BaseException");
        AS_EXCEPTION(exc)->cause = cause;
        AS_EXCEPTION(exc)->suppress_context = true;
    }
    return vm_raise_value(vm, exc);
}

/* with / async with: bind __exit__ (__aexit__) and call __enter__ (__aenter__). */
static bool before_with(VM *vm, Value mgr, bool is_async, Value *exit_out, Value *enter_result)
{
    Value enter = vm_lookup_special(vm, mgr, is_async ? vm->n.__aenter__ : vm->n.__enter__);
    Value exit = vm_lookup_special(vm, mgr, is_async ? vm->n.__aexit__ : vm->n.__exit__);
    if (IS_EMPTY(enter) || IS_EMPTY(exit)) {
        ObjClass *cls = vm_class_of(vm, mgr);
        const char *missed = IS_EMPTY(enter) ? "" : is_async ? " (missed __aexit__ method)" : " (missed __exit__ method)";
        return vm_raise(vm, vm->c.TypeError, "'%s' object does not support the %scontext manager protocol%s",
                        cls->name->data, is_async ? "asynchronous " : "", missed);
    }
    ObjBoundMethod *bound = bound_method_new(vm, mgr, exit);
    *exit_out = OBJ_VAL(bound);
    vm_push_root(vm, *exit_out);
    bool ok = vm_call(vm, enter, &mgr, 1, NULL, enter_result);
    vm_pop_root(vm, 1);
    return ok;
}

static bool with_except_start(VM *vm, Value exit, Value exc, Value *out)
{
    Value args[3] = {OBJ_VAL(vm_class_of(vm, exc)), exc, NONE_VAL};
    ObjException *e = AS_EXCEPTION(exc);
    if (e->traceback) args[2] = OBJ_VAL(e->traceback);
    return vm_call(vm, exit, args, 3, NULL, out);
}

static bool print_expr(VM *vm, Value v)
{
    if (IS_NONE(v)) return true;
    if (vm->display_hook) return vm->display_hook(vm, v);
    ObjStr *s;
    if (!op_repr(vm, v, &s)) return false;
    vm_write(vm, s->data, s->byte_len);
    vm_write(vm, "\n", 1);
    return true;
}

static bool import_name(VM *vm, ObjStr *name, Value *out)
{
    Value m = dict_get_str(vm->modules, name);
    if (IS_EMPTY(m) && vm->import_hook) {
        if (!vm->import_hook(vm, name, &m)) return false;
    }
    if (IS_EMPTY(m)) {
        return vm_raise(vm, vm->c.ModuleNotFoundError, "No module named '%s'", name->data);
    }
    *out = m;
    return true;
}

static bool import_from(VM *vm, Value module, ObjStr *name, Value *out)
{
    bool found;
    if (!vm_getattr_opt(vm, module, name, out, &found)) return false;
    if (found) return true;
    ObjStr *modname = IS_MODULE(module) ? AS_MODULE(module)->name : vm->n.empty;
    return vm_raise(vm, vm->c.ImportError, "cannot import name '%s' from '%s' (unknown location)", name->data,
                    modname->data);
}

/* The generator running on fiber f stops running (finished, or suspended at
 * a yield); returns the fiber to switch back to. */
static ObjFiber *leave_generator(VM *vm, ObjFiber *f, bool finished)
{
    ObjGenerator *g = (ObjGenerator *)f->owner;
    ObjFiber *caller = f->caller;
    f->caller = NULL;
    g->running = false;
    g->state = finished ? GEN_FINISHED : GEN_SUSPENDED;
    if (!finished) vm->depth--; /* a finished frame is popped, which counts it */
    return caller;
}

/* SEND to something that is not a generator: next() for None, else .send(). */
static bool send_to_iterator(VM *vm, Value recv, Value val, Value *out, bool *done)
{
    if (IS_NONE(val)) {
        *out = NONE_VAL; /* a built-in iterator that ends leaves it */
        return op_next(vm, recv, out, done); /* done: *out is the returned value */
    }
    *done = false;
    if (vm_call_method(vm, recv, str_intern_cstr(vm, "send"), &val, 1, out)) return true;
    if (!vm_exception_matches(vm, vm->c.StopIteration)) return false;
    Value stop = vm_take_exception(vm);
    ObjTuple *args = AS_EXCEPTION(stop)->args;
    *out = args && args->len ? args->items[0] : NONE_VAL;
    *done = true;
    return true;
}

/* `del NAME` let go of `old` (no longer held by the name; not kept here):
 * a generator is closed if nothing else holds it, and asyncio hears of
 * anything else (a failed task nobody looked at). The frame is synced. */
static void deleted_name(VM *vm, Value old)
{
    if (IS_GENERATOR(old)) gen_check_dropped(vm, old);
    else if (vm->deleted_hook) vm->deleted_hook(vm, old);
}

/* Find the handler for the instruction that ends at ip in frame, or NULL. */
static const ExceptEntry *find_handler(const ObjCode *code, uint32_t offset)
{
    for (uint32_t i = 0; i < code->n_excepts; i++) {
        const ExceptEntry *e = &code->excepts[i];
        if (offset >= e->start && offset < e->end) return e;
    }
    return NULL;
}

/* ---- the loop ----------------------------------------------------------------------- */

#define READ_B() (ip += 1, ip[-1])
#define READ_H() (ip += 2, read_u16(ip - 2))
#define READ_W() (ip += 4, read_u32(ip - 4))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define PEEK(n) (sp[-(n)])
/* Make the fiber's state visible to the GC and to a nested vm_call. */
#define SYNC()                                                                                      \
    do {                                                                                            \
        frame->ip = ip;                                                                             \
        fiber->sp = sp;                                                                             \
    } while (0)
/* Reload the registers from the (possibly new) top frame. */
#define LOAD_FRAME()                                                                                \
    do {                                                                                            \
        frame = fiber->frame;                                                                       \
        ip = frame->ip;                                                                             \
        sp = fiber->sp;                                                                             \
        slots = frame->slots;                                                                       \
        code = frame->code;                                                                         \
        consts = code->constants;                                                                   \
    } while (0)
#define THROW() goto error
/* After a call: continue in the callee's new frame, or with its result in
 * the slot `at` (everything above it popped). */
#define FINISH_CALL(outcome, at)                                                                    \
    do {                                                                                            \
        if ((outcome) == CALL_FAILED) THROW();                                                      \
        if ((outcome) == CALL_PUSHED_FRAME) LOAD_FRAME();                                           \
        else sp = (at) + 1;                                                                         \
        if (vm->ticks <= 0) goto tick; /* e.g. a native asked to suspend this thread */             \
        DISPATCH();                                                                                 \
    } while (0)
#define CHECK(expr)                                                                                 \
    do {                                                                                            \
        if (!(expr)) THROW();                                                                       \
    } while (0)

#ifdef USE_COMPUTED_GOTO
#define DISPATCH() goto *targets[*ip++]
#define CASE(name) L_##name:
#define DEFAULT_CASE L_bad:
#else
#define DISPATCH() goto dispatch
#define CASE(name) case OP_##name:
#define DEFAULT_CASE default:
#endif

bool interp_run(VM *vm, Value *result)
{
#ifdef USE_COMPUTED_GOTO
    /* every byte value dispatches somewhere: unknown opcodes to L_bad (the
     * range initializer is then overridden for the real ones, on purpose) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#ifdef __clang__
#pragma clang diagnostic ignored "-Winitializer-overrides"
#endif
    static void *const targets[256] = {
        [0 ... 255] = &&L_bad,
#define X(name, fmt) [OP_##name] = &&L_##name,
        OPCODE_LIST(X)
#undef X
    };
#pragma GCC diagnostic pop
#endif
    ObjFiber *fiber = vm->fiber;
    Frame *frame;
    uint8_t *ip;
    Value *sp, *slots, *consts;
    ObjCode *code;
    bool reraise = false;
    LOAD_FRAME();
    if (vm->throw_pending) {
        /* generator.throw(): the exception appears at the suspended yield */
        vm->throw_pending = false;
        goto error;
    }

#ifdef USE_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    switch (*ip++) {
#endif

    CASE(NOP) DISPATCH();
    CASE(POP_TOP)
    {
        sp--;
        DISPATCH();
    }
    CASE(POP_ITER)
    {
        Value it = *--sp;
        if (IS_GENERATOR(it)) {
            SYNC();
            gen_check_dropped(vm, it);
            if (gen_held_by_locals(vm, frame, it)) frame->flags |= FRAME_HOLDS_LEFT_GENERATOR;
        }
        DISPATCH();
    }
    CASE(COPY)
    {
        uint8_t n = READ_B();
        Value v = PEEK(n);
        PUSH(v);
        DISPATCH();
    }
    CASE(SWAP)
    {
        uint8_t n = READ_B();
        Value t = PEEK(1);
        PEEK(1) = PEEK(n);
        PEEK(n) = t;
        DISPATCH();
    }
    CASE(LOAD_CONST)
    {
        uint32_t i = READ_W();
        PUSH(consts[i]);
        DISPATCH();
    }
    CASE(LOAD_NONE)
    {
        PUSH(NONE_VAL);
        DISPATCH();
    }
    CASE(LOAD_TRUE)
    {
        PUSH(TRUE_VAL);
        DISPATCH();
    }
    CASE(LOAD_FALSE)
    {
        PUSH(FALSE_VAL);
        DISPATCH();
    }
    CASE(LOAD_SMALL_INT)
    {
        uint16_t v = READ_H();
        PUSH(INT_VAL((int64_t)v - 32768));
        DISPATCH();
    }
    CASE(LOAD_FAST)
    {
        uint16_t i = READ_H();
        Value v = slots[i];
        if (IS_EMPTY(v)) {
            SYNC();
            unbound_local(vm, code, i);
            THROW();
        }
        op_escape(v); /* the value is shared from now on (see INPLACE_ADD_FAST) */
        PUSH(v);
        DISPATCH();
    }
    CASE(INPLACE_ADD_FAST)
    {
        uint16_t i = READ_H();
        Value a = slots[i], b = PEEK(1);
        if (IS_INT(a) && IS_INT(b)) {
            int64_t r;
            if (!__builtin_add_overflow(AS_INT(a), AS_INT(b), &r)) {
                slots[i] = INT_VAL(r);
                sp--;
                DISPATCH();
            }
        } else if (IS_FLOAT(a) && IS_FLOAT(b)) {
            slots[i] = FLOAT_VAL(AS_FLOAT(a) + AS_FLOAT(b));
            sp--;
            DISPATCH();
        }
        SYNC();
        if (IS_EMPTY(a)) {
            unbound_local(vm, code, i);
            THROW();
        }
        /* b stays on the stack (rooted) during the call */
        CHECK(op_iadd_slot(vm, &slots[i], b));
        sp--;
        DISPATCH();
    }
    CASE(STORE_FAST)
    {
        uint16_t i = READ_H();
        slots[i] = POP();
        DISPATCH();
    }
    CASE(DELETE_FAST)
    {
        uint16_t i = READ_H();
        if (IS_EMPTY(slots[i])) {
            SYNC();
            unbound_local(vm, code, i);
            THROW();
        }
        Value old = slots[i];
        slots[i] = EMPTY_VAL;
        if (IS_GENERATOR(old) || vm->deleted_hook) {
            SYNC();
            deleted_name(vm, old);
        }
        DISPATCH();
    }
    CASE(LOAD_DEREF)
    {
        uint16_t i = READ_H();
        Value v = ((ObjCell *)AS_OBJ(slots[code->n_locals + i]))->value;
        if (IS_EMPTY(v)) {
            SYNC();
            unbound_deref(vm, code, i);
            THROW();
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_DEREF)
    {
        uint16_t i = READ_H();
        ((ObjCell *)AS_OBJ(slots[code->n_locals + i]))->value = POP();
        DISPATCH();
    }
    CASE(DELETE_DEREF)
    {
        uint16_t i = READ_H();
        ObjCell *cell = (ObjCell *)AS_OBJ(slots[code->n_locals + i]);
        if (IS_EMPTY(cell->value)) {
            SYNC();
            unbound_deref(vm, code, i);
            THROW();
        }
        Value old = cell->value;
        cell->value = EMPTY_VAL;
        if (IS_GENERATOR(old) || vm->deleted_hook) {
            SYNC();
            deleted_name(vm, old);
        }
        DISPATCH();
    }
    CASE(LOAD_CLOSURE)
    {
        uint16_t i = READ_H();
        PUSH(slots[code->n_locals + i]);
        DISPATCH();
    }
    CASE(LOAD_GLOBAL)
    {
        uint16_t i = READ_H();
        SYNC();
        CHECK(load_global(vm, code, frame->globals, i, sp));
        sp++;
        DISPATCH();
    }
    CASE(STORE_GLOBAL)
    {
        uint16_t i = READ_H();
        SYNC();
        store_name_cached(vm, frame->globals, code, i, PEEK(1));
        sp--;
        DISPATCH();
    }
    CASE(DELETE_GLOBAL)
    {
        uint16_t i = READ_H();
        SYNC();
        bool found;
        Value old = dict_get_str(frame->globals, code->names[i]);
        CHECK(dict_del(vm, frame->globals, OBJ_VAL(code->names[i]), &found));
        if (!found) {
            name_error(vm, code->names[i]);
            THROW();
        }
        deleted_name(vm, old);
        DISPATCH();
    }
    CASE(LOAD_NAME)
    {
        uint16_t i = READ_H();
        SYNC();
        CHECK(load_name_op(vm, frame, code->names[i], sp));
        sp++;
        DISPATCH();
    }
    CASE(STORE_NAME)
    {
        uint16_t i = READ_H();
        SYNC();
        store_name_cached(vm, frame->locals_dict ? frame->locals_dict : frame->globals, code, i, PEEK(1));
        sp--;
        DISPATCH();
    }
    CASE(DELETE_NAME)
    {
        uint16_t i = READ_H();
        SYNC();
        bool found;
        ObjDict *names = frame->locals_dict ? frame->locals_dict : frame->globals;
        Value old = dict_get_str(names, code->names[i]);
        CHECK(dict_del(vm, names, OBJ_VAL(code->names[i]), &found));
        if (!found) {
            name_error(vm, code->names[i]);
            THROW();
        }
        deleted_name(vm, old);
        DISPATCH();
    }
    CASE(LOAD_ATTR)
    {
        uint16_t i = READ_H();
        Value obj = PEEK(1);
        if (IS_INSTANCE(obj)) {
            AttrCacheEntry *ac = &code->attr_cache[i];
            DictTable *t = &AS_INSTANCE(obj)->dict->table;
            if (ac->cls == AS_OBJ(obj)->cls && ac->epoch == vm->class_epoch && entry_holds(t, ac->index, code->names[i])) {
                PEEK(1) = t->entries[ac->index].value;
                DISPATCH();
            }
            SYNC();
            CHECK(instance_attr_slow(vm, obj, code->names[i], ac, &PEEK(1)));
            DISPATCH();
        }
        SYNC();
        CHECK(vm_getattr(vm, PEEK(1), code->names[i], &PEEK(1)));
        DISPATCH();
    }
    CASE(STORE_ATTR)
    {
        uint16_t i = READ_H();
        Value obj = PEEK(1);
        if (IS_INSTANCE(obj)) {
            AttrCacheEntry *ac = &code->attr_cache[i];
            DictTable *t = &AS_INSTANCE(obj)->dict->table;
            if (ac->cls == AS_OBJ(obj)->cls && ac->epoch == vm->class_epoch && entry_holds(t, ac->index, code->names[i])) {
                t->entries[ac->index].value = PEEK(2);
                sp -= 2;
                DISPATCH();
            }
        }
        SYNC();
        if (IS_INSTANCE(obj) && store_attr_append(vm, AS_INSTANCE(obj), &code->attr_cache[i], code->names[i], PEEK(2))) {
            sp -= 2;
            DISPATCH();
        }
        if (IS_INSTANCE(obj) && attr_cacheable(vm, AS_OBJ(obj)->cls, code->names[i])) {
            /* a plain store into the instance dict; remember where it went */
            int32_t ix = dict_set_str(vm, AS_INSTANCE(obj)->dict, code->names[i], PEEK(2));
            AttrCacheEntry *ac = &code->attr_cache[i];
            ac->cls = AS_OBJ(obj)->cls;
            ac->epoch = vm->class_epoch;
            ac->index = (uint32_t)ix;
            sp -= 2;
            DISPATCH();
        }
        CHECK(vm_setattr(vm, obj, code->names[i], PEEK(2)));
        sp -= 2;
        DISPATCH();
    }
    CASE(DELETE_ATTR)
    {
        uint16_t i = READ_H();
        SYNC();
        CHECK(vm_delattr(vm, PEEK(1), code->names[i]));
        sp--;
        DISPATCH();
    }
    CASE(LOAD_METHOD)
    {
        uint16_t i = READ_H();
        Value self = PEEK(1);
        AttrCacheEntry *mc = &code->attr_cache[i];
        if (IS_INSTANCE(self) && mc->method_cls == AS_OBJ(self)->cls && mc->method_epoch == vm->class_epoch &&
            !instance_may_have(AS_INSTANCE(self)->dict, code->names[i])) {
            PEEK(1) = mc->method;
            PUSH(self);
            DISPATCH();
        }
        SYNC();
        Value method;
        if (attr_lookup_method(vm, self, code->names[i], &method)) {
            if (IS_INSTANCE(self)) {
                mc->method_cls = AS_OBJ(self)->cls;
                mc->method_epoch = vm->class_epoch;
                mc->method = method;
            }
            PEEK(1) = method;
            PUSH(self);
        } else {
            Value attr;
            CHECK(vm_getattr(vm, self, code->names[i], &attr));
            PEEK(1) = EMPTY_VAL;
            PUSH(attr);
        }
        DISPATCH();
    }
    CASE(BINARY_SUBSCR)
    {
        SYNC();
        Value key = PEEK(1), obj = PEEK(2);
        if (IS_INT(key) && IS_OBJ(obj) && (OBJ_KIND(obj) == OBJ_LIST || OBJ_KIND(obj) == OBJ_TUPLE)) {
            bool is_list = OBJ_KIND(obj) == OBJ_LIST;
            int64_t len = is_list ? AS_LIST(obj)->len : AS_TUPLE(obj)->len;
            int64_t k = AS_INT(key);
            if (k < 0) k += len;
            if (k >= 0 && k < len) {
                sp--;
                PEEK(1) = is_list ? AS_LIST(obj)->items[k] : AS_TUPLE(obj)->items[k];
                DISPATCH();
            }
        }
        if (IS_DICT(obj) && AS_OBJ(obj)->cls == vm->c.dict) {
            bool found;
            CHECK(dict_get(vm, AS_DICT(obj), key, &PEEK(2), &found));
            if (found) {
                sp--;
                DISPATCH();
            }
        }
        CHECK(op_getitem(vm, obj, key, &PEEK(2)));
        sp--;
        DISPATCH();
    }
    CASE(STORE_SUBSCR)
    {
        SYNC();
        Value key = PEEK(1), obj = PEEK(2), v = PEEK(3);
        if (IS_LIST(obj) && IS_INT(key)) {
            ObjList *l = AS_LIST(obj);
            int64_t k = AS_INT(key);
            if (k < 0) k += l->len;
            if (k >= 0 && k < (int64_t)l->len) {
                l->items[k] = v;
                sp -= 3;
                DISPATCH();
            }
        }
        if (IS_DICT(obj)) {
            CHECK(dict_set(vm, AS_DICT(obj), key, v));
            sp -= 3;
            DISPATCH();
        }
        CHECK(op_setitem(vm, obj, key, v));
        sp -= 3;
        DISPATCH();
    }
    CASE(DELETE_SUBSCR)
    {
        SYNC();
        CHECK(op_delitem(vm, PEEK(2), PEEK(1)));
        sp -= 2;
        DISPATCH();
    }
    CASE(BUILD_SLICE)
    {
        uint8_t n = READ_B();
        SYNC();
        Value step = n == 3 ? PEEK(1) : NONE_VAL;
        Value *base = sp - n;
        ObjSlice *s = slice_new(vm, base[0], base[1], step);
        sp = base;
        PUSH(OBJ_VAL(s));
        DISPATCH();
    }
/* a OP b with the int and float fast paths inline; OP is a constant for the
 * three dedicated opcodes, so the fast-path switches fold away. */
#define ARITH(OP, INPLACE)                                                                          \
    do {                                                                                            \
        Value b = PEEK(1), a = PEEK(2);                                                             \
        if (IS_INT(a) && IS_INT(b)) {                                                               \
            int64_t r;                                                                              \
            if (int_binop_fast((OP), AS_INT(a), AS_INT(b), &r)) {                                   \
                sp--;                                                                               \
                PEEK(1) = INT_VAL(r);                                                               \
                DISPATCH();                                                                         \
            }                                                                                       \
        } else if (IS_FLOAT(a) && IS_FLOAT(b)) {                                                    \
            double r;                                                                               \
            if (float_binop_fast((OP), AS_FLOAT(a), AS_FLOAT(b), &r)) {                             \
                sp--;                                                                               \
                PEEK(1) = FLOAT_VAL(r);                                                             \
                DISPATCH();                                                                         \
            }                                                                                       \
        }                                                                                           \
        SYNC();                                                                                     \
        CHECK(op_binary(vm, (BinaryOp)(OP), a, b, (INPLACE), &PEEK(2)));                            \
        sp--;                                                                                       \
        DISPATCH();                                                                                 \
    } while (0)
    CASE(BINARY_ADD) ARITH(BINOP_ADD, false);
    CASE(BINARY_SUB) ARITH(BINOP_SUB, false);
    CASE(BINARY_MUL) ARITH(BINOP_MUL, false);
    CASE(BINARY_OP)
    {
        uint8_t arg = READ_B();
        ARITH(arg & 0x7f, (arg & 0x80) != 0);
    }
#define COMPARE_CASE(NAME, CMP, OPERATOR)                                                           \
    CASE(NAME)                                                                                      \
    {                                                                                               \
        Value b = PEEK(1), a = PEEK(2);                                                             \
        if (IS_INT(a) && IS_INT(b)) {                                                               \
            sp--;                                                                                   \
            PEEK(1) = BOOL_VAL(AS_INT(a) OPERATOR AS_INT(b));                                       \
            DISPATCH();                                                                             \
        }                                                                                           \
        if (IS_FLOAT(a) && IS_FLOAT(b)) {                                                           \
            sp--;                                                                                   \
            PEEK(1) = BOOL_VAL(AS_FLOAT(a) OPERATOR AS_FLOAT(b));                                   \
            DISPATCH();                                                                             \
        }                                                                                           \
        SYNC();                                                                                     \
        CHECK(op_compare(vm, CMP, a, b, &PEEK(2)));                                                 \
        sp--;                                                                                       \
        DISPATCH();                                                                                 \
    }
    COMPARE_CASE(COMPARE_LT, CMP_LT, <)
    COMPARE_CASE(COMPARE_LE, CMP_LE, <=)
    COMPARE_CASE(COMPARE_EQ, CMP_EQ, ==)
    COMPARE_CASE(COMPARE_NE, CMP_NE, !=)
    COMPARE_CASE(COMPARE_GT, CMP_GT, >)
    COMPARE_CASE(COMPARE_GE, CMP_GE, >=)
#define COMPARE_JUMP_CASE(NAME, CMP, OPERATOR)                                                      \
    CASE(NAME)                                                                                      \
    {                                                                                               \
        uint32_t target = READ_W();                                                                 \
        Value b = PEEK(1), a = PEEK(2);                                                             \
        bool t;                                                                                     \
        if (IS_INT(a) && IS_INT(b)) {                                                               \
            t = AS_INT(a) OPERATOR AS_INT(b);                                                       \
        } else if (IS_FLOAT(a) && IS_FLOAT(b)) {                                                    \
            t = AS_FLOAT(a) OPERATOR AS_FLOAT(b);                                                   \
        } else {                                                                                    \
            SYNC();                                                                                 \
            Value r;                                                                                \
            CHECK(op_compare(vm, CMP, a, b, &r));                                                   \
            PEEK(2) = r; /* keep the result rooted while testing it */                              \
            CHECK(truthy_fast(vm, r, &t));                                                          \
        }                                                                                           \
        sp -= 2;                                                                                    \
        if (!t) ip = code->bytecode + target;                                                       \
        DISPATCH();                                                                                 \
    }
    COMPARE_JUMP_CASE(JUMP_IF_NOT_LT, CMP_LT, <)
    COMPARE_JUMP_CASE(JUMP_IF_NOT_LE, CMP_LE, <=)
    COMPARE_JUMP_CASE(JUMP_IF_NOT_EQ, CMP_EQ, ==)
    COMPARE_JUMP_CASE(JUMP_IF_NOT_NE, CMP_NE, !=)
    COMPARE_JUMP_CASE(JUMP_IF_NOT_GT, CMP_GT, >)
    COMPARE_JUMP_CASE(JUMP_IF_NOT_GE, CMP_GE, >=)
    CASE(IS_OP)
    {
        uint8_t invert = READ_B();
        bool same = value_is(PEEK(2), PEEK(1));
        sp--;
        PEEK(1) = BOOL_VAL(same != (invert != 0));
        DISPATCH();
    }
    CASE(CONTAINS_OP)
    {
        uint8_t invert = READ_B();
        SYNC();
        bool in;
        CHECK(op_contains(vm, PEEK(1), PEEK(2), &in));
        sp--;
        PEEK(1) = BOOL_VAL(in != (invert != 0));
        DISPATCH();
    }
    CASE(UNARY_NEG)
    {
        Value a = PEEK(1);
        if (IS_INT(a) && AS_INT(a) != INT64_MIN) {
            PEEK(1) = INT_VAL(-AS_INT(a));
            DISPATCH();
        }
        if (IS_FLOAT(a)) {
            PEEK(1) = FLOAT_VAL(-AS_FLOAT(a));
            DISPATCH();
        }
        SYNC();
        CHECK(op_unary(vm, UNOP_NEG, a, &PEEK(1)));
        DISPATCH();
    }
    CASE(UNARY_POS)
    {
        SYNC();
        CHECK(op_unary(vm, UNOP_POS, PEEK(1), &PEEK(1)));
        DISPATCH();
    }
    CASE(UNARY_INVERT)
    {
        SYNC();
        CHECK(op_unary(vm, UNOP_INVERT, PEEK(1), &PEEK(1)));
        DISPATCH();
    }
    CASE(UNARY_NOT)
    {
        bool t;
        SYNC();
        CHECK(truthy_fast(vm, PEEK(1), &t));
        PEEK(1) = BOOL_VAL(!t);
        DISPATCH();
    }
    CASE(JUMP)
    {
        uint32_t target = READ_W();
        ip = code->bytecode + target;
        DISPATCH();
    }
    CASE(LOOP)
    {
        uint32_t target = READ_W();
        ip = code->bytecode + target;
        if (--vm->ticks <= 0) goto tick;
        DISPATCH();
    }
    CASE(POP_JUMP_IF_FALSE)
    {
        uint32_t target = READ_W();
        Value v = POP();
        bool t;
        if (IS_BOOL(v)) {
            t = AS_BOOL(v);
        } else {
            SYNC();
            CHECK(truthy_fast(vm, v, &t));
        }
        if (!t) ip = code->bytecode + target;
        DISPATCH();
    }
    CASE(POP_JUMP_IF_TRUE)
    {
        uint32_t target = READ_W();
        Value v = POP();
        bool t;
        if (IS_BOOL(v)) {
            t = AS_BOOL(v);
        } else {
            SYNC();
            CHECK(truthy_fast(vm, v, &t));
        }
        if (t) ip = code->bytecode + target;
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE_OR_POP)
    {
        uint32_t target = READ_W();
        bool t;
        SYNC();
        CHECK(truthy_fast(vm, PEEK(1), &t));
        if (!t) ip = code->bytecode + target;
        else sp--;
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE_OR_POP)
    {
        uint32_t target = READ_W();
        bool t;
        SYNC();
        CHECK(truthy_fast(vm, PEEK(1), &t));
        if (t) ip = code->bytecode + target;
        else sp--;
        DISPATCH();
    }
    CASE(GET_ITER)
    {
        SYNC();
        CHECK(op_iter(vm, PEEK(1), &PEEK(1)));
        DISPATCH();
    }
    CASE(FOR_ITER)
    {
        uint32_t target = READ_W();
        Value it = PEEK(1);
        if (IS_KIND(it, OBJ_ITER)) {
            ObjIter *bi = AS_ITER(it);
            if (bi->variant == ITER_RANGE) {
                if (bi->index < bi->limit) {
                    Value v = bi->a;
                    bi->a = INT_VAL(AS_INT(bi->a) + AS_INT(bi->b));
                    bi->index++;
                    PUSH(v);
                    DISPATCH();
                }
                sp--;
                ip = code->bytecode + target;
                DISPATCH();
            }
            if (bi->variant == ITER_LIST) {
                ObjList *l = AS_LIST(bi->seq);
                if (bi->index < (int64_t)l->len) {
                    PUSH(l->items[bi->index++]);
                    DISPATCH();
                }
                bi->index = INT64_MAX;
                sp--;
                ip = code->bytecode + target;
                DISPATCH();
            }
        }
        if (IS_GENERATOR(it) && AS_OBJ(it)->cls == vm->c.generator) {
            ObjGenerator *g = AS_GENERATOR(it);
            if (g->state == GEN_FINISHED) {
                sp--;
                ip = code->bytecode + target;
                DISPATCH();
            }
            SYNC();
            CHECK(gen_check_resumable(vm, g, NONE_VAL));
            g->fiber->frame->flags &= ~(uint32_t)FRAME_RETURN_TO_C;
            gen_enter(vm, g, NONE_VAL);
            fiber = vm->fiber;
            LOAD_FRAME();
            DISPATCH();
        }
        SYNC();
        bool done;
        CHECK(op_next(vm, it, sp, &done));
        if (done) {
            sp--;
            ip = code->bytecode + target;
        } else {
            sp++;
        }
        DISPATCH();
    }
    CASE(BUILD_TUPLE)
    {
        uint16_t n = READ_H();
        SYNC();
        ObjTuple *t = tuple_new(vm, sp - n, n);
        sp -= n;
        PUSH(OBJ_VAL(t));
        DISPATCH();
    }
    CASE(BUILD_LIST)
    {
        uint16_t n = READ_H();
        SYNC();
        ObjList *l = list_new(vm, sp - n, n);
        sp -= n;
        PUSH(OBJ_VAL(l));
        DISPATCH();
    }
    CASE(BUILD_SET)
    {
        uint16_t n = READ_H();
        SYNC();
        ObjSet *s = set_new(vm, false);
        Value *base = sp - n;
        PUSH(OBJ_VAL(s));
        SYNC(); /* the set is a root while its items are hashed (which may call __hash__) */
        for (uint16_t k = 0; k < n; k++) CHECK(set_add(vm, s, base[k]));
        sp = base;
        PUSH(OBJ_VAL(s));
        DISPATCH();
    }
    CASE(BUILD_MAP)
    {
        uint16_t n = READ_H();
        SYNC();
        ObjDict *d = dict_new(vm);
        Value *base = sp - 2 * n;
        PUSH(OBJ_VAL(d));
        SYNC();
        for (uint16_t k = 0; k < n; k++) CHECK(dict_set(vm, d, base[2 * k], base[2 * k + 1]));
        sp = base;
        PUSH(OBJ_VAL(d));
        DISPATCH();
    }
    CASE(BUILD_STRING)
    {
        uint16_t n = READ_H();
        SYNC();
        Value s;
        CHECK(build_string(vm, sp - n, n, &s));
        sp -= n;
        PUSH(s);
        DISPATCH();
    }
    CASE(LIST_APPEND)
    {
        uint16_t n = READ_H();
        Value v = POP();
        list_append(vm, AS_LIST(PEEK(n)), v);
        DISPATCH();
    }
    CASE(SET_ADD)
    {
        uint16_t n = READ_H();
        SYNC();
        CHECK(set_add(vm, AS_SET(PEEK(n + 1)), PEEK(1)));
        sp--;
        DISPATCH();
    }
    CASE(MAP_ADD)
    {
        uint16_t n = READ_H();
        SYNC();
        CHECK(dict_set(vm, AS_DICT(PEEK(n + 2)), PEEK(2), PEEK(1)));
        sp -= 2;
        DISPATCH();
    }
    CASE(LIST_EXTEND)
    {
        uint16_t arg = READ_H();
        uint16_t n = arg & 0x7fff;
        SYNC();
        Value it;
        if (!op_iter(vm, PEEK(1), &it)) {
            /* 0x8000: f(*x) alone, where CPython names the callee */
            not_iterable_after_star(vm, PEEK(1), (arg & 0x8000) ? PEEK(n + 2) : EMPTY_VAL);
            THROW();
        }
        PEEK(1) = it;
        CHECK(list_extend_from_iterable(vm, AS_LIST(PEEK(n + 1)), it));
        sp--;
        DISPATCH();
    }
    CASE(SET_UPDATE)
    {
        uint16_t n = READ_H();
        SYNC();
        CHECK(set_update(vm, AS_SET(PEEK(n + 1)), PEEK(1)));
        sp--;
        DISPATCH();
    }
    CASE(DICT_UPDATE)
    {
        uint16_t n = READ_H();
        SYNC();
        if (!IS_DICT(PEEK(1)) && IS_EMPTY(vm_lookup_special(vm, PEEK(1), str_intern_cstr(vm, "keys")))) {
            vm_raise(vm, vm->c.TypeError, "'%s' object is not a mapping", vm_class_of(vm, PEEK(1))->name->data);
            THROW();
        }
        CHECK(dict_update_from(vm, AS_DICT(PEEK(n + 1)), PEEK(1)));
        sp--;
        DISPATCH();
    }
    CASE(DICT_MERGE)
    {
        uint16_t n = READ_H();
        SYNC();
        CHECK(dict_merge_kwargs(vm, AS_DICT(PEEK(n + 1)), PEEK(1), PEEK(n + 3)));
        sp--;
        DISPATCH();
    }
    CASE(LIST_TO_TUPLE)
    {
        SYNC();
        ObjList *l = AS_LIST(PEEK(1));
        PEEK(1) = OBJ_VAL(tuple_new(vm, l->items, l->len));
        DISPATCH();
    }
    CASE(UNPACK_SEQUENCE)
    {
        uint16_t n = READ_H();
        SYNC();
        Value seq = PEEK(1);
        /* the values overwrite seq: keep it alive on the root stack meanwhile,
         * and make their slots part of the stack before next() runs code
         * that pushes frames above it */
        vm_push_root(vm, seq);
        sp--;
        for (uint32_t k = 0; k < n; k++) sp[k] = NONE_VAL;
        fiber->sp = sp + n;
        bool ok = unpack_sequence(vm, seq, n, sp);
        vm_pop_root(vm, 1);
        if (!ok) {
            sp++;
            THROW();
        }
        sp += n;
        DISPATCH();
    }
    CASE(UNPACK_EX)
    {
        uint16_t before = READ_H();
        uint16_t after = READ_H();
        SYNC();
        Value seq = PEEK(1);
        vm_push_root(vm, seq);
        sp--;
        for (uint32_t k = 0; k < (uint32_t)before + after + 1u; k++) sp[k] = NONE_VAL;
        fiber->sp = sp + before + after + 1;
        bool ok = unpack_ex(vm, seq, before, after, sp);
        vm_pop_root(vm, 1);
        if (!ok) {
            sp++;
            THROW();
        }
        sp += before + after + 1;
        DISPATCH();
    }
    CASE(FORMAT_VALUE)
    {
        uint8_t flags = READ_B();
        SYNC();
        if (flags & 4) {
            CHECK(format_value(vm, PEEK(2), flags, PEEK(1), &PEEK(2)));
            sp--;
        } else {
            CHECK(format_value(vm, PEEK(1), flags, NONE_VAL, &PEEK(1)));
        }
        DISPATCH();
    }
    CASE(MAKE_FUNCTION)
    {
        uint8_t flags = READ_B();
        SYNC();
        Value fn;
        CHECK(make_function(vm, sp, flags, frame->globals, &fn));
        sp -= 1 + ((flags & 1) != 0) + ((flags & 2) != 0) + ((flags & 4) != 0);
        PUSH(fn);
        DISPATCH();
    }
    CASE(CALL)
    {
        uint16_t n = READ_H();
        Value *callee = sp - n - 1;
        SYNC();
        if (IS_FUNCTION(*callee) && frame_push_simple(vm, fiber, AS_FUNCTION(*callee), callee + 1, n, callee)) {
            LOAD_FRAME();
            DISPATCH();
        }
        CallOutcome r = call_from_interp(vm, fiber, callee, callee + 1, n, NULL, callee);
        FINISH_CALL(r, callee);
    }
    CASE(CALL_METHOD)
    {
        uint16_t n = READ_H();
        Value *first = sp - n - 2;
        SYNC();
        if (IS_FUNCTION(first[0]) && frame_push_simple(vm, fiber, AS_FUNCTION(first[0]), first + 1, n + 1, first)) {
            LOAD_FRAME();
            DISPATCH();
        }
        CallOutcome r = IS_EMPTY(first[0]) ? call_from_interp(vm, fiber, first + 1, first + 2, n, NULL, first)
                                           : call_from_interp(vm, fiber, first, first + 1, n + 1, NULL, first);
        FINISH_CALL(r, first);
    }
    CASE(CALL_KW)
    {
        uint16_t n = READ_H();
        ObjTuple *kwnames = AS_TUPLE(PEEK(1));
        Value *callee = sp - n - 2;
        sp--;
        SYNC();
        CallOutcome r = call_from_interp(vm, fiber, callee, callee + 1, n - (int)kwnames->len, kwnames, callee);
        FINISH_CALL(r, callee);
    }
    CASE(CALL_METHOD_KW)
    {
        uint16_t n = READ_H();
        ObjTuple *kwnames = AS_TUPLE(PEEK(1));
        Value *first = sp - n - 3;
        sp--;
        SYNC();
        int npos = n - (int)kwnames->len;
        CallOutcome r = IS_EMPTY(first[0])
                            ? call_from_interp(vm, fiber, first + 1, first + 2, npos, kwnames, first)
                            : call_from_interp(vm, fiber, first, first + 1, npos + 1, kwnames, first);
        FINISH_CALL(r, first);
    }
    CASE(CALL_EX)
    {
        uint8_t has_kw = READ_B();
        Value *callee = sp - 2 - has_kw;
        SYNC();
        CallOutcome r = call_ex_from_interp(vm, fiber, callee, has_kw ? callee[2] : EMPTY_VAL);
        FINISH_CALL(r, callee);
    }
    CASE(RETURN_VALUE)
    {
        Value v = POP();
        Value *ret = frame->ret;
        uint32_t flags = frame->flags;
        if (flags & FRAME_GEN_BASE) {
            /* the generator is done: its caller's FOR_ITER / SEND completes */
            /* (no generator with a try was ever made: nothing to look for) */
            Value left = vm->made_generator_with_try ? gen_left_in_frame(vm, frame) : EMPTY_VAL;
            ObjFiber *caller = leave_generator(vm, fiber, true);
            frame_pop(vm, fiber, ret);
            vm->fiber = caller;
            if (!IS_EMPTY(left)) {
                /* a generator only its locals held (an async generator a
                 * coroutine kept): finalized as the frame goes, as in CPython */
                vm_push_root(vm, v);
                gen_check_dropped(vm, left);
                vm_pop_root(vm, 1);
            }
            if (flags & FRAME_RETURN_TO_C) {
                *result = v;
                return true;
            }
            fiber = caller;
            LOAD_FRAME();
            const uint8_t *insn = ip - 5;
            uint32_t target = read_u32(insn + 1);
            if (*insn == OP_FOR_ITER) sp--;
            else PEEK(1) = v; /* SEND: the receiver's place takes the result */
            ip = code->bytecode + target;
            DISPATCH();
        }
        if (flags & FRAME_INIT) {
            /* the instance is already in *ret */
            if (!IS_NONE(v)) {
                SYNC();
                vm_raise(vm, vm->c.TypeError, "__init__() should return None, not '%s'",
                         vm_class_of(vm, v)->name->data);
                THROW();
            }
        } else {
            *ret = v;
        }
        Value left = flags & FRAME_HOLDS_LEFT_GENERATOR ? gen_left_in_frame(vm, frame) : EMPTY_VAL;
        frame_pop(vm, fiber, ret + 1);
        /* the generator a for loop left, that only this frame's locals held
         * (def first(it): for x in it: return x): finalized as the frame goes */
        if (!IS_EMPTY(left)) gen_check_dropped(vm, left);
        if (flags & FRAME_RETURN_TO_C) {
            *result = *ret;
            return true;
        }
        LOAD_FRAME();
        DISPATCH();
    }
    CASE(LOAD_BUILD_CLASS)
    {
        PUSH(vm->build_class);
        DISPATCH();
    }
    CASE(RAISE)
    {
        uint8_t n = READ_B();
        SYNC();
        if (n == 0) {
            Value exc = vm_handled_exception(vm);
            if (!IS_EXCEPTION(exc)) {
                vm_raise(vm, vm->c.RuntimeError, "No active exception to reraise");
                THROW();
            }
            vm->exception = exc;
            reraise = true;
            THROW();
        }
        if (n == 2) {
            Value cause = POP();
            Value exc = POP();
            SYNC();
            do_raise(vm, exc, cause, true);
        } else {
            Value exc = POP();
            SYNC();
            do_raise(vm, exc, NONE_VAL, false);
        }
        THROW();
    }
    CASE(RERAISE)
    {
        Value exc = POP();
        SYNC();
        vm->exception = exc;
        reraise = true;
        THROW();
    }
    CASE(PUSH_EXC_INFO)
    {
        Value exc = PEEK(1);
        PEEK(1) = fiber->exc_info;
        PUSH(exc);
        fiber->exc_info = exc;
        DISPATCH();
    }
    CASE(POP_EXCEPT)
    {
        fiber->exc_info = POP();
        if (vm->never_awaited) {
            SYNC();
            gen_check_dropped_at_except_end(vm, frame);
        }
        DISPATCH();
    }
    CASE(CHECK_EXC_MATCH)
    {
        SYNC();
        bool m;
        CHECK(check_exc_match(vm, PEEK(2), PEEK(1), &m));
        PEEK(1) = BOOL_VAL(m);
        DISPATCH();
    }
    CASE(LOAD_ASSERTION_ERROR)
    {
        PUSH(OBJ_VAL(vm->c.AssertionError));
        DISPATCH();
    }
    CASE(BEFORE_WITH)
    CASE(BEFORE_ASYNC_WITH)
    {
        bool is_async = ip[-1] == OP_BEFORE_ASYNC_WITH;
        Value mgr = PEEK(1);
        PUSH(NONE_VAL);
        SYNC();
        CHECK(before_with(vm, mgr, is_async, &PEEK(2), &PEEK(1)));
        DISPATCH();
    }
    CASE(WITH_EXCEPT_START)
    {
        SYNC();
        Value exc = PEEK(1);
        Value exit = PEEK(3);
        PUSH(NONE_VAL);
        SYNC();
        /* the result stays as it is: async with awaits it before testing it */
        CHECK(with_except_start(vm, exit, exc, &PEEK(1)));
        DISPATCH();
    }
    CASE(IMPORT_NAME)
    {
        uint16_t i = READ_H();
        SYNC();
        CHECK(import_name(vm, code->names[i], sp));
        sp++;
        DISPATCH();
    }
    CASE(IMPORT_FROM)
    {
        uint16_t i = READ_H();
        SYNC();
        CHECK(import_from(vm, PEEK(1), code->names[i], sp));
        sp++;
        DISPATCH();
    }
    CASE(POP_CALL_RESULT)
    {
        Value v = POP();
        if (IS_GENERATOR(v)) {
            SYNC();
            gen_warn_dropped_result(vm, v, frame);
        }
        DISPATCH();
    }
    CASE(PRINT_EXPR)
    {
        SYNC();
        CHECK(print_expr(vm, PEEK(1)));
        sp--;
        DISPATCH();
    }
    CASE(YIELD_VALUE)
    {
        (void)READ_B(); /* generator.c reads it back from the suspended frame */
        Value v = POP();
        SYNC();
        ObjFiber *caller = leave_generator(vm, fiber, false);
        vm->fiber = caller;
        if (frame->flags & FRAME_RETURN_TO_C) {
            frame->flags &= ~(uint32_t)FRAME_RETURN_TO_C;
            *result = v;
            return true;
        }
        fiber = caller;
        LOAD_FRAME();
        PUSH(v);
        DISPATCH();
    }
    CASE(GET_YIELD_FROM_ITER)
    {
        SYNC();
        Value v = PEEK(1);
        if (IS_GENERATOR(v)) {
            if (AS_OBJ(v)->cls == vm->c.coroutine && !(code->flags & CODE_COROUTINE)) {
                vm_raise(vm, vm->c.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                THROW();
            }
            DISPATCH();
        }
        CHECK(op_iter(vm, v, &PEEK(1)));
        DISPATCH();
    }
    CASE(GET_AWAITABLE)
    {
        uint8_t what = READ_B();
        SYNC();
        CHECK(gen_get_awaitable(vm, PEEK(1), what, &PEEK(1)));
        DISPATCH();
    }
    CASE(GET_AITER)
    {
        SYNC();
        CHECK(async_get_aiter(vm, PEEK(1), &PEEK(1)));
        DISPATCH();
    }
    CASE(GET_ANEXT)
    {
        PUSH(NONE_VAL);
        SYNC();
        CHECK(async_get_anext(vm, PEEK(2), &PEEK(1)));
        DISPATCH();
    }
    CASE(END_ASYNC_FOR)
    {
        Value exc = POP();
        if (vm_isinstance(vm, exc, vm->c.StopAsyncIteration)) {
            sp--; /* the async iterator: the loop is over */
            DISPATCH();
        }
        SYNC();
        vm->exception = exc;
        reraise = true;
        THROW();
    }
    CASE(SEND)
    {
        uint32_t target = READ_W();
        Value recv = PEEK(2), val = PEEK(1);
        SYNC();
        if (IS_GENERATOR(recv)) {
            ObjGenerator *g = AS_GENERATOR(recv);
            if (g->state == GEN_FINISHED && AS_OBJ(recv)->cls == vm->c.generator) {
                sp--;
                PEEK(1) = NONE_VAL;
                ip = code->bytecode + target;
                DISPATCH();
            }
            CHECK(gen_check_resumable(vm, g, val));
            sp--;
            SYNC();
            g->fiber->frame->flags &= ~(uint32_t)FRAME_RETURN_TO_C;
            gen_enter(vm, g, val);
            fiber = vm->fiber;
            LOAD_FRAME();
            DISPATCH();
        }
        bool done;
        Value v;
        if (IS_KIND(recv, OBJ_OPAQUE) && ((ObjOpaque *)AS_OBJ(recv))->ops && ((ObjOpaque *)AS_OBJ(recv))->ops->send)
            CHECK(((ObjOpaque *)AS_OBJ(recv))->ops->send(vm, (ObjOpaque *)AS_OBJ(recv), val, &v, &done));
        else CHECK(send_to_iterator(vm, recv, val, &v, &done));
        sp--;
        if (done) {
            PEEK(1) = v;
            ip = code->bytecode + target;
        } else {
            PUSH(v);
        }
        DISPATCH();
    }
    CASE(RETURN_GENERATOR)
    CASE(SETUP_ANNOTATIONS)
    DEFAULT_CASE
    {
        SYNC();
        vm_raise(vm, vm->c.RuntimeError, "bad opcode");
        THROW();
    }
#ifndef USE_COMPUTED_GOTO
    }
#endif

tick:
    /* ticks ran out (or were zeroed): Ctrl-C, and the scheduler's say on
     * suspending this fiber here (a simulated thread); its state is saved
     * in the frame, so running it again continues at ip. */
    SYNC();
    switch (vm_tick(vm)) {
    case TICK_GO: DISPATCH();
    case TICK_SUSPEND: *result = NONE_VAL; return true;
    case TICK_ERROR: break;
    }
    THROW();

error:
    /* The exception is on vm->exception; find a handler in this frame or
     * the ones below, adding traceback entries on the way. */
    for (;;) {
        SYNC();
        if (!reraise) traceback_add_frame(vm, frame);
        reraise = false;
        uint32_t offset = (uint32_t)(ip - code->bytecode) - 1;
        const ExceptEntry *h = find_handler(code, offset);
        if (h != NULL) {
            sp = frame_stack_base(frame) + h->depth;
            PUSH(vm_take_exception(vm));
            ip = code->bytecode + h->target;
            DISPATCH();
        }
        uint32_t flags = frame->flags;
        Value *ret = frame->ret;
        if (flags & FRAME_GEN_BASE) {
            /* the exception ends the generator and goes on in its caller */
            ObjFiber *caller = leave_generator(vm, fiber, true);
            gen_stop_escaped(vm, (ObjGenerator *)fiber->owner);
            frame_pop(vm, fiber, ret);
            vm->fiber = caller;
            if (flags & FRAME_RETURN_TO_C) return false;
            fiber = caller;
            LOAD_FRAME();
            continue;
        }
        frame_pop(vm, fiber, ret);
        if (flags & FRAME_RETURN_TO_C) return false;
        LOAD_FRAME();
    }
}

/* ---- fibers --------------------------------------------------------------------------- */

ObjFiber *fiber_new(VM *vm)
{
    ObjFiber *f = gc_alloc_object(vm, sizeof(ObjFiber), OBJ_FIBER, vm->c.fiber);
    f->vm = vm;
    f->exc_info = NONE_VAL;
    f->transfer = NONE_VAL;
    return f;
}

void fiber_free_chunks(ObjFiber *f)
{
    VM *vm = f->vm;
    StackChunk *s = f->stack;
    while (s) {
        StackChunk *prev = s->prev;
        gc_free_buffer(vm, s);
        s = prev;
    }
    gc_free_buffer(vm, f->spare_stack);
    FrameChunk *fc = f->frame_chunk;
    while (fc) {
        FrameChunk *prev = fc->prev;
        gc_free_buffer(vm, fc);
        fc = prev;
    }
    gc_free_buffer(vm, f->spare_frames);
    f->stack = f->spare_stack = NULL;
    f->stack_limit = NULL;
    f->frame_chunk = f->spare_frames = NULL;
}

bool vm_run_code(VM *vm, ObjCode *code, ObjDict *globals, Value *result)
{
    ObjFunction *fn = function_new(vm, code, globals);
    vm_push_root(vm, OBJ_VAL(fn));
    bool ok = vm_call(vm, OBJ_VAL(fn), NULL, 0, NULL, result);
    vm_pop_root(vm, 1);
    return ok;
}
