/* test_list.c: list methods, slicing with steps, the stable sort and its
 * safety when a key function raises or mutates the list, tuple and range
 * helpers, called directly through their natives. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "iter.h"
#include "list.h"
#include "range.h"
#include "tuple.h"

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
    else
        snprintf(buf, sizeof buf, "<%u args>", args->len);
    return buf;
}

/* A rooted list of small ints (the caller pops the root). */
static ObjList *ints(const int64_t *xs, int n)
{
    ObjList *l = list_new(vm, NULL, (uint32_t)n);
    for (int i = 0; i < n; i++) l->items[i] = INT_VAL(xs[i]);
    vm_push_root(vm, OBJ_VAL(l));
    return l;
}

/* The list's items as "1,2,3". */
static const char *show(ObjList *l)
{
    static char buf[1024];
    size_t n = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < l->len; i++) {
        Value v = l->items[i];
        if (IS_INT(v))
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%lld", i ? "," : "", (long long)AS_INT(v));
        else if (IS_TUPLE(v))
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s(%lld,%lld)", i ? "," : "",
                                  (long long)AS_INT(AS_TUPLE(v)->items[0]),
                                  (long long)AS_INT(AS_TUPLE(v)->items[1]));
        else
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s?", i ? "," : "");
    }
    return buf;
}

static Value slice(Value a, Value b, Value c)
{
    return OBJ_VAL(slice_new(vm, a, b, c));
}

