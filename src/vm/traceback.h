/* traceback.h: recording where an exception went and printing it as
 * CPython does. */
#ifndef LOOPBOOK_TRACEBACK_H
#define LOOPBOOK_TRACEBACK_H

#include <stdio.h>

#include "vm.h"

/* Prepend an entry for frame (at its current instruction) to the traceback of
 * the exception being raised. */
void traceback_add_frame(VM *vm, Frame *frame);
/* Print exc with its chain, traceback, last line and __notes__, exception
 * groups as nested boxes of their sub-exceptions, like CPython 3.11's default
 * excepthook. Leaves vm->exception as it found it. */
void traceback_print(VM *vm, Value exc, FILE *to);
/* "ValueError: bad" (or "ValueError"): the last line of a traceback, malloc'd. */
char *traceback_last_line(VM *vm, Value exc);
/* Remember the source text of a file so tracebacks can show its lines. */
void traceback_register_source(VM *vm, const char *filename, const char *text, size_t len);
/* Line `line` of a registered source, stripped of surrounding blanks, as
 * *start and *len (pointing into the source); false when there is none. */
bool traceback_source_line(VM *vm, ObjStr *filename, uint32_t line, const char **start, size_t *len);

#endif
