/* lesson.h: lessons: Markdown files whose ```python blocks are cells, each
 * followed by the ```output it printed when recorded (docs/lessons.md).
 * Parsed with libcmark, which gives the source lines that --record splices. */
#ifndef LOOPBOOK_LESSON_H
#define LOOPBOOK_LESSON_H

#include <stdbool.h>

/* LESSON_HTML: run the cells as --check does and write the lesson as one
 * self-contained page (--html OUT.html; html.h). */
typedef enum { LESSON_REPLAY, LESSON_CHECK, LESSON_RECORD, LESSON_HTML } LessonMode;

typedef struct {
    LessonMode mode;
    int clock;          /* 0: the mode's default, 1: real, 2: virtual (--clock) */
    double cell_timeout; /* seconds; 0: none */
    const char *html_path; /* LESSON_HTML: where the page goes */
    bool timeline;         /* LESSON_REPLAY (--timeline): a chart after every cell that ran tasks */
    bool explain;          /* LESSON_REPLAY (--explain): its steps in words too */
} LessonOptions;

/* Replay, check, record or draw one lesson; the exit status (0 ok, 1 a
 * cell differs or fails, the lesson is refused or the page cannot be
 * written, 2 it cannot be read). */
int lesson_run(const char *path, const LessonOptions *options);

/* Stepping through a lesson at the prompt (--step, %lesson): the prose up
 * to the next cell is printed, and its code comes back for the prompt to
 * put into the edit buffer. */
typedef struct LessonStepper LessonStepper;
/* NULL (the reason printed, with file and line) when the lesson is refused. */
LessonStepper *lesson_stepper_open(const char *path);
/* Print the prose before the next cell; its code (malloc'd), or NULL at the end. */
char *lesson_stepper_next(LessonStepper *st, bool color);
void lesson_stepper_close(LessonStepper *st);

/* Whether a file name looks like a lesson (ends in .md). */
bool lesson_is_lesson(const char *path);

#endif
