"""Dev shim: CPython's own asyncio objects under the names of loopbook's
C module _asyncio_core, so that src/modules/py/asyncio_*.py run on CPython.

Used by run-with-shim; never part of the loopbook binary.
"""

from asyncio import (
    Future,
    Task,
    CancelledError,
    InvalidStateError,
    get_running_loop,
    get_event_loop,
    current_task,
    all_tasks,
    ensure_future,
    create_task,
    sleep,
    iscoroutine,
    iscoroutinefunction,
)
from asyncio.events import _get_running_loop


def _describe(fut, text):
    """Loopbook labels a waiter for its deadlock report; CPython has none."""
    return None
