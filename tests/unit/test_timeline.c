/* test_timeline.c: the recorder of what tasks do (issue 7).
 *
 * "unit": timeline.c on recordings built by hand (no VM): interning texts,
 * rows and the chain of awaited coroutines, the slice cap, the layout and
 * the segments every drawing walks, and the three outputs (the ASCII chart,
 * the Chrome trace, %explain) checked character for character or parsed.
 *
 * "scheduler": what future.c records while Python source runs in a VM under
 * the virtual clock, recording on (aio_timeline_start), as a notebook cell
 * or `--timeline` would. */
#include <stdio.h>
#include <unistd.h>

#include "aio.h"
#include "clock.h"
#include "run_source.h"
#include "timeline.h"

/* ---- helpers ---------------------------------------------------------------------------- */

static Timeline tl;

static void tl_setup(void)
{
    memset(&tl, 0, sizeof tl);
}

static void tl_teardown(void)
{
    timeline_free(&tl);
}

static uint32_t text(Timeline *t, const char *s)
{
    return timeline_text(t, s, strlen(s));
}

static void slice(Timeline *t, uint32_t task, double start, double end, const char *what)
{
    timeline_slice(t, task, start, end, what ? text(t, what) : TL_NONE);
}

/* What one of the outputs writes, as a string (malloc'd). */
typedef enum { OUT_PRINT, OUT_TRACE, OUT_EXPLAIN } OutputKind;

static char *output_of(const Timeline *t, OutputKind kind, int width, double total)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    switch (kind) {
    case OUT_PRINT: timeline_print(t, f, width, total); break;
    case OUT_TRACE: timeline_write_trace(t, f); break;
    case OUT_EXPLAIN: timeline_explain(t, f); break;
    }
    fclose(f);
    return buf;
}

/* A row's segments, collected. */
typedef struct {
    TimelineSegment s[64];
    int n;
} Segments;

static void collect_segment(void *ctx, const TimelineSegment *seg)
{
    Segments *g = ctx;
    ck_assert_int_lt(g->n, 64);
    g->s[g->n++] = *seg;
}

static Segments segments_of(const Timeline *t, uint32_t row, double cell_total)
{
    Segments g;
    memset(&g, 0, sizeof g);
    TimelineLayout l;
    timeline_layout(&l, t, cell_total);
    timeline_segments(&l, row, collect_segment, &g);
    timeline_layout_free(&l);
    return g;
}

/* Segment i is of `kind` from start to end (times relative to the origin), waiting on `what`. */
static void check_segment(const Timeline *t, const Segments *g, int i, TimelineSegKind kind, double start,
                          double end, const char *what)
{
    ck_assert_int_lt(i, g->n);
    const TimelineSegment *s = &g->s[i];
    ck_assert_msg(s->kind == kind, "segment %d: kind %d, expected %d", i, s->kind, kind);
    ck_assert_double_eq_tol(s->start - t->origin, start, 1e-9);
    ck_assert_double_eq_tol(s->end - t->origin, end, 1e-9);
    if (what == NULL) ck_assert_uint_eq(s->what, TL_NONE);
    else {
        ck_assert_uint_ne(s->what, TL_NONE);
        ck_assert_str_eq(timeline_label(t, s->what), what);
    }
}

static const char *label_of(const Timeline *t, uint32_t row)
{
    ck_assert_uint_lt(row, t->n_rows);
    return timeline_label(t, t->rows[row].label);
}

/* ---- texts ------------------------------------------------------------------------------ */

START_TEST(text_same_content_same_index_different_content_different_index)
{
    uint32_t a = text(&tl, "sleep(0.5)");
    uint32_t b = text(&tl, "sleep(1.0)");
    ck_assert_uint_ne(a, b);
    ck_assert_uint_eq(text(&tl, "sleep(0.5)"), a);
    ck_assert_uint_eq(text(&tl, "sleep(1.0)"), b);
    /* found by content, not by pointer; the length bounds the text */
    char copy[] = "sleep(0.5)xyz";
    ck_assert_uint_eq(timeline_text(&tl, copy, 10), a);
    ck_assert_uint_eq(timeline_text(&tl, "sleep(0.", 8), 2); /* a prefix is another text */
    ck_assert_uint_eq(text(&tl, ""), 3);
    ck_assert_uint_eq(text(&tl, ""), 3);
    ck_assert_uint_eq(tl.texts.n, 4);
    ck_assert_str_eq(timeline_label(&tl, a), "sleep(0.5)");
    ck_assert_str_eq(timeline_label(&tl, 2), "sleep(0.");
    ck_assert_str_eq(timeline_label(&tl, TL_NONE), "");
}
END_TEST

START_TEST(text_indices_survive_rehashes_of_hundreds_of_texts)
{
    char buf[32];
    enum { N = 700 };
    for (uint32_t i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "label-%u()", i);
        ck_assert_uint_eq(text(&tl, buf), i); /* new texts are numbered in order */
    }
    ck_assert_uint_eq(tl.texts.n, N);
    ck_assert_uint_ge(tl.texts.n_slots, 2 * N); /* it did grow, at most half full */
    for (uint32_t i = N; i-- > 0;) {
        snprintf(buf, sizeof buf, "label-%u()", i);
        ck_assert_uint_eq(text(&tl, buf), i);
        ck_assert_str_eq(timeline_label(&tl, i), buf);
    }
    ck_assert_uint_eq(tl.texts.n, N); /* nothing was added twice */
}
END_TEST

START_TEST(text_hashed_cache_returns_the_same_index_as_the_table)
{
    uint32_t a = timeline_text_hashed(&tl, "Queue.get()", 11, 0x1234567890abcdefu);
    ck_assert_uint_eq(a, text(&tl, "Queue.get()"));
    for (int i = 0; i < 5; i++) ck_assert_uint_eq(timeline_text_hashed(&tl, "Queue.get()", 11, 0x1234567890abcdefu), a);
    /* a text first interned without its hash is found through the cache too */
    uint32_t b = text(&tl, "Event.wait()");
    ck_assert_uint_eq(timeline_text_hashed(&tl, "Event.wait()", 12, 77), b);
    ck_assert_uint_eq(timeline_text_hashed(&tl, "Event.wait()", 12, 77), b);
    ck_assert_uint_eq(tl.texts.n, 2);
}
END_TEST

START_TEST(text_hashed_cache_keeps_texts_sharing_a_slot_apart)
{
    /* hashes 5, 5 + 64 and 5 + 128 all fall in cache slot 5 */
    uint32_t a = timeline_text_hashed(&tl, "alpha()", 7, 5);
    uint32_t b = timeline_text_hashed(&tl, "bravo()", 7, 5 + 64);
    uint32_t c = timeline_text_hashed(&tl, "charlie()", 9, 5 + 128);
    ck_assert_uint_ne(a, b);
    ck_assert_uint_ne(b, c);
    ck_assert_uint_ne(a, c);
    for (int round = 0; round < 4; round++) {
        ck_assert_uint_eq(timeline_text_hashed(&tl, "alpha()", 7, 5), a);
        ck_assert_uint_eq(timeline_text_hashed(&tl, "bravo()", 7, 5 + 64), b);
        ck_assert_uint_eq(timeline_text_hashed(&tl, "charlie()", 9, 5 + 128), c);
        ck_assert_uint_eq(timeline_text_hashed(&tl, "bravo()", 7, 5 + 64), b);
    }
    /* the same hash with another length is another text */
    uint32_t d = timeline_text_hashed(&tl, "alpha()()", 9, 5);
    ck_assert_uint_ne(d, a);
    ck_assert_uint_eq(timeline_text_hashed(&tl, "alpha()", 7, 5), a);
    ck_assert_str_eq(timeline_label(&tl, a), "alpha()");
    ck_assert_str_eq(timeline_label(&tl, b), "bravo()");
    ck_assert_str_eq(timeline_label(&tl, c), "charlie()");
    ck_assert_str_eq(timeline_label(&tl, d), "alpha()()");
    ck_assert_uint_eq(tl.texts.n, 4);
}
END_TEST

/* Two different texts of one length whose 64-bit hashes are equal (a
 * collision: SipHash with the fixed PYTHONHASHSEED=0 key can be made to
 * collide) must not be given each other's index. */
START_TEST(text_hashed_cache_never_returns_another_text_with_an_equal_hash)
{
    uint32_t a = timeline_text_hashed(&tl, "alpha()", 7, 0xfeedfacecafebeefu);
    uint32_t b = timeline_text_hashed(&tl, "bravo()", 7, 0xfeedfacecafebeefu);
    ck_assert_str_eq(timeline_label(&tl, a), "alpha()");
    ck_assert_str_eq(timeline_label(&tl, b), "bravo()");
    ck_assert_uint_ne(a, b);
}
END_TEST

/* A task's name (or a _describe label) may hold a NUL byte: the same bytes
 * must keep finding the same text, also after the table is rehashed. */
START_TEST(text_with_a_nul_byte_keeps_its_index_over_a_rehash)
{
    uint32_t a = timeline_text(&tl, "job\0one", 7);
    ck_assert_uint_eq(timeline_text(&tl, "job\0one", 7), a);
    char buf[32];
    for (int i = 0; i < 300; i++) {
        snprintf(buf, sizeof buf, "filler-%d", i);
        text(&tl, buf);
    }
    ck_assert_uint_eq(timeline_text(&tl, "job\0one", 7), a);
}
END_TEST

/* Looking up bytes with a NUL in them next to a shorter text must not read
 * past that text's copy (ASan reports a heap-buffer-overflow if it does):
 * "a" is interned, then 255 texts "a\0?bcdef" are looked up, some of which
 * land on the slot of "a". */
START_TEST(text_lookup_with_a_nul_byte_stays_inside_shorter_texts)
{
    uint32_t a = text(&tl, "a");
    char s[9] = "a\0?bcdef";
    uint32_t first[256];
    for (int c = 1; c < 256; c++) {
        s[2] = (char)c;
        first[c] = timeline_text(&tl, s, 7);
    }
    for (int c = 1; c < 256; c++) {
        s[2] = (char)c;
        ck_assert_uint_eq(timeline_text(&tl, s, 7), first[c]);
    }
    ck_assert_uint_eq(text(&tl, "a"), a);
    ck_assert_str_eq(timeline_label(&tl, a), "a");
}
END_TEST

/* ---- recording -------------------------------------------------------------------------- */

START_TEST(reset_drops_everything_and_bumps_the_generation)
{
    timeline_reset(&tl, 10.0);
    uint32_t gen = tl.generation;
    uint32_t task = timeline_task(&tl, "Task-1 (main())", 10.0, TL_NONE, false);
    slice(&tl, task, 10.0, 10.5, "sleep(1)");
    timeline_await(&tl, task, "fetch()", 7);
    uint32_t old = timeline_text_hashed(&tl, "Queue.get()", 11, 99);
    ck_assert_uint_gt(old, 0);
    tl.truncated = true;

    timeline_reset(&tl, 200.0);
    ck_assert_uint_eq(tl.generation, gen + 1);
    ck_assert_double_eq(tl.origin, 200.0);
    ck_assert_uint_eq(tl.n_rows, 0);
    ck_assert_uint_eq(tl.n_slices, 0);
    ck_assert_uint_eq(tl.texts.n, 0);
    ck_assert(!tl.truncated);
    /* the hash cache went with the texts: the old index is not handed out */
    ck_assert_uint_eq(timeline_text_hashed(&tl, "other()", 7, 99), 0);
    ck_assert_str_eq(timeline_label(&tl, 0), "other()");
    ck_assert_uint_eq(text(&tl, "fetch()"), 1);
    /* and it records afresh from row 0 */
    ck_assert_uint_eq(timeline_task(&tl, "Task-9 (x())", 200.0, TL_NONE, false), 0);
    timeline_reset(&tl, 300.0);
    ck_assert_uint_eq(tl.generation, gen + 2);
}
END_TEST

