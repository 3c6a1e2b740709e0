/* test_sched.c: the scheduler: the ready ring is first in, first out across
 * growth and wrap-around; the timer heap gives (deadline, insertion) order;
 * and the loop built on them runs callbacks in CPython's order (the
 * expectations are what python3 prints for the same snippets). */
#include "clock.h"
#include "queues.h"
#include "run_source.h"

START_TEST(ready_queue_is_fifo_across_growth)
{
    ReadyQueue q;
    ready_init(&q);
    int64_t next_out = 0, next_in = 0;
    /* interleave pushes and pops so that the ring wraps while it grows */
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 37; i++) ready_push(&q, (ReadyEntry){INT_VAL(next_in++), EMPTY_VAL, READY_CALL});
        for (int i = 0; i < 23; i++) {
            ReadyEntry e;
            ck_assert(ready_pop(&q, &e));
            ck_assert_int_eq(AS_INT(e.a), next_out++);
        }
    }
    ReadyEntry e;
    while (ready_pop(&q, &e)) ck_assert_int_eq(AS_INT(e.a), next_out++);
    ck_assert_int_eq(next_out, next_in);
    ck_assert_int_eq(q.len, 0);
    ready_free(&q);
}
END_TEST

START_TEST(timer_heap_orders_by_deadline_then_insertion)
{
    TimerHeap h;
    timers_init(&h);
    /* deadlines 0..9 pushed in a scrambled order, each ten times */
    int64_t pushed = 0;
    for (int k = 0; k < 10; k++)
        for (int d = 0; d < 10; d++) timers_push(&h, (double)((d * 7) % 10), INT_VAL(pushed++));
    double last_when = -1;
    int64_t last_seq_value = -1;
    TimerEntry t;
    int n = 0;
    while (timers_pop(&h, &t)) {
        ck_assert(t.when >= last_when);
        if (t.when == last_when) ck_assert_int_gt(AS_INT(t.handle), last_seq_value); /* FIFO among ties */
        last_when = t.when;
        last_seq_value = AS_INT(t.handle);
        n++;
    }
    ck_assert_int_eq(n, 100);
    ck_assert_ptr_null(timers_peek(&h));
    timers_free(&h);
}
END_TEST

START_TEST(call_soon_is_fifo_and_runs_after_the_current_pass)
{
    ck_assert_str_eq(run("import asyncio\n"
                         "async def main():\n"
                         "    loop = asyncio.get_running_loop()\n"
                         "    for i in range(3):\n"
                         "        loop.call_soon(print, 'soon', i)\n"
                         "    print('before yield')\n"
                         "    await asyncio.sleep(0)\n"
                         "    print('after yield')\n"
                         "asyncio.run(main())\n"),
                     "before yield\nsoon 0\nsoon 1\nsoon 2\nafter yield\n");
}
END_TEST

START_TEST(new_task_starts_on_the_next_pass)
{
    ck_assert_str_eq(run("import asyncio\n"
                         "async def child(n):\n"
                         "    print('child', n, 'starts')\n"
                         "    await asyncio.sleep(0)\n"
                         "    print('child', n, 'resumes')\n"
                         "async def main():\n"
                         "    a = asyncio.create_task(child(1))\n"
                         "    b = asyncio.create_task(child(2))\n"
                         "    print('created')\n"
                         "    await asyncio.sleep(0)\n"
                         "    print('main after one pass')\n"
                         "    await a\n"
                         "    await b\n"
                         "asyncio.run(main())\n"),
                     "created\nchild 1 starts\nchild 2 starts\nmain after one pass\nchild 1 resumes\n"
                     "child 2 resumes\n");
}
END_TEST

START_TEST(timers_fire_by_deadline_due_ones_after_ready_callbacks)
{
    ck_assert_str_eq(run("import asyncio\n"
                         "async def main():\n"
                         "    loop = asyncio.get_running_loop()\n"
                         "    loop.call_later(0.02, print, 'late')\n"
                         "    loop.call_later(0.01, print, 'early')\n"
                         "    loop.call_soon(print, 'A')\n"
                         "    loop.call_later(0, print, 'B')\n"
                         "    loop.call_soon(print, 'C')\n"
                         "    await asyncio.sleep(0)\n"
                         "    print('main')\n"
                         "    await asyncio.sleep(0.05)\n"
                         "asyncio.run(main())\n"),
                     "A\nC\nmain\nB\nearly\nlate\n");
}
END_TEST

START_TEST(virtual_clock_jumps_to_deadlines)
{
    clock_use_virtual(vm);
    ck_assert_str_eq(run("import asyncio, time\n"
                         "async def main():\n"
                         "    t0 = time.monotonic()\n"
                         "    await asyncio.sleep(0.5)\n"
                         "    await asyncio.gather(asyncio.sleep(1.0), asyncio.sleep(0.5))\n"
                         "    print(time.monotonic() - t0)\n"
                         "asyncio.run(main())\n"),
                     "1.5\n");
}
END_TEST

START_TEST(deadlock_names_the_waiting_tasks)
{
    ck_assert_str_eq(run("import asyncio\n"
                         "async def main():\n"
                         "    await asyncio.Event().wait()\n"
                         "asyncio.run(main())\n"),
                     "error: RuntimeError: deadlock: no task can run and no timer is pending; Task-1 (main()) "
                     "awaits Event.wait()");
}
END_TEST

static Suite *sched_suite(void)
{
    Suite *s = suite_create("sched");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, ready_queue_is_fifo_across_growth);
    tcase_add_test(tc, timer_heap_orders_by_deadline_then_insertion);
    tcase_add_test(tc, call_soon_is_fifo_and_runs_after_the_current_pass);
    tcase_add_test(tc, new_task_starts_on_the_next_pass);
    tcase_add_test(tc, timers_fire_by_deadline_due_ones_after_ready_callbacks);
    tcase_add_test(tc, virtual_clock_jumps_to_deadlines);
    tcase_add_test(tc, deadlock_names_the_waiting_tasks);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(sched_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
