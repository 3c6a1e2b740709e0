/* set.c: set and frozenset. The table is CPython's set table (table size 8
 * to start, 9 linear probes then perturbation, dummies on delete, resize at
 * 60% fill), and the operations insert in the order CPython's do, so a set
 * prints its items in CPython's order. */
#include "set.h"

#include <string.h>

#include "dict.h"
#include "gc.h"
#include "iter.h"
#include "method_args.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define SET_MINSIZE 8
#define DUMMY_KEY ((Value){VAL_EMPTY, {.i = 1}})

static inline bool is_active(const SetEntry *e)
{
    return e->key.tag != VAL_EMPTY;
}

static inline bool is_unused(const SetEntry *e)
{
    return e->key.tag == VAL_EMPTY && e->key.as.i == 0;
}

static SetEntry *alloc_table(VM *vm, uint64_t size)
{
    SetEntry *t = gc_realloc(vm, NULL, 0, size * sizeof(SetEntry));
    memset(t, 0, size * sizeof(SetEntry));
    return t;
}

static void free_table(VM *vm, SetEntry *t, uint32_t mask)
{
    gc_realloc(vm, t, ((size_t)mask + 1) * sizeof(SetEntry), 0);
}

static ObjSet *new_of_class(VM *vm, ObjClass *cls, bool frozen)
{
    ObjSet *s = gc_alloc_object(vm, sizeof(ObjSet), OBJ_SET, cls);
    if (frozen) s->obj.flags |= SET_FROZEN;
    s->table = alloc_table(vm, SET_MINSIZE);
    s->mask = SET_MINSIZE - 1;
    return s;
}

ObjSet *set_new(VM *vm, bool frozen)
{
    return new_of_class(vm, frozen ? vm->c.frozenset : vm->c.set, frozen);
}

/* A new empty set of the base type of s (set or frozenset). */
static ObjSet *new_like(VM *vm, ObjSet *s)
{
    return set_new(vm, SET_IS_FROZEN(s));
}

static bool hash_of(VM *vm, Value key, uint64_t *hash)
{
    if (IS_STR(key)) {
        *hash = str_hash(AS_STR(key));
        return true;
    }
    return op_hash(vm, key, hash);
}

/* stored == key, their hashes being equal. *called: Python code may have run. */
static bool keys_equal(VM *vm, Value stored, Value key, bool *eq, bool *called)
{
    if (value_is(stored, key)) {
        *eq = true;
        return true;
    }
    if (IS_STR(stored) && IS_STR(key)) {
        *eq = str_equal(AS_STR(stored), AS_STR(key));
        return true;
    }
    if (IS_INT(stored) && IS_INT(key)) {
        *eq = false;
        return true;
    }
    *called = true;
    vm_push_root(vm, stored);
    vm_push_root(vm, key);
    bool ok = op_eq(vm, stored, key, eq);
    vm_pop_root(vm, 2);
    return ok;
}

