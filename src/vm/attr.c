/* attr.c: getting, setting and deleting attributes: instance dicts, class
 * attributes along the base chain, descriptors (functions bind, property,
 * staticmethod, classmethod) and the attributes built-in objects expose. */
#include "attr.h"

#include <string.h>

#include "call.h"

#include "dict.h"
#include "exception.h"
#include "gc.h"
#include "generator.h"

Value class_lookup(ObjClass *cls, ObjStr *name)
{
    for (ObjClass *c = cls; c != NULL; c = c->base) {
        Value v = dict_get_str(c->dict, name);
        if (!IS_EMPTY(v)) return v;
    }
    return EMPTY_VAL;
}

Value vm_class_lookup(VM *vm, ObjClass *cls, ObjStr *name)
{
    uintptr_t h = ((uintptr_t)cls >> 4) ^ ((uintptr_t)name >> 3) ^ ((uintptr_t)name >> 13);
    MethodCacheEntry *e = &vm->method_cache[h & (METHOD_CACHE_SIZE - 1)];
    if (e->cls == cls && e->name == name && e->epoch == vm->class_epoch) return e->value;
    Value v = class_lookup(cls, name);
    e->cls = cls;
    e->name = name;
    e->epoch = vm->class_epoch;
    e->value = v;
    return v;
}

void vm_classes_changed(VM *vm)
{
    vm->class_epoch++;
    if (vm->class_epoch == 0) {
        /* wrapped: entries stamped with old epochs must not match again */
        for (size_t i = 0; i < METHOD_CACHE_SIZE; i++) vm->method_cache[i].cls = NULL;
        vm->class_epoch = 1;
    }
}

Value vm_lookup_special(VM *vm, Value v, ObjStr *name)
{
    return vm_class_lookup(vm, vm_class_of(vm, v), name);
}

static bool is_method_like(Value v)
{
    return IS_FUNCTION(v) || (IS_NATIVE(v) && AS_NATIVE(v)->owner != NULL);
}

bool attr_lookup_method(VM *vm, Value obj, ObjStr *name, Value *method)
{
    if (!IS_OBJ(obj)) {
        Value v = vm_class_lookup(vm, vm_class_of(vm, obj), name);
        if (!is_method_like(v)) return false;
        *method = v;
        return true;
    }
    switch ((ObjKind)AS_OBJ(obj)->kind) {
    case OBJ_INSTANCE:
        if (AS_OBJ(obj)->cls == vm->c.super_) return false;
        if (dict_find_str(AS_INSTANCE(obj)->dict, name) >= 0) return false;
        break;
    case OBJ_EXCEPTION:
        if (AS_EXCEPTION(obj)->dict && dict_find_str(AS_EXCEPTION(obj)->dict, name) >= 0) return false;
        break;
    case OBJ_CLASS:
    case OBJ_MODULE: return false;
    default: break;
    }
    Value v = vm_class_lookup(vm, AS_OBJ(obj)->cls, name);
    if (!is_method_like(v)) return false;
    *method = v;
    return true;
}

/* What a class attribute becomes when reached through an instance. */
static bool bind_to_instance(VM *vm, Value attr, Value obj, Value *out)
{
    if (!IS_OBJ(attr)) {
        *out = attr;
        return true;
    }
    switch ((ObjKind)AS_OBJ(attr)->kind) {
    case OBJ_FUNCTION: *out = OBJ_VAL(bound_method_new(vm, obj, attr)); return true;
    case OBJ_NATIVE:
        if (AS_NATIVE(attr)->owner) *out = OBJ_VAL(bound_method_new(vm, obj, attr));
        else *out = attr;
        return true;
    case OBJ_PROPERTY:
        if (IS_EMPTY(AS_DESCRIPTOR(attr)->fget))
            return vm_raise(vm, vm->c.AttributeError, "property object has no getter");
        return vm_call(vm, AS_DESCRIPTOR(attr)->fget, &obj, 1, NULL, out);
    case OBJ_STATICMETHOD: *out = AS_DESCRIPTOR(attr)->fget; return true;
    case OBJ_CLASSMETHOD:
        *out = OBJ_VAL(bound_method_new(vm, OBJ_VAL(vm_class_of(vm, obj)), AS_DESCRIPTOR(attr)->fget));
        return true;
    default: *out = attr; return true;
    }
}

