/* test_str.c: str's methods (str.c), called as natives on a fresh VM and
 * checked against CPython 3.11's results and messages. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "ops.h"
#include "str.h"
#include "vm.h"

#include "value_fixture.h"

static Value S(const char *s)
{
    return R(OBJ_VAL(str_from_cstr(vm, s)));
}

/* Call str.<name>(args...) through the native in str's dict. */
static bool call_str_method(const char *name, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    Value m = dict_get_str(vm->c.str->dict, str_intern_cstr(vm, name));
    ck_assert_msg(IS_NATIVE(m), "str.%s is not a native", name);
    return AS_NATIVE(m)->fn(vm, args, nargs, kwnames, out);
}

typedef struct {
    char k; /* n(one) b i s l(ist of strs, \x1f-separated) t(uple of strs) L(['a', 1]) */
    long long i;
    const char *s;
} Arg;

/* A list or tuple of the \x1f-separated parts of s. */
static Value split_parts(const char *s, bool tuple)
{
    ObjList *l = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(l));
    const char *p = s;
    while (*p) {
        const char *e = strchr(p, '\x1f');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        list_append(vm, l, OBJ_VAL(str_new(vm, p, n)));
        p += n + (e ? 1 : 0);
    }
    Value r = OBJ_VAL(l);
    if (tuple) r = OBJ_VAL(tuple_new(vm, l->items, l->len));
    vm_pop_root(vm, 1);
    return r;
}

static Value arg_value(const Arg *a)
{
    switch (a->k) {
    case 'n': return NONE_VAL;
    case 'b': return BOOL_VAL(a->i != 0);
    case 'i': return INT_VAL(a->i);
    case 's': return S(a->s);
    case 'l': return split_parts(a->s, false);
    case 't': return split_parts(a->s, true);
    default: {
        Value items[2] = {S("a"), INT_VAL(1)};
        vm_push_root(vm, items[0]);
        Value l = OBJ_VAL(list_new(vm, items, 2));
        vm_pop_root(vm, 1);
        return l;
    }
    }
}

