/* str.c: immutable UTF-8 strings, the intern table, and str's methods. */
#include <stdlib.h>
#include <string.h>

#include "str.h"

#include "args.h"
#include "format.h"
#include "gc.h"
#include "iter.h"
#include "list.h"
#include "ops.h"
#include "range.h"
#include "unicode_digits.h"

/* CPython 3.11's str hash as PYTHONHASHSEED=0 makes it (the seed the golden
 * tests run CPython with): SipHash-1-3 with a zero key over the string's
 * canonical PEP 393 form (1, 2 or 4 bytes per code point, little-endian).
 * So sets of strings iterate, and print, in CPython's order. */
#define SIP_ROTATE(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIP_HALF_ROUND(a, b, c, d, s, t)                                                           \
    a += b;                                                                                        \
    c += d;                                                                                        \
    b = SIP_ROTATE(b, s) ^ a;                                                                      \
    d = SIP_ROTATE(d, t) ^ c;                                                                      \
    a = SIP_ROTATE(a, 32);
#define SIP_ROUND(v0, v1, v2, v3)                                                                  \
    SIP_HALF_ROUND(v0, v1, v2, v3, 13, 16);                                                        \
    SIP_HALF_ROUND(v2, v1, v0, v3, 17, 21);

static uint64_t siphash13(const uint8_t *in, size_t len)
{
    uint64_t b = (uint64_t)len << 56;
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    for (; len >= 8; in += 8, len -= 8) {
        uint64_t mi = 0;
        for (int i = 7; i >= 0; i--) mi = (mi << 8) | in[i];
        v3 ^= mi;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (size_t i = len; i > 0; i--) t = (t << 8) | in[i - 1];
    b |= t;
    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

static uint64_t hash_bytes(const char *s, size_t len)
{
    if (len == 0) return 0; /* as CPython: hash('') == 0 whatever the seed */
    size_t i = 0;
    while (i < len && (uint8_t)s[i] < 0x80) i++;
    uint64_t h;
    if (i == len) {
        h = siphash13((const uint8_t *)s, len); /* ASCII: the bytes are the code points */
    } else {
        /* decode, find the widest code point, pack at that width */
        uint32_t small[256];
        uint32_t *cps = len <= 256 ? small : malloc(len * sizeof *cps);
        if (cps == NULL) abort();
        size_t n = 0;
        uint32_t max = 0;
        for (size_t j = 0; j < len;) {
            uint8_t c = (uint8_t)s[j];
            uint32_t cp;
            int k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            cp = k == 1 ? c : k == 2 ? c & 0x1F : k == 3 ? c & 0x0F : c & 0x07;
            for (int m = 1; m < k && j + (size_t)m < len; m++) cp = (cp << 6) | ((uint8_t)s[j + m] & 0x3F);
            j += (size_t)k;
            cps[n++] = cp;
            if (cp > max) max = cp;
        }
        size_t width = max <= 0xFF ? 1 : max <= 0xFFFF ? 2 : 4;
        uint8_t small_buf[1024];
        uint8_t *buf = n * width <= sizeof small_buf ? small_buf : malloc(n * width);
        if (buf == NULL) abort();
        for (size_t j = 0; j < n; j++)
            for (size_t m = 0; m < width; m++) buf[j * width + m] = (uint8_t)(cps[j] >> (8 * m));
        h = siphash13(buf, n * width);
        if (buf != small_buf) free(buf);
        if (cps != small) free(cps);
    }
    return h == (uint64_t)-1 ? (uint64_t)-2 : h; /* -1 is reserved, as in CPython */
}

uint64_t str_hash_compute(ObjStr *s)
{
    s->hash = hash_bytes(s->data, s->byte_len);
    s->hashed = 1;
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
    /* Eight bytes at a time: count the continuation bytes (10xxxxxx). */
    size_t i = 0, cont = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t hi = w & 0x8080808080808080ULL;
        if (hi == 0) continue;
        uint64_t c = hi & ~(w << 1); /* bit 7 set and bit 6 clear */
        cont += (size_t)__builtin_popcountll(c & 0x8080808080808080ULL);
    }
    for (; i < len; i++) cont += ((uint8_t)s[i] & 0xC0) == 0x80;
    return (uint32_t)(len - cont);
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

/* ---- str's methods ---------------------------------------------------------------- */
#include <locale.h>
#include <wctype.h>

/* Non-ASCII case mapping and classes come from glibc's C.UTF-8 tables
 * (simple one-to-one mappings; CPython's special casing such as 'ß' -> 'SS'
 * is handled for the common cases below). */
static locale_t utf8_locale(void)
{
    static locale_t loc;
    static bool tried;
    if (!tried) {
        tried = true;
        loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    }
    return loc;
}

static uint32_t cp_decode(const char *s, uint32_t *len)
{
    const uint8_t *p = (const uint8_t *)s;
    uint8_t c = p[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c < 0xE0) {
        *len = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *len = 3;
        return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

static uint32_t cp_upper(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    locale_t loc = utf8_locale();
    return loc ? (uint32_t)towupper_l((wint_t)c, loc) : c;
}

static uint32_t cp_lower(uint32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    locale_t loc = utf8_locale();
    return loc ? (uint32_t)towlower_l((wint_t)c, loc) : c;
}

static bool cp_is_upper(uint32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    locale_t loc = utf8_locale();
    return loc && iswupper_l((wint_t)c, loc);
}

static bool cp_is_lower(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z';
    locale_t loc = utf8_locale();
    return loc && iswlower_l((wint_t)c, loc);
}

static bool cp_is_cased(uint32_t c)
{
    return cp_is_upper(c) || cp_is_lower(c) || cp_upper(c) != c || cp_lower(c) != c;
}

static bool in_ranges(uint32_t c, const uint32_t (*r)[2], size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid][0]) hi = mid;
        else if (c > r[mid][1]) lo = mid + 1;
        else return true;
    }
    return false;
}
#define IN_TABLE(c, t) in_ranges((c), (t), sizeof(t) / sizeof((t)[0]))

static bool cp_is_decimal(uint32_t c)
{
    return c < 0x80 ? c >= '0' && c <= '9' : IN_TABLE(c, unicode_decimal);
}

static bool cp_is_digit(uint32_t c)
{
    return c < 0x80 ? c >= '0' && c <= '9' : IN_TABLE(c, unicode_digit);
}

static bool cp_is_numeric(uint32_t c)
{
    return c < 0x80 ? c >= '0' && c <= '9' : IN_TABLE(c, unicode_numeric);
}

static bool cp_is_alpha(uint32_t c)
{
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    locale_t loc = utf8_locale();
    return loc && iswalpha_l((wint_t)c, loc) && !cp_is_numeric(c);
}

/* Python's whitespace (str.split(), str.strip(), str.isspace()). */
static bool cp_is_space(uint32_t c)
{
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool cp_is_linebreak(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) ||
           c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* ---- helpers ---------------------------------------------------------------------- */

static const char *tname(VM *vm, Value v)
{
    return vm_class_of(vm, v)->name->data;
}

static ObjStr *self_str(Value *args)
{
    return AS_STR(args[0]);
}

/* A str result: the bytes [p, p + n) of s (s itself when it is all of an exact str). */
static ObjStr *substr(VM *vm, ObjStr *s, const char *p, size_t n)
{
    if (n == s->byte_len && s->obj.cls == vm->c.str) return s;
    return str_new(vm, p, n);
}

/* Byte offset of code point index i (0 <= i <= char_len). */
static uint32_t offset_of(ObjStr *s, int64_t i)
{
    if (s->ascii) return (uint32_t)i;
    uint32_t off = 0;
    for (int64_t k = 0; k < i && off < s->byte_len; k++) {
        off++;
        while (off < s->byte_len && ((uint8_t)s->data[off] & 0xC0) == 0x80) off++;
    }
    return off;
}

/* Code point index of byte offset off. */
static int64_t index_of(ObjStr *s, uint32_t off)
{
    if (s->ascii) return off;
    int64_t n = 0;
    for (uint32_t i = 0; i < off; i++) n += ((uint8_t)s->data[i] & 0xC0) != 0x80;
    return n;
}

/* A start/end argument (None or int-like) adjusted as CPython's string
 * searches do: negatives count from the end (floored at 0), ends are capped
 * at len, starts are not (a start past the end finds nothing). */
static bool slice_arg(VM *vm, Value v, int64_t len, int64_t dflt, bool is_end, int64_t *out)
{
    if (IS_EMPTY(v) || IS_NONE(v)) {
        *out = dflt;
        return true;
    }
    int64_t i;
    if (IS_INT(v) || IS_BOOL(v)) {
        i = IS_INT(v) ? AS_INT(v) : AS_BOOL(v);
    } else if (IS_OBJ(v) && !IS_STR(v) &&
               !IS_EMPTY(class_lookup(vm_class_of(vm, v), vm->n.__index__))) {
        if (!op_index(vm, v, &i)) return false;
    } else {
        return vm_raise(vm, vm->c.TypeError,
                        "slice indices must be integers or None or have an __index__ method");
    }
    if (i < 0) {
        i += len;
        if (i < 0) i = 0;
    } else if (is_end && i > len) {
        i = len;
    }
    *out = i;
    return true;
}

/* The [start, end) code point range of a search as byte offsets; false in
 * *empty when the range is empty (start past the end or end before start). */
static bool search_range(VM *vm, ObjStr *s, Value vstart, Value vend, size_t *a, size_t *b,
                         bool *empty)
{
    int64_t start, end;
    if (!slice_arg(vm, vstart, s->char_len, 0, false, &start) ||
        !slice_arg(vm, vend, s->char_len, s->char_len, true, &end))
        return false;
    *empty = start > (int64_t)s->char_len || end < start;
    if (*empty) {
        *a = *b = 0;
        return true;
    }
    *a = offset_of(s, start);
    *b = offset_of(s, end);
    return true;
}

/* Find needle in hay[from, to) (bytes): offset or -1. */
static int64_t find_bytes(const char *hay, size_t from, size_t to, const char *needle, size_t n)
{
    if (to < from || to - from < n) return -1;
    if (n == 0) return (int64_t)from;
    const char *p = n == 1 ? memchr(hay + from, needle[0], to - from)
                           : memmem(hay + from, to - from, needle, n);
    return p ? p - hay : -1;
}

static int64_t rfind_bytes(const char *hay, size_t from, size_t to, const char *needle, size_t n)
{
    if (to < from || to - from < n) return -1;
    if (n == 0) return (int64_t)to;
    for (size_t i = to - n + 1; i-- > from;) {
        if (hay[i] == needle[0] && memcmp(hay + i, needle, n) == 0) return (int64_t)i;
    }
    return -1;
}

static bool need_str_arg(VM *vm, Value v)
{
    if (IS_STR(v)) return true;
    return vm_raise(vm, vm->c.TypeError, "must be str, not %s", tname(vm, v));
}

#define SELF(name)                                                                                 \
    if (!args_self(vm, args, nargs, vm->c.str, name)) return false;                                \
    ObjStr *s = self_str(args);                                                                    \
    (void)s

/* ---- numbers in text ------------------------------------------------------------- */

/* Decimal digit value of a Unicode Nd code point (the ranges start at a zero). */
static int cp_decimal_value(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
    size_t lo = 0, hi = sizeof unicode_decimal / sizeof unicode_decimal[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < unicode_decimal[mid][0]) hi = mid;
        else if (c > unicode_decimal[mid][1]) lo = mid + 1;
        else return (int)((c - unicode_decimal[mid][0]) % 10);
    }
    return -1;
}

bool str_to_ascii_number(const char *s, size_t n, char **out, size_t *out_len)
{
    bool plain = true;
    for (size_t i = 0; i < n; i++) plain &= (uint8_t)s[i] < 0x80;
    if (plain) return false;
    char *buf = malloc(n + 1);
    if (buf == NULL) abort();
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t len;
        uint32_t c = cp_decode(s + i, &len);
        int d = cp_decimal_value(c);
        if (d >= 0) buf[k++] = (char)('0' + d);
        else if (cp_is_space(c)) buf[k++] = ' ';
        else {
            memcpy(buf + k, s + i, len); /* left as is: the parse will reject it */
            k += len;
        }
        i += len;
    }
    buf[k] = '\0';
    *out = buf;
    *out_len = k;
    return true;
}

