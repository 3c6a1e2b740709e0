/* format.c: building strs, float repr, the format-spec mini-language,
 * format(), printf-style % formatting and str.format. */
#include "format.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "exception.h"
#include "num.h"
#include "ops.h"
#include "str.h"

/* ---- TextBuf ------------------------------------------------------------------ */

void tb_init(TextBuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void tb_free(TextBuf *b)
{
    free(b->data);
    tb_init(b);
}

void tb_reserve(TextBuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap < 64 ? 64 : b->cap * 2;
    while (cap < b->len + extra + 1) cap *= 2;
    b->data = realloc(b->data, cap);
    if (b->data == NULL) abort();
    b->cap = cap;
}

void tb_add(TextBuf *b, const char *s, size_t n)
{
    tb_reserve(b, n);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
}

void tb_addc(TextBuf *b, char c)
{
    tb_reserve(b, 1);
    b->data[b->len++] = c;
}

void tb_adds(TextBuf *b, const char *s)
{
    tb_add(b, s, strlen(s));
}

void tb_add_str(TextBuf *b, ObjStr *s)
{
    tb_add(b, s->data, s->byte_len);
}

void tb_add_cp(TextBuf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    tb_add(b, u, n);
}

void tb_fill(TextBuf *b, const char *fill, size_t fill_len, int64_t n)
{
    if (n <= 0) return;
    tb_reserve(b, (size_t)n * fill_len);
    if (fill_len == 1) {
        memset(b->data + b->len, fill[0], (size_t)n);
        b->len += (size_t)n;
        return;
    }
    for (int64_t i = 0; i < n; i++) tb_add(b, fill, fill_len);
}

void tb_printf(TextBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0) return;
    tb_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

ObjStr *tb_to_str(VM *vm, TextBuf *b)
{
    ObjStr *s;
    if (b->len == 0) {
        s = vm->n.empty;
    } else if (b->len == 1 && (uint8_t)b->data[0] < 128) {
        s = AS_STR(vm->small_strs[(uint8_t)b->data[0]]);
    } else {
        s = str_alloc(vm, b->len);
        memcpy(s->data, b->data, b->len);
        str_finish(s);
    }
    tb_free(b);
    return s;
}

/* Code points in UTF-8 bytes. */
static int64_t cp_count(const char *s, size_t n)
{
    int64_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((uint8_t)s[i] & 0xC0) != 0x80;
    return c;
}

/* ---- float digits -------------------------------------------------------- */

/* Parse snprintf's "%.Ne" output ("d.ddde+XX") into digits and decpt. */
static int parse_e(const char *buf, char *digits, int *decpt)
{
    int n = 0;
    const char *p = buf;
    while (*p && *p != 'e') {
        if (*p >= '0' && *p <= '9') digits[n++] = *p;
        p++;
    }
    digits[n] = '\0';
    *decpt = (*p == 'e' ? atoi(p + 1) : 0) + 1;
    return n;
}

/* The n-digit correctly rounded decimal of x (> 0). */
static int digits_prec(double x, int n, char *digits, int *decpt)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", n - 1, x);
    return parse_e(buf, digits, decpt);
}

static bool round_trips(const char *digits, int n, int decpt, double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, "0.%.*se%d", n, digits, decpt);
    return strtod(buf, NULL) == x;
}

/* Add delta (+1 / -1) to the last digit of an n-digit string, renormalizing. */
static bool step_digits(const char *in, int n, int decpt, int delta, char *out, int *out_decpt)
{
    memcpy(out, in, (size_t)n + 1);
    *out_decpt = decpt;
    int i = n - 1;
    if (delta > 0) {
        while (i >= 0 && out[i] == '9') out[i--] = '0';
        if (i < 0) {
            out[0] = '1';
            for (int k = 1; k < n; k++) out[k] = '0';
            (*out_decpt)++;
        } else {
            out[i]++;
        }
    } else {
        while (i >= 0 && out[i] == '0') out[i--] = '9';
        if (i < 0) return false;
        out[i]--;
        if (out[0] == '0') {
            if (n == 1) return false;
            memmove(out, out + 1, (size_t)n);
            out[n - 1] = '9';
            out[n] = '\0';
            (*out_decpt)--;
        }
    }
    return true;
}

/* Try the correctly rounded n-digit string, then its two neighbours (which
 * matter where the rounding interval is lopsided, at powers of two). */
static bool try_digits(double x, int n, char *digits, int *decpt)
{
    int d;
    digits_prec(x, n, digits, &d);
    if (round_trips(digits, n, d, x)) {
        *decpt = d;
        return true;
    }
    char alt[24];
    int ad;
    for (int delta = -1; delta <= 1; delta += 2) {
        if (step_digits(digits, n, d, delta, alt, &ad) && round_trips(alt, n, ad, x)) {
            memcpy(digits, alt, (size_t)n + 1);
            *decpt = ad;
            return true;
        }
    }
    return false;
}

int float_shortest_digits(double x, char *digits, int *decpt)
{
    int n;
    if (x >= 2.2250738585072014e-308) {
        /* Normal doubles: 15 significant digits always map back uniquely, so
         * when some string of <= 15 digits round-trips, the 15-digit rounding
         * is that string padded with zeros. */
        n = try_digits(x, 15, digits, decpt) ? 15 : try_digits(x, 16, digits, decpt) ? 16 : 17;
        if (n == 17) digits_prec(x, 17, digits, decpt);
    } else {
        for (n = 1; n < 17; n++)
            if (try_digits(x, n, digits, decpt)) break;
        if (n == 17) digits_prec(x, 17, digits, decpt);
    }
    while (n > 1 && digits[n - 1] == '0') n--;
    digits[n] = '\0';
    return n;
}

/* Lay out digits/decpt in fixed notation: at least one digit before the
 * point; `min_frac` fraction digits (zero padded); dot when needed. */
static void layout_fixed(TextBuf *b, const char *digits, int n, int decpt, int min_frac,
                         bool force_dot)
{
    if (decpt <= 0) {
        tb_addc(b, '0');
    } else {
        for (int i = 0; i < decpt; i++) tb_addc(b, i < n ? digits[i] : '0');
    }
    int frac = n - decpt;
    if (frac < 0) frac = 0;
    int want = frac > min_frac ? frac : min_frac;
    if (want > 0 || force_dot) tb_addc(b, '.');
    for (int i = 0; i < want; i++) {
        int pos = decpt + i; /* digit index */
        tb_addc(b, pos >= 0 && pos < n ? digits[pos] : '0');
    }
}