static const struct {
    const char *method;
    const char *self;
    int nargs;
    Arg args[3];
    const char *expect;
    int ok;
} cases[] = {
    {"split", "a b  c", 0, {{'n', 0, NULL}}, "['a', 'b', 'c']", 1},
    {"split", "  a  b  ", 2, {{'n', 0, NULL}, {'i', 1, NULL}}, "['a', 'b  ']", 1},
    {"split", "a,b,,c", 1, {{'s', 0, ","}}, "['a', 'b', '', 'c']", 1},
    {"split", "a,b,,c", 2, {{'s', 0, ","}, {'i', 1, NULL}}, "['a', 'b,,c']", 1},
    {"split", "", 0, {{'n', 0, NULL}}, "[]", 1},
    {"split", "", 1, {{'s', 0, ","}}, "['']", 1},
    {"split", "a", 1, {{'s', 0, ""}}, "ValueError: empty separator", 0},
    {"split", "a\x1c""b\xc2\x85""c\xe3\x80\x80""d", 0, {{'n', 0, NULL}}, "['a', 'b', 'c', 'd']", 1},
    {"split", "x", 1, {{'i', 1, NULL}}, "TypeError: must be str or None, not int", 0},
    {"rsplit", "  a  b  ", 2, {{'n', 0, NULL}, {'i', 1, NULL}}, "['  a', 'b']", 1},
    {"rsplit", "a,b,,c", 2, {{'s', 0, ","}, {'i', 1, NULL}}, "['a,b,', 'c']", 1},
    {"rsplit", "a b c", 0, {{'n', 0, NULL}}, "['a', 'b', 'c']", 1},
    {"rsplit", "aXbXc", 2, {{'s', 0, "X"}, {'i', 0, NULL}}, "['aXbXc']", 1},
    {"join", ",", 1, {{'s', 0, "abc"}}, "'a,b,c'", 1},
    {"join", "", 1, {{'l', 0, ""}}, "''", 1},
    {"join", "-", 1, {{'l', 0, "a\x1f""b\x1f""c"}}, "'a-b-c'", 1},
    {"join", "-", 1, {{'L', 0, NULL}}, "TypeError: sequence item 1: expected str instance, int found", 0},
    {"join", "-", 1, {{'i', 5, NULL}}, "TypeError: can only join an iterable", 0},
    {"join", "\xc3\xa9", 1, {{'l', 0, "x\x1fy"}}, "'x\xc3\xa9y'", 1},
    {"strip", "  x  ", 0, {{'n', 0, NULL}}, "'x'", 1},
    {"strip", "xxaxx", 1, {{'s', 0, "x"}}, "'a'", 1},
    {"strip", "\xe3\x80\x80x\xe3\x80\x80", 0, {{'n', 0, NULL}}, "'x'", 1},
    {"lstrip", "aaab", 1, {{'s', 0, "a"}}, "'b'", 1},
    {"rstrip", "abccc", 1, {{'s', 0, "c"}}, "'ab'", 1},
    {"strip", "abc", 1, {{'i', 1, NULL}}, "TypeError: strip arg must be None or str", 0},
    {"strip", "\xc3\xa9x\xc3\xa9", 1, {{'s', 0, "\xc3\xa9"}}, "'x'", 1},
    {"upper", "h\xc3\xa9llo", 0, {{'n', 0, NULL}}, "'H\xc3\x89LLO'", 1},
    {"lower", "H\xc3\x89LLO", 0, {{'n', 0, NULL}}, "'h\xc3\xa9llo'", 1},
    {"title", "they're bill's", 0, {{'n', 0, NULL}}, "\"They'Re Bill'S\"", 1},
    {"title", "hello w\xc3\xb6rld", 0, {{'n', 0, NULL}}, "'Hello W\xc3\xb6rld'", 1},
    {"capitalize", "hELLO", 0, {{'n', 0, NULL}}, "'Hello'", 1},
    {"swapcase", "ABC def", 0, {{'n', 0, NULL}}, "'abc DEF'", 1},
    {"upper", "\xc3\x9f", 0, {{'n', 0, NULL}}, "'SS'", 1},
    {"upper", "x", 1, {{'i', 1, NULL}}, "TypeError: str.upper() takes no arguments (1 given)", 0},
    {"replace", "aaa", 3, {{'s', 0, "a"}, {'s', 0, "b"}, {'i', 2, NULL}}, "'bba'", 1},
    {"replace", "abc", 2, {{'s', 0, ""}, {'s', 0, "-"}}, "'-a-b-c-'", 1},
    {"replace", "abc", 3, {{'s', 0, ""}, {'s', 0, "-"}, {'i', 2, NULL}}, "'-a-bc'", 1},
    {"replace", "h\xc3\xa9llo", 2, {{'s', 0, "l"}, {'s', 0, "L"}}, "'h\xc3\xa9LLo'", 1},
    {"replace", "abc", 2, {{'s', 0, "x"}, {'s', 0, "y"}}, "'abc'", 1},
    {"replace", "a", 2, {{'i', 1, NULL}, {'s', 0, "b"}}, "TypeError: replace() argument 1 must be str, not int", 0},
    {"replace", "a", 1, {{'s', 0, "a"}}, "TypeError: replace expected at least 2 arguments, got 1", 0},
    {"find", "hello", 1, {{'s', 0, "l"}}, "2", 1},
    {"find", "hello", 2, {{'s', 0, "l"}, {'i', 3, NULL}}, "3", 1},
    {"find", "hello", 1, {{'s', 0, "z"}}, "-1", 1},
    {"find", "abc", 2, {{'s', 0, ""}, {'i', 5, NULL}}, "-1", 1},
    {"find", "abc", 2, {{'s', 0, ""}, {'i', 3, NULL}}, "3", 1},
    {"rfind", "abcabc", 3, {{'s', 0, "b"}, {'i', 0, NULL}, {'i', 4, NULL}}, "1", 1},
    {"find", "h\xc3\xa9llo", 1, {{'s', 0, "l"}}, "2", 1},
    {"rfind", "h\xc3\xa9llo", 1, {{'s', 0, "l"}}, "3", 1},
    {"find", "abc", 2, {{'s', 0, "c"}, {'i', -1, NULL}}, "2", 1},
    {"find", "a", 1, {{'i', 1, NULL}}, "TypeError: must be str, not int", 0},
    {"index", "abc", 1, {{'s', 0, "c"}}, "2", 1},
    {"index", "abc", 1, {{'s', 0, "z"}}, "ValueError: substring not found", 0},
    {"rindex", "abcb", 1, {{'s', 0, "b"}}, "3", 1},
    {"count", "aaa", 1, {{'s', 0, ""}}, "4", 1},
    {"count", "aaa", 1, {{'s', 0, "aa"}}, "1", 1},
    {"count", "abcabc", 2, {{'s', 0, "bc"}, {'i', -4, NULL}}, "1", 1},
    {"count", "h\xc3\xa9\xc3\xa9", 1, {{'s', 0, "\xc3\xa9"}}, "2", 1},
    {"startswith", "abc", 1, {{'s', 0, "ab"}}, "True", 1},
    {"startswith", "abc", 1, {{'t', 0, "x\x1f""a"}}, "True", 1},
    {"startswith", "abc", 2, {{'s', 0, "b"}, {'i', 1, NULL}}, "True", 1},
    {"startswith", "abc", 2, {{'s', 0, ""}, {'i', 3, NULL}}, "True", 1},
    {"startswith", "abc", 2, {{'s', 0, ""}, {'i', 4, NULL}}, "False", 1},
    {"endswith", "abc", 2, {{'s', 0, "bc"}, {'i', -2, NULL}}, "True", 1},
    {"endswith", "abc", 1, {{'t', 0, "a\x1f""c"}}, "True", 1},
    {"startswith", "a", 1, {{'i', 1, NULL}}, "TypeError: startswith first arg must be str or a tuple of str, not int", 0},
    {"endswith", "abc", 1, {{'s', 0, ""}}, "True", 1},
    {"center", "ab", 1, {{'i', 5, NULL}}, "'  ab '", 1},
    {"center", "ab", 2, {{'i', 6, NULL}, {'s', 0, "*"}}, "'**ab**'", 1},
    {"center", "abc", 1, {{'i', 6, NULL}}, "' abc  '", 1},
    {"ljust", "abc", 2, {{'i', 6, NULL}, {'s', 0, "."}}, "'abc...'", 1},
    {"rjust", "abc", 1, {{'i', 6, NULL}}, "'   abc'", 1},
    {"center", "x", 2, {{'i', 4, NULL}, {'s', 0, "\xc3\xa9"}}, "'\xc3\xa9x\xc3\xa9\xc3\xa9'", 1},
    {"center", "a", 2, {{'i', 5, NULL}, {'s', 0, "ab"}}, "TypeError: The fill character must be exactly one character long", 0},
    {"zfill", "-42", 1, {{'i', 5, NULL}}, "'-0042'", 1},
    {"zfill", "+x", 1, {{'i', 4, NULL}}, "'+00x'", 1},
    {"zfill", "42", 1, {{'i', 1, NULL}}, "'42'", 1},
    {"partition", "a,b,c", 1, {{'s', 0, ","}}, "('a', ',', 'b,c')", 1},
    {"rpartition", "a,b,c", 1, {{'s', 0, ","}}, "('a,b', ',', 'c')", 1},
    {"partition", "abc", 1, {{'s', 0, "x"}}, "('abc', '', '')", 1},
    {"rpartition", "abc", 1, {{'s', 0, "x"}}, "('', '', 'abc')", 1},
    {"partition", "a", 1, {{'s', 0, ""}}, "ValueError: empty separator", 0},
    {"removeprefix", "prefix_rest", 1, {{'s', 0, "prefix_"}}, "'rest'", 1},
    {"removesuffix", "file.py", 1, {{'s', 0, ".py"}}, "'file'", 1},
    {"removesuffix", "abc", 1, {{'s', 0, ""}}, "'abc'", 1},
    {"removeprefix", "abc", 1, {{'s', 0, "x"}}, "'abc'", 1},
    {"splitlines", "ab\x0a""cd\x0d\x0a""ef\x0dgh", 0, {{'n', 0, NULL}}, "['ab', 'cd', 'ef', 'gh']", 1},
    {"splitlines", "ab\x0a""cd\x0d\x0a", 1, {{'b', 1, NULL}}, "['ab\\n', 'cd\\r\\n']", 1},
    {"splitlines", "", 0, {{'n', 0, NULL}}, "[]", 1},
    {"expandtabs", "a\x09""b\x09""c", 1, {{'i', 4, NULL}}, "'a   b   c'", 1},
    {"expandtabs", "\x09x\x0ay\x09z", 0, {{'n', 0, NULL}}, "'        x\\ny       z'", 1},
    {"isdigit", "12", 0, {{'n', 0, NULL}}, "True", 1},
    {"isdigit", "", 0, {{'n', 0, NULL}}, "False", 1},
    {"isdigit", "\xc2\xb2", 0, {{'n', 0, NULL}}, "True", 1},
    {"isdecimal", "\xc2\xb2", 0, {{'n', 0, NULL}}, "False", 1},
    {"isnumeric", "\xc2\xbd", 0, {{'n', 0, NULL}}, "True", 1},
    {"isalpha", "h\xc3\xa9llo", 0, {{'n', 0, NULL}}, "True", 1},
    {"isalpha", "ab c", 0, {{'n', 0, NULL}}, "False", 1},
    {"isalnum", "ab12", 0, {{'n', 0, NULL}}, "True", 1},
    {"isspace", " \x09\x0a", 0, {{'n', 0, NULL}}, "True", 1},
    {"isupper", "ABC1", 0, {{'n', 0, NULL}}, "True", 1},
    {"islower", "abc1", 0, {{'n', 0, NULL}}, "True", 1},
    {"isupper", "1", 0, {{'n', 0, NULL}}, "False", 1},
    {"istitle", "Hello World", 0, {{'n', 0, NULL}}, "True", 1},
    {"istitle", "Hello world", 0, {{'n', 0, NULL}}, "False", 1},
    {"isidentifier", "a_1", 0, {{'n', 0, NULL}}, "True", 1},
    {"isidentifier", "1a", 0, {{'n', 0, NULL}}, "False", 1},
    {"isidentifier", "\xc3\xa9", 0, {{'n', 0, NULL}}, "True", 1},
    {"isascii", "\xc3\xa9", 0, {{'n', 0, NULL}}, "False", 1},
    {"format", "{} {}", 2, {{'i', 1, NULL}, {'s', 0, "a"}}, "'1 a'", 1},
    {"format", "{1}{0}", 2, {{'s', 0, "a"}, {'s', 0, "b"}}, "'ba'", 1},
    {"__len__", "h\xc3\xa9llo", 0, {{'n', 0, NULL}}, "5", 1},
    {"__contains__", "hello", 1, {{'s', 0, "ell"}}, "True", 1},
    {"__getitem__", "h\xc3\xa9llo", 1, {{'i', 1, NULL}}, "'\xc3\xa9'", 1},
    {"__add__", "ab", 1, {{'s', 0, "c"}}, "'abc'", 1},
    {"__mul__", "ab", 1, {{'i', 3, NULL}}, "'ababab'", 1},
    {"__mod__", "%d%%", 1, {{'i', 5, NULL}}, "'5%'", 1},
};

