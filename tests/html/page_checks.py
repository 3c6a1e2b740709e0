"""Checks of a lesson page written by `loopbook --html` (stdlib only).

Used by tests/html/run-html:

  page_checks.py self-contained PAGE          nothing the page would load from elsewhere
  page_checks.py cells PAGE LESSON.md         outputs, timing lines, which cells have a chart
  page_checks.py png PNG                      a real screenshot, not a blank one
  page_checks.py probe PAGE COPY              COPY = PAGE + a script that measures every chart
  page_checks.py geometry DOM LESSON_KIND     the measured charts (DOM: chromium --dump-dom of COPY)

Each check prints `PASS name` or `FAIL name: why` lines; the exit status is
1 when any failed (2 on a usage error).
"""

import html
import html.parser
import json
import re
import struct
import sys
import zlib

results = []


def check(name, ok, why=""):
    results.append((name, bool(ok), why))
    return ok


# ---- the page as parsed ----------------------------------------------------------------------


class Cells(html.parser.HTMLParser):
    """Each <section class="cell">: its code, output, timing and whether it has a chart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells = []
        self.into = None  # the field the text goes to
        self.depth = 0  # open tags inside the current section

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "section" and "cell" in classes:
            self.cells.append({"id": a.get("id"), "code": "", "output": None, "timing": None, "svg": 0})
            self.depth = 1
            return
        if not self.cells or self.depth == 0:
            return
        self.depth += 1
        cell = self.cells[-1]
        if tag == "pre" and "code" in classes:
            self.into = "code"
        elif tag == "pre" and "output" in classes:
            cell["output"] = ""
            self.into = "output"
        elif tag == "p" and "timing" in classes:
            cell["timing"] = ""
            self.into = "timing"
        elif tag == "svg":
            cell["svg"] += 1

    def handle_endtag(self, tag):
        if self.depth == 0:
            return
        self.depth -= 1
        if tag in ("pre", "p"):
            self.into = None

    def handle_data(self, data):
        if self.into and self.cells:
            self.cells[-1][self.into] += data


def recorded_blocks(lesson_path):
    """The lesson's cells in order: (code, recorded output or "")."""
    cells = []
    fence = None
    kind = None
    body = []
    for line in open(lesson_path, encoding="utf-8").read().split("\n"):
        if fence is None:
            m = re.match(r"^(`{3,}|~{3,})\s*(\S*)", line)
            if m:
                fence, kind, body = m.group(1), m.group(2), []
            continue
        if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
            text = "\n".join(body)
            if kind == "python":
                cells.append([text, ""])
            elif kind == "output" and cells:
                cells[-1][1] = text
            fence = None
            continue
        body.append(line)
    return cells


def check_self_contained(page):
    text = open(page, encoding="utf-8").read()
    forbidden = [
        (r"(?i)https?:", "web address"),
        (r"(?i)<link\b", "<link>"),
        (r"(?i)<script\b", "<script>"),
        (r"(?i)\ssrc\s*=", "src= attribute"),
        (r"(?i)url\s*\(", "CSS url()"),
        (r"(?i)@import", "CSS @import"),
        (r"(?i)<(iframe|object|embed|img|use|image)\b", "embedded element (img, iframe, use...)"),
        (r"(?i)<(?!a\b)[a-z][a-z0-9]*\b[^>]*\s(xlink:)?href\s*=", "href outside <a>"),
    ]
    for pattern, what in forbidden:
        m = re.search(pattern, text)
        check(f"self-contained {page.rsplit('/', 1)[-1]}: no {what}", m is None,
              f"found {text[max(0, m.start() - 40):m.end() + 40]!r}" if m else "")
    check(f"page {page.rsplit('/', 1)[-1]} starts with a doctype and has one <style>",
          text.startswith("<!DOCTYPE html>") and "<style>" in text and text.rstrip().endswith("</html>"))


