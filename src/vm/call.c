/* call.c: the one place that knows how each kind of object is called. */
#include "call.h"

#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "frame.h"
#include "gc.h"
#include "generator.h"
#include "interp.h"
#include "ops.h"
#include "str.h"

/* ---- names for messages ---------------------------------------------------------- */

const char *callable_name_for_error(VM *vm, Value callee)
{
    /* CPython's _PyObject_FunctionStr: module.qualname(), without "builtins." */
    static char buf[256];
    ObjStr *module = NULL, *qualname = NULL;
    if (IS_FUNCTION(callee)) {
        module = AS_FUNCTION(callee)->module;
        qualname = AS_FUNCTION(callee)->qualname;
    } else if (IS_CLASS(callee)) {
        module = AS_CLASS(callee)->module;
        qualname = AS_CLASS(callee)->qualname ? AS_CLASS(callee)->qualname : AS_CLASS(callee)->name;
    }
    if (module && strcmp(module->data, "builtins") == 0) module = NULL;
    if (qualname)
        snprintf(buf, sizeof buf, "%s%s%s()", module ? module->data : "", module ? "." : "",
                 qualname->data);
    else if (IS_NATIVE(callee) && AS_NATIVE(callee)->owner)
        snprintf(buf, sizeof buf, "%s.%s()", AS_NATIVE(callee)->owner->name->data,
                 AS_NATIVE(callee)->name->data);
    else if (IS_NATIVE(callee)) snprintf(buf, sizeof buf, "%s()", AS_NATIVE(callee)->name->data);
    else if (IS_KIND(callee, OBJ_BOUND_METHOD)) return callable_name_for_error(vm, AS_BOUND_METHOD(callee)->func);
    else snprintf(buf, sizeof buf, "%s object", vm_class_of(vm, callee)->name->data);
    return buf;
}

static bool not_callable(VM *vm, Value v)
{
    return vm_raise(vm, vm->c.TypeError, "'%s' object is not callable", vm_class_of(vm, v)->name->data);
}

/* Make room for one value before args by moving them up one slot; args[0]
 * then receives `first`. The stack must have a free slot above the args. */
static void prepend_arg(ObjFiber *f, Value *args, int nvalues, Value first)
{
    memmove(args + 1, args, (size_t)nvalues * sizeof(Value));
    args[0] = first;
    if (f->sp < args + nvalues + 1) f->sp = args + nvalues + 1;
}

static bool is_object_init(VM *vm, Value v)
{
    return IS_EMPTY(v) || (IS_NATIVE(v) && AS_NATIVE(v)->owner == vm->c.object);
}

/* ---- classes ------------------------------------------------------------------ */

static bool takes_no_arguments(VM *vm, ObjClass *cls)
{
    return vm_raise(vm, vm->c.TypeError, "%s() takes no arguments", cls->name->data);
}

/* Create the object for a class call (before __init__). args[0] is the class. */
static bool class_new_object(VM *vm, ObjClass *cls, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value new = vm_class_lookup(vm, cls, vm->n.__new__);
    if (IS_NATIVE(new) && AS_NATIVE(new)->owner != vm->c.object) {
        return AS_NATIVE(new)->fn(vm, args, nargs, kwnames, out);
    }
    if (IS_KIND(new, OBJ_STATICMETHOD)) new = AS_DESCRIPTOR(new)->fget;
    if (IS_FUNCTION(new)) return vm_call(vm, new, args, nargs, kwnames, out);
    if (cls->class_flags & CLASS_BUILTIN && cls != vm->c.object)
        return vm_raise(vm, vm->c.TypeError, "cannot create '%s' instances", cls->name->data);
    if (cls == vm->c.object && (nargs > 1 || (kwnames && kwnames->len > 0)))
        return takes_no_arguments(vm, cls);
    *out = OBJ_VAL(instance_new(vm, cls));
    return true;
}

