/* vt.c: the escape-sequence parser, the text stream and the screen model
 * (see vt.h for what is interpreted). */
#include "vt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ESC = 0x1b, MAX_PARAMS = 16 };

void buffer_add(Buffer *b, const char *bytes, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) cap *= 2;
        b->data = realloc(b->data, cap);
        if (b->data == NULL) {
            perror("pty_run");
            exit(2);
        }
        b->cap = cap;
    }
    if (n) memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buffer_free(Buffer *b)
{
    free(b->data);
    *b = (Buffer){0};
}

/* ---- the screen ---- */

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static Cell *cell_at(Screen *s, int row, int col)
{
    return &s->cells[(size_t)row * (size_t)s->cols + (size_t)col];
}

static void blank_cells(Screen *s, int row, int from_col, int to_col)
{
    for (int c = from_col; c < to_col; c++) *cell_at(s, row, c) = (Cell){{0}, 0};
}

static void blank_rows(Screen *s, int from_row, int to_row)
{
    for (int r = from_row; r < to_row; r++) blank_cells(s, r, 0, s->cols);
}

static void screen_init(Screen *s, int cols, int rows)
{
    *s = (Screen){.rows = rows, .cols = cols};
    s->cells = calloc((size_t)rows * (size_t)cols, sizeof(Cell));
    if (s->cells == NULL) {
        perror("pty_run");
        exit(2);
    }
}

/* Move rows [top, rows) up by n (n > 0) or down by -n, blanking what is
 * uncovered; the cursor does not move. */
static void scroll_rows(Screen *s, int top, int n)
{
    int height = s->rows - top;
    int shift = n > 0 ? n : -n;
    if (shift > height) shift = height;
    size_t row_size = (size_t)s->cols * sizeof(Cell);
    size_t kept = (size_t)(height - shift) * row_size;
    if (n > 0) {
        memmove(cell_at(s, top, 0), cell_at(s, top + shift, 0), kept);
        blank_rows(s, s->rows - shift, s->rows);
    } else {
        memmove(cell_at(s, top + shift, 0), cell_at(s, top, 0), kept);
        blank_rows(s, top, top + shift);
    }
    s->last_printed = NULL;
}

static void move_to(Screen *s, int row, int col)
{
    s->row = clamp(row, 0, s->rows - 1);
    s->col = clamp(col, 0, s->cols - 1);
    s->wrap_pending = false;
}

/* LF, VT, FF and ESC D: down one line, scrolling at the bottom. */
static void line_feed(Screen *s)
{
    if (s->row == s->rows - 1) scroll_rows(s, 0, 1);
    else s->row++;
    s->wrap_pending = false;
}

static void reverse_line_feed(Screen *s)
{
    if (s->row == 0) scroll_rows(s, 0, -1);
    else s->row--;
    s->wrap_pending = false;
}

/* Shift the cells of the cursor's row from the cursor on by n columns
 * (right for n > 0, left for n < 0), blanking what is uncovered. */
static void shift_cells(Screen *s, int n)
{
    int width = s->cols - s->col;
    int shift = clamp(n > 0 ? n : -n, 0, width);
    size_t kept = (size_t)(width - shift) * sizeof(Cell);
    if (n > 0) {
        memmove(cell_at(s, s->row, s->col + shift), cell_at(s, s->row, s->col), kept);
        blank_cells(s, s->row, s->col, s->col + shift);
    } else {
        memmove(cell_at(s, s->row, s->col), cell_at(s, s->row, s->col + shift), kept);
        blank_cells(s, s->row, s->cols - shift, s->cols);
    }
    s->last_printed = NULL;
}

