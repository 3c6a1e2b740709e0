/* parser.c: recursive descent over lexer tokens into ast.h nodes.
 *
 * The grammar follows CPython 3.11's, and so do the error messages for the
 * common mistakes. Tokens are buffered so the parser can look ahead and, in
 * a few places, back up. Recursion is bounded: brackets by the lexer (200),
 * everything else by a depth counter, so hostile input cannot overflow the
 * C stack. */
#include "parser.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

enum {
    MAX_RECURSION = 1000, /* C-stack depth of nested constructs */
    MAX_TREE_DEPTH = 3000, /* tree depth, counting long operator chains */
    TOKEN_WINDOW = 4096,  /* consumed tokens kept before the buffer is compacted */
};

typedef struct {
    const char *kind;
    char message[256];
    uint32_t line, col, end_col;
    uint32_t end_line; /* where the blamed text ends, for the unclosed-bracket rule */
} ParseError;

typedef struct Parser {
    Lexer lx;
    Arena *arena;
    const char *src; /* the normalised source, for error lines */
    size_t src_len;
    Token *toks; /* toks[0] is absolute token index `base` */
    int ntoks, cap, base, pos;
    bool failed;
    ParseError err;
    int depth, tree_depth;
    Node **stack; /* scratch for lists under construction */
    int sp, stack_cap;
    uint8_t *opstack; /* comparison operators under construction */
    int osp, opstack_cap;
    bool is_fragment;      /* parsing an f-string field */
    bool no_invalid_rules; /* inside a speculative parse that only probes */
    const Node *bare_tuple; /* the last "a, b" built without brackets */
    bool scanning;         /* looking far ahead, not parsing */
    bool saw_lexer_error;  /* the parser itself looked at the lexer's error */
    int furthest;          /* the furthest token parsing reached: generic errors go there */
} Parser;

/* ---- memory ------------------------------------------------------------- */

static void *xrealloc(void *p, size_t size) {
    void *q = realloc(p, size);
    if (!q) {
        fputs("loopbook: out of memory\n", stderr);
        abort();
    }
    return q;
}

static void push(Parser *p, Node *n) {
    if (p->sp == p->stack_cap) {
        p->stack_cap = p->stack_cap ? p->stack_cap * 2 : 64;
        p->stack = xrealloc(p->stack, (size_t)p->stack_cap * sizeof *p->stack);
    }
    p->stack[p->sp++] = n;
}

/* The nodes pushed since `base`, moved into the arena. */
static NodeList pop_list(Parser *p, int base) {
    NodeList l = {NULL, p->sp - base};
    if (l.len > 0) {
        l.items = arena_alloc(p->arena, (size_t)l.len * sizeof *l.items);
        memcpy(l.items, p->stack + base, (size_t)l.len * sizeof *l.items);
    }
    p->sp = base;
    return l;
}

static void push_op(Parser *p, uint8_t op) {
    if (p->osp == p->opstack_cap) {
        p->opstack_cap = p->opstack_cap ? p->opstack_cap * 2 : 64;
        p->opstack = xrealloc(p->opstack, (size_t)p->opstack_cap);
    }
    p->opstack[p->osp++] = op;
}

/* ---- tokens --------------------------------------------------------------- */

static void fetch_token(Parser *p) {
    if (p->ntoks == p->cap) {
        p->cap = p->cap ? p->cap * 2 : p->is_fragment ? 16 : 1024; /* f-string fields are short */
        p->toks = xrealloc(p->toks, (size_t)p->cap * sizeof *p->toks);
    }
    Token *t = &p->toks[p->ntoks++];
    lexer_next_token(&p->lx, t);
}

static Token *peek_fetch(Parser *p, int idx) {
    while (idx >= p->ntoks && !(p->ntoks > 0 && p->toks[p->ntoks - 1].kind == TOK_ERROR))
        fetch_token(p);
    return &p->toks[idx < p->ntoks ? idx : p->ntoks - 1];
}

/* The k-th token from the current one. The pointer is valid only until the
 * next look-ahead, which may move the buffer. */
static inline Token *peek(Parser *p, int k) {
    int idx = p->pos - p->base + k;
    Token *t = idx < p->ntoks ? &p->toks[idx] : peek_fetch(p, idx);
    if (k > 0 && p->pos + k > p->furthest && !p->no_invalid_rules && !p->scanning)
        p->furthest = p->pos + k;
    if (t->kind == TOK_ERROR && !p->scanning)
        p->saw_lexer_error = true;
    return t;
}

static Token *tok(Parser *p) { return peek(p, 0); }
static TokenKind kind0(Parser *p) { return (TokenKind)tok(p)->kind; }
static TokenKind kind_at(Parser *p, int k) { return (TokenKind)peek(p, k)->kind; }
static bool check(Parser *p, TokenKind k) { return kind0(p) == k; }

/* The last consumed token. */
static const Token *prev(Parser *p) {
    int idx = p->pos - p->base - 1;
    return idx >= 0 ? &p->toks[idx] : &p->toks[0];
}

/* Consume n tokens; CPython blames generic errors on the furthest token
 * reached, so remember it (probes that only look for a better message
 * do not count). */
static inline void skip(Parser *p, int n) {
    p->pos += n;
    if (p->pos > p->furthest && !p->no_invalid_rules)
        p->furthest = p->pos;
}

static Token advance(Parser *p) {
    Token t = *tok(p);
    if (t.kind != TOK_ERROR)
        skip(p, 1);
    return t;
}

static bool accept(Parser *p, TokenKind k) {
    if (!check(p, k))
        return false;
    skip(p, 1);
    return true;
}

static bool is_name(Parser *p, int k, const char *name) {
    Token *t = peek(p, k);
    size_t n = strlen(name);
    return t->kind == TOK_NAME && t->len == n && memcmp(t->start, name, n) == 0;
}

/* Forget consumed tokens at statement boundaries so a huge file needs a
 * small buffer; one is kept because node ends come from prev(). */
static void release_tokens(Parser *p) {
    int consumed = p->pos - p->base;
    if (consumed < TOKEN_WINDOW)
        return;
    int drop = consumed - 1;
    memmove(p->toks, p->toks + drop, (size_t)(p->ntoks - drop) * sizeof *p->toks);
    p->ntoks -= drop;
    p->base += drop;
}

/* ---- errors --------------------------------------------------------------- */

static void *fail(Parser *p, const char *kind, uint32_t line, uint32_t col, uint32_t end_col,
                  const char *fmt, ...) {
    if (p->failed)
        return NULL;
    p->failed = true;
    p->err.kind = kind;
    p->err.line = p->err.end_line = line;
    p->err.col = col;
    p->err.end_col = end_col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err.message, sizeof p->err.message, fmt, ap);
    va_end(ap);
    return NULL;
}

static bool is_layout(TokenKind k) {
    return k == TOK_NEWLINE || k == TOK_INDENT || k == TOK_DEDENT || k == TOK_ENDMARKER;
}

/* The lexer's error stands for itself; the parser only notes that it failed. */
static void *fail_lexer(Parser *p) {
    p->saw_lexer_error = true;
    if (!p->failed) {
        p->failed = true;
        p->err.kind = NULL;
    }
    return NULL;
}

static void *fail_tok_msg(Parser *p, const Token *t, const char *kind, const char *msg) {
    if (t->kind == TOK_ERROR)
        return fail_lexer(p);
    if ((t->kind == TOK_ENDMARKER || t->kind == TOK_DEDENT) && t->start == p->lx.end &&
        !p->is_fragment)
        return fail(p, kind, t->line, 0, 0, "%s", msg); /* CPython's file mode has no column */
    uint32_t col = t->col + 1;
    uint32_t end = is_layout((TokenKind)t->kind) ? col : t->end_col + 1;
    if (t->end_line != t->line)
        end = 0;
    return fail(p, kind, t->line, col, end, "%s", msg);
}

static void *fail_here(Parser *p, const char *msg) {
    Token t = *tok(p);
    return fail_tok_msg(p, &t, "SyntaxError", msg);
}

/* Like CPython, blame the furthest token any attempt reached, not where
 * the last alternative gave up. */
static void *fail_unexpected(Parser *p) {
    int idx = p->furthest - p->base;
    if (p->furthest > p->pos && idx < p->ntoks) {
        Token t = p->toks[idx];
        return fail_tok_msg(p, &t, "SyntaxError", "invalid syntax");
    }
    return fail_here(p, "invalid syntax");
}

