/* object.h: heap object layouts and their constructors.
 *
 * Every heap object starts with an Obj header. `cls` is the Python class the
 * object is an instance of (what type() returns); `kind` is the C layout, which
 * is what C code switches on. A user class that derives from a built-in type
 * (e.g. Exception) produces objects of the base's kind.
 *
 * GC contract: any function that allocates an object (anything taking a VM *)
 * may run a collection. A C local that holds the only reference to an object
 * across such a call must be rooted with vm_push_root / vm_pop_root. Growing
 * an internal buffer (list items, dict table) never collects. */
#ifndef LOOPBOOK_OBJECT_H
#define LOOPBOOK_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "value.h"

typedef struct VM VM;
typedef struct ObjClass ObjClass;
typedef struct ObjStr ObjStr;
typedef struct ObjTuple ObjTuple;
typedef struct ObjDict ObjDict;

/* The C layouts. X(ENUM_SUFFIX, "debug name") */
#define OBJ_KIND_LIST(X)                                                                           \
    X(STR, "str")                                                                                  \
    X(BIGINT, "bigint")                                                                            \
    X(TUPLE, "tuple")                                                                              \
    X(LIST, "list")                                                                                \
    X(DICT, "dict")                                                                                \
    X(SET, "set")                                                                                  \
    X(RANGE, "range")                                                                              \
    X(SLICE, "slice")                                                                              \
    X(ITER, "iterator")                                                                            \
    X(CODE, "code")                                                                                \
    X(FUNCTION, "function")                                                                        \
    X(NATIVE, "builtin_function_or_method")                                                        \
    X(BOUND_METHOD, "method")                                                                      \
    X(CELL, "cell")                                                                                \
    X(CLASS, "type")                                                                               \
    X(INSTANCE, "object")                                                                          \
    X(EXCEPTION, "exception")                                                                      \
    X(TRACEBACK, "traceback")                                                                      \
    X(MODULE, "module")                                                                            \
    X(FIBER, "fiber")                                                                              \
    X(GENERATOR, "generator")                                                                      \
    X(PROPERTY, "property")                                                                        \
    X(STATICMETHOD, "staticmethod")                                                                \
    X(CLASSMETHOD, "classmethod")                                                                  \
    X(OPAQUE, "opaque")

typedef enum {
#define X(k, n) OBJ_##k,
    OBJ_KIND_LIST(X)
#undef X
        OBJ_KIND_COUNT
} ObjKind;

struct Obj {
    ObjClass *cls;
    Obj *gc_next;
    uint8_t kind;
    uint8_t marked;
    uint16_t flags; /* per-kind bits */
    uint32_t size;  /* bytes of the object itself, for the GC's accounting */
};

#define OBJ_KIND(v) (AS_OBJ(v)->kind)
#define IS_KIND(v, k) (IS_OBJ(v) && AS_OBJ(v)->kind == (k))

/* ---- str: UTF-8 bytes, NUL-terminated, immutable ---------------------- */
struct ObjStr {
    Obj obj;
    uint64_t hash;       /* valid when hashed */
    uint32_t byte_len;   /* bytes, excluding the NUL */
    uint32_t char_len;   /* code points */
    uint8_t hashed;
    uint8_t ascii;       /* byte_len == char_len: O(1) indexing */
    uint8_t interned;
    char data[];
};
#define IS_STR(v) IS_KIND(v, OBJ_STR)
#define AS_STR(v) ((ObjStr *)AS_OBJ(v))

/* ---- tuple ------------------------------------------------------------ */
struct ObjTuple {
    Obj obj;
    uint32_t len;
    Value items[];
};
#define IS_TUPLE(v) IS_KIND(v, OBJ_TUPLE)
#define AS_TUPLE(v) ((ObjTuple *)AS_OBJ(v))

/* ---- list ------------------------------------------------------------- */
typedef struct {
    Obj obj;
    uint32_t len;
    uint32_t cap;
    Value *items;
} ObjList;
#define IS_LIST(v) IS_KIND(v, OBJ_LIST)
#define AS_LIST(v) ((ObjList *)AS_OBJ(v))