/* Call a class from the interpreter: args has a free slot above it. */
static CallOutcome call_class(VM *vm, ObjFiber *f, ObjClass *cls, Value *args, int nargs, ObjTuple *kwnames,
                              Value *ret)
{
    int nkw = kwnames ? (int)kwnames->len : 0;
    prepend_arg(f, args, nargs + nkw, OBJ_VAL(cls));
    Value obj;
    if (!class_new_object(vm, cls, args, nargs + 1, kwnames, &obj)) return CALL_FAILED;
    if (!vm_isinstance(vm, obj, cls) || (cls->class_flags & CLASS_BUILTIN)) {
        /* a built-in class's __new__ did all the work */
        *ret = obj;
        return CALL_DONE;
    }
    Value init = vm_class_lookup(vm, cls, vm->n.__init__);
    args[0] = obj;
    *ret = obj;
    if (IS_FUNCTION(init)) {
        Frame *fr = kwnames == NULL ? frame_push_simple(vm, f, AS_FUNCTION(init), args, nargs + 1, ret) : NULL;
        if (fr != NULL) {
            fr->flags = FRAME_INIT;
            return CALL_PUSHED_FRAME;
        }
        fr = frame_push_call(vm, f, AS_FUNCTION(init), args, nargs + 1, kwnames, ret, FRAME_INIT);
        return fr ? CALL_PUSHED_FRAME : CALL_FAILED;
    }
    if (is_object_init(vm, init)) {
        Value new = vm_class_lookup(vm, cls, vm->n.__new__);
        if ((nargs > 0 || nkw > 0) && (IS_EMPTY(new) || (IS_NATIVE(new) && AS_NATIVE(new)->owner == vm->c.object)))
            return takes_no_arguments(vm, cls) ? CALL_DONE : CALL_FAILED;
        return CALL_DONE;
    }
    Value ignored;
    if (!vm_call(vm, init, args, nargs + 1, kwnames, &ignored)) return CALL_FAILED;
    *ret = obj;
    return CALL_DONE;
}

/* ---- from the interpreter ------------------------------------------------------------ */

CallOutcome call_from_interp(VM *vm, ObjFiber *f, Value *callee, Value *args, int nargs, ObjTuple *kwnames,
                             Value *ret)
{
    Value c = *callee;
    for (;;) {
        if (!IS_OBJ(c)) return not_callable(vm, c) ? CALL_DONE : CALL_FAILED;
        switch ((ObjKind)AS_OBJ(c)->kind) {
        case OBJ_FUNCTION: {
            ObjFunction *fn = AS_FUNCTION(c);
            if (fn->code->flags & (CODE_GENERATOR | CODE_COROUTINE)) {
                Value gen;
                if (!generator_create(vm, fn, args, nargs, kwnames, &gen)) return CALL_FAILED;
                *ret = gen;
                return CALL_DONE;
            }
            if (kwnames == NULL && frame_push_simple(vm, f, fn, args, nargs, ret)) return CALL_PUSHED_FRAME;
            Frame *fr = frame_push_call(vm, f, fn, args, nargs, kwnames, ret, 0);
            return fr ? CALL_PUSHED_FRAME : CALL_FAILED;
        }
        case OBJ_NATIVE: {
            Value out;
            if (!AS_NATIVE(c)->fn(vm, args, nargs, kwnames, &out)) return CALL_FAILED;
            *ret = out;
            return CALL_DONE;
        }
        case OBJ_BOUND_METHOD: {
            ObjBoundMethod *m = AS_BOUND_METHOD(c);
            prepend_arg(f, args, nargs + (kwnames ? (int)kwnames->len : 0), m->self);
            nargs++;
            c = m->func;
            continue;
        }
        case OBJ_CLASS: return call_class(vm, f, AS_CLASS(c), args, nargs, kwnames, ret);
        default: {
            Value call = vm_lookup_special(vm, c, vm->n.__call__);
            if (IS_EMPTY(call)) return not_callable(vm, c) ? CALL_DONE : CALL_FAILED;
            prepend_arg(f, args, nargs + (kwnames ? (int)kwnames->len : 0), c);
            nargs++;
            c = call;
            continue;
        }
        }
    }
}

/* Spread a tuple of positional args and a kwargs dict onto the stack:
 * callee[1] holds the tuple, kwargs (when not EMPTY) sits at callee[2]. */