/* What a class attribute becomes when reached through the class itself. */
static bool bind_to_class(VM *vm, Value attr, ObjClass *cls, Value *out)
{
    if (IS_KIND(attr, OBJ_STATICMETHOD)) {
        *out = AS_DESCRIPTOR(attr)->fget;
    } else if (IS_KIND(attr, OBJ_CLASSMETHOD)) {
        *out = OBJ_VAL(bound_method_new(vm, OBJ_VAL(cls), AS_DESCRIPTOR(attr)->fget));
    } else {
        *out = attr;
    }
    return true;
}

static ObjTuple *class_bases(VM *vm, ObjClass *cls)
{
    if (cls->base == NULL) return vm->empty_tuple;
    Value b = OBJ_VAL(cls->base);
    return tuple_new(vm, &b, 1);
}

/* The base chain; a class with an extra base (ExceptionGroup) gets it just
 * before the first class it derives from, as C3 orders it. */
static ObjTuple *class_mro(VM *vm, ObjClass *cls)
{
    ObjClass *extra = NULL;
    for (ObjClass *c = cls; c != NULL && extra == NULL; c = c->base) extra = c->extra_base;
    ObjTuple *t = tuple_new(vm, NULL, cls->depth + 1 + (extra != NULL));
    uint32_t i = 0;
    for (ObjClass *c = cls; c != NULL; c = c->base) {
        if (extra && class_is_subclass(extra, c) && extra != c) {
            t->items[i++] = OBJ_VAL(extra);
            extra = NULL;
        }
        t->items[i++] = OBJ_VAL(c);
    }
    return t;
}

static bool class_special_attr(VM *vm, ObjClass *cls, ObjStr *name, Value *out)
{
    VMNames *n = &vm->n;
    if (name == n->__name__) *out = OBJ_VAL(cls->name);
    else if (name == n->__qualname__) *out = OBJ_VAL(cls->qualname);
    else if (name == n->__module__ && cls->module) *out = OBJ_VAL(cls->module);
    else if (name == n->__dict__) *out = OBJ_VAL(cls->dict);
    else if (name == n->__doc__) {
        Value doc = dict_get_str(cls->dict, name); /* a class's own, never inherited */
        *out = IS_EMPTY(doc) ? NONE_VAL : doc;
    } else if (name == n->__class__) *out = OBJ_VAL(vm->c.type);
    else if (name == str_intern_cstr(vm, "__base__")) *out = cls->base ? OBJ_VAL(cls->base) : NONE_VAL;
    else if (name == str_intern_cstr(vm, "__bases__")) *out = OBJ_VAL(class_bases(vm, cls));
    else if (name == str_intern_cstr(vm, "__mro__")) *out = OBJ_VAL(class_mro(vm, cls));
    else return false;
    return true;
}

static bool function_attr(VM *vm, ObjFunction *fn, ObjStr *name, Value *out)
{
    VMNames *n = &vm->n;
    if (name == n->__name__) *out = OBJ_VAL(fn->name);
    else if (name == n->__qualname__) *out = OBJ_VAL(fn->qualname);
    else if (name == n->__module__) *out = OBJ_VAL(fn->module);
    else if (name == n->__doc__) {
        /* set by assignment, else the code's first constant when it is a str */
        Value doc = fn->dict ? dict_get_str(fn->dict, name) : EMPTY_VAL;
        if (IS_EMPTY(doc))
            doc = fn->code->n_constants > 0 && IS_STR(fn->code->constants[0]) ? fn->code->constants[0]
                                                                               : NONE_VAL;
        *out = doc;
    } else if (name == n->__dict__) {
        if (fn->dict == NULL) fn->dict = dict_new(vm);
        *out = OBJ_VAL(fn->dict);
    } else if (name == str_intern_cstr(vm, "__defaults__")) *out = fn->defaults ? OBJ_VAL(fn->defaults) : NONE_VAL;
    else if (name == str_intern_cstr(vm, "__code__")) *out = OBJ_VAL(fn->code);
    else if (fn->dict && !IS_EMPTY(dict_get_str(fn->dict, name))) *out = dict_get_str(fn->dict, name);
    else return false;
    return true;
}

