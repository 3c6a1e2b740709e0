/* iter.c: the built-in iterators (list, tuple, str, range, dict, set,
 * enumerate, zip, map, filter, reversed) and the dict views. */
#include "iter.h"

#include "exception.h"
#include "gc.h"
#include "method_args.h"
#include "ops.h"
#include "range.h"
#include "set.h"

ObjIter *iter_new(VM *vm, ObjClass *cls, uint32_t variant, Value seq)
{
    vm_push_root(vm, seq);
    ObjIter *it = gc_alloc_object(vm, sizeof(ObjIter), OBJ_ITER, cls);
    vm_pop_root(vm, 1);
    it->variant = variant;
    it->seq = seq;
    it->a = NONE_VAL;
    it->b = NONE_VAL;
    return it;
}

/* ---- creating iterators over built-in containers -------------------------- */

static ObjIter *dict_iter(VM *vm, ObjDict *d, IterVariant variant)
{
    ObjClass *cls = variant == ITER_DICT_KEYS     ? vm->c.dict_keyiterator
                    : variant == ITER_DICT_VALUES ? vm->c.dict_valueiterator
                                                  : vm->c.dict_itemiterator;
    ObjIter *it = iter_new(vm, cls, variant, OBJ_VAL(d));
    it->limit = d->table.len;
    it->a = INT_VAL(d->table.len);
    return it;
}

/* An iterator over v chosen by its layout (v's class may be a subclass). */
bool iter_for_layout(VM *vm, Value v, Value *out, bool *found)
{
    *found = true;
    if (!IS_OBJ(v)) {
        *found = false;
        return true;
    }
    ObjIter *it;
    switch ((ObjKind)AS_OBJ(v)->kind) {
    case OBJ_LIST: it = iter_new(vm, vm->c.list_iterator, ITER_LIST, v); break;
    case OBJ_TUPLE: it = iter_new(vm, vm->c.tuple_iterator, ITER_TUPLE, v); break;
    case OBJ_STR: it = iter_new(vm, vm->c.str_iterator, ITER_STR, v); break;
    case OBJ_RANGE: {
        ObjRange *r = AS_RANGE(v);
        it = iter_new(vm, vm->c.range_iterator, ITER_RANGE, NONE_VAL);
        it->a = INT_VAL(r->start);
        it->b = INT_VAL(r->step);
        it->limit = range_len(r);
        break;
    }
    case OBJ_DICT: it = dict_iter(vm, AS_DICT(v), ITER_DICT_KEYS); break;
    case OBJ_SET: {
        ObjSet *s = AS_SET(v);
        it = iter_new(vm, vm->c.set_iterator, ITER_SET, v);
        it->limit = s->used;
        it->a = INT_VAL(s->used);
        break;
    }
    case OBJ_ITER: {
        ObjIter *src = AS_ITER(v);
        if (iter_is_iterator(src)) {
            *out = v;
            return true;
        }
        IterVariant var = src->variant == ITER_VIEW_KEYS     ? ITER_DICT_KEYS
                          : src->variant == ITER_VIEW_VALUES ? ITER_DICT_VALUES
                                                             : ITER_DICT_ITEMS;
        it = dict_iter(vm, AS_DICT(src->seq), var);
        break;
    }
    default: *found = false; return true;
    }
    *out = OBJ_VAL(it);
    return true;
}

bool iter_for_object(VM *vm, Value obj, Value *out, bool *found)
{
    if (!IS_OBJ(obj)) {
        *found = false;
        return true;
    }
    ObjClass *cls = AS_OBJ(obj)->cls;
    /* A subclass may override __iter__: leave it to the generic path. */
    if (!(cls->class_flags & CLASS_BUILTIN)) {
        *found = false;
        return true;
    }
    return iter_for_layout(vm, obj, out, found);
}

bool iter_get(VM *vm, Value v, Value *out)
{
    bool found;
    if (!iter_for_object(vm, v, out, &found)) return false;
    if (found) return true;
    return op_iter(vm, v, out);
}

bool iter_step(VM *vm, Value it, Value *out, bool *done)
{
    if (IS_KIND(it, OBJ_ITER) && iter_is_iterator(AS_ITER(it)))
        return iter_next_builtin(vm, AS_ITER(it), out, done);
    return op_next(vm, it, out, done);
}

/* ---- next() -------------------------------------------------------------------- */

/* Length in bytes of the UTF-8 sequence starting with byte c. */
static uint32_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The one-character str of bytes [p, p + n). */
static Value char_str(VM *vm, const char *p, uint32_t n)
{
    if (n == 1 && (unsigned char)p[0] < 128) return vm->small_strs[(unsigned char)p[0]];
    return OBJ_VAL(str_new(vm, p, n));
}

