/* compiler.c: the emitter. One Unit per function being compiled; statements
 * and expressions append bytecode to it. try/finally, with and except bodies
 * are unwound at compile time (break, continue and return emit the cleanup
 * inline), so the VM needs no block stack: only an exception table of
 * protected ranges. */
#include "compiler.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compiler_internal.h"
#include "gc.h"
#include "lexer.h"
#include "opcodes.h"
#include "ops.h"
#include "set.h"

#define MAX_FBLOCKS 64

/* ---- errors ------------------------------------------------------------------ */

void comp_error(Compiler *c, const Node *at, const char *kind, const char *fmt, ...)
{
    if (c->failed) return;
    c->failed = true;
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    memset(c->err, 0, sizeof *c->err);
    c->err->kind = kind;
    c->err->message = strdup(buf);
    c->err->filename = strdup(c->filename);
    c->err->line = at ? at->line : 1;
    c->err->col = at ? at->col + 1 : 1;
    c->err->end_col = at && at->end_line == at->line ? at->end_col + 1 : 0;
    c->err->to_line_end = at && at->end_line > at->line;
}

/* ---- growable arrays ------------------------------------------------------------ */

static void *grow(void *p, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap) return p;
    uint32_t n = *cap ? *cap : 8;
    while (n < need) n *= 2;
    void *q = realloc(p, (size_t)n * elem);
    if (q == NULL) abort();
    *cap = n;
    return q;
}

/* ---- emitting ---------------------------------------------------------------------- */

