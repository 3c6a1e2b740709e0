#!/usr/bin/python3
"""tests/timeline/check_chart.py [--elapsed SECONDS] NAME CHART

Check the invariants of one ASCII timeline chart (the text loopbook's
--timeline prints after a script's output; see src/loop/timeline.c,
timeline_print). NAME is the program's name (tests/programs/NAME.py): it
picks the teaching-point checks below. CHART is a file holding the chart
alone (the part of tests/timeline/NAME.chart after the program's output).
With --elapsed, the program's elapsed virtual time (measured by
tests/run-timeline): the axis total must be that time as the chart prints
it ("%.2f s").

Prints one line per broken invariant and exits 1 if there is any, else
exits 0 silently; exit 2 on a usage error. Standard library only (Debian's
/usr/bin/python3).

The chart is either the single line "(no tasks ran)", or:

    LABEL |BAR| ENDING          one line per row (a task, or a coroutine a
    ...                         task awaited, indented 2 spaces a level)
    (N more rows not drawn)     optional
    (the recording stopped after N steps)   optional
    <W spaces>  0       T.TT s  the axis (W: the label column's width)
    <W spaces>  # running  - waiting (on what)  . created, not started yet

Invariants checked:
  - the layout above; every bar line has the same width (the label column
    and the bar are the same width on every row), and the axis' 0 sits
    under the bar's first column, its total at the bar's right end;
  - a row's label is a task "Task-N (coroutine())" (N unique) at indent 0,
    or an awaited coroutine "name()" indented 2*depth under a row one
    level up (the first row is a task); a task's ending is done, cancelled,
    pending or "raised Name"; an awaited coroutine's is empty or pending,
    and pending only under a pending task;
  - bars hold only '#' (running), '-' (waiting), '.' (created, not started)
    and ' ', plus wait labels written over the dashes ("-sleep(0.5)-"):
    a label is Task-N, "a Future" or "name(...)", always with a dash
    either side;
  - the marks are in order: '.' only before a task's first '#'; a wait
    ('-' run) always follows a slice ('#'); an ended row ends with a '#';
    an awaited coroutine's row starts with a '#' and lies within the span
    of the row that awaits it;
  - a wait labelled Task-N names a task row of the chart; a row waiting
    while one of the coroutines it awaits has a row that covers the whole
    wait is labelled with that coroutine's name;
  - the axis total is the program's elapsed virtual time (--elapsed);
  - the seed's teaching points (by NAME):
      async_004_* (sequential awaits): one task; its two fetch_data() rows
        do not overlap (the second's first '#' is at or after the first's
        last '#'), and end to end they cover the axis, 1.50 s, the first
        ending at the 0.5 s column;
      async_005_* (create_task): the two Task-N (fetch_data()) rows overlap
        (both start at 0), the 0.5 s one ends at the 0.5 s column, the
        other at the end; the axis says 1.00 s;
      async_006_* (gather): the three fetch_data() task rows all start at 0
        and overlap; the axis says 0.30 s.
"""

import re
import sys

LEGEND = "# running  - waiting (on what)  . created, not started yet"
TASK_LABEL = re.compile(r"Task-(\d+) \((.+)\)")
CORO_LABEL = re.compile(r"[A-Za-z_][\w.<>]*\(\)")
TRUNCATED_AT = 28  # timeline_print cuts labels to this many columns
ENDING = re.compile(r"done|cancelled|pending|raised [A-Za-z_]\w*")
# what a wait can be labelled with (src/loop/future.c, waited_text and
# await_row): a future's label ("sleep(0.5)", "Queue.get()", "gather()"),
# a task's name, "a Future", or an awaited coroutine ("fetch_data()")
WAIT_LABEL = re.compile(r"(?<=-)(?:Task-\d+|a Future|[A-Za-z_][\w.<>]*\([^()]*\))(?=-)")
MARKS = set("#-. ")


