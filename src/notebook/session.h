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
} Session;

/* A new session with a fresh VM. */
Session *session_new(void);
/* Tear it down. */
void session_free(Session *s);
/* Compile and run source as the file `filename` in the session's globals.
 * Errors (syntax or uncaught exceptions) are printed to stderr; returns
 * false when there was one. */
bool session_run_source(Session *s, const char *source, size_t len, const char *filename);
typedef enum { RUN_OK, RUN_FAILED, RUN_CANNOT_OPEN } RunStatus;

/* Read a file and run it. */
RunStatus session_run_file(Session *s, const char *path);
/* Print the disassembly of a file's code. */
bool session_disassemble_file(Session *s, const char *path);

#endif
