/* lexer.h: source text to Python 3.11 tokens, one at a time.
 *
 * The lexer works on NUL-free, "\n"-terminated text (parse_module normalises
 * line endings first). It tracks indentation and bracket nesting, decodes
 * literals into the arena, and stops at the first error: after that every
 * call returns TOK_ERROR and lexer->error says what went wrong. */
#ifndef LOOPBOOK_LEXER_H
#define LOOPBOOK_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

/* Operators and delimiters: kind suffix and spelling. */
#define LEXER_OPERATOR_LIST(X)                                                                     \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(LBRACE, "{") X(RBRACE, "}")              \
    X(COLON, ":") X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")               \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">") X(EQUAL, "=")            \
    X(DOT, ".") X(PERCENT, "%") X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=")              \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^") X(LEFTSHIFT, "<<")                      \
    X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**") X(PLUSEQUAL, "+=") X(MINEQUAL, "-=")                   \
    X(STAREQUAL, "*=") X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=")               \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=")                          \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=") X(DOUBLESLASH, "//")                       \
    X(DOUBLESLASHEQUAL, "//=") X(AT, "@") X(ATEQUAL, "@=") X(RARROW, "->") X(ELLIPSIS, "...")      \
    X(COLONEQUAL, ":=")

/* Hard keywords ("match", "case" and "_" are soft: they lex as TOK_NAME).
 * Kept in byte order: the lexer looks them up by binary search. */
#define LEXER_KEYWORD_LIST(X)                                                                      \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and") X(AS, "as")                    \
    X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") X(BREAK, "break") X(CLASS, "class")    \
    X(CONTINUE, "continue") X(DEF, "def") X(DEL, "del") X(ELIF, "elif") X(ELSE, "else")            \
    X(EXCEPT, "except") X(FINALLY, "finally") X(FOR, "for") X(FROM, "from") X(GLOBAL, "global")    \
    X(IF, "if") X(IMPORT, "import") X(IN, "in") X(IS, "is") X(LAMBDA, "lambda")                    \
    X(NONLOCAL, "nonlocal") X(NOT, "not") X(OR, "or") X(PASS, "pass") X(RAISE, "raise")            \
    X(RETURN, "return") X(TRY, "try") X(WHILE, "while") X(WITH, "with") X(YIELD, "yield")

typedef enum {
    TOK_ERROR,     /* see Lexer.error */
    TOK_ENDMARKER, /* end of input, after the last NEWLINE and DEDENTs */
    TOK_NEWLINE,   /* end of a logical line */
    TOK_INDENT,
    TOK_DEDENT,
    TOK_NAME,    /* identifier or soft keyword */
    TOK_INT,     /* int_value, or big_digits when it does not fit in int64 */
    TOK_FLOAT,   /* float_value */
    TOK_IMAG,    /* float_value: the imaginary part */
    TOK_STRING,  /* one literal: see Token.str_* */
    TOK_UNKNOWN, /* a character that starts no token ('$', '?', '!', '`') */
#define X(name, text) TOK_##name,
    LEXER_OPERATOR_LIST(X)
#undef X
#define X(name, text) TOK_KW_##name,
    LEXER_KEYWORD_LIST(X)
#undef X
    TOK_KIND_COUNT
} TokenKind;

/* Flags of a TOK_STRING. */
enum {
    LEX_STR_BYTES = 1,  /* b prefix */
    LEX_STR_RAW = 2,    /* r prefix */
    LEX_STR_FORMAT = 4, /* f prefix: body holds the undecoded text */
    LEX_STR_TRIPLE = 8, /* triple-quoted */
};

typedef struct {
    uint8_t kind; /* TokenKind */
    uint8_t str_flags;
    uint16_t level; /* bracket depth after this token */
    uint32_t line, col, end_line, end_col; /* 1-based lines, 0-based code point columns */
    const char *start;                     /* source bytes of the whole token */
    uint32_t len;
    int64_t int_value;
    const char *big_digits; /* TOK_INT beyond int64: decimal digits in the arena */
    double float_value;
    const char *str; /* TOK_STRING: the undecoded body between the quotes (points into src) */
    size_t str_len;
    uint32_t body_line, body_col; /* where the body starts */
} Token;

/* What went wrong, positioned like CPython's SyntaxError (1-based col). */
typedef struct {
    const char *kind; /* "SyntaxError", "IndentationError" or "TabError" */
    char message[160];
    uint32_t line, col, end_col; /* end_col 0: unknown */
    /* True for the errors CPython's tokenizer raises itself, which win over a
     * parser error found earlier in the file (bad literals, brackets...). */
    bool beats_parser_errors;
    bool unclosed_bracket; /* "'(' was never closed": line/col are the bracket's */
} LexError;

#define LEXER_MAX_PAREN 200
#define LEXER_MAX_INDENT 100

typedef struct {
    const char *src, *end, *cur;
    Arena *arena;
    uint32_t line;          /* line of cur */
    const char *line_start; /* first byte of cur's line */
    const char *cp_base;    /* a point on cur's line whose code point column is cp_col */
    uint32_t cp_col;
    bool line_ascii;        /* cur's line is ASCII: columns are byte offsets */
    bool at_line_start;  /* the next token begins a logical line */
    bool seen_content;   /* some token was produced since the last NEWLINE */
    bool done;           /* TOK_ENDMARKER was returned */
    bool fragment;       /* an f-string expression: no NEWLINE, INDENT, DEDENT */
    uint32_t first_line_col; /* code point column of src[0] (fragments start mid-line) */
    int pending_dedents; /* DEDENTs still to return */
    int indent_top;
    int indents[LEXER_MAX_INDENT + 1];     /* columns, tabs to multiples of 8 */
    int alt_indents[LEXER_MAX_INDENT + 1]; /* columns, tabs as 1: detects mixing */
    int paren_depth;
    int base_paren_depth; /* fragments start inside an imaginary bracket */
    char paren_char[LEXER_MAX_PAREN];
    uint32_t paren_line[LEXER_MAX_PAREN], paren_col[LEXER_MAX_PAREN];
    bool has_error;
    LexError error;
} Lexer;

/* Prepare to lex a module: src must end with '\n' and contain no NUL. */
void lexer_init(Lexer *lx, const char *src, size_t len, Arena *arena);
/* Prepare to lex an expression fragment (an f-string field) that starts at
 * line/col of the real source: no INDENT/NEWLINE tokens are produced. */
void lexer_init_fragment(Lexer *lx, const char *src, size_t len, Arena *arena, uint32_t line,
                         uint32_t col);
/* Produce the next token; false (and TOK_ERROR) once an error occurred. */
bool lexer_next_token(Lexer *lx, Token *tok);
/* The kind's spelling for messages: "(" or "if", or a class like "NAME". */
const char *lexer_token_name(TokenKind kind);
/* Offset of the first byte of s[0..len) that is not valid UTF-8, or len. */
size_t lexer_find_invalid_utf8(const char *s, size_t len);
/* Number of code points in s[0..len). */
uint32_t lexer_count_code_points(const char *s, size_t len);
/* Decode the escapes of a str (or bytes when is_bytes) body into the arena
 * (raw bodies are only checked). On error write a CPython-style message such
 * as "(unicode error) ..." to err (size err_size) and return NULL. */
char *lexer_decode_string(Arena *arena, const char *body, size_t len, bool is_bytes, bool is_raw,
                          size_t *out_len, char *err, size_t err_size);

#endif