/* ---- dict and set: open addressing over an insertion-ordered entry array */
typedef struct {
    uint64_t hash;
    Value key;   /* EMPTY_VAL marks a deleted entry */
    Value value; /* unused by sets */
} DictEntry;

typedef struct {
    DictEntry *entries; /* insertion order; deleted entries have EMPTY key */
    int32_t *index;     /* -1 free, -2 dummy (deleted), else entry index */
    uint32_t index_cap; /* power of two (0 when empty) */
    uint32_t used;      /* entries[0..used) in use, deleted included */
    uint32_t entry_cap;
    uint32_t len;       /* live entries */
    uint32_t keys_version; /* changes whenever a key is added or the table is rebuilt */
} DictTable;

struct ObjDict {
    Obj obj;
    DictTable table;
};
#define IS_DICT(v) IS_KIND(v, OBJ_DICT)
#define AS_DICT(v) ((ObjDict *)AS_OBJ(v))

/* A set is CPython's set table (so iteration order matches CPython's): open
 * addressing, linear probes then perturbation. An entry's key is EMPTY_VAL
 * when unused and SET_DUMMY (EMPTY tag, payload 1) when deleted. */
typedef struct {
    uint64_t hash;
    Value key;
} SetEntry;

typedef struct {
    Obj obj;         /* flags bit 0: frozen (frozenset) */
    SetEntry *table; /* mask + 1 entries */
    uint32_t mask;
    uint32_t fill;   /* active + dummy entries */
    uint32_t used;   /* active entries */
    uint32_t finger; /* where pop() starts looking */
} ObjSet;
#define SET_FROZEN 1
#define IS_SET(v) IS_KIND(v, OBJ_SET)
#define AS_SET(v) ((ObjSet *)AS_OBJ(v))

/* ---- range and slice -------------------------------------------------- */
typedef struct {
    Obj obj;
    int64_t start, stop, step;
} ObjRange;
#define AS_RANGE(v) ((ObjRange *)AS_OBJ(v))

typedef struct {
    Obj obj;
    Value start, stop, step; /* None when omitted */
} ObjSlice;
#define AS_SLICE(v) ((ObjSlice *)AS_OBJ(v))

/* ---- iterators over built-in things (list, tuple, str, range, dict views,
 * enumerate, zip, map, filter, reversed ...). `variant` says which; the
 * owning module interprets seq/index/a/b. */
typedef struct {
    Obj obj;
    uint32_t variant;
    int64_t index;
    int64_t limit;
    Value seq;
    Value a;
    Value b;
} ObjIter;
#define AS_ITER(v) ((ObjIter *)AS_OBJ(v))

/* ---- code: what the compiler makes and the VM runs ---------------------- */
enum {
    CODE_VARARGS = 1 << 0,   /* has *args */
    CODE_VARKW = 1 << 1,     /* has **kwargs */
    CODE_GENERATOR = 1 << 2, /* contains yield */
    CODE_COROUTINE = 1 << 3, /* async def */
    CODE_MODULE = 1 << 4,    /* module / cell body: names are globals */
    CODE_CLASS_BODY = 1 << 5,
    CODE_SIMPLE_ARGS = 1 << 6, /* positional parameters only, no cells: the fast call path */
    CODE_FROZEN = 1 << 7,      /* compiled into the binary ("<frozen asyncio>"): not the program's */
};

/* One entry of the exception table: an instruction in [start, end) that
 * raises jumps to target with the value stack cut to depth. */
typedef struct {
    uint32_t start, end, target;
    uint32_t depth;
} ExceptEntry;

/* LOAD_GLOBAL's memory of a name: the entry index where it was found, in
 * globals, or (GLOBAL_CACHE_BUILTIN set) in builtins while globals, at
 * keys_version, did not have it. */
#define GLOBAL_CACHE_BUILTIN 0x80000000u
typedef struct {
    uint32_t index;
    uint32_t globals_version;
} GlobalCacheEntry;

