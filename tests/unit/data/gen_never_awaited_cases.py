#!/usr/bin/env python3
"""Regenerate never_awaited_cases.h from CPython 3.11 (the oracle).

Each case is written to a file t.py in an empty folder and run there as
`/usr/bin/python3 t.py` (the oracle: Debian's 3.11.2, or $PYTHON_ORACLE); its
whole stderr, the "coroutine ... was never awaited" RuntimeWarnings, is
stored next to the source. test_generator.c runs the same source in loopbook
under the file name t.py, collects once and frees the VM, and compares
everything written to stderr.

Only cases whose warnings come at the same points in both are here: a call
statement dropping a coroutine (CPython frees it right there, loopbook's
POP_CALL_RESULT reports it) and a coroutine a global holds until the end
(CPython's shutdown, loopbook's VM teardown). Where CPython frees a
coroutine by reference counting, loopbook's collector comes later, at no
line of the program: test_generator.c checks that form on its own.

Run: cd tests/unit/data && python3 gen_never_awaited_cases.py > never_awaited_cases.h
"""
import sys

from oracle_cases import print_header, run_as_t_py

CASES = [
    ('module_level', '''\
async def f():
    pass

f()
print("after")
'''),
    ('in_function', '''\
async def f():
    pass

def g():
    x = 1
    f()

g()
'''),
    ('method_qualname', '''\
class C:
    async def m(self, n):
        return n

C().m(1)
'''),
    ('multi_line_call', '''\
async def f(a, b):
    pass

if True:
    f(
        1,
        2,
    )
'''),
    ('asyncio_sleep_without_await', '''\
import asyncio

async def main():
    asyncio.sleep(1)
    print("main goes on")

asyncio.run(main())
'''),
    ('each_time', '''\
async def f():
    pass

for i in range(2):
    f()
'''),
    ('global_at_exit', '''\
async def f():
    pass

pending = f()
print("not awaited")
'''),
    ('no_warning', '''\
async def f():
    return 1

async def agen():
    yield 1

def gen():
    yield 1

c = f()
c.close()
try:
    f().send(None)
except StopIteration:
    pass
try:
    f().throw(ValueError)
except ValueError:
    pass
agen()
gen()

async def main():
    await f()
    return await f()

try:
    main().send(None)
except StopIteration as s:
    print(s.value)
'''),
]


def run(source):
    status, stderr = run_as_t_py(source)
    if status != 0:
        sys.exit('case failed:\n' + stderr)
    return stderr


print_header('never_awaited_cases.h', 'gen_never_awaited_cases.py', 'NeverAwaitedCase', 'never_awaited_cases',
             CASES, run)