/* ---- construction --------------------------------------------------------------- */

static bool m_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    Value a[3];
    if (!args_parse(vm, "str", args + 1, nargs - 1, kwnames, 3, 0, names, 3, a)) return false;
    if (!IS_EMPTY(a[1]) && !IS_STR(a[1]))
        return vm_raise(vm, vm->c.TypeError, "str() argument 'encoding' must be str, not %s",
                        tname(vm, a[1]));
    if (!IS_EMPTY(a[2]) && !IS_STR(a[2]))
        return vm_raise(vm, vm->c.TypeError, "str() argument 'errors' must be str, not %s",
                        tname(vm, a[2]));
    if (!IS_EMPTY(a[1]) || !IS_EMPTY(a[2])) {
        if (IS_STR(a[0]))
            return vm_raise(vm, vm->c.TypeError, "decoding str is not supported");
        return vm_raise(vm, vm->c.NotImplementedError, "bytes are not supported");
    }
    ObjStr *r = vm->n.empty;
    if (!IS_EMPTY(a[0]) && !op_str(vm, a[0], &r)) return false;
    ObjClass *cls = nargs >= 1 && IS_CLASS(args[0]) ? AS_CLASS(args[0]) : vm->c.str;
    if (cls != vm->c.str) {
        /* A subclass instance: a fresh str object of that class. */
        vm_push_root(vm, OBJ_VAL(r));
        ObjStr *c = str_alloc(vm, r->byte_len);
        memcpy(c->data, r->data, r->byte_len);
        str_finish(c);
        c->obj.cls = cls;
        vm_pop_root(vm, 1);
        r = c;
    }
    *out = OBJ_VAL(r);
    return true;
}

/* ---- join / split ----------------------------------------------------------------- */

