/* replace.h: writing a file so that it is either all there or untouched:
 * the text goes to a temporary file beside it (mkstemp), which is fsynced,
 * renamed over the target, and the directory fsynced, so a crash or a full
 * disk never leaves half a lesson or half a page. */
#ifndef LOOPBOOK_REPLACE_H
#define LOOPBOOK_REPLACE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct Replacement Replacement;

/* Open the temporary file beside `path`. The result keeps `path`'s mode
 * when it exists, else 0666 less the umask. NULL (errno set) when it
 * cannot be made. */
Replacement *replace_open(const char *path);
/* Where to write. */
FILE *replace_file(Replacement *r);
/* Flush, fsync, rename over the target, fsync its directory. 0 when done,
 * else the errno of the first step that failed (a buffered write's failure
 * counts as EIO); the temporary file is gone either way, and r is freed. */
int replace_commit(Replacement *r);
/* Drop the temporary file; r is freed. */
void replace_discard(Replacement *r);

#endif