static int stack_effect(Opcode op, uint32_t arg)
{
    switch (op) {
    case OP_POP_TOP:
    case OP_POP_ITER:
    case OP_POP_CALL_RESULT:
    case OP_STORE_FAST:
    case OP_STORE_DEREF:
    case OP_STORE_GLOBAL:
    case OP_STORE_NAME:
    case OP_DELETE_ATTR:
    case OP_BINARY_SUBSCR:
    case OP_BINARY_ADD:
    case OP_BINARY_SUB:
    case OP_BINARY_MUL:
    case OP_BINARY_OP:
    case OP_COMPARE_LT:
    case OP_COMPARE_LE:
    case OP_COMPARE_EQ:
    case OP_COMPARE_NE:
    case OP_COMPARE_GT:
    case OP_COMPARE_GE:
    case OP_IS_OP:
    case OP_CONTAINS_OP:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
    case OP_LIST_APPEND:
    case OP_SET_ADD:
    case OP_LIST_EXTEND:
    case OP_SET_UPDATE:
    case OP_DICT_UPDATE:
    case OP_DICT_MERGE:
    case OP_RETURN_VALUE:
    case OP_RERAISE:
    case OP_POP_EXCEPT:
    case OP_PRINT_EXPR:
    case OP_INPLACE_ADD_FAST: return -1;
    case OP_COPY:
    case OP_LOAD_CONST:
    case OP_LOAD_NONE:
    case OP_LOAD_TRUE:
    case OP_LOAD_FALSE:
    case OP_LOAD_SMALL_INT:
    case OP_LOAD_FAST:
    case OP_LOAD_DEREF:
    case OP_LOAD_CLOSURE:
    case OP_LOAD_GLOBAL:
    case OP_LOAD_NAME:
    case OP_LOAD_METHOD:
    case OP_FOR_ITER:
    case OP_LOAD_BUILD_CLASS:
    case OP_PUSH_EXC_INFO:
    case OP_LOAD_ASSERTION_ERROR:
    case OP_BEFORE_WITH:
    case OP_BEFORE_ASYNC_WITH:
    case OP_GET_ANEXT:
    case OP_WITH_EXCEPT_START:
    case OP_IMPORT_NAME:
    case OP_IMPORT_FROM: return 1;
    case OP_STORE_ATTR:
    case OP_DELETE_SUBSCR:
    case OP_JUMP_IF_NOT_LT:
    case OP_JUMP_IF_NOT_LE:
    case OP_JUMP_IF_NOT_EQ:
    case OP_JUMP_IF_NOT_NE:
    case OP_JUMP_IF_NOT_GT:
    case OP_JUMP_IF_NOT_GE:
    case OP_END_ASYNC_FOR:
    case OP_MAP_ADD: return -2;
    case OP_STORE_SUBSCR: return -3;
    case OP_BUILD_SLICE: return 1 - (int)arg;
    case OP_BUILD_TUPLE:
    case OP_BUILD_LIST:
    case OP_BUILD_SET:
    case OP_BUILD_STRING: return 1 - (int)arg;
    case OP_BUILD_MAP: return 1 - 2 * (int)arg;
    case OP_UNPACK_SEQUENCE: return (int)arg - 1;
    case OP_UNPACK_EX: return (int)(arg & 0xffff) + (int)(arg >> 16);
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_MAKE_FUNCTION: return -(((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0));
    case OP_CALL: return -(int)arg;
    case OP_CALL_METHOD:
    case OP_CALL_KW: return -(int)arg - 1;
    case OP_CALL_METHOD_KW: return -(int)arg - 2;
    case OP_CALL_EX: return -1 - (int)arg;
    case OP_RAISE: return -(int)arg;
    case OP_SEND: return 0;
    default: return 0;
    }
}

static void set_depth(Unit *u, int depth)
{
    u->depth = depth;
    if (depth > u->max_depth) u->max_depth = depth;
}

static void add_line_entry(Unit *u)
{
    if (u->n_lines > 0 && u->lines[u->n_lines - 1].line == u->line &&
        u->lines[u->n_lines - 1].col == u->col)
        return;
    if (u->n_lines > 0 && u->lines[u->n_lines - 1].offset == u->code_len) {
        u->lines[u->n_lines - 1].line = u->line;
        u->lines[u->n_lines - 1].col = u->col;
        return;
    }
    u->lines = grow(u->lines, &u->cap_lines, u->n_lines + 1, sizeof(LineEntry));
    u->lines[u->n_lines++] = (LineEntry){u->code_len, u->line, u->col};
}

static void emit_bytes(Unit *u, const void *p, uint32_t n)
{
    u->code = grow(u->code, &u->code_cap, u->code_len + n, 1);
    memcpy(u->code + u->code_len, p, n);
    u->code_len += n;
}

/* Emit op with its operand; returns the offset of the operand (for patching). */
uint32_t emit(Compiler *c, Opcode op, uint32_t arg)
{
    Unit *u = c->u;
    add_line_entry(u);
    uint8_t b = (uint8_t)op;
    emit_bytes(u, &b, 1);
    uint32_t at = u->code_len;
    switch (opcode_formats[op]) {
    case OPFMT_N: break;
    case OPFMT_B: {
        uint8_t v = (uint8_t)arg;
        emit_bytes(u, &v, 1);
        break;
    }
    case OPFMT_H: {
        uint16_t v = (uint16_t)arg;
        emit_bytes(u, &v, 2);
        break;
    }
    case OPFMT_HH: {
        uint16_t v[2] = {(uint16_t)(arg & 0xffff), (uint16_t)(arg >> 16)};
        emit_bytes(u, v, 4);
        break;
    }
    case OPFMT_W: emit_bytes(u, &arg, 4); break;
    }
    set_depth(u, u->depth + stack_effect(op, arg));
    return at;
}

uint32_t here(Compiler *c)
{
    return c->u->code_len;
}

void patch_jump(Compiler *c, uint32_t operand_at, uint32_t target)
{
    memcpy(c->u->code + operand_at, &target, 4);
}

void patch_here(Compiler *c, uint32_t operand_at)
{
    patch_jump(c, operand_at, here(c));
}

void set_loc(Compiler *c, const Node *n)
{
    if (n == NULL || n->line == 0) return;
    c->u->line = n->line;
    c->u->col = n->col;
}

/* Check an operand fits its encoding; a program this big is refused. */
static uint32_t checked_index(Compiler *c, uint32_t i, const char *what)
{
    if (i > 0xffff) comp_error(c, NULL, "SyntaxError", "too many %s in one function", what);
    return i;
}

/* ---- constants and names ---------------------------------------------------------- */

static uint64_t const_key_hash(Value v)
{
    uint64_t x = (uint64_t)v.as.i * 0x9E3779B97F4A7C15ull;
    return x ^ (x >> 29) ^ v.tag;
}

static bool const_same(Value a, Value b)
{
    if (a.tag != b.tag) return false;
    if (a.tag == VAL_FLOAT) return memcmp(&a.as.f, &b.as.f, sizeof(double)) == 0;
    return a.as.i == b.as.i;
}

static void const_map_insert(Unit *u, uint64_t h, uint32_t index)
{
    uint32_t mask = u->cmap_cap - 1;
    uint32_t i = (uint32_t)h & mask;
    while (u->cmap[i] != 0) i = (i + 1) & mask;
    u->cmap[i] = index + 1;
}

static void const_map_grow(Unit *u)
{
    uint32_t cap = u->cmap_cap ? u->cmap_cap * 2 : 64;
    free(u->cmap);
    u->cmap = calloc(cap, sizeof(uint32_t));
    if (u->cmap == NULL) abort();
    u->cmap_cap = cap;
    for (uint32_t k = 0; k < u->n_consts; k++) const_map_insert(u, const_key_hash(u->consts[k]), k);
}

/* The index of constant v in the unit's table, added if new. Only immediates
 * and interned strs are shared; other objects (code, tuples) always get a slot. */
uint32_t add_const(Compiler *c, Value v)
{
    Unit *u = c->u;
    bool shareable = !IS_OBJ(v) || (IS_STR(v) && AS_STR(v)->interned);
    uint64_t h = const_key_hash(v);
    if (shareable && u->cmap_cap) {
        uint32_t mask = u->cmap_cap - 1;
        for (uint32_t i = (uint32_t)h & mask; u->cmap[i] != 0; i = (i + 1) & mask)
            if (const_same(u->consts[u->cmap[i] - 1], v)) return u->cmap[i] - 1;
    }
    if (IS_OBJ(v)) list_append(c->vm, c->keep, v);
    u->consts = grow(u->consts, &u->cap_consts, u->n_consts + 1, sizeof(Value));
    uint32_t index = u->n_consts++;
    u->consts[index] = v;
    if ((u->n_consts + 1) * 2 > u->cmap_cap) const_map_grow(u);
    else if (shareable) const_map_insert(u, h, index);
    return index;
}

ObjStr *intern(Compiler *c, const char *s)
{
    ObjStr *str = str_intern_cstr(c->vm, s);
    list_append(c->vm, c->keep, OBJ_VAL(str));
    return str;
}

void emit_const(Compiler *c, Value v)
{
    if (IS_INT(v) && AS_INT(v) >= -32768 && AS_INT(v) < 32768) {
        emit(c, OP_LOAD_SMALL_INT, (uint32_t)(AS_INT(v) + 32768));
        return;
    }
    emit(c, OP_LOAD_CONST, add_const(c, v));
}

uint32_t name_index(Compiler *c, const char *name)
{
    Unit *u = c->u;
    ObjStr *s = intern(c, name);
    for (uint32_t i = 0; i < u->n_names; i++)
        if (u->names[i] == s) return i;
    u->names = grow(u->names, &u->cap_names, u->n_names + 1, sizeof(ObjStr *));
    u->names[u->n_names] = s;
    return checked_index(c, u->n_names++, "names");
}

static int find_str(const char **arr, uint32_t n, const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(arr[i], name) == 0) return (int)i;
    return -1;
}