START_TEST(test_method_table)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Value argv[4];
        argv[0] = S(cases[i].self);
        vm_push_root(vm, argv[0]);
        for (int k = 0; k < cases[i].nargs; k++) {
            argv[k + 1] = arg_value(&cases[i].args[k]);
            vm_push_root(vm, argv[k + 1]);
        }
        Value out;
        bool ok = call_str_method(cases[i].method, argv, cases[i].nargs + 1, NULL, &out);
        char got[512];
        if (ok) {
            ObjStr *r;
            ck_assert(op_repr(vm, out, &r));
            snprintf(got, sizeof got, "%s", r->data);
        } else {
            snprintf(got, sizeof got, "%s", take_error());
        }
        ck_assert_msg(ok == (cases[i].ok != 0) && strcmp(got, cases[i].expect) == 0,
                      "%s.%s(...) [case %zu]: got [%s], want [%s]", cases[i].self, cases[i].method,
                      i, got, cases[i].expect);
        vm_pop_root(vm, (size_t)cases[i].nargs + 1);
    }
}
END_TEST

START_TEST(test_split_keywords)
{
    Value argv[3] = {S("a b c"), INT_VAL(1)};
    vm_push_root(vm, argv[0]);
    Value kwname = OBJ_VAL(N("maxsplit"));
    ObjTuple *kw = T(&kwname, 1);
    vm_push_root(vm, OBJ_VAL(kw));
    Value out;
    ck_assert(call_str_method("split", argv, 1, kw, &out));
    ObjStr *r;
    ck_assert(op_repr(vm, out, &r));
    ck_assert_str_eq(r->data, "['a', 'b c']");
    Value bad = OBJ_VAL(N("x"));
    ObjTuple *kw2 = T(&bad, 1);
    ck_assert(!call_str_method("split", argv, 1, kw2, &out));
    ck_assert_str_eq(take_error(), "TypeError: 'x' is an invalid keyword argument for split()");
    argv[1] = S("a");
    ck_assert(!call_str_method("upper", argv, 2, NULL, &out));
    ck_assert_str_eq(take_error(), "TypeError: str.upper() takes no arguments (1 given)");
}
END_TEST

