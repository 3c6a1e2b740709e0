/* vt.h: what pty_run makes of the bytes a program writes to its terminal.
 *
 * One escape-sequence parser feeds two views:
 *   - the text stream: printable bytes, newlines and tabs, in the order they
 *     came; escape sequences, \r, backspaces and other controls are dropped.
 *     `expect` searches it. It has no notion of a screen: text that is
 *     redrawn shows up again.
 *   - the screen: a small model of an xterm (a grid of cells and a cursor)
 *     that interprets what line editors use to redraw: \r \n \b \t, cursor
 *     moves (CSI A B C D E F G H d f), erases (CSI J K X), insert/delete of
 *     characters and lines (CSI @ P L M), insert mode (CSI 4 h/l), scrolling
 *     (CSI S T, ESC D M E), save/restore of the cursor and auto-wrap with
 *     xterm's pending wrap at the right margin. `screen_line` reads it.
 *     Colours and private modes are accepted and ignored; anything else is
 *     ignored too, and the last such sequence is remembered for failure
 *     reports. A character is one column (no double-width characters).
 * The model answers one query, the cursor position report (CSI 6 n), so a
 * program that asks does not hang; the answer waits in `reply`. */
#ifndef PTY_RUN_VT_H
#define PTY_RUN_VT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A growable byte buffer, always NUL-terminated. */
typedef struct {
    char *data;
    size_t len, cap;
} Buffer;

void buffer_add(Buffer *b, const char *bytes, size_t n);
void buffer_free(Buffer *b);

/* One screen cell: a UTF-8 character of up to 4 bytes; len 0 is blank. */
typedef struct {
    char bytes[4];
    unsigned char len;
} Cell;

typedef struct {
    int rows, cols;
    Cell *cells;              /* rows * cols, row-major */
    int row, col;             /* the cursor, 0-based, always on the screen */
    bool wrap_pending;        /* a character was written in the last column */
    int saved_row, saved_col; /* ESC 7 / CSI s */
    bool insert_mode;         /* CSI 4 h: printing shifts the rest of the line right */
    Cell *last_printed;       /* where UTF-8 continuation bytes go */
} Screen;

typedef enum {
    PARSE_GROUND,
    PARSE_ESC,        /* after ESC */
    PARSE_ESC_INTER,  /* ESC followed by intermediates, e.g. ESC ( B */
    PARSE_CSI,        /* ESC [ parameters... final */
    PARSE_STRING,     /* OSC, DCS, APC, PM, SOS: until BEL or ESC \ */
    PARSE_STRING_ESC, /* ESC inside such a string */
} ParseState;

typedef struct {
    ParseState state;
    char seq[64]; /* the parameter and intermediate bytes of the current CSI */
    size_t seq_len;
    Buffer text;  /* the text stream */
    Buffer raw;   /* every byte as it came, escape sequences and all (expect_raw) */
    Screen screen;
    Buffer reply; /* bytes the terminal owes the program (answers to queries) */
    char last_ignored[80]; /* the last sequence the screen model did not interpret */
    FILE *raw_log;         /* if set, every byte fed is copied here (pty_run -r) */
} Vt;

void vt_init(Vt *vt, int cols, int rows);
void vt_free(Vt *vt);
void vt_feed(Vt *vt, const char *bytes, size_t n);
/* A new window size: what fits of the old screen stays, top-left anchored. */
void vt_resize(Vt *vt, int cols, int rows);
/* The text of screen row `row` (0-based) with trailing blanks removed,
 * appended to `out`. */
void vt_screen_row(const Vt *vt, int row, Buffer *out);

#endif
