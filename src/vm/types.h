/* types.h: start-up of the built-in classes. Each type's file installs its
 * own methods through the *_install function declared here. */
#ifndef LOOPBOOK_TYPES_H
#define LOOPBOOK_TYPES_H

#include "vm.h"

/* Create every class of BUILTIN_CLASS_LIST and EXCEPTION_CLASS_LIST, and the names. */
void types_create_classes(VM *vm);
/* Fill the classes' dicts with their methods (calls each *_install). */
void types_install_methods(VM *vm);

void str_install(VM *vm);       /* str.c */
void int_install(VM *vm);       /* int.c: int and bool */
void float_install(VM *vm);     /* float.c */
void tuple_install(VM *vm);     /* tuple.c */
void list_install(VM *vm);      /* list.c */
void dict_install(VM *vm);      /* dict.c: dict and its views */
void set_install(VM *vm);       /* set.c: set and frozenset */
void range_install(VM *vm);     /* range.c: range and slice */
void iter_install(VM *vm);      /* iter.c: the built-in iterators */
void exception_install(VM *vm); /* exception.c: BaseException and friends */
void function_install(VM *vm);  /* call.c: function, method, NoneType ... */

#endif