/* Find key: *slot is its entry, or -1 when absent. */
static bool lookup(VM *vm, ObjSet *s, Value key, uint64_t hash, int64_t *slot)
{
restart:;
    SetEntry *table = s->table;
    uint64_t mask = s->mask;
    uint64_t perturb = hash;
    uint64_t i = hash & mask;
    for (;;) {
        uint64_t j = i;
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            SetEntry *e = &table[j];
            if (is_unused(e)) {
                *slot = -1;
                return true;
            }
            if (is_active(e) && e->hash == hash) {
                Value start = e->key;
                bool eq = false, called = false;
                if (!keys_equal(vm, start, key, &eq, &called)) return false;
                if (called && (s->table != table || s->mask != mask || !value_is(table[j].key, start)))
                    goto restart;
                if (eq) {
                    *slot = (int64_t)j;
                    return true;
                }
            }
            j++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Put a key known to be absent into a table without dummies. */
static void insert_clean(SetEntry *table, uint64_t mask, Value key, uint64_t hash)
{
    uint64_t perturb = hash;
    uint64_t i = hash & mask;
    for (;;) {
        if (is_unused(&table[i])) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (uint64_t j = 1; j <= LINEAR_PROBES; j++) {
                if (is_unused(&table[i + j])) {
                    i += j;
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    table[i].key = key;
    table[i].hash = hash;
}

/* Rebuild the table with the smallest power-of-two size above minused. */
static void table_resize(VM *vm, ObjSet *s, uint64_t minused)
{
    uint64_t newsize = SET_MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    if (newsize == SET_MINSIZE && s->mask == SET_MINSIZE - 1 && s->fill == s->used) return;
    SetEntry *old = s->table;
    uint32_t oldmask = s->mask;
    SetEntry *nt = alloc_table(vm, newsize);
    for (uint64_t k = 0; k <= oldmask; k++)
        if (is_active(&old[k])) insert_clean(nt, newsize - 1, old[k].key, old[k].hash);
    s->table = nt;
    s->mask = (uint32_t)(newsize - 1);
    s->fill = s->used;
    free_table(vm, old, oldmask);
}

static bool add_entry(VM *vm, ObjSet *s, Value key, uint64_t hash)
{
restart:;
    SetEntry *table = s->table;
    uint64_t mask = s->mask;
    uint64_t perturb = hash;
    uint64_t i = hash & mask;
    SetEntry *freeslot = NULL;
    SetEntry *e;
    for (;;) {
        uint64_t j = i;
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            e = &table[j];
            if (is_unused(e)) goto found_unused;
            if (is_active(e)) {
                if (e->hash == hash) {
                    Value start = e->key;
                    bool eq = false, called = false;
                    if (!keys_equal(vm, start, key, &eq, &called)) return false;
                    if (eq) return true;
                    if (called &&
                        (s->table != table || s->mask != mask || !value_is(table[j].key, start)))
                        goto restart;
                }
            } else {
                freeslot = e; /* CPython reuses the last dummy on the path */
            }
            j++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    if (freeslot != NULL) {
        s->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return true;
    }
    s->fill++;
    s->used++;
    e->key = key;
    e->hash = hash;
    if ((uint64_t)s->fill * 5 < mask * 3) return true;
    table_resize(vm, s, s->used > 50000 ? (uint64_t)s->used * 2 : (uint64_t)s->used * 4);
    return true;
}

/* Remove key with a known hash; *found says whether it was there. */
static bool discard_entry(VM *vm, ObjSet *s, Value key, uint64_t hash, bool *found)
{
    int64_t slot;
    if (!lookup(vm, s, key, hash, &slot)) return false;
    *found = slot >= 0;
    if (slot >= 0) {
        s->table[slot].key = DUMMY_KEY;
        s->table[slot].hash = UINT64_MAX;
        s->used--;
    }
    return true;
}

static bool contains_entry(VM *vm, ObjSet *s, Value key, uint64_t hash, bool *found)
{
    int64_t slot;
    if (!lookup(vm, s, key, hash, &slot)) return false;
    *found = slot >= 0;
    return true;
}

/* A set used as a key or member is looked up as the frozenset of its items
 * (CPython: `{1} in {frozenset({1})}` is True). */
static bool key_hash(VM *vm, Value key, uint64_t *hash)
{
    if (IS_SET(key) && !SET_IS_FROZEN(AS_SET(key))) {
        *hash = set_frozen_hash(AS_SET(key));
        return true;
    }
    return hash_of(vm, key, hash);
}

bool set_add(VM *vm, ObjSet *s, Value key)
{
    uint64_t hash;
    if (!hash_of(vm, key, &hash)) return false;
    vm_push_root(vm, key);
    bool ok = add_entry(vm, s, key, hash);
    vm_pop_root(vm, 1);
    return ok;
}

bool set_contains(VM *vm, ObjSet *s, Value key, bool *found)
{
    uint64_t hash;
    if (IS_SET(key) && !SET_IS_FROZEN(AS_SET(key))) {
        if (!key_hash(vm, key, &hash)) return false;
    } else if (!hash_of(vm, key, &hash)) {
        return false;
    }
    return contains_entry(vm, s, key, hash, found);
}

bool set_discard(VM *vm, ObjSet *s, Value key, bool *found)
{
    uint64_t hash;
    if (IS_SET(key) && !SET_IS_FROZEN(AS_SET(key))) {
        if (!key_hash(vm, key, &hash)) return false;
    } else if (!hash_of(vm, key, &hash)) {
        return false;
    }
    return discard_entry(vm, s, key, hash, found);
}

bool set_next(const ObjSet *s, uint32_t *pos, Value *key)
{
    uint64_t i = *pos;
    while (i <= s->mask && !is_active(&s->table[i])) i++;
    if (i > s->mask) {
        *pos = s->mask + 1;
        return false;
    }
    *pos = (uint32_t)(i + 1);
    *key = s->table[i].key;
    return true;
}

static void clear_internal(VM *vm, ObjSet *s)
{
    SetEntry *old = s->table;
    uint32_t oldmask = s->mask;
    s->table = alloc_table(vm, SET_MINSIZE);
    s->mask = SET_MINSIZE - 1;
    s->fill = s->used = 0;
    free_table(vm, old, oldmask);
}

/* Exchange the contents of two sets (intersection_update). */
static void swap_bodies(ObjSet *a, ObjSet *b)
{
    SetEntry *t = a->table;
    a->table = b->table;
    b->table = t;
    uint32_t u;
    u = a->mask, a->mask = b->mask, b->mask = u;
    u = a->fill, a->fill = b->fill, b->fill = u;
    u = a->used, a->used = b->used, b->used = u;
}

/* so |= other for two sets, the way CPython merges tables. */
static bool merge(VM *vm, ObjSet *so, ObjSet *other)
{
    if (other == so || other->used == 0) return true;
    if (((uint64_t)so->fill + other->used) * 5 >= (uint64_t)so->mask * 3)
        table_resize(vm, so, ((uint64_t)so->used + other->used) * 2);
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (uint64_t i = 0; i <= other->mask; i++)
            if (is_active(&other->table[i])) so->table[i] = other->table[i];
        so->fill = other->fill;
        so->used = other->used;
        return true;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (uint64_t i = 0; i <= other->mask; i++)
            if (is_active(&other->table[i]))
                insert_clean(so->table, so->mask, other->table[i].key, other->table[i].hash);
        return true;
    }
    vm_push_root(vm, OBJ_VAL(other));
    bool ok = true;
    for (uint64_t i = 0; ok && i <= other->mask; i++) {
        SetEntry e = other->table[i];
        if (!is_active(&e)) continue;
        vm_push_root(vm, e.key);
        ok = add_entry(vm, so, e.key, e.hash);
        vm_pop_root(vm, 1);
    }
    vm_pop_root(vm, 1);
    return ok;
}

/* so.update(other) for one argument of any kind. */
static bool update_internal(VM *vm, ObjSet *so, Value other)
{
    if (IS_SET(other)) return merge(vm, so, AS_SET(other));
    vm_push_root(vm, OBJ_VAL(so));
    vm_push_root(vm, other);
    bool ok = true;
    if (IS_DICT(other) && AS_OBJ(other)->cls == vm->c.dict) {
        DictTable *t = &AS_DICT(other)->table;
        if (((uint64_t)so->fill + t->len) * 5 >= (uint64_t)so->mask * 3)
            table_resize(vm, so, ((uint64_t)so->used + t->len) * 2);
        for (uint32_t i = 0; ok && i < t->used; i++) {
            DictEntry e = t->entries[i];
            if (IS_EMPTY(e.key)) continue;
            vm_push_root(vm, e.key);
            ok = add_entry(vm, so, e.key, e.hash);
            vm_pop_root(vm, 1);
        }
    } else if (IS_LIST(other) || IS_TUPLE(other)) {
        for (uint32_t i = 0; ok; i++) {
            Value v;
            if (IS_LIST(other)) {
                if (i >= AS_LIST(other)->len) break;
                v = AS_LIST(other)->items[i];
            } else {
                if (i >= AS_TUPLE(other)->len) break;
                v = AS_TUPLE(other)->items[i];
            }
            ok = set_add(vm, so, v);
        }
    } else {
        Value it;
        ok = iter_get(vm, other, &it);
        if (ok) {
            vm_push_root(vm, it);
            for (;;) {
                Value v;
                bool done;
                if (!iter_step(vm, it, &v, &done)) {
                    ok = false;
                    break;
                }
                if (done) break;
                if (!set_add(vm, so, v)) {
                    ok = false;
                    break;
                }
            }
            vm_pop_root(vm, 1);
        }
    }
    vm_pop_root(vm, 2);
    return ok;
}

bool set_update(VM *vm, ObjSet *s, Value iterable)
{
    return update_internal(vm, s, iterable);
}

bool set_from_iterable(VM *vm, Value iterable, bool frozen, ObjSet **out)
{
    vm_push_root(vm, iterable);
    ObjSet *s = set_new(vm, frozen);
    vm_push_root(vm, OBJ_VAL(s));
    bool ok = IS_EMPTY(iterable) || IS_NONE(iterable) || update_internal(vm, s, iterable);
    vm_pop_root(vm, 2);
    *out = s;
    return ok;
}

ObjSet *set_copy(VM *vm, ObjSet *s, bool frozen)
{
    vm_push_root(vm, OBJ_VAL(s));
    ObjSet *r = set_new(vm, frozen);
    merge(vm, r, s); /* r is empty: never runs Python code */
    vm_pop_root(vm, 1);
    return r;
}

/* ---- the algebra -------------------------------------------------------- */

static bool intersection(VM *vm, ObjSet *so, Value other, ObjSet **out)
{
    if (IS_SET(other) && AS_SET(other) == so) {
        *out = set_copy(vm, so, SET_IS_FROZEN(so));
        return true;
    }
    vm_push_root(vm, OBJ_VAL(so));
    vm_push_root(vm, other);
    ObjSet *result = new_like(vm, so);
    vm_push_root(vm, OBJ_VAL(result));
    bool ok = true;
    if (IS_SET(other)) {
        ObjSet *a = so, *b = AS_SET(other);
        if (b->used > a->used) {
            ObjSet *t = a;
            a = b;
            b = t;
        }
        uint32_t pos = 0;
        Value key;
        while (ok && set_next(b, &pos, &key)) {
            uint64_t hash = b->table[pos - 1].hash;
            bool found;
            vm_push_root(vm, key);
            ok = contains_entry(vm, a, key, hash, &found);
            if (ok && found) ok = add_entry(vm, result, key, hash);
            vm_pop_root(vm, 1);
        }
    } else {
        Value it;
        ok = iter_get(vm, other, &it);
        if (ok) {
            vm_push_root(vm, it);
            for (;;) {
                Value key;
                bool done, found;
                uint64_t hash;
                if (!iter_step(vm, it, &key, &done)) {
                    ok = false;
                    break;
                }
                if (done) break;
                vm_push_root(vm, key);
                ok = key_hash(vm, key, &hash) && contains_entry(vm, so, key, hash, &found) &&
                     (!found || add_entry(vm, result, key, hash));
                vm_pop_root(vm, 1);
                if (!ok) break;
                if (found && result->used >= so->used) break;
            }
            vm_pop_root(vm, 1);
        }
    }
    vm_pop_root(vm, 3);
    *out = result;
    return ok;
}

static bool difference_update_internal(VM *vm, ObjSet *so, Value other)
{
    if (IS_SET(other) && AS_SET(other) == so) {
        clear_internal(vm, so);
        return true;
    }
    vm_push_root(vm, OBJ_VAL(so));
    vm_push_root(vm, other);
    bool ok = true;
    if (IS_SET(other)) {
        ObjSet *o = AS_SET(other);
        if ((o->used >> 3) > so->used) {
            ok = intersection(vm, so, other, &o);
            vm_push_root(vm, OBJ_VAL(o));
        } else {
            vm_push_root(vm, OBJ_VAL(o));
        }
        uint32_t pos = 0;
        Value key;
        while (ok && set_next(o, &pos, &key)) {
            bool found;
            vm_push_root(vm, key);
            ok = discard_entry(vm, so, key, o->table[pos - 1].hash, &found);
            vm_pop_root(vm, 1);
        }
        vm_pop_root(vm, 1);
    } else {
        Value it;
        ok = iter_get(vm, other, &it);
        if (ok) {
            vm_push_root(vm, it);
            for (;;) {
                Value key;
                bool done, found;
                if (!iter_step(vm, it, &key, &done)) {
                    ok = false;
                    break;
                }
                if (done) break;
                vm_push_root(vm, key);
                ok = set_discard(vm, so, key, &found);
                vm_pop_root(vm, 1);
                if (!ok) break;
            }
            vm_pop_root(vm, 1);
        }
    }
    vm_pop_root(vm, 2);
    if (!ok) return false;
    if ((uint64_t)(so->fill - so->used) <= (uint64_t)so->mask / 4) return true;
    table_resize(vm, so, so->used > 50000 ? (uint64_t)so->used * 2 : (uint64_t)so->used * 4);
    return true;
}

static bool copy_and_difference(VM *vm, ObjSet *so, Value other, ObjSet **out)
{
    vm_push_root(vm, other);
    ObjSet *r = set_copy(vm, so, SET_IS_FROZEN(so));
    vm_push_root(vm, OBJ_VAL(r));
    bool ok = difference_update_internal(vm, r, other);
    vm_pop_root(vm, 2);
    *out = r;
    return ok;
}

static bool difference(VM *vm, ObjSet *so, Value other, ObjSet **out)
{
    uint64_t other_size;
    bool exact_dict = IS_DICT(other) && AS_OBJ(other)->cls == vm->c.dict;
    if (IS_SET(other))
        other_size = AS_SET(other)->used;
    else if (exact_dict)
        other_size = AS_DICT(other)->table.len;
    else
        return copy_and_difference(vm, so, other, out);
    if ((so->used >> 2) > other_size) return copy_and_difference(vm, so, other, out);
    vm_push_root(vm, OBJ_VAL(so));
    vm_push_root(vm, other);
    ObjSet *result = new_like(vm, so);
    vm_push_root(vm, OBJ_VAL(result));
    bool ok = true;
    uint32_t pos = 0;
    Value key;
    while (ok && set_next(so, &pos, &key)) {
        uint64_t hash = so->table[pos - 1].hash;
        bool found = false;
        vm_push_root(vm, key);
        if (exact_dict) {
            int32_t ix;
            uint32_t slot;
            ok = dict_table_find(vm, &AS_DICT(other)->table, key, hash, &ix, &slot);
            found = ix >= 0;
        } else {
            ok = contains_entry(vm, AS_SET(other), key, hash, &found);
        }
        if (ok && !found) ok = add_entry(vm, result, key, hash);
        vm_pop_root(vm, 1);
    }
    vm_pop_root(vm, 3);
    *out = result;
    return ok;
}

static bool symmetric_difference_update(VM *vm, ObjSet *so, Value other)
{
    if (IS_SET(other) && AS_SET(other) == so) {
        clear_internal(vm, so);
        return true;
    }
    vm_push_root(vm, OBJ_VAL(so));
    vm_push_root(vm, other);
    bool ok = true;
    if (IS_DICT(other) && AS_OBJ(other)->cls == vm->c.dict) {
        DictTable *t = &AS_DICT(other)->table;
        for (uint32_t i = 0; ok && i < t->used; i++) {
            DictEntry e = t->entries[i];
            if (IS_EMPTY(e.key)) continue;
            bool found;
            vm_push_root(vm, e.key);
            ok = discard_entry(vm, so, e.key, e.hash, &found) &&
                 (found || add_entry(vm, so, e.key, e.hash));
            vm_pop_root(vm, 1);
        }
        vm_pop_root(vm, 2);
        return ok;
    }
    ObjSet *o;
    if (IS_SET(other)) {
        o = AS_SET(other);
    } else {
        ok = set_from_iterable(vm, other, SET_IS_FROZEN(so), &o);
    }
    vm_push_root(vm, OBJ_VAL(o));
    uint32_t pos = 0;
    Value key;
    while (ok && set_next(o, &pos, &key)) {
        uint64_t hash = o->table[pos - 1].hash;
        bool found;
        vm_push_root(vm, key);
        ok = discard_entry(vm, so, key, hash, &found) && (found || add_entry(vm, so, key, hash));
        vm_pop_root(vm, 1);
    }
    vm_pop_root(vm, 3);
    return ok;
}

static bool symmetric_difference(VM *vm, ObjSet *so, Value other, ObjSet **out)
{
    vm_push_root(vm, OBJ_VAL(so));
    ObjSet *r;
    bool ok = set_from_iterable(vm, other, SET_IS_FROZEN(so), &r);
    vm_push_root(vm, OBJ_VAL(r));
    ok = ok && symmetric_difference_update(vm, r, OBJ_VAL(so));
    vm_pop_root(vm, 2);
    *out = r;
    return ok;
}

static bool issubset(VM *vm, ObjSet *so, ObjSet *other, bool *out)
{
    if (so->used > other->used) {
        *out = false;
        return true;
    }
    vm_push_root(vm, OBJ_VAL(so));
    vm_push_root(vm, OBJ_VAL(other));
    bool ok = true;
    *out = true;
    uint32_t pos = 0;
    Value key;
    while (set_next(so, &pos, &key)) {
        bool found;
        vm_push_root(vm, key);
        ok = contains_entry(vm, other, key, so->table[pos - 1].hash, &found);
        vm_pop_root(vm, 1);
        if (!ok) break;
        if (!found) {
            *out = false;
            break;
        }
    }
    vm_pop_root(vm, 2);
    return ok;
}

/* A set of the items of v (v itself when it is a set), rooted by the caller. */
static bool as_set(VM *vm, Value v, ObjSet **out)
{
    if (IS_SET(v)) {
        *out = AS_SET(v);
        return true;
    }
    return set_from_iterable(vm, v, false, out);
}

bool set_or(VM *vm, ObjSet *a, ObjSet *b, Value *out)
{
    vm_push_root(vm, OBJ_VAL(b));
    ObjSet *r = set_copy(vm, a, SET_IS_FROZEN(a));
    vm_push_root(vm, OBJ_VAL(r));
    bool ok = a == b || merge(vm, r, b);
    vm_pop_root(vm, 2);
    *out = OBJ_VAL(r);
    return ok;
}

bool set_and(VM *vm, ObjSet *a, ObjSet *b, Value *out)
{
    ObjSet *r;
    bool ok = intersection(vm, a, OBJ_VAL(b), &r);
    *out = OBJ_VAL(r);
    return ok;
}

bool set_sub(VM *vm, ObjSet *a, ObjSet *b, Value *out)
{
    ObjSet *r;
    bool ok = difference(vm, a, OBJ_VAL(b), &r);
    *out = OBJ_VAL(r);
    return ok;
}

bool set_xor(VM *vm, ObjSet *a, ObjSet *b, Value *out)
{
    ObjSet *r;
    bool ok = symmetric_difference(vm, a, OBJ_VAL(b), &r);
    *out = OBJ_VAL(r);
    return ok;
}

bool set_ior(VM *vm, ObjSet *a, ObjSet *b)
{
    return merge(vm, a, b);
}

bool set_iand(VM *vm, ObjSet *a, ObjSet *b)
{
    ObjSet *r;
    vm_push_root(vm, OBJ_VAL(a));
    bool ok = intersection(vm, a, OBJ_VAL(b), &r);
    if (ok) swap_bodies(a, r);
    vm_pop_root(vm, 1);
    return ok;
}

bool set_isub(VM *vm, ObjSet *a, ObjSet *b)
{
    return difference_update_internal(vm, a, OBJ_VAL(b));
}

bool set_ixor(VM *vm, ObjSet *a, ObjSet *b)
{
    return symmetric_difference_update(vm, a, OBJ_VAL(b));
}

bool set_method_op(VM *vm, ObjSet *s, BinaryOp op, Value other, Value *out)
{
    ObjSet *r = NULL;
    bool ok;
    switch (op) {
    case BINOP_OR:
        vm_push_root(vm, other);
        r = set_copy(vm, s, SET_IS_FROZEN(s));
        vm_push_root(vm, OBJ_VAL(r));
        ok = (IS_SET(other) && AS_SET(other) == s) || update_internal(vm, r, other);
        vm_pop_root(vm, 2);
        break;
    case BINOP_AND: ok = intersection(vm, s, other, &r); break;
    case BINOP_SUB: ok = difference(vm, s, other, &r); break;
    case BINOP_XOR: ok = symmetric_difference(vm, s, other, &r); break;
    default: return vm_raise(vm, vm->c.TypeError, "unsupported set operation");
    }
    *out = OBJ_VAL(r);
    return ok;
}

bool set_method_update(VM *vm, ObjSet *s, BinaryOp op, Value other)
{
    switch (op) {
    case BINOP_OR: return update_internal(vm, s, other);
    case BINOP_AND: {
        ObjSet *r;
        vm_push_root(vm, OBJ_VAL(s));
        bool ok = intersection(vm, s, other, &r);
        if (ok) swap_bodies(s, r);
        vm_pop_root(vm, 1);
        return ok;
    }
    case BINOP_SUB: return difference_update_internal(vm, s, other);
    case BINOP_XOR: return symmetric_difference_update(vm, s, other);
    default: return vm_raise(vm, vm->c.TypeError, "unsupported set operation");
    }
}

bool set_compare(VM *vm, ObjSet *a, ObjSet *b, CompareOp op, bool *out)
{
    switch (op) {
    case CMP_EQ:
    case CMP_NE: {
        bool eq = false;
        if (a->used == b->used && !issubset(vm, a, b, &eq)) return false;
        *out = op == CMP_EQ ? eq : !eq;
        return true;
    }
    case CMP_LE: return issubset(vm, a, b, out);
    case CMP_GE: return issubset(vm, b, a, out);
    case CMP_LT:
        if (a->used >= b->used) {
            *out = false;
            return true;
        }
        return issubset(vm, a, b, out);
    case CMP_GT:
        if (a->used <= b->used) {
            *out = false;
            return true;
        }
        return issubset(vm, b, a, out);
    }
    *out = false;
    return true;
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

uint64_t set_frozen_hash(const ObjSet *s)
{
    uint64_t hash = 0;
    for (uint64_t i = 0; i <= s->mask; i++)
        if (is_active(&s->table[i])) hash ^= shuffle_bits(s->table[i].hash);
    hash ^= ((uint64_t)s->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == UINT64_MAX) hash = 590923713ULL;
    return hash;
}

bool set_repr(VM *vm, ObjSet *s, ObjStr **out)
{
    bool exact = s->obj.cls == vm->c.set;
    const char *name = s->obj.cls->name->data;
    StrBuf b = {0};
    if (s->used == 0) {
        sb_add_cstr(&b, name);
        sb_add_cstr(&b, "()");
        *out = sb_finish(vm, &b);
        return true;
    }
    /* Snapshot the items first: a repr may run Python code. */
    ObjList *items = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(items));
    uint32_t pos = 0;
    Value key;
    while (set_next(s, &pos, &key)) list_append(vm, items, key);
    if (!exact) {
        sb_add_cstr(&b, name);
        sb_add_cstr(&b, "(");
    }
    sb_add_cstr(&b, "{");
    for (uint32_t i = 0; i < items->len; i++) {
        ObjStr *r;
        if (!op_repr(vm, items->items[i], &r)) {
            sb_free(&b);
            vm_pop_root(vm, 1);
            return false;
        }
        if (i > 0) sb_add_cstr(&b, ", ");
        sb_add_str(&b, r);
    }
    sb_add_cstr(&b, exact ? "}" : "})");
    vm_pop_root(vm, 1);
    *out = sb_finish(vm, &b);
    return true;
}

/* ---- methods --------------------------------------------------------------- */

static bool check_self(VM *vm, Value *args, int nargs, const char *method)
{
    if (nargs >= 1 && IS_SET(args[0])) return true;
    return ma_self(vm, args, nargs, vm->c.set, method);
}

/* A method taking *others: every positional argument is an iterable. */
#define SELF_AND_NO_KW(method, qual)                                                               \
    if (!check_self(vm, args, nargs, method)) return false;                                       \
    if (!ma_no_kw(vm, kwnames, qual)) return false;                                                \
    ObjSet *self = AS_SET(args[0])

static bool m_add(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.set, "add") || !ma_one(vm, nargs - 1, kwnames, "set.add"))
        return false;
    if (!set_add(vm, AS_SET(args[0]), args[1])) return false;
    *out = NONE_VAL;
    return true;
}

static bool m_remove(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.set, "remove") ||
        !ma_one(vm, nargs - 1, kwnames, "set.remove"))
        return false;
    bool found;
    if (!set_discard(vm, AS_SET(args[0]), args[1], &found)) return false;
    if (!found) {
        Value k = args[1];
        vm_push_root(vm, k);
        ObjTuple *t = tuple_new(vm, &k, 1);
        vm_push_root(vm, OBJ_VAL(t));
        ObjException *e = exception_new(vm, vm->c.KeyError, t);
        vm_pop_root(vm, 2);
        return vm_raise_value(vm, OBJ_VAL(e));
    }
    *out = NONE_VAL;
    return true;
}

static bool m_discard(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.set, "discard") ||
        !ma_one(vm, nargs - 1, kwnames, "set.discard"))
        return false;
    bool found;
    if (!set_discard(vm, AS_SET(args[0]), args[1], &found)) return false;
    *out = NONE_VAL;
    return true;
}