static void put_byte(Screen *s, unsigned char c)
{
    /* a UTF-8 continuation byte belongs to the character just printed */
    if (c >= 0x80 && c < 0xc0) {
        if (s->last_printed && s->last_printed->len < sizeof s->last_printed->bytes)
            s->last_printed->bytes[s->last_printed->len++] = (char)c;
        return;
    }
    if (s->wrap_pending) {
        s->col = 0;
        line_feed(s);
    }
    if (s->insert_mode) shift_cells(s, 1);
    Cell *cell = cell_at(s, s->row, s->col);
    *cell = (Cell){{(char)c}, 1};
    s->last_printed = cell;
    if (s->col == s->cols - 1) s->wrap_pending = true;
    else s->col++;
}

static void control(Screen *s, unsigned char c)
{
    switch (c) {
    case '\r': s->col = 0; s->wrap_pending = false; break;
    case '\n': case '\v': case '\f': line_feed(s); break;
    case '\b': move_to(s, s->row, s->col - 1); break;
    case '\t': move_to(s, s->row, (s->col / 8 + 1) * 8); break;
    default: break; /* BEL, SO, SI...: nothing to draw */
    }
}

/* CSI J and CSI K: mode 0 from the cursor on, 1 up to the cursor, 2 all. */
static void erase_in_line(Screen *s, int mode)
{
    if (mode == 0) blank_cells(s, s->row, s->col, s->cols);
    else if (mode == 1) blank_cells(s, s->row, 0, s->col + 1);
    else blank_cells(s, s->row, 0, s->cols);
}

static void erase_in_display(Screen *s, int mode)
{
    if (mode == 0) {
        erase_in_line(s, 0);
        blank_rows(s, s->row + 1, s->rows);
    } else if (mode == 1) {
        blank_rows(s, 0, s->row);
        erase_in_line(s, 1);
    } else {
        blank_rows(s, 0, s->rows);
    }
}

/* CSI L / CSI M: insert or delete n lines at the cursor's row. */
static void insert_lines(Screen *s, int n)
{
    scroll_rows(s, s->row, -n);
    s->col = 0;
    s->wrap_pending = false;
}

static void delete_lines(Screen *s, int n)
{
    scroll_rows(s, s->row, n);
    s->col = 0;
    s->wrap_pending = false;
}

/* ---- control sequences ---- */

typedef struct {
    char private_mark;  /* '?', '>', '<', '=' or 0 */
    bool intermediates; /* bytes 0x20-0x2f before the final byte */
    int count;
    int values[MAX_PARAMS]; /* -1: omitted */
} Params;

static Params parse_params(const char *seq, size_t len)
{
    Params p = {.count = 0};
    size_t i = 0;
    if (len > 0 && strchr("<=>?", seq[0])) p.private_mark = seq[i++];
    int value = -1;
    for (; i < len; i++) {
        char c = seq[i];
        if (c >= '0' && c <= '9') {
            value = (value < 0 ? 0 : value) * 10 + (c - '0');
            if (value > 100000) value = 100000;
        } else if (c == ';' || c == ':') {
            if (p.count < MAX_PARAMS) p.values[p.count++] = value;
            value = -1;
        } else if (c >= 0x20 && c <= 0x2f) {
            p.intermediates = true;
        }
    }
    if (p.count < MAX_PARAMS) p.values[p.count++] = value;
    return p;
}

/* Parameter i, with `fallback` when it is omitted (or 0, for counts). */
static int param(const Params *p, int i, int fallback)
{
    return i < p->count && p->values[i] > 0 ? p->values[i] : fallback;
}

static void remember_ignored(Vt *vt, char final)
{
    snprintf(vt->last_ignored, sizeof vt->last_ignored, "ESC [ %.*s %c", (int)vt->seq_len, vt->seq, final);
}

static void answer_status_report(Vt *vt, int which)
{
    char answer[32];
    if (which == 6) snprintf(answer, sizeof answer, "\033[%d;%dR", vt->screen.row + 1, vt->screen.col + 1);
    else snprintf(answer, sizeof answer, "\033[0n");
    buffer_add(&vt->reply, answer, strlen(answer));
}

