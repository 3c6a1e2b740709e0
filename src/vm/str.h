/* str.h: str internals beyond the constructors in object.h. */
#ifndef LOOPBOOK_STR_H
#define LOOPBOOK_STR_H

#include "vm.h"

/* An uninitialised str of byte_len bytes (NUL added); fill data, then str_finish. */
ObjStr *str_alloc(VM *vm, size_t byte_len);
/* Compute char_len and ascii after data was filled in; returns s. */
ObjStr *str_finish(ObjStr *s);
/* Drop unmarked strings from the intern table (called by the GC). */
void str_table_sweep(VM *vm);
/* Free the intern table (VM teardown). */
void str_table_free(VM *vm);

#endif