static bool next_dict(VM *vm, ObjIter *it, Value *out, bool *done)
{
    if (IS_NONE(it->seq)) {
        *done = true;
        return true;
    }
    DictTable *t = &AS_DICT(it->seq)->table;
    if ((int64_t)t->len != it->limit) {
        it->limit = -1; /* sticky, as CPython */
        return vm_raise(vm, vm->c.RuntimeError, "dictionary changed size during iteration");
    }
    int64_t i = it->index;
    if (it->variant >= ITER_DICT_REV_KEYS) {
        while (i >= 0 && (i >= (int64_t)t->used || IS_EMPTY(t->entries[i].key))) i--;
        if (i < 0) {
            it->seq = NONE_VAL;
            *done = true;
            return true;
        }
        it->index = i - 1;
    } else {
        while (i < (int64_t)t->used && IS_EMPTY(t->entries[i].key)) i++;
        if (i >= (int64_t)t->used) {
            it->seq = NONE_VAL;
            *done = true;
            return true;
        }
        if (it->a.as.i <= 0) {
            it->limit = -1;
            return vm_raise(vm, vm->c.RuntimeError, "dictionary keys changed during iteration");
        }
        it->a.as.i--;
        it->index = i + 1;
    }
    DictEntry *e = &t->entries[i];
    *done = false;
    switch (it->variant) {
    case ITER_DICT_KEYS:
    case ITER_DICT_REV_KEYS: *out = e->key; break;
    case ITER_DICT_VALUES:
    case ITER_DICT_REV_VALUES: *out = e->value; break;
    default: {
        Value kv[2] = {e->key, e->value};
        *out = OBJ_VAL(tuple_new(vm, kv, 2)); /* both still held by the dict */
        break;
    }
    }
    return true;
}

static bool next_set(VM *vm, ObjIter *it, Value *out, bool *done)
{
    if (IS_NONE(it->seq)) {
        *done = true;
        return true;
    }
    ObjSet *s = AS_SET(it->seq);
    if ((int64_t)s->used != it->limit) {
        it->limit = -1;
        return vm_raise(vm, vm->c.RuntimeError, "Set changed size during iteration");
    }
    uint32_t pos = (uint32_t)it->index;
    if (!set_next(s, &pos, out)) {
        it->seq = NONE_VAL;
        *done = true;
        return true;
    }
    it->index = pos;
    it->a.as.i--;
    *done = false;
    return true;
}

/* Advance the count of an enumerate. */
static bool bump_count(VM *vm, ObjIter *it)
{
    if (IS_INT(it->a) && it->a.as.i < INT64_MAX) {
        it->a.as.i++;
        return true;
    }
    Value next;
    if (!op_binary(vm, BINOP_ADD, it->a, INT_VAL(1), false, &next)) return false;
    it->a = next;
    return true;
}

static bool next_enumerate(VM *vm, ObjIter *it, Value *out, bool *done)
{
    Value v;
    if (!iter_step(vm, it->seq, &v, done)) return false;
    if (*done) return true;
    vm_push_root(vm, v);
    Value pair[2] = {it->a, v};
    ObjTuple *t = tuple_new(vm, pair, 2);
    vm_push_root(vm, OBJ_VAL(t));
    bool ok = bump_count(vm, it);
    vm_pop_root(vm, 2);
    *out = OBJ_VAL(t);
    return ok;
}

static bool next_zip(VM *vm, ObjIter *it, Value *out, bool *done)
{
    if (IS_NONE(it->seq)) {
        *done = true;
        return true;
    }
    ObjTuple *its = AS_TUPLE(it->seq);
    uint32_t n = its->len;
    if (n == 0) {
        *done = true;
        return true;
    }
    ObjTuple *r = tuple_new(vm, NULL, n);
    vm_push_root(vm, OBJ_VAL(r));
    for (uint32_t i = 0; i < n; i++) {
        Value v;
        if (!iter_step(vm, its->items[i], &v, done)) {
            vm_pop_root(vm, 1);
            return false;
        }
        if (*done) {
            it->seq = NONE_VAL;
            vm_pop_root(vm, 1);
            return true;
        }
        r->items[i] = v;
    }
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(r);
    *done = false;
    return true;
}

static bool next_map(VM *vm, ObjIter *it, Value *out, bool *done)
{
    ObjTuple *its = AS_TUPLE(it->seq);
    uint32_t n = its->len;
    Value small[8];
    Value *args = small;
    ObjTuple *holder = NULL;
    size_t roots = 0;
    if (n > 8) {
        holder = tuple_new(vm, NULL, n);
        vm_push_root(vm, OBJ_VAL(holder));
        roots++;
        args = holder->items;
    }
    bool ok = true;
    for (uint32_t i = 0; i < n; i++) {
        Value v;
        if (!iter_step(vm, its->items[i], &v, done)) {
            ok = false;
            break;
        }
        if (*done) break;
        args[i] = v;
        if (holder == NULL) {
            vm_push_root(vm, v);
            roots++;
        }
    }
    if (ok && !*done) ok = vm_call(vm, it->a, args, (int)n, NULL, out);
    vm_pop_root(vm, roots);
    return ok;
}

