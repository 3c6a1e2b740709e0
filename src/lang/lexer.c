/* lexer.c: Python 3.11 tokens, with CPython's indentation rules and error texts. */
#include "lexer.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ------------------------------------------------------ */

/* Bounded look-ahead: fragments are slices of a larger text, so reading one
 * past the end could see a character that does not belong to them. */
static char at(const Lexer *lx, const char *p) { return p < lx->end ? *p : '\0'; }

static bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_hex_digit(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int hex_value(char c) {
    if (is_digit(c))
        return c - '0';
    return (c | 0x20) - 'a' + 10;
}

uint32_t lexer_count_code_points(const char *s, size_t len) {
    uint32_t n = 0;
    size_t i = 0;
    /* eight bytes at a time: count all but continuation bytes (10xxxxxx) */
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t continuation = w & ~(w << 1) & 0x8080808080808080ull;
        n += 8 - (uint32_t)(((continuation >> 7) * 0x0101010101010101ull) >> 56);
    }
    for (; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Code point column of p, which lies on the current line. Token starts only
 * move forward, so the count is incremental and a long line stays linear. */
static uint32_t col_at(Lexer *lx, const char *p) {
    if (lx->line_ascii)
        return lx->first_line_col + (uint32_t)(p - lx->line_start);
    if (p < lx->cp_base) {
        /* only error paths look back; recount from the line start */
        uint32_t base = lx->line_start == lx->src ? lx->first_line_col : 0;
        if (p < lx->line_start)
            return base;
        return base + lexer_count_code_points(lx->line_start, (size_t)(p - lx->line_start));
    }
    lx->cp_col += lexer_count_code_points(lx->cp_base, (size_t)(p - lx->cp_base));
    lx->cp_base = p;
    return lx->cp_col;
}

/* Most lines are ASCII, and there a column is just a byte offset. */
static bool line_is_ascii(const char *p, const char *end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    uint64_t w;
    for (; p + 8 <= stop; p += 8) {
        memcpy(&w, p, 8);
        if (w & 0x8080808080808080ull)
            return false;
    }
    for (; p < stop; p++)
        if ((unsigned char)*p >= 0x80)
            return false;
    return true;
}

static void start_new_line(Lexer *lx, const char *next) {
    lx->line++;
    lx->line_start = next;
    lx->cp_base = next;
    lx->cp_col = 0;
    lx->first_line_col = 0;
    lx->line_ascii = line_is_ascii(next, lx->end);
}

static bool lex_fail(Lexer *lx, const char *kind, uint32_t line, uint32_t col, uint32_t end_col,
                     bool beats_parser_errors, const char *fmt, ...) {
    if (lx->has_error)
        return false;
    lx->has_error = true;
    lx->error.kind = kind;
    lx->error.line = line;
    lx->error.col = col;
    lx->error.end_col = end_col;
    lx->error.beats_parser_errors = beats_parser_errors;
    lx->error.unclosed_bracket = false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lx->error.message, sizeof lx->error.message, fmt, ap);
    va_end(ap);
    return false;
}

/* ---- UTF-8 ---------------------------------------------------------------- */

typedef struct {
    size_t start, end; /* offending bytes, inclusive */
    const char *reason;
} Utf8Problem;

static bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Length of the sequence led by c (0 when c cannot start one) and the
 * allowed range of its second byte, which rules out overlongs and surrogates. */
static int utf8_lead(unsigned char c, unsigned char *lo, unsigned char *hi) {
    *lo = 0x80;
    *hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF) {
        if (c == 0xE0)
            *lo = 0xA0;
        if (c == 0xED)
            *hi = 0x9F;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (c == 0xF0)
            *lo = 0x90;
        if (c == 0xF4)
            *hi = 0x8F;
        return 4;
    }
    return 0;
}

/* Decode one code point at s[0..len); 0 on malformed input (problem set). */
static int utf8_decode(const unsigned char *s, size_t len, uint32_t *cp, Utf8Problem *pr) {
    unsigned char lo, hi;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    int n = utf8_lead(s[0], &lo, &hi);
    if (!n) {
        *pr = (Utf8Problem){0, 0, "invalid start byte"};
        return 0;
    }
    uint32_t v = s[0] & (0x7F >> n);
    for (int k = 1; k < n; k++) {
        if ((size_t)k >= len) {
            *pr = (Utf8Problem){0, len - 1, "unexpected end of data"};
            return 0;
        }
        unsigned char c = s[k];
        if (!is_cont(c) || (k == 1 && (c < lo || c > hi))) {
            *pr = (Utf8Problem){0, 0, "invalid continuation byte"};
            return 0;
        }
        v = (v << 6) | (c & 0x3F);
    }
    *cp = v;
    return n;
}

/* Find the first malformed sequence in s[0..len); false when there is one. */
static bool utf8_validate(const char *s, size_t len, Utf8Problem *pr) {
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        if (u[i] < 0x80) {
            /* ASCII runs, eight bytes at a time */
            uint64_t w;
            while (i + 8 <= len && (memcpy(&w, u + i, 8), !(w & 0x8080808080808080ull)))
                i += 8;
            if (i < len && u[i] < 0x80)
                i++;
            continue;
        }
        uint32_t cp;
        int n = utf8_decode(u + i, len - i, &cp, pr);
        if (!n) {
            pr->start += i;
            pr->end += i;
            return false;
        }
        i += (size_t)n;
    }
    return true;
}

