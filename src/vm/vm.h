/* vm.h: the virtual machine: its state, the well-known classes and names,
 * and the API that C code (types, modules, the session) uses to talk to it. */
#ifndef LOOPBOOK_VM_H
#define LOOPBOOK_VM_H

#include <stdarg.h>
#include <stdio.h>

#include "object.h"

/* ---- built-in classes: X(field, "python name", base field, ObjKind of instances) */
#define BUILTIN_CLASS_LIST(X)                                                                      \
    X(object, "object", object, INSTANCE)                                                          \
    X(type, "type", object, CLASS)                                                                 \
    X(NoneType, "NoneType", object, OPAQUE)                                                        \
    X(int_, "int", object, BIGINT)                                                                 \
    X(bool_, "bool", int_, BIGINT)                                                                 \
    X(float_, "float", object, OPAQUE)                                                             \
    X(str, "str", object, STR)                                                                     \
    X(tuple, "tuple", object, TUPLE)                                                               \
    X(list, "list", object, LIST)                                                                  \
    X(dict, "dict", object, DICT)                                                              \
    X(set, "set", object, SET)                                                                     \
    X(frozenset, "frozenset", object, SET)                                                         \
    X(range, "range", object, RANGE)                                                               \
    X(slice, "slice", object, SLICE)                                                               \
    X(function, "function", object, FUNCTION)                                                      \
    X(builtin_function, "builtin_function_or_method", object, NATIVE)                              \
    X(method_descriptor, "method_descriptor", object, NATIVE)                                      \
    X(method, "method", object, BOUND_METHOD)                                                      \
    X(cell, "cell", object, CELL)                                                                  \
    X(code, "code", object, CODE)                                                                  \
    X(module, "module", object, MODULE)                                                            \
    X(traceback, "traceback", object, TRACEBACK)                                                   \
    X(fiber, "fiber", object, FIBER)                                                               \
    X(generator, "generator", object, GENERATOR)                                                   \
    X(coroutine, "coroutine", object, GENERATOR)                                                   \
    X(async_generator, "async_generator", object, GENERATOR)                                       \
    X(coroutine_wrapper, "coroutine_wrapper", object, OPAQUE)        /* coro.__await__() */        \
    X(async_generator_asend, "async_generator_asend", object, OPAQUE) /* __anext__(), asend() */   \
    X(async_generator_athrow, "async_generator_athrow", object, OPAQUE) /* athrow(), aclose() */   \
    X(anext_awaitable, "anext_awaitable", object, OPAQUE) /* anext(aiterator, default) */         \
    X(property, "property", object, PROPERTY)                                                      \
    X(staticmethod, "staticmethod", object, STATICMETHOD)                                          \
    X(classmethod, "classmethod", object, CLASSMETHOD)                                             \
    X(NotImplementedType, "NotImplementedType", object, INSTANCE)                                  \
    X(ellipsis, "ellipsis", object, INSTANCE)                                                      \
    X(dict_keys, "dict_keys", object, ITER)                                                        \
    X(dict_values, "dict_values", object, ITER)                                                    \
    X(dict_items, "dict_items", object, ITER)                                                      \
    X(list_iterator, "list_iterator", object, ITER)                                                \
    X(list_reverseiterator, "list_reverseiterator", object, ITER)                                  \
    X(tuple_iterator, "tuple_iterator", object, ITER)                                              \
    X(str_iterator, "str_ascii_iterator", object, ITER)                                            \
    X(range_iterator, "range_iterator", object, ITER)                                              \
    X(dict_keyiterator, "dict_keyiterator", object, ITER)                                          \
    X(dict_valueiterator, "dict_valueiterator", object, ITER)                                      \
    X(dict_itemiterator, "dict_itemiterator", object, ITER)                                        \
    X(set_iterator, "set_iterator", object, ITER)                                                  \
    X(enumerate, "enumerate", object, ITER)                                                        \
    X(zip, "zip", object, ITER)                                                                    \
    X(map, "map", object, ITER)                                                                    \
    X(filter, "filter", object, ITER)                                                              \
    X(reversed, "reversed", object, ITER)                                                          \
    X(callable_iterator, "callable_iterator", object, ITER)                                        \
    X(seq_iterator, "iterator", object, ITER) /* over a class with only __getitem__ */             \
    X(super_, "super", object, INSTANCE)

