/* tuple.c: immutable sequences. */
#include <string.h>

#include "gc.h"
#include "vm.h"

ObjTuple *tuple_new(VM *vm, const Value *items, uint32_t n)
{
    if (n == 0 && vm->empty_tuple) return vm->empty_tuple;
    ObjTuple *t = gc_alloc_object(vm, sizeof(ObjTuple) + n * sizeof(Value), OBJ_TUPLE, vm->c.tuple);
    t->len = n;
    for (uint32_t i = 0; i < n; i++) t->items[i] = items ? items[i] : NONE_VAL;
    return t;
}

void tuple_install(VM *vm)
{
    (void)vm;
}
