# A small stand-in for loopbook's C module _asyncio_core, written in the
# loopbook subset, so that src/modules/py/asyncio_*.py can run on loopbook
# itself before the C core exists (see run-on-loopbook). It follows CPython
# 3.11's Future, Task.__step/__wakeup and BaseEventLoop._run_once closely
# enough for callback order to match; reprs, warnings and error logging are
# simplified. Dev tool only: never part of the binary.

import time

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class CancelledError(BaseException):
    __module__ = 'asyncio.exceptions'


class InvalidStateError(Exception):
    __module__ = 'asyncio.exceptions'


class _State:
    pending_throw = None  # see Task._step
    running_loop = None
    current_task = None
    task_counter = 0
    tasks = []


def _describe(fut, text):
    fut._label = text


# ------------------------------------------------------------------ loop


class _Handle:
    def __init__(self, callback, args, when):
        self._callback = callback
        self._args = args
        self._when = when
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def when(self):
        return self._when

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            # CPython logs this to stderr; this fake cannot write there.
            pass


class _Loop:
    def __init__(self):
        self._ready = []
        self._timers = []  # (when, seq, handle), kept sorted
        self._seq = 0

    def time(self):
        return time.monotonic()

    def call_soon(self, callback, *args):
        handle = _Handle(callback, args, None)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args):
        handle = _Handle(callback, args, when)
        self._seq += 1
        entry = (when, self._seq, handle)
        i = len(self._timers)
        while i > 0 and self._timers[i - 1][0] > when:
            i -= 1
        self._timers.insert(i, entry)
        return handle

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, name=None):
        return Task(coro, loop=self, name=name)

    def _run_once(self):
        while self._timers and self._timers[0][2]._cancelled:
            self._timers.pop(0)
        if not self._ready and self._timers:
            delay = self._timers[0][0] - self.time()
            if delay > 0:
                time.sleep(delay)
        end = self.time() + 1e-9
        while self._timers and self._timers[0][0] <= end:
            handle = self._timers.pop(0)[2]
            if not handle._cancelled:
                self._ready.append(handle)
        batch = self._ready
        self._ready = []
        for handle in batch:
            if not handle._cancelled:
                handle._run()

    def _run_until_done(self, fut):
        # run_until_complete: one more pass after fut is done (its stop callback).
        while not fut.done():
            if not self._ready and not self._timers:
                raise RuntimeError('Event loop stopped before Future completed.')
            self._run_once()
        self._run_once()


# ---------------------------------------------------------------- Future


class Future:
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None
        self._cancelled_exc = None

    def __repr__(self):
        name = type(self).__name__
        if self._state == _PENDING:
            return f'<{name} pending>'
        if self._state == _CANCELLED:
            return f'<{name} cancelled>'
        if self._exception is not None:
            return f'<{name} finished exception={self._exception!r}>'
        return f'<{name} finished result={self._result!r}>'

    def get_loop(self):
        return self._loop

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not set.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        return self._exception

    def add_done_callback(self, fn):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [cb for cb in self._callbacks if cb != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks = kept
        return removed

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        self._callbacks = []
        for cb in callbacks:
            self._loop.call_soon(cb, self)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
            _raise_pending_throw()
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()


# ------------------------------------------------------------------ Task


class Task(Future):
    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        # Every task takes a number, named or not (CPython 3.11.2).
        _State.task_counter += 1
        if name is None:
            name = f'Task-{_State.task_counter}'
        self._name = str(name)
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        self._started = False
        self._loop.call_soon(self._step)
        _State.tasks.append(self)

    def __repr__(self):
        return f"<Task {self._state.lower()} name='{self._name}'>"

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        _State.current_task = self
        started = self._started
        self._started = True
        try:
            if exc is None:
                result = self._coro.send(None)
            elif not started:
                result = self._coro.throw(exc)
            else:
                # loopbook's throw() does not yet reach the awaitable at the
                # bottom of an await chain (it raises in the outermost
                # frame), so the exception is handed over to the Future or
                # sleep(0) awaitable the chain is suspended in, which raises
                # it itself when resumed.
                _State.pending_throw = exc
                result = self._coro.send(None)
        except StopIteration as stop:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, stop.value)
        except CancelledError as cancelled:
            self._cancelled_exc = cancelled
            Future.cancel(self)
        except BaseException as error:
            Future.set_exception(self, error)
        else:
            self._suspend_on(result)
        finally:
            _State.current_task = None

    def _suspend_on(self, result):
        if result is None:
            self._loop.call_soon(self._step)
        elif isinstance(result, Future) and result._asyncio_future_blocking:
            result._asyncio_future_blocking = False
            result.add_done_callback(self._wakeup)
            self._fut_waiter = result
            if self._must_cancel:
                if self._fut_waiter.cancel(msg=self._cancel_message):
                    self._must_cancel = False
        else:
            self._loop.call_soon(self._step, RuntimeError(f'Task got bad yield: {result!r}'))

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
            return
        self._step()


# ------------------------------------------------------------- functions


def iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'


def iscoroutinefunction(fn):
    return False


def _get_running_loop():
    return _State.running_loop


def get_running_loop():
    if _State.running_loop is None:
        raise RuntimeError('no running event loop')
    return _State.running_loop


def get_event_loop():
    return get_running_loop()


def current_task(loop=None):
    return _State.current_task


def all_tasks(loop=None):
    return set(t for t in _State.tasks if not t.done())


def ensure_future(aw):
    if isinstance(aw, Future):
        return aw
    if iscoroutine(aw):
        return get_event_loop().create_task(aw)
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


def create_task(coro, *, name=None):
    return get_running_loop().create_task(coro, name=name)


class _Yield:
    def __await__(self):
        yield
        _raise_pending_throw()


def _raise_pending_throw():
    exc = _State.pending_throw
    if exc is not None:
        _State.pending_throw = None
        raise exc


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


async def sleep(delay, result=None):
    if delay <= 0:
        await _Yield()
        return result
    loop = get_running_loop()
    fut = loop.create_future()
    handle = loop.call_later(delay, _set_result_unless_cancelled, fut, result)
    try:
        return await fut
    finally:
        handle.cancel()


def run(main):
    if _State.running_loop is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    loop = _Loop()
    _State.running_loop = loop
    _State.tasks = []
    try:
        task = loop.create_task(main)
        loop._run_until_done(task)
        _cancel_leftovers(loop)
        return task.result()
    finally:
        _State.running_loop = None


def _cancel_leftovers(loop):
    # asyncio.run cancels what is left and waits for it (gather, then the
    # shutdown of async generators and of the executor: a few more passes).
    left = [t for t in _State.tasks if not t.done()]
    for t in left:
        t.cancel()
    while [t for t in left if not t.done()]:
        loop._run_once()
    for _ in range(6):
        loop._run_once()
    # CPython runs two shutdown coroutines as tasks: they take two numbers.
    _State.task_counter += 2
