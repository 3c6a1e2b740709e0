/* compile_stmt.c: statements, functions and classes, and the compile-time
 * unwinding of break / continue / return through finally, with and except. */
#include <stdlib.h>
#include <string.h>

#include "compiler_internal.h"

void emit_binop(Compiler *c, AstOp op, bool inplace);

static void compile_stmt(Compiler *c, const Node *s);

void compile_stmts(Compiler *c, const NodeList *body)
{
    for (int i = 0; i < body->len && !c->failed; i++) compile_stmt(c, body->items[i]);
}

void compile_body(Compiler *c, const NodeList *body, bool show_last_expr)
{
    for (int i = 0; i < body->len && !c->failed; i++) {
        const Node *s = body->items[i];
        if (show_last_expr && i == body->len - 1 && s->kind == AST_EXPR_STMT) {
            set_loc(c, s);
            compile_expr(c, s->a);
            emit(c, OP_PRINT_EXPR, 0);
        } else {
            compile_stmt(c, s);
        }
    }
}

/* ---- unwinding ------------------------------------------------------------------- */

/* Leave a with block normally: exit(None, None, None), awaited for async with. */
static void call_exit_with_nones(Compiler *c, bool is_async)
{
    emit(c, OP_LOAD_NONE, 0);
    emit(c, OP_LOAD_NONE, 0);
    emit(c, OP_LOAD_NONE, 0);
    emit(c, OP_CALL, 3);
    if (is_async) emit_await(c, AWAIT_AEXIT);
    emit(c, OP_POP_TOP, 0);
}

static void clear_exc_name(Compiler *c, const char *name)
{
    if (name == NULL) return;
    emit(c, OP_LOAD_NONE, 0);
    store_name(c, name);
    delete_name(c, name);
}

/* A break / continue / return leaves the try part of block `index` (a
 * try/finally): emit its finally body here. The body is compiled as if that
 * block and the ones inside it were gone, so that its own break / continue /
 * return unwind only the blocks around the try. Its loops, tries and withs
 * push blocks into those places: the blocks are saved and put back, since
 * the statement being compiled still unwinds the outer ones, and its end
 * resumes their protected ranges and patches their breaks. A return value
 * on the stack becomes a POP_VALUE block, dropped by a break / continue /
 * return inside the body. */
static void unwind_finally(Compiler *c, int index, bool preserve_tos)
{
    Unit *u = c->u;
    int saved_n = u->n_fblocks;
    size_t n_saved = (size_t)(saved_n - index);
    FBlock *saved = malloc(n_saved * sizeof(FBlock));
    if (saved == NULL) abort();
    memcpy(saved, &u->fblocks[index], n_saved * sizeof(FBlock));
    u->n_fblocks = index;
    if (preserve_tos) fblock_push(c, FB_POP_VALUE);
    compile_stmts(c, saved[0].finalbody);
    memcpy(&u->fblocks[index], saved, n_saved * sizeof(FBlock));
    u->n_fblocks = saved_n;
    free(saved);
}

/* Emit the code that leaves block b on the way out of a break / continue /
 * return. preserve_tos: a return value sits on top and must survive. */
static void unwind_block(Compiler *c, int index, bool preserve_tos)
{
    Unit *u = c->u;
    FBlock *b = &u->fblocks[index];
    if (b->range >= 0) range_pause(c, b->range);
    switch (b->kind) {
    case FB_WHILE:
    case FB_HANDLER_RANGE: break;
    case FB_FOR:
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_ITER, 0);
        break;
    case FB_WITH:
        if (preserve_tos) emit(c, OP_SWAP, 2);
        call_exit_with_nones(c, b->is_async);
        break;
    case FB_EXCEPT_BODY:
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_EXCEPT, 0);
        clear_exc_name(c, b->exc_name);
        break;
    case FB_FINALLY_EXC:
        /* [prev, exc] under the value */
        if (preserve_tos) {
            emit(c, OP_SWAP, 2);
            emit(c, OP_POP_TOP, 0);
            emit(c, OP_SWAP, 2);
        } else {
            emit(c, OP_POP_TOP, 0);
        }
        emit(c, OP_POP_EXCEPT, 0);
        break;
    case FB_POP_VALUE:
        if (preserve_tos) emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        break;
    case FB_TRY_FINALLY: unwind_finally(c, index, preserve_tos); break;
    }
}

