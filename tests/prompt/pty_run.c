/* pty_run.c: drive a program through a pseudo-terminal from a script.
 *
 *   pty_run [-v] [-k] [-r FILE] [-T SECONDS] LOOPBOOK SCRIPT
 *
 * Runs LOOPBOOK (or the script's `program`) on a fresh pty with TERM, a
 * window size, and HOME (also the working directory) and XDG_STATE_HOME
 * (HOME/xdg-state) in a new temporary folder; then follows SCRIPT (the
 * language: script.h): keystrokes in, expectations on the text stream, the
 * screen, the exit status and files out (what is seen: vt.h).
 *
 * Exit status: 0 when the script passes; 1 when it fails, after a message
 * naming the script, the line, what was expected and the last 20 lines of
 * output; 2 on a usage or script error. The child is always killed (with its
 * process group) and reaped; the whole run is bounded by a global timeout
 * (-T, default 60 s) and an alarm behind it.
 *   -v  log each command to stderr as it runs
 *   -k  keep the temporary HOME (its path is printed)
 *   -r FILE  append every byte the program writes to FILE (escapes and all)
 */
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"
#include "script.h"
#include "vt.h"

enum { TAIL_LINES = 20, SHOWN_LINE_MAX = 160 };
static const double SETTLE_SECONDS = 0.3;    /* expect_not watches this long */
static const double DEFAULT_TIMEOUT = 5.0;   /* each wait */
static const double DEFAULT_GLOBAL = 60.0;   /* the whole script */
static const size_t OUTPUT_LIMIT = 64u << 20; /* a runaway program fails the test */

typedef struct {
    const Script *script;
    const Command *cmd;    /* the command being run */
    const char *loopbook;  /* the program when the script names none */
    const char *program;   /* `program`, else NULL */
    char *const *args;     /* `args` (owned by the script), else NULL */
    char **env;            /* `env` entries, NULL-terminated */
    size_t env_count;
    char home[PATH_MAX];
    char state_home[PATH_MAX + 16];
    int cols, rows;
    double timeout;
    double global_deadline;
    bool verbose;
    bool started;
    FILE *raw_log;         /* -r */
    Child child;
    Vt vt;
    size_t mark;           /* expect searches the text stream from here */
    size_t raw_mark;       /* expect_raw searches the raw bytes from here */
    double last_send;      /* when the last send finished (within) */
} Runner;

static volatile sig_atomic_t alarm_child_pid;

/* The alarm is the last line of defence against a hang in pty_run itself. */
static void on_alarm(int sig)
{
    (void)sig;
    static const char message[] = "pty_run: global timeout (alarm): killed the program\n";
    if (alarm_child_pid > 0) kill(-(pid_t)alarm_child_pid, SIGKILL);
    ssize_t put = write(2, message, sizeof message - 1);
    (void)put;
    _exit(1);
}

/* ---- reporting ---- */

