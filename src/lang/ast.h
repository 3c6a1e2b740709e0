/* ast.h: the syntax tree the parser builds and the compiler reads.
 *
 * Nodes live in an Arena and are freed all at once with it. Positions are
 * 1-based lines and 0-based columns counted in code points, as CPython's
 * col_offset is for ASCII text. Strings in the tree are decoded UTF-8 (escape
 * sequences already applied), NUL-terminated, with an explicit length. */
#ifndef LOOPBOOK_AST_H
#define LOOPBOOK_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- arena ------------------------------------------------------------ */
typedef struct ArenaBlock ArenaBlock;
typedef struct {
    ArenaBlock *head;
} Arena;

/* Start an empty arena. */
void arena_init(Arena *a);
/* Zeroed memory that lives until arena_free. */
void *arena_alloc(Arena *a, size_t size);
/* A NUL-terminated copy of len bytes. */
char *arena_strndup(Arena *a, const char *s, size_t len);
/* Release every allocation. */
void arena_free(Arena *a);

/* ---- nodes ------------------------------------------------------------ */
typedef struct Node Node;

typedef struct {
    Node **items;
    int len;
} NodeList;

typedef struct {
    const char *data;
    size_t len;
} AstStr;

#define AST_KIND_LIST(X)                                                                           \
    /* expressions */                                                                              \
    X(NAME)            /* name */                                                                  \
    X(CONST_NONE)                                                                                  \
    X(CONST_TRUE)                                                                                  \
    X(CONST_FALSE)                                                                                 \
    X(CONST_ELLIPSIS)                                                                              \
    X(CONST_INT)       /* int_value; big_digits != NULL when it does not fit in int64 */           \
    X(CONST_FLOAT)     /* float_value */                                                           \
    X(CONST_IMAG)      /* float_value: 3j (parsed, rejected by the compiler) */                    \
    X(CONST_STR)       /* str */                                                                   \
    X(CONST_BYTES)     /* str holds the bytes (parsed, rejected by the compiler) */                \
    X(JOINED_STR)      /* f-string: list of CONST_STR and FORMATTED_VALUE */                       \
    X(FORMATTED_VALUE) /* a: value, conversion: 0 'r' 's' 'a', b: spec (JOINED_STR) or NULL */     \
    X(BINOP)           /* a op b */                                                                \
    X(UNARYOP)         /* op a */                                                                  \
    X(BOOLOP)          /* op (AST_AND / AST_OR) over list */                                       \
    X(COMPARE)         /* a, then list of comparators and ops[] */                                 \
    X(CALL)            /* a(list, keywords); list may hold STARRED, keywords hold KEYWORD */       \
    X(KEYWORD)         /* name=a; name NULL for **a */                                             \
    X(ATTRIBUTE)       /* a.name */                                                                \
    X(SUBSCRIPT)       /* a[b] */                                                                  \
    X(SLICE)           /* a:b:c, any may be NULL */                                                \
    X(STARRED)         /* *a */                                                                    \
    X(LIST)            /* list */                                                                  \
    X(TUPLE)           /* list */                                                                  \
    X(SET)             /* list */                                                                  \
    X(DICT)            /* list of keys (NULL for **value), list2 of values */                      \
    X(LIST_COMP)       /* a: element, list: COMPREHENSION clauses */                               \
    X(SET_COMP)        /* same */                                                                  \
    X(GENERATOR_EXP)   /* same */                                                                  \
    X(DICT_COMP)       /* a: key, b: value, list: clauses */                                       \
    X(COMPREHENSION)   /* for a in b if list...; is_async */                                       \
    X(IF_EXP)          /* b if a else c */                                                         \
    X(LAMBDA)          /* args, a: body expression */                                              \
    X(AWAIT)           /* await a */                                                               \
    X(YIELD)           /* yield a (a may be NULL) */                                               \
    X(YIELD_FROM)      /* yield from a */                                                          \
    X(NAMED_EXPR)      /* a := b (a is a NAME) */                                                  \
    /* statements */                                                                               \
    X(EXPR_STMT)       /* a */                                                                     \
    X(ASSIGN)          /* list of targets = a */                                                   \
    X(AUG_ASSIGN)      /* a op= b */                                                               \
    X(ANN_ASSIGN)      /* a: b = c (c may be NULL); simple: a is a plain name */                   \
    X(IF)              /* if a: body else: orelse */                                               \
    X(WHILE)           /* while a: body else: orelse */                                            \
    X(FOR)             /* for a in b: body else: orelse; is_async */                               \
    X(BREAK)                                                                                       \
    X(CONTINUE)                                                                                    \
    X(PASS)                                                                                        \
    X(RETURN)          /* return a (may be NULL) */                                                \
    X(FUNCTION_DEF)    /* name, args, body, decorators, a: return annotation; is_async */          \
    X(CLASS_DEF)       /* name, list: bases, keywords, body, decorators */                         \
    X(GLOBAL)          /* names */                                                                 \
    X(NONLOCAL)        /* names */                                                                 \
    X(TRY)             /* body, handlers, orelse, finalbody; is_star for except* */                \
    X(EXCEPT_HANDLER)  /* except a as name: body (a and name may be NULL) */                       \
    X(RAISE)           /* raise a from b (both may be NULL) */                                     \
    X(ASSERT)          /* assert a, b */                                                           \
    X(DELETE)          /* del list */                                                              \
    X(IMPORT)          /* list of ALIAS */                                                         \
    X(IMPORT_FROM)     /* from name import list of ALIAS; level = leading dots */                  \
    X(ALIAS)           /* name as asname (asname may be NULL; name "*" for import *) */           \
    X(WITH)            /* list of WITH_ITEM, body; is_async */                                     \
    X(WITH_ITEM)       /* a as b (b may be NULL) */                                                \
    X(MATCH)           /* parsed only far enough to be rejected by name */