static bool m_pop(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.set, "pop") || !ma_none(vm, nargs - 1, kwnames, "set.pop"))
        return false;
    ObjSet *s = AS_SET(args[0]);
    if (s->used == 0) {
        Value msg = OBJ_VAL(str_from_cstr(vm, "pop from an empty set"));
        vm_push_root(vm, msg);
        ObjTuple *t = tuple_new(vm, &msg, 1);
        vm_push_root(vm, OBJ_VAL(t));
        ObjException *e = exception_new(vm, vm->c.KeyError, t);
        vm_pop_root(vm, 2);
        return vm_raise_value(vm, OBJ_VAL(e));
    }
    uint64_t i = s->finger & s->mask;
    while (!is_active(&s->table[i])) i = i == s->mask ? 0 : i + 1;
    *out = s->table[i].key;
    s->table[i].key = DUMMY_KEY;
    s->table[i].hash = UINT64_MAX;
    s->used--;
    s->finger = (uint32_t)(i + 1);
    return true;
}

static bool m_clear(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.set, "clear") ||
        !ma_none(vm, nargs - 1, kwnames, "set.clear"))
        return false;
    clear_internal(vm, AS_SET(args[0]));
    *out = NONE_VAL;
    return true;
}

static bool m_copy(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "copy") || !ma_none(vm, nargs - 1, kwnames, "set.copy"))
        return false;
    ObjSet *s = AS_SET(args[0]);
    if (s->obj.cls == vm->c.frozenset) {
        *out = args[0];
        return true;
    }
    *out = OBJ_VAL(set_copy(vm, s, SET_IS_FROZEN(s)));
    return true;
}

