/* test_modules.c: the registry of built-in modules (lazy creation through
 * vm->import_hook), the shared argument helpers, and modules whose output
 * python3 cannot give the golden programs (nest_asyncio, the clock). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "compiler.h"
#include "gc.h"
#include "interp.h"
#include "modules.h"
#include "traceback.h"

#include "run_source.h"

START_TEST(modules_are_created_on_first_import)
{
    ObjStr *name = str_intern_cstr(vm, "math");
    ck_assert(IS_EMPTY(dict_get_str(vm->modules, name)));
    ck_assert_str_eq(run("import math\nprint(math, math.floor(2.5))\n"), "<module 'math' (built-in)> 2\n");
    Value m = dict_get_str(vm->modules, name);
    ck_assert(IS_MODULE(m));
    /* a second import finds the same object, with what was stored on it */
    ck_assert_str_eq(run("math.answer = 42\nimport math as m2\nprint(m2 is math, m2.answer)\n"),
                     "True 42\n");
    gc_collect(vm);
    ck_assert(value_is(dict_get_str(vm->modules, name), m));
    ck_assert_ptr_eq(modules_get(vm, "math"), AS_MODULE(m));
}
END_TEST

START_TEST(unknown_modules_and_names)
{
    ck_assert_str_eq(run("import nosuch\n"), "error: ModuleNotFoundError: No module named 'nosuch'");
    ck_assert_str_eq(run("from random import nope\n"),
                     "error: ImportError: cannot import name 'nope' from 'random' (unknown location)");
    Value m;
    ck_assert(modules_import(vm, str_intern_cstr(vm, "nosuch"), &m));
    ck_assert(IS_EMPTY(m));
    ck_assert_ptr_null(modules_get(vm, "nosuch"));
    ck_assert(!IS_EMPTY(vm->exception));
    vm_take_exception(vm);
}
END_TEST

START_TEST(nest_asyncio_apply_does_nothing)
{
    ck_assert_str_eq(run("import nest_asyncio\nprint(nest_asyncio.apply(), nest_asyncio.apply)\n"),
                     "None <built-in function apply>\n");
    ck_assert_str_eq(run("from nest_asyncio import apply\nprint(apply(None))\n"), "None\n");
}
END_TEST

START_TEST(python_style_signatures)
{
    ck_assert_str_eq(run("import random\nrandom.randint(1)\n"),
                     "error: TypeError: Random.randint() missing 1 required positional argument: 'b'");
    ck_assert_str_eq(run("random.randint()\n"),
                     "error: TypeError: Random.randint() missing 2 required positional arguments: 'a' and 'b'");
    ck_assert_str_eq(run("random.randrange(1, 2, 3, 4)\n"),
                     "error: TypeError: Random.randrange() takes from 2 to 4 positional arguments but 5 were given");
    ck_assert_str_eq(run("random.choice([1], [2])\n"),
                     "error: TypeError: Random.choice() takes 2 positional arguments but 3 were given");
    ck_assert_str_eq(run("random.randint(1, a=2)\n"),
                     "error: TypeError: Random.randint() got multiple values for argument 'a'");
    ck_assert_str_eq(run("random.sample([1], k=1, n=2)\n"),
                     "error: TypeError: Random.sample() got an unexpected keyword argument 'n'");
}
END_TEST

START_TEST(clock_moves_forward_and_sleeps)
{
    int64_t t0 = clock_monotonic_ns(vm);
    ck_assert(clock_sleep_ns(vm, 2000000));
    ck_assert_int_ge(clock_monotonic_ns(vm) - t0, 2000000);
    ck_assert(clock_now_wall(vm) > 1.6e9);
    ck_assert(clock_ns_to_seconds(3000000000) == 3.0);
    ck_assert(clock_ns_to_seconds(1500000000) == 1.5);
}
END_TEST

START_TEST(random_state_survives_collections)
{
    ck_assert_str_eq(run("import random\nr = random.Random(42)\nx = [r.random() for _ in range(3)]\n"), "");
    gc_collect(vm);
    ck_assert_str_eq(run("r.seed(42)\nprint([r.random() for _ in range(3)] == x, r.random.__self__ is r)\n"),
                     "True True\n");
}
END_TEST

static Suite *modules_suite(void)
{
    Suite *s = suite_create("modules");
    TCase *tc = tcase_create("registry");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, modules_are_created_on_first_import);
    tcase_add_test(tc, unknown_modules_and_names);
    tcase_add_test(tc, nest_asyncio_apply_does_nothing);
    tcase_add_test(tc, python_style_signatures);
    tcase_add_test(tc, clock_moves_forward_and_sleeps);
    tcase_add_test(tc, random_state_survives_collections);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(modules_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