/* LOAD_ATTR / STORE_ATTR's memory of an instance attribute: for instances
 * of cls (while no class changed: epoch), the name sat at entry `index` of
 * the instance dict and the class had no data descriptor for it. */
typedef struct {
    struct ObjClass *cls;
    uint32_t epoch;
    uint32_t index;
    /* LOAD_METHOD's memory: on instances of method_cls (at method_epoch) the
     * name is the class's method `method`, unless the instance dict has it.
     * The class dict keeps `method` alive while the epoch holds. */
    struct ObjClass *method_cls;
    uint32_t method_epoch;
    Value method;
} AttrCacheEntry;

/* Line table: instruction offset -> (line, column) of the source. Entries are
 * sorted by offset; each applies until the next. */
typedef struct {
    uint32_t offset;
    uint32_t line;
    uint32_t col;
} LineEntry;

typedef struct {
    Obj obj;
    ObjStr *name;     /* "f" */
    ObjStr *qualname; /* "C.f" or "f.<locals>.g" */
    ObjStr *filename;
    uint8_t *bytecode;
    uint32_t bytecode_len;
    Value *constants;
    uint32_t n_constants;
    ObjStr **names; /* global / attribute names used by the bytecode */
    uint32_t n_names;
    ObjStr **varnames; /* params first (positional, kw-only, *args, **kwargs), then locals */
    uint32_t n_locals;
    ObjStr **cellnames; /* locals captured by inner functions */
    uint32_t n_cells;
    ObjStr **freenames; /* captured from the enclosing function */
    uint32_t n_free;
    int32_t *cell2arg; /* for each cell, the parameter slot it starts from, or -1 */
    uint16_t argcount;        /* positional parameters */
    uint16_t kwonlyargcount;  /* keyword-only parameters */
    uint16_t posonlyargcount; /* the first argcount parameters that are positional-only */
    uint32_t flags;           /* CODE_* */
    uint32_t max_stack;
    uint32_t frame_size; /* n_locals + n_cells + n_free + max_stack */
    uint32_t first_line;
    LineEntry *lines;
    uint32_t n_lines;
    ExceptEntry *excepts;
    uint32_t n_excepts;
    GlobalCacheEntry *global_cache; /* per name: where LOAD_GLOBAL found it last */
    AttrCacheEntry *attr_cache;     /* per name: where an instance attribute was found last */
} ObjCode;
#define IS_CODE(v) IS_KIND(v, OBJ_CODE)
#define AS_CODE(v) ((ObjCode *)AS_OBJ(v))

/* ---- functions -------------------------------------------------------- */
typedef struct {
    Obj obj;
    Value value; /* EMPTY while unbound */
} ObjCell;

typedef struct {
    Obj obj;
    ObjCode *code;
    ObjDict *globals;
    ObjTuple *defaults;   /* positional defaults, or NULL */
    ObjDict *kwdefaults;  /* keyword-only defaults, or NULL */
    ObjTuple *closure;    /* cells, or NULL */
    ObjStr *name;
    ObjStr *qualname;
    ObjStr *module;       /* "__main__" */
    ObjDict *dict;        /* function attributes, or NULL */
} ObjFunction;
#define IS_FUNCTION(v) IS_KIND(v, OBJ_FUNCTION)
#define AS_FUNCTION(v) ((ObjFunction *)AS_OBJ(v))

/* A native function: args[0..nargs) are positional (for a method, args[0]
 * is self); when kwnames is not NULL, args[nargs..nargs+kwnames->len) are the
 * keyword values in the order of kwnames. On success store the result in *out
 * and return true; on failure raise (vm_raise...) and return false. */
typedef bool (*NativeFn)(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out);

typedef struct {
    Obj obj;
    NativeFn fn;
    ObjStr *name;
    ObjClass *owner; /* the class for a method descriptor, else NULL */
    Value data;      /* optional extra payload (a bound module, a constant) */
} ObjNative;
#define IS_NATIVE(v) IS_KIND(v, OBJ_NATIVE)
#define AS_NATIVE(v) ((ObjNative *)AS_OBJ(v))

