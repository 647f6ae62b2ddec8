"""Merge into…: pick the surviving requester, read what will happen, confirm (supervisors and admins).

The summary says exactly what the merge does ("3 tickets of Jane R. move to Jane Roe; Jane R. is kept
as merged") before anything is written; `merge_requesters` then re-points the tickets' reporters,
writes a timeline entry on each, and keeps the duplicate's row with `merged_into` set.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain.errors import ValidationError
from citydesk.services.requesters import RequestersMerged, merge_requesters
from citydesk.store.detail import Choice, find_requesters
from citydesk.store.requesters_view import RequesterDetail, merge_preview
from citydesk.ui.app import CitydeskApp
from citydesk.ui.forms import Form, line_field, submit_buttons
from citydesk.ui.requesters.models import tr

SEARCH_DELAY_MS = 60


def merge_summary(moving: int, source: str, target: str) -> str:
    """The plain-words confirmation of a merge."""
    if moving == 1:
        text = tr("1 ticket of {0} moves to {1}; {0} is kept as merged.")
    else:
        text = tr("{2} tickets of {0} move to {1}; {0} is kept as merged.")
    return text.format(source, target, f"{moving:,}")


class MergeDialog(QDialog):
    """Choose the requester that survives and merge the shown one into it."""

    merged = Signal(object)  # RequestersMerged

    def __init__(self, hub: CitydeskApp, source: RequesterDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.source = source
        self.target: Choice | None = None
        self.summary_text = ""
        self.preview: tuple[int, str, str] = (0, source.label, "")
        self.busy = False
        self.closed = False
        self._generation = 0
        self.setWindowTitle(tr("Merge {0} into…").format(source.label))
        self.setAccessibleName(tr("Merge requesters"))
        self.setMinimumWidth(560)
        self.resize(600, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr("{0} is a duplicate. Find the record to keep: their tickets move to it.").format(source.label)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = Form(self)
        self.search = line_field(tr("Find the requester to keep"), placeholder=tr("Name, phone or e-mail"))
        self.form.add_row("search", tr("&Find:"), self.search)
        self.results = QListWidget()
        self.results.setAccessibleName(tr("Requesters to keep"))
        self.results.setMinimumHeight(140)
        self.form.add_row(("target", "source"), tr("&Keep:"), self.results)
        layout.addLayout(self.form.layout)
        self.summary = QLabel(tr("Choose the requester to keep."))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(tr("What the merge does"))
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 3)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        layout.addWidget(self.form.general)
        self.buttons = submit_buttons(self, tr("&Merge"), self.submit, tooltip=tr("Ctrl+Enter"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.search, self.results)
        QWidget.setTabOrder(self.results, self.ok_button)
        QWidget.setTabOrder(self.ok_button, self.cancel_button)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self._find)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._to_results)
        self.results.currentItemChanged.connect(self._chosen)
        self.results.itemActivated.connect(lambda _item: self.ok_button.setFocus())
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- finding the survivor --------------------------------------------------------------------

    def _find(self) -> None:
        typed = self.search.text()
        self._generation += 1
        generation = self._generation
        source_id = self.source.id
        self.hub.query(
            lambda s: [c for c in find_requesters(s, typed, limit=21) if c.id != source_id][:20],
            lambda found: self._found(generation, found),
        )

    def _found(self, generation: int, found: list[Choice]) -> None:
        if generation != self._generation or self.closed:
            return
        self.results.clear()
        for choice in found:
            text = f"{choice.label} — {choice.extra}" if choice.extra else choice.label
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.results.addItem(item)
        if not found:
            self._set_target(None)
            self.summary.setText(tr("Nobody else matches “{0}”.").format(self.search.text().strip()))

    def _to_results(self) -> None:
        self._find()
        self.results.setFocus()

    def _chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        choice = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._set_target(choice)
        if choice is None:
            return
        source_id, target_id = self.source.id, choice.id
        self.hub.query(lambda s: merge_preview(s, source_id, target_id), lambda p: self._previewed(choice, p))

    def _set_target(self, choice: Choice | None) -> None:
        self.target = choice
        self.summary_text = ""
        self.ok_button.setEnabled(False)
        if choice is not None:
            self.summary.setText(tr("Counting the tickets that move…"))

    def _previewed(self, choice: Choice, preview: tuple[int, str, str]) -> None:
        if self.closed or self.target is None or self.target.id != choice.id:
            return  # another choice since, or closed
        self.preview = preview
        self.summary_text = merge_summary(*preview)
        self.summary.setText(self.summary_text)
        self.summary.setAccessibleDescription(self.summary_text)
        self.ok_button.setEnabled(not self.busy)

    # ---- merging ---------------------------------------------------------------------------------

    def submit(self) -> None:
        """Merge into the chosen requester (only once its summary is shown)."""
        if self.busy or self.target is None or not self.summary_text:
            if self.target is None and not self.busy:
                self.form.show_error(ValidationError("target", tr("Choose the requester to keep.")))
            return
        self.form.clear_errors()
        self.busy = True
        self.ok_button.setEnabled(False)
        try:
            self.hub.mutate(
                merge_requesters,
                on_done=self._merged,
                on_error=self._failed,
                source_id=self.source.id,
                target_id=self.target.id,
            )
        except Exception as exc:  # nobody signed in, runner shut down: say so
            self._failed(exc)

    def _merged(self, result: RequestersMerged) -> None:
        self.busy = False
        _moving, source, target = self.preview
        self.hub.announce.emit(
            tr("Merged {0} into {1}; tickets moved: {2}").format(
                source, target, f"{len(result.ticket_ids):,}"
            )
        )
        self.hub.data_changed.emit()
        self.merged.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ok_button.setEnabled(self.target is not None)
        self.form.show_error(exc)

    def reject(self) -> None:
        """Cancel, unless the merge is being written (it finishes in moments)."""
        if not self.busy:
            super().reject()

    def done(self, result: int) -> None:
        """Close; searches and counts still under way are ignored when they come back."""
        self._timer.stop()
        self._generation += 1
        self.closed = True
        super().done(result)
