/* main.c: the command line. It parses arguments and hands over to the
 * session; nothing else happens here. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aio.h"
#include "clock.h"
#include "lesson.h"
#include "notebook.h"
#include "session.h"


static const char usage_text[] =
    "usage: loopbook [option] [FILE.py | -c CODE]\n"
    "\n"
    "Run Python programs (a subset of Python 3.11) and learn asyncio by running it.\n"
    "\n"
    "  loopbook               the notebook: cells at an In [n]: prompt (or read from\n"
    "                         stdin when it is not a terminal)\n"
    "  loopbook FILE.py       run a script, like python3 FILE.py\n"
    "  loopbook -c CODE       run CODE\n"
    "  loopbook --dis FILE.py show the bytecode of a script\n"
    "  --clock real|virtual   the clock asyncio runs on: real (the default) waits;\n"
    "                         virtual never waits, time jumps to the next timer\n"
    "  --strict               notebook from stdin: exit 1 if a cell fails\n"
    "  loopbook LESSON.md     replay a lesson: its prose, then each cell run live\n"
    "  loopbook --check LESSON.md...   run lessons, compare with their recorded outputs\n"
    "  loopbook --record LESSON.md...  run lessons and write their output blocks\n"
    "  loopbook --html OUT.html LESSON.md  run a lesson and write it as one page: prose,\n"
    "                         cells, outputs and each cell's timeline drawn (self-contained)\n"
    "  --cell-timeout S       stop a lesson cell that runs longer than S seconds\n"
    "  --timeline             after a script (or each cell of a lesson replayed):\n"
    "                         when each task ran, waited and ended\n"
    "  --explain              after a script (or each cell of a lesson replayed): what\n"
    "                         ran and what it awaited, step by step\n"
    "  --trace-json FILE      the script's timeline for Perfetto / chrome://tracing\n"
    "  --block-threshold S    report a task step that holds the event loop S seconds\n"
    "                         or more (default 0.1; 0: never; scripts: with --timeline)\n"
    "  loopbook --step LESSON.md       the prompt, with each cell of the lesson typed for you\n"
    "  loopbook --version     print the version\n"
    "  loopbook --help        show this help\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "loopbook: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage_text);
    return 2;
}

/* --trace-json FILE: the script's timeline in Chrome's trace format. */
static bool write_trace(Session *s, const char *path)
{
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        fprintf(stderr, "loopbook: cannot write '%s': %s\n", path, strerror(errno));
        s->exit_status = 1;
        return false;
    }
    aio_timeline_trace(s->vm, f);
    if (fclose(f) != 0) {
        s->exit_status = 1;
        return false;
    }
    return true;
}

/* --clock real|virtual (or --clock=...): false after a usage error. */
static bool parse_clock(const char *value, bool *is_virtual)
{
    if (value == NULL) return false;
    if (strcmp(value, "real") == 0) *is_virtual = false;
    else if (strcmp(value, "virtual") == 0) *is_virtual = true;
    else return false;
    return true;
}

