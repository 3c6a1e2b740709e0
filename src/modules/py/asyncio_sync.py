"""Locks, events, conditions, semaphores and queues for loopbook's asyncio.

They behave as CPython 3.11's asyncio.locks and asyncio.queues do: waiters
are served first come, first served; a waiter that is cancelled gives its
turn to the next one; reprs and error messages are CPython's. Every waiter
is a future from loop.create_future(), labelled with _describe() so that the
loop's deadlock report can say what a task is stuck on.
"""

from _asyncio_core import CancelledError, _get_running_loop, _describe


# ---------------------------------------------------------------- helpers


class _Fifo:
    """A first-in first-out list of items (collections.deque, in CPython).

    Items are appended at the end and taken from the front; taking one only
    moves the index of the front, and the dead prefix is dropped once it is
    at least half of the list, so both ends cost O(1) amortized.
    """

    def __init__(self):
        self._items = []
        self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def __iter__(self):
        # A copy: the caller may change the fifo while it walks over it.
        return iter(self._items[self._head:])

    def append(self, item):
        self._items.append(item)

    def first(self):
        return self._items[self._head]

    def popleft(self):
        if self._head == len(self._items):
            raise IndexError('pop from an empty deque')
        item = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if self._head * 2 >= len(self._items):
            del self._items[:self._head]
            self._head = 0
        return item

    def remove(self, item):
        """Remove the first occurrence of item; ValueError if there is none."""
        i = self._head
        while i < len(self._items):
            found = self._items[i]
            if found is item or found == item:
                if i == self._head:
                    # the usual case (a woken waiter leaving): O(1), as deque's
                    self.popleft()
                else:
                    del self._items[i]
                return
            i += 1
        raise ValueError('deque.remove(x): x not in deque')


def _new_waiter(loop, label):
    """A pending future of loop that stands for `label` in deadlock reports."""
    fut = loop.create_future()
    _describe(fut, label)
    return fut


def _default_repr(obj):
    """What object.__repr__ prints: '<module.Class object at 0x...>'."""
    cls = type(obj)
    return f'<{cls.__module__}.{cls.__qualname__} object at {id(obj):#x}>'


def _repr_with_state(obj, state, waiters):
    """CPython's repr of a lock-like object: '<... object at 0x... [state]>'."""
    if waiters:
        state = f'{state}, waiters:{len(waiters)}'
    return f'{_default_repr(obj)[:-1]} [{state}]>'


class _LoopBound:
    """Binds the object to the first running loop that it waits in."""

    _loop = None

    def _get_loop(self):
        loop = _get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


class _AsyncWith(_LoopBound):
    """`async with x:` acquires x on entry and releases it on exit.

    (CPython mixes this in beside its loop-binding class; loopbook classes
    have a single base, so it derives from _LoopBound instead.)
    """

    async def __aenter__(self):
        await self.acquire()
        # Like CPython: `async with lock as x` binds None to x.
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


# ------------------------------------------------------------------- Lock


class Lock(_AsyncWith):
    """A mutual-exclusion lock that is not owned by any particular task."""

    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = None  # a _Fifo of futures, made when first needed
        self._locked = False

    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return _repr_with_state(self, state, self._waiters)

    def locked(self):
        """Return True if the lock is held."""
        return self._locked

    async def acquire(self):
        """Wait until the lock is free, take it and return True."""
        # A newcomer may only jump the queue when every waiter in it has
        # been cancelled; a waiter that was woken but has not run yet
        # still holds its turn.
        if not self._locked and _all_cancelled(self._waiters):
            self._locked = True
            return True

        if self._waiters is None:
            self._waiters = _Fifo()
        fut = _new_waiter(self._get_loop(), 'Lock.acquire()')
        self._waiters.append(fut)

        # The waiter leaves the queue before CancelledError is handled, so
        # the wake-up below passes the turn on instead of back to itself.
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise

        self._locked = True
        return True

    def release(self):
        """Free the lock and let the first waiter (if any) take it."""
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        self._wake_up_first()

    def _wake_up_first(self):
        # Only the first waiter is looked at: if it is already done, it will
        # run soon and either take the lock or, cancelled, pass it on.
        if not self._waiters:
            return
        fut = self._waiters.first()
        if not fut.done():
            fut.set_result(True)


def _all_cancelled(waiters):
    """True when there are no waiters or every one of them is cancelled."""
    if waiters is None:
        return True
    for fut in waiters:
        if not fut.cancelled():
            return False
    return True


# ------------------------------------------------------------------ Event


