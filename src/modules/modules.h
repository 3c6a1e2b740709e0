/* modules.h: the registry of built-in modules (math, time, random,
 * nest_asyncio ...) and helpers the module files share.
 *
 * A module is created on its first import: IMPORT_NAME looks the name up in
 * vm->modules, then calls vm->import_hook, which modules_install points at
 * modules_import. That creates the module, runs its init function, stores it
 * in vm->modules and returns it. A host that installs its own import hook
 * (e.g. for .py files) should call modules_import first. */
#ifndef LOOPBOOK_MODULES_H
#define LOOPBOOK_MODULES_H

#include "ops.h"
#include "vm.h"

/* Big ints on GMP (src/vm/bigint.h) where the VM has them: the module code
 * then uses their API directly; without them, the generic operators. */
#if defined(__has_include)
#if __has_include("bigint.h")
#include "bigint.h"
#define MOD_BIGINT 1
#endif
#endif
#ifndef MOD_BIGINT
#define MOD_BIGINT 0
#endif

/* Install the import hook that creates built-in modules on first import. */
void modules_install(VM *vm);
/* The import hook: the built-in module `name` (created now if needed) in
 * *out, or *out = EMPTY_VAL when there is no such built-in module. */
bool modules_import(VM *vm, ObjStr *name, Value *out);
/* The built-in module named `name` for C code, or NULL (with an exception
 * set) when it is unknown or its creation failed. */
ObjModule *modules_get(VM *vm, const char *name);

/* ---- for the module files -------------------------------------------------- */

/* One native function of a module. */
typedef struct {
    const char *name;
    NativeFn fn;
} ModuleFunc;

/* Put the n functions into m (each printed as <built-in function NAME>). */
void module_add_funcs(VM *vm, ObjModule *m, const ModuleFunc *fns, size_t n);
/* m.name = v. */
void module_add_value(VM *vm, ObjModule *m, const char *name, Value v);

/* The int value of v for integer arguments: an int (small or big) as is, a
 * bool as 0/1, else v.__index__(); TypeError "'T' object cannot be
 * interpreted as an integer" otherwise. */
bool mod_index(VM *vm, Value v, Value *out);
/* The float value of a real number argument (int, bool, float, big int, or
 * an object with __float__ / __index__); TypeError "must be real number, not T". */
bool mod_as_double(VM *vm, Value v, double *out);
/* Whether v is an int of any size (bool excluded). */
bool mod_is_int(Value v);
/* Bind arguments as a Python function's signature does, with CPython's
 * messages ("Random.randint() missing 1 required positional argument: 'b'",
 * "... takes from 2 to 4 positional arguments but 5 were given", "... got an
 * unexpected keyword argument 'x'", "... got multiple values for argument
 * 'a'"). names[0..npos) are positional-or-keyword (self included, as
 * args[0]), the first nreq of them required; names[npos..npos+nkwonly) are
 * optional keyword-only. out[i] is EMPTY_VAL when not given. */
bool mod_bind(VM *vm, const char *qualname, Value *args, int nargs, ObjTuple *kwnames,
              const char *const *names, int npos, int nreq, int nkwonly, Value *out);
/* The type name of v, for messages. */
const char *mod_type_name(VM *vm, Value v);

/* Integer arithmetic on ints of any size (small fast path, else the generic
 * operator, which promotes to big ints where the VM has them). */
bool mod_int_binary(VM *vm, BinaryOp op, Value a, Value b, Value *out);
/* -1, 0 or 1 for an int of any size. */
bool mod_int_sign(VM *vm, Value v, int *out);
/* v.bit_length() for an int of any size. */
bool mod_int_bit_length(VM *vm, Value v, int64_t *out);

/* The init functions, one per module file. */
void math_module_init(VM *vm, ObjModule *m);         /* math.c */
void time_module_init(VM *vm, ObjModule *m);         /* time.c */
void random_module_init(VM *vm, ObjModule *m);       /* random.c */
void nest_asyncio_module_init(VM *vm, ObjModule *m); /* nest_asyncio.c */
void gc_module_init(VM *vm, ObjModule *m);           /* gc.c */
void asyncio_core_module_init(VM *vm, ObjModule *m); /* src/loop/aio_module.c */

#endif
