/* tuple.c: immutable sequences. */
#include "tuple.h"

#include <string.h>

#include "gc.h"
#include "iter.h"
#include "list.h"
#include "method_args.h"
#include "ops.h"
#include "range.h"

ObjTuple *tuple_new(VM *vm, const Value *items, uint32_t n)
{
    if (n == 0 && vm->empty_tuple) return vm->empty_tuple;
    ObjTuple *t = gc_alloc_object(vm, sizeof(ObjTuple) + n * sizeof(Value), OBJ_TUPLE, vm->c.tuple);
    t->len = n;
    for (uint32_t i = 0; i < n; i++) t->items[i] = items ? items[i] : NONE_VAL;
    return t;
}

bool tuple_from_iterable(VM *vm, Value iterable, ObjTuple **out)
{
    if (IS_TUPLE(iterable) && AS_OBJ(iterable)->cls == vm->c.tuple) {
        *out = AS_TUPLE(iterable);
        return true;
    }
    if (IS_LIST(iterable)) {
        ObjList *l = AS_LIST(iterable);
        vm_push_root(vm, iterable);
        /* tuple_new copies from items after allocating: the list is rooted
         * and allocation never runs Python code, so items stays valid. */
        ObjTuple *t = gc_alloc_object(vm, sizeof(ObjTuple) + l->len * sizeof(Value), OBJ_TUPLE,
                                      vm->c.tuple);
        t->len = l->len;
        if (l->len > 0) memcpy(t->items, l->items, l->len * sizeof(Value));
        vm_pop_root(vm, 1);
        *out = l->len == 0 ? vm->empty_tuple : t;
        return true;
    }
    ObjList *l;
    if (!list_from_iterable(vm, iterable, &l)) return false;
    vm_push_root(vm, OBJ_VAL(l));
    *out = tuple_new(vm, l->items, l->len);
    vm_pop_root(vm, 1);
    return true;
}

bool tuple_get_slice(VM *vm, ObjTuple *t, ObjSlice *s, Value *out)
{
    int64_t start, stop, step, n;
    if (!slice_indices(vm, s, t->len, &start, &stop, &step, &n)) return false;
    if (step == 1 && n == (int64_t)t->len && t->obj.cls == vm->c.tuple) {
        *out = OBJ_VAL(t);
        return true;
    }
    vm_push_root(vm, OBJ_VAL(t));
    ObjTuple *r = tuple_new(vm, NULL, (uint32_t)n);
    for (int64_t i = 0, k = start; i < n; i++, k += step) r->items[i] = t->items[k];
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(r);
    return true;
}

bool tuple_getitem(VM *vm, ObjTuple *t, Value key, Value *out)
{
    int64_t i;
    if (IS_INT(key)) {
        i = AS_INT(key);
    } else if (IS_BOOL(key)) {
        i = AS_BOOL(key);
    } else if (IS_SLICE(key)) {
        return tuple_get_slice(vm, t, AS_SLICE(key), out);
    } else if (IS_KIND(key, OBJ_BIGINT)) {
        return vm_raise(vm, vm->c.IndexError, "cannot fit 'int' into an index-sized integer");
    } else if (!IS_EMPTY(vm_lookup_special(vm, key, vm->n.__index__))) {
        if (!op_index(vm, key, &i)) return false;
    } else {
        return vm_raise(vm, vm->c.TypeError, "tuple indices must be integers or slices, not %s",
                        ma_type_name(vm, key));
    }
    if (i < 0) i += t->len;
    if (i < 0 || i >= (int64_t)t->len)
        return vm_raise(vm, vm->c.IndexError, "tuple index out of range");
    *out = t->items[i];
    return true;
}

/* ---- methods ------------------------------------------------------------ */

static bool t_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (nargs < 1 || !IS_CLASS(args[0]))
        return vm_raise(vm, vm->c.TypeError, "tuple.__new__(X): X is not a type object");
    ObjClass *cls = AS_CLASS(args[0]);
    if (!class_is_subclass(cls, vm->c.tuple))
        return vm_raise(vm, vm->c.TypeError, "tuple.__new__(%s): %s is not a subtype of tuple",
                        cls->name->data, cls->name->data);
    if (!ma_no_kw(vm, kwnames, "tuple") || !ma_range(vm, "tuple", nargs - 1, 0, 1)) return false;
    ObjTuple *t = vm->empty_tuple;
    if (nargs == 2 && !tuple_from_iterable(vm, args[1], &t)) return false;
    if (cls != vm->c.tuple) {
        /* A subclass instance: a fresh tuple (never the shared empty one). */
        vm_push_root(vm, OBJ_VAL(t));
        ObjTuple *s =
            gc_alloc_object(vm, sizeof(ObjTuple) + t->len * sizeof(Value), OBJ_TUPLE, cls);
        s->len = t->len;
        memcpy(s->items, t->items, t->len * sizeof(Value));
        vm_pop_root(vm, 1);
        t = s;
    }
    *out = OBJ_VAL(t);
    return true;
}