CallOutcome call_ex_from_interp(VM *vm, ObjFiber *f, Value *callee, Value kwargs)
{
    uint32_t nkw = IS_DICT(kwargs) ? AS_DICT(kwargs)->table.len : 0;
    ObjTuple *kwnames = nkw ? tuple_new(vm, NULL, nkw) : NULL;
    ObjTuple *pos = AS_TUPLE(callee[1]);
    uint32_t n = pos->len + nkw;
    Value *argv = fiber_push_values(vm, f, n + 1);
    for (uint32_t i = 0; i < pos->len; i++) argv[i] = pos->items[i];
    if (nkw) {
        ObjDict *d = AS_DICT(kwargs);
        uint32_t k = 0;
        for (uint32_t i = 0; i < d->table.used; i++) {
            DictEntry *e = &d->table.entries[i];
            if (IS_EMPTY(e->key)) continue;
            kwnames->items[k] = e->key;
            argv[pos->len + k] = e->value;
            k++;
        }
        callee[1] = OBJ_VAL(kwnames); /* the tuple's values are on the stack now */
    }
    f->sp = argv + n;
    return call_from_interp(vm, f, callee, argv, (int)pos->len, kwnames, callee);
}

/* ---- from C ----------------------------------------------------------------------- */

/* After a call from C: drop the values it pushed at base, going back to the
 * caller's stack top (NULL on a fiber that had no stack yet). A chunk pushed
 * for them is left, so an interpreter running on f finds its sp in the
 * newest chunk again. */
static void leave_pushed_values(ObjFiber *f, Value *top, Value *base)
{
    fiber_set_sp(f, top != NULL ? top : base);
}

bool vm_call(VM *vm, Value callee, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    ObjFiber *f = vm->fiber;
    int nkw = kwnames ? (int)kwnames->len : 0;
    if (IS_NATIVE(callee)) return AS_NATIVE(callee)->fn(vm, args, nargs, kwnames, out);
    if (vm->c_depth > vm->max_depth + 50) {
        return vm_raise(vm, vm->c.RecursionError, "maximum recursion depth exceeded");
    }
    /* Copy callee and arguments onto the fiber's stack, with a spare slot. */
    Value *top = f->sp;
    Value *base = fiber_push_values(vm, f, (uint32_t)(nargs + nkw) + 2);
    base[0] = callee;
    for (int i = 0; i < nargs + nkw; i++) base[1 + i] = args[i];
    f->sp = base + 1 + nargs + nkw;
    if (kwnames) vm_push_root(vm, OBJ_VAL(kwnames));
    CallOutcome r = call_from_interp(vm, f, base, base + 1, nargs, kwnames, base);
    if (kwnames) vm_pop_root(vm, 1);
    bool ok = r != CALL_FAILED;
    if (r == CALL_PUSHED_FRAME) {
        f->frame->flags |= FRAME_RETURN_TO_C;
        vm->c_depth++;
        ok = interp_run(vm, out);
        vm->c_depth--;
        if (ok) *out = base[0];
    } else if (ok) {
        *out = base[0];
    }
    leave_pushed_values(f, top, base);
    return ok;
}

bool vm_call_method(VM *vm, Value self, ObjStr *name, Value *args, int nargs, Value *out)
{
    Value m = vm_lookup_special(vm, self, name);
    if (IS_EMPTY(m)) {
        return vm_raise(vm, vm->c.AttributeError, "'%s' object has no attribute '%s'",
                        vm_class_of(vm, self)->name->data, name->data);
    }
    Value small[8];
    Value *argv = nargs < 7 ? small : malloc((size_t)(nargs + 1) * sizeof(Value));
    if (argv == NULL) abort();
    argv[0] = self;
    for (int i = 0; i < nargs; i++) argv[i + 1] = args[i];
    bool ok = vm_call(vm, m, argv, nargs + 1, NULL, out);
    if (argv != small) free(argv);
    return ok;
}

bool call_class_body(VM *vm, ObjFunction *body, ObjDict *ns, Value *result)
{
    ObjFiber *f = vm->fiber;
    Value *top = f->sp;
    Value *base = fiber_push_values(vm, f, 2);
    base[0] = OBJ_VAL(body);
    Frame *fr = frame_push_call(vm, f, body, base + 1, 0, NULL, base, FRAME_RETURN_TO_C);
    if (fr == NULL) {
        leave_pushed_values(f, top, base);
        return false;
    }
    fr->locals_dict = ns;
    vm->c_depth++;
    bool ok = interp_run(vm, result);
    vm->c_depth--;
    leave_pushed_values(f, top, base);
    return ok;
}

/* ---- class creation, object's own methods, super ---------------------------------- */