/* ---- the exception hierarchy: X(field, "name", base field) */
#define EXCEPTION_CLASS_LIST(X)                                                                    \
    X(BaseException, "BaseException", object)                                                      \
    X(Exception, "Exception", BaseException)                                                       \
    X(ArithmeticError, "ArithmeticError", Exception)                                               \
    X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError)                                     \
    X(OverflowError, "OverflowError", ArithmeticError)                                             \
    X(LookupError, "LookupError", Exception)                                                       \
    X(IndexError, "IndexError", LookupError)                                                       \
    X(KeyError, "KeyError", LookupError)                                                           \
    X(ValueError, "ValueError", Exception)                                                         \
    X(UnicodeError, "UnicodeError", ValueError)                                                    \
    X(TypeError, "TypeError", Exception)                                                           \
    X(NameError, "NameError", Exception)                                                           \
    X(UnboundLocalError, "UnboundLocalError", NameError)                                           \
    X(AttributeError, "AttributeError", Exception)                                                 \
    X(RuntimeError, "RuntimeError", Exception)                                                     \
    X(RecursionError, "RecursionError", RuntimeError)                                              \
    X(NotImplementedError, "NotImplementedError", RuntimeError)                                    \
    X(StopIteration, "StopIteration", Exception)                                                   \
    X(StopAsyncIteration, "StopAsyncIteration", Exception)                                         \
    X(AssertionError, "AssertionError", Exception)                                                 \
    X(ImportError, "ImportError", Exception)                                                       \
    X(ModuleNotFoundError, "ModuleNotFoundError", ImportError)                                     \
    X(OSError, "OSError", Exception)                                                               \
    X(TimeoutError, "TimeoutError", OSError)                                                       \
    X(MemoryError, "MemoryError", Exception)                                                       \
    X(SyntaxError, "SyntaxError", Exception)                                                       \
    X(IndentationError, "IndentationError", SyntaxError)                                           \
    X(TabError, "TabError", IndentationError)                                                      \
    X(KeyboardInterrupt, "KeyboardInterrupt", BaseException)                                       \
    X(SystemExit, "SystemExit", BaseException)                                                     \
    X(GeneratorExit, "GeneratorExit", BaseException)                                               \
    X(BaseExceptionGroup, "BaseExceptionGroup", BaseException)                                     \
    X(ExceptionGroup, "ExceptionGroup", BaseExceptionGroup)                                        \
    X(Warning, "Warning", Exception)                                                               \
    X(RuntimeWarning, "RuntimeWarning", Warning)                                                   \
    X(DeprecationWarning, "DeprecationWarning", Warning)                                           \
    X(FloatingPointError, "FloatingPointError", ArithmeticError)                                   \
    X(SystemError, "SystemError", Exception)                                                       \
    X(ReferenceError, "ReferenceError", Exception)                                                 \
    X(BufferError, "BufferError", Exception)                                                       \
    X(ConnectionError, "ConnectionError", OSError)                                                 \
    X(BrokenPipeError, "BrokenPipeError", ConnectionError)                                         \
    X(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError)                           \
    X(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError)                           \
    X(ConnectionResetError, "ConnectionResetError", ConnectionError)                               \
    X(BlockingIOError, "BlockingIOError", OSError)                                                 \
    X(ChildProcessError, "ChildProcessError", OSError)                                             \
    X(FileExistsError, "FileExistsError", OSError)                                                 \
    X(FileNotFoundError, "FileNotFoundError", OSError)                                             \
    X(InterruptedError, "InterruptedError", OSError)                                               \
    X(IsADirectoryError, "IsADirectoryError", OSError)                                             \
    X(NotADirectoryError, "NotADirectoryError", OSError)                                           \
    X(PermissionError, "PermissionError", OSError)                                                 \
    X(ProcessLookupError, "ProcessLookupError", OSError)                                           \
    X(UserWarning, "UserWarning", Warning)                                                         \
    X(FutureWarning, "FutureWarning", Warning)                                                     \
    X(PendingDeprecationWarning, "PendingDeprecationWarning", Warning)                             \
    X(SyntaxWarning, "SyntaxWarning", Warning)                                                     \
    X(ImportWarning, "ImportWarning", Warning)                                                     \
    X(UnicodeWarning, "UnicodeWarning", Warning)                                                   \
    X(BytesWarning, "BytesWarning", Warning)                                                       \
    X(ResourceWarning, "ResourceWarning", Warning)                                                 \
    X(EncodingWarning, "EncodingWarning", Warning)