START_TEST(methods)
{
    int64_t xs[] = {5, 3, 1};
    ObjList *l = ints(xs, 3);
    Value self = OBJ_VAL(l), r;
    Value a[3] = {self, INT_VAL(7), INT_VAL(9)};
    ck_assert(call(vm->c.list, "append", a, 2, &r) && IS_NONE(r));
    ck_assert_str_eq(show(l), "5,3,1,7");
    a[1] = INT_VAL(-100);
    ck_assert(call(vm->c.list, "insert", a, 3, &r));
    ck_assert_str_eq(show(l), "9,5,3,1,7");
    a[1] = INT_VAL(100);
    a[2] = INT_VAL(8);
    ck_assert(call(vm->c.list, "insert", a, 3, &r));
    ck_assert_str_eq(show(l), "9,5,3,1,7,8");
    ck_assert(call(vm->c.list, "pop", a, 1, &r) && AS_INT(r) == 8);
    a[1] = INT_VAL(0);
    ck_assert(call(vm->c.list, "pop", a, 2, &r) && AS_INT(r) == 9);
    a[1] = INT_VAL(3);
    ck_assert(call(vm->c.list, "index", a, 2, &r) && AS_INT(r) == 1);
    ck_assert(call(vm->c.list, "count", a, 2, &r) && AS_INT(r) == 1);
    ck_assert(call(vm->c.list, "remove", a, 2, &r));
    ck_assert_str_eq(show(l), "5,1,7");
    ck_assert(call(vm->c.list, "reverse", a, 1, &r));
    ck_assert_str_eq(show(l), "7,1,5");
    ck_assert(call(vm->c.list, "copy", a, 1, &r) && AS_LIST(r) != l && AS_LIST(r)->len == 3);
    a[1] = OBJ_VAL(l);
    ck_assert(call(vm->c.list, "extend", a, 2, &r)); /* l.extend(l) */
    ck_assert_str_eq(show(l), "7,1,5,7,1,5");
    ck_assert(call(vm->c.list, "clear", a, 1, &r));
    ck_assert_int_eq(l->len, 0);

    ck_assert(!call(vm->c.list, "pop", a, 1, &r));
    ck_assert_str_eq(raised(vm->c.IndexError), "pop from empty list");
    a[1] = INT_VAL(1);
    ck_assert(call(vm->c.list, "append", a, 2, &r));
    a[1] = INT_VAL(5);
    ck_assert(!call(vm->c.list, "pop", a, 2, &r));
    ck_assert_str_eq(raised(vm->c.IndexError), "pop index out of range");
    ck_assert(!call(vm->c.list, "remove", a, 2, &r));
    ck_assert_str_eq(raised(vm->c.ValueError), "list.remove(x): x not in list");
    ck_assert(!call(vm->c.list, "append", a, 1, &r));
    ck_assert_str_eq(raised(vm->c.TypeError), "list.append() takes exactly one argument (0 given)");
    ck_assert(!call(vm->c.list, "insert", a, 2, &r));
    ck_assert_str_eq(raised(vm->c.TypeError), "insert expected 2 arguments, got 1");
    Value bad[2] = {INT_VAL(5), INT_VAL(1)};
    ck_assert(!call(vm->c.list, "append", bad, 2, &r));
    ck_assert_str_eq(raised(vm->c.TypeError),
                     "descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
    ck_assert(!call(vm->c.list, "append", bad, 0, &r));
    ck_assert_str_eq(raised(vm->c.TypeError), "unbound method list.append() needs an argument");
    ck_assert(!call(vm->c.tuple, "count", bad, 2, &r));
    ck_assert_str_eq(raised(vm->c.TypeError),
                     "descriptor 'count' for 'tuple' objects doesn't apply to a 'int' object");
    vm_pop_root(vm, 1);
}
END_TEST

START_TEST(slices)
{
    int64_t xs[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    ObjList *l = ints(xs, 10);
    Value r;
    ck_assert(list_get_slice(vm, l, AS_SLICE(slice(INT_VAL(2), INT_VAL(8), INT_VAL(2))), &r));
    ck_assert_str_eq(show(AS_LIST(r)), "2,4,6");
    ck_assert(list_get_slice(vm, l, AS_SLICE(slice(NONE_VAL, NONE_VAL, INT_VAL(-3))), &r));
    ck_assert_str_eq(show(AS_LIST(r)), "9,6,3,0");
    ck_assert(list_get_slice(vm, l, AS_SLICE(slice(INT_VAL(-3), INT_VAL(100), NONE_VAL)), &r));
    ck_assert_str_eq(show(AS_LIST(r)), "7,8,9");
    ck_assert(!list_get_slice(vm, l, AS_SLICE(slice(NONE_VAL, NONE_VAL, INT_VAL(0))), &r));
    ck_assert_str_eq(raised(vm->c.ValueError), "slice step cannot be zero");

    int64_t two[] = {-1, -2};
    ObjList *v = ints(two, 2);
    /* l[1:9:3] = [-1, -2] has 3 slots */
    ck_assert(!list_set_slice(vm, l, AS_SLICE(slice(INT_VAL(1), INT_VAL(9), INT_VAL(3))), OBJ_VAL(v)));
    ck_assert_str_eq(raised(vm->c.ValueError),
                     "attempt to assign sequence of size 2 to extended slice of size 3");
    ck_assert(list_set_slice(vm, l, AS_SLICE(slice(INT_VAL(1), INT_VAL(6), INT_VAL(3))), OBJ_VAL(v)));
    ck_assert_str_eq(show(l), "0,-1,2,3,-2,5,6,7,8,9");
    /* l[2:8] = [-1, -2] shrinks, l[0:0] = l inserts a copy of itself */
    ck_assert(list_set_slice(vm, l, AS_SLICE(slice(INT_VAL(2), INT_VAL(8), NONE_VAL)), OBJ_VAL(v)));
    ck_assert_str_eq(show(l), "0,-1,-1,-2,8,9");
    ck_assert(list_set_slice(vm, l, AS_SLICE(slice(INT_VAL(0), INT_VAL(0), NONE_VAL)), OBJ_VAL(l)));
    ck_assert_str_eq(show(l), "0,-1,-1,-2,8,9,0,-1,-1,-2,8,9");
    /* s[5:2] = [..] inserts before 5 */
    ck_assert(list_set_slice(vm, l, AS_SLICE(slice(INT_VAL(5), INT_VAL(2), NONE_VAL)), OBJ_VAL(v)));
    ck_assert_str_eq(show(l), "0,-1,-1,-2,8,-1,-2,9,0,-1,-1,-2,8,9");
    ck_assert(!list_set_slice(vm, l, AS_SLICE(slice(INT_VAL(0), INT_VAL(1), NONE_VAL)), INT_VAL(3)));
    ck_assert_str_eq(raised(vm->c.TypeError), "can only assign an iterable");
    ck_assert(!list_set_slice(vm, l, AS_SLICE(slice(INT_VAL(0), INT_VAL(1), INT_VAL(2))), INT_VAL(3)));
    ck_assert_str_eq(raised(vm->c.TypeError), "must assign iterable to extended slice");

    ck_assert(list_del_slice(vm, l, AS_SLICE(slice(NONE_VAL, NONE_VAL, INT_VAL(-2)))));
    ck_assert_str_eq(show(l), "0,-1,8,-2,0,-1,8");
    ck_assert(list_del_slice(vm, l, AS_SLICE(slice(INT_VAL(1), INT_VAL(3), NONE_VAL))));
    ck_assert_str_eq(show(l), "0,-2,0,-1,8");
    ck_assert(!list_getitem(vm, l, INT_VAL(5), &r));
    ck_assert_str_eq(raised(vm->c.IndexError), "list index out of range");
    ck_assert(!list_setitem(vm, l, INT_VAL(-6), INT_VAL(0)));
    ck_assert_str_eq(raised(vm->c.IndexError), "list assignment index out of range");
    ck_assert(!list_getitem(vm, l, OBJ_VAL(vm->n.args), &r));
    ck_assert_str_eq(raised(vm->c.TypeError), "list indices must be integers or slices, not str");
    ck_assert(list_getitem(vm, l, INT_VAL(-1), &r) && AS_INT(r) == 8);
    vm_pop_root(vm, 2);
}
END_TEST

/* key=: (x // 10) so that ties show stability. */
static bool key_tens(VM *v, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    (void)v;
    (void)nargs;
    (void)kw;
    *out = INT_VAL(AS_INT(args[0]) / 10);
    return true;
}

static int key_calls;
static bool key_raises(VM *v, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    (void)args;
    (void)nargs;
    (void)kw;
    if (++key_calls == 3) return vm_raise(v, v->c.ValueError, "bad key");
    *out = INT_VAL(0);
    return true;
}

static Value victim;
static bool key_mutates(VM *v, Value *args, int nargs, ObjTuple *kw, Value *out)
{
    (void)nargs;
    (void)kw;
    list_append(v, AS_LIST(victim), INT_VAL(99));
    *out = args[0];
    return true;
}

START_TEST(sort)
{
    int64_t xs[] = {31, 12, 35, 10, 33, 14, 20, 11, 39, 5, 38, 15, 2, 30, 17, 21, 19, 36, 34, 1};
    ObjList *l = ints(xs, 20);
    ck_assert(list_sort(vm, l, NONE_VAL, false));
    ck_assert_str_eq(show(l), "1,2,5,10,11,12,14,15,17,19,20,21,30,31,33,34,35,36,38,39");
    ck_assert(list_sort(vm, l, NONE_VAL, true));
    ck_assert_str_eq(show(l), "39,38,36,35,34,33,31,30,21,20,19,17,15,14,12,11,10,5,2,1");
    ObjList *m = ints(xs, 20);
    Value key = OBJ_VAL(native_new(vm, "key", key_tens, NULL));
    vm_push_root(vm, key);
    /* python3: sorted(xs, key=lambda x: x // 10) and with reverse=True */
    ck_assert(list_sort(vm, m, key, false));
    ck_assert_str_eq(show(m), "5,2,1,12,10,14,11,15,17,19,20,21,31,35,33,39,38,30,36,34");
    ObjList *n = ints(xs, 20);
    ck_assert(list_sort(vm, n, key, true));
    ck_assert_str_eq(show(n), "31,35,33,39,38,30,36,34,20,21,12,10,14,11,15,17,19,5,2,1");

    Value fail = OBJ_VAL(native_new(vm, "key", key_raises, NULL));
    vm_push_root(vm, fail);
    key_calls = 0;
    ck_assert(!list_sort(vm, n, fail, false));
    ck_assert_str_eq(raised(vm->c.ValueError), "bad key");
    ck_assert_int_eq(n->len, 20); /* the items came back */

    victim = OBJ_VAL(n);
    Value mut = OBJ_VAL(native_new(vm, "key", key_mutates, NULL));
    vm_push_root(vm, mut);
    ck_assert(!list_sort(vm, n, mut, false));
    ck_assert_str_eq(raised(vm->c.ValueError), "list modified during sort");
    ck_assert_int_eq(n->len, 20);

    /* sort() through the method: no positional arguments, known keywords only */
    Value self = OBJ_VAL(n), r;
    ObjTuple *kw = tuple_new(vm, NULL, 1);
    vm_push_root(vm, OBJ_VAL(kw));
    kw->items[0] = OBJ_VAL(str_intern_cstr(vm, "reverse"));
    Value args[2] = {self, TRUE_VAL};
    ck_assert(call_kw(vm->c.list, "sort", args, 1, kw, &r));
    ck_assert(AS_INT(n->items[0]) == 39);
    kw->items[0] = OBJ_VAL(str_intern_cstr(vm, "x"));
    ck_assert(!call_kw(vm->c.list, "sort", args, 1, kw, &r));
    ck_assert_str_eq(raised(vm->c.TypeError), "'x' is an invalid keyword argument for sort()");
    ck_assert(!call(vm->c.list, "sort", args, 2, &r));
    ck_assert_str_eq(raised(vm->c.TypeError), "sort() takes no positional arguments");
    vm_pop_root(vm, 7);
}
END_TEST

START_TEST(big_sort_is_stable)
{
    enum { N = 5000 };
    ObjList *l = list_new(vm, NULL, N);
    vm_push_root(vm, OBJ_VAL(l));
    uint32_t seed = 7;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        Value pair[2] = {INT_VAL((seed >> 16) % 50), INT_VAL(i)};
        l->items[i] = OBJ_VAL(tuple_new(vm, pair, 2));
    }
    ck_assert(list_sort(vm, l, NONE_VAL, false)); /* tuples: compared by op_compare */
    for (int i = 1; i < N; i++) {
        ObjTuple *a = AS_TUPLE(l->items[i - 1]), *b = AS_TUPLE(l->items[i]);
        ck_assert(AS_INT(a->items[0]) < AS_INT(b->items[0]) ||
                  (AS_INT(a->items[0]) == AS_INT(b->items[0]) && AS_INT(a->items[1]) < AS_INT(b->items[1])));
    }
    vm_pop_root(vm, 1);
}
END_TEST

START_TEST(tuples_and_ranges)
{
    int64_t xs[] = {1, 2, 3, 2};
    ObjList *l = ints(xs, 4);
    ObjTuple *t;
    ck_assert(tuple_from_iterable(vm, OBJ_VAL(l), &t));
    vm_push_root(vm, OBJ_VAL(t));
    Value a[2] = {OBJ_VAL(t), INT_VAL(2)}, r;
    ck_assert(call(vm->c.tuple, "count", a, 2, &r) && AS_INT(r) == 2);
    ck_assert(call(vm->c.tuple, "index", a, 2, &r) && AS_INT(r) == 1);
    a[1] = INT_VAL(7);
    ck_assert(!call(vm->c.tuple, "index", a, 2, &r));
    ck_assert_str_eq(raised(vm->c.ValueError), "tuple.index(x): x not in tuple");
    ck_assert(tuple_get_slice(vm, t, AS_SLICE(slice(NONE_VAL, NONE_VAL, INT_VAL(-1))), &r));
    ck_assert_int_eq(AS_INT(AS_TUPLE(r)->items[0]), 2);
    ck_assert(!tuple_getitem(vm, t, INT_VAL(4), &r));
    ck_assert_str_eq(raised(vm->c.IndexError), "tuple index out of range");

    ObjRange *rg = range_new(vm, 0, 10, 3); /* 0 3 6 9 */
    vm_push_root(vm, OBJ_VAL(rg));
    ck_assert_int_eq(range_len(rg), 4);
    bool in;
    ck_assert(range_contains(vm, rg, INT_VAL(6), &in) && in);
    ck_assert(range_contains(vm, rg, INT_VAL(7), &in) && !in);
    ck_assert(range_getitem(vm, rg, INT_VAL(-1), &r) && AS_INT(r) == 9);
    ck_assert(range_getitem(vm, rg, slice(NONE_VAL, NONE_VAL, INT_VAL(-1)), &r));
    ObjRange *rev = AS_RANGE(r);
    ck_assert(rev->start == 9 && rev->stop == -3 && rev->step == -3);
    ck_assert_str_eq(range_repr(vm, rev)->data, "range(9, -3, -3)");
    ck_assert_str_eq(range_repr(vm, range_new(vm, 0, 5, 1))->data, "range(0, 5)");
    ObjRange *empty = range_new(vm, 5, 0, 1);
    ck_assert_int_eq(range_len(empty), 0);
    ck_assert(range_equal(empty, range_new(vm, 0, 0, 2)));
    /* reversed(range) and iterating it */
    Value it, v;
    bool done;
    ck_assert(iter_reversed(vm, OBJ_VAL(rg), &it));
    vm_push_root(vm, it);
    int64_t got[4];
    for (int i = 0; i < 4; i++) {
        ck_assert(iter_next_builtin(vm, AS_ITER(it), &v, &done) && !done);
        got[i] = AS_INT(v);
    }
    ck_assert(iter_next_builtin(vm, AS_ITER(it), &v, &done) && done);
    ck_assert(got[0] == 9 && got[1] == 6 && got[2] == 3 && got[3] == 0);
    int64_t start, stop, step, n;
    ObjSlice *s = slice_new(vm, INT_VAL(-100), NONE_VAL, INT_VAL(-2));
    ck_assert(slice_indices(vm, s, 10, &start, &stop, &step, &n));
    ck_assert(start == -1 && stop == -1 && step == -2 && n == 0);
    vm_pop_root(vm, 4);
}
END_TEST

static Suite *list_suite(void)
{
    Suite *s = suite_create("list");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, methods);
    tcase_add_test(tc, slices);
    tcase_add_test(tc, sort);
    tcase_add_test(tc, big_sort_is_stable);
    tcase_add_test(tc, tuples_and_ranges);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(list_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