/* Cursor moves and positioning. Returns false if `final` is not one. */
static bool csi_cursor(Screen *s, const Params *p, char final)
{
    int n = param(p, 0, 1);
    switch (final) {
    case 'A': move_to(s, s->row - n, s->col); return true;
    case 'B': move_to(s, s->row + n, s->col); return true;
    case 'C': case 'a': move_to(s, s->row, s->col + n); return true;
    case 'D': move_to(s, s->row, s->col - n); return true;
    case 'E': move_to(s, s->row + n, 0); return true;
    case 'F': move_to(s, s->row - n, 0); return true;
    case 'G': case '`': move_to(s, s->row, n - 1); return true;
    case 'd': move_to(s, n - 1, s->col); return true;
    case 'H': case 'f': move_to(s, n - 1, param(p, 1, 1) - 1); return true;
    case 's': s->saved_row = s->row; s->saved_col = s->col; return true;
    case 'u': move_to(s, s->saved_row, s->saved_col); return true;
    default: return false;
    }
}

/* Erasing, inserting and deleting. Returns false if `final` is not one. */
static bool csi_edit(Screen *s, const Params *p, char final)
{
    int n = param(p, 0, 1);
    int mode = p->values[0] < 0 ? 0 : p->values[0];
    switch (final) {
    case 'J': erase_in_display(s, mode); return true;
    case 'K': erase_in_line(s, mode); return true;
    case 'X': blank_cells(s, s->row, s->col, clamp(s->col + n, 0, s->cols)); return true;
    case '@': shift_cells(s, n); return true;
    case 'P': shift_cells(s, -n); return true;
    case 'L': insert_lines(s, n); return true;
    case 'M': delete_lines(s, n); return true;
    case 'S': scroll_rows(s, 0, n); return true;
    case 'T': scroll_rows(s, 0, -n); return true;
    default: return false;
    }
}

static void csi_dispatch(Vt *vt, char final)
{
    Params p = parse_params(vt->seq, vt->seq_len);
    Screen *s = &vt->screen;
    if (p.intermediates) {
        remember_ignored(vt, final);
        return;
    }
    if (p.private_mark) {
        /* private modes (cursor keys, bracketed paste, cursor visibility...)
         * change nothing on the screen */
        if (final != 'h' && final != 'l') remember_ignored(vt, final);
        return;
    }
    if (csi_cursor(s, &p, final) || csi_edit(s, &p, final)) return;
    switch (final) {
    case 'm': return; /* colours and attributes */
    case 'h': case 'l':
        if (param(&p, 0, 0) == 4) s->insert_mode = final == 'h';
        return;
    case 'n': answer_status_report(vt, param(&p, 0, 5)); return;
    default: remember_ignored(vt, final); return;
    }
}

/* ESC followed by one byte (not '[' and not a string introducer). */
static void esc_dispatch(Vt *vt, unsigned char c)
{
    Screen *s = &vt->screen;
    switch (c) {
    case 'D': line_feed(s); break;
    case 'E': s->col = 0; line_feed(s); break;
    case 'M': reverse_line_feed(s); break;
    case '7': s->saved_row = s->row; s->saved_col = s->col; break;
    case '8': move_to(s, s->saved_row, s->saved_col); break;
    case 'c': erase_in_display(s, 2); move_to(s, 0, 0); s->insert_mode = false; break;
    case '=': case '>': break; /* keypad modes */
    default: snprintf(vt->last_ignored, sizeof vt->last_ignored, "ESC %c", c); break;
    }
}

/* ---- the parser ---- */

static void ground_byte(Vt *vt, unsigned char c)
{
    if (c == ESC) {
        vt->state = PARSE_ESC;
    } else if (c < 0x20 || c == 0x7f) {
        if (c == '\n' || c == '\t') buffer_add(&vt->text, (const char *)&c, 1);
        control(&vt->screen, c);
    } else {
        buffer_add(&vt->text, (const char *)&c, 1);
        put_byte(&vt->screen, c);
    }
}