static bool m_union(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF_AND_NO_KW("union", "set.union");
    ObjSet *r = set_copy(vm, self, SET_IS_FROZEN(self));
    vm_push_root(vm, OBJ_VAL(r));
    for (int i = 1; i < nargs; i++) {
        if (IS_SET(args[i]) && AS_SET(args[i]) == self) continue;
        if (!update_internal(vm, r, args[i])) {
            vm_pop_root(vm, 1);
            return false;
        }
    }
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(r);
    return true;
}

static bool intersection_multi(VM *vm, ObjSet *self, Value *others, int n, ObjSet **out)
{
    if (n == 0) {
        *out = set_copy(vm, self, SET_IS_FROZEN(self));
        return true;
    }
    ObjSet *result = self;
    for (int i = 0; i < n; i++) {
        vm_push_root(vm, OBJ_VAL(result));
        ObjSet *next;
        bool ok = intersection(vm, result, others[i], &next);
        vm_pop_root(vm, 1);
        if (!ok) return false;
        result = next;
    }
    *out = result;
    return true;
}

static bool m_intersection(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF_AND_NO_KW("intersection", "set.intersection");
    ObjSet *r;
    if (!intersection_multi(vm, self, args + 1, nargs - 1, &r)) return false;
    *out = OBJ_VAL(r);
    return true;
}