static bool join_items(VM *vm, ObjStr *sep, Value *items, uint32_t n, Value *out)
{
    size_t total = 0;
    uint32_t chars = 0;
    bool ascii = sep->ascii;
    for (uint32_t i = 0; i < n; i++) {
        if (!IS_STR(items[i]))
            return vm_raise(vm, vm->c.TypeError, "sequence item %u: expected str instance, %s found",
                            i, tname(vm, items[i]));
        ObjStr *x = AS_STR(items[i]);
        total += x->byte_len;
        chars += x->char_len;
        ascii = ascii && x->ascii;
    }
    if (n == 0) {
        *out = OBJ_VAL(vm->n.empty);
        return true;
    }
    if (n == 1 && AS_OBJ(items[0])->cls == vm->c.str) {
        *out = items[0];
        return true;
    }
    total += (size_t)sep->byte_len * (n - 1);
    if (total > UINT32_MAX - 1) return vm_raise(vm, vm->c.MemoryError, "joined string is too long");
    ObjStr *r = str_alloc(vm, total);
    char *p = r->data;
    for (uint32_t i = 0; i < n; i++) {
        if (i && sep->byte_len) {
            memcpy(p, sep->data, sep->byte_len);
            p += sep->byte_len;
        }
        ObjStr *x = AS_STR(items[i]);
        memcpy(p, x->data, x->byte_len);
        p += x->byte_len;
    }
    r->char_len = chars + sep->char_len * (n - 1);
    r->ascii = ascii;
    *out = OBJ_VAL(r);
    return true;
}

static bool m_join(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("join");
    if (!args_no_kw(vm, "str.join", kwnames) || !args_one(vm, "str.join()", nargs - 1)) return false;
    Value it = args[1];
    if (IS_LIST(it) || IS_TUPLE(it)) {
        /* Strs only: nothing can run Python code, so the items stay put. */
        Value *items = IS_LIST(it) ? AS_LIST(it)->items : AS_TUPLE(it)->items;
        uint32_t n = IS_LIST(it) ? AS_LIST(it)->len : AS_TUPLE(it)->len;
        return join_items(vm, s, items, n, out);
    }
    Value iter;
    if (!op_iter(vm, it, &iter)) {
        if (vm_exception_matches(vm, vm->c.TypeError)) {
            vm_take_exception(vm);
            return vm_raise(vm, vm->c.TypeError, "can only join an iterable");
        }
        return false;
    }
    vm_push_root(vm, iter);
    ObjList *l = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(l));
    bool ok = true;
    for (;;) {
        Value x;
        bool done;
        if (!op_next(vm, iter, &x, &done)) {
            ok = false;
            break;
        }
        if (done) break;
        list_append(vm, l, x);
    }
    if (ok) ok = join_items(vm, s, l->items, l->len, out);
    vm_pop_root(vm, 2);
    return ok;
}

/* Append s[a, b) (bytes) to list l. */
static void add_piece(VM *vm, ObjList *l, ObjStr *s, size_t a, size_t b)
{
    ObjStr *piece = substr(vm, s, s->data + a, b - a);
    list_append(vm, l, OBJ_VAL(piece));
}

static bool split_args(VM *vm, const char *name, Value *args, int nargs, ObjTuple *kwnames,
                       Value *sep, int64_t *maxsplit)
{
    static const char *const names[] = {"sep", "maxsplit"};
    Value a[2];
    if (!args_parse(vm, name, args + 1, nargs - 1, kwnames, 2, 0, names, 2, a)) return false;
    *sep = IS_EMPTY(a[0]) ? NONE_VAL : a[0];
    if (!IS_NONE(*sep) && !IS_STR(*sep))
        return vm_raise(vm, vm->c.TypeError, "must be str or None, not %s", tname(vm, *sep));
    if (IS_STR(*sep) && AS_STR(*sep)->byte_len == 0)
        return vm_raise(vm, vm->c.ValueError, "empty separator");
    *maxsplit = -1;
    if (!IS_EMPTY(a[1]) && !op_index(vm, a[1], maxsplit)) return false;
    if (*maxsplit < 0) *maxsplit = INT64_MAX;
    return true;
}

/* The code point starting at byte i, and whether it is whitespace. */
static bool space_at(ObjStr *s, size_t i, uint32_t *len)
{
    uint8_t c = (uint8_t)s->data[i];
    if (c < 0x80) {
        *len = 1;
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }
    return cp_is_space(cp_decode(s->data + i, len));
}

/* Whether the code point ending just before byte i is whitespace. */
static bool space_before(ObjStr *s, size_t i, uint32_t *len)
{
    size_t j = i - 1;
    while (j > 0 && ((uint8_t)s->data[j] & 0xC0) == 0x80) j--;
    return space_at(s, j, len);
}

static bool m_split(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("split");
    Value sep;
    int64_t maxsplit;
    if (!split_args(vm, "split", args, nargs, kwnames, &sep, &maxsplit)) return false;
    ObjList *l = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(l));
    size_t n = s->byte_len, i = 0;
    if (IS_NONE(sep)) {
        uint32_t len;
        int64_t splits = 0;
        for (;;) {
            while (i < n && space_at(s, i, &len)) i += len;
            if (i >= n) break;
            if (splits >= maxsplit) {
                /* The rest, without trailing whitespace removal (CPython keeps it). */
                size_t end = n;
                add_piece(vm, l, s, i, end);
                break;
            }
            size_t start = i;
            while (i < n && !space_at(s, i, &len)) i += len;
            add_piece(vm, l, s, start, i);
            splits++;
        }
    } else {
        ObjStr *sp = AS_STR(sep);
        int64_t splits = 0;
        size_t start = 0;
        while (splits < maxsplit) {
            int64_t at = find_bytes(s->data, start, n, sp->data, sp->byte_len);
            if (at < 0) break;
            add_piece(vm, l, s, start, (size_t)at);
            start = (size_t)at + sp->byte_len;
            splits++;
        }
        add_piece(vm, l, s, start, n);
    }
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(l);
    return true;
}

/* Reverse a list in place (rsplit collects pieces from the right). */
static void reverse_list(ObjList *l)
{
    for (uint32_t a = 0, b = l->len ? l->len - 1 : 0; a < b; a++, b--) {
        Value t = l->items[a];
        l->items[a] = l->items[b];
        l->items[b] = t;
    }
}

static bool m_rsplit(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("rsplit");
    Value sep;
    int64_t maxsplit;
    if (!split_args(vm, "rsplit", args, nargs, kwnames, &sep, &maxsplit)) return false;
    ObjList *l = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(l));
    size_t i = s->byte_len;
    if (IS_NONE(sep)) {
        uint32_t len;
        int64_t splits = 0;
        for (;;) {
            while (i > 0 && space_before(s, i, &len)) i -= len;
            if (i == 0) break;
            if (splits >= maxsplit) {
                add_piece(vm, l, s, 0, i);
                break;
            }
            size_t end = i;
            while (i > 0 && !space_before(s, i, &len)) i -= len;
            add_piece(vm, l, s, i, end);
            splits++;
        }
    } else {
        ObjStr *sp = AS_STR(sep);
        int64_t splits = 0;
        size_t end = s->byte_len;
        while (splits < maxsplit) {
            int64_t at = rfind_bytes(s->data, 0, end, sp->data, sp->byte_len);
            if (at < 0) break;
            add_piece(vm, l, s, (size_t)at + sp->byte_len, end);
            end = (size_t)at;
            splits++;
        }
        add_piece(vm, l, s, 0, end);
    }
    reverse_list(l);
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(l);
    return true;
}

