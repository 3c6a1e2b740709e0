/* dict.c: insertion-ordered hash tables (CPython's compact dict layout): an
 * entry array in insertion order and a sparse index of int32 into it. */
#include "dict.h"

#include <string.h>

#include "exception.h"
#include "gc.h"
#include "iter.h"
#include "list.h"
#include "method_args.h"
#include "ops.h"

#define INDEX_FREE (-1)
#define INDEX_DUMMY (-2)
#define PERTURB_SHIFT 5

ObjDict *dict_new(VM *vm)
{
    return gc_alloc_object(vm, sizeof(ObjDict), OBJ_DICT, vm->c.dict);
}

/* Key equality as a dict sees it: identity, then str fast path, then __eq__. */
static bool keys_equal(VM *vm, Value stored, uint64_t stored_hash, Value key, uint64_t hash, bool *eq)
{
    if (value_is(stored, key)) {
        *eq = true;
        return true;
    }
    if (stored_hash != hash) {
        *eq = false;
        return true;
    }
    if (IS_STR(stored) && IS_STR(key)) {
        *eq = str_equal(AS_STR(stored), AS_STR(key));
        return true;
    }
    if (IS_INT(stored) && IS_INT(key)) {
        *eq = false; /* value_is already compared the payloads */
        return true;
    }
    return op_eq(vm, stored, key, eq);
}

