/* builtins.c: placeholder until written. */
#include "vm.h"
#include "ops.h"
#include "types.h"
#include "generator.h"
#include "interp.h"
#include "builtins.h"

void builtins_install(VM *vm) { (void)vm; }
