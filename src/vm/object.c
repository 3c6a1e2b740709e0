/* object.c: constructors of the objects the machine itself is made of. */
#include <string.h>

#include "gc.h"
#include "vm.h"

ObjCode *code_new(VM *vm)
{
    return gc_alloc_object(vm, sizeof(ObjCode), OBJ_CODE, vm->c.code);
}

ObjCell *cell_new(VM *vm, Value v)
{
    ObjCell *c = gc_alloc_object(vm, sizeof(ObjCell), OBJ_CELL, vm->c.cell);
    c->value = v;
    return c;
}

ObjFunction *function_new(VM *vm, ObjCode *code, ObjDict *globals)
{
    ObjFunction *f = gc_alloc_object(vm, sizeof(ObjFunction), OBJ_FUNCTION, vm->c.function);
    f->code = code;
    f->globals = globals;
    f->name = code->name;
    f->qualname = code->qualname;
    f->module = vm->n.__main__;
    return f;
}

ObjNative *native_new(VM *vm, const char *name, NativeFn fn, ObjClass *owner)
{
    ObjStr *s = str_intern_cstr(vm, name);
    vm_push_root(vm, OBJ_VAL(s));
    ObjClass *cls = owner ? vm->c.method_descriptor : vm->c.builtin_function;
    ObjNative *n = gc_alloc_object(vm, sizeof(ObjNative), OBJ_NATIVE, cls);
    vm_pop_root(vm, 1);
    n->fn = fn;
    n->name = s;
    n->owner = owner;
    n->data = NONE_VAL;
    return n;
}

ObjBoundMethod *bound_method_new(VM *vm, Value self, Value func)
{
    ObjBoundMethod *m = gc_alloc_object(vm, sizeof(ObjBoundMethod), OBJ_BOUND_METHOD, vm->c.method);
    m->self = self;
    m->func = func;
    return m;
}

ObjDescriptor *descriptor_new(VM *vm, ObjClass *cls, Value fget)
{
    ObjKind kind = cls == vm->c.staticmethod  ? OBJ_STATICMETHOD
                   : cls == vm->c.classmethod ? OBJ_CLASSMETHOD
                                              : OBJ_PROPERTY;
    ObjDescriptor *d = gc_alloc_object(vm, sizeof(ObjDescriptor), kind, cls);
    d->fget = fget;
    d->fset = EMPTY_VAL;
    d->fdel = EMPTY_VAL;
    return d;
}

ObjInstance *instance_new(VM *vm, ObjClass *cls)
{
    ObjInstance *o = gc_alloc_object(vm, sizeof(ObjInstance), OBJ_INSTANCE, cls);
    vm_push_root(vm, OBJ_VAL(o));
    o->dict = dict_new(vm);
    vm_pop_root(vm, 1);
    return o;
}

ObjException *exception_new(VM *vm, ObjClass *cls, ObjTuple *args)
{
    vm_push_root(vm, args ? OBJ_VAL(args) : NONE_VAL);
    ObjException *e = gc_alloc_object(vm, sizeof(ObjException), OBJ_EXCEPTION, cls);
    e->args = args ? args : vm->empty_tuple;
    e->cause = NONE_VAL;
    e->context = NONE_VAL;
    vm_pop_root(vm, 1);
    return e;
}

ObjTraceback *traceback_new(VM *vm, ObjCode *code, uint32_t line, uint32_t col)
{
    ObjTraceback *tb = gc_alloc_object(vm, sizeof(ObjTraceback), OBJ_TRACEBACK, vm->c.traceback);
    tb->code = code;
    tb->line = line;
    tb->col = col;
    return tb;
}

ObjModule *module_new(VM *vm, ObjStr *name)
{
    vm_push_root(vm, OBJ_VAL(name));
    ObjModule *m = gc_alloc_object(vm, sizeof(ObjModule), OBJ_MODULE, vm->c.module);
    m->name = name;
    vm_push_root(vm, OBJ_VAL(m));
    m->dict = dict_new(vm);
    dict_set_str(vm, m->dict, vm->n.__name__, OBJ_VAL(name));
    vm_pop_root(vm, 2);
    return m;
}

ObjOpaque *opaque_new(VM *vm, ObjClass *cls, const OpaqueOps *ops, void *payload)
{
    ObjOpaque *o = gc_alloc_object(vm, sizeof(ObjOpaque), OBJ_OPAQUE, cls);
    o->ops = ops;
    o->payload = payload;
    return o;
}
