/* scope.c: symbol tables. Pass one walks the tree and records, per scope,
 * what each name does there (assigned, used, declared global / nonlocal);
 * pass two resolves free variables against the enclosing functions. */
#include "scope.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    ScopeTable *table;
    Arena *arena; /* the module's: names made here live as long as the tree */
    const char *filename;
    bool allow_top_await;
    SyntaxErrorInfo *err;
    bool failed;
} Analyzer;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (q == NULL) abort();
    return q;
}

static void fail(Analyzer *an, const Node *at, const char *fmt, ...)
{
    if (an->failed) return;
    an->failed = true;
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    memset(an->err, 0, sizeof *an->err);
    an->err->kind = "SyntaxError";
    an->err->message = strdup(buf);
    an->err->filename = strdup(an->filename);
    an->err->line = at ? at->line : 1;
    an->err->col = at ? at->col + 1 : 1;
    an->err->end_col = at && at->end_line == at->line ? at->end_col + 1 : 0;
    an->err->to_line_end = at && at->end_line > at->line;
}

/* ---- scopes and symbols ------------------------------------------------------ */

static Scope *new_scope(Analyzer *an, ScopeKind kind, const Node *node, Scope *parent, const char *name)
{
    Scope *s = calloc(1, sizeof(Scope));
    if (s == NULL) abort();
    s->kind = kind;
    s->node = node;
    s->parent = parent;
    s->name = name;
    ScopeTable *t = an->table;
    if (t->n_all == t->cap_all) {
        t->cap_all = t->cap_all ? t->cap_all * 2 : 16;
        t->all = xrealloc(t->all, (size_t)t->cap_all * sizeof(Scope *));
    }
    t->all[t->n_all++] = s;
    if (parent) {
        if (parent->n_children == parent->cap_children) {
            parent->cap_children = parent->cap_children ? parent->cap_children * 2 : 4;
            parent->children = xrealloc(parent->children, (size_t)parent->cap_children * sizeof(Scope *));
        }
        parent->children[parent->n_children++] = s;
    }
    return s;
}

Symbol *scope_find(const Scope *s, const char *name)
{
    for (int i = 0; i < s->n_symbols; i++)
        if (strcmp(s->symbols[i].name, name) == 0) return &s->symbols[i];
    return NULL;
}

static Symbol *add_symbol(Scope *s, const char *name, uint32_t flags)
{
    Symbol *sym = scope_find(s, name);
    if (sym == NULL) {
        if (s->n_symbols == s->cap_symbols) {
            s->cap_symbols = s->cap_symbols ? s->cap_symbols * 2 : 8;
            s->symbols = xrealloc(s->symbols, (size_t)s->cap_symbols * sizeof(Symbol));
        }
        sym = &s->symbols[s->n_symbols++];
        sym->name = name;
        sym->flags = 0;
        sym->declared_at = NULL;
    }
    sym->flags |= flags;
    return sym;
}

static void add_param(Analyzer *an, Scope *s, const Node *at, const char *name)
{
    Symbol *prev = scope_find(s, name);
    if (prev && (prev->flags & SYM_PARAM)) {
        fail(an, at, "duplicate argument '%s' in function definition", name);
        return;
    }
    s->params = xrealloc(s->params, (size_t)(s->n_params + 1) * sizeof(char *));
    s->params[s->n_params++] = name;
    add_symbol(s, name, SYM_PARAM | SYM_ASSIGNED);
}

/* ---- pass one: the walk --------------------------------------------------------- */

static void visit_expr(Analyzer *an, Scope *s, const Node *e);
static void visit_stmts(Analyzer *an, Scope *s, const NodeList *body);

static void visit_exprs(Analyzer *an, Scope *s, const NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (l->items[i]) visit_expr(an, s, l->items[i]);
}

static void bind_name(Analyzer *an, Scope *s, const Node *at, const char *name)
{
    (void)an;
    (void)at;
    add_symbol(s, name, SYM_ASSIGNED);
}

static void visit_target(Analyzer *an, Scope *s, const Node *t)
{
    switch (t->kind) {
    case AST_NAME: bind_name(an, s, t, t->name); break;
    case AST_TUPLE:
    case AST_LIST:
        for (int i = 0; i < t->list.len; i++) visit_target(an, s, t->list.items[i]);
        break;
    case AST_STARRED: visit_target(an, s, t->a); break;
    default: visit_expr(an, s, t); break; /* attribute / subscript: their parts are loads */
    }
}

