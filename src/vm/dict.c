/* dict.c: insertion-ordered hash tables (CPython's compact dict layout): an
 * entry array in insertion order and a sparse index of int32 into it. */
#include "dict.h"

#include <string.h>

#include "gc.h"
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

/* Compact the entries (dropping deleted ones) and rebuild the index so that
 * at least `need` entries fit. */
static void table_resize(VM *vm, DictTable *t, uint32_t need)
{
    uint32_t entry_cap = need < 8 ? 8 : need;
    uint32_t index_cap = 8;
    while (index_cap * 2 < entry_cap * 3) index_cap *= 2;
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
    t->index = gc_realloc(vm, NULL, 0, index_cap * sizeof(int32_t));
    memset(t->index, 0xff, index_cap * sizeof(int32_t)); /* all INDEX_FREE */
    for (uint32_t k = 0; k < n; k++) t->index[free_slot_for(t, entries[k].hash)] = (int32_t)k;
}

void dict_table_insert_new(VM *vm, DictTable *t, Value key, uint64_t hash, Value value)
{
    if (t->used == t->entry_cap) {
        /* Grow when live entries fill the array; compact when deletions do. */
        uint32_t need = t->len * 2 > t->used ? t->len * 2 : t->used;
        table_resize(vm, t, need + 1 > 8 ? need + 1 : 8);
    }
    uint32_t ix = t->used++;
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
}

/* ---- the object-level API (object.h) --------------------------------------- */

bool dict_get(VM *vm, ObjDict *d, Value key, Value *out, bool *found)
{
    uint64_t hash;
    if (!op_hash(vm, key, &hash)) return false;
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
    if (!op_hash(vm, key, &hash)) return false;
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

void dict_set_str(VM *vm, ObjDict *d, ObjStr *key, Value value)
{
    int32_t ix = dict_find_str(d, key);
    if (ix >= 0) {
        d->table.entries[ix].value = value;
        return;
    }
    dict_table_insert_new(vm, &d->table, OBJ_VAL(key), str_hash(key), value);
}

void dict_install(VM *vm)
{
    (void)vm;
}
