/* method_args.h: argument checks shared by the container, iterator and
 * exception natives, with CPython's exact messages. All return false with a
 * TypeError raised when the check fails. */
#ifndef LOOPBOOK_METHOD_ARGS_H
#define LOOPBOOK_METHOD_ARGS_H

#include <stdlib.h>
#include <string.h>

#include "vm.h"

/* The type name CPython's messages use for v. */
static inline const char *ma_type_name(VM *vm, Value v)
{
    return vm_class_of(vm, v)->name->data;
}

/* args[0] must be an instance of cls (the `self` of a method descriptor). */
static inline bool ma_self(VM *vm, Value *args, int nargs, ObjClass *cls, const char *method)
{
    if (nargs < 1)
        return vm_raise(vm, vm->c.TypeError, "unbound method %s.%s() needs an argument",
                        cls->name->data, method);
    if (!vm_isinstance(vm, args[0], cls))
        return vm_raise(vm, vm->c.TypeError,
                        "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", method,
                        cls->name->data, ma_type_name(vm, args[0]));
    return true;
}

/* No keyword arguments: "list.append() takes no keyword arguments". */
static inline bool ma_no_kw(VM *vm, ObjTuple *kwnames, const char *qualname)
{
    if (kwnames != NULL && kwnames->len > 0)
        return vm_raise(vm, vm->c.TypeError, "%s() takes no keyword arguments", qualname);
    return true;
}

/* A METH_O method: exactly one argument after self. */
static inline bool ma_one(VM *vm, int given, ObjTuple *kwnames, const char *qualname)
{
    if (!ma_no_kw(vm, kwnames, qualname)) return false;
    if (given != 1)
        return vm_raise(vm, vm->c.TypeError, "%s() takes exactly one argument (%d given)", qualname,
                        given);
    return true;
}

/* A METH_NOARGS method. */
static inline bool ma_none(VM *vm, int given, ObjTuple *kwnames, const char *qualname)
{
    if (!ma_no_kw(vm, kwnames, qualname)) return false;
    if (given != 0)
        return vm_raise(vm, vm->c.TypeError, "%s() takes no arguments (%d given)", qualname, given);
    return true;
}

/* Between min and max positional arguments: "pop expected at most 1 argument, got 2". */
static inline bool ma_range(VM *vm, const char *name, int given, int min, int max)
{
    if (given >= min && given <= max) return true;
    if (min == max)
        return vm_raise(vm, vm->c.TypeError, "%s expected %d argument%s, got %d", name, min,
                        min == 1 ? "" : "s", given);
    if (given < min)
        return vm_raise(vm, vm->c.TypeError, "%s expected at least %d argument%s, got %d", name,
                        min, min == 1 ? "" : "s", given);
    return vm_raise(vm, vm->c.TypeError, "%s expected at most %d argument%s, got %d", name, max,
                    max == 1 ? "" : "s", given);
}

/* Number of keyword arguments. */
static inline int ma_nkw(ObjTuple *kwnames)
{
    return kwnames ? (int)kwnames->len : 0;
}

/* Whether keyword name k equals the C string s. */
static inline bool ma_kw_is(ObjStr *k, const char *s)
{
    size_t n = strlen(s);
    return k->byte_len == n && memcmp(k->data, s, n) == 0;
}

/* A growable byte buffer for building reprs (plain malloc: never collects). */
typedef struct {
    char *data;
    size_t len, cap;
} StrBuf;

static inline void sb_add(StrBuf *b, const char *bytes, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap < 64 ? 64 : b->cap;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->data, cap);
        if (p == NULL) abort();
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
}

static inline void sb_add_cstr(StrBuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static inline void sb_add_str(StrBuf *b, const ObjStr *s)
{
    sb_add(b, s->data, s->byte_len);
}

/* The buffer as a new str; frees the buffer. */
static inline ObjStr *sb_finish(VM *vm, StrBuf *b)
{
    ObjStr *s = str_new(vm, b->data ? b->data : "", b->len);
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

static inline void sb_free(StrBuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

#endif
