/* script.c: reading a .pty script into commands (the language: script.h). */
#include "script.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vt.h"

/* What follows a command's name. */
typedef enum {
    SHAPE_NONE,        /* start */
    SHAPE_TEXT,        /* send TEXT */
    SHAPE_WORD,        /* program PATH */
    SHAPE_WORDS,       /* args WORD... */
    SHAPE_ENV,         /* env NAME=VALUE */
    SHAPE_NUMBER,      /* sleep SECONDS */
    SHAPE_SIZE,        /* size COLS ROWS */
    SHAPE_NUMBER_TEXT, /* send_repeat COUNT TEXT */
    SHAPE_WITHIN,      /* within MS expect TEXT */
    SHAPE_PATH_TEXT,   /* expect_file PATH TEXT */
    SHAPE_ROW_TEXT,    /* screen_line ROW TEXT */
} Shape;

static const struct {
    const char *name;
    CommandKind kind;
    Shape shape;
} command_table[] = {
    {"program", CMD_PROGRAM, SHAPE_WORD},
    {"args", CMD_ARGS, SHAPE_WORDS},
    {"env", CMD_ENV, SHAPE_ENV},
    {"size", CMD_SIZE, SHAPE_SIZE},
    {"timeout", CMD_TIMEOUT, SHAPE_NUMBER},
    {"start", CMD_START, SHAPE_NONE},
    {"send", CMD_SEND, SHAPE_TEXT},
    {"send_repeat", CMD_SEND_REPEAT, SHAPE_NUMBER_TEXT},
    {"expect", CMD_EXPECT, SHAPE_TEXT},
    {"expect_not", CMD_EXPECT_NOT, SHAPE_TEXT},
    {"expect_raw", CMD_EXPECT_RAW, SHAPE_TEXT},
    {"within", CMD_WITHIN, SHAPE_WITHIN},
    {"sleep", CMD_SLEEP, SHAPE_NUMBER},
    {"expect_exit", CMD_EXPECT_EXIT, SHAPE_NUMBER},
    {"expect_file", CMD_EXPECT_FILE, SHAPE_PATH_TEXT},
    {"write_file", CMD_WRITE_FILE, SHAPE_PATH_TEXT},
    {"screen_line", CMD_SCREEN_LINE, SHAPE_ROW_TEXT},
    {"screen_dump", CMD_SCREEN_DUMP, SHAPE_NONE},
};

/* The parser's position in one line, and where errors go. */
typedef struct {
    const char *p;
    char *err;
    size_t err_size;
} Cursor;

static bool parse_error(Cursor *c, const char *message, const char *detail)
{
    snprintf(c->err, c->err_size, "%s%s%s", message, detail ? ": " : "", detail ? detail : "");
    return false;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* One escape after a backslash at s[0]; its byte in *out; the length read. */
static size_t decode_escape(const char *s, char *out)
{
    static const char plain[] = "r\rn\nt\ta\ab\be\033s \\\\";
    for (size_t i = 0; plain[i]; i += 2)
        if (s[0] == plain[i]) {
            *out = plain[i + 1];
            return 1;
        }
    if (s[0] == 'x' && hex_value(s[1]) >= 0) {
        int v = hex_value(s[1]);
        if (hex_value(s[2]) < 0) {
            *out = (char)v;
            return 2;
        }
        *out = (char)(v * 16 + hex_value(s[2]));
        return 3;
    }
    return 0;
}

/* Decode `len` bytes of escaped text into `out` (NUL-terminated). */
static bool decode(Cursor *c, const char *s, size_t len, Buffer *out)
{
    buffer_add(out, "", 0);
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\\') {
            buffer_add(out, &s[i], 1);
            continue;
        }
        char byte;
        size_t used = i + 1 < len ? decode_escape(&s[i + 1], &byte) : 0;
        if (used == 0) {
            char shown[8];
            snprintf(shown, sizeof shown, "\\%.3s", &s[i + 1]);
            return parse_error(c, "unknown escape (use \\\\ for a backslash)", shown);
        }
        buffer_add(out, &byte, 1);
        i += used;
    }
    return true;
}

