/* magics.h: the notebook's % commands (%time, %%time, %timeit, %who, %tasks,
 * %clock, %timing, %reset, %dis, %load, %history, %help), shared by the
 * prompt and the piped transcript. */
#ifndef LOOPBOOK_MAGICS_H
#define LOOPBOOK_MAGICS_H

#include <stdbool.h>

#include "session.h"

/* What the front end keeps between cells. */
typedef struct NotebookState {
    bool timing;         /* print the Wall time line after each cell (%timing on|off) */
    bool tty;            /* stdout is a terminal: colours allowed */
    char *pending_input; /* %load's text: the prompt puts it in the edit buffer, the transcript runs it (malloc'd) */
    char *lesson_path;   /* %lesson FILE: the prompt steps through it (malloc'd) */
} NotebookState;

typedef enum {
    MAGIC_NOT_A_MAGIC, /* an ordinary cell: run it */
    MAGIC_DONE,        /* the magic ran (it counted as cell n and printed what it prints) */
    MAGIC_FAILED,      /* it ran and failed (an error was printed) */
} MagicOutcome;

/* If `cell` is a magic (first non-blank character '%'), run it as the next
 * cell. *show_timing says whether the front end should still print the
 * Wall time line (false for %time / %%time / %timeit, which print their own). */
MagicOutcome magic_run(Session *s, NotebookState *nb, const char *cell, CellReport *report, bool *show_timing);

/* Free what a front end's state holds (a %load or %lesson nobody took). */
void notebook_state_free(NotebookState *nb);

/* The magic names with their leading %, NULL-terminated (tab completion). */
extern const char *const magic_names[];

#endif
