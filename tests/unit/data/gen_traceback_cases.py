#!/usr/bin/env python3
"""Regenerate traceback_cases.h from CPython 3.11 (the oracle).

Each case is written to a file t.py in an empty folder and run there as
`/usr/bin/python3 t.py` (the oracle: Debian's 3.11.2, or $PYTHON_ORACLE); the
whole stderr it prints is stored next to the source. test_traceback.c runs the
same source in loopbook under the file name t.py and compares the whole text.

loopbook's tracebacks show no caret lines (its entries record lines, not
columns), so every case is written so that CPython prints none either: each
failing line is a whole statement. A case for which CPython prints carets is
refused.

Run: python3 gen_traceback_cases.py > traceback_cases.h
"""
import re, sys

from oracle_cases import print_header, run_as_t_py

CASES = [
    ('two_members', '''\
def boom():
    raise ValueError("boom")

errors = []
try:
    boom()
except ValueError as e:
    errors.append(e)
errors.append(TypeError("never raised"))
raise ExceptionGroup("two problems", errors)
'''),
    ('nested_groups', '''\
def inner():
    raise ExceptionGroup("inner", [KeyError("k"), OSError(2, "nope")])

def outer():
    try:
        inner()
    except ExceptionGroup as g:
        raise ExceptionGroup("outer", [g, ValueError("v")]) from None

outer()
'''),
    ('width_and_last_nested', '''\
wide = ExceptionGroup("wide", [ValueError(i) for i in range(16)])
wider = ExceptionGroup("wider", [KeyError(i) for i in range(17)])
raise ExceptionGroup("both", [wider, wide])
'''),
    ('max_depth', '''\
g = ExceptionGroup("leaf", [ValueError(0)])
for i in range(11):
    g = ExceptionGroup("level %d" % i, [g, KeyError(i)])
raise ExceptionGroup("deepest last", [TypeError("first"), g])
'''),
    ('chains_in_members', '''\
def parse(text):
    raise ValueError("cannot read %r" % text)

try:
    parse("x")
except ValueError as e:
    bad = e
try:
    raise RuntimeError("cannot parse") from bad
except RuntimeError as e:
    caused = e
during = LookupError("looked up while handling")
during.__context__ = KeyError("missing")
hidden = TypeError("context suppressed")
hidden.__context__ = KeyError("not shown")
hidden.__suppress_context__ = True
raise ExceptionGroup("chains", [caused, during, hidden, during])
'''),
    ('group_in_member_chain', '''\
last = TypeError("raised while a group was handled")
last.__context__ = ExceptionGroup("handled", [ValueError(1), ValueError(2)])
first = KeyError("first")
first.__cause__ = ExceptionGroup("cause", [OSError("o")])
raise ExceptionGroup("outer", [first, last])
'''),
    ('group_as_cause_and_context', '''\
def check():
    raise ExceptionGroup("invalid", [TypeError("t"), ValueError("v")])

try:
    check()
except ExceptionGroup as g:
    checked = g
try:
    raise RuntimeError("from a group") from checked
except RuntimeError as e:
    caused = e
final = KeyError("last")
final.__context__ = caused
raise final
'''),
    ('unraised_group_as_cause', '''\
raise ValueError("x") from ExceptionGroup("never raised", [TypeError(1)])
'''),
    ('notes', '''\
class BadStr:
    def __str__(self):
        raise RuntimeError("no str")

first = ValueError("multi\\nline message")
first.__notes__ = ["plain", "two\\nlines", "trailing\\n", "", BadStr(), ("t",)]
second = TypeError("notes not a sequence")
second.__notes__ = {"k": 1}
third = KeyError("k")
third.__notes__ = "ab"
group = ExceptionGroup("noted", [first, second, third])
group.__notes__ = ["on the group"]
raise group
'''),
    ('odd_members', '''\
class NoStr(Exception):
    def __str__(self):
        raise RuntimeError("no")

raise BaseExceptionGroup("base", [KeyboardInterrupt(), NoStr(), SystemExit(2), StopIteration(5)])
'''),
    ('context_cycle', '''\
a = ValueError("a")
b = TypeError("b")
a.__context__ = b
b.__context__ = a
raise a
'''),
]

CARET = re.compile(r'^ *(\| )? *[~^]+$')


def run(source):
    status, stderr = run_as_t_py(source)
    if status == 0:
        sys.exit('case raised nothing:\n' + source)
    if any(CARET.match(line) for line in stderr.split('\n')):
        sys.exit('CPython prints carets for this case; rewrite it:\n' + stderr)
    return stderr


print_header('traceback_cases.h', 'gen_traceback_cases.py', 'TracebackCase', 'traceback_cases', CASES, run)