bool dict_table_find(VM *vm, DictTable *t, Value key, uint64_t hash, int32_t *entry_index,
                     uint32_t *slot)
{
    *entry_index = -1;
    if (t->index_cap == 0) {
        *slot = 0;
        return true;
    }
    uint32_t mask = t->index_cap - 1;
    uint64_t perturb = hash;
    uint32_t i = (uint32_t)hash & mask;
    int64_t first_dummy = -1;
    for (;;) {
        int32_t ix = t->index[i];
        if (ix == INDEX_FREE) {
            *slot = first_dummy >= 0 ? (uint32_t)first_dummy : i;
            return true;
        }
        if (ix == INDEX_DUMMY) {
            if (first_dummy < 0) first_dummy = i;
        } else {
            DictEntry *e = &t->entries[ix];
            bool eq;
            if (!keys_equal(vm, e->key, e->hash, key, hash, &eq)) return false;
            if (eq) {
                *entry_index = ix;
                *slot = i;
                return true;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (uint32_t)((i * 5 + perturb + 1) & mask);
    }
}

/* The slot of entry ix in the index (it must be there). */
static uint32_t slot_of_entry(DictTable *t, int32_t ix)
{
    uint32_t mask = t->index_cap - 1;
    uint64_t perturb = t->entries[ix].hash;
    uint32_t i = (uint32_t)perturb & mask;
    while (t->index[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (uint32_t)((i * 5 + perturb + 1) & mask);
    }
    return i;
}

static uint32_t free_slot_for(DictTable *t, uint64_t hash)
{
    uint32_t mask = t->index_cap - 1;
    uint64_t perturb = hash;
    uint32_t i = (uint32_t)hash & mask;
    while (t->index[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (uint32_t)((i * 5 + perturb + 1) & mask);
    }
    return i;
}

/* Compact the entries (dropping deleted ones) and rebuild the index with
 * the power-of-two size CPython would pick for `minsize`, holding up to 2/3
 * as many entries: dicts then grow and compact exactly when CPython's do,
 * which is what code that changes a dict while iterating it observes. */
static void table_resize(VM *vm, DictTable *t, uint32_t minsize)
{
    uint32_t index_cap = 8;
    while (index_cap < (minsize | 8)) index_cap *= 2;
    uint32_t entry_cap = index_cap * 2 / 3;
    DictEntry *entries = gc_realloc(vm, NULL, 0, entry_cap * sizeof(DictEntry));
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->used; i++)
        if (!IS_EMPTY(t->entries[i].key)) entries[n++] = t->entries[i];
    gc_realloc(vm, t->entries, t->entry_cap * sizeof(DictEntry), 0);
    gc_realloc(vm, t->index, t->index_cap * sizeof(int32_t), 0);
    t->entries = entries;
    t->entry_cap = entry_cap;
    t->used = n;
    t->len = n;
    t->index_cap = index_cap;
    t->keys_version = ++vm->dict_key_epoch;
    t->index = gc_realloc(vm, NULL, 0, index_cap * sizeof(int32_t));
    memset(t->index, 0xff, index_cap * sizeof(int32_t)); /* all INDEX_FREE */
    for (uint32_t k = 0; k < n; k++) t->index[free_slot_for(t, entries[k].hash)] = (int32_t)k;
}

void dict_table_insert_new(VM *vm, DictTable *t, Value key, uint64_t hash, Value value)
{
    if (t->used == t->entry_cap) {
        /* Entries used up (deleted ones included): rebuild with room for
         * three times the live ones, CPython's GROWTH_RATE. */
        table_resize(vm, t, t->len * 3);
    }
    uint32_t ix = t->used++;
    t->keys_version = ++vm->dict_key_epoch;
    t->entries[ix] = (DictEntry){hash, key, value};
    t->index[free_slot_for(t, hash)] = (int32_t)ix;
    t->len++;
}

bool dict_table_set(VM *vm, DictTable *t, Value key, uint64_t hash, Value value)
{
    int32_t ix;
    uint32_t slot;
    if (!dict_table_find(vm, t, key, hash, &ix, &slot)) return false;
    if (ix >= 0) {
        t->entries[ix].value = value;
        return true;
    }
    dict_table_insert_new(vm, t, key, hash, value);
    return true;
}

void dict_table_remove_entry(DictTable *t, int32_t ix)
{
    t->index[slot_of_entry(t, ix)] = INDEX_DUMMY;
    t->entries[ix].key = EMPTY_VAL;
    t->entries[ix].value = EMPTY_VAL;
    t->len--;
}

void dict_table_clear(VM *vm, DictTable *t)
{
    gc_realloc(vm, t->entries, t->entry_cap * sizeof(DictEntry), 0);
    gc_realloc(vm, t->index, t->index_cap * sizeof(int32_t), 0);
    memset(t, 0, sizeof *t);
    t->keys_version = ++vm->dict_key_epoch;
}

/* ---- the object-level API (object.h) --------------------------------------- */

/* op_hash with the two commonest keys inline: a str's cached hash, and a
 * small non-negative int (which CPython hashes to itself). */
static inline bool key_hash(VM *vm, Value key, uint64_t *hash)
{
    if (IS_STR(key) && AS_STR(key)->hashed) {
        *hash = AS_STR(key)->hash;
        return true;
    }
    if (IS_INT(key) && AS_INT(key) >= 0 && AS_INT(key) < ((int64_t)1 << 61) - 1) {
        *hash = (uint64_t)AS_INT(key);
        return true;
    }
    return op_hash(vm, key, hash);
}

bool dict_get(VM *vm, ObjDict *d, Value key, Value *out, bool *found)
{
    uint64_t hash;
    if (!key_hash(vm, key, &hash)) return false;
    int32_t ix;
    uint32_t slot;
    if (!dict_table_find(vm, &d->table, key, hash, &ix, &slot)) return false;
    *found = ix >= 0;
    if (ix >= 0) *out = d->table.entries[ix].value;
    return true;
}

bool dict_set(VM *vm, ObjDict *d, Value key, Value value)
{
    uint64_t hash;
    if (!key_hash(vm, key, &hash)) return false;
    return dict_table_set(vm, &d->table, key, hash, value);
}

bool dict_del(VM *vm, ObjDict *d, Value key, bool *found)
{
    uint64_t hash;
    if (!op_hash(vm, key, &hash)) return false;
    int32_t ix;
    uint32_t slot;
    if (!dict_table_find(vm, &d->table, key, hash, &ix, &slot)) return false;
    *found = ix >= 0;
    if (ix >= 0) dict_table_remove_entry(&d->table, ix);
    return true;
}

int32_t dict_find_str(ObjDict *d, ObjStr *key)
{
    DictTable *t = &d->table;
    if (t->index_cap == 0) return -1;
    uint64_t hash = str_hash(key);
    uint32_t mask = t->index_cap - 1;
    uint64_t perturb = hash;
    uint32_t i = (uint32_t)hash & mask;
    for (;;) {
        int32_t ix = t->index[i];
        if (ix == INDEX_FREE) return -1;
        if (ix >= 0) {
            DictEntry *e = &t->entries[ix];
            if (e->hash == hash && IS_STR(e->key) && str_equal(AS_STR(e->key), key)) return ix;
        }
        perturb >>= PERTURB_SHIFT;
        i = (uint32_t)((i * 5 + perturb + 1) & mask);
    }
}

Value dict_get_str(ObjDict *d, ObjStr *key)
{
    int32_t ix = dict_find_str(d, key);
    return ix >= 0 ? d->table.entries[ix].value : EMPTY_VAL;
}

int32_t dict_set_str(VM *vm, ObjDict *d, ObjStr *key, Value value)
{
    int32_t ix = dict_find_str(d, key);
    if (ix >= 0) {
        d->table.entries[ix].value = value;
        return ix;
    }
    dict_table_insert_new(vm, &d->table, OBJ_VAL(key), str_hash(key), value);
    return (int32_t)d->table.used - 1; /* new entries are appended */
}

/* ---- dict objects --------------------------------------------------------- */

bool dict_next(ObjDict *d, uint32_t *pos, Value *key, Value *value)
{
    DictTable *t = &d->table;
    for (uint32_t i = *pos; i < t->used; i++) {
        if (IS_EMPTY(t->entries[i].key)) continue;
        *key = t->entries[i].key;
        if (value) *value = t->entries[i].value;
        *pos = i + 1;
        return true;
    }
    *pos = t->used;
    return false;
}

ObjDict *dict_copy(VM *vm, ObjDict *d)
{
    vm_push_root(vm, OBJ_VAL(d));
    ObjDict *r = dict_new(vm);
    DictTable *s = &d->table, *t = &r->table;
    if (s->len > 0 && s->len == s->used) {
        /* No deleted entries: copy both arrays as they are. */
        t->entries = gc_realloc(vm, NULL, 0, s->entry_cap * sizeof(DictEntry));
        memcpy(t->entries, s->entries, s->used * sizeof(DictEntry));
        t->index = gc_realloc(vm, NULL, 0, s->index_cap * sizeof(int32_t));
        memcpy(t->index, s->index, s->index_cap * sizeof(int32_t));
        t->entry_cap = s->entry_cap;
        t->index_cap = s->index_cap;
        t->used = s->used;
        t->len = s->len;
        t->keys_version = ++vm->dict_key_epoch;
    } else {
        for (uint32_t i = 0; i < s->used; i++) {
            DictEntry *e = &s->entries[i];
            if (!IS_EMPTY(e->key)) dict_table_insert_new(vm, t, e->key, e->hash, e->value);
        }
    }
    vm_pop_root(vm, 1);
    return r;
}

bool dict_merge(VM *vm, ObjDict *dst, ObjDict *src, bool override)
{
    if (dst == src) return true;
    if (dst->table.len == 0 && override && src->table.len == src->table.used && src->table.len > 0) {
        /* Into an empty dict: a plain copy, no equality tests. */
        vm_push_root(vm, OBJ_VAL(dst));
        ObjDict *c = dict_copy(vm, src);
        dict_table_clear(vm, &dst->table);
        dst->table = c->table;
        memset(&c->table, 0, sizeof c->table);
        vm_pop_root(vm, 1);
        return true;
    }
    vm_push_root(vm, OBJ_VAL(dst));
    vm_push_root(vm, OBJ_VAL(src));
    bool ok = true;
    for (uint32_t i = 0; ok && i < src->table.used; i++) {
        DictEntry e = src->table.entries[i];
        if (IS_EMPTY(e.key)) continue;
        if (override) {
            ok = dict_table_set(vm, &dst->table, e.key, e.hash, e.value);
        } else {
            int32_t ix;
            uint32_t slot;
            ok = dict_table_find(vm, &dst->table, e.key, e.hash, &ix, &slot);
            if (ok && ix < 0) dict_table_insert_new(vm, &dst->table, e.key, e.hash, e.value);
        }
    }
    vm_pop_root(vm, 2);
    return ok;
}

/* The key and value of element #n of dict(pairs), with CPython's messages. */
static bool pair_items(VM *vm, Value item, int64_t n, Value *k, Value *v)
{
    Value *items = NULL;
    uint32_t len = 0;
    ObjList *tmp = NULL;
    if (IS_TUPLE(item)) {
        items = AS_TUPLE(item)->items;
        len = AS_TUPLE(item)->len;
    } else if (IS_LIST(item)) {
        items = AS_LIST(item)->items;
        len = AS_LIST(item)->len;
    } else {
        if (!list_from_iterable(vm, item, &tmp)) {
            if (!vm_exception_matches(vm, vm->c.TypeError)) return false;
            vm_take_exception(vm);
            return vm_raise(vm, vm->c.TypeError,
                            "cannot convert dictionary update sequence element #%lld to a sequence",
                            (long long)n);
        }
        items = tmp->items;
        len = tmp->len;
    }
    if (len != 2)
        return vm_raise(vm, vm->c.ValueError,
                        "dictionary update sequence element #%lld has length %u; 2 is required",
                        (long long)n, len);
    *k = items[0];
    *v = items[1];
    return true;
}

static bool update_from_pairs(VM *vm, ObjDict *d, Value seq)
{
    Value it;
    if (!iter_get(vm, seq, &it)) return false;
    vm_push_root(vm, it);
    bool ok = true;
    for (int64_t n = 0;; n++) {
        Value item, k, v;
        bool done;
        if (!iter_step(vm, it, &item, &done)) {
            ok = false;
            break;
        }
        if (done) break;
        vm_push_root(vm, item);
        ok = pair_items(vm, item, n, &k, &v);
        if (ok) {
            vm_push_root(vm, k);
            vm_push_root(vm, v);
            ok = dict_set(vm, d, k, v);
            vm_pop_root(vm, 2);
        }
        vm_pop_root(vm, 1);
        if (!ok) break;
    }
    vm_pop_root(vm, 1);
    return ok;
}

/* d.update(m) for a mapping that is not a dict: m.keys() then m[k]. */
static bool update_from_mapping(VM *vm, ObjDict *d, Value m, Value keys_fn)
{
    Value keys, it;
    if (!vm_call(vm, keys_fn, NULL, 0, NULL, &keys)) return false;
    vm_push_root(vm, keys);
    if (!iter_get(vm, keys, &it)) {
        vm_pop_root(vm, 1);
        return false;
    }
    vm_push_root(vm, it);
    bool ok = true;
    for (;;) {
        Value k, v;
        bool done;
        if (!iter_step(vm, it, &k, &done)) {
            ok = false;
            break;
        }
        if (done) break;
        vm_push_root(vm, k);
        ok = op_getitem(vm, m, k, &v);
        if (ok) {
            vm_push_root(vm, v);
            ok = dict_set(vm, d, k, v);
            vm_pop_root(vm, 1);
        }
        vm_pop_root(vm, 1);
        if (!ok) break;
    }
    vm_pop_root(vm, 2);
    return ok;
}

bool dict_update_from(VM *vm, ObjDict *d, Value arg)
{
    if (IS_DICT(arg)) return dict_merge(vm, d, AS_DICT(arg), true);
    vm_push_root(vm, OBJ_VAL(d));
    vm_push_root(vm, arg);
    bool ok;
    Value keys_fn = EMPTY_VAL;
    bool found = false;
    if (IS_OBJ(arg) && !IS_LIST(arg) && !IS_TUPLE(arg) && !IS_STR(arg) && !IS_KIND(arg, OBJ_ITER) &&
        !IS_SET(arg)) {
        ObjStr *name = str_intern_cstr(vm, "keys");
        if (!vm_getattr_opt(vm, arg, name, &keys_fn, &found)) {
            vm_pop_root(vm, 2);
            return false;
        }
    }
    if (found) {
        vm_push_root(vm, keys_fn);
        ok = update_from_mapping(vm, d, arg, keys_fn);
        vm_pop_root(vm, 1);
    } else {
        ok = update_from_pairs(vm, d, arg);
    }
    vm_pop_root(vm, 2);
    return ok;
}

/* Store the keyword arguments of a call into d. */
static bool update_from_kwargs(VM *vm, ObjDict *d, Value *kwvalues, ObjTuple *kwnames)
{
    if (kwnames == NULL) return true;
    for (uint32_t i = 0; i < kwnames->len; i++)
        if (!dict_set(vm, d, kwnames->items[i], kwvalues[i])) return false;
    return true;
}

bool dict_getitem(VM *vm, ObjDict *d, Value key, Value *out)
{
    bool found;
    if (!dict_get(vm, d, key, out, &found)) return false;
    if (found) return true;
    if (d->obj.cls != vm->c.dict) {
        Value missing = class_lookup(d->obj.cls, str_intern_cstr(vm, "__missing__"));
        if (!IS_EMPTY(missing)) {
            Value args[2] = {OBJ_VAL(d), key};
            return vm_call(vm, missing, args, 2, NULL, out);
        }
    }
    return exception_raise_key_error(vm, key);
}

bool dict_pop(VM *vm, ObjDict *d, Value key, Value *out, bool *found)
{
    uint64_t hash;
    if (!op_hash(vm, key, &hash)) return false;
    int32_t ix;
    uint32_t slot;
    if (!dict_table_find(vm, &d->table, key, hash, &ix, &slot)) return false;
    *found = ix >= 0;
    if (ix >= 0) {
        *out = d->table.entries[ix].value;
        dict_table_remove_entry(&d->table, ix);
    }
    return true;
}

/* ---- methods ------------------------------------------------------------ */

static bool check(VM *vm, Value *args, int nargs, const char *method)
{
    return ma_self(vm, args, nargs, vm->c.dict, method);
}

/* dict(...) : the class is args[0]. An exact dict is filled here; a subclass
 * is filled by dict.__init__. */
static bool m_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (nargs < 1 || !IS_CLASS(args[0]))
        return vm_raise(vm, vm->c.TypeError, "dict.__new__(X): X is not a type object");
    ObjClass *cls = AS_CLASS(args[0]);
    if (!class_is_subclass(cls, vm->c.dict))
        return vm_raise(vm, vm->c.TypeError, "dict.__new__(%s): %s is not a subtype of dict",
                        cls->name->data, cls->name->data);
    ObjDict *d = gc_alloc_object(vm, sizeof(ObjDict), OBJ_DICT, cls);
    if (cls == vm->c.dict) {
        if (!ma_range(vm, "dict", nargs - 1, 0, 1)) return false;
        vm_push_root(vm, OBJ_VAL(d));
        bool ok = (nargs < 2 || dict_update_from(vm, d, args[1])) &&
                  update_from_kwargs(vm, d, args + nargs, kwnames);
        vm_pop_root(vm, 1);
        if (!ok) return false;
    }
    *out = OBJ_VAL(d);
    return true;
}

static bool m_init(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "__init__")) return false;
    *out = NONE_VAL;
    ObjDict *d = AS_DICT(args[0]);
    if (d->obj.cls == vm->c.dict) return true;
    if (!ma_range(vm, "dict", nargs - 1, 0, 1)) return false;
    return (nargs < 2 || dict_update_from(vm, d, args[1])) &&
           update_from_kwargs(vm, d, args + nargs, kwnames);
}

