/* value_fixture.h: the fixture the value-level Check suites (ops, format,
 * str) share: a fresh VM per test, rooted temporaries, and the raised
 * exception as "Type: message". Header-only: each suite is one unit. */
#ifndef LOOPBOOK_TEST_VALUE_FIXTURE_H
#define LOOPBOOK_TEST_VALUE_FIXTURE_H

#include <check.h>
#include <stdio.h>

#include "ops.h"
#include "vm.h"

static VM *vm;

static void setup(void)
{
    vm = vm_new();
}

static void teardown(void)
{
    vm_free(vm);
}

/* "Type: message" of the raised exception (cleared). */
static char *take_error(void)
{
    static char buf[512];
    Value e = vm_take_exception(vm);
    ck_assert(!IS_EMPTY(e));
    vm_push_root(vm, e);
    ObjStr *msg;
    ck_assert(op_str(vm, e, &msg));
    snprintf(buf, sizeof buf, "%s: %s", vm_class_of(vm, e)->name->data, msg->data);
    vm_pop_root(vm, 1);
    return buf;
}

/* Test temporaries stay rooted until the VM is freed in teardown: any
 * allocation may collect (the GC stress build collects at every one). */
static Value R(Value v)
{
    vm_push_root(vm, v);
    return v;
}

__attribute__((unused)) static ObjList *L(const Value *items, uint32_t n)
{
    return (ObjList *)AS_OBJ(R(OBJ_VAL(list_new(vm, items, n))));
}

__attribute__((unused)) static ObjTuple *T(const Value *items, uint32_t n)
{
    return (ObjTuple *)AS_OBJ(R(OBJ_VAL(tuple_new(vm, items, n))));
}

__attribute__((unused)) static ObjDict *D(void)
{
    return (ObjDict *)AS_OBJ(R(OBJ_VAL(dict_new(vm))));
}

__attribute__((unused)) static ObjStr *N(const char *s)
{
    return AS_STR(R(OBJ_VAL(str_intern_cstr(vm, s))));
}

#endif