static bool next_filter(VM *vm, ObjIter *it, Value *out, bool *done)
{
    for (;;) {
        Value v;
        if (!iter_step(vm, it->seq, &v, done)) return false;
        if (*done) return true;
        bool keep;
        vm_push_root(vm, v);
        bool ok;
        if (IS_NONE(it->a) || (IS_CLASS(it->a) && AS_CLASS(it->a) == vm->c.bool_)) {
            ok = op_truthy(vm, v, &keep);
        } else {
            Value r;
            ok = vm_call(vm, it->a, &v, 1, NULL, &r) && op_truthy(vm, r, &keep);
        }
        vm_pop_root(vm, 1);
        if (!ok) return false;
        if (keep) {
            *out = v;
            return true;
        }
    }
}

static bool next_reversed(VM *vm, ObjIter *it, Value *out, bool *done)
{
    Value seq = it->seq;
    *done = false;
    if (it->index < 0 || IS_NONE(seq)) {
        *done = true;
        return true;
    }
    if (IS_TUPLE(seq)) {
        ObjTuple *t = AS_TUPLE(seq);
        if (it->index < (int64_t)t->len) {
            *out = t->items[it->index--];
            return true;
        }
    } else if (IS_STR(seq)) {
        ObjStr *s = AS_STR(seq);
        int64_t end = it->index;
        if (end > 0) {
            int64_t j = end - 1;
            while (j > 0 && ((unsigned char)s->data[j] & 0xC0) == 0x80) j--;
            it->index = j;
            *out = char_str(vm, s->data + j, (uint32_t)(end - j));
            return true;
        }
    } else {
        Value v;
        if (op_getitem(vm, seq, INT_VAL(it->index), &v)) {
            it->index--;
            *out = v;
            return true;
        }
        if (!vm_exception_matches(vm, vm->c.IndexError) &&
            !vm_exception_matches(vm, vm->c.StopIteration))
            return false;
        vm_take_exception(vm);
    }
    it->index = -1;
    it->seq = NONE_VAL;
    *done = true;
    return true;
}

/* The old sequence protocol: seq[0], seq[1], ... until IndexError or StopIteration. */
static bool next_seq(VM *vm, ObjIter *it, Value *out, bool *done)
{
    *done = false;
    if (IS_NONE(it->seq)) {
        *done = true;
        return true;
    }
    Value v;
    if (op_getitem(vm, it->seq, INT_VAL(it->index), &v)) {
        it->index++;
        *out = v;
        return true;
    }
    if (!vm_exception_matches(vm, vm->c.IndexError) &&
        !vm_exception_matches(vm, vm->c.StopIteration))
        return false;
    vm_take_exception(vm);
    it->seq = NONE_VAL;
    *done = true;
    return true;
}

/* iter(f, sentinel): f() until it returns the sentinel (then never again). */
static bool next_callable(VM *vm, ObjIter *it, Value *out, bool *done)
{
    *done = false;
    if (IS_NONE(it->seq)) {
        *done = true;
        return true;
    }
    Value v, no_args = NONE_VAL;
    if (!vm_call(vm, it->seq, &no_args, 0, NULL, &v)) {
        if (!vm_exception_matches(vm, vm->c.StopIteration)) return false;
        vm_take_exception(vm);
        it->seq = NONE_VAL;
        *done = true;
        return true;
    }
    vm_push_root(vm, v);
    bool eq;
    bool ok = op_eq(vm, v, it->a, &eq);
    vm_pop_root(vm, 1);
    if (!ok) return false;
    if (eq) {
        it->seq = NONE_VAL;
        *done = true;
        return true;
    }
    *out = v;
    return true;
}

bool iter_next_builtin(VM *vm, ObjIter *it, Value *out, bool *done)
{
    switch ((IterVariant)it->variant) {
    case ITER_LIST:
        *done = !iter_list_next(it, out);
        return true;
    case ITER_RANGE:
        *done = !iter_range_next(it, out);
        return true;
    case ITER_LIST_REV: {
        ObjList *l = AS_LIST(it->seq);
        if (it->index >= 0 && it->index < (int64_t)l->len) {
            *out = l->items[it->index--];
            *done = false;
        } else {
            it->index = -1;
            *done = true;
        }
        return true;
    }
    case ITER_TUPLE: {
        ObjTuple *t = AS_TUPLE(it->seq);
        if (it->index < (int64_t)t->len) {
            *out = t->items[it->index++];
            *done = false;
        } else {
            *done = true;
        }
        return true;
    }
    case ITER_STR: {
        ObjStr *s = AS_STR(it->seq);
        if (it->index >= (int64_t)s->byte_len) {
            *done = true;
            return true;
        }
        const char *p = s->data + it->index;
        uint32_t n = s->ascii ? 1 : utf8_len((unsigned char)*p);
        it->index += n;
        *out = char_str(vm, p, n);
        *done = false;
        return true;
    }
    case ITER_DICT_KEYS:
    case ITER_DICT_VALUES:
    case ITER_DICT_ITEMS:
    case ITER_DICT_REV_KEYS:
    case ITER_DICT_REV_VALUES:
    case ITER_DICT_REV_ITEMS: return next_dict(vm, it, out, done);
    case ITER_SET: return next_set(vm, it, out, done);
    case ITER_ENUMERATE: return next_enumerate(vm, it, out, done);
    case ITER_ZIP: return next_zip(vm, it, out, done);
    case ITER_MAP: return next_map(vm, it, out, done);
    case ITER_FILTER: return next_filter(vm, it, out, done);
    case ITER_REVERSED: return next_reversed(vm, it, out, done);
    case ITER_SEQ: return next_seq(vm, it, out, done);
    case ITER_CALLABLE: return next_callable(vm, it, out, done);
    case ITER_VIEW_KEYS:
    case ITER_VIEW_VALUES:
    case ITER_VIEW_ITEMS:
    case ITER_VARIANT_COUNT: break;
    }
    return vm_raise(vm, vm->c.TypeError, "'%s' object is not an iterator", it->obj.cls->name->data);
}