class Event(_LoopBound):
    """A flag that tasks can wait for; set() wakes all of them."""

    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = _Fifo()
        self._value = False

    def __repr__(self):
        state = 'set' if self._value else 'unset'
        return _repr_with_state(self, state, self._waiters)

    def is_set(self):
        """Return True if the flag is set."""
        return self._value

    def set(self):
        """Set the flag and wake every waiter, in the order they came."""
        if self._value:
            return
        self._value = True
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)

    def clear(self):
        """Reset the flag: later wait() calls block until the next set()."""
        self._value = False

    # what a waiter is labelled in deadlock reports (Queue.join's event
    # says Queue.join())
    _wait_label = 'Event.wait()'

    async def wait(self):
        """Return True once the flag is set (at once if it already is)."""
        # one coroutine, not a helper awaited from here: 200,000 waiting
        # tasks each hold it
        if self._value:
            return True
        fut = _new_waiter(self._get_loop(), self._wait_label)
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


# -------------------------------------------------------------- Condition


class Condition(_AsyncWith):
    """A condition variable over a Lock (a new one unless one is given)."""

    __module__ = 'asyncio.locks'

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        # The condition is used like its lock.
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _Fifo()

    def __repr__(self):
        state = 'locked' if self.locked() else 'unlocked'
        return _repr_with_state(self, state, self._waiters)

    async def wait(self):
        """Release the lock, wait for a notify, take the lock back: True."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')

        self.release()
        try:
            fut = _new_waiter(self._get_loop(), 'Condition.wait()')
            self._waiters.append(fut)
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        finally:
            # The caller must hold the lock again whatever happened, even
            # when it is cancelled while waiting for it: such a cancellation
            # is kept and raised (as a new CancelledError) once the lock is
            # held. (Inline, not a helper coroutine, so that the new error's
            # __context__ is the exception that ended the wait, as in CPython.)
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError
        # After the finally, not inside the try as in CPython (same meaning):
        # loopbook skips a finally that holds a loop on the exception path
        # when a nested try returns.
        return True

    async def wait_for(self, predicate):
        """Wait until predicate() is true and return its value."""
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to n waiters (oldest first); the caller holds the lock."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)

    def notify_all(self):
        """Wake every waiter; the caller holds the lock."""
        self.notify(len(self._waiters))


# -------------------------------------------------------------- Semaphore


class Semaphore(_AsyncWith):
    """A counter that acquire() decrements, waiting while it is zero."""

    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._waiters = None  # a _Fifo of futures, made when first needed
        self._value = value

    def __repr__(self):
        if self.locked():
            state = 'locked'
        else:
            state = f'unlocked, value:{self._value}'
        return _repr_with_state(self, state, self._waiters)

    def locked(self):
        """True if acquire() would wait (no value left, or others queued)."""
        return self._value == 0 or not _all_cancelled(self._waiters)

    async def acquire(self):
        """Take one unit of the counter, waiting for one if needed: True."""
        if not self.locked():
            self._value -= 1
            return True

        if self._waiters is None:
            self._waiters = _Fifo()
        fut = _new_waiter(self._get_loop(), f'{type(self).__name__}.acquire()')
        self._waiters.append(fut)

        # As in Lock.acquire: leave the queue before handling cancellation.
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            # Woken (given a unit) and cancelled before running: hand the
            # unit back and pass it to the next waiter.
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise

        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        """Give one unit back and wake the first waiter that can use it."""
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        # The unit goes to the waiter at once (the value drops now), so a
        # task that calls acquire() before the waiter runs cannot take it.
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore whose value may never go above its initial value."""

    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


# ---------------------------------------------------------------- Barrier


class BrokenBarrierError(RuntimeError):
    """A Barrier was reset or aborted while a task waited at it."""

    __module__ = 'asyncio.exceptions'