static bool m_get(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "get") || !ma_no_kw(vm, kwnames, "dict.get") ||
        !ma_range(vm, "get", nargs - 1, 1, 2))
        return false;
    bool found;
    if (!dict_get(vm, AS_DICT(args[0]), args[1], out, &found)) return false;
    if (!found) *out = nargs > 2 ? args[2] : NONE_VAL;
    return true;
}

static bool view(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, const char *name,
                 const char *qual, IterVariant variant)
{
    if (!check(vm, args, nargs, name) || !ma_none(vm, nargs - 1, kwnames, qual)) return false;
    *out = OBJ_VAL(dict_view_new(vm, AS_DICT(args[0]), variant));
    return true;
}

static bool m_keys(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return view(vm, args, nargs, kwnames, out, "keys", "dict.keys", ITER_VIEW_KEYS);
}

static bool m_values(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return view(vm, args, nargs, kwnames, out, "values", "dict.values", ITER_VIEW_VALUES);
}

static bool m_items(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return view(vm, args, nargs, kwnames, out, "items", "dict.items", ITER_VIEW_ITEMS);
}

static bool m_pop(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "pop") || !ma_no_kw(vm, kwnames, "dict.pop") ||
        !ma_range(vm, "pop", nargs - 1, 1, 2))
        return false;
    bool found;
    if (!dict_pop(vm, AS_DICT(args[0]), args[1], out, &found)) return false;
    if (found) return true;
    if (nargs > 2) {
        *out = args[2];
        return true;
    }
    return exception_raise_key_error(vm, args[1]);
}

