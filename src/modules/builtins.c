/* builtins.c: placeholder until written. */
#include "vm.h"