class Barrier(_LoopBound):
    """Where `parties` tasks meet: each wait() returns (its arrival index)
    once the last of them has arrived; then the barrier fills again.

    States: 'filling' (tasks arrive), 'draining' (the round is released and
    its tasks leave), 'resetting' (reset() with tasks inside), 'broken'
    (abort()). A task arriving while a round drains or resets waits for it
    to be over.
    """

    __module__ = 'asyncio.locks'

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = 'filling'
        self._count = 0  # tasks inside wait()

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'{_default_repr(self)[:-1]} [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait for the round to fill; return this task's arrival index."""
        async with self._cond:
            await self._cond.wait_for(lambda: self._state not in ('draining', 'resetting'))
            if self._state == 'broken':
                raise BrokenBarrierError('Barrier aborted')
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._state = 'draining'  # the last one lets the round go
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._state != 'filling')
                    if self._state in ('broken', 'resetting'):
                        raise BrokenBarrierError('Abort or reset of barrier')
                return index
            finally:
                self._count -= 1
                self._left()

    def _left(self):
        # the last task out of a drained or reset round lets the next fill
        if self._count == 0:
            if self._state in ('resetting', 'draining'):
                self._state = 'filling'
            self._cond.notify_all()

    async def reset(self):
        """Back to empty: tasks waiting get BrokenBarrierError."""
        async with self._cond:
            if self._count > 0:
                self._state = 'resetting'
            else:
                self._state = 'filling'
            self._cond.notify_all()

    async def abort(self):
        """Broken for good: every wait(), now and later, raises BrokenBarrierError."""
        async with self._cond:
            self._state = 'broken'
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == 'filling' else 0

    @property
    def broken(self):
        return self._state == 'broken'


# ------------------------------------------------------------------ Queue


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""

    __module__ = 'asyncio.queues'


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""

    __module__ = 'asyncio.queues'


class Queue(_LoopBound):
    """A FIFO queue for producer and consumer tasks.

    With maxsize <= 0 the queue is unbounded; otherwise put() waits while
    it holds maxsize items.
    """

    __module__ = 'asyncio.queues'

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _Fifo()  # futures of tasks waiting in get()
        self._putters = _Fifo()  # futures of tasks waiting in put()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished._wait_label = f'{type(self).__name__}.join()'
        self._finished.set()
        self._init(maxsize)

    # The storage: subclasses replace these three.

    def _init(self, maxsize):
        self._queue = _Fifo()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        # Waiters are dropped from the list as they are woken; cancelled
        # ones are dropped and skipped.
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        """Number of items in the queue."""
        return len(self._queue)

    @property
    def maxsize(self):
        """Number of items allowed in the queue."""
        return self._maxsize

    def empty(self):
        """Return True if the queue is empty."""
        return not self._queue

    def full(self):
        """Return True if the queue holds maxsize items (never if unbounded)."""
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        """Put item in the queue, first waiting for room if it is full."""
        while self.full():
            putter = _new_waiter(self._get_loop(), f'{type(self).__name__}.put()')
            self._putters.append(putter)
            try:
                await putter
            except:
                self._abandon_waiter(putter, self._putters, self.full)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        """Put item in the queue, or raise QueueFull if there is no room."""
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        """Remove and return the next item, first waiting for one."""
        while self.empty():
            getter = _new_waiter(self._get_loop(), f'{type(self).__name__}.get()')
            self._getters.append(getter)
            try:
                await getter
            except:
                self._abandon_waiter(getter, self._getters, self.empty)
                raise
        return self.get_nowait()

    def _abandon_waiter(self, waiter, waiters, still_blocked):
        """Clean up after a get()/put() that stops waiting with an exception."""
        waiter.cancel()  # it may still be pending, if something else was thrown in
        try:
            waiters.remove(waiter)
        except ValueError:
            pass  # already taken off the list by the call that woke it
        # It was woken for an item (or a free slot) it will not use now:
        # hand that wake-up to the next waiter in line.
        if not still_blocked() and not waiter.cancelled():
            self._wakeup_next(waiters)

    def get_nowait(self):
        """Remove and return the next item, or raise QueueEmpty."""
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        """Mark one item taken with get() as processed (for join())."""
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        """Wait until every item put in the queue has been marked done."""
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """A Queue that hands out its smallest item first."""

    __module__ = 'asyncio.queues'

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heappush(self._queue, item)

    def _get(self):
        return _heappop(self._queue)


class LifoQueue(Queue):
    """A Queue that hands out its most recently added item first."""

    __module__ = 'asyncio.queues'

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


# ------------------------------------------------------------- binary heap
# The same algorithm as CPython's heapq (same comparisons, in the same
# order), so that equal-priority items come out in the same order and a
# user-defined __lt__ is called the same way.


def _heappush(heap, item):
    heap.append(item)
    _sift_towards_root(heap, 0, len(heap) - 1)


def _heappop(heap):
    last = heap.pop()  # IndexError on an empty heap
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    _sift_towards_leaves(heap, 0)
    return smallest


def _sift_towards_root(heap, root, pos):
    """Move heap[pos] up while it is smaller than its parent (not past root)."""
    item = heap[pos]
    while pos > root:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if not item < parent:
            break
        heap[pos] = parent
        pos = parent_pos
    heap[pos] = item


def _sift_towards_leaves(heap, pos):
    """Fill the hole at pos down to a leaf with the smaller children, then
    put the item that was at pos there and move it back up (heapq's way:
    fewer comparisons than stopping early)."""
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_towards_root(heap, start, pos)
