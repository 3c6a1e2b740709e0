/* test_dict.c: dict methods, views, dict iterators (including the errors
 * when a dict changes during iteration) and the table core under churn. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "gc.h"
#include "iter.h"
#include "list.h"
#include "ops.h"

static VM *vm;

static void setup(void)
{
    vm = vm_new();
}

static void teardown(void)
{
    vm_free(vm);
}

static bool call_kw(ObjClass *cls, const char *name, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    Value m = class_lookup(cls, str_intern_cstr(vm, name));
    if (IS_KIND(m, OBJ_CLASSMETHOD)) m = AS_DESCRIPTOR(m)->fget;
    ck_assert_msg(IS_NATIVE(m), "no native %s", name);
    return AS_NATIVE(m)->fn(vm, args, nargs, kw, out);
}

static bool call(ObjClass *cls, const char *name, Value *args, int nargs, Value *out)
{
    return call_kw(cls, name, args, nargs, NULL, out);
}

static const char *raised(ObjClass *cls)
{
    ck_assert(!IS_EMPTY(vm->exception));
    ck_assert_msg(vm_exception_matches(vm, cls), "wrong exception class %s",
                  vm_class_of(vm, vm->exception)->name->data);
    Value e = vm_take_exception(vm);
    ObjTuple *args = AS_EXCEPTION(e)->args;
    static char buf[256];
    if (args->len == 1 && IS_STR(args->items[0]))
        snprintf(buf, sizeof buf, "%s", AS_STR(args->items[0])->data);
    else if (args->len == 1 && IS_INT(args->items[0]))
        snprintf(buf, sizeof buf, "%lld", (long long)AS_INT(args->items[0]));
    else
        snprintf(buf, sizeof buf, "<%u args>", args->len);
    return buf;
}

static Value get(ObjDict *d, Value k)
{
    Value v;
    bool found;
    ck_assert(dict_get(vm, d, k, &v, &found));
    return found ? v : EMPTY_VAL;
}

/* "k:v,k:v" of an int dict, in iteration order. */
static const char *show(ObjDict *d)
{
    static char buf[2048];
    size_t n = 0;
    buf[0] = '\0';
    uint32_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v))
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%lld:%lld", n ? "," : "",
                              (long long)AS_INT(k), (long long)AS_INT(v));
    return buf;
}

static ObjDict *rooted_dict(int n)
{
    ObjDict *d = dict_new(vm);
    vm_push_root(vm, OBJ_VAL(d));
    for (int i = 0; i < n; i++) ck_assert(dict_set(vm, d, INT_VAL(i), INT_VAL(i * 10)));
    return d;
}

START_TEST(methods)
{
    ObjDict *d = rooted_dict(3);
    Value self = OBJ_VAL(d), r;
    Value a[3] = {self, INT_VAL(1), INT_VAL(-1)};
    ck_assert(call(vm->c.dict, "get", a, 2, &r) && AS_INT(r) == 10);
    a[1] = INT_VAL(7);
    ck_assert(call(vm->c.dict, "get", a, 2, &r) && IS_NONE(r));
    ck_assert(call(vm->c.dict, "get", a, 3, &r) && AS_INT(r) == -1);
    ck_assert(call(vm->c.dict, "setdefault", a, 3, &r) && AS_INT(r) == -1);
    ck_assert_str_eq(show(d), "0:0,1:10,2:20,7:-1");
    ck_assert(call(vm->c.dict, "pop", a, 2, &r) && AS_INT(r) == -1);
    ck_assert(!call(vm->c.dict, "pop", a, 2, &r));
    ck_assert_str_eq(raised(vm->c.KeyError), "7");
    ck_assert(call(vm->c.dict, "pop", a, 3, &r) && AS_INT(r) == -1);
    ck_assert(call(vm->c.dict, "popitem", a, 1, &r));
    ck_assert(AS_INT(AS_TUPLE(r)->items[0]) == 2 && AS_INT(AS_TUPLE(r)->items[1]) == 20);
    ck_assert(dict_set(vm, d, INT_VAL(5), INT_VAL(50)));
    ck_assert_str_eq(show(d), "0:0,1:10,5:50");
    ck_assert(call(vm->c.dict, "copy", a, 1, &r));
    ck_assert_str_eq(show(AS_DICT(r)), "0:0,1:10,5:50");
    ck_assert(call(vm->c.dict, "clear", a, 1, &r));
    ck_assert(!call(vm->c.dict, "popitem", a, 1, &r));
    ck_assert_str_eq(raised(vm->c.KeyError), "popitem(): dictionary is empty");
    ck_assert(!call(vm->c.dict, "get", a, 1, &r));
    ck_assert_str_eq(raised(vm->c.TypeError), "get expected at least 1 argument, got 0");
    ck_assert(!call(vm->c.dict, "keys", a, 2, &r));
    ck_assert_str_eq(raised(vm->c.TypeError), "dict.keys() takes no arguments (1 given)");
    Value bad[3] = {INT_VAL(1), INT_VAL(2), INT_VAL(3)};
    ck_assert(!call(vm->c.dict, "get", bad, 3, &r));
    ck_assert_str_eq(raised(vm->c.TypeError),
                     "descriptor 'get' for 'dict' objects doesn't apply to a 'int' object");
    vm_pop_root(vm, 1);
}
END_TEST