def check_cells(page, lesson):
    parser = Cells()
    parser.feed(open(page, encoding="utf-8").read())
    shown = parser.cells
    wanted = recorded_blocks(lesson)
    name = lesson.rsplit("/", 1)[-1]
    if not check(f"{name}: one section per cell", len(shown) == len(wanted), f"{len(shown)} sections, {len(wanted)} cells"):
        return
    for i, (cell, (code, output)) in enumerate(zip(shown, wanted), 1):
        check(f"{name} cell {i}: code shown as written", cell["code"] == code, f"{cell['code']!r} != {code!r}")
        check(f"{name} cell {i}: output as printed", (cell["output"] or "") == output,
              f"page {cell['output']!r}, lesson {output!r}")
        check(f"{name} cell {i}: timing line", re.fullmatch(r"Wall time: \S+( \S+)? \(virtual\)", cell["timing"] or ""),
              f"{cell['timing']!r}")
        # a cell runs tasks when it awaits at its top level or calls asyncio.run (a def only defines)
        ran_tasks = re.search(r"^(?![ \t]).*(\bawait\b|asyncio\.run\()", code, re.M) is not None
        if not ran_tasks:
            check(f"{name} cell {i}: no chart (no tasks ran)", cell["svg"] == 0, f"{cell['svg']} charts")
        else:
            check(f"{name} cell {i}: one chart", cell["svg"] == 1, f"{cell['svg']} charts")


# ---- the screenshot --------------------------------------------------------------------------


def check_png(path):
    data = open(path, "rb").read()
    if not check("screenshot is a PNG", data[:8] == b"\x89PNG\r\n\x1a\n", f"{len(data)} bytes, starts {data[:8]!r}"):
        return
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    check("screenshot is 1200x3000", (width, height) == (1200, 3000), f"{width}x{height}")
    idat, at = b"", 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"IDAT":
            idat += data[at + 8:at + 8 + length]
        at += 12 + length
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour, 4)
    stride = 1 + width * channels * depth // 8
    raw = zlib.decompress(idat)
    rows = {raw[i:i + stride] for i in range(0, len(raw), stride)}
    # a blank or single-colour page has a handful of distinct rows; text and charts have hundreds
    check("screenshot is not blank", len(rows) > 200 and len(data) > 20000,
          f"{len(rows)} distinct rows, {len(data)} bytes")


# ---- measuring in the browser ----------------------------------------------------------------

