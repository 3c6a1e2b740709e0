/* test_magics.c: the notebook's magics (magics.c) where the piped
 * transcripts of tests/run-notebook cannot check them: the formats of real
 * timings (%time's CPU times, %timeit's result line, matched against
 * IPython's with regular expressions), %%time (a transcript cell ends
 * after its first line), what magic_run reports, and switching clocks
 * (clock.c). */
#include <check.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aio.h"
#include "clock.h"
#include "magics.h"
#include "session.h"

static Session *s;
static NotebookState nb;
static char *out_text, *err_text;
static size_t out_len, err_len;
static size_t out_seen, err_seen; /* what earlier steps of a test printed */

static void setup(void)
{
    s = session_new();
    s->vm->out = open_memstream(&out_text, &out_len);
    s->vm->err = open_memstream(&err_text, &err_len);
    out_seen = err_seen = 0;
    nb = (NotebookState){true, false, NULL, NULL};
    ck_assert_ptr_nonnull(aio_session_loop(s->vm));
}

static void teardown(void)
{
    FILE *out = s->vm->out, *err = s->vm->err;
    free(nb.pending_input);
    session_free(s);
    fclose(out);
    fclose(err);
    free(out_text);
    free(err_text);
}

/* Run a cell through magic_run (an ordinary cell through the session, as
 * the front ends do); its stdout and stderr are in *out / *err (static). */
static MagicOutcome cell(const char *text, const char **out, const char **err, bool *show_timing)
{
    static char out_copy[8192], err_copy[8192];
    CellReport r;
    bool timing;
    MagicOutcome m = magic_run(s, &nb, text, &r, &timing);
    if (m == MAGIC_NOT_A_MAGIC) session_run_cell(s, text, strlen(text), &r);
    fflush(s->vm->out);
    fflush(s->vm->err);
    snprintf(out_copy, sizeof out_copy, "%s", out_text + out_seen);
    snprintf(err_copy, sizeof err_copy, "%s", err_text + err_seen);
    out_seen = out_len;
    err_seen = err_len;
    if (out) *out = out_copy;
    if (err) *err = err_copy;
    if (show_timing) *show_timing = timing;
    return m;
}

static void assert_matches(const char *text, const char *pattern)
{
    regex_t re;
    ck_assert_int_eq(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB), 0);
    int rc = regexec(&re, text, 0, NULL, 0);
    regfree(&re);
    ck_assert_msg(rc == 0, "output\n%s\ndoes not match\n%s", text, pattern);
}

/* A duration as IPython's _format_time writes it below a minute. */
#define DURATION "[0-9.]+(e[+-][0-9]+)? (ns|\xc2\xb5s|ms|s)"

START_TEST(ordinary_cell_is_not_a_magic)
{
    CellReport r;
    bool timing = false;
    ck_assert_int_eq(magic_run(s, &nb, "x = 1 % 2", &r, &timing), MAGIC_NOT_A_MAGIC);
    ck_assert_int_eq(magic_run(s, &nb, "  # %who", &r, &timing), MAGIC_NOT_A_MAGIC);
    ck_assert_int_eq(s->cell_count, 0);
    ck_assert(timing);
}
END_TEST

START_TEST(magic_counts_as_a_cell_and_is_kept_in_In)
{
    const char *out;
    bool timing;
    ck_assert_int_eq(cell("x = 1", NULL, NULL, NULL), MAGIC_NOT_A_MAGIC);
    ck_assert_int_eq(cell("%who", &out, NULL, &timing), MAGIC_DONE);
    ck_assert_str_eq(out, "x\t \n");
    ck_assert(timing); /* the front end still prints the Wall time line */
    ck_assert_int_eq(s->cell_count, 2);
    cell("In", &out, NULL, NULL);
    ck_assert_str_eq(out, "Out[3]: ['', 'x = 1', '%who', 'In']\n");
}
END_TEST

START_TEST(unknown_magic_fails_as_ipython_says)
{
    const char *out, *err;
    ck_assert_int_eq(cell("%nope 1", &out, &err, NULL), MAGIC_FAILED);
    ck_assert_str_eq(out, "");
    ck_assert_str_eq(err, "UsageError: Line magic function `%nope` not found.\n");
    ck_assert_int_eq(s->cell_count, 1);
}
END_TEST

