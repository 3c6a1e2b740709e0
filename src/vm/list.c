/* list.c: growable sequences: methods, slicing and a stable sort. */
#include "list.h"

#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "iter.h"
#include "method_args.h"
#include "ops.h"
#include "range.h"

void list_reserve(VM *vm, ObjList *l, uint32_t need)
{
    if (need <= l->cap) return;
    uint32_t cap = l->cap < 4 ? 4 : l->cap + (l->cap >> 1);
    if (cap < need) cap = need;
    l->items = gc_realloc(vm, l->items, l->cap * sizeof(Value), cap * sizeof(Value));
    l->cap = cap;
}

ObjList *list_new(VM *vm, const Value *items, uint32_t n)
{
    ObjList *l = gc_alloc_object(vm, sizeof(ObjList), OBJ_LIST, vm->c.list);
    list_reserve(vm, l, n);
    for (uint32_t i = 0; i < n; i++) l->items[i] = items ? items[i] : NONE_VAL;
    l->len = n;
    return l;
}

void list_append(VM *vm, ObjList *l, Value v)
{
    if (l->len == l->cap) list_reserve(vm, l, l->len + 1);
    l->items[l->len++] = v;
}

/* Append n values (never collects). */
static void append_many(VM *vm, ObjList *l, const Value *src, uint32_t n)
{
    if (n == 0) return;
    list_reserve(vm, l, l->len + n);
    memmove(l->items + l->len, src, n * sizeof(Value));
    l->len += n;
}

bool list_extend_from_iterable(VM *vm, ObjList *l, Value iterable)
{
    if (IS_LIST(iterable)) {
        ObjList *src = AS_LIST(iterable);
        append_many(vm, l, src->items, src->len); /* l.extend(l) reads the old length */
        return true;
    }
    if (IS_TUPLE(iterable)) {
        append_many(vm, l, AS_TUPLE(iterable)->items, AS_TUPLE(iterable)->len);
        return true;
    }
    vm_push_root(vm, OBJ_VAL(l));
    Value it;
    if (!iter_get(vm, iterable, &it)) {
        vm_pop_root(vm, 1);
        return false;
    }
    vm_push_root(vm, it);
    bool ok = true;
    for (;;) {
        Value v;
        bool done;
        if (!iter_step(vm, it, &v, &done)) {
            ok = false;
            break;
        }
        if (done) break;
        list_append(vm, l, v);
    }
    vm_pop_root(vm, 2);
    return ok;
}

bool list_from_iterable(VM *vm, Value iterable, ObjList **out)
{
    vm_push_root(vm, iterable);
    ObjList *l = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(l));
    bool ok = list_extend_from_iterable(vm, l, iterable);
    vm_pop_root(vm, 2);
    *out = l;
    return ok;
}

/* ---- indexing and slices ---------------------------------------------------- */

/* An int index for a list, or CPython's TypeError. */
static bool list_index_of(VM *vm, Value key, int64_t *out, bool *is_slice)
{
    *is_slice = false;
    if (IS_INT(key)) {
        *out = AS_INT(key);
        return true;
    }
    if (IS_BOOL(key)) {
        *out = AS_BOOL(key);
        return true;
    }
    if (IS_SLICE(key)) {
        *is_slice = true;
        return true;
    }
    if (IS_KIND(key, OBJ_BIGINT))
        return vm_raise(vm, vm->c.IndexError, "cannot fit 'int' into an index-sized integer");
    if (!IS_EMPTY(vm_lookup_special(vm, key, vm->n.__index__))) return op_index(vm, key, out);
    return vm_raise(vm, vm->c.TypeError, "list indices must be integers or slices, not %s",
                    ma_type_name(vm, key));
}

bool list_getitem(VM *vm, ObjList *l, Value key, Value *out)
{
    int64_t i;
    bool is_slice;
    if (!list_index_of(vm, key, &i, &is_slice)) return false;
    if (is_slice) return list_get_slice(vm, l, AS_SLICE(key), out);
    if (i < 0) i += l->len;
    if (i < 0 || i >= (int64_t)l->len) return vm_raise(vm, vm->c.IndexError, "list index out of range");
    *out = l->items[i];
    return true;
}

