/* test_gc.c: the collector keeps what a rooted container reaches (lists,
 * tuples, dicts, sets, iterators, views, exceptions, slices), frees the
 * rest, drops dead interned strings, and marks deep nesting without
 * recursing on the C stack. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "gc.h"
#include "iter.h"
#include "list.h"
#include "set.h"

/* Under the stress build every allocation collects: keep the sizes small. */
#ifdef LOOPBOOK_GC_STRESS
#define DEEP 3000
#define CHAIN 1000
#else
#define DEEP 1000000
#define CHAIN 200000
#endif

static VM *vm;

static void setup(void)
{
    vm = vm_new();
}

static void teardown(void)
{
    vm_free(vm);
}

static size_t count_objects(void)
{
    return gc_count_objects(vm);
}

START_TEST(rooted_containers_survive)
{
    gc_collect(vm);
    size_t base = count_objects();
    ObjList *l = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(l));
    ObjDict *d = dict_new(vm);
    list_append(vm, l, OBJ_VAL(d));
    ObjSet *s = set_new(vm, false);
    list_append(vm, l, OBJ_VAL(s));
    for (int i = 0; i < 100; i++) {
        ObjStr *k = str_printf(vm, "key%d", i);
        vm_push_root(vm, OBJ_VAL(k));
        ObjStr *v = str_printf(vm, "value%d", i);
        vm_push_root(vm, OBJ_VAL(v));
        ck_assert(dict_set(vm, d, OBJ_VAL(k), OBJ_VAL(v)));
        ObjStr *m = str_printf(vm, "member%d", i);
        vm_push_root(vm, OBJ_VAL(m));
        ck_assert(set_add(vm, s, OBJ_VAL(m)));
        vm_pop_root(vm, 3);
    }
    Value t2[2] = {OBJ_VAL(d), OBJ_VAL(s)};
    list_append(vm, l, OBJ_VAL(tuple_new(vm, t2, 2)));
    Value it;
    bool found;
    ck_assert(iter_for_object(vm, OBJ_VAL(d), &it, &found) && found);
    list_append(vm, l, it);
    list_append(vm, l, OBJ_VAL(dict_view_new(vm, d, ITER_VIEW_ITEMS)));
    Value arg = OBJ_VAL(str_from_cstr(vm, "message"));
    vm_push_root(vm, arg);
    ObjTuple *eargs = tuple_new(vm, &arg, 1);
    vm_push_root(vm, OBJ_VAL(eargs));
    list_append(vm, l, OBJ_VAL(exception_new(vm, vm->c.ValueError, eargs)));
    vm_pop_root(vm, 2);
    list_append(vm, l, OBJ_VAL(slice_new(vm, OBJ_VAL(str_from_cstr(vm, "a")), NONE_VAL, NONE_VAL)));

    size_t live = count_objects();
    gc_collect(vm);
    ck_assert_uint_eq(count_objects(), live);
    /* Everything is still readable. */
    ck_assert_int_eq(d->table.len, 100);
    ck_assert_int_eq(s->used, 100);
    ObjStr *probe = str_from_cstr(vm, "member42");
    bool in;
    ck_assert(set_contains(vm, s, OBJ_VAL(probe), &in) && in);
    Value e = l->items[5];
    ck_assert_str_eq(AS_STR(AS_EXCEPTION(e)->args->items[0])->data, "message");
    ck_assert_str_eq(AS_STR(AS_SLICE(l->items[6])->start)->data, "a");

    /* Unrooted, all of it goes. */
    vm_pop_root(vm, 1);
    gc_collect(vm);
    ck_assert_uint_eq(count_objects(), base);
}
END_TEST

START_TEST(unrooted_are_freed)
{
    gc_collect(vm);
    size_t base = count_objects();
    for (int i = 0; i < 1000; i++) {
        ObjList *l = list_new(vm, NULL, 3);
        (void)l;
        set_new(vm, true);
        dict_new(vm);
    }
#ifndef LOOPBOOK_GC_STRESS
    ck_assert_uint_ge(count_objects(), base + 3000);
#endif
    gc_collect(vm);
    ck_assert_uint_eq(count_objects(), base);
}
END_TEST

