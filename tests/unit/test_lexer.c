/* test_lexer.c: token streams, literal decoding and lexical errors.
 *
 * Error positions are CPython 3.11's (1-based offset) for the same text. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Arena arena;
static Lexer lexer;

static void setup(void) { arena_init(&arena); }
static void teardown(void) { arena_free(&arena); }

/* Shortest %g that reads back the same, as the AST dump prints floats. */
static void format_double(char *out, size_t size, double d)
{
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(out, size, "%.*g", prec, d);
        if (strtod(out, NULL) == d)
            return;
    }
}

static void describe(const Token *t, char *out, size_t size)
{
    char num[64];
    switch ((TokenKind)t->kind) {
    case TOK_NAME:
        snprintf(out, size, "NAME(%.*s)", (int)t->len, t->start);
        break;
    case TOK_INT:
        if (t->big_digits)
            snprintf(out, size, "INT(%s)", t->big_digits);
        else
            snprintf(out, size, "INT(%lld)", (long long)t->int_value);
        break;
    case TOK_FLOAT:
    case TOK_IMAG:
        format_double(num, sizeof num, t->float_value);
        snprintf(out, size, "%s(%s)", t->kind == TOK_FLOAT ? "FLOAT" : "IMAG", num);
        break;
    case TOK_STRING:
        snprintf(out, size, "STRING(%s%s%s%s|%.*s)", t->str_flags & LEX_STR_BYTES ? "b" : "",
                 t->str_flags & LEX_STR_RAW ? "r" : "", t->str_flags & LEX_STR_FORMAT ? "f" : "",
                 t->str_flags & LEX_STR_TRIPLE ? "3" : "", (int)t->str_len, t->str);
        break;
    default:
        snprintf(out, size, "%s", lexer_token_name((TokenKind)t->kind));
        break;
    }
}

/* All tokens of src (which gets the final newline parse_module would add),
 * space-separated; an error ends the list as ERROR(kind: message @line:col-end). */
static char *tokens_of(const char *src)
{
    static char out[65536];
    size_t n = strlen(src);
    char *copy = arena_alloc(&arena, n + 2);
    memcpy(copy, src, n);
    if (n == 0 || copy[n - 1] != '\n')
        copy[n++] = '\n';
    copy[n] = '\0';
    lexer_init(&lexer, copy, n, &arena);
    size_t len = 0;
    out[0] = '\0';
    for (int guard = 0; guard < 2000; guard++) {
        Token t;
        char one[512];
        if (!lexer_next_token(&lexer, &t)) {
            const LexError *e = &lexer.error;
            snprintf(one, sizeof one, "ERROR(%s: %s @%u:%u-%u)", e->kind, e->message, e->line, e->col,
                     e->end_col);
        } else {
            describe(&t, one, sizeof one);
        }
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", len ? " " : "", one);
        if (t.kind == TOK_ENDMARKER || t.kind == TOK_ERROR)
            break;
    }
    return out;
}

static void check_tokens(const char *src, const char *expected)
{
    const char *got = tokens_of(src);
    ck_assert_msg(strcmp(got, expected) == 0, "source:\n%s\nexpected: %s\n     got: %s", src, expected,
                  got);
}

/* ---- layout --------------------------------------------------------------------- */

START_TEST(simple_statement)
{
    check_tokens("x = 1", "NAME(x) = INT(1) NEWLINE ENDMARKER");
    check_tokens("", "ENDMARKER");
    check_tokens("\n\n# only a comment\n   \n", "ENDMARKER");
    check_tokens("a; b", "NAME(a) ; NAME(b) NEWLINE ENDMARKER");
}
END_TEST