/* ---- reversed ------------------------------------------------------------------ */

static bool reversed_by_kind(VM *vm, Value v, Value *out, bool *found)
{
    *found = true;
    ObjIter *it;
    switch ((ObjKind)AS_OBJ(v)->kind) {
    case OBJ_LIST:
        it = iter_new(vm, vm->c.list_reverseiterator, ITER_LIST_REV, v);
        it->index = (int64_t)AS_LIST(v)->len - 1;
        break;
    case OBJ_TUPLE:
        it = iter_new(vm, vm->c.reversed, ITER_REVERSED, v);
        it->index = (int64_t)AS_TUPLE(v)->len - 1;
        break;
    case OBJ_STR:
        it = iter_new(vm, vm->c.reversed, ITER_REVERSED, v);
        it->index = AS_STR(v)->byte_len;
        if (it->index == 0) it->index = -1;
        break;
    case OBJ_RANGE: {
        ObjRange *r = AS_RANGE(v);
        int64_t n = range_len(r);
        it = iter_new(vm, vm->c.range_iterator, ITER_RANGE, NONE_VAL);
        it->a = INT_VAL(n > 0 ? range_item(r, n - 1) : r->start);
        it->b = INT_VAL((int64_t)(0 - (uint64_t)r->step));
        it->limit = n;
        break;
    }
    case OBJ_DICT:
    case OBJ_ITER: {
        IterVariant var = ITER_DICT_REV_KEYS;
        ObjClass *cls = vm->c.dict_keyiterator;
        ObjDict *d;
        if (IS_DICT(v)) {
            d = AS_DICT(v);
        } else {
            ObjIter *view = AS_ITER(v);
            if (iter_is_iterator(view)) {
                *found = false;
                return true;
            }
            d = AS_DICT(view->seq);
            if (view->variant == ITER_VIEW_VALUES) {
                var = ITER_DICT_REV_VALUES;
                cls = vm->c.dict_valueiterator;
            } else if (view->variant == ITER_VIEW_ITEMS) {
                var = ITER_DICT_REV_ITEMS;
                cls = vm->c.dict_itemiterator;
            }
        }
        it = iter_new(vm, cls, var, OBJ_VAL(d));
        it->limit = d->table.len;
        it->index = (int64_t)d->table.used - 1;
        break;
    }
    default: *found = false; return true;
    }
    *out = OBJ_VAL(it);
    return true;
}

bool iter_reversed(VM *vm, Value v, Value *out)
{
    if (IS_OBJ(v)) {
        ObjClass *cls = AS_OBJ(v)->cls;
        bool builtin = (cls->class_flags & CLASS_BUILTIN) != 0;
        if (!builtin) {
            Value m = vm_lookup_special(vm, v, str_intern_cstr(vm, "__reversed__"));
            bool native = IS_NATIVE(m) && AS_NATIVE(m)->owner != NULL &&
                          (AS_NATIVE(m)->owner->class_flags & CLASS_BUILTIN);
            if (!IS_EMPTY(m) && !native) return vm_call(vm, m, &v, 1, NULL, out);
        }
        if (AS_OBJ(v)->kind != OBJ_INSTANCE) {
            bool found;
            if (!reversed_by_kind(vm, v, out, &found)) return false;
            if (found) return true;
        }
        /* The sequence protocol: __len__ and __getitem__ (but not a dict). */
        if (!IS_DICT(v) && !IS_SET(v) && !IS_EMPTY(vm_lookup_special(vm, v, vm->n.__getitem__)) &&
            !IS_EMPTY(vm_lookup_special(vm, v, vm->n.__len__))) {
            int64_t n;
            if (!op_len(vm, v, &n)) return false;
            ObjIter *it = iter_new(vm, vm->c.reversed, ITER_REVERSED, v);
            it->index = n - 1;
            *out = OBJ_VAL(it);
            return true;
        }
    }
    return vm_raise(vm, vm->c.TypeError, "'%s' object is not reversible", ma_type_name(vm, v));
}