typedef enum {
#define X(k) AST_##k,
    AST_KIND_LIST(X)
#undef X
        AST_KIND_COUNT
} AstKind;

/* Operators of BINOP, AUG_ASSIGN, UNARYOP, BOOLOP and COMPARE. */
typedef enum {
    AST_ADD,
    AST_SUB,
    AST_MUL,
    AST_DIV,
    AST_FLOORDIV,
    AST_MOD,
    AST_POW,
    AST_MATMUL,
    AST_LSHIFT,
    AST_RSHIFT,
    AST_BITAND,
    AST_BITOR,
    AST_BITXOR,
    /* unary */
    AST_NEG,
    AST_POS,
    AST_INVERT,
    AST_NOT,
    /* boolean */
    AST_AND,
    AST_OR,
    /* comparison */
    AST_LT,
    AST_LE,
    AST_EQ,
    AST_NE,
    AST_GT,
    AST_GE,
    AST_IN,
    AST_NOT_IN,
    AST_IS,
    AST_IS_NOT,
} AstOp;

/* The parameters of a def or lambda. */
typedef struct {
    NodeList posonly;    /* NAME nodes before '/', each may carry an annotation in a */
    NodeList args;       /* NAME nodes */
    NodeList defaults;   /* for the last len(defaults) of posonly+args */
    Node *vararg;        /* NAME or NULL */
    NodeList kwonly;     /* NAME nodes */
    NodeList kw_defaults;/* same length as kwonly; NULL items for none */
    Node *kwarg;         /* NAME or NULL */
} AstArgs;

struct Node {
    uint8_t kind;  /* AstKind */
    uint8_t op;    /* AstOp for BINOP, UNARYOP, BOOLOP, AUG_ASSIGN */
    bool is_async;
    bool flag;     /* ANN_ASSIGN: simple target; TRY: except*; IMPORT_FROM: unused */
    int conversion;/* FORMATTED_VALUE: 0, 'r', 's', 'a'; NAMED/EXPR: unused */
    int level;     /* IMPORT_FROM */
    uint32_t line, col;         /* start */
    uint32_t end_line, end_col; /* end (exclusive column) */

    const char *name; /* NAME, ATTRIBUTE, KEYWORD, FUNCTION_DEF, CLASS_DEF, EXCEPT_HANDLER, ALIAS, IMPORT_FROM (module) */
    const char *asname; /* ALIAS */
    AstStr str;       /* CONST_STR, CONST_BYTES */
    int64_t int_value;
    const char *big_digits; /* CONST_INT that overflows int64: decimal digits, no sign */
    double float_value;

    Node *a, *b, *c;
    NodeList list;     /* elements, targets, bases, arguments, clauses, names ... */
    NodeList list2;    /* DICT values */
    NodeList keywords; /* CALL, CLASS_DEF */
    uint8_t *ops;      /* COMPARE: one AstOp per comparator in list */
    AstArgs *args;     /* FUNCTION_DEF, LAMBDA */
    NodeList body, orelse, finalbody, handlers, decorators;
    const char **names;/* GLOBAL, NONLOCAL */
    int n_names;
};

/* A parsed module: its statements and the arena that owns them. */
typedef struct {
    Arena arena;
    NodeList body;
} AstModule;

/* The kind's name, e.g. "BINOP", for dumps and errors. */
const char *ast_kind_name(AstKind kind);
/* Write an S-expression dump of the tree (for tests). */
void ast_dump(const Node *node, char **buf, size_t *len, size_t *cap);
/* Same, optionally tagging each node with @line:col-end_line:end_col. */
void ast_dump_ex(const Node *node, bool positions, char **buf, size_t *len, size_t *cap);
/* The operator's Python spelling, e.g. "+", "not in". */
const char *ast_op_symbol(AstOp op);

#endif