typedef struct {
    Obj obj;
    Value self;
    Value func;
} ObjBoundMethod;
#define AS_BOUND_METHOD(v) ((ObjBoundMethod *)AS_OBJ(v))

/* property / staticmethod / classmethod wrappers */
typedef struct {
    Obj obj;
    Value fget, fset, fdel; /* EMPTY when absent; staticmethod/classmethod use fget */
} ObjDescriptor;
#define AS_DESCRIPTOR(v) ((ObjDescriptor *)AS_OBJ(v))

/* ---- classes and instances -------------------------------------------- */
enum {
    CLASS_BUILTIN = 1 << 0,     /* a built-in type: no new attributes */
    CLASS_NO_SUBCLASS = 1 << 1, /* e.g. bool, NoneType */
    CLASS_NATIVE = 1 << 2,      /* a module's C class (opaque instances): no instance attributes,
                                 * but Python subclasses of it may have them */
};

struct ObjClass {
    Obj obj;
    ObjStr *name;
    ObjStr *qualname;
    ObjStr *module;        /* "builtins", "__main__", "asyncio" ... */
    ObjClass *base;        /* single inheritance; NULL only for object */
    ObjClass *extra_base;  /* ExceptionGroup's second base (Exception); NULL elsewhere */
    ObjDict *dict;         /* methods and class attributes */
    uint8_t instance_kind; /* ObjKind of instances created by calling the class */
    uint32_t class_flags;  /* CLASS_* */
    uint32_t depth;        /* number of bases above: object is 0 */
    uint32_t plain_epoch;  /* class_epoch at which plain_attrs was worked out (0: never) */
    bool plain_attrs;      /* no __getattribute__/__setattr__/__delattr__ hooks */
};
#define IS_CLASS(v) IS_KIND(v, OBJ_CLASS)
#define AS_CLASS(v) ((ObjClass *)AS_OBJ(v))

typedef struct {
    Obj obj;
    ObjDict *dict; /* instance attributes */
} ObjInstance;
#define IS_INSTANCE(v) IS_KIND(v, OBJ_INSTANCE)
#define AS_INSTANCE(v) ((ObjInstance *)AS_OBJ(v))

typedef struct ObjTraceback {
    Obj obj;
    struct ObjTraceback *next; /* towards the frame that raised */
    ObjCode *code;
    uint32_t line;
    uint32_t col;
} ObjTraceback;

/* Exceptions are instances (with a dict, so subclasses can add fields) plus
 * the fields every BaseException has. */
typedef struct {
    Obj obj;
    ObjDict *dict;
    ObjTuple *args;
    ObjTraceback *traceback; /* outermost frame first, or NULL */
    Value cause;             /* __cause__, NONE when unset */
    Value context;           /* __context__ */
    bool suppress_context;
} ObjException;
#define IS_EXCEPTION(v) IS_KIND(v, OBJ_EXCEPTION)
#define AS_EXCEPTION(v) ((ObjException *)AS_OBJ(v))

typedef struct {
    Obj obj;
    ObjStr *name;
    ObjDict *dict;
} ObjModule;
#define IS_MODULE(v) IS_KIND(v, OBJ_MODULE)
#define AS_MODULE(v) ((ObjModule *)AS_OBJ(v))

/* An opaque object carries a C payload of a module's own (a random state, a
 * timer handle). mark() traces its Values, free() releases C resources. */
typedef struct ObjOpaque ObjOpaque;
typedef struct {
    const char *name;
    void (*mark)(VM *vm, ObjOpaque *self);
    void (*free)(VM *vm, ObjOpaque *self);
    /* An iterator that `await` drives (SEND) without method calls or
     * StopIteration objects: the next value in *out with *done false, or
     * the result with *done true. NULL: SEND calls send() / __next__. */
    bool (*send)(VM *vm, ObjOpaque *self, Value sent, Value *out, bool *done);
} OpaqueOps;
struct ObjOpaque {
    Obj obj;
    const OpaqueOps *ops;
    void *payload;
    ObjDict *dict; /* attributes set from Python (instances of Python subclasses), or NULL */
};

