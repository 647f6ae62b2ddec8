"""Guard against a Qt binding that mis-counts references to None (PySide6 6.12.0 on Python 3.11).

There every void call (setText, update, processEvents, ...) took one reference from None, so a
desktop session crashed after some tens of thousands of calls ("deallocating None").
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel


def test_void_calls_leave_none_alone(qtbot: Any) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    app = QApplication.instance()
    assert app is not None
    before = sys.getrefcount(None)
    for _ in range(5_000):
        label.setText("y")
        label.update()
        app.processEvents()
    assert sys.getrefcount(None) >= before - 50
