"""Text at twice the size (WCAG 1.4.4, 1.4.10), in a 1366×768 window: the queue list is as wide as its
entries, the table keeps the priority words whole, the status bar wraps rather than cutting a section,
and the New request form reflows instead of scrolling sideways."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers_detail import new_ticket, open_main_window
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from citydesk.domain.priorities import Priority
from citydesk.store.queries import Queue
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import SyncStatus
from citydesk.ui.queue_list import QUEUES
from citydesk.ui.shell import MainWindow
from citydesk.ui.ticket_model import COL_PRIORITY
from factories import Office

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    """The application font at 200% for one test."""
    normal = qapp.font()
    large = QFont(normal)
    large.setPointSizeF(normal.pointSizeF() * 2)
    qapp.setFont(large)
    yield
    qapp.setFont(normal)


def fits(widget: QWidget, inside: QWidget) -> bool:
    """`widget` lies wholly within `inside` (nothing of it cut off at the edges)."""
    at = widget.mapTo(inside, QPoint(0, 0))
    return at.x() >= 0 and at.y() >= 0 and at.x() + widget.width() <= inside.width() and (
        at.y() + widget.height() <= inside.height())  # fmt: skip


def whole(label: QLabel) -> bool:
    """The label has room for its text on one line."""
    return label.width() >= label.fontMetrics().horizontalAdvance(label.text())


@pytest.fixture
def window(qtbot: Any, hub: CitydeskApp, office: Office, large_text: None) -> Iterator[MainWindow]:
    """A technician's main window at 1366×768 with 200% text, on the All queue with a ticket open."""
    new_ticket(office, priority="P1")
    win = open_main_window(qtbot, hub, office.tech)
    win.resize(1366, 768)
    win.choose_queue([q for q, _ in QUEUES].index(Queue.ALL))
    qtbot.waitUntil(lambda: win.model.rowCount() == 1 and win.model.ticket_id(0) is not None)
    win.table.selectRow(0)
    qtbot.waitUntil(lambda: win.detail.header.number.text() != "")
    yield win
    win.close()


def test_queue_names_and_counts_are_not_cut_off(qtbot: Any, window: MainWindow) -> None:
    queues = window.queues
    qtbot.waitUntil(lambda: "(1)" in queues.item([q for q, _ in QUEUES].index(Queue.ALL)).text())
    room = queues.viewport().width()
    for row in range(queues.count()):
        text = queues.item(row).text()
        assert queues.fontMetrics().horizontalAdvance(text) < room, text


def test_table_cells_keep_the_priority_word(window: MainWindow) -> None:
    table = window.table
    margin = table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin)
    room = table.columnWidth(COL_PRIORITY) - 2 * margin
    for priority in Priority:
        words = priority.label.split(" (")[0]  # "P1 Critical"; "Ops" of "Ops (planned work)"
        assert table.fontMetrics().horizontalAdvance(words + "…") < room, priority.label
    assert window.model.data(window.model.index(0, COL_PRIORITY)) == "P1 Critical"


def test_status_bar_sections_wrap_rather_than_cut(qtbot: Any, window: MainWindow) -> None:
    # Connected, so every section shows (a standalone office has no pending count).
    window.hub.report_sync(SyncStatus(online=True, last_sync=None, pending=3, mode="connected"))
    window.status_message.success("Note added to CLK-TST-000001: the crew is on its way this afternoon")
    bar = window.statusBar()
    labels = [window.message, window.sync_label, window.pending_label, window.user_label, window.office_label]
    qtbot.waitUntil(lambda: all(fits(label, bar) and whole(label) for label in labels))
    rows = {label.mapTo(bar, QPoint(0, 0)).y() for label in labels}
    assert len(rows) >= 2  # at this size they do not fit on one line: a second line, not a cut


def test_new_request_form_reflows_instead_of_scrolling_sideways(
    qtbot: Any, hub: CitydeskApp, office: Office, large_text: None
) -> None:
    win = open_main_window(qtbot, hub, office.clerk)
    dialog = win.new_request()
    try:
        dialog.resize(1366, 768)
        qtbot.waitUntil(lambda: dialog.context is not None and dialog.isActiveWindow(), timeout=5000)
        dialog.new_requester.setChecked(True)
        qtbot.waitUntil(dialog.person.isVisible)
        scroll = dialog.findChild(QWidget, "intakeFields")
        assert scroll is not None
        qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
        assert not scroll.horizontalScrollBar().isVisible()
        for field in [dialog.channel, dialog.requester.edit, *dialog.person.fields(), dialog.location.edit]:
            assert fits(field, scroll.widget()), field.accessibleName()
        for check in (dialog.person.anonymous, dialog.person.confidential):
            assert check.width() >= check.sizeHint().width(), check.text()  # the words are not cut
    finally:
        dialog.start_next()
        dialog.close()
        win.close()


def test_the_larger_layout_passes_the_accessibility_walk(qtbot: Any, window: MainWindow) -> None:
    from helpers_a11y import audit

    problems = audit(qtbot, window, in_visual_order=False)  # the ticket pane under the table: same cycle
    assert not problems, problems


def test_columns_remembered_at_normal_size_do_not_cut_the_words_at_200(
    qtbot: Any, hub: CitydeskApp, office: Office, qapp: QApplication
) -> None:
    new_ticket(office, priority="P1")
    normal = open_main_window(qtbot, hub, office.tech)
    normal.table.setColumnWidth(COL_PRIORITY, 60)  # narrowed at 100%, then remembered on close
    normal.close()
    font = qapp.font()
    large = QFont(font)
    large.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(large)
    try:
        win = open_main_window(qtbot, hub, office.tech, fresh_settings=False)
        margin = win.table.style().pixelMetric(win.table.style().PixelMetric.PM_FocusFrameHMargin)
        room = win.table.columnWidth(COL_PRIORITY) - 2 * margin
        assert win.table.fontMetrics().horizontalAdvance("P1 Critical…") < room
        win.close()
    finally:
        qapp.setFont(font)