static bool m_popitem(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "popitem") || !ma_none(vm, nargs - 1, kwnames, "dict.popitem"))
        return false;
    DictTable *t = &AS_DICT(args[0])->table;
    if (t->len == 0) {
        Value msg = OBJ_VAL(str_from_cstr(vm, "popitem(): dictionary is empty"));
        return exception_raise_key_error(vm, msg);
    }
    int32_t ix = (int32_t)t->used - 1;
    while (IS_EMPTY(t->entries[ix].key)) ix--;
    Value kv[2] = {t->entries[ix].key, t->entries[ix].value};
    ObjTuple *pair = tuple_new(vm, kv, 2); /* kv is still held by the dict */
    dict_table_remove_entry(t, ix);
    t->used = (uint32_t)ix; /* the tail is free again, as CPython does */
    *out = OBJ_VAL(pair);
    return true;
}

static bool m_setdefault(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "setdefault") || !ma_no_kw(vm, kwnames, "dict.setdefault") ||
        !ma_range(vm, "setdefault", nargs - 1, 1, 2))
        return false;
    ObjDict *d = AS_DICT(args[0]);
    uint64_t hash;
    if (!op_hash(vm, args[1], &hash)) return false;
    int32_t ix;
    uint32_t slot;
    if (!dict_table_find(vm, &d->table, args[1], hash, &ix, &slot)) return false;
    if (ix >= 0) {
        *out = d->table.entries[ix].value;
        return true;
    }
    *out = nargs > 2 ? args[2] : NONE_VAL;
    dict_table_insert_new(vm, &d->table, args[1], hash, *out);
    return true;
}