/* A generator's, coroutine's or async generator's own attributes: its
 * names, and gi_/cr_/ag_ running, code, and what it awaits (gi_yieldfrom,
 * cr_await, ag_await). Frames are not objects here: no gi_frame. */
static bool generator_attr(VM *vm, ObjGenerator *g, ObjStr *name, Value *out)
{
    if (name == vm->n.__name__) {
        *out = OBJ_VAL(g->name);
        return true;
    }
    if (name == vm->n.__qualname__) {
        *out = OBJ_VAL(g->qualname);
        return true;
    }
    const char *prefix = g->obj.cls == vm->c.coroutine ? "cr_" : g->obj.cls == vm->c.async_generator ? "ag_" : "gi_";
    const char *n = name->data;
    if (strncmp(n, prefix, 3) != 0) return false;
    n += 3;
    if (strcmp(n, "running") == 0) *out = BOOL_VAL(g->running);
    else if (strcmp(n, "code") == 0) *out = OBJ_VAL(g->code);
    else if (strcmp(n, g->obj.cls == vm->c.generator ? "yieldfrom" : "await") == 0) {
        Value d = gen_delegate(g);
        *out = IS_EMPTY(d) ? NONE_VAL : d;
    } else return false;
    return true;
}

static bool builtin_object_attr(VM *vm, Value obj, ObjStr *name, Value *out)
{
    Obj *o = AS_OBJ(obj);
    switch ((ObjKind)o->kind) {
    case OBJ_FUNCTION: return function_attr(vm, (ObjFunction *)o, name, out);
    case OBJ_GENERATOR: return generator_attr(vm, (ObjGenerator *)o, name, out);
    case OBJ_NATIVE:
        if (name == vm->n.__name__ || name == vm->n.__qualname__) {
            *out = OBJ_VAL(((ObjNative *)o)->name);
            return true;
        }
        if (name == str_intern_cstr(vm, "__self__") && !IS_NONE(((ObjNative *)o)->data)) {
            *out = ((ObjNative *)o)->data;
            return true;
        }
        return false;
    case OBJ_BOUND_METHOD: {
        ObjBoundMethod *m = (ObjBoundMethod *)o;
        if (name == str_intern_cstr(vm, "__self__")) *out = m->self;
        else if (name == str_intern_cstr(vm, "__func__")) *out = m->func;
        else {
            bool found;
            if (!vm_getattr_opt(vm, m->func, name, out, &found)) return false;
            return found;
        }
        return true;
    }
    case OBJ_MODULE: {
        Value v = dict_get_str(((ObjModule *)o)->dict, name);
        if (IS_EMPTY(v)) {
            if (name == vm->n.__dict__) v = OBJ_VAL(((ObjModule *)o)->dict);
            else return false;
        }
        *out = v;
        return true;
    }
    case OBJ_PROPERTY: {
        ObjDescriptor *p = (ObjDescriptor *)o;
        Value v;
        if (name == str_intern_cstr(vm, "fget")) v = p->fget;
        else if (name == str_intern_cstr(vm, "fset")) v = p->fset;
        else if (name == str_intern_cstr(vm, "fdel")) v = p->fdel;
        else return false;
        *out = IS_EMPTY(v) ? NONE_VAL : v;
        return true;
    }
    case OBJ_STATICMETHOD:
    case OBJ_CLASSMETHOD:
        if (name == str_intern_cstr(vm, "__func__")) {
            *out = ((ObjDescriptor *)o)->fget;
            return true;
        }
        return false;
    case OBJ_CODE:
        if (name == str_intern_cstr(vm, "co_name")) {
            *out = OBJ_VAL(((ObjCode *)o)->name);
            return true;
        }
        return false;
    default: return false;
    }
}

