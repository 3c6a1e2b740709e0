/* parser.c: placeholder until written. */
#include "ast.h"