bool list_setitem(VM *vm, ObjList *l, Value key, Value v)
{
    int64_t i;
    bool is_slice;
    if (!list_index_of(vm, key, &i, &is_slice)) return false;
    if (is_slice) return list_set_slice(vm, l, AS_SLICE(key), v);
    if (i < 0) i += l->len;
    if (i < 0 || i >= (int64_t)l->len)
        return vm_raise(vm, vm->c.IndexError, "list assignment index out of range");
    l->items[i] = v;
    return true;
}

/* Remove items [lo, hi) (0 <= lo <= hi <= len). */
static void remove_range(ObjList *l, uint32_t lo, uint32_t hi)
{
    if (hi == lo) return;
    memmove(l->items + lo, l->items + hi, (l->len - hi) * sizeof(Value));
    l->len -= hi - lo;
}

bool list_delitem(VM *vm, ObjList *l, Value key)
{
    int64_t i;
    bool is_slice;
    if (!list_index_of(vm, key, &i, &is_slice)) return false;
    if (is_slice) return list_del_slice(vm, l, AS_SLICE(key));
    if (i < 0) i += l->len;
    if (i < 0 || i >= (int64_t)l->len)
        return vm_raise(vm, vm->c.IndexError, "list assignment index out of range");
    remove_range(l, (uint32_t)i, (uint32_t)i + 1);
    return true;
}

bool list_get_slice(VM *vm, ObjList *l, ObjSlice *s, Value *out)
{
    int64_t start, stop, step, n;
    if (!slice_indices(vm, s, l->len, &start, &stop, &step, &n)) return false;
    vm_push_root(vm, OBJ_VAL(l));
    ObjList *r = list_new(vm, NULL, (uint32_t)n);
    vm_pop_root(vm, 1);
    if (step == 1) {
        if (n > 0) memcpy(r->items, l->items + start, (size_t)n * sizeof(Value));
    } else {
        for (int64_t i = 0, k = start; i < n; i++, k += step) r->items[i] = l->items[k];
    }
    *out = OBJ_VAL(r);
    return true;
}

bool list_set_slice(VM *vm, ObjList *l, ObjSlice *s, Value items)
{
    int64_t start, stop, step, n;
    if (!slice_indices(vm, s, l->len, &start, &stop, &step, &n)) return false;
    vm_push_root(vm, OBJ_VAL(l));
    vm_push_root(vm, items);
    const Value *src;
    uint32_t m;
    size_t roots = 2;
    if (IS_LIST(items) && AS_LIST(items) != l) {
        src = AS_LIST(items)->items;
        m = AS_LIST(items)->len;
    } else if (IS_TUPLE(items)) {
        src = AS_TUPLE(items)->items;
        m = AS_TUPLE(items)->len;
    } else {
        ObjList *tmp;
        if (!list_from_iterable(vm, items, &tmp)) {
            vm_pop_root(vm, 2);
            if (!vm_exception_matches(vm, vm->c.TypeError)) return false;
            vm_take_exception(vm);
            return vm_raise(vm, vm->c.TypeError, step == 1 ? "can only assign an iterable"
                                                           : "must assign iterable to extended slice");
        }
        vm_push_root(vm, OBJ_VAL(tmp));
        roots++;
        src = tmp->items;
        m = tmp->len;
        /* Iterating may have run code that changed l: recompute the bounds. */
        if (!slice_indices(vm, s, l->len, &start, &stop, &step, &n)) {
            vm_pop_root(vm, roots);
            return false;
        }
    }
    if (step != 1 && (int64_t)m != n) {
        vm_pop_root(vm, roots);
        return vm_raise(vm, vm->c.ValueError,
                        "attempt to assign sequence of size %u to extended slice of size %lld", m,
                        (long long)n);
    }
    vm_pop_root(vm, roots); /* nothing below allocates */
    if (step == 1) {
        if (stop < start) stop = start;
        uint32_t lo = (uint32_t)start, hi = (uint32_t)stop;
        uint32_t old = hi - lo;
        if (m > old) list_reserve(vm, l, l->len + (m - old)); /* src is never l's buffer */
        if (l->len > hi) memmove(l->items + lo + m, l->items + hi, (l->len - hi) * sizeof(Value));
        if (m > 0) memcpy(l->items + lo, src, m * sizeof(Value));
        l->len = l->len - old + m;
        return true;
    }
    for (int64_t i = 0, k = start; i < n; i++, k += step) l->items[k] = src[i];
    return true;
}

