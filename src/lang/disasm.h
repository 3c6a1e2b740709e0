/* disasm.h: a readable listing of Code objects, like Python's dis. */
#ifndef LOOPBOOK_DISASM_H
#define LOOPBOOK_DISASM_H

#include <stdio.h>

#include "vm.h"

/* Write code and, after it, every code object among its constants. */
void disasm_code(VM *vm, ObjCode *code, FILE *out);

#endif
