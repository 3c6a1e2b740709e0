/* attr.c */
#include "vm.h"
