/* range.c: range objects (64-bit bounds) and slice objects. */
#include "range.h"

#include "exception.h"
#include "gc.h"
#include "iter.h"
#include "method_args.h"
#include "ops.h"

ObjRange *range_new(VM *vm, int64_t start, int64_t stop, int64_t step)
{
    ObjRange *r = gc_alloc_object(vm, sizeof(ObjRange), OBJ_RANGE, vm->c.range);
    r->start = start;
    r->stop = stop;
    r->step = step;
    return r;
}

ObjSlice *slice_new(VM *vm, Value start, Value stop, Value step)
{
    vm_push_root(vm, start);
    vm_push_root(vm, stop);
    vm_push_root(vm, step);
    ObjSlice *s = gc_alloc_object(vm, sizeof(ObjSlice), OBJ_SLICE, vm->c.slice);
    vm_pop_root(vm, 3);
    s->start = start;
    s->stop = stop;
    s->step = step;
    return s;
}

int64_t range_len(const ObjRange *r)
{
    uint64_t n;
    if (r->step > 0 && r->start < r->stop)
        n = ((uint64_t)r->stop - (uint64_t)r->start - 1) / (uint64_t)r->step + 1;
    else if (r->step < 0 && r->start > r->stop)
        n = ((uint64_t)r->start - (uint64_t)r->stop - 1) / (0 - (uint64_t)r->step) + 1;
    else
        return 0;
    return n > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n;
}

int64_t range_item(const ObjRange *r, int64_t i)
{
    return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

bool range_equal(const ObjRange *a, const ObjRange *b)
{
    if (a == b) return true;
    int64_t n = range_len(a);
    if (n != range_len(b)) return false;
    if (n == 0) return true;
    if (a->start != b->start) return false;
    if (n == 1) return true;
    return a->step == b->step;
}

bool range_hash(VM *vm, const ObjRange *r, uint64_t *out)
{
    int64_t n = range_len(r);
    Value items[3] = {INT_VAL(n), NONE_VAL, NONE_VAL};
    if (n > 0) items[1] = INT_VAL(r->start);
    if (n > 1) items[2] = INT_VAL(r->step);
    ObjTuple *t = tuple_new(vm, items, 3);
    vm_push_root(vm, OBJ_VAL(t));
    bool ok = op_hash(vm, OBJ_VAL(t), out);
    vm_pop_root(vm, 1);
    return ok;
}

/* Whether v is an int for range's O(1) paths (int and bool). */
static bool small_int(Value v, int64_t *out)
{
    if (IS_INT(v)) {
        *out = AS_INT(v);
        return true;
    }
    if (IS_BOOL(v)) {
        *out = AS_BOOL(v);
        return true;
    }
    return false;
}

/* Position of x in r, or -1. */
static int64_t int_position(const ObjRange *r, int64_t x)
{
    if (r->step > 0) {
        if (x < r->start || x >= r->stop) return -1;
    } else {
        if (x > r->start || x <= r->stop) return -1;
    }
    uint64_t diff = r->step > 0 ? (uint64_t)x - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)x;
    uint64_t step = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
    if (diff % step != 0) return -1;
    return (int64_t)(diff / step);
}

/* Linear search with ==: position of v, or -1; count when counting. */
static bool linear(VM *vm, const ObjRange *r, Value v, bool count, int64_t *out)
{
    int64_t n = range_len(r), hits = 0;
    vm_push_root(vm, v);
    for (int64_t i = 0; i < n; i++) {
        bool eq;
        if (!op_eq(vm, INT_VAL(range_item(r, i)), v, &eq)) {
            vm_pop_root(vm, 1);
            return false;
        }
        if (eq) {
            if (!count) {
                vm_pop_root(vm, 1);
                *out = i;
                return true;
            }
            hits++;
        }
    }
    vm_pop_root(vm, 1);
    *out = count ? hits : -1;
    return true;
}

bool range_contains(VM *vm, const ObjRange *r, Value v, bool *out)
{
    int64_t x;
    if (small_int(v, &x)) {
        *out = int_position(r, x) >= 0;
        return true;
    }
    if (IS_KIND(v, OBJ_BIGINT)) {
        *out = false;
        return true;
    }
    int64_t pos;
    if (!linear(vm, r, v, false, &pos)) return false;
    *out = pos >= 0;
    return true;
}

