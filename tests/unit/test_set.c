/* test_set.c: set and frozenset: the table follows CPython's algorithm, so
 * iteration order after any sequence of operations matches CPython's (the
 * expectations in test_set_cases.h come from python3), plus the methods. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "exception.h"
#include "gc.h"
#include "iter.h"
#include "list.h"
#include "set.h"

typedef struct {
    char op;
    int64_t x;
} SetOp;

typedef struct {
    const SetOp *ops;
    int n_ops;
    const int64_t *expect;
    int n_expect;
} SetCase;

#include "test_set_cases.h"

static VM *vm;

static void setup(void)
{
    vm = vm_new();
}

static void teardown(void)
{
    vm_free(vm);
}

/* Call the method `name` of cls with args[0] as self. */
static bool call(ObjClass *cls, const char *name, Value *args, int nargs, Value *out)
{
    Value m = class_lookup(cls, str_intern_cstr(vm, name));
    ck_assert_msg(IS_NATIVE(m), "no native %s", name);
    return AS_NATIVE(m)->fn(vm, args, nargs, NULL, out);
}

static Value set_of(const int64_t *xs, int n, bool frozen)
{
    ObjSet *s = set_new(vm, frozen);
    vm_push_root(vm, OBJ_VAL(s));
    for (int i = 0; i < n; i++) ck_assert(set_add(vm, s, INT_VAL(xs[i])));
    vm_pop_root(vm, 1);
    return OBJ_VAL(s);
}

/* The message of the raised exception (which is taken off the VM). */
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

static void check_order(ObjSet *s, const int64_t *expect, int n, int case_no)
{
    ck_assert_msg((int)s->used == n, "case %d: len %u, expected %d", case_no, s->used, n);
    uint32_t pos = 0;
    Value k;
    for (int i = 0; i < n; i++) {
        ck_assert(set_next(s, &pos, &k));
        ck_assert_msg(IS_INT(k) && AS_INT(k) == expect[i],
                      "case %d: item %d is %lld, CPython has %lld", case_no, i,
                      (long long)AS_INT(k), (long long)expect[i]);
    }
    ck_assert(!set_next(s, &pos, &k));
}

START_TEST(orders_match_cpython)
{
    for (size_t c = 0; c < sizeof set_cases / sizeof set_cases[0]; c++) {
        const SetCase *sc = &set_cases[c];
        Value s0 = OBJ_VAL(set_new(vm, false));
        vm_push_root(vm, s0);
        Value s1 = OBJ_VAL(set_new(vm, false));
        vm_push_root(vm, s1);
        for (int i = 0; i < sc->n_ops; i++) {
            SetOp op = sc->ops[i];
            Value x = INT_VAL(op.x), r;
            bool found;
            ObjSet *a = AS_SET(s0), *b = AS_SET(s1);
            switch (op.op) {
            case 'A': ck_assert(set_add(vm, a, x)); break;
            case 'B': ck_assert(set_add(vm, b, x)); break;
            case 'D': ck_assert(set_discard(vm, a, x, &found)); break;
            case 'P':
                ck_assert(call(vm->c.set, "pop", &s0, 1, &r));
                ck_assert_msg(IS_INT(r) && AS_INT(r) == op.x, "case %zu: pop gave %lld, not %lld", c,
                              (long long)AS_INT(r), (long long)op.x);
                break;
            case 'U': ck_assert(set_or(vm, a, b, &s0)); break;
            case 'I': ck_assert(set_and(vm, a, b, &s0)); break;
            case 'S': ck_assert(set_sub(vm, a, b, &s0)); break;
            case 'X': ck_assert(set_xor(vm, a, b, &s0)); break;
            case 'T': ck_assert(set_sub(vm, b, a, &s0)); break;
            case 'C': s0 = OBJ_VAL(set_copy(vm, a, false)); break;
            case 'u': ck_assert(set_ior(vm, a, b)); break;
            case 'i': ck_assert(set_iand(vm, a, b)); break;
            case 's': ck_assert(set_isub(vm, a, b)); break;
            case 'x': ck_assert(set_ixor(vm, a, b)); break;
            case 'L': {
                ObjList *l;
                ck_assert(list_from_iterable(vm, s1, &l));
                vm_push_root(vm, OBJ_VAL(l));
                ck_assert(set_update(vm, a, OBJ_VAL(l)));
                vm_pop_root(vm, 1);
                break;
            }
            case 'K': {
                ObjDict *d = dict_new(vm);
                vm_push_root(vm, OBJ_VAL(d));
                uint32_t pos = 0;
                Value k;
                while (set_next(b, &pos, &k)) ck_assert(dict_set(vm, d, k, NONE_VAL));
                ck_assert(set_update(vm, a, OBJ_VAL(d)));
                vm_pop_root(vm, 1);
                break;
            }
            default: ck_abort_msg("bad op %c", op.op);
            }
            vm->roots[vm->root_count - 2] = s0;
        }
        check_order(AS_SET(s0), sc->expect, sc->n_expect, (int)c);
        vm_pop_root(vm, 2);
    }
}
END_TEST

