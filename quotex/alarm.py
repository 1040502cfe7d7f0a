"""The ``SIGALRM`` guard of a document's time limit, for a process's main thread.

The stages check a document's cooperative budget between steps (``Context.check_time``), which
holds in any thread; the timer adds what those checks cannot do, interrupting one long step (a
single ``regex`` match, a parser call), where a process owns its signals: ``quotex extract``'s
worker processes, or an ``Extractor(alarm=True)``.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from quotex.errors import DocumentTimeout

# Whether a timer is armed: a guard inside another one leaves the outer one in charge.
_armed = False


def usable() -> bool:
    """Can this thread use a ``SIGALRM`` timer (a platform with ``setitimer``, the main thread)?"""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``DocumentTimeout`` in the block when it runs longer than ``seconds``.

    A ``SIGALRM`` interval timer: it interrupts Python code and ``regex`` matching alike. Where
    timers cannot be used (no ``setitimer``, or not the main thread), with no ``seconds``, or
    inside another budget, the block runs without a timer of its own.
    """
    global _armed
    if not seconds or _armed or not usable():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(seconds or 0.0)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    _armed = True
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _armed = False
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
