# A tiny round-robin scheduler (no asyncio): tasks suspend by yielding a
# delay through awaits, async with, async for and async generators, and
# the interleaving shows that every suspension reaches the scheduler.

class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        yield self.ticks


class Scheduler:
    def __init__(self):
        self.now = 0
        self.waiting = []  # (wake time, order, name, coroutine)
        self.order = 0

    def spawn(self, name, coro):
        self.schedule(0, name, coro)

    def schedule(self, delay, name, coro):
        self.waiting.append((self.now + delay, self.order, name, coro))
        self.order += 1

    def run(self):
        while self.waiting:
            self.waiting.sort(key=lambda entry: (entry[0], entry[1]))
            when, _, name, coro = self.waiting.pop(0)
            self.now = when
            try:
                delay = coro.send(None)
            except StopIteration as e:
                print("t=%d %s finished -> %r" % (self.now, name, e.value))
                continue
            self.schedule(delay, name, coro)


loop = Scheduler()
log = []


class Lock:
    def __init__(self):
        self.held = False

    async def __aenter__(self):
        while self.held:
            await Sleep(1)
        self.held = True

    async def __aexit__(self, *exc):
        self.held = False
        await Sleep(0)


lock = Lock()


async def ticker(name, count, step):
    for i in range(count):
        await Sleep(step)
        yield "%s%d@%d" % (name, i, loop.now)


async def consumer(name, step):
    seen = []
    async for item in ticker(name, 3, step):
        print("t=%d %s got %s" % (loop.now, name, item))
        seen.append(item)
    return len(seen)


async def critical(name, hold):
    async with lock:
        print("t=%d %s holds the lock" % (loop.now, name))
        await Sleep(hold)
        print("t=%d %s releases the lock" % (loop.now, name))
    return name


async def gatherer():
    results = [await Sleep(1) or n async for n in ticker("g", 2, 2)]
    return results


loop.spawn("A", consumer("a", 2))
loop.spawn("B", consumer("b", 3))
loop.spawn("C", critical("c", 4))
loop.spawn("D", critical("d", 1))
loop.spawn("G", gatherer())
loop.run()
print("final time", loop.now)