ObjStr *range_repr(VM *vm, const ObjRange *r)
{
    if (r->step == 1) return str_printf(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return str_printf(vm, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                      (long long)r->step);
}

bool range_getitem(VM *vm, ObjRange *r, Value key, Value *out)
{
    if (IS_SLICE(key)) {
        int64_t start, stop, step, n;
        if (!slice_indices(vm, AS_SLICE(key), range_len(r), &start, &stop, &step, &n)) return false;
        int64_t nstep = (int64_t)((uint64_t)r->step * (uint64_t)step);
        int64_t nstart = range_item(r, start);
        int64_t nstop = range_item(r, stop);
        *out = OBJ_VAL(range_new(vm, nstart, nstop, nstep));
        return true;
    }
    int64_t i;
    if (!small_int(key, &i)) {
        if (IS_KIND(key, OBJ_BIGINT))
            return vm_raise(vm, vm->c.IndexError, "range object index out of range");
        if (IS_EMPTY(vm_lookup_special(vm, key, vm->n.__index__)))
            return vm_raise(vm, vm->c.TypeError, "range indices must be integers or slices, not %s",
                            ma_type_name(vm, key));
        if (!op_index(vm, key, &i)) return false;
    }
    int64_t n = range_len(r);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return vm_raise(vm, vm->c.IndexError, "range object index out of range");
    *out = INT_VAL(range_item(r, i));
    return true;
}

/* ---- slices --------------------------------------------------------------- */

/* One bound of a slice as a clamped int64 (None is left to the caller). */
static bool slice_bound(VM *vm, Value v, int64_t *out)
{
    if (small_int(v, out)) return true;
    if (IS_KIND(v, OBJ_BIGINT)) {
        Value lt;
        bool neg;
        if (!op_compare(vm, CMP_LT, v, INT_VAL(0), &lt) || !op_truthy(vm, lt, &neg)) return false;
        *out = neg ? INT64_MIN : INT64_MAX;
        return true;
    }
    if (IS_EMPTY(vm_lookup_special(vm, v, vm->n.__index__)))
        return vm_raise(vm, vm->c.TypeError,
                        "slice indices must be integers or None or have an __index__ method");
    return op_index(vm, v, out);
}

bool slice_indices(VM *vm, ObjSlice *s, int64_t len, int64_t *start, int64_t *stop,
                   int64_t *step, int64_t *slicelen)
{
    int64_t st = 1, a, b;
    if (!IS_NONE(s->step)) {
        if (!slice_bound(vm, s->step, &st)) return false;
        if (st == 0) return vm_raise(vm, vm->c.ValueError, "slice step cannot be zero");
        if (st < -INT64_MAX) st = -INT64_MAX;
    }
    if (IS_NONE(s->start)) {
        a = st < 0 ? INT64_MAX : 0;
    } else if (!slice_bound(vm, s->start, &a)) {
        return false;
    }
    if (IS_NONE(s->stop)) {
        b = st < 0 ? INT64_MIN : INT64_MAX;
    } else if (!slice_bound(vm, s->stop, &b)) {
        return false;
    }
    if (a < 0) {
        a += len;
        if (a < 0) a = st < 0 ? -1 : 0;
    } else if (a >= len) {
        a = st < 0 ? len - 1 : len;
    }
    if (b < 0) {
        b += len;
        if (b < 0) b = st < 0 ? -1 : 0;
    } else if (b >= len) {
        b = st < 0 ? len - 1 : len;
    }
    int64_t n = 0;
    if (st < 0) {
        if (b < a) n = (a - b - 1) / (-st) + 1;
    } else {
        if (a < b) n = (b - a - 1) / st + 1;
    }
    *start = a;
    *stop = b;
    *step = st;
    *slicelen = n;
    return true;
}

bool slice_repr(VM *vm, ObjSlice *s, ObjStr **out)
{
    ObjStr *parts[3];
    Value vals[3] = {s->start, s->stop, s->step};
    vm_push_root(vm, OBJ_VAL(s));
    for (int i = 0; i < 3; i++) {
        if (!op_repr(vm, vals[i], &parts[i])) {
            vm_pop_root(vm, (size_t)i + 1);
            return false;
        }
        vm_push_root(vm, OBJ_VAL(parts[i]));
    }
    *out = str_printf(vm, "slice(%s, %s, %s)", parts[0]->data, parts[1]->data, parts[2]->data);
    vm_pop_root(vm, 4);
    return true;
}

/* ---- range methods ------------------------------------------------------- */

static bool index_arg(VM *vm, Value v, int64_t *out)
{
    if (small_int(v, out)) return true;
    return op_index(vm, v, out);
}

static bool range_new_native(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_no_kw(vm, kwnames, "range")) return false;
    int n = nargs - 1;
    if (n < 1)
        return vm_raise(vm, vm->c.TypeError, "range expected at least 1 argument, got %d", n);
    if (n > 3)
        return vm_raise(vm, vm->c.TypeError, "range expected at most 3 arguments, got %d", n);
    int64_t start = 0, stop, step = 1;
    if (n == 1) {
        if (!index_arg(vm, args[1], &stop)) return false;
    } else {
        if (!index_arg(vm, args[1], &start) || !index_arg(vm, args[2], &stop)) return false;
        if (n == 3) {
            if (!index_arg(vm, args[3], &step)) return false;
            if (step == 0) return vm_raise(vm, vm->c.ValueError, "range() arg 3 must not be zero");
        }
    }
    *out = OBJ_VAL(range_new(vm, start, stop, step));
    return true;
}