static bool m_intersection_update(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.set, "intersection_update") ||
        !ma_no_kw(vm, kwnames, "set.intersection_update"))
        return false;
    ObjSet *self = AS_SET(args[0]);
    ObjSet *r;
    if (!intersection_multi(vm, self, args + 1, nargs - 1, &r)) return false;
    swap_bodies(self, r);
    *out = NONE_VAL;
    return true;
}

static bool m_difference(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF_AND_NO_KW("difference", "set.difference");
    if (nargs == 1) {
        *out = OBJ_VAL(set_copy(vm, self, SET_IS_FROZEN(self)));
        return true;
    }
    ObjSet *r;
    if (!difference(vm, self, args[1], &r)) return false;
    vm_push_root(vm, OBJ_VAL(r));
    for (int i = 2; i < nargs; i++) {
        if (!difference_update_internal(vm, r, args[i])) {
            vm_pop_root(vm, 1);
            return false;
        }
    }
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(r);
    return true;
}

static bool m_difference_update(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.set, "difference_update") ||
        !ma_no_kw(vm, kwnames, "set.difference_update"))
        return false;
    for (int i = 1; i < nargs; i++)
        if (!difference_update_internal(vm, AS_SET(args[0]), args[i])) return false;
    *out = NONE_VAL;
    return true;
}