static bool m_splitlines(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("splitlines");
    static const char *const names[] = {"keepends"};
    Value a[1];
    if (!args_parse(vm, "splitlines", args + 1, nargs - 1, kwnames, 1, 0, names, 1, a)) return false;
    bool keep = false;
    if (!IS_EMPTY(a[0]) && !op_truthy(vm, a[0], &keep)) return false;
    ObjList *l = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(l));
    size_t n = s->byte_len, i = 0, start = 0;
    while (i < n) {
        uint32_t len;
        uint32_t c = cp_decode(s->data + i, &len);
        if (cp_is_linebreak(c)) {
            size_t end = i;
            i += len;
            if (c == '\r' && i < n && s->data[i] == '\n') i++;
            add_piece(vm, l, s, start, keep ? i : end);
            start = i;
        } else {
            i += len;
        }
    }
    if (start < n) add_piece(vm, l, s, start, n);
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(l);
    return true;
}

static bool partition(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, bool right)
{
    const char *name = right ? "rpartition" : "partition";
    SELF(name);
    if (!args_no_kw(vm, right ? "str.rpartition" : "str.partition", kwnames) ||
        !args_one(vm, right ? "str.rpartition()" : "str.partition()", nargs - 1))
        return false;
    if (!need_str_arg(vm, args[1])) return false;
    ObjStr *sep = AS_STR(args[1]);
    if (sep->byte_len == 0) return vm_raise(vm, vm->c.ValueError, "empty separator");
    int64_t at = right ? rfind_bytes(s->data, 0, s->byte_len, sep->data, sep->byte_len)
                       : find_bytes(s->data, 0, s->byte_len, sep->data, sep->byte_len);
    ObjTuple *t = tuple_new(vm, NULL, 3);
    vm_push_root(vm, OBJ_VAL(t));
    for (int i = 0; i < 3; i++) t->items[i] = OBJ_VAL(vm->n.empty);
    if (at < 0) {
        t->items[right ? 2 : 0] = OBJ_VAL(s);
    } else {
        t->items[1] = OBJ_VAL(sep);
        t->items[0] = OBJ_VAL(substr(vm, s, s->data, (size_t)at));
        size_t after = (size_t)at + sep->byte_len;
        t->items[2] = OBJ_VAL(substr(vm, s, s->data + after, s->byte_len - after));
    }
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(t);
    return true;
}

static bool m_partition(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return partition(vm, args, nargs, kwnames, out, false);
}

static bool m_rpartition(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return partition(vm, args, nargs, kwnames, out, true);
}

/* ---- strip ------------------------------------------------------------------------- */

static bool in_chars(ObjStr *chars, uint32_t c)
{
    if (chars == NULL) return cp_is_space(c);
    if (chars->ascii) return c < 0x80 && memchr(chars->data, (int)c, chars->byte_len) != NULL;
    for (uint32_t i = 0; i < chars->byte_len;) {
        uint32_t len;
        if (cp_decode(chars->data + i, &len) == c) return true;
        i += len;
    }
    return false;
}

static bool strip(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, int which)
{
    static const char *const names[] = {"strip", "lstrip", "rstrip"};
    SELF(names[which]);
    if (!args_no_kw(vm, which == 0 ? "str.strip" : which == 1 ? "str.lstrip" : "str.rstrip",
                    kwnames) ||
        !args_range(vm, names[which], nargs - 1, 0, 1))
        return false;
    ObjStr *chars = NULL;
    if (nargs > 1 && !IS_NONE(args[1])) {
        if (!IS_STR(args[1]))
            return vm_raise(vm, vm->c.TypeError, "%s arg must be None or str", names[which]);
        chars = AS_STR(args[1]);
    }
    size_t a = 0, b = s->byte_len;
    if (which != 2) {
        while (a < b) {
            uint32_t len;
            uint32_t c = cp_decode(s->data + a, &len);
            if (!in_chars(chars, c)) break;
            a += len;
        }
    }
    if (which != 1) {
        while (b > a) {
            size_t j = b - 1;
            while (j > a && ((uint8_t)s->data[j] & 0xC0) == 0x80) j--;
            uint32_t len;
            uint32_t c = cp_decode(s->data + j, &len);
            if (!in_chars(chars, c)) break;
            b = j;
        }
    }
    *out = OBJ_VAL(substr(vm, s, s->data + a, b - a));
    return true;
}

static bool m_strip(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return strip(vm, args, nargs, kwnames, out, 0);
}

static bool m_lstrip(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return strip(vm, args, nargs, kwnames, out, 1);
}

static bool m_rstrip(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    return strip(vm, args, nargs, kwnames, out, 2);
}

/* ---- case ---------------------------------------------------------------------------- */

typedef enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE } CaseMode;

static void add_upper(TextBuf *b, uint32_t c)
{
    if (c == 0xDF) { /* ß */
        tb_adds(b, "SS");
        return;
    }
    tb_add_cp(b, cp_upper(c));
}

/* Lower case: U+0130 (İ) is the one code point whose lower case is two. */
static void add_lower(TextBuf *b, uint32_t c)
{
    if (c == 0x130) {
        tb_adds(b, "i\xcc\x87");
        return;
    }
    tb_add_cp(b, cp_lower(c));
}

/* Title case (title, capitalize): ß becomes "Ss", the Latin digraphs their
   title forms (U+01C5, U+01C8, U+01CB, U+01F2); the rest as upper case. */
static void add_title(TextBuf *b, uint32_t c)
{
    if (c == 0xDF) {
        tb_adds(b, "Ss");
        return;
    }
    if (c >= 0x1C4 && c <= 0x1CC) {
        tb_add_cp(b, 0x1C5 + (c - 0x1C4) / 3 * 3);
        return;
    }
    if (c >= 0x1F1 && c <= 0x1F3) {
        tb_add_cp(b, 0x1F2);
        return;
    }
    tb_add_cp(b, cp_upper(c));
}