/* ---- interned names the VM and the types use: X(field, "text") */
#define NAME_LIST(X)                                                                               \
    X(__init__, "__init__")                                                                        \
    X(__new__, "__new__")                                                                          \
    X(__repr__, "__repr__")                                                                        \
    X(__str__, "__str__")                                                                          \
    X(__len__, "__len__")                                                                          \
    X(__bool__, "__bool__")                                                                        \
    X(__hash__, "__hash__")                                                                        \
    X(__eq__, "__eq__")                                                                            \
    X(__ne__, "__ne__")                                                                            \
    X(__lt__, "__lt__")                                                                            \
    X(__le__, "__le__")                                                                            \
    X(__gt__, "__gt__")                                                                            \
    X(__ge__, "__ge__")                                                                            \
    X(__add__, "__add__")                                                                          \
    X(__radd__, "__radd__")                                                                        \
    X(__iadd__, "__iadd__")                                                                        \
    X(__sub__, "__sub__")                                                                          \
    X(__rsub__, "__rsub__")                                                                        \
    X(__isub__, "__isub__")                                                                        \
    X(__mul__, "__mul__")                                                                          \
    X(__rmul__, "__rmul__")                                                                        \
    X(__imul__, "__imul__")                                                                        \
    X(__truediv__, "__truediv__")                                                                  \
    X(__rtruediv__, "__rtruediv__")                                                                \
    X(__itruediv__, "__itruediv__")                                                                \
    X(__floordiv__, "__floordiv__")                                                                \
    X(__rfloordiv__, "__rfloordiv__")                                                              \
    X(__ifloordiv__, "__ifloordiv__")                                                              \
    X(__mod__, "__mod__")                                                                          \
    X(__rmod__, "__rmod__")                                                                        \
    X(__imod__, "__imod__")                                                                        \
    X(__pow__, "__pow__")                                                                          \
    X(__rpow__, "__rpow__")                                                                        \
    X(__ipow__, "__ipow__")                                                                        \
    X(__matmul__, "__matmul__")                                                                    \
    X(__rmatmul__, "__rmatmul__")                                                                  \
    X(__imatmul__, "__imatmul__")                                                                  \
    X(__lshift__, "__lshift__")                                                                    \
    X(__rlshift__, "__rlshift__")                                                                  \
    X(__ilshift__, "__ilshift__")                                                                  \
    X(__rshift__, "__rshift__")                                                                    \
    X(__rrshift__, "__rrshift__")                                                                  \
    X(__irshift__, "__irshift__")                                                                  \
    X(__and__, "__and__")                                                                          \
    X(__rand__, "__rand__")                                                                        \
    X(__iand__, "__iand__")                                                                        \
    X(__or__, "__or__")                                                                            \
    X(__ror__, "__ror__")                                                                          \
    X(__ior__, "__ior__")                                                                          \
    X(__xor__, "__xor__")                                                                          \
    X(__rxor__, "__rxor__")                                                                        \
    X(__ixor__, "__ixor__")                                                                        \
    X(__neg__, "__neg__")                                                                          \
    X(__pos__, "__pos__")                                                                          \
    X(__invert__, "__invert__")                                                                    \
    X(__abs__, "__abs__")                                                                          \
    X(__index__, "__index__")                                                                      \
    X(__int__, "__int__")                                                                          \
    X(__float__, "__float__")                                                                      \
    X(__round__, "__round__")                                                                      \
    X(__contains__, "__contains__")                                                                \
    X(__getitem__, "__getitem__")                                                                  \
    X(__setitem__, "__setitem__")                                                                  \
    X(__delitem__, "__delitem__")                                                                  \
    X(__iter__, "__iter__")                                                                        \
    X(__next__, "__next__")                                                                        \
    X(__call__, "__call__")                                                                        \
    X(__getattr__, "__getattr__")                                                                  \
    X(__getattribute__, "__getattribute__")                                                        \
    X(__setattr__, "__setattr__")                                                                  \
    X(__delattr__, "__delattr__")                                                                  \
    X(__enter__, "__enter__")                                                                      \
    X(__exit__, "__exit__")                                                                        \
    X(__aenter__, "__aenter__")                                                                    \
    X(__aexit__, "__aexit__")                                                                      \
    X(__aiter__, "__aiter__")                                                                      \
    X(__anext__, "__anext__")                                                                      \
    X(__await__, "__await__")                                                                      \
    X(__format__, "__format__")                                                                    \
    X(__name__, "__name__")                                                                        \
    X(__qualname__, "__qualname__")                                                                \
    X(__module__, "__module__")                                                                    \
    X(__doc__, "__doc__")                                                                          \
    X(__dict__, "__dict__")                                                                        \
    X(__class__, "__class__")                                                                      \
    X(__main__, "__main__")                                                                        \
    X(__builtins__, "__builtins__")                                                                \
    X(__file__, "__file__")                                                                        \
    X(__cause__, "__cause__")                                                                      \
    X(__context__, "__context__")                                                                  \
    X(__traceback__, "__traceback__")                                                              \
    X(__suppress_context__, "__suppress_context__")                                                \
    X(args, "args")                                                                                \
    X(builtins, "builtins")                                                                        \
    X(lambda, "<lambda>")                                                                          \
    X(module, "<module>")                                                                          \
    X(empty, "")

