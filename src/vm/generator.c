/* generator.c */
#include "generator.h"
#include "gc.h"
void generator_mark(VM *vm, ObjGenerator *g) { gc_mark_object(vm, (Obj *)g->fiber); gc_mark_object(vm, (Obj *)g->name); gc_mark_object(vm, (Obj *)g->qualname); gc_mark_object(vm, (Obj *)g->code); gc_mark_value(vm, g->yielded_from); }