static bool change_case(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out,
                        CaseMode mode, const char *name, const char *qual)
{
    SELF(name);
    if (!args_no_kw(vm, qual, kwnames)) return false;
    char paren[48];
    snprintf(paren, sizeof paren, "%s()", qual);
    if (!args_none(vm, paren, nargs - 1)) return false;
    if (s->ascii) {
        ObjStr *r = str_alloc(vm, s->byte_len);
        bool prev_cased = false;
        for (uint32_t i = 0; i < s->byte_len; i++) {
            char c = s->data[i];
            bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
            char u = low ? (char)(c - 32) : c, l = up ? (char)(c + 32) : c;
            switch (mode) {
            case CASE_UPPER: c = u; break;
            case CASE_LOWER: c = l; break;
            case CASE_SWAP: c = up ? l : u; break;
            case CASE_TITLE: c = prev_cased ? l : u; break;
            case CASE_CAPITALIZE: c = i == 0 ? u : l; break;
            }
            prev_cased = up || low;
            r->data[i] = c;
        }
        r->char_len = s->char_len;
        r->ascii = 1;
        *out = OBJ_VAL(r);
        return true;
    }
    TextBuf b;
    tb_init(&b);
    tb_reserve(&b, s->byte_len);
    bool prev_cased = false, first = true;
    for (uint32_t i = 0; i < s->byte_len;) {
        uint32_t len;
        uint32_t c = cp_decode(s->data + i, &len);
        i += len;
        bool cased = cp_is_cased(c);
        switch (mode) {
        case CASE_UPPER: add_upper(&b, c); break;
        case CASE_LOWER: add_lower(&b, c); break;
        case CASE_SWAP:
            if (cp_is_upper(c)) add_lower(&b, c);
            else if (cp_is_lower(c)) add_upper(&b, c);
            else tb_add_cp(&b, c);
            break;
        case CASE_TITLE:
            if (!cased) tb_add_cp(&b, c);
            else if (prev_cased) add_lower(&b, c);
            else add_title(&b, c);
            break;
        case CASE_CAPITALIZE:
            if (first) add_title(&b, c);
            else add_lower(&b, c);
            break;
        }
        prev_cased = cased;
        first = false;
    }
    *out = OBJ_VAL(tb_to_str(vm, &b));
    return true;
}

static bool m_upper(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return change_case(vm, args, nargs, kw, out, CASE_UPPER, "upper", "str.upper");
}
static bool m_lower(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return change_case(vm, args, nargs, kw, out, CASE_LOWER, "lower", "str.lower");
}
static bool m_casefold(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return change_case(vm, args, nargs, kw, out, CASE_LOWER, "casefold", "str.casefold");
}
static bool m_swapcase(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return change_case(vm, args, nargs, kw, out, CASE_SWAP, "swapcase", "str.swapcase");
}
static bool m_title(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return change_case(vm, args, nargs, kw, out, CASE_TITLE, "title", "str.title");
}
static bool m_capitalize(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return change_case(vm, args, nargs, kw, out, CASE_CAPITALIZE, "capitalize", "str.capitalize");
}

/* ---- predicates ------------------------------------------------------------------------ */

typedef enum {
    IS_DIGIT_P, IS_DECIMAL_P, IS_NUMERIC_P, IS_ALPHA_P, IS_ALNUM_P, IS_SPACE_P, IS_UPPER_P,
    IS_LOWER_P, IS_TITLE_P, IS_IDENT_P, IS_ASCII_P, IS_PRINTABLE_P
} Predicate;

static bool cp_is_printable_approx(uint32_t c)
{
    return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0xA0) && c != 0xAD;
}

static bool predicate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, Predicate p,
                      const char *name)
{
    SELF(name);
    char qual[40], paren[44];
    snprintf(qual, sizeof qual, "str.%s", name);
    snprintf(paren, sizeof paren, "str.%s()", name);
    if (!args_no_kw(vm, qual, kwnames) || !args_none(vm, paren, nargs - 1)) return false;
    bool result;
    if (p == IS_ASCII_P) {
        *out = BOOL_VAL(s->ascii);
        return true;
    }
    if (s->byte_len == 0) {
        *out = BOOL_VAL(p == IS_PRINTABLE_P);
        return true;
    }
    if (p == IS_UPPER_P || p == IS_LOWER_P) {
        bool any_cased = false;
        result = true;
        for (uint32_t i = 0; i < s->byte_len && result;) {
            uint32_t len;
            uint32_t c = cp_decode(s->data + i, &len);
            i += len;
            if (cp_is_upper(c)) {
                any_cased = true;
                if (p == IS_LOWER_P) result = false;
            } else if (cp_is_lower(c)) {
                any_cased = true;
                if (p == IS_UPPER_P) result = false;
            }
        }
        *out = BOOL_VAL(result && any_cased);
        return true;
    }
    if (p == IS_TITLE_P) {
        bool prev_cased = false, any = false;
        result = true;
        for (uint32_t i = 0; i < s->byte_len && result;) {
            uint32_t len;
            uint32_t c = cp_decode(s->data + i, &len);
            i += len;
            if (cp_is_upper(c)) {
                if (prev_cased) result = false;
                prev_cased = any = true;
            } else if (cp_is_lower(c)) {
                if (!prev_cased) result = false;
                prev_cased = any = true;
            } else {
                prev_cased = false;
            }
        }
        *out = BOOL_VAL(result && any);
        return true;
    }
    result = true;
    bool first = true;
    for (uint32_t i = 0; i < s->byte_len && result;) {
        uint32_t len;
        uint32_t c = cp_decode(s->data + i, &len);
        i += len;
        switch (p) {
        case IS_DIGIT_P: result = cp_is_digit(c); break;
        case IS_DECIMAL_P: result = cp_is_decimal(c); break;
        case IS_NUMERIC_P: result = cp_is_numeric(c); break;
        case IS_ALPHA_P: result = cp_is_alpha(c); break;
        case IS_ALNUM_P: result = cp_is_alpha(c) || cp_is_numeric(c); break;
        case IS_SPACE_P: result = cp_is_space(c); break;
        case IS_IDENT_P:
            result = c == '_' || cp_is_alpha(c) || (!first && cp_is_decimal(c));
            break;
        case IS_PRINTABLE_P: result = cp_is_printable_approx(c); break;
        default: break;
        }
        first = false;
    }
    *out = BOOL_VAL(result);
    return true;
}

#define PREDICATE(fn, P, name)                                                                     \
    static bool fn(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)                       \
    {                                                                                              \
        return predicate(vm, args, nargs, kw, out, P, name);                                       \
    }
PREDICATE(m_isdigit, IS_DIGIT_P, "isdigit")
PREDICATE(m_isdecimal, IS_DECIMAL_P, "isdecimal")
PREDICATE(m_isnumeric, IS_NUMERIC_P, "isnumeric")
PREDICATE(m_isalpha, IS_ALPHA_P, "isalpha")
PREDICATE(m_isalnum, IS_ALNUM_P, "isalnum")
PREDICATE(m_isspace, IS_SPACE_P, "isspace")
PREDICATE(m_isupper, IS_UPPER_P, "isupper")
PREDICATE(m_islower, IS_LOWER_P, "islower")
PREDICATE(m_istitle, IS_TITLE_P, "istitle")
PREDICATE(m_isidentifier, IS_IDENT_P, "isidentifier")
PREDICATE(m_isascii, IS_ASCII_P, "isascii")
PREDICATE(m_isprintable, IS_PRINTABLE_P, "isprintable")

/* ---- searching ---------------------------------------------------------------------- */

/* sub, start, end of find / index / count: byte range [*a, *b) of s. */
static bool search_args(VM *vm, const char *name, ObjStr *s, Value *args, int nargs,
                        ObjTuple *kwnames, ObjStr **sub, size_t *a, size_t *b, bool *empty_range)
{
    if (!args_no_kw(vm, name, kwnames) || !args_range_paren(vm, name, nargs - 1, 1, 3))
        return false;
    if (!need_str_arg(vm, args[1])) return false;
    *sub = AS_STR(args[1]);
    return search_range(vm, s, nargs > 2 ? args[2] : EMPTY_VAL, nargs > 3 ? args[3] : EMPTY_VAL, a,
                        b, empty_range);
}