START_TEST(construct_and_update)
{
    /* dict([(1, 2), [3, 4]], x=5) */
    Value p1[2] = {INT_VAL(1), INT_VAL(2)};
    ObjList *pairs = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(pairs));
    list_append(vm, pairs, OBJ_VAL(tuple_new(vm, p1, 2)));
    ObjList *p2 = list_new(vm, NULL, 2);
    p2->items[0] = INT_VAL(3);
    p2->items[1] = INT_VAL(4);
    list_append(vm, pairs, OBJ_VAL(p2));
    ObjTuple *kw = tuple_new(vm, NULL, 1);
    vm_push_root(vm, OBJ_VAL(kw));
    kw->items[0] = OBJ_VAL(str_intern_cstr(vm, "x"));
    Value args[3] = {OBJ_VAL(vm->c.dict), OBJ_VAL(pairs), INT_VAL(5)}, r;
    ck_assert(call_kw(vm->c.dict, "__new__", args, 2, kw, &r));
    ObjDict *d = AS_DICT(r);
    vm_push_root(vm, r);
    ck_assert_int_eq(d->table.len, 3);
    ck_assert(AS_INT(get(d, INT_VAL(3))) == 4);
    ck_assert(AS_INT(get(d, OBJ_VAL(str_intern_cstr(vm, "x")))) == 5);

    /* errors: element #0 not a sequence, element #1 of the wrong length */
    ObjList *bad = list_new(vm, NULL, 1);
    vm_push_root(vm, OBJ_VAL(bad));
    bad->items[0] = INT_VAL(1);
    ck_assert(!dict_update_from(vm, d, OBJ_VAL(bad)));
    ck_assert_str_eq(raised(vm->c.TypeError),
                     "cannot convert dictionary update sequence element #0 to a sequence");
    Value three[3] = {INT_VAL(1), INT_VAL(2), INT_VAL(3)};
    bad->items[0] = OBJ_VAL(p2);
    list_append(vm, bad, OBJ_VAL(tuple_new(vm, three, 3)));
    ck_assert(!dict_update_from(vm, d, OBJ_VAL(bad)));
    ck_assert_str_eq(raised(vm->c.ValueError),
                     "dictionary update sequence element #1 has length 3; 2 is required");
    ck_assert(!dict_update_from(vm, d, INT_VAL(1)));
    vm_take_exception(vm); /* "'int' object is not iterable" from op_iter */

    /* fromkeys is a classmethod */
    Value fk[3] = {OBJ_VAL(vm->c.dict), OBJ_VAL(p2), INT_VAL(0)};
    Value fk_bad[2] = {OBJ_VAL(vm->c.dict), OBJ_VAL(pairs)};
    Value m = class_lookup(vm->c.dict, str_intern_cstr(vm, "fromkeys"));
    ck_assert(IS_KIND(m, OBJ_CLASSMETHOD));
    ck_assert(call(vm->c.dict, "fromkeys", fk, 3, &r));
    ck_assert_int_eq(AS_DICT(r)->table.len, 2);
    ck_assert(!call(vm->c.dict, "fromkeys", fk_bad, 2, &r)); /* [3, 4] is unhashable */
    ck_assert_str_eq(raised(vm->c.TypeError), "unhashable type: 'list'");
    vm_pop_root(vm, 4);
}
END_TEST

