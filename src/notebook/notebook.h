/* notebook.h: `loopbook` with no file: cells typed at an `In [n]:` prompt
 * (a terminal), or read from stdin and echoed as a transcript (a pipe). */
#ifndef LOOPBOOK_NOTEBOOK_H
#define LOOPBOOK_NOTEBOOK_H

#include <stdbool.h>
#include <stdio.h>

#include "magics.h"

#define LOOPBOOK_VERSION "0.1.0"
#include "session.h"

typedef struct {
    bool strict;             /* exit 1 when a cell fails (piped input) */
    const char *step_lesson; /* --step LESSON: the prompt steps through it */
} NotebookOptions;

/* The prompt on a terminal (prompt.c); the process's exit status. */
int notebook_run_prompt(Session *s, const NotebookOptions *options);

/* Run the notebook on stdin; the process's exit status. */
int notebook_main(Session *s, const NotebookOptions *options);

/* The dim "Wall time: 1.02 s" line after a cell ("(virtual)" under the
 * virtual clock); plain when not on a terminal. */
void notebook_print_timing(Session *s, const CellReport *r, bool tty);

/* Run one cell (or magic) and print its timing line and the empty line
 * after it; false when it failed. */
bool notebook_cell(Session *s, NotebookState *nb, const char *cell, size_t len);

/* Cells read from `in` (not a terminal), echoed with In [n]: markers. */
int notebook_run_transcript(Session *s, FILE *in, const NotebookOptions *options);

#endif