static bool m_symmetric_difference(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "symmetric_difference") ||
        !ma_one(vm, nargs - 1, kwnames, "set.symmetric_difference"))
        return false;
    ObjSet *r;
    if (!symmetric_difference(vm, AS_SET(args[0]), args[1], &r)) return false;
    *out = OBJ_VAL(r);
    return true;
}

static bool m_symmetric_difference_update(VM *vm, Value *args, int nargs, ObjTuple *kwnames,
                                          Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.set, "symmetric_difference_update") ||
        !ma_one(vm, nargs - 1, kwnames, "set.symmetric_difference_update"))
        return false;
    if (!symmetric_difference_update(vm, AS_SET(args[0]), args[1])) return false;
    *out = NONE_VAL;
    return true;
}

static bool m_update(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.set, "update") || !ma_no_kw(vm, kwnames, "set.update"))
        return false;
    for (int i = 1; i < nargs; i++)
        if (!update_internal(vm, AS_SET(args[0]), args[i])) return false;
    *out = NONE_VAL;
    return true;
}

static bool m_issubset(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "issubset") ||
        !ma_one(vm, nargs - 1, kwnames, "set.issubset"))
        return false;
    ObjSet *other;
    if (!as_set(vm, args[1], &other)) return false;
    bool r;
    if (!issubset(vm, AS_SET(args[0]), other, &r)) return false;
    *out = BOOL_VAL(r);
    return true;
}