/* ---- constructors (all may collect; see the GC contract above) --------- */

/* A copy of the given UTF-8 bytes (the caller guarantees valid UTF-8). */
ObjStr *str_new(VM *vm, const char *utf8, size_t len);
/* The interned string equal to the bytes: equal interned strings are one object. */
ObjStr *str_intern(VM *vm, const char *utf8, size_t len);
/* str_intern of a C string. */
ObjStr *str_intern_cstr(VM *vm, const char *cstr);
/* str_new of a C string. */
ObjStr *str_from_cstr(VM *vm, const char *cstr);
/* printf-style formatting into a new str. */
ObjStr *str_printf(VM *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The hash of a str (cached in the object). */
uint64_t str_hash_compute(ObjStr *s);
/* A str's hash, worked out once and kept. */
static inline uint64_t str_hash(ObjStr *s)
{
    return s->hashed ? s->hash : str_hash_compute(s);
}
/* Equality of two strs: pointer first, then hash and bytes. */
bool str_equal(ObjStr *a, ObjStr *b);

/* A tuple of n items copied from items (or NONE-filled when items is NULL). */
ObjTuple *tuple_new(VM *vm, const Value *items, uint32_t n);
/* A list of n items copied from items (or empty slots when items is NULL). */
ObjList *list_new(VM *vm, const Value *items, uint32_t n);
/* Append without collecting. */
void list_append(VM *vm, ObjList *list, Value v);
/* An empty dict. */
ObjDict *dict_new(VM *vm);
/* An empty set (frozen when `frozen`). */
ObjSet *set_new(VM *vm, bool frozen);
/* Lookups and stores that may call __hash__/__eq__: false means an exception is set. */
bool dict_get(VM *vm, ObjDict *d, Value key, Value *out, bool *found);
/* Store key -> value. */
bool dict_set(VM *vm, ObjDict *d, Value key, Value value);
/* Remove key; *found says whether it was there. */
bool dict_del(VM *vm, ObjDict *d, Value key, bool *found);
/* Fast paths for str keys (never run Python code, never fail). */
Value dict_get_str(ObjDict *d, ObjStr *key); /* EMPTY_VAL when absent */
/* Returns the entry index the key now has (caches remember it). */
int32_t dict_set_str(VM *vm, ObjDict *d, ObjStr *key, Value value);
/* Add to a set. */
bool set_add(VM *vm, ObjSet *s, Value key);
/* Membership in a set. */
bool set_contains(VM *vm, ObjSet *s, Value key, bool *found);

/* range and slice objects */
ObjRange *range_new(VM *vm, int64_t start, int64_t stop, int64_t step);
ObjSlice *slice_new(VM *vm, Value start, Value stop, Value step);
/* A built-in iterator of the given class and variant. */
ObjIter *iter_new(VM *vm, ObjClass *cls, uint32_t variant, Value seq);

ObjCode *code_new(VM *vm);
ObjCell *cell_new(VM *vm, Value v);
ObjFunction *function_new(VM *vm, ObjCode *code, ObjDict *globals);
/* A native function, or a method descriptor when owner is not NULL. */
ObjNative *native_new(VM *vm, const char *name, NativeFn fn, ObjClass *owner);
ObjBoundMethod *bound_method_new(VM *vm, Value self, Value func);
ObjDescriptor *descriptor_new(VM *vm, ObjClass *cls, Value fget);
ObjClass *class_new(VM *vm, ObjStr *name, ObjClass *base, ObjKind instance_kind);
ObjInstance *instance_new(VM *vm, ObjClass *cls);
/* An exception of class cls with the given args tuple (NULL: empty). */
ObjException *exception_new(VM *vm, ObjClass *cls, ObjTuple *args);
ObjTraceback *traceback_new(VM *vm, ObjCode *code, uint32_t line, uint32_t col);
ObjModule *module_new(VM *vm, ObjStr *name);
ObjOpaque *opaque_new(VM *vm, ObjClass *cls, const OpaqueOps *ops, void *payload);

#endif
