/* ast.c: the arena that owns a tree, kind names, and the S-expression dump. */
#include "ast.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena ------------------------------------------------------------ */

struct ArenaBlock {
    ArenaBlock *next;
    size_t used, size;
    _Alignas(max_align_t) unsigned char data[];
};

enum { ARENA_FIRST_BLOCK = 16 * 1024, ARENA_MAX_BLOCK = 1024 * 1024 };

void arena_init(Arena *a) { a->head = NULL; }

static size_t align_up(size_t n) {
    size_t al = _Alignof(max_align_t);
    return (n + al - 1) & ~(al - 1);
}

/* Blocks double up to 1 MB so small cells stay cheap and big files do few
 * mallocs; calloc gives zeroed (often untouched, mmap'd) pages for free. */
static ArenaBlock *arena_grow(Arena *a, size_t need) {
    size_t size = a->head ? a->head->size * 2 : ARENA_FIRST_BLOCK;
    if (size > ARENA_MAX_BLOCK)
        size = ARENA_MAX_BLOCK;
    if (size < need)
        size = need;
    ArenaBlock *b = calloc(1, sizeof(ArenaBlock) + size);
    if (!b) {
        fputs("loopbook: out of memory\n", stderr);
        abort();
    }
    b->size = size;
    b->next = a->head;
    a->head = b;
    return b;
}