static uint32_t add_str(const char ***arr, uint32_t *n, uint32_t *cap, const char *name)
{
    int i = find_str(*arr, *n, name);
    if (i >= 0) return (uint32_t)i;
    *arr = grow(*arr, cap, *n + 1, sizeof(char *));
    (*arr)[*n] = name;
    return (*n)++;
}

uint32_t local_index(Compiler *c, const char *name)
{
    Unit *u = c->u;
    return checked_index(c, add_str(&u->varnames, &u->n_varnames, &u->cap_varnames, name), "local variables");
}

/* LOAD_DEREF index: cells first, then free variables. */
uint32_t deref_index(Compiler *c, const char *name)
{
    Unit *u = c->u;
    int i = find_str(u->cellnames, u->n_cellnames, name);
    if (i >= 0) return (uint32_t)i;
    i = find_str(u->freenames, u->n_freenames, name);
    if (i >= 0) return u->n_cellnames + (uint32_t)i;
    comp_error(c, NULL, "SyntaxError", "internal error: no cell for '%s'", name);
    return 0;
}

/* ---- constant folding of set displays ------------------------------------------- */

/* The value of a constant expression as CPython's AST optimizer folds it
 * (literals, + and - on numbers, tuples of constants), or false. */
static bool const_value(Compiler *c, const Node *e, Value *out)
{
    switch (e->kind) {
    case AST_CONST_NONE: *out = NONE_VAL; return true;
    case AST_CONST_TRUE: *out = TRUE_VAL; return true;
    case AST_CONST_FALSE: *out = FALSE_VAL; return true;
    case AST_CONST_INT:
        if (e->big_digits) return false;
        *out = INT_VAL(e->int_value);
        return true;
    case AST_CONST_FLOAT: *out = FLOAT_VAL(e->float_value); return true;
    case AST_CONST_STR: {
        ObjStr *s = str_intern(c->vm, e->str.data, e->str.len);
        list_append(c->vm, c->keep, OBJ_VAL(s));
        *out = OBJ_VAL(s);
        return true;
    }
    case AST_UNARYOP:
        if ((e->op != AST_NEG && e->op != AST_POS) || !const_value(c, e->a, out)) return false;
        if (IS_FLOAT(*out)) {
            if (e->op == AST_NEG) *out = FLOAT_VAL(-AS_FLOAT(*out));
            return true;
        }
        if (!IS_INT(*out) || IS_BOOL(*out)) return false;
        if (e->op == AST_NEG) {
            if (AS_INT(*out) == INT64_MIN) return false;
            *out = INT_VAL(-AS_INT(*out));
        }
        return true;
    case AST_TUPLE: {
        int n = e->list.len;
        if (n > 64) return false;
        Value items[64];
        for (int i = 0; i < n; i++)
            if (e->list.items[i]->kind == AST_STARRED || !const_value(c, e->list.items[i], &items[i])) return false;
        ObjTuple *t = tuple_new(c->vm, items, (uint32_t)n);
        list_append(c->vm, c->keep, OBJ_VAL(t));
        *out = OBJ_VAL(t);
        return true;
    }
    default: return false;
    }
}