PROBE = """
<script>
(function () {
  var out = [];
  document.querySelectorAll('svg.timeline').forEach(function (svg) {
    var box = svg.getBoundingClientRect(), cell = svg.closest('section.cell');
    var chart = {cell: cell ? cell.id : null,
                 code: cell ? cell.querySelector('pre.code').textContent : '',
                 output: cell && cell.querySelector('pre.output') ? cell.querySelector('pre.output').textContent : '',
                 total: +svg.dataset.total, x0: +svg.dataset.x0, pps: +svg.dataset.pxPerS,
                 attrWidth: svg.width.baseVal.value, width: box.width, rows: []};
    svg.querySelectorAll('g.tl-row').forEach(function (g) {
      var row = {label: g.dataset.label, kind: g.dataset.kind, depth: +g.dataset.depth,
                 ending: g.dataset.ending, rects: [], waitLabels: []};
      g.querySelectorAll('rect').forEach(function (r) {
        var b = r.getBoundingClientRect(), t = r.querySelector('title');
        row.rects.push({cls: r.getAttribute('class'), start: +r.dataset.start, end: +r.dataset.end,
                        widened: r.dataset.widened === '1', left: b.left - box.left, width: b.width,
                        title: t ? t.textContent : null});
      });
      g.querySelectorAll('text.tl-wait-label').forEach(function (t) { row.waitLabels.push(t.textContent); });
      var e = g.querySelector('text.tl-ending');
      if (e) { row.endingText = e.textContent; row.endingLeft = e.getBoundingClientRect().left - box.left; }
      chart.rows.push(row);
    });
    out.push(chart);
  });
  var pre = document.createElement('pre');
  pre.id = 'measure';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def write_probe(page, copy):
    text = open(page, encoding="utf-8").read()
    at = text.rindex("</body>")
    open(copy, "w", encoding="utf-8").write(text[:at] + PROBE + text[at:])


def measured(dom_path):
    dom = open(dom_path, encoding="utf-8").read()
    m = re.search(r'<pre id="measure">(.*?)</pre>', dom, re.S)
    if not check("the probe ran in the browser", m, "no <pre id=\"measure\"> in the dumped DOM"):
        return None
    return json.loads(html.unescape(m.group(1)))


# A rect's place in time on screen: its left edge, or its centre for a
# 0 s slice drawn wider than it is (centred on its instant).
def rect_from(r):
    return r["left"] + r["width"] / 2 if r["widened"] else r["left"]


def rect_to(r):
    return r["left"] + r["width"] / 2 if r["widened"] else r["left"] + r["width"]


def row_span(row):
    return min(rect_from(r) for r in row["rects"]), max(rect_to(r) for r in row["rects"])


def check_rects(name, chart):
    scale = chart["width"] / chart["attrWidth"]
    check(f"{name}: the chart is drawn at its own size", abs(scale - 1) < 0.01, f"scaled by {scale:.3f}")
    bad = []
    for row in chart["rows"]:
        for r in row["rects"]:
            want_w = (r["end"] - r["start"]) * chart["pps"] * scale
            want_x = (chart["x0"] + r["start"] * chart["pps"]) * scale
            if r["widened"]:
                ok = want_w < 2 and 1.5 <= r["width"] <= 3 and abs(r["left"] + r["width"] / 2 - want_x - want_w / 2) <= 1
            else:
                ok = abs(r["width"] - want_w) <= 1.5 and abs(r["left"] - want_x) <= 1.5
            if not ok:
                bad.append(f"{row['label']} {r['cls']} {r['start']:.6f}-{r['end']:.6f}: "
                           f"x {r['left']:.1f} w {r['width']:.1f}, want x {want_x:.1f} w {want_w:.1f}")
    check(f"{name}: every rect's width and place match its recorded times", not bad, "; ".join(bad[:4]))
    runs = [r for row in chart["rows"] for r in row["rects"] if r["cls"] == "tl-run"]
    check(f"{name}: every running slice is visible", all(r["width"] >= 1.5 for r in runs),
          f"{[r['width'] for r in runs if r['width'] < 1.5]}")
    waits = [r for row in chart["rows"] for r in row["rects"] if r["cls"] == "tl-wait"]
    check(f"{name}: every wait has a <title> saying what it awaits",
          all(r["title"] and re.match(r"(awaits .+|ready, waiting for its turn): ", r["title"]) for r in waits),
          f"{[r['title'] for r in waits]}")
    late = [row["label"] for row in chart["rows"] if row.get("endingText") and row["endingLeft"] < row_span(row)[1]]
    check(f"{name}: endings are written after the bars", not late, f"{late}")


def ascii_rows(output):
    """The rows of the terminal chart a `timeline` cell prints: (depth, label, ending)."""
    lines = output.split("\n")
    if "timeline:" not in lines:
        return None
    rows = []
    for line in lines[lines.index("timeline:") + 1:]:
        m = re.match(r"^( *)(.*?) *\|.*\|(?: (.*))?$", line)
        if not m:
            break
        rows.append((len(m.group(1)) // 2, m.group(2), m.group(3) or ""))
    return rows


def check_rows_like_terminal(name, chart):
    rows = ascii_rows(chart["output"])
    if rows is None:
        return
    drawn = [(r["depth"], r["label"], r["ending"]) for r in chart["rows"]]
    # the terminal cuts labels to its column: compare its text as a prefix
    same = len(rows) == len(drawn) and all(
        d == rd and l.startswith(rl) and e == re_ for (rd, rl, re_), (d, l, e) in zip(rows, drawn))
    check(f"{name}: the same rows, in the same order, as the terminal chart", same, f"svg {drawn}, terminal {rows}")


def chart_with(charts, snippet):
    for c in charts:
        if snippet in c["code"]:
            return c
    return None


def check_lesson_03(charts):
    c = chart_with(charts, "task_1 = asyncio.create_task(fetch_data(0.5, 0))")
    if not check("03 two tasks: a chart for the cell", c):
        return
    tasks = [r["label"] for r in c["rows"] if r["kind"] == "task"]
    check("03 two tasks: task rows are main and the two fetches",
          tasks == ["Task-1 (main())", "Task-2 (fetch_data())", "Task-3 (fetch_data())"], f"{tasks}")
    check("03 two tasks: no awaited-coroutine rows", all(r["kind"] == "task" for r in c["rows"]))
    rows = {r["label"]: r for r in c["rows"]}
    if "Task-2 (fetch_data())" not in rows or "Task-3 (fetch_data())" not in rows:
        return
    a, b = row_span(rows["Task-2 (fetch_data())"]), row_span(rows["Task-3 (fetch_data())"])
    two, three = a[1] - a[0], b[1] - b[0]
    check("03 two tasks: Task-2's 0.5 s is half Task-3's 1.0 s", abs(2 * two - three) <= 2, f"{two:.1f} px, {three:.1f} px")
    check("03 two tasks: Task-3 spans 1.0 s on the axis", abs(three - 1.0 * c["pps"]) <= 2,
          f"{three:.1f} px for {c['pps']:.1f} px/s")
    check("03 two tasks: both start together", abs(a[0] - b[0]) <= 1, f"{a[0]:.1f} vs {b[0]:.1f}")
    check("03 two tasks: Task-2 waits on sleep(0.5), labelled inside",
          "sleep(0.5)" in rows["Task-2 (fetch_data())"]["waitLabels"], f"{rows['Task-2 (fetch_data())']['waitLabels']}")
    check("03 two tasks: each task ends 'done'", all(r.get("endingText") == "done" for r in c["rows"]))
    check("03 two tasks: the axis spans the cell's 1.0 s", abs(c["total"] - 1.0) < 1e-6, f"{c['total']}")


def check_lesson_02(charts):
    c = chart_with(charts, "coro_2 = fetch_data(1.0, 1)")
    if not check("02 two awaits: a chart for the cell", c):
        return
    kinds = [(r["kind"], r["label"]) for r in c["rows"]]
    ok = len(kinds) == 3 and kinds[0][0] == "task" and kinds[0][1].endswith("(main())") and \
        kinds[1:] == [("await", "fetch_data()"), ("await", "fetch_data()")]
    if not check("02 two awaits: main's task row, then two fetch_data() rows under it", ok, f"{kinds}"):
        return
    first, second = row_span(c["rows"][1]), row_span(c["rows"][2])
    check("02 two awaits: the second fetch starts where the first ends", abs(second[0] - first[1]) <= 1,
          f"first ends at {first[1]:.1f}, second starts at {second[0]:.1f}")
    check("02 two awaits: the first takes 0.5 s, the second 1.0 s",
          abs((first[1] - first[0]) - 0.5 * c["pps"]) <= 2 and abs((second[1] - second[0]) - 1.0 * c["pps"]) <= 2,
          f"{first[1] - first[0]:.1f} px, {second[1] - second[0]:.1f} px at {c['pps']:.1f} px/s")
    main = row_span(c["rows"][0])
    check("02 two awaits: the await rows lie within their task's", main[0] - 1 <= first[0] and second[1] <= main[1] + 1,
          f"task {main}, awaits {first} {second}")
    indent = [r["depth"] for r in c["rows"]]
    check("02 two awaits: await rows are indented under the task", indent == [0, 1, 1], f"{indent}")


def check_names(charts):
    c = chart_with(charts, "name='<b>")
    if not check("markup in names: a chart", c):
        return
    name = "<b>\"&'</b>"
    labels = [w for r in c["rows"] for w in r["waitLabels"]]
    check("markup in names: the wait label reads as written", name in labels, f"{labels}")
    titles = [r["title"] for row in c["rows"] for r in row["rects"] if r["cls"] == "tl-wait"]
    check("markup in names: the wait's title reads as written", any(t.startswith("awaits " + name + ":") for t in titles),
          f"{titles}")
    nested = [r["label"] for r in c["rows"] if "<locals>" in r["label"]]
    check("markup in names: a nested coroutine's label keeps its <locals>", nested, f"{[r['label'] for r in c['rows']]}")
    runs = [r for row in c["rows"] for r in row["rects"] if r["cls"] == "tl-run" and not r["widened"]]
    check("markup in names: blocking slices are drawn at their length", len(runs) >= 2,
          f"{[(r['start'], r['end']) for row in c['rows'] for r in row['rects'] if r['cls'] == 'tl-run']}")


def check_geometry(dom, kind):
    charts = measured(dom)
    if charts is None:
        return
    check(f"{kind}: charts measured", charts, "no svg.timeline in the page")
    for i, chart in enumerate(charts, 1):
        name = f"{kind} chart {i} ({chart['cell']})"
        check_rects(name, chart)
        check_rows_like_terminal(name, chart)
    {"03": check_lesson_03, "02": check_lesson_02, "names": check_names}[kind](charts)


def main(argv):
    commands = {
        "self-contained": (1, check_self_contained),
        "cells": (2, check_cells),
        "png": (1, check_png),
        "probe": (2, write_probe),
        "geometry": (2, check_geometry),
    }
    if len(argv) < 2 or argv[1] not in commands or len(argv) - 2 != commands[argv[1]][0]:
        print(__doc__, file=sys.stderr)
        return 2
    commands[argv[1]][1](*argv[2:])
    for name, ok, why in results:
        print(f"PASS {name}" if ok else f"FAIL {name}: {why}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