START_TEST(task_rows_hold_label_creator_and_creation_time)
{
    timeline_reset(&tl, 100.0);
    uint32_t t1 = timeline_task(&tl, "Task-1 (main())", 100.0, TL_NONE, false);
    uint32_t t2 = timeline_task(&tl, "Task-2 (fetch())", 100.25, t1, false);
    uint32_t t3 = timeline_task(&tl, "Task-3 (old())", 100.5, TL_NONE, true);
    ck_assert_uint_eq(t1, 0);
    ck_assert_uint_eq(t2, 1);
    ck_assert_uint_eq(t3, 2);
    const TimelineRow *r = &tl.rows[t2];
    ck_assert_int_eq(r->kind, TL_ROW_TASK);
    ck_assert_str_eq(label_of(&tl, t2), "Task-2 (fetch())");
    ck_assert_uint_eq(r->task, t2);
    ck_assert_uint_eq(r->up, TL_NONE);
    ck_assert_uint_eq(r->inner, TL_NONE);
    ck_assert_uint_eq(r->depth, 0);
    ck_assert_uint_eq(r->creator, t1);
    ck_assert_uint_eq(r->closed, TL_NONE);
    ck_assert_uint_eq(r->ending, TL_NONE);
    ck_assert_double_eq(r->created, 100.25);
    ck_assert(r->finished < 0);
    ck_assert(!r->before);
    ck_assert_uint_eq(tl.rows[t1].creator, TL_NONE);
    ck_assert(tl.rows[t3].before);
    ck_assert_str_eq(timeline_ending(&tl, t2), "pending");
}
END_TEST

START_TEST(await_rows_sit_under_their_awaiter_from_the_start_of_the_last_slice)
{
    timeline_reset(&tl, 100.0);
    uint32_t main_ = timeline_task(&tl, "Task-1 (main())", 100.0, TL_NONE, false);
    uint32_t other = timeline_task(&tl, "Task-2 (w())", 100.0, main_, false);
    slice(&tl, main_, 100.5, 100.75, "sleep(1)");
    uint32_t fetch = timeline_await(&tl, main_, "fetch()xyz", 7); /* the length bounds the label */
    const TimelineRow *r = &tl.rows[fetch];
    ck_assert_int_eq(r->kind, TL_ROW_AWAIT);
    ck_assert_str_eq(label_of(&tl, fetch), "fetch()");
    ck_assert_uint_eq(r->task, main_);
    ck_assert_uint_eq(r->up, main_);
    ck_assert_uint_eq(r->depth, 1);
    ck_assert_uint_eq(r->opened, 0);
    ck_assert_double_eq(r->created, 100.5); /* the slice's start, not its end */
    ck_assert_uint_eq(r->closed, TL_NONE);
    ck_assert_str_eq(timeline_ending(&tl, fetch), "pending");

    slice(&tl, other, 101.0, 101.0, NULL);
    slice(&tl, main_, 101.5, 102.0, "sleep(1)");
    uint32_t inner = timeline_await(&tl, fetch, "inner()", 7);
    r = &tl.rows[inner];
    ck_assert_uint_eq(r->task, main_);
    ck_assert_uint_eq(r->up, fetch);
    ck_assert_uint_eq(r->depth, 2);
    ck_assert_uint_eq(r->opened, 2);
    ck_assert_double_eq(r->created, 101.5);
    /* a second row with the same label is a row of its own on the same text */
    uint32_t again = timeline_await(&tl, main_, "fetch()", 7);
    ck_assert_uint_ne(again, fetch);
    ck_assert_uint_eq(tl.rows[again].label, tl.rows[fetch].label);
}
END_TEST

START_TEST(set_chain_closes_exactly_the_rows_that_left_it)
{
    timeline_reset(&tl, 100.0);
    uint32_t t = timeline_task(&tl, "Task-1 (main())", 100.0, TL_NONE, false);
    uint32_t u = timeline_task(&tl, "Task-2 (w())", 100.0, t, false);
    slice(&tl, t, 100.0, 100.0, "sleep(1)");
    uint32_t a = timeline_await(&tl, t, "a()", 3);
    uint32_t b = timeline_await(&tl, a, "b()", 3);
    timeline_set_chain(&tl, t, (uint32_t[]){a, b}, 2);
    ck_assert_uint_eq(tl.rows[t].inner, b);
    ck_assert_uint_eq(tl.rows[a].closed, TL_NONE);
    ck_assert_uint_eq(tl.rows[b].closed, TL_NONE);

    /* a's call of b returned and a now awaits c: b ends in slice 1, a stays open */
    slice(&tl, t, 101.0, 101.25, "sleep(2)");
    uint32_t c = timeline_await(&tl, a, "c()", 3);
    timeline_set_chain(&tl, t, (uint32_t[]){a, c}, 2);
    ck_assert_uint_eq(tl.rows[b].closed, 1);
    ck_assert_double_eq(tl.rows[b].finished, 101.25); /* the end of the slice it ended in */
    ck_assert_uint_eq(tl.rows[a].closed, TL_NONE);
    ck_assert(tl.rows[a].finished < 0);
    ck_assert_uint_eq(tl.rows[c].closed, TL_NONE);
    ck_assert_uint_eq(tl.rows[t].inner, c);
    ck_assert_str_eq(timeline_ending(&tl, b), "");

    /* another task's suspension leaves t's rows alone */
    slice(&tl, u, 102.0, 102.0, "sleep(5)");
    timeline_set_chain(&tl, u, NULL, 0);
    ck_assert_uint_eq(tl.rows[a].closed, TL_NONE);
    ck_assert_uint_eq(tl.rows[c].closed, TL_NONE);

    /* t's main() awaits a future directly: a and c end in slice 3 */
    slice(&tl, t, 103.0, 103.5, "a Future");
    timeline_set_chain(&tl, t, NULL, 0);
    ck_assert_uint_eq(tl.rows[a].closed, 3);
    ck_assert_uint_eq(tl.rows[c].closed, 3);
    ck_assert_double_eq(tl.rows[a].finished, 103.5);
    ck_assert_double_eq(tl.rows[c].finished, 103.5);
    ck_assert_uint_eq(tl.rows[b].closed, 1); /* closed once, not again */
    ck_assert_uint_eq(tl.rows[t].inner, TL_NONE);
    /* the task itself goes on */
    ck_assert_uint_eq(tl.rows[t].closed, TL_NONE);
    ck_assert_uint_eq(tl.rows[t].ending, TL_NONE);
}
END_TEST

START_TEST(end_closes_the_task_and_all_its_open_await_rows)
{
    timeline_reset(&tl, 100.0);
    uint32_t t = timeline_task(&tl, "Task-1 (main())", 100.0, TL_NONE, false);
    uint32_t u = timeline_task(&tl, "Task-2 (w())", 100.0, t, false);
    slice(&tl, t, 100.0, 100.0, "sleep(1)");
    uint32_t a = timeline_await(&tl, t, "a()", 3);
    uint32_t b = timeline_await(&tl, a, "b()", 3);
    timeline_set_chain(&tl, t, (uint32_t[]){a, b}, 2);
    slice(&tl, u, 100.5, 100.5, "sleep(9)");
    uint32_t x = timeline_await(&tl, u, "x()", 3);
    timeline_set_chain(&tl, u, (uint32_t[]){x}, 1);

    slice(&tl, t, 101.0, 101.125, NULL);
    timeline_end(&tl, t, "raised KeyError");
    for (uint32_t r = t; r != TL_NONE; r = r == t ? a : r == a ? b : TL_NONE) {
        ck_assert_uint_eq(tl.rows[r].closed, 2);
        ck_assert_double_eq(tl.rows[r].finished, 101.125);
    }
    ck_assert_str_eq(timeline_ending(&tl, t), "raised KeyError");
    ck_assert_str_eq(timeline_ending(&tl, a), "");
    ck_assert_uint_eq(tl.rows[t].inner, TL_NONE);
    /* the other task's row is untouched */
    ck_assert_uint_eq(tl.rows[x].closed, TL_NONE);
    ck_assert_str_eq(timeline_ending(&tl, u), "pending");
    ck_assert_str_eq(timeline_ending(&tl, x), "pending");
}
END_TEST

START_TEST(slices_stop_at_the_cap_and_the_recording_says_truncated)
{
    timeline_reset(&tl, 0.0);
    uint32_t t = timeline_task(&tl, "Task-1 (spin())", 0.0, TL_NONE, false);
    uint32_t what = text(&tl, "sleep(0)");
    for (uint32_t i = 0; i < TL_MAX_SLICES; i++) timeline_slice(&tl, t, i * 1e-6, i * 1e-6, what);
    ck_assert_uint_eq(tl.n_slices, TL_MAX_SLICES);
    ck_assert(!tl.truncated); /* exactly the cap fits */
    timeline_slice(&tl, t, 5.0, 5.0, TL_NONE);
    ck_assert(tl.truncated);
    ck_assert_uint_eq(tl.n_slices, TL_MAX_SLICES);
    timeline_slice(&tl, t, 6.0, 6.0, TL_NONE);
    ck_assert_uint_eq(tl.n_slices, TL_MAX_SLICES);
    /* the last slice kept is the last one under the cap */
    ck_assert_double_eq(tl.slices[TL_MAX_SLICES - 1].start, (TL_MAX_SLICES - 1) * 1e-6);
    ck_assert_uint_eq(tl.slices[TL_MAX_SLICES - 1].what, what);

    char *chart = output_of(&tl, OUT_PRINT, 60, 0);
    ck_assert_ptr_nonnull(strstr(chart, "\n(the recording stopped after 1048576 steps)\n"));
    free(chart);
    /* a reset records again */
    timeline_reset(&tl, 0.0);
    ck_assert(!tl.truncated);
    t = timeline_task(&tl, "Task-1 (spin())", 0.0, TL_NONE, false);
    slice(&tl, t, 0.0, 0.0, NULL);
    ck_assert_uint_eq(tl.n_slices, 1);
}
END_TEST

/* ---- layout and segments ---------------------------------------------------------------- */

/* Two tasks, each with coroutines awaited under it, and a third created late:
 * rows 0 T0, 1 T1, 2 A (T0), 3 B (T1), 4 C (under A), 5 T2. */
static void build_two_task_record(Timeline *t)
{
    timeline_reset(t, 50.0);
    uint32_t t0 = timeline_task(t, "T0", 50.0, TL_NONE, false);
    uint32_t t1 = timeline_task(t, "T1", 50.0, t0, false);
    slice(t, t0, 50.0, 50.0, "sleep(1)"); /* k0 */
    uint32_t a = timeline_await(t, t0, "A()", 3);
    timeline_set_chain(t, t0, (uint32_t[]){a}, 1);
    slice(t, t1, 50.0, 50.0, "sleep(2)"); /* k1 */
    uint32_t b = timeline_await(t, t1, "B()", 3);
    timeline_set_chain(t, t1, (uint32_t[]){b}, 1);
    slice(t, t0, 51.0, 51.0, "sleep(3)"); /* k2 */
    uint32_t c = timeline_await(t, a, "C()", 3);
    timeline_set_chain(t, t0, (uint32_t[]){a, c}, 2);
    slice(t, t0, 52.0, 52.0, "Event.wait()"); /* k3: A and C returned */
    timeline_set_chain(t, t0, NULL, 0);
    slice(t, t1, 52.5, 52.5, "sleep(4)"); /* k4: B goes on */
    timeline_set_chain(t, t1, (uint32_t[]){b}, 1);
    timeline_task(t, "T2", 53.0, TL_NONE, false);
}

