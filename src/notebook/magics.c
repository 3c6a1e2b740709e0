/* magics.c: the notebook's % commands (see magics.h). */
#include "magics.h"

#include <string.h>

const char *const magic_names[] = {"%help", "%time", "%%time", "%timeit", "%clock", "%reset", "%who", "%dis",
                                   "%load", "%history", "%tasks", "%timing", NULL};

MagicOutcome magic_run(Session *s, NotebookState *nb, const char *cell, CellReport *report, bool *show_timing)
{
    (void)s;
    (void)nb;
    (void)cell;
    (void)report;
    *show_timing = true;
    return MAGIC_NOT_A_MAGIC;
}
