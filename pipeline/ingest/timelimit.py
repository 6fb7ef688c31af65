"""Per-document time limits: a SIGALRM timer in a main thread, a cooperative deadline anywhere.

Process-pool workers run each document in their main thread, so there ``time_limit`` arms
``signal.setitimer`` and interrupts a parser stuck in a loop. In any other thread signals
cannot be used; there only the cooperative :meth:`Deadline.check` calls between pages and
tesseract's own per-call timeout (see :meth:`Deadline.cap`) apply.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimitExceeded(BaseException):
    """Raised inside the guarded block when its time is up.

    A BaseException on purpose: parsers wrap their internals in ``except Exception`` and
    would otherwise swallow the interruption and keep looping.
    """


class Deadline:
    """A point in monotonic time after which work on the current document must stop."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left (never negative)."""
        return max(0.0, self.end - time.monotonic())

    def check(self) -> None:
        """Raise :class:`TimeLimitExceeded` if the deadline has passed."""
        if time.monotonic() >= self.end:
            raise TimeLimitExceeded(f"over {self.seconds:g} s")

    def cap(self, seconds: float) -> float:
        """``seconds`` shortened so a subprocess started now ends before the deadline."""
        return max(0.001, min(seconds, self.remaining()))


def _can_use_signals() -> bool:
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


@contextmanager
def time_limit(seconds: float) -> Iterator[Deadline]:
    """Run the block for at most ``seconds``; yields a :class:`Deadline` for cooperative checks.

    Nested use is allowed: an enclosing timer that would fire earlier is kept, and the
    previous handler and timer are restored on exit.
    """
    deadline = Deadline(seconds)
    if not _can_use_signals():
        yield deadline
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded(f"over {seconds:g} s")

    start = time.monotonic()
    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    old_delay, old_interval = signal.getitimer(signal.ITIMER_REAL)
    if old_delay and old_delay < seconds:
        # An outer limit is stricter: let it fire (through our handler it still raises).
        signal.setitimer(signal.ITIMER_REAL, old_delay)
        deadline.end = min(deadline.end, start + old_delay)
    else:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_delay:
            left = old_delay - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), old_interval)
