/* replace.c: see replace.h. */
#include "replace.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct Replacement {
    char *path; /* the target */
    char *tmp;  /* the temporary file beside it */
    FILE *out;
};

static char *concat(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *s = malloc(na + nb + 1);
    if (s == NULL) abort();
    memcpy(s, a, na);
    memcpy(s + na, b, nb + 1);
    return s;
}

static void replacement_free(Replacement *r)
{
    free(r->path);
    free(r->tmp);
    free(r);
}

/* mkstemp makes the file private (0600): give it the target's mode. */
static void set_mode(int fd, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        fchmod(fd, st.st_mode & 07777);
        return;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
}

Replacement *replace_open(const char *path)
{
    Replacement *r = calloc(1, sizeof *r);
    if (r == NULL) abort();
    r->path = concat(path, "");
    r->tmp = concat(path, ".tmp-XXXXXX");
    int fd = mkstemp(r->tmp);
    if (fd >= 0) {
        set_mode(fd, path);
        r->out = fdopen(fd, "w");
        if (r->out == NULL) {
            int saved = errno;
            close(fd);
            unlink(r->tmp);
            errno = saved;
        }
    }
    if (r->out == NULL) {
        int saved = errno;
        replacement_free(r);
        errno = saved;
        return NULL;
    }
    return r;
}

FILE *replace_file(Replacement *r)
{
    return r->out;
}

void replace_discard(Replacement *r)
{
    if (r == NULL) return;
    fclose(r->out);
    unlink(r->tmp);
    replacement_free(r);
}

/* The rename is durable only once the directory that holds the name is. */
static int fsync_directory_of(const char *path)
{
    char *copy = concat(path, "");
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);
    free(copy);
    if (fd < 0) return errno;
    int why = fsync(fd) == 0 || errno == EINVAL ? 0 : errno; /* some file systems cannot, and need not */
    close(fd);
    return why;
}

int replace_commit(Replacement *r)
{
    int why = 0;
    if (fflush(r->out) != 0) why = errno;
    else if (ferror(r->out)) why = EIO; /* an earlier buffered write failed; its errno is long gone */
    else if (fsync(fileno(r->out)) != 0) why = errno;
    if (fclose(r->out) != 0 && why == 0) why = errno;
    if (why == 0 && rename(r->tmp, r->path) != 0) why = errno;
    if (why != 0) unlink(r->tmp);
    else why = fsync_directory_of(r->path);
    replacement_free(r);
    return why;
}