static void skip_blanks(Cursor *c)
{
    while (*c->p == ' ' || *c->p == '\t') c->p++;
}

/* The next blank-separated word, as a span; false at the end of the line. */
static bool next_word(Cursor *c, const char **start, size_t *len)
{
    skip_blanks(c);
    *start = c->p;
    while (*c->p && *c->p != ' ' && *c->p != '\t') c->p++;
    *len = (size_t)(c->p - *start);
    return *len > 0;
}

static bool parse_number(Cursor *c, const char *what, double *out)
{
    const char *start;
    size_t len;
    if (!next_word(c, &start, &len)) return parse_error(c, "missing", what);
    char copy[64];
    snprintf(copy, sizeof copy, "%.*s", (int)len, start);
    char *end;
    *out = strtod(copy, &end);
    if (*end || end == copy || !isfinite(*out) || *out < 0) return parse_error(c, "not a number", what);
    return true;
}

/* TEXT: the rest of the line after one separating blank; never empty. */
static bool parse_text(Cursor *c, Command *cmd)
{
    if (*c->p == ' ' || *c->p == '\t') c->p++;
    if (*c->p == '\0') return parse_error(c, "missing TEXT", NULL);
    Buffer text = {0};
    size_t len = strlen(c->p);
    if (!decode(c, c->p, len, &text)) {
        buffer_free(&text);
        return false;
    }
    c->p += len;
    cmd->text = text.data;
    cmd->text_len = text.len;
    return true;
}

static bool parse_word(Cursor *c, const char *what, char **out)
{
    const char *start;
    size_t len;
    if (!next_word(c, &start, &len)) return parse_error(c, "missing", what);
    Buffer word = {0};
    if (!decode(c, start, len, &word)) {
        buffer_free(&word);
        return false;
    }
    *out = word.data;
    return true;
}

static bool parse_words(Cursor *c, Command *cmd)
{
    size_t count = 0;
    cmd->words = calloc(1, sizeof(char *));
    skip_blanks(c);
    while (*c->p) {
        char **grown = realloc(cmd->words, (count + 2) * sizeof(char *));
        if (grown == NULL) return parse_error(c, "out of memory", NULL);
        cmd->words = grown;
        cmd->words[count + 1] = NULL;
        if (!parse_word(c, "WORD", &cmd->words[count])) return false;
        count++;
        skip_blanks(c);
    }
    return true;
}

/* screen_line's ROW: 1..rows, or cursor, cursor-K, cursor+K. */
static bool parse_row(Cursor *c, Command *cmd)
{
    skip_blanks(c);
    if (strncmp(c->p, "cursor", 6) != 0) {
        if (!parse_number(c, "ROW", &cmd->number)) return false;
        if (cmd->number < 1 || cmd->number != floor(cmd->number))
            return parse_error(c, "ROW counts from 1 (the top line)", NULL);
        return true;
    }
    c->p += 6;
    cmd->from_cursor = true;
    cmd->number = 0;
    if (*c->p == '-' || *c->p == '+') {
        double sign = *c->p == '-' ? -1 : 1;
        c->p++;
        if (!isdigit((unsigned char)*c->p)) return parse_error(c, "expected cursor-K or cursor+K", NULL);
        char *end;
        cmd->number = sign * (double)strtol(c->p, &end, 10);
        c->p = end;
    }
    if (*c->p && *c->p != ' ' && *c->p != '\t') return parse_error(c, "expected cursor, cursor-K or cursor+K", NULL);
    return true;
}

static bool parse_within(Cursor *c, Command *cmd)
{
    const char *start;
    size_t len;
    if (!parse_number(c, "MS", &cmd->number)) return false;
    if (!next_word(c, &start, &len) || len != 6 || strncmp(start, "expect", 6) != 0)
        return parse_error(c, "expected `within MS expect TEXT`", NULL);
    return parse_text(c, cmd);
}

