/* script.h: the .pty script language, parsed before anything runs (so a
 * typo is reported at once, not after a minute of waiting).
 *
 * One command a line; blank lines and lines starting with # are skipped.
 * TEXT is everything after the one space that follows the command's last
 * word, with C-style escapes: \r \n \t \a \b \e (ESC) \\ \s (a space: trailing
 * blanks of a line are removed, so a TEXT ending with a space spells it \s)
 * and \xHH. Ctrl-C is \x03, Ctrl-D \x04, up arrow \e[A (or \x1b[A).
 *
 *   program PATH          run PATH instead of the LOOPBOOK argument (execvp)
 *   args WORD...          its arguments (escapes allowed, \s inside a word)
 *   env NAME=VALUE        set a variable (a VALUE starting with ~/ is under
 *                         the temporary HOME); `env NAME` unsets it
 *   size COLS ROWS        window size (default 80 24); later: a resize
 *   timeout SECONDS       how long each later wait may take (default 5)
 *   start                 start the program (done by the first command that
 *                         needs it; again after expect_exit, for a second run
 *                         in the same HOME)
 *   send TEXT             type TEXT
 *   send_repeat COUNT TEXT  type TEXT COUNT times
 *   expect TEXT           TEXT appears in the text stream after the previous
 *                         match
 *   expect_not TEXT       ... and does not within 0.3 s
 *   expect_raw TEXT       TEXT appears in the raw bytes (escape sequences
 *                         kept: colours) after the previous expect_raw match
 *   within MS expect TEXT TEXT appears within MS milliseconds of the end of
 *                         the last send
 *   sleep SECONDS         wait, reading output
 *   expect_exit CODE      the program exits with status CODE
 *   expect_file PATH TEXT the file PATH (relative to HOME) contains TEXT
 *   write_file PATH TEXT  create PATH (and its folders) holding TEXT
 *   screen_line ROW TEXT  screen row ROW contains TEXT; ROW is 1 (top) to
 *                         the number of rows, or `cursor`, `cursor-K`,
 *                         `cursor+K` (relative to the cursor's row)
 *   screen_dump           print the screen (to stderr: for writing tests)
 *
 * Habits that keep a script free of races:
 *   - wait for the prompt (`expect In [2]:\s`) before typing the next line;
 *   - expect text that the echo of the typed line does not contain: type
 *     print("ti" + "ck!") and expect tick!, or expect \nOut[2]: 42\n;
 *   - check what the line editor shows with screen_line, not expect: its
 *     redraws cut typed text up in the text stream; and name the final state,
 *     since screen_line passes as soon as the screen shows the text once;
 *   - before \x03 on a half-typed line, wait until the line is on the
 *     screen: at ^C the terminal throws away input not read yet.
 */
#ifndef PTY_RUN_SCRIPT_H
#define PTY_RUN_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    CMD_PROGRAM,
    CMD_ARGS,
    CMD_ENV,
    CMD_SIZE,
    CMD_TIMEOUT,
    CMD_START,
    CMD_SEND,
    CMD_SEND_REPEAT,
    CMD_EXPECT,
    CMD_EXPECT_NOT,
    CMD_EXPECT_RAW,
    CMD_WITHIN,
    CMD_SLEEP,
    CMD_EXPECT_EXIT,
    CMD_EXPECT_FILE,
    CMD_WRITE_FILE,
    CMD_SCREEN_LINE,
    CMD_SCREEN_DUMP,
} CommandKind;

typedef struct {
    CommandKind kind;
    int line;         /* 1-based */
    char *source;     /* the line as written (trimmed), for messages */
    char *text;       /* the decoded TEXT (may hold NUL bytes), else NULL */
    size_t text_len;
    char *word;       /* PATH, NAME=VALUE */
    char **words;     /* args: NULL-terminated */
    double number;    /* SECONDS, MS, CODE, COUNT, COLS, or ROW (screen_line) */
    int rows;         /* size: ROWS */
    bool from_cursor; /* screen_line: `number` is relative to the cursor's row */
} Command;

typedef struct {
    const char *path;
    Command *commands;
    size_t count;
} Script;

/* Parse the file at `path`; on an error, a message naming the line. */
bool script_load(Script *script, const char *path, char *err, size_t err_size);
void script_free(Script *script);

#endif