START_TEST(layout_draws_each_task_then_the_coroutines_it_awaited)
{
    build_two_task_record(&tl);
    TimelineLayout l;
    timeline_layout(&l, &tl, 0);
    uint32_t expected[] = {0, 2, 4, 1, 3, 5};
    for (int i = 0; i < 6; i++) ck_assert_uint_eq(l.drawn[i], expected[i]);
    /* per slice: the innermost await row its task is suspended in after it */
    uint32_t inner[] = {2, 3, 4, TL_NONE, 3};
    for (int k = 0; k < 5; k++) ck_assert_uint_eq(l.inner[k], inner[k]);
    /* T0's slices in order, and its await rows walk the same ones */
    ck_assert_uint_eq(l.count[0], 3);
    ck_assert_uint_eq(l.order[l.first[0]], 0);
    ck_assert_uint_eq(l.order[l.first[0] + 1], 2);
    ck_assert_uint_eq(l.order[l.first[0] + 2], 3);
    ck_assert_uint_eq(l.count[1], 2);
    ck_assert_uint_eq(l.order[l.first[1]], 1);
    ck_assert_uint_eq(l.order[l.first[1] + 1], 4);
    ck_assert_uint_eq(l.first[2], l.first[0]);
    ck_assert_uint_eq(l.count[4], 3);
    ck_assert_uint_eq(l.count[5], 0);
    /* total: up to the last thing recorded, T2's creation at +3.0 */
    ck_assert_double_eq_tol(l.total, 3.0, 1e-12);
    timeline_layout_free(&l);
    /* or the cell's duration when longer */
    timeline_layout(&l, &tl, 10.0);
    ck_assert_double_eq(l.total, 10.0);
    timeline_layout_free(&l);
}
END_TEST

START_TEST(layout_total_is_the_last_slice_end_and_never_zero)
{
    timeline_reset(&tl, 7.0);
    uint32_t t = timeline_task(&tl, "T", 7.0, TL_NONE, false);
    slice(&tl, t, 7.0, 7.5, NULL);
    slice(&tl, t, 8.0, 8.25, NULL);
    TimelineLayout l;
    timeline_layout(&l, &tl, 0.5);
    ck_assert_double_eq(l.total, 1.25);
    timeline_layout_free(&l);
    timeline_reset(&tl, 7.0);
    timeline_task(&tl, "T", 7.0, TL_NONE, false);
    timeline_layout(&l, &tl, 0);
    ck_assert(l.total > 0);
    timeline_layout_free(&l);
}
END_TEST

START_TEST(segments_of_a_task_pending_running_and_waiting)
{
    timeline_reset(&tl, 100.0);
    uint32_t t = timeline_task(&tl, "Task-1 (main())", 100.0, TL_NONE, false);
    slice(&tl, t, 100.25, 100.375, "sleep(0.5)");
    slice(&tl, t, 100.875, 101.0, NULL); /* ready again */
    slice(&tl, t, 101.25, 101.25, NULL);
    timeline_end(&tl, t, "done");
    Segments g = segments_of(&tl, t, 0);
    ck_assert_int_eq(g.n, 6);
    check_segment(&tl, &g, 0, TL_SEG_PENDING, 0.0, 0.25, NULL);
    check_segment(&tl, &g, 1, TL_SEG_RUN, 0.25, 0.375, NULL);
    check_segment(&tl, &g, 2, TL_SEG_WAIT, 0.375, 0.875, "sleep(0.5)");
    check_segment(&tl, &g, 3, TL_SEG_RUN, 0.875, 1.0, NULL);
    check_segment(&tl, &g, 4, TL_SEG_WAIT, 1.0, 1.25, NULL);
    check_segment(&tl, &g, 5, TL_SEG_RUN, 1.25, 1.25, NULL); /* ended: nothing after */
}
END_TEST

START_TEST(segments_of_an_unfinished_task_wait_until_the_total)
{
    timeline_reset(&tl, 100.0);
    uint32_t t = timeline_task(&tl, "Task-1 (main())", 100.0, TL_NONE, false);
    slice(&tl, t, 100.0, 100.0, "Event.wait()");
    Segments g = segments_of(&tl, t, 2.0);
    ck_assert_int_eq(g.n, 2);
    check_segment(&tl, &g, 0, TL_SEG_RUN, 0.0, 0.0, NULL);
    check_segment(&tl, &g, 1, TL_SEG_WAIT, 0.0, 2.0, "Event.wait()");
    /* a task that never ran is pending to the end */
    uint32_t late = timeline_task(&tl, "Task-2 (late())", 100.5, t, false);
    g = segments_of(&tl, late, 2.0);
    ck_assert_int_eq(g.n, 1);
    check_segment(&tl, &g, 0, TL_SEG_PENDING, 0.5, 2.0, NULL);
}
END_TEST

START_TEST(segments_of_a_task_from_before_the_recording_have_no_pending)
{
    timeline_reset(&tl, 100.0);
    uint32_t t = timeline_task(&tl, "Task-7 (old())", 100.5, TL_NONE, true);
    slice(&tl, t, 100.5, 100.5, NULL);
    timeline_end(&tl, t, "done");
    Segments g = segments_of(&tl, t, 0);
    ck_assert_int_eq(g.n, 1);
    check_segment(&tl, &g, 0, TL_SEG_RUN, 0.5, 0.5, NULL);
}
END_TEST

/* The task runs at 0, 1, 2, 3, 4; A is awaited after the slices 1, 2 and
 * ends in 3; B (under A) is awaited after slice 1 only. */
static void build_nested_record(Timeline *t, uint32_t *task, uint32_t *a, uint32_t *b)
{
    timeline_reset(t, 100.0);
    *task = timeline_task(t, "Task-1 (main())", 100.0, TL_NONE, false);
    slice(t, *task, 100.0, 100.0, "sleep(1)");
    timeline_set_chain(t, *task, NULL, 0);
    slice(t, *task, 101.0, 101.0, "sleep(2)");
    *a = timeline_await(t, *task, "A()", 3);
    *b = timeline_await(t, *a, "B()", 3);
    timeline_set_chain(t, *task, (uint32_t[]){*a, *b}, 2);
    slice(t, *task, 102.0, 102.0, "Event.wait()");
    timeline_set_chain(t, *task, (uint32_t[]){*a}, 1);
    slice(t, *task, 103.0, 103.0, "sleep(3)");
    timeline_set_chain(t, *task, NULL, 0);
    slice(t, *task, 104.0, 104.0, NULL);
    timeline_end(t, *task, "done");
}

START_TEST(segments_of_an_await_row_are_clipped_to_its_span)
{
    uint32_t task, a, b;
    build_nested_record(&tl, &task, &a, &b);
    Segments g = segments_of(&tl, a, 0);
    ck_assert_int_eq(g.n, 5);
    check_segment(&tl, &g, 0, TL_SEG_RUN, 1.0, 1.0, NULL); /* first seen after slice 1 */
    check_segment(&tl, &g, 1, TL_SEG_WAIT, 1.0, 2.0, "B()");
    check_segment(&tl, &g, 2, TL_SEG_RUN, 2.0, 2.0, NULL);
    check_segment(&tl, &g, 3, TL_SEG_WAIT, 2.0, 3.0, "Event.wait()");
    check_segment(&tl, &g, 4, TL_SEG_RUN, 3.0, 3.0, NULL); /* the slice it ended in, then nothing */
    g = segments_of(&tl, b, 0);
    ck_assert_int_eq(g.n, 3);
    check_segment(&tl, &g, 0, TL_SEG_RUN, 1.0, 1.0, NULL);
    check_segment(&tl, &g, 1, TL_SEG_WAIT, 1.0, 2.0, "sleep(2)");
    check_segment(&tl, &g, 2, TL_SEG_RUN, 2.0, 2.0, NULL);
}
END_TEST

START_TEST(segments_wait_on_the_await_row_one_level_under_else_what_the_task_awaits)
{
    uint32_t task, a, b;
    build_nested_record(&tl, &task, &a, &b);
    Segments g = segments_of(&tl, task, 0);
    ck_assert_int_eq(g.n, 9);
    check_segment(&tl, &g, 1, TL_SEG_WAIT, 0.0, 1.0, "sleep(1)"); /* no coroutine open */
    check_segment(&tl, &g, 3, TL_SEG_WAIT, 1.0, 2.0, "A()");      /* not B: one level under */
    check_segment(&tl, &g, 5, TL_SEG_WAIT, 2.0, 3.0, "A()");
    check_segment(&tl, &g, 7, TL_SEG_WAIT, 3.0, 4.0, "sleep(3)"); /* A returned */
    check_segment(&tl, &g, 8, TL_SEG_RUN, 4.0, 4.0, NULL);
}
END_TEST

START_TEST(ending_names_how_each_row_ended)
{
    uint32_t task, a, b;
    build_nested_record(&tl, &task, &a, &b);
    ck_assert_str_eq(timeline_ending(&tl, task), "done");
    ck_assert_str_eq(timeline_ending(&tl, a), "");
    ck_assert_str_eq(timeline_ending(&tl, b), "");
    uint32_t t2 = timeline_task(&tl, "Task-2 (x())", 104.0, task, false);
    ck_assert_str_eq(timeline_ending(&tl, t2), "pending");
    slice(&tl, t2, 104.0, 104.0, NULL);
    timeline_end(&tl, t2, "cancelled");
    ck_assert_str_eq(timeline_ending(&tl, t2), "cancelled");
}
END_TEST

/* ---- the chart -------------------------------------------------------------------------- */

/* main creates two fetches, awaits run() (which awaits each of them in
 * turn); a task made by the cell at t=1.0 never starts. */
static void build_fetch_record(Timeline *t)
{
    timeline_reset(t, 100.0);
    uint32_t main_ = timeline_task(t, "Task-1 (main())", 100.0, TL_NONE, false);
    uint32_t f1 = timeline_task(t, "Task-2 (fetch())", 100.0, main_, false);
    uint32_t f2 = timeline_task(t, "Task-3 (fetch())", 100.0, main_, false);
    slice(t, main_, 100.0, 100.0, "Task-2"); /* 0 */
    uint32_t run_ = timeline_await(t, main_, "run()", 5);
    timeline_set_chain(t, main_, (uint32_t[]){run_}, 1);
    slice(t, f1, 100.0, 100.0, "sleep(0.5)"); /* 1 */
    timeline_set_chain(t, f1, NULL, 0);
    slice(t, f2, 100.0, 100.0, "sleep(1.0)"); /* 2 */
    timeline_set_chain(t, f2, NULL, 0);
    slice(t, f1, 100.5, 100.5, NULL); /* 3 */
    timeline_end(t, f1, "done");
    slice(t, main_, 100.5, 100.5, "Task-3"); /* 4 */
    timeline_set_chain(t, main_, (uint32_t[]){run_}, 1);
    timeline_task(t, "Task-4 (late())", 101.0, TL_NONE, false);
    slice(t, f2, 101.0, 101.0, NULL); /* 5 */
    timeline_end(t, f2, "raised ValueError");
    slice(t, main_, 101.0, 101.25, NULL); /* 6 */
    timeline_end(t, main_, "done");
}