static bool m_issuperset(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "issuperset") ||
        !ma_one(vm, nargs - 1, kwnames, "set.issuperset"))
        return false;
    ObjSet *self = AS_SET(args[0]);
    bool r = true;
    if (IS_SET(args[1])) {
        if (!issubset(vm, AS_SET(args[1]), self, &r)) return false;
        *out = BOOL_VAL(r);
        return true;
    }
    Value it;
    if (!iter_get(vm, args[1], &it)) return false;
    vm_push_root(vm, it);
    bool ok = true;
    for (;;) {
        Value key;
        bool done, found;
        if (!iter_step(vm, it, &key, &done)) {
            ok = false;
            break;
        }
        if (done) break;
        if (!set_contains(vm, self, key, &found)) {
            ok = false;
            break;
        }
        if (!found) {
            r = false;
            break;
        }
    }
    vm_pop_root(vm, 1);
    *out = BOOL_VAL(r);
    return ok;
}

static bool m_isdisjoint(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "isdisjoint") ||
        !ma_one(vm, nargs - 1, kwnames, "set.isdisjoint"))
        return false;
    ObjSet *self = AS_SET(args[0]);
    Value other = args[1];
    bool r = true, ok = true;
    if (IS_SET(other)) {
        ObjSet *a = self, *b = AS_SET(other);
        if (a == b) {
            *out = BOOL_VAL(a->used == 0);
            return true;
        }
        if (b->used > a->used) {
            ObjSet *t = a;
            a = b;
            b = t;
        }
        uint32_t pos = 0;
        Value key;
        while (set_next(b, &pos, &key)) {
            bool found;
            vm_push_root(vm, key);
            ok = contains_entry(vm, a, key, b->table[pos - 1].hash, &found);
            vm_pop_root(vm, 1);
            if (!ok) return false;
            if (found) {
                r = false;
                break;
            }
        }
        *out = BOOL_VAL(r);
        return true;
    }
    Value it;
    if (!iter_get(vm, other, &it)) return false;
    vm_push_root(vm, it);
    for (;;) {
        Value key;
        bool done, found;
        if (!iter_step(vm, it, &key, &done)) {
            ok = false;
            break;
        }
        if (done) break;
        if (!set_contains(vm, self, key, &found)) {
            ok = false;
            break;
        }
        if (found) {
            r = false;
            break;
        }
    }
    vm_pop_root(vm, 1);
    *out = BOOL_VAL(r);
    return ok;
}

