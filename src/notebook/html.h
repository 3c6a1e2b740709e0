/* html.h: a lesson as one self-contained HTML page (--html OUT.html): its
 * prose, each cell's code, output and timing, and each cell's timeline as
 * inline SVG. lesson.c runs the lesson and hands over the pieces in order;
 * this file only writes. The page is written to a temporary file beside
 * OUT.html and renamed into place at the end, so a failure leaves nothing. */
#ifndef LOOPBOOK_HTML_H
#define LOOPBOOK_HTML_H

#include <stdbool.h>

#include <cmark.h>

#include "timeline.h"

typedef struct HtmlPage HtmlPage;

/* Create the temporary file beside `path`; NULL (the reason printed, naming
 * the path) when it cannot be created. */
HtmlPage *html_page_open(const char *path);

/* The head of the page: its title (the lesson's first heading, else its
 * file name), where it came from, and the clock its cells ran on. */
void html_page_head(HtmlPage *p, cmark_node *doc, const char *lesson_path, bool virtual_clock);

/* One top-level Markdown block of prose, rendered by libcmark (safe mode:
 * raw HTML and unsafe links left out; images become their alt text). */
void html_page_prose(HtmlPage *p, cmark_node *block);

typedef struct {
    int number;               /* In [number] */
    int line;                 /* the fence's line in the lesson */
    const char *code;
    const char *output;       /* what it printed, or NULL / "" */
    const char *timing;       /* "Wall time: ...", or NULL */
    const Timeline *timeline; /* its recording, or NULL; no rows: no chart */
    double seconds;           /* the cell's wall time (the chart spans at least this) */
    bool raises;              /* expected to raise (`python raises`) */
    bool not_run;             /* an earlier cell ended the session */
} HtmlCell;

void html_page_cell(HtmlPage *p, const HtmlCell *cell);

/* Finish the page: flush, fsync, rename over `path`. False (the reason
 * printed) when any step, or any write before, failed; the temporary file
 * is gone either way, and the page is freed. */
bool html_page_commit(HtmlPage *p, size_t *bytes);

/* Drop the page and its temporary file. */
void html_page_discard(HtmlPage *p);

#endif
