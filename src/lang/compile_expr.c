/* compile_expr.c: expressions, assignment targets and comprehensions. */
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "compiler_internal.h"
#include "ops.h"

#define MAX_EXPR_NESTING 3000

static void compile_exprs(Compiler *c, const NodeList *l)
{
    for (int i = 0; i < l->len; i++) compile_expr(c, l->items[i]);
}

static bool has_starred(const NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (l->items[i]->kind == AST_STARRED) return true;
    return false;
}

/* ---- constants -------------------------------------------------------------------- */

static void compile_str_const(Compiler *c, const AstStr *s)
{
    ObjStr *str = str_intern(c->vm, s->data, s->len);
    list_append(c->vm, c->keep, OBJ_VAL(str));
    emit(c, OP_LOAD_CONST, add_const(c, OBJ_VAL(str)));
}

static void compile_int_const(Compiler *c, const Node *e)
{
    if (e->big_digits) {
        /* A big int constant: its own slot (add_const never shares objects). */
        Value v;
        if (!int_from_digits(c->vm, e->big_digits, strlen(e->big_digits), 10, false, &v)) {
            vm_take_exception(c->vm);
            comp_error(c, e, "SyntaxError", "invalid integer literal");
            return;
        }
        emit(c, OP_LOAD_CONST, add_const(c, v));
        return;
    }
    emit_const(c, INT_VAL(e->int_value));
}

/* ---- operators ------------------------------------------------------------------- */

static BinaryOp binop_of(AstOp op)
{
    switch (op) {
    case AST_ADD: return BINOP_ADD;
    case AST_SUB: return BINOP_SUB;
    case AST_MUL: return BINOP_MUL;
    case AST_DIV: return BINOP_TRUEDIV;
    case AST_FLOORDIV: return BINOP_FLOORDIV;
    case AST_MOD: return BINOP_MOD;
    case AST_POW: return BINOP_POW;
    case AST_MATMUL: return BINOP_MATMUL;
    case AST_LSHIFT: return BINOP_LSHIFT;
    case AST_RSHIFT: return BINOP_RSHIFT;
    case AST_BITAND: return BINOP_AND;
    case AST_BITOR: return BINOP_OR;
    default: return BINOP_XOR;
    }
}

void emit_binop(Compiler *c, AstOp op, bool inplace)
{
    if (!inplace && op == AST_ADD) emit(c, OP_BINARY_ADD, 0);
    else if (!inplace && op == AST_SUB) emit(c, OP_BINARY_SUB, 0);
    else if (!inplace && op == AST_MUL) emit(c, OP_BINARY_MUL, 0);
    else emit(c, OP_BINARY_OP, (uint32_t)binop_of(op) | (inplace ? 0x80u : 0u));
}

static void emit_compare(Compiler *c, AstOp op)
{
    switch (op) {
    case AST_LT: emit(c, OP_COMPARE_LT, 0); break;
    case AST_LE: emit(c, OP_COMPARE_LE, 0); break;
    case AST_EQ: emit(c, OP_COMPARE_EQ, 0); break;
    case AST_NE: emit(c, OP_COMPARE_NE, 0); break;
    case AST_GT: emit(c, OP_COMPARE_GT, 0); break;
    case AST_GE: emit(c, OP_COMPARE_GE, 0); break;
    case AST_IN: emit(c, OP_CONTAINS_OP, 0); break;
    case AST_NOT_IN: emit(c, OP_CONTAINS_OP, 1); break;
    case AST_IS: emit(c, OP_IS_OP, 0); break;
    default: emit(c, OP_IS_OP, 1); break;
    }
}

