/* parser.h: source text to an AstModule, or a SyntaxError with its position. */
#ifndef LOOPBOOK_PARSER_H
#define LOOPBOOK_PARSER_H

#include <stdio.h>

#include "ast.h"

/* Where and why the source is not valid. Strings are malloc'd; free them with
 * syntax_error_free. Positions follow CPython's SyntaxError: 1-based line and
 * 1-based column (offset) in code points; end_col is exclusive (0 when unknown). */
typedef struct {
    const char *kind; /* "SyntaxError", "IndentationError" or "TabError" (static) */
    char *message;    /* e.g. "invalid syntax", "'(' was never closed" */
    char *filename;
    uint32_t line;
    uint32_t col;
    uint32_t end_col;
    bool to_line_end;  /* the construct goes on past this line: underline to the line's end */
    char *source_line; /* the offending line without its newline, or NULL */
} SyntaxErrorInfo;

/* Parse a whole file or cell. On success fill *out (release it with
 * ast_module_free) and return true; on failure fill *err and return false. */
bool parse_module(const char *source, size_t len, const char *filename, AstModule *out,
                  SyntaxErrorInfo *err);
/* Release a parsed module. */
void ast_module_free(AstModule *m);
/* Release the strings of a SyntaxErrorInfo. */
void syntax_error_free(SyntaxErrorInfo *err);
/* Print err as CPython does (File line, source line, caret, "Kind: message"). */
void syntax_error_print(const SyntaxErrorInfo *err, FILE *to);

#endif
