/* str.c: immutable UTF-8 strings, the intern table, and str's methods. */
#include <stdlib.h>
#include <string.h>

#include "str.h"

#include "gc.h"

/* FNV-1a over the bytes: fast and well spread. CPython randomizes str hashes,
 * so no program can depend on their values. */
static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (uint8_t)s[i];
        h *= 1099511628211ull;
    }
    h &= 0x7fffffffffffffffull; /* keep it a non-negative int64, as hash() shows it */
    return h == 0x7fffffffffffffffull ? h - 1 : h;
}

uint64_t str_hash(ObjStr *s)
{
    if (!s->hashed) {
        s->hash = hash_bytes(s->data, s->byte_len);
        s->hashed = 1;
    }
    return s->hash;
}

bool str_equal(ObjStr *a, ObjStr *b)
{
    if (a == b) return true;
    if (a->byte_len != b->byte_len) return false;
    if (a->interned && b->interned) return false;
    if (a->hashed && b->hashed && a->hash != b->hash) return false;
    return memcmp(a->data, b->data, a->byte_len) == 0;
}

static uint32_t count_code_points(const char *s, size_t len)
{
    uint32_t n = 0;
    for (size_t i = 0; i < len; i++) n += ((uint8_t)s[i] & 0xC0) != 0x80;
    return n;
}

/* An uninitialised str of byte_len bytes; the caller fills data and calls
 * str_finish. */
ObjStr *str_alloc(VM *vm, size_t byte_len)
{
    if (byte_len > UINT32_MAX - 1) {
        fputs("loopbook: string too large\n", stderr);
        abort();
    }
    ObjStr *s = gc_alloc_object(vm, sizeof(ObjStr) + byte_len + 1, OBJ_STR, vm->c.str);
    s->byte_len = (uint32_t)byte_len;
    s->data[byte_len] = '\0';
    return s;
}

/* Compute the derived fields once data is filled in. */
ObjStr *str_finish(ObjStr *s)
{
    s->char_len = count_code_points(s->data, s->byte_len);
    s->ascii = s->char_len == s->byte_len;
    return s;
}

ObjStr *str_new(VM *vm, const char *utf8, size_t len)
{
    if (len == 1 && (uint8_t)utf8[0] < 128 && IS_OBJ(vm->small_strs[(uint8_t)utf8[0]]))
        return AS_STR(vm->small_strs[(uint8_t)utf8[0]]);
    ObjStr *s = str_alloc(vm, len);
    memcpy(s->data, utf8, len);
    return str_finish(s);
}

ObjStr *str_from_cstr(VM *vm, const char *cstr)
{
    return str_new(vm, cstr, strlen(cstr));
}

ObjStr *str_printf(VM *vm, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return str_new(vm, "", 0);
    if ((size_t)n < sizeof small) return str_new(vm, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (big == NULL) abort();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    ObjStr *s = str_new(vm, big, (size_t)n);
    free(big);
    return s;
}

/* ---- the intern table ----------------------------------------------------- */

static void table_insert_slot(StrTable *t, ObjStr *s)
{
    uint32_t mask = t->cap - 1;
    uint32_t i = (uint32_t)str_hash(s) & mask;
    while (t->slots[i] != NULL) i = (i + 1) & mask;
    t->slots[i] = s;
}

/* Rebuild the table at new_cap slots, keeping the strings keep() accepts. */
static void table_rebuild(StrTable *t, uint32_t new_cap, bool only_marked)
{
    uint32_t old_cap = t->cap;
    ObjStr **old = t->slots;
    t->cap = new_cap;
    t->slots = calloc(t->cap, sizeof(ObjStr *));
    if (t->slots == NULL) abort();
    t->count = 0;
    for (uint32_t i = 0; i < old_cap; i++) {
        if (old[i] != NULL && (!only_marked || old[i]->obj.marked)) {
            table_insert_slot(t, old[i]);
            t->count++;
        }
    }
    free(old);
}

void str_table_sweep(VM *vm)
{
    StrTable *t = &vm->strings;
    if (t->cap > 0) table_rebuild(t, t->cap, true);
}

void str_table_free(VM *vm)
{
    free(vm->strings.slots);
    vm->strings.slots = NULL;
    vm->strings.cap = vm->strings.count = 0;
}

static ObjStr *table_find(StrTable *t, const char *s, size_t len, uint64_t hash)
{
    if (t->cap == 0) return NULL;
    uint32_t mask = t->cap - 1;
    for (uint32_t i = (uint32_t)hash & mask;; i = (i + 1) & mask) {
        ObjStr *e = t->slots[i];
        if (e == NULL) return NULL;
        if (e->hash == hash && e->byte_len == len && memcmp(e->data, s, len) == 0)
            return e;
    }
}

ObjStr *str_intern(VM *vm, const char *utf8, size_t len)
{
    uint64_t hash = hash_bytes(utf8, len);
    ObjStr *found = table_find(&vm->strings, utf8, len, hash);
    if (found) return found;
    ObjStr *s = str_alloc(vm, len);
    memcpy(s->data, utf8, len);
    str_finish(s);
    s->hash = hash;
    s->hashed = 1;
    s->interned = 1;
    StrTable *t = &vm->strings;
    if ((t->count + 1) * 4 >= t->cap * 3) table_rebuild(t, t->cap ? t->cap * 2 : 1024, false);
    table_insert_slot(&vm->strings, s);
    vm->strings.count++;
    return s;
}

ObjStr *str_intern_cstr(VM *vm, const char *cstr)
{
    return str_intern(vm, cstr, strlen(cstr));
}

void str_install(VM *vm)
{
    (void)vm;
}