static bool m_update(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "update") || !ma_range(vm, "update", nargs - 1, 0, 1))
        return false;
    ObjDict *d = AS_DICT(args[0]);
    if (nargs > 1 && !dict_update_from(vm, d, args[1])) return false;
    if (!update_from_kwargs(vm, d, args + nargs, kwnames)) return false;
    *out = NONE_VAL;
    return true;
}

static bool m_copy(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "copy") || !ma_none(vm, nargs - 1, kwnames, "dict.copy"))
        return false;
    *out = OBJ_VAL(dict_copy(vm, AS_DICT(args[0])));
    return true;
}

static bool m_clear(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "clear") || !ma_none(vm, nargs - 1, kwnames, "dict.clear"))
        return false;
    dict_table_clear(vm, &AS_DICT(args[0])->table);
    *out = NONE_VAL;
    return true;
}

/* dict.fromkeys(iterable, value=None), a classmethod: args[0] is the class. */
static bool m_fromkeys(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_no_kw(vm, kwnames, "dict.fromkeys") || !ma_range(vm, "fromkeys", nargs - 1, 1, 2))
        return false;
    Value cls = args[0];
    Value value = nargs > 2 ? args[2] : NONE_VAL;
    Value d;
    if (IS_CLASS(cls) && AS_CLASS(cls) == vm->c.dict) {
        d = OBJ_VAL(dict_new(vm));
    } else if (!vm_call(vm, cls, NULL, 0, NULL, &d)) {
        return false;
    }
    vm_push_root(vm, d);
    bool exact = IS_DICT(d) && AS_OBJ(d)->cls == vm->c.dict;
    Value it;
    bool ok = iter_get(vm, args[1], &it);
    if (ok) {
        vm_push_root(vm, it);
        for (;;) {
            Value k;
            bool done;
            if (!iter_step(vm, it, &k, &done)) {
                ok = false;
                break;
            }
            if (done) break;
            vm_push_root(vm, k);
            ok = exact ? dict_set(vm, AS_DICT(d), k, value) : op_setitem(vm, d, k, value);
            vm_pop_root(vm, 1);
            if (!ok) break;
        }
        vm_pop_root(vm, 1);
    }
    vm_pop_root(vm, 1);
    *out = d;
    return ok;
}