static void describe_status(int status, char *out, size_t size)
{
    if (WIFEXITED(status)) snprintf(out, size, "exited with status %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) snprintf(out, size, "was killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    else snprintf(out, size, "stopped (status %#x)", status);
}

static void print_line_shown(const char *line, size_t len)
{
    size_t shown = len > SHOWN_LINE_MAX ? SHOWN_LINE_MAX : len;
    fprintf(stderr, "    | %.*s", (int)shown, line);
    if (shown < len) fprintf(stderr, "... (%zu more bytes)", len - shown);
    fputc('\n', stderr);
}

/* The last `count` lines of `text` (an unfinished last line counts). */
static void print_tail(const char *text, size_t len, int count)
{
    size_t start = len;
    if (start > 0 && text[start - 1] == '\n') start--;
    for (int n = 0; start > 0; start--)
        if (text[start - 1] == '\n' && ++n == count) break;
    while (start < len) {
        const char *end = memchr(text + start, '\n', len - start);
        size_t line_len = end ? (size_t)(end - (text + start)) : len - start;
        print_line_shown(text + start, line_len);
        start += line_len + 1;
    }
}

static void print_output_tail(const Runner *r)
{
    fprintf(stderr, "--- last %d lines of output (escape sequences and \\r removed):\n", TAIL_LINES);
    if (r->vt.text.len == 0) fprintf(stderr, "    (no output at all)\n");
    else print_tail(r->vt.text.data, r->vt.text.len, TAIL_LINES);
}

static void print_screen(const Runner *r)
{
    const Screen *s = &r->vt.screen;
    fprintf(stderr, "--- the screen (%dx%d; > marks the cursor's row, column %d):\n", s->cols, s->rows, s->col + 1);
    Buffer row = {0};
    for (int i = 0; i < s->rows; i++) {
        row.len = 0;
        vt_screen_row(&r->vt, i, &row);
        fprintf(stderr, "  %c%3d|%s\n", i == s->row ? '>' : ' ', i + 1, row.data);
    }
    buffer_free(&row);
    if (r->vt.last_ignored[0]) fprintf(stderr, "    (the model ignored some sequences, the last: %s)\n", r->vt.last_ignored);
}

/* The first lines of a failure: where, and what went wrong. */
static void report(const Runner *r, const char *format, ...)
{
    va_list ap;
    fprintf(stderr, "pty_run: FAIL %s:%d: %s\n    ", r->script->path, r->cmd ? r->cmd->line : 0,
            r->cmd ? r->cmd->source : "(end of script)");
    va_start(ap, format);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (now_seconds() >= r->global_deadline)
        fprintf(stderr, "    (the script's global timeout ran out: pty_run -T)\n");
    if (r->vt.text.len > OUTPUT_LIMIT) fprintf(stderr, "    (the program wrote more than %zu MiB: stopped reading)\n", OUTPUT_LIMIT >> 20);
    if (r->started && r->child.exited) {
        char how[96];
        describe_status(r->child.status, how, sizeof how);
        fprintf(stderr, "    (the program %s)\n", how);
    }
}

/* Report a failure with the recent output; returns false for the caller. */
static bool fail(const Runner *r, const char *format, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    report(r, "%s", message);
    print_output_tail(r);
    return false;
}

/* ---- the child ---- */

static bool start_child(Runner *r)
{
    const char *program = r->program ? r->program : r->loopbook;
    size_t nargs = 0;
    while (r->args && r->args[nargs]) nargs++;
    char **argv = calloc(nargs + 2, sizeof(char *));
    argv[0] = (char *)program;
    for (size_t i = 0; i < nargs; i++) argv[i + 1] = r->args[i];
    ChildSpec spec = {program, argv, r->env, r->home, r->state_home, r->cols, r->rows};
    vt_free(&r->vt);
    vt_init(&r->vt, r->cols, r->rows);
    r->vt.raw_log = r->raw_log;
    r->mark = 0;
    r->raw_mark = 0;
    char err[256];
    bool ok = child_start(&r->child, &spec, err, sizeof err);
    free(argv);
    if (!ok) return fail(r, "cannot start %s: %s", program, err);
    r->started = true;
    r->last_send = now_seconds();
    alarm_child_pid = r->child.pid;
    return true;
}

/* Commands that talk to the program start it the first time. */
static bool ensure_started(Runner *r)
{
    return r->started || start_child(r);
}

static double deadline_in(const Runner *r, double seconds)
{
    double d = now_seconds() + seconds;
    return d < r->global_deadline ? d : r->global_deadline;
}

typedef bool (*Condition)(Runner *r, void *arg);

/* Read output until `holds` is true (true), or the deadline passes or the
 * program has exited and said all it will (false). */
static bool wait_for(Runner *r, Condition holds, void *arg, double deadline)
{
    for (;;) {
        if (holds(r, arg)) return true;
        if (now_seconds() >= deadline || !r->started || r->child.master < 0) return false;
        child_pump(&r->child, &r->vt, deadline);
        if (r->vt.text.len > OUTPUT_LIMIT) return false;
    }
}

/* ---- conditions ---- */

typedef struct {
    const char *text;
    size_t len;
    size_t end; /* where the match ends in the text stream */
} Search;

static bool text_seen(Runner *r, void *arg)
{
    Search *s = arg;
    const char *stream = r->vt.text.data + r->mark;
    const char *found = memmem(stream, r->vt.text.len - r->mark, s->text, s->len);
    if (found) s->end = (size_t)(found - r->vt.text.data) + s->len;
    return found != NULL;
}

static bool raw_seen(Runner *r, void *arg)
{
    Search *s = arg;
    const char *stream = r->vt.raw.data + r->raw_mark;
    const char *found = memmem(stream, r->vt.raw.len - r->raw_mark, s->text, s->len);
    if (found) s->end = (size_t)(found - r->vt.raw.data) + s->len;
    return found != NULL;
}

static bool never(Runner *r, void *arg)
{
    (void)r;
    (void)arg;
    return false;
}

static bool child_exited(Runner *r, void *arg)
{
    (void)arg;
    return r->child.exited;
}

typedef struct {
    const Command *cmd;
    int row; /* 0-based, resolved when last checked */
} RowSearch;

static bool screen_row_has(Runner *r, void *arg)
{
    RowSearch *s = arg;
    int base = s->cmd->from_cursor ? r->vt.screen.row : -1;
    s->row = base + (int)s->cmd->number;
    if (s->row < 0 || s->row >= r->vt.screen.rows) return false;
    Buffer line = {0};
    vt_screen_row(&r->vt, s->row, &line);
    bool found = memmem(line.data, line.len, s->cmd->text, s->cmd->text_len) != NULL;
    buffer_free(&line);
    return found;
}

typedef struct {
    const Command *cmd;
    Buffer content; /* the file as last read */
    bool exists;
} FileSearch;

static void read_file_into(const char *path, Buffer *out, bool *exists)
{
    out->len = 0;
    buffer_add(out, "", 0);
    FILE *f = fopen(path, "rb");
    *exists = f != NULL;
    if (f == NULL) return;
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) buffer_add(out, chunk, got);
    fclose(f);
}

