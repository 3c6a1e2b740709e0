/* types.c: creating the built-in classes and the exception hierarchy, and
 * asking each type's file to install its methods. */
#include "types.h"

#include "gc.h"
#include "generator.h"

ObjClass *class_new(VM *vm, ObjStr *name, ObjClass *base, ObjKind instance_kind)
{
    vm_push_root(vm, OBJ_VAL(name));
    ObjClass *c = gc_alloc_object(vm, sizeof(ObjClass), OBJ_CLASS, vm->c.type);
    c->name = name;
    c->qualname = name;
    c->base = base;
    c->instance_kind = (uint8_t)instance_kind;
    c->depth = base ? base->depth + 1 : 0;
    vm_classes_changed(vm); /* a new class may reuse a freed one's address */
    vm_push_root(vm, OBJ_VAL(c));
    c->dict = dict_new(vm);
    vm_pop_root(vm, 2);
    return c;
}

/* A built-in class: its name interned, module "builtins", no new attributes. */
static ObjClass *builtin_class(VM *vm, const char *name, ObjClass *base, ObjKind kind)
{
    ObjClass *c = class_new(vm, str_intern_cstr(vm, name), base, kind);
    c->module = vm->n.builtins;
    c->class_flags = CLASS_BUILTIN;
    return c;
}

void types_create_classes(VM *vm)
{
    /* type, object and str must exist before any str can be made: make them
     * nameless, then name them. */
    ObjClass *boot[3];
    for (int i = 0; i < 3; i++) {
        boot[i] = gc_alloc_object(vm, sizeof(ObjClass), OBJ_CLASS, NULL);
        boot[i]->instance_kind = OBJ_INSTANCE;
        boot[i]->class_flags = CLASS_BUILTIN;
    }
    vm->c.type = boot[0];
    vm->c.object = boot[1];
    vm->c.str = boot[2];
    for (int i = 0; i < 3; i++) boot[i]->obj.cls = vm->c.type;
    vm->c.type->instance_kind = OBJ_CLASS;
    vm->c.str->instance_kind = OBJ_STR;
    vm->c.type->base = vm->c.object;
    vm->c.str->base = vm->c.object;
    vm->c.type->depth = vm->c.str->depth = 1;

#define X(f, s) vm->n.f = str_intern_cstr(vm, s);
    NAME_LIST(X)
#undef X
    const char *boot_names[3] = {"type", "object", "str"};
    for (int i = 0; i < 3; i++) {
        boot[i]->name = boot[i]->qualname = str_intern_cstr(vm, boot_names[i]);
        boot[i]->module = vm->n.builtins;
        boot[i]->dict = dict_new(vm);
    }


#define X(f, n, b, k)                                                                              \
    if (vm->c.f == NULL) vm->c.f = builtin_class(vm, n, vm->c.b, OBJ_##k);
    BUILTIN_CLASS_LIST(X)
#undef X

#define X(f, n, b) vm->c.f = builtin_class(vm, n, vm->c.b, OBJ_EXCEPTION);
    EXCEPTION_CLASS_LIST(X)
#undef X
    /* Exceptions may be subclassed and given attributes. */
#define X(f, n, b) vm->c.f->class_flags = 0;
    EXCEPTION_CLASS_LIST(X)
#undef X
    /* class ExceptionGroup(BaseExceptionGroup, Exception): the one multiple
     * inheritance the language needs */
    vm->c.ExceptionGroup->extra_base = vm->c.Exception;
    vm->c.bool_->class_flags |= CLASS_NO_SUBCLASS;
    vm->c.NoneType->class_flags |= CLASS_NO_SUBCLASS;
}

void types_install_methods(VM *vm)
{
    str_install(vm);
    int_install(vm);
    float_install(vm);
    tuple_install(vm);
    list_install(vm);
    dict_install(vm);
    set_install(vm);
    range_install(vm);
    iter_install(vm);
    exception_install(vm);
    function_install(vm);
    generator_install(vm);
}
