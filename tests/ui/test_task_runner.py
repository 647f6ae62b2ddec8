"""The task runner: results come back on the GUI thread, and nothing is called back after shutdown."""

from __future__ import annotations

import threading
from typing import Any

from citydesk.ui.tasks import TaskRunner


def test_results_arrive_until_shutdown_and_never_after(qtbot: Any) -> None:
    runner = TaskRunner()
    got: list[str] = []
    runner.read(lambda: "first", got.append)
    qtbot.waitUntil(lambda: got == ["first"])

    release = threading.Event()
    runner.read(lambda: release.wait(5) and "late", got.append)
    release.set()
    runner.shutdown(wait=True)  # the task has finished; its delivery is still queued for the GUI thread
    qtbot.waitUntil(lambda: runner.in_flight == 0)
    assert got == ["first"]  # a window closed by now would have been called back without this rule


def test_a_closed_widget_is_not_called_back(qtbot: Any) -> None:
    """A result for a widget deleted while its query ran is dropped, not delivered to a dead object."""
    import shiboken6
    from PySide6.QtWidgets import QLabel

    runner = TaskRunner()
    alive, closed = QLabel(), QLabel()
    release = threading.Event()
    runner.read(lambda: release.wait(5) and "for the closed one", closed.setText)
    runner.read(lambda: release.wait(5) and "for the open one", alive.setText)
    shiboken6.delete(closed)
    release.set()
    qtbot.waitUntil(lambda: runner.in_flight == 0)
    assert alive.text() == "for the open one"  # raising on the dead label would fail this test
    runner.shutdown(wait=True)