START_TEST(print_draws_the_exact_chart)
{
    build_fetch_record(&tl);
    /* labels 16 wide, bar 70 - 16 - 14 = 40 columns for 1.25 s: t=0.5 at
     * column 16, t=1.0 at 31; waits carry their label when it fits */
    char *chart = output_of(&tl, OUT_PRINT, 70, 0);
    ck_assert_str_eq(chart, "Task-1 (main())  |#-run()---------#-run()--------#########| done\n"
                            "  run()          |#-Task-2--------#-Task-3-------#########|\n"
                            "Task-2 (fetch()) |#-sleep(0.5)----#                       | done\n"
                            "Task-3 (fetch()) |#-sleep(1.0)-------------------#        | raised ValueError\n"
                            "Task-4 (late())  |                               ........ | pending\n"
                            "                  0                                 1.25 s\n"
                            "                  # running  - waiting (on what)  . created, not started yet\n");
    free(chart);
}
END_TEST

/* A chart without its escape sequences. */
static char *without_escapes(const char *s)
{
    char *plain = malloc(strlen(s) + 1), *o = plain;
    ck_assert_ptr_nonnull(plain);
    while (*s) {
        if (*s == '\033') {
            while (*s && *s != 'm') s++;
            if (*s) s++;
            continue;
        }
        *o++ = *s++;
    }
    *o = '\0';
    return plain;
}

START_TEST(print_styled_colours_the_same_chart)
{
    build_fetch_record(&tl);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    timeline_print_styled(&tl, f, 70, 0, true);
    fclose(f);
    /* slices green, waits dim, their labels yellow, endings by kind; each resets first */
    ck_assert_ptr_nonnull(strstr(buf, "\033[0;32m#"));
    ck_assert_ptr_nonnull(strstr(buf, "\033[0;2m-"));
    ck_assert_ptr_nonnull(strstr(buf, "\033[0;33msleep(0.5)"));
    ck_assert_ptr_nonnull(strstr(buf, "\033[31mraised ValueError\033[0m"));
    ck_assert_ptr_nonnull(strstr(buf, "\033[0;2m........"));
    /* the marks are the same: without colour it is the plain chart */
    char *plain = output_of(&tl, OUT_PRINT, 70, 0), *stripped = without_escapes(buf);
    ck_assert_str_eq(stripped, plain);
    free(stripped);
    free(plain);
    free(buf);
}
END_TEST

/* Labels are measured in characters, not bytes; a wait label that is not
 * ASCII stays out of the bar (a byte per column). */
START_TEST(print_lines_up_labels_that_are_not_ascii)
{
    timeline_reset(&tl, 0.0);
    uint32_t main_ = timeline_task(&tl, "Task-1 (main())", 0.0, TL_NONE, false);
    uint32_t cafe = timeline_task(&tl, "caf\xc3\xa9 (w())", 0.0, main_, false);
    slice(&tl, main_, 0.0, 0.0, "caf\xc3\xa9");
    slice(&tl, cafe, 0.0, 0.0, "sleep(1)");
    slice(&tl, cafe, 1.0, 1.0, NULL);
    timeline_end(&tl, cafe, "done");
    slice(&tl, main_, 1.0, 1.0, NULL);
    timeline_end(&tl, main_, "done");
    char *chart = output_of(&tl, OUT_PRINT, 50, 0);
    ck_assert_str_eq(chart, "Task-1 (main()) |#-------------------#| done\n"
                            "caf\xc3\xa9 (w())      |#-sleep(1)----------#| done\n"
                            "                 0              1.00 s\n"
                            "                 # running  - waiting (on what)  . created, not started yet\n");
    free(chart);
}
END_TEST

START_TEST(a_stopped_recording_draws_its_axis_to_the_stop)
{
    build_fetch_record(&tl);
    tl.stopped = 102.5; /* the cell went on 1.25 s after its last task: 40 columns for 2.5 s, t=1.0 at 16 */
    char *chart = output_of(&tl, OUT_PRINT, 70, 0);
    ck_assert_ptr_nonnull(strstr(chart, "                  0                                 2.50 s\n"));
    ck_assert_ptr_nonnull(strstr(chart, "Task-3 (fetch()) |#-sleep(1.0)----#" "                       " "| raised ValueError\n"));
    free(chart);
}
END_TEST

START_TEST(trace_draws_an_await_row_still_open_to_the_end)
{
    timeline_reset(&tl, 10.0);
    uint32_t main_ = timeline_task(&tl, "Task-1 (main())", 10.0, TL_NONE, false);
    ck_assert_uint_eq(timeline_await(&tl, main_, "early()", 7), TL_NONE); /* no slice yet: no row */
    slice(&tl, main_, 10.0, 10.0, "sleep(5)");
    uint32_t w = timeline_await(&tl, main_, "wait_long()", 11);
    timeline_set_chain(&tl, main_, &w, 1);
    tl.stopped = 12.0;
    char *trace = output_of(&tl, OUT_TRACE, 0, 0);
    ck_assert_ptr_nonnull(strstr(trace, "\"name\": \"wait_long()\", \"cat\": \"await\", \"pid\": 1, \"tid\": 1, "
                                        "\"ts\": 0.000, \"dur\": 2000000.000}"));
    free(trace);
}
END_TEST

START_TEST(print_scales_to_the_cell_total_and_a_narrow_width)
{
    build_fetch_record(&tl);
    /* the bar is never narrower than 10 columns; 2.5 s puts t=1.25 at column 5 */
    char *chart = output_of(&tl, OUT_PRINT, 20, 2.5);
    ck_assert_str_eq(chart, "Task-1 (main())  |#-#-##    | done\n"
                            "  run()          |#-#-##    |\n"
                            "Task-2 (fetch()) |#-#       | done\n"
                            "Task-3 (fetch()) |#---#     | raised ValueError\n"
                            "Task-4 (late())  |    ..... | pending\n"
                            "                  0   2.50 s\n"
                            "                  # running  - waiting (on what)  . created, not started yet\n");
    free(chart);
}
END_TEST

START_TEST(print_cuts_long_labels_and_says_when_no_task_ran)
{
    char *chart = output_of(&tl, OUT_PRINT, 80, 0);
    ck_assert_str_eq(chart, "(no tasks ran)\n");
    free(chart);
    timeline_reset(&tl, 0.0);
    uint32_t t = timeline_task(&tl, "Task-1 (a_really_long_coroutine_name_here())", 0.0, TL_NONE, false);
    slice(&tl, t, 0.0, 1.0, NULL);
    timeline_end(&tl, t, "done");
    chart = output_of(&tl, OUT_PRINT, 52, 0);
    /* 28 columns of label at most; the bar is 52 - 28 - 14 = 10 */
    ck_assert_str_eq(chart, "Task-1 (a_really_long_corout |##########| done\n"
                            "                              0   1.00 s\n"
                            "                              # running  - waiting (on what)  . created, not started yet\n");
    free(chart);
}
END_TEST

/* A wait's label is written only with a dash left either side of it. */
START_TEST(print_writes_a_wait_label_only_where_it_fits)
{
    timeline_reset(&tl, 0.0);
    uint32_t t = timeline_task(&tl, "T", 0.0, TL_NONE, false);
    slice(&tl, t, 0.0, 0.0, "abcdefg");
    slice(&tl, t, 1.0, 1.0, NULL);
    timeline_end(&tl, t, "done");
    /* a bar of 10: the wait is columns 1..8, room for 6 */
    char *chart = output_of(&tl, OUT_PRINT, 25, 0);
    ck_assert_ptr_nonnull(strstr(chart, "T |#--------#| done\n"));
    free(chart);
    /* a bar of 11: columns 1..9, room for 7 */
    chart = output_of(&tl, OUT_PRINT, 26, 0);
    ck_assert_ptr_nonnull(strstr(chart, "T |#-abcdefg-#| done\n"));
    free(chart);
}
END_TEST

START_TEST(print_draws_forty_rows_and_counts_the_rest)
{
    timeline_reset(&tl, 0.0);
    char label[16];
    for (int i = 0; i < 45; i++) {
        snprintf(label, sizeof label, "T%02d", i);
        uint32_t t = timeline_task(&tl, label, 0.0, TL_NONE, false);
        slice(&tl, t, i * 0.125, i * 0.125, NULL);
        timeline_end(&tl, t, "done");
    }
    char *chart = output_of(&tl, OUT_PRINT, 60, 0);
    int lines = 0;
    for (const char *p = chart; *p; p++) lines += *p == '\n';
    ck_assert_int_eq(lines, 40 + 3);
    ck_assert_ptr_nonnull(strstr(chart, "\nT39 |"));
    ck_assert_ptr_null(strstr(chart, "T40"));
    ck_assert_ptr_nonnull(strstr(chart, "| done\n(5 more rows not drawn)\n     0 "));
    ck_assert_ptr_null(strstr(chart, "stopped after"));
    free(chart);
    tl.truncated = true;
    chart = output_of(&tl, OUT_PRINT, 60, 0);
    ck_assert_ptr_nonnull(strstr(chart, "(5 more rows not drawn)\n(the recording stopped after 1048576 steps)\n"));
    free(chart);
}
END_TEST

/* ---- the trace: a tiny JSON reader ------------------------------------------------------ */

typedef struct {
    bool has_ph, has_pid, has_tid, has_ts, has_dur, has_args_name;
    char ph[8], name[128], cat[16], args_name[128];
    double pid, tid, ts, dur;
} TraceEvent;

typedef struct {
    const char *p;
    TraceEvent ev[256];
    int n;
    bool saw_events;
    char error[128];
} Json;

static bool json_fail(Json *j, const char *what)
{
    if (!j->error[0]) snprintf(j->error, sizeof j->error, "%s at \"%.20s\"", what, j->p);
    return false;
}