bool list_del_slice(VM *vm, ObjList *l, ObjSlice *s)
{
    int64_t start, stop, step, n;
    if (!slice_indices(vm, s, l->len, &start, &stop, &step, &n)) return false;
    if (n <= 0) return true;
    if (step == 1) {
        remove_range(l, (uint32_t)start, (uint32_t)stop);
        return true;
    }
    if (step < 0) {
        start = start + step * (n - 1);
        step = -step;
    }
    /* Compact: keep every item that is not start + k*step for k < n. */
    uint32_t w = (uint32_t)start;
    int64_t next_del = start, deleted = 0;
    for (uint32_t r = (uint32_t)start; r < l->len; r++) {
        if (deleted < n && (int64_t)r == next_del) {
            deleted++;
            next_del += step;
            continue;
        }
        l->items[w++] = l->items[r];
    }
    l->len = w;
    return true;
}

void values_reverse(Value *v, uint32_t n)
{
    for (uint32_t i = 0, j = n; i + 1 < j; i++, j--) {
        Value t = v[i];
        v[i] = v[j - 1];
        v[j - 1] = t;
    }
}

/* ---- methods ---------------------------------------------------------------- */

#define SELF(method)                                                                               \
    if (!ma_self(vm, args, nargs, vm->c.list, method)) return false;                               \
    ObjList *self = AS_LIST(args[0])

/* list(iterable): the class is args[0]. An exact list is filled here; a
 * subclass instance is filled by list.__init__. */
static bool l_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (nargs < 1 || !IS_CLASS(args[0]))
        return vm_raise(vm, vm->c.TypeError, "list.__new__(X): X is not a type object");
    ObjClass *cls = AS_CLASS(args[0]);
    if (!class_is_subclass(cls, vm->c.list))
        return vm_raise(vm, vm->c.TypeError, "list.__new__(%s): %s is not a subtype of list",
                        cls->name->data, cls->name->data);
    bool exact = cls == vm->c.list;
    if (exact && (!ma_no_kw(vm, kwnames, "list") || !ma_range(vm, "list", nargs - 1, 0, 1)))
        return false;
    ObjList *l = gc_alloc_object(vm, sizeof(ObjList), OBJ_LIST, cls);
    if (exact && nargs == 2) {
        vm_push_root(vm, OBJ_VAL(l));
        bool ok = list_extend_from_iterable(vm, l, args[1]);
        vm_pop_root(vm, 1);
        if (!ok) return false;
    }
    *out = OBJ_VAL(l);
    return true;
}

static bool l_init(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__init__");
    *out = NONE_VAL;
    if (self->obj.cls == vm->c.list) return true;
    if (!ma_no_kw(vm, kwnames, "list") || !ma_range(vm, "list", nargs - 1, 0, 1)) return false;
    self->len = 0;
    return nargs < 2 || list_extend_from_iterable(vm, self, args[1]);
}

static bool l_append(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("append");
    if (!ma_one(vm, nargs - 1, kwnames, "list.append")) return false;
    list_append(vm, self, args[1]);
    *out = NONE_VAL;
    return true;
}

static bool l_extend(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("extend");
    if (!ma_one(vm, nargs - 1, kwnames, "list.extend")) return false;
    if (!list_extend_from_iterable(vm, self, args[1])) return false;
    *out = NONE_VAL;
    return true;
}

/* An int argument (index, pop position): int, bool or __index__. */
static bool int_arg(VM *vm, Value v, int64_t *out)
{
    if (IS_INT(v)) {
        *out = AS_INT(v);
        return true;
    }
    if (IS_BOOL(v)) {
        *out = AS_BOOL(v);
        return true;
    }
    return op_index(vm, v, out);
}