static bool parse_size(Cursor *c, Command *cmd)
{
    double rows;
    if (!parse_number(c, "COLS", &cmd->number) || !parse_number(c, "ROWS", &rows)) return false;
    if (cmd->number < 2 || cmd->number > 1000 || rows < 2 || rows > 1000)
        return parse_error(c, "size: COLS and ROWS must be 2 to 1000", NULL);
    cmd->number = floor(cmd->number);
    cmd->rows = (int)rows;
    return true;
}

static bool parse_arguments(Cursor *c, Command *cmd, Shape shape)
{
    switch (shape) {
    case SHAPE_NONE: return true;
    case SHAPE_TEXT: return parse_text(c, cmd);
    case SHAPE_WORD: return parse_word(c, "PATH", &cmd->word);
    case SHAPE_WORDS: return parse_words(c, cmd);
    case SHAPE_ENV: return parse_word(c, "NAME=VALUE", &cmd->word);
    case SHAPE_NUMBER: return parse_number(c, "a number", &cmd->number);
    case SHAPE_SIZE: return parse_size(c, cmd);
    case SHAPE_NUMBER_TEXT: return parse_number(c, "COUNT", &cmd->number) && parse_text(c, cmd);
    case SHAPE_WITHIN: return parse_within(c, cmd);
    case SHAPE_PATH_TEXT: return parse_word(c, "PATH", &cmd->word) && parse_text(c, cmd);
    case SHAPE_ROW_TEXT: return parse_row(c, cmd) && parse_text(c, cmd);
    }
    return false;
}

/* After the arguments, only blanks may be left (TEXT takes the rest). */
static bool expect_line_end(Cursor *c)
{
    skip_blanks(c);
    return *c->p == '\0' || parse_error(c, "unexpected text after the command", c->p);
}

static bool parse_command(Cursor *c, Command *cmd)
{
    const char *name;
    size_t len;
    next_word(c, &name, &len);
    for (size_t i = 0; i < sizeof command_table / sizeof command_table[0]; i++) {
        if (strlen(command_table[i].name) != len || strncmp(command_table[i].name, name, len) != 0) continue;
        cmd->kind = command_table[i].kind;
        return parse_arguments(c, cmd, command_table[i].shape) && expect_line_end(c);
    }
    char shown[64];
    snprintf(shown, sizeof shown, "%.*s", (int)(len < 40 ? len : 40), name);
    return parse_error(c, "unknown command", shown);
}

/* Remove the newline and trailing blanks in place. */
static void trim_line_end(char *line)
{
    size_t len = strlen(line);
    while (len > 0 && strchr(" \t\r\n", line[len - 1])) line[--len] = '\0';
}

static bool add_line(Script *script, char *line, int number, char *err, size_t err_size)
{
    trim_line_end(line);
    const char *text = line;
    while (*text == ' ' || *text == '\t') text++;
    if (*text == '\0' || *text == '#') return true;
    Command *grown = realloc(script->commands, (script->count + 1) * sizeof(Command));
    if (grown == NULL) {
        snprintf(err, err_size, "out of memory");
        return false;
    }
    script->commands = grown;
    Command *cmd = &script->commands[script->count++];
    *cmd = (Command){.line = number, .source = strdup(text)};
    char message[200];
    Cursor c = {text, message, sizeof message};
    if (parse_command(&c, cmd)) return true;
    snprintf(err, err_size, "%s:%d: %s\n    %s", script->path, number, message, text);
    return false;
}

bool script_load(Script *script, const char *path, char *err, size_t err_size)
{
    *script = (Script){.path = path};
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        snprintf(err, err_size, "cannot open %s", path);
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    int number = 0;
    bool ok = true;
    while (ok && getline(&line, &cap, f) >= 0) ok = add_line(script, line, ++number, err, err_size);
    free(line);
    fclose(f);
    if (!ok) script_free(script);
    return ok;
}

void script_free(Script *script)
{
    for (size_t i = 0; i < script->count; i++) {
        Command *cmd = &script->commands[i];
        free(cmd->source);
        free(cmd->text);
        free(cmd->word);
        for (char **w = cmd->words; w && *w; w++) free(*w);
        free(cmd->words);
    }
    free(script->commands);
    script->commands = NULL;
    script->count = 0;
}