static void json_ws(Json *j)
{
    while (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r') j->p++;
}

/* A string, decoded into out (ASCII escapes only; cut at cap). */
static bool json_string(Json *j, char *out, size_t cap)
{
    size_t n = 0;
    if (*j->p != '"') return json_fail(j, "expected a string");
    j->p++;
    for (;;) {
        unsigned char c = (unsigned char)*j->p++;
        char d;
        if (c == '"') break;
        if (c < 0x20) return json_fail(j, "control character in a string");
        if (c == '\\') {
            char e = *j->p++;
            switch (e) {
            case '"': d = '"'; break;
            case '\\': d = '\\'; break;
            case '/': d = '/'; break;
            case 'b': d = '\b'; break;
            case 'f': d = '\f'; break;
            case 'n': d = '\n'; break;
            case 'r': d = '\r'; break;
            case 't': d = '\t'; break;
            case 'u': {
                unsigned v = 0;
                for (int i = 0; i < 4; i++) {
                    char h = *j->p++;
                    if (h >= '0' && h <= '9') v = v * 16 + (unsigned)(h - '0');
                    else if (h >= 'a' && h <= 'f') v = v * 16 + (unsigned)(h - 'a' + 10);
                    else if (h >= 'A' && h <= 'F') v = v * 16 + (unsigned)(h - 'A' + 10);
                    else return json_fail(j, "bad \\u escape");
                }
                d = v < 0x80 ? (char)v : '?';
                break;
            }
            default: return json_fail(j, "bad escape");
            }
        } else {
            d = (char)c;
        }
        if (out && n + 1 < cap) out[n++] = d;
    }
    if (out) out[n] = '\0';
    return true;
}

/* A number as JSON spells it: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool json_number(Json *j, double *out)
{
    const char *s = j->p;
    if (*j->p == '-') j->p++;
    if (*j->p == '0') j->p++;
    else if (*j->p >= '1' && *j->p <= '9')
        while (*j->p >= '0' && *j->p <= '9') j->p++;
    else return json_fail(j, "expected a number");
    if (*j->p == '.') {
        j->p++;
        if (!(*j->p >= '0' && *j->p <= '9')) return json_fail(j, "digits expected after '.'");
        while (*j->p >= '0' && *j->p <= '9') j->p++;
    }
    if (*j->p == 'e' || *j->p == 'E') {
        j->p++;
        if (*j->p == '+' || *j->p == '-') j->p++;
        if (!(*j->p >= '0' && *j->p <= '9')) return json_fail(j, "digits expected in exponent");
        while (*j->p >= '0' && *j->p <= '9') j->p++;
    }
    if (out) *out = strtod(s, NULL);
    return true;
}

/* Levels: 0 the document, 1 the traceEvents array, 2 an event, 3 an event's
 * args; -1 anything else. */
static bool json_value(Json *j, int level, TraceEvent *ev);

static bool json_object(Json *j, int level, TraceEvent *ev)
{
    j->p++; /* { */
    json_ws(j);
    if (*j->p == '}') {
        j->p++;
        return true;
    }
    for (;;) {
        char key[32];
        json_ws(j);
        if (!json_string(j, key, sizeof key)) return false;
        json_ws(j);
        if (*j->p++ != ':') return json_fail(j, "expected ':'");
        json_ws(j);
        bool ok;
        if (level == 0 && strcmp(key, "traceEvents") == 0) {
            if (*j->p != '[') return json_fail(j, "traceEvents is not an array");
            j->saw_events = true;
            ok = json_value(j, 1, NULL);
        } else if (level == 2 && strcmp(key, "ph") == 0) {
            ok = json_string(j, ev->ph, sizeof ev->ph);
            ev->has_ph = true;
        } else if (level == 2 && strcmp(key, "name") == 0) {
            ok = json_string(j, ev->name, sizeof ev->name);
        } else if (level == 2 && strcmp(key, "cat") == 0) {
            ok = json_string(j, ev->cat, sizeof ev->cat);
        } else if (level == 2 && strcmp(key, "pid") == 0) {
            ok = json_number(j, &ev->pid);
            ev->has_pid = true;
        } else if (level == 2 && strcmp(key, "tid") == 0) {
            ok = json_number(j, &ev->tid);
            ev->has_tid = true;
        } else if (level == 2 && strcmp(key, "ts") == 0) {
            ok = json_number(j, &ev->ts);
            ev->has_ts = true;
        } else if (level == 2 && strcmp(key, "dur") == 0) {
            ok = json_number(j, &ev->dur);
            ev->has_dur = true;
        } else if (level == 2 && strcmp(key, "args") == 0) {
            if (*j->p != '{') return json_fail(j, "args is not an object");
            ok = json_value(j, 3, ev);
        } else if (level == 3 && strcmp(key, "name") == 0) {
            ok = json_string(j, ev->args_name, sizeof ev->args_name);
            ev->has_args_name = true;
        } else {
            ok = json_value(j, -1, NULL);
        }
        if (!ok) return false;
        json_ws(j);
        if (*j->p == ',') {
            j->p++;
            continue;
        }
        if (*j->p == '}') {
            j->p++;
            return true;
        }
        return json_fail(j, "expected ',' or '}'");
    }
}

static bool json_array(Json *j, int level)
{
    j->p++; /* [ */
    json_ws(j);
    if (*j->p == ']') {
        j->p++;
        return true;
    }
    for (;;) {
        json_ws(j);
        TraceEvent *ev = NULL;
        if (level == 1) {
            if (*j->p != '{') return json_fail(j, "an event is not an object");
            if (j->n == (int)(sizeof j->ev / sizeof j->ev[0])) return json_fail(j, "too many events");
            ev = &j->ev[j->n++];
            memset(ev, 0, sizeof *ev);
        }
        if (!json_value(j, level == 1 ? 2 : -1, ev)) return false;
        json_ws(j);
        if (*j->p == ',') {
            j->p++;
            continue;
        }
        if (*j->p == ']') {
            j->p++;
            return true;
        }
        return json_fail(j, "expected ',' or ']'");
    }
}

static bool json_value(Json *j, int level, TraceEvent *ev)
{
    json_ws(j);
    switch (*j->p) {
    case '{': return json_object(j, level, ev);
    case '[': return json_array(j, level);
    case '"': return json_string(j, NULL, 0);
    case 't': return strncmp(j->p, "true", 4) == 0 ? (j->p += 4, true) : json_fail(j, "bad literal");
    case 'f': return strncmp(j->p, "false", 5) == 0 ? (j->p += 5, true) : json_fail(j, "bad literal");
    case 'n': return strncmp(j->p, "null", 4) == 0 ? (j->p += 4, true) : json_fail(j, "bad literal");
    default: return json_number(j, NULL);
    }
}

/* Parse a whole trace document (one value, then only white space). */
static void parse_trace(Json *j, const char *doc)
{
    memset(j, 0, sizeof *j);
    j->p = doc;
    json_ws(j);
    ck_assert_msg(*j->p == '{', "the trace is not a JSON object");
    bool ok = json_value(j, 0, NULL);
    ck_assert_msg(ok, "not JSON: %s", j->error);
    json_ws(j);
    ck_assert_msg(*j->p == '\0', "text after the JSON value: %.20s", j->p);
    ck_assert_msg(j->saw_events, "no traceEvents");
}

/* Every event is well formed for the Trace Event Format: ph and pid always;
 * a timed event (X, i) has tid and ts, a complete one dur >= 0; metadata (M)
 * names a process or a thread (tid) in args.name. */
static void check_trace_events(const Json *j)
{
    for (int i = 0; i < j->n; i++) {
        const TraceEvent *e = &j->ev[i];
        ck_assert_msg(e->has_ph && e->has_pid, "event %d lacks ph or pid", i);
        ck_assert_double_eq(e->pid, 1);
        if (strcmp(e->ph, "M") == 0) {
            ck_assert_msg(e->has_args_name, "metadata event %d has no args.name", i);
            if (strcmp(e->name, "thread_name") == 0) ck_assert_msg(e->has_tid, "thread_name %d has no tid", i);
            else ck_assert_str_eq(e->name, "process_name");
            continue;
        }
        ck_assert_msg(strcmp(e->ph, "X") == 0 || strcmp(e->ph, "i") == 0, "event %d: ph %s", i, e->ph);
        ck_assert_msg(e->has_tid && e->has_ts, "event %d (ph %s) lacks tid or ts", i, e->ph);
        ck_assert_msg(e->tid >= 1, "event %d: tid %g", i, e->tid);
        if (e->ph[0] == 'X') ck_assert_msg(e->has_dur && e->dur >= 0, "event %d: no dur", i);
    }
}

static int count_events(const Json *j, const char *ph, const char *name, double tid)
{
    int n = 0;
    for (int i = 0; i < j->n; i++)
        if (strcmp(j->ev[i].ph, ph) == 0 && (name == NULL || strcmp(j->ev[i].name, name) == 0) &&
            (tid < 0 || j->ev[i].tid == tid))
            n++;
    return n;
}

static const TraceEvent *find_event(const Json *j, const char *ph, const char *name, double tid)
{
    for (int i = 0; i < j->n; i++)
        if (strcmp(j->ev[i].ph, ph) == 0 && strcmp(j->ev[i].name, name) == 0 && (tid < 0 || j->ev[i].tid == tid))
            return &j->ev[i];
    ck_abort_msg("no %s event named %s (tid %g)", ph, name, tid);
    return NULL;
}

/* Python's json module reads the file too (when /usr/bin/python3 is there). */
static void check_trace_with_python(const char *doc)
{
    if (access("/usr/bin/python3", X_OK) != 0) return;
    char path[] = "/tmp/test_timeline_trace_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(doc, f);
    fclose(f);
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); "
             "assert all(\"ph\" in e and \"pid\" in e for e in d[\"traceEvents\"]); "
             "assert all(\"tid\" in e and \"ts\" in e for e in d[\"traceEvents\"] if e[\"ph\"] != \"M\")' %s",
             path);
    int rc = system(cmd);
    unlink(path);
    ck_assert_msg(rc == 0, "python3's json.load rejected the trace (exit %d)", rc);
}

START_TEST(trace_is_json_with_a_thread_per_task_and_an_event_per_slice)
{
    build_fetch_record(&tl);
    /* a label that needs escaping, and a coroutine still open at the end */
    uint32_t odd = timeline_task(&tl, "Task-5 (say \"hi\\n\"\n\t())", 101.25, TL_NONE, false);
    slice(&tl, odd, 101.25, 101.25, "sleep(1)");
    uint32_t open_ = timeline_await(&tl, odd, "open()", 6);
    timeline_set_chain(&tl, odd, (uint32_t[]){open_}, 1);
    /* a task made before the recording: a thread, but no "created" */
    uint32_t old = timeline_task(&tl, "Task-0 (old())", 101.5, TL_NONE, true);
    slice(&tl, old, 101.5, 101.5, NULL);
    timeline_end(&tl, old, "done");
    char *doc = output_of(&tl, OUT_TRACE, 0, 0);
    Json j;
    parse_trace(&j, doc);
    check_trace_events(&j);
    /* one thread per task, named after it */
    ck_assert_int_eq(count_events(&j, "M", "thread_name", -1), 6);
    ck_assert_str_eq(find_event(&j, "M", "thread_name", 1)->args_name, "Task-1 (main())");
    ck_assert_str_eq(find_event(&j, "M", "thread_name", odd + 1)->args_name, "Task-5 (say \"hi\\n\"\n\t())");
    /* a complete event per slice, times in microseconds from the origin */
    int running = 0;
    for (int i = 0; i < j.n; i++) running += strcmp(j.ev[i].name, "running") == 0 && strcmp(j.ev[i].ph, "X") == 0;
    ck_assert_int_eq(running, (int)tl.n_slices);
    const TraceEvent *last = NULL;
    for (int i = 0; i < j.n; i++)
        if (strcmp(j.ev[i].name, "running") == 0 && j.ev[i].tid == 1) last = &j.ev[i];
    ck_assert_ptr_nonnull(last);
    ck_assert_double_eq_tol(last->ts, 1000000.0, 1e-3);
    ck_assert_double_eq_tol(last->dur, 250000.0, 1e-3);
    /* the awaited coroutine that ended, nested in its task's thread; the open
     * one runs to the end of the recording (the last slice, at 1.5 s) */
    const TraceEvent *run_ = find_event(&j, "X", "run()", 1);
    ck_assert_str_eq(run_->cat, "await");
    ck_assert_double_eq_tol(run_->ts, 0.0, 1e-3);
    ck_assert_double_eq_tol(run_->dur, 1000000.0, 1e-3); /* to the start of the slice it returned in */
    const TraceEvent *still = find_event(&j, "X", "open()", (int)odd + 1);
    ck_assert_double_eq_tol(still->ts, 1250000.0, 1e-3);
    ck_assert_double_eq_tol(still->dur, 250000.0, 1e-3);
    /* instants: creations, waits, endings */
    ck_assert_double_eq_tol(find_event(&j, "i", "awaits sleep(0.5)", 2)->ts, 0.0, 1e-3);
    ck_assert_double_eq_tol(find_event(&j, "i", "raised ValueError", 3)->ts, 1000000.0, 1e-3);
    ck_assert_double_eq_tol(find_event(&j, "i", "created", 5)->ts, 1000000.0, 1e-3); /* Task-4, row 4 */
    ck_assert_int_eq(count_events(&j, "i", "created", -1), 5);
    ck_assert_int_eq(count_events(&j, "i", "created", old + 1), 0);
    ck_assert_double_eq_tol(find_event(&j, "i", "done", old + 1)->ts, 1500000.0, 1e-3);
    check_trace_with_python(doc);
    free(doc);
}
END_TEST