START_TEST(indent_and_dedent)
{
    check_tokens("if a:\n    b\nc\n",
                 "if NAME(a) : NEWLINE INDENT NAME(b) NEWLINE DEDENT NAME(c) NEWLINE ENDMARKER");
    check_tokens("if a:\n  if b:\n    if c:\n      d\ne\n",
                 "if NAME(a) : NEWLINE INDENT if NAME(b) : NEWLINE INDENT if NAME(c) : NEWLINE INDENT "
                 "NAME(d) NEWLINE DEDENT DEDENT DEDENT NAME(e) NEWLINE ENDMARKER");
    /* dedents owed at the end of the file */
    check_tokens("if a:\n    if b:\n        c",
                 "if NAME(a) : NEWLINE INDENT if NAME(b) : NEWLINE INDENT NAME(c) NEWLINE DEDENT "
                 "DEDENT ENDMARKER");
    /* partial dedent back to a middle level */
    check_tokens("if a:\n  if b:\n    c\n  d\n",
                 "if NAME(a) : NEWLINE INDENT if NAME(b) : NEWLINE INDENT NAME(c) NEWLINE DEDENT "
                 "NAME(d) NEWLINE DEDENT ENDMARKER");
    /* tabs alone are consistent; blank and comment-only lines do not count */
    check_tokens("if a:\n\tb\n\n\t# note\n   \n\tc\n",
                 "if NAME(a) : NEWLINE INDENT NAME(b) NEWLINE NAME(c) NEWLINE DEDENT ENDMARKER");
    check_tokens("if a:\n    b\n# col 0 comment\n    c\n",
                 "if NAME(a) : NEWLINE INDENT NAME(b) NEWLINE NAME(c) NEWLINE DEDENT ENDMARKER");
}
END_TEST

START_TEST(joined_lines)
{
    check_tokens("x = (1,\n     2)\n", "NAME(x) = ( INT(1) , INT(2) ) NEWLINE ENDMARKER");
    check_tokens("x = [\n\n  1  # c\n]\n", "NAME(x) = [ INT(1) ] NEWLINE ENDMARKER");
    check_tokens("x = 1 + \\\n    2\n", "NAME(x) = INT(1) + INT(2) NEWLINE ENDMARKER");
    check_tokens("if a:\n    x = {\n1: 2}\n    y\n",
                 "if NAME(a) : NEWLINE INDENT NAME(x) = { INT(1) : INT(2) } NEWLINE NAME(y) NEWLINE "
                 "DEDENT ENDMARKER");
    check_tokens("f(a,\n  b\n  )(c)", "NAME(f) ( NAME(a) , NAME(b) ) ( NAME(c) ) NEWLINE ENDMARKER");
}
END_TEST

START_TEST(operators_and_delimiters)
{
    check_tokens("+ - * / // % ** @ << >> & | ^ ~ < > <= >= == !=",
                 "+ - * / // % ** @ << >> & | ^ ~ < > <= >= == != NEWLINE ENDMARKER");
    check_tokens("-> := ... . , : ; = += -= *= /= //= %= **= @= &= |= ^= <<= >>=",
                 "-> := ... . , : ; = += -= *= /= //= %= **= @= &= |= ^= <<= >>= NEWLINE ENDMARKER");
    check_tokens("a**=b//=c", "NAME(a) **= NAME(b) //= NAME(c) NEWLINE ENDMARKER");
    check_tokens("x.y..z", "NAME(x) . NAME(y) . . NAME(z) NEWLINE ENDMARKER");
    check_tokens("a<>b", "NAME(a) < > NAME(b) NEWLINE ENDMARKER");
    check_tokens("$ ? ! `", "UNKNOWN UNKNOWN UNKNOWN UNKNOWN NEWLINE ENDMARKER");
}
END_TEST

START_TEST(keywords)
{
    check_tokens("False None True and as assert async await break class continue def del",
                 "False None True and as assert async await break class continue def del NEWLINE "
                 "ENDMARKER");
    check_tokens("elif else except finally for from global if import in is lambda nonlocal",
                 "elif else except finally for from global if import in is lambda nonlocal NEWLINE "
                 "ENDMARKER");
    check_tokens("not or pass raise return try while with yield",
                 "not or pass raise return try while with yield NEWLINE ENDMARKER");
    /* soft keywords and near misses stay names */
    check_tokens("match case _ iff Import none true",
                 "NAME(match) NAME(case) NAME(_) NAME(iff) NAME(Import) NAME(none) NAME(true) NEWLINE "
                 "ENDMARKER");
    check_tokens("caf\xc3\xa9 = \xce\xb1\xce\xb2", "NAME(caf\xc3\xa9) = NAME(\xce\xb1\xce\xb2) NEWLINE ENDMARKER");
}
END_TEST

