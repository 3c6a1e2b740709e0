/* compiler.h: an AST to the VM's Code objects (the one bridge between lang/
 * and vm/). */
#ifndef LOOPBOOK_COMPILER_H
#define LOOPBOOK_COMPILER_H

#include "ast.h"
#include "parser.h"
#include "vm.h"

typedef enum {
    COMPILE_FILE, /* a script: top-level await is an error */
    COMPILE_CELL, /* a notebook cell: top-level await allowed, a last expression is shown */
} CompileMode;

/* Compile a parsed module. NULL with *err filled on a compile-time error
 * (err->kind "SyntaxError" or "NotImplementedError" for constructs outside
 * the subset). */
ObjCode *compile_module(VM *vm, const AstModule *m, const char *filename, CompileMode mode,
                        SyntaxErrorInfo *err);
/* Parse and compile source text. */
ObjCode *compile_source(VM *vm, const char *source, size_t len, const char *filename,
                        CompileMode mode, SyntaxErrorInfo *err);
/* Whether a compiled cell awaits at top level (it must run as a coroutine). */
bool code_is_async_cell(const ObjCode *code);

#endif