static bool file_has(Runner *r, void *arg)
{
    FileSearch *s = arg;
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/%s", r->home, s->cmd->word);
    read_file_into(path, &s->content, &s->exists);
    return memmem(s->content.data, s->content.len, s->cmd->text, s->cmd->text_len) != NULL;
}

/* ---- commands ---- */

static bool do_send(Runner *r, const Command *cmd, size_t times)
{
    if (!ensure_started(r)) return false;
    double deadline = deadline_in(r, r->timeout); /* for all the repeats together */
    for (size_t i = 0; i < times; i++) {
        if (child_write(&r->child, &r->vt, cmd->text, cmd->text_len, deadline)) continue;
        if (r->child.exited) return fail(r, "the program has exited: nothing can be typed");
        return fail(r, "the program did not read the keystrokes within %g s", r->timeout);
    }
    r->last_send = now_seconds();
    return true;
}

static bool do_expect(Runner *r, const Command *cmd)
{
    if (!ensure_started(r)) return false;
    Search s = {cmd->text, cmd->text_len, 0};
    if (!wait_for(r, text_seen, &s, deadline_in(r, r->timeout)))
        return fail(r, "not seen within %g s in the %zu bytes of output after the previous match", r->timeout,
                    r->vt.text.len - r->mark);
    r->mark = s.end;
    return true;
}

static bool do_expect_raw(Runner *r, const Command *cmd)
{
    if (!ensure_started(r)) return false;
    Search s = {cmd->text, cmd->text_len, 0};
    if (!wait_for(r, raw_seen, &s, deadline_in(r, r->timeout)))
        return fail(r, "not seen within %g s in the %zu raw bytes after the previous expect_raw match", r->timeout,
                    r->vt.raw.len - r->raw_mark);
    r->raw_mark = s.end;
    return true;
}

static bool do_expect_not(Runner *r, const Command *cmd)
{
    if (!ensure_started(r)) return false;
    Search s = {cmd->text, cmd->text_len, 0};
    if (wait_for(r, text_seen, &s, deadline_in(r, SETTLE_SECONDS)))
        return fail(r, "seen, but it should not appear (within %g s, after the previous match)", SETTLE_SECONDS);
    return true;
}

/* within MS expect TEXT: on a miss, wait on to say how late it came. */
static bool do_within(Runner *r, const Command *cmd)
{
    if (!ensure_started(r)) return false;
    Search s = {cmd->text, cmd->text_len, 0};
    double limit = cmd->number / 1000.0;
    double deadline = r->last_send + limit;
    if (deadline > r->global_deadline) deadline = r->global_deadline;
    if (wait_for(r, text_seen, &s, deadline)) {
        r->mark = s.end;
        return true;
    }
    if (wait_for(r, text_seen, &s, deadline_in(r, r->timeout)))
        return fail(r, "seen only after %.0f ms (the limit is %g ms after the last send)",
                    (now_seconds() - r->last_send) * 1000, cmd->number);
    return fail(r, "not seen at all (the limit was %g ms after the last send; waited %g s more)", cmd->number,
                r->timeout);
}

static bool do_sleep(Runner *r, const Command *cmd)
{
    double deadline = deadline_in(r, cmd->number);
    wait_for(r, never, NULL, deadline);
    /* after an exit there is nothing to read, but the script asked for time */
    double left = deadline - now_seconds();
    if (left > 0) usleep((useconds_t)(left * 1e6));
    return true;
}

