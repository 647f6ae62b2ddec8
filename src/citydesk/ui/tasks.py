"""One small task runner: database work off the GUI thread, results back by signal.

A single-thread executor does every local write (one writer, in order); a small pool serves
reads (WAL lets them run beside the writer); a separate pool will carry HTTP. Callbacks run on
the GUI thread. Only plain data crosses threads, never ORM objects.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")
Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


@dataclass(frozen=True, slots=True)
class _Delivery:
    """A finished task's callbacks and outcome, carried to the GUI thread as one object."""

    on_done: Callback | None
    on_error: ErrorCallback | None
    result: Any
    exc: BaseException | None


class TaskRunner(QObject):
    """Runs callables in background threads and delivers results on the GUI thread."""

    busy_changed = Signal(int)  # number of tasks in flight
    failed = Signal(str)  # a readable message for a task without its own error handler
    # One object per delivery: PySide6 (Python 3.11) mis-counts references to a bare None passed
    # through a queued cross-thread signal, which eventually crashes the interpreter.
    _finished = Signal(object)  # _Delivery

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="citydesk-db-write")
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="citydesk-db-read")
        self._http = ThreadPoolExecutor(max_workers=2, thread_name_prefix="citydesk-http")
        self._in_flight = 0
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def in_flight(self) -> int:
        """Tasks submitted and not yet delivered."""
        return self._in_flight

    def write(
        self, fn: Callable[[], T], on_done: Callback | None = None, on_error: ErrorCallback | None = None
    ) -> Future[T]:
        """Run a local database mutation on the single writer thread."""
        return self._submit(self._writer, fn, on_done, on_error)

    def read(
        self, fn: Callable[[], T], on_done: Callback | None = None, on_error: ErrorCallback | None = None
    ) -> Future[T]:
        """Run a read query on a reader thread."""
        return self._submit(self._readers, fn, on_done, on_error)

    def http(
        self, fn: Callable[[], T], on_done: Callback | None = None, on_error: ErrorCallback | None = None
    ) -> Future[T]:
        """Run network work on the HTTP pool."""
        return self._submit(self._http, fn, on_done, on_error)

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        fn: Callable[[], T],
        on_done: Callback | None,
        on_error: ErrorCallback | None,
    ) -> Future[T]:
        if self._closed:  # the app is closing: late timers and signals find nothing to do
            cancelled: Future[T] = Future()
            cancelled.cancel()
            return cancelled
        self._in_flight += 1
        self.busy_changed.emit(self._in_flight)
        future = pool.submit(fn)

        def _done(f: Future[T]) -> None:
            exc = f.exception()
            if exc is not None and not _is_expected(exc):
                log.error("background task failed:\n%s", "".join(traceback.format_exception(exc)))
            self._finished.emit(_Delivery(on_done, on_error, None if exc else f.result(), exc))

        future.add_done_callback(_done)
        return future

    def _deliver(self, delivery: _Delivery) -> None:
        on_done, on_error, result, exc = delivery.on_done, delivery.on_error, delivery.result, delivery.exc
        self._in_flight -= 1
        if self._closed:  # shut down: the windows that asked may be gone, so nobody is called back
            return
        self.busy_changed.emit(self._in_flight)
        if not (_receiver_alive(on_done) and _receiver_alive(on_error)):
            return  # the widget that asked was closed meanwhile: nobody to tell
        if exc is not None:
            if on_error is not None:
                on_error(exc)
            else:
                self.failed.emit(readable(exc))
        elif on_done is not None:
            on_done(result)

    def shutdown(self, wait: bool = True) -> None:
        """Finish queued work (writes are never abandoned half-way) and stop the threads."""
        self._closed = True
        for pool in (self._writer, self._readers, self._http):
            pool.shutdown(wait=wait)


def _receiver_alive(callback: Callable[..., Any] | None) -> bool:
    """False when the callback is a method of a Qt object whose C++ side is already deleted."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        from shiboken6 import isValid

        return bool(isValid(owner))
    return True


def _is_expected(exc: BaseException) -> bool:
    from citydesk.domain.errors import CitydeskError

    return isinstance(exc, CitydeskError)


def readable(exc: BaseException) -> str:
    """A message a person can act on (domain errors carry their own; others get a short summary)."""
    from citydesk.domain.errors import CitydeskError, ValidationError
    from citydesk.ui.error_words import error_text  # the UI's language (a known English message)

    if isinstance(exc, ValidationError):
        return error_text(exc.message)
    if isinstance(exc, CitydeskError):
        return error_text(str(exc))
    return error_text(
        f"Something went wrong: {type(exc).__name__}: {exc}. Nothing was saved; please try again."
    )