static bool build_class(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->c.NotImplementedError, "class keyword arguments (metaclass=...) are not supported");
    if (nargs < 2 || !IS_FUNCTION(args[0]) || !IS_STR(args[1]))
        return vm_raise(vm, vm->c.TypeError, "__build_class__: bad arguments");
    if (nargs > 3) return vm_raise(vm, vm->c.NotImplementedError, "multiple inheritance is not supported");
    ObjClass *base = vm->c.object;
    if (nargs == 3) {
        if (!IS_CLASS(args[2])) return vm_raise(vm, vm->c.TypeError, "bases must be types");
        base = AS_CLASS(args[2]);
        if (base->class_flags & CLASS_NO_SUBCLASS)
            return vm_raise(vm, vm->c.TypeError, "type '%s' is not an acceptable base type", base->name->data);
    }
    ObjDict *ns = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(ns));
    Value cell;
    if (!call_class_body(vm, AS_FUNCTION(args[0]), ns, &cell)) {
        vm_pop_root(vm, 1);
        return false;
    }
    vm_push_root(vm, cell);
    ObjClass *cls = class_new(vm, AS_STR(args[1]), base, (ObjKind)base->instance_kind);
    cls->dict = ns;
    vm_classes_changed(vm);
    Value module = dict_get_str(ns, vm->n.__module__);
    cls->module = IS_STR(module) ? AS_STR(module) : vm->n.__main__;
    Value qualname = dict_get_str(ns, vm->n.__qualname__);
    if (IS_STR(qualname)) cls->qualname = AS_STR(qualname);
    bool found;
    dict_del(vm, ns, OBJ_VAL(vm->n.__qualname__), &found);
    /* as CPython's type(): __doc__ is None without a docstring (never inherited) */
    if (IS_EMPTY(dict_get_str(ns, vm->n.__doc__))) dict_set_str(vm, ns, vm->n.__doc__, NONE_VAL);
    if (IS_KIND(cell, OBJ_CELL)) ((ObjCell *)AS_OBJ(cell))->value = OBJ_VAL(cls);
    vm_pop_root(vm, 2);
    *out = OBJ_VAL(cls);
    return true;
}

static bool object_init(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)vm;
    (void)args;
    (void)nargs;
    (void)kwnames;
    *out = NONE_VAL;
    return true;
}

static bool object_setattr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->c.TypeError, "object.__setattr__() takes no keyword arguments");
    if (nargs != 3)
        return vm_raise(vm, vm->c.TypeError, "expected 2 arguments, got %d", nargs > 0 ? nargs - 1 : 0);
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->c.TypeError, "attribute name must be string, not '%s'",
                        vm_class_of(vm, args[1])->name->data);
    *out = NONE_VAL;
    return vm_setattr_generic(vm, args[0], str_intern(vm, AS_STR(args[1])->data, AS_STR(args[1])->byte_len),
                              args[2]);
}

static bool object_delattr(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (kwnames && kwnames->len)
        return vm_raise(vm, vm->c.TypeError, "object.__delattr__() takes no keyword arguments");
    if (nargs != 2)
        return vm_raise(vm, vm->c.TypeError, "expected 1 argument, got %d", nargs > 0 ? nargs - 1 : 0);
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->c.TypeError, "attribute name must be string, not '%s'",
                        vm_class_of(vm, args[1])->name->data);
    *out = NONE_VAL;
    return vm_delattr_generic(vm, args[0], str_intern(vm, AS_STR(args[1])->data, AS_STR(args[1])->byte_len));
}

static bool object_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    if (nargs < 1 || !IS_CLASS(args[0]))
        return vm_raise(vm, vm->c.TypeError, "object.__new__(X): X is not a type object");
    *out = OBJ_VAL(instance_new(vm, AS_CLASS(args[0])));
    return true;
}

