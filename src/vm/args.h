/* args.h: checking and binding the arguments of native functions, with
 * CPython's messages. (Implemented in ops.c.) */
#ifndef LOOPBOOK_ARGS_H
#define LOOPBOOK_ARGS_H

#include "vm.h"

/* "'x' is an invalid keyword argument for f()" unless kwnames is empty;
 * CPython's "f() takes no keyword arguments" when `none_msg`. */
bool args_no_kw(VM *vm, const char *fname, ObjTuple *kwnames);
/* "f() takes exactly one argument (N given)" unless nargs == 1.
 * fname is printed as given, e.g. "len()" or "str.join()". */
bool args_one(VM *vm, const char *fname, int nargs);
/* "f() takes no arguments (N given)" unless nargs == 0. */
bool args_none(VM *vm, const char *fname, int nargs);
/* Argument-clinic style counts: "f expected 2 arguments, got 1",
 * "f expected at least 1 argument, got 0", "f expected at most 3 arguments, got 4".
 * max < 0: no maximum. */
bool args_range(VM *vm, const char *fname, int nargs, int min, int max);
/* "f() takes at least 1 argument (0 given)" / "f() takes at most 2 arguments (3 given)". */
bool args_range_paren(VM *vm, const char *fname, int nargs, int min, int max);

/* Bind positional and keyword arguments to the parameters names[0..n):
 * the first `npos` can be given by position, the first `nreq` are required.
 * out[i] is EMPTY_VAL when not given. Messages as CPython's argument clinic:
 * "f() missing required argument 'x' (pos 1)", "'y' is an invalid keyword
 * argument for f()", "argument for f() given by name ('x') and position (1)",
 * "f() takes at most 2 arguments (3 given)". */
bool args_parse(VM *vm, const char *fname, Value *args, int nargs, ObjTuple *kwnames, int npos,
                int nreq, const char *const *names, int n, Value *out);

/* A method descriptor's self check: "descriptor 'upper' for 'str' objects
 * doesn't apply to a 'int' object" (also when no self was passed). */
bool args_self(VM *vm, Value *args, int nargs, ObjClass *cls, const char *method);

/* The count of keyword arguments (0 when kwnames is NULL). */
static inline int args_nkw(ObjTuple *kwnames)
{
    return kwnames ? (int)kwnames->len : 0;
}

#endif