static void compile_compare(Compiler *c, const Node *e)
{
    compile_expr(c, e->a);
    int n = e->list.len;
    if (n == 1) {
        compile_expr(c, e->list.items[0]);
        set_loc(c, e);
        emit_compare(c, (AstOp)e->ops[0]);
        return;
    }
    uint32_t *cleanups = malloc((size_t)n * sizeof(uint32_t));
    if (cleanups == NULL) abort();
    for (int i = 0; i < n - 1; i++) {
        compile_expr(c, e->list.items[i]);
        emit(c, OP_SWAP, 2);
        emit(c, OP_COPY, 2);
        set_loc(c, e);
        emit_compare(c, (AstOp)e->ops[i]);
        cleanups[i] = emit(c, OP_JUMP_IF_FALSE_OR_POP, 0);
    }
    compile_expr(c, e->list.items[n - 1]);
    set_loc(c, e);
    emit_compare(c, (AstOp)e->ops[n - 1]);
    uint32_t to_end = emit(c, OP_JUMP, 0);
    int depth = c->u->depth;
    for (int i = 0; i < n - 1; i++) patch_here(c, cleanups[i]);
    c->u->depth = depth + 1; /* [x, result] */
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_TOP, 0);
    patch_here(c, to_end);
    free(cleanups);
}

static void compile_boolop(Compiler *c, const Node *e)
{
    Opcode jump = e->op == AST_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    uint32_t *ends = malloc((size_t)e->list.len * sizeof(uint32_t));
    if (ends == NULL) abort();
    int depth = c->u->depth;
    for (int i = 0; i < e->list.len - 1; i++) {
        compile_expr(c, e->list.items[i]);
        ends[i] = emit(c, jump, 0);
    }
    compile_expr(c, e->list.items[e->list.len - 1]);
    for (int i = 0; i < e->list.len - 1; i++) patch_here(c, ends[i]);
    c->u->depth = depth + 1;
    free(ends);
}

/* The fused compare-and-branch for a single ordering / equality test. */
static bool fused_compare_jump(AstOp op, Opcode *out)
{
    switch (op) {
    case AST_LT: *out = OP_JUMP_IF_NOT_LT; return true;
    case AST_LE: *out = OP_JUMP_IF_NOT_LE; return true;
    case AST_EQ: *out = OP_JUMP_IF_NOT_EQ; return true;
    case AST_NE: *out = OP_JUMP_IF_NOT_NE; return true;
    case AST_GT: *out = OP_JUMP_IF_NOT_GT; return true;
    case AST_GE: *out = OP_JUMP_IF_NOT_GE; return true;
    default: return false;
    }
}

uint32_t compile_jump_if(Compiler *c, const Node *e, bool jump_if)
{
    if (e->kind == AST_UNARYOP && e->op == AST_NOT) return compile_jump_if(c, e->a, !jump_if);
    Opcode fused;
    if (!jump_if && e->kind == AST_COMPARE && e->list.len == 1 && fused_compare_jump((AstOp)e->ops[0], &fused)) {
        compile_expr(c, e->a);
        compile_expr(c, e->list.items[0]);
        set_loc(c, e);
        return emit(c, fused, 0);
    }
    compile_expr(c, e);
    return emit(c, jump_if ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, 0);
}

static void compile_ifexp(Compiler *c, const Node *e)
{
    uint32_t to_else = compile_jump_if(c, e->a, false);
    int depth = c->u->depth;
    compile_expr(c, e->b);
    uint32_t to_end = emit(c, OP_JUMP, 0);
    patch_here(c, to_else);
    c->u->depth = depth;
    compile_expr(c, e->c);
    patch_here(c, to_end);
}

/* ---- displays ---------------------------------------------------------------------- */

/* Build a list from items that may contain *x: BUILD_LIST of the leading
 * plain items, then LIST_APPEND / LIST_EXTEND for the rest. */
static void build_list_with_stars(Compiler *c, const NodeList *items)
{
    int plain = 0;
    while (plain < items->len && plain < 0xffff && items->items[plain]->kind != AST_STARRED) plain++;
    if (plain > 256 && plain < items->len) plain = 0; /* keep the operand stack small for huge displays */
    for (int i = 0; i < plain; i++) compile_expr(c, items->items[i]);
    emit(c, OP_BUILD_LIST, (uint32_t)plain);
    for (int i = plain; i < items->len; i++) {
        const Node *it = items->items[i];
        if (it->kind == AST_STARRED) {
            compile_expr(c, it->a);
            emit(c, OP_LIST_EXTEND, 1);
        } else {
            compile_expr(c, it);
            emit(c, OP_LIST_APPEND, 1);
        }
    }
}