static bool l_insert(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("insert");
    if (!ma_no_kw(vm, kwnames, "list.insert") || !ma_range(vm, "insert", nargs - 1, 2, 2))
        return false;
    int64_t i;
    if (!int_arg(vm, args[1], &i)) return false;
    int64_t n = self->len;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    list_reserve(vm, self, self->len + 1);
    memmove(self->items + i + 1, self->items + i, (size_t)(n - i) * sizeof(Value));
    self->items[i] = args[2];
    self->len++;
    *out = NONE_VAL;
    return true;
}

static bool l_pop(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("pop");
    if (!ma_no_kw(vm, kwnames, "list.pop") || !ma_range(vm, "pop", nargs - 1, 0, 1)) return false;
    int64_t i = -1;
    if (nargs > 1 && !int_arg(vm, args[1], &i)) return false;
    if (self->len == 0) return vm_raise(vm, vm->c.IndexError, "pop from empty list");
    if (i < 0) i += self->len;
    if (i < 0 || i >= (int64_t)self->len)
        return vm_raise(vm, vm->c.IndexError, "pop index out of range");
    *out = self->items[i];
    remove_range(self, (uint32_t)i, (uint32_t)i + 1);
    return true;
}

/* Position of the first item == v in [start, stop), or -1. */
static bool find(VM *vm, ObjList *l, Value v, int64_t start, int64_t stop, int64_t *pos)
{
    for (int64_t i = start; i < stop && i < (int64_t)l->len; i++) {
        bool eq;
        if (!op_eq(vm, l->items[i], v, &eq)) return false;
        if (eq) {
            *pos = i;
            return true;
        }
    }
    *pos = -1;
    return true;
}

static bool l_remove(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("remove");
    if (!ma_one(vm, nargs - 1, kwnames, "list.remove")) return false;
    int64_t pos;
    if (!find(vm, self, args[1], 0, INT64_MAX, &pos)) return false;
    if (pos < 0) return vm_raise(vm, vm->c.ValueError, "list.remove(x): x not in list");
    remove_range(self, (uint32_t)pos, (uint32_t)pos + 1);
    *out = NONE_VAL;
    return true;
}