/* swallow_hook: an AttributeError from __getattr__ means "not found" (else it
 * propagates, as CPython's obj.name does). */
static bool getattr_impl(VM *vm, Value obj, ObjStr *name, Value *out, bool *found, bool swallow_hook)
{
    *found = true;
    ObjClass *cls = vm_class_of(vm, obj);
    if (name == vm->n.__class__) {
        *out = OBJ_VAL(cls);
        return true;
    }
    if (IS_CLASS(obj)) {
        ObjClass *self = AS_CLASS(obj);
        Value v = class_lookup(self, name);
        if (!IS_EMPTY(v)) return bind_to_class(vm, v, self, out);
        if (class_special_attr(vm, self, name, out)) return true;
        v = class_lookup(vm->c.type, name);
        if (!IS_EMPTY(v)) return bind_to_instance(vm, v, obj, out);
        *found = false;
        return true;
    }
    if (cls == vm->c.super_) return super_getattr(vm, AS_INSTANCE(obj), name, out, found);
    Value cattr = vm_class_lookup(vm, cls, name);
    if (IS_KIND(cattr, OBJ_PROPERTY)) return bind_to_instance(vm, cattr, obj, out);
    if (IS_OBJ(obj)) {
        Obj *o = AS_OBJ(obj);
        ObjDict *dict = o->kind == OBJ_INSTANCE    ? ((ObjInstance *)o)->dict
                        : o->kind == OBJ_EXCEPTION ? ((ObjException *)o)->dict
                        : o->kind == OBJ_OPAQUE    ? ((ObjOpaque *)o)->dict
                                                   : NULL;
        if (dict) {
            Value v = dict_get_str(dict, name);
            if (!IS_EMPTY(v)) {
                *out = v;
                return true;
            }
            if (name == vm->n.__dict__) {
                *out = OBJ_VAL(dict);
                return true;
            }
        }
        if (o->kind == OBJ_EXCEPTION) {
            bool f;
            if (!exception_getattr(vm, (ObjException *)o, name, out, &f)) return false;
            if (f) return true;
        }
        if (IS_EMPTY(cattr) && builtin_object_attr(vm, obj, name, out)) return true;
        if (!IS_EMPTY(vm->exception)) return false;
    }
    if (!IS_EMPTY(cattr)) return bind_to_instance(vm, cattr, obj, out);
    Value getattr = vm_class_lookup(vm, cls, vm->n.__getattr__);
    if (IS_FUNCTION(getattr)) {
        Value args[2] = {obj, OBJ_VAL(name)};
        if (vm_call(vm, getattr, args, 2, NULL, out)) return true;
        if (!swallow_hook || !vm_exception_matches(vm, vm->c.AttributeError)) return false;
        vm_take_exception(vm);
    }
    *found = false;
    return true;
}

bool vm_getattr_opt(VM *vm, Value obj, ObjStr *name, Value *out, bool *found)
{
    return getattr_impl(vm, obj, name, out, found, true);
}

