/* test_compiler.c: scope analysis, emitted code and compile-time errors. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"
#include "disasm.h"
#include "scope.h"

static VM *vm;

static void setup(void)
{
    vm = vm_new();
}

static void teardown(void)
{
    vm_free(vm);
}

/* ---- scopes ---------------------------------------------------------------------- */

static ScopeTable scopes;
static AstModule module;

static Scope *analyze(const char *src)
{
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(parse_module(src, strlen(src), "t.py", &module, &err), "parse failed: %s", err.message);
    ck_assert(scope_analyze(&module, "t.py", false, &scopes, &err));
    return scopes.module;
}

static void release(void)
{
    scope_table_free(&scopes);
    ast_module_free(&module);
}

START_TEST(locals_globals_and_cells)
{
    Scope *m = analyze("x = 1\ndef f(a):\n    b = a\n    def g():\n        return b + x\n    return g\n");
    ck_assert_int_eq(scope_name_kind(m, "x"), NAME_GLOBAL_IMPLICIT);
    Scope *f = m->children[0];
    ck_assert_str_eq(f->name, "f");
    ck_assert_int_eq(scope_name_kind(f, "a"), NAME_LOCAL);
    ck_assert_int_eq(scope_name_kind(f, "b"), NAME_CELL);
    Scope *g = f->children[0];
    ck_assert_int_eq(scope_name_kind(g, "b"), NAME_FREE);
    ck_assert_int_eq(scope_name_kind(g, "x"), NAME_GLOBAL_IMPLICIT);
    release();
}
END_TEST

START_TEST(global_and_nonlocal_declarations)
{
    Scope *m = analyze("def f():\n    global y\n    y = 1\n    z = 0\n    def g():\n        nonlocal z\n        z += 1\n");
    Scope *f = m->children[0];
    ck_assert_int_eq(scope_name_kind(f, "y"), NAME_GLOBAL_EXPLICIT);
    ck_assert_int_eq(scope_name_kind(f, "z"), NAME_CELL);
    ck_assert_int_eq(scope_name_kind(f->children[0], "z"), NAME_FREE);
    release();
}
END_TEST

START_TEST(class_scope_is_skipped_by_methods)
{
    Scope *m = analyze("def outer():\n    v = 1\n    class C:\n        v = 2\n        def m(self):\n            return v\n");
    Scope *outer = m->children[0];
    Scope *c = outer->children[0];
    Scope *meth = c->children[0];
    ck_assert_int_eq(scope_name_kind(c, "v"), NAME_CLASS_OR_MODULE);
    ck_assert_int_eq(scope_name_kind(meth, "v"), NAME_FREE);
    ck_assert_int_eq(scope_name_kind(outer, "v"), NAME_CELL);
    release();
}
END_TEST

START_TEST(comprehension_has_its_own_scope)
{
    Scope *m = analyze("def f(n):\n    return [i * n for i in range(n)]\n");
    Scope *f = m->children[0];
    Scope *comp = f->children[0];
    ck_assert_str_eq(comp->name, "<listcomp>");
    ck_assert_int_eq(scope_name_kind(comp, "i"), NAME_LOCAL);
    ck_assert_int_eq(scope_name_kind(comp, "n"), NAME_FREE);
    ck_assert_int_eq(scope_name_kind(f, "n"), NAME_CELL);
    release();
}
END_TEST

/* ---- compile errors --------------------------------------------------------------- */

static void expect_error(const char *src, const char *kind, const char *message, uint32_t line)
{
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ObjCode *code = compile_source(vm, src, strlen(src), "t.py", COMPILE_FILE, &err);
    ck_assert_msg(code == NULL, "expected an error for: %s", src);
    ck_assert_str_eq(err.kind, kind);
    ck_assert_str_eq(err.message, message);
    ck_assert_uint_eq(err.line, line);
    syntax_error_free(&err);
}

START_TEST(errors_name_the_problem)
{
    expect_error("return 1\n", "SyntaxError", "'return' outside function", 1);
    expect_error("x = 1\nbreak\n", "SyntaxError", "'break' outside loop", 2);
    expect_error("continue\n", "SyntaxError", "'continue' not properly in loop", 1);
    expect_error("def f():\n    nonlocal q\n", "SyntaxError", "no binding for nonlocal 'q' found", 2);
    expect_error("def f(a):\n    global a\n", "SyntaxError", "name 'a' is parameter and global", 2);
    expect_error("x = 1\nawait x\n", "SyntaxError", "'await' outside function", 2);
    expect_error("def f():\n    await g()\n", "SyntaxError", "'await' outside async function", 2);
    expect_error("yield 1\n", "SyntaxError", "'yield' outside function", 1);
    expect_error("f(a=1, a=2)\n", "SyntaxError", "keyword argument repeated: a", 1);
    expect_error("a, *b, *c = x\n", "SyntaxError", "multiple starred expressions in assignment", 1);
}
END_TEST

