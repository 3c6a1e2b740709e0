/* html.c: the lesson page (html.h). Everything the page needs is inside
 * it: the stylesheet is inline, the charts are inline SVG, prose images are
 * replaced by their alt text, and nothing is loaded from anywhere. */
#include "html.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notebook.h"
#include "replace.h"

#define CHART_WIDTH_PX 900 /* fits the page's column (960 px) without scaling */

struct HtmlPage {
    char *path;        /* where the page goes (for messages) */
    Replacement *file; /* written beside it, renamed over it at the end */
    FILE *out;
};

static const char page_style[] =
    "body{margin:0;background:#fafafa;color:#1d1d1d;font:16px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif}"
    "main{max-width:960px;margin:0 auto;padding:24px 20px 60px;background:#fff}"
    "h1,h2,h3{line-height:1.25}"
    "code,pre{font:13.5px/1.45 ui-monospace,Menlo,Consolas,monospace}"
    "p code,li code{background:#f1f1f1;padding:1px 4px;border-radius:3px}"
    "pre{margin:0;padding:10px 12px;overflow-x:auto;white-space:pre}"
    "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px}"
    ".source{color:#666;font-size:13px}"
    ".cell{margin:18px 0;border:1px solid #d8dee6;border-radius:6px;overflow:hidden}"
    ".cell .prompt{font:12px ui-monospace,Menlo,Consolas,monospace;color:#2a5db0;padding:6px 12px 0;background:#f5f8fc}"
    ".cell pre.code{background:#f5f8fc}"
    ".cell pre.output{border-top:1px solid #e3e7ec;background:#fff}"
    ".cell.raises pre.output{background:#fff6f5}"
    ".cell .timing{margin:0;padding:4px 12px;color:#777;font:12px ui-monospace,Menlo,Consolas,monospace;"
    "border-top:1px solid #e3e7ec}"
    ".cell .not-run{margin:0;padding:6px 12px;color:#a33}"
    "figure.timeline{margin:0;padding:8px 0 4px;border-top:1px solid #e3e7ec;overflow-x:auto}"
    "figure.timeline figcaption{padding:0 12px;color:#555;font-size:13px}"
    "svg.timeline{display:block;max-width:none}";

/* ---- text ------------------------------------------------------------------------------- */

/* Text for HTML content or a quoted attribute; control characters other
 * than tab and newline (a terminal's escapes in a cell's output) as U+FFFD. */
static void html_text(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default:
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) fputs("\xEF\xBF\xBD", out);
            else fputc(c, out);
        }
    }
}

/* The same without one final newline (a <pre> shows it as an empty line). */
static void html_block_text(FILE *out, const char *s)
{
    size_t len = strlen(s);
    if (len && s[len - 1] == '\n') len--;
    html_text(out, s, len);
}

/* ---- opening and committing -------------------------------------------------------------- */

HtmlPage *html_page_open(const char *path)
{
    Replacement *r = replace_open(path);
    if (r == NULL) {
        fprintf(stderr, "loopbook: cannot write '%s': %s\n", path, strerror(errno));
        return NULL;
    }
    HtmlPage *p = calloc(1, sizeof *p);
    if (p == NULL) abort();
    p->file = r;
    p->out = replace_file(r);
    p->path = strdup(path);
    if (p->path == NULL) abort();
    return p;
}

void html_page_discard(HtmlPage *p)
{
    if (p == NULL) return;
    replace_discard(p->file);
    free(p->path);
    free(p);
}

bool html_page_commit(HtmlPage *p, size_t *bytes)
{
    fputs("</main>\n</body>\n</html>\n", p->out);
    long size = ftell(p->out);
    int why = replace_commit(p->file);
    if (why != 0) fprintf(stderr, "loopbook: cannot write '%s': %s\n", p->path, strerror(why));
    if (bytes) *bytes = size > 0 ? (size_t)size : 0;
    free(p->path);
    free(p);
    return why == 0;
}

/* ---- the head ---------------------------------------------------------------------------- */