static bool find_common(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, bool right,
                        bool raise, const char *name)
{
    SELF(name);
    ObjStr *sub;
    size_t a, b;
    bool empty;
    if (!search_args(vm, name, s, args, nargs, kwnames, &sub, &a, &b, &empty)) return false;
    int64_t at = -1;
    if (!empty) {
        at = right ? rfind_bytes(s->data, a, b, sub->data, sub->byte_len)
                   : find_bytes(s->data, a, b, sub->data, sub->byte_len);
    }
    if (at < 0) {
        if (raise) return vm_raise(vm, vm->c.ValueError, "substring not found");
        *out = INT_VAL(-1);
        return true;
    }
    *out = INT_VAL(index_of(s, (uint32_t)at));
    return true;
}

static bool m_find(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return find_common(vm, args, nargs, kw, out, false, false, "find");
}
static bool m_rfind(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return find_common(vm, args, nargs, kw, out, true, false, "rfind");
}
static bool m_index(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return find_common(vm, args, nargs, kw, out, false, true, "index");
}
static bool m_rindex(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return find_common(vm, args, nargs, kw, out, true, true, "rindex");
}

static bool m_count(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("count");
    ObjStr *sub;
    size_t a, b;
    bool empty;
    if (!search_args(vm, "count", s, args, nargs, kwnames, &sub, &a, &b, &empty)) return false;
    int64_t n = 0;
    if (empty) {
        n = 0;
    } else if (sub->byte_len == 0) {
        n = index_of(s, (uint32_t)b) - index_of(s, (uint32_t)a) + 1;
    } else {
        size_t i = a;
        int64_t at;
        while ((at = find_bytes(s->data, i, b, sub->data, sub->byte_len)) >= 0) {
            n++;
            i = (size_t)at + sub->byte_len;
        }
    }
    *out = INT_VAL(n);
    return true;
}

static bool affix(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, bool end)
{
    const char *name = end ? "endswith" : "startswith";
    SELF(name);
    if (!args_no_kw(vm, end ? "str.endswith" : "str.startswith", kwnames) ||
        !args_range_paren(vm, name, nargs - 1, 1, 3))
        return false;
    size_t a, b;
    bool empty;
    if (!search_range(vm, s, nargs > 2 ? args[2] : EMPTY_VAL, nargs > 3 ? args[3] : EMPTY_VAL, &a,
                      &b, &empty))
        return false;
    Value pat = args[1];
    Value *items = &pat;
    uint32_t n = 1;
    if (IS_TUPLE(pat)) {
        items = AS_TUPLE(pat)->items;
        n = AS_TUPLE(pat)->len;
        for (uint32_t i = 0; i < n; i++)
            if (!IS_STR(items[i]))
                return vm_raise(vm, vm->c.TypeError, "tuple for %s must only contain str, not %s",
                                name, tname(vm, items[i]));
    } else if (!IS_STR(pat)) {
        return vm_raise(vm, vm->c.TypeError, "%s first arg must be str or a tuple of str, not %s",
                        name, tname(vm, pat));
    }
    bool r = false;
    for (uint32_t i = 0; i < n && !r && !empty; i++) {
        ObjStr *p = AS_STR(items[i]);
        if (b - a < p->byte_len) continue;
        size_t at = end ? b - p->byte_len : a;
        r = memcmp(s->data + at, p->data, p->byte_len) == 0;
    }
    *out = BOOL_VAL(r);
    return true;
}

static bool m_startswith(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return affix(vm, args, nargs, kw, out, false);
}
static bool m_endswith(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return affix(vm, args, nargs, kw, out, true);
}

static bool remove_affix(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, bool suffix)
{
    const char *name = suffix ? "removesuffix" : "removeprefix";
    SELF(name);
    if (!args_no_kw(vm, suffix ? "str.removesuffix" : "str.removeprefix", kwnames) ||
        !args_one(vm, suffix ? "str.removesuffix()" : "str.removeprefix()", nargs - 1))
        return false;
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->c.TypeError, "%s() argument must be str, not %s", name,
                        tname(vm, args[1]));
    ObjStr *p = AS_STR(args[1]);
    if (p->byte_len && p->byte_len <= s->byte_len) {
        if (!suffix && memcmp(s->data, p->data, p->byte_len) == 0) {
            *out = OBJ_VAL(str_new(vm, s->data + p->byte_len, s->byte_len - p->byte_len));
            return true;
        }
        if (suffix && memcmp(s->data + s->byte_len - p->byte_len, p->data, p->byte_len) == 0) {
            *out = OBJ_VAL(str_new(vm, s->data, s->byte_len - p->byte_len));
            return true;
        }
    }
    *out = OBJ_VAL(substr(vm, s, s->data, s->byte_len));
    return true;
}

static bool m_removeprefix(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return remove_affix(vm, args, nargs, kw, out, false);
}
static bool m_removesuffix(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return remove_affix(vm, args, nargs, kw, out, true);
}

/* ---- replace ----------------------------------------------------------------------------- */

static bool m_replace(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("replace");
    if (!args_no_kw(vm, "str.replace", kwnames) || !args_range(vm, "replace", nargs - 1, 2, 3))
        return false;
    for (int i = 1; i <= 2; i++)
        if (!IS_STR(args[i]))
            return vm_raise(vm, vm->c.TypeError, "replace() argument %d must be str, not %s", i,
                            tname(vm, args[i]));
    int64_t count = -1;
    if (nargs > 3 && !op_index(vm, args[3], &count)) return false;
    if (count < 0) count = INT64_MAX;
    ObjStr *old = AS_STR(args[1]), *new_ = AS_STR(args[2]);
    TextBuf b;
    tb_init(&b);
    int64_t done = 0;
    if (old->byte_len == 0) {
        /* Insert before every code point and at the end. */
        size_t i = 0;
        while (i <= s->byte_len) {
            if (done < count) {
                tb_add_str(&b, new_);
                done++;
            }
            if (i == s->byte_len) break;
            uint32_t len;
            cp_decode(s->data + i, &len);
            tb_add(&b, s->data + i, len);
            i += len;
        }
    } else {
        size_t i = 0;
        int64_t at;
        while (done < count && (at = find_bytes(s->data, i, s->byte_len, old->data, old->byte_len)) >= 0) {
            tb_add(&b, s->data + i, (size_t)at - i);
            tb_add_str(&b, new_);
            i = (size_t)at + old->byte_len;
            done++;
        }
        if (done == 0) {
            tb_free(&b);
            *out = OBJ_VAL(substr(vm, s, s->data, s->byte_len));
            return true;
        }
        tb_add(&b, s->data + i, s->byte_len - i);
    }
    *out = OBJ_VAL(tb_to_str(vm, &b));
    return true;
}

/* ---- padding ---------------------------------------------------------------------------- */