struct Frame;
struct ObjFiber;

/* One activation of a bytecode function. Frames and value stacks live in
 * chunks that never move, so a pointer into them (a native's args, the
 * interpreter's registers) stays valid while a nested call pushes more. */
typedef struct Frame {
    struct Frame *prev;
    ObjFunction *func;
    ObjCode *code;
    uint8_t *ip;
    Value *slots;         /* locals, then cells and free variables, then operands */
    Value *ret;           /* where the caller wants the result */
    ObjDict *globals;
    ObjDict *locals_dict; /* class bodies: names go to this dict, else NULL */
    uint32_t flags;       /* FRAME_* */
} Frame;

enum {
    FRAME_RETURN_TO_C = 1 << 0, /* returning from this frame ends a vm_call */
    FRAME_INIT = 1 << 1,        /* an __init__ call: the result must be None */
    FRAME_GEN_BASE = 1 << 2,    /* the base frame of a generator's / coroutine's fiber */
    FRAME_HOLDS_LEFT_GENERATOR = 1 << 3, /* a for loop left a generator a local still holds: look when it ends */
};

typedef struct StackChunk {
    struct StackChunk *prev;
    Value *saved_top; /* the stack top in this chunk when a newer chunk took over */
    uint32_t cap;
    Value data[];
} StackChunk;

typedef struct FrameChunk {
    struct FrameChunk *prev;
    uint32_t cap;
    uint32_t used;
    Frame frames[];
} FrameChunk;

/* A fiber owns a value stack and a chain of frames: one per coroutine,
 * generator and the main program. Suspending a fiber is saving its top
 * frame's ip and sp. */
typedef struct ObjFiber {
    Obj obj;
    StackChunk *stack;       /* the newest chunk */
    StackChunk *spare_stack; /* a freed chunk kept to avoid malloc churn */
    Value *sp;               /* top of the value stack */
    Value *stack_limit;      /* end of the newest chunk */
    FrameChunk *frame_chunk; /* the newest frame chunk */
    FrameChunk *spare_frames;
    Frame *frame;            /* the running (top) frame, or NULL */
    struct ObjFiber *caller; /* the fiber that resumed this one, while running */
    Obj *owner;              /* the generator or coroutine this fiber runs, or NULL */
    Value exc_info;          /* the exception being handled (for bare raise), or NONE */
    Value transfer;          /* a value in flight between fibers (sent / yielded) */
    struct VM *vm;           /* whose allocator its chunks come from */
    uint8_t state;           /* FIBER_* */
} ObjFiber;

enum { FIBER_NEW, FIBER_RUNNING, FIBER_SUSPENDED, FIBER_DONE };

