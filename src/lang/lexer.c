/* lexer.c: placeholder until written. */
#include "ast.h"
