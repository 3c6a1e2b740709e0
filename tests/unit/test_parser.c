/* test_parser.c: trees, positions and syntax errors, checked against CPython 3.11.
 *
 * The expected dumps and errors in data/parser_cases.h come from CPython
 * itself (data/gen_parser_cases.py); the tests below them check the fields
 * a dump does not show, the printed form of errors, and hostile input. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parser.h"

#include "data/parser_cases.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The module's statements, one dump per line. */
static char *dump_module(const AstModule *m, bool positions)
{
    size_t total = 0;
    char *out = calloc(1, 1);
    for (int i = 0; i < m->body.len; i++) {
        char *buf = NULL;
        size_t len = 0, cap = 0;
        ast_dump_ex(m->body.items[i], positions, &buf, &len, &cap);
        out = realloc(out, total + len + 2);
        if (i > 0)
            out[total++] = '\n';
        memcpy(out + total, buf, len + 1);
        total += len;
        free(buf);
    }
    return out;
}

static char *dump_source(const char *src, bool positions)
{
    AstModule m;
    SyntaxErrorInfo err;
    if (!parse_module(src, strlen(src), "t.py", &m, &err)) {
        char *msg = malloc(512);
        snprintf(msg, 512, "ERR %s: %s (%u:%u)", err.kind, err.message, err.line, err.col);
        syntax_error_free(&err);
        return msg;
    }
    char *out = dump_module(&m, positions);
    ast_module_free(&m);
    return out;
}

/* Parse src, which must be valid, and hand back its first statement. */
static AstModule module;

static Node *first_statement(const char *src)
{
    SyntaxErrorInfo err;
    bool ok = parse_module(src, strlen(src), "t.py", &module, &err);
    ck_assert_msg(ok, "parse failed: %s", ok ? "" : err.message);
    ck_assert_int_ge(module.body.len, 1);
    return module.body.items[0];
}

static void teardown(void) { ast_module_free(&module); }

static SyntaxErrorInfo error_of(const char *src, size_t len)
{
    AstModule m;
    SyntaxErrorInfo err;
    ck_assert_msg(!parse_module(src, len, "t.py", &m, &err), "expected a syntax error");
    ck_assert_ptr_nonnull(err.message);
    ck_assert_ptr_nonnull(err.kind);
    return err;
}

/* ---- against CPython ---------------------------------------------------------- */

START_TEST(dump_matches_cpython)
{
    const DumpCase *c = &dump_cases[_i];
    char *got = dump_source(c->source, false);
    ck_assert_msg(strcmp(got, c->dump) == 0, "source:\n%s\nexpected: %s\n     got: %s", c->source,
                  c->dump, got);
    free(got);
}
END_TEST

/* CPython's comprehension and with-item nodes have no position; ours do. */
static void drop_unmatched_positions(char *s)
{
    static const char *kinds[] = {"(COMPREHENSION@", "(WITH_ITEM@"};
    for (int k = 0; k < 2; k++) {
        char *at;
        while ((at = strstr(s, kinds[k]))) {
            char *pos = at + strlen(kinds[k]) - 1;
            char *end = strchr(pos, ' ');
            memmove(pos, end, strlen(end) + 1);
        }
    }
}

START_TEST(positions_match_cpython)
{
    const DumpCase *c = &position_cases[_i];
    char *got = dump_source(c->source, true);
    drop_unmatched_positions(got);
    ck_assert_msg(strcmp(got, c->dump) == 0, "source:\n%s\nexpected: %s\n     got: %s", c->source,
                  c->dump, got);
    free(got);
}
END_TEST

