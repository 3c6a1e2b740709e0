/* scope.h: which names are local, global, cell or free in each function,
 * worked out from the AST before the compiler emits any code. */
#ifndef LOOPBOOK_SCOPE_H
#define LOOPBOOK_SCOPE_H

#include "ast.h"
#include "parser.h"

typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS, SCOPE_COMPREHENSION } ScopeKind;

/* Where a name lives, as the compiler must load and store it. */
typedef enum {
    NAME_LOCAL,           /* a fast local slot */
    NAME_CELL,            /* a local captured by an inner function */
    NAME_FREE,            /* captured from an enclosing function */
    NAME_GLOBAL_EXPLICIT, /* declared global */
    NAME_GLOBAL_IMPLICIT, /* not assigned here: globals then builtins */
    NAME_CLASS_OR_MODULE, /* class body or module: looked up by name */
} NameKind;

enum {
    SYM_ASSIGNED = 1 << 0,
    SYM_PARAM = 1 << 1,
    SYM_USED = 1 << 2,
    SYM_GLOBAL = 1 << 3,   /* `global x` */
    SYM_NONLOCAL = 1 << 4, /* `nonlocal x` */
    SYM_CELL = 1 << 5,     /* captured by an inner scope */
    SYM_FREE = 1 << 6,     /* comes from an outer scope */
};

typedef struct {
    const char *name;
    uint32_t flags;
    const Node *declared_at; /* the global / nonlocal statement, for errors */
} Symbol;

typedef struct Scope {
    ScopeKind kind;
    const Node *node; /* the def / lambda / class / comprehension; NULL for the module */
    struct Scope *parent;
    const char *name;     /* "f", "<lambda>", "<listcomp>", "C", "<module>" */
    Symbol *symbols;      /* in order of first appearance */
    int n_symbols, cap_symbols;
    const char **params;  /* in signature order: positional, kw-only, *args, **kwargs */
    int n_params;
    bool is_generator;    /* contains yield */
    bool is_coroutine;    /* async def (or async comprehension) */
    bool has_await;       /* it suspends directly here: await, async for / with, an async comprehension */
    bool needs_class_cell;/* a method that uses super(): gets __class__ free */
    bool class_has_cell;  /* a class body whose methods use super() */
    struct Scope **children;
    int n_children, cap_children;
} Scope;

typedef struct {
    Scope *module;
    Scope **all; /* every scope, for lookup by node */
    int n_all, cap_all;
} ScopeTable;

/* Analyse a module. Top-level await is allowed when allow_top_await (notebook
 * cells). On a SyntaxError fill *err and return false. */
bool scope_analyze(const AstModule *m, const char *filename, bool allow_top_await, ScopeTable *out,
                   SyntaxErrorInfo *err);
/* The scope made for a def / lambda / class / comprehension node. */
Scope *scope_for_node(const ScopeTable *t, const Node *node);
/* How the compiler must treat `name` in scope s. */
NameKind scope_name_kind(const Scope *s, const char *name);
/* The symbol of name in s, or NULL. */
Symbol *scope_find(const Scope *s, const char *name);
/* Release everything. */
void scope_table_free(ScopeTable *t);

#endif
