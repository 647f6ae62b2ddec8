"""The Counter menu's actions for status questions (Ctrl+I), questions answered on the spot (Alt+Q)
and, for admins, the receipt texts; each opens its dialog over the main window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from citydesk.domain.permissions import Action, allowed
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import SignedIn


class CounterActions(QObject):
    """Counter actions with window-wide shortcuts; `active_dialog` is the dialog open now (or None)."""

    def __init__(self, hub: CitydeskApp, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.hub = hub
        self.window = window
        self.active_dialog: QDialog | None = None
        self.status_question = self._make(menu, self.tr("&Status question…"), "Ctrl+I", self._status)
        self.question = self._make(menu, self.tr("&Question answered on the spot…"), "Alt+Q", self._question)
        menu.addSeparator()
        self.receipt_texts = self._make(menu, self.tr("&Receipt texts…"), None, self._receipt_texts)
        hub.signed_in.connect(self._on_signed_in)
        self._on_signed_in(hub.user)

    def _make(self, menu: QMenu, text: str, keys: str | None, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName("counter_" + text.strip("&…").split()[0].lower().strip("&"))
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        menu.addAction(action)
        return action

    def _on_signed_in(self, who: SignedIn | None) -> None:
        role = who.actor.role if who else None
        for action in (self.status_question, self.question):
            action.setEnabled(role is not None and allowed(role, Action.LOG_CONTACT))
        admin = role is not None and allowed(role, Action.MANAGE_REFERENCE)
        self.receipt_texts.setVisible(admin)
        self.receipt_texts.setEnabled(admin)

    def _open(self, factory: Callable[..., QDialog]) -> QDialog | None:
        if self.active_dialog is not None or self.hub.user is None:
            return None
        dialog = factory(self.hub, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        if self.window.isVisible():  # give the keyboard back to the main window (not every platform does)
            self.window.activateWindow()

    def _status(self) -> None:
        from citydesk.ui.counter.status import StatusQuestionDialog

        self._open(StatusQuestionDialog)

    def _question(self) -> None:
        from citydesk.ui.counter.question import QuestionDialog

        self._open(QuestionDialog)

    def _receipt_texts(self) -> None:
        from citydesk.ui.counter.receipt_texts import ReceiptTextsDialog

        self._open(ReceiptTextsDialog)