static void utf8_problem_message(const char *s, const Utf8Problem *pr, char *out, size_t size) {
    if (pr->end > pr->start)
        snprintf(out, size,
                 "(unicode error) 'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                 pr->start, pr->end, pr->reason);
    else
        snprintf(out, size, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                 (unsigned char)s[pr->start], pr->start, pr->reason);
}

static size_t utf8_encode(uint32_t cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Without Unicode tables, accept letters of the scripts people write names
 * in and reject the symbol and punctuation blocks students paste by accident. */
static bool is_unicode_id_char(uint32_t cp) {
    if (cp < 0xC0)
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB7;
    if (cp == 0xD7 || cp == 0xF7)
        return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) /* punctuation, currency, arrows, math, boxes... */
        return (cp >= 0x203F && cp <= 0x2040) || (cp >= 0x2070 && cp <= 0x209F) ||
               (cp >= 0x2100 && cp <= 0x214F) || (cp >= 0x2160 && cp <= 0x2188);
    if ((cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) || cp == 0x3030)
        return false;
    if ((cp >= 0xD800 && cp <= 0xF8FF) || (cp >= 0xFE10 && cp <= 0xFE1F) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || cp == 0xFEFF || (cp >= 0xFF00 && cp <= 0xFF0F) ||
        (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFFF0 && cp <= 0xFFFF))
        return false;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) /* emoji and pictographs */
        return false;
    return cp <= 0x10FFFF;
}