/* d.ddd e+XX with `min_frac` digits after the point at least. */
static void layout_exp(TextBuf *b, const char *digits, int n, int decpt, int min_frac,
                       bool force_dot, char e)
{
    tb_addc(b, digits[0]);
    int frac = n - 1 > min_frac ? n - 1 : min_frac;
    if (frac > 0 || force_dot) tb_addc(b, '.');
    for (int i = 0; i < frac; i++) tb_addc(b, 1 + i < n ? digits[1 + i] : '0');
    int exp = decpt - 1;
    tb_printf(b, "%c%c%02d", e, exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
}

/* repr digits of |x| (finite) into b: CPython's 'r' format. */
static void repr_abs(TextBuf *b, double ax)
{
    if (ax == 0) {
        tb_adds(b, "0.0");
        return;
    }
    char digits[24];
    int decpt;
    int n = float_shortest_digits(ax, digits, &decpt);
    if (decpt > -4 && decpt <= 16)
        layout_fixed(b, digits, n, decpt, 1, true);
    else
        layout_exp(b, digits, n, decpt, 0, false, 'e');
}

size_t float_repr_cstr(double x, char *buf)
{
    if (isnan(x)) return (size_t)sprintf(buf, "nan");
    if (isinf(x)) return (size_t)sprintf(buf, x > 0 ? "inf" : "-inf");
    TextBuf b;
    tb_init(&b);
    if (signbit(x)) tb_addc(&b, '-');
    repr_abs(&b, fabs(x));
    memcpy(buf, b.data, b.len);
    buf[b.len] = '\0';
    size_t n = b.len;
    tb_free(&b);
    return n;
}

/* ---- spec parsing ------------------------------------------------------------ */

static bool is_align(char c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

static int utf8_len(uint8_t c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static bool parse_num(VM *vm, const char *s, size_t len, size_t *pos, int64_t *out)
{
    int64_t v = 0;
    size_t start = *pos;
    while (*pos < len && s[*pos] >= '0' && s[*pos] <= '9') {
        if (v > (INT64_MAX - 9) / 10)
            return vm_raise(vm, vm->c.ValueError, "Too many decimal digits in format string");
        v = v * 10 + (s[*pos] - '0');
        (*pos)++;
    }
    *out = *pos > start ? v : -1;
    return true;
}

bool format_spec_parse(VM *vm, const char *s, size_t len, ObjClass *cls, FormatSpec *fs)
{
    memset(fs, 0, sizeof *fs);
    fs->width = fs->precision = -1;
    size_t pos = 0;
    if (len > 0) {
        int l = utf8_len((uint8_t)s[0]);
        if ((size_t)l < len && is_align(s[l])) {
            memcpy(fs->fill, s, (size_t)l);
            fs->fill_len = (uint8_t)l;
            fs->align = s[l];
            pos = (size_t)l + 1;
        } else if (is_align(s[0])) {
            fs->align = s[0];
            pos = 1;
        }
    }
    if (pos < len && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) fs->sign = s[pos++];
    if (pos < len && s[pos] == 'z') {
        fs->z = true;
        pos++;
    }
    if (pos < len && s[pos] == '#') {
        fs->alt = true;
        pos++;
    }
    if (pos < len && s[pos] == '0') {
        fs->zero = true;
        pos++;
    }
    if (!parse_num(vm, s, len, &pos, &fs->width)) return false;
    if (fs->zero && fs->width < 0) fs->width = 0;
    if (pos < len && s[pos] == ',') {
        fs->grouping = ',';
        pos++;
    }
    if (pos < len && s[pos] == '_') {
        if (fs->grouping)
            return vm_raise(vm, vm->c.ValueError, "Cannot specify both ',' and '_'.");
        fs->grouping = '_';
        pos++;
    }
    if (pos < len && s[pos] == ',' && fs->grouping == '_')
        return vm_raise(vm, vm->c.ValueError, "Cannot specify both ',' and '_'.");
    if (pos < len && s[pos] == '.') {
        pos++;
        if (!parse_num(vm, s, len, &pos, &fs->precision)) return false;
        if (fs->precision < 0)
            return vm_raise(vm, vm->c.ValueError, "Format specifier missing precision");
    }
    if (len - pos > 1)
        return vm_raise(vm, vm->c.ValueError, "Invalid format specifier '%.*s' for object of type '%s'",
                        (int)len, s, cls->name->data);
    if (len - pos == 1) fs->type = s[pos];
    if (fs->grouping) {
        /* str's presentation type defaults to 's'. */
        char type = fs->type == 0 && class_is_subclass(cls, vm->c.str) ? 's' : fs->type;
        switch (type) {
        case 0: case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F':
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (fs->grouping == '_') break;
            /* fallthrough */
        default:
            return vm_raise(vm, vm->c.ValueError, "Cannot specify '%c' with '%c'.", fs->grouping,
                            type);
        }
    }
    return true;
}

/* ---- number layout ------------------------------------------------------------ */

/* Append `digits` (ASCII) with a separator every `every` digits from the right,
 * left-padded with zeros to `min_width` characters (separators counted). */
static void add_grouped(TextBuf *b, const char *digits, size_t n, char sep, int every,
                        int64_t min_width)
{
    int64_t total = (int64_t)n; /* digits to emit, zeros included */
    if (sep) {
        while (total + (total - 1) / every < min_width) total++;
    } else if (total < min_width) {
        total = min_width;
    }
    for (int64_t i = total; i > 0; i--) {
        int64_t idx = (int64_t)n - i; /* negative: a padding zero */
        tb_addc(b, idx < 0 ? '0' : digits[idx]);
        if (sep && i > 1 && (i - 1) % every == 0) tb_addc(b, sep);
    }
}

/* Pad `body` (code points counted) to the spec's width with its fill. */
static void pad_and_add(TextBuf *out, const FormatSpec *fs, char default_align, const char *body,
                        size_t body_len, size_t prefix_len)
{
    int64_t chars = cp_count(body, body_len);
    int64_t pad = fs->width > chars ? fs->width - chars : 0;
    const char *fill = fs->fill_len ? fs->fill : (fs->zero ? "0" : " ");
    size_t fill_len = fs->fill_len ? fs->fill_len : 1;
    char align = fs->align ? fs->align : default_align;
    int64_t left = 0, right = 0;
    switch (align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=':
        tb_add(out, body, prefix_len);
        tb_fill(out, fill, fill_len, pad);
        tb_add(out, body + prefix_len, body_len - prefix_len);
        return;
    default: left = pad; break;
    }
    tb_fill(out, fill, fill_len, left);
    tb_add(out, body, body_len);
    tb_fill(out, fill, fill_len, right);
}

/* Sign, prefix, grouped integer digits and the rest (fraction, exponent,
 * '%'), aligned by the spec. */
static void layout_number(TextBuf *out, const FormatSpec *fs, bool negative, const char *prefix,
                          const char *intdigits, size_t n_int, const char *rest, size_t n_rest,
                          int group_every)
{
    TextBuf body;
    tb_init(&body);
    if (negative) tb_addc(&body, '-');
    else if (fs->sign == '+') tb_addc(&body, '+');
    else if (fs->sign == ' ') tb_addc(&body, ' ');
    tb_adds(&body, prefix);
    size_t prefix_len = body.len;
    /* Zero padding fills the digits themselves (grouped) up to the width. */
    bool zero_pad = fs->align == '=' || (fs->align == 0 && fs->zero);
    zero_pad = zero_pad && (fs->fill_len ? fs->fill[0] == '0' && fs->fill_len == 1 : fs->zero);
    int64_t min_width = 0;
    if (zero_pad && fs->width > 0)
        min_width = fs->width - (int64_t)prefix_len - cp_count(rest, n_rest);
    if (n_int > 0)
        add_grouped(&body, intdigits, n_int, fs->grouping, group_every, min_width);
    tb_add(&body, rest, n_rest);
    if (zero_pad && n_int > 0) {
        tb_add(out, body.data, body.len);
    } else {
        FormatSpec f = *fs;
        if (!f.align && f.zero) f.align = '=';
        pad_and_add(out, &f, '>', body.data, body.len, prefix_len);
    }
    tb_free(&body);
}

static bool unknown_code(VM *vm, char type, ObjClass *cls)
{
    if (type > 32 && type < 127)
        return vm_raise(vm, vm->c.ValueError, "Unknown format code '%c' for object of type '%s'",
                        type, cls->name->data);
    return vm_raise(vm, vm->c.ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                    (unsigned)(uint8_t)type, cls->name->data);
}

bool format_int(VM *vm, int64_t v, const FormatSpec *fs, ObjClass *cls, TextBuf *out)
{
    char type = fs->type;
    switch (type) {
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return format_float(vm, (double)v, fs, cls, out);
    default:
        return unknown_code(vm, type, cls);
    }
    if (fs->precision >= 0)
        return vm_raise(vm, vm->c.ValueError, "Precision not allowed in integer format specifier");
    if (fs->z)
        return vm_raise(vm, vm->c.ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
    if (type == 'c') {
        if (fs->sign)
            return vm_raise(vm, vm->c.ValueError,
                            "Sign not allowed with integer format specifier 'c'");
        if (fs->alt)
            return vm_raise(vm, vm->c.ValueError,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
        if (v < 0 || v > 0x10FFFF)
            return vm_raise(vm, vm->c.OverflowError, "%%c arg not in range(0x110000)");
        TextBuf body;
        tb_init(&body);
        tb_add_cp(&body, (uint32_t)v);
        pad_and_add(out, fs, '>', body.data, body.len, 0);
        tb_free(&body);
        return true;
    }
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int base = 10;
    const char *prefix = "";
    const char *digit_chars = "0123456789abcdef";
    switch (type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; digit_chars = "0123456789ABCDEF"; break;
    default: break;
    }
    char buf[72];
    int n = 0;
    do {
        buf[sizeof buf - 1 - n++] = digit_chars[mag % (uint64_t)base];
        mag /= (uint64_t)base;
    } while (mag);
    layout_number(out, fs, v < 0, fs->alt ? prefix : "", buf + sizeof buf - n, (size_t)n, "", 0,
                  base == 10 ? 3 : 4);
    return true;
}

bool format_int_value(VM *vm, Value v, const FormatSpec *fs, ObjClass *cls, TextBuf *out)
{
    int64_t i;
    if (int_to_int64(v, &i)) return format_int(vm, i, fs, cls, out);
    /* A big int: the same rules as format_int, with GMP's digits. */
    char type = fs->type;
    switch (type) {
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d;
        if (!int_to_double(vm, v, &d)) return false;
        return format_float(vm, d, fs, cls, out);
    }
    default:
        return unknown_code(vm, type, cls);
    }
    if (fs->precision >= 0)
        return vm_raise(vm, vm->c.ValueError, "Precision not allowed in integer format specifier");
    if (fs->z)
        return vm_raise(vm, vm->c.ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
    if (type == 'c') {
        if (fs->sign)
            return vm_raise(vm, vm->c.ValueError,
                            "Sign not allowed with integer format specifier 'c'");
        if (fs->alt)
            return vm_raise(vm, vm->c.ValueError,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
        return vm_raise(vm, vm->c.OverflowError, "Python int too large to convert to C long");
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
    const char *prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
    TextBuf digits;
    tb_init(&digits);
    if (!int_digits_abs(vm, v, base, type == 'X', &digits)) {
        tb_free(&digits);
        return false;
    }
    layout_number(out, fs, int_sign(v) < 0, fs->alt && base != 10 ? prefix : "", digits.data,
                  digits.len, "", 0, base == 10 ? 3 : 4);
    tb_free(&digits);
    return true;
}

/* Digits of |x| per the presentation type, split into the integer digits and
 * the rest (point, fraction, exponent, '%'). */
static void float_body(double ax, char type, int64_t prec, bool alt, bool add_dot0, TextBuf *intpart,
                       TextBuf *rest)
{
    TextBuf all;
    tb_init(&all);
    char digits[24];
    int decpt = 0, n = 0;
    bool upper = type == 'E' || type == 'G' || type == 'F';
    switch (type) {
    case 'f': case 'F': case '%': {
        char *tmp = NULL;
        int len = asprintf(&tmp, alt ? "%#.*f" : "%.*f", (int)prec, type == '%' ? ax * 100 : ax);
        if (len > 0) tb_add(&all, tmp, (size_t)len);
        free(tmp);
        if (type == '%') tb_addc(&all, '%');
        break;
    }
    case 'e': case 'E':
        if (ax == 0) {
            memset(digits, '0', (size_t)prec + 1);
            n = (int)prec + 1;
            decpt = 1;
        } else {
            n = digits_prec(ax, (int)prec + 1, digits, &decpt);
        }
        layout_exp(&all, digits, n, decpt, (int)prec, alt, upper ? 'E' : 'e');
        break;
    case 'g': case 'G': case 'r': {
        bool shortest = type == 'r';
        int p = prec == 0 ? 1 : (int)prec;
        if (ax == 0) {
            digits[0] = '0';
            n = 1;
            decpt = 1;
        } else if (shortest) {
            n = float_shortest_digits(ax, digits, &decpt);
        } else {
            n = digits_prec(ax, p, digits, &decpt);
        }
        if (!alt || shortest)
            while (n > 1 && digits[n - 1] == '0') n--;
        int limit = shortest ? 16 : add_dot0 ? p - 1 : p;
        bool use_exp = decpt <= -4 || decpt > limit;
        if (ax == 0) use_exp = false;
        int min_frac = 0;
        if (alt && !shortest) min_frac = use_exp ? p - 1 : p - decpt;
        if (use_exp)
            layout_exp(&all, digits, n, decpt, min_frac, alt, upper ? 'E' : 'e');
        else {
            int frac = add_dot0 && n <= decpt && min_frac < 1 ? 1 : min_frac;
            layout_fixed(&all, digits, n, decpt, frac, alt || (add_dot0 && n <= decpt));
        }
        break;
    }
    default: break;
    }
    size_t i = 0;
    while (i < all.len && all.data[i] >= '0' && all.data[i] <= '9') i++;
    tb_add(intpart, all.data, i);
    tb_add(rest, all.data + i, all.len - i);
    tb_free(&all);
}

bool format_float(VM *vm, double v, const FormatSpec *fs, ObjClass *cls, TextBuf *out)
{
    char type = fs->type;
    int64_t prec = fs->precision;
    bool add_dot0 = false;
    switch (type) {
    case 0:
        if (prec < 0) {
            type = 'r';
        } else {
            type = 'g';
        }
        add_dot0 = true;
        break;
    case 'n': type = 'g'; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': break;
    default: return unknown_code(vm, type, cls);
    }
    if (prec < 0) prec = 6;
    bool negative = signbit(v) != 0;
    double ax = fabs(v);
    TextBuf intpart, rest;
    tb_init(&intpart);
    tb_init(&rest);
    if (isnan(v) || isinf(v)) {
        bool upper = type == 'E' || type == 'F' || type == 'G';
        tb_adds(&rest, isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        if (type == '%') tb_addc(&rest, '%');
        if (isnan(v)) negative = false;
    } else {
        float_body(ax, type, prec, fs->alt, add_dot0, &intpart, &rest);
        if (negative && fs->z) {
            /* 'z': a result that rounds to zero loses its sign. */
            bool all_zero = true;
            for (size_t i = 0; i < intpart.len; i++) all_zero &= intpart.data[i] == '0';
            for (size_t i = 0; i < rest.len && all_zero; i++) {
                char c = rest.data[i];
                if (c == 'e' || c == 'E') break;
                if (c >= '1' && c <= '9') all_zero = false;
            }
            if (all_zero) negative = false;
        }
    }
    layout_number(out, fs, negative, "", intpart.data ? intpart.data : "", intpart.len,
                  rest.data ? rest.data : "", rest.len, 3);
    tb_free(&intpart);
    tb_free(&rest);
    return true;
}

bool format_str(VM *vm, ObjStr *s, const FormatSpec *fs, ObjClass *cls, TextBuf *out)
{
    if (fs->type != 0 && fs->type != 's') return unknown_code(vm, fs->type, cls);
    if (fs->sign)
        return vm_raise(vm, vm->c.ValueError, fs->sign == ' '
                                                  ? "Space not allowed in string format specifier"
                                                  : "Sign not allowed in string format specifier");
    if (fs->z)
        return vm_raise(vm, vm->c.ValueError,
                        "Negative zero coercion (z) not allowed in string format specifier");
    if (fs->alt)
        return vm_raise(vm, vm->c.ValueError,
                        "Alternate form (#) not allowed in string format specifier");
    if (fs->align == '=')
        return vm_raise(vm, vm->c.ValueError,
                        "'=' alignment not allowed in string format specifier");
    size_t len = s->byte_len;
    if (fs->precision >= 0 && fs->precision < (int64_t)s->char_len) {
        /* Cut after `precision` code points. */
        int64_t cps = 0;
        size_t i = 0;
        while (i < s->byte_len && cps < fs->precision) {
            i += (size_t)utf8_len((uint8_t)s->data[i]);
            cps++;
        }
        len = i;
    }
    pad_and_add(out, fs, '<', s->data, len, 0);
    return true;
}

/* ---- format() ------------------------------------------------------------------ */

static bool is_default_format(VM *vm, Value m);

bool op_format(VM *vm, Value v, ObjStr *spec, ObjStr **out)
{
    ObjClass *cls = vm_class_of(vm, v);
    bool builtin_exact = cls == vm->c.int_ || cls == vm->c.bool_ || cls == vm->c.float_ ||
                         cls == vm->c.str;
    if (!builtin_exact) {
        Value m = class_lookup(cls, vm->n.__format__);
        if (!IS_EMPTY(m) && !is_default_format(vm, m)) {
            Value args[2] = {v, OBJ_VAL(spec)};
            Value r;
            if (!vm_call(vm, m, args, 2, NULL, &r)) return false;
            if (!IS_STR(r))
                return vm_raise(vm, vm->c.TypeError, "__format__ must return a str, not %s",
                                vm_class_of(vm, r)->name->data);
            *out = AS_STR(r);
            return true;
        }
    }
    if (spec->byte_len == 0) {
        if (IS_STR(v)) {
            *out = AS_STR(v);
            return true;
        }
        return op_str(vm, v, out);
    }
    FormatSpec fs;
    if (IS_BOOL(v) || IS_INT(v) || IS_FLOAT(v) || IS_STR(v) || IS_BIGINT(v)) {
        if (!format_spec_parse(vm, spec->data, spec->byte_len, cls, &fs)) return false;
        TextBuf b;
        tb_init(&b);
        bool ok;
        if (IS_FLOAT(v)) ok = format_float(vm, AS_FLOAT(v), &fs, cls, &b);
        else if (IS_STR(v)) ok = format_str(vm, AS_STR(v), &fs, cls, &b);
        else ok = format_int_value(vm, v, &fs, cls, &b);
        if (!ok) {
            tb_free(&b);
            return false;
        }
        *out = tb_to_str(vm, &b);
        return true;
    }
    return vm_raise(vm, vm->c.TypeError, "unsupported format string passed to %s.__format__",
                    cls->name->data);
}

/* object.__format__ and the built-in types' own __format__ natives. */
static bool native_format(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (kwnames != NULL || nargs != 2)
        return vm_raise(vm, vm->c.TypeError, "__format__() takes exactly one argument (%d given)",
                        nargs - 1);
    if (!IS_STR(args[1]))
        return vm_raise(vm, vm->c.TypeError, "__format__() argument must be str, not %s",
                        vm_class_of(vm, args[1])->name->data);
    Value self = args[0];
    ObjStr *spec = AS_STR(args[1]);
    ObjClass *cls = vm_class_of(vm, self);
    ObjStr *r;
    if (spec->byte_len == 0) {
        if (!op_str(vm, self, &r)) return false;
    } else if (IS_BOOL(self) || IS_INT(self) || IS_FLOAT(self) || IS_STR(self) || IS_BIGINT(self)) {
        FormatSpec fs;
        if (!format_spec_parse(vm, spec->data, spec->byte_len, cls, &fs)) return false;
        TextBuf b;
        tb_init(&b);
        bool ok;
        if (IS_FLOAT(self)) ok = format_float(vm, AS_FLOAT(self), &fs, cls, &b);
        else if (IS_STR(self)) ok = format_str(vm, AS_STR(self), &fs, cls, &b);
        else ok = format_int_value(vm, self, &fs, cls, &b);
        if (!ok) {
            tb_free(&b);
            return false;
        }
        r = tb_to_str(vm, &b);
    } else {
        return vm_raise(vm, vm->c.TypeError, "unsupported format string passed to %s.__format__",
                        cls->name->data);
    }
    *out = OBJ_VAL(r);
    return true;
}

static bool is_default_format(VM *vm, Value m)
{
    (void)vm;
    return IS_NATIVE(m) && AS_NATIVE(m)->fn == native_format;
}

void format_install(VM *vm)
{
    vm_define_native(vm, vm->c.object->dict, "__format__", native_format, vm->c.object);
    vm_define_native(vm, vm->c.int_->dict, "__format__", native_format, vm->c.int_);
    vm_define_native(vm, vm->c.float_->dict, "__format__", native_format, vm->c.float_);
    vm_define_native(vm, vm->c.str->dict, "__format__", native_format, vm->c.str);
}

/* ---- printf-style % ------------------------------------------------------------ */

/* repr with non-ASCII escaped (ascii()). */
static bool ascii_of(VM *vm, Value v, TextBuf *out)
{
    ObjStr *r;
    if (!op_repr(vm, v, &r)) return false;
    const uint8_t *p = (const uint8_t *)r->data, *end = p + r->byte_len;
    while (p < end) {
        if (*p < 0x80) {
            tb_addc(out, (char)*p++);
            continue;
        }
        int l = utf8_len(*p);
        uint32_t cp = *p & (0xFF >> (l + 1));
        for (int i = 1; i < l && p + i < end; i++) cp = (cp << 6) | (p[i] & 0x3F);
        p += l;
        if (cp < 0x100) tb_printf(out, "\\x%02x", cp);
        else if (cp < 0x10000) tb_printf(out, "\\u%04x", cp);
        else tb_printf(out, "\\U%08x", cp);
    }
    return true;
}

bool format_ascii(VM *vm, Value v, ObjStr **out)
{
    TextBuf b;
    tb_init(&b);
    if (!ascii_of(vm, v, &b)) {
        tb_free(&b);
        return false;
    }
    *out = tb_to_str(vm, &b);
    return true;
}

typedef struct {
    Value args;     /* the right operand */
    bool is_tuple;
    bool is_mapping;
    uint32_t next;  /* next tuple item */
    uint32_t count; /* items available */
} PctArgs;

static bool pct_next(VM *vm, PctArgs *a, Value *out)
{
    if (a->next >= a->count)
        return vm_raise(vm, vm->c.TypeError, "not enough arguments for format string");
    *out = a->is_tuple ? AS_TUPLE(a->args)->items[a->next] : a->args;
    a->next++;
    return true;
}

/* An int for %d %x %o %c ..., from int, bool, or (for %d %i %u only) float. */
static bool pct_int(VM *vm, char conv, Value v, Value *out)
{
    if (IS_INT(v) || IS_BIGINT(v)) { *out = v; return true; }
    if (IS_BOOL(v)) { *out = INT_VAL(AS_BOOL(v)); return true; }
    bool decimal = conv == 'd' || conv == 'i' || conv == 'u';
    if (IS_FLOAT(v) && decimal) return float_to_int(vm, AS_FLOAT(v), out);
    if (!IS_FLOAT(v) && !IS_STR(v)) {
        Value m = vm_lookup_special(vm, v, vm->n.__index__);
        if (!IS_EMPTY(m)) {
            int64_t i;
            if (!op_index(vm, v, &i)) return false;
            *out = INT_VAL(i);
            return true;
        }
    }
    if (decimal)
        return vm_raise(vm, vm->c.TypeError, "%%%c format: a real number is required, not %s",
                        conv, vm_class_of(vm, v)->name->data);
    return vm_raise(vm, vm->c.TypeError, "%%%c format: an integer is required, not %s", conv,
                    vm_class_of(vm, v)->name->data);
}

static bool pct_float(VM *vm, Value v, double *out)
{
    if (IS_FLOAT(v)) { *out = AS_FLOAT(v); return true; }
    if (IS_INT(v)) { *out = (double)AS_INT(v); return true; }
    if (IS_BOOL(v)) { *out = AS_BOOL(v); return true; }
    if (IS_BIGINT(v)) return int_to_double(vm, v, out);
    Value m = vm_lookup_special(vm, v, vm->n.__float__);
    if (!IS_EMPTY(m)) {
        Value r;
        if (!vm_call(vm, m, &v, 1, NULL, &r)) return false;
        if (IS_FLOAT(r)) { *out = AS_FLOAT(r); return true; }
    }
    return vm_raise(vm, vm->c.TypeError, "must be real number, not %s",
                    vm_class_of(vm, v)->name->data);
}

/* One %-conversion: flags, width, precision already parsed. */
static bool pct_convert(VM *vm, char conv, Value v, const char *flags, int64_t width,
                        int64_t prec, TextBuf *out)
{
    FormatSpec fs;
    memset(&fs, 0, sizeof fs);
    fs.width = width;
    fs.precision = prec;
    bool left = strchr(flags, '-') != NULL;
    if (strchr(flags, '+')) fs.sign = '+';
    else if (strchr(flags, ' ')) fs.sign = ' ';
    fs.alt = strchr(flags, '#') != NULL;
    if (left) fs.align = '<';
    else if (strchr(flags, '0')) fs.zero = true;
    else fs.align = '>';
    switch (conv) {
    case 's': case 'r': case 'a': {
        TextBuf tmp;
        tb_init(&tmp);
        ObjStr *s;
        if (conv == 'a') {
            if (!ascii_of(vm, v, &tmp)) return false;
        } else {
            if (!(conv == 's' ? op_str(vm, v, &s) : op_repr(vm, v, &s))) return false;
            tb_add_str(&tmp, s);
        }
        size_t len = tmp.len;
        if (prec >= 0) {
            int64_t cps = 0;
            size_t i = 0;
            while (i < tmp.len && cps < prec) {
                i += (size_t)utf8_len((uint8_t)tmp.data[i]);
                cps++;
            }
            len = i;
        }
        fs.zero = false;
        fs.align = left ? '<' : '>';
        pad_and_add(out, &fs, '>', tmp.data ? tmp.data : "", len, 0);
        tb_free(&tmp);
        return true;
    }
    case 'c': {
        uint32_t cp;
        if (IS_STR(v)) {
            if (AS_STR(v)->char_len != 1)
                return vm_raise(vm, vm->c.TypeError, "%%c requires int or char");
            const uint8_t *p = (const uint8_t *)AS_STR(v)->data;
            int l = utf8_len(*p);
            cp = l == 1 ? *p : *p & (0xFF >> (l + 1));
            for (int i = 1; i < l; i++) cp = (cp << 6) | (p[i] & 0x3F);
        } else if (IS_INT(v) || IS_BOOL(v)) {
            int64_t i = IS_INT(v) ? AS_INT(v) : AS_BOOL(v);
            if (i < 0 || i > 0x10FFFF)
                return vm_raise(vm, vm->c.OverflowError, "%%c arg not in range(0x110000)");
            cp = (uint32_t)i;
        } else if (IS_BIGINT(v)) {
            return vm_raise(vm, vm->c.OverflowError, "%%c arg not in range(0x110000)");
        } else {
            return vm_raise(vm, vm->c.TypeError, "%%c requires int or char");
        }
        TextBuf tmp;
        tb_init(&tmp);
        tb_add_cp(&tmp, cp);
        fs.zero = false;
        fs.align = left ? '<' : '>';
        pad_and_add(out, &fs, '>', tmp.data, tmp.len, 0);
        tb_free(&tmp);
        return true;
    }
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        Value i;
        if (!pct_int(vm, conv, v, &i)) return false;
        fs.type = conv == 'i' || conv == 'u' ? 'd' : conv;
        fs.precision = -1;
        if (prec > 0) {
            /* %.Nd: at least N digits. */
            int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
            TextBuf digits;
            tb_init(&digits);
            vm_push_root(vm, i);
            bool ok = int_digits_abs(vm, i, base, conv == 'X', &digits);
            vm_pop_root(vm, 1);
            if (!ok) {
                tb_free(&digits);
                return false;
            }
            int64_t n = (int64_t)digits.len;
            TextBuf body;
            tb_init(&body);
            if (int_sign(i) < 0) tb_addc(&body, '-');
            else if (fs.sign) tb_addc(&body, fs.sign);
            if (fs.alt && base != 10) tb_adds(&body, conv == 'x' ? "0x" : conv == 'X' ? "0X" : "0o");
            size_t plen = body.len;
            for (int64_t k = n; k < prec; k++) tb_addc(&body, '0');
            tb_add(&body, digits.data, (size_t)n);
            tb_free(&digits);
            pad_and_add(out, &fs, '>', body.data, body.len, plen);
            tb_free(&body);
            return true;
        }
        vm_push_root(vm, i);
        bool ok = format_int_value(vm, i, &fs, vm->c.int_, out);
        vm_pop_root(vm, 1);
        return ok;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double d = 0;
        if (!pct_float(vm, v, &d)) return false;
        fs.type = conv;
        if (fs.precision < 0) fs.precision = 6;
        return format_float(vm, d, &fs, vm->c.float_, out);
    }
    default: return false;
    }
}

/* The commonest conversions with no flags, width or precision: %d of a
 * machine int and %s of an exact str need none of pct_convert's machinery. */
static bool pct_plain(VM *vm, char conv, Value item, TextBuf *b)
{
    if ((conv == 'd' || conv == 'i') && IS_INT(item)) {
        char digits[24];
        int64_t v = AS_INT(item);
        uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
        int k = (int)sizeof digits;
        do {
            digits[--k] = (char)('0' + u % 10);
            u /= 10;
        } while (u != 0);
        if (v < 0) digits[--k] = '-';
        tb_add(b, digits + k, sizeof digits - (size_t)k);
        return true;
    }
    if (conv == 's' && IS_STR(item) && AS_OBJ(item)->cls == vm->c.str) {
        tb_add(b, AS_STR(item)->data, AS_STR(item)->byte_len);
        return true;
    }
    return false;
}

bool format_percent(VM *vm, ObjStr *fmt, Value args, ObjStr **out)
{
    PctArgs a;
    a.args = args;
    a.is_tuple = IS_TUPLE(args);
    a.is_mapping = !a.is_tuple && !IS_STR(args) &&
                   (IS_DICT(args) ||
                    (IS_OBJ(args) && !IS_TUPLE(args) &&
                     !IS_EMPTY(class_lookup(vm_class_of(vm, args), vm->n.__getitem__))) ||
                    IS_LIST(args));
    a.next = 0;
    a.count = a.is_tuple ? AS_TUPLE(args)->len : 1;
    TextBuf b;
    tb_init(&b);
    const char *s = fmt->data;
    size_t n = fmt->byte_len, i = 0;
    while (i < n) {
        const char *pct = memchr(s + i, '%', n - i);
        if (pct == NULL) {
            tb_add(&b, s + i, n - i);
            break;
        }
        tb_add(&b, s + i, (size_t)(pct - (s + i)));
        size_t start = (size_t)(pct - s);
        i = start + 1;
        Value item = EMPTY_VAL;
        if (i < n && s[i] == '(') {
            if (!a.is_mapping) {
                tb_free(&b);
                return vm_raise(vm, vm->c.TypeError, "format requires a mapping");
            }
            size_t depth = 1, k = i + 1;
            while (k < n && depth > 0) {
                if (s[k] == '(') depth++;
                else if (s[k] == ')') depth--;
                k++;
            }
            if (depth > 0) {
                tb_free(&b);
                return vm_raise(vm, vm->c.ValueError, "incomplete format key");
            }
            ObjStr *key = str_new(vm, s + i + 1, k - i - 2);
            vm_push_root(vm, OBJ_VAL(key));
            bool ok = op_getitem(vm, args, OBJ_VAL(key), &item);
            vm_pop_root(vm, 1);
            if (!ok) {
                tb_free(&b);
                return false;
            }
            i = k;
        }
        char flags[8];
        int nf = 0;
        while (i < n && strchr("-+ #0", s[i]) && s[i] != '\0') {
            if (nf < 7) flags[nf++] = s[i];
            i++;
        }
        flags[nf] = '\0';
        int64_t width = -1, prec = -1;
        if (i < n && s[i] == '*') {
            Value w = NONE_VAL;
            if (!pct_next(vm, &a, &w)) goto fail;
            if (!IS_INT(w)) {
                tb_free(&b);
                return vm_raise(vm, vm->c.TypeError, "* wants int");
            }
            width = AS_INT(w);
            if (width < 0) {
                width = -width;
                if (nf < 7) flags[nf++] = '-', flags[nf] = '\0';
            }
            i++;
        } else {
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                width = (width < 0 ? 0 : width) * 10 + (s[i] - '0');
                i++;
            }
        }
        if (i < n && s[i] == '.') {
            i++;
            prec = 0;
            if (i < n && s[i] == '*') {
                Value p = NONE_VAL;
                if (!pct_next(vm, &a, &p)) goto fail;
                if (!IS_INT(p)) {
                    tb_free(&b);
                    return vm_raise(vm, vm->c.TypeError, "* wants int");
                }
                prec = AS_INT(p) < 0 ? 0 : AS_INT(p);
                i++;
            } else {
                while (i < n && s[i] >= '0' && s[i] <= '9') prec = prec * 10 + (s[i++] - '0');
            }
        }
        while (i < n && (s[i] == 'l' || s[i] == 'h' || s[i] == 'L')) i++;
        if (i >= n) {
            tb_free(&b);
            return vm_raise(vm, vm->c.ValueError, "incomplete format");
        }
        char conv = s[i++];
        if (conv == '%') {
            tb_addc(&b, '%');
            continue;
        }
        if (!strchr("sradiuxXoeEfFgGc", conv)) {
            uint32_t cp = (uint8_t)conv;
            tb_free(&b);
            if (cp >= 0x80) {
                const uint8_t *p = (const uint8_t *)s + i - 1;
                int l = utf8_len(*p);
                cp = *p & (0xFF >> (l + 1));
                for (int k = 1; k < l; k++) cp = (cp << 6) | (p[k] & 0x3F);
                char u[8] = {0};
                memcpy(u, p, (size_t)l);
                return vm_raise(vm, vm->c.ValueError,
                                "unsupported format character '%s' (0x%x) at index %lld", u, cp,
                                (long long)cp_count(s, i - 1));
            }
            return vm_raise(vm, vm->c.ValueError,
                            "unsupported format character '%c' (0x%x) at index %lld", conv, cp,
                            (long long)cp_count(s, i - 1));
        }
        if (IS_EMPTY(item) && !pct_next(vm, &a, &item)) goto fail;
        if (nf == 0 && width < 0 && prec < 0 && pct_plain(vm, conv, item, &b)) continue;
        vm_push_root(vm, item);
        bool ok = pct_convert(vm, conv, item, flags, width, prec, &b);
        vm_pop_root(vm, 1);
        if (!ok) goto fail;
    }
    if (a.next < a.count && !a.is_mapping) {
        tb_free(&b);
        return vm_raise(vm, vm->c.TypeError, "not all arguments converted during string formatting");
    }
    *out = tb_to_str(vm, &b);
    return true;
fail:
    tb_free(&b);
    return false;
}

/* ---- str.format ------------------------------------------------------------ */

typedef struct {
    Value *args;
    int nargs;
    ObjTuple *kwnames;
    int auto_index; /* next automatic field number; -1 once manual numbering is used */
    bool manual;
    Value mapping; /* str.format_map's mapping (names are looked up in it), else EMPTY */
} FmtCtx;

static bool kwarg_lookup(FmtCtx *c, const char *name, size_t len, Value *out)
{
    if (c->kwnames == NULL) return false;
    for (uint32_t i = 0; i < c->kwnames->len; i++) {
        ObjStr *k = AS_STR(c->kwnames->items[i]);
        if (k->byte_len == len && memcmp(k->data, name, len) == 0) {
            *out = c->args[c->nargs + (int)i];
            return true;
        }
    }
    return false;
}

static bool parse_index(const char *s, size_t len, int64_t *out)
{
    if (len == 0) return false;
    int64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        if (v > INT64_MAX / 10 - 10) return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* Resolve a field name ("0", "name", "0.attr", "x[1]", "" for automatic). */
static bool resolve_field(VM *vm, FmtCtx *c, const char *f, size_t len, Value *out)
{
    size_t first = 0;
    while (first < len && f[first] != '.' && f[first] != '[') first++;
    Value v;
    int64_t idx;
    if (!IS_EMPTY(c->mapping) && (first == 0 || parse_index(f, first, &idx)))
        return vm_raise(vm, vm->c.ValueError, "Format string contains positional fields");
    if (first == 0) {
        if (c->manual)
            return vm_raise(vm, vm->c.ValueError,
                            "cannot switch from manual field specification to automatic field "
                            "numbering");
        c->auto_index++;
        idx = c->auto_index - 1;
        if (idx >= c->nargs)
            return vm_raise(vm, vm->c.IndexError,
                            "Replacement index %lld out of range for positional args tuple",
                            (long long)idx);
        v = c->args[idx];
    } else if (parse_index(f, first, &idx)) {
        if (c->auto_index > 0)
            return vm_raise(vm, vm->c.ValueError,
                            "cannot switch from automatic field numbering to manual field "
                            "specification");
        c->manual = true;
        if (idx >= c->nargs)
            return vm_raise(vm, vm->c.IndexError,
                            "Replacement index %lld out of range for positional args tuple",
                            (long long)idx);
        v = c->args[idx];
    } else if (!IS_EMPTY(c->mapping)) {
        ObjStr *k = str_new(vm, f, first);
        vm_push_root(vm, OBJ_VAL(k));
        bool ok = op_getitem(vm, c->mapping, OBJ_VAL(k), &v);
        vm_pop_root(vm, 1);
        if (!ok) return false;
    } else if (!kwarg_lookup(c, f, first, &v)) {
        ObjStr *k = str_new(vm, f, first);
        return exception_raise_key_error(vm, OBJ_VAL(k));
    }
    size_t i = first;
    vm_push_root(vm, v);
    size_t rooted = 1;
    bool ok = true;
    while (ok && i < len) {
        if (f[i] == '.') {
            size_t j = i + 1;
            while (j < len && f[j] != '.' && f[j] != '[') j++;
            if (j == i + 1) {
                ok = vm_raise(vm, vm->c.ValueError, "Empty attribute in format string");
                break;
            }
            ObjStr *name = str_intern(vm, f + i + 1, j - i - 1);
            ok = vm_getattr(vm, v, name, &v);
            i = j;
        } else if (f[i] == '[') {
            size_t j = i + 1;
            while (j < len && f[j] != ']') j++;
            if (j >= len) {
                ok = vm_raise(vm, vm->c.ValueError, "Missing ']' in format string");
                break;
            }
            if (j == i + 1) {
                ok = vm_raise(vm, vm->c.ValueError, "Empty attribute in format string");
                break;
            }
            Value key;
            int64_t k;
            if (parse_index(f + i + 1, j - i - 1, &k)) {
                key = INT_VAL(k);
            } else {
                key = OBJ_VAL(str_new(vm, f + i + 1, j - i - 1));
            }
            vm_push_root(vm, key);
            rooted++;
            ok = op_getitem(vm, v, key, &v);
            i = j + 1;
            if (ok && i < len && f[i] != '.' && f[i] != '[') {
                ok = vm_raise(vm, vm->c.ValueError,
                              "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            break;
        }
        if (ok) {
            vm_push_root(vm, v);
            rooted++;
        }
    }
    vm_pop_root(vm, rooted);
    if (!ok) return false;
    *out = v;
    return true;
}

static bool format_template(VM *vm, FmtCtx *c, const char *s, size_t n, TextBuf *out, int depth);

/* One replacement field's body: name[!conv][:spec]. */
static bool format_field(VM *vm, FmtCtx *c, const char *f, size_t len, TextBuf *out, int depth)
{
    size_t name_end = 0;
    /* The field name ends at '!' or ':' outside brackets. */
    int bracket = 0;
    while (name_end < len) {
        char ch = f[name_end];
        if (ch == '[') bracket = 1;
        else if (ch == ']') bracket = 0;
        else if (!bracket && (ch == '!' || ch == ':')) break;
        name_end++;
    }
    char conv = 0;
    size_t spec_start = len;
    size_t p = name_end;
    if (p < len && f[p] == '!') {
        if (p + 1 >= len)
            return vm_raise(vm, vm->c.ValueError,
                            "end of string while looking for conversion specifier");
        conv = f[p + 1];
        p += 2;
        if (p < len && f[p] != ':')
            return vm_raise(vm, vm->c.ValueError, "expected ':' after conversion specifier");
    }
    if (p < len && f[p] == ':') spec_start = p + 1;
    Value v;
    if (!resolve_field(vm, c, f, name_end, &v)) return false;
    vm_push_root(vm, v);
    bool ok = true;
    if (conv) {
        ObjStr *cs = NULL;
        TextBuf tmp;
        tb_init(&tmp);
        switch (conv) {
        case 'r': ok = op_repr(vm, v, &cs); break;
        case 's': ok = op_str(vm, v, &cs); break;
        case 'a':
            ok = ascii_of(vm, v, &tmp);
            if (ok) cs = tb_to_str(vm, &tmp);
            else tb_free(&tmp);
            break;
        default:
            ok = vm_raise(vm, vm->c.ValueError, "Unknown conversion specifier %c", conv);
        }
        if (ok) {
            v = OBJ_VAL(cs);
            vm->roots[vm->root_count - 1] = v; /* replace the rooted field value */
        }
    }
    ObjStr *spec = vm->n.empty;
    if (ok && spec_start < len) {
        /* The spec may hold nested fields: {:{width}}. */
        TextBuf sb;
        tb_init(&sb);
        if (depth >= 2) {
            tb_free(&sb);
            vm_pop_root(vm, 1);
            return vm_raise(vm, vm->c.ValueError, "Max string recursion exceeded");
        }
        ok = format_template(vm, c, f + spec_start, len - spec_start, &sb, depth + 1);
        if (ok) spec = tb_to_str(vm, &sb);
        else tb_free(&sb);
    }
    ObjStr *r = NULL;
    if (ok) {
        vm_push_root(vm, OBJ_VAL(spec));
        ok = op_format(vm, v, spec, &r);
        vm_pop_root(vm, 1);
    }
    vm_pop_root(vm, 1);
    if (!ok) return false;
    tb_add_str(out, r);
    return true;
}

static bool format_template(VM *vm, FmtCtx *c, const char *s, size_t n, TextBuf *out, int depth)
{
    size_t i = 0;
    while (i < n) {
        char ch = s[i];
        if (ch == '{') {
            if (i + 1 < n && s[i + 1] == '{') {
                tb_addc(out, '{');
                i += 2;
                continue;
            }
            /* Find the matching '}' (nested braces allowed in the spec). */
            size_t j = i + 1;
            int level = 1;
            while (j < n) {
                if (s[j] == '{') level++;
                else if (s[j] == '}' && --level == 0) break;
                j++;
            }
            if (j >= n) {
                if (i + 1 == n)
                    return vm_raise(vm, vm->c.ValueError, "Single '{' encountered in format string");
                return vm_raise(vm, vm->c.ValueError, "expected '}' before end of string");
            }
            if (!format_field(vm, c, s + i + 1, j - i - 1, out, depth)) return false;
            i = j + 1;
        } else if (ch == '}') {
            if (i + 1 < n && s[i + 1] == '}') {
                tb_addc(out, '}');
                i += 2;
                continue;
            }
            return vm_raise(vm, vm->c.ValueError, "Single '}' encountered in format string");
        } else {
            const char *next = s + i;
            size_t k = i;
            while (k < n && s[k] != '{' && s[k] != '}') k++;
            tb_add(out, next, k - i);
            i = k;
        }
    }
    return true;
}

bool format_str_method(VM *vm, ObjStr *fmt, Value *args, int nargs, ObjTuple *kwnames,
                       ObjStr **out)
{
    FmtCtx c = {args, nargs, kwnames, 0, false, EMPTY_VAL};
    TextBuf b;
    tb_init(&b);
    if (!format_template(vm, &c, fmt->data, fmt->byte_len, &b, 0)) {
        tb_free(&b);
        return false;
    }
    *out = tb_to_str(vm, &b);
    return true;
}

bool format_str_map(VM *vm, ObjStr *fmt, Value mapping, ObjStr **out)
{
    FmtCtx c = {NULL, 0, NULL, 0, false, mapping};
    TextBuf b;
    tb_init(&b);
    if (!format_template(vm, &c, fmt->data, fmt->byte_len, &b, 0)) {
        tb_free(&b);
        return false;
    }
    *out = tb_to_str(vm, &b);
    return true;
}