/* ---- literals ------------------------------------------------------------------------ */

START_TEST(integers)
{
    check_tokens("0 7 1_000_000 00 0_0", "INT(0) INT(7) INT(1000000) INT(0) INT(0) NEWLINE ENDMARKER");
    check_tokens("0x1F 0XfF 0o17 0O7 0b101 0B1 0x_1 0b_1_0",
                 "INT(31) INT(255) INT(15) INT(7) INT(5) INT(1) INT(1) INT(2) NEWLINE ENDMARKER");
    check_tokens("9223372036854775807 9223372036854775808",
                 "INT(9223372036854775807) INT(9223372036854775808) NEWLINE ENDMARKER");
    check_tokens("123456789012345678901234567890", "INT(123456789012345678901234567890) NEWLINE ENDMARKER");
    /* beyond int64 in another base still arrives as decimal digits */
    check_tokens("0xFFFFFFFFFFFFFFFFFFFF 0o7777777777777777777777777 0b" "1111111111111111111111111111111111111111111111111111111111111111",
                 "INT(1208925819614629174706175) INT(37778931862957161709567) "
                 "INT(18446744073709551615) NEWLINE ENDMARKER");
    /* a number may touch a keyword, as CPython allows (with a warning) */
    check_tokens("1if x else 2", "INT(1) if NAME(x) else INT(2) NEWLINE ENDMARKER");
    check_tokens("0xfor", "INT(15) or NEWLINE ENDMARKER");
}
END_TEST

START_TEST(floats_and_imaginary)
{
    check_tokens("1.5 1e-3 .5 1_000.5 5. 1E10 0e0 01.5 1.e5",
                 "FLOAT(1.5) FLOAT(0.001) FLOAT(0.5) FLOAT(1000.5) FLOAT(5) FLOAT(1e+10) FLOAT(0) "
                 "FLOAT(1.5) FLOAT(1e+05) NEWLINE ENDMARKER");
    check_tokens("3j 1.5J 1e2j 01j 5.j", "IMAG(3) IMAG(1.5) IMAG(1e+02) IMAG(1) IMAG(5) NEWLINE ENDMARKER");
    check_tokens("1 .real", "INT(1) . NAME(real) NEWLINE ENDMARKER");
    check_tokens("1e999", "FLOAT(inf) NEWLINE ENDMARKER");
}
END_TEST

START_TEST(string_forms)
{
    check_tokens("'a' \"b\" '''c''' \"\"\"d\"\"\"",
                 "STRING(|a) STRING(|b) STRING(3|c) STRING(3|d) NEWLINE ENDMARKER");
    check_tokens("r'x' R'x' b'x' B'x' f'x' F'x' u'x' U'x'",
                 "STRING(r|x) STRING(r|x) STRING(b|x) STRING(b|x) STRING(f|x) STRING(f|x) STRING(|x) "
                 "STRING(|x) NEWLINE ENDMARKER");
    check_tokens("rb'x' Rb'x' bR'x' BR'x' br'x' fr'x' rF'x' FR'x'",
                 "STRING(br|x) STRING(br|x) STRING(br|x) STRING(br|x) STRING(br|x) STRING(rf|x) "
                 "STRING(rf|x) STRING(rf|x) NEWLINE ENDMARKER");
    /* not prefixes: ur, bf, ub are names followed by strings */
    check_tokens("ur'x' bf'x'", "NAME(ur) STRING(|x) NAME(bf) STRING(|x) NEWLINE ENDMARKER");
    /* the body is undecoded; escaped quotes and newlines do not end it */
    check_tokens("'it\\'s' \"q\\\"\" 'a\\\nb'", "STRING(|it\\'s) STRING(|q\\\") STRING(|a\\\nb) NEWLINE ENDMARKER");
    check_tokens("'''a\n'b'\n\"\"c'''", "STRING(3|a\n'b'\n\"\"c) NEWLINE ENDMARKER");
    check_tokens("''''''", "STRING(3|) NEWLINE ENDMARKER");
    check_tokens("f'{x}' 'y'", "STRING(f|{x}) STRING(|y) NEWLINE ENDMARKER");
}
END_TEST

