/* child.c: starting, feeding, reading and killing the program under test. */
#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { POLL_SLICE_MS = 10 };

double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* In the child, before exec: the environment the test promises. A fresh
 * HOME and state directory isolate history files; LINES and COLUMNS would
 * override the window size the pty reports, so they go. */
static void set_child_environment(const ChildSpec *spec)
{
    unsetenv("LINES");
    unsetenv("COLUMNS");
    unsetenv("LC_ALL");
    setenv("LANG", "C.UTF-8", 1);
    setenv("TERM", "xterm-256color", 1);
    setenv("HOME", spec->home, 1);
    setenv("XDG_STATE_HOME", spec->state_home, 1);
    for (char *const *e = spec->env; e && *e; e++) {
        char *eq = strchr(*e, '=');
        if (eq == NULL) {
            unsetenv(*e);
            continue;
        }
        *eq = '\0'; /* this is the child's copy of the string */
        setenv(*e, eq + 1, 1);
        *eq = '=';
    }
}

static void exec_child(const ChildSpec *spec)
{
    set_child_environment(spec);
    if (chdir(spec->home) != 0) {
        printf("pty_run: cannot enter %s: %s\n", spec->home, strerror(errno));
        _exit(127);
    }
    execvp(spec->program, spec->argv);
    /* stdout is the pty: the message shows up in the output the test sees */
    printf("pty_run: cannot run %s: %s\n", spec->program, strerror(errno));
    fflush(stdout);
    _exit(127);
}

bool child_start(Child *c, const ChildSpec *spec, char *err, size_t err_size)
{
    struct winsize ws = {.ws_row = (unsigned short)spec->rows, .ws_col = (unsigned short)spec->cols};
    int master = -1;
    fflush(NULL); /* nothing buffered may be written twice */
    pid_t pid = forkpty(&master, NULL, NULL, &ws);
    if (pid < 0) {
        snprintf(err, err_size, "forkpty: %s", strerror(errno));
        return false;
    }
    if (pid == 0) exec_child(spec);
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    fcntl(master, F_SETFD, FD_CLOEXEC);
    *c = (Child){.pid = pid, .master = master};
    return true;
}

/* Read everything available now. False once the slave side is closed by
 * everyone (EIO on Linux): there will be no more output. */
static bool read_available(Child *c, Vt *vt)
{
    char chunk[4096];
    for (;;) {
        ssize_t got = read(c->master, chunk, sizeof chunk);
        if (got > 0) {
            vt_feed(vt, chunk, (size_t)got);
            continue;
        }
        if (got < 0 && errno == EINTR) continue;
        return got < 0 && errno == EAGAIN;
    }
}

/* Answers the screen model owes (cursor position reports) go back in. */
static void send_replies(Child *c, Vt *vt)
{
    if (vt->reply.len == 0 || c->master < 0) return;
    ssize_t put = write(c->master, vt->reply.data, vt->reply.len);
    (void)put; /* a lost answer only matters to a program that asks */
    vt->reply.len = 0;
}

static void close_master(Child *c)
{
    if (c->master >= 0) close(c->master);
    c->master = -1;
}

/* If the child has exited, read what it left in the pty and close it. */
static void check_exit(Child *c, Vt *vt)
{
    if (c->exited) return;
    int status;
    pid_t got = waitpid(c->pid, &status, WNOHANG);
    if (got != c->pid) return;
    c->exited = true;
    c->status = status;
    if (c->master >= 0) read_available(c, vt);
    close_master(c);
}

static int poll_timeout_ms(double deadline)
{
    double left = deadline - now_seconds();
    if (left <= 0) return 0;
    int ms = (int)(left * 1000) + 1;
    return ms < POLL_SLICE_MS ? ms : POLL_SLICE_MS;
}

void child_pump(Child *c, Vt *vt, double deadline)
{
    if (c->master < 0) {
        check_exit(c, vt);
        return;
    }
    struct pollfd p = {.fd = c->master, .events = POLLIN};
    if (poll(&p, 1, poll_timeout_ms(deadline)) > 0) {
        /* POLLHUP without data: every slave fd is closed; wait for the exit */
        if (!read_available(c, vt) && (p.revents & POLLHUP) && !(p.revents & POLLIN)) {
            struct timespec pause = {0, POLL_SLICE_MS * 1000000L};
            nanosleep(&pause, NULL);
        }
        send_replies(c, vt);
    }
    check_exit(c, vt);
}

bool child_write(Child *c, Vt *vt, const char *bytes, size_t n, double deadline)
{
    size_t done = 0;
    while (done < n) {
        if (c->master < 0 || c->exited || now_seconds() >= deadline) return false;
        struct pollfd p = {.fd = c->master, .events = POLLIN | POLLOUT};
        if (poll(&p, 1, poll_timeout_ms(deadline)) > 0) {
            if (p.revents & POLLIN) read_available(c, vt);
            if (p.revents & POLLOUT) {
                ssize_t put = write(c->master, bytes + done, n - done);
                if (put > 0) done += (size_t)put;
                else if (put < 0 && errno != EAGAIN && errno != EINTR) return false;
            }
        }
        check_exit(c, vt);
    }
    return true;
}

void child_resize(Child *c, int cols, int rows)
{
    struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
    if (c->master >= 0) ioctl(c->master, TIOCSWINSZ, &ws);
}

void child_kill(Child *c)
{
    if (c->pid <= 0) return;
    /* the whole process group: a shell's children too */
    kill(-c->pid, SIGKILL);
    if (!c->exited) {
        kill(c->pid, SIGKILL);
        int status = 0;
        while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR) {
        }
        c->exited = true;
        c->status = status;
    }
    close_master(c);
}
