"""Quitting with sync in mind: with changes not yet sent and the server reachable, say how many and offer
"Sync and quit" / "Quit" / "Cancel"; quitting during a sync cancels it at its next page and never waits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from citydesk.ui.sync.controller import sync_controller


class QuitGuard(QObject):
    """Decides whether a main window may close now (see the module docstring)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.hub = window.hub
        self.confirmed = False  # the person chose: the next close goes through
        self.box: QMessageBox | None = None

    def allow_close(self) -> bool:
        """True to close now; False when the question is shown (the window stays until it is answered)."""
        controller = sync_controller(self.hub)
        if controller.running:
            controller.cancel()  # the worker stops at its next page; the window does not wait
            return True
        status = self.hub.sync_state
        if self.confirmed or not (status.connected and status.online and status.pending > 0):
            controller.stop()
            return True
        if self.box is None:
            self.ask(status.pending)
        return False

    def ask(self, pending: int) -> QMessageBox:
        """Show the question (window-modal, not blocking)."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quit citydesk"))
        box.setText(
            self.tr("1 change made on this PC has not been sent to the city's server yet.")
            if pending == 1
            else self.tr("{0} changes made on this PC have not been sent to the city's server yet.").format(
                f"{pending:,}"
            )
        )
        box.setInformativeText(
            self.tr("They are kept safely on this PC and are sent the next time citydesk syncs.")
        )
        self.sync_button = box.addButton(self.tr("&Sync and quit"), QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = box.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        for button in (self.sync_button, self.quit_button, self.cancel_button):
            button.setAccessibleName(button.text().replace("&", ""))
        box.setDefaultButton(self.sync_button)
        box.setEscapeButton(self.cancel_button)
        box.setAccessibleName(box.windowTitle())
        box.finished.connect(lambda _r: self._answered(box.clickedButton()))
        self.box = box
        box.open()
        return box

    def _answered(self, choice: QAbstractButton | None) -> None:
        box, self.box = self.box, None
        if box is not None:
            box.deleteLater()
        if choice is self.sync_button:
            self.hub.announce.emit(self.tr("Sending your changes, then citydesk closes…"))
            sync_controller(self.hub).sync_now(manual=True, then=self.quit)
        elif choice is self.quit_button:
            self.quit()

    def quit(self) -> None:
        """Close the window without asking again."""
        self.confirmed = True
        self.window.close()