static bool m_len(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "__len__") || !ma_none(vm, nargs - 1, kwnames, "set.__len__"))
        return false;
    *out = INT_VAL(AS_SET(args[0])->used);
    return true;
}

static bool m_contains(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "__contains__") ||
        !ma_one(vm, nargs - 1, kwnames, "set.__contains__"))
        return false;
    bool found;
    if (!set_contains(vm, AS_SET(args[0]), args[1], &found)) return false;
    *out = BOOL_VAL(found);
    return true;
}

static bool m_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "__iter__") || !ma_none(vm, nargs - 1, kwnames, "set.__iter__"))
        return false;
    bool found;
    return iter_for_layout(vm, args[0], out, &found);
}

static bool m_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_self(vm, args, nargs, "__repr__") || !ma_none(vm, nargs - 1, kwnames, "set.__repr__"))
        return false;
    ObjStr *s;
    if (!set_repr(vm, AS_SET(args[0]), &s)) return false;
    *out = OBJ_VAL(s);
    return true;
}

/* set(iterable) / frozenset(iterable): the class is args[0]. */
static bool new_set(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, bool frozen)
{
    const char *name = frozen ? "frozenset" : "set";
    if (nargs < 1 || !IS_CLASS(args[0]))
        return vm_raise(vm, vm->c.TypeError, "%s.__new__(X): X is not a type object", name);
    ObjClass *cls = AS_CLASS(args[0]);
    ObjClass *base = frozen ? vm->c.frozenset : vm->c.set;
    bool exact = cls == base;
    if (!class_is_subclass(cls, base))
        return vm_raise(vm, vm->c.TypeError, "%s.__new__(%s): %s is not a subtype of %s", name,
                        cls->name->data, cls->name->data, name);
    if (exact || frozen) {
        if (!ma_no_kw(vm, kwnames, name) || !ma_range(vm, name, nargs - 1, 0, 1)) return false;
    }
    if (frozen && exact && nargs == 2 && IS_SET(args[1]) && AS_OBJ(args[1])->cls == base) {
        *out = args[1];
        return true;
    }
    ObjSet *s = new_of_class(vm, cls, frozen);
    if ((exact || frozen) && nargs == 2) {
        vm_push_root(vm, OBJ_VAL(s));
        bool ok = update_internal(vm, s, args[1]);
        vm_pop_root(vm, 1);
        if (!ok) return false;
    }
    *out = OBJ_VAL(s);
    return true;
}

static bool set_new_native(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return new_set(vm, args, nargs, kwnames, out, false);
}

static bool frozenset_new_native(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return new_set(vm, args, nargs, kwnames, out, true);
}

/* set.__init__: a no-op for an exact set (its __new__ filled it); for a
 * subclass, clear and fill as CPython's set.__init__ does. */
static bool m_init(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_self(vm, args, nargs, vm->c.set, "__init__")) return false;
    *out = NONE_VAL;
    ObjSet *s = AS_SET(args[0]);
    if (s->obj.cls == vm->c.set) return true;
    if (!ma_no_kw(vm, kwnames, "set") || !ma_range(vm, "set", nargs - 1, 0, 1)) return false;
    if (s->fill > 0) clear_internal(vm, s);
    return nargs < 2 || update_internal(vm, s, args[1]);
}

void set_install(VM *vm)
{
    ObjClass *classes[2] = {vm->c.set, vm->c.frozenset};
    for (int k = 0; k < 2; k++) {
        ObjClass *c = classes[k];
        ObjDict *d = c->dict;
        vm_define_native(vm, d, "copy", m_copy, c);
        vm_define_native(vm, d, "union", m_union, c);
        vm_define_native(vm, d, "intersection", m_intersection, c);
        vm_define_native(vm, d, "difference", m_difference, c);
        vm_define_native(vm, d, "symmetric_difference", m_symmetric_difference, c);
        vm_define_native(vm, d, "issubset", m_issubset, c);
        vm_define_native(vm, d, "issuperset", m_issuperset, c);
        vm_define_native(vm, d, "isdisjoint", m_isdisjoint, c);
        vm_define_native(vm, d, "__len__", m_len, c);
        vm_define_native(vm, d, "__contains__", m_contains, c);
        vm_define_native(vm, d, "__iter__", m_iter, c);
        vm_define_native(vm, d, "__repr__", m_repr, c);
    }
    ObjDict *d = vm->c.set->dict;
    ObjClass *c = vm->c.set;
    vm_define_native(vm, d, "__new__", set_new_native, NULL);
    vm_define_native(vm, d, "__init__", m_init, c);
    vm_define_native(vm, d, "add", m_add, c);
    vm_define_native(vm, d, "remove", m_remove, c);
    vm_define_native(vm, d, "discard", m_discard, c);
    vm_define_native(vm, d, "pop", m_pop, c);
    vm_define_native(vm, d, "clear", m_clear, c);
    vm_define_native(vm, d, "update", m_update, c);
    vm_define_native(vm, d, "intersection_update", m_intersection_update, c);
    vm_define_native(vm, d, "difference_update", m_difference_update, c);
    vm_define_native(vm, d, "symmetric_difference_update", m_symmetric_difference_update, c);
    vm_define_native(vm, vm->c.frozenset->dict, "__new__", frozenset_new_native, NULL);
}