static void visit_args_defaults(Analyzer *an, Scope *s, const AstArgs *args)
{
    if (args == NULL) return;
    visit_exprs(an, s, &args->defaults);
    visit_exprs(an, s, &args->kw_defaults);
}

static void declare_params(Analyzer *an, Scope *fs, const Node *def, const AstArgs *args)
{
    if (args == NULL) return;
    for (int i = 0; i < args->posonly.len; i++) add_param(an, fs, def, args->posonly.items[i]->name);
    for (int i = 0; i < args->args.len; i++) add_param(an, fs, def, args->args.items[i]->name);
    for (int i = 0; i < args->kwonly.len; i++) add_param(an, fs, def, args->kwonly.items[i]->name);
    if (args->vararg) add_param(an, fs, def, args->vararg->name);
    if (args->kwarg) add_param(an, fs, def, args->kwarg->name);
}

static void visit_function(Analyzer *an, Scope *s, const Node *def)
{
    visit_exprs(an, s, &def->decorators);
    visit_args_defaults(an, s, def->args);
    bool is_lambda = def->kind == AST_LAMBDA;
    Scope *fs = new_scope(an, SCOPE_FUNCTION, def, s, is_lambda ? "<lambda>" : def->name);
    fs->is_coroutine = def->is_async;
    declare_params(an, fs, def, def->args);
    if (is_lambda)
        visit_expr(an, fs, def->a);
    else
        visit_stmts(an, fs, &def->body);
    if (!is_lambda) bind_name(an, s, def, def->name);
}

static void visit_class(Analyzer *an, Scope *s, const Node *def)
{
    visit_exprs(an, s, &def->decorators);
    visit_exprs(an, s, &def->list);
    for (int i = 0; i < def->keywords.len; i++) visit_expr(an, s, def->keywords.items[i]->a);
    Scope *cs = new_scope(an, SCOPE_CLASS, def, s, def->name);
    visit_stmts(an, cs, &def->body);
    bind_name(an, s, def, def->name);
}

/* The nearest scope that is not a comprehension: where := binds. */
static Scope *binding_scope_for_walrus(Scope *s)
{
    while (s->kind == SCOPE_COMPREHENSION) s = s->parent;
    return s;
}

/* Where a suspension point may stand: in an async def, or at the top level
 * of a notebook cell (which then runs as a coroutine). */
static bool may_suspend_in(const Analyzer *an, const Scope *s)
{
    if (s->kind == SCOPE_MODULE) return an->allow_top_await;
    return s->kind == SCOPE_FUNCTION && s->is_coroutine;
}

/* `async for` / `async with` directly in s. */
static void note_async_statement(Analyzer *an, Scope *s, const Node *st)
{
    if (!may_suspend_in(an, s)) {
        fail(an, st, "'async %s' outside async function", st->kind == AST_FOR ? "for" : "with");
        return;
    }
    s->has_await = true;
}

/* A list / set / dict comprehension that awaits is a coroutine that s, where
 * it stands, awaits. As in CPython 3.11, a comprehension holding one becomes
 * asynchronous itself. */
static void note_async_comprehension(Analyzer *an, Scope *s, const Node *e)
{
    if (s->kind == SCOPE_COMPREHENSION) {
        s->is_coroutine = true;
    } else if (!may_suspend_in(an, s)) {
        fail(an, e, "asynchronous comprehension outside of an asynchronous function");
        return;
    }
    s->has_await = true;
}

static void visit_comprehension(Analyzer *an, Scope *s, const Node *e)
{
    const NodeList *clauses = &e->list;
    /* The first iterable is evaluated outside, in the enclosing scope. */
    visit_expr(an, s, clauses->items[0]->b);
    const char *name = e->kind == AST_LIST_COMP       ? "<listcomp>"
                       : e->kind == AST_SET_COMP      ? "<setcomp>"
                       : e->kind == AST_DICT_COMP     ? "<dictcomp>"
                                                      : "<genexpr>";
    Scope *cs = new_scope(an, SCOPE_COMPREHENSION, e, s, name);
    add_param(an, cs, e, ".0");
    cs->is_generator = e->kind == AST_GENERATOR_EXP;
    for (int i = 0; i < clauses->len; i++) {
        const Node *c = clauses->items[i];
        if (c->is_async) cs->is_coroutine = true;
        if (i > 0) visit_expr(an, cs, c->b);
        visit_target(an, cs, c->a);
        visit_exprs(an, cs, &c->list);
    }
    if (e->kind == AST_DICT_COMP) {
        visit_expr(an, cs, e->a);
        visit_expr(an, cs, e->b);
    } else {
        visit_expr(an, cs, e->a);
    }
    /* an asynchronous generator expression is an async generator: nothing awaits it */
    if (cs->is_coroutine && e->kind != AST_GENERATOR_EXP) note_async_comprehension(an, s, e);
}

