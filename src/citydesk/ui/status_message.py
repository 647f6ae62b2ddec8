"""The main window's status message: one line that never contradicts itself.

A success ("Note added to …") clears itself after `SUCCESS_CLEAR_MS`; an error replaces whatever was
shown and stays until the next message. Every message is carried in the label's accessible *name* (a
screen reader announces a name change; a fixed name with a changing description says nothing) and
raised as an accessibility alert.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QPalette
from PySide6.QtWidgets import QLabel

from citydesk.ui.error_words import error_text
from citydesk.ui.forms import error_colour

SUCCESS_CLEAR_MS = 10_000
"""How long a success message stays."""


class MessageKind(StrEnum):
    """What a status message reports."""

    SUCCESS = "success"
    ERROR = "error"


def tr(text: str) -> str:
    """Translate `text` in the status message's context."""
    return QCoreApplication.translate("StatusMessage", text)


def announce_to_assistive_tech(widget: QLabel, text: str) -> None:
    """Put `text` in the widget's accessible name and raise a name change and an alert for it."""
    widget.setAccessibleName(text or tr("Status message"))
    widget.setAccessibleDescription(text)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
    if text:
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


class StatusMessage(QObject):
    """Drives a QLabel as the window's status message."""

    def __init__(self, label: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.kind: MessageKind | None = None
        self.clear_after_ms = SUCCESS_CLEAR_MS
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self._plain_palette = QPalette(label.palette())
        self._plain_font = label.font()
        announce_to_assistive_tech(label, "")

    @property
    def clears_itself(self) -> bool:
        """True while the shown message is waiting to clear itself (a success)."""
        return self._timer.isActive()

    def success(self, text: str) -> None:
        """Show a success message; it clears itself after a while."""
        self._show(text, MessageKind.SUCCESS)
        self._timer.start(self.clear_after_ms)

    def error(self, text: str) -> None:
        """Show an error in place of anything shown; it stays until the next message."""
        self._timer.stop()
        self._show(text, MessageKind.ERROR)

    def clear(self) -> None:
        """Empty the line."""
        self._timer.stop()
        self.kind = None
        self._restyle(error=False)
        self.label.clear()
        self.label.setToolTip("")
        announce_to_assistive_tech(self.label, "")

    def _show(self, text: str, kind: MessageKind) -> None:
        self.kind = kind
        self._restyle(error=kind is MessageKind.ERROR)
        # a warning sign and the word, so colour is never the only cue
        shown = tr("⚠ Error: {0}").format(error_text(text)) if kind is MessageKind.ERROR else text
        self.label.setText(shown)
        self.label.setToolTip(shown)
        announce_to_assistive_tech(self.label, shown)

    def _restyle(self, *, error: bool) -> None:
        palette = QPalette(self._plain_palette)
        font = self.label.font()
        font.setBold(error or self._plain_font.bold())
        if error:
            palette.setColor(QPalette.ColorRole.WindowText, error_colour(palette))
        self.label.setPalette(palette)
        self.label.setFont(font)