#define RANGE_SELF(method)                                                                         \
    if (!ma_self(vm, args, nargs, vm->c.range, method)) return false;                              \
    ObjRange *r = AS_RANGE(args[0])

static bool r_len(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("__len__");
    if (!ma_none(vm, nargs - 1, kwnames, "range.__len__")) return false;
    *out = INT_VAL(range_len(r));
    return true;
}

static bool r_contains(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("__contains__");
    if (!ma_one(vm, nargs - 1, kwnames, "range.__contains__")) return false;
    bool b;
    if (!range_contains(vm, r, args[1], &b)) return false;
    *out = BOOL_VAL(b);
    return true;
}

static bool r_getitem(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("__getitem__");
    if (!ma_one(vm, nargs - 1, kwnames, "range.__getitem__")) return false;
    return range_getitem(vm, r, args[1], out);
}

static bool r_index(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("index");
    if (!ma_one(vm, nargs - 1, kwnames, "range.index")) return false;
    int64_t x, pos;
    if (small_int(args[1], &x)) {
        pos = int_position(r, x);
        if (pos < 0) return vm_raise(vm, vm->c.ValueError, "%lld is not in range", (long long)x);
        *out = INT_VAL(pos);
        return true;
    }
    if (!linear(vm, r, args[1], false, &pos)) return false;
    if (pos < 0)
        return vm_raise(vm, vm->c.ValueError, "sequence.index(x): x not in sequence");
    *out = INT_VAL(pos);
    return true;
}

static bool r_count(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("count");
    if (!ma_one(vm, nargs - 1, kwnames, "range.count")) return false;
    int64_t x, n;
    if (small_int(args[1], &x)) {
        *out = INT_VAL(int_position(r, x) >= 0 ? 1 : 0);
        return true;
    }
    if (!linear(vm, r, args[1], true, &n)) return false;
    *out = INT_VAL(n);
    return true;
}

static bool r_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("__repr__");
    if (!ma_none(vm, nargs - 1, kwnames, "range.__repr__")) return false;
    *out = OBJ_VAL(range_repr(vm, r));
    return true;
}

static bool r_hash(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("__hash__");
    if (!ma_none(vm, nargs - 1, kwnames, "range.__hash__")) return false;
    uint64_t h;
    if (!range_hash(vm, r, &h)) return false;
    *out = INT_VAL((int64_t)h);
    return true;
}

static bool r_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("__iter__");
    if (!ma_none(vm, nargs - 1, kwnames, "range.__iter__")) return false;
    bool found;
    return iter_for_object(vm, OBJ_VAL(r), out, &found);
}

static bool r_reversed(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("__reversed__");
    if (!ma_none(vm, nargs - 1, kwnames, "range.__reversed__")) return false;
    return iter_reversed(vm, OBJ_VAL(r), out);
}