static void esc_byte(Vt *vt, unsigned char c)
{
    vt->state = PARSE_GROUND;
    if (c == '[') {
        vt->state = PARSE_CSI;
        vt->seq_len = 0;
    } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
        vt->state = PARSE_STRING;
    } else if (c >= 0x20 && c <= 0x2f) {
        vt->state = PARSE_ESC_INTER; /* charset designation and the like */
    } else if (c == ESC) {
        vt->state = PARSE_ESC;
    } else {
        esc_dispatch(vt, c);
    }
}

static void csi_byte(Vt *vt, unsigned char c)
{
    if (c >= 0x40 && c <= 0x7e) {
        vt->state = PARSE_GROUND;
        csi_dispatch(vt, (char)c);
    } else if (c == ESC) {
        vt->state = PARSE_ESC; /* an interrupted sequence is dropped */
    } else if (c < 0x20) {
        control(&vt->screen, c); /* terminals execute controls inside a CSI */
    } else if (vt->seq_len < sizeof vt->seq) {
        vt->seq[vt->seq_len++] = (char)c;
    }
}

static void feed_byte(Vt *vt, unsigned char c)
{
    switch (vt->state) {
    case PARSE_GROUND: ground_byte(vt, c); break;
    case PARSE_ESC: esc_byte(vt, c); break;
    case PARSE_ESC_INTER:
        if (c < 0x20 || c > 0x2f) vt->state = PARSE_GROUND;
        break;
    case PARSE_CSI: csi_byte(vt, c); break;
    case PARSE_STRING:
        if (c == 0x07) vt->state = PARSE_GROUND;
        else if (c == ESC) vt->state = PARSE_STRING_ESC;
        break;
    case PARSE_STRING_ESC:
        if (c == '\\') vt->state = PARSE_GROUND;
        else if (c != ESC) vt->state = PARSE_STRING;
        break;
    }
}

void vt_feed(Vt *vt, const char *bytes, size_t n)
{
    if (vt->raw_log) fwrite(bytes, 1, n, vt->raw_log);
    buffer_add(&vt->raw, bytes, n);
    for (size_t i = 0; i < n; i++) feed_byte(vt, (unsigned char)bytes[i]);
}

void vt_init(Vt *vt, int cols, int rows)
{
    *vt = (Vt){.state = PARSE_GROUND};
    buffer_add(&vt->text, "", 0);
    buffer_add(&vt->raw, "", 0);
    screen_init(&vt->screen, cols, rows);
}

void vt_free(Vt *vt)
{
    buffer_free(&vt->text);
    buffer_free(&vt->raw);
    buffer_free(&vt->reply);
    free(vt->screen.cells);
    vt->screen.cells = NULL;
}

void vt_resize(Vt *vt, int cols, int rows)
{
    Screen old = vt->screen;
    screen_init(&vt->screen, cols, rows);
    Screen *s = &vt->screen;
    for (int r = 0; r < rows && r < old.rows; r++)
        for (int c = 0; c < cols && c < old.cols; c++) *cell_at(s, r, c) = *cell_at(&old, r, c);
    s->insert_mode = old.insert_mode;
    move_to(s, old.row, old.col);
    free(old.cells);
}

void vt_screen_row(const Vt *vt, int row, Buffer *out)
{
    const Screen *s = &vt->screen;
    size_t kept = out->len; /* the end of the last non-blank character */
    for (int c = 0; c < s->cols; c++) {
        const Cell *cell = &s->cells[(size_t)row * (size_t)s->cols + (size_t)c];
        if (cell->len == 0) {
            buffer_add(out, " ", 1);
        } else {
            buffer_add(out, cell->bytes, cell->len);
            if (!(cell->len == 1 && cell->bytes[0] == ' ')) kept = out->len;
        }
    }
    out->len = kept;
    out->data[kept] = '\0';
}
