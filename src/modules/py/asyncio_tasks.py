"""Waiting for several things at once: gather, wait, wait_for, as_completed,
shield, timeout and TaskGroup, as CPython 3.11 has them.

Their output must interleave exactly as CPython's does, so each one
registers its done callbacks, schedules its timers and cancels its futures
in the same order as CPython's asyncio.tasks, asyncio.timeouts and
asyncio.taskgroups. One deliberate difference: where CPython keeps futures
in a set (wait, as_completed, TaskGroup), and so visits them in an order
that depends on memory addresses, these keep them in the order they were
given or created.
"""

from _asyncio_core import (
    Future,
    Task,
    CancelledError,
    get_running_loop,
    get_event_loop,
    current_task,
    ensure_future,
    iscoroutine,
    _describe,
)
from asyncio_sync import Queue

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


# ---------------------------------------------------------------- helpers


def _new_waiter(loop, label):
    """A pending future of loop that stands for `label` in deadlock reports."""
    fut = loop.create_future()
    _describe(fut, label)
    return fut


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


def _isfuture(obj):
    return isinstance(obj, (Future, Task))


def _unique(items):
    """The items without repeats, first occurrences in order."""
    seen = {}
    for item in items:
        seen[item] = None
    return list(seen)


# CPython reads two private fields of a finished future: the CancelledError
# it would raise, and the message it was cancelled with. The core may
# provide them (_make_cancelled_error, _cancel_message); otherwise they are
# worked out from the public API, which gives the same answers except in one
# corner noted below. The dev shim turns this off to test the fallback.
_PRIVATE_FUTURE_API = True


def _make_cancelled_error(fut):
    """The CancelledError that fut (cancelled or not) stands for."""
    make = getattr(fut, '_make_cancelled_error', None)
    if _PRIVATE_FUTURE_API and make is not None:
        return make()
    if not fut.cancelled():
        # CPython would use the message of a cancel() that fut swallowed;
        # the public API cannot see it.
        return CancelledError()
    return _raised_cancelled_error(fut)


def _cancel_message(fut):
    """The message a cancelled future keeps (None: no message)."""
    if _PRIVATE_FUTURE_API and hasattr(fut, '_cancel_message'):
        return fut._cancel_message
    if isinstance(fut, Task):
        # A task forgets the message once its coroutine has taken it in.
        return None
    exc = _raised_cancelled_error(fut)
    if exc.args:
        return exc.args[0]
    return None


def _raised_cancelled_error(fut):
    try:
        fut.result()
    except CancelledError as exc:
        return exc


# ----------------------------------------------------------------- gather