static bool pad(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out, char mode)
{
    const char *name = mode == '^' ? "center" : mode == '<' ? "ljust" : "rjust";
    SELF(name);
    char qual[16];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (!args_no_kw(vm, qual, kwnames) || !args_range(vm, name, nargs - 1, 1, 2)) return false;
    int64_t width;
    if (!op_index(vm, args[1], &width)) return false;
    const char *fill = " ";
    uint32_t fill_len = 1;
    if (nargs > 2) {
        if (!IS_STR(args[2]))
            return vm_raise(vm, vm->c.TypeError,
                            "The fill character must be a unicode character, not %s",
                            tname(vm, args[2]));
        if (AS_STR(args[2])->char_len != 1)
            return vm_raise(vm, vm->c.TypeError,
                            "The fill character must be exactly one character long");
        fill = AS_STR(args[2])->data;
        fill_len = AS_STR(args[2])->byte_len;
    }
    int64_t n = width - (int64_t)s->char_len;
    if (n <= 0) {
        *out = OBJ_VAL(substr(vm, s, s->data, s->byte_len));
        return true;
    }
    int64_t left = mode == '<' ? 0 : mode == '>' ? n : n / 2 + (n & width & 1);
    int64_t right = n - left;
    TextBuf b;
    tb_init(&b);
    tb_fill(&b, fill, fill_len, left);
    tb_add_str(&b, s);
    tb_fill(&b, fill, fill_len, right);
    *out = OBJ_VAL(tb_to_str(vm, &b));
    return true;
}

static bool m_center(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return pad(vm, args, nargs, kw, out, '^');
}
static bool m_ljust(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return pad(vm, args, nargs, kw, out, '<');
}
static bool m_rjust(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return pad(vm, args, nargs, kw, out, '>');
}

static bool m_zfill(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("zfill");
    if (!args_no_kw(vm, "str.zfill", kwnames) || !args_one(vm, "str.zfill()", nargs - 1))
        return false;
    int64_t width;
    if (!op_index(vm, args[1], &width)) return false;
    int64_t n = width - (int64_t)s->char_len;
    if (n <= 0) {
        *out = OBJ_VAL(substr(vm, s, s->data, s->byte_len));
        return true;
    }
    TextBuf b;
    tb_init(&b);
    size_t skip = s->byte_len && (s->data[0] == '+' || s->data[0] == '-') ? 1 : 0;
    tb_add(&b, s->data, skip);
    tb_fill(&b, "0", 1, n);
    tb_add(&b, s->data + skip, s->byte_len - skip);
    *out = OBJ_VAL(tb_to_str(vm, &b));
    return true;
}

static bool m_expandtabs(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("expandtabs");
    static const char *const names[] = {"tabsize"};
    Value a[1];
    if (!args_parse(vm, "expandtabs", args + 1, nargs - 1, kwnames, 1, 0, names, 1, a)) return false;
    int64_t tab = 8;
    if (!IS_EMPTY(a[0]) && !op_index(vm, a[0], &tab)) return false;
    TextBuf b;
    tb_init(&b);
    int64_t col = 0;
    for (uint32_t i = 0; i < s->byte_len;) {
        uint32_t len;
        uint32_t c = cp_decode(s->data + i, &len);
        if (c == '\t') {
            if (tab > 0) {
                int64_t spaces = tab - col % tab;
                tb_fill(&b, " ", 1, spaces);
                col += spaces;
            }
        } else {
            tb_add(&b, s->data + i, len);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
        i += len;
    }
    *out = OBJ_VAL(tb_to_str(vm, &b));
    return true;
}

/* ---- format and the operators as methods ------------------------------------------------ */

static bool m_format(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("format");
    ObjStr *r;
    if (!format_str_method(vm, s, args + 1, nargs - 1, kwnames, &r)) return false;
    *out = OBJ_VAL(r);
    return true;
}

static bool m_format_map(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("format_map");
    if (!args_no_kw(vm, "str.format_map", kwnames) || !args_one(vm, "str.format_map()", nargs - 1))
        return false;
    ObjStr *r;
    if (!format_str_map(vm, s, args[1], &r)) return false;
    *out = OBJ_VAL(r);
    return true;
}

/* str.maketrans(x[, y[, z]]): a static method (installed as one). */
static bool m_maketrans(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (!args_no_kw(vm, "maketrans", kwnames) || !args_range(vm, "maketrans", nargs, 1, 3)) return false;
    ObjDict *d = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(d));
    bool ok = true;
    if (nargs == 1) {
        if (!IS_DICT(args[0])) {
            vm_pop_root(vm, 1);
            return vm_raise(vm, vm->c.TypeError,
                            "if you give only one argument to maketrans it must be a dict");
        }
        ObjDict *src = AS_DICT(args[0]);
        for (uint32_t i = 0; ok && i < src->table.used; i++) {
            DictEntry e = src->table.entries[i];
            if (IS_EMPTY(e.key)) continue;
            Value k = e.key;
            if (IS_STR(k)) {
                if (AS_STR(k)->char_len != 1) {
                    ok = vm_raise(vm, vm->c.ValueError, "string keys in translate table must be of length 1");
                    break;
                }
                uint32_t len;
                k = INT_VAL(cp_decode(AS_STR(k)->data, &len));
            } else if (!IS_INT(k) || IS_BOOL(k)) {
                ok = vm_raise(vm, vm->c.TypeError, "keys in translate table must be strings or integers");
                break;
            }
            ok = dict_set(vm, d, k, e.value);
        }
    } else {
        if (!IS_STR(args[0]) || !IS_STR(args[1])) {
            vm_pop_root(vm, 1);
            return vm_raise(vm, vm->c.TypeError, "maketrans() argument %d must be str, not %s",
                            IS_STR(args[0]) ? 2 : 1, vm_class_of(vm, IS_STR(args[0]) ? args[1] : args[0])->name->data);
        }
        ObjStr *x = AS_STR(args[0]), *y = AS_STR(args[1]);
        if (x->char_len != y->char_len) {
            vm_pop_root(vm, 1);
            return vm_raise(vm, vm->c.ValueError, "the first two maketrans arguments must have equal length");
        }
        for (uint32_t i = 0, j = 0; ok && i < x->byte_len;) {
            uint32_t li, lj;
            uint32_t a = cp_decode(x->data + i, &li), b = cp_decode(y->data + j, &lj);
            ok = dict_set(vm, d, INT_VAL(a), INT_VAL(b));
            i += li;
            j += lj;
        }
        if (ok && nargs == 3) {
            if (!IS_STR(args[2])) {
                vm_pop_root(vm, 1);
                return vm_raise(vm, vm->c.TypeError, "maketrans() argument 3 must be str, not %s",
                                vm_class_of(vm, args[2])->name->data);
            }
            ObjStr *z = AS_STR(args[2]);
            for (uint32_t i = 0; ok && i < z->byte_len;) {
                uint32_t l;
                uint32_t c = cp_decode(z->data + i, &l);
                ok = dict_set(vm, d, INT_VAL(c), NONE_VAL);
                i += l;
            }
        }
    }
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(d);
    return ok;
}

