"""The Resolve dialog's view of the ticket typed as "duplicate of": what it is, whether its category or
department differ, and — when it is itself closed as a duplicate — the chain and its open end."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from citydesk.store.detail import TicketDetail
from citydesk.store.duplicate_chain import DuplicateTarget, TicketBrief, duplicate_target
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail.view import status_text

LOOKUP_DELAY_MS = 150
"""Typing pause before the number is looked up."""


def tr(text: str) -> str:
    """Translate `text` in the duplicate view's context."""
    return QCoreApplication.translate("DuplicateInfo", text)


def _brief(ticket: TicketBrief) -> str:
    parts = [ticket.number, ticket.title, ticket.category_name or tr("no category"),
             status_text(ticket.status), ticket.department_name or tr("no department")]  # fmt: skip
    return " · ".join(parts)


def describe(target: DuplicateTarget, resolving: TicketDetail) -> list[str]:
    """Plain-text lines about the typed ticket: itself, warnings, the chain (empty when not found)."""
    ticket = target.target
    if ticket is None:
        return []
    lines = [tr("Duplicate of: {0}").format(_brief(ticket))]
    if len(target.found) > 1:
        many = tr("Warning: {0} tickets carry this number; this is the oldest.")
        lines.append(many.format(len(target.found)))
    if ticket.category_id != resolving.category_id:
        lines.append(tr("Warning: a different category ({0}, this one: {1}).").format(
            ticket.category_name or tr("none"), resolving.category_name or tr("none")))  # fmt: skip
    if ticket.department_id != resolving.department_id:
        lines.append(tr("Warning: a different department ({0}, this one: {1}).").format(
            ticket.department_name or tr("none"), resolving.department_name or tr("none")))  # fmt: skip
    if target.loops:
        numbers = " → ".join(t.number for t in target.chain)
        lines.append(tr("Warning: {0} is closed as a duplicate in a loop ({1} → back again); "
                        "pick the ticket that is really being worked on.").format(ticket.number, numbers))
    elif target.end is not None:
        lines.append(tr("{0} is itself closed as a duplicate: {1}.").format(
            ticket.number, " → ".join(t.number for t in target.chain)))  # fmt: skip
        lines.append(tr("End of the chain: {0}").format(_brief(target.end)))
    return lines


class DuplicateInfo(QWidget):
    """Looks up a typed number (after a short pause) and shows what it names; offers a chain's end."""

    shown = Signal()
    """Emitted whenever a lookup's answer is on screen."""
    end_chosen = Signal(str)
    """The user chose the end of the chain instead (its number)."""

    def __init__(self, hub: CitydeskApp, resolving: TicketDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.resolving = resolving
        self.target: DuplicateTarget | None = None
        self._typed = ""
        self._seq = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        # Not in the Tab chain (it appears while typing); the dialog reads it out as the number
        # field's accessible description instead.
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(tr("The other ticket"))
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.use_end = QPushButton()
        self.use_end.setAutoDefault(False)
        self.use_end.clicked.connect(self._use_end)
        row.addWidget(self.use_end)
        row.addStretch(1)
        layout.addLayout(row)
        self.use_end.setVisible(False)
        self.text.setVisible(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self._lookup)

    def schedule(self, typed: str) -> None:
        """Look `typed` up after a short pause (restarted by every key)."""
        self._typed = typed
        self._timer.start()

    def _lookup(self) -> None:
        typed = self._typed
        self._seq += 1
        seq = self._seq
        if not typed.strip():
            self._show(seq, DuplicateTarget(found=(), chain=(), loops=False))
            return
        resolving_id = self.resolving.id
        self.hub.query(
            lambda s: duplicate_target(s, typed, resolving_id=resolving_id),
            lambda target: isValid(self) and self._show(seq, target),
        )

    def _show(self, seq: int, target: DuplicateTarget) -> None:
        if seq != self._seq:
            return
        self.target = target
        lines = describe(target, self.resolving)
        if not lines and self._typed.strip():
            lines = [tr("No ticket numbered {0} yet.").format(self._typed.strip())]
        self.text.setText("\n".join(lines))
        self.text.setAccessibleDescription(" ".join(lines))
        self.text.setVisible(bool(lines))
        end = target.end
        if end is not None:
            self.use_end.setText(tr("&Use {0} instead").format(end.number))
            self.use_end.setAccessibleName(tr("Use {0} instead").format(end.number))
        self.use_end.setVisible(end is not None)
        self.shown.emit()

    def _use_end(self) -> None:
        end = self.target.end if self.target is not None else None
        if end is not None:
            self.end_chosen.emit(end.number)