static char *decoded(const char *body, bool is_bytes, bool raw, size_t *len, char *err)
{
    return lexer_decode_string(&arena, body, strlen(body), is_bytes, raw, len, err, 200);
}

static void check_decode(const char *body, bool is_bytes, const char *expected, size_t expected_len)
{
    size_t len = 0;
    char err[200] = "";
    char *got = decoded(body, is_bytes, false, &len, err);
    ck_assert_msg(got != NULL, "decode of %s failed: %s", body, err);
    ck_assert_msg(len == expected_len && memcmp(got, expected, len) == 0, "decode of %s", body);
}

START_TEST(escapes)
{
    check_decode("\\n\\t\\r\\\\\\'\\\"", false, "\n\t\r\\'\"", 6);
    check_decode("\\0\\a\\b\\f\\v", false, "\0\a\b\f\v", 5);
    check_decode("\\101\\7\\777", false, "A\x07\xc7\xbf", 4);
    check_decode("\\x41\\xe9", false, "A\xc3\xa9", 3);
    check_decode("\\u0041\\u00e9\\u2603", false, "A\xc3\xa9\xe2\x98\x83", 6);
    check_decode("\\U0001F600", false, "\xf0\x9f\x98\x80", 4);
    check_decode("a\\\nb", false, "ab", 2);
    /* unknown escapes are kept, as CPython does */
    check_decode("\\q\\d\\8\\N", true, "\\q\\d\\8\\N", 8);
    check_decode("\\u0041", true, "\\u0041", 6);
    check_decode("\\xff\\777\\0", true, "\xff\xff\0", 3);
    size_t len;
    char err[200];
    char *raw = decoded("\\n\\x", false, true, &len, err);
    ck_assert_str_eq(raw, "\\n\\x");
}
END_TEST

static void check_decode_error(const char *body, bool is_bytes, const char *message)
{
    size_t len;
    char err[200] = "";
    ck_assert_ptr_null(decoded(body, is_bytes, false, &len, err));
    ck_assert_str_eq(err, message);
}

START_TEST(escape_errors)
{
    /* python3: compile('x = "<body>"', ...) gives these messages */
    check_decode_error("\\x4", false, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                                      "0-2: truncated \\xXX escape");
    check_decode_error("ab\\x4g", false, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                         "position 2-4: truncated \\xXX escape");
    check_decode_error("\\u12", false, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                       "position 0-3: truncated \\uXXXX escape");
    check_decode_error("\\U1234", false, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                         "position 0-5: truncated \\UXXXXXXXX escape");
    check_decode_error("\\U00110000", false, "(unicode error) 'unicodeescape' codec can't decode bytes "
                                             "in position 0-9: illegal Unicode character");
    check_decode_error("\\N{DASH}", false, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                           "position 0-7: unknown Unicode character name");
    check_decode_error("\\N", false, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                     "position 0-1: malformed \\N character escape");
    check_decode_error("\\N{abc", false, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                         "position 0-5: malformed \\N character escape");
    check_decode_error("\\x4", true, "(value error) invalid \\x escape at position 0");
    check_decode_error("a\xff" "b", false, "(unicode error) 'utf-8' codec can't decode byte 0xff in "
                                          "position 1: invalid start byte");
    check_decode_error("a\xc3", false, "(unicode error) 'utf-8' codec can't decode byte 0xc3 in "
                                       "position 1: unexpected end of data");
    check_decode_error("\xe2\x82", false, "(unicode error) 'utf-8' codec can't decode bytes in position "
                                          "0-1: unexpected end of data");
    check_decode_error("\xed\xa0\x80", false, "(unicode error) 'utf-8' codec can't decode byte 0xed in "
                                              "position 0: invalid continuation byte");
    check_decode_error("\xc0\x80", false, "(unicode error) 'utf-8' codec can't decode byte 0xc0 in "
                                          "position 0: invalid start byte");
    check_decode_error("\xc3\xa9", true, "bytes can only contain ASCII literal characters");
}
END_TEST