bool fold_const_set(Compiler *c, const NodeList *items, Value *out)
{
    /* CPython compiles {c1, c2, c3, ...} (more than two constants) to
       BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE. Its frozenset is made
       from the constants in source order, then remade (merge_consts_recursive)
       in the first one's iteration order; the set copies the second one's
       layout. The same steps give the same iteration order here. */
    int n = items->len;
    if (n <= 2) return false;
    Value *vals = malloc((size_t)n * sizeof *vals);
    if (vals == NULL) return false;
    for (int i = 0; i < n; i++) {
        Value v;
        if (items->items[i]->kind == AST_STARRED || !const_value(c, items->items[i], &v)) {
            free(vals);
            return false;
        }
        vals[i] = v;
    }
    ObjTuple *t = tuple_new(c->vm, vals, (uint32_t)n);
    free(vals);
    list_append(c->vm, c->keep, OBJ_VAL(t));
    ObjSet *first = set_new(c->vm, true);
    list_append(c->vm, c->keep, OBJ_VAL(first));
    for (uint32_t i = 0; i < t->len; i++)
        if (!set_add(c->vm, first, t->items[i])) return false;
    ObjSet *second = set_new(c->vm, true);
    list_append(c->vm, c->keep, OBJ_VAL(second));
    uint32_t pos = 0;
    Value key;
    while (set_next(first, &pos, &key))
        if (!set_add(c->vm, second, key)) return false;
    *out = OBJ_VAL(second);
    return true;
}

/* ---- names: load, store, delete ------------------------------------------------ */

/* Private names: inside a class, __name (not ending in __) becomes
 * _Class__name, with the class name's leading underscores removed (CPython's
 * _Py_Mangle). Applies to attribute names and to names looked up by name. */