/* The __class__ cell and first argument of the calling frame, for super(). */
static bool zero_arg_super(VM *vm, Value *cls, Value *self)
{
    Frame *fr = vm->fiber->frame;
    if (fr == NULL || fr->code->argcount == 0) return vm_raise(vm, vm->c.RuntimeError, "super(): no arguments");
    ObjCode *code = fr->code;
    for (uint32_t i = 0; i < code->n_free; i++) {
        if (strcmp(code->freenames[i]->data, "__class__") != 0) continue;
        Value cell = fr->slots[code->n_locals + code->n_cells + i];
        if (!IS_KIND(cell, OBJ_CELL) || !IS_CLASS(((ObjCell *)AS_OBJ(cell))->value))
            return vm_raise(vm, vm->c.RuntimeError, "super(): empty __class__ cell");
        *cls = ((ObjCell *)AS_OBJ(cell))->value;
        if (code->argcount == 0) return vm_raise(vm, vm->c.RuntimeError, "super(): no arguments");
        *self = fr->slots[0];
        if (IS_EMPTY(*self)) return vm_raise(vm, vm->c.RuntimeError, "super(): arg[0] deleted");
        return true;
    }
    return vm_raise(vm, vm->c.RuntimeError, "super(): __class__ cell not found");
}

/* super.__new__(super, ...): super() and super(cls, obj). `super` is the
 * class itself, as in CPython (print(super) says <class 'super'>). */
static bool super_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (kwnames && kwnames->len) return vm_raise(vm, vm->c.TypeError, "super() takes no keyword arguments");
    args++; /* the class being called: super itself */
    nargs--;
    Value cls, self;
    if (nargs == 0) {
        if (!zero_arg_super(vm, &cls, &self)) return false;
    } else if (nargs == 2 && IS_CLASS(args[0])) {
        cls = args[0];
        self = args[1];
    } else if (nargs > 2) {
        return vm_raise(vm, vm->c.TypeError, "super() expected at most 2 arguments, got %d", nargs);
    } else if (!IS_CLASS(args[0])) {
        return vm_raise(vm, vm->c.TypeError, "super() argument 1 must be a type, not %s",
                        vm_class_of(vm, args[0])->name->data);
    } else {
        /* super(type): an unbound super object, which lessons never need */
        return vm_raise(vm, vm->c.NotImplementedError, "super() with one argument is not supported");
    }
    ObjInstance *sup = instance_new(vm, vm->c.super_);
    vm_push_root(vm, OBJ_VAL(sup));
    dict_set_str(vm, sup->dict, str_intern_cstr(vm, "__thisclass__"), cls);
    dict_set_str(vm, sup->dict, str_intern_cstr(vm, "__self__"), self);
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(sup);
    return true;
}

bool super_getattr(VM *vm, ObjInstance *sup, ObjStr *name, Value *out, bool *found)
{
    Value cls = dict_get_str(sup->dict, str_intern_cstr(vm, "__thisclass__"));
    Value self = dict_get_str(sup->dict, str_intern_cstr(vm, "__self__"));
    *found = false;
    if (!IS_CLASS(cls)) return true;
    Value v = AS_CLASS(cls)->base ? class_lookup(AS_CLASS(cls)->base, name) : EMPTY_VAL;
    if (IS_EMPTY(v)) return true;
    *found = true;
    if (IS_FUNCTION(v) || (IS_NATIVE(v) && AS_NATIVE(v)->owner)) {
        *out = IS_CLASS(self) ? v : OBJ_VAL(bound_method_new(vm, self, v));
        return true;
    }
    if (IS_KIND(v, OBJ_CLASSMETHOD)) {
        Value c = IS_CLASS(self) ? self : OBJ_VAL(vm_class_of(vm, self));
        *out = OBJ_VAL(bound_method_new(vm, c, AS_DESCRIPTOR(v)->fget));
        return true;
    }
    if (IS_KIND(v, OBJ_STATICMETHOD)) {
        *out = AS_DESCRIPTOR(v)->fget;
        return true;
    }
    if (IS_KIND(v, OBJ_PROPERTY)) return vm_call(vm, AS_DESCRIPTOR(v)->fget, &self, 1, NULL, out);
    *out = v;
    return true;
}

void descriptors_install(VM *vm);

void function_install(VM *vm)
{
    descriptors_install(vm);
    vm_define_native(vm, vm->c.object->dict, "__init__", object_init, vm->c.object);
    vm_define_native(vm, vm->c.object->dict, "__new__", object_new, vm->c.object);
    vm_define_native(vm, vm->c.object->dict, "__setattr__", object_setattr, vm->c.object);
    vm_define_native(vm, vm->c.object->dict, "__delattr__", object_delattr, vm->c.object);
    ObjNative *bc = native_new(vm, "__build_class__", build_class, NULL);
    vm->build_class = OBJ_VAL(bc);
    dict_set_str(vm, vm->builtins, bc->name, OBJ_VAL(bc));
    vm_define_native(vm, vm->c.super_->dict, "__new__", super_new, vm->c.super_);
    vm_define_value(vm, vm->builtins, "super", OBJ_VAL(vm->c.super_));
    vm_define_value(vm, vm->builtins, "__name__", OBJ_VAL(vm->n.builtins));
}