/* Columns of a line in code points, for errors whose range ends further down. */
static uint32_t line_length(Parser *p, uint32_t line) {
    const char *s = p->src, *end = p->src + p->src_len;
    for (uint32_t l = 1; l < line && s < end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        s = nl ? nl + 1 : end;
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    return lexer_count_code_points(s, (size_t)((nl ? nl : end) - s));
}

static uint32_t range_end(Parser *p, uint32_t line, uint32_t end_line, uint32_t end_col) {
    if (end_line == line)
        return end_col + 1;
    return p->is_fragment ? 0 : line_length(p, line) + 1;
}

/* A SyntaxError spanning from the start of a to the end of b. */
static void *fail_span(Parser *p, const Node *a, const Node *b, const char *fmt, ...) {
    if (p->failed)
        return NULL;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fail(p, "SyntaxError", a->line, a->col + 1, range_end(p, a->line, b->end_line, b->end_col), "%s",
         msg);
    p->err.end_line = b->end_line;
    return NULL;
}

#define fail_node(p, n, ...) fail_span((p), (n), (n), __VA_ARGS__)

static bool expect(Parser *p, TokenKind k) {
    if (accept(p, k))
        return true;
    fail_unexpected(p);
    return false;
}

/* "expected ':'" style errors that CPython reports whatever the token is. */
static bool expect_forced(Parser *p, TokenKind k) {
    if (accept(p, k))
        return true;
    char msg[64];
    snprintf(msg, sizeof msg, "expected '%s'", lexer_token_name(k));
    fail_here(p, msg);
    return false;
}

/* ':' where CPython says "expected ':'" only at the end of the line. */
static bool expect_colon_at_eol(Parser *p) {
    if (accept(p, TOK_COLON))
        return true;
    if (check(p, TOK_NEWLINE))
        fail_here(p, "expected ':'");
    else
        fail_unexpected(p);
    return false;
}

/* ---- depth ------------------------------------------------------------------ */

static bool enter(Parser *p) {
    if (p->depth >= MAX_RECURSION || p->tree_depth >= MAX_TREE_DEPTH) {
        Token t = *tok(p);
        fail_tok_msg(p, &t, "SyntaxError", "too many nested expressions (the parser's limit)");
        return false;
    }
    p->depth++;
    p->tree_depth++;
    return true;
}

static void leave(Parser *p) {
    p->depth--;
    p->tree_depth--;
}

/* One more link in a left-leaning chain such as a+b+c or a.b.c. */
static bool grow_chain(Parser *p, int *links) {
    (*links)++;
    p->tree_depth++;
    if (p->tree_depth >= MAX_TREE_DEPTH) {
        Token t = *tok(p);
        fail_tok_msg(p, &t, "SyntaxError", "too many nested expressions (the parser's limit)");
        return false;
    }
    return true;
}

static void end_chain(Parser *p, int links) { p->tree_depth -= links; }

/* ---- nodes ------------------------------------------------------------------ */

static Node *new_node(Parser *p, AstKind kind, uint32_t line, uint32_t col) {
    Node *n = arena_alloc(p->arena, sizeof *n);
    n->kind = (uint8_t)kind;
    n->line = n->end_line = line;
    n->col = n->end_col = col;
    return n;
}

typedef struct {
    uint32_t line, col;
} Pos;

/* Where the current token starts: cheaper to keep than a Token copy. */
static Pos here(Parser *p) {
    const Token *t = tok(p);
    Pos at = {t->line, t->col};
    return at;
}

static Node *node_at(Parser *p, AstKind kind, Pos at) { return new_node(p, kind, at.line, at.col); }

static Node *node_at_tok(Parser *p, AstKind kind, const Token *t) {
    Node *n = new_node(p, kind, t->line, t->col);
    n->end_line = t->end_line;
    n->end_col = t->end_col;
    return n;
}

static Node *node_from(Parser *p, AstKind kind, const Node *start) {
    return new_node(p, kind, start->line, start->col);
}

/* End the node where the last consumed token ends. */
static Node *finish(Parser *p, Node *n) {
    const Token *t = prev(p);
    n->end_line = t->end_line;
    n->end_col = t->end_col;
    return n;
}

static Node *end_like(Node *n, const Node *last) {
    n->end_line = last->end_line;
    n->end_col = last->end_col;
    return n;
}

static const char *token_text(Parser *p, const Token *t) {
    return arena_strndup(p->arena, t->start, t->len);
}

/* ---- forward declarations ---------------------------------------------------- */

static Node *parse_expression(Parser *p);
static Node *parse_named_expression(Parser *p);
static Node *parse_star_expressions(Parser *p);
static Node *parse_star_named_expression(Parser *p);
static Node *parse_disjunction(Parser *p);
static Node *parse_bitwise_or(Parser *p);
static Node *parse_primary(Parser *p);
static Node *parse_yield(Parser *p);
static Node *parse_strings(Parser *p);
static bool parse_block(Parser *p, NodeList *out, const char *what, uint32_t line);
static bool parse_statement(Parser *p);

/* ---- speculation --------------------------------------------------------------- */

typedef struct {
    int pos, sp, osp, depth, tree_depth;
    bool failed;
    ParseError err;
} Mark;

static Mark mark(Parser *p) {
    Mark m = {p->pos, p->sp, p->osp, p->depth, p->tree_depth, p->failed, p->err};
    return m;
}

/* Back up after a failed attempt. A lexer error the attempt ran into
 * cannot be taken back. */
static bool reset(Parser *p, Mark m) {
    if (p->saw_lexer_error) {
        fail_lexer(p);
        return false;
    }
    p->pos = m.pos;
    p->sp = m.sp;
    p->osp = m.osp;
    p->depth = m.depth;
    p->tree_depth = m.tree_depth;
    p->failed = m.failed;
    p->err = m.err;
    return true;
}

/* ---- classification ----------------------------------------------------------- */

static bool starts_expression(TokenKind k) {
    switch (k) {
    case TOK_NAME: case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_STRING: case TOK_LPAR:
    case TOK_LSQB: case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE:
    case TOK_KW_NOT: case TOK_KW_LAMBDA: case TOK_KW_AWAIT: case TOK_ELLIPSIS:
    case TOK_KW_TRUE: case TOK_KW_FALSE: case TOK_KW_NONE:
        return true;
    default:
        return false;
    }
}

static bool starts_comprehension(Parser *p) {
    return check(p, TOK_KW_FOR) || (check(p, TOK_KW_ASYNC) && kind_at(p, 1) == TOK_KW_FOR);
}

/* The words CPython uses for an expression in "cannot assign to ..." errors. */
static const char *expr_name(const Node *n) {
    switch ((AstKind)n->kind) {
    case AST_ATTRIBUTE: return "attribute";
    case AST_SUBSCRIPT: return "subscript";
    case AST_STARRED: return "starred";
    case AST_NAME: return "name";
    case AST_LIST: return "list";
    case AST_TUPLE: return "tuple";
    case AST_LAMBDA: return "lambda";
    case AST_CALL: return "function call";
    case AST_BOOLOP: case AST_BINOP: case AST_UNARYOP: return "expression";
    case AST_GENERATOR_EXP: return "generator expression";
    case AST_YIELD: case AST_YIELD_FROM: return "yield expression";
    case AST_AWAIT: return "await expression";
    case AST_LIST_COMP: return "list comprehension";
    case AST_SET_COMP: return "set comprehension";
    case AST_DICT_COMP: return "dict comprehension";
    case AST_DICT: return "dict literal";
    case AST_SET: return "set display";
    case AST_JOINED_STR: case AST_FORMATTED_VALUE: return "f-string expression";
    case AST_CONST_NONE: return "None";
    case AST_CONST_TRUE: return "True";
    case AST_CONST_FALSE: return "False";
    case AST_CONST_ELLIPSIS: return "ellipsis";
    case AST_COMPARE: return "comparison";
    case AST_IF_EXP: return "conditional expression";
    case AST_NAMED_EXPR: return "named expression";
    default: return "literal";
    }
}

/* The node whose first token starts n. */
static const Node *leftmost(const Node *n) {
    for (;;) {
        switch ((AstKind)n->kind) {
        case AST_BINOP: case AST_ATTRIBUTE: case AST_SUBSCRIPT: case AST_CALL: case AST_COMPARE:
            if (n->a->line != n->line || n->a->col != n->col)
                return n;
            n = n->a;
            break;
        case AST_BOOLOP:
            if (n->list.items[0]->line != n->line || n->list.items[0]->col != n->col)
                return n;
            n = n->list.items[0];
            break;
        default:
            return n;
        }
    }
}

static bool is_soft_keyword(const Node *n) {
    return n->kind == AST_NAME &&
           (!strcmp(n->name, "match") || !strcmp(n->name, "case") || !strcmp(n->name, "_"));
}

typedef enum { TARGET_ASSIGN, TARGET_FOR, TARGET_DELETE } TargetMode;

/* The first part of n that cannot be assigned to (or deleted), or NULL. */
static const Node *invalid_target(const Node *n, TargetMode mode) {
    switch ((AstKind)n->kind) {
    case AST_NAME: case AST_ATTRIBUTE: case AST_SUBSCRIPT:
        return NULL;
    case AST_TUPLE: case AST_LIST:
        for (int i = 0; i < n->list.len; i++) {
            const Node *bad = invalid_target(n->list.items[i], mode);
            if (bad)
                return bad;
        }
        return NULL;
    case AST_STARRED:
        return mode == TARGET_DELETE ? n : invalid_target(n->a, mode);
    case AST_COMPARE:
        if (mode == TARGET_FOR && n->ops[0] == AST_IN)
            return invalid_target(n->a, mode);
        return n;
    default:
        return n;
    }
}

/* ---- atoms ------------------------------------------------------------------------ */

static Node *parse_number(Parser *p) {
    Token t = advance(p);
    AstKind k = t.kind == TOK_INT ? AST_CONST_INT : t.kind == TOK_FLOAT ? AST_CONST_FLOAT : AST_CONST_IMAG;
    Node *n = node_at_tok(p, k, &t);
    n->int_value = t.int_value;
    n->big_digits = t.big_digits;
    n->float_value = t.float_value;
    return n;
}

static Node *parse_name(Parser *p) {
    const Token *t = tok(p);
    if (t->kind != TOK_NAME)
        return fail_unexpected(p);
    Node *n = node_at_tok(p, AST_NAME, t);
    n->name = token_text(p, t);
    skip(p, 1);
    return n;
}

static bool parse_comp_clauses(Parser *p, NodeList *out);

/* "(x for ...)", "[x for ...]", "{x for ...}": elt is already parsed. */
static Node *parse_comprehension_rest(Parser *p, AstKind kind, const Token *open, Node *elt,
                                      TokenKind closer) {
    if (elt->kind == AST_STARRED)
        return fail_node(p, elt, "iterable unpacking cannot be used in comprehension");
    Node *n = node_at_tok(p, kind, open);
    n->a = elt;
    if (!parse_comp_clauses(p, &n->list) || !expect(p, closer))
        return NULL;
    return finish(p, n);
}

/* Elements after the first of a tuple, list or set display. */
static Node *parse_display_rest(Parser *p, AstKind kind, const Token *open, Node *first,
                                TokenKind closer) {
    int base = p->sp;
    push(p, first);
    while (accept(p, TOK_COMMA)) {
        if (check(p, closer) || starts_comprehension(p))
            break;
        Node *e = parse_star_named_expression(p);
        if (!e)
            return NULL;
        push(p, e);
    }
    if (starts_comprehension(p) && closer != TOK_RPAR) {
        /* [a, b for ...]: the target of a comprehension needs brackets */
        const Token *last = prev(p);
        return fail(p, "SyntaxError", first->line, first->col + 1,
                    range_end(p, first->line, last->end_line, last->end_col),
                    "did you forget parentheses around the comprehension target?");
    }
    if (!expect(p, closer))
        return NULL;
    Node *n = node_at_tok(p, kind, open);
    n->list = pop_list(p, base);
    return finish(p, n);
}

static Node *parse_paren_body(Parser *p, const Token *open) {
    if (accept(p, TOK_RPAR)) {
        Node *n = node_at_tok(p, AST_TUPLE, open);
        return finish(p, n);
    }
    if (check(p, TOK_KW_YIELD)) {
        Node *y = parse_yield(p);
        return y && expect(p, TOK_RPAR) ? y : NULL;
    }
    Node *first = parse_star_named_expression(p);
    if (!first)
        return NULL;
    if (starts_comprehension(p))
        return parse_comprehension_rest(p, AST_GENERATOR_EXP, open, first, TOK_RPAR);
    if (check(p, TOK_COMMA))
        return parse_display_rest(p, AST_TUPLE, open, first, TOK_RPAR);
    if (!expect(p, TOK_RPAR))
        return NULL;
    if (first->kind == AST_STARRED)
        return fail_node(p, first, "cannot use starred expression here");
    return first;
}

static Node *parse_list_body(Parser *p, const Token *open) {
    if (accept(p, TOK_RSQB))
        return finish(p, node_at_tok(p, AST_LIST, open));
    Node *first = parse_star_named_expression(p);
    if (!first)
        return NULL;
    if (starts_comprehension(p))
        return parse_comprehension_rest(p, AST_LIST_COMP, open, first, TOK_RSQB);
    return parse_display_rest(p, AST_LIST, open, first, TOK_RSQB);
}

/* key: value, or **mapping; keys and values alternate on the stack. */
static bool parse_dict_item(Parser *p) {
    if (accept(p, TOK_DOUBLESTAR)) {
        Node *v = parse_bitwise_or(p);
        if (!v)
            return false;
        push(p, NULL);
        push(p, v);
        return true;
    }
    /* CPython does not look for a missing comma in later keys */
    bool probing = p->no_invalid_rules;
    p->no_invalid_rules = true;
    Node *key = parse_expression(p);
    p->no_invalid_rules = probing;
    if (!key)
        return false;
    if (!accept(p, TOK_COLON)) {
        if (check(p, TOK_COMMA) || check(p, TOK_RBRACE) || starts_expression(kind0(p)))
            fail(p, "SyntaxError", key->end_line, key->end_col, 0, "':' expected after dictionary key");
        else
            fail_unexpected(p);
        return false;
    }
    if (check(p, TOK_RBRACE) || check(p, TOK_COMMA)) {
        fail_tok_msg(p, prev(p), "SyntaxError", "expression expected after dictionary key and ':'");
        return false;
    }
    Node *v = parse_expression(p);
    if (!v)
        return false;
    push(p, key);
    push(p, v);
    return true;
}

static Node *make_dict(Parser *p, const Token *open, int base) {
    Node *n = node_at_tok(p, AST_DICT, open);
    int pairs = (p->sp - base) / 2;
    n->list.len = n->list2.len = pairs;
    if (pairs) {
        n->list.items = arena_alloc(p->arena, (size_t)pairs * sizeof(Node *));
        n->list2.items = arena_alloc(p->arena, (size_t)pairs * sizeof(Node *));
    }
    for (int i = 0; i < pairs; i++) {
        n->list.items[i] = p->stack[base + 2 * i];
        n->list2.items[i] = p->stack[base + 2 * i + 1];
    }
    p->sp = base;
    return finish(p, n);
}

static Node *parse_dict_rest(Parser *p, const Token *open, int base) {
    while (accept(p, TOK_COMMA) && !check(p, TOK_RBRACE))
        if (!parse_dict_item(p))
            return NULL;
    if (!expect(p, TOK_RBRACE))
        return NULL;
    return make_dict(p, open, base);
}

static Node *parse_brace_body(Parser *p, const Token *open) {
    int base = p->sp;
    if (accept(p, TOK_RBRACE))
        return finish(p, node_at_tok(p, AST_DICT, open));
    if (check(p, TOK_DOUBLESTAR)) {
        if (!parse_dict_item(p))
            return NULL;
        return parse_dict_rest(p, open, base);
    }
    Node *first = parse_star_named_expression(p);
    if (!first)
        return NULL;
    if (check(p, TOK_COLON) && first->kind != AST_STARRED) {
        skip(p, 1);
        if (check(p, TOK_RBRACE) || check(p, TOK_COMMA))
            return fail_tok_msg(p, prev(p), "SyntaxError",
                                "expression expected after dictionary key and ':'");
        Node *value = parse_expression(p);
        if (!value)
            return NULL;
        if (starts_comprehension(p)) {
            Node *n = node_at_tok(p, AST_DICT_COMP, open);
            n->a = first;
            n->b = value;
            if (!parse_comp_clauses(p, &n->list) || !expect(p, TOK_RBRACE))
                return NULL;
            return finish(p, n);
        }
        push(p, first);
        push(p, value);
        return parse_dict_rest(p, open, base);
    }
    if (starts_comprehension(p))
        return parse_comprehension_rest(p, AST_SET_COMP, open, first, TOK_RBRACE);
    return parse_display_rest(p, AST_SET, open, first, TOK_RBRACE);
}

/* Brackets: the lexer caps their nesting, enter() the rest of the recursion. */
static Node *parse_bracketed(Parser *p) {
    Token open = advance(p);
    if (!enter(p))
        return NULL;
    Node *n;
    if (open.kind == TOK_LPAR)
        n = parse_paren_body(p, &open);
    else if (open.kind == TOK_LSQB)
        n = parse_list_body(p, &open);
    else
        n = parse_brace_body(p, &open);
    leave(p);
    return n;
}

static Node *parse_atom(Parser *p) {
    Token t = *tok(p);
    switch ((TokenKind)t.kind) {
    case TOK_NAME: return parse_name(p);
    case TOK_KW_TRUE: skip(p, 1); return node_at_tok(p, AST_CONST_TRUE, &t);
    case TOK_KW_FALSE: skip(p, 1); return node_at_tok(p, AST_CONST_FALSE, &t);
    case TOK_KW_NONE: skip(p, 1); return node_at_tok(p, AST_CONST_NONE, &t);
    case TOK_ELLIPSIS: skip(p, 1); return node_at_tok(p, AST_CONST_ELLIPSIS, &t);
    case TOK_INT: case TOK_FLOAT: case TOK_IMAG: return parse_number(p);
    case TOK_STRING: return parse_strings(p);
    case TOK_LPAR: case TOK_LSQB: case TOK_LBRACE: return parse_bracketed(p);
    default: return fail_unexpected(p);
    }
}

/* ---- calls and subscripts ------------------------------------------------------------ */

typedef struct {
    bool keyword, dstar; /* seen keyword=, seen ** */
    int count;
    bool allow_genexp;   /* calls yes, class bases no */
    const char *misplaced; /* a positional argument came too late */
} ArgState;

static Node *parse_keyword_arg(Parser *p, ArgState *st) {
    Token name = advance(p);
    Token eq = advance(p);
    Node *v = parse_expression(p);
    if (!v)
        return NULL;
    if (starts_comprehension(p))
        return fail(p, "SyntaxError", name.line, name.col + 1, eq.end_col + 1,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    Node *k = node_at_tok(p, AST_KEYWORD, &name);
    k->name = token_text(p, &name);
    k->a = v;
    st->keyword = true;
    return finish(p, k);
}

static Node *parse_star_arg(Parser *p, ArgState *st) {
    Token star = advance(p);
    Node *v = parse_expression(p);
    if (!v)
        return NULL;
    if (star.kind == TOK_STAR && starts_comprehension(p))
        return fail(p, "SyntaxError", star.line, star.col + 1, range_end(p, star.line, v->end_line, v->end_col),
                    "iterable unpacking cannot be used in comprehension");
    if (star.kind == TOK_DOUBLESTAR) {
        Node *k = node_at_tok(p, AST_KEYWORD, &star);
        k->a = v;
        st->dstar = true;
        return finish(p, k);
    }
    if (st->dstar)
        return fail_tok_msg(p, &star, "SyntaxError",
                            "iterable argument unpacking follows keyword argument unpacking");
    Node *s = node_at_tok(p, AST_STARRED, &star);
    s->a = v;
    return finish(p, s);
}

/* A bare generator expression is allowed only as the sole argument. */
static Node *parse_genexp_arg(Parser *p, Node *elt, const Token *open, ArgState *st) {
    Node *g = node_from(p, AST_GENERATOR_EXP, elt);
    g->a = elt;
    if (elt->kind == AST_STARRED)
        return fail_node(p, elt, "iterable unpacking cannot be used in comprehension");
    if (!parse_comp_clauses(p, &g->list))
        return NULL;
    finish(p, g);
    if (st->count > 0 || !check(p, TOK_RPAR))
        return fail_node(p, g, "Generator expression must be parenthesized");
    /* CPython's node spans the call's parentheses */
    g->line = open->line;
    g->col = open->col;
    g->end_line = tok(p)->end_line;
    g->end_col = tok(p)->end_col;
    return g;
}

static Node *parse_argument(Parser *p, const Token *open, ArgState *st) {
    if (check(p, TOK_STAR) || check(p, TOK_DOUBLESTAR))
        return parse_star_arg(p, st);
    if (check(p, TOK_NAME) && kind_at(p, 1) == TOK_EQUAL)
        return parse_keyword_arg(p, st);
    Node *e;
    if (check(p, TOK_NAME) && kind_at(p, 1) == TOK_COLONEQUAL) {
        e = parse_named_expression(p);
    } else {
        /* not parse_named_expression: '=' here has a message of its own */
        e = parse_expression(p);
        if (e && check(p, TOK_COLONEQUAL))
            return fail_unexpected(p);
    }
    if (!e)
        return NULL;
    if (starts_comprehension(p) && st->allow_genexp)
        return parse_genexp_arg(p, e, open, st);
    if (check(p, TOK_EQUAL)) {
        Token eq = *tok(p);
        return fail(p, "SyntaxError", e->line, e->col + 1, range_end(p, e->line, eq.end_line, eq.end_col),
                    "expression cannot contain assignment, perhaps you meant \"==\"?");
    }
    /* CPython blames the token after the arguments, so keep going */
    if (st->dstar && !st->misplaced)
        st->misplaced = "positional argument follows keyword argument unpacking";
    else if (st->keyword && !st->misplaced)
        st->misplaced = "positional argument follows keyword argument";
    return e;
}

/* Positional arguments first, keywords after, both in source order. */
static void split_arguments(Parser *p, int base, Node *call) {
    int n = p->sp - base, npos = 0;
    if (n == 0)
        return;
    Node **items = p->stack + base;
    for (int i = 0; i < n; i++)
        npos += items[i]->kind != AST_KEYWORD;
    call->list.len = npos;
    call->keywords.len = n - npos;
    if (npos)
        call->list.items = arena_alloc(p->arena, (size_t)npos * sizeof(Node *));
    if (n - npos)
        call->keywords.items = arena_alloc(p->arena, (size_t)(n - npos) * sizeof(Node *));
    int ip = 0, ik = 0;
    for (int i = 0; i < n; i++) {
        if (items[i]->kind == AST_KEYWORD)
            call->keywords.items[ik++] = items[i];
        else
            call->list.items[ip++] = items[i];
    }
    p->sp = base;
}

/* "(args)" of a call or a class statement, into list and keywords. */
static bool parse_call_arguments(Parser *p, Node *into, bool allow_genexp) {
    Token open = advance(p);
    if (!enter(p))
        return false;
    int base = p->sp;
    ArgState st = {false, false, 0, allow_genexp, NULL};
    while (!check(p, TOK_RPAR)) {
        Node *arg = parse_argument(p, &open, &st);
        if (!arg)
            return false;
        push(p, arg);
        st.count++;
        if (!accept(p, TOK_COMMA))
            break;
    }
    if (st.misplaced) {
        fail_here(p, st.misplaced);
        return false;
    }
    if (!expect(p, TOK_RPAR))
        return false;
    leave(p);
    split_arguments(p, base, into);
    return true;
}

static Node *parse_call(Parser *p, Pos start, Node *func) {
    Node *call = node_at(p, AST_CALL, start);
    call->a = func;
    return parse_call_arguments(p, call, true) ? finish(p, call) : NULL;
}

static bool ends_slice_part(Parser *p) {
    return check(p, TOK_COLON) || check(p, TOK_COMMA) || check(p, TOK_RSQB);
}

static Node *parse_slice_item(Parser *p) {
    if (check(p, TOK_STAR)) {
        Token star = advance(p);
        Node *v = parse_bitwise_or(p);
        if (!v)
            return NULL;
        Node *s = node_at_tok(p, AST_STARRED, &star);
        s->a = v;
        return finish(p, s);
    }
    Pos start = here(p);
    Node *lower = NULL;
    if (!check(p, TOK_COLON)) {
        lower = parse_named_expression(p);
        if (!lower || !check(p, TOK_COLON))
            return lower;
    }
    Node *s = node_at(p, AST_SLICE, start);
    s->a = lower;
    skip(p, 1); /* ':' */
    if (!ends_slice_part(p) && !(s->b = parse_expression(p)))
        return NULL;
    if (accept(p, TOK_COLON) && !check(p, TOK_COMMA) && !check(p, TOK_RSQB) &&
        !(s->c = parse_expression(p)))
        return NULL;
    return finish(p, s);
}

static Node *parse_slices(Parser *p) {
    Pos start = here(p);
    Node *first = parse_slice_item(p);
    if (!first || (!check(p, TOK_COMMA) && first->kind != AST_STARRED))
        return first; /* a[*b] means a[(*b,)] */
    int base = p->sp;
    push(p, first);
    while (accept(p, TOK_COMMA) && !check(p, TOK_RSQB)) {
        Node *e = parse_slice_item(p);
        if (!e)
            return NULL;
        push(p, e);
    }
    Node *t = node_at(p, AST_TUPLE, start);
    t->list = pop_list(p, base);
    return finish(p, t);
}

static Node *parse_subscript(Parser *p, Pos start, Node *value) {
    skip(p, 1); /* '[' */
    if (!enter(p))
        return NULL;
    Node *idx = parse_slices(p);
    if (!idx || !expect(p, TOK_RSQB))
        return NULL;
    leave(p);
    Node *n = node_at(p, AST_SUBSCRIPT, start);
    n->a = value;
    n->b = idx;
    return finish(p, n);
}

static Node *parse_attribute(Parser *p, Pos start, Node *value) {
    skip(p, 1); /* '.' */
    if (!check(p, TOK_NAME))
        return fail_unexpected(p);
    Token name = advance(p);
    Node *n = node_at(p, AST_ATTRIBUTE, start);
    n->a = value;
    n->name = token_text(p, &name);
    return finish(p, n);
}

static Node *parse_primary(Parser *p) {
    Pos start = here(p); /* "(f)(x)": the call starts at the parenthesis */
    Node *n = parse_atom(p);
    int links = 0;
    while (n) {
        TokenKind k = kind0(p);
        if (k == TOK_DOT)
            n = parse_attribute(p, start, n);
        else if (k == TOK_LPAR)
            n = parse_call(p, start, n);
        else if (k == TOK_LSQB)
            n = parse_subscript(p, start, n);
        else
            break;
        if (n && !grow_chain(p, &links))
            n = NULL;
    }
    end_chain(p, links);
    return n;
}

/* ---- operators ------------------------------------------------------------------------ */

static Node *parse_await_primary(Parser *p) {
    if (!check(p, TOK_KW_AWAIT))
        return parse_primary(p);
    Token t = advance(p);
    Node *v = parse_primary(p);
    if (!v)
        return NULL;
    Node *n = node_at_tok(p, AST_AWAIT, &t);
    n->a = v;
    return finish(p, n);
}

static Node *parse_factor(Parser *p);

static Node *parse_power(Parser *p) {
    Pos start = here(p);
    Node *base = parse_await_primary(p);
    if (!base || !check(p, TOK_DOUBLESTAR))
        return base;
    skip(p, 1);
    if (!enter(p))
        return NULL;
    Node *exp = parse_factor(p); /* right-associative, and -x binds looser: 2**-1 */
    leave(p);
    if (!exp)
        return NULL;
    Node *n = node_at(p, AST_BINOP, start);
    n->op = AST_POW;
    n->a = base;
    n->b = exp;
    return finish(p, n);
}

static Node *parse_factor(Parser *p) {
    TokenKind k = kind0(p);
    if (k != TOK_PLUS && k != TOK_MINUS && k != TOK_TILDE)
        return parse_power(p);
    Token t = advance(p);
    if (!enter(p))
        return NULL;
    Node *v = parse_factor(p);
    leave(p);
    if (!v)
        return NULL;
    Node *n = node_at_tok(p, AST_UNARYOP, &t);
    n->op = k == TOK_PLUS ? AST_POS : k == TOK_MINUS ? AST_NEG : AST_INVERT;
    n->a = v;
    return finish(p, n);
}

/* Binding power of a binary operator token (0: not one). */
static int binary_precedence(TokenKind k, AstOp *op) {
    switch (k) {
    case TOK_VBAR: *op = AST_BITOR; return 1;
    case TOK_CIRCUMFLEX: *op = AST_BITXOR; return 2;
    case TOK_AMPER: *op = AST_BITAND; return 3;
    case TOK_LEFTSHIFT: *op = AST_LSHIFT; return 4;
    case TOK_RIGHTSHIFT: *op = AST_RSHIFT; return 4;
    case TOK_PLUS: *op = AST_ADD; return 5;
    case TOK_MINUS: *op = AST_SUB; return 5;
    case TOK_STAR: *op = AST_MUL; return 6;
    case TOK_SLASH: *op = AST_DIV; return 6;
    case TOK_DOUBLESLASH: *op = AST_FLOORDIV; return 6;
    case TOK_PERCENT: *op = AST_MOD; return 6;
    case TOK_AT: *op = AST_MATMUL; return 6;
    default: return 0;
    }
}

/* Precedence climbing: a loop per level keeps long chains off the C stack. */
static Node *parse_binary(Parser *p, int min_prec) {
    Pos start = here(p);
    Node *left = parse_factor(p);
    int links = 0;
    while (left) {
        AstOp op;
        int prec = binary_precedence(kind0(p), &op);
        if (prec == 0 || prec < min_prec)
            break;
        skip(p, 1);
        Node *right = parse_binary(p, prec + 1);
        if (!right) {
            left = NULL;
            break;
        }
        Node *n = node_at(p, AST_BINOP, start);
        n->op = (uint8_t)op;
        n->a = left;
        n->b = right;
        left = finish(p, n);
        if (!grow_chain(p, &links))
            left = NULL;
    }
    end_chain(p, links);
    return left;
}

static Node *parse_bitwise_or(Parser *p) { return parse_binary(p, 1); }

/* The comparison operator at the current token, consuming it; false if none. */
static bool accept_compare_op(Parser *p, AstOp *op) {
    switch (kind0(p)) {
    case TOK_LESS: *op = AST_LT; break;
    case TOK_GREATER: *op = AST_GT; break;
    case TOK_EQEQUAL: *op = AST_EQ; break;
    case TOK_NOTEQUAL: *op = AST_NE; break;
    case TOK_LESSEQUAL: *op = AST_LE; break;
    case TOK_GREATEREQUAL: *op = AST_GE; break;
    case TOK_KW_IN: *op = AST_IN; break;
    case TOK_KW_NOT:
        if (kind_at(p, 1) != TOK_KW_IN)
            return false;
        skip(p, 2);
        *op = AST_NOT_IN;
        return true;
    case TOK_KW_IS:
        skip(p, 1);
        *op = accept(p, TOK_KW_NOT) ? AST_IS_NOT : AST_IS;
        return true;
    default:
        return false;
    }
    skip(p, 1);
    return true;
}

static Node *parse_comparison(Parser *p) {
    Pos start = here(p);
    Node *left = parse_bitwise_or(p);
    AstOp op;
    if (!left || !accept_compare_op(p, &op))
        return left;
    Node *n = node_at(p, AST_COMPARE, start);
    n->a = left;
    int base = p->sp, obase = p->osp;
    do {
        push_op(p, (uint8_t)op);
        Node *right = parse_bitwise_or(p);
        if (!right)
            return NULL;
        push(p, right);
    } while (accept_compare_op(p, &op));
    n->list = pop_list(p, base);
    n->ops = arena_alloc(p->arena, (size_t)n->list.len);
    memcpy(n->ops, p->opstack + obase, (size_t)n->list.len);
    p->osp = obase;
    return finish(p, n);
}

static Node *parse_inversion(Parser *p) {
    if (!check(p, TOK_KW_NOT))
        return parse_comparison(p);
    Token t = advance(p);
    if (!enter(p))
        return NULL;
    Node *v = parse_inversion(p);
    leave(p);
    if (!v)
        return NULL;
    Node *n = node_at_tok(p, AST_UNARYOP, &t);
    n->op = AST_NOT;
    n->a = v;
    return finish(p, n);
}

/* and/or chains are flat lists, as in CPython's BoolOp. */
static Node *parse_boolop(Parser *p, TokenKind kw, AstOp op, Node *(*operand)(Parser *)) {
    Pos start = here(p);
    Node *first = operand(p);
    if (!first || !check(p, kw))
        return first;
    int base = p->sp;
    push(p, first);
    while (accept(p, kw)) {
        Node *e = operand(p);
        if (!e)
            return NULL;
        push(p, e);
    }
    Node *n = node_at(p, AST_BOOLOP, start);
    n->op = (uint8_t)op;
    n->list = pop_list(p, base);
    return finish(p, n);
}

static Node *parse_conjunction(Parser *p) {
    return parse_boolop(p, TOK_KW_AND, AST_AND, parse_inversion);
}

static Node *parse_disjunction(Parser *p) {
    return parse_boolop(p, TOK_KW_OR, AST_OR, parse_conjunction);
}

/* CPython's "Perhaps you forgot a comma?": two expressions side by side
 * inside brackets. */
static void check_missing_comma(Parser *p, Node *a) {
    TokenKind k = kind0(p);
    if (p->no_invalid_rules || !starts_expression(k) || prev(p)->level == 0)
        return;
    if ((a->kind == AST_NAME && k == TOK_STRING) || is_soft_keyword(leftmost(a)))
        return;
    Mark m = mark(p);
    p->no_invalid_rules = true;
    Node *b = parse_expression(p);
    p->no_invalid_rules = false;
    if (b && prev(p)->level > 0) {
        fail_span(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
        return;
    }
    reset(p, m);
}

static Node *parse_lambda(Parser *p);

static Node *parse_conditional(Parser *p) {
    Pos start = here(p);
    Node *body = parse_disjunction(p);
    if (!body)
        return NULL;
    if (!check(p, TOK_KW_IF)) {
        check_missing_comma(p, body);
        return p->failed ? NULL : body;
    }
    skip(p, 1);
    Node *test = parse_disjunction(p);
    if (!test)
        return NULL;
    if (!accept(p, TOK_KW_ELSE)) {
        if (check(p, TOK_COLON) || p->no_invalid_rules)
            return fail_unexpected(p);
        return fail_span(p, body, test, "expected 'else' after 'if' expression");
    }
    Node *orelse = parse_expression(p);
    if (!orelse)
        return NULL;
    Node *n = node_at(p, AST_IF_EXP, start);
    n->a = test;
    n->b = body;
    n->c = orelse;
    return finish(p, n);
}

static Node *parse_expression(Parser *p) {
    if (!enter(p))
        return NULL;
    Node *n = check(p, TOK_KW_LAMBDA) ? parse_lambda(p) : parse_conditional(p);
    leave(p);
    return n;
}

/* "if x = 1:" and friends: CPython suggests '==' when a single '=' follows
 * an expression where no assignment can be. */
static void check_misused_equal(Parser *p, Node *e, TokenKind first) {
    switch ((AstKind)e->kind) {
    case AST_COMPARE: case AST_BOOLOP: case AST_IF_EXP: case AST_LAMBDA: case AST_NAMED_EXPR:
        return;
    case AST_UNARYOP:
        if (e->op == AST_NOT)
            return;
        break;
    default:
        break;
    }
    const Node *lm = leftmost(e);
    if (first == TOK_KW_TRUE || first == TOK_KW_FALSE || first == TOK_KW_NONE ||
        (first == TOK_LSQB && lm->kind == AST_LIST) ||
        (first == TOK_LPAR && (lm->kind == AST_TUPLE || lm->kind == AST_GENERATOR_EXP)))
        return;
    Mark m = mark(p);
    skip(p, 1); /* '=' */
    p->no_invalid_rules = true;
    Node *rhs = parse_bitwise_or(p);
    p->no_invalid_rules = false;
    if (rhs && !check(p, TOK_EQUAL) && !check(p, TOK_COLONEQUAL)) {
        if (e->kind == AST_NAME)
            fail_span(p, e, rhs, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        else
            fail_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      expr_name(e));
        return;
    }
    reset(p, m);
}

static Node *parse_named_expression(Parser *p) {
    if (check(p, TOK_NAME) && kind_at(p, 1) == TOK_COLONEQUAL) {
        Node *target = parse_name(p);
        skip(p, 1);
        Node *value = parse_expression(p);
        if (!value)
            return NULL;
        Node *n = node_from(p, AST_NAMED_EXPR, target);
        n->a = target;
        n->b = value;
        return finish(p, n);
    }
    TokenKind first = kind0(p);
    Node *e = parse_expression(p);
    if (!e)
        return NULL;
    if (check(p, TOK_COLONEQUAL))
        return fail_node(p, e, "cannot use assignment expressions with %s", expr_name(e));
    if (check(p, TOK_EQUAL) && !p->no_invalid_rules) {
        check_misused_equal(p, e, first);
        if (p->failed)
            return NULL;
    }
    return e;
}

static Node *parse_starred(Parser *p) {
    Token star = advance(p);
    Node *v = parse_bitwise_or(p);
    if (!v)
        return NULL;
    Node *s = node_at_tok(p, AST_STARRED, &star);
    s->a = v;
    return finish(p, s);
}

static Node *parse_star_named_expression(Parser *p) {
    return check(p, TOK_STAR) ? parse_starred(p) : parse_named_expression(p);
}

static Node *parse_star_expression(Parser *p) {
    return check(p, TOK_STAR) ? parse_starred(p) : parse_expression(p);
}

/* a, *b, c without brackets: a TUPLE when there is a comma. */
static Node *parse_star_expressions(Parser *p) {
    Pos start = here(p);
    Node *first = parse_star_expression(p);
    if (!first || !check(p, TOK_COMMA))
        return first;
    int base = p->sp;
    push(p, first);
    while (accept(p, TOK_COMMA)) {
        if (!starts_expression(kind0(p)) && !check(p, TOK_STAR))
            break;
        Node *e = parse_star_expression(p);
        if (!e)
            return NULL;
        push(p, e);
    }
    Node *t = node_at(p, AST_TUPLE, start);
    t->list = pop_list(p, base);
    p->bare_tuple = t;
    return finish(p, t);
}

static Node *parse_yield(Parser *p) {
    Token t = advance(p);
    if (accept(p, TOK_KW_FROM)) {
        Node *v = parse_expression(p);
        if (!v)
            return NULL;
        Node *n = node_at_tok(p, AST_YIELD_FROM, &t);
        n->a = v;
        return finish(p, n);
    }
    Node *n = node_at_tok(p, AST_YIELD, &t);
    if (starts_expression(kind0(p)) || check(p, TOK_STAR)) {
        n->a = parse_star_expressions(p);
        if (!n->a)
            return NULL;
        return finish(p, n);
    }
    return n;
}

/* ---- targets ----------------------------------------------------------------------------- */

static bool starts_target(TokenKind k) {
    return k == TOK_NAME || k == TOK_LPAR || k == TOK_LSQB || k == TOK_STAR;
}

static Node *parse_target_item(Parser *p) {
    if (!check(p, TOK_STAR))
        return parse_primary(p);
    Token star = advance(p);
    Node *v = parse_primary(p);
    if (!v)
        return NULL;
    Node *s = node_at_tok(p, AST_STARRED, &star);
    s->a = v;
    return finish(p, s);
}

/* star_targets: targets are primaries (a, a.b, a[i], (a, b), [a, *b]). */
static Node *parse_target_sequence(Parser *p) {
    Pos start = here(p);
    Node *first = parse_target_item(p);
    if (!first || !check(p, TOK_COMMA))
        return first;
    int base = p->sp;
    push(p, first);
    while (accept(p, TOK_COMMA) && starts_target(kind0(p))) {
        Node *e = parse_target_item(p);
        if (!e)
            return NULL;
        push(p, e);
    }
    Node *t = node_at(p, AST_TUPLE, start);
    t->list = pop_list(p, base);
    p->bare_tuple = t;
    return finish(p, t);
}

static bool report_invalid_target(Parser *p, const Node *n, TargetMode mode) {
    const Node *bad = invalid_target(n, mode);
    if (!bad)
        return false;
    if (mode == TARGET_DELETE)
        fail_node(p, bad, "cannot delete %s", expr_name(bad));
    else
        fail_node(p, bad, "cannot assign to %s", expr_name(bad));
    return true;
}

static bool targets_end_here(Parser *p, TargetMode mode) {
    if (mode == TARGET_FOR)
        return check(p, TOK_KW_IN);
    return check(p, TOK_NEWLINE) || check(p, TOK_SEMI);
}

/* The targets of for loops and comprehensions (up to 'in') or of del. On a
 * bad target CPython re-reads the text as an expression to name what is
 * wrong. */
static Node *parse_checked_targets(Parser *p, TargetMode mode) {
    Mark start = mark(p);
    Node *t = parse_target_sequence(p);
    if (t && targets_end_here(p, mode))
        return report_invalid_target(p, t, mode) ? NULL : t;
    if (!t && p->lx.has_error)
        return NULL;
    if (t)
        fail_unexpected(p);
    Mark failed = mark(p);
    if (!reset(p, start))
        return NULL;
    p->no_invalid_rules = true;
    Node *e = parse_star_expressions(p);
    p->no_invalid_rules = false;
    const Node *bad = e ? invalid_target(e, mode) : NULL;
    if (!reset(p, failed))
        return NULL;
    if (bad) {
        p->failed = false;
        report_invalid_target(p, e, mode);
    }
    return NULL;
}

/* A single with-item target: "as x", "as (a, b)", "as a.b". */
static Node *parse_single_target(Parser *p) {
    Node *t = parse_target_item(p);
    if (!t)
        return NULL;
    if (t->kind == AST_STARRED)
        return fail_node(p, t, "cannot use starred expression here");
    return report_invalid_target(p, t, TARGET_ASSIGN) ? NULL : t;
}

/* ---- comprehensions ------------------------------------------------------------------------ */

static Node *parse_comp_clause(Parser *p) {
    Pos start = here(p);
    Node *c = node_at(p, AST_COMPREHENSION, start);
    c->is_async = accept(p, TOK_KW_ASYNC);
    skip(p, 1); /* 'for' */
    if (!(c->a = parse_checked_targets(p, TARGET_FOR)))
        return NULL;
    skip(p, 1); /* 'in' */
    if (!(c->b = parse_disjunction(p)))
        return NULL;
    int base = p->sp;
    while (accept(p, TOK_KW_IF)) {
        Node *cond = parse_disjunction(p);
        if (!cond)
            return NULL;
        push(p, cond);
    }
    c->list = pop_list(p, base);
    return finish(p, c);
}

static bool parse_comp_clauses(Parser *p, NodeList *out) {
    int base = p->sp;
    while (starts_comprehension(p)) {
        Node *c = parse_comp_clause(p);
        if (!c)
            return false;
        push(p, c);
    }
    *out = pop_list(p, base);
    return true;
}

/* ---- parameters ------------------------------------------------------------------------------ */

typedef struct {
    int base;       /* stack index of the first (name, default) pair */
    int kw_base;    /* first keyword-only pair, or -1 */
    int n_posonly;  /* pairs before '/', or -1 */
    bool defaults;  /* a positional default was seen */
    bool is_lambda;
    TokenKind closer;
} ParamState;

/* NAME, with ": annotation" outside lambdas; "*args: *Ts" may star it. */
static Node *parse_param_name(Parser *p, const ParamState *st, bool star_annotation) {
    Node *n = parse_name(p);
    if (!n || st->is_lambda || !accept(p, TOK_COLON))
        return n;
    n->a = star_annotation && check(p, TOK_STAR) ? parse_starred(p) : parse_expression(p);
    if (!n->a)
        return NULL;
    return finish(p, n);
}

static bool parse_plain_param(Parser *p, ParamState *st) {
    Node *name = parse_param_name(p, st, false);
    if (!name)
        return false;
    Node *def = NULL;
    if (check(p, TOK_EQUAL)) {
        Token eq = advance(p);
        if (check(p, TOK_COMMA) || check(p, st->closer)) {
            fail_tok_msg(p, &eq, "SyntaxError", "expected default value expression");
            return false;
        }
        if (!(def = parse_expression(p)))
            return false;
    }
    if (st->kw_base < 0) {
        if (!def && st->defaults) {
            fail_node(p, name, "non-default argument follows default argument");
            return false;
        }
        st->defaults |= def != NULL;
    }
    push(p, name);
    push(p, def);
    return true;
}

static bool parse_slash(Parser *p, ParamState *st) {
    Token slash = advance(p);
    const char *msg = NULL;
    if (st->n_posonly >= 0)
        msg = "/ may appear only once";
    else if (st->kw_base >= 0)
        msg = "/ must be ahead of *";
    else if (p->sp == st->base)
        msg = "invalid syntax";
    if (msg) {
        fail_tok_msg(p, &slash, "SyntaxError", msg);
        return false;
    }
    st->n_posonly = (p->sp - st->base) / 2;
    return true;
}

static bool parse_vararg(Parser *p, ParamState *st, AstArgs *args) {
    Token star = advance(p);
    if (st->kw_base >= 0) {
        fail_tok_msg(p, &star, "SyntaxError", "* argument may appear only once");
        return false;
    }
    st->kw_base = p->sp;
    if (check(p, TOK_NAME)) {
        if (!(args->vararg = parse_param_name(p, st, true)))
            return false;
        if (check(p, TOK_EQUAL)) {
            fail_here(p, "var-positional argument cannot have default value");
            return false;
        }
        return true;
    }
    /* a bare '*' must be followed by keyword-only parameters */
    if (!check(p, TOK_COMMA) || kind_at(p, 1) == st->closer || kind_at(p, 1) == TOK_DOUBLESTAR) {
        if (check(p, TOK_COMMA) || check(p, st->closer))
            fail_tok_msg(p, &star, "SyntaxError", "named arguments must follow bare *");
        else
            fail_unexpected(p);
        return false;
    }
    return true;
}

static bool parse_kwarg(Parser *p, ParamState *st, AstArgs *args) {
    skip(p, 1); /* '**' */
    if (!(args->kwarg = parse_param_name(p, st, false)))
        return false;
    if (check(p, TOK_EQUAL)) {
        fail_here(p, "var-keyword argument cannot have default value");
        return false;
    }
    accept(p, TOK_COMMA);
    if (!check(p, st->closer)) {
        fail_here(p, "arguments cannot follow var-keyword argument");
        return false;
    }
    return true;
}

static NodeList list_from_pairs(Parser *p, int from, int to, int which, bool skip_null) {
    NodeList l = {NULL, 0};
    int n = (to - from) / 2;
    if (n <= 0)
        return l;
    l.items = arena_alloc(p->arena, (size_t)n * sizeof(Node *));
    for (int i = 0; i < n; i++) {
        Node *x = p->stack[from + 2 * i + which];
        if (x || !skip_null)
            l.items[l.len++] = x;
    }
    return l;
}

static void build_args(Parser *p, const ParamState *st, AstArgs *args) {
    int pos_end = st->kw_base >= 0 ? st->kw_base : p->sp;
    int split = st->n_posonly >= 0 ? st->base + 2 * st->n_posonly : st->base;
    args->posonly = list_from_pairs(p, st->base, split, 0, false);
    args->args = list_from_pairs(p, split, pos_end, 0, false);
    args->defaults = list_from_pairs(p, st->base, pos_end, 1, true);
    args->kwonly = list_from_pairs(p, pos_end, p->sp, 0, false);
    args->kw_defaults = list_from_pairs(p, pos_end, p->sp, 1, false);
    p->sp = st->base;
}

/* Parameters up to (not including) closer: ')' for def, ':' for lambda. */
static AstArgs *parse_params(Parser *p, bool is_lambda, TokenKind closer) {
    AstArgs *args = arena_alloc(p->arena, sizeof *args);
    ParamState st = {p->sp, -1, -1, false, is_lambda, closer};
    while (!check(p, closer)) {
        bool ok;
        TokenKind k = kind0(p);
        if (k == TOK_SLASH)
            ok = parse_slash(p, &st);
        else if (k == TOK_STAR)
            ok = parse_vararg(p, &st, args);
        else if (k == TOK_DOUBLESTAR)
            ok = parse_kwarg(p, &st, args);
        else
            ok = parse_plain_param(p, &st);
        if (!ok) {
            p->sp = st.base;
            return NULL;
        }
        if (k == TOK_DOUBLESTAR || !accept(p, TOK_COMMA))
            break;
    }
    build_args(p, &st, args);
    return args;
}

static Node *parse_lambda(Parser *p) {
    Token t = advance(p);
    Node *n = node_at_tok(p, AST_LAMBDA, &t);
    if (!(n->args = parse_params(p, true, TOK_COLON)) || !expect(p, TOK_COLON))
        return NULL;
    if (!(n->a = parse_expression(p)))
        return NULL;
    return finish(p, n);
}

/* ---- strings and f-strings ------------------------------------------------------------------ */

/* The parts of a JOINED_STR under construction: nodes on the parser stack
 * from `base`, and literal text not yet turned into a CONST_STR. */
typedef struct {
    int base;
    char *buf;
    size_t len, cap;
} StrBuilder;

static void sb_append(StrBuilder *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->buf = xrealloc(b->buf, b->cap);
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
}

static void sb_flush(Parser *p, StrBuilder *b) {
    if (!b->len)
        return;
    Node *n = new_node(p, AST_CONST_STR, 0, 0);
    n->str.data = arena_strndup(p->arena, b->buf, b->len);
    n->str.len = b->len;
    push(p, n);
    b->len = 0;
}

/* Where CPython reports string errors: on the token after the literals,
 * the one it had read when it decoded them. */
typedef struct {
    uint32_t line, col, end_col;
} ErrAt;

static void *fail_string(Parser *p, ErrAt at, const char *fmt, ...) {
    if (p->failed)
        return NULL;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return fail(p, "SyntaxError", at.line, at.col, at.end_col, "%s", msg);
}

static bool append_decoded(Parser *p, StrBuilder *b, const char *s, size_t n, int flags, ErrAt at) {
    char err[200];
    size_t len;
    char *text = lexer_decode_string(p->arena, s, n, flags & LEX_STR_BYTES, flags & LEX_STR_RAW,
                                     &len, err, sizeof err);
    if (!text) {
        fail_string(p, at, "%s", err);
        return false;
    }
    sb_append(b, text, len);
    return true;
}

/* A cursor over an f-string body that knows its source position. */
typedef struct {
    const char *s;
    size_t len, i;
    uint32_t line, col;
    bool raw;
    ErrAt at;
    const Token *token; /* format specs take this literal's span, not the whole */
} FScan;

static void fs_move(FScan *f, size_t j) {
    for (; f->i < j; f->i++) {
        unsigned char c = (unsigned char)f->s[f->i];
        if (c == '\n') {
            f->line++;
            f->col = 0;
        } else if ((c & 0xC0) != 0x80) {
            f->col++;
        }
    }
}

static char fs_at(const FScan *f, size_t j) { return j < f->len ? f->s[j] : '\0'; }

/* End of a quoted string inside a field, or 0 if it never closes. */
static size_t fs_skip_string(Parser *p, FScan *f, size_t j) {
    char q = f->s[j];
    bool triple = fs_at(f, j + 1) == q && fs_at(f, j + 2) == q;
    for (size_t k = j + (triple ? 3 : 1); k < f->len; k++) {
        if (f->s[k] == '\\') {
            fail_string(p, f->at, "f-string expression part cannot include a backslash");
            return 0;
        }
        if (f->s[k] == q && (!triple || (fs_at(f, k + 1) == q && fs_at(f, k + 2) == q)))
            return k + (triple ? 3 : 1);
    }
    fail_string(p, f->at, "f-string: unterminated string");
    return 0;
}

static size_t fs_bracket(Parser *p, FScan *f, size_t j, char *stack, int *depth) {
    char c = f->s[j];
    if (c == '(' || c == '[' || c == '{') {
        if (*depth >= LEXER_MAX_PAREN) {
            fail_string(p, f->at, "f-string: too many nested parenthesis");
            return 0;
        }
        stack[(*depth)++] = c;
        return j + 1;
    }
    if (*depth == 0) {
        fail_string(p, f->at, "f-string: unmatched '%c'", c);
        return 0;
    }
    char open = stack[--*depth];
    char want = c == ')' ? '(' : c == ']' ? '[' : '{';
    if (open != want) {
        fail_string(p, f->at, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                    c, open);
        return 0;
    }
    return j + 1;
}

/* Index of the '}', '!', ':' or '=' that ends the field's expression. */
static size_t fs_expression_end(Parser *p, FScan *f) {
    char stack[LEXER_MAX_PAREN];
    int depth = 0;
    size_t j = f->i;
    while (j < f->len) {
        char c = f->s[j], d = fs_at(f, j + 1);
        if (c == '\\')
            return fail_string(p, f->at, "f-string expression part cannot include a backslash"), 0;
        if (c == '#')
            return fail_string(p, f->at, "f-string expression part cannot include '#'"), 0;
        if (c == '\'' || c == '"') {
            if (!(j = fs_skip_string(p, f, j)))
                return 0;
            continue;
        }
        if (depth == 0 && c == '}')
            return j;
        if (strchr("([{)]}", c)) {
            if (!(j = fs_bracket(p, f, j, stack, &depth)))
                return 0;
            continue;
        }
        if (depth == 0 && strchr("=!<>", c) && d == '=') {
            j += 2;
            continue;
        }
        if (depth == 0 && (c == '!' || c == ':' || c == '='))
            return j;
        j++;
    }
    fail_string(p, f->at, "f-string: expecting '}'");
    return 0;
}

static void free_parser_buffers(Parser *p);

/* Parse a field's expression with a parser of its own, positioned where the
 * text sits in the file. */
static Node *parse_fragment(Parser *p, const char *text, size_t len, uint32_t line, uint32_t col,
                            bool *bare_tuple) {
    Parser sub;
    memset(&sub, 0, sizeof sub);
    sub.arena = p->arena;
    sub.src = p->src;
    sub.src_len = p->src_len;
    sub.is_fragment = true;
    sub.depth = p->depth;
    sub.tree_depth = p->tree_depth;
    lexer_init_fragment(&sub.lx, text, len, p->arena, line, col);
    Node *e = check(&sub, TOK_KW_YIELD) ? parse_yield(&sub) : parse_star_expressions(&sub);
    if (e && e->kind == AST_STARRED)
        e = fail_node(&sub, e, "cannot use starred expression here");
    if (e && !check(&sub, TOK_ENDMARKER))
        e = fail_unexpected(&sub);
    *bare_tuple = e && e == sub.bare_tuple;
    if (!e) {
        if (sub.lx.has_error)
            fail(p, sub.lx.error.kind, sub.lx.error.line, sub.lx.error.col, sub.lx.error.end_col,
                 "f-string: %s", sub.lx.error.message);
        else if (sub.failed)
            fail(p, sub.err.kind, sub.err.line, sub.err.col, sub.err.end_col, "f-string: %s",
                 sub.err.message);
        else
            fail(p, "SyntaxError", line, col + 1, 0, "f-string: invalid syntax");
    }
    free_parser_buffers(&sub);
    return e;
}

static bool is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\f')
            return false;
    return true;
}

static bool fstring_parts(Parser *p, FScan *f, StrBuilder *b, int nest, bool in_spec);

static bool fstring_conversion(Parser *p, FScan *f, int *conversion) {
    if (fs_at(f, f->i) != '!')
        return true;
    char c = fs_at(f, f->i + 1);
    if (f->i + 1 >= f->len) {
        fail_string(p, f->at, "f-string: expecting '}'");
        return false;
    }
    if (c != 's' && c != 'r' && c != 'a') {
        fail_string(p, f->at, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        return false;
    }
    *conversion = c;
    fs_move(f, f->i + 2);
    if (fs_at(f, f->i) != '}' && fs_at(f, f->i) != ':') {
        fail_string(p, f->at, "f-string: expecting '}'");
        return false;
    }
    return true;
}

static Node *fstring_spec(Parser *p, FScan *f, int nest) {
    fs_move(f, f->i + 1); /* ':' */
    StrBuilder spec = {p->sp, NULL, 0, 0};
    bool ok = fstring_parts(p, f, &spec, nest + 1, true);
    if (ok)
        sb_flush(p, &spec);
    free(spec.buf);
    if (!ok)
        return NULL;
    const Token *t = f->token;
    Node *n = node_at_tok(p, AST_JOINED_STR, t);
    n->list = pop_list(p, spec.base);
    if (n->list.len) {
        Node *last = n->list.items[n->list.len - 1];
        last->line = t->line;
        last->col = t->col;
        end_like(last, n);
    }
    return n;
}

/* {expr[=][!c][:spec]} starting at the '{'. */
static bool fstring_field(Parser *p, FScan *f, StrBuilder *b, int nest) {
    if (nest >= 2) {
        fail_string(p, f->at, "f-string: expressions nested too deeply");
        return false;
    }
    fs_move(f, f->i + 1);
    size_t start = f->i;
    uint32_t line = f->line, col = f->col;
    size_t end = fs_expression_end(p, f);
    if (!end)
        return false;
    if (is_blank(f->s + start, end - start)) {
        char c = f->s[end];
        if (c == '}')
            fail_string(p, f->at, "f-string: empty expression not allowed");
        else
            fail_string(p, f->at, "f-string: expression required before '%c'", c);
        return false;
    }
    bool bare_tuple;
    Node *value = parse_fragment(p, f->s + start, end - start, line, col, &bare_tuple);
    if (!value)
        return false;
    fs_move(f, end);
    if (bare_tuple) { /* CPython parses "(expr)": a bare tuple spans those parentheses */
        value->line = line;
        value->col = col - 1;
        value->end_line = f->line;
        value->end_col = f->col + 1;
    }
    bool self_doc = fs_at(f, f->i) == '=';
    if (self_doc) {
        size_t j = f->i + 1;
        while (j < f->len && (f->s[j] == ' ' || f->s[j] == '\t'))
            j++;
        sb_append(b, f->s + start, j - start);
        fs_move(f, j);
    }
    int conversion = 0;
    if (!fstring_conversion(p, f, &conversion))
        return false;
    Node *spec = NULL;
    if (fs_at(f, f->i) == ':' && !(spec = fstring_spec(p, f, nest)))
        return false;
    if (fs_at(f, f->i) != '}') {
        fail_string(p, f->at, "f-string: expecting '}'");
        return false;
    }
    fs_move(f, f->i + 1);
    if (self_doc && !conversion && !spec)
        conversion = 'r';
    sb_flush(p, b);
    Node *fv = new_node(p, AST_FORMATTED_VALUE, 0, 0);
    fv->a = value;
    fv->conversion = conversion;
    fv->b = spec;
    push(p, fv);
    return true;
}

/* Literal text up to the next '{' or '}' (escapes, even \N{...}, included). */
static size_t fstring_literal_end(const FScan *f) {
    size_t j = f->i;
    while (j < f->len) {
        char c = f->s[j];
        if (c == '\\' && !f->raw) {
            if (fs_at(f, j + 1) == 'N' && fs_at(f, j + 2) == '{') {
                const char *close = memchr(f->s + j, '}', f->len - j);
                j = close ? (size_t)(close - f->s) + 1 : f->len;
            } else {
                /* a backslash does not escape a brace: f'\{x}' is "\\" and a field */
                char d = fs_at(f, j + 1);
                j += j + 1 < f->len && d != '{' && d != '}' ? 2 : 1;
            }
            continue;
        }
        if (c == '{' || c == '}')
            break;
        j++;
    }
    return j;
}

/* The body of an f-string, or of a format spec (which ends at its '}'). */
static bool fstring_parts(Parser *p, FScan *f, StrBuilder *b, int nest, bool in_spec) {
    while (f->i < f->len) {
        size_t j = fstring_literal_end(f);
        if (j > f->i && !append_decoded(p, b, f->s + f->i, j - f->i, f->raw ? LEX_STR_RAW : 0, f->at))
            return false;
        fs_move(f, j);
        if (j >= f->len)
            break;
        char c = f->s[j], d = fs_at(f, j + 1);
        if (c == '{' && d == '{' && !in_spec) { /* in a spec, {{ opens a field holding a dict */
            sb_append(b, "{", 1);
            fs_move(f, j + 2);
        } else if (c == '{') {
            if (!fstring_field(p, f, b, nest))
                return false;
        } else if (in_spec) {
            return true; /* the '}' that closes the field */
        } else if (d == '}') {
            sb_append(b, "}", 1);
            fs_move(f, j + 2);
        } else {
            fail_string(p, f->at, "f-string: single '}' is not allowed");
            return false;
        }
    }
    if (in_spec) {
        fail_string(p, f->at, "f-string: expecting '}'");
        return false;
    }
    return true;
}

/* CPython gives the pieces of an f-string the position of the whole
 * concatenation, except that a format spec, and the text that ends it, keep
 * their own literal's (set in fstring_spec). */
static void place_parts(Node *joined, const Node *span, bool is_spec) {
    for (int i = 0; i < joined->list.len; i++) {
        Node *part = joined->list.items[i];
        if (is_spec && i == joined->list.len - 1 && part->kind == AST_CONST_STR)
            break;
        part->line = span->line;
        part->col = span->col;
        end_like(part, span);
        if (part->kind == AST_FORMATTED_VALUE && part->b)
            place_parts(part->b, span, true);
    }
}

static bool add_string_token(Parser *p, StrBuilder *b, const Token *t, ErrAt at) {
    if (t->str_flags & LEX_STR_BYTES) {
        for (size_t i = 0; i < t->str_len; i++) {
            if ((unsigned char)t->str[i] >= 0x80) {
                fail(p, "SyntaxError", t->line, t->col + 1, t->end_line == t->line ? t->end_col + 1 : 0,
                     "bytes can only contain ASCII literal characters");
                return false;
            }
        }
    }
    if (!(t->str_flags & LEX_STR_FORMAT))
        return append_decoded(p, b, t->str, t->str_len, t->str_flags, at);
    FScan f = {t->str, t->str_len, 0, t->body_line, t->body_col, (t->str_flags & LEX_STR_RAW) != 0,
               at, t};
    return fstring_parts(p, &f, b, 0, false);
}

/* One or more adjacent literals, concatenated. */
static Node *parse_strings(Parser *p) {
    int first = p->pos, last = p->pos;
    int flags_or = 0, bytes_count = 0;
    while (check(p, TOK_STRING)) {
        last = p->pos;
        flags_or |= tok(p)->str_flags;
        bytes_count += (tok(p)->str_flags & LEX_STR_BYTES) != 0;
        skip(p, 1);
    }
    Token ft = p->toks[first - p->base], lt = p->toks[last - p->base];
    const Token *next = tok(p);
    uint32_t next_col = next->start == p->lx.end && !p->is_fragment ? 0 : next->col + 1;
    ErrAt at = {next->line, next_col,
                is_layout((TokenKind)next->kind) || next->end_line != next->line ? next_col
                                                                                  : next->end_col + 1};
    int n = last - first + 1;
    if (bytes_count && bytes_count != n)
        return fail_string(p, at, "cannot mix bytes and nonbytes literals");
    bool joined = flags_or & LEX_STR_FORMAT;
    StrBuilder b = {p->sp, NULL, 0, 0};
    bool ok = true;
    for (int i = first; ok && i <= last; i++) {
        Token t = p->toks[i - p->base];
        ok = add_string_token(p, &b, &t, at);
    }
    Node *n_out = NULL;
    if (ok && joined) {
        sb_flush(p, &b);
        n_out = node_at_tok(p, AST_JOINED_STR, &ft);
        n_out->list = pop_list(p, b.base);
        n_out->end_line = lt.end_line;
        n_out->end_col = lt.end_col;
        place_parts(n_out, n_out, false);
    } else if (ok) {
        n_out = node_at_tok(p, bytes_count ? AST_CONST_BYTES : AST_CONST_STR, &ft);
        n_out->str.data = arena_strndup(p->arena, b.buf ? b.buf : "", b.len);
        n_out->str.len = b.len;
        n_out->end_line = lt.end_line;
        n_out->end_col = lt.end_col;
    }
    free(b.buf);
    return n_out;
}

/* ---- simple statements ----------------------------------------------------------------------- */

static Node *stmt_start(Parser *p, AstKind kind) {
    Token t = advance(p);
    return node_at_tok(p, kind, &t);
}

static bool starts_star_expression(Parser *p) {
    return starts_expression(kind0(p)) || check(p, TOK_STAR);
}

static Node *parse_return(Parser *p) {
    Node *n = stmt_start(p, AST_RETURN);
    if (starts_star_expression(p) && !(n->a = parse_star_expressions(p)))
        return NULL;
    return finish(p, n);
}

static Node *parse_raise(Parser *p) {
    Node *n = stmt_start(p, AST_RAISE);
    if (starts_expression(kind0(p))) {
        if (!(n->a = parse_expression(p)))
            return NULL;
        if (accept(p, TOK_KW_FROM) && !(n->b = parse_expression(p)))
            return NULL;
    }
    return finish(p, n);
}

static Node *parse_global(Parser *p, AstKind kind) {
    Node *n = stmt_start(p, kind);
    int base = p->sp;
    do {
        Node *name = parse_name(p);
        if (!name)
            return NULL;
        push(p, name);
    } while (accept(p, TOK_COMMA));
    NodeList names = pop_list(p, base);
    n->n_names = names.len;
    n->names = arena_alloc(p->arena, (size_t)names.len * sizeof(char *));
    for (int i = 0; i < names.len; i++)
        n->names[i] = names.items[i]->name;
    return finish(p, n);
}

static Node *parse_del(Parser *p) {
    Node *n = stmt_start(p, AST_DELETE);
    Node *t = parse_checked_targets(p, TARGET_DELETE);
    if (!t)
        return NULL;
    if (t == p->bare_tuple) { /* del a, b: two targets */
        n->list = t->list;
    } else {
        n->list.items = arena_alloc(p->arena, sizeof(Node *));
        n->list.items[0] = t;
        n->list.len = 1;
    }
    return finish(p, n);
}

static Node *parse_assert(Parser *p) {
    Node *n = stmt_start(p, AST_ASSERT);
    if (!(n->a = parse_expression(p)))
        return NULL;
    if (accept(p, TOK_COMMA) && !(n->b = parse_expression(p)))
        return NULL;
    return finish(p, n);
}

/* A NAME token's text, consumed. */
static const char *parse_identifier(Parser *p) {
    const Token *t = tok(p);
    if (t->kind != TOK_NAME)
        return fail_unexpected(p);
    const char *text = token_text(p, t);
    skip(p, 1);
    return text;
}

/* a.b.c as one string in the arena; the parts may be spaced out ("a . b"),
 * so the text is rebuilt rather than sliced from the source. */
static const char *parse_dotted_name(Parser *p) {
    if (!check(p, TOK_NAME))
        return fail_unexpected(p);
    size_t len = tok(p)->len;
    int last = 0;
    while (kind_at(p, last + 1) == TOK_DOT && kind_at(p, last + 2) == TOK_NAME) {
        last += 2;
        len += 1 + peek(p, last)->len;
    }
    char *name = arena_alloc(p->arena, len + 1);
    size_t at = 0;
    for (int k = 0; k <= last; k += 2) {
        const Token *part = peek(p, k);
        if (k > 0)
            name[at++] = '.';
        memcpy(name + at, part->start, part->len);
        at += part->len;
    }
    name[at] = '\0';
    skip(p, last + 1);
    return name;
}

static Node *parse_alias(Parser *p, bool dotted) {
    Pos start = here(p);
    const char *name = dotted ? parse_dotted_name(p) : parse_identifier(p);
    if (!name)
        return NULL;
    Node *a = node_at(p, AST_ALIAS, start);
    a->name = name;
    if (accept(p, TOK_KW_AS) && !(a->asname = parse_identifier(p)))
        return NULL;
    return finish(p, a);
}

static Node *parse_import(Parser *p) {
    Node *n = stmt_start(p, AST_IMPORT);
    int base = p->sp;
    do {
        Node *a = parse_alias(p, true);
        if (!a)
            return NULL;
        push(p, a);
    } while (accept(p, TOK_COMMA));
    n->list = pop_list(p, base);
    return finish(p, n);
}

static bool parse_import_names(Parser *p, Node *n) {
    int base = p->sp;
    if (check(p, TOK_STAR)) {
        Token star = advance(p);
        Node *a = node_at_tok(p, AST_ALIAS, &star);
        a->name = "*";
        push(p, a);
    } else {
        bool parens = accept(p, TOK_LPAR);
        do {
            if (parens && check(p, TOK_RPAR) && p->sp > base)
                break;
            if (!parens && p->sp > base && check(p, TOK_NEWLINE)) {
                fail_here(p, "trailing comma not allowed without surrounding parentheses");
                return false;
            }
            Node *a = parse_alias(p, false);
            if (!a)
                return false;
            push(p, a);
        } while (accept(p, TOK_COMMA));
        if (parens && !expect(p, TOK_RPAR))
            return false;
    }
    n->list = pop_list(p, base);
    return true;
}

static Node *parse_from_import(Parser *p) {
    Node *n = stmt_start(p, AST_IMPORT_FROM);
    for (;;) {
        if (accept(p, TOK_DOT))
            n->level += 1;
        else if (accept(p, TOK_ELLIPSIS))
            n->level += 3;
        else
            break;
    }
    if (n->level == 0 || !check(p, TOK_KW_IMPORT)) {
        if (!(n->name = parse_dotted_name(p)))
            return NULL;
    }
    if (!expect(p, TOK_KW_IMPORT) || !parse_import_names(p, n))
        return NULL;
    return finish(p, n);
}

/* ---- assignments ----------------------------------------------------------------------------- */

static bool augassign_op(TokenKind k, AstOp *op) {
    switch (k) {
    case TOK_PLUSEQUAL: *op = AST_ADD; return true;
    case TOK_MINEQUAL: *op = AST_SUB; return true;
    case TOK_STAREQUAL: *op = AST_MUL; return true;
    case TOK_SLASHEQUAL: *op = AST_DIV; return true;
    case TOK_DOUBLESLASHEQUAL: *op = AST_FLOORDIV; return true;
    case TOK_PERCENTEQUAL: *op = AST_MOD; return true;
    case TOK_DOUBLESTAREQUAL: *op = AST_POW; return true;
    case TOK_ATEQUAL: *op = AST_MATMUL; return true;
    case TOK_LEFTSHIFTEQUAL: *op = AST_LSHIFT; return true;
    case TOK_RIGHTSHIFTEQUAL: *op = AST_RSHIFT; return true;
    case TOK_AMPEREQUAL: *op = AST_BITAND; return true;
    case TOK_VBAREQUAL: *op = AST_BITOR; return true;
    case TOK_CIRCUMFLEXEQUAL: *op = AST_BITXOR; return true;
    default: return false;
    }
}

static bool is_single_target(const Node *n) {
    return n->kind == AST_NAME || n->kind == AST_ATTRIBUTE || n->kind == AST_SUBSCRIPT;
}

static Node *parse_rhs(Parser *p) {
    return check(p, TOK_KW_YIELD) ? parse_yield(p) : parse_star_expressions(p);
}

static Node *parse_aug_assign(Parser *p, Node *target, const Token *first, AstOp op) {
    if (!is_single_target(target))
        return fail_node(p, target, "'%s' is an illegal expression for augmented assignment",
                         expr_name(target));
    skip(p, 1);
    Node *n = node_at_tok(p, AST_AUG_ASSIGN, first);
    n->op = (uint8_t)op;
    n->a = target;
    if (!(n->b = parse_rhs(p)))
        return NULL;
    return finish(p, n);
}

static Node *parse_ann_assign(Parser *p, Node *target, const Token *first) {
    if (target->kind == AST_TUPLE || target->kind == AST_LIST) {
        bool bare = target->kind == AST_TUPLE && first->kind != TOK_LPAR;
        const Node *at = bare ? target->list.items[0] : target;
        return fail_node(p, at, "only single target (not %s) can be annotated",
                         target->kind == AST_TUPLE ? "tuple" : "list");
    }
    if (!is_single_target(target))
        return fail_node(p, target, "illegal target for annotation");
    skip(p, 1);
    Node *n = node_at_tok(p, AST_ANN_ASSIGN, first);
    n->a = target;
    n->flag = target->kind == AST_NAME && first->kind == TOK_NAME;
    if (!(n->b = parse_expression(p)))
        return NULL;
    if (accept(p, TOK_EQUAL) && !(n->c = parse_rhs(p)))
        return NULL;
    return finish(p, n);
}

/* The bitwise_or that a value starts with, as CPython's rule would see it. */
static const Node *leading_bitwise_or(const Node *v, bool bare_tuple) {
    for (;;) {
        switch ((AstKind)v->kind) {
        case AST_IF_EXP: v = v->b; break;
        case AST_COMPARE: v = v->a; break;
        case AST_BOOLOP: v = v->list.items[0]; break;
        case AST_TUPLE:
            if (!bare_tuple || !v->list.len)
                return v;
            v = v->list.items[0];
            bare_tuple = false;
            break;
        case AST_LAMBDA: case AST_STARRED: case AST_YIELD: case AST_YIELD_FROM: case AST_NAMED_EXPR:
            return NULL;
        case AST_UNARYOP:
            return v->op == AST_NOT ? NULL : v;
        default:
            return v;
        }
    }
}

static bool is_bitwise_or_level(const Node *n) {
    switch ((AstKind)n->kind) {
    case AST_COMPARE: case AST_BOOLOP: case AST_IF_EXP: case AST_LAMBDA: case AST_NAMED_EXPR:
    case AST_STARRED: case AST_YIELD: case AST_YIELD_FROM:
        return false;
    case AST_UNARYOP:
        return n->op != AST_NOT;
    default:
        return true;
    }
}

/* "f() = 1" gets CPython's "Maybe you meant '=='" hint: a single '=' after
 * a simple expression (the last item of a bare tuple), checked whatever it is. */
static bool suggest_equality(Parser *p, Node *stmt, bool first_bare) {
    if (stmt->list.len != 1)
        return false;
    Node *t0 = stmt->list.items[0];
    Node *c = first_bare ? t0->list.items[t0->list.len - 1] : t0;
    const Node *rhs = leading_bitwise_or(stmt->a, p->bare_tuple == stmt->a);
    if (!rhs || !is_bitwise_or_level(c))
        return false;
    AstKind lm = (AstKind)leftmost(c)->kind;
    if (lm == AST_CONST_TRUE || lm == AST_CONST_FALSE || lm == AST_CONST_NONE || lm == AST_LIST ||
        lm == AST_TUPLE || lm == AST_GENERATOR_EXP)
        return false;
    if (c->kind == AST_NAME)
        fail_span(p, c, rhs, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    else
        fail_node(p, c, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                  expr_name(c));
    return true;
}

static bool check_assign_targets(Parser *p, Node *stmt, bool first_bare) {
    for (int i = 0; i < stmt->list.len; i++) {
        Node *t = stmt->list.items[i];
        if (t->kind == AST_YIELD || t->kind == AST_YIELD_FROM) {
            fail_node(p, t, "assignment to yield expression not possible");
            return false;
        }
        const Node *bad = invalid_target(t, TARGET_ASSIGN);
        if (bad) {
            if (!suggest_equality(p, stmt, first_bare))
                fail_node(p, bad, "cannot assign to %s", expr_name(bad));
            return false;
        }
    }
    return true;
}

static Node *parse_assign(Parser *p, Node *target, const Token *first) {
    bool first_bare = p->bare_tuple == target;
    Node *n = node_at_tok(p, AST_ASSIGN, first);
    int base = p->sp;
    push(p, target);
    while (accept(p, TOK_EQUAL)) {
        Node *e = parse_rhs(p);
        if (!e)
            return NULL;
        push(p, e);
    }
    n->a = p->stack[--p->sp];
    n->list = pop_list(p, base);
    if (!check_assign_targets(p, n, first_bare))
        return NULL;
    return finish(p, n);
}

/* "print x" as Python 2 wrote it. */
static bool legacy_print(Parser *p, Node *e) {
    if (e->kind != AST_NAME || (strcmp(e->name, "print") && strcmp(e->name, "exec")))
        return false;
    if (!starts_expression(kind0(p)))
        return false;
    Mark m = mark(p);
    p->no_invalid_rules = true;
    Node *arg = parse_star_expressions(p);
    p->no_invalid_rules = false;
    if (!arg) {
        reset(p, m);
        return false;
    }
    fail_span(p, e, arg, "Missing parentheses in call to '%s'. Did you mean %s(...)?", e->name,
              e->name);
    return true;
}

static Node *parse_expression_statement(Parser *p) {
    Token first = *tok(p);
    Node *e = parse_rhs(p);
    if (!e)
        return NULL;
    AstOp op;
    TokenKind k = kind0(p);
    if (k == TOK_COLON)
        return parse_ann_assign(p, e, &first);
    if (augassign_op(k, &op))
        return parse_aug_assign(p, e, &first, op);
    if (k == TOK_EQUAL)
        return parse_assign(p, e, &first);
    if (legacy_print(p, e))
        return NULL;
    Node *n = node_at_tok(p, AST_EXPR_STMT, &first);
    n->a = e;
    return finish(p, n);
}

static Node *parse_simple_statement(Parser *p) {
    switch (kind0(p)) {
    case TOK_KW_PASS: return stmt_start(p, AST_PASS);
    case TOK_KW_BREAK: return stmt_start(p, AST_BREAK);
    case TOK_KW_CONTINUE: return stmt_start(p, AST_CONTINUE);
    case TOK_KW_RETURN: return parse_return(p);
    case TOK_KW_RAISE: return parse_raise(p);
    case TOK_KW_GLOBAL: return parse_global(p, AST_GLOBAL);
    case TOK_KW_NONLOCAL: return parse_global(p, AST_NONLOCAL);
    case TOK_KW_DEL: return parse_del(p);
    case TOK_KW_ASSERT: return parse_assert(p);
    case TOK_KW_IMPORT: return parse_import(p);
    case TOK_KW_FROM: return parse_from_import(p);
    default:
        if (!starts_star_expression(p) && !check(p, TOK_KW_YIELD))
            return fail_unexpected(p);
        return parse_expression_statement(p);
    }
}

/* simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static bool parse_simple_statements(Parser *p) {
    int count = 0;
    do {
        if (count++ > 0 && check(p, TOK_NEWLINE))
            break;
        Node *s = parse_simple_statement(p);
        if (!s)
            return false;
        push(p, s);
    } while (accept(p, TOK_SEMI));
    return expect(p, TOK_NEWLINE);
}

/* ---- compound statements --------------------------------------------------------------------- */


/* A compound statement ends with its last real token, which may be a ';'
 * after the last statement of its block. */
static Node *finish_compound(Parser *p, Node *n) {
    for (int i = p->pos - p->base - 1; i >= 0; i--) {
        const Token *t = &p->toks[i];
        if (!is_layout((TokenKind)t->kind)) {
            n->end_line = t->end_line;
            n->end_col = t->end_col;
            break;
        }
    }
    return n;
}

/* The token CPython blames for a missing block: the next real one. */
static Token block_blame_token(Parser *p) {
    int k = 0;
    while (kind_at(p, k) == TOK_DEDENT)
        k++;
    return *peek(p, k);
}

/* After the ':' of a compound statement: a one-line body or an indented one. */
static bool parse_block(Parser *p, NodeList *out, const char *what, uint32_t line) {
    int base = p->sp;
    if (!accept(p, TOK_NEWLINE)) {
        if (!parse_simple_statements(p))
            return false;
        *out = pop_list(p, base);
        return true;
    }
    if (!accept(p, TOK_INDENT)) {
        Token t = block_blame_token(p);
        char msg[128];
        snprintf(msg, sizeof msg, "expected an indented block after %s on line %u", what, line);
        fail_tok_msg(p, &t, "IndentationError", msg);
        return false;
    }
    while (!accept(p, TOK_DEDENT)) {
        if (check(p, TOK_ENDMARKER) || check(p, TOK_ERROR)) {
            fail_unexpected(p);
            return false;
        }
        release_tokens(p);
        if (!parse_statement(p))
            return false;
    }
    *out = pop_list(p, base);
    return true;
}

/* "else:" blocks; CPython insists on the ':' whatever follows. */
static bool parse_else_block(Parser *p, NodeList *out, const char *what) {
    Token kw = advance(p);
    return expect_forced(p, TOK_COLON) && parse_block(p, out, what, kw.line);
}

static Node *parse_if(Parser *p) {
    int base = p->sp;
    Node *top = NULL;
    const char *what = "'if' statement";
    do {
        Token kw = advance(p);
        Node *n = node_at_tok(p, AST_IF, &kw);
        if (!(n->a = parse_named_expression(p)) || !expect_colon_at_eol(p) ||
            !parse_block(p, &n->body, what, kw.line))
            return NULL;
        finish_compound(p, n);
        push(p, n);
        if (!top)
            top = n;
        what = "'elif' statement";
    } while (check(p, TOK_KW_ELIF));
    Node *last = p->stack[p->sp - 1];
    if (check(p, TOK_KW_ELSE)) {
        if (!parse_else_block(p, &last->orelse, "'else' statement"))
            return NULL;
        finish_compound(p, last);
    }
    /* link the elif chain: each one is the orelse of the previous */
    for (int i = p->sp - 1; i > base; i--) {
        Node *outer = p->stack[i - 1];
        outer->orelse.items = arena_alloc(p->arena, sizeof(Node *));
        outer->orelse.items[0] = p->stack[i];
        outer->orelse.len = 1;
        end_like(outer, last);
    }
    p->sp = base;
    return top;
}

static Node *parse_while(Parser *p) {
    Token kw = advance(p);
    Node *n = node_at_tok(p, AST_WHILE, &kw);
    if (!(n->a = parse_named_expression(p)) || !expect_colon_at_eol(p) ||
        !parse_block(p, &n->body, "'while' statement", kw.line))
        return NULL;
    finish_compound(p, n);
    if (check(p, TOK_KW_ELSE)) {
        if (!parse_else_block(p, &n->orelse, "'else' statement"))
            return NULL;
        finish_compound(p, n);
    }
    return n;
}

static Node *parse_for(Parser *p, const Token *start, bool is_async) {
    Token kw = advance(p);
    Node *n = node_at_tok(p, AST_FOR, start);
    n->is_async = is_async;
    if (!(n->a = parse_checked_targets(p, TARGET_FOR)))
        return NULL;
    skip(p, 1); /* 'in' */
    if (!(n->b = parse_star_expressions(p)) || !expect_colon_at_eol(p) ||
        !parse_block(p, &n->body, "'for' statement", kw.line))
        return NULL;
    finish_compound(p, n);
    if (check(p, TOK_KW_ELSE)) {
        if (!parse_else_block(p, &n->orelse, "'else' statement"))
            return NULL;
        finish_compound(p, n);
    }
    return n;
}

static Node *parse_with_item(Parser *p) {
    Pos start = here(p);
    Node *item = node_at(p, AST_WITH_ITEM, start);
    if (!(item->a = parse_expression(p)))
        return NULL;
    if (accept(p, TOK_KW_AS) && !(item->b = parse_single_target(p)))
        return NULL;
    return finish(p, item);
}

static bool parse_with_item_list(Parser *p, TokenKind closer) {
    do {
        if (closer == TOK_RPAR && check(p, TOK_RPAR))
            break;
        Node *item = parse_with_item(p);
        if (!item)
            return false;
        push(p, item);
    } while (accept(p, TOK_COMMA));
    return true;
}

static bool parse_with_items(Parser *p) {
    int base = p->sp;
    if (check(p, TOK_LPAR)) { /* 3.9's "with (a as b, c):", else an expression */
        Mark m = mark(p);
        skip(p, 1);
        if (parse_with_item_list(p, TOK_RPAR) && accept(p, TOK_RPAR) && check(p, TOK_COLON))
            return true;
        if (!reset(p, m))
            return false;
    }
    p->sp = base;
    do {
        Node *item = parse_with_item(p);
        if (!item)
            return false;
        push(p, item);
    } while (accept(p, TOK_COMMA));
    return true;
}

static Node *parse_with(Parser *p, const Token *start, bool is_async) {
    Token kw = advance(p);
    Node *n = node_at_tok(p, AST_WITH, start);
    n->is_async = is_async;
    int base = p->sp;
    if (!parse_with_items(p))
        return NULL;
    n->list = pop_list(p, base);
    if (!expect_colon_at_eol(p) || !parse_block(p, &n->body, "'with' statement", kw.line))
        return NULL;
    return finish_compound(p, n);
}

static Node *parse_except_clause(Parser *p, int *star) {
    Token kw = advance(p);
    Node *h = node_at_tok(p, AST_EXCEPT_HANDLER, &kw);
    bool is_star = accept(p, TOK_STAR);
    if (*star >= 0 && *star != is_star)
        return fail(p, "SyntaxError", kw.line, kw.col + 1, prev(p)->end_col + 1,
                    "cannot have both 'except' and 'except*' on the same 'try'");
    *star = is_star;
    if (is_star && check(p, TOK_COLON))
        return fail_here(p, "expected one or more exception types");
    if (!check(p, TOK_COLON) && !check(p, TOK_NEWLINE)) {
        if (!(h->a = parse_expression(p)))
            return NULL;
        if (check(p, TOK_COMMA) && !p->failed) {
            Mark m = mark(p);
            skip(p, 1);
            p->no_invalid_rules = true;
            Node *next = parse_expression(p);
            p->no_invalid_rules = false;
            if (next)
                return fail_span(p, h->a, next, "multiple exception types must be parenthesized");
            if (!reset(p, m))
                return NULL;
        }
        if (accept(p, TOK_KW_AS) && !(h->name = parse_identifier(p)))
            return NULL;
    }
    if (!expect_colon_at_eol(p) ||
        !parse_block(p, &h->body, is_star ? "'except*' statement" : "'except' statement", kw.line))
        return NULL;
    return finish_compound(p, h);
}

static bool parse_handlers(Parser *p, Node *n) {
    int base = p->sp, star = -1;
    Node *bare = NULL;
    while (check(p, TOK_KW_EXCEPT)) {
        Node *h = parse_except_clause(p, &star);
        if (!h)
            return false;
        if (bare) {
            fail(p, "SyntaxError", bare->line, bare->col + 1,
                 range_end(p, bare->line, bare->end_line, bare->end_col),
                 "default 'except:' must be last");
            return false;
        }
        if (!h->a)
            bare = h;
        push(p, h);
    }
    n->flag = star == 1;
    n->handlers = pop_list(p, base);
    return true;
}

static Node *parse_try(Parser *p) {
    Token kw = advance(p);
    Node *n = node_at_tok(p, AST_TRY, &kw);
    if (!expect_forced(p, TOK_COLON) || !parse_block(p, &n->body, "'try' statement", kw.line) ||
        !parse_handlers(p, n))
        return NULL;
    finish_compound(p, n);
    if (n->handlers.len)
        finish_compound(p, n);
    if (n->handlers.len && check(p, TOK_KW_ELSE)) {
        if (!parse_else_block(p, &n->orelse, "'else' statement"))
            return NULL;
        finish_compound(p, n);
    }
    if (check(p, TOK_KW_FINALLY)) {
        if (!parse_else_block(p, &n->finalbody, "'finally' statement"))
            return NULL;
        finish_compound(p, n);
    }
    if (!n->handlers.len && !n->finalbody.len)
        return fail_here(p, "expected 'except' or 'finally' block");
    return n;
}

static Node *parse_funcdef(Parser *p, const Token *start, bool is_async, NodeList decorators) {
    Token kw = advance(p);
    Node *n = node_at_tok(p, AST_FUNCTION_DEF, start);
    n->is_async = is_async;
    n->decorators = decorators;
    if (!check(p, TOK_NAME))
        return fail_unexpected(p);
    Token name = advance(p);
    n->name = token_text(p, &name);
    if (!expect_forced(p, TOK_LPAR))
        return NULL;
    if (!(n->args = parse_params(p, false, TOK_RPAR)) || !expect(p, TOK_RPAR))
        return NULL;
    if (check(p, TOK_RARROW)) {
        if (!starts_expression(kind_at(p, 1))) /* "-> :" is an optional part that failed */
            return fail_here(p, "expected ':'");
        skip(p, 1);
        if (!(n->a = parse_expression(p)))
            return NULL;
    }
    if (!expect_forced(p, TOK_COLON) || !parse_block(p, &n->body, "function definition", kw.line))
        return NULL;
    return finish_compound(p, n);
}

static bool parse_call_arguments(Parser *p, Node *into, bool allow_genexp);

static Node *parse_classdef(Parser *p, NodeList decorators) {
    Token kw = advance(p);
    Node *n = node_at_tok(p, AST_CLASS_DEF, &kw);
    n->decorators = decorators;
    if (!check(p, TOK_NAME))
        return fail_unexpected(p);
    Token name = advance(p);
    n->name = token_text(p, &name);
    if (check(p, TOK_LPAR) && !parse_call_arguments(p, n, false))
        return NULL;
    if (!expect_colon_at_eol(p) || !parse_block(p, &n->body, "class definition", kw.line))
        return NULL;
    return finish_compound(p, n);
}

static Node *parse_async_statement(Parser *p, NodeList decorators) {
    Token start = advance(p);
    switch (kind0(p)) {
    case TOK_KW_DEF: return parse_funcdef(p, &start, true, decorators);
    case TOK_KW_FOR:
        if (!decorators.len)
            return parse_for(p, &start, true);
        break;
    case TOK_KW_WITH:
        if (!decorators.len)
            return parse_with(p, &start, true);
        break;
    default: break;
    }
    return fail_unexpected(p);
}

static Node *parse_decorated(Parser *p) {
    int base = p->sp;
    while (accept(p, TOK_AT)) {
        Node *d = parse_named_expression(p);
        if (!d || !expect(p, TOK_NEWLINE))
            return NULL;
        push(p, d);
    }
    NodeList decorators = pop_list(p, base);
    Token start = *tok(p);
    if (check(p, TOK_KW_DEF))
        return parse_funcdef(p, &start, false, decorators);
    if (check(p, TOK_KW_CLASS))
        return parse_classdef(p, decorators);
    if (check(p, TOK_KW_ASYNC))
        return parse_async_statement(p, decorators);
    return fail_unexpected(p);
}

/* "match x:" opens a match statement when the line ends with ':' (an
 * expression statement never does); "match = 1" and "match.x" stay names. */
static bool looks_like_match(Parser *p) {
    TokenKind k1 = kind_at(p, 1);
    if (!starts_expression(k1) && k1 != TOK_STAR)
        return false;
    bool found = false;
    p->scanning = true;
    for (int k = 1;; k++) {
        TokenKind kind = kind_at(p, k);
        if (kind == TOK_ERROR || kind == TOK_ENDMARKER)
            break;
        if (kind == TOK_NEWLINE) {
            found = kind_at(p, k - 1) == TOK_COLON;
            break;
        }
    }
    p->scanning = false;
    return found;
}

/* Skip the indented case blocks of a match statement, insisting only that
 * a "case ...:" line is followed by an indented block. */
static bool skip_case_blocks(Parser *p, Node *match) {
    int depth = 0;
    bool line_start = true, case_line = false;
    uint32_t case_line_no = 0;
    TokenKind last = TOK_NEWLINE;
    do {
        Token t = advance(p);
        if (t.kind == TOK_ERROR || t.kind == TOK_ENDMARKER) {
            fail_lexer(p);
            return false;
        }
        if (t.kind == TOK_INDENT || t.kind == TOK_DEDENT) {
            depth += t.kind == TOK_INDENT ? 1 : -1;
            line_start = true;
            continue;
        }
        if (t.kind == TOK_NEWLINE) {
            if (case_line && last == TOK_COLON && !check(p, TOK_INDENT)) {
                Token blame = block_blame_token(p);
                char msg[128];
                snprintf(msg, sizeof msg, "expected an indented block after 'case' statement on line %u",
                         case_line_no);
                fail_tok_msg(p, &blame, "IndentationError", msg);
                return false;
            }
            line_start = true;
            case_line = false;
            last = TOK_NEWLINE;
            continue;
        }
        if (line_start && depth == 1) {
            case_line = t.kind == TOK_NAME && t.len == 4 && memcmp(t.start, "case", 4) == 0;
            case_line_no = t.line;
        }
        line_start = false;
        last = (TokenKind)t.kind;
        match->end_line = t.end_line;
        match->end_col = t.end_col;
    } while (depth > 0);
    return true;
}

/* Parsed only as far as its subject; the cases are skipped so the compiler
 * can reject the statement by name. */
static Node *parse_match(Parser *p) {
    Token kw = advance(p);
    Node *n = node_at_tok(p, AST_MATCH, &kw);
    Pos start = here(p);
    Node *subject = parse_star_named_expression(p);
    if (!subject)
        return NULL;
    if (check(p, TOK_COMMA)) {
        int base = p->sp;
        push(p, subject);
        while (accept(p, TOK_COMMA) && !check(p, TOK_COLON)) {
            Node *e = parse_star_named_expression(p);
            if (!e)
                return NULL;
            push(p, e);
        }
        Node *t = node_at(p, AST_TUPLE, start);
        t->list = pop_list(p, base);
        subject = finish(p, t);
    }
    n->a = subject;
    if (!expect(p, TOK_COLON) || !expect(p, TOK_NEWLINE))
        return NULL;
    if (!check(p, TOK_INDENT)) {
        Token t = block_blame_token(p);
        char msg[128];
        snprintf(msg, sizeof msg, "expected an indented block after 'match' statement on line %u",
                 kw.line);
        return fail_tok_msg(p, &t, "IndentationError", msg);
    }
    return skip_case_blocks(p, n) ? n : NULL;
}

static bool parse_statement(Parser *p) {
    Node *s;
    Token t = *tok(p);
    NodeList none = {NULL, 0};
    switch ((TokenKind)t.kind) {
    case TOK_KW_IF: s = parse_if(p); break;
    case TOK_KW_WHILE: s = parse_while(p); break;
    case TOK_KW_FOR: s = parse_for(p, &t, false); break;
    case TOK_KW_TRY: s = parse_try(p); break;
    case TOK_KW_WITH: s = parse_with(p, &t, false); break;
    case TOK_KW_DEF: s = parse_funcdef(p, &t, false, none); break;
    case TOK_KW_CLASS: s = parse_classdef(p, none); break;
    case TOK_AT: s = parse_decorated(p); break;
    case TOK_KW_ASYNC: s = parse_async_statement(p, none); break;
    case TOK_INDENT:
        fail(p, "IndentationError", t.line, t.end_col, 0, "unexpected indent");
        return false;
    case TOK_NAME:
        if (is_name(p, 0, "match") && looks_like_match(p)) {
            s = parse_match(p);
            break;
        }
        return parse_simple_statements(p);
    default:
        return parse_simple_statements(p);
    }
    if (!s)
        return false;
    push(p, s);
    return true;
}

/* ---- entry points -------------------------------------------------------------------------- */

static void free_parser_buffers(Parser *p) {
    free(p->toks);
    free(p->stack);
    free(p->opstack);
    p->toks = NULL;
    p->stack = NULL;
    p->opstack = NULL;
}

static bool parse_file(Parser *p, NodeList *body) {
    while (!check(p, TOK_ENDMARKER)) {
        if (check(p, TOK_ERROR)) {
            fail_lexer(p);
            return false;
        }
        release_tokens(p);
        if (!parse_statement(p))
            return false;
    }
    *body = pop_list(p, 0);
    return true;
}

static char *dup_cstr(const char *s, size_t n) {
    char *d = malloc(n + 1);
    if (!d)
        abort();
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static char *source_line(const char *src, size_t len, uint32_t line) {
    const char *s = src, *end = src + len;
    for (uint32_t l = 1; l < line; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            return NULL;
        s = nl + 1;
    }
    if (s >= end)
        return NULL;
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    return dup_cstr(s, (size_t)((nl ? nl : end) - s));
}

static void set_error(SyntaxErrorInfo *err, const char *filename, const char *kind,
                      const char *message, uint32_t line, uint32_t col, uint32_t end_col,
                      const char *src, size_t len) {
    err->kind = kind;
    err->message = dup_cstr(message, strlen(message));
    err->filename = dup_cstr(filename, strlen(filename));
    err->line = line;
    err->col = col;
    err->end_col = end_col > col ? end_col : 0;
    err->source_line = src ? source_line(src, len, line) : NULL;
}

/* A bracket left open until the end of the file explains a parser error
 * that comes after it on a later line (CPython reaches the same verdict by
 * reading ahead to the end of the file in these cases). */
static bool unclosed_bracket_explains(const Parser *p) {
    const LexError *le = &p->lx.error;
    if (!le->unclosed_bracket || !p->failed || !p->err.kind)
        return false;
    bool opened_before = le->line < p->err.line || (le->line == p->err.line && le->col < p->err.col);
    return opened_before && (p->err.line > le->line || p->err.end_line > le->line);
}

/* Which error to show: the lexer's if the parser ever read past it, else
 * the parser's unless the rest of the file holds a literal CPython's
 * tokenizer would have rejected first. */
static void report_failure(Parser *p, const char *filename, SyntaxErrorInfo *err) {
    const LexError *le = NULL;
    if (p->saw_lexer_error || !p->failed) {
        le = p->lx.has_error ? &p->lx.error : NULL;
    } else {
        Token t;
        while (lexer_next_token(&p->lx, &t) && t.kind != TOK_ENDMARKER) {
        }
        if (p->lx.has_error &&
            (p->lx.error.beats_parser_errors || unclosed_bracket_explains(p)))
            le = &p->lx.error;
    }
    if (le)
        set_error(err, filename, le->kind, le->message, le->line, le->col, le->end_col, p->src,
                  p->src_len);
    else if (p->failed && p->err.kind)
        set_error(err, filename, p->err.kind, p->err.message, p->err.line, p->err.col,
                  p->err.end_col, p->src, p->src_len);
    else
        set_error(err, filename, "SyntaxError", "invalid syntax", prev(p)->line, prev(p)->col + 1, 0,
                  p->src, p->src_len);
}

/* Universal newlines and a final '\n', as CPython reads files; NULs and a
 * BOM are dealt with here too. Returns NULL after filling err. */
static char *normalise_source(const char *source, size_t len, size_t *out_len, const char *filename,
                              SyntaxErrorInfo *err) {
    if (len >= 3 && memcmp(source, "\xEF\xBB\xBF", 3) == 0) {
        source += 3;
        len -= 3;
    }
    const char *nul = memchr(source, '\0', len);
    if (nul) {
        uint32_t line = 1;
        const char *line_start = source;
        for (const char *s = source; s < nul; s++)
            if (*s == '\n')
                line++, line_start = s + 1;
        set_error(err, filename, "SyntaxError", "source code cannot contain null bytes", line, 0, 0,
                  NULL, 0);
        err->source_line = dup_cstr(line_start, (size_t)(nul - line_start));
        return NULL;
    }
    size_t bad = lexer_find_invalid_utf8(source, len);
    if (bad < len && filename[0] != '<') {
        /* what CPython says when it reads a file that is not UTF-8 */
        uint32_t line = 1;
        for (size_t i = 0; i < bad; i++)
            line += source[i] == '\n';
        char msg[512];
        snprintf(msg, sizeof msg,
                 "Non-UTF-8 code starting with '\\x%02x' in file %s on line %u, but no encoding "
                 "declared; see https://peps.python.org/pep-0263/ for details",
                 (unsigned char)source[bad], filename, line);
        set_error(err, filename, "SyntaxError", msg, 0, 0, 0, NULL, 0);
        return NULL;
    }
    char *out = malloc(len + 2);
    if (!out)
        abort();
    size_t n = 0;
    const char *cr = memchr(source, '\r', len);
    if (!cr) {
        memcpy(out, source, len);
        n = len;
    }
    for (size_t i = n; i < len; i++) {
        char c = source[i];
        if (c == '\r') {
            if (i + 1 < len && source[i + 1] == '\n')
                i++;
            c = '\n';
        }
        out[n++] = c;
    }
    if (n == 0 || out[n - 1] != '\n')
        out[n++] = '\n';
    out[n] = '\0';
    *out_len = n;
    return out;
}

bool parse_module(const char *source, size_t len, const char *filename, AstModule *out,
                  SyntaxErrorInfo *err) {
    memset(out, 0, sizeof *out);
    memset(err, 0, sizeof *err);
    arena_init(&out->arena);
    if (!filename)
        filename = "<string>";
    size_t n;
    char *src = normalise_source(source ? source : "", source ? len : 0, &n, filename, err);
    if (!src)
        return false;
    Parser *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    p->arena = &out->arena;
    p->src = src;
    p->src_len = n;
    lexer_init(&p->lx, src, n, &out->arena);
    bool ok = parse_file(p, &out->body);
    if (!ok) {
        report_failure(p, filename, err);
        arena_free(&out->arena);
        out->body.items = NULL;
        out->body.len = 0;
    }
    free_parser_buffers(p);
    free(p);
    free(src);
    return ok;
}

void ast_module_free(AstModule *m) {
    if (!m)
        return;
    arena_free(&m->arena);
    m->body.items = NULL;
    m->body.len = 0;
}

void syntax_error_free(SyntaxErrorInfo *err) {
    if (!err)
        return;
    free(err->message);
    free(err->filename);
    free(err->source_line);
    err->message = err->filename = err->source_line = NULL;
}

/* CPython's layout: the line without its indentation, then carets under
 * the same characters (tabs become spaces). */
void syntax_error_print(const SyntaxErrorInfo *err, FILE *to) {
    if (err->line == 0) { /* no position: CPython prints only the message */
        fprintf(to, "%s: %s\n", err->kind ? err->kind : "SyntaxError",
                err->message ? err->message : "invalid syntax");
        return;
    }
    fprintf(to, "  File \"%s\", line %u\n", err->filename ? err->filename : "<string>", err->line);
    if (err->source_line) {
        const char *text = err->source_line;
        uint32_t stripped = 0;
        while (*text == ' ' || *text == '\t' || *text == '\f') {
            text++;
            stripped++;
        }
        fprintf(to, "    %s\n", text);
        if (err->col >= 1 && err->col - 1 >= stripped) {
            uint32_t at = err->col - 1 - stripped;
            uint32_t width = err->end_col > err->col ? err->end_col - err->col : 1;
            fputs("    ", to);
            for (uint32_t i = 0; i < at; i++)
                fputc(' ', to);
            for (uint32_t i = 0; i < width; i++)
                fputc('^', to);
            fputc('\n', to);
        }
    }
    fprintf(to, "%s: %s\n", err->kind ? err->kind : "SyntaxError",
            err->message ? err->message : "invalid syntax");
}