/* Clamp a start/stop argument of index() the way CPython does. */
static bool clamp_arg(VM *vm, Value v, int64_t len, int64_t *out)
{
    int64_t i;
    if (IS_INT(v)) {
        i = AS_INT(v);
    } else if (IS_BOOL(v)) {
        i = AS_BOOL(v);
    } else if (IS_KIND(v, OBJ_BIGINT)) {
        Value lt;
        bool neg;
        if (!op_compare(vm, CMP_LT, v, INT_VAL(0), &lt) || !op_truthy(vm, lt, &neg)) return false;
        i = neg ? INT64_MIN : INT64_MAX;
    } else if (!IS_EMPTY(vm_lookup_special(vm, v, vm->n.__index__))) {
        if (!op_index(vm, v, &i)) return false;
    } else {
        return vm_raise(vm, vm->c.TypeError,
                        "slice indices must be integers or have an __index__ method");
    }
    if (i < 0) {
        i += len;
        if (i < 0) i = 0;
    }
    *out = i;
    return true;
}

static bool t_index(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.tuple, "index") || !ma_no_kw(vm, kwnames, "tuple.index") ||
        !ma_range(vm, "index", nargs - 1, 1, 3))
        return false;
    ObjTuple *t = AS_TUPLE(args[0]);
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 2 && !clamp_arg(vm, args[2], t->len, &start)) return false;
    if (nargs > 3 && !clamp_arg(vm, args[3], t->len, &stop)) return false;
    for (int64_t i = start; i < stop && i < (int64_t)t->len; i++) {
        bool eq;
        if (!op_eq(vm, t->items[i], args[1], &eq)) return false;
        if (eq) {
            *out = INT_VAL(i);
            return true;
        }
    }
    return vm_raise(vm, vm->c.ValueError, "tuple.index(x): x not in tuple");
}

static bool t_count(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.tuple, "count") ||
        !ma_one(vm, nargs - 1, kwnames, "tuple.count"))
        return false;
    ObjTuple *t = AS_TUPLE(args[0]);
    int64_t n = 0;
    for (uint32_t i = 0; i < t->len; i++) {
        bool eq;
        if (!op_eq(vm, t->items[i], args[1], &eq)) return false;
        n += eq;
    }
    *out = INT_VAL(n);
    return true;
}

static bool t_len(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.tuple, "__len__") ||
        !ma_none(vm, nargs - 1, kwnames, "tuple.__len__"))
        return false;
    *out = INT_VAL(AS_TUPLE(args[0])->len);
    return true;
}

static bool t_getitem(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.tuple, "__getitem__") ||
        !ma_one(vm, nargs - 1, kwnames, "tuple.__getitem__"))
        return false;
    return tuple_getitem(vm, AS_TUPLE(args[0]), args[1], out);
}

static bool t_contains(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.tuple, "__contains__") ||
        !ma_one(vm, nargs - 1, kwnames, "tuple.__contains__"))
        return false;
    ObjTuple *t = AS_TUPLE(args[0]);
    for (uint32_t i = 0; i < t->len; i++) {
        bool eq;
        if (!op_eq(vm, t->items[i], args[1], &eq)) return false;
        if (eq) {
            *out = TRUE_VAL;
            return true;
        }
    }
    *out = FALSE_VAL;
    return true;
}

static bool t_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.tuple, "__iter__") ||
        !ma_none(vm, nargs - 1, kwnames, "tuple.__iter__"))
        return false;
    bool found;
    return iter_for_layout(vm, args[0], out, &found);
}

void tuple_install(VM *vm)
{
    ObjClass *c = vm->c.tuple;
    ObjDict *d = c->dict;
    vm_define_native(vm, d, "__new__", t_new, NULL);
    vm_define_native(vm, d, "index", t_index, c);
    vm_define_native(vm, d, "count", t_count, c);
    vm_define_native(vm, d, "__len__", t_len, c);
    vm_define_native(vm, d, "__getitem__", t_getitem, c);
    vm_define_native(vm, d, "__contains__", t_contains, c);
    vm_define_native(vm, d, "__iter__", t_iter, c);
}