/* expect_error, and the 1-based column of the caret */
static void expect_error_at(const char *src, const char *kind, const char *message, uint32_t line,
                            uint32_t col)
{
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ObjCode *code = compile_source(vm, src, strlen(src), "t.py", COMPILE_FILE, &err);
    ck_assert_msg(code == NULL, "expected an error for: %s", src);
    ck_assert_str_eq(err.kind, kind);
    ck_assert_str_eq(err.message, message);
    ck_assert_uint_eq(err.line, line);
    ck_assert_uint_eq(err.col, col);
    syntax_error_free(&err);
}

START_TEST(constructs_outside_the_subset_are_named)
{
    expect_error("x = 3j\n", "NotImplementedError", "complex numbers are not supported", 1);
    expect_error("x = b'a'\n", "NotImplementedError", "bytes literals are not supported", 1);
    expect_error_at("x = 1\nmatch x:\n    case 1:\n        pass\n", "NotImplementedError",
                    "the match statement is not supported", 2, 1);
    expect_error_at("try:\n    pass\nexcept* ValueError:\n    pass\n", "NotImplementedError",
                    "'except*' is not supported", 3, 1);
    expect_error_at("class M(type):\n    pass\nclass C(M, metaclass=M):\n    pass\n",
                    "NotImplementedError", "metaclasses (class C(metaclass=...)) are not supported", 3, 12);
    expect_error_at("class C(x=1):\n    pass\n", "NotImplementedError",
                    "class keyword arguments are not supported", 1, 9);
}
END_TEST

/* ---- emitted code ---------------------------------------------------------------- */

static char *disassemble(const char *src)
{
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ObjCode *code = compile_source(vm, src, strlen(src), "t.py", COMPILE_FILE, &err);
    ck_assert_msg(code != NULL, "compile failed: %s", err.message);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    vm_push_root(vm, OBJ_VAL(code));
    disasm_code(vm, code, out);
    vm_pop_root(vm, 1);
    fclose(out);
    return buf;
}

START_TEST(calls_use_method_calls_and_fast_locals)
{
    char *d = disassemble("def f(xs):\n    xs.append(1)\n    return len(xs)\n");
    ck_assert_ptr_nonnull(strstr(d, "LOAD_METHOD"));
    ck_assert_ptr_nonnull(strstr(d, "CALL_METHOD"));
    ck_assert_ptr_nonnull(strstr(d, "LOAD_FAST"));
    ck_assert_ptr_nonnull(strstr(d, "LOAD_GLOBAL"));
    free(d);
}
END_TEST

START_TEST(try_except_has_an_exception_table)
{
    char *d = disassemble("try:\n    x = 1\nexcept ValueError as e:\n    pass\n");
    ck_assert_ptr_nonnull(strstr(d, "ExceptionTable:"));
    ck_assert_ptr_nonnull(strstr(d, "PUSH_EXC_INFO"));
    ck_assert_ptr_nonnull(strstr(d, "CHECK_EXC_MATCH"));
    ck_assert_ptr_nonnull(strstr(d, "POP_EXCEPT"));
    free(d);
}
END_TEST

START_TEST(constants_are_shared)
{
    const char *src = "a = 'x'\nb = 'x'\nc = 100000\nd = 100000\n";
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ObjCode *code = compile_source(vm, src, strlen(src), "t.py", COMPILE_FILE, &err);
    ck_assert_ptr_nonnull(code);
    ck_assert_uint_eq(code->n_constants, 2);
}
END_TEST

START_TEST(line_table_follows_statements)
{
    const char *src = "a = 1\n\nb = 2\n";
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    ObjCode *code = compile_source(vm, src, strlen(src), "t.py", COMPILE_FILE, &err);
    ck_assert_ptr_nonnull(code);
    ck_assert_uint_eq(code->lines[0].line, 1);
    bool saw3 = false;
    for (uint32_t i = 0; i < code->n_lines; i++) saw3 |= code->lines[i].line == 3;
    ck_assert(saw3);
}
END_TEST

static Suite *compiler_suite(void)
{
    Suite *s = suite_create("compiler");
    TCase *sc = tcase_create("scope");
    tcase_add_test(sc, locals_globals_and_cells);
    tcase_add_test(sc, global_and_nonlocal_declarations);
    tcase_add_test(sc, class_scope_is_skipped_by_methods);
    tcase_add_test(sc, comprehension_has_its_own_scope);
    suite_add_tcase(s, sc);
    TCase *tc = tcase_create("emit");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, errors_name_the_problem);
    tcase_add_test(tc, constructs_outside_the_subset_are_named);
    tcase_add_test(tc, calls_use_method_calls_and_fast_locals);
    tcase_add_test(tc, try_except_has_an_exception_table);
    tcase_add_test(tc, constants_are_shared);
    tcase_add_test(tc, line_table_follows_statements);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(compiler_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