START_TEST(trace_of_an_empty_recording_is_json)
{
    char *doc = output_of(&tl, OUT_TRACE, 0, 0);
    Json j;
    parse_trace(&j, doc);
    check_trace_events(&j);
    ck_assert_int_eq(j.n, 1); /* the process name */
    check_trace_with_python(doc);
    free(doc);
}
END_TEST

/* ---- %explain --------------------------------------------------------------------------- */

START_TEST(explain_tells_the_record_as_numbered_steps)
{
    build_fetch_record(&tl);
    char *text_ = output_of(&tl, OUT_EXPLAIN, 0, 0);
    ck_assert_str_eq(text_, "1. t=0.000 Task-1 (main()) is created (it runs on a later pass)\n"
                            "2. t=0.000 Task-1 (main()) runs, creates Task-2 (fetch()) and Task-3 (fetch()), then "
                            "awaits run() (which awaits Task-2): the loop runs what is ready\n"
                            "3. t=0.000 Task-2 (fetch()) runs, then awaits sleep(0.5): the loop runs what is ready\n"
                            "4. t=0.000 Task-3 (fetch()) runs, then awaits sleep(1.0): the loop runs what is ready\n"
                            "5. t=0.500 Task-2 (fetch()) runs and ends (done)\n"
                            "6. t=0.500 Task-1 (main()) runs, then awaits run() (which awaits Task-3): the loop "
                            "runs what is ready\n"
                            "7. t=1.000 Task-4 (late()) is created (it runs on a later pass)\n"
                            "8. t=1.000 Task-3 (fetch()) runs and ends (raised ValueError)\n"
                            "9. t=1.000 Task-1 (main()) runs for 0.250 s and ends (done)\n");
    free(text_);
}
END_TEST

START_TEST(explain_names_three_or_more_creations_and_tasks_made_after_the_last_slice)
{
    timeline_reset(&tl, 0.0);
    uint32_t m = timeline_task(&tl, "Task-1 (main())", 0.0, TL_NONE, false);
    timeline_task(&tl, "Task-2 (a())", 0.0, m, false);
    timeline_task(&tl, "Task-3 (b())", 0.0, m, false);
    timeline_task(&tl, "Task-4 (c())", 0.0, m, false);
    slice(&tl, m, 0.0, 0.0, NULL);
    timeline_set_chain(&tl, m, NULL, 0);
    timeline_task(&tl, "Task-5 (d())", 0.5, TL_NONE, false);
    char *text_ = output_of(&tl, OUT_EXPLAIN, 0, 0);
    ck_assert_str_eq(text_, "1. t=0.000 Task-1 (main()) is created (it runs on a later pass)\n"
                            "2. t=0.000 Task-1 (main()) runs, creates Task-2 (a()), Task-3 (b()) and Task-4 (c()) "
                            "and yields to the loop\n"
                            "3. t=0.500 Task-5 (d()) is created (it runs on a later pass)\n");
    free(text_);
}
END_TEST

/* Under the virtual clock everything happens at t=0: a task the cell (or a
 * callback) made after a slice is told after that slice, not before it. */
START_TEST(explain_tells_creations_in_recording_order_when_times_tie)
{
    timeline_reset(&tl, 0.0);
    uint32_t m = timeline_task(&tl, "Task-1 (main())", 0.0, TL_NONE, false);
    slice(&tl, m, 0.0, 0.0, "sleep(1)");
    timeline_set_chain(&tl, m, NULL, 0);
    uint32_t cb = timeline_task(&tl, "Task-2 (cb())", 0.0, TL_NONE, false);
    slice(&tl, cb, 0.0, 0.0, NULL);
    timeline_end(&tl, cb, "done");
    char *text_ = output_of(&tl, OUT_EXPLAIN, 0, 0);
    ck_assert_str_eq(text_, "1. t=0.000 Task-1 (main()) is created (it runs on a later pass)\n"
                            "2. t=0.000 Task-1 (main()) runs, then awaits sleep(1): the loop runs what is ready\n"
                            "3. t=0.000 Task-2 (cb()) is created (it runs on a later pass)\n"
                            "4. t=0.000 Task-2 (cb()) runs and ends (done)\n");
    free(text_);
}
END_TEST

START_TEST(explain_stops_after_two_hundred_steps)
{
    timeline_reset(&tl, 0.0);
    uint32_t m = timeline_task(&tl, "Task-1 (main())", 0.0, TL_NONE, false);
    for (int i = 0; i < 250; i++) slice(&tl, m, i * 0.01, i * 0.01, "sleep(0.01)");
    char *text_ = output_of(&tl, OUT_EXPLAIN, 0, 0);
    int lines = 0;
    for (const char *p = text_; *p; p++) lines += *p == '\n';
    ck_assert_int_eq(lines, 1 + 200 + 1);
    ck_assert_ptr_nonnull(strstr(text_, "\n2. t=0.000 Task-1 (main()) runs, then awaits sleep(0.01): the loop runs "
                                        "what is ready\n"));
    const char *tail = "\n201. t=1.990 Task-1 (main()) runs, then awaits sleep(0.01): the loop runs what is ready\n"
                       "... and 50 more steps, until t=2.490\n";
    size_t n = strlen(text_), m_ = strlen(tail);
    ck_assert_uint_ge(n, m_);
    ck_assert_str_eq(text_ + n - m_, tail);
    free(text_);
    /* an empty recording */
    timeline_reset(&tl, 0.0);
    text_ = output_of(&tl, OUT_EXPLAIN, 0, 0);
    ck_assert_str_eq(text_, "(no tasks ran)\n");
    free(text_);
}
END_TEST

/* ---- the scheduler's recording ---------------------------------------------------------- */

/* Run src under the virtual clock with recording on; its output must be `out`. */
static const Timeline *record(const char *src, const char *out)
{
    clock_use_virtual(vm);
    aio_timeline_start(vm);
    ck_assert_ptr_nonnull(vm->aio);
    ck_assert(aio(vm)->timeline.on);
    ck_assert_str_eq(run(src), out);
    return &aio(vm)->timeline;
}

static uint32_t find_row(const Timeline *t, const char *label, int nth)
{
    for (uint32_t i = 0; i < t->n_rows; i++)
        if (strcmp(label_of(t, i), label) == 0 && nth-- == 0) return i;
    ck_abort_msg("no row labelled %s", label);
    return TL_NONE;
}

/* The k-th slice of a task row. */
static const TimelineSlice *slice_of(const Timeline *t, uint32_t row, int nth)
{
    for (uint32_t k = 0; k < t->n_slices; k++)
        if (t->slices[k].task == row && nth-- == 0) return &t->slices[k];
    ck_abort_msg("row %u has too few slices", row);
    return NULL;
}

static int slices_of(const Timeline *t, uint32_t row)
{
    int n = 0;
    for (uint32_t k = 0; k < t->n_slices; k++) n += t->slices[k].task == row;
    return n;
}

static const char *TWO_TASKS = "import asyncio\n"
                               "async def fetch_data(delay, id):\n"
                               "    await asyncio.sleep(delay)\n"
                               "    return id\n"
                               "async def main():\n"
                               "    t1 = asyncio.create_task(fetch_data(0.5, 1))\n"
                               "    t2 = asyncio.create_task(fetch_data(1.0, 2))\n"
                               "    print(await t1, await t2)\n"
                               "asyncio.run(main())\n";

START_TEST(two_sleeping_tasks_make_three_rows_and_slices_at_0_05_1)
{
    const Timeline *t = record(TWO_TASKS, "1 2\n");
    ck_assert_uint_eq(t->n_rows, 3);
    ck_assert_str_eq(label_of(t, 0), "Task-1 (main())");
    ck_assert_str_eq(label_of(t, 1), "Task-2 (fetch_data())");
    ck_assert_str_eq(label_of(t, 2), "Task-3 (fetch_data())");
    ck_assert_uint_eq(t->rows[0].creator, TL_NONE);
    ck_assert_uint_eq(t->rows[1].creator, 0);
    ck_assert_uint_eq(t->rows[2].creator, 0);
    for (uint32_t i = 0; i < 3; i++) {
        ck_assert_int_eq(t->rows[i].kind, TL_ROW_TASK);
        ck_assert(!t->rows[i].before);
        ck_assert_double_eq_tol(t->rows[i].created - t->origin, 0.0, 1e-9);
        ck_assert_str_eq(timeline_ending(t, i), "done");
    }
    /* every slice starts at 0, 0.5 or 1.0, and each of those has one */
    ck_assert_uint_eq(t->n_slices, 7);
    int at[3] = {0, 0, 0};
    for (uint32_t k = 0; k < t->n_slices; k++) {
        double s = t->slices[k].start - t->origin;
        ck_assert_msg(s == 0.0 || s == 0.5 || s == 1.0, "slice %u at %g", k, s);
        at[(int)(s * 2)]++;
        ck_assert_double_eq(t->slices[k].end, t->slices[k].start); /* the virtual clock stands still */
    }
    ck_assert_int_eq(at[0], 3);
    ck_assert_int_eq(at[1], 2);
    ck_assert_int_eq(at[2], 2);
    ck_assert_double_eq_tol(t->rows[1].finished - t->origin, 0.5, 1e-9);
    ck_assert_double_eq_tol(t->rows[2].finished - t->origin, 1.0, 1e-9);
    /* Task-2 waits on its sleep; main waits on the tasks, by name */
    ck_assert_str_eq(timeline_label(t, slice_of(t, 1, 0)->what), "sleep(0.5)");
    ck_assert_str_eq(timeline_label(t, slice_of(t, 2, 0)->what), "sleep(1.0)");
    ck_assert_str_eq(timeline_label(t, slice_of(t, 0, 0)->what), "Task-2");
    ck_assert_str_eq(timeline_label(t, slice_of(t, 0, 1)->what), "Task-3");
    Segments g = segments_of(t, 1, 0);
    ck_assert_int_eq(g.n, 3);
    check_segment(t, &g, 1, TL_SEG_WAIT, 0.0, 0.5, "sleep(0.5)");
}
END_TEST

START_TEST(two_sleeping_tasks_chart_and_explain_exactly)
{
    const Timeline *t = record(TWO_TASKS, "1 2\n");
    char *chart = output_of(t, OUT_PRINT, 80, 0);
    ck_assert_str_eq(chart, "Task-1 (main())       |#-Task-2--------------#-Task-3--------------#| done\n"
                            "Task-2 (fetch_data()) |#-sleep(0.5)----------#                      | done\n"
                            "Task-3 (fetch_data()) |#-sleep(1.0)--------------------------------#| done\n"
                            "                       0                                      1.00 s\n"
                            "                       # running  - waiting (on what)  . created, not started yet\n");
    free(chart);
    char *steps = output_of(t, OUT_EXPLAIN, 0, 0);
    ck_assert_str_eq(steps, "1. t=0.000 Task-1 (main()) is created (it runs on a later pass)\n"
                            "2. t=0.000 Task-1 (main()) runs, creates Task-2 (fetch_data()) and Task-3 "
                            "(fetch_data()), then awaits Task-2: the loop runs what is ready\n"
                            "3. t=0.000 Task-2 (fetch_data()) runs, then awaits sleep(0.5): the loop runs what is "
                            "ready\n"
                            "4. t=0.000 Task-3 (fetch_data()) runs, then awaits sleep(1.0): the loop runs what is "
                            "ready\n"
                            "5. t=0.500 Task-2 (fetch_data()) runs and ends (done)\n"
                            "6. t=0.500 Task-1 (main()) runs, then awaits Task-3: the loop runs what is ready\n"
                            "7. t=1.000 Task-3 (fetch_data()) runs and ends (done)\n"
                            "8. t=1.000 Task-1 (main()) runs and ends (done)\n");
    free(steps);
    char *doc = output_of(t, OUT_TRACE, 0, 0);
    Json j;
    parse_trace(&j, doc);
    check_trace_events(&j);
    ck_assert_int_eq(count_events(&j, "M", "thread_name", -1), 3);
    ck_assert_int_eq(count_events(&j, "X", "running", -1), 7);
    check_trace_with_python(doc);
    free(doc);
}
END_TEST