/* ---- positions -------------------------------------------------------------------------- */

static Token token_at(const char *src, int index)
{
    size_t n = strlen(src);
    char *copy = arena_alloc(&arena, n + 1);
    memcpy(copy, src, n + 1);
    lexer_init(&lexer, copy, n, &arena);
    Token t;
    for (int i = 0; i <= index; i++)
        ck_assert(lexer_next_token(&lexer, &t));
    return t;
}

START_TEST(positions_count_code_points)
{
    Token t = token_at("\xc3\xa9t\xc3\xa9 = '\xc3\xbc' + x\n", 2);
    ck_assert_int_eq(t.kind, TOK_STRING);
    ck_assert_int_eq(t.line, 1);
    ck_assert_int_eq(t.col, 6);
    ck_assert_int_eq(t.end_col, 9);
    t = token_at("\xc3\xa9t\xc3\xa9 = '\xc3\xbc' + x\n", 4);
    ck_assert_str_eq(lexer_token_name(t.kind), "NAME");
    ck_assert_int_eq(t.col, 12);
    /* a triple-quoted string ends on a later line */
    t = token_at("x = '''a\nbc''' + y\n", 2);
    ck_assert_int_eq(t.line, 1);
    ck_assert_int_eq(t.col, 4);
    ck_assert_int_eq(t.end_line, 2);
    ck_assert_int_eq(t.end_col, 5);
    ck_assert_int_eq(t.body_line, 1);
    ck_assert_int_eq(t.body_col, 7);
    t = token_at("x = '''a\nbc''' + y\n", 4);
    ck_assert_int_eq(t.line, 2);
    ck_assert_int_eq(t.col, 8);
    /* tabs count as one column, like CPython's offsets */
    t = token_at("if a:\n\tb\n", 5);
    ck_assert_int_eq(t.kind, TOK_NAME);
    ck_assert_int_eq(t.col, 1);
    /* bracket depth after each token */
    t = token_at("f((a))\n", 2);
    ck_assert_int_eq(t.level, 2);
    t = token_at("f((a))\n", 4);
    ck_assert_int_eq(t.level, 1);
}
END_TEST

START_TEST(fragments)
{
    /* an f-string field: positions continue the host line, no layout tokens */
    const char *text = "a +\n  b)";
    lexer_init_fragment(&lexer, text, 7, &arena, 3, 10);
    Token t;
    ck_assert(lexer_next_token(&lexer, &t));
    ck_assert_int_eq(t.kind, TOK_NAME);
    ck_assert_int_eq(t.line, 3);
    ck_assert_int_eq(t.col, 10);
    ck_assert(lexer_next_token(&lexer, &t));
    ck_assert_int_eq(t.kind, TOK_PLUS);
    ck_assert(lexer_next_token(&lexer, &t));
    ck_assert_int_eq(t.kind, TOK_NAME);
    ck_assert_int_eq(t.line, 4);
    ck_assert_int_eq(t.col, 2);
    ck_assert(lexer_next_token(&lexer, &t));
    ck_assert_int_eq(t.kind, TOK_ENDMARKER);
}
END_TEST

/* ---- errors ---------------------------------------------------------------------------------- */

typedef struct {
    const char *source, *expected;
} ErrorToken;

