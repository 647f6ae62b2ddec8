"""Helpers for the accessibility tests: the controls Tab should reach (in visual order), walking the Tab
cycle as a keyboard user does, and an audit of a window as a screen-reader user meets it (names, labels
that match their field, row headers)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from helpers_detail import INTERACTIVE, unnamed_interactive
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QRadioButton,
    QScrollBar,
    QTableView,
    QWidget,
)

from citydesk.domain.statuses import ResolutionReason
from citydesk.ui.detail import dialogs, workflow_dialogs


def focusable(root: QWidget) -> list[QWidget]:
    """The visible, enabled controls of `root`'s window that Tab should reach (unsorted). Of a group of
    radio buttons only the checked one takes Tab (arrows move inside the group)."""
    found = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not root.window():
            continue  # a dialog or popup of its own
        if not widget.isVisible() or not widget.isEnabled() or isinstance(widget, QScrollBar):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the inner line edit of a spin box or an editable combo box
        if isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked():
            continue
        found.append(widget)
    return found


def visual_order(dialog: QWidget) -> list[QWidget]:
    """The widgets Tab should reach, sorted by where they are on screen (rows top to bottom, then left to
    right)."""
    # Half a line of tolerance: a checkbox and a field on one row may differ by a few pixels.
    row = max(1, dialog.fontMetrics().height() // 2)

    def place(widget: QWidget) -> tuple[int, int]:
        at = widget.mapTo(dialog, QPoint(0, 0))
        return (at.y() // row, at.x())

    return sorted(focusable(dialog), key=place)


def describe(widget: QWidget | None) -> str:
    """A widget as a failure message names it: its class and name (or text)."""
    if widget is None:
        return "nothing"
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__}({widget.accessibleName() or text or widget.objectName()!r})"


def tab_chain(qtbot: Any, window: QWidget, first: QWidget, count: int) -> list[QWidget | None]:
    """Focus `first`, then press Tab `count` times; the widgets that had focus along the way."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    chain: list[QWidget | None] = [first]
    for _ in range(count):
        here = QApplication.focusWidget()
        if here is None:
            chain.append(None)
            break
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        if isinstance(here, QDateTimeEdit):  # Tab walks its sections (year, month, ...) first, then leaves
            for _section in range(here.sectionCount()):
                if QApplication.focusWidget() is not here:
                    break
                qtbot.keyClick(here, Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    return chain


def check_tab_order(qtbot: Any, dialog: QWidget) -> None:
    """Tab visits every field in visual order and comes back to the first."""
    qtbot.waitUntil(dialog.isActiveWindow)
    expected = visual_order(dialog)
    assert len(expected) >= 3, [describe(w) for w in expected]  # at least a field, OK and Cancel
    chain = tab_chain(qtbot, dialog, expected[0], len(expected))
    assert [describe(w) for w in chain] == [describe(w) for w in [*expected, expected[0]]]
    assert chain == [*expected, expected[0]]


def resolve_as(reason: ResolutionReason) -> Callable[..., Any]:
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
    "resolve as duplicate": resolve_as(ResolutionReason.DUPLICATE),
    "resolve as referred": resolve_as(ResolutionReason.REFERRED),
    "reopen": workflow_dialogs.ReopenDialog,
}


# ---- the audit -----------------------------------------------------------------------------------


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology reads for `widget`: its accessible name, else the one Qt derives
    from its text or its label. (Asked first because Qt on Linux reports a combo box's current value
    as its name and its label by a relation; Windows and macOS read the accessible name.)"""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    found = QAccessible.queryAccessibleInterface(widget)
    return found.text(QAccessible.Text.Name).strip() if found is not None else ""


def visible_words(text: str) -> str:
    """A caption's words as seen: no mnemonic '&', no markup, no trailing colon."""
    plain = re.sub(r"<[^>]+>", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(plain.split()).rstrip(":").rstrip()


def unnamed_focusable(root: QWidget) -> list[str]:
    """Focusable controls with no name for assistive technology, plus the project's stricter rule: every
    interactive widget has an accessible name of its own."""
    others = [w for w in focusable(root) if not isinstance(w, INTERACTIVE)]
    return unnamed_interactive(root) + [describe(w) for w in others if not spoken_name(w)]


def labels_not_in_names(root: QWidget) -> list[str]:
    """Visible labels whose words are not at the start of their buddy's spoken name (2.5.3)."""
    wrong = []
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None or not label.isVisible() or label.window() is not root.window():
            continue
        words = visible_words(label.text())
        name = " ".join(spoken_name(buddy).split())
        if words and not name.casefold().startswith(words.casefold()):
            wrong.append(f"label {words!r} on {type(buddy).__name__} read as {name!r}")
    return wrong


def empty_row_headers(root: QWidget) -> list[str]:
    """Visible tables with a row whose header says nothing (the row's name for a screen reader)."""
    empty = []
    for table in root.findChildren(QTableView):
        if not table.isVisible() or table.window() is not root.window() or table.model() is None:
            continue
        model = table.model()
        for row in range(model.rowCount()):
            said = model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
            if said is None or not str(said).strip():
                empty.append(f"{describe(table)} row {row}")
                break
    return empty


def tab_cycle_problems(qtbot: Any, root: QWidget, *, in_visual_order: bool = True) -> list[str]:
    """Tab from the first control (in visual order) as many times as there are controls: each is
    visited once and Tab comes back to the first (no control left out, no trap); with
    `in_visual_order`, in the order they appear (rows top to bottom, then left to right)."""
    window = root.window()
    expected = visual_order(window)
    if not expected:
        return ["nothing takes keyboard focus"]
    chain = tab_chain(qtbot, window, expected[0], len(expected))
    problems = []
    never = [describe(w) for w in expected if w not in chain]
    if never:
        problems.append("Tab never reaches " + ", ".join(never))
    strays = {describe(w) for w in chain if w not in expected}
    if strays:
        problems.append("Tab goes to " + ", ".join(sorted(strays)))
    if in_visual_order and not problems and chain[:-1] != expected:
        problems.append(
            f"Tab order {[describe(w) for w in chain[:-1]]} is not the visual order "
            f"{[describe(w) for w in expected]}"
        )
    if chain[-1] is not expected[0]:
        problems.append(
            f"after {len(expected)} Tabs focus is on {describe(chain[-1])}, not back on "
            f"{describe(expected[0])}; visited {[describe(w) for w in chain]}"
        )
    return problems


def audit(qtbot: Any, root: QWidget, *, in_visual_order: bool = True) -> list[str]:
    """Everything a screen-reader or keyboard-only user would stumble on in `root`'s window.

    `in_visual_order=False` for windows in columns (the main window, the New request form, the
    Requesters window): sorting by rows would interleave the columns, so only the set is compared."""
    qtbot.waitUntil(root.window().isActiveWindow)
    problems = [f"no name: {m}" for m in unnamed_focusable(root)]
    problems += labels_not_in_names(root)
    problems += [f"empty row header: {m}" for m in empty_row_headers(root)]
    problems += tab_cycle_problems(qtbot, root, in_visual_order=in_visual_order)
    return problems