START_TEST(error_matches_cpython)
{
    const ErrorCase *c = &error_cases[_i];
    SyntaxErrorInfo err = error_of(c->source, strlen(c->source));
    char got[600], want[600];
    snprintf(got, sizeof got, "%s: %s @%u:%u-%u", err.kind, err.message, err.line, err.col, err.end_col);
    snprintf(want, sizeof want, "%s: %s @%u:%u-%u", c->kind, c->message, c->line, c->col, c->end_col);
    ck_assert_msg(strcmp(got, want) == 0, "source:\n%s\nexpected: %s\n     got: %s", c->source, want,
                  got);
    syntax_error_free(&err);
}
END_TEST

/* ---- fields a dump does not show ---------------------------------------------- */

START_TEST(statement_flags)
{
    Node *s = first_statement("async def f(): pass\n");
    ck_assert_int_eq(s->kind, AST_FUNCTION_DEF);
    ck_assert(s->is_async);
    teardown();
    s = first_statement("x: int = 1\n");
    ck_assert(s->flag);
    teardown();
    s = first_statement("(x): int = 1\n");
    ck_assert(!s->flag);
    teardown();
    s = first_statement("try:\n    a\nexcept* E:\n    b\n");
    ck_assert(s->flag);
    ck_assert_int_eq(s->handlers.len, 1);
    teardown();
    s = first_statement("from ...a.b import c\n");
    ck_assert_int_eq(s->level, 3);
    ck_assert_str_eq(s->name, "a.b");
    teardown();
    s = first_statement("from . import c\n");
    ck_assert_int_eq(s->level, 1);
    ck_assert_ptr_null(s->name);
    teardown();
    s = first_statement("global a, b\n");
    ck_assert_int_eq(s->n_names, 2);
    ck_assert_str_eq(s->names[1], "b");
}
END_TEST

START_TEST(literal_values)
{
    Node *s = first_statement("x = 0xFFFFFFFFFFFFFFFFFFFF, 0x7fffffffffffffff, 1_0, 2.5e3\n");
    NodeList *items = &s->a->list;
    ck_assert_str_eq(items->items[0]->big_digits, "1208925819614629174706175");
    ck_assert_ptr_null(items->items[1]->big_digits);
    ck_assert(items->items[1]->int_value == INT64_MAX);
    ck_assert(items->items[2]->int_value == 10);
    ck_assert(items->items[3]->float_value == 2500.0);
    teardown();
    s = first_statement("x = 'a\\0b\\u00e9'\n");
    ck_assert_int_eq(s->a->str.len, 5);
    ck_assert(memcmp(s->a->str.data, "a\0b\xc3\xa9", 5) == 0);
    teardown();
    s = first_statement("x = b'\\xff\\0'\n");
    ck_assert_int_eq(s->a->kind, AST_CONST_BYTES);
    ck_assert_int_eq(s->a->str.len, 2);
    ck_assert_int_eq((unsigned char)s->a->str.data[0], 0xff);
}
END_TEST

START_TEST(fstring_parts)
{
    Node *s = first_statement("f'{x=}'\n");
    Node *j = s->a;
    ck_assert_int_eq(j->kind, AST_JOINED_STR);
    ck_assert_int_eq(j->list.len, 2);
    ck_assert_str_eq(j->list.items[0]->str.data, "x=");
    ck_assert_int_eq(j->list.items[1]->conversion, 'r');
    ck_assert_ptr_null(j->list.items[1]->b);
    teardown();
    s = first_statement("f'{x=:>4}'\n");
    ck_assert_int_eq(s->a->list.items[1]->conversion, 0);
    ck_assert_int_eq(s->a->list.items[1]->b->kind, AST_JOINED_STR);
    teardown();
    /* the field's expression keeps its real place in the file */
    s = first_statement("s = f'ab{ value }'\n");
    Node *name = s->a->list.items[1]->a;
    ck_assert_str_eq(name->name, "value");
    ck_assert_int_eq(name->line, 1);
    ck_assert_int_eq(name->col, 10);
    ck_assert_int_eq(name->end_col, 15);
}
END_TEST

