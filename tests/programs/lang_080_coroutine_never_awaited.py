# A coroutine called without await never runs; CPython prints a
# RuntimeWarning "coroutine ... was never awaited" on stderr when it is freed
# (not compared here: the program exits with 0; tests/unit/test_generator.c
# compares the warning texts). Coroutines that are closed, thrown into or
# awaited, async generators and plain generators never warn.
import asyncio

log = []


async def record(tag):
    log.append(tag)
    return tag


class Service:
    async def start(self):
        log.append("started")


record("statement")          # warns
Service().start()            # warns: 'Service.start'
for i in range(3):
    record("loop")           # warns once for the line

c = record("closed")
c.close()
try:
    record("thrown").throw(ValueError("into a fresh coroutine"))
except ValueError as e:
    print("thrown:", e)
try:
    record("sent").send(None)
except StopIteration as s:
    print("ran to the end:", s.value)


async def agen():
    yield 1


agen()


def gen():
    yield 1


gen()


async def main():
    asyncio.sleep(1)         # warns: 'sleep'
    record("inside main")    # warns
    print("awaited:", await record("awaited"))
    t = asyncio.create_task(record("task"))
    await t
    kept = record("kept")    # returned, then closed: no warning
    return kept


kept = asyncio.run(main())
print("returned a coroutine:", type(kept).__name__)
print("log:", log)
kept.close()