START_TEST(sequential_awaits_get_one_row_each_end_to_end)
{
    const Timeline *t = record("import asyncio\n"
                               "async def fetch(d):\n"
                               "    await asyncio.sleep(d)\n"
                               "    return d\n"
                               "async def main():\n"
                               "    print(await fetch(0.5) + await fetch(1.0))\n"
                               "asyncio.run(main())\n",
                               "1.5\n");
    ck_assert_uint_eq(t->n_rows, 3);
    uint32_t a = find_row(t, "fetch()", 0), b = find_row(t, "fetch()", 1);
    for (uint32_t r = a; r != TL_NONE; r = r == a ? b : TL_NONE) {
        ck_assert_int_eq(t->rows[r].kind, TL_ROW_AWAIT);
        ck_assert_uint_eq(t->rows[r].task, 0);
        ck_assert_uint_eq(t->rows[r].up, 0);
        ck_assert_uint_eq(t->rows[r].depth, 1);
    }
    ck_assert_uint_eq(t->n_slices, 3);
    ck_assert_uint_eq(t->rows[a].opened, 0);
    ck_assert_uint_eq(t->rows[a].closed, 1);
    ck_assert_uint_eq(t->rows[b].opened, 1); /* the slice the first one ended in */
    ck_assert_uint_eq(t->rows[b].closed, 2);
    ck_assert_double_eq_tol(t->rows[a].finished - t->origin, 0.5, 1e-9);
    ck_assert_double_eq_tol(t->rows[b].created - t->origin, 0.5, 1e-9);
    ck_assert_double_eq_tol(t->rows[b].finished - t->origin, 1.5, 1e-9);
    /* main waits on fetch(), fetch on its sleep */
    Segments g = segments_of(t, 0, 0);
    check_segment(t, &g, 1, TL_SEG_WAIT, 0.0, 0.5, "fetch()");
    check_segment(t, &g, 3, TL_SEG_WAIT, 0.5, 1.5, "fetch()");
    g = segments_of(t, b, 0);
    ck_assert_int_eq(g.n, 3);
    check_segment(t, &g, 1, TL_SEG_WAIT, 0.5, 1.5, "sleep(1.0)");
    char *chart = output_of(t, OUT_PRINT, 70, 0);
    ck_assert_str_eq(chart, "Task-1 (main()) |#-fetch()----#-fetch()------------------#| done\n"
                            "  fetch()       |#-sleep(0.5)-#                           |\n"
                            "  fetch()       |             #-sleep(1.0)---------------#|\n"
                            "                 0                                  1.50 s\n"
                            "                 # running  - waiting (on what)  . created, not started yet\n");
    free(chart);
}
END_TEST

START_TEST(nested_coroutines_are_rows_under_rows)
{
    const Timeline *t = record("import asyncio\n"
                               "async def inner():\n"
                               "    await asyncio.sleep(0.5)\n"
                               "async def outer():\n"
                               "    await inner()\n"
                               "async def main():\n"
                               "    await outer()\n"
                               "asyncio.run(main())\n",
                               "");
    ck_assert_uint_eq(t->n_rows, 3);
    uint32_t o = find_row(t, "outer()", 0), i = find_row(t, "inner()", 0);
    ck_assert_uint_eq(t->rows[o].up, 0);
    ck_assert_uint_eq(t->rows[i].up, o);
    ck_assert_uint_eq(t->rows[i].depth, 2);
    ck_assert_uint_eq(t->rows[o].closed, 1);
    ck_assert_uint_eq(t->rows[i].closed, 1);
    char *steps = output_of(t, OUT_EXPLAIN, 0, 0);
    ck_assert_str_eq(steps, "1. t=0.000 Task-1 (main()) is created (it runs on a later pass)\n"
                            "2. t=0.000 Task-1 (main()) runs, then awaits outer() (which awaits sleep(0.5)): the "
                            "loop runs what is ready\n"
                            "3. t=0.500 Task-1 (main()) runs and ends (done)\n");
    free(steps);
}
END_TEST

START_TEST(coroutines_nested_deeper_than_the_cap_get_no_rows)
{
    const Timeline *t = record("import asyncio\n"
                               "async def down(n):\n"
                               "    if n == 0:\n"
                               "        await asyncio.sleep(0.5)\n"
                               "    else:\n"
                               "        await down(n - 1)\n"
                               "async def main():\n"
                               "    await down(11)\n"
                               "asyncio.run(main())\n",
                               "");
    ck_assert_uint_eq(t->n_rows, 1 + TL_MAX_DEPTH);
    for (uint32_t r = 1; r <= TL_MAX_DEPTH; r++) {
        ck_assert_str_eq(label_of(t, r), "down()");
        ck_assert_uint_eq(t->rows[r].depth, r);
        ck_assert_uint_eq(t->rows[r].up, r - 1);
        ck_assert_uint_eq(t->rows[r].closed, 1);
    }
}
END_TEST

START_TEST(cancelled_and_raising_tasks_end_so)
{
    const Timeline *t = record("import asyncio\n"
                               "async def forever():\n"
                               "    await asyncio.sleep(10)\n"
                               "async def bad():\n"
                               "    await asyncio.sleep(0.125)\n"
                               "    raise ValueError('x')\n"
                               "async def main():\n"
                               "    t = asyncio.create_task(forever())\n"
                               "    u = asyncio.create_task(bad())\n"
                               "    await asyncio.sleep(0.5)\n"
                               "    t.cancel()\n"
                               "    try:\n"
                               "        await t\n"
                               "    except asyncio.CancelledError:\n"
                               "        print('cancelled')\n"
                               "    try:\n"
                               "        await u\n"
                               "    except ValueError:\n"
                               "        print('raised')\n"
                               "asyncio.run(main())\n",
                               "cancelled\nraised\n");
    uint32_t f = find_row(t, "Task-2 (forever())", 0), b = find_row(t, "Task-3 (bad())", 0);
    ck_assert_str_eq(timeline_ending(t, f), "cancelled");
    ck_assert_double_eq_tol(t->rows[f].finished - t->origin, 0.5, 1e-9);
    ck_assert_str_eq(timeline_ending(t, b), "raised ValueError");
    ck_assert_double_eq_tol(t->rows[b].finished - t->origin, 0.125, 1e-9);
    ck_assert_str_eq(timeline_ending(t, 0), "done");
    ck_assert_int_eq(slices_of(t, f), 2);
    ck_assert_uint_eq(t->rows[f].closed, (uint32_t)(slice_of(t, f, 1) - t->slices));
}
END_TEST

START_TEST(a_cancelled_task_closes_the_coroutines_it_was_in)
{
    const Timeline *t = record("import asyncio\n"
                               "async def inner():\n"
                               "    await asyncio.sleep(10)\n"
                               "async def outer():\n"
                               "    await inner()\n"
                               "async def main():\n"
                               "    t = asyncio.create_task(outer())\n"
                               "    await asyncio.sleep(0.5)\n"
                               "    t.cancel()\n"
                               "    await asyncio.sleep(0)\n"
                               "    print(t.cancelled())\n"
                               "asyncio.run(main())\n",
                               "True\n");
    uint32_t task = find_row(t, "Task-2 (outer())", 0), i = find_row(t, "inner()", 0);
    ck_assert_str_eq(timeline_ending(t, task), "cancelled");
    ck_assert_uint_eq(t->rows[i].task, task);
    ck_assert_uint_eq(t->rows[i].closed, t->rows[task].closed);
    ck_assert_double_eq_tol(t->rows[i].finished - t->origin, 0.5, 1e-9);
}
END_TEST

START_TEST(asyncio_internals_get_no_rows)
{
    const Timeline *t = record("import asyncio\n"
                               "async def consumer(q):\n"
                               "    while (item := await q.get()) is not None:\n"
                               "        print('got', item)\n"
                               "async def fetch(d):\n"
                               "    await asyncio.sleep(d)\n"
                               "    return d\n"
                               "async def main():\n"
                               "    q = asyncio.Queue()\n"
                               "    c = asyncio.create_task(consumer(q))\n"
                               "    print(await asyncio.gather(fetch(0.25), fetch(0.5)))\n"
                               "    await q.put(1)\n"
                               "    await q.put(None)\n"
                               "    await asyncio.wait_for(c, 5)\n"
                               "    await asyncio.gather(asyncio.sleep(0.125))\n"
                               "asyncio.run(main())\n",
                               "[0.25, 0.5]\ngot 1\n");
    /* main, the consumer, gather's two tasks and the one the program made of
     * asyncio.sleep; no Queue.get, gather, wait_for or runner rows */
    ck_assert_uint_eq(t->n_rows, 5);
    ck_assert_str_eq(label_of(t, 4), "Task-5 (sleep())");
    ck_assert_uint_eq(t->rows[4].creator, 0);
    ck_assert_str_eq(label_of(t, 0), "Task-1 (main())");
    ck_assert_str_eq(label_of(t, 1), "Task-2 (consumer())");
    ck_assert_str_eq(label_of(t, 2), "Task-3 (fetch())");
    ck_assert_str_eq(label_of(t, 3), "Task-4 (fetch())");
    for (uint32_t r = 0; r < t->n_rows; r++) ck_assert_int_eq(t->rows[r].kind, TL_ROW_TASK);
    /* the consumer waits on the queue, by the label asyncio gave it */
    ck_assert_str_eq(timeline_label(t, slice_of(t, 1, 0)->what), "Queue.get()");
}
END_TEST

/* Each fetch() coroutine is freed once it returned; with a collection at
 * every allocation the next one is made in the same memory. Its row must
 * be a new one all the same (the row index kept on the object is for one
 * coroutine), while a coroutine suspended across collections keeps its row. */
START_TEST(coroutines_keep_their_own_rows_across_collections)
{
    vm->gc_stress = true;
    const Timeline *t = record("import asyncio\n"
                               "async def fetch(d):\n"
                               "    await asyncio.sleep(d)\n"
                               "    await asyncio.sleep(d)\n"
                               "async def churn():\n"
                               "    for i in range(8):\n"
                               "        junk = [[j] for j in range(50)]\n"
                               "        await asyncio.sleep(0.125)\n"
                               "async def main():\n"
                               "    asyncio.create_task(churn())\n"
                               "    ids = set()\n"
                               "    for i in range(4):\n"
                               "        c = fetch(0.125)\n"
                               "        ids.add(id(c))\n"
                               "        await c\n"
                               "        c = None\n"
                               "    print(len(ids) < 4)\n"
                               "asyncio.run(main())\n",
#if defined(__SANITIZE_ADDRESS__)
                               "False\n" /* ASan's malloc does not hand freed memory out again */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
                               "False\n"
#else
                               "True\n"
#endif
#else
                               "True\n"
#endif
    );
    vm->gc_stress = false;
    uint32_t main_ = find_row(t, "Task-1 (main())", 0);
    uint32_t rows[4];
    for (int i = 0; i < 4; i++) {
        rows[i] = find_row(t, "fetch()", i);
        ck_assert_uint_eq(t->rows[rows[i]].up, main_);
        ck_assert_uint_ne(t->rows[rows[i]].closed, TL_NONE);
        /* opened after one of main's slices, ended two of them later, 0.25 s on */
        ck_assert_uint_eq(t->slices[t->rows[rows[i]].opened].task, main_);
        ck_assert_double_eq_tol(t->rows[rows[i]].created - t->origin, 0.25 * i, 1e-9);
        ck_assert_double_eq_tol(t->rows[rows[i]].finished - t->origin, 0.25 * (i + 1), 1e-9);
    }
    ck_assert_uint_eq(t->n_rows, 2 + 4);
    /* each row closed in the slice the next one opened in: no row was reused */
    for (int i = 0; i + 1 < 4; i++) ck_assert_uint_eq(t->rows[rows[i]].closed, t->rows[rows[i + 1]].opened);
}
END_TEST