START_TEST(parameters)
{
    Node *s = first_statement("def f(a, b=1, /, c=2, *d, e, f=3, **g): pass\n");
    AstArgs *a = s->args;
    ck_assert_int_eq(a->posonly.len, 2);
    ck_assert_int_eq(a->args.len, 1);
    ck_assert_int_eq(a->defaults.len, 2);
    ck_assert_str_eq(a->vararg->name, "d");
    ck_assert_int_eq(a->kwonly.len, 2);
    ck_assert_int_eq(a->kw_defaults.len, 2);
    ck_assert_ptr_null(a->kw_defaults.items[0]);
    ck_assert_int_eq(a->kw_defaults.items[1]->int_value, 3);
    ck_assert_str_eq(a->kwarg->name, "g");
    teardown();
    s = first_statement("f = lambda: 0\n");
    ck_assert_ptr_nonnull(s->a->args);
    ck_assert_int_eq(s->a->args->args.len, 0);
    ck_assert_ptr_null(s->a->args->vararg);
}
END_TEST

START_TEST(compare_operators)
{
    Node *s = first_statement("a < b not in c is not d\n");
    Node *c = s->a;
    ck_assert_int_eq(c->kind, AST_COMPARE);
    ck_assert_int_eq(c->list.len, 3);
    ck_assert_int_eq(c->ops[0], AST_LT);
    ck_assert_int_eq(c->ops[1], AST_NOT_IN);
    ck_assert_int_eq(c->ops[2], AST_IS_NOT);
}
END_TEST

START_TEST(names_and_kinds)
{
    ck_assert_str_eq(ast_kind_name(AST_BINOP), "BINOP");
    ck_assert_str_eq(ast_kind_name(AST_MATCH), "MATCH");
    ck_assert_str_eq(ast_op_symbol(AST_FLOORDIV), "//");
    ck_assert_str_eq(ast_op_symbol(AST_IS_NOT), "is not");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    ast_dump(NULL, &buf, &len, &cap);
    ck_assert_str_eq(buf, "-");
    free(buf);
}
END_TEST

/* ---- printing ----------------------------------------------------------------- */

static char *printed(const char *src, size_t len)
{
    SyntaxErrorInfo err = error_of(src, len);
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    syntax_error_print(&err, f);
    fclose(f);
    syntax_error_free(&err);
    return out;
}

static void check_printed_n(const char *src, size_t len, const char *expected)
{
    char *got = printed(src, len);
    ck_assert_msg(strcmp(got, expected) == 0, "source:\n%s\nexpected:\n%s\ngot:\n%s", src, expected,
                  got);
    free(got);
}

static void check_printed(const char *src, const char *expected)
{
    check_printed_n(src, strlen(src), expected);
}

START_TEST(print_like_cpython)
{
    /* each expectation is what python3 prints for the same file */
    check_printed("if 1:\n    print((1, 2)\n", "  File \"t.py\", line 2\n    print((1, 2)\n         ^\n"
                                               "SyntaxError: '(' was never closed\n");
    check_printed("x=f() = 1\n", "  File \"t.py\", line 1\n    x=f() = 1\n      ^^^\n"
                                 "SyntaxError: cannot assign to function call\n");
    check_printed("x = 1\n  y = 2\n", "  File \"t.py\", line 2\n    y = 2\n"
                                      "IndentationError: unexpected indent\n");
    check_printed("if 1:", "  File \"t.py\", line 1\n    if 1:\nIndentationError: expected an "
                           "indented block after 'if' statement on line 1\n");
    check_printed("x = 1 +\t\n", "  File \"t.py\", line 1\n    x = 1 +\t\n            ^\n"
                                 "SyntaxError: invalid syntax\n");
    check_printed("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n",
                  "  File \"t.py\", line 3\n    except:\n    ^^^^^^^\n"
                  "SyntaxError: default 'except:' must be last\n");
    check_printed("def f():\n    x = 1\n   y = 2\n",
                  "  File \"t.py\", line 3\n    y = 2\n         ^\n"
                  "IndentationError: unindent does not match any outer indentation level\n");
    check_printed_n("x = 1\n\0\n", 8, "  File \"t.py\", line 2\n    \n"
                                     "SyntaxError: source code cannot contain null bytes\n");
    check_printed("x = 1\ny = 'caf\xe9'\n",
                  "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file t.py on line 2, but no "
                  "encoding declared; see https://peps.python.org/pep-0263/ for details\n");
}
END_TEST

