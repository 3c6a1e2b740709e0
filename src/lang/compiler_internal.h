/* compiler_internal.h: what compiler.c, compile_stmt.c and compile_expr.c
 * share. Not part of the compiler's public API. */
#ifndef LOOPBOOK_COMPILER_INTERNAL_H
#define LOOPBOOK_COMPILER_INTERNAL_H

#include "compiler.h"
#include "opcodes.h"
#include "scope.h"

/* A protected range of the exception table: it may be split into several
 * segments (code that unwinds through it is left out). */
typedef struct {
    uint32_t seg_start;
    uint32_t handler;
    uint32_t depth; /* operand stack depth at the handler, before the exception is pushed */
    bool open;
} Range;

typedef struct {
    uint32_t start, end;
    uint32_t range;
} RawEntry;

typedef enum {
    FB_WHILE,
    FB_FOR,           /* an iterator sits on the stack */
    FB_TRY_FINALLY,   /* inside try: of try/finally; finalbody runs on the way out */
    FB_FINALLY_EXC,   /* inside the finally: run for an exception: [prev, exc] on the stack */
    FB_EXCEPT_BODY,   /* inside an except clause: [prev] on the stack */
    FB_WITH,          /* inside with: the bound __exit__ on the stack */
    FB_HANDLER_RANGE, /* a range that only protects (no unwinding code) */
    FB_POP_VALUE,     /* a finally body run for a return: the return value sits on the stack */
} FBlockKind;

typedef struct {
    FBlockKind kind;
    uint32_t loop_start;    /* continue target */
    uint32_t *breaks;       /* jump operands to patch to the loop's end */
    uint32_t n_breaks, cap_breaks;
    const NodeList *finalbody;
    int range;              /* the protected range to pause while unwinding, or -1 */
    const char *exc_name;   /* except ... as name: cleared on the way out */
    bool is_async;
} FBlock;

typedef struct Unit {
    struct Unit *parent;
    Scope *scope;
    const char *name;
    const char *qualname;
    char *qualname_buf;
    uint32_t first_line;
    uint32_t line, col;

    uint8_t *code;
    uint32_t code_len, code_cap;
    Value *consts;
    uint32_t n_consts, cap_consts;
    uint32_t *cmap; /* constant dedup: open addressing of index + 1 */
    uint32_t cmap_cap;
    ObjStr **names;
    uint32_t n_names, cap_names;
    const char **varnames;
    uint32_t n_varnames, cap_varnames;
    const char **cellnames;
    uint32_t n_cellnames, cap_cellnames;
    const char **freenames;
    uint32_t n_freenames, cap_freenames;
    LineEntry *lines;
    uint32_t n_lines, cap_lines;
    RawEntry *raw;
    uint32_t n_raw, cap_raw;
    Range *ranges;
    uint32_t n_ranges, cap_ranges;

    FBlock fblocks[64];
    int n_fblocks;
    int depth, max_depth;
    int posonly;
    int loop_depth_guard;
} Unit;

typedef struct {
    VM *vm;
    Unit *u;
    ObjList *keep; /* every object made while compiling: rooted until done */
    const char *filename;
    SyntaxErrorInfo *err;
    ScopeTable *scopes;
    CompileMode mode;
    bool failed;
    int nesting; /* expression recursion, to refuse absurd depth */
} Compiler;

/* compiler.c */
void comp_error(Compiler *c, const Node *at, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
uint32_t emit(Compiler *c, Opcode op, uint32_t arg);
uint32_t here(Compiler *c);
void patch_jump(Compiler *c, uint32_t operand_at, uint32_t target);
void patch_here(Compiler *c, uint32_t operand_at);
void set_loc(Compiler *c, const Node *n);
uint32_t add_const(Compiler *c, Value v);
void emit_const(Compiler *c, Value v);
ObjStr *intern(Compiler *c, const char *s);
uint32_t name_index(Compiler *c, const char *name);
/* A set display of more than two constants: the frozenset CPython's compiler
 * would make of it (see compile_sequence), or false. */
bool fold_const_set(Compiler *c, const NodeList *items, Value *out);
/* __name inside a class: _Class__name (CPython's private name mangling). */
const char *mangle_name(Compiler *c, const char *name);
uint32_t local_index(Compiler *c, const char *name);
uint32_t deref_index(Compiler *c, const char *name);
void load_name(Compiler *c, const char *name);
void store_name(Compiler *c, const char *name);
void delete_name(Compiler *c, const char *name);
int range_open(Compiler *c, int depth);
void range_pause(Compiler *c, int r);
void range_resume(Compiler *c, int r);
void range_set_handler(Compiler *c, int r);
FBlock *fblock_push(Compiler *c, FBlockKind kind);
void fblock_pop(Compiler *c);
void unit_enter(Compiler *c, Scope *scope, const char *name, const char *qualname, uint32_t line);
ObjCode *unit_finish(Compiler *c, uint32_t flags, int argcount, int kwonly);
/* Record how many of a function's parameters are positional-only. */
void unit_set_posonly(Compiler *c, int posonly);
void unit_abandon_all(Compiler *c);
char *child_qualname(Compiler *c, const char *name);

/* compile_stmt.c */
void compile_body(Compiler *c, const NodeList *body, bool show_last_expr);
void compile_stmts(Compiler *c, const NodeList *body);
/* Make a function object for a def / lambda (code, defaults, closure) on the stack. */
void compile_make_function(Compiler *c, const Node *def, const char *name);

/* compile_expr.c */
void compile_expr(Compiler *c, const Node *e);
/* Jump to the returned operand's target when e's truth equals jump_if. */
uint32_t compile_jump_if(Compiler *c, const Node *e, bool jump_if);
void compile_store(Compiler *c, const Node *target);
void compile_delete(Compiler *c, const Node *target);
/* Push the cells for a child scope's free variables as a tuple; false if none. */
bool compile_closure(Compiler *c, Scope *child);
/* Await TOS: GET_AWAITABLE `what` (AWAIT_*), then the delegation loop. */
void emit_await(Compiler *c, int what);
/* At the top of an `async for` (the async iterator on the stack): await the
 * next item. Returns the range that compile_loop_exit makes the loop's exit. */
int compile_async_for_head(Compiler *c);
/* Where a for / async for loop ends, after its closing jump: patch FOR_ITER's
 * exit, or (async_head_range >= 0) emit the StopAsyncIteration handler.
 * depth_with_iter: the stack depth with the iterator on it. */
void compile_loop_exit(Compiler *c, uint32_t for_iter_exit, int async_head_range, int depth_with_iter);

#endif