START_TEST(recording_off_records_nothing)
{
    clock_use_virtual(vm);
    ck_assert(aio_timeline_enable(vm, false));
    aio_timeline_start(vm);
    ck_assert(!aio(vm)->timeline.on);
    ck_assert_str_eq(run(TWO_TASKS), "1 2\n");
    ck_assert_uint_eq(aio(vm)->timeline.n_rows, 0);
    ck_assert_uint_eq(aio(vm)->timeline.n_slices, 0);
    /* on again, then switched off by hand */
    ck_assert(aio_timeline_enable(vm, true));
    aio_timeline_start(vm);
    ck_assert(aio(vm)->timeline.on);
    aio(vm)->timeline.on = false;
    ck_assert_str_eq(run(TWO_TASKS), "1 2\n");
    ck_assert_uint_eq(aio(vm)->timeline.n_rows, 0);
    ck_assert_uint_eq(aio(vm)->timeline.n_slices, 0);
    ck_assert_uint_eq(aio(vm)->timeline.texts.n, 0);
}
END_TEST

START_TEST(a_new_recording_starts_afresh_and_marks_tasks_from_before)
{
    const Timeline *t = record("import asyncio\n"
                               "async def worker():\n"
                               "    await asyncio.sleep(1.0)\n"
                               "    await asyncio.sleep(1.0)\n"
                               "loop = asyncio.new_event_loop()\n"
                               "w = loop.create_task(worker())\n"
                               "loop.run_until_complete(asyncio.sleep(0.5))\n",
                               "");
    /* the worker, and the task run_until_complete made of the program's asyncio.sleep() */
    ck_assert_uint_eq(t->n_rows, 2);
    ck_assert_str_eq(label_of(t, 0), "Task-1 (worker())");
    ck_assert_str_eq(label_of(t, 1), "Task-2 (sleep())");
    uint32_t gen = t->generation;
    aio_timeline_start(vm);
    ck_assert_uint_eq(t->generation, gen + 1);
    ck_assert_uint_eq(t->n_rows, 0);
    ck_assert_str_eq(run("print(loop.run_until_complete(w))\n"), "None\n");
    /* the worker gets row 0 of the new recording, seen (not created) in it */
    ck_assert_uint_eq(t->n_rows, 1);
    ck_assert_str_eq(label_of(t, 0), "Task-1 (worker())");
    ck_assert(t->rows[0].before);
    ck_assert_uint_eq(t->n_slices, 2);
    ck_assert_double_eq_tol(t->slices[0].start - t->origin, 0.5, 1e-9);
    ck_assert_double_eq_tol(t->slices[1].start - t->origin, 1.5, 1e-9);
    ck_assert_str_eq(timeline_ending(t, 0), "done");
    Segments g = segments_of(t, 0, 0);
    ck_assert_int_eq(g.s[0].kind, TL_SEG_RUN); /* no pending bar for a task made before */
}
END_TEST

/* A task from before the recording that creates a task in its first
 * recorded slice is that task's creator (it gets its row first), so that
 * %explain says "bg() runs, creates Task-3 (child())". */
START_TEST(a_task_from_before_the_recording_is_the_creator_of_the_tasks_it_makes)
{
    record("import asyncio\n"
           "async def child():\n"
           "    await asyncio.sleep(0.25)\n"
           "async def bg():\n"
           "    await asyncio.sleep(1.0)\n"
           "    await asyncio.create_task(child())\n"
           "loop = asyncio.new_event_loop()\n"
           "b = loop.create_task(bg())\n"
           "loop.run_until_complete(asyncio.sleep(0.5))\n",
           "");
    aio_timeline_start(vm);
    ck_assert_str_eq(run("loop.run_until_complete(b)\n"), "");
    const Timeline *t = &aio(vm)->timeline;
    ck_assert_uint_eq(t->n_rows, 2);
    uint32_t bg = find_row(t, "Task-1 (bg())", 0), child = find_row(t, "Task-3 (child())", 0);
    ck_assert(t->rows[bg].before);
    ck_assert(!t->rows[child].before);
    ck_assert_uint_eq(t->rows[child].creator, bg);
    ck_assert_uint_lt(bg, child); /* drawn above what it made */
    char *steps = output_of(t, OUT_EXPLAIN, 0, 0);
    ck_assert_str_eq(steps, "1. t=0.500 Task-1 (bg()) runs, creates Task-3 (child()), then awaits Task-3: the loop "
                            "runs what is ready\n"
                            "2. t=0.500 Task-3 (child()) runs, then awaits sleep(0.25): the loop runs what is ready\n"
                            "3. t=0.750 Task-3 (child()) runs and ends (done)\n"
                            "4. t=0.750 Task-1 (bg()) runs and ends (done)\n");
    free(steps);
}
END_TEST

/* create_task(coro, name=...) names the task just after making it (as
 * 3.11 does); its row must carry that name, the one its awaiters' waits say. */
START_TEST(a_task_named_at_creation_has_that_name_on_its_row)
{
    const Timeline *t = record("import asyncio\n"
                               "async def fetch(d):\n"
                               "    await asyncio.sleep(d)\n"
                               "async def main():\n"
                               "    await asyncio.create_task(fetch(0.5), name='worker')\n"
                               "    await asyncio.create_task(fetch(0.5))\n"
                               "asyncio.run(main())\n",
                               "");
    ck_assert_uint_eq(t->n_rows, 3);
    ck_assert_str_eq(timeline_label(t, slice_of(t, 0, 0)->what), "worker");
    ck_assert_str_eq(label_of(t, 1), "worker (fetch())");
    /* the name used up a number all the same */
    ck_assert_str_eq(label_of(t, 2), "Task-3 (fetch())");
}
END_TEST

/* ---- the suite -------------------------------------------------------------------------- */

static Suite *timeline_suite(void)
{
    Suite *s = suite_create("timeline");
    TCase *tc = tcase_create("unit");
    tcase_add_checked_fixture(tc, tl_setup, tl_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, text_same_content_same_index_different_content_different_index);
    tcase_add_test(tc, text_indices_survive_rehashes_of_hundreds_of_texts);
    tcase_add_test(tc, text_hashed_cache_returns_the_same_index_as_the_table);
    tcase_add_test(tc, text_hashed_cache_keeps_texts_sharing_a_slot_apart);
    tcase_add_test(tc, text_hashed_cache_never_returns_another_text_with_an_equal_hash);
    tcase_add_test(tc, text_with_a_nul_byte_keeps_its_index_over_a_rehash);
    tcase_add_test(tc, text_lookup_with_a_nul_byte_stays_inside_shorter_texts);
    tcase_add_test(tc, reset_drops_everything_and_bumps_the_generation);
    tcase_add_test(tc, task_rows_hold_label_creator_and_creation_time);
    tcase_add_test(tc, await_rows_sit_under_their_awaiter_from_the_start_of_the_last_slice);
    tcase_add_test(tc, set_chain_closes_exactly_the_rows_that_left_it);
    tcase_add_test(tc, end_closes_the_task_and_all_its_open_await_rows);
    tcase_add_test(tc, slices_stop_at_the_cap_and_the_recording_says_truncated);
    tcase_add_test(tc, layout_draws_each_task_then_the_coroutines_it_awaited);
    tcase_add_test(tc, layout_total_is_the_last_slice_end_and_never_zero);
    tcase_add_test(tc, segments_of_a_task_pending_running_and_waiting);
    tcase_add_test(tc, segments_of_an_unfinished_task_wait_until_the_total);
    tcase_add_test(tc, segments_of_a_task_from_before_the_recording_have_no_pending);
    tcase_add_test(tc, segments_of_an_await_row_are_clipped_to_its_span);
    tcase_add_test(tc, segments_wait_on_the_await_row_one_level_under_else_what_the_task_awaits);
    tcase_add_test(tc, ending_names_how_each_row_ended);
    tcase_add_test(tc, print_draws_the_exact_chart);
    tcase_add_test(tc, print_scales_to_the_cell_total_and_a_narrow_width);
    tcase_add_test(tc, print_styled_colours_the_same_chart);
    tcase_add_test(tc, a_stopped_recording_draws_its_axis_to_the_stop);
    tcase_add_test(tc, print_lines_up_labels_that_are_not_ascii);
    tcase_add_test(tc, trace_draws_an_await_row_still_open_to_the_end);
    tcase_add_test(tc, print_cuts_long_labels_and_says_when_no_task_ran);
    tcase_add_test(tc, print_writes_a_wait_label_only_where_it_fits);
    tcase_add_test(tc, print_draws_forty_rows_and_counts_the_rest);
    tcase_add_test(tc, trace_is_json_with_a_thread_per_task_and_an_event_per_slice);
    tcase_add_test(tc, trace_of_an_empty_recording_is_json);
    tcase_add_test(tc, explain_tells_the_record_as_numbered_steps);
    tcase_add_test(tc, explain_names_three_or_more_creations_and_tasks_made_after_the_last_slice);
    tcase_add_test(tc, explain_tells_creations_in_recording_order_when_times_tie);
    tcase_add_test(tc, explain_stops_after_two_hundred_steps);
    suite_add_tcase(s, tc);

    TCase *vmc = tcase_create("scheduler");
    tcase_add_checked_fixture(vmc, setup, teardown);
    tcase_set_timeout(vmc, 120);
    tcase_add_test(vmc, two_sleeping_tasks_make_three_rows_and_slices_at_0_05_1);
    tcase_add_test(vmc, two_sleeping_tasks_chart_and_explain_exactly);
    tcase_add_test(vmc, sequential_awaits_get_one_row_each_end_to_end);
    tcase_add_test(vmc, nested_coroutines_are_rows_under_rows);
    tcase_add_test(vmc, coroutines_nested_deeper_than_the_cap_get_no_rows);
    tcase_add_test(vmc, cancelled_and_raising_tasks_end_so);
    tcase_add_test(vmc, a_cancelled_task_closes_the_coroutines_it_was_in);
    tcase_add_test(vmc, asyncio_internals_get_no_rows);
    tcase_add_test(vmc, coroutines_keep_their_own_rows_across_collections);
    tcase_add_test(vmc, recording_off_records_nothing);
    tcase_add_test(vmc, a_new_recording_starts_afresh_and_marks_tasks_from_before);
    tcase_add_test(vmc, a_task_from_before_the_recording_is_the_creator_of_the_tasks_it_makes);
    tcase_add_test(vmc, a_task_named_at_creation_has_that_name_on_its_row);
    suite_add_tcase(s, vmc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(timeline_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
