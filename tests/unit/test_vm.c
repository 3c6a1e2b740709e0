/* test_vm.c: the dispatch loop, calls, exceptions and the fiber stacks, run
 * on small programs whose output is captured. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"
#include "gc.h"
#include "interp.h"
#include "traceback.h"

#include "run_source.h"

START_TEST(arithmetic_and_calls)
{
    ck_assert_str_eq(run("def add(a, b=2):\n    return a + b\nprint(add(1), add(1, 5), add(b=3, a=4))\n"), "3 6 7\n");
    ck_assert_str_eq(run("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(20))\n"),
                     "6765\n");
}
END_TEST

START_TEST(star_args_and_kwargs)
{
    ck_assert_str_eq(run("def f(*a, **k):\n    return len(a), len(k)\nprint(f(1, 2, x=3))\n"), "(2, 1)\n");
    ck_assert_str_eq(run("def g(a, *, b):\n    return a * b\nargs = (3,)\nprint(g(*args, **{'b': 4}))\n"), "12\n");
    ck_assert_str_eq(run("def h(a):\n    pass\nh(1, 2)\n"),
                     "error: TypeError: h() takes 1 positional argument but 2 were given");
    ck_assert_str_eq(run("def h(a, b):\n    pass\nh()\n"),
                     "error: TypeError: h() missing 2 required positional arguments: 'a' and 'b'");
    ck_assert_str_eq(run("def h(a):\n    pass\nh(a=1, c=2)\n"),
                     "error: TypeError: h() got an unexpected keyword argument 'c'");
}
END_TEST

START_TEST(closures_and_nonlocal)
{
    ck_assert_str_eq(run("def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n"
                         "    return inc\nc = counter()\nc()\nprint(c(), c())\n"),
                     "2 3\n");
}
END_TEST

START_TEST(exceptions_unwind_and_finally_runs)
{
    ck_assert_str_eq(run("def f():\n    try:\n        return 1\n    finally:\n        print('fin')\nprint(f())\n"),
                     "fin\n1\n");
    ck_assert_str_eq(run("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', e)\n"),
                     "caught division by zero\n");
    ck_assert_str_eq(run("for i in range(3):\n    try:\n        if i == 1:\n            break\n    finally:\n        print('f', i)\n"),
                     "f 0\nf 1\n");
    ck_assert_str_eq(run("def g():\n    raise ValueError('bad')\ng()\n"), "error: ValueError: bad");
}
END_TEST

START_TEST(recursion_is_bounded)
{
    ck_assert_str_eq(run("def f(n):\n    return f(n + 1)\nf(0)\n"),
                     "error: RecursionError: maximum recursion depth exceeded");
    /* the VM is usable afterwards */
    ck_assert_str_eq(run("print(1)\n"), "1\n");
}
END_TEST

START_TEST(deep_frames_span_stack_chunks)
{
    /* 900 nested calls with big frames need several stack chunks */
    ck_assert_str_eq(run("def f(n, a=0, b=0, c=0, d=0, e=0, g=0, h=0):\n    if n == 0:\n        return 0\n"
                         "    return 1 + f(n - 1, a, b, c, d, e, g, h)\nprint(f(900))\n"),
                     "900\n");
}
END_TEST

START_TEST(gc_keeps_running_frames_alive)
{
    vm->gc_stress = true;
    ck_assert_str_eq(run("def mk(n):\n    return [str(i) for i in range(n)]\nxs = mk(50)\nprint(len(xs), xs[49])\n"),
                     "50 49\n");
    vm->gc_stress = false;
}
END_TEST

START_TEST(builtins_outside_the_subset_are_named)
{
    /* CPython runs these; loopbook names them instead (tests/programs cannot check that) */
    ck_assert_str_eq(run("exec('x = 1')\n"),
                     "error: NotImplementedError: exec() is not supported: loopbook runs only the program's own source");
    ck_assert_str_eq(run("print(eval('1 + 1'))\n"),
                     "error: NotImplementedError: eval() is not supported: loopbook runs only the program's own source");
    ck_assert_str_eq(run("compile('1', 'f', 'eval')\n"),
                     "error: NotImplementedError: compile() is not supported: loopbook runs only the program's own source");
    ck_assert_str_eq(run("open('data.txt')\n"),
                     "error: NotImplementedError: open() is not supported: loopbook has no file access");
    ck_assert_str_eq(run("print(dir())\n"), "error: NotImplementedError: dir() is not supported");
    /* caught like any exception, and the VM goes on */
    ck_assert_str_eq(run("try:\n    eval('1')\nexcept NotImplementedError as e:\n    print('caught')\n"), "caught\n");
    /* globals(), locals() and vars() are in the subset */
    ck_assert_str_eq(run("def f(a):\n    b = a + 1\n    return locals()\nprint(f(1), 'f' in globals())\n"),
                     "{'a': 1, 'b': 2} True\n");
}
END_TEST

static Suite *vm_suite(void)
{
    Suite *s = suite_create("vm");
    TCase *tc = tcase_create("run");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, arithmetic_and_calls);
    tcase_add_test(tc, star_args_and_kwargs);
    tcase_add_test(tc, closures_and_nonlocal);
    tcase_add_test(tc, exceptions_unwind_and_finally_runs);
    tcase_add_test(tc, recursion_is_bounded);
    tcase_add_test(tc, deep_frames_span_stack_chunks);
    tcase_add_test(tc, gc_keeps_running_frames_alive);
    tcase_add_test(tc, builtins_outside_the_subset_are_named);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(vm_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