int main(int argc, char **argv)
{
    bool virtual_clock = false, clock_given = false, timeline = false, explain = false;
    const char *trace_json = NULL;
    NotebookOptions notebook = {false, NULL};
    LessonOptions lesson = {.mode = LESSON_REPLAY};
    int i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--strict") == 0) {
            notebook.strict = true;
            continue;
        }
        if (strcmp(argv[i], "--check") == 0 || strcmp(argv[i], "--record") == 0) {
            lesson.mode = argv[i][2] == 'c' ? LESSON_CHECK : LESSON_RECORD;
            continue;
        }
        if (strcmp(argv[i], "--html") == 0) {
            if (i + 1 >= argc) return usage_error("%s", "--html expects the page's file (--html OUT.html LESSON.md)");
            lesson.mode = LESSON_HTML;
            lesson.html_path = argv[++i];
            /* `--html a.md b.md` would replace a lesson with a page */
            if (lesson_is_lesson(lesson.html_path))
                return usage_error("--html writes a page, not a lesson: '%s' ends in .md", lesson.html_path);
            continue;
        }
        if (strcmp(argv[i], "--trace-json") == 0) {
            if (i + 1 >= argc) return usage_error("%s", "--trace-json expects a file");
            trace_json = argv[++i];
            continue;
        }
        if (strcmp(argv[i], "--timeline") == 0 || strcmp(argv[i], "--explain") == 0) {
            *(argv[i][2] == 't' ? &timeline : &explain) = true;
            continue;
        }
        if (strcmp(argv[i], "--block-threshold") == 0) {
            char *end = NULL;
            double seconds = i + 1 < argc ? strtod(argv[++i], &end) : -1;
            if (end == NULL || end == argv[i] || *end != '\0' || !(seconds >= 0) || seconds > 1e6)
                return usage_error("%s", "--block-threshold expects a number of seconds (0: never)");
            aio_default_block_threshold(seconds);
            continue;
        }
        if (strcmp(argv[i], "--step") == 0) {
            if (i + 1 >= argc) return usage_error("%s", "--step expects a lesson");
            notebook.step_lesson = argv[++i];
            continue;
        }
        if (strcmp(argv[i], "--cell-timeout") == 0) {
            char *end = NULL;
            lesson.cell_timeout = i + 1 < argc ? strtod(argv[++i], &end) : 0;
            if (end == NULL || *end != '\0' || lesson.cell_timeout <= 0)
                return usage_error("%s", "--cell-timeout expects a number of seconds");
            continue;
        }
        if (strncmp(argv[i], "--clock", 7) == 0 && (argv[i][7] == '\0' || argv[i][7] == '=')) clock_given = true;
        if (strncmp(argv[i], "--clock", 7) != 0 || (argv[i][7] != '\0' && argv[i][7] != '=')) break;
        const char *value = argv[i][7] == '=' ? argv[i] + 8 : (i + 1 < argc ? argv[++i] : NULL);
        if (!parse_clock(value, &virtual_clock))
            return usage_error("--clock expects 'real' or 'virtual', not '%s'", value ? value : "");
    }
    if (lesson.mode != LESSON_REPLAY || (i < argc && lesson_is_lesson(argv[i]))) {
        if (i >= argc) return usage_error("%s", "expected one or more LESSON.md files");
        if (lesson.mode == LESSON_HTML && i + 1 < argc)
            return usage_error("%s", "--html writes one page: give it one LESSON.md");
        lesson.clock = clock_given ? (virtual_clock ? 2 : 1) : 0;
        if ((timeline || explain) && lesson.mode != LESSON_REPLAY && lesson.mode != LESSON_HTML)
            return usage_error("%s", "--timeline and --explain tell cells on replay; in a lesson, the `timeline` cell "
                                     "option records a chart");
        lesson.timeline = timeline;
        lesson.explain = explain && lesson.mode == LESSON_REPLAY;
        int status = 0;
        for (; i < argc; i++) {
            int st = lesson_run(argv[i], &lesson);
            if (st > status) status = st;
        }
        return status;
    }
    if (i >= argc) {
        Session *s = session_new();
        if (virtual_clock) clock_use_virtual(s->vm);
        int status = notebook_main(s, &notebook);
        session_free(s);
        return status;
    }
    const char *arg = argv[i];
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(arg, "--version") == 0 || strcmp(arg, "-V") == 0) {
        puts("loopbook " LOOPBOOK_VERSION);
        return 0;
    }
    Session *s = session_new();
    if (virtual_clock) clock_use_virtual(s->vm);
    bool ok;
    if (strcmp(arg, "-c") == 0) {
        if (i + 1 >= argc) {
            session_free(s);
            return usage_error("%s", "argument expected for the -c option");
        }
        ok = session_run_source(s, argv[i + 1], strlen(argv[i + 1]), "<string>");
    } else if (strcmp(arg, "--dis") == 0) {
        if (i + 1 >= argc) {
            session_free(s);
            return usage_error("%s", "--dis expects a file");
        }
        ok = session_disassemble_file(s, argv[i + 1]);
    } else if (arg[0] == '-' && arg[1] != '\0') {
        session_free(s);
        return usage_error("unknown option %s", arg);
    } else {
        if (timeline || explain || trace_json) aio_timeline_start(s->vm);
        RunStatus status = session_run_file(s, arg);
        if (status == RUN_CANNOT_OPEN) {
            session_free(s);
            return 2;
        }
        ok = status == RUN_OK;
        if (timeline || explain) vm_end_line(s->vm);
        fflush(stdout);
        fflush(stderr);
        if (timeline || explain) aio_print_block_reports(s->vm, stdout);
        aio_timeline_stop(s->vm);
        if (timeline) aio_timeline_print(s->vm, stdout, 80, isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL);
        if (explain) aio_timeline_explain(s->vm, stdout);
        if (trace_json && !write_trace(s, trace_json)) ok = false;
    }
    fflush(stdout);
    int status = ok ? 0 : s->exit_status;
    session_free(s);
    return status;
}
