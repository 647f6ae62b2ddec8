"""Pacing for work that follows pulled pages: at most one run a gap, the first at once.

During a big pull a page commits every few tens of milliseconds. The views that read after a page (the
table's list in place, the conflict tracker, the notices) would otherwise read after every one, and those
reads compete with the page writes and the counter's saves for the interpreter (benchmarks/ui_sync.py).
A `Pacer` runs its work at once when the last run started at least `gap_ms` ago, and otherwise once when
the gap ends, however many requests came in between. The open ticket is not paced: it reads only when
its own ticket was on the page, and must show that change within a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

PULL_GAP_MS = 1000  # the views that follow pulled pages read at most once a second


class Pacer(QObject):
    """Calls `work` on request, at most once every `gap_ms` (see the module docstring)."""

    def __init__(
        self,
        parent: QObject,
        work: Callable[[], None],
        gap_ms: int = PULL_GAP_MS,
        *,
        monotonic_ms: Callable[[], float] = lambda: time.monotonic() * 1000,
    ) -> None:
        super().__init__(parent)
        self.work = work
        self.gap_ms = gap_ms
        self.monotonic_ms = monotonic_ms  # injectable (tests)
        self._last: float | None = None  # when the last run started (None: never ran)
        self._timer = QTimer(self, singleShot=True, timeout=self._run)

    @property
    def waiting(self) -> bool:
        """True while a run waits for its gap to end."""
        return self._timer.isActive()

    def request(self) -> None:
        """Run the work now, or once the gap since the last run ends (requests meanwhile are one)."""
        if self._timer.isActive():
            return
        left = 0.0 if self._last is None else self.gap_ms - (self.monotonic_ms() - self._last)
        if left <= 0:
            self._run()
        else:
            self._timer.start(max(1, round(left)))

    def _run(self) -> None:
        self._last = self.monotonic_ms()
        self.work()