/* ---- dict views ---------------------------------------------------------------- */

ObjIter *dict_view_new(VM *vm, ObjDict *d, IterVariant variant)
{
    ObjClass *cls = variant == ITER_VIEW_KEYS     ? vm->c.dict_keys
                    : variant == ITER_VIEW_VALUES ? vm->c.dict_values
                                                  : vm->c.dict_items;
    return iter_new(vm, cls, variant, OBJ_VAL(d));
}

int64_t dict_view_len(ObjIter *view)
{
    return AS_DICT(view->seq)->table.len;
}

bool dict_view_contains(VM *vm, ObjIter *view, Value item, bool *out)
{
    ObjDict *d = AS_DICT(view->seq);
    Value v;
    switch (view->variant) {
    case ITER_VIEW_KEYS: return dict_get(vm, d, item, &v, out);
    case ITER_VIEW_ITEMS: {
        *out = false;
        if (!IS_TUPLE(item) || AS_TUPLE(item)->len != 2) return true;
        bool found;
        if (!dict_get(vm, d, AS_TUPLE(item)->items[0], &v, &found)) return false;
        if (!found) return true;
        return op_eq(vm, v, AS_TUPLE(item)->items[1], out);
    }
    default: {
        *out = false;
        for (uint32_t i = 0; i < d->table.used; i++) {
            DictEntry *e = &d->table.entries[i];
            if (IS_EMPTY(e->key)) continue;
            if (!op_eq(vm, e->value, item, out)) return false;
            if (*out) return true;
        }
        return true;
    }
    }
}

bool dict_view_repr(VM *vm, ObjIter *view, ObjStr **out)
{
    ObjDict *d = AS_DICT(view->seq);
    /* Snapshot the items: a repr may run code that changes the dict. */
    ObjList *items = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(items));
    Value it = OBJ_VAL(dict_iter(vm, d, view->variant == ITER_VIEW_KEYS     ? ITER_DICT_KEYS
                                        : view->variant == ITER_VIEW_VALUES ? ITER_DICT_VALUES
                                                                            : ITER_DICT_ITEMS));
    vm_push_root(vm, it);
    for (;;) {
        Value v;
        bool done;
        if (!iter_next_builtin(vm, AS_ITER(it), &v, &done)) {
            vm_pop_root(vm, 2);
            return false;
        }
        if (done) break;
        vm_push_root(vm, v);
        list_append(vm, items, v);
        vm_pop_root(vm, 1);
    }
    StrBuf b = {0};
    sb_add_cstr(&b, view->obj.cls->name->data);
    sb_add_cstr(&b, "([");
    for (uint32_t i = 0; i < items->len; i++) {
        ObjStr *r;
        if (!op_repr(vm, items->items[i], &r)) {
            sb_free(&b);
            vm_pop_root(vm, 2);
            return false;
        }
        if (i > 0) sb_add_cstr(&b, ", ");
        sb_add_str(&b, r);
    }
    sb_add_cstr(&b, "])");
    vm_pop_root(vm, 2);
    *out = sb_finish(vm, &b);
    return true;
}

/* Whether v is a dict_keys or dict_items view (the set-like ones). */
static bool is_setlike_view(Value v)
{
    return iter_is_view(v) && AS_ITER(v)->variant != ITER_VIEW_VALUES;
}

/* set(v), with a keys view read straight from its dict as CPython does. */
static bool view_to_set(VM *vm, Value v, ObjSet **out)
{
    if (iter_is_view(v) && AS_ITER(v)->variant == ITER_VIEW_KEYS)
        return set_from_iterable(vm, AS_ITER(v)->seq, false, out);
    return set_from_iterable(vm, v, false, out);
}

static bool view_intersect(VM *vm, Value a, Value b, Value *out)
{
    if (!is_setlike_view(a)) {
        Value t = a;
        a = b;
        b = t;
    }
    int64_t len_a = dict_view_len(AS_ITER(a));
    if (IS_SET(b) && AS_OBJ(b)->cls == vm->c.set && len_a <= (int64_t)set_len(AS_SET(b)))
        return set_method_op(vm, AS_SET(b), BINOP_AND, a, out);
    if (is_setlike_view(b) && dict_view_len(AS_ITER(b)) > len_a) {
        Value t = a;
        a = b;
        b = t;
    }
    vm_push_root(vm, a);
    vm_push_root(vm, b);
    ObjSet *r = set_new(vm, false);
    vm_push_root(vm, OBJ_VAL(r));
    Value it;
    bool ok = iter_get(vm, b, &it);
    if (ok) {
        vm_push_root(vm, it);
        for (;;) {
            Value k;
            bool done, in;
            if (!iter_step(vm, it, &k, &done)) {
                ok = false;
                break;
            }
            if (done) break;
            vm_push_root(vm, k);
            ok = dict_view_contains(vm, AS_ITER(a), k, &in) && (!in || set_add(vm, r, k));
            vm_pop_root(vm, 1);
            if (!ok) break;
        }
        vm_pop_root(vm, 1);
    }
    vm_pop_root(vm, 3);
    *out = OBJ_VAL(r);
    return ok;
}