static bool m_len(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "__len__") || !ma_none(vm, nargs - 1, kwnames, "dict.__len__"))
        return false;
    *out = INT_VAL(AS_DICT(args[0])->table.len);
    return true;
}

static bool m_contains(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "__contains__") ||
        !ma_one(vm, nargs - 1, kwnames, "dict.__contains__"))
        return false;
    bool found;
    Value v;
    if (!dict_get(vm, AS_DICT(args[0]), args[1], &v, &found)) return false;
    *out = BOOL_VAL(found);
    return true;
}

static bool m_getitem(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "__getitem__") ||
        !ma_one(vm, nargs - 1, kwnames, "dict.__getitem__"))
        return false;
    return dict_getitem(vm, AS_DICT(args[0]), args[1], out);
}

static bool m_setitem(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "__setitem__") || !ma_no_kw(vm, kwnames, "dict.__setitem__") ||
        !ma_range(vm, "__setitem__", nargs - 1, 2, 2))
        return false;
    if (!dict_set(vm, AS_DICT(args[0]), args[1], args[2])) return false;
    *out = NONE_VAL;
    return true;
}

static bool m_delitem(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "__delitem__") ||
        !ma_one(vm, nargs - 1, kwnames, "dict.__delitem__"))
        return false;
    bool found;
    if (!dict_del(vm, AS_DICT(args[0]), args[1], &found)) return false;
    if (!found) return exception_raise_key_error(vm, args[1]);
    *out = NONE_VAL;
    return true;
}