/* Offsets are python3's SyntaxError.offset/end_offset (0: not given). */
static const ErrorToken error_tokens[] = {
    {"s = 'abc\n", "NAME(s) = ERROR(SyntaxError: unterminated string literal (detected at line 1) @1:5-5)"},
    {"s = '''abc\n\n", "NAME(s) = ERROR(SyntaxError: unterminated triple-quoted string literal (detected "
                       "at line 2) @1:5-5)"},
    {"x = 'abc\\\ndef\n", "NAME(x) = ERROR(SyntaxError: unterminated string literal (detected at line 2) "
                         "@1:5-5)"},
    {"x = 1a", "NAME(x) = ERROR(SyntaxError: invalid decimal literal @1:5-5)"},
    {"x = 12abc", "NAME(x) = ERROR(SyntaxError: invalid decimal literal @1:6-6)"},
    {"x = 1_", "NAME(x) = ERROR(SyntaxError: invalid decimal literal @1:6-6)"},
    {"x = 12__3", "NAME(x) = ERROR(SyntaxError: invalid decimal literal @1:7-7)"},
    {"x = 1e", "NAME(x) = ERROR(SyntaxError: invalid decimal literal @1:5-5)"},
    {"x = 1e+", "NAME(x) = ERROR(SyntaxError: invalid decimal literal @1:7-7)"},
    {"x = 1._5", "NAME(x) = ERROR(SyntaxError: invalid decimal literal @1:6-6)"},
    {"x = 1jx", "NAME(x) = ERROR(SyntaxError: invalid imaginary literal @1:6-6)"},
    {"x = 012", "NAME(x) = ERROR(SyntaxError: leading zeros in decimal integer literals are not "
                "permitted; use an 0o prefix for octal integers @1:5-6)"},
    {"x = 00_1", "NAME(x) = ERROR(SyntaxError: leading zeros in decimal integer literals are not "
                 "permitted; use an 0o prefix for octal integers @1:5-8)"},
    {"x = 0x", "NAME(x) = ERROR(SyntaxError: invalid hexadecimal literal @1:6-6)"},
    {"x = 0x1g", "NAME(x) = ERROR(SyntaxError: invalid hexadecimal literal @1:7-7)"},
    {"x = 0o_", "NAME(x) = ERROR(SyntaxError: invalid octal literal @1:7-7)"},
    {"x = 0b12", "NAME(x) = ERROR(SyntaxError: invalid digit '2' in binary literal @1:8-8)"},
    {"x = 0o78", "NAME(x) = ERROR(SyntaxError: invalid digit '8' in octal literal @1:8-8)"},
    {"x = 0b1a", "NAME(x) = ERROR(SyntaxError: invalid binary literal @1:7-7)"},
    {"x = )", "NAME(x) = ERROR(SyntaxError: unmatched ')' @1:5-5)"},
    {"x = (1]", "NAME(x) = ( INT(1) ERROR(SyntaxError: closing parenthesis ']' does not match opening "
                "parenthesis '(' @1:7-7)"},
    {"x = (\n1]", "NAME(x) = ( INT(1) ERROR(SyntaxError: closing parenthesis ']' does not match opening "
                  "parenthesis '(' on line 1 @2:2-2)"},
    {"x = (1,", "NAME(x) = ( INT(1) , ERROR(SyntaxError: '(' was never closed @1:5-0)"},
    {"x = 1 \xe2\x82\xac", "NAME(x) = INT(1) ERROR(SyntaxError: invalid character '\xe2\x82\xac' (U+20AC) "
                          "@1:7-7)"},
    /* the bad character is part of the name being read */
    {"x\xc2\xa0= 1", "ERROR(SyntaxError: invalid non-printable character U+00A0 @1:2-2)"},
    {"x = 1 \\ 2", "NAME(x) = INT(1) ERROR(SyntaxError: unexpected character after line continuation "
                   "character @1:8-0)"},
    {"x = 1 \\", "NAME(x) = INT(1) ERROR(SyntaxError: unexpected EOF while parsing @1:8-0)"},
    {"if 1:\n    x\n  y\n", "if INT(1) : NEWLINE INDENT NAME(x) NEWLINE ERROR(IndentationError: unindent "
                            "does not match any outer indentation level @3:4-0)"},
    {"if 1:\n\tx\n        y\n", "if INT(1) : NEWLINE INDENT NAME(x) NEWLINE ERROR(TabError: inconsistent "
                                "use of tabs and spaces in indentation @3:1-0)"},
    {"if 1:\n        x\n\ty\n", "if INT(1) : NEWLINE INDENT NAME(x) NEWLINE ERROR(TabError: inconsistent "
                                "use of tabs and spaces in indentation @3:1-0)"},
};