/* ---- hostile input --------------------------------------------------------------- */

static void check_error_message(const char *src, size_t len, const char *message)
{
    SyntaxErrorInfo err = error_of(src, len);
    ck_assert_str_eq(err.message, message);
    syntax_error_free(&err);
}

static char *repeat(const char *prefix, const char *unit, int n, const char *suffix)
{
    size_t ul = strlen(unit), pl = strlen(prefix), sl = strlen(suffix);
    char *s = malloc(pl + ul * (size_t)n + sl + 1);
    memcpy(s, prefix, pl);
    for (int i = 0; i < n; i++)
        memcpy(s + pl + ul * (size_t)i, unit, ul);
    memcpy(s + pl + ul * (size_t)n, suffix, sl + 1);
    return s;
}

START_TEST(deep_nesting_is_an_error_not_a_crash)
{
    char *s = repeat("x = ", "(", 10000, "1\n");
    check_error_message(s, strlen(s), "too many nested parentheses");
    free(s);
    const char *units[] = {"-", "not ", "lambda: ", "1 if 1 else ", "2 ** ", "~", "+"};
    for (int i = 0; i < COUNT(units); i++) {
        s = repeat("x = ", units[i], 20000, "1\n");
        check_error_message(s, strlen(s), "too many nested expressions (the parser's limit)");
        free(s);
    }
    const char *chains[] = {".b", "()", "[0]", " + 1"};
    for (int i = 0; i < COUNT(chains); i++) {
        s = repeat("x = a", chains[i], 100000, "\n");
        check_error_message(s, strlen(s), "too many nested expressions (the parser's limit)");
        free(s);
    }
}
END_TEST

START_TEST(limits_match_cpython)
{
    /* python3: SyntaxError 'too many nested parentheses' at line 1, offset 205 */
    char *open = repeat("x = ", "(", 201, "");
    char *s = repeat(open, ")", 201, "\n");
    SyntaxErrorInfo err = error_of(s, strlen(s));
    ck_assert_str_eq(err.message, "too many nested parentheses");
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.col, 205);
    syntax_error_free(&err);
    free(open);
    free(s);
    /* python3: IndentationError 'too many levels of indentation' at line 101, offset 1 */
    size_t cap = 20000, len = 0;
    s = malloc(cap);
    for (int i = 0; i < 100; i++)
        len += (size_t)snprintf(s + len, cap - len, "%*sif 1:\n", i, "");
    snprintf(s + len, cap - len, "%*spass\n", 100, "");
    err = error_of(s, strlen(s));
    ck_assert_str_eq(err.kind, "IndentationError");
    ck_assert_str_eq(err.message, "too many levels of indentation");
    ck_assert_int_eq(err.line, 101);
    ck_assert_int_eq(err.col, 1);
    syntax_error_free(&err);
    free(s);
}
END_TEST

START_TEST(moderate_nesting_parses)
{
    const char *units[] = {"-", "not ", "lambda: ", "1 if 1 else "};
    for (int i = 0; i < COUNT(units); i++) {
        char *s = repeat("x = ", units[i], 150, "1\n");
        Node *st = first_statement(s);
        ck_assert_int_eq(st->kind, AST_ASSIGN);
        teardown();
        free(s);
    }
    char *s = repeat("x = ", "[", 199, "");
    char *t = repeat(s, "]", 199, "\n");
    ck_assert_int_eq(first_statement(t)->kind, AST_ASSIGN);
    teardown();
    free(s);
    free(t);
    /* flat lists and boolean chains are loops, not recursion */
    s = repeat("x = [", "1, ", 100000, "]\n");
    ck_assert_int_eq(first_statement(s)->a->list.len, 100000);
    teardown();
    free(s);
    s = repeat("x = 1", " and 1", 100000, "\n");
    ck_assert_int_eq(first_statement(s)->a->list.len, 100001);
    teardown();
    free(s);
}
END_TEST