class _GatheringFuture(Future):
    """The future gather() returns.

    Cancelling it cancels the children instead (it only ends up cancelled
    if they are), as cancelling a task does.
    """

    def __init__(self, children, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled_any = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled_any = True
        if cancelled_any:
            # Remembered so that the gather is cancelled in the end even if
            # return_exceptions would have collected the CancelledErrors.
            self._cancel_requested = True
        return cancelled_any


def gather(*coros_or_futures, return_exceptions=False):
    """A future for the results of all the awaitables, in argument order."""
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer

    children = []
    future_of_arg = {}
    finished = 0
    outer = None

    def on_child_done(fut):
        nonlocal finished
        finished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()  # marks the exception as retrieved
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(_make_cancelled_error(fut))
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if finished == len(future_of_arg):
            finish(outer)

    def finish(outer):
        results = [_outcome(child) for child in children]
        if outer._cancel_requested:
            # CPython takes the error from the last child, cancelled or not.
            outer.set_exception(_make_cancelled_error(children[-1]))
        else:
            outer.set_result(results)

    loop = None
    for arg in coros_or_futures:
        if arg in future_of_arg:
            fut = future_of_arg[arg]  # the same awaitable given twice
        else:
            fut = ensure_future(arg)
            if loop is None:
                loop = fut.get_loop()
            future_of_arg[arg] = fut
            fut.add_done_callback(on_child_done)
        children.append(fut)

    outer = _GatheringFuture(children, loop)
    _describe(outer, 'gather()')
    return outer


def _outcome(fut):
    """A finished child's result, or its exception (return_exceptions)."""
    if fut.cancelled():
        message = _cancel_message(fut)
        return CancelledError('' if message is None else message)
    exc = fut.exception()
    if exc is None:
        return fut.result()
    return exc


# ----------------------------------------------------------------- shield


def shield(arg):
    """A future for arg's outcome whose cancellation does not reach arg."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = _new_waiter(inner.get_loop(), 'shield()')

    def on_inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()  # marks the exception as retrieved
            return
        if inner.cancelled():
            outer.cancel()
            return
        exc = inner.exception()
        if exc is not None:
            outer.set_exception(exc)
        else:
            outer.set_result(inner.result())

    def on_outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(on_inner_done)

    inner.add_done_callback(on_inner_done)
    outer.add_done_callback(on_outer_done)
    return outer


# ------------------------------------------------------------------- wait


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures or tasks in fs; return the sets (done, pending).

    A timeout does not raise: what is not done then is in `pending`.
    """
    if _isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = _unique(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    return await _wait(fs, timeout, return_when, get_running_loop())


async def _wait(fs, timeout, return_when, loop):
    waiter = _new_waiter(loop, 'wait()')
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    remaining = len(fs)

    def on_completion(f):
        nonlocal remaining
        remaining -= 1
        if (remaining <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and
                 f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(on_completion)

    done = set()
    pending = set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


# --------------------------------------------------------------- wait_for


async def wait_for(fut, timeout):
    """Await fut, cancelling it and raising TimeoutError after timeout s.

    When wait_for itself is cancelled, fut is cancelled too; either way
    wait_for returns only once fut has finished.
    """
    loop = get_running_loop()
    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = _new_waiter(loop, 'wait_for()')
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    release = lambda f: _release_waiter(waiter)
    fut = ensure_future(fut)
    fut.add_done_callback(release)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(release)
            await _cancel_and_wait(fut, loop)
            raise

        if fut.done():
            return fut.result()
        # Timed out.
        fut.remove_done_callback(release)
        await _cancel_and_wait(fut, loop)
        # fut may have finished anyway, or failed while being cancelled.
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _cancel_and_wait(fut, loop):
    """Cancel fut and wait until it has finished.

    It waits on a separate future, not on fut, so that this wait can itself
    be cancelled without cancelling fut a second time.
    """
    waiter = _new_waiter(loop, 'wait_for()')
    release = lambda f: _release_waiter(waiter)
    fut.add_done_callback(release)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(release)


# ----------------------------------------------------------- as_completed


def as_completed(fs, *, timeout=None):
    """Yield coroutines that return (or raise) the outcomes of fs, in the
    order they finish. After timeout seconds the remaining ones raise
    TimeoutError."""
    if _isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')

    finished = Queue()
    loop = get_event_loop()
    todo = {}  # the futures not finished yet, in the order given
    for f in _unique(fs):
        todo[ensure_future(f)] = None
    timeout_handle = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_completion)
            finished.put_nowait(None)  # None: wake one awaiter with TimeoutError
        todo.clear()

    def on_completion(f):
        if not todo:
            return  # on_timeout came first
        del todo[f]
        finished.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def wait_for_one():
        f = await finished.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, on_timeout)
    for _ in range(len(todo)):
        yield wait_for_one()


# ---------------------------------------------------------------- timeout

_CREATED = 'created'
_ENTERED = 'active'
_EXPIRING = 'expiring'
_EXPIRED = 'expired'
_EXITED = 'finished'


class Timeout:
    """The async context manager of timeout() and timeout_at().

    At its deadline it cancels the task that entered it; on exit it turns
    that cancellation into TimeoutError (unless someone else also
    cancelled the task).
    """

    __module__ = 'asyncio.timeouts'

    def __init__(self, when):
        self._state = _CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        """The deadline in loop.time() terms, or None."""
        return self._when

    def reschedule(self, when):
        """Move the deadline (None: no deadline)."""
        assert self._state != _CREATED
        if self._state != _ENTERED:
            raise RuntimeError(f'Cannot change state of {self._state} Timeout')
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
            return
        loop = get_running_loop()
        if when <= loop.time():
            self._timeout_handler = loop.call_soon(self._on_timeout)
        else:
            self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        """True once the deadline has been reached."""
        return self._state == _EXPIRING or self._state == _EXPIRED

    def __repr__(self):
        when = ''
        if self._state == _ENTERED:
            rounded = None if self._when is None else round(self._when, 3)
            when = f' when={rounded}'
        return f'<Timeout [{self._state}]{when}>'

    async def __aenter__(self):
        self._state = _ENTERED
        self._task = current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        assert self._state == _ENTERED or self._state == _EXPIRING
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None

        if self._state == _EXPIRING:
            self._state = _EXPIRED
            # Only our own cancel() is pending: the CancelledError is ours.
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError
        elif self._state == _ENTERED:
            self._state = _EXITED
        return None

    def _on_timeout(self):
        assert self._state == _ENTERED
        self._task.cancel()
        self._state = _EXPIRING
        self._timeout_handler = None


def timeout(delay):
    """A Timeout that expires delay seconds from now (None: never)."""
    if delay is None:
        return Timeout(None)
    return Timeout(get_running_loop().time() + delay)


def timeout_at(when):
    """A Timeout that expires when loop.time() reaches `when` (None: never)."""
    return Timeout(when)


# -------------------------------------------------------------- TaskGroup


class TaskGroup:
    """`async with TaskGroup() as tg:` waits for every task made with
    tg.create_task(); the first task that fails cancels the others and the
    body, and the failures are raised together in an ExceptionGroup."""

    __module__ = 'asyncio.taskgroups'

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = {}  # the unfinished tasks, in creation order
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ''
        if self._tasks:
            info += f' tasks={len(self._tasks)}'
        if self._errors:
            info += f' errors={len(self._errors)}'
        if self._aborting:
            info += ' cancelling'
        elif self._entered:
            info += ' entered'
        return f'<TaskGroup{info}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has been already entered')
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and _is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        propagate_cancellation_error = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            # We cancelled the parent ourselves, so we must uncancel it; if
            # that was the only cancel request, its CancelledError is ours
            # and stops here.
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None

        if et is not None and not self._aborting:
            # The body raised, or the parent task is being cancelled.
            self._abort()

        # The parent may be cancelled again while we wait: keep waiting.
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = _new_waiter(self._loop, 'TaskGroup.__aexit__()')
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    # The parent task is cancelled while the body is done
                    # and children still run.
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None

        if self._base_error is not None:
            raise self._base_error

        # A CancelledError gives way to the children's errors.
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error

        if et is not None and et is not CancelledError:
            self._errors.append(exc)

        if self._errors:
            try:
                group = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise group from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None):
        """Start coro as a task of the group."""
        if not self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has not been entered')
        if self._exiting and not self._tasks:
            raise RuntimeError(f'TaskGroup {self!r} is finished')
        if self._aborting:
            raise RuntimeError(f'TaskGroup {self!r} is shutting down')
        # Named afterwards, as CPython does: an unnamed task still takes a
        # number from the Task-N counter.
        task = self._loop.create_task(coro)
        if name is not None:
            task.set_name(name)
        task.add_done_callback(self._on_task_done)
        self._tasks[task] = None
        return task

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.pop(task, None)

        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)

        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return

        self._errors.append(exc)
        if _is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        if self._parent_task.done():
            # CPython reports this through the loop's exception handler.
            report = getattr(self._loop, 'call_exception_handler', None)
            if report is not None:
                report({
                    'message': f'Task {task!r} has errored out but its parent '
                               f'task {self._parent_task} is already completed',
                    'exception': exc,
                    'task': task,
                })
            return

        if not self._aborting and not self._parent_cancel_requested:
            # Stop the body of the `async with` by cancelling the parent
            # task; __aexit__ takes that cancellation back with uncancel().
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


def _is_base_error(exc):
    """Errors that end the program rather than join the ExceptionGroup."""
    return isinstance(exc, (SystemExit, KeyboardInterrupt))