/* After the unwinding code (for a break or continue that jumps away, or a
 * return), the blocks' ranges protect the code that follows again. */
static void resume_ranges(Compiler *c, int from)
{
    for (int i = from; i < c->u->n_fblocks; i++)
        if (c->u->fblocks[i].range >= 0) range_resume(c, c->u->fblocks[i].range);
}

static int innermost_loop(Compiler *c)
{
    for (int i = c->u->n_fblocks - 1; i >= 0; i--) {
        FBlockKind k = c->u->fblocks[i].kind;
        if (k == FB_WHILE || k == FB_FOR) return i;
    }
    return -1;
}

static void compile_break_continue(Compiler *c, const Node *s)
{
    bool is_break = s->kind == AST_BREAK;
    int loop = innermost_loop(c);
    if (loop < 0) {
        comp_error(c, s, "SyntaxError", is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    }
    int depth = c->u->depth;
    for (int i = c->u->n_fblocks - 1; i > loop; i--) unwind_block(c, i, false);
    FBlock *b = &c->u->fblocks[loop];
    if (is_break) {
        if (b->kind == FB_FOR) emit(c, OP_POP_ITER, 0);
        uint32_t j = emit(c, OP_JUMP, 0);
        b->breaks = realloc(b->breaks, (b->n_breaks + 1) * sizeof(uint32_t));
        if (b->breaks == NULL) abort();
        b->breaks[b->n_breaks++] = j;
    } else {
        emit(c, OP_LOOP, b->loop_start);
    }
    resume_ranges(c, loop + 1);
    c->u->depth = depth;
}

static void compile_return(Compiler *c, const Node *s)
{
    if (c->u->scope->kind != SCOPE_FUNCTION) {
        comp_error(c, s, "SyntaxError", "'return' outside function");
        return;
    }
    if (s->a && c->u->scope->is_generator && c->u->scope->is_coroutine) {
        comp_error(c, s, "SyntaxError", "'return' with value in async generator");
        return;
    }
    int depth = c->u->depth;
    if (s->a) compile_expr(c, s->a);
    else emit(c, OP_LOAD_NONE, 0);
    for (int i = c->u->n_fblocks - 1; i >= 0; i--) unwind_block(c, i, true);
    set_loc(c, s);
    emit(c, OP_RETURN_VALUE, 0);
    resume_ranges(c, 0);
    c->u->depth = depth;
}

/* ---- simple statements ----------------------------------------------------------- */

static void compile_assign(Compiler *c, const Node *s)
{
    compile_expr(c, s->a);
    for (int i = 0; i < s->list.len; i++) {
        if (i < s->list.len - 1) emit(c, OP_COPY, 1);
        compile_store(c, s->list.items[i]);
    }
}

static void compile_aug_assign(Compiler *c, const Node *s)
{
    const Node *t = s->a;
    switch (t->kind) {
    case AST_NAME:
        if (s->op == AST_ADD && scope_name_kind(c->u->scope, t->name) == NAME_LOCAL) {
            /* s += t on a local can append in place (linear-time string building) */
            compile_expr(c, s->b);
            set_loc(c, s);
            emit(c, OP_INPLACE_ADD_FAST, local_index(c, t->name));
            break;
        }
        load_name(c, t->name);
        compile_expr(c, s->b);
        set_loc(c, s);
        emit_binop(c, (AstOp)s->op, true);
        store_name(c, t->name);
        break;
    case AST_ATTRIBUTE:
        compile_expr(c, t->a);
        emit(c, OP_COPY, 1);
        emit(c, OP_LOAD_ATTR, name_index(c, mangle_name(c, t->name)));
        compile_expr(c, s->b);
        set_loc(c, s);
        emit_binop(c, (AstOp)s->op, true);
        emit(c, OP_SWAP, 2);
        emit(c, OP_STORE_ATTR, name_index(c, mangle_name(c, t->name)));
        break;
    case AST_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        emit(c, OP_COPY, 2);
        emit(c, OP_COPY, 2);
        emit(c, OP_BINARY_SUBSCR, 0);
        compile_expr(c, s->b);
        set_loc(c, s);
        emit_binop(c, (AstOp)s->op, true);
        emit(c, OP_SWAP, 3);
        emit(c, OP_SWAP, 2);
        emit(c, OP_STORE_SUBSCR, 0);
        break;
    default: comp_error(c, t, "SyntaxError", "'%s' is an illegal expression for augmented assignment", "expression"); break;
    }
}

static void compile_ann_assign(Compiler *c, const Node *s)
{
    if (s->c == NULL) return; /* annotations are not evaluated */
    compile_expr(c, s->c);
    compile_store(c, s->a);
}

static void compile_assert(Compiler *c, const Node *s)
{
    uint32_t ok = compile_jump_if(c, s->a, true);
    emit(c, OP_LOAD_ASSERTION_ERROR, 0);
    if (s->b) {
        compile_expr(c, s->b);
        emit(c, OP_CALL, 1);
    }
    set_loc(c, s);
    emit(c, OP_RAISE, 1);
    patch_here(c, ok);
}

static void compile_raise(Compiler *c, const Node *s)
{
    int n = 0;
    if (s->a) {
        compile_expr(c, s->a);
        n = 1;
        if (s->b) {
            compile_expr(c, s->b);
            n = 2;
        }
    }
    set_loc(c, s);
    emit(c, OP_RAISE, (uint32_t)n);
}

static void compile_import(Compiler *c, const Node *s)
{
    for (int i = 0; i < s->list.len; i++) {
        const Node *alias = s->list.items[i];
        set_loc(c, alias);
        emit(c, OP_IMPORT_NAME, name_index(c, alias->name));
        if (alias->asname) {
            store_name(c, alias->asname);
        } else {
            const char *dot = strchr(alias->name, '.');
            if (dot) {
                comp_error(c, alias, "NotImplementedError", "packages are not supported: there is no '%s'", alias->name);
                return;
            }
            store_name(c, alias->name);
        }
    }
}

static void compile_import_from(Compiler *c, const Node *s)
{
    if (s->level > 0) {
        comp_error(c, s, "ImportError", "attempted relative import with no known parent package");
        return;
    }
    emit(c, OP_IMPORT_NAME, name_index(c, s->name));
    for (int i = 0; i < s->list.len; i++) {
        const Node *alias = s->list.items[i];
        if (strcmp(alias->name, "*") == 0) {
            comp_error(c, alias, "NotImplementedError", "'from %s import *' is not supported", s->name);
            return;
        }
        emit(c, OP_IMPORT_FROM, name_index(c, alias->name));
        store_name(c, alias->asname ? alias->asname : alias->name);
    }
    emit(c, OP_POP_TOP, 0);
}

/* ---- control flow --------------------------------------------------------------- */

static void compile_if(Compiler *c, const Node *s)
{
    uint32_t to_else = compile_jump_if(c, s->a, false);
    compile_stmts(c, &s->body);
    if (s->orelse.len) {
        uint32_t to_end = emit(c, OP_JUMP, 0);
        patch_here(c, to_else);
        compile_stmts(c, &s->orelse);
        patch_here(c, to_end);
    } else {
        patch_here(c, to_else);
    }
}

static void patch_breaks(Compiler *c, FBlock *b)
{
    for (uint32_t i = 0; i < b->n_breaks; i++) patch_here(c, b->breaks[i]);
    free(b->breaks);
    b->breaks = NULL;
}

static void compile_while(Compiler *c, const Node *s)
{
    uint32_t top = here(c);
    uint32_t to_else = compile_jump_if(c, s->a, false);
    FBlock *b = fblock_push(c, FB_WHILE);
    b->loop_start = top;
    compile_stmts(c, &s->body);
    emit(c, OP_LOOP, top);
    FBlock done = c->u->fblocks[c->u->n_fblocks - 1];
    fblock_pop(c);
    patch_here(c, to_else);
    compile_stmts(c, &s->orelse);
    patch_breaks(c, &done);
}

static void compile_for(Compiler *c, const Node *s)
{
    compile_expr(c, s->b);
    set_loc(c, s);
    emit(c, s->is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    int depth_with_iter = c->u->depth;
    uint32_t top = here(c);
    uint32_t exit = 0;
    int head_range = -1;
    if (s->is_async) head_range = compile_async_for_head(c);
    else exit = emit(c, OP_FOR_ITER, 0);
    FBlock *b = fblock_push(c, FB_FOR);
    b->loop_start = top;
    compile_store(c, s->a);
    compile_stmts(c, &s->body);
    emit(c, OP_LOOP, top);
    FBlock done = c->u->fblocks[c->u->n_fblocks - 1];
    fblock_pop(c);
    set_loc(c, s);
    compile_loop_exit(c, exit, head_range, depth_with_iter);
    compile_stmts(c, &s->orelse);
    patch_breaks(c, &done);
}

/* ---- try ------------------------------------------------------------------------------- */

/* The shared tail of handlers: [prev, exc] -> restore exc_info, re-raise. */
static void emit_restore_and_reraise(Compiler *c)
{
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_RERAISE, 0);
}

static void compile_handler_clause(Compiler *c, const Node *h, int base_depth, uint32_t *to_end)
{
    /* stack: [prev, exc] */
    set_loc(c, h);
    uint32_t no_match = 0;
    bool typed = h->a != NULL;
    if (typed) {
        compile_expr(c, h->a);
        emit(c, OP_CHECK_EXC_MATCH, 0);
        no_match = emit(c, OP_POP_JUMP_IF_FALSE, 0);
    }
    if (h->name) store_name(c, h->name);
    else emit(c, OP_POP_TOP, 0);
    /* stack: [prev] */
    FBlock *b = fblock_push(c, FB_EXCEPT_BODY);
    b->exc_name = h->name;
    int name_range = -1;
    if (h->name) {
        /* If the body raises, the name is still cleared. */
        name_range = range_open(c, base_depth + 1);
        b->range = name_range;
    }
    compile_stmts(c, &h->body);
    fblock_pop(c);
    if (name_range >= 0) range_pause(c, name_range);
    emit(c, OP_POP_EXCEPT, 0);
    clear_exc_name(c, h->name);
    *to_end = emit(c, OP_JUMP, 0);
    if (name_range >= 0) {
        /* [prev, exc2]: clear the name and re-raise into the try's cleanup
         * range, which restores prev. (Restoring it here too would have the
         * cleanup restore a stale slot: exc2 would stay "being handled".) */
        c->u->depth = base_depth + 2;
        range_set_handler(c, name_range);
        clear_exc_name(c, h->name);
        emit(c, OP_RERAISE, 0);
    }
    c->u->depth = base_depth + 2;
    if (typed) patch_here(c, no_match);
}

static void compile_try_except(Compiler *c, const Node *s)
{
    int base = c->u->depth;
    int body_range = range_open(c, base);
    FBlock *b = fblock_push(c, FB_HANDLER_RANGE);
    b->range = body_range;
    compile_stmts(c, &s->body);
    fblock_pop(c);
    range_pause(c, body_range);
    compile_stmts(c, &s->orelse);
    uint32_t to_end = emit(c, OP_JUMP, 0);

    /* the handlers: [exc] */
    c->u->depth = base + 1;
    range_set_handler(c, body_range);
    emit(c, OP_PUSH_EXC_INFO, 0);
    int cleanup = range_open(c, base + 1);
    uint32_t *ends = calloc((size_t)s->handlers.len + 1, sizeof(uint32_t));
    if (ends == NULL) abort();
    for (int i = 0; i < s->handlers.len && !c->failed; i++) {
        const Node *h = s->handlers.items[i];
        if (h->a == NULL && i != s->handlers.len - 1) {
            comp_error(c, h, "SyntaxError", "default 'except:' must be last");
            break;
        }
        FBlock *hb = fblock_push(c, FB_HANDLER_RANGE);
        hb->range = cleanup;
        compile_handler_clause(c, h, base, &ends[i]);
        fblock_pop(c);
    }
    /* nothing matched: re-raise with exc_info restored */
    emit(c, OP_RERAISE, 0);
    range_pause(c, cleanup);
    c->u->depth = base + 2;
    range_set_handler(c, cleanup);
    emit_restore_and_reraise(c);
    for (int i = 0; i < s->handlers.len; i++)
        if (ends[i]) patch_here(c, ends[i]);
    free(ends);
    patch_here(c, to_end);
    c->u->depth = base;
}

static void compile_try_finally(Compiler *c, const Node *s)
{
    int base = c->u->depth;
    int body_range = range_open(c, base);
    FBlock *b = fblock_push(c, FB_TRY_FINALLY);
    b->range = body_range;
    b->finalbody = &s->finalbody;
    if (s->handlers.len) compile_try_except(c, s);
    else compile_stmts(c, &s->body);
    fblock_pop(c);
    range_pause(c, body_range);
    compile_stmts(c, &s->finalbody);
    uint32_t to_end = emit(c, OP_JUMP, 0);

    c->u->depth = base + 1;
    range_set_handler(c, body_range);
    emit(c, OP_PUSH_EXC_INFO, 0);
    int cleanup = range_open(c, base + 1);
    FBlock *fb = fblock_push(c, FB_FINALLY_EXC);
    fb->range = cleanup;
    compile_stmts(c, &s->finalbody);
    fblock_pop(c);
    emit(c, OP_RERAISE, 0);
    range_pause(c, cleanup);
    c->u->depth = base + 2;
    range_set_handler(c, cleanup);
    emit_restore_and_reraise(c);
    patch_here(c, to_end);
    c->u->depth = base;
}

static void compile_try(Compiler *c, const Node *s)
{
    if (s->flag) {
        /* point at the first except* clause, not at the try */
        comp_error(c, s->handlers.len ? s->handlers.items[0] : s, "NotImplementedError",
                   "'except*' is not supported");
        return;
    }
    if (s->finalbody.len) compile_try_finally(c, s);
    else compile_try_except(c, s);
}

/* ---- with ----------------------------------------------------------------------------- */

static void compile_with_items(Compiler *c, const Node *s, int item)
{
    if (item == s->list.len) {
        compile_stmts(c, &s->body);
        return;
    }
    const Node *it = s->list.items[item];
    compile_expr(c, it->a);
    set_loc(c, it);
    int base = c->u->depth - 1;
    if (s->is_async) {
        emit(c, OP_BEFORE_ASYNC_WITH, 0);
        emit_await(c, AWAIT_AENTER);
    } else {
        emit(c, OP_BEFORE_WITH, 0);
    }
    /* [exit, entered] */
    int body_range = range_open(c, base + 1);
    FBlock *b = fblock_push(c, FB_WITH);
    b->range = body_range;
    b->is_async = s->is_async;
    if (it->b) compile_store(c, it->b);
    else emit(c, OP_POP_TOP, 0);
    compile_with_items(c, s, item + 1);
    fblock_pop(c);
    range_pause(c, body_range);
    set_loc(c, s);
    call_exit_with_nones(c, s->is_async);
    uint32_t to_end = emit(c, OP_JUMP, 0);

    /* [exit, exc] */
    c->u->depth = base + 2;
    range_set_handler(c, body_range);
    emit(c, OP_PUSH_EXC_INFO, 0); /* [exit, prev, exc] */
    int cleanup = range_open(c, base + 2);
    emit(c, OP_WITH_EXCEPT_START, 0); /* [exit, prev, exc, result] */
    if (s->is_async) emit_await(c, AWAIT_AEXIT);
    uint32_t suppress = emit(c, OP_POP_JUMP_IF_TRUE, 0);
    emit(c, OP_RERAISE, 0);
    range_pause(c, cleanup);
    c->u->depth = base + 3;
    patch_here(c, suppress);
    emit(c, OP_POP_TOP, 0);    /* exc */
    emit(c, OP_POP_EXCEPT, 0); /* prev */
    emit(c, OP_POP_TOP, 0);    /* exit */
    uint32_t to_end2 = emit(c, OP_JUMP, 0);
    c->u->depth = base + 3;
    range_set_handler(c, cleanup);
    emit_restore_and_reraise(c);
    patch_here(c, to_end);
    patch_here(c, to_end2);
    c->u->depth = base;
}

/* ---- functions and classes ------------------------------------------------------ */

static void compile_defaults(Compiler *c, const AstArgs *args, uint32_t *flags)
{
    if (args == NULL) return;
    if (args->defaults.len) {
        for (int i = 0; i < args->defaults.len; i++) compile_expr(c, args->defaults.items[i]);
        emit(c, OP_BUILD_TUPLE, (uint32_t)args->defaults.len);
        *flags |= 1;
    }
    int n_kw = 0;
    for (int i = 0; i < args->kw_defaults.len; i++) {
        if (args->kw_defaults.items[i] == NULL) continue;
        const char *name = args->kwonly.items[i]->name;
        ObjStr *key = intern(c, name);
        emit(c, OP_LOAD_CONST, add_const(c, OBJ_VAL(key)));
        compile_expr(c, args->kw_defaults.items[i]);
        n_kw++;
    }
    if (n_kw) {
        emit(c, OP_BUILD_MAP, (uint32_t)n_kw);
        *flags |= 2;
    }
}

static uint32_t code_flags_of(const Scope *s)
{
    uint32_t f = 0;
    if (s->is_generator) f |= CODE_GENERATOR;
    if (s->is_coroutine) f |= CODE_COROUTINE;
    return f;
}

void compile_make_function(Compiler *c, const Node *def, const char *name)
{
    Scope *s = scope_for_node(c->scopes, def);
    const AstArgs *args = def->args;
    uint32_t flags = 0;
    compile_defaults(c, args, &flags);
    if (compile_closure(c, s)) flags |= 4;
    char *qual = child_qualname(c, name);
    unit_enter(c, s, name, qual, def->line);
    c->u->qualname_buf = qual;
    /* As in CPython 3.11, the first constant is the docstring (__doc__), or
       None when there is none. */
    const Node *first = def->kind != AST_LAMBDA && def->body.len > 0 ? def->body.items[0] : NULL;
    if (first && first->kind == AST_EXPR_STMT && first->a->kind == AST_CONST_STR) {
        ObjStr *doc = str_intern(c->vm, first->a->str.data, first->a->str.len);
        list_append(c->vm, c->keep, OBJ_VAL(doc));
        add_const(c, OBJ_VAL(doc));
    } else {
        add_const(c, NONE_VAL);
    }
    if (def->kind == AST_LAMBDA) {
        compile_expr(c, def->a);
        emit(c, OP_RETURN_VALUE, 0);
    } else {
        compile_stmts(c, &def->body);
        emit(c, OP_LOAD_NONE, 0);
        emit(c, OP_RETURN_VALUE, 0);
    }
    uint32_t cflags = code_flags_of(s);
    int argcount = args ? args->posonly.len + args->args.len : 0;
    int kwonly = args ? args->kwonly.len : 0;
    if (args && args->vararg) cflags |= CODE_VARARGS;
    if (args && args->kwarg) cflags |= CODE_VARKW;
    if (args) unit_set_posonly(c, args->posonly.len);
    ObjCode *code = unit_finish(c, cflags, argcount, kwonly);
    if (c->failed) return;
    set_loc(c, def);
    emit(c, OP_LOAD_CONST, add_const(c, OBJ_VAL(code)));
    emit(c, OP_MAKE_FUNCTION, flags);
}

static void apply_decorators(Compiler *c, const NodeList *decorators)
{
    for (int i = 0; i < decorators->len; i++) emit(c, OP_CALL, 1);
}

static void compile_function_def(Compiler *c, const Node *s)
{
    /* decorators are evaluated first, applied innermost first */
    for (int i = 0; i < s->decorators.len; i++) compile_expr(c, s->decorators.items[i]);
    compile_make_function(c, s, s->name);
    apply_decorators(c, &s->decorators);
    store_name(c, s->name);
}

static void compile_class_body(Compiler *c, const Node *s, Scope *cs)
{
    char *qual = child_qualname(c, s->name);
    unit_enter(c, cs, s->name, qual, s->line);
    c->u->qualname_buf = qual;
    /* __module__ and __qualname__ as CPython's class bodies set them */
    load_name(c, "__name__");
    store_name(c, "__module__");
    emit(c, OP_LOAD_CONST, add_const(c, OBJ_VAL(intern(c, qual))));
    store_name(c, "__qualname__");
    /* a docstring becomes __doc__, as in CPython's class bodies */
    if (s->body.len > 0 && s->body.items[0]->kind == AST_EXPR_STMT &&
        s->body.items[0]->a->kind == AST_CONST_STR) {
        set_loc(c, s->body.items[0]);
        compile_expr(c, s->body.items[0]->a);
        store_name(c, "__doc__");
    }
    compile_stmts(c, &s->body);
    if (cs->class_has_cell) emit(c, OP_LOAD_CLOSURE, deref_index(c, "__class__"));
    else emit(c, OP_LOAD_NONE, 0);
    emit(c, OP_RETURN_VALUE, 0);
}

static void compile_class_def(Compiler *c, const Node *s)
{
    Scope *cs = scope_for_node(c->scopes, s);
    for (int i = 0; i < s->keywords.len; i++) {
        const Node *kw = s->keywords.items[i];
        if (kw->name && strcmp(kw->name, "metaclass") == 0)
            comp_error(c, kw, "NotImplementedError", "metaclasses (class %s(metaclass=...)) are not supported",
                       s->name);
        else
            comp_error(c, kw, "NotImplementedError", "class keyword arguments are not supported");
        return;
    }
    for (int i = 0; i < s->decorators.len; i++) compile_expr(c, s->decorators.items[i]);
    emit(c, OP_LOAD_BUILD_CLASS, 0);
    uint32_t flags = compile_closure(c, cs) ? 4 : 0;
    compile_class_body(c, s, cs);
    ObjCode *code = unit_finish(c, CODE_CLASS_BODY, 0, 0);
    if (c->failed) return;
    set_loc(c, s);
    emit(c, OP_LOAD_CONST, add_const(c, OBJ_VAL(code)));
    emit(c, OP_MAKE_FUNCTION, flags);
    emit(c, OP_LOAD_CONST, add_const(c, OBJ_VAL(intern(c, s->name))));
    for (int i = 0; i < s->list.len; i++) compile_expr(c, s->list.items[i]);
    uint32_t n = (uint32_t)(2 + s->list.len + s->keywords.len);
    for (int i = 0; i < s->keywords.len; i++) {
        if (s->keywords.items[i]->name == NULL) {
            comp_error(c, s, "NotImplementedError", "class keyword arguments with ** are not supported");
            return;
        }
        compile_expr(c, s->keywords.items[i]->a);
    }
    if (s->keywords.len) {
        ObjTuple *t = tuple_new(c->vm, NULL, (uint32_t)s->keywords.len);
        list_append(c->vm, c->keep, OBJ_VAL(t));
        for (int i = 0; i < s->keywords.len; i++) t->items[i] = OBJ_VAL(intern(c, s->keywords.items[i]->name));
        emit(c, OP_LOAD_CONST, add_const(c, OBJ_VAL(t)));
        emit(c, OP_CALL_KW, n);
    } else {
        emit(c, OP_CALL, n);
    }
    apply_decorators(c, &s->decorators);
    store_name(c, s->name);
}

/* ---- the dispatcher ----------------------------------------------------------------- */

/* A call whose value is dropped pops it with POP_CALL_RESULT, which warns
 * when that is a coroutine never started: `f()` written for `await f()`.
 * The warning names the statement's first line, as CPython's does. */
static void compile_expr_stmt(Compiler *c, const Node *s)
{
    compile_expr(c, s->a);
    if (s->a->kind == AST_CALL) {
        set_loc(c, s);
        emit(c, OP_POP_CALL_RESULT, 0);
    } else {
        emit(c, OP_POP_TOP, 0);
    }
}

static void compile_stmt(Compiler *c, const Node *s)
{
    set_loc(c, s);
    switch (s->kind) {
    case AST_EXPR_STMT: compile_expr_stmt(c, s); break;
    case AST_ASSIGN: compile_assign(c, s); break;
    case AST_AUG_ASSIGN: compile_aug_assign(c, s); break;
    case AST_ANN_ASSIGN: compile_ann_assign(c, s); break;
    case AST_IF: compile_if(c, s); break;
    case AST_WHILE: compile_while(c, s); break;
    case AST_FOR: compile_for(c, s); break;
    case AST_BREAK:
    case AST_CONTINUE: compile_break_continue(c, s); break;
    case AST_PASS: break;
    case AST_RETURN: compile_return(c, s); break;
    case AST_FUNCTION_DEF: compile_function_def(c, s); break;
    case AST_CLASS_DEF: compile_class_def(c, s); break;
    case AST_GLOBAL:
    case AST_NONLOCAL: break;
    case AST_TRY: compile_try(c, s); break;
    case AST_RAISE: compile_raise(c, s); break;
    case AST_ASSERT: compile_assert(c, s); break;
    case AST_DELETE:
        for (int i = 0; i < s->list.len; i++) compile_delete(c, s->list.items[i]);
        break;
    case AST_IMPORT: compile_import(c, s); break;
    case AST_IMPORT_FROM: compile_import_from(c, s); break;
    case AST_WITH: compile_with_items(c, s, 0); break;
    case AST_MATCH: comp_error(c, s, "NotImplementedError", "the match statement is not supported"); break;
    default: comp_error(c, s, "SyntaxError", "invalid syntax"); break;
    }
}
