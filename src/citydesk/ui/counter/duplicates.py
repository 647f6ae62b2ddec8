"""Is it already reported? The open tickets that may be the same problem, listed beside the form.

Filled in the background while the clerk types (same category near the same place, or the same
requester's open tickets). Enter on a candidate, or Ctrl+D anywhere in the form, asks to add this
caller as another reporter of it instead of logging a new request.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from citydesk.store.intake import DuplicateCandidate
from citydesk.ui.detail.view import reporters_count_text
from citydesk.ui.words import status_label

REASONS = {
    "same address": QT_TRANSLATE_NOOP("DuplicateList", "Same address"),
    "same block": QT_TRANSLATE_NOOP("DuplicateList", "Same block"),
    "same requester": QT_TRANSLATE_NOOP("DuplicateList", "Same requester"),
}


def reason_text(reason: str) -> str:
    """Why a candidate is offered, in the UI's language: "Same address", "Within 25 m"."""
    if reason in REASONS:
        return QCoreApplication.translate("DuplicateList", REASONS[reason])
    within = re.fullmatch(r"within (\d+) m", reason)
    if within:
        return QCoreApplication.translate("DuplicateList", "Within {0} m").format(within.group(1))
    return reason.capitalize()


def candidate_text(c: DuplicateCandidate) -> str:
    """Two lines: number, status, title; why it is offered, where, and how many reported it."""
    where = f" · {c.location_text}" if c.location_text else ""
    reporters = reporters_count_text(c.reporter_count) if c.reporter_count else ""
    return (
        f"{c.number} · {status_label(c.status)} · {c.title}\n"
        f"{reason_text(c.reason)}{where} · {c.category_name or ''} · {reporters}".replace(" ·  · ", " · ")
    )


class DuplicateList(QWidget):
    """The candidates, with a heading that says how many there are."""

    add_requested = Signal(object)  # DuplicateCandidate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("<b>Is it already reported?</b>"))
        self.hint = QLabel()  # two short lines: a wrapped label is squeezed by the list below it
        self.hint.setAccessibleName(self.tr("Already reported: summary"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Possible duplicates"))
        self.list.setAccessibleDescription(
            self.tr("Open tickets that may be the same problem. Enter or Ctrl+D adds this caller to one.")
        )
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(
            lambda item: self.add_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addWidget(self.hint)
        box.addWidget(self.list, 1)
        self.set_candidates([])

    def set_candidates(self, candidates: list[DuplicateCandidate]) -> None:
        """List `candidates` (the first is highlighted, so Ctrl+D takes it)."""
        self.list.clear()
        for c in candidates:
            item = QListWidgetItem(candidate_text(c))
            item.setData(Qt.ItemDataRole.UserRole, c)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, candidate_text(c).replace("\n", ". "))
            self.list.addItem(item)
        if candidates:
            self.list.setCurrentRow(0)
            self.hint.setText(
                self.tr(
                    "{0} open tickets may be the same problem.\nCtrl+D adds this caller to the highlighted."
                ).format(len(candidates))
                if len(candidates) != 1
                else self.tr("1 open ticket may be the same problem.\nCtrl+D adds this caller to it.")
            )
        else:
            self.hint.setText(
                self.tr("No open ticket of this category near this place,\nnor of this requester.")
            )

    def candidates(self) -> list[DuplicateCandidate]:
        """The candidates listed now."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def current(self) -> DuplicateCandidate | None:
        """The highlighted candidate (the first unless the clerk moved)."""
        item = self.list.currentItem() or self.list.item(0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