bool dict_view_binary(VM *vm, BinaryOp op, Value a, Value b, Value *out, bool *handled)
{
    *handled = (op == BINOP_AND || op == BINOP_OR || op == BINOP_SUB || op == BINOP_XOR) &&
               (is_setlike_view(a) || is_setlike_view(b));
    if (!*handled) return true;
    if (op == BINOP_AND) return view_intersect(vm, a, b, out);
    vm_push_root(vm, b);
    ObjSet *r;
    bool ok = view_to_set(vm, a, &r);
    vm_push_root(vm, OBJ_VAL(r));
    ok = ok && set_method_update(vm, r, op, b);
    vm_pop_root(vm, 2);
    *out = OBJ_VAL(r);
    return ok;
}

/* Whether every item of a is in b. */
static bool all_contained_in(VM *vm, Value a, Value b, bool *out)
{
    Value it;
    if (!iter_get(vm, a, &it)) return false;
    vm_push_root(vm, it);
    bool ok = true;
    *out = true;
    for (;;) {
        Value k;
        bool done, in;
        if (!iter_step(vm, it, &k, &done)) {
            ok = false;
            break;
        }
        if (done) break;
        vm_push_root(vm, k);
        ok = op_contains(vm, b, k, &in);
        vm_pop_root(vm, 1);
        if (!ok) break;
        if (!in) {
            *out = false;
            break;
        }
    }
    vm_pop_root(vm, 1);
    return ok;
}

bool dict_view_compare(VM *vm, CompareOp op, Value a, Value b, Value *out, bool *handled)
{
    /* CPython's dictview_richcompare: keys and items views compare as sets
       with sets, frozensets and other such views */
    *handled = (is_setlike_view(a) || IS_SET(a)) && (is_setlike_view(b) || IS_SET(b)) &&
               (is_setlike_view(a) || is_setlike_view(b));
    if (!*handled) return true;
    int64_t na, nb;
    if (!op_len(vm, a, &na) || !op_len(vm, b, &nb)) return false;
    bool r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        r = na == nb;
        if (r && !all_contained_in(vm, a, b, &r)) return false;
        if (op == CMP_NE) r = !r;
        break;
    case CMP_LT:
    case CMP_LE:
        r = op == CMP_LT ? na < nb : na <= nb;
        if (r && !all_contained_in(vm, a, b, &r)) return false;
        break;
    default: /* CMP_GT, CMP_GE */
        r = op == CMP_GT ? na > nb : na >= nb;
        if (r && !all_contained_in(vm, b, a, &r)) return false;
        break;
    }
    *out = BOOL_VAL(r);
    return true;
}

/* ---- natives -------------------------------------------------------------------- */

static bool check_iter(VM *vm, Value *args, int nargs, const char *method)
{
    if (nargs >= 1 && IS_KIND(args[0], OBJ_ITER)) return true;
    return vm_raise(vm, vm->c.TypeError, "descriptor '%s' requires an iterator", method);
}

static bool it_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_iter(vm, args, nargs, "__iter__") || !ma_none(vm, nargs - 1, kwnames, "__iter__"))
        return false;
    *out = args[0];
    return true;
}

static bool it_next(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_iter(vm, args, nargs, "__next__") || !ma_none(vm, nargs - 1, kwnames, "__next__"))
        return false;
    bool done;
    if (!iter_next_builtin(vm, AS_ITER(args[0]), out, &done)) return false;
    if (done) return exception_raise_empty(vm, vm->c.StopIteration);
    return true;
}

static bool enumerate_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value iterable = EMPTY_VAL, start = EMPTY_VAL;
    int npos = nargs - 1;
    int total = npos + ma_nkw(kwnames);
    if (total > 2)
        return vm_raise(vm, vm->c.TypeError, "enumerate() takes at most 2 arguments (%d given)",
                        total);
    if (npos >= 1) iterable = args[1];
    if (npos >= 2) start = args[2];
    for (int i = 0; i < ma_nkw(kwnames); i++) {
        ObjStr *k = AS_STR(kwnames->items[i]);
        Value *slot = ma_kw_is(k, "iterable") ? &iterable : ma_kw_is(k, "start") ? &start : NULL;
        if (slot == NULL)
            return vm_raise(vm, vm->c.TypeError, "'%s' is an invalid keyword argument for enumerate()",
                            k->data);
        if (!IS_EMPTY(*slot))
            return vm_raise(vm, vm->c.TypeError,
                            "argument for enumerate() given by name ('%s') and position (%d)",
                            k->data, ma_kw_is(k, "iterable") ? 1 : 2);
        *slot = args[nargs + i];
    }
    if (IS_EMPTY(iterable))
        return vm_raise(vm, vm->c.TypeError, "enumerate() missing required argument 'iterable'");
    Value count = INT_VAL(0);
    if (!IS_EMPTY(start)) {
        if (IS_INT(start) || IS_KIND(start, OBJ_BIGINT)) {
            count = start;
        } else if (IS_BOOL(start)) {
            count = INT_VAL(AS_BOOL(start));
        } else {
            int64_t n;
            if (!op_index(vm, start, &n)) return false;
            count = INT_VAL(n);
        }
    }
    Value it;
    if (!iter_get(vm, iterable, &it)) return false;
    vm_push_root(vm, count);
    ObjIter *e = iter_new(vm, AS_CLASS(args[0]), ITER_ENUMERATE, it);
    vm_pop_root(vm, 1);
    e->a = count;
    *out = OBJ_VAL(e);
    return true;
}