/* A tiny deterministic generator, so failures reproduce. */
static uint32_t rng_state = 12345;
static uint32_t rng(void)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return rng_state >> 8;
}

static const char sample[] =
    "import asyncio\n"
    "@dec(1)\n"
    "async def main(a, /, b=2, *c, d, **e) -> None:\n"
    "    x = [i async for i in aiter() if i] + {k: v for k, v in d.items()}\n"
    "    async with lock as l, (yield):\n"
    "        await asyncio.sleep(0.5e-3)\n"
    "    try:\n"
    "        print(f\"{x!r:>{w}} {y=} {{}}\", *a, sep='', **kw)\n"
    "    except* (ValueError, TypeError) as err:\n"
    "        raise RuntimeError('bad \\x41\\u00e9') from err\n"
    "    finally:\n"
    "        del x[1:2, ::3]\n"
    "    return lambda q, *r: (q, *r) if q else not r\n"
    "class C(Base, metaclass=M):\n"
    "    '''doc'''\n"
    "    value: int = 0x_FF + 0o17 + 0b1 + 1_000 + 1.5j\n"
    "match cmd:\n"
    "    case [x, *rest]:\n"
    "        pass\n";

START_TEST(truncated_and_mutated_input_never_crashes)
{
    size_t n = sizeof sample - 1;
    for (size_t len = 0; len <= n; len++) {
        AstModule m;
        SyntaxErrorInfo err;
        if (parse_module(sample, len, "t.py", &m, &err))
            ast_module_free(&m);
        else
            syntax_error_free(&err);
    }
    char buf[sizeof sample];
    for (int round = 0; round < 3000; round++) {
        memcpy(buf, sample, sizeof sample);
        int edits = 1 + (int)(rng() % 4);
        for (int e = 0; e < edits; e++)
            buf[rng() % n] = (char)(rng() % 256);
        AstModule m;
        SyntaxErrorInfo err;
        if (parse_module(buf, n, "t.py", &m, &err)) {
            ast_module_free(&m);
        } else {
            ck_assert_ptr_nonnull(err.message);
            syntax_error_free(&err);
        }
    }
}
END_TEST

START_TEST(binary_garbage_is_rejected)
{
    char buf[4096];
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof buf; i++)
            buf[i] = (char)(rng() % 256);
        AstModule m;
        SyntaxErrorInfo err;
        ck_assert(!parse_module(buf, sizeof buf, "t.py", &m, &err));
        syntax_error_free(&err);
        /* the same bytes, but read as a cell (no file to blame) */
        ck_assert(!parse_module(buf, sizeof buf, "<cell>", &m, &err));
        syntax_error_free(&err);
    }
}
END_TEST

START_TEST(large_input_is_fast)
{
    /* 10,000 lines of ordinary code; generous bound for sanitizer builds */
    static const char *lines[] = {
        "def f%d(a, b=2, *args, **kw):\n",
        "    x = [a + b * %d for a in range(10) if a %% 2] + [f'{a!r:>10}']\n",
        "    if x and not b or (a < b <= 3):\n",
        "        return print(x, b, sep='', *args)\n",
        "    return a.b.c[1:2, ::3](x) + %d\n",
    };
    size_t cap = 1 << 20, len = 0;
    char *src = malloc(cap);
    for (int i = 0; i < 10000; i++) {
        if (len + 200 > cap)
            src = realloc(src, cap *= 2);
        len += (size_t)snprintf(src + len, cap - len, lines[i % 5], i);
    }
    AstModule m;
    SyntaxErrorInfo err;
    clock_t t0 = clock();
    ck_assert(parse_module(src, len, "big.py", &m, &err));
    double ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
    ck_assert_int_eq(m.body.len, 2000);
    ck_assert_msg(ms < 3000, "parsing 10,000 lines took %.1f ms", ms);
    ast_module_free(&m);
    /* one 1 MB line */
    char *line = repeat("x = '", "a", 1 << 20, "'\n");
    ck_assert(parse_module(line, strlen(line), "t.py", &m, &err));
    ck_assert_int_eq(m.body.items[0]->a->str.len, 1 << 20);
    ast_module_free(&m);
    free(line);
    free(src);
}
END_TEST