/* ---- property, staticmethod, classmethod --------------------------------------------- */

static bool descriptor_of(VM *vm, Value *args, int nargs, ObjClass *cls, const char *name, Value *out)
{
    if (nargs != 2)
        return vm_raise(vm, vm->c.TypeError, "%s expected 1 argument, got %d", name, nargs - 1);
    *out = OBJ_VAL(descriptor_new(vm, cls, args[1]));
    return true;
}

static bool staticmethod_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    return descriptor_of(vm, args, nargs, vm->c.staticmethod, "staticmethod", out);
}

static bool classmethod_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    return descriptor_of(vm, args, nargs, vm->c.classmethod, "classmethod", out);
}

/* property(fget=None, fset=None, fdel=None, doc=None) */
static bool property_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value f[3] = {EMPTY_VAL, EMPTY_VAL, EMPTY_VAL};
    static const char *names[3] = {"fget", "fset", "fdel"};
    if (nargs > 5) return vm_raise(vm, vm->c.TypeError, "property() takes at most 4 arguments (%d given)", nargs - 1);
    for (int i = 1; i < nargs && i <= 3; i++) f[i - 1] = args[i];
    int nkw = kwnames ? (int)kwnames->len : 0;
    for (int k = 0; k < nkw; k++) {
        const char *kw = AS_STR(kwnames->items[k])->data;
        int slot = -1;
        for (int j = 0; j < 3; j++)
            if (strcmp(kw, names[j]) == 0) slot = j;
        if (slot < 0 && strcmp(kw, "doc") != 0)
            return vm_raise(vm, vm->c.TypeError, "property() got an unexpected keyword argument '%s'", kw);
        if (slot >= 0) f[slot] = args[nargs + k];
    }
    for (int j = 0; j < 3; j++)
        if (IS_NONE(f[j])) f[j] = EMPTY_VAL;
    ObjDescriptor *d = descriptor_new(vm, vm->c.property, f[0]);
    d->fset = f[1];
    d->fdel = f[2];
    *out = OBJ_VAL(d);
    return true;
}

/* p.setter(f) / p.getter(f) / p.deleter(f): a copy with one function replaced. */
static bool property_copy_with(VM *vm, Value *args, int nargs, int which, Value *out)
{
    if (nargs != 2 || !IS_KIND(args[0], OBJ_PROPERTY))
        return vm_raise(vm, vm->c.TypeError, "descriptor needs a property and one argument");
    ObjDescriptor *p = AS_DESCRIPTOR(args[0]);
    ObjDescriptor *d = descriptor_new(vm, vm->c.property, p->fget);
    d->fset = p->fset;
    d->fdel = p->fdel;
    if (which == 0) d->fget = args[1];
    else if (which == 1) d->fset = args[1];
    else d->fdel = args[1];
    *out = OBJ_VAL(d);
    return true;
}

static bool property_getter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    return property_copy_with(vm, args, nargs, 0, out);
}

static bool property_setter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    return property_copy_with(vm, args, nargs, 1, out);
}

static bool property_deleter(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    (void)kwnames;
    return property_copy_with(vm, args, nargs, 2, out);
}

void descriptors_install(VM *vm)
{
    vm_define_native(vm, vm->c.staticmethod->dict, "__new__", staticmethod_new, vm->c.staticmethod);
    vm_define_native(vm, vm->c.classmethod->dict, "__new__", classmethod_new, vm->c.classmethod);
    vm_define_native(vm, vm->c.property->dict, "__new__", property_new, vm->c.property);
    vm_define_native(vm, vm->c.property->dict, "getter", property_getter, vm->c.property);
    vm_define_native(vm, vm->c.property->dict, "setter", property_setter, vm->c.property);
    vm_define_native(vm, vm->c.property->dict, "deleter", property_deleter, vm->c.property);
}