static bool m_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "__iter__") || !ma_none(vm, nargs - 1, kwnames, "dict.__iter__"))
        return false;
    bool found;
    return iter_for_layout(vm, args[0], out, &found);
}

static bool m_reversed(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check(vm, args, nargs, "__reversed__") ||
        !ma_none(vm, nargs - 1, kwnames, "dict.__reversed__"))
        return false;
    return iter_reversed(vm, args[0], out);
}

void dict_install(VM *vm)
{
    ObjClass *c = vm->c.dict;
    ObjDict *d = c->dict;
    vm_define_native(vm, d, "__new__", m_new, NULL);
    vm_define_native(vm, d, "__init__", m_init, c);
    vm_define_native(vm, d, "get", m_get, c);
    vm_define_native(vm, d, "keys", m_keys, c);
    vm_define_native(vm, d, "values", m_values, c);
    vm_define_native(vm, d, "items", m_items, c);
    vm_define_native(vm, d, "pop", m_pop, c);
    vm_define_native(vm, d, "popitem", m_popitem, c);
    vm_define_native(vm, d, "setdefault", m_setdefault, c);
    vm_define_native(vm, d, "update", m_update, c);
    vm_define_native(vm, d, "copy", m_copy, c);
    vm_define_native(vm, d, "clear", m_clear, c);
    vm_define_native(vm, d, "__len__", m_len, c);
    vm_define_native(vm, d, "__contains__", m_contains, c);
    vm_define_native(vm, d, "__getitem__", m_getitem, c);
    vm_define_native(vm, d, "__setitem__", m_setitem, c);
    vm_define_native(vm, d, "__delitem__", m_delitem, c);
    vm_define_native(vm, d, "__iter__", m_iter, c);
    vm_define_native(vm, d, "__reversed__", m_reversed, c);
    /* fromkeys is a classmethod: dict.fromkeys(seq) and d.fromkeys(seq) both get the class. */
    ObjNative *fk = native_new(vm, "fromkeys", m_fromkeys, NULL);
    vm_push_root(vm, OBJ_VAL(fk));
    ObjDescriptor *cm = descriptor_new(vm, vm->c.classmethod, OBJ_VAL(fk));
    vm_push_root(vm, OBJ_VAL(cm));
    dict_set_str(vm, d, fk->name, OBJ_VAL(cm));
    vm_pop_root(vm, 2);
}