static bool m_translate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("translate");
    if (!args_no_kw(vm, "str.translate", kwnames) || !args_one(vm, "str.translate()", nargs - 1))
        return false;
    Value table = args[1];
    TextBuf b;
    tb_init(&b);
    tb_reserve(&b, s->byte_len);
    for (uint32_t i = 0; i < s->byte_len;) {
        uint32_t len;
        uint32_t c = cp_decode(s->data + i, &len);
        i += len;
        Value r;
        if (!op_getitem(vm, table, INT_VAL(c), &r)) {
            if (!vm_exception_matches(vm, vm->c.LookupError)) {
                tb_free(&b);
                return false;
            }
            vm_take_exception(vm);
            tb_add_cp(&b, c);
            continue;
        }
        if (IS_NONE(r)) continue;
        if (IS_INT(r) && !IS_BOOL(r)) {
            if (AS_INT(r) < 0 || AS_INT(r) > 0x10FFFF) {
                tb_free(&b);
                return vm_raise(vm, vm->c.ValueError, "character mapping must be in range(0x110000)");
            }
            tb_add_cp(&b, (uint32_t)AS_INT(r));
        } else if (IS_STR(r)) {
            for (uint32_t k = 0; k < AS_STR(r)->byte_len;) {
                uint32_t l;
                tb_add_cp(&b, cp_decode(AS_STR(r)->data + k, &l));
                k += l;
            }
        } else {
            tb_free(&b);
            return vm_raise(vm, vm->c.TypeError, "character mapping must return integer, None or str");
        }
    }
    *out = OBJ_VAL(tb_to_str(vm, &b));
    return true;
}

static bool m_len(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__len__");
    (void)kwnames;
    *out = INT_VAL(s->char_len);
    return true;
}

static bool m_str(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__str__");
    (void)kwnames;
    *out = s->obj.cls == vm->c.str ? args[0] : OBJ_VAL(str_new(vm, s->data, s->byte_len));
    return true;
}

static bool m_getitem(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__getitem__");
    if (!args_no_kw(vm, "str.__getitem__", kwnames) || !args_one(vm, "str.__getitem__()", nargs - 1))
        return false;
    /* Through op_getitem on a plain str so subclasses don't loop back here. */
    if (s->obj.cls != vm->c.str) {
        ObjStr *plain = str_new(vm, s->data, s->byte_len);
        vm_push_root(vm, OBJ_VAL(plain));
        bool ok = op_getitem(vm, OBJ_VAL(plain), args[1], out);
        vm_pop_root(vm, 1);
        return ok;
    }
    return op_getitem(vm, args[0], args[1], out);
}

static bool m_contains(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__contains__");
    if (!args_no_kw(vm, "str.__contains__", kwnames) ||
        !args_one(vm, "str.__contains__()", nargs - 1))
        return false;
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->c.TypeError,
                        "'in <string>' requires string as left operand, not %s", tname(vm, args[1]));
    ObjStr *sub = AS_STR(args[1]);
    *out = BOOL_VAL(find_bytes(s->data, 0, s->byte_len, sub->data, sub->byte_len) >= 0);
    return true;
}

static bool m_iter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__iter__");
    (void)kwnames;
    *out = OBJ_VAL(iter_new(vm, vm->c.str_iterator, ITER_STR, args[0]));
    return true;
}

static bool binary_method(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out,
                          BinaryOp op, const char *name, bool reflected)
{
    SELF(name);
    char qual[32];
    snprintf(qual, sizeof qual, "str.%s()", name);
    if (!args_no_kw(vm, qual, kwnames) || !args_one(vm, qual, nargs - 1)) return false;
    Value other = args[1];
    return reflected ? op_binary(vm, op, other, args[0], false, out)
                     : op_binary(vm, op, args[0], other, false, out);
}

static bool m_add(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return binary_method(vm, args, nargs, kw, out, BINOP_ADD, "__add__", false);
}
static bool m_mul(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return binary_method(vm, args, nargs, kw, out, BINOP_MUL, "__mul__", false);
}
static bool m_rmul(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return binary_method(vm, args, nargs, kw, out, BINOP_MUL, "__rmul__", true);
}
static bool m_mod(VM *vm, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    return binary_method(vm, args, nargs, kw, out, BINOP_MOD, "__mod__", false);
}

static bool m_hash(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    SELF("__hash__");
    (void)kwnames;
    *out = INT_VAL((int64_t)str_hash(s));
    return true;
}

void str_install(VM *vm)
{
    ObjClass *c = vm->c.str;
    static const struct {
        const char *name;
        NativeFn fn;
    } methods[] = {
        {"__new__", m_new},           {"join", m_join},
        {"split", m_split},           {"rsplit", m_rsplit},
        {"splitlines", m_splitlines}, {"partition", m_partition},
        {"rpartition", m_rpartition}, {"strip", m_strip},
        {"lstrip", m_lstrip},         {"rstrip", m_rstrip},
        {"upper", m_upper},           {"lower", m_lower},
        {"casefold", m_casefold},     {"swapcase", m_swapcase},
        {"title", m_title},           {"capitalize", m_capitalize},
        {"isdigit", m_isdigit},       {"isdecimal", m_isdecimal},
        {"isnumeric", m_isnumeric},   {"isalpha", m_isalpha},
        {"isalnum", m_isalnum},       {"isspace", m_isspace},
        {"isupper", m_isupper},       {"islower", m_islower},
        {"istitle", m_istitle},       {"isidentifier", m_isidentifier},
        {"isascii", m_isascii},       {"isprintable", m_isprintable},
        {"find", m_find},             {"rfind", m_rfind},
        {"index", m_index},           {"rindex", m_rindex},
        {"count", m_count},           {"startswith", m_startswith},
        {"endswith", m_endswith},     {"removeprefix", m_removeprefix},
        {"removesuffix", m_removesuffix}, {"replace", m_replace},
        {"center", m_center},         {"ljust", m_ljust},
        {"rjust", m_rjust},           {"zfill", m_zfill},
        {"expandtabs", m_expandtabs}, {"format", m_format},
        {"format_map", m_format_map}, {"translate", m_translate},
        {"__len__", m_len},           {"__str__", m_str},
        {"__getitem__", m_getitem},   {"__contains__", m_contains},
        {"__iter__", m_iter},         {"__add__", m_add},
        {"__mul__", m_mul},           {"__rmul__", m_rmul},
        {"__mod__", m_mod},           {"__hash__", m_hash},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        vm_define_native(vm, c->dict, methods[i].name, methods[i].fn, c);
    /* str.maketrans is a static method: str.maketrans(x, y) and s.maketrans(x, y) */
    ObjNative *mt = native_new(vm, "maketrans", m_maketrans, NULL);
    vm_push_root(vm, OBJ_VAL(mt));
    ObjDescriptor *sm = descriptor_new(vm, vm->c.staticmethod, OBJ_VAL(mt));
    vm_push_root(vm, OBJ_VAL(sm));
    dict_set_str(vm, c->dict, mt->name, OBJ_VAL(sm));
    vm_pop_root(vm, 2);
    /* object's special methods and the __format__ natives live with the
     * generic operations; install them with the first type. */
    ops_install(vm);
    format_install(vm);
}