bool vm_getattr(VM *vm, Value obj, ObjStr *name, Value *out)
{
    bool found;
    if (!getattr_impl(vm, obj, name, out, &found, false)) return false;
    if (found) return true;
    if (IS_MODULE(obj))
        vm_raise(vm, vm->c.AttributeError, "module '%s' has no attribute '%s'", AS_MODULE(obj)->name->data,
                 name->data);
    else if (IS_CLASS(obj))
        vm_raise(vm, vm->c.AttributeError, "type object '%s' has no attribute '%s'", AS_CLASS(obj)->name->data,
                 name->data);
    else
        vm_raise(vm, vm->c.AttributeError, "'%s' object has no attribute '%s'", vm_class_of(vm, obj)->name->data,
                 name->data);
    /* AttributeError.name and .obj, as CPython sets them (they feed "Did you mean") */
    if (IS_EXCEPTION(vm->exception)) {
        ObjException *e = AS_EXCEPTION(vm->exception);
        if (e->dict == NULL) e->dict = dict_new(vm);
        dict_set_str(vm, e->dict, str_intern_cstr(vm, "name"), OBJ_VAL(name));
        dict_set_str(vm, e->dict, str_intern_cstr(vm, "obj"), obj);
    }
    return false;
}

static bool no_such_attribute(VM *vm, Value obj, ObjStr *name)
{
    return vm_raise(vm, vm->c.AttributeError, "'%s' object has no attribute '%s'", vm_class_of(vm, obj)->name->data,
                    name->data);
}

/* A __setattr__ / __delattr__ defined in Python by obj's class, or EMPTY. */
static Value user_attr_hook(VM *vm, Value obj, ObjStr *hook)
{
    if (!IS_OBJ(obj)) return EMPTY_VAL;
    ObjClass *cls = AS_OBJ(obj)->cls;
    if (cls->class_flags & CLASS_BUILTIN) return EMPTY_VAL;
    Value m = vm_class_lookup(vm, cls, hook);
    return IS_EMPTY(m) || IS_NATIVE(m) ? EMPTY_VAL : m;
}

bool vm_setattr(VM *vm, Value obj, ObjStr *name, Value v)
{
    Value hook = user_attr_hook(vm, obj, vm->n.__setattr__);
    if (IS_EMPTY(hook)) return vm_setattr_generic(vm, obj, name, v);
    Value args[3] = {obj, OBJ_VAL(name), v};
    Value ignored;
    return vm_call(vm, hook, args, 3, NULL, &ignored);
}

bool vm_delattr(VM *vm, Value obj, ObjStr *name)
{
    Value hook = user_attr_hook(vm, obj, vm->n.__delattr__);
    if (IS_EMPTY(hook)) return vm_delattr_generic(vm, obj, name);
    Value args[2] = {obj, OBJ_VAL(name)};
    Value ignored;
    return vm_call(vm, hook, args, 2, NULL, &ignored);
}