START_TEST(views_and_iteration)
{
    ObjDict *d = rooted_dict(4);
    ObjIter *keys = dict_view_new(vm, d, ITER_VIEW_KEYS);
    vm_push_root(vm, OBJ_VAL(keys));
    ObjIter *items = dict_view_new(vm, d, ITER_VIEW_ITEMS);
    vm_push_root(vm, OBJ_VAL(items));
    ck_assert_int_eq(dict_view_len(keys), 4);
    bool in;
    ck_assert(dict_view_contains(vm, keys, INT_VAL(3), &in) && in);
    Value kv[2] = {INT_VAL(3), INT_VAL(30)};
    Value pair = OBJ_VAL(tuple_new(vm, kv, 2));
    ck_assert(dict_view_contains(vm, items, pair, &in) && in);
    ObjStr *r;
    ck_assert(dict_view_repr(vm, keys, &r));
    ck_assert_str_eq(r->data, "dict_keys([0, 1, 2, 3])");
    ck_assert(dict_view_repr(vm, items, &r));
    ck_assert_str_eq(r->data, "dict_items([(0, 0), (1, 10), (2, 20), (3, 30)])");

    /* iterating while the dict grows raises, and keeps raising */
    Value it, v;
    bool found, done;
    ck_assert(iter_for_object(vm, OBJ_VAL(keys), &it, &found) && found);
    vm_push_root(vm, it);
    ck_assert(iter_next_builtin(vm, AS_ITER(it), &v, &done) && !done && AS_INT(v) == 0);
    ck_assert(dict_set(vm, d, INT_VAL(99), INT_VAL(1)));
    ck_assert(!iter_next_builtin(vm, AS_ITER(it), &v, &done));
    ck_assert_str_eq(raised(vm->c.RuntimeError), "dictionary changed size during iteration");
    ck_assert(!iter_next_builtin(vm, AS_ITER(it), &v, &done));
    ck_assert_str_eq(raised(vm->c.RuntimeError), "dictionary changed size during iteration");

    /* reversed(d) */
    ck_assert(iter_reversed(vm, OBJ_VAL(d), &it));
    vm->roots[vm->root_count - 1] = it;
    ck_assert(iter_next_builtin(vm, AS_ITER(it), &v, &done) && !done && AS_INT(v) == 99);
    ck_assert(iter_next_builtin(vm, AS_ITER(it), &v, &done) && !done && AS_INT(v) == 3);
    vm_pop_root(vm, 4);
}
END_TEST

START_TEST(churn)
{
    /* Insert and delete many keys: the table compacts and keeps order. */
    ObjDict *d = rooted_dict(0);
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 200; i++) ck_assert(dict_set(vm, d, INT_VAL(round * 1000 + i), INT_VAL(i)));
        for (int i = 0; i < 200; i++) {
            if (i % 7 == 0) continue;
            bool found;
            ck_assert(dict_del(vm, d, INT_VAL(round * 1000 + i), &found) && found);
        }
    }
    ck_assert_int_eq(d->table.len, 50 * 29);
    uint32_t pos = 0;
    Value k, v;
    int64_t prev = -1;
    while (dict_next(d, &pos, &k, &v)) {
        ck_assert(AS_INT(k) > prev);
        prev = AS_INT(k);
    }
    ObjDict *c = dict_copy(vm, d);
    ck_assert_int_eq(c->table.len, d->table.len);
    vm_pop_root(vm, 1);

    /* CPython's sizes: 8 slots for 5 entries, then 16 for 10, 32 for 21. */
    ObjDict *g = rooted_dict(1);
    ck_assert(g->table.index_cap == 8 && g->table.entry_cap == 5);
    for (int i = 1; i < 6; i++) ck_assert(dict_set(vm, g, INT_VAL(i), NONE_VAL));
    ck_assert(g->table.index_cap == 16 && g->table.entry_cap == 10);
    for (int i = 6; i < 11; i++) ck_assert(dict_set(vm, g, INT_VAL(i), NONE_VAL));
    ck_assert(g->table.index_cap == 32 && g->table.entry_cap == 21);
    vm_pop_root(vm, 1);
}
END_TEST

static Suite *dict_suite(void)
{
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, methods);
    tcase_add_test(tc, construct_and_update);
    tcase_add_test(tc, views_and_iteration);
    tcase_add_test(tc, churn);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(dict_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
