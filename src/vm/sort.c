/* sort.c: list.sort and sorted(): a stable merge sort. The keys are looked
 * at once: when all are ints, all floats or all strs, the sort compares
 * them inline (as CPython's unsafe_*_compare do); otherwise through `<`,
 * with tuples of simple items compared without calls. */
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "list.h"
#include "ops.h"

typedef struct {
    VM *vm;
    bool failed;
} SortCtx;

static void *checked_array(size_t n, size_t size)
{
    void *p = malloc(n * size);
    if (p == NULL) {
        fputs("loopbook: out of memory\n", stderr);
        abort();
    }
    return p;
}

static int str_cmp(const ObjStr *a, const ObjStr *b)
{
    uint32_t n = a->byte_len < b->byte_len ? a->byte_len : b->byte_len;
    int c = memcmp(a->data, b->data, n);
    if (c != 0) return c;
    return a->byte_len < b->byte_len ? -1 : a->byte_len > b->byte_len;
}

/* Compare two values of one simple kind (int, float, str) without calling
 * anything: *order is -1, 0 or 1. False when the kinds are not simple. */
static inline bool simple_order(Value x, Value y, int *order)
{
    if (IS_INT(x) && IS_INT(y)) {
        *order = (AS_INT(x) > AS_INT(y)) - (AS_INT(x) < AS_INT(y));
        return true;
    }
    if (IS_STR(x) && IS_STR(y)) {
        int c = str_cmp(AS_STR(x), AS_STR(y));
        *order = (c > 0) - (c < 0);
        return true;
    }
    return false;
}

/* Tuple keys (the common `key=lambda r: (r[1], -r[2])`): compare item by
 * item while items are simple; *decided is false when a generic comparison
 * is needed. */
static bool tuple_lt_fast(ObjTuple *x, ObjTuple *y, bool *decided)
{
    uint32_t n = x->len < y->len ? x->len : y->len;
    for (uint32_t i = 0; i < n; i++) {
        int order;
        if (!simple_order(x->items[i], y->items[i], &order)) {
            *decided = false;
            return false;
        }
        if (order != 0) {
            *decided = true;
            return order < 0;
        }
    }
    *decided = true;
    return x->len < y->len;
}

/* x < y for any two keys; sets ctx->failed when the comparison raised. */
static bool value_lt(SortCtx *ctx, Value x, Value y)
{
    if (ctx->failed) return false;
    if (IS_TUPLE(x) && IS_TUPLE(y) && AS_OBJ(x)->cls == ctx->vm->c.tuple && AS_OBJ(y)->cls == ctx->vm->c.tuple) {
        bool decided;
        bool lt = tuple_lt_fast(AS_TUPLE(x), AS_TUPLE(y), &decided);
        if (decided) return lt;
    }
    Value r;
    bool t;
    if (!op_compare(ctx->vm, CMP_LT, x, y, &r)) {
        ctx->failed = true;
        return false;
    }
    if (IS_BOOL(r)) return AS_BOOL(r);
    vm_push_root(ctx->vm, r);
    bool ok = op_truthy(ctx->vm, r, &t);
    vm_pop_root(ctx->vm, 1);
    if (!ok) {
        ctx->failed = true;
        return false;
    }
    return t;
}

#define SORT_NAME int
#define SORT_KEY int64_t
#define SORT_KEY_OF(v) AS_INT(v)
#define SORT_LESS(c, x, y) ((x) < (y))
#include "sort_merge.h"

/* NaN compares false both ways, as CPython's unsafe_float_compare has it. */
#define SORT_NAME float
#define SORT_KEY double
#define SORT_KEY_OF(v) AS_FLOAT(v)
#define SORT_LESS(c, x, y) ((x) < (y))
#include "sort_merge.h"

#define SORT_NAME str
#define SORT_KEY const ObjStr *
#define SORT_KEY_OF(v) AS_STR(v)
#define SORT_LESS(c, x, y) (str_cmp((x), (y)) < 0)
#include "sort_merge.h"

#define SORT_NAME value
#define SORT_KEY Value
#define SORT_KEY_OF(v) (v)
#define SORT_LESS(c, x, y) value_lt((c), (x), (y))
#include "sort_merge.h"

typedef enum { KEYS_GENERIC, KEYS_INT, KEYS_FLOAT, KEYS_STR } KeyKind;

static KeyKind classify(const Value *keys, uint32_t n)
{
    if (n == 0) return KEYS_GENERIC;
    uint32_t tag = keys[0].tag;
    if (tag == VAL_INT || tag == VAL_FLOAT) {
        for (uint32_t i = 1; i < n; i++)
            if (keys[i].tag != tag) return KEYS_GENERIC;
        return tag == VAL_INT ? KEYS_INT : KEYS_FLOAT;
    }
    for (uint32_t i = 0; i < n; i++)
        if (!IS_STR(keys[i])) return KEYS_GENERIC;
    return KEYS_STR;
}

static bool sort_values(VM *vm, const Value *keys, Value *values, uint32_t n)
{
    SortCtx ctx = {vm, false};
    switch (classify(keys, n)) {
    case KEYS_INT: return sort_by_int(&ctx, keys, values, n);
    case KEYS_FLOAT: return sort_by_float(&ctx, keys, values, n);
    case KEYS_STR: return sort_by_str(&ctx, keys, values, n);
    case KEYS_GENERIC: break;
    }
    return sort_by_value(&ctx, keys, values, n);
}

bool list_sort(VM *vm, ObjList *l, Value key, bool reverse)
{
    bool has_key = !IS_EMPTY(key) && !IS_NONE(key);
    vm_push_root(vm, OBJ_VAL(l));
    vm_push_root(vm, key);
    /* While sorting, the list is empty and its items live in `hold` (which
     * the GC sees): code run by key or < cannot corrupt the sort. */
    ObjList *hold = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(hold));
    hold->items = l->items;
    hold->len = l->len;
    hold->cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    uint32_t n = hold->len;
    bool ok = true;
    if (reverse) values_reverse(hold->items, n);
    ObjList *keys = hold;
    if (has_key) {
        keys = list_new(vm, NULL, n);
        vm_push_root(vm, OBJ_VAL(keys));
        for (uint32_t i = 0; i < n && ok; i++) {
            Value arg = hold->items[i], k;
            ok = vm_call(vm, key, &arg, 1, NULL, &k);
            if (ok) keys->items[i] = k;
        }
    }
    if (ok && n > 1) ok = sort_values(vm, keys->items, hold->items, n);
    if (reverse) values_reverse(hold->items, n);
    if (has_key) vm_pop_root(vm, 1);
    bool modified = l->items != NULL || l->len != 0;
    gc_realloc(vm, l->items, l->cap * sizeof(Value), 0);
    l->items = hold->items;
    l->len = hold->len;
    l->cap = hold->cap;
    hold->items = NULL;
    hold->len = hold->cap = 0;
    vm_pop_root(vm, 3);
    if (ok && modified) return vm_raise(vm, vm->c.ValueError, "list modified during sort");
    return ok;
}
