/* notebook.c: the notebook's front ends over session_run_cell: the prompt
 * on a terminal (prompt.c) and, when stdin is not a terminal, a transcript:
 * cells read from stdin (a block ends with an empty line), each echoed with
 * its In [n]: marker, then its output and its timing line, so that the
 * result reads like a notebook. */
#include "notebook.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aio.h"
#include "cells.h"
#include "magics.h"


/* "In [n]: " and "   ...: " of the same width. */
static void echo_cell(FILE *out, int n, const char *cell)
{
    char marker[32];
    int width = snprintf(marker, sizeof marker, "In [%d]: ", n);
    const char *line = cell;
    bool first = true;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (first) fputs(marker, out);
        else fprintf(out, "%*s: ", width - 2, "...");
        fwrite(line, 1, len, out);
        fputc('\n', out);
        first = false;
        line += len + (end ? 1 : 0);
    }
}

void notebook_print_timing(Session *s, const CellReport *r, bool tty)
{
    char text[64];
    format_duration((double)r->wall_ns / 1e9, text, sizeof text);
    FILE *out = s->vm->out;
    vm_end_line(s->vm);
    fprintf(out, "%sWall time: %s%s%s\n", tty ? "\033[2m" : "", text, s->vm->clock_virtual ? " (virtual)" : "",
            tty ? "\033[0m" : "");
}

/* %timeline and %explain tell the cell before them (and %blocking keeps
 * that record too); every other cell records anew. */
static bool is_timeline_magic(const char *cell)
{
    while (*cell == ' ' || *cell == '\t') cell++;
    return strncmp(cell, "%timeline", 9) == 0 || strncmp(cell, "%explain", 8) == 0 ||
           strncmp(cell, "%blocking", 9) == 0;
}

bool notebook_cell(Session *s, NotebookState *nb, const char *cell, size_t len)
{
    CellReport r;
    bool show_timing = true;
    bool records = !is_timeline_magic(cell);
    if (records) aio_timeline_start(s->vm);
    MagicOutcome m = magic_run(s, nb, cell, &r, &show_timing);
    if (m == MAGIC_NOT_A_MAGIC) session_run_cell(s, cell, len, &r); /* len: NUL bytes reach the compiler */
    if (records) aio_timeline_stop(s->vm);
    fflush(s->vm->out);
    vm_end_line(s->vm);
    aio_print_block_reports(s->vm, s->vm->out); /* the steps that held the loop too long */
    if (nb->timing && show_timing && !s->exit_requested) notebook_print_timing(s, &r, nb->tty);
    if (!s->exit_requested) fputc('\n', s->vm->out);
    fflush(s->vm->out);
    return m == MAGIC_NOT_A_MAGIC ? r.ok : m == MAGIC_DONE;
}

/* Run one cell of the transcript (and what %load queued after it). */
static bool transcript_cell(Session *s, NotebookState *nb, const char *cell, size_t len)
{
    echo_cell(s->vm->out, s->cell_count + 1, cell);
    fflush(s->vm->out);
    bool ok = notebook_cell(s, nb, cell, len);
    session_run_background(s);
    while (ok && nb->pending_input && !s->exit_requested) {
        char *loaded = nb->pending_input;
        nb->pending_input = NULL;
        ok = transcript_cell(s, nb, loaded, strlen(loaded));
        free(loaded);
    }
    return ok;
}

int notebook_run_transcript(Session *s, FILE *in, const NotebookOptions *options)
{
    NotebookState nb = {true, false, NULL, NULL};
    TextBuf cell;
    tb_init(&cell);
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    bool failed = false;
    size_t lines = 0;
    while (!s->exit_requested && (got = getline(&line, &cap, in)) >= 0) {
        bool blank = cell_line_blank(line);
        if (lines == 0 && blank) continue;
        if (!blank) {
            cell_text_add(&cell, line, (size_t)got);
            lines++;
        }
        /* a cell ends with its first line if that is complete, else with an
         * empty line (only the first line is looked at: linear in the cell) */
        bool ends = blank || (lines == 1 && !cell_needs_more(cell.data));
        if (!ends) continue;
        if (cell.len && cell.data[cell.len - 1] == '\n') cell.data[--cell.len] = '\0';
        if (!transcript_cell(s, &nb, cell.data, cell.len)) failed = true;
        cell.len = 0;
        lines = 0;
    }
    if (lines > 0 && !s->exit_requested) {
        if (cell.data[cell.len - 1] == '\n') cell.data[--cell.len] = '\0';
        if (!transcript_cell(s, &nb, cell.data, cell.len)) failed = true;
    }
    free(line);
    tb_free(&cell);
    notebook_state_free(&nb);
    fflush(s->vm->out);
    if (s->exit_requested) return s->exit_status;
    return failed && options->strict ? 1 : 0;
}

int notebook_main(Session *s, const NotebookOptions *options)
{
    /* the asyncio core first: the session's loop runs every cell, so that
     * asyncio.create_task works in a cell that also imports asyncio */
    if (aio_session_loop(s->vm) == NULL) {
        vm_take_exception(s->vm);
        fputs("loopbook: cannot start the event loop\n", stderr);
        return 1;
    }
    if (isatty(STDIN_FILENO)) return notebook_run_prompt(s, options);
    if (options->step_lesson) {
        fputs("loopbook: --step needs a terminal (replay the lesson instead: loopbook LESSON.md)\n", stderr);
        return 2;
    }
    return notebook_run_transcript(s, stdin, options);
}
