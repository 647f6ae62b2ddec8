"""Single instance per database, remembered layout, and 200% text size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers_detail import sign_in
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from citydesk.ui.app import CitydeskApp, SingleInstance
from citydesk.ui.shell import MainWindow
from factories import Office


def test_second_launch_finds_the_first_and_asks_it_to_come_forward(qtbot: Any, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "city.sqlite")
    assert not first.notify_running()  # nobody serves this database yet
    first.listen()
    second = SingleInstance(tmp_path / "city.sqlite")
    with qtbot.waitSignal(first.activated, timeout=5_000):
        assert second.notify_running()
    other = SingleInstance(tmp_path / "another.sqlite")
    assert not other.notify_running()  # another database is another app


def test_geometry_and_columns_are_remembered(qtbot: Any, hub: CitydeskApp, office: Office) -> None:
    QSettings().clear()
    sign_in(hub, office.tech)
    first = MainWindow(hub)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.table.setColumnWidth(3, 432)
    first.close()
    second = MainWindow(hub)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    assert second.table.columnWidth(3) == 432
    second.close()


def test_doubled_text_size_grows_rows_and_keeps_labels_whole(
    qtbot: Any, hub: CitydeskApp, office: Office
) -> None:
    QSettings().clear()
    sign_in(hub, office.tech)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal_font = app.font()
    normal = MainWindow(hub)
    qtbot.addWidget(normal)
    normal_row = normal.table.verticalHeader().defaultSectionSize()
    normal.close()
    big = normal_font
    big.setPointSizeF(normal_font.pointSizeF() * 2)
    app.setFont(big)
    try:
        window = MainWindow(hub)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.user_label.text() != "")
        row = window.table.verticalHeader().defaultSectionSize()
        assert row > normal_row and row >= window.table.fontMetrics().height() + 4
        for label in (window.user_label, window.sync_label):
            assert label.width() >= label.minimumSizeHint().width(), label.accessibleName()
        window.close()
    finally:
        big.setPointSizeF(big.pointSizeF() / 2)
        app.setFont(big)
