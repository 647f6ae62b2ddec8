"""The banner above a ticket with an open conflict: what two offices changed at once, and "Settle…".

Words first (a warning sign and the sentence); the tint only repeats them. It reads the hub's conflict
tracker, so it appears and goes as conflicts arrive by sync or are settled.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from citydesk.services.conflicts import Conflict
from citydesk.ui.conflicts.tracker import Names
from citydesk.ui.detail.view import tr

BANNER_STYLE = "QFrame#conflictBanner { background-color: #fff3cd; border: 1px solid #8a6d00; }"
TEXT_STYLE = "color: #3d2f00;"  # dark on pale amber: contrast well above 7:1


class ConflictBanner(QFrame):
    """Shown while the ticket has an open conflict; `settle` asks to choose the value to keep."""

    settle = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        self.setStyleSheet(BANNER_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet(TEXT_STYLE)
        layout.addWidget(self.label, 1)
        self.button = QPushButton(tr("Settle…"))
        self.button.setAccessibleName(tr("Settle the conflict, choose the value to keep"))
        self.button.clicked.connect(self.settle)
        layout.addWidget(self.button)
        self.conflicts: tuple[Conflict, ...] = ()
        self.setVisible(False)

    def show_conflicts(self, conflicts: tuple[Conflict, ...], names: Names) -> None:
        """Show these conflicts of the ticket (hidden when there are none)."""
        self.conflicts = conflicts
        if not conflicts:
            self.label.clear()
            self.setVisible(False)
            return
        from citydesk.ui.conflicts.words import conflict_summary  # it reads the pane's wording helpers

        lines = [conflict_summary(c, names) for c in conflicts]
        text = "⚠ " + tr("Conflict") + ": " + "; ".join(lines) + ". " + tr("Choose the value to keep.")
        self.label.setText(text)
        self.setAccessibleName(tr("Conflict"))
        self.label.setAccessibleName(text)
        self.setVisible(True)