START_TEST(test_descriptor_self_check)
{
    Value argv[1] = {INT_VAL(5)};
    Value out;
    ck_assert(!call_str_method("upper", argv, 1, NULL, &out));
    ck_assert_str_eq(take_error(),
                     "TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object");
    ck_assert(!call_str_method("join", argv, 0, NULL, &out));
    ck_assert_str_eq(take_error(), "TypeError: unbound method str.join() needs an argument");
}
END_TEST

START_TEST(test_str_new)
{
    Value argv[2] = {OBJ_VAL(vm->c.str), FLOAT_VAL(1.5)};
    Value out;
    ck_assert(call_str_method("__new__", argv, 2, NULL, &out));
    ck_assert_str_eq(AS_STR(out)->data, "1.5");
    ck_assert(call_str_method("__new__", argv, 1, NULL, &out));
    ck_assert_str_eq(AS_STR(out)->data, "");
    argv[1] = INT_VAL(1);
    Value argv3[3] = {OBJ_VAL(vm->c.str), INT_VAL(1), INT_VAL(2)};
    ck_assert(!call_str_method("__new__", argv3, 3, NULL, &out));
    ck_assert_str_eq(take_error(), "TypeError: str() argument 'encoding' must be str, not int");
}
END_TEST

START_TEST(test_str_basics)
{
    ObjStr *a = str_from_cstr(vm, "h\xc3\xa9llo");
    ck_assert_int_eq(a->byte_len, 6);
    ck_assert_int_eq(a->char_len, 5);
    ck_assert(!a->ascii);
    vm_push_root(vm, OBJ_VAL(a));
    ObjStr *b = N("h\xc3\xa9llo");
    ck_assert(str_equal(a, b));
    ck_assert(N("h\xc3\xa9llo") == b);
    ck_assert_uint_eq(str_hash(a), str_hash(b));
    ck_assert_uint_eq(str_hash(str_from_cstr(vm, "")), 0);
    ck_assert(AS_STR(vm->small_strs['x']) == str_new(vm, "x", 1));
}
END_TEST

/* join and concatenation are linear: a long join is one allocation. */
START_TEST(test_join_large)
{
    ObjList *l = L(NULL, 0);
    vm_push_root(vm, OBJ_VAL(l));
    for (int i = 0; i < 100000; i++) list_append(vm, l, vm->small_strs['a' + i % 26]);
    Value argv[2] = {S(","), OBJ_VAL(l)};
    vm_push_root(vm, argv[0]);
    Value out;
    ck_assert(call_str_method("join", argv, 2, NULL, &out));
    ck_assert_int_eq(AS_STR(out)->byte_len, 199999);
    ck_assert(AS_STR(out)->ascii);
}
END_TEST

static Suite *str_suite(void)
{
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_method_table);
    tcase_add_test(tc, test_split_keywords);
    tcase_add_test(tc, test_descriptor_self_check);
    tcase_add_test(tc, test_str_new);
    tcase_add_test(tc, test_str_basics);
    tcase_add_test(tc, test_join_large);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(str_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