static bool is_non_printable(uint32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD ||
           (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF;
}

/* Report the code point at p that cannot appear here, as CPython words it. */
static bool fail_bad_character(Lexer *lx, const char *p) {
    Utf8Problem pr;
    uint32_t cp;
    int n = utf8_decode((const unsigned char *)p, (size_t)(lx->end - p), &cp, &pr);
    uint32_t col = col_at(lx, p) + 1;
    if (!n) {
        char msg[160];
        pr.start += (size_t)(p - lx->line_start);
        pr.end += (size_t)(p - lx->line_start);
        utf8_problem_message(lx->line_start, &pr, msg, sizeof msg);
        return lex_fail(lx, "SyntaxError", lx->line, col, 0, true, "%s", msg);
    }
    if (is_non_printable(cp))
        return lex_fail(lx, "SyntaxError", lx->line, col, col, true,
                        "invalid non-printable character U+%04X", cp);
    return lex_fail(lx, "SyntaxError", lx->line, col, col, true, "invalid character '%.*s' (U+%04X)",
                    n, p, cp);
}

/* Length of the identifier character at p, 0 if it is none (or malformed). */
static int id_char_len(const Lexer *lx, const char *p, bool first) {
    char c = at(lx, p);
    if (is_ascii_alpha(c) || (!first && is_digit(c)))
        return 1;
    if ((unsigned char)c < 0x80)
        return 0;
    Utf8Problem pr;
    uint32_t cp;
    int n = utf8_decode((const unsigned char *)p, (size_t)(lx->end - p), &cp, &pr);
    if (!n || !is_unicode_id_char(cp) || (first && cp == 0xB7))
        return 0;
    return n;
}

/* ---- init ----------------------------------------------------------------- */

static void lexer_reset(Lexer *lx, const char *src, size_t len, Arena *arena) {
    memset(lx, 0, offsetof(Lexer, paren_char));
    lx->src = lx->cur = lx->line_start = lx->cp_base = src;
    lx->end = src + len;
    lx->arena = arena;
    lx->line = 1;
    lx->has_error = false;
    lx->line_ascii = line_is_ascii(src, lx->end);
}

void lexer_init(Lexer *lx, const char *src, size_t len, Arena *arena) {
    lexer_reset(lx, src, len, arena);
    lx->at_line_start = true;
}

void lexer_init_fragment(Lexer *lx, const char *src, size_t len, Arena *arena, uint32_t line,
                         uint32_t col) {
    lexer_reset(lx, src, len, arena);
    lx->line = line;
    lx->cp_col = col;
    lx->first_line_col = col;
    lx->fragment = true;
    /* the expression behaves as if in brackets: newlines are just space */
    lx->base_paren_depth = lx->paren_depth = 1;
}

/* ---- tokens --------------------------------------------------------------- */

/* Every field is set (no memset: this runs once per token). */
static void token_begin(Lexer *lx, Token *t, TokenKind kind, const char *start) {
    t->kind = (uint8_t)kind;
    t->str_flags = 0;
    t->level = 0;
    t->len = 0;
    t->int_value = 0;
    t->big_digits = NULL;
    t->float_value = 0;
    t->str = NULL;
    t->str_len = 0;
    t->body_line = t->body_col = 0;
    t->start = start;
    t->line = lx->line;
    t->col = col_at(lx, start);
}

static bool token_end(Lexer *lx, Token *t, const char *end) {
    t->level = (uint16_t)lx->paren_depth;
    t->len = (uint32_t)(end - t->start);
    t->end_line = lx->line;
    t->end_col = col_at(lx, end);
    lx->cur = end;
    lx->seen_content = true;
    return true;
}

static bool zero_width(Lexer *lx, Token *t, TokenKind kind) {
    token_begin(lx, t, kind, lx->cur);
    t->end_line = t->line;
    t->end_col = t->col;
    return true;
}

/* ---- indentation ------------------------------------------------------------ */

/* Skip a comment, checking its bytes are UTF-8 since the file must be. */
static bool skip_comment(Lexer *lx, const char *p, const char **after) {
    const char *nl = memchr(p, '\n', (size_t)(lx->end - p));
    const char *end = nl ? nl : lx->end;
    Utf8Problem pr;
    if (!utf8_validate(p, (size_t)(end - p), &pr))
        return fail_bad_character(lx, p + pr.start);
    *after = end;
    return true;
}

typedef struct {
    int col, alt; /* tabs to multiples of 8, and tabs counted as 1 */
} Indent;

/* Move to the first token of the next non-blank line and measure its indent. */
static bool measure_indent(Lexer *lx, Indent *ind, bool *at_eof) {
    for (;;) {
        const char *p = lx->cur;
        ind->col = ind->alt = 0;
        while (p < lx->end) {
            if (*p == ' ')
                ind->col++, ind->alt++;
            else if (*p == '\t')
                ind->col = (ind->col / 8 + 1) * 8, ind->alt++;
            else if (*p == '\f')
                ind->col = ind->alt = 0;
            else
                break;
            p++;
        }
        lx->cur = p;
        if (p >= lx->end) {
            *at_eof = true;
            return true;
        }
        if (*p != '#' && *p != '\n')
            return true;
        if (*p == '#' && !skip_comment(lx, p, &p))
            return false;
        if (p >= lx->end) {
            lx->cur = p;
            *at_eof = true;
            return true;
        }
        start_new_line(lx, p + 1); /* blank or comment-only: not a logical line */
        lx->cur = p + 1;
    }
}

static bool fail_tab_error(Lexer *lx) {
    return lex_fail(lx, "TabError", lx->line, 1, 0, false,
                    "inconsistent use of tabs and spaces in indentation");
}

/* Compare a new line's indent with the stack: INDENT, DEDENTs, or an error. */
static bool apply_indent(Lexer *lx, Indent ind, Token *t, bool *produced) {
    int top = lx->indent_top;
    *produced = false;
    if (ind.col == lx->indents[top]) {
        if (ind.alt != lx->alt_indents[top])
            return fail_tab_error(lx);
        return true;
    }
    if (ind.col > lx->indents[top]) {
        if (top + 1 >= LEXER_MAX_INDENT)
            return lex_fail(lx, "IndentationError", lx->line, 1, 0, false,
                            "too many levels of indentation");
        if (ind.alt <= lx->alt_indents[top])
            return fail_tab_error(lx);
        lx->indent_top = ++top;
        lx->indents[top] = ind.col;
        lx->alt_indents[top] = ind.alt;
        token_begin(lx, t, TOK_INDENT, lx->line_start);
        t->end_line = lx->line;
        t->end_col = col_at(lx, lx->cur);
        *produced = true;
        return true;
    }
    while (top > 0 && ind.col < lx->indents[top]) {
        top--;
        lx->pending_dedents++;
    }
    lx->indent_top = top;
    if (ind.col != lx->indents[top]) {
        const char *eol = memchr(lx->cur, '\n', (size_t)(lx->end - lx->cur));
        uint32_t col = col_at(lx, eol ? eol : lx->end) + 1;
        return lex_fail(lx, "IndentationError", lx->line, col, 0, false,
                        "unindent does not match any outer indentation level");
    }
    if (ind.alt != lx->alt_indents[top])
        return fail_tab_error(lx);
    return true;
}

/* ---- end of input ------------------------------------------------------------ */

static bool lex_end_of_input(Lexer *lx, Token *t) {
    if (lx->paren_depth > lx->base_paren_depth) {
        int i = lx->paren_depth - 1;
        uint32_t col = lx->paren_col[i] + 1;
        lex_fail(lx, "SyntaxError", lx->paren_line[i], col, 0, false, "'%c' was never closed",
                 lx->paren_char[i]);
        lx->error.unclosed_bracket = true;
        return false;
    }
    if (lx->seen_content && !lx->fragment) {
        lx->seen_content = false;
        lx->at_line_start = true;
        return zero_width(lx, t, TOK_NEWLINE);
    }
    if (lx->indent_top > 0) {
        lx->indent_top--;
        zero_width(lx, t, TOK_DEDENT);
    } else {
        lx->done = true;
        zero_width(lx, t, TOK_ENDMARKER);
    }
    if (!lx->fragment) {
        /* like CPython reading a file: the last line, no column */
        t->line = t->end_line = lx->line > 1 ? lx->line - 1 : 1;
        t->col = t->end_col = 0;
    }
    return true;
}

/* ---- numbers ------------------------------------------------------------------ */

/* CPython accepts "1if x else y" with a warning: a number may touch one of
 * these keywords. */
static bool keyword_follows(const Lexer *lx, const char *p) {
    static const char *const kws[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    size_t room = (size_t)(lx->end - p);
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        size_t n = strlen(kws[i]);
        if (n <= room && memcmp(p, kws[i], n) == 0)
            return true;
    }
    return false;
}

/* After a literal, a letter or digit would glue two tokens together. */
static bool verify_number_end(Lexer *lx, const char *p, const char *what) {
    char c = at(lx, p);
    bool glued = is_ascii_alpha(c) || is_digit(c) || (unsigned char)c >= 0x80;
    if (!glued || keyword_follows(lx, p))
        return true;
    uint32_t col = col_at(lx, p);
    return lex_fail(lx, "SyntaxError", lx->line, col, col, true, "invalid %s literal", what);
}

/* Digits of a radix with single '_' separators; p is after the prefix. */
static bool scan_radix_digits(Lexer *lx, const char **pp, int radix, const char *what,
                              bool *any) {
    const char *p = *pp;
    *any = false;
    for (;;) {
        char c = at(lx, p);
        if (c == '_') {
            p++;
            c = at(lx, p);
            if (!(is_hex_digit(c) && hex_value(c) < radix)) {
                uint32_t col = col_at(lx, p);
                return lex_fail(lx, "SyntaxError", lx->line, col, col, true, "invalid %s literal",
                                what);
            }
        }
        if (is_hex_digit(c) && hex_value(c) < radix) {
            *any = true;
            p++;
            continue;
        }
        if (is_digit(c) && radix < 10) {
            uint32_t col = col_at(lx, p) + 1;
            return lex_fail(lx, "SyntaxError", lx->line, col, col, true,
                            "invalid digit '%c' in %s literal", c, what);
        }
        break;
    }
    *pp = p;
    return true;
}

/* Decimal digits with separators; p must be on a digit. */
static bool scan_decimal_digits(Lexer *lx, const char **pp) {
    const char *p = *pp;
    while (is_digit(at(lx, p))) {
        p++;
        if (at(lx, p) == '_') {
            p++;
            if (!is_digit(at(lx, p))) {
                uint32_t col = col_at(lx, p);
                return lex_fail(lx, "SyntaxError", lx->line, col, col, true,
                                "invalid decimal literal");
            }
        }
    }
    *pp = p;
    return true;
}

/* The literal's characters without '_', NUL-terminated, in the arena. */
static char *strip_underscores(Lexer *lx, const char *s, const char *e) {
    char *out = arena_alloc(lx->arena, (size_t)(e - s) + 1);
    size_t n = 0;
    for (; s < e; s++)
        if (*s != '_')
            out[n++] = *s;
    out[n] = '\0';
    return out;
}

enum { MAX_DECIMAL_DIGITS = 4300, MAX_RADIX_DIGITS = 40000 };

/* Decimal text of a big hex/octal/binary literal: schoolbook base 10^9. */
static const char *radix_to_decimal(Lexer *lx, const char *digits, int radix) {
    size_t n = strlen(digits);
    size_t cap = n / 2 + 2; /* base-1e9 limbs: generous for radix <= 16 */
    uint32_t *limbs = calloc(cap, sizeof *limbs);
    if (!limbs)
        abort();
    size_t used = 1;
    for (size_t i = 0; i < n; i++) {
        uint64_t carry = (uint64_t)hex_value(digits[i]);
        for (size_t k = 0; k < used; k++) {
            uint64_t v = (uint64_t)limbs[k] * (uint64_t)radix + carry;
            limbs[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry)
            limbs[used++] = (uint32_t)carry;
    }
    char *out = arena_alloc(lx->arena, used * 9 + 1);
    int len = sprintf(out, "%u", limbs[used - 1]);
    for (size_t k = used - 1; k-- > 0;)
        len += sprintf(out + len, "%09u", limbs[k]);
    free(limbs);
    return out;
}

static void set_int_value(Lexer *lx, Token *t, const char *digits, int radix) {
    while (digits[0] == '0' && digits[1])
        digits++;
    errno = 0;
    unsigned long long v = strtoull(digits, NULL, radix);
    if (errno == ERANGE || v > (unsigned long long)INT64_MAX)
        t->big_digits = radix == 10 ? digits : radix_to_decimal(lx, digits, radix);
    else
        t->int_value = (int64_t)v;
}

static bool lex_radix_number(Lexer *lx, Token *t, const char *start) {
    char prefix = (char)(start[1] | 0x20);
    int radix = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
    const char *what = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
    const char *p = start + 2;
    bool any;
    if (!scan_radix_digits(lx, &p, radix, what, &any))
        return false;
    if (!any) {
        uint32_t col = col_at(lx, p);
        return lex_fail(lx, "SyntaxError", lx->line, col, col, true, "invalid %s literal", what);
    }
    if (!verify_number_end(lx, p, what))
        return false;
    char *digits = strip_underscores(lx, start + 2, p);
    if (strlen(digits) > MAX_RADIX_DIGITS)
        return lex_fail(lx, "SyntaxError", t->line, t->col + 1, 0, true,
                        "integer literal too large");
    set_int_value(lx, t, digits, radix);
    return token_end(lx, t, p);
}

/* Optional exponent; a lone 'e' is left for verify_number_end to reject. */
static bool scan_exponent(Lexer *lx, const char **pp, bool *is_float) {
    const char *p = *pp;
    if ((at(lx, p) | 0x20) != 'e')
        return true;
    const char *e = p++;
    bool sign = at(lx, p) == '+' || at(lx, p) == '-';
    if (sign)
        p++;
    if (!is_digit(at(lx, p))) {
        if (sign) {
            uint32_t col = col_at(lx, p);
            return lex_fail(lx, "SyntaxError", lx->line, col, col, true, "invalid decimal literal");
        }
        *pp = e;
        return true;
    }
    if (!scan_decimal_digits(lx, &p))
        return false;
    *is_float = true;
    *pp = p;
    return true;
}

static bool finish_float(Lexer *lx, Token *t, const char *start, const char *p) {
    bool imag = (at(lx, p) | 0x20) == 'j';
    const char *end = imag ? p + 1 : p;
    if (!verify_number_end(lx, end, imag ? "imaginary" : "decimal"))
        return false;
    t->kind = imag ? TOK_IMAG : TOK_FLOAT;
    t->float_value = strtod(strip_underscores(lx, start, p), NULL);
    return token_end(lx, t, end);
}

/* Leading zeros make "012" an error but "012.5", "012e1" and "00" fine. */
static bool check_leading_zeros(Lexer *lx, Token *t, const char *start, const char *p) {
    if (*start != '0')
        return true;
    for (const char *q = start; q < p; q++) {
        if (*q != '0' && *q != '_') {
            uint32_t end = col_at(lx, q) + 1;
            return lex_fail(lx, "SyntaxError", t->line, t->col + 1, end, true,
                            "leading zeros in decimal integer literals are not permitted; use an "
                            "0o prefix for octal integers");
        }
    }
    return true;
}

static bool lex_number(Lexer *lx, Token *t, const char *start) {
    token_begin(lx, t, TOK_INT, start);
    char c1 = (char)(at(lx, start + 1) | 0x20);
    if (*start == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b'))
        return lex_radix_number(lx, t, start);
    const char *p = start;
    bool is_float = false;
    if (*p != '.' && !scan_decimal_digits(lx, &p))
        return false;
    if (at(lx, p) == '.') {
        is_float = true;
        p++;
        if (is_digit(at(lx, p)) && !scan_decimal_digits(lx, &p))
            return false;
    }
    if (!scan_exponent(lx, &p, &is_float))
        return false;
    if (is_float || (at(lx, p) | 0x20) == 'j')
        return finish_float(lx, t, start, p);
    if (!verify_number_end(lx, p, "decimal") || !check_leading_zeros(lx, t, start, p))
        return false;
    char *digits = strip_underscores(lx, start, p);
    if (strlen(digits) > MAX_DECIMAL_DIGITS)
        return lex_fail(lx, "SyntaxError", t->line, t->col + 1, 0, true,
                        "Exceeds the limit (4300 digits) for integer string conversion: value has "
                        "%zu digits; use sys.set_int_max_str_digits() to increase the limit - "
                        "Consider hexadecimal for huge integer literals to avoid decimal "
                        "conversion limits.",
                        strlen(digits));
    set_int_value(lx, t, digits, 10);
    return token_end(lx, t, p);
}

/* ---- strings ------------------------------------------------------------------ */

/* String prefix letters to flags; -1 when the name is not a prefix. */
static int string_prefix_flags(const char *s, size_t n) {
    int flags = 0;
    if (n == 0 || n > 2)
        return -1;
    for (size_t i = 0; i < n; i++) {
        int f;
        switch (s[i] | 0x20) {
        case 'r': f = LEX_STR_RAW; break;
        case 'b': f = LEX_STR_BYTES; break;
        case 'f': f = LEX_STR_FORMAT; break;
        case 'u': f = 0x100; break;
        default: return -1;
        }
        if (flags & f)
            return -1;
        flags |= f;
    }
    if ((flags & 0x100) && n > 1)
        return -1;
    if ((flags & LEX_STR_BYTES) && (flags & LEX_STR_FORMAT))
        return -1;
    return flags & ~0x100;
}

static bool fail_unterminated(Lexer *lx, Token *t, bool triple) {
    if (triple) {
        /* CPython counts the lines that exist, not the empty one after the
         * final newline */
        uint32_t last = lx->line > t->line && lx->cur == lx->end ? lx->line - 1 : lx->line;
        return lex_fail(lx, "SyntaxError", t->line, t->col + 1, t->col + 1, true,
                        "unterminated triple-quoted string literal (detected at line %u)", last);
    }
    return lex_fail(lx, "SyntaxError", t->line, t->col + 1, t->col + 1, true,
                    "unterminated string literal (detected at line %u)", lx->line);
}

/* Find the closing quote; the body stays undecoded for the parser, which
 * reports decoding errors where CPython does (after concatenation). */
static bool lex_string(Lexer *lx, Token *t, const char *quote, int flags) {
    char q = *quote;
    bool triple = at(lx, quote + 1) == q && at(lx, quote + 2) == q;
    const char *body = quote + (triple ? 3 : 1);
    t->kind = TOK_STRING;
    t->str_flags = (uint8_t)(flags | (triple ? LEX_STR_TRIPLE : 0));
    t->body_line = lx->line;
    t->body_col = col_at(lx, body);
    const char *p = body;
    for (;;) {
        if (p >= lx->end) {
            lx->cur = lx->end;
            if (!triple && lx->line > t->line)
                lx->line--; /* ran off the last line through a backslash */
            return fail_unterminated(lx, t, triple);
        }
        char c = *p;
        if (c == '\\' && p + 1 < lx->end) {
            if (p[1] == '\n')
                start_new_line(lx, p + 2);
            p += 2;
            continue;
        }
        if (c == '\n') {
            if (!triple)
                return fail_unterminated(lx, t, false);
            start_new_line(lx, p + 1);
        } else if (c == q && (!triple || (at(lx, p + 1) == q && at(lx, p + 2) == q))) {
            t->str = body;
            t->str_len = (size_t)(p - body);
            return token_end(lx, t, p + (triple ? 3 : 1));
        }
        p++;
    }
}

/* ---- names ------------------------------------------------------------------ */

typedef struct {
    const char *text;
    size_t len;
    TokenKind kind;
} Keyword;

static const Keyword keywords[] = {
#define X(name, text) {text, sizeof text - 1, TOK_KW_##name},
    LEXER_KEYWORD_LIST(X)
#undef X
};

static int keyword_compare(const char *s, size_t n, const Keyword *k) {
    size_t common = n < k->len ? n : k->len;
    for (size_t i = 0; i < common; i++) /* names are short: no memcmp call */
        if (s[i] != k->text[i])
            return (unsigned char)s[i] < (unsigned char)k->text[i] ? -1 : 1;
    return n < k->len ? -1 : n > k->len;
}

/* Binary search: LEXER_KEYWORD_LIST is in byte order. */
static TokenKind keyword_kind(const char *s, size_t n) {
    if (n < 2 || n > 8)
        return TOK_NAME;
    size_t lo = 0, hi = sizeof keywords / sizeof keywords[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = keyword_compare(s, n, &keywords[mid]);
        if (c == 0)
            return keywords[mid].kind;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return TOK_NAME;
}

static bool lex_name(Lexer *lx, Token *t, const char *start) {
    token_begin(lx, t, TOK_NAME, start);
    const char *p = start;
    int n = id_char_len(lx, p, true);
    while (n > 0) {
        p += n;
        while (p < lx->end && (is_ascii_alpha(*p) || is_digit(*p))) /* the common case */
            p++;
        n = id_char_len(lx, p, false);
    }
    if ((unsigned char)at(lx, p) >= 0x80) /* malformed UTF-8 or a symbol */
        return fail_bad_character(lx, p);
    char c = at(lx, p);
    if (c == '\'' || c == '"') {
        int flags = string_prefix_flags(start, (size_t)(p - start));
        if (flags >= 0)
            return lex_string(lx, t, p, flags);
    }
    t->kind = (uint8_t)keyword_kind(start, (size_t)(p - start));
    return token_end(lx, t, p);
}

/* ---- operators -------------------------------------------------------------- */

/* Longest operator at p, or TOK_UNKNOWN; *len gets its length. */
static TokenKind match_operator(const Lexer *lx, const char *p, int *len) {
    char c = *p, d = at(lx, p + 1), e = d ? at(lx, p + 2) : '\0';
    *len = 1;
#define TWO(ch, k2) if (d == (ch)) { *len = 2; return k2; }
#define THREE(ch, k3) if (e == (ch)) { *len = 3; return k3; }
    switch (c) {
    case '(': return TOK_LPAR;
    case ')': return TOK_RPAR;
    case '[': return TOK_LSQB;
    case ']': return TOK_RSQB;
    case '{': return TOK_LBRACE;
    case '}': return TOK_RBRACE;
    case ',': return TOK_COMMA;
    case ';': return TOK_SEMI;
    case '~': return TOK_TILDE;
    case ':': TWO('=', TOK_COLONEQUAL) return TOK_COLON;
    case '+': TWO('=', TOK_PLUSEQUAL) return TOK_PLUS;
    case '-': TWO('=', TOK_MINEQUAL) TWO('>', TOK_RARROW) return TOK_MINUS;
    case '%': TWO('=', TOK_PERCENTEQUAL) return TOK_PERCENT;
    case '&': TWO('=', TOK_AMPEREQUAL) return TOK_AMPER;
    case '|': TWO('=', TOK_VBAREQUAL) return TOK_VBAR;
    case '^': TWO('=', TOK_CIRCUMFLEXEQUAL) return TOK_CIRCUMFLEX;
    case '@': TWO('=', TOK_ATEQUAL) return TOK_AT;
    case '=': TWO('=', TOK_EQEQUAL) return TOK_EQUAL;
    case '!': TWO('=', TOK_NOTEQUAL) return TOK_UNKNOWN;
    case '.':
        if (d == '.' && e == '.') {
            *len = 3;
            return TOK_ELLIPSIS;
        }
        return TOK_DOT;
    case '*':
        if (d == '*') {
            *len = 2;
            THREE('=', TOK_DOUBLESTAREQUAL)
            return TOK_DOUBLESTAR;
        }
        TWO('=', TOK_STAREQUAL) return TOK_STAR;
    case '/':
        if (d == '/') {
            *len = 2;
            THREE('=', TOK_DOUBLESLASHEQUAL)
            return TOK_DOUBLESLASH;
        }
        TWO('=', TOK_SLASHEQUAL) return TOK_SLASH;
    case '<':
        if (d == '<') {
            *len = 2;
            THREE('=', TOK_LEFTSHIFTEQUAL)
            return TOK_LEFTSHIFT;
        }
        TWO('=', TOK_LESSEQUAL) return TOK_LESS;
    case '>':
        if (d == '>') {
            *len = 2;
            THREE('=', TOK_RIGHTSHIFTEQUAL)
            return TOK_RIGHTSHIFT;
        }
        TWO('=', TOK_GREATEREQUAL) return TOK_GREATER;
    default: return TOK_UNKNOWN;
    }
#undef TWO
#undef THREE
}

static bool open_bracket(Lexer *lx, Token *t) {
    if (lx->paren_depth >= LEXER_MAX_PAREN)
        return lex_fail(lx, "SyntaxError", t->line, t->col + 1, t->col + 1, true,
                        "too many nested parentheses");
    int i = lx->paren_depth++;
    lx->paren_char[i] = *t->start;
    lx->paren_line[i] = t->line;
    lx->paren_col[i] = t->col;
    return true;
}

static char opener_of(char closer) { return closer == ')' ? '(' : closer == ']' ? '[' : '{'; }

static bool close_bracket(Lexer *lx, Token *t) {
    char c = *t->start;
    if (lx->paren_depth <= lx->base_paren_depth)
        return lex_fail(lx, "SyntaxError", t->line, t->col + 1, t->col + 1, true,
                        "unmatched '%c'", c);
    int i = lx->paren_depth - 1;
    char open = lx->paren_char[i];
    if (open != opener_of(c)) {
        if (lx->paren_line[i] != t->line)
            return lex_fail(lx, "SyntaxError", t->line, t->col + 1, t->col + 1, true,
                            "closing parenthesis '%c' does not match opening parenthesis '%c' on "
                            "line %u",
                            c, open, lx->paren_line[i]);
        return lex_fail(lx, "SyntaxError", t->line, t->col + 1, t->col + 1, true,
                        "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                        open);
    }
    lx->paren_depth--;
    return true;
}

static bool lex_operator(Lexer *lx, Token *t, const char *start) {
    int len;
    TokenKind kind = match_operator(lx, start, &len);
    if (kind == TOK_UNKNOWN && !strchr("$?!`", *start))
        return fail_bad_character(lx, start);
    token_begin(lx, t, kind, start);
    token_end(lx, t, start + len);
    bool ok = true;
    if (kind == TOK_LPAR || kind == TOK_LSQB || kind == TOK_LBRACE)
        ok = open_bracket(lx, t);
    else if (kind == TOK_RPAR || kind == TOK_RSQB || kind == TOK_RBRACE)
        ok = close_bracket(lx, t);
    t->level = (uint16_t)lx->paren_depth;
    return ok;
}

/* ---- driver ------------------------------------------------------------------ */

/* Skip spaces, comments, joined lines and (inside brackets) newlines. Stops
 * at a token, at a newline that ends a logical line, or at the end. */
static bool skip_blanks(Lexer *lx) {
    const char *p = lx->cur;
    for (;;) {
        while (p < lx->end && (*p == ' ' || *p == '\t' || *p == '\f'))
            p++;
        if (p >= lx->end)
            break;
        if (*p == '#') {
            if (!skip_comment(lx, p, &p))
                return false;
            continue;
        }
        if (*p == '\\') {
            if (p + 1 >= lx->end || (p + 1 == lx->end - 1 && p[1] == '\n' && !lx->fragment)) {
                uint32_t col = col_at(lx, p) + 2;
                lx->cur = p;
                return lex_fail(lx, "SyntaxError", lx->line, col, 0, false,
                                "unexpected EOF while parsing");
            }
            if (p[1] != '\n') {
                uint32_t col = col_at(lx, p) + 2;
                lx->cur = p;
                return lex_fail(lx, "SyntaxError", lx->line, col, 0, false,
                                "unexpected character after line continuation character");
            }
            start_new_line(lx, p + 2);
            p += 2;
            continue;
        }
        if (*p == '\n' && (lx->paren_depth > 0 || !lx->seen_content)) {
            start_new_line(lx, p + 1);
            p++;
            continue;
        }
        break;
    }
    lx->cur = p;
    return true;
}

static bool lex_line_start(Lexer *lx, Token *t, bool *produced) {
    Indent ind;
    bool at_eof = false;
    *produced = false;
    lx->at_line_start = false;
    if (!measure_indent(lx, &ind, &at_eof))
        return false;
    if (at_eof)
        return true;
    return apply_indent(lx, ind, t, produced);
}

static bool lex_token(Lexer *lx, Token *t) {
    const char *p = lx->cur;
    char c = *p;
    if (c == '\n') {
        token_begin(lx, t, TOK_NEWLINE, p);
        token_end(lx, t, p + 1);
        start_new_line(lx, p + 1);
        lx->seen_content = false;
        lx->at_line_start = true;
        return true;
    }
    if (is_digit(c) || (c == '.' && is_digit(at(lx, p + 1))))
        return lex_number(lx, t, p);
    if (c == '\'' || c == '"') {
        token_begin(lx, t, TOK_STRING, p);
        return lex_string(lx, t, p, 0);
    }
    if (is_ascii_alpha(c) || (unsigned char)c >= 0x80)
        return lex_name(lx, t, p);
    if ((unsigned char)c < 0x20 && c != '\t' && c != '\f')
        return fail_bad_character(lx, p);
    return lex_operator(lx, t, p);
}

bool lexer_next_token(Lexer *lx, Token *t) {
    if (lx->has_error) {
        memset(t, 0, sizeof *t);
        t->kind = TOK_ERROR;
        return false;
    }
    if (lx->pending_dedents > 0) {
        lx->pending_dedents--;
        return zero_width(lx, t, TOK_DEDENT);
    }
    bool ok = true;
    if (lx->done)
        return lex_end_of_input(lx, t);
    if (lx->at_line_start && lx->paren_depth == 0 && !lx->fragment) {
        bool produced;
        ok = lex_line_start(lx, t, &produced);
        if (ok && produced)
            return true;
        if (ok && lx->pending_dedents > 0)
            return lexer_next_token(lx, t);
    }
    if (ok)
        ok = skip_blanks(lx);
    if (ok) {
        if (lx->cur >= lx->end)
            ok = lex_end_of_input(lx, t);
        else
            ok = lex_token(lx, t);
    }
    if (!ok) {
        memset(t, 0, sizeof *t);
        t->kind = TOK_ERROR;
    }
    return ok;
}

size_t lexer_find_invalid_utf8(const char *s, size_t len) {
    Utf8Problem pr;
    return utf8_validate(s, len, &pr) ? len : pr.start;
}

const char *lexer_token_name(TokenKind kind) {
    static const char *const names[TOK_KIND_COUNT] = {
        [TOK_ERROR] = "ERROR",   [TOK_ENDMARKER] = "ENDMARKER", [TOK_NEWLINE] = "NEWLINE",
        [TOK_INDENT] = "INDENT", [TOK_DEDENT] = "DEDENT",       [TOK_NAME] = "NAME",
        [TOK_INT] = "INT",       [TOK_FLOAT] = "FLOAT",         [TOK_IMAG] = "IMAG",
        [TOK_STRING] = "STRING", [TOK_UNKNOWN] = "UNKNOWN",
#define X(name, text) [TOK_##name] = text,
        LEXER_OPERATOR_LIST(X)
#undef X
#define X(name, text) [TOK_KW_##name] = text,
        LEXER_KEYWORD_LIST(X)
#undef X
    };
    return (unsigned)kind < TOK_KIND_COUNT ? names[kind] : "?";
}

/* ---- string decoding --------------------------------------------------------- */

typedef struct {
    char *out;
    size_t n;
    char *err;
    size_t err_size;
} Decoder;

static bool escape_error(Decoder *d, size_t from, size_t to, const char *what) {
    snprintf(d->err, d->err_size,
             "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
             from, to, what);
    return false;
}

/* \x, \u, \U: exactly `digits` hex digits. */
static bool decode_hex_escape(Decoder *d, const char *s, size_t len, size_t *i, int digits,
                              bool is_bytes) {
    size_t start = *i;
    size_t j = start + 2;
    uint32_t v = 0;
    int got = 0;
    while (got < digits && j < len && is_hex_digit(s[j])) {
        v = v * 16 + (uint32_t)hex_value(s[j]);
        j++;
        got++;
    }
    if (got < digits) {
        if (is_bytes) {
            snprintf(d->err, d->err_size, "(value error) invalid \\x escape at position %zu",
                     start);
            return false;
        }
        const char *what = digits == 2   ? "truncated \\xXX escape"
                           : digits == 4 ? "truncated \\uXXXX escape"
                                         : "truncated \\UXXXXXXXX escape";
        return escape_error(d, start, j - 1, what);
    }
    if (v > 0x10FFFF)
        return escape_error(d, start, j - 1, "illegal Unicode character");
    if (is_bytes)
        d->out[d->n++] = (char)v;
    else
        d->n += utf8_encode(v, d->out + d->n);
    *i = j;
    return true;
}

/* \N{...}: without the Unicode name table every name is unknown. */
static bool decode_named_escape(Decoder *d, const char *s, size_t len, size_t i) {
    if (i + 2 >= len || s[i + 2] != '{')
        return escape_error(d, i, i + 1, "malformed \\N character escape");
    const char *close = memchr(s + i + 3, '}', len - i - 3);
    if (!close || close == s + i + 3)
        return escape_error(d, i, close ? (size_t)(close - s) : len - 1,
                            "malformed \\N character escape");
    return escape_error(d, i, (size_t)(close - s), "unknown Unicode character name");
}

static char simple_escape(char c) {
    switch (c) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return 0;
    }
}

static void decode_octal_escape(Decoder *d, const char *s, size_t len, size_t *i, bool is_bytes) {
    size_t j = *i + 1;
    uint32_t v = 0;
    for (int k = 0; k < 3 && j < len && s[j] >= '0' && s[j] <= '7'; k++, j++)
        v = v * 8 + (uint32_t)(s[j] - '0');
    if (is_bytes)
        d->out[d->n++] = (char)(v & 0xFF);
    else
        d->n += utf8_encode(v, d->out + d->n);
    *i = j;
}

/* One escape sequence starting at s[*i] == '\\'. */
static bool decode_escape(Decoder *d, const char *s, size_t len, size_t *i, bool is_bytes) {
    char c = *i + 1 < len ? s[*i + 1] : '\0';
    char simple = simple_escape(c);
    if (c == '\n') {
        *i += 2;
        return true;
    }
    if (simple) {
        d->out[d->n++] = simple;
        *i += 2;
        return true;
    }
    if (c >= '0' && c <= '7') {
        decode_octal_escape(d, s, len, i, is_bytes);
        return true;
    }
    if (c == 'x')
        return decode_hex_escape(d, s, len, i, 2, is_bytes);
    if (!is_bytes && c == 'u')
        return decode_hex_escape(d, s, len, i, 4, false);
    if (!is_bytes && c == 'U')
        return decode_hex_escape(d, s, len, i, 8, false);
    if (!is_bytes && c == 'N')
        return decode_named_escape(d, s, len, *i);
    d->out[d->n++] = '\\'; /* unknown escapes stay as written */
    *i += 1;
    return true;
}

char *lexer_decode_string(Arena *arena, const char *body, size_t len, bool is_bytes, bool is_raw,
                          size_t *out_len, char *err, size_t err_size) {
    Utf8Problem pr;
    if (is_bytes) {
        for (size_t i = 0; i < len; i++) {
            if ((unsigned char)body[i] >= 0x80) {
                snprintf(err, err_size, "bytes can only contain ASCII literal characters");
                return NULL;
            }
        }
    } else if (!utf8_validate(body, len, &pr)) {
        utf8_problem_message(body, &pr, err, err_size);
        return NULL;
    }
    /* escapes never grow the text: \U0001F600 (10 bytes) is 4 bytes of UTF-8 */
    Decoder d = {arena_alloc(arena, len + 1), 0, err, err_size};
    if (is_raw || !memchr(body, '\\', len)) {
        memcpy(d.out, body, len);
        d.n = len;
    } else {
        for (size_t i = 0; i < len;) {
            if (body[i] != '\\') {
                d.out[d.n++] = body[i++];
                continue;
            }
            if (!decode_escape(&d, body, len, &i, is_bytes))
                return NULL;
        }
    }
    d.out[d.n] = '\0';
    *out_len = d.n;
    return d.out;
}
