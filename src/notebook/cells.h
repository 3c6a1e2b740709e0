/* cells.h: the rules a cell of input follows, shared by the prompt and the
 * piped transcript. */
#ifndef LOOPBOOK_CELLS_H
#define LOOPBOOK_CELLS_H

#include <stdbool.h>
#include <stddef.h>

#include "format.h"

/* Whether the text typed so far needs more lines: its first line opens a
 * block (`def f():`, `@decorator`), or a bracket, a triple-quoted string or
 * a trailing backslash is still open. Such a cell ends with an empty line. */
bool cell_needs_more(const char *text);

/* Append n bytes to a cell's text, keeping it NUL-terminated (the scan
 * above reads it as a C string). */
void cell_text_add(TextBuf *cell, const char *s, size_t n);

/* Whether a line holds only spaces, tabs and line ends (such a line ends a block). */
bool cell_line_blank(const char *line);

/* A duration as IPython prints it: "1.02 s", "523 ms", "12.3 µs", "1min 2s". */
void format_duration(double seconds, char *out, size_t size);

#endif