/* A tuple of iterators over args[0..n). */
static bool iterators_of(VM *vm, Value *args, int n, ObjTuple **out)
{
    ObjTuple *t = tuple_new(vm, NULL, (uint32_t)n);
    vm_push_root(vm, OBJ_VAL(t));
    for (int i = 0; i < n; i++) {
        Value it;
        if (!iter_get(vm, args[i], &it)) {
            vm_pop_root(vm, 1);
            return false;
        }
        t->items[i] = it;
    }
    vm_pop_root(vm, 1);
    *out = t;
    return true;
}

static bool zip_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    for (int i = 0; i < ma_nkw(kwnames); i++) {
        ObjStr *k = AS_STR(kwnames->items[i]);
        if (!ma_kw_is(k, "strict"))
            return vm_raise(vm, vm->c.TypeError, "'%s' is an invalid keyword argument for zip()",
                            k->data);
    }
    ObjTuple *its;
    if (!iterators_of(vm, args + 1, nargs - 1, &its)) return false;
    *out = OBJ_VAL(iter_new(vm, AS_CLASS(args[0]), ITER_ZIP, OBJ_VAL(its)));
    return true;
}

static bool map_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_no_kw(vm, kwnames, "map")) return false;
    if (nargs < 3) return vm_raise(vm, vm->c.TypeError, "map() must have at least two arguments.");
    ObjTuple *its;
    if (!iterators_of(vm, args + 2, nargs - 2, &its)) return false;
    ObjIter *m = iter_new(vm, AS_CLASS(args[0]), ITER_MAP, OBJ_VAL(its));
    m->a = args[1];
    *out = OBJ_VAL(m);
    return true;
}

static bool filter_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_no_kw(vm, kwnames, "filter") || !ma_range(vm, "filter", nargs - 1, 2, 2)) return false;
    Value it;
    if (!iter_get(vm, args[2], &it)) return false;
    ObjIter *f = iter_new(vm, AS_CLASS(args[0]), ITER_FILTER, it);
    f->a = args[1];
    *out = OBJ_VAL(f);
    return true;
}

static bool reversed_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!ma_no_kw(vm, kwnames, "reversed") || !ma_range(vm, "reversed", nargs - 1, 1, 1))
        return false;
    return iter_reversed(vm, args[1], out);
}

static bool check_view(VM *vm, Value *args, int nargs, ObjClass *cls, const char *method)
{
    if (nargs >= 1 && iter_is_view(args[0])) return true;
    return ma_self(vm, args, nargs, cls, method);
}

static bool v_len(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_view(vm, args, nargs, vm->c.dict_keys, "__len__") ||
        !ma_none(vm, nargs - 1, kwnames, "__len__"))
        return false;
    *out = INT_VAL(dict_view_len(AS_ITER(args[0])));
    return true;
}

static bool v_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_view(vm, args, nargs, vm->c.dict_keys, "__iter__") ||
        !ma_none(vm, nargs - 1, kwnames, "__iter__"))
        return false;
    bool found;
    return iter_for_layout(vm, args[0], out, &found);
}

static bool v_reversed(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_view(vm, args, nargs, vm->c.dict_keys, "__reversed__") ||
        !ma_none(vm, nargs - 1, kwnames, "__reversed__"))
        return false;
    bool found;
    return reversed_by_kind(vm, args[0], out, &found);
}

static bool v_contains(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_view(vm, args, nargs, vm->c.dict_keys, "__contains__") ||
        !ma_one(vm, nargs - 1, kwnames, "__contains__"))
        return false;
    bool b;
    if (!dict_view_contains(vm, AS_ITER(args[0]), args[1], &b)) return false;
    *out = BOOL_VAL(b);
    return true;
}

static bool v_repr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_view(vm, args, nargs, vm->c.dict_keys, "__repr__") ||
        !ma_none(vm, nargs - 1, kwnames, "__repr__"))
        return false;
    ObjStr *s;
    if (!dict_view_repr(vm, AS_ITER(args[0]), &s)) return false;
    *out = OBJ_VAL(s);
    return true;
}

