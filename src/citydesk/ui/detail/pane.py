"""The ticket detail pane: header, timeline, note composer and the ticket actions.

The main window creates `TicketDetailPane(hub, parent)`, calls `set_ticket(id)` when the selection
changes and `set_highlight(terms)` when the search changes, and puts `ticket_actions()` in its menus
and toolbar. All loading happens off the GUI thread through `hub.query`; every change goes through
`hub.mutate`, whose `ticket_changed` signal makes the pane reload the ticket it shows. Unsaved note
text is kept per ticket in memory, so switching tickets (or a failed save) never loses it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from citydesk.services import tickets
from citydesk.ui.app import CitydeskApp
from citydesk.ui.conflicts.tracker import tracker_for
from citydesk.ui.detail.actions import State, TicketActions
from citydesk.ui.detail.conflict_banner import ConflictBanner
from citydesk.ui.detail.header import TicketHeader
from citydesk.ui.detail.timeline import TimelineView, build_rows
from citydesk.ui.detail.view import DetailView, load_view
from citydesk.ui.events import SignedIn, TicketChanged, TicketsPulled
from citydesk.ui.flow import FlowLayout
from citydesk.ui.forms import Form, plain_text_field, set_error_text, style_error_label
from citydesk.ui.tasks import readable
from citydesk.ui.text_size import LARGE, text_scale


class TicketDetailPane(QWidget):
    """One ticket in full: facts, timeline, a note composer, and every action the role allows."""

    loaded = Signal(str)  # the id of the ticket now shown (after every load or refresh)

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.ticket_id: str | None = None
        self.view: DetailView | None = None
        self.terms: tuple[str, ...] = ()
        self.active_dialog: Any = None
        self._drafts: dict[str, tuple[str, bool]] = {}
        self._load_seq = 0
        self._saving_note = False
        self._user_id = hub.user.actor.user_id if hub.user else None
        self.setAccessibleName(self.tr("Ticket details"))
        self._build()
        self.actions_ = TicketActions(self)
        for action in self.actions_.all():
            if action is self.actions_.add_note:
                self.composer.addAction(action)
            else:
                self.addAction(action)
        self.timeline.addAction(self.actions_.redact)
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.timeline.selectionModel().selectionChanged.connect(self._update_actions)
        hub.ticket_changed.connect(self._on_ticket_changed)
        hub.data_changed.connect(self.refresh)
        hub.tickets_pulled.connect(self._on_pulled)
        hub.signed_in.connect(self._on_signed_in)
        self.conflicts = tracker_for(hub)
        self.conflicts.changed.connect(self._show_conflicts)
        self.conflict_banner.settle.connect(self.settle_conflict)
        self._update_actions()

    # ---- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.placeholder = QLabel(self.tr("Choose a ticket to see its details."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.conflict_banner = ConflictBanner()
        column.addWidget(self.conflict_banner)
        self.header = TicketHeader()
        self.header_scroll = QScrollArea()
        self.header_scroll.setWidgetResizable(True)
        self.header_scroll.setWidget(self.header)
        self.header_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.header_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.timeline = TimelineView()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.header_scroll)
        self.splitter.addWidget(self.timeline)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self._splitter_moved = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_splitter_moved", True))
        column.addWidget(self.splitter, 1)
        column.addWidget(self._build_composer())
        self.message = QLabel()
        style_error_label(self.message)
        column.addWidget(self.message)
        self.stack.addWidget(page)
        chain = self.focus_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_chain(self) -> list[QWidget]:
        """The pane's controls in visual order: the conflict banner's Settle… (when shown), the facts,
        the timeline, the note and its buttons."""
        return [self.conflict_banner.button, *self.header.focus_chain(), self.timeline, self.composer,
                self.internal_radio, self.public_radio, self.add_note_button]  # fmt: skip

    def _build_composer(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 4, 8, 4)
        self.note_form = Form(box)
        self.composer = plain_text_field(
            self.tr("New note"), placeholder=self.tr("Write a note… (Ctrl+Enter adds it)"), lines=3
        )
        self.composer.setAccessibleDescription(
            self.tr("Ctrl+Enter adds the note. Choose Internal or Public below.")
        )
        lines = 3 if text_scale(self) >= LARGE else 5  # with large text the ticket list needs the room
        self.composer.setMaximumHeight(self.composer.fontMetrics().lineSpacing() * lines + 12)
        self.note_form.add_row(("body", "note"), self.tr("&Note:"), self.composer)
        layout.addLayout(self.note_form.layout)
        row = FlowLayout()  # wraps in a narrow pane (or with large text) instead of widening it
        self.internal_radio = QRadioButton(self.tr("Internal (staff only)"))
        self.internal_radio.setAccessibleName(self.tr("Internal note, staff only"))
        self.public_radio = QRadioButton(self.tr("Public (the requester may be told)"))
        self.public_radio.setAccessibleName(self.tr("Public note, the requester may be told"))
        self.visibility = QButtonGroup(box)
        self.visibility.addButton(self.internal_radio)
        self.visibility.addButton(self.public_radio)
        self.internal_radio.setChecked(True)
        self.add_note_button = QPushButton(self.tr("Add note"))
        self.add_note_button.setAccessibleName(self.tr("Add note"))
        self.add_note_button.setToolTip(self.tr("Ctrl+Enter"))
        self.add_note_button.clicked.connect(self.submit_note)
        row.addWidget(self.internal_radio)
        row.addWidget(self.public_radio)
        row.addWidget(self.add_note_button)
        layout.addLayout(row)
        layout.addWidget(self.note_form.general)
        return box

    # ---- the main window's API -----------------------------------------------------------------

    def ticket_actions(self) -> list[QAction]:
        """The actions for the main window's menu and toolbar (with their shortcuts)."""
        return self.actions_.all()

    def set_ticket(self, ticket_id: str | None) -> None:
        """Show `ticket_id` (None: nothing); the unsaved note of the previous ticket is kept for later."""
        if ticket_id == self.ticket_id:
            self.refresh()
            return
        self._stash_draft()
        self.ticket_id = ticket_id
        self.view = None
        set_error_text(self.message, "")
        self.note_form.clear_errors()
        text, public = self._drafts.get(ticket_id, ("", False)) if ticket_id else ("", False)
        self.composer.setPlainText(text)
        (self.public_radio if public else self.internal_radio).setChecked(True)
        if ticket_id is None:
            self.stack.setCurrentIndex(0)
            self.timeline.clear_entries()
            self.header.clear()
        self._show_conflicts()
        self._update_actions()
        self.refresh()

    def set_highlight(self, terms: tuple[str, ...]) -> None:
        """Mark these search terms in the header and the timeline."""
        self.terms = tuple(t for t in terms if t)
        if self.view is not None:
            self.header.show_view(self.view, self.terms)
        self.timeline.set_terms(self.terms)

    def refresh(self) -> None:
        """Load the shown ticket again (off the GUI thread)."""
        if self.ticket_id is None:
            return
        self._load_seq += 1
        seq, ticket_id, clock = self._load_seq, self.ticket_id, self.hub.db.clock
        self.hub.query(
            lambda session: load_view(session, ticket_id, clock.now()),
            lambda view: isValid(self) and self._loaded(seq, ticket_id, view),
            lambda exc: isValid(self) and self._load_failed(seq, exc),
        )

    # ---- loading -------------------------------------------------------------------------------

    def _loaded(self, seq: int, ticket_id: str, view: DetailView | None) -> None:
        if seq != self._load_seq or ticket_id != self.ticket_id:
            return  # a later request supersedes this one
        if view is None:
            self.view = None
            self.stack.setCurrentIndex(0)
            self.placeholder.setText(self.tr("That ticket is not in this database."))
            self._update_actions()
            return
        self.view = view
        self.stack.setCurrentIndex(1)
        self.header.show_view(view, self.terms)
        self._fit_header()
        self.timeline.set_entries(ticket_id, build_rows(view), self.terms)
        self._update_actions()
        self.loaded.emit(ticket_id)

    def _fit_header(self) -> None:
        """Give the header the height it needs (at most half the pane) until the user drags the bar."""
        total = sum(self.splitter.sizes())
        if self._splitter_moved or total <= 0:
            return
        width = self.header_scroll.viewport().width()
        wanted = self.header.heightForWidth(width) if self.header.hasHeightForWidth() else -1
        wanted = (wanted if wanted > 0 else self.header.sizeHint().height()) + 4
        top = min(wanted, total // 2)
        self.splitter.setSizes([top, total - top])

    def _load_failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._load_seq:
            self.show_error(exc)

    def show_error(self, exc: BaseException) -> None:
        """Show a readable message under the pane, and in the window's status line (where it replaces
        an earlier success, so the two never contradict each other)."""
        set_error_text(self.message, readable(exc))
        self.hub.error.emit(readable(exc))

    # ---- notes ---------------------------------------------------------------------------------

    def _stash_draft(self) -> None:
        if self.ticket_id is None:
            return
        text = self.composer.toPlainText()
        if text.strip():
            self._drafts[self.ticket_id] = (text, self.public_radio.isChecked())
        else:
            self._drafts.pop(self.ticket_id, None)

    def focus_composer(self) -> None:
        """Put the cursor in the note composer (Ctrl+Shift+N)."""
        if self.ticket_id is not None:
            self.composer.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def submit_note(self) -> None:
        """Add the composer's text as a note (Ctrl+Enter); the text stays until it is saved."""
        if self.ticket_id is None or self._saving_note:
            return
        ticket_id, text, public = self.ticket_id, self.composer.toPlainText(), self.public_radio.isChecked()
        self.note_form.clear_errors()
        self._set_note_busy(True)

        def done(result: Any) -> None:
            self._set_note_busy(False)
            if self.ticket_id == ticket_id and self.composer.toPlainText() == text:
                self.composer.clear()
            if self._drafts.get(ticket_id, ("",))[0] == text:
                del self._drafts[ticket_id]
            kind = self.tr("Public note added to {0}") if public else self.tr("Internal note added to {0}")
            self.hub.announce.emit(kind.format(result.number))

        def failed(exc: BaseException) -> None:
            self._set_note_busy(False)
            if self.ticket_id == ticket_id:
                self.note_form.show_error(exc)
            self.hub.error.emit(readable(exc))  # also replaces an earlier success in the status line

        self._mutate(tickets.add_note, done, failed, ticket_id=ticket_id, body=text, public=public)

    def _set_note_busy(self, busy: bool) -> None:
        self._saving_note = busy
        self.composer.setReadOnly(busy)
        self.add_note_button.setEnabled(not busy)

    # ---- actions -------------------------------------------------------------------------------

    def _mutate(
        self,
        service: Callable[..., Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        **kwargs: Any,
    ) -> None:
        try:
            self.hub.mutate(service, on_done=done, on_error=failed, **kwargs)
        except Exception as exc:  # nobody signed in, or the app is closing
            failed(exc)

    def take(self) -> None:
        """Assign the ticket to the signed-in user (Ctrl+T); asks first when someone else has it."""
        view = self.view
        if view is None or self.active_dialog is not None:
            return
        set_error_text(self.message, "")
        holder = view.detail.assignee_name if view.detail.assignee_id else None
        if holder is None:
            self._take(view.detail.id, None)
            return
        question = self.tr("{0} is assigned to {1}. Take it from {1}?").format(view.detail.number, holder)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Take it"), question, parent=self)
        box.setAccessibleName(self.tr("Take it"))
        take = box.addButton(self.tr("&Take it"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(take)  # Enter (or Alt+T) confirms; Esc keeps it with its holder
        ticket_id = view.detail.id
        box.finished.connect(
            lambda _code: self._take_answered(box, box.clickedButton() is take, ticket_id, holder)
        )
        self.active_dialog = box
        box.open()

    def _take_answered(self, box: QMessageBox, confirmed: bool, ticket_id: str, holder: str) -> None:
        self._dialog_closed(box)
        if confirmed:
            self._take(ticket_id, holder)

    def _take(self, ticket_id: str, holder: str | None) -> None:
        def done(result: Any) -> None:
            if holder is None:
                text = self.tr("{0} is now assigned to you").format(result.number)
            else:
                text = self.tr("{0} taken from {1}; it is now assigned to you").format(result.number, holder)
            self.hub.announce.emit(text)

        self._mutate(tickets.take, done, self.show_error, ticket_id=ticket_id)

    def open_dialog(self, factory: Callable[..., Any], *args: Any) -> Any:
        """Open an action's dialog for the shown ticket (window-modal; the pane keeps a reference)."""
        if self.view is None or self.active_dialog is not None:
            return None
        set_error_text(self.message, "")
        dialog = factory(self.hub, self.view, *args, parent=self)
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: Any) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()
        if self.isVisible():  # give the keyboard back to the pane's window (not every platform does)
            self.window().activateWindow()

    def redact_selected(self) -> None:
        """Redact the note selected in the timeline (supervisor)."""
        from citydesk.ui.detail.workflow_dialogs import RedactDialog

        entry = self.timeline.selected_entry()
        if entry is not None and entry.redactable:
            self.open_dialog(RedactDialog, entry)

    # ---- hub signals ---------------------------------------------------------------------------

    def _on_ticket_changed(self, change: TicketChanged) -> None:
        if change.ticket_id == self.ticket_id:
            self.refresh()

    def _on_pulled(self, pulled: TicketsPulled) -> None:
        """A sync page changed tickets: the one shown is loaded again in place (the note being typed,
        the selected entry and the timeline's scroll position stay)."""
        if self.ticket_id is not None and self.ticket_id in pulled.ticket_ids:
            self.refresh()

    def _show_conflicts(self) -> None:
        self.conflict_banner.show_conflicts(self.conflicts.of(self.ticket_id), self.conflicts.names)

    def settle_conflict(self) -> Any:
        """Choose the value to keep for the shown ticket's (first) open conflict."""
        found = self.conflicts.of(self.ticket_id)
        if not found or self.active_dialog is not None:
            return None
        from citydesk.ui.conflicts.settle import SettleDialog

        dialog = SettleDialog(self.hub, found[0], self.conflicts.names, self)
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _on_signed_in(self, who: SignedIn | None) -> None:
        user_id = who.actor.user_id if who else None
        if user_id != self._user_id:
            # A shared counter PC: one person's unsaved notes never become the next person's.
            self._drafts.clear()
            self.composer.clear()
            self._user_id = user_id
        self._update_actions()

    def _update_actions(self, *_args: Any) -> None:
        user = self.hub.user
        view = self.view if self.view is not None and self.view.detail.id == self.ticket_id else None
        self.actions_.update(
            State(
                role=user.actor.role if user else None,
                user_id=user.actor.user_id if user else None,
                ticket_id=self.ticket_id,
                view=view,
                entry=self.timeline.selected_entry() if view else None,
            )
        )
        self.add_note_button.setEnabled(self.actions_.add_note.isEnabled() and not self._saving_note)