START_TEST(special_source_forms)
{
    /* BOM, CRLF, no final newline, only comments, empty */
    Node *s = first_statement("\xef\xbb\xbfx = 1\r\ny = 2");
    ck_assert_int_eq(module.body.len, 2);
    ck_assert_int_eq(s->col, 0);
    teardown();
    AstModule m;
    SyntaxErrorInfo err;
    const char *comments = "# only\n\n   # comments\n";
    ck_assert(parse_module(comments, strlen(comments), "t.py", &m, &err));
    ck_assert_int_eq(m.body.len, 0);
    ast_module_free(&m);
    ck_assert(parse_module(NULL, 0, NULL, &m, &err));
    ck_assert_int_eq(m.body.len, 0);
    ast_module_free(&m);
    /* a cell gets the codec's message, not the file's */
    ck_assert(!parse_module("x = 'a\xff" "b'\n", 10, "<cell 1>", &m, &err));
    ck_assert_str_eq(err.message, "(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: "
                                  "invalid start byte");
    syntax_error_free(&err);
    SyntaxErrorInfo e2 = error_of("x = 1\n\0\n", 8);
    ck_assert_str_eq(e2.message, "source code cannot contain null bytes");
    ck_assert_int_eq(e2.line, 2);
    syntax_error_free(&e2);
}
END_TEST

START_TEST(error_in_cell_uses_its_name)
{
    AstModule m;
    SyntaxErrorInfo err;
    ck_assert(!parse_module("x = (", 5, "<cell 3>", &m, &err));
    ck_assert_str_eq(err.filename, "<cell 3>");
    ck_assert_str_eq(err.source_line, "x = (");
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.col, 5);
    syntax_error_free(&err);
    /* freeing twice is harmless */
    syntax_error_free(&err);
}
END_TEST

static Suite *parser_suite(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("cpython");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, dump_matches_cpython, 0, COUNT(dump_cases));
    tcase_add_loop_test(tc, positions_match_cpython, 0, COUNT(position_cases));
    tcase_add_loop_test(tc, error_matches_cpython, 0, COUNT(error_cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("fields");
    tcase_add_test(tc, statement_flags);
    tcase_add_test(tc, literal_values);
    tcase_add_test(tc, fstring_parts);
    tcase_add_test(tc, parameters);
    tcase_add_test(tc, compare_operators);
    tcase_add_test(tc, names_and_kinds);
    tcase_add_checked_fixture(tc, NULL, teardown);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, print_like_cpython);
    tcase_add_test(tc, special_source_forms);
    tcase_add_test(tc, error_in_cell_uses_its_name);
    tcase_add_checked_fixture(tc, NULL, teardown);
    suite_add_tcase(s, tc);
    tc = tcase_create("robustness");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, deep_nesting_is_an_error_not_a_crash);
    tcase_add_test(tc, limits_match_cpython);
    tcase_add_test(tc, moderate_nesting_parses);
    tcase_add_test(tc, truncated_and_mutated_input_never_crashes);
    tcase_add_test(tc, binary_garbage_is_rejected);
    tcase_add_test(tc, large_input_is_fast);
    tcase_add_checked_fixture(tc, NULL, teardown);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(parser_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