static void compile_sequence(Compiler *c, const Node *e)
{
    uint32_t n = (uint32_t)e->list.len;
    if (e->kind == AST_SET) {
        if (has_starred(&e->list) || n > 256) {
            emit(c, OP_BUILD_SET, 0);
            for (int i = 0; i < e->list.len; i++) {
                const Node *it = e->list.items[i];
                compile_expr(c, it->kind == AST_STARRED ? it->a : it);
                emit(c, it->kind == AST_STARRED ? OP_SET_UPDATE : OP_SET_ADD, 1);
            }
            return;
        }
        Value folded;
        if (fold_const_set(c, &e->list, &folded)) {
            emit(c, OP_BUILD_SET, 0);
            emit(c, OP_LOAD_CONST, add_const(c, folded));
            emit(c, OP_SET_UPDATE, 1);
            return;
        }
        compile_exprs(c, &e->list);
        emit(c, OP_BUILD_SET, n);
        return;
    }
    if (has_starred(&e->list) || n > 0xffff) {
        build_list_with_stars(c, &e->list);
        if (e->kind == AST_TUPLE) emit(c, OP_LIST_TO_TUPLE, 0);
        return;
    }
    compile_exprs(c, &e->list);
    emit(c, e->kind == AST_TUPLE ? OP_BUILD_TUPLE : OP_BUILD_LIST, n);
}

static void compile_dict(Compiler *c, const Node *e)
{
    int n = e->list.len;
    int run = 0; /* pairs pushed since the last BUILD_MAP / DICT_UPDATE */
    bool have_dict = false;
    for (int i = 0; i < n; i++) {
        const Node *k = e->list.items[i];
        if (k == NULL) {
            if (!have_dict || run) {
                emit(c, OP_BUILD_MAP, (uint32_t)run);
                if (have_dict) emit(c, OP_DICT_UPDATE, 1);
                have_dict = true;
                run = 0;
            }
            compile_expr(c, e->list2.items[i]);
            emit(c, OP_DICT_UPDATE, 1);
            continue;
        }
        compile_expr(c, k);
        compile_expr(c, e->list2.items[i]);
        run++;
        if (run == 0xffff) {
            emit(c, OP_BUILD_MAP, (uint32_t)run);
            if (have_dict) emit(c, OP_DICT_UPDATE, 1);
            have_dict = true;
            run = 0;
        }
    }
    if (!have_dict || run) {
        emit(c, OP_BUILD_MAP, (uint32_t)run);
        if (have_dict) emit(c, OP_DICT_UPDATE, 1);
    }
}

/* ---- f-strings -------------------------------------------------------------------- */

static void compile_formatted(Compiler *c, const Node *e)
{
    compile_expr(c, e->a);
    uint32_t flags = 0;
    if (e->conversion == 's') flags = 1;
    else if (e->conversion == 'r') flags = 2;
    else if (e->conversion == 'a') flags = 3;
    if (e->b) {
        compile_expr(c, e->b);
        flags |= 4;
    }
    emit(c, OP_FORMAT_VALUE, flags);
}

static void compile_joined(Compiler *c, const Node *e)
{
    if (e->list.len == 0) {
        AstStr empty = {"", 0};
        compile_str_const(c, &empty);
        return;
    }
    for (int i = 0; i < e->list.len; i++) compile_expr(c, e->list.items[i]);
    if (e->list.len > 1 || e->list.items[0]->kind != AST_FORMATTED_VALUE) {
        emit(c, OP_BUILD_STRING, (uint32_t)e->list.len);
    }
}

/* ---- calls ---------------------------------------------------------------------- */

static bool simple_keywords(const NodeList *kws)
{
    for (int i = 0; i < kws->len; i++)
        if (kws->items[i]->name == NULL) return false;
    return true;
}

static void check_keywords(Compiler *c, const NodeList *kws)
{
    for (int i = 0; i < kws->len; i++) {
        const char *a = kws->items[i]->name;
        if (a == NULL) continue;
        for (int j = i + 1; j < kws->len; j++) {
            const char *b = kws->items[j]->name;
            if (b && strcmp(a, b) == 0) {
                comp_error(c, kws->items[j], "SyntaxError", "keyword argument repeated: %s", a);
                return;
            }
        }
    }
}