/* index()'s start/stop: clamped like slice bounds but None is not allowed. */
static bool bound_arg(VM *vm, Value v, int64_t len, int64_t *out)
{
    int64_t i;
    if (IS_INT(v) || IS_BOOL(v)) {
        i = IS_INT(v) ? AS_INT(v) : AS_BOOL(v);
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

static bool l_index(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("index");
    if (!ma_no_kw(vm, kwnames, "list.index") || !ma_range(vm, "index", nargs - 1, 1, 3))
        return false;
    int64_t start = 0, stop = INT64_MAX, pos;
    if (nargs > 2 && !bound_arg(vm, args[2], self->len, &start)) return false;
    if (nargs > 3 && !bound_arg(vm, args[3], self->len, &stop)) return false;
    if (!find(vm, self, args[1], start, stop, &pos)) return false;
    if (pos < 0) {
        ObjStr *r;
        if (!op_repr(vm, args[1], &r)) return false;
        return vm_raise(vm, vm->c.ValueError, "%s is not in list", r->data);
    }
    *out = INT_VAL(pos);
    return true;
}

static bool l_count(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("count");
    if (!ma_one(vm, nargs - 1, kwnames, "list.count")) return false;
    int64_t n = 0;
    for (uint32_t i = 0; i < self->len; i++) {
        bool eq;
        if (!op_eq(vm, self->items[i], args[1], &eq)) return false;
        n += eq;
    }
    *out = INT_VAL(n);
    return true;
}

static bool l_reverse(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("reverse");
    if (!ma_none(vm, nargs - 1, kwnames, "list.reverse")) return false;
    values_reverse(self->items, self->len);
    *out = NONE_VAL;
    return true;
}

static bool l_sort(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("sort");
    if (nargs > 1) return vm_raise(vm, vm->c.TypeError, "sort() takes no positional arguments");
    Value key = NONE_VAL;
    bool reverse = false;
    for (int i = 0; i < ma_nkw(kwnames); i++) {
        ObjStr *k = AS_STR(kwnames->items[i]);
        Value v = args[nargs + i];
        if (ma_kw_is(k, "key")) {
            key = v;
        } else if (ma_kw_is(k, "reverse")) {
            int64_t r;
            if (!int_arg(vm, v, &r)) return false;
            reverse = r != 0;
        } else {
            return vm_raise(vm, vm->c.TypeError, "'%s' is an invalid keyword argument for sort()",
                            k->data);
        }
    }
    if (!list_sort(vm, self, key, reverse)) return false;
    *out = NONE_VAL;
    return true;
}

static bool l_copy(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("copy");
    if (!ma_none(vm, nargs - 1, kwnames, "list.copy")) return false;
    ObjList *r = list_new(vm, NULL, self->len);
    if (self->len > 0) memcpy(r->items, self->items, self->len * sizeof(Value));
    *out = OBJ_VAL(r);
    return true;
}

static bool l_clear(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("clear");
    if (!ma_none(vm, nargs - 1, kwnames, "list.clear")) return false;
    self->len = 0;
    *out = NONE_VAL;
    return true;
}

static bool l_len(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__len__");
    if (!ma_none(vm, nargs - 1, kwnames, "list.__len__")) return false;
    *out = INT_VAL(self->len);
    return true;
}

static bool l_getitem(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__getitem__");
    if (!ma_one(vm, nargs - 1, kwnames, "list.__getitem__")) return false;
    return list_getitem(vm, self, args[1], out);
}

static bool l_setitem(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__setitem__");
    if (!ma_no_kw(vm, kwnames, "list.__setitem__") || !ma_range(vm, "__setitem__", nargs - 1, 2, 2))
        return false;
    *out = NONE_VAL;
    return list_setitem(vm, self, args[1], args[2]);
}

static bool l_delitem(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__delitem__");
    if (!ma_one(vm, nargs - 1, kwnames, "list.__delitem__")) return false;
    *out = NONE_VAL;
    return list_delitem(vm, self, args[1]);
}

static bool l_contains(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__contains__");
    if (!ma_one(vm, nargs - 1, kwnames, "list.__contains__")) return false;
    int64_t pos;
    if (!find(vm, self, args[1], 0, INT64_MAX, &pos)) return false;
    *out = BOOL_VAL(pos >= 0);
    return true;
}

static bool l_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__iter__");
    if (!ma_none(vm, nargs - 1, kwnames, "list.__iter__")) return false;
    bool found;
    return iter_for_layout(vm, OBJ_VAL(self), out, &found);
}

static bool l_reversed(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__reversed__");
    if (!ma_none(vm, nargs - 1, kwnames, "list.__reversed__")) return false;
    return iter_reversed(vm, OBJ_VAL(self), out);
}

void list_install(VM *vm)
{
    ObjClass *c = vm->c.list;
    ObjDict *d = c->dict;
    vm_define_native(vm, d, "__new__", l_new, NULL);
    vm_define_native(vm, d, "__init__", l_init, c);
    vm_define_native(vm, d, "append", l_append, c);
    vm_define_native(vm, d, "extend", l_extend, c);
    vm_define_native(vm, d, "insert", l_insert, c);
    vm_define_native(vm, d, "pop", l_pop, c);
    vm_define_native(vm, d, "remove", l_remove, c);
    vm_define_native(vm, d, "index", l_index, c);
    vm_define_native(vm, d, "count", l_count, c);
    vm_define_native(vm, d, "reverse", l_reverse, c);
    vm_define_native(vm, d, "sort", l_sort, c);
    vm_define_native(vm, d, "copy", l_copy, c);
    vm_define_native(vm, d, "clear", l_clear, c);
    vm_define_native(vm, d, "__len__", l_len, c);
    vm_define_native(vm, d, "__getitem__", l_getitem, c);
    vm_define_native(vm, d, "__setitem__", l_setitem, c);
    vm_define_native(vm, d, "__delitem__", l_delitem, c);
    vm_define_native(vm, d, "__contains__", l_contains, c);
    vm_define_native(vm, d, "__iter__", l_iter, c);
    vm_define_native(vm, d, "__reversed__", l_reversed, c);
}