static bool do_expect_exit(Runner *r, const Command *cmd)
{
    if (!ensure_started(r)) return false;
    if (!wait_for(r, child_exited, NULL, deadline_in(r, r->timeout)))
        return fail(r, "the program is still running after %g s", r->timeout);
    int status = r->child.status;
    if (WIFEXITED(status) && WEXITSTATUS(status) == (int)cmd->number) return true;
    char how[96];
    describe_status(status, how, sizeof how);
    return fail(r, "the program %s, expected exit status %g", how, cmd->number);
}

static bool do_expect_file(Runner *r, const Command *cmd)
{
    FileSearch s = {cmd, {0}, false};
    bool ok = wait_for(r, file_has, &s, deadline_in(r, r->timeout));
    if (!ok) {
        if (!s.exists) {
            report(r, "no file %s under HOME after %g s", cmd->word, r->timeout);
        } else {
            report(r, "the file %s does not contain the text (after %g s)", cmd->word, r->timeout);
            fprintf(stderr, "--- the file's last %d lines:\n", TAIL_LINES);
            print_tail(s.content.data, s.content.len, TAIL_LINES);
        }
    }
    buffer_free(&s.content);
    return ok;
}

/* mkdir -p for the folders above `path`. */
static void make_parents(char *path)
{
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(path, 0700);
        *slash = '/';
    }
}

static bool do_write_file(Runner *r, const Command *cmd)
{
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/%s", r->home, cmd->word);
    make_parents(path);
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(cmd->text, 1, cmd->text_len, f) == cmd->text_len;
    if (f && fclose(f) != 0) ok = false;
    return ok || fail(r, "cannot write %s: %s", path, strerror(errno));
}

static bool do_screen_line(Runner *r, const Command *cmd)
{
    if (!ensure_started(r)) return false;
    RowSearch s = {cmd, 0};
    if (wait_for(r, screen_row_has, &s, deadline_in(r, r->timeout))) return true;
    if (s.row < 0 || s.row >= r->vt.screen.rows) report(r, "row %d is off the screen (after %g s)", s.row + 1, r->timeout);
    else report(r, "row %d does not contain the text (after %g s)", s.row + 1, r->timeout);
    print_screen(r);
    return false;
}

/* The screen as it is once the output has settled. */
static bool do_screen_dump(Runner *r)
{
    if (r->started) wait_for(r, never, NULL, deadline_in(r, SETTLE_SECONDS));
    print_screen(r);
    return true;
}

static bool do_size(Runner *r, const Command *cmd)
{
    r->cols = (int)cmd->number;
    r->rows = cmd->rows;
    if (r->started && !r->child.exited) {
        vt_resize(&r->vt, r->cols, r->rows);
        child_resize(&r->child, r->cols, r->rows);
    }
    return true;
}

/* `env NAME=VALUE`: a VALUE starting with ~/ lies under the temporary HOME. */
static void add_env(Runner *r, const char *entry)
{
    const char *eq = strchr(entry, '=');
    char *value;
    if (eq && strncmp(eq + 1, "~/", 2) == 0) {
        size_t size = strlen(entry) + strlen(r->home) + 1;
        value = malloc(size);
        snprintf(value, size, "%.*s%s%s", (int)(eq + 1 - entry), entry, r->home, eq + 2);
    } else {
        value = strdup(entry);
    }
    r->env = realloc(r->env, (r->env_count + 2) * sizeof(char *));
    r->env[r->env_count++] = value;
    r->env[r->env_count] = NULL;
}

static bool do_start(Runner *r)
{
    if (r->started && !r->child.exited) return fail(r, "the program is already running");
    child_kill(&r->child); /* reaps nothing new, but takes any leftover process group */
    return start_child(r);
}

static bool run_command(Runner *r, const Command *cmd)
{
    switch (cmd->kind) {
    case CMD_PROGRAM: r->program = cmd->word; return true;
    case CMD_ARGS: r->args = cmd->words; return true;
    case CMD_ENV: add_env(r, cmd->word); return true;
    case CMD_SIZE: return do_size(r, cmd);
    case CMD_TIMEOUT: r->timeout = cmd->number; return true;
    case CMD_START: return do_start(r);
    case CMD_SEND: return do_send(r, cmd, 1);
    case CMD_SEND_REPEAT: return do_send(r, cmd, (size_t)cmd->number);
    case CMD_EXPECT: return do_expect(r, cmd);
    case CMD_EXPECT_NOT: return do_expect_not(r, cmd);
    case CMD_EXPECT_RAW: return do_expect_raw(r, cmd);
    case CMD_WITHIN: return do_within(r, cmd);
    case CMD_SLEEP: return do_sleep(r, cmd);
    case CMD_EXPECT_EXIT: return do_expect_exit(r, cmd);
    case CMD_EXPECT_FILE: return do_expect_file(r, cmd);
    case CMD_WRITE_FILE: return do_write_file(r, cmd);
    case CMD_SCREEN_LINE: return do_screen_line(r, cmd);
    case CMD_SCREEN_DUMP: return do_screen_dump(r);
    }
    return fail(r, "internal error: unknown command");
}