typedef struct {
#define X(f, n, b, k) ObjClass *f;
    BUILTIN_CLASS_LIST(X)
#undef X
#define X(f, n, b) ObjClass *f;
    EXCEPTION_CLASS_LIST(X)
#undef X
} VMClasses;

typedef struct {
#define X(f, s) ObjStr *f;
    NAME_LIST(X)
#undef X
} VMNames;

/* Interned strings: an open-addressing set of ObjStr *, weak for the GC
 * (rebuilt without the dead after each collection). */
typedef struct {
    ObjStr **slots;
    uint32_t cap;
    uint32_t count;
} StrTable;

/* A direct-mapped cache of class attribute lookups (class, name) -> value,
 * valid while class_epoch is unchanged. */
#define METHOD_CACHE_SIZE 1024
typedef struct {
    ObjClass *cls;
    ObjStr *name;
    uint32_t epoch;
    Value value;
} MethodCacheEntry;

#define GC_SIZE_QUANTUM 16
#define GC_SIZE_CLASSES 17 /* free lists for objects up to 256 bytes */
#define BUF_SIZE_CLASSES 33 /* free lists for buffers up to 512 bytes (header included) */

typedef struct GcPage GcPage;
typedef enum { TICK_GO, TICK_SUSPEND, TICK_ERROR } TickOutcome;
typedef enum { SLEEP_NOT_HANDLED, SLEEP_HANDLED, SLEEP_ERROR } SleepOutcome;
#define TICK_INTERVAL 4096 /* loop edges between two looks at the clock and Ctrl-C */

typedef struct BufChunk BufChunk;
typedef struct BufFree BufFree;

struct VM {
    /* GC */
    GcPage *pages[GC_SIZE_CLASSES];    /* slots of small objects, per size class */
    Obj *free_lists[GC_SIZE_CLASSES];  /* their free slots */
    GcPage *sweep_cursor[GC_SIZE_CLASSES]; /* the next page the lazy sweep will visit */
    size_t live_bytes;                 /* what the last mark phase found reachable */
    Obj *objects; /* the large objects (small ones live in pages) */
    BufFree *buf_free_lists[BUF_SIZE_CLASSES]; /* free small buffers (gc_realloc), per size class */
    BufChunk *buf_chunks;                      /* where small buffers are carved from */
    char *buf_bump, *buf_end;                  /* the unused rest of the newest chunk */
    size_t bytes_allocated;
    size_t next_gc;
    bool gc_stress;
    bool gc_running;
    /* An object a collection is asked about (gen_check_dropped): when the
     * marking does not reach it, it is kept for this once and watch_dead
     * says so, so that its finalizer can run. */
    Obj *gc_watch;
    bool gc_watch_dead;
    uint32_t gc_asked; /* collections asked for where CPython's reference counts would free (generator.c) */
    bool made_generator_with_try; /* a generator whose code has a try: the exit looks for suspended ones */
    Obj **gray;
    size_t gray_count, gray_cap;
    Value *roots; /* temporaries pushed by C code */
    size_t root_count, root_cap;
    Value **extra_roots; /* long-lived slots owned by modules (vm_add_root) */
    size_t n_extra_roots, extra_roots_cap;

    uint32_t dict_key_epoch; /* source of DictTable.keys_version values */
    uint32_t class_epoch;    /* bumped when any class's attributes may have changed */
    /* The clock (src/loop/clock.c): under the virtual clock time only moves
     * when the scheduler jumps to a deadline or time.sleep advances it. */
    bool clock_virtual;
    int64_t vclock_mono_ns; /* virtual monotonic time */
    int64_t vclock_wall_ns; /* virtual wall time */
    struct AioState *aio; /* the asyncio core's state (src/loop/aio.h), or NULL before its import */
    MethodCacheEntry method_cache[METHOD_CACHE_SIZE];
    StrTable strings;
    VMClasses c;
    VMNames n;
    Value not_implemented;
    Value ellipsis;
    Value small_strs[128]; /* one-character ASCII strs */
    ObjTuple *empty_tuple;

    ObjDict *builtins;
    ObjDict *modules;    /* name -> module, for import */
    ObjDict *main_globals;
    ObjDict *sources;    /* filename -> source text, for traceback lines */

