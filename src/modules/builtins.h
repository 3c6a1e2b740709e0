/* builtins.h: the builtins module (print, len, range, ...). */
#ifndef LOOPBOOK_BUILTINS_H
#define LOOPBOOK_BUILTINS_H

#include "vm.h"

/* Fill vm->builtins with the built-in functions, classes and exceptions. */
void builtins_install(VM *vm);

#endif
