/* format.c: placeholder until written. */
#include "vm.h"
#include "ops.h"
#include "types.h"
#include "generator.h"
#include "interp.h"
#include "builtins.h"

typedef int format_placeholder_t;