    /* running */
    ObjFiber *fiber;     /* the fiber now running */
    ObjFiber *main_fiber;/* runs module code and native re-entries */
    Value exception;     /* the exception being raised, EMPTY when none */
    uint32_t depth;      /* Python call depth, for RecursionError */
    uint32_t max_depth;
    uint32_t c_depth;    /* nested vm_call from C */
    bool throw_pending;  /* interp_run starts by raising vm->exception (generator.throw) */

    volatile int interrupt_pending; /* set by the SIGINT handler, seen at loop edges */
    /* Asked first when Ctrl-C is seen: true when it dealt with it (asyncio's
     * runner cancels the main task on the first Ctrl-C), false to raise
     * KeyboardInterrupt as usual. */
    bool (*interrupt_hook)(VM *vm);
    /* `del NAME` let go of `old` (no longer held by the name, and not to be
     * kept):
     * asyncio asks the GC whether a failed task went with it, to say "Task
     * exception was never retrieved" when CPython's reference counts would.
     * Called at a point where Python code may run (the frame is synced). */
    void (*deleted_hook)(VM *vm, Value old);
    /* asyncio's async generator hooks (sys.set_asyncgen_hooks in CPython):
     * firstiter when one is first iterated, finalizer when one suspended
     * inside a try is let go of (it schedules aclose()). */
    void (*asyncgen_firstiter)(VM *vm, Value agen);
    void (*asyncgen_finalizer)(VM *vm, Value agen);
    /* Called by the SIGINT handler (async-signal-safe) to wake a waiting loop. */
    void (*interrupt_wakeup)(VM *vm);
    /* Counts down at loop edges; when it reaches 0 (or someone sets it to 0:
     * Ctrl-C, a simulated thread that asks to sleep) the dispatch loop calls
     * vm_tick. */
    volatile int32_t ticks;
    /* Asked at every tick: whether the running code should be suspended
     * here (a simulated thread's time slice is over, or it sleeps). */
    TickOutcome (*tick_hook)(VM *vm);
    /* time.sleep(ns): SLEEP_HANDLED when a scheduler took it over (a
     * simulated thread sleeps; the loop lets threads run meanwhile). */
    SleepOutcome (*sleep_hook)(VM *vm, int64_t ns);
    /* generator.c's record for "coroutine ... was never awaited": the
     * coroutines not started yet (weak) and the warnings printed. */
    struct NeverAwaited *never_awaited;
    /* Called after marking, before anything is freed: weak references are
     * settled here (asyncio reports tasks whose exception nobody retrieved,
     * keeping them alive with gc_keep_alive until it has printed them). */
    void (*before_sweep_hook)(VM *vm);
    Value build_class;   /* builtins.__build_class__ */
    /* Hooks the session installs: show a cell's expression value, find a module. */
    bool (*display_hook)(VM *vm, Value v);
    bool (*import_hook)(VM *vm, ObjStr *name, Value *out);

    FILE *out;           /* stdout */
    bool out_mid_line;   /* what the program wrote last to out did not end a line */
    FILE *err;           /* stderr */
    void *host;          /* the session that owns this VM, for modules */
};

/* A new VM with its built-in types, builtins and modules installed. */
VM *vm_new(void);
/* Free the VM and everything it owns. */
void vm_free(VM *vm);

