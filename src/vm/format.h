/* format.h: building strs, the format-spec mini-language, number formatting
 * (float repr included), printf-style `%` formatting and str.format. Shared
 * by op_format, f-strings (FORMAT_VALUE calls op_format / op_str / op_repr),
 * str.format and the builtins. */
#ifndef LOOPBOOK_FORMAT_H
#define LOOPBOOK_FORMAT_H

#include <stddef.h>

#include "vm.h"

/* ---- TextBuf: a malloc'd byte buffer (never collects) ----------------------- */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} TextBuf;

/* An empty buffer (no allocation yet). */
void tb_init(TextBuf *b);
/* Release the buffer (after an error; tb_to_str releases it too). */
void tb_free(TextBuf *b);
/* Make room for `extra` more bytes. */
void tb_reserve(TextBuf *b, size_t extra);
/* Append bytes / one byte / a C string / a str / a code point as UTF-8. */
void tb_add(TextBuf *b, const char *s, size_t n);
void tb_addc(TextBuf *b, char c);
void tb_adds(TextBuf *b, const char *s);
void tb_add_str(TextBuf *b, ObjStr *s);
void tb_add_cp(TextBuf *b, uint32_t cp);
/* Append `n` copies of the UTF-8 sequence fill (fill_len bytes). */
void tb_fill(TextBuf *b, const char *fill, size_t fill_len, int64_t n);
/* printf-style append. */
void tb_printf(TextBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A new str holding the bytes (valid UTF-8); frees the buffer. May collect. */
ObjStr *tb_to_str(VM *vm, TextBuf *b);

/* repr(v) / str(v) appended to a buffer (print and the container reprs use these). */
bool op_repr_into(VM *vm, Value v, TextBuf *out);
bool op_str_into(VM *vm, Value v, TextBuf *out);

/* ---- floats --------------------------------------------------------------- */
/* Shortest round-tripping decimal digits of x (finite, > 0): writes the
 * digits (no dot, NUL-terminated, at most 17) and the decimal point position
 * (x = 0.DIGITS * 10**decpt). Returns the digit count. */
int float_shortest_digits(double x, char *digits, int *decpt);
/* repr(x) as CPython prints it ('1e+16', '0.0001', '-0.0', 'inf', 'nan');
 * buf needs 32 bytes. Returns the length. */
size_t float_repr_cstr(double x, char *buf);

/* ---- the format-spec mini-language ----------------------------------------- */
typedef struct {
    char fill[5];      /* UTF-8 of the fill code point, NUL-terminated */
    uint8_t fill_len;  /* bytes */
    char align;        /* 0 (default), '<', '>', '^', '=' */
    char sign;         /* 0, '+', '-', ' ' */
    bool z;            /* 'z': negative zero becomes zero */
    bool alt;          /* '#' */
    bool zero;         /* the '0' flag before the width */
    int64_t width;     /* -1 when absent */
    char grouping;     /* 0, ',', '_' */
    int64_t precision; /* -1 when absent */
    char type;         /* 0 when absent, else the presentation type letter */
} FormatSpec;

/* Parse spec[0..len) for a value of class cls (named in error messages). */
bool format_spec_parse(VM *vm, const char *spec, size_t len, ObjClass *cls, FormatSpec *fs);
/* Append v formatted by fs (an int / float / str of class cls). */
bool format_int(VM *vm, int64_t v, const FormatSpec *fs, ObjClass *cls, TextBuf *out);
/* format_int for any int (int, bool or big int). */
bool format_int_value(VM *vm, Value v, const FormatSpec *fs, ObjClass *cls, TextBuf *out);
bool format_float(VM *vm, double v, const FormatSpec *fs, ObjClass *cls, TextBuf *out);
bool format_str(VM *vm, ObjStr *s, const FormatSpec *fs, ObjClass *cls, TextBuf *out);

/* Put the __format__ natives on object, int, float and str (str_install calls it). */
void format_install(VM *vm);

/* ascii(v): repr(v) with non-ASCII characters escaped. */
bool format_ascii(VM *vm, Value v, ObjStr **out);

/* fmt % args (args: a tuple, a dict for %(name)s, or a single value). */
bool format_percent(VM *vm, ObjStr *fmt, Value args, ObjStr **out);
/* fmt.format(*args, **kwargs): args[0..nargs) positional, then keyword values
 * named by kwnames (the NativeFn layout, without self). */
bool format_str_method(VM *vm, ObjStr *fmt, Value *args, int nargs, ObjTuple *kwnames,
                       ObjStr **out);
/* fmt.format_map(mapping): names are looked up with mapping[name]. */
bool format_str_map(VM *vm, ObjStr *fmt, Value mapping, ObjStr **out);

#endif
