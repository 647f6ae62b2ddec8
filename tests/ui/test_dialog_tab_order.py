"""Tab visits every field of every ticket dialog in visual order (top to bottom, left to right), then OK
and Cancel, and comes back to the first field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from helpers_detail import new_ticket, show, sign_in
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QRadioButton,
    QScrollBar,
    QWidget,
)

from citydesk.domain.statuses import ResolutionReason
from citydesk.services import tickets
from citydesk.ui.detail import TicketDetailPane, dialogs, workflow_dialogs
from citydesk.ui.detail.timeline import build_rows
from factories import Office


def visual_order(dialog: QWidget) -> list[QWidget]:
    """The widgets Tab should reach, sorted by where they are on screen (rows top to bottom, then left to
    right). Of a group of radio buttons only the checked one takes Tab (arrows move inside the group)."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled() or isinstance(widget, QScrollBar):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the inner line edit of a spin box or an editable combo box
        if isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked():
            continue
        found.append(widget)
    # Half a line of tolerance: a checkbox and a field on one row may differ by a few pixels.
    row = max(1, dialog.fontMetrics().height() // 2)

    def place(widget: QWidget) -> tuple[int, int]:
        at = widget.mapTo(dialog, QPoint(0, 0))
        return (at.y() // row, at.x())

    return sorted(found, key=place)


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__}({widget.accessibleName() or text!r})"


def tab_chain(qtbot: Any, dialog: QDialog, first: QWidget, count: int) -> list[QWidget | None]:
    """Focus `first`, then press Tab `count` times; the widgets that had focus along the way."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    chain: list[QWidget | None] = [first]
    for _ in range(count):
        here = QApplication.focusWidget()
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        if isinstance(here, QDateTimeEdit):  # Tab walks its sections (year, month, ...) first, then leaves
            for _section in range(here.sectionCount()):
                if QApplication.focusWidget() is not here:
                    break
                qtbot.keyClick(here, Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    return chain


def check_tab_order(qtbot: Any, dialog: QDialog) -> None:
    qtbot.waitUntil(dialog.isActiveWindow)
    expected = visual_order(dialog)
    assert len(expected) >= 3, [describe(w) for w in expected]  # at least a field, OK and Cancel
    chain = tab_chain(qtbot, dialog, expected[0], len(expected))
    assert [describe(w) for w in chain] == [describe(w) for w in [*expected, expected[0]]]
    assert chain == [*expected, expected[0]]


def _resolve_as(reason: ResolutionReason) -> Callable[..., Any]:
    def make(hub: Any, view: Any, parent: Any = None) -> Any:
        dialog = workflow_dialogs.ResolveDialog(hub, view, parent)
        dialog.reason.setCurrentIndex(dialog.reason.findData(reason.value))
        return dialog

    return make


DIALOGS: dict[str, Callable[..., Any]] = {
    "log call": dialogs.LogCallDialog,
    "assign": dialogs.AssignDialog,
    "change status": dialogs.ChangeStatusDialog,
    "change priority": dialogs.ChangePriorityDialog,
    "edit": dialogs.EditDialog,
    "escalate": workflow_dialogs.EscalateDialog,
    "record time": workflow_dialogs.RecordTimeDialog,
    "schedule visit": workflow_dialogs.ScheduleVisitDialog,
    "resolve": workflow_dialogs.ResolveDialog,
    "resolve as duplicate": _resolve_as(ResolutionReason.DUPLICATE),
    "resolve as referred": _resolve_as(ResolutionReason.REFERRED),
    "reopen": workflow_dialogs.ReopenDialog,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_tab_visits_the_fields_of_each_ticket_dialog_in_visual_order(
    qtbot: Any, pane: TicketDetailPane, hub: Any, office: Office, name: str
) -> None:
    sign_in(hub, office.supervisor)
    created = new_ticket(office)
    if name == "reopen":
        tickets.resolve(office.db, actor=office.supervisor, ticket_id=created.ticket_id, reason="done",
                        public_note="Filled the hole.")  # fmt: skip
    show(qtbot, pane, created.ticket_id)
    dialog = pane.open_dialog(DIALOGS[name])
    assert dialog is not None
    try:
        check_tab_order(qtbot, dialog)
    finally:
        dialog.reject()


def test_tab_order_of_the_redact_dialog(qtbot: Any, pane: TicketDetailPane, hub: Any, office: Office) -> None:
    sign_in(hub, office.supervisor)
    created = new_ticket(office)
    tickets.add_note(
        office.db, actor=office.tech, ticket_id=created.ticket_id, body="Phone 555", public=False
    )
    show(qtbot, pane, created.ticket_id)
    assert pane.view is not None
    entry = next(row for row in build_rows(pane.view) if row.redactable)
    dialog = pane.open_dialog(workflow_dialogs.RedactDialog, entry)
    try:
        check_tab_order(qtbot, dialog)
    finally:
        dialog.reject()


def test_tab_order_of_the_merge_requesters_dialog(qtbot: Any, hub: Any, office: Office) -> None:
    from citydesk.store.requesters_view import requester_detail
    from citydesk.ui.requesters.merge import MergeDialog

    sign_in(hub, office.supervisor)
    with office.db.read() as session:
        source = requester_detail(session, office.spanish_citizen)
    assert source is not None
    dialog = MergeDialog(hub, source)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.search.setText("jane")
    dialog._find()
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    dialog.results.setCurrentRow(0)
    qtbot.waitUntil(dialog.ok_button.isEnabled)  # the summary is shown, so Merge is offered
    check_tab_order(qtbot, dialog)
    dialog.reject()
