"""Garbage holding Qt objects is collected on the GUI thread, never on a database worker thread."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtCore import QObject, Qt

from citydesk.ui.collector import MainThreadCollector


class _Cycle:
    """A Python object in a reference cycle that owns a QObject (like a closed dialog's helper)."""

    def __init__(self, on_destroyed: Any = None) -> None:
        self.me = self
        self.qobject = QObject()
        if on_destroyed is not None:
            self.qobject.destroyed.connect(on_destroyed, Qt.ConnectionType.DirectConnection)


def test_cycles_with_qt_objects_die_on_the_gui_thread(qtbot: Any) -> None:
    collector = MainThreadCollector(interval_ms=60_000)
    died_on: list[str] = []
    try:
        assert not gc.isenabled()
        _Cycle(lambda *_: died_on.append(threading.current_thread().name))
        # A worker thread allocating enough to cross every threshold does not collect.
        kept: list[Any] = []
        worker = threading.Thread(target=lambda: kept.extend([o] for o in range(50_000)), name="db-read")
        worker.start()
        worker.join()
        assert died_on == []
    finally:
        collector.stop()  # its last collection runs here, on the GUI thread
    assert died_on == ["MainThread"]


def test_the_timer_collects_when_the_young_generation_is_full(qtbot: Any) -> None:
    collector = MainThreadCollector(interval_ms=60_000)
    try:
        gc.collect()
        for _ in range(collector.threshold[0] + 10):
            _Cycle()
        assert collector.check() > 0
    finally:
        collector.stop()