static void push_kwnames(Compiler *c, const NodeList *kws)
{
    ObjTuple *t = tuple_new(c->vm, NULL, (uint32_t)kws->len);
    list_append(c->vm, c->keep, OBJ_VAL(t));
    for (int i = 0; i < kws->len; i++) t->items[i] = OBJ_VAL(intern(c, kws->items[i]->name));
    emit(c, OP_LOAD_CONST, add_const(c, OBJ_VAL(t)));
}

/* The general call: positional args as a tuple, keywords as a dict. */
static void compile_call_ex(Compiler *c, const Node *e)
{
    if (e->list.len == 1 && e->list.items[0]->kind == AST_STARRED) {
        /* f(*x): an error about x names f, as CPython's does */
        emit(c, OP_BUILD_LIST, 0);
        compile_expr(c, e->list.items[0]->a);
        emit(c, OP_LIST_EXTEND, 1 | 0x8000);
    } else {
        build_list_with_stars(c, &e->list);
    }
    emit(c, OP_LIST_TO_TUPLE, 0);
    if (e->keywords.len == 0) {
        emit(c, OP_CALL_EX, 0);
        return;
    }
    int run = 0;
    bool have_dict = false;
    for (int i = 0; i < e->keywords.len; i++) {
        const Node *kw = e->keywords.items[i];
        if (kw->name == NULL) {
            if (!have_dict || run) {
                emit(c, OP_BUILD_MAP, (uint32_t)run);
                if (have_dict) emit(c, OP_DICT_MERGE, 1);
                have_dict = true;
                run = 0;
            }
            compile_expr(c, kw->a);
            emit(c, OP_DICT_MERGE, 1);
            continue;
        }
        compile_str_const(c, &(AstStr){kw->name, strlen(kw->name)});
        compile_expr(c, kw->a);
        run++;
    }
    if (!have_dict || run) {
        emit(c, OP_BUILD_MAP, (uint32_t)run);
        if (have_dict) emit(c, OP_DICT_MERGE, 1);
    }
    emit(c, OP_CALL_EX, 1);
}

static void compile_call(Compiler *c, const Node *e)
{
    check_keywords(c, &e->keywords);
    const Node *f = e->a;
    bool method = f->kind == AST_ATTRIBUTE && !has_starred(&e->list) && simple_keywords(&e->keywords);
    if (method) {
        compile_expr(c, f->a);
        set_loc(c, f);
        emit(c, OP_LOAD_METHOD, name_index(c, mangle_name(c, f->name)));
    } else {
        compile_expr(c, f);
    }
    if (has_starred(&e->list) || !simple_keywords(&e->keywords) || e->list.len + e->keywords.len > 0xff00) {
        compile_call_ex(c, e);
        return;
    }
    compile_exprs(c, &e->list);
    for (int i = 0; i < e->keywords.len; i++) compile_expr(c, e->keywords.items[i]->a);
    uint32_t n = (uint32_t)(e->list.len + e->keywords.len);
    set_loc(c, e);
    if (e->keywords.len) {
        push_kwnames(c, &e->keywords);
        emit(c, method ? OP_CALL_METHOD_KW : OP_CALL_KW, n);
    } else {
        emit(c, method ? OP_CALL_METHOD : OP_CALL, n);
    }
}

/* ---- subscripts and slices ------------------------------------------------------ */

static void compile_slice(Compiler *c, const Node *e)
{
    if (e->a) compile_expr(c, e->a);
    else emit(c, OP_LOAD_NONE, 0);
    if (e->b) compile_expr(c, e->b);
    else emit(c, OP_LOAD_NONE, 0);
    if (e->c) {
        compile_expr(c, e->c);
        emit(c, OP_BUILD_SLICE, 3);
    } else {
        emit(c, OP_BUILD_SLICE, 2);
    }
}

/* ---- comprehensions ------------------------------------------------------------- */

