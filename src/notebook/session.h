/* session.h: one VM, its globals, and running source in it: the script
 * runner, the prompt and the lesson runner all go through here. */
#ifndef LOOPBOOK_SESSION_H
#define LOOPBOOK_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "vm.h"

typedef struct Session {
    VM *vm;
    int cell_count;
    int exit_status; /* what the process should exit with after the last run */
    bool exit_requested; /* exit() / SystemExit in a cell: the notebook ends */
    Value inputs;        /* the notebook's In list (a VM root): In[n] is what cell n was typed as */
    bool hold_output;    /* keep a cell's Out[n] line for session_print_held_output (%time prints it last) */
    char *held_output;   /* that "Out[n]: repr" line (malloc'd), or NULL */
} Session;

/* How a cell went. */
typedef struct {
    int number;         /* In [number] */
    bool ok;            /* false: a syntax error or an exception was shown */
    int64_t wall_ns;    /* on the session's clock (virtual time under --clock virtual) */
    int64_t cpu_ns;     /* process CPU time, for %time */
} CellReport;

/* A new session with a fresh VM. */
Session *session_new(void);
/* Tear it down. */
void session_free(Session *s);
/* Compile and run source as the file `filename` in the session's globals.
 * Errors (syntax or uncaught exceptions) are printed to stderr; returns
 * false when there was one. */
bool session_run_source(Session *s, const char *source, size_t len, const char *filename);
typedef enum { RUN_OK, RUN_FAILED, RUN_CANNOT_OPEN } RunStatus;

/* The whole file, NUL-terminated (malloc'd); NULL with errno set when it
 * cannot be read. */
char *session_read_file(const char *path, size_t *len);
/* Read a file and run it. */
RunStatus session_run_file(Session *s, const char *path);
/* Run one notebook cell: source compiled as a cell (top-level await
 * allowed, a last expression shown as Out[n] and kept in _, __, ___ and
 * Out), on the session's event loop, which stays alive between cells.
 * Errors are printed; the report says how it went and how long it took. */
void session_run_cell(Session *s, const char *source, size_t len, CellReport *report);
/* The same as part of cell n (s->cell_count already counts it): what the
 * notebook's magics run (%time STMT runs STMT as cell n). */
void session_run_in_cell(Session *s, const char *source, size_t len, int n, CellReport *report);
/* Record `text` as In[n], what cell n was typed as (session_run_cell does it
 * for ordinary cells, the magics for themselves). */
void session_record_input(Session *s, int n, const char *text, size_t len);
/* The Out[n] line held back while s->hold_output was set: print it now. */
void session_print_held_output(Session *s);
/* Print the VM's pending exception as a cell's error is printed (SystemExit
 * ends the notebook instead). */
void session_report_exception(Session *s);
/* Let the session's loop run what is ready now (background tasks), without
 * waiting. */
void session_run_background(Session *s);
/* Print the disassembly of a file's code. */
bool session_disassemble_file(Session *s, const char *path);

#endif
