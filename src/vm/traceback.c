/* traceback.c */
#include "vm.h"