/* Inside any comprehension, await makes the comprehension asynchronous; the
 * comprehension's own check (above) decides whether that is allowed. */
static void visit_await(Analyzer *an, Scope *s, const Node *e)
{
    if (s->kind == SCOPE_COMPREHENSION) {
        s->is_coroutine = true;
    } else if (s->kind == SCOPE_MODULE) {
        if (!an->allow_top_await) fail(an, e, "'await' outside function");
    } else if (s->kind == SCOPE_CLASS) {
        fail(an, e, "'await' outside function");
    } else if (!s->is_coroutine) {
        fail(an, e, "'await' outside async function");
    }
    s->has_await = true;
}

static void visit_expr(Analyzer *an, Scope *s, const Node *e)
{
    if (e == NULL || an->failed) return;
    switch (e->kind) {
    case AST_NAME:
        add_symbol(s, e->name, SYM_USED);
        if (strcmp(e->name, "super") == 0 && s->kind == SCOPE_FUNCTION && s->parent &&
            s->parent->kind == SCOPE_CLASS)
            s->needs_class_cell = true;
        break;
    case AST_LAMBDA: visit_function(an, s, e); break;
    case AST_LIST_COMP:
    case AST_SET_COMP:
    case AST_DICT_COMP:
    case AST_GENERATOR_EXP: visit_comprehension(an, s, e); break;
    case AST_NAMED_EXPR: {
        Scope *target = binding_scope_for_walrus(s);
        if (target != s && target->kind == SCOPE_CLASS) {
            fail(an, e, "assignment expression within a comprehension cannot be used in a class body");
            return;
        }
        visit_expr(an, s, e->b);
        bind_name(an, target, e->a, e->a->name);
        if (target != s) add_symbol(s, e->a->name, SYM_USED);
        break;
    }
    case AST_YIELD:
    case AST_YIELD_FROM:
        if (s->kind == SCOPE_MODULE || s->kind == SCOPE_CLASS) {
            fail(an, e, "'yield' outside function");
            return;
        }
        if (s->kind == SCOPE_COMPREHENSION) {
            fail(an, e, "'yield' inside %s", s->node && s->node->kind == AST_GENERATOR_EXP ? "generator expression" : "list comprehension");
            return;
        }
        if (e->kind == AST_YIELD_FROM && s->is_coroutine) {
            fail(an, e, "'yield from' inside async function");
            return;
        }
        s->is_generator = true;
        visit_expr(an, s, e->a);
        break;
    case AST_AWAIT:
        visit_await(an, s, e);
        visit_expr(an, s, e->a);
        break;
    default:
        visit_expr(an, s, e->a);
        visit_expr(an, s, e->b);
        visit_expr(an, s, e->c);
        visit_exprs(an, s, &e->list);
        visit_exprs(an, s, &e->list2);
        visit_exprs(an, s, &e->keywords);
        break;
    }
}

static void declare_global_or_nonlocal(Analyzer *an, Scope *s, const Node *st)
{
    bool global = st->kind == AST_GLOBAL;
    for (int i = 0; i < st->n_names; i++) {
        const char *name = st->names[i];
        Symbol *sym = scope_find(s, name);
        if (sym && (sym->flags & SYM_PARAM)) {
            fail(an, st, "name '%s' is parameter and %s", name, global ? "global" : "nonlocal");
            return;
        }
        if (sym && (sym->flags & SYM_ASSIGNED)) {
            fail(an, st, "name '%s' is assigned to before %s declaration", name, global ? "global" : "nonlocal");
            return;
        }
        if (sym && (sym->flags & SYM_USED)) {
            fail(an, st, "name '%s' is used prior to %s declaration", name, global ? "global" : "nonlocal");
            return;
        }
        if (!global && s->kind == SCOPE_MODULE) {
            fail(an, st, "nonlocal declaration not allowed at module level");
            return;
        }
        add_symbol(s, name, global ? SYM_GLOBAL : SYM_NONLOCAL)->declared_at = st;
    }
}