/* A sanitizer's report in the output fails the script even if all matched. */
static bool check_sanitizers(Runner *r)
{
    static const char *const marks[] = {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                                        "ERROR: MemorySanitizer", "ERROR: ThreadSanitizer"};
    r->cmd = NULL;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (memmem(r->vt.text.data, r->vt.text.len, marks[i], strlen(marks[i])))
            return fail(r, "the output holds a sanitizer report (%s)", marks[i]);
    return true;
}

static bool run_script(Runner *r)
{
    double start = now_seconds();
    for (size_t i = 0; i < r->script->count; i++) {
        const Command *cmd = &r->script->commands[i];
        r->cmd = cmd;
        if (r->verbose) fprintf(stderr, "pty_run: %7.3f s  line %d: %s\n", now_seconds() - start, cmd->line, cmd->source);
        if (!run_command(r, cmd)) return false;
    }
    return check_sanitizers(r);
}

/* ---- set-up and clean-up ---- */

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

static bool make_home(Runner *r)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(r->home, sizeof r->home, "%s/pty_run.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (mkdtemp(r->home) == NULL) {
        fprintf(stderr, "pty_run: cannot make a temporary folder in %s: %s\n", tmp && *tmp ? tmp : "/tmp", strerror(errno));
        return false;
    }
    /* not created: the program must make its state folder, as on a fresh account */
    snprintf(r->state_home, sizeof r->state_home, "%s/xdg-state", r->home);
    return true;
}

static void usage(void)
{
    fprintf(stderr, "usage: pty_run [-v] [-k] [-r FILE] [-T SECONDS] LOOPBOOK SCRIPT\n");
    exit(2);
}

typedef struct {
    bool verbose, keep;
    double global;
    const char *raw_log;
    const char *loopbook, *script;
} Options;

static Options parse_options(int argc, char **argv)
{
    Options o = {false, false, DEFAULT_GLOBAL, NULL, NULL, NULL};
    int opt;
    while ((opt = getopt(argc, argv, "vkr:T:")) != -1) {
        if (opt == 'v') o.verbose = true;
        else if (opt == 'k') o.keep = true;
        else if (opt == 'r') o.raw_log = optarg;
        else if (opt == 'T' && (o.global = atof(optarg)) > 0) continue;
        else usage();
    }
    if (argc - optind != 2) usage();
    o.loopbook = argv[optind];
    o.script = argv[optind + 1];
    return o;
}

/* The program runs in the temporary HOME: a relative path must not be. */
static char *absolute_program(const char *path)
{
    if (strchr(path, '/') == NULL) return strdup(path); /* looked up in PATH */
    char *resolved = realpath(path, NULL);
    return resolved ? resolved : strdup(path);
}

int main(int argc, char **argv)
{
    Options o = parse_options(argc, argv);
    Script script;
    char err[512];
    if (!script_load(&script, o.script, err, sizeof err)) {
        fprintf(stderr, "pty_run: %s\n", err);
        return 2;
    }
    Runner r = {.script = &script, .cols = 80, .rows = 24, .timeout = DEFAULT_TIMEOUT, .verbose = o.verbose};
    char *loopbook = absolute_program(o.loopbook);
    r.loopbook = loopbook;
    r.global_deadline = now_seconds() + o.global;
    vt_init(&r.vt, r.cols, r.rows);
    if (o.raw_log && (r.raw_log = fopen(o.raw_log, "ab")) == NULL) {
        fprintf(stderr, "pty_run: cannot open %s: %s\n", o.raw_log, strerror(errno));
        return 2;
    }
    if (!make_home(&r)) return 2;
    signal(SIGALRM, on_alarm);
    alarm((unsigned)o.global + 5);

    bool passed = run_script(&r);

    child_kill(&r.child);
    alarm(0);
    if (o.keep) fprintf(stderr, "pty_run: kept HOME %s\n", r.home);
    else nftw(r.home, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    vt_free(&r.vt);
    for (size_t i = 0; i < r.env_count; i++) free(r.env[i]);
    free(r.env);
    free(loopbook);
    if (r.raw_log) fclose(r.raw_log);
    script_free(&script);
    return passed ? 0 : 1;
}