/* The operators of set-like views, for code that calls them by name. */
static bool view_op(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, BinaryOp op,
                    bool reflected)
{
    if (!check_view(vm, args, nargs, vm->c.dict_keys, "__and__") ||
        !ma_one(vm, nargs - 1, kwnames, "dict_keys operator"))
        return false;
    bool handled;
    Value a = reflected ? args[1] : args[0], b = reflected ? args[0] : args[1];
    if (!dict_view_binary(vm, op, a, b, out, &handled)) return false;
    if (!handled) *out = vm->not_implemented;
    return true;
}

#define VIEW_OP(fname, op, refl)                                                                   \
    static bool fname(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)               \
    {                                                                                              \
        return view_op(vm, args, nargs, kwnames, out, op, refl);                                   \
    }
VIEW_OP(v_and, BINOP_AND, false)
VIEW_OP(v_or, BINOP_OR, false)
VIEW_OP(v_sub, BINOP_SUB, false)
VIEW_OP(v_xor, BINOP_XOR, false)
VIEW_OP(v_rand, BINOP_AND, true)
VIEW_OP(v_ror, BINOP_OR, true)
VIEW_OP(v_rsub, BINOP_SUB, true)
VIEW_OP(v_rxor, BINOP_XOR, true)

static bool v_isdisjoint(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!check_view(vm, args, nargs, vm->c.dict_keys, "isdisjoint") ||
        !ma_one(vm, nargs - 1, kwnames, "isdisjoint"))
        return false;
    Value it;
    if (!iter_get(vm, args[1], &it)) return false;
    vm_push_root(vm, it);
    bool ok = true;
    *out = TRUE_VAL;
    for (;;) {
        Value k;
        bool done, in;
        if (!iter_step(vm, it, &k, &done)) {
            ok = false;
            break;
        }
        if (done) break;
        vm_push_root(vm, k);
        ok = dict_view_contains(vm, AS_ITER(args[0]), k, &in);
        vm_pop_root(vm, 1);
        if (!ok) break;
        if (in) {
            *out = FALSE_VAL;
            break;
        }
    }
    vm_pop_root(vm, 1);
    return ok;
}

void iter_install(VM *vm)
{
    ObjClass *iterators[] = {
        vm->c.list_iterator,      vm->c.list_reverseiterator, vm->c.tuple_iterator,
        vm->c.str_iterator,       vm->c.range_iterator,       vm->c.dict_keyiterator,
        vm->c.dict_valueiterator, vm->c.dict_itemiterator,    vm->c.set_iterator,
        vm->c.enumerate,          vm->c.zip,                  vm->c.map,
        vm->c.filter,             vm->c.reversed,             vm->c.seq_iterator,
        vm->c.callable_iterator,
    };
    for (size_t i = 0; i < sizeof iterators / sizeof iterators[0]; i++) {
        vm_define_native(vm, iterators[i]->dict, "__iter__", it_iter, iterators[i]);
        vm_define_native(vm, iterators[i]->dict, "__next__", it_next, iterators[i]);
    }
    vm_define_native(vm, vm->c.enumerate->dict, "__new__", enumerate_new, NULL);
    vm_define_native(vm, vm->c.zip->dict, "__new__", zip_new, NULL);
    vm_define_native(vm, vm->c.map->dict, "__new__", map_new, NULL);
    vm_define_native(vm, vm->c.filter->dict, "__new__", filter_new, NULL);
    vm_define_native(vm, vm->c.reversed->dict, "__new__", reversed_new, NULL);
    ObjClass *views[] = {vm->c.dict_keys, vm->c.dict_values, vm->c.dict_items};
    for (int i = 0; i < 3; i++) {
        ObjDict *d = views[i]->dict;
        vm_define_native(vm, d, "__len__", v_len, views[i]);
        vm_define_native(vm, d, "__iter__", v_iter, views[i]);
        vm_define_native(vm, d, "__reversed__", v_reversed, views[i]);
        vm_define_native(vm, d, "__contains__", v_contains, views[i]);
        vm_define_native(vm, d, "__repr__", v_repr, views[i]);
        if (i == 1) continue; /* values views are not set-like */
        vm_define_native(vm, d, "__and__", v_and, views[i]);
        vm_define_native(vm, d, "__or__", v_or, views[i]);
        vm_define_native(vm, d, "__sub__", v_sub, views[i]);
        vm_define_native(vm, d, "__xor__", v_xor, views[i]);
        vm_define_native(vm, d, "__rand__", v_rand, views[i]);
        vm_define_native(vm, d, "__ror__", v_ror, views[i]);
        vm_define_native(vm, d, "__rsub__", v_rsub, views[i]);
        vm_define_native(vm, d, "__rxor__", v_rxor, views[i]);
        vm_define_native(vm, d, "isdisjoint", v_isdisjoint, views[i]);
    }
}