class Row:
    def __init__(self, number, label, depth, bar, ending):
        self.number = number  # line number in the chart, from 1
        self.label = label  # without the indent
        self.depth = depth
        self.bar = bar  # as drawn
        self.ending = ending
        self.marks = bar  # with the wait labels turned into dashes
        self.waits = []  # (first column, last column, label) of each wait label
        self.task = None  # the Task-N number, for a task row
        self.up = None  # the row one level up (for an awaited coroutine)

    @property
    def name(self):
        return f"line {self.number} ({' ' * 2 * self.depth}{self.label})"

    def span(self):
        """(first, last) non-blank columns, or None for a blank bar."""
        cols = [i for i, c in enumerate(self.marks) if c != " "]
        return (cols[0], cols[-1]) if cols else None

    def hashes(self):
        """(first, last) '#' columns, or None."""
        cols = [i for i, c in enumerate(self.marks) if c == "#"]
        return (cols[0], cols[-1]) if cols else None


def check(name, text, elapsed):
    errors = []

    def err(msg):
        errors.append(msg)

    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        err("the chart does not end with a newline")
    if not lines:
        return ["the chart is empty"]
    if lines == ["(no tasks ran)"]:
        return errors
    if "(no tasks ran)" in lines:
        err("'(no tasks ran)' is not the whole chart")

    # ---- layout: the legend gives the label column's width
    if len(lines) < 3:
        return errors + [f"too short for a chart ({len(lines)} lines)"]
    legend, axis = lines[-1], lines[-2]
    if legend.strip() != LEGEND:
        return errors + [f"the last line is not the legend: {legend!r}"]
    width = len(legend) - len(legend.lstrip(" ")) - 2
    if width < 0 or legend != " " * width + "  " + LEGEND:
        return errors + [f"the legend is not indented by the label column and 2 spaces: {legend!r}"]
    body = lines[:-2]
    # the notes after the rows, in this order, each at most once
    for note in (r"\(the recording stopped after \d+ steps\)", r"\(\d+ more rows not drawn\)"):
        if body and re.fullmatch(note, body[-1]):
            body.pop()
    if not body:
        return errors + ["no rows"]

    rows = []
    bar_width = None
    for number, line in enumerate(body, start=1):
        head = line[:width]
        if line[width:width + 2] != " |":
            err(f"line {number}: no ' |' after the {width}-column label: {line!r}")
            continue
        close = line.find("|", width + 2)
        if close < 0:
            err(f"line {number}: the bar is not closed with '|': {line!r}")
            continue
        bar = line[width + 2:close]
        rest = line[close + 1:]
        if bar_width is None:
            bar_width = len(bar)
        elif len(bar) != bar_width:
            err(f"line {number}: the bar is {len(bar)} columns wide, line 1's is {bar_width}")
            continue
        if rest and not rest.startswith(" "):
            err(f"line {number}: no space between the bar and how the row ended: {line!r}")
        ending = rest[1:]
        indent = len(head) - len(head.lstrip(" "))
        label = head.strip(" ")
        if indent % 2:
            err(f"line {number}: odd indent ({indent}) before the label {label!r}")
        rows.append(Row(number, label, indent // 2, bar, ending))
    if not rows:
        return errors
    if width + 3 + bar_width > 80:
        err(f"'LABEL |BAR|' is {width + 3 + bar_width} columns, wider than the 80 a script's chart has")

    # ---- labels, nesting and endings
    seen_tasks = {}
    stack = []  # the rows one per depth above the current one
    for r in rows:
        if r.depth == 0:
            m = TASK_LABEL.fullmatch(r.label)
            truncated = len(r.label) == width == TRUNCATED_AT and re.match(r"Task-(\d+) \(", r.label)
            if m is None and not truncated:
                err(f"{r.name}: not a task label 'Task-N (coroutine())'")
            else:
                r.task = int((m or truncated).group(1))
                if r.task in seen_tasks:
                    err(f"{r.name}: Task-{r.task} already has a row (line {seen_tasks[r.task].number})")
                seen_tasks[r.task] = r
            if not ENDING.fullmatch(r.ending):
                err(f"{r.name}: a task should end done, cancelled, pending or 'raised Name', not {r.ending!r}")
            stack = [r]
        else:
            if r.depth > len(stack):
                err(f"{r.name}: indented {r.depth} levels under a row {len(stack) - 1} levels deep"
                    if stack else f"{r.name}: the first row is not a task")
                continue
            stack = stack[:r.depth]
            r.up = stack[-1]
            stack.append(r)
            truncated = len(r.label) + 2 * r.depth == width == TRUNCATED_AT
            if not CORO_LABEL.fullmatch(r.label) and not (truncated and re.match(r"[A-Za-z_]", r.label)):
                err(f"{r.name}: not an awaited coroutine's label 'name()'")
            if r.ending not in ("", "pending"):
                err(f"{r.name}: an awaited coroutine's row should end with nothing or 'pending', not {r.ending!r}")
            if r.ending == "pending" and stack[0].ending != "pending":
                err(f"{r.name}: pending, but its task ended ({stack[0].ending})")

    # ---- the bars: marks and wait labels
    for r in rows:
        marks = list(r.bar)
        for m in WAIT_LABEL.finditer(r.bar):
            r.waits.append((m.start(), m.end() - 1, m.group()))
            marks[m.start():m.end()] = "-" * (m.end() - m.start())
        r.marks = "".join(marks)
        odd = sorted(set(r.marks) - MARKS)
        if odd:
            err(f"{r.name}: the bar has {''.join(odd)!r} outside a wait label: |{r.bar}|")
            continue
        span = r.span()
        if span is None:
            if r.ending != "pending" or r.depth:
                err(f"{r.name}: an empty bar")
            continue
        first = r.marks[span[0]]
        hashes = r.hashes()
        if r.depth == 0 and first not in "#.":
            err(f"{r.name}: a task's bar starts with {first!r}, not '#' or '.': |{r.bar}|")
        if r.depth and first != "#":
            err(f"{r.name}: an awaited coroutine's bar starts with {first!r}, not '#': |{r.bar}|")
        if "." in r.marks and hashes and r.marks.rfind(".") > hashes[0]:
            err(f"{r.name}: '.' (not started yet) after the first '#': |{r.bar}|")
        if "." in r.marks and r.depth:
            err(f"{r.name}: '.' (not started yet) on an awaited coroutine's row: |{r.bar}|")
        for m in re.finditer(r"-+", r.marks):
            if m.start() == 0 or r.marks[m.start() - 1] != "#":
                err(f"{r.name}: a wait at column {m.start()} does not follow a '#': |{r.bar}|")
            after = r.marks[m.end():]
            if after and after[0] != "#" and after.strip(" "):
                err(f"{r.name}: a wait at column {m.start()} is followed by {after[0]!r}: |{r.bar}|")
        ended = r.ending not in ("pending",)
        if ended and r.marks[span[1]] != "#":
            err(f"{r.name}: ended ({r.ending or 'returned'}), but its bar does not end with a '#': |{r.bar}|")
        if r.up is not None:
            up = r.up.span()
            if up is None or span[0] < up[0] or span[1] > up[1]:
                err(f"{r.name}: its bar (columns {span[0]}-{span[1]}) is not within the bar of "
                    f"{r.up.name} ({'blank' if up is None else f'columns {up[0]}-{up[1]}'})")

    # ---- wait labels against the rows
    for r in rows:
        children = [c for c in rows if c.up is r]
        for first, last, label in r.waits:
            if label.startswith("Task-") and int(label[5:]) not in seen_tasks:
                err(f"{r.name}: waits on {label}, which has no row")
            for c in children:
                span = c.span()
                # the child's bar covers the whole wait, the slices either side included
                if span and span[0] <= first - 1 and span[1] >= last + 1 and c.label != label:
                    err(f"{r.name}: the wait at columns {first}-{last} is labelled {label!r}, but it awaits "
                        f"{c.label} then ({c.name})")

    # ---- the axis
    m = re.fullmatch(r"( *)0( +)(\d+\.\d\d) s", axis)
    if m is None:
        return errors + [f"the axis is not '0 ... T.TT s': {axis!r}"]
    total = m.group(3)
    if len(m.group(1)) != width + 2:
        err(f"the axis' 0 is at column {len(m.group(1))}, not under the bar's first column ({width + 2})")
    right = len(axis) - 1  # where "s" is
    bar_end = width + 2 + bar_width  # the closing '|'
    if right not in (bar_end - 1, bar_end):
        err(f"the axis' total ends at column {right}, not at the bar's right end ({bar_end - 1} or {bar_end})")
    if elapsed is not None and f"{elapsed:.2f}" != total:
        err(f"the axis says {total} s, but the program's elapsed virtual time is {elapsed:.2f} s ({elapsed!r})")

    # ---- the teaching points
    def column(seconds):
        return round(seconds / float(total) * (bar_width - 1)) if float(total) else 0

    def near(col, want):
        return abs(col - want) <= 1

    if name.startswith("async_004_"):
        tasks = [r for r in rows if r.depth == 0]
        fetches = [r for r in rows if r.depth == 1 and r.label == "fetch_data()"]
        if len(tasks) != 1:
            err(f"async_004: the sequential awaits should run in one task, the chart has {len(tasks)}")
        if total != "1.50":
            err(f"async_004: the axis should say 1.50 s (0.5 s then 1 s), it says {total} s")
        if len(fetches) != 2 or not all(f.hashes() for f in fetches):
            err(f"async_004: expected two fetch_data() rows under the task, found {len(fetches)}")
        else:
            (a1, b1), (a2, b2) = fetches[0].hashes(), fetches[1].hashes()
            if a2 < b1:
                err(f"async_004: the fetch_data() rows overlap: the second starts at column {a2}, "
                    f"before the first ends (column {b1})")
            if a1 != 0 or b2 != bar_width - 1:
                err(f"async_004: end to end the fetch_data() rows cover columns {a1}-{b2}, "
                    f"not the whole axis (0-{bar_width - 1})")
            if not near(b1, column(0.5)):
                err(f"async_004: the first fetch_data() ends at column {b1}, not at 0.5 s (column {column(0.5)})")
    if name.startswith("async_005_"):
        fetches = [r for r in rows if r.depth == 0 and r.label.endswith(" (fetch_data())")]
        if total != "1.00":
            err(f"async_005: the axis should say 1.00 s (the 0.5 s and 1 s fetches overlap), it says {total} s")
        if len(fetches) != 2 or not all(f.hashes() for f in fetches):
            err(f"async_005: expected two Task-N (fetch_data()) rows, found {len(fetches)}")
        else:
            (a1, b1), (a2, b2) = fetches[0].hashes(), fetches[1].hashes()
            if max(a1, a2) >= min(b1, b2):
                err(f"async_005: the fetch tasks do not overlap (columns {a1}-{b1} and {a2}-{b2})")
            if a1 != 0 or a2 != 0:
                err(f"async_005: the fetch tasks should both start at 0, they start at columns {a1} and {a2}")
            if not near(b1, column(0.5)) or b2 != bar_width - 1:
                err(f"async_005: the fetch tasks should end at 0.5 s (column {column(0.5)}) and at the end "
                    f"(column {bar_width - 1}), they end at columns {b1} and {b2}")
    if name.startswith("async_006_"):
        fetches = [r for r in rows if r.depth == 0 and r.label.endswith(" (fetch_data())")]
        if total != "0.30":
            err(f"async_006: the axis should say 0.30 s (the longest of the gathered fetches), it says {total} s")
        if len(fetches) != 3 or not all(f.hashes() for f in fetches):
            err(f"async_006: expected three Task-N (fetch_data()) rows, found {len(fetches)}")
        else:
            spans = [f.hashes() for f in fetches]
            if any(a != 0 for a, _ in spans) or min(b for _, b in spans) == 0:
                err(f"async_006: the gathered fetches should all start at 0 and overlap: columns {spans}")
            ends = [column(s) for s in (0.3, 0.1, 0.2)]
            if not all(near(b, want) for (_, b), want in zip(spans, ends)):
                err(f"async_006: the fetches should end at 0.3, 0.1 and 0.2 s (columns {ends}), "
                    f"they end at columns {[b for _, b in spans]}")
    return errors


def main(argv):
    elapsed = None
    open_line = False
    args = argv[1:]
    if args[:1] == ["--open-line"]:
        open_line = True
        args = args[1:]
    if args[:1] == ["--elapsed"]:
        if len(args) < 2:
            return usage()
        try:
            elapsed = float(args[1])
        except ValueError:
            return usage()
        args = args[2:]
    if len(args) != 2:
        return usage()
    name, path = args
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if open_line:
        # the program's output ended mid-line: the chart must start a line of its own
        if not text.startswith("\n"):
            print("the chart is glued to the program's last line (its output does not end with a newline)")
            return 1
        text = text[1:]
    errors = check(name, text, elapsed)
    for e in errors:
        print(e)
    return 1 if errors else 0


def usage():
    print("usage: check_chart.py [--open-line] [--elapsed SECONDS] NAME CHART", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