bool vm_setattr_generic(VM *vm, Value obj, ObjStr *name, Value v)
{
    ObjClass *cls = vm_class_of(vm, obj);
    Value cattr = vm_class_lookup(vm, cls, name);
    if (IS_KIND(cattr, OBJ_PROPERTY)) {
        ObjDescriptor *p = AS_DESCRIPTOR(cattr);
        if (IS_EMPTY(p->fset) && (cls->class_flags & CLASS_BUILTIN))
            return vm_raise(vm, vm->c.AttributeError, "attribute '%s' of '%s' objects is not writable",
                            name->data, cls->name->data);
        if (IS_EMPTY(p->fset))
            return vm_raise(vm, vm->c.AttributeError, "property '%s' of '%s' object has no setter", name->data,
                            cls->name->data);
        Value args[2] = {obj, v};
        Value ignored;
        return vm_call(vm, p->fset, args, 2, NULL, &ignored);
    }
    if (!IS_OBJ(obj)) return no_such_attribute(vm, obj, name);
    Obj *o = AS_OBJ(obj);
    switch ((ObjKind)o->kind) {
    case OBJ_INSTANCE: dict_set_str(vm, ((ObjInstance *)o)->dict, name, v); return true;
    case OBJ_OPAQUE: {
        /* a module's native object takes attributes only as an instance of
         * a Python subclass (class _GatheringFuture(Future): ...) */
        ObjOpaque *op = (ObjOpaque *)o;
        if (o->cls->class_flags & CLASS_NATIVE) return no_such_attribute(vm, obj, name);
        if (op->dict == NULL) op->dict = dict_new(vm);
        dict_set_str(vm, op->dict, name, v);
        return true;
    }
    case OBJ_EXCEPTION: {
        bool handled;
        if (!exception_setattr(vm, (ObjException *)o, name, v, &handled)) return false;
        if (handled) return true;
        ObjException *e = (ObjException *)o;
        if (e->dict == NULL) e->dict = dict_new(vm);
        dict_set_str(vm, e->dict, name, v);
        return true;
    }
    case OBJ_CLASS: {
        ObjClass *c = (ObjClass *)o;
        if (c->class_flags & CLASS_BUILTIN)
            return vm_raise(vm, vm->c.TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data,
                            c->name->data);
        dict_set_str(vm, c->dict, name, v);
        vm_classes_changed(vm);
        return true;
    }
    case OBJ_MODULE: dict_set_str(vm, ((ObjModule *)o)->dict, name, v); return true;
    case OBJ_FUNCTION: {
        ObjFunction *fn = (ObjFunction *)o;
        if (name == vm->n.__name__ && IS_STR(v)) fn->name = AS_STR(v);
        else if (name == vm->n.__qualname__ && IS_STR(v)) fn->qualname = AS_STR(v);
        if (fn->dict == NULL) fn->dict = dict_new(vm);
        dict_set_str(vm, fn->dict, name, v);
        return true;
    }
    default:
        if (!IS_EMPTY(cattr))
            return vm_raise(vm, vm->c.AttributeError, "'%s' object attribute '%s' is read-only",
                            cls->name->data, name->data);
        return no_such_attribute(vm, obj, name);
    }
}

bool vm_delattr_generic(VM *vm, Value obj, ObjStr *name)
{
    ObjClass *cls = vm_class_of(vm, obj);
    Value cattr = class_lookup(cls, name);
    if (IS_KIND(cattr, OBJ_PROPERTY)) {
        ObjDescriptor *p = AS_DESCRIPTOR(cattr);
        if (IS_EMPTY(p->fdel) && (cls->class_flags & CLASS_BUILTIN))
            return vm_raise(vm, vm->c.AttributeError, "attribute '%s' of '%s' objects is not writable",
                            name->data, cls->name->data);
        if (IS_EMPTY(p->fdel))
            return vm_raise(vm, vm->c.AttributeError, "property '%s' of '%s' object has no deleter",
                            name->data, cls->name->data);
        Value ignored;
        return vm_call(vm, p->fdel, &obj, 1, NULL, &ignored);
    }
    if (IS_CLASS(obj) && (AS_CLASS(obj)->class_flags & CLASS_BUILTIN))
        return vm_raise(vm, vm->c.TypeError, "cannot set '%s' attribute of immutable type '%s'",
                        name->data, AS_CLASS(obj)->name->data);
    ObjDict *dict = NULL;
    if (IS_INSTANCE(obj)) dict = AS_INSTANCE(obj)->dict;
    else if (IS_EXCEPTION(obj)) dict = AS_EXCEPTION(obj)->dict;
    else if (IS_MODULE(obj)) dict = AS_MODULE(obj)->dict;
    else if (IS_FUNCTION(obj)) dict = AS_FUNCTION(obj)->dict;
    else if (IS_CLASS(obj)) dict = AS_CLASS(obj)->dict;
    bool found = false;
    if (dict != NULL && !dict_del(vm, dict, OBJ_VAL(name), &found)) return false;
    if (!found && IS_CLASS(obj))
        return vm_raise(vm, vm->c.AttributeError, "type object '%s' has no attribute '%s'",
                        AS_CLASS(obj)->name->data, name->data);
    if (!found) return no_such_attribute(vm, obj, name);
    if (IS_CLASS(obj)) vm_classes_changed(vm);
    return true;
}