static bool r_start(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("start");
    (void)kwnames;
    *out = INT_VAL(r->start);
    return true;
}

static bool r_stop(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("stop");
    (void)kwnames;
    *out = INT_VAL(r->stop);
    return true;
}

static bool r_step(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    RANGE_SELF("step");
    (void)kwnames;
    *out = INT_VAL(r->step);
    return true;
}

/* ---- slice methods ------------------------------------------------------- */

static bool slice_new_native(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_no_kw(vm, kwnames, "slice") || !ma_range(vm, "slice", nargs - 1, 1, 3)) return false;
    if (nargs == 2) {
        *out = OBJ_VAL(slice_new(vm, NONE_VAL, args[1], NONE_VAL));
    } else {
        *out = OBJ_VAL(slice_new(vm, args[1], args[2], nargs > 3 ? args[3] : NONE_VAL));
    }
    return true;
}

#define SLICE_SELF(method)                                                                         \
    if (!ma_self(vm, args, nargs, vm->c.slice, method)) return false;                              \
    ObjSlice *s = AS_SLICE(args[0])

static bool s_indices(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SLICE_SELF("indices");
    if (!ma_one(vm, nargs - 1, kwnames, "slice.indices")) return false;
    int64_t len, a, b, st, n;
    if (!index_arg(vm, args[1], &len)) return false;
    if (len < 0) return vm_raise(vm, vm->c.ValueError, "length should not be negative");
    if (!slice_indices(vm, s, len, &a, &b, &st, &n)) return false;
    Value items[3] = {INT_VAL(a), INT_VAL(b), INT_VAL(st)};
    *out = OBJ_VAL(tuple_new(vm, items, 3));
    return true;
}

static bool s_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SLICE_SELF("__repr__");
    if (!ma_none(vm, nargs - 1, kwnames, "slice.__repr__")) return false;
    ObjStr *r;
    if (!slice_repr(vm, s, &r)) return false;
    *out = OBJ_VAL(r);
    return true;
}

static bool s_start(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SLICE_SELF("start");
    (void)kwnames;
    *out = s->start;
    return true;
}

static bool s_stop(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SLICE_SELF("stop");
    (void)kwnames;
    *out = s->stop;
    return true;
}

static bool s_step(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SLICE_SELF("step");
    (void)kwnames;
    *out = s->step;
    return true;
}

/* A read-only attribute: a property whose getter is a native. */
static void define_property(VM *vm, ObjClass *cls, const char *name, NativeFn fn)
{
    ObjNative *n = native_new(vm, name, fn, cls);
    vm_push_root(vm, OBJ_VAL(n));
    ObjDescriptor *p = descriptor_new(vm, vm->c.property, OBJ_VAL(n));
    vm_push_root(vm, OBJ_VAL(p));
    dict_set_str(vm, cls->dict, n->name, OBJ_VAL(p));
    vm_pop_root(vm, 2);
}

void range_install(VM *vm)
{
    ObjClass *c = vm->c.range;
    ObjDict *d = c->dict;
    vm_define_native(vm, d, "__new__", range_new_native, NULL);
    vm_define_native(vm, d, "__len__", r_len, c);
    vm_define_native(vm, d, "__contains__", r_contains, c);
    vm_define_native(vm, d, "__getitem__", r_getitem, c);
    vm_define_native(vm, d, "__iter__", r_iter, c);
    vm_define_native(vm, d, "__reversed__", r_reversed, c);
    vm_define_native(vm, d, "__repr__", r_repr, c);
    vm_define_native(vm, d, "__hash__", r_hash, c);
    vm_define_native(vm, d, "index", r_index, c);
    vm_define_native(vm, d, "count", r_count, c);
    define_property(vm, c, "start", r_start);
    define_property(vm, c, "stop", r_stop);
    define_property(vm, c, "step", r_step);

    c = vm->c.slice;
    d = c->dict;
    vm_define_native(vm, d, "__new__", slice_new_native, NULL);
    vm_define_native(vm, d, "indices", s_indices, c);
    vm_define_native(vm, d, "__repr__", s_repr, c);
    define_property(vm, c, "start", s_start);
    define_property(vm, c, "stop", s_stop);
    define_property(vm, c, "step", s_step);
}
