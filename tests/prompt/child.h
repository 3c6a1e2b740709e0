/* child.h: the program under test, on the slave side of a pseudo-terminal.
 *
 * The child is a session leader (forkpty) whose controlling terminal is the
 * pty, so Ctrl-C typed into the master reaches it as SIGINT exactly as on a
 * real terminal. The master is non-blocking: every wait reads what the child
 * writes (into a Vt), so that neither side can block the other on a full
 * pty buffer. */
#ifndef PTY_RUN_CHILD_H
#define PTY_RUN_CHILD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "vt.h"

/* How to start the child. */
typedef struct {
    const char *program;    /* run through execvp: a path, or a name looked up in PATH */
    char *const *argv;      /* argv[0] included, NULL-terminated */
    char *const *env;       /* "NAME=VALUE" to set or "NAME" to unset, applied in order, NULL-terminated */
    const char *home;       /* HOME and the working directory */
    const char *state_home; /* XDG_STATE_HOME */
    int cols, rows;
} ChildSpec;

typedef struct {
    pid_t pid;     /* 0: never started */
    int master;    /* -1 once the child has exited and its output is read */
    bool exited;
    int status;    /* waitpid's status, once exited */
} Child;

/* The monotonic clock, in seconds. */
double now_seconds(void);

/* Start the child (status via errno-style message in `err` on failure). */
bool child_start(Child *c, const ChildSpec *spec, char *err, size_t err_size);
/* Wait until there is output (read it all into vt), the child exits, or
 * `deadline` passes, whichever comes first; wait at most ~10 ms at a time. */
void child_pump(Child *c, Vt *vt, double deadline);
/* Write all of `bytes` to the child's terminal, reading its output meanwhile;
 * false if the deadline passes first or the child has exited. */
bool child_write(Child *c, Vt *vt, const char *bytes, size_t n, double deadline);
/* Tell the terminal (and so the child, with SIGWINCH) its new size. */
void child_resize(Child *c, int cols, int rows);
/* Kill the child's process group and reap the child; harmless if it exited. */
void child_kill(Child *c);

#endif