bool compile_closure(Compiler *c, Scope *child)
{
    uint32_t n = 0;
    for (int i = 0; i < child->n_symbols; i++) {
        const char *name = child->symbols[i].name;
        if (scope_name_kind(child, name) != NAME_FREE) continue;
        emit(c, OP_LOAD_CLOSURE, deref_index(c, name));
        n++;
    }
    if (n == 0) return false;
    emit(c, OP_BUILD_TUPLE, n);
    return true;
}

static void comprehension_loop(Compiler *c, const Node *e, int clause)
{
    const Node *cl = e->list.items[clause];
    if (clause == 0) {
        emit(c, OP_LOAD_FAST, local_index(c, ".0"));
    } else {
        compile_expr(c, cl->b);
        emit(c, cl->is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    }
    int depth_with_iter = c->u->depth;
    uint32_t top = here(c);
    uint32_t exit = 0;
    int head_range = -1;
    if (cl->is_async) head_range = compile_async_for_head(c);
    else exit = emit(c, OP_FOR_ITER, 0);
    compile_store(c, cl->a);
    uint32_t *skips = calloc((size_t)cl->list.len + 1, sizeof(uint32_t));
    if (skips == NULL) abort();
    for (int i = 0; i < cl->list.len; i++) skips[i] = compile_jump_if(c, cl->list.items[i], false);
    if (clause + 1 < e->list.len) {
        comprehension_loop(c, e, clause + 1);
    } else {
        /* the result collection sits below one iterator per clause */
        uint32_t below = (uint32_t)(clause + 1 + 1);
        switch (e->kind) {
        case AST_LIST_COMP:
            compile_expr(c, e->a);
            emit(c, OP_LIST_APPEND, below);
            break;
        case AST_SET_COMP:
            compile_expr(c, e->a);
            emit(c, OP_SET_ADD, below);
            break;
        case AST_DICT_COMP:
            compile_expr(c, e->a);
            compile_expr(c, e->b);
            emit(c, OP_MAP_ADD, below);
            break;
        default:
            compile_expr(c, e->a);
            emit(c, OP_YIELD_VALUE, YIELD_PLAIN);
            emit(c, OP_POP_TOP, 0);
            break;
        }
    }
    for (int i = 0; i < cl->list.len; i++) patch_jump(c, skips[i], top);
    free(skips);
    emit(c, OP_LOOP, top);
    compile_loop_exit(c, exit, head_range, depth_with_iter);
}

static void compile_comprehension(Compiler *c, const Node *e)
{
    Scope *s = scope_for_node(c->scopes, e);
    char *qual = child_qualname(c, s->name);
    bool has_closure = compile_closure(c, s);
    unit_enter(c, s, s->name, qual, e->line);
    c->u->qualname_buf = qual;
    set_loc(c, e);
    switch (e->kind) {
    case AST_LIST_COMP: emit(c, OP_BUILD_LIST, 0); break;
    case AST_SET_COMP: emit(c, OP_BUILD_SET, 0); break;
    case AST_DICT_COMP: emit(c, OP_BUILD_MAP, 0); break;
    default: break;
    }
    comprehension_loop(c, e, 0);
    if (e->kind == AST_GENERATOR_EXP) emit(c, OP_LOAD_NONE, 0);
    emit(c, OP_RETURN_VALUE, 0);
    uint32_t flags = e->kind == AST_GENERATOR_EXP ? CODE_GENERATOR : 0;
    if (s->is_coroutine) flags |= CODE_COROUTINE;
    ObjCode *code = unit_finish(c, flags, 1, 0);
    if (c->failed) return;
    emit(c, OP_LOAD_CONST, add_const(c, OBJ_VAL(code)));
    emit(c, OP_MAKE_FUNCTION, has_closure ? 4 : 0);
    compile_expr(c, e->list.items[0]->b);
    emit(c, e->list.items[0]->is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    emit(c, OP_CALL, 1);
    /* an asynchronous list / set / dict comprehension is a coroutine: await it
       here (an asynchronous generator expression is an async generator) */
    if (s->is_coroutine && e->kind != AST_GENERATOR_EXP) emit_await(c, AWAIT_PLAIN);
}

/* ---- awaiting ------------------------------------------------------------------------ */

/* The loop of `yield from` / `await` (its shape, which generator.c reads, is
 * described in opcodes.h): drive the delegate on the stack until it returns;
 * its result takes its place. */
static void emit_delegation_loop(Compiler *c)
{
    emit(c, OP_LOAD_NONE, 0);
    uint32_t top = here(c);
    uint32_t done = emit(c, OP_SEND, 0);
    emit(c, OP_YIELD_VALUE, YIELD_DELEGATED);
    emit(c, OP_JUMP, top);
    patch_here(c, done);
    c->u->depth -= 1; /* [delegate, sent] became [result] */
}

void emit_await(Compiler *c, int what)
{
    emit(c, OP_GET_AWAITABLE, (uint32_t)what);
    emit_delegation_loop(c);
}

int compile_async_for_head(Compiler *c)
{
    int r = range_open(c, c->u->depth);
    emit(c, OP_GET_ANEXT, 0); /* pushes what to drive: no GET_AWAITABLE */
    emit_delegation_loop(c);
    range_pause(c, r);
    return r;
}

void compile_loop_exit(Compiler *c, uint32_t for_iter_exit, int async_head_range, int depth_with_iter)
{
    if (async_head_range >= 0) {
        /* [aiter, exc]: StopAsyncIteration ends the loop, anything else propagates */
        c->u->depth = depth_with_iter + 1;
        range_set_handler(c, async_head_range);
        emit(c, OP_END_ASYNC_FOR, 0);
    } else {
        patch_here(c, for_iter_exit);
        c->u->depth = depth_with_iter - 1; /* FOR_ITER popped the iterator */
    }
}

/* ---- the dispatcher ----------------------------------------------------------------- */

static void compile_expr_kind(Compiler *c, const Node *e)
{
    switch (e->kind) {
    case AST_NAME: load_name(c, e->name); break;
    case AST_CONST_NONE: emit(c, OP_LOAD_NONE, 0); break;
    case AST_CONST_TRUE: emit(c, OP_LOAD_TRUE, 0); break;
    case AST_CONST_FALSE: emit(c, OP_LOAD_FALSE, 0); break;
    case AST_CONST_ELLIPSIS: emit(c, OP_LOAD_CONST, add_const(c, c->vm->ellipsis)); break;
    case AST_CONST_INT: compile_int_const(c, e); break;
    case AST_CONST_FLOAT: emit(c, OP_LOAD_CONST, add_const(c, FLOAT_VAL(e->float_value))); break;
    case AST_CONST_IMAG: comp_error(c, e, "NotImplementedError", "complex numbers are not supported"); break;
    case AST_CONST_BYTES: comp_error(c, e, "NotImplementedError", "bytes literals are not supported"); break;
    case AST_CONST_STR: compile_str_const(c, &e->str); break;
    case AST_JOINED_STR: compile_joined(c, e); break;
    case AST_FORMATTED_VALUE: compile_formatted(c, e); break;
    case AST_BINOP:
        compile_expr(c, e->a);
        compile_expr(c, e->b);
        set_loc(c, e);
        emit_binop(c, (AstOp)e->op, false);
        break;
    case AST_UNARYOP:
        compile_expr(c, e->a);
        set_loc(c, e);
        emit(c, e->op == AST_NEG ? OP_UNARY_NEG : e->op == AST_POS ? OP_UNARY_POS : e->op == AST_INVERT ? OP_UNARY_INVERT : OP_UNARY_NOT, 0);
        break;
    case AST_BOOLOP: compile_boolop(c, e); break;
    case AST_COMPARE: compile_compare(c, e); break;
    case AST_CALL: compile_call(c, e); break;
    case AST_ATTRIBUTE:
        compile_expr(c, e->a);
        set_loc(c, e);
        emit(c, OP_LOAD_ATTR, name_index(c, mangle_name(c, e->name)));
        break;
    case AST_SUBSCRIPT:
        compile_expr(c, e->a);
        compile_expr(c, e->b);
        set_loc(c, e);
        emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case AST_SLICE: compile_slice(c, e); break;
    case AST_STARRED: comp_error(c, e, "SyntaxError", "can't use starred expression here"); break;
    case AST_LIST:
    case AST_TUPLE:
    case AST_SET: compile_sequence(c, e); break;
    case AST_DICT: compile_dict(c, e); break;
    case AST_LIST_COMP:
    case AST_SET_COMP:
    case AST_DICT_COMP:
    case AST_GENERATOR_EXP: compile_comprehension(c, e); break;
    case AST_IF_EXP: compile_ifexp(c, e); break;
    case AST_LAMBDA: compile_make_function(c, e, "<lambda>"); break;
    case AST_NAMED_EXPR:
        compile_expr(c, e->b);
        emit(c, OP_COPY, 1);
        store_name(c, e->a->name);
        break;
    case AST_AWAIT:
        compile_expr(c, e->a);
        set_loc(c, e);
        emit_await(c, AWAIT_PLAIN);
        break;
    case AST_YIELD:
        if (e->a) compile_expr(c, e->a);
        else emit(c, OP_LOAD_NONE, 0);
        emit(c, OP_YIELD_VALUE, YIELD_PLAIN);
        break;
    case AST_YIELD_FROM:
        compile_expr(c, e->a);
        emit(c, OP_GET_YIELD_FROM_ITER, 0);
        emit_delegation_loop(c);
        break;
    default: comp_error(c, e, "SyntaxError", "invalid syntax"); break;
    }
}

void compile_expr(Compiler *c, const Node *e)
{
    if (c->failed) return;
    if (++c->nesting > MAX_EXPR_NESTING) {
        comp_error(c, e, "RecursionError", "maximum recursion depth exceeded during compilation");
        c->nesting--;
        return;
    }
    uint32_t line = c->u->line, col = c->u->col;
    set_loc(c, e);
    compile_expr_kind(c, e);
    c->u->line = line;
    c->u->col = col;
    c->nesting--;
}

/* ---- targets ------------------------------------------------------------------------- */

static void compile_unpack(Compiler *c, const Node *t)
{
    int n = t->list.len;
    int star = -1;
    for (int i = 0; i < n; i++) {
        if (t->list.items[i]->kind != AST_STARRED) continue;
        if (star >= 0) {
            comp_error(c, t->list.items[i], "SyntaxError", "multiple starred expressions in assignment");
            return;
        }
        star = i;
    }
    if (star < 0) {
        emit(c, OP_UNPACK_SEQUENCE, (uint32_t)n);
    } else {
        emit(c, OP_UNPACK_EX, (uint32_t)star | ((uint32_t)(n - star - 1) << 16));
    }
    for (int i = 0; i < n; i++) {
        const Node *it = t->list.items[i];
        compile_store(c, it->kind == AST_STARRED ? it->a : it);
    }
}

void compile_store(Compiler *c, const Node *t)
{
    if (c->failed) return;
    set_loc(c, t);
    switch (t->kind) {
    case AST_NAME: store_name(c, t->name); break;
    case AST_ATTRIBUTE:
        compile_expr(c, t->a);
        set_loc(c, t);
        emit(c, OP_STORE_ATTR, name_index(c, mangle_name(c, t->name)));
        break;
    case AST_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        set_loc(c, t);
        emit(c, OP_STORE_SUBSCR, 0);
        break;
    case AST_TUPLE:
    case AST_LIST: compile_unpack(c, t); break;
    case AST_STARRED: comp_error(c, t, "SyntaxError", "starred assignment target must be in a list or tuple"); break;
    default: comp_error(c, t, "SyntaxError", "cannot assign to expression"); break;
    }
}

void compile_delete(Compiler *c, const Node *t)
{
    set_loc(c, t);
    switch (t->kind) {
    case AST_NAME: delete_name(c, t->name); break;
    case AST_ATTRIBUTE:
        compile_expr(c, t->a);
        emit(c, OP_DELETE_ATTR, name_index(c, mangle_name(c, t->name)));
        break;
    case AST_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        emit(c, OP_DELETE_SUBSCR, 0);
        break;
    case AST_TUPLE:
    case AST_LIST:
        for (int i = 0; i < t->list.len; i++) compile_delete(c, t->list.items[i]);
        break;
    default: comp_error(c, t, "SyntaxError", "cannot delete expression"); break;
    }
}
