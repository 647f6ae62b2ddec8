"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is
crossed. If that is a database worker thread and the garbage holds a Qt object (a closed dialog
in a reference cycle), the object is destroyed on the wrong thread: Qt takes its signal locks
there while PySide waits for the GIL, which deadlocks or corrupts memory (seen as hangs in
`QObject::connect` and segfaults while painting). So automatic collection is switched off and
this timer collects on the GUI thread, generation by generation, when the counts call for it —
the approach Anki and other PyQt/PySide apps take.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    """Disables automatic garbage collection and collects from a GUI-thread timer instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self, interval=interval_ms, timeout=self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns objects freed."""
        counts = gc.get_count()
        freed = 0
        for generation in range(3):
            if counts[generation] <= self.threshold[generation]:
                break
            freed = gc.collect(generation)
        return freed

    def stop(self) -> None:
        """Stop the timer, collect once more here, and restore automatic collection as it was."""
        self.timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