const char *mangle_name(Compiler *c, const char *name)
{
    if (name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if ((n >= 2 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) return name;
    const Scope *s = c->u->scope;
    while (s && s->kind != SCOPE_CLASS) s = s->parent;
    if (s == NULL || s->name == NULL) return name;
    const char *cls = s->name;
    while (*cls == '_') cls++;
    if (*cls == '\0') return name;
    size_t clen = strlen(cls), len = 1 + clen + n + 1;
    char small[256];
    char *buf = len <= sizeof small ? small : malloc(len);
    if (buf == NULL) return name;
    buf[0] = '_';
    memcpy(buf + 1, cls, clen);
    memcpy(buf + 1 + clen, name, n + 1);
    const char *out = intern(c, buf)->data;
    if (buf != small) free(buf);
    return out;
}

static void emit_name_op(Compiler *c, const char *name, int action)
{
    /* action: 0 load, 1 store, 2 delete */
    static const Opcode fast[] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
    static const Opcode deref[] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
    static const Opcode global[] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL};
    static const Opcode byname[] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
    switch (scope_name_kind(c->u->scope, name)) {
    case NAME_LOCAL: emit(c, fast[action], local_index(c, name)); break;
    case NAME_CELL:
    case NAME_FREE: emit(c, deref[action], deref_index(c, name)); break;
    case NAME_GLOBAL_EXPLICIT:
    case NAME_GLOBAL_IMPLICIT: emit(c, global[action], name_index(c, mangle_name(c, name))); break;
    case NAME_CLASS_OR_MODULE: emit(c, byname[action], name_index(c, mangle_name(c, name))); break;
    }
}

void load_name(Compiler *c, const char *name)
{
    emit_name_op(c, name, 0);
}

void store_name(Compiler *c, const char *name)
{
    emit_name_op(c, name, 1);
}

void delete_name(Compiler *c, const char *name)
{
    emit_name_op(c, name, 2);
}

/* ---- exception ranges --------------------------------------------------------------- */

int range_open(Compiler *c, int depth)
{
    Unit *u = c->u;
    u->ranges = grow(u->ranges, &u->cap_ranges, u->n_ranges + 1, sizeof(Range));
    u->ranges[u->n_ranges] = (Range){.seg_start = here(c), .handler = 0, .depth = (uint32_t)depth, .open = true};
    return (int)u->n_ranges++;
}

/* End the current segment of a range: the code emitted next is not protected
 * until range_resume. */
void range_pause(Compiler *c, int r)
{
    Unit *u = c->u;
    Range *rg = &u->ranges[r];
    if (!rg->open) return;
    rg->open = false;
    if (rg->seg_start == here(c)) return;
    u->raw = grow(u->raw, &u->cap_raw, u->n_raw + 1, sizeof(RawEntry));
    u->raw[u->n_raw++] = (RawEntry){rg->seg_start, here(c), (uint32_t)r};
}

void range_resume(Compiler *c, int r)
{
    Range *rg = &c->u->ranges[r];
    rg->open = true;
    rg->seg_start = here(c);
}

void range_set_handler(Compiler *c, int r)
{
    c->u->ranges[r].handler = here(c);
}

/* ---- fblocks: what break / continue / return must unwind ------------------------ */

FBlock *fblock_push(Compiler *c, FBlockKind kind)
{
    Unit *u = c->u;
    if (u->n_fblocks == MAX_FBLOCKS) {
        comp_error(c, NULL, "SyntaxError", "too many statically nested blocks");
        return &u->fblocks[MAX_FBLOCKS - 1];
    }
    FBlock *b = &u->fblocks[u->n_fblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->range = -1;
    return b;
}

void fblock_pop(Compiler *c)
{
    c->u->n_fblocks--;
}

/* ---- units ---------------------------------------------------------------------------- */

static void unit_declare_symbols(Compiler *c, Unit *u)
{
    Scope *s = u->scope;
    for (int i = 0; i < s->n_params; i++) add_str(&u->varnames, &u->n_varnames, &u->cap_varnames, s->params[i]);
    for (int i = 0; i < s->n_symbols; i++) {
        const char *name = s->symbols[i].name;
        switch (scope_name_kind(s, name)) {
        case NAME_CELL: add_str(&u->cellnames, &u->n_cellnames, &u->cap_cellnames, name); break;
        case NAME_FREE: add_str(&u->freenames, &u->n_freenames, &u->cap_freenames, name); break;
        case NAME_LOCAL: add_str(&u->varnames, &u->n_varnames, &u->cap_varnames, name); break;
        default: break;
        }
    }
    (void)c;
}

void unit_enter(Compiler *c, Scope *scope, const char *name, const char *qualname, uint32_t line)
{
    Unit *u = calloc(1, sizeof(Unit));
    if (u == NULL) abort();
    u->parent = c->u;
    u->scope = scope;
    u->name = name;
    u->qualname = qualname;
    u->first_line = line;
    u->line = line;
    c->u = u;
    unit_declare_symbols(c, u);
}

static void unit_free(Unit *u)
{
    free(u->code);
    free(u->consts);
    free(u->cmap);
    free(u->names);
    free(u->varnames);
    free(u->cellnames);
    free(u->freenames);
    free(u->lines);
    free(u->raw);
    free(u->ranges);
    free(u->qualname_buf);
    free(u);
}

static ObjStr **intern_all(Compiler *c, const char **names, uint32_t n)
{
    ObjStr **out = calloc(n ? n : 1, sizeof(ObjStr *));
    if (out == NULL) abort();
    for (uint32_t i = 0; i < n; i++) out[i] = intern(c, names[i]);
    return out;
}

static void *copy_array(const void *src, size_t bytes)
{
    void *p = malloc(bytes ? bytes : 1);
    if (p == NULL) abort();
    if (bytes) memcpy(p, src, bytes);
    return p;
}

static ExceptEntry *finish_except_table(Unit *u)
{
    ExceptEntry *t = malloc((u->n_raw ? u->n_raw : 1) * sizeof(ExceptEntry));
    if (t == NULL) abort();
    for (uint32_t i = 0; i < u->n_raw; i++) {
        const Range *r = &u->ranges[u->raw[i].range];
        t[i] = (ExceptEntry){u->raw[i].start, u->raw[i].end, r->handler, r->depth};
    }
    return t;
}

static int32_t *make_cell2arg(Unit *u)
{
    if (u->n_cellnames == 0) return NULL;
    int32_t *map = malloc(u->n_cellnames * sizeof(int32_t));
    if (map == NULL) abort();
    for (uint32_t i = 0; i < u->n_cellnames; i++)
        map[i] = find_str(u->scope->params, (uint32_t)u->scope->n_params, u->cellnames[i]);
    return map;
}

void unit_set_posonly(Compiler *c, int posonly)
{
    c->u->posonly = posonly;
}

/* Turn the finished unit into a Code object and leave it. */
ObjCode *unit_finish(Compiler *c, uint32_t flags, int argcount, int kwonly)
{
    Unit *u = c->u;
    VM *vm = c->vm;
    ObjCode *code = code_new(vm);
    list_append(vm, c->keep, OBJ_VAL(code));
    code->name = intern(c, u->name);
    code->qualname = intern(c, u->qualname);
    code->filename = intern(c, c->filename);
    code->bytecode = copy_array(u->code, u->code_len);
    code->bytecode_len = u->code_len;
    code->constants = copy_array(u->consts, u->n_consts * sizeof(Value));
    code->n_constants = u->n_consts;
    code->names = copy_array(u->names, u->n_names * sizeof(ObjStr *));
    code->n_names = u->n_names;
    code->global_cache = calloc(u->n_names ? u->n_names : 1, sizeof(GlobalCacheEntry));
    code->attr_cache = calloc(u->n_names ? u->n_names : 1, sizeof(AttrCacheEntry));
    code->varnames = intern_all(c, u->varnames, u->n_varnames);
    code->n_locals = u->n_varnames;
    code->cellnames = intern_all(c, u->cellnames, u->n_cellnames);
    code->n_cells = u->n_cellnames;
    code->freenames = intern_all(c, u->freenames, u->n_freenames);
    code->n_free = u->n_freenames;
    code->cell2arg = make_cell2arg(u);
    code->argcount = (uint16_t)argcount;
    code->kwonlyargcount = (uint16_t)kwonly;
    code->posonlyargcount = (uint16_t)u->posonly;
    if (!(flags & (CODE_VARARGS | CODE_VARKW | CODE_GENERATOR | CODE_COROUTINE | CODE_MODULE | CODE_CLASS_BODY)) &&
        kwonly == 0 && u->n_cellnames == 0 && u->n_freenames == 0)
        flags |= CODE_SIMPLE_ARGS;
    code->flags = flags;
    if (strncmp(c->filename, "<frozen ", 8) == 0) code->flags |= CODE_FROZEN;
    code->max_stack = (uint32_t)u->max_depth + 2;
    code->frame_size = code->n_locals + code->n_cells + code->n_free + code->max_stack;
    code->first_line = u->first_line;
    code->lines = copy_array(u->lines, u->n_lines * sizeof(LineEntry));
    code->n_lines = u->n_lines;
    code->excepts = finish_except_table(u);
    code->n_excepts = u->n_raw;
    c->u = u->parent;
    unit_free(u);
    return code;
}

void unit_abandon_all(Compiler *c)
{
    while (c->u) {
        Unit *u = c->u;
        c->u = u->parent;
        unit_free(u);
    }
}

/* qualname of a child: "f.<locals>.g" under a function, "C.m" under a class. */
char *child_qualname(Compiler *c, const char *name)
{
    Unit *u = c->u;
    if (u == NULL || u->scope->kind == SCOPE_MODULE) return strdup(name);
    const char *sep = u->scope->kind == SCOPE_CLASS ? "." : ".<locals>.";
    size_t n = strlen(u->qualname) + strlen(sep) + strlen(name) + 1;
    char *q = malloc(n);
    if (q == NULL) abort();
    snprintf(q, n, "%s%s%s", u->qualname, sep, name);
    return q;
}

/* ---- entry points --------------------------------------------------------------------- */

ObjCode *compile_module(VM *vm, const AstModule *m, const char *filename, CompileMode mode,
                        SyntaxErrorInfo *err)
{
    ScopeTable scopes;
    if (!scope_analyze(m, filename, mode == COMPILE_CELL, &scopes, err)) return NULL;
    Compiler c = {.vm = vm, .filename = filename, .err = err, .scopes = &scopes, .mode = mode};
    c.keep = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(c.keep));
    unit_enter(&c, scopes.module, "<module>", "<module>", 1);
    compile_body(&c, &m->body, mode == COMPILE_CELL);
    ObjCode *code = NULL;
    if (!c.failed) {
        emit(&c, OP_LOAD_NONE, 0);
        emit(&c, OP_RETURN_VALUE, 0);
        uint32_t flags = CODE_MODULE | (scopes.module->has_await ? CODE_COROUTINE : 0);
        code = unit_finish(&c, flags, 0, 0);
    }
    unit_abandon_all(&c);
    vm_pop_root(vm, 1);
    scope_table_free(&scopes);
    return c.failed ? NULL : code;
}

static char *line_of(const char *source, size_t len, uint32_t line)
{
    size_t i = 0;
    for (uint32_t l = 1; l < line && i < len; i++)
        if (source[i] == '\n') l++;
    size_t start = i;
    while (i < len && source[i] != '\n' && source[i] != '\r') i++;
    char *s = malloc(i - start + 1);
    if (s == NULL) abort();
    memcpy(s, source + start, i - start);
    s[i - start] = '\0';
    return s;
}

ObjCode *compile_source(VM *vm, const char *source, size_t len, const char *filename,
                        CompileMode mode, SyntaxErrorInfo *err)
{
    AstModule m;
    if (!parse_module(source, len, filename, &m, err)) return NULL;
    ObjCode *code = compile_module(vm, &m, filename, mode, err);
    if (code == NULL && err->source_line == NULL && err->line > 0)
        err->source_line = line_of(source, len, err->line);
    if (code == NULL && err->source_line && err->to_line_end && err->end_col == 0)
        err->end_col = (uint32_t)lexer_count_code_points(err->source_line, strlen(err->source_line)) + 1;
    ast_module_free(&m);
    return code;
}

bool code_is_async_cell(const ObjCode *code)
{
    return (code->flags & CODE_MODULE) && (code->flags & CODE_COROUTINE);
}