/* ---- errors ------------------------------------------------------------ */
/* Raise cls(message formatted by fmt); returns false, so `return vm_raise(...)`. */
bool vm_raise(VM *vm, ObjClass *cls, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Raise an exception instance or class (instantiated with no arguments).
 * The exception being handled becomes its __context__ (vm_chain_context). */
bool vm_raise_value(VM *vm, Value exc);
/* The exception being handled, or NONE: the running fiber's, else that of
 * the fiber that resumed it, and so on (CPython's exc-info stack, shared
 * along the chain of running generators and coroutines). */
Value vm_handled_exception(VM *vm);
/* Make `handling` the __context__ of exc, as raising exc while handling it
 * does: nothing when handling is no exception or is exc itself; a context
 * chain from handling that leads back to exc is cut there, so that no new
 * cycle forms (CPython's _PyErr_SetObject). */
void vm_chain_context(Value exc, Value handling);
/* Whether the exception being raised is an instance of cls (or a subclass). */
bool vm_exception_matches(VM *vm, ObjClass *cls);
/* Take the raised exception off the VM (it becomes EMPTY) and return it. */
Value vm_take_exception(VM *vm);

/* ---- GC roots for C temporaries --------------------------------------- */
void vm_grow_roots(VM *vm);
/* Keep v alive until the matching vm_pop_root. (Inline: C code around a
 * task step pushes a few dozen a step.) */
static inline void vm_push_root(VM *vm, Value v)
{
    if (vm->root_count == vm->root_cap) vm_grow_roots(vm);
    vm->roots[vm->root_count++] = v;
}
/* Forget the last n pushed roots. */
static inline void vm_pop_root(VM *vm, size_t n)
{
    vm->root_count -= n;
}
/* Keep *slot alive for the VM's lifetime (module state). */
void vm_add_root(VM *vm, Value *slot);

/* ---- calls and attributes (re-entrant: usable from native code) -------- */
/* Call any callable; see NativeFn for the argument layout. */
bool vm_call(VM *vm, Value callee, Value *args, int nargs, ObjTuple *kwnames, Value *out);
/* Look up name on self's class and call it with self prepended to args. */
bool vm_call_method(VM *vm, Value self, ObjStr *name, Value *args, int nargs, Value *out);
/* Look up a special method on the class of v (no instance dict), unbound; EMPTY if none. */
Value vm_lookup_special(VM *vm, Value v, ObjStr *name);
/* Attribute lookup along a class and its bases, unbound; EMPTY if none. */
Value class_lookup(ObjClass *cls, ObjStr *name);
/* class_lookup through the VM's method cache (name must be interned). */
Value vm_class_lookup(VM *vm, ObjClass *cls, ObjStr *name);
/* Forget cached class lookups (a class changed or was created). */
void vm_classes_changed(VM *vm);
/* obj.name, raising AttributeError when missing. */
bool vm_getattr(VM *vm, Value obj, ObjStr *name, Value *out);
/* obj.name, or *found = false without raising when missing. */
bool vm_getattr_opt(VM *vm, Value obj, ObjStr *name, Value *out, bool *found);
/* obj.name = v. */
bool vm_setattr(VM *vm, Value obj, ObjStr *name, Value v);
/* del obj.name. */
bool vm_delattr(VM *vm, Value obj, ObjStr *name);
/* object.__setattr__ / object.__delattr__: without the class's own hooks. */
bool vm_setattr_generic(VM *vm, Value obj, ObjStr *name, Value v);
bool vm_delattr_generic(VM *vm, Value obj, ObjStr *name);

/* ---- classes ---------------------------------------------------------- */
/* type(v). */
ObjClass *vm_class_of(VM *vm, Value v);
/* Whether sub is cls or derives from it. */
bool class_is_subclass(ObjClass *sub, ObjClass *cls);
/* Whether type(v) is cls or derives from it. */
bool vm_isinstance(VM *vm, Value v, ObjClass *cls);
/* Put a native function named name into dict (a method when owner is set). */
void vm_define_native(VM *vm, ObjDict *dict, const char *name, NativeFn fn, ObjClass *owner);
/* Put a value into dict under an interned name. */
void vm_define_value(VM *vm, ObjDict *dict, const char *name, Value v);

/* Raise KeyboardInterrupt if Ctrl-C was pressed (clears the flag), unless
 * vm->interrupt_hook takes care of it. */
bool vm_check_interrupt(VM *vm);
/* What the dispatch loop does when vm->ticks runs out: Ctrl-C, then the
 * tick hook. TICK_SUSPEND: return from interp_run, the state saved. */
TickOutcome vm_tick(VM *vm);
/* Deliver SIGINT to vm as interrupt_pending from now on (NULL: default action). */
void vm_catch_sigint(VM *vm);

/* ---- output ----------------------------------------------------------- */
/* Write a str to the VM's stdout. */
void vm_write(VM *vm, const char *bytes, size_t len);
/* Start a new line on out unless the program's last write ended one (what
 * a front end prints after a cell, or a chart after a script, must not be
 * glued to a print(..., end="")). */
void vm_end_line(VM *vm);

#endif