START_TEST(lexical_errors)
{
    check_tokens(error_tokens[_i].source, error_tokens[_i].expected);
    ck_assert(lexer.has_error);
    /* errors are sticky */
    Token t;
    ck_assert(!lexer_next_token(&lexer, &t));
    ck_assert_int_eq(t.kind, TOK_ERROR);
}
END_TEST

START_TEST(which_errors_beat_the_parser)
{
    tokens_of("x = 'abc\n");
    ck_assert(lexer.error.beats_parser_errors);
    tokens_of("x = (1,");
    ck_assert(!lexer.error.beats_parser_errors);
    ck_assert(lexer.error.unclosed_bracket);
    tokens_of("if 1:\n    x\n  y\n");
    ck_assert(!lexer.error.beats_parser_errors);
}
END_TEST

START_TEST(nesting_limits)
{
    char src[700];
    memset(src, '(', 300);
    strcpy(src + 300, "\n");
    const char *got = tokens_of(src);
    ck_assert_ptr_nonnull(strstr(got, "ERROR(SyntaxError: too many nested parentheses @1:201-201)"));
    size_t len = 0;
    char deep[12000];
    for (int i = 0; i < 100; i++)
        len += (size_t)snprintf(deep + len, sizeof deep - len, "%*sif 1:\n", i, "");
    snprintf(deep + len, sizeof deep - len, "%*spass\n", 100, "");
    got = tokens_of(deep);
    ck_assert_ptr_nonnull(
        strstr(got, "ERROR(IndentationError: too many levels of indentation @101:1-0)"));
}
END_TEST

START_TEST(end_of_input_is_stable)
{
    tokens_of("x\n");
    Token t;
    for (int i = 0; i < 3; i++) {
        ck_assert(lexer_next_token(&lexer, &t));
        ck_assert_int_eq(t.kind, TOK_ENDMARKER);
    }
    ck_assert_str_eq(lexer_token_name(TOK_DOUBLESLASHEQUAL), "//=");
    ck_assert_str_eq(lexer_token_name(TOK_KW_NONLOCAL), "nonlocal");
    ck_assert_str_eq(lexer_token_name(TOK_INDENT), "INDENT");
    ck_assert_int_eq(lexer_count_code_points("a\xc3\xa9\xe2\x98\x83", 6), 3);
    ck_assert_uint_eq(lexer_find_invalid_utf8("ok\xc3\xa9", 4), 4);
    ck_assert_uint_eq(lexer_find_invalid_utf8("ok\xc3(", 4), 2);
}
END_TEST

static Suite *lexer_suite(void)
{
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, simple_statement);
    tcase_add_test(tc, indent_and_dedent);
    tcase_add_test(tc, joined_lines);
    tcase_add_test(tc, operators_and_delimiters);
    tcase_add_test(tc, keywords);
    tcase_add_test(tc, integers);
    tcase_add_test(tc, floats_and_imaginary);
    tcase_add_test(tc, string_forms);
    tcase_add_test(tc, escapes);
    tcase_add_test(tc, escape_errors);
    tcase_add_test(tc, positions_count_code_points);
    tcase_add_test(tc, fragments);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, lexical_errors, 0, COUNT(error_tokens));
    tcase_add_test(tc, which_errors_beat_the_parser);
    tcase_add_test(tc, nesting_limits);
    tcase_add_test(tc, end_of_input_is_stable);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lexer_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