START_TEST(intern_table_drops_dead_strings)
{
    gc_collect(vm);
    uint32_t before = vm->strings.count;
    for (int i = 0; i < 500; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "zz_interned_%d", i);
        str_intern_cstr(vm, buf);
    }
    ObjStr *kept = str_intern_cstr(vm, "zz_kept");
    vm_push_root(vm, OBJ_VAL(kept));
#ifndef LOOPBOOK_GC_STRESS
    ck_assert_uint_ge(vm->strings.count, before + 501);
#endif
    gc_collect(vm);
    ck_assert_uint_eq(vm->strings.count, before + 1);
    ck_assert_ptr_eq(str_intern_cstr(vm, "zz_kept"), kept);
    vm_pop_root(vm, 1);
}
END_TEST

START_TEST(deep_nesting)
{
    /* A list nested a million deep (outside the stress build), a chain of dicts and tuples: marking
     * uses the gray stack, so none of this recurses on the C stack. */
    ObjList *outer = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(outer));
    ObjList *cur = outer;
    for (int i = 0; i < DEEP; i++) {
        ObjList *next = list_new(vm, NULL, 0);
        list_append(vm, cur, OBJ_VAL(next));
        cur = next;
    }
    Value chain = NONE_VAL;
    vm_push_root(vm, chain);
    for (int i = 0; i < CHAIN; i++) {
        Value pair[2] = {INT_VAL(i), chain};
        ObjTuple *t = tuple_new(vm, pair, 2);
        vm->roots[vm->root_count - 1] = OBJ_VAL(t);
        ObjDict *d = dict_new(vm);
        ck_assert(dict_set(vm, d, INT_VAL(0), OBJ_VAL(t)));
        chain = OBJ_VAL(d);
        vm->roots[vm->root_count - 1] = chain;
    }
    size_t live = count_objects();
    gc_collect(vm);
    ck_assert_uint_le(count_objects(), live);
    /* The innermost list is still there. */
    cur = outer;
    int depth = 0;
    while (cur->len == 1) {
        cur = AS_LIST(cur->items[0]);
        depth++;
    }
    ck_assert_int_eq(depth, DEEP);
    vm_pop_root(vm, 2);
    gc_collect(vm);
}
END_TEST

START_TEST(stress_while_building)
{
    /* With collection at every allocation, build containers of fresh strings. */
    vm->gc_stress = true;
    ObjList *l = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(l));
    ObjSet *s = set_new(vm, false);
    list_append(vm, l, OBJ_VAL(s));
    ObjDict *d = dict_new(vm);
    list_append(vm, l, OBJ_VAL(d));
    for (int i = 0; i < 300; i++) {
        ObjStr *k = str_printf(vm, "s%d", i);
        vm_push_root(vm, OBJ_VAL(k));
        ck_assert(set_add(vm, s, OBJ_VAL(k)));
        ck_assert(dict_set(vm, d, OBJ_VAL(k), OBJ_VAL(str_printf(vm, "v%d", i))));
        list_append(vm, l, OBJ_VAL(k));
        vm_pop_root(vm, 1);
    }
    ObjList *copy;
    ck_assert(list_from_iterable(vm, OBJ_VAL(s), &copy));
    ck_assert_int_eq(copy->len, 300);
    ck_assert(list_sort(vm, copy, NONE_VAL, false));
    ck_assert_str_eq(AS_STR(copy->items[0])->data, "s0");
    ck_assert_str_eq(AS_STR(copy->items[299])->data, "s99");
    vm->gc_stress = false;
    vm_pop_root(vm, 1);
}
END_TEST

static Suite *gc_suite(void)
{
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, rooted_containers_survive);
    tcase_add_test(tc, unrooted_are_freed);
    tcase_add_test(tc, intern_table_drops_dead_strings);
    tcase_add_test(tc, deep_nesting);
    tcase_add_test(tc, stress_while_building);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(gc_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