START_TEST(time_prints_cpu_and_wall_then_out)
{
    clock_use_virtual(s->vm);
    const char *out;
    bool timing;
    cell("import asyncio", NULL, NULL, NULL);
    ck_assert_int_eq(cell("%time await asyncio.sleep(0.5) or 7", &out, NULL, &timing), MAGIC_DONE);
    ck_assert(!timing);
    assert_matches(out, "^CPU times: user " DURATION ", sys: " DURATION ", total: " DURATION "\n"
                        "Wall time: 500 ms \\(virtual\\)\n"
                        "Out\\[2\\]: 7\n$");
}
END_TEST

START_TEST(time_on_the_real_clock)
{
    const char *out;
    cell("%time sum(range(1000))", &out, NULL, NULL);
    assert_matches(out, "^CPU times: user " DURATION ", sys: " DURATION ", total: " DURATION "\n"
                        "Wall time: " DURATION "\nOut\\[1\\]: 499500\n$");
}
END_TEST

START_TEST(cell_time_times_the_body)
{
    clock_use_virtual(s->vm);
    const char *out;
    cell("import asyncio", NULL, NULL, NULL);
    ck_assert_int_eq(cell("%%time\nprint('start')\nawait asyncio.sleep(1.5)\n6 * 7", &out, NULL, NULL), MAGIC_DONE);
    assert_matches(out, "^start\nCPU times: user " DURATION ", sys: " DURATION ", total: " DURATION "\n"
                        "Wall time: 1.5 s \\(virtual\\)\nOut\\[2\\]: 42\n$");
    ck_assert_int_eq(cell("%%time\nraise ValueError('x')", &out, NULL, NULL), MAGIC_FAILED);
    ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(cell_time_usage_errors)
{
    const char *err;
    ck_assert_int_eq(cell("%%time", NULL, &err, NULL), MAGIC_FAILED);
    ck_assert_str_eq(err, "UsageError: %%time is a cell magic, but the cell body is empty. Did you mean the line "
                          "magic %time (single %)?\n");
    ck_assert_int_eq(cell("%%time -q\npass", NULL, &err, NULL), MAGIC_FAILED);
    ck_assert_str_eq(err, "UsageError: %%time takes nothing on its line, it times the lines below it: '-q'\n");
}
END_TEST

START_TEST(timeit_result_line)
{
    const char *out;
    bool timing;
    cell("x = 5", NULL, NULL, NULL);
    ck_assert_int_eq(cell("%timeit -n 1000 -r 3 x * 2", &out, NULL, &timing), MAGIC_DONE);
    ck_assert(!timing);
    assert_matches(out, "^(The slowest run took [0-9.]+ times longer than the fastest\\. This could mean that an "
                        "intermediate result is being cached\\.\n)?" DURATION " \xc2\xb1 " DURATION
                        " per loop \\(mean \xc2\xb1 std\\. dev\\. of 3 runs, 1,000 loops each\\)\n$");
    cell("%timeit -n1 -r1 pass", &out, NULL, NULL);
    assert_matches(out, "^" DURATION " \xc2\xb1 0 ns per loop \\(mean \xc2\xb1 std\\. dev\\. of 1 run, 1 loop each\\)\n$");
}
END_TEST

/* Without -n the loop count is the first power of ten whose run lasts
 * 0.2 s, written with thousands separators. */
START_TEST(timeit_finds_the_loop_count)
{
    const char *out;
    cell("%timeit -r 1 sum(range(10))", &out, NULL, NULL);
    assert_matches(out, "^(The slowest.*\n)?" DURATION " \xc2\xb1 0 ns per loop \\(mean \xc2\xb1 std\\. dev\\. "
                        "of 1 run, 1(0|00|,000|0,000|00,000|,000,000|0,000,000) loops? each\\)\n$");
}
END_TEST

START_TEST(timeit_runs_awaits_on_the_session_loop)
{
    const char *out;
    cell("import asyncio", NULL, NULL, NULL);
    cell("n = 0", NULL, NULL, NULL);
    cell("async def tick():\n    global n\n    await asyncio.sleep(0)\n    n += 1", NULL, NULL, NULL);
    ck_assert_int_eq(cell("%timeit -n 4 -r 3 await tick()", &out, NULL, NULL), MAGIC_DONE);
    assert_matches(out, "per loop \\(mean \xc2\xb1 std\\. dev\\. of 3 runs, 4 loops each\\)\n$");
    cell("n", &out, NULL, NULL);
    ck_assert_str_eq(out, "Out[5]: 12\n");
}
END_TEST

START_TEST(timeit_statement_is_a_function_body)
{
    const char *out, *err;
    cell("%timeit -n 2 -r 1 y = 1", NULL, NULL, NULL);
    ck_assert_int_eq(cell("y", &out, &err, NULL), MAGIC_NOT_A_MAGIC);
    ck_assert_str_eq(out, "");
    ck_assert_ptr_nonnull(strstr(err, "NameError: name 'y' is not defined"));
}
END_TEST

START_TEST(load_queues_the_file)
{
    char path[] = "/tmp/loopbook-test-load-XXXXXX.py";
    int fd = mkstemps(path, 3);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("x = 1\nx + 1\n\n\n", f);
    fclose(f);
    char magic[64];
    snprintf(magic, sizeof magic, "%%load %s", path);
    ck_assert_int_eq(cell(magic, NULL, NULL, NULL), MAGIC_DONE);
    char expected[128];
    snprintf(expected, sizeof expected, "# %%load %s\nx = 1\nx + 1", path);
    ck_assert_str_eq(nb.pending_input, expected);
    remove(path);
}
END_TEST

/* The clocks: switching never takes monotonic time backwards, and after a
 * virtual hour the real clock goes on from there. */
START_TEST(clock_switches_keep_time_monotonic)
{
    VM *vm = s->vm;
    clock_use_virtual(vm);
    int64_t v0 = clock_monotonic_ns(vm);
    ck_assert_int_eq(v0 % 1000000000, 0); /* whole seconds */
    clock_advance_ns(vm, 3600LL * 1000000000);
    int64_t v1 = clock_monotonic_ns(vm);
    clock_use_real(vm);
    ck_assert(!vm->clock_virtual);
    int64_t r1 = clock_monotonic_ns(vm);
    ck_assert_int_ge(r1, v1);
    ck_assert_int_lt(r1 - v1, 1000000000); /* it went on from there, not from the machine's time */
    clock_use_virtual(vm);
    int64_t v2 = clock_monotonic_ns(vm);
    ck_assert_int_ge(v2, r1);
    ck_assert_int_eq(v2 % 1000000000, 0);
    clock_use_real(vm);
    ck_assert_int_ge(clock_monotonic_ns(vm), v2);
}
END_TEST

START_TEST(clock_magic)
{
    const char *out, *err;
    ck_assert_int_eq(cell("%clock virtual", &out, NULL, NULL), MAGIC_DONE);
    ck_assert(s->vm->clock_virtual);
    ck_assert_int_eq(cell("%clock real", &out, NULL, NULL), MAGIC_DONE);
    ck_assert(!s->vm->clock_virtual);
    ck_assert_str_eq(out, "The clock is real: waits take the time they say.\n");
    ck_assert_int_eq(cell("%clock fast", NULL, &err, NULL), MAGIC_FAILED);
    ck_assert_str_eq(err, "UsageError: %clock takes real or virtual, not 'fast'\n");
}
END_TEST

static Suite *magics_suite(void)
{
    Suite *suite = suite_create("magics");
    TCase *tc = tcase_create("magics");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, ordinary_cell_is_not_a_magic);
    tcase_add_test(tc, magic_counts_as_a_cell_and_is_kept_in_In);
    tcase_add_test(tc, unknown_magic_fails_as_ipython_says);
    tcase_add_test(tc, time_prints_cpu_and_wall_then_out);
    tcase_add_test(tc, time_on_the_real_clock);
    tcase_add_test(tc, cell_time_times_the_body);
    tcase_add_test(tc, cell_time_usage_errors);
    tcase_add_test(tc, timeit_result_line);
    tcase_add_test(tc, timeit_finds_the_loop_count);
    tcase_add_test(tc, timeit_runs_awaits_on_the_session_loop);
    tcase_add_test(tc, timeit_statement_is_a_function_body);
    tcase_add_test(tc, load_queues_the_file);
    tcase_add_test(tc, clock_switches_keep_time_monotonic);
    tcase_add_test(tc, clock_magic);
    suite_add_tcase(suite, tc);
    return suite;
}

int main(void)
{
    SRunner *sr = srunner_create(magics_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