void *arena_alloc(Arena *a, size_t size) {
    size = align_up(size ? size : 1);
    ArenaBlock *b = a->head;
    if (!b || b->size - b->used < size)
        b = arena_grow(a, size);
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t len) {
    char *p = arena_alloc(a, len + 1);
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void arena_free(Arena *a) {
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

/* ---- names ------------------------------------------------------------- */

const char *ast_kind_name(AstKind kind) {
    static const char *const names[] = {
#define X(k) #k,
        AST_KIND_LIST(X)
#undef X
    };
    return (unsigned)kind < AST_KIND_COUNT ? names[kind] : "?";
}

const char *ast_op_symbol(AstOp op) {
    static const char *const symbols[] = {
        [AST_ADD] = "+",     [AST_SUB] = "-",      [AST_MUL] = "*",      [AST_DIV] = "/",
        [AST_FLOORDIV] = "//", [AST_MOD] = "%",    [AST_POW] = "**",     [AST_MATMUL] = "@",
        [AST_LSHIFT] = "<<", [AST_RSHIFT] = ">>",  [AST_BITAND] = "&",   [AST_BITOR] = "|",
        [AST_BITXOR] = "^",  [AST_NEG] = "-",      [AST_POS] = "+",      [AST_INVERT] = "~",
        [AST_NOT] = "not",   [AST_AND] = "and",    [AST_OR] = "or",      [AST_LT] = "<",
        [AST_LE] = "<=",     [AST_EQ] = "==",      [AST_NE] = "!=",      [AST_GT] = ">",
        [AST_GE] = ">=",     [AST_IN] = "in",      [AST_NOT_IN] = "not in", [AST_IS] = "is",
        [AST_IS_NOT] = "is not",
    };
    return (unsigned)op <= AST_IS_NOT ? symbols[op] : "?";
}

/* ---- dump -------------------------------------------------------------- */

typedef struct {
    char **buf;
    size_t *len, *cap;
    bool positions;
} Out;

static void out_reserve(Out *o, size_t extra) {
    if (*o->len + extra + 1 <= *o->cap)
        return;
    size_t cap = *o->cap ? *o->cap : 256;
    while (cap < *o->len + extra + 1)
        cap *= 2;
    char *p = realloc(*o->buf, cap);
    if (!p) {
        fputs("loopbook: out of memory\n", stderr);
        abort();
    }
    *o->buf = p;
    *o->cap = cap;
}

static void out_mem(Out *o, const char *s, size_t n) {
    out_reserve(o, n);
    memcpy(*o->buf + *o->len, s, n);
    *o->len += n;
    (*o->buf)[*o->len] = '\0';
}

static void out_str(Out *o, const char *s) { out_mem(o, s, strlen(s)); }

/* " word", for names of any length. */
static void out_word(Out *o, const char *s) {
    out_mem(o, " ", 1);
    out_str(o, s);
}

static void out_fmt(Out *o, const char *fmt, ...) {
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        out_mem(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Quoted with C-style escapes so a dump stays on one line; UTF-8 is kept
 * in text, bytes above 0x7f are escaped. */
static void out_quoted(Out *o, const char *s, size_t n, bool is_bytes) {
    out_mem(o, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            out_mem(o, e, 2);
        } else if (c == '\n') {
            out_str(o, "\\n");
        } else if (c == '\t') {
            out_str(o, "\\t");
        } else if (c < 0x20 || c == 0x7f || (is_bytes && c > 0x7f)) {
            out_fmt(o, "\\x%02x", c);
        } else {
            out_mem(o, (const char *)&s[i], 1);
        }
    }
    out_mem(o, "\"", 1);
}

/* Shortest text that reads back as the same double, like Python's repr. */
static void out_double(Out *o, double d) {
    char tmp[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, d);
        if (strtod(tmp, NULL) == d)
            break;
    }
    out_str(o, tmp);
}

static void dump_node(Out *o, const Node *n);

static void dump_child(Out *o, const Node *n) {
    out_mem(o, " ", 1);
    if (n)
        dump_node(o, n);
    else
        out_mem(o, "-", 1);
}

static void dump_items(Out *o, const NodeList *l) {
    for (int i = 0; i < l->len; i++)
        dump_child(o, l->items[i]);
}

/* A named group such as "(body ...)"; empty optional groups are left out. */
static void dump_group(Out *o, const char *name, const NodeList *l, bool always) {
    if (!l->len && !always)
        return;
    out_fmt(o, " (%s", name);
    dump_items(o, l);
    out_mem(o, ")", 1);
}

static void dump_args(Out *o, const AstArgs *a) {
    out_str(o, " (ARGS");
    if (a) {
        dump_group(o, "posonly", &a->posonly, false);
        dump_group(o, "args", &a->args, false);
        dump_group(o, "defaults", &a->defaults, false);
        if (a->vararg) {
            out_str(o, " (vararg");
            dump_child(o, a->vararg);
            out_mem(o, ")", 1);
        }
        dump_group(o, "kwonly", &a->kwonly, false);
        dump_group(o, "kw_defaults", &a->kw_defaults, false);
        if (a->kwarg) {
            out_str(o, " (kwarg");
            dump_child(o, a->kwarg);
            out_mem(o, ")", 1);
        }
    }
    out_mem(o, ")", 1);
}

static void dump_dict(Out *o, const Node *n) {
    for (int i = 0; i < n->list.len; i++) {
        dump_child(o, n->list.items[i]);
        dump_child(o, i < n->list2.len ? n->list2.items[i] : NULL);
    }
}

static void dump_compare(Out *o, const Node *n) {
    dump_child(o, n->a);
    for (int i = 0; i < n->list.len; i++) {
        out_word(o, ast_op_symbol((AstOp)n->ops[i]));
        dump_child(o, n->list.items[i]);
    }
}

static void dump_import_from(Out *o, const Node *n) {
    out_mem(o, " ", 1);
    for (int i = 0; i < n->level; i++)
        out_mem(o, ".", 1);
    if (n->name)
        out_str(o, n->name);
    dump_items(o, &n->list);
}

static void dump_names(Out *o, const Node *n) {
    for (int i = 0; i < n->n_names; i++)
        out_word(o, n->names[i]);
}

static void dump_int(Out *o, const Node *n) {
    if (n->big_digits) {
        out_mem(o, " ", 1);
        out_str(o, n->big_digits);
    } else
        out_fmt(o, " %" PRId64, n->int_value);
}

/* Expressions: fields in the order the kind's comment in ast.h lists them. */
static bool dump_expr_fields(Out *o, const Node *n) {
    switch ((AstKind)n->kind) {
    case AST_NAME:
        out_word(o, n->name);
        if (n->a) /* a parameter's annotation */
            dump_child(o, n->a);
        return true;
    case AST_CONST_NONE: case AST_CONST_TRUE: case AST_CONST_FALSE: case AST_CONST_ELLIPSIS:
        return true;
    case AST_CONST_INT: dump_int(o, n); return true;
    case AST_CONST_FLOAT: case AST_CONST_IMAG:
        out_mem(o, " ", 1);
        out_double(o, n->float_value);
        return true;
    case AST_CONST_STR: case AST_CONST_BYTES:
        out_mem(o, " ", 1);
        out_quoted(o, n->str.data, n->str.len, n->kind == AST_CONST_BYTES);
        return true;
    case AST_JOINED_STR: case AST_LIST: case AST_TUPLE: case AST_SET: case AST_BOOLOP:
        if (n->kind == AST_BOOLOP)
            out_word(o, ast_op_symbol((AstOp)n->op));
        dump_items(o, &n->list);
        return true;
    case AST_FORMATTED_VALUE:
        dump_child(o, n->a);
        if (n->conversion)
            out_fmt(o, " %c", n->conversion);
        else
            out_str(o, " -");
        dump_child(o, n->b);
        return true;
    case AST_BINOP:
        out_word(o, ast_op_symbol((AstOp)n->op));
        dump_child(o, n->a);
        dump_child(o, n->b);
        return true;
    case AST_UNARYOP:
        out_word(o, ast_op_symbol((AstOp)n->op));
        dump_child(o, n->a);
        return true;
    case AST_COMPARE: dump_compare(o, n); return true;
    case AST_CALL:
        dump_child(o, n->a);
        dump_items(o, &n->list);
        dump_items(o, &n->keywords);
        return true;
    case AST_KEYWORD:
        out_word(o, n->name ? n->name : "**");
        dump_child(o, n->a);
        return true;
    case AST_ATTRIBUTE:
        dump_child(o, n->a);
        out_word(o, n->name);
        return true;
    case AST_SUBSCRIPT: case AST_NAMED_EXPR:
        dump_child(o, n->a);
        dump_child(o, n->b);
        return true;
    case AST_SLICE: case AST_IF_EXP:
        dump_child(o, n->a);
        dump_child(o, n->b);
        dump_child(o, n->c);
        return true;
    case AST_STARRED: case AST_AWAIT: case AST_YIELD: case AST_YIELD_FROM:
        dump_child(o, n->a);
        return true;
    case AST_DICT: dump_dict(o, n); return true;
    case AST_LIST_COMP: case AST_SET_COMP: case AST_GENERATOR_EXP:
        dump_child(o, n->a);
        dump_items(o, &n->list);
        return true;
    case AST_DICT_COMP:
        dump_child(o, n->a);
        dump_child(o, n->b);
        dump_items(o, &n->list);
        return true;
    case AST_COMPREHENSION:
        dump_child(o, n->a);
        dump_child(o, n->b);
        dump_items(o, &n->list);
        return true;
    case AST_LAMBDA:
        dump_args(o, n->args);
        dump_child(o, n->a);
        return true;
    default:
        return false;
    }
}

static void dump_handlers_and_tail(Out *o, const Node *n) {
    dump_group(o, "handlers", &n->handlers, false);
    dump_group(o, "orelse", &n->orelse, false);
    dump_group(o, "finalbody", &n->finalbody, false);
}

static void dump_stmt_fields(Out *o, const Node *n) {
    switch ((AstKind)n->kind) {
    case AST_EXPR_STMT: case AST_RETURN: case AST_MATCH:
        dump_child(o, n->a);
        break;
    case AST_ASSIGN:
        dump_items(o, &n->list);
        dump_child(o, n->a);
        break;
    case AST_AUG_ASSIGN:
        out_fmt(o, " %s=", ast_op_symbol((AstOp)n->op));
        dump_child(o, n->a);
        dump_child(o, n->b);
        break;
    case AST_RAISE: case AST_ASSERT: case AST_WITH_ITEM:
        dump_child(o, n->a);
        dump_child(o, n->b);
        break;
    case AST_ANN_ASSIGN:
        dump_child(o, n->a);
        dump_child(o, n->b);
        dump_child(o, n->c);
        break;
    case AST_IF: case AST_WHILE:
        dump_child(o, n->a);
        dump_group(o, "body", &n->body, true);
        dump_group(o, "orelse", &n->orelse, false);
        break;
    case AST_FOR:
        dump_child(o, n->a);
        dump_child(o, n->b);
        dump_group(o, "body", &n->body, true);
        dump_group(o, "orelse", &n->orelse, false);
        break;
    case AST_FUNCTION_DEF:
        out_word(o, n->name);
        dump_args(o, n->args);
        dump_child(o, n->a);
        dump_group(o, "body", &n->body, true);
        dump_group(o, "decorators", &n->decorators, false);
        break;
    case AST_CLASS_DEF:
        out_word(o, n->name);
        dump_group(o, "bases", &n->list, false);
        dump_group(o, "keywords", &n->keywords, false);
        dump_group(o, "body", &n->body, true);
        dump_group(o, "decorators", &n->decorators, false);
        break;
    case AST_GLOBAL: case AST_NONLOCAL: dump_names(o, n); break;
    case AST_TRY:
        dump_group(o, "body", &n->body, true);
        dump_handlers_and_tail(o, n);
        break;
    case AST_EXCEPT_HANDLER:
        dump_child(o, n->a);
        out_word(o, n->name ? n->name : "-");
        dump_group(o, "body", &n->body, true);
        break;
    case AST_DELETE: case AST_IMPORT: dump_items(o, &n->list); break;
    case AST_IMPORT_FROM: dump_import_from(o, n); break;
    case AST_ALIAS:
        out_word(o, n->name);
        if (n->asname) {
            out_str(o, " as");
            out_word(o, n->asname);
        }
        break;
    case AST_WITH:
        dump_items(o, &n->list);
        dump_group(o, "body", &n->body, true);
        break;
    default: /* BREAK, CONTINUE, PASS */
        break;
    }
}

static void dump_flags(Out *o, const Node *n) {
    if (n->is_async)
        out_str(o, " async");
    if (n->flag && n->kind == AST_TRY)
        out_str(o, " star");
    if (n->flag && n->kind == AST_ANN_ASSIGN)
        out_str(o, " simple");
}

static void dump_node(Out *o, const Node *n) {
    out_fmt(o, "(%s", ast_kind_name((AstKind)n->kind));
    if (o->positions)
        out_fmt(o, "@%u:%u-%u:%u", n->line, n->col, n->end_line, n->end_col);
    dump_flags(o, n);
    if (!dump_expr_fields(o, n))
        dump_stmt_fields(o, n);
    out_mem(o, ")", 1);
}

void ast_dump(const Node *node, char **buf, size_t *len, size_t *cap) {
    ast_dump_ex(node, false, buf, len, cap);
}

void ast_dump_ex(const Node *node, bool positions, char **buf, size_t *len, size_t *cap) {
    Out o = {buf, len, cap, positions};
    out_reserve(&o, 0);
    (*buf)[*len] = '\0';
    if (node)
        dump_node(&o, node);
    else
        out_mem(&o, "-", 1);
}