static void visit_import(Analyzer *an, Scope *s, const Node *st)
{
    for (int i = 0; i < st->list.len; i++) {
        const Node *alias = st->list.items[i];
        if (strcmp(alias->name, "*") == 0) {
            if (s->kind != SCOPE_MODULE) fail(an, st, "import * only allowed at module level");
            continue;
        }
        if (alias->asname) {
            bind_name(an, s, alias, alias->asname);
        } else if (st->kind == AST_IMPORT) {
            /* `import a.b` binds `a` */
            const char *dot = strchr(alias->name, '.');
            if (dot) {
                size_t n = (size_t)(dot - alias->name);
                bind_name(an, s, alias, arena_strndup(an->arena, alias->name, n));
            } else {
                bind_name(an, s, alias, alias->name);
            }
        } else {
            bind_name(an, s, alias, alias->name);
        }
    }
}

static void visit_stmt(Analyzer *an, Scope *s, const Node *st)
{
    if (an->failed) return;
    switch (st->kind) {
    case AST_FUNCTION_DEF: visit_function(an, s, st); break;
    case AST_CLASS_DEF: visit_class(an, s, st); break;
    case AST_ASSIGN:
        visit_expr(an, s, st->a);
        for (int i = 0; i < st->list.len; i++) visit_target(an, s, st->list.items[i]);
        break;
    case AST_AUG_ASSIGN:
        visit_expr(an, s, st->b);
        if (st->a->kind == AST_NAME) add_symbol(s, st->a->name, SYM_USED);
        visit_target(an, s, st->a);
        break;
    case AST_ANN_ASSIGN:
        visit_expr(an, s, st->c);
        if (st->a->kind == AST_NAME) {
            if (st->c || s->kind == SCOPE_FUNCTION) bind_name(an, s, st->a, st->a->name);
        } else {
            visit_target(an, s, st->a);
        }
        break;
    case AST_FOR:
        if (st->is_async) note_async_statement(an, s, st);
        visit_expr(an, s, st->b);
        visit_target(an, s, st->a);
        visit_stmts(an, s, &st->body);
        visit_stmts(an, s, &st->orelse);
        break;
    case AST_WITH:
        if (st->is_async) note_async_statement(an, s, st);
        for (int i = 0; i < st->list.len; i++) {
            const Node *item = st->list.items[i];
            visit_expr(an, s, item->a);
            if (item->b) visit_target(an, s, item->b);
        }
        visit_stmts(an, s, &st->body);
        break;
    case AST_TRY:
        visit_stmts(an, s, &st->body);
        for (int i = 0; i < st->handlers.len; i++) {
            const Node *h = st->handlers.items[i];
            visit_expr(an, s, h->a);
            if (h->name) bind_name(an, s, h, h->name);
            visit_stmts(an, s, &h->body);
        }
        visit_stmts(an, s, &st->orelse);
        visit_stmts(an, s, &st->finalbody);
        break;
    case AST_GLOBAL:
    case AST_NONLOCAL: declare_global_or_nonlocal(an, s, st); break;
    case AST_DELETE:
        for (int i = 0; i < st->list.len; i++) visit_target(an, s, st->list.items[i]);
        break;
    case AST_IMPORT:
    case AST_IMPORT_FROM: visit_import(an, s, st); break;
    case AST_RETURN:
        visit_expr(an, s, st->a);
        break;
    default:
        visit_expr(an, s, st->a);
        visit_expr(an, s, st->b);
        visit_expr(an, s, st->c);
        visit_exprs(an, s, &st->list);
        visit_stmts(an, s, &st->body);
        visit_stmts(an, s, &st->orelse);
        visit_stmts(an, s, &st->finalbody);
        break;
    }
}

static void visit_stmts(Analyzer *an, Scope *s, const NodeList *body)
{
    for (int i = 0; i < body->len && !an->failed; i++) visit_stmt(an, s, body->items[i]);
}

/* ---- pass two: free variables -------------------------------------------------- */

static bool is_local_binding(const Symbol *sym)
{
    return sym && (sym->flags & (SYM_ASSIGNED | SYM_PARAM)) && !(sym->flags & (SYM_GLOBAL | SYM_NONLOCAL));
}

/* Find the function scope above s that binds name, marking it CELL and every
 * scope in between FREE. Returns false when no function binds it. */
