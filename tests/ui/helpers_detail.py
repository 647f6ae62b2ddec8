"""Helpers for the UI tests: signing in, keys, accessible names (their fixtures are in conftest.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from citydesk.domain.roles import Actor
from citydesk.services import tickets
from citydesk.store.detail import TicketDetail, ticket_detail
from citydesk.ui.app import CitydeskApp, signed_in_as
from citydesk.ui.detail import TicketDetailPane

if TYPE_CHECKING:
    from citydesk.ui.shell import MainWindow
from factories import Office

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)


def sign_in(hub: CitydeskApp, actor: Actor) -> None:
    """Sign `actor` in on the hub (as the sign-in dialog would)."""
    hub.sign_in(signed_in_as(hub.db, actor.user_id))


def open_main_window(
    qtbot: Any, hub: CitydeskApp, actor: Actor, *, fresh_settings: bool = True
) -> MainWindow:
    """Sign `actor` in and show the main window, past its first page and active (so shortcuts work).
    `fresh_settings` forgets what earlier windows remembered (layout, queues, toggles)."""
    from PySide6.QtCore import QSettings

    from citydesk.ui.shell import MainWindow

    sign_in(hub, actor)
    if fresh_settings:
        QSettings().clear()
    win = MainWindow(hub)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready, timeout=10_000):
        win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def new_ticket(office: Office, title: str = "Pothole on Elm Street", **extra: Any) -> tickets.TicketCreated:
    """A ticket logged by the clerk for Jane Roe."""
    fields: dict[str, Any] = {
        "title": title,
        "channel": "phone",
        "category_id": office.pothole,
        "requester_id": office.citizen,
        "location": "12 Elm Street",
        "description": "A deep hole by the school crossing.",
    }
    fields.update(extra)
    return tickets.create_ticket(office.db, actor=office.clerk, **fields)


def unnamed_interactive(root: QWidget) -> list[str]:
    """Visible interactive widgets under `root` without an accessible name (inner parts of a spin box or
    combo box are skipped: they belong to the named outer widget)."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            continue
        if not widget.accessibleName().strip():
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} {getattr(widget, 'text', lambda: '')()!r}"
            )
    return missing


# ---- helpers ----------------------------------------------------------------------------------


def stored(office: Office, ticket_id: str) -> TicketDetail:
    """The ticket as the store reads it now."""
    with office.db.read() as session:
        found = ticket_detail(session, ticket_id)
    assert found is not None
    return found


def show(qtbot: Any, pane: TicketDetailPane, ticket_id: str) -> None:
    """Show a ticket and wait until it is loaded."""
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        pane.set_ticket(ticket_id)


def shortcut(qtbot: Any, pane: TicketDetailPane, key: Qt.Key, modifiers: Any = CTRL) -> None:
    """Press a window shortcut on whatever has focus in the pane's window."""
    qtbot.waitUntil(pane.isActiveWindow)
    target = QApplication.focusWidget() or pane
    qtbot.keyClick(target, key, modifiers)


def open_by_key(qtbot: Any, pane: TicketDetailPane, key: Qt.Key, modifiers: Any, kind: type) -> Any:
    """Press an action's shortcut and return its dialog once it is active."""
    shortcut(qtbot, pane, key, modifiers)
    qtbot.waitUntil(lambda: isinstance(pane.active_dialog, kind))
    dialog = pane.active_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def focused() -> QWidget:
    """The widget with keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot: Any, text: str) -> None:
    """Type into the focused widget."""
    qtbot.keyClicks(focused(), text)


def press(qtbot: Any, key: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key on the focused widget."""
    qtbot.keyClick(focused(), key, modifiers)


def submit_and_wait(qtbot: Any, pane: TicketDetailPane, dialog: Any, timeline_text: str) -> None:
    """Ctrl+Enter in the dialog; wait until it closed and the timeline shows `timeline_text`."""
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any(timeline_text in text for text in pane.timeline.texts()), timeout=5000)
    qtbot.waitUntil(lambda: pane.active_dialog is None)


def timeline_has(pane: TicketDetailPane, *parts: str) -> bool:
    """True if one timeline entry contains every part."""
    return any(all(p in text for p in parts) for text in pane.timeline.texts())
