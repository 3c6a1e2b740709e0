/* list.c: growable sequences. */
#include <string.h>

#include "gc.h"
#include "vm.h"

static void list_reserve(VM *vm, ObjList *l, uint32_t need)
{
    if (need <= l->cap) return;
    uint32_t cap = l->cap < 4 ? 4 : l->cap + (l->cap >> 1);
    if (cap < need) cap = need;
    l->items = gc_realloc(vm, l->items, l->cap * sizeof(Value), cap * sizeof(Value));
    l->cap = cap;
}

ObjList *list_new(VM *vm, const Value *items, uint32_t n)
{
    ObjList *l = gc_alloc_object(vm, sizeof(ObjList), OBJ_LIST, vm->c.list);
    list_reserve(vm, l, n);
    for (uint32_t i = 0; i < n; i++) l->items[i] = items ? items[i] : NONE_VAL;
    l->len = n;
    return l;
}

void list_append(VM *vm, ObjList *l, Value v)
{
    if (l->len == l->cap) list_reserve(vm, l, l->len + 1);
    l->items[l->len++] = v;
}

void list_install(VM *vm)
{
    (void)vm;
}