static bool capture_from_enclosing(Scope *s, const char *name)
{
    for (Scope *up = s->parent; up != NULL; up = up->parent) {
        if (up->kind == SCOPE_MODULE) return false;
        if (up->kind == SCOPE_CLASS) continue;
        Symbol *sym = scope_find(up, name);
        if (sym && (sym->flags & SYM_GLOBAL)) return false;
        if (is_local_binding(sym)) {
            sym->flags |= SYM_CELL;
            for (Scope *mid = s->parent; mid != up; mid = mid->parent)
                add_symbol(mid, name, SYM_FREE);
            return true;
        }
        if (sym && (sym->flags & SYM_NONLOCAL)) {
            /* up gets it from further out: it will be resolved as free too */
            continue;
        }
    }
    return false;
}

static void resolve_scope(Analyzer *an, Scope *s)
{
    if (s->needs_class_cell) {
        add_symbol(s, "__class__", SYM_FREE | SYM_USED);
        add_symbol(s->parent, "__class__", SYM_CELL | SYM_ASSIGNED);
        s->parent->class_has_cell = true;
    }
    for (int i = 0; i < s->n_symbols && !an->failed; i++) {
        Symbol *sym = &s->symbols[i];
        if (sym->flags & SYM_GLOBAL) continue;
        if (s->kind == SCOPE_MODULE) continue;
        if (sym->flags & SYM_NONLOCAL) {
            if (!capture_from_enclosing(s, sym->name)) {
                fail(an, sym->declared_at ? sym->declared_at : s->node, "no binding for nonlocal '%s' found", sym->name);
                return;
            }
            sym->flags |= SYM_FREE;
            continue;
        }
        if (is_local_binding(sym)) continue;
        if (sym->flags & SYM_FREE) continue;
        if (capture_from_enclosing(s, sym->name)) sym->flags |= SYM_FREE;
    }
    for (int i = 0; i < s->n_children && !an->failed; i++) resolve_scope(an, s->children[i]);
}

/* Children are resolved after their parent, but a grandchild's capture marks
 * its parent FREE after the parent was resolved: free marks only ever add, so
 * resolving top-down once and letting captures mark intermediates is enough. */
bool scope_analyze(const AstModule *m, const char *filename, bool allow_top_await, ScopeTable *out,
                   SyntaxErrorInfo *err)
{
    memset(out, 0, sizeof *out);
    Analyzer an = {.table = out, .arena = (Arena *)&m->arena, .filename = filename, .allow_top_await = allow_top_await, .err = err};
    out->module = new_scope(&an, SCOPE_MODULE, NULL, NULL, "<module>");
    visit_stmts(&an, out->module, &m->body);
    if (!an.failed) resolve_scope(&an, out->module);
    if (an.failed) {
        scope_table_free(out);
        return false;
    }
    return true;
}

Scope *scope_for_node(const ScopeTable *t, const Node *node)
{
    for (int i = 0; i < t->n_all; i++)
        if (t->all[i]->node == node) return t->all[i];
    return NULL;
}

NameKind scope_name_kind(const Scope *s, const char *name)
{
    const Symbol *sym = scope_find(s, name);
    uint32_t f = sym ? sym->flags : 0;
    if (f & SYM_GLOBAL) return NAME_GLOBAL_EXPLICIT;
    if (s->kind == SCOPE_MODULE) return NAME_GLOBAL_IMPLICIT;
    if (s->kind == SCOPE_CLASS) {
        if (strcmp(name, "__class__") == 0 && (f & SYM_CELL)) return NAME_CELL;
        if ((f & SYM_FREE) && !(f & SYM_ASSIGNED)) return NAME_FREE;
        return NAME_CLASS_OR_MODULE;
    }
    if (f & SYM_FREE) return NAME_FREE;
    if ((f & SYM_CELL) && (f & (SYM_ASSIGNED | SYM_PARAM))) return NAME_CELL;
    if (f & (SYM_ASSIGNED | SYM_PARAM)) return NAME_LOCAL;
    return NAME_GLOBAL_IMPLICIT;
}

void scope_table_free(ScopeTable *t)
{
    for (int i = 0; i < t->n_all; i++) {
        Scope *s = t->all[i];
        free(s->symbols);
        free(s->params);
        free(s->children);
        free(s);
    }
    free(t->all);
    memset(t, 0, sizeof *t);
}