START_TEST(literal_orders)
{
    /* python3: print({3, 1, 2}) -> {1, 2, 3}; print({10, 3, 100}) -> {10, 3, 100} */
    int64_t a[] = {3, 1, 2}, ea[] = {1, 2, 3};
    check_order(AS_SET(set_of(a, 3, false)), ea, 3, 0);
    int64_t b[] = {10, 3, 100}, eb[] = {10, 3, 100};
    check_order(AS_SET(set_of(b, 3, false)), eb, 3, 1);
    /* The last dummy on the probe path is reused: {0, 8, 16} minus 0, 8 plus 24, 1. */
    int64_t c[] = {0, 8, 16};
    Value s = set_of(c, 3, false);
    vm_push_root(vm, s);
    bool found;
    ck_assert(set_discard(vm, AS_SET(s), INT_VAL(0), &found) && found);
    ck_assert(set_discard(vm, AS_SET(s), INT_VAL(8), &found) && found);
    ck_assert(set_add(vm, AS_SET(s), INT_VAL(24)));
    ck_assert(set_add(vm, AS_SET(s), INT_VAL(1)));
    int64_t ec[] = {24, 16, 1};
    check_order(AS_SET(s), ec, 3, 2);
    vm_pop_root(vm, 1);
}
END_TEST

START_TEST(methods_and_errors)
{
    int64_t xs[] = {1, 2, 3}, ys[] = {2, 3, 4};
    Value s = set_of(xs, 3, false);
    vm_push_root(vm, s);
    Value t = set_of(ys, 3, false);
    vm_push_root(vm, t);
    Value args[3] = {s, t, INT_VAL(9)}, r;

    ck_assert(call(vm->c.set, "issubset", args, 2, &r) && !AS_BOOL(r));
    ck_assert(call(vm->c.set, "isdisjoint", args, 2, &r) && !AS_BOOL(r));
    ck_assert(call(vm->c.set, "union", args, 2, &r) && AS_SET(r)->used == 4);
    ck_assert(call(vm->c.set, "intersection", args, 2, &r) && AS_SET(r)->used == 2);
    ck_assert(call(vm->c.set, "difference", args, 2, &r) && AS_SET(r)->used == 1);
    ck_assert(call(vm->c.set, "symmetric_difference", args, 2, &r) && AS_SET(r)->used == 2);
    bool le;
    ck_assert(set_compare(vm, AS_SET(s), AS_SET(s), CMP_LE, &le) && le);
    ck_assert(set_compare(vm, AS_SET(s), AS_SET(t), CMP_EQ, &le) && !le);

    Value a2[2] = {s, INT_VAL(9)};
    ck_assert(!call(vm->c.set, "remove", a2, 2, &r));
    ck_assert_str_eq(raised(vm->c.KeyError), "9");
    ck_assert(call(vm->c.set, "discard", a2, 2, &r) && IS_NONE(r));
    ck_assert(call(vm->c.set, "clear", &s, 1, &r));
    ck_assert(!call(vm->c.set, "pop", &s, 1, &r));
    ck_assert_str_eq(raised(vm->c.KeyError), "pop from an empty set");
    ck_assert(!call(vm->c.set, "add", &s, 1, &r));
    ck_assert_str_eq(raised(vm->c.TypeError), "set.add() takes exactly one argument (0 given)");
    Value bad[2] = {INT_VAL(5), INT_VAL(1)};
    ck_assert(!call(vm->c.set, "add", bad, 2, &r));
    ck_assert_str_eq(raised(vm->c.TypeError),
                     "descriptor 'add' for 'set' objects doesn't apply to a 'int' object");
    /* frozenset has no add, and its hash ignores order */
    ck_assert(IS_EMPTY(class_lookup(vm->c.frozenset, str_intern_cstr(vm, "add"))));
    int64_t p[] = {1, 2, 3, 100, -5}, q[] = {-5, 100, 3, 2, 1};
    Value f1 = set_of(p, 5, true);
    vm_push_root(vm, f1);
    Value f2 = set_of(q, 5, true);
    ck_assert_uint_eq(set_frozen_hash(AS_SET(f1)), set_frozen_hash(AS_SET(f2)));
    vm_pop_root(vm, 3);
}
END_TEST

START_TEST(frozenset_hash_matches_cpython)
{
    /* python3: hash(frozenset()) == 133146708735736, hash(frozenset({1, 2, 3})) == -272375401224217160 */
    Value e = set_of(NULL, 0, true);
    ck_assert_int_eq((int64_t)set_frozen_hash(AS_SET(e)), 133146708735736LL);
    int64_t xs[] = {1, 2, 3};
    Value f = set_of(xs, 3, true);
    ck_assert_int_eq((int64_t)set_frozen_hash(AS_SET(f)), -272375401224217160LL);
}
END_TEST

START_TEST(set_iteration_detects_changes)
{
    int64_t xs[] = {1, 2, 3};
    Value s = set_of(xs, 3, false);
    vm_push_root(vm, s);
    Value it, v;
    bool found, done;
    ck_assert(iter_for_object(vm, s, &it, &found) && found);
    vm_push_root(vm, it);
    ck_assert(iter_next_builtin(vm, AS_ITER(it), &v, &done) && !done && AS_INT(v) == 1);
    ck_assert(set_add(vm, AS_SET(s), INT_VAL(7)));
    ck_assert(!iter_next_builtin(vm, AS_ITER(it), &v, &done));
    ck_assert_str_eq(raised(vm->c.RuntimeError), "Set changed size during iteration");
    vm_pop_root(vm, 2);
}
END_TEST

static Suite *set_suite(void)
{
    Suite *s = suite_create("set");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, orders_match_cpython);
    tcase_add_test(tc, literal_orders);
    tcase_add_test(tc, methods_and_errors);
    tcase_add_test(tc, frozenset_hash_matches_cpython);
    tcase_add_test(tc, set_iteration_detects_changes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(set_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