/* The literal text under a node (a heading's words, without markup). */
static void plain_text(FILE *out, cmark_node *n)
{
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
        cmark_node_type type = cmark_node_get_type(c);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
            const char *s = cmark_node_get_literal(c);
            html_text(out, s, strlen(s));
        } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
            fputc(' ', out);
        } else {
            plain_text(out, c);
        }
    }
}

static cmark_node *first_heading(cmark_node *doc)
{
    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING) return n;
    return NULL;
}

void html_page_head(HtmlPage *p, cmark_node *doc, const char *lesson_path, bool virtual_clock)
{
    FILE *out = p->out;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", out);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", out);
    fputs("<meta name=\"generator\" content=\"loopbook " LOOPBOOK_VERSION "\">\n<title>", out);
    cmark_node *heading = first_heading(doc);
    if (heading) plain_text(out, heading);
    else html_text(out, lesson_path, strlen(lesson_path));
    fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<p class=\"source\">", page_style);
    html_text(out, lesson_path, strlen(lesson_path));
    fprintf(out, ", run by loopbook " LOOPBOOK_VERSION " on the %s clock</p>\n", virtual_clock ? "virtual" : "real");
}

/* ---- prose ------------------------------------------------------------------------------- */

/* An image would be a file beside the page: it becomes its alt text (the
 * image node's children), so the page stays whole on its own. */
static void replace_images(cmark_node *block)
{
    cmark_node **images = NULL;
    size_t n = 0;
    cmark_iter *it = cmark_iter_new(block);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *node = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_IMAGE) continue;
        images = realloc(images, (n + 1) * sizeof *images);
        if (images == NULL) abort();
        images[n++] = node;
    }
    cmark_iter_free(it);
    /* innermost last: an image inside another's alt text is freed before its container */
    while (n > 0) {
        cmark_node *image = images[--n];
        for (cmark_node *c; (c = cmark_node_first_child(image)) != NULL;) cmark_node_insert_before(image, c);
        cmark_node_free(image);
    }
    free(images);
}

void html_page_prose(HtmlPage *p, cmark_node *block)
{
    /* raw HTML (the clock pin, comments) is not prose; safe mode would leave a comment in its place */
    if (cmark_node_get_type(block) == CMARK_NODE_HTML_BLOCK) return;
    replace_images(block);
    /* CMARK_OPT_DEFAULT is safe mode since cmark 0.29: raw HTML and javascript: links are left out */
    char *html = cmark_render_html(block, CMARK_OPT_DEFAULT);
    fputs(html, p->out);
    free(html);
}

/* ---- cells ------------------------------------------------------------------------------- */

static void cell_chart(HtmlPage *p, const HtmlCell *c)
{
    if (c->timeline == NULL || c->timeline->n_rows == 0) return;
    fprintf(p->out, "<figure class=\"timeline\">\n<figcaption>When the tasks of In [%d] ran and waited</figcaption>\n",
            c->number);
    timeline_write_svg(c->timeline, p->out, c->seconds, CHART_WIDTH_PX);
    fputs("</figure>\n", p->out);
}

void html_page_cell(HtmlPage *p, const HtmlCell *c)
{
    FILE *out = p->out;
    fprintf(out, "<section class=\"cell%s\" id=\"cell-%d\" data-line=\"%d\">\n", c->raises ? " raises" : "",
            c->number, c->line);
    fprintf(out, "<div class=\"prompt\">%s [%d]:</div>\n<pre class=\"code\"><code class=\"language-python\">",
            c->not_run ? "Not run" : "In", c->number);
    html_block_text(out, c->code);
    fputs("</code></pre>\n", out);
    if (c->not_run) fputs("<p class=\"not-run\">(not run: an earlier cell ended the session)</p>\n", out);
    if (c->output && *c->output) {
        fputs("<pre class=\"output\">", out);
        html_block_text(out, c->output);
        fputs("</pre>\n", out);
    }
    if (c->timing && *c->timing) {
        fputs("<p class=\"timing\">", out);
        html_block_text(out, c->timing);
        fputs("</p>\n", out);
    }
    cell_chart(p, c);
    fputs("</section>\n", out);
}
