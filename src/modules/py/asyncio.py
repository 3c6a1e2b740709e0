# asyncio: what programs import. The event loop, futures and tasks are C
# (_asyncio_core, src/loop); this file adds what is written in Python as in
# CPython: the runner (asyncio.run, Runner), sleep, to_thread, and re-exports the
# synchronisation primitives and task helpers of asyncio_sync / asyncio_tasks.

from _asyncio_core import (
    Future, Task, CancelledError, InvalidStateError, Handle, TimerHandle,
    get_running_loop, _get_running_loop, get_event_loop, set_event_loop,
    new_event_loop, current_task, all_tasks, iscoroutine,
    iscoroutinefunction, isfuture, ensure_future, create_task, _describe,
    _set_result_unless_cancelled, _set_interrupt_task, _interrupt_count,
    _set_thread_trampoline, _sleep0, _session_loop_running, _run_in_session,
    _set_asyncgen_finalizer,
)

TimeoutError = TimeoutError


async def sleep(delay, result=None):
    if delay <= 0:
        # a bare yield: the other ready callbacks get one pass of the loop
        await _sleep0
        return result
    loop = get_running_loop()
    future = loop.create_future()
    _describe(future, f"sleep({delay!r})")
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


def _thread_call(func, args):
    # how a simulated thread calls a built-in function: from bytecode, so
    # that a time.sleep in it can suspend the thread
    return func(*args)


_set_thread_trampoline(_thread_call)


async def to_thread(func, /, *args, **kwargs):
    loop = get_running_loop()
    if kwargs:
        return await loop.run_in_executor(None, lambda: func(*args, **kwargs))
    return await loop.run_in_executor(None, func, *args)


def _finalize_asyncgen(agen):
    # CPython's loop._asyncgen_finalizer_hook: aclose() in a task of its own,
    # made on the next pass
    loop = get_running_loop()
    loop.call_soon(loop.create_task, agen.aclose())


_set_asyncgen_finalizer(_finalize_asyncgen)


async def _shutdown_asyncgens(loop):
    # CPython's loop.shutdown_asyncgens(): the async generators the loop
    # iterated that are still open are closed, together
    agens = loop._asyncgens_to_close()
    if not agens:
        return
    results = await gather(*[ag.aclose() for ag in agens], return_exceptions=True)
    for result, agen in zip(results, agens):
        if isinstance(result, Exception):
            loop.call_exception_handler({
                'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                'exception': result,
                'asyncgen': agen,
            })


async def _nothing_to_shut_down():
    # CPython's runner awaits loop.shutdown_asyncgens() and
    # loop.shutdown_default_executor() before closing; each is one task, and
    # the passes they take let leftover callbacks run. Same passes here.
    return None


def _cancel_all_tasks(loop):
    to_cancel = loop._all_tasks()
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


class Runner:
    """Runs coroutines on one event loop, made on first use and closed (its
    tasks cancelled, its shutdown steps run) by close() or the with block."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(_shutdown_asyncgens(loop))
            loop.run_until_complete(_nothing_to_shut_down())
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            loop._report_unretrieved()
            loop.close()
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if _get_running_loop() is not None:
            raise RuntimeError(
                "Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro)
        # The first Ctrl-C cancels the task; if that ends it, it becomes
        # KeyboardInterrupt here.
        _set_interrupt_task(task)
        try:
            return self._loop.run_until_complete(task)
        except CancelledError:
            if _interrupt_count() > 0 and task.uncancel() == 0:
                raise KeyboardInterrupt()
            raise
        finally:
            _set_interrupt_task(None)

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError("Runner is closed")
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = 'initialized'


def run(main, *, debug=None):
    if _session_loop_running():
        # a notebook cell: the session's loop runs it (no nest_asyncio needed)
        if not iscoroutine(main):
            raise ValueError("a coroutine was expected, got {!r}".format(main))
        return _run_in_session(main)
    if _get_running_loop() is not None:
        raise RuntimeError(
            "asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


from asyncio_sync import (
    Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier, BrokenBarrierError,
    Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull,
)
from asyncio_tasks import (
    gather, shield, wait, wait_for, as_completed, Timeout, timeout,
    timeout_at, TaskGroup, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
)
