/* cells.c: where a cell ends, and how a time reads (shared by the prompt and
 * the piped transcript). */
#include "cells.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Scan text as the lexer would for brackets, strings and a trailing
 * backslash: whether the text so far leaves something open. */
static bool leaves_something_open(const char *text)
{
    int depth = 0;
    char quote = 0;
    bool triple = false;
    const char *p = text;
    const char *last_code = NULL; /* the last character that is code, not a comment or space */
    while (*p) {
        char c = *p;
        if (quote) {
            if (c == '\\' && p[1]) {
                p += 2;
                continue;
            }
            if (c == quote && (!triple || (p[1] == quote && p[2] == quote))) {
                p += triple ? 3 : 1;
                quote = 0;
                last_code = p - 1;
                continue;
            }
            if (c == '\n' && !triple) quote = 0; /* an unterminated string: the compiler will say so */
            p++;
            continue;
        }
        if (c == '#') {
            while (*p && *p != '\n') p++;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = p[1] == c && p[2] == c;
            p += triple ? 3 : 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') depth++;
        if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') last_code = p;
        p++;
    }
    if (quote && triple) return true;
    if (depth > 0) return true;
    return last_code != NULL && *last_code == '\\' && last_code[1] == '\n';
}

/* The first line opens a block: it ends with ':' (outside strings and
 * comments) or is a decorator. */
static bool opens_block(const char *text)
{
    const char *p = text;
    while (*p == ' ' || *p == '\t') p++;
    if (*p == '@') return true;
    char quote = 0;
    char last = 0;
    for (; *p && *p != '\n'; p++) {
        if (quote) {
            if (*p == '\\' && p[1]) p++;
            else if (*p == quote) quote = 0;
            continue;
        }
        if (*p == '#') break;
        if (*p == '\'' || *p == '"') quote = *p;
        if (*p != ' ' && *p != '\t' && *p != '\r') last = *p;
    }
    return last == ':';
}

bool cell_line_blank(const char *line)
{
    for (; *line; line++)
        if (*line != ' ' && *line != '\t' && *line != '\n' && *line != '\r') return false;
    return true;
}

bool cell_needs_more(const char *text)
{
    const char *p = text;
    while (*p == ' ' || *p == '\t') p++;
    bool cell_magic = p[0] == '%' && p[1] == '%'; /* %%time: its body follows */
    return cell_magic || opens_block(text) || leaves_something_open(text);
}

void cell_text_add(TextBuf *cell, const char *s, size_t n)
{
    tb_reserve(cell, n + 1);
    tb_add(cell, s, n);
    cell->data[cell->len] = '\0';
}

void format_duration(double seconds, char *out, size_t size)
{
    if (seconds >= 60.0) {
        static const struct {
            const char *suffix;
            double length;
        } parts[] = {{"d", 86400}, {"h", 3600}, {"min", 60}, {"s", 1}};
        size_t used = 0;
        double left = seconds;
        out[0] = '\0';
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
            long value = (long)(left / parts[i].length);
            if (value > 0) {
                left = fmod(left, parts[i].length);
                used += (size_t)snprintf(out + used, used < size ? size - used : 0, "%s%ld%s", used ? " " : "",
                                         value, parts[i].suffix);
            }
            if (left < 1) break;
        }
        return;
    }
    static const char *const units[] = {"s", "ms", "\xc2\xb5s", "ns"};
    static const double scaling[] = {1, 1e3, 1e6, 1e9};
    int order = 3;
    if (seconds > 0.0) {
        int o = -(int)floor(floor(log10(seconds)) / 3);
        order = o < 3 ? o : 3;
        if (order < 0) order = 0;
    }
    snprintf(out, size, "%.*g %s", 3, seconds * scaling[order], units[order]);
}
