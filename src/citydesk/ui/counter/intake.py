"""New request (Ctrl+N): the counter and phone intake form, keyboard first.

Channel (remembered from the last request logged on this PC), requester (completion by name,
phone or e-mail, or Alt+W for a new one), location (completion from the city's address list by
text or alias; anything else is saved as typed and shown as unverified), category (completion by
name and keywords; it sets the department, priority and target date and shows what to tell the
caller and its intake questions), priority with its meaning, title and description. Beside the
form, "Is it already reported?" lists open tickets that may be the same problem; Ctrl+D adds the
caller to the highlighted one instead. Ctrl+Enter saves; the number and the expected date are
shown and announced. Ctrl+N or Alt+N starts the next request. Nothing typed is lost without a word:
Ctrl+N, Alt+N, Esc or Close on a form with unsaved input first ask "Discard this request?" (Keep
editing is the default); right after a save, or with nothing typed, they go ahead at once.

The receipt hook: after a save the dialog emits `saved(ticket_id)`, enables `receipt_button`
("Print receipt…", Ctrl+P), which emits `receipt_requested(ticket_id)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.permissions import Action, allowed
from citydesk.domain.priorities import Priority
from citydesk.services.intake import last_channel
from citydesk.store.detail import Choice, departments
from citydesk.store.intake import (
    AddressHit,
    CategoryHit,
    DuplicateCandidate,
    PlaceQuery,
    RequesterHit,
    all_categories,
    duplicate_candidates,
    match_categories,
)
from citydesk.store.settings import load_calendar
from citydesk.ui.app import CitydeskApp
from citydesk.ui.counter.intake_layout import LayoutMixin
from citydesk.ui.counter.intake_save import SavingMixin, long_date
from citydesk.ui.forms import line_field, set_error_text
from citydesk.ui.words import language_label, priority_meaning

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DUPLICATES_DELAY_MS = 120


@dataclass(frozen=True, slots=True)
class IntakeContext:
    """What the form loads once: categories, departments, the business calendar, the last channel."""

    categories: tuple[CategoryHit, ...]
    departments: tuple[Choice, ...]
    calendar: BusinessCalendar
    last_channel: str | None


def load_context(session: Session) -> IntakeContext:
    """Read the form's reference data (off the GUI thread)."""
    return IntakeContext(
        tuple(all_categories(session)),
        tuple(departments(session)),
        load_calendar(session),
        last_channel(session),
    )


class NewRequestDialog(LayoutMixin, SavingMixin, QDialog):
    """Log a walk-in or phone request, or add the caller to a ticket already reported."""

    saved = Signal(str)  # ticket id: a request was logged, or the caller added to a ticket
    receipt_requested = Signal(str)  # ticket id
    context_loaded = Signal()
    duplicates_shown = Signal(int)

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.busy = False
        self.saved_ticket_id: str | None = None
        self.saved_number: str | None = None
        self.context: IntakeContext | None = None
        self._title_touched = False
        self._due_touched = False
        self._dup_generation = 0
        self.discard_box: QMessageBox | None = None  # "Discard this request?" while it is asked
        self.setWindowTitle(self.tr("New request"))
        self.setAccessibleName(self.tr("New request"))
        self.resize(1100, 760)
        self._build()
        self._dup_timer = QTimer(
            self, singleShot=True, interval=DUPLICATES_DELAY_MS, timeout=self._ask_duplicates
        )
        self._connect()
        self.hub.query(load_context, self._context_ready)

    def _connect(self) -> None:
        self.requester.chosen.connect(self._requester_chosen)
        self.requester.choice_cleared.connect(self._requester_cleared)
        self.new_requester.toggled.connect(self._new_requester_toggled)
        self.location.chosen.connect(lambda _hit: self._location_changed())
        self.location.edit.textEdited.connect(lambda _t: self._location_changed())
        self.category.chosen.connect(self._category_chosen)
        self.category.choice_cleared.connect(self._category_cleared)
        self.priority.currentIndexChanged.connect(lambda _i: self._priority_changed())
        self.title.textEdited.connect(lambda _t: setattr(self, "_title_touched", True))
        self.due.dateChanged.connect(lambda _d: setattr(self, "_due_touched", True))
        self.duplicates.add_requested.connect(self.add_to_candidate)
        self.hub.signed_in.connect(self._on_signed_in)

    # ---- loading -------------------------------------------------------------------------------

    def _context_ready(self, context: IntakeContext) -> None:
        self.context = context
        self.person.set_departments(list(context.departments))
        self.department.clear()
        for dep in context.departments:
            self.department.addItem(dep.label, dep.id)
        self.start_next()
        self.context_loaded.emit()

    def _match_categories(self, typed: str) -> list[CategoryHit]:
        return match_categories(list(self.context.categories), typed) if self.context else []

    def _on_signed_in(self, _who: object) -> None:
        self._apply_role()

    def _apply_role(self) -> None:
        may = self.hub.user is not None and allowed(self.hub.user.actor.role, Action.OVERRIDE_TARGET)
        self.department.setEnabled(may)
        self.due.setEnabled(may)
        hint = "" if may else self.tr("Set by the category; a supervisor may change it.")
        for widget in (self.department, self.due):
            widget.setToolTip(hint)
            widget.setAccessibleDescription(hint)

    # ---- starting over -------------------------------------------------------------------------

    def start_next(self) -> None:
        """Empty the form for the next caller (the channel stays: the counter takes the next one)."""
        if self.busy:
            return
        channel = self.channel.currentData() if self.saved_ticket_id else None
        if channel is None and self.context is not None:
            channel = self.context.last_channel
        self.saved_ticket_id = self.saved_number = None
        for field in (self.requester, self.location, self.category):
            field.reset()
        self.new_requester.setChecked(False)
        self.person.reset()
        self.title.clear()
        self.description.clear()
        self._title_touched = self._due_touched = False
        self._set_questions(())
        self.form.clear_errors()
        set_error_text(self.form.general, "")
        self.result.clear()
        self.requester_info.clear()
        self.location_info.clear()
        self.category_info.setText(self.tr("Choose a category: it sets the department, priority and target."))
        self.script.setText(self.tr("Choose a category to see what to tell the caller."))
        self.priority.setCurrentIndex(self.priority.findData(Priority.P3.value))
        self.duplicates.set_candidates([])
        self.receipt_button.setEnabled(False)
        self._set_editable(True)
        if channel:
            index = self.channel.findData(channel)
            if index >= 0:
                self.channel.setCurrentIndex(index)
        self._apply_role()
        self._priority_changed()
        self.channel.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_unsaved_input(self) -> bool:
        """Whether the clerk typed or chose something that is not saved (the channel is not input)."""
        if self.saved_ticket_id is not None or self.busy:
            return False
        texts = [self.requester.text(), self.location.text(), self.category.text(), self.title.text()]
        texts += [self.description.toPlainText().strip(), *(edit.text().strip() for _q, edit in self.answers)]
        return any(texts) or (self.new_requester.isChecked() and self.person.has_input())

    def next_request(self) -> None:
        """Ctrl+N, Alt+N, Next request: empty the form, asking first if unsaved input would be lost."""
        if self.has_unsaved_input():
            self._ask_discard(self.start_next)
        else:
            self.start_next()

    def reject(self) -> None:
        """Esc, Close, the window's close box: close, asking first if input would be lost."""
        if self.has_unsaved_input():
            self._ask_discard(self._discard_and_close)
        else:
            super().reject()

    def _discard_and_close(self) -> None:
        self.start_next()
        super().reject()

    def _ask_discard(self, then: Callable[[], None]) -> None:
        """Ask "Discard this request?" (window-modal); `then` runs only on Discard."""
        if self.discard_box is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard this request?"),
            self.tr("Discard this request?"),
            parent=self,
        )
        box.setInformativeText(self.tr("What was typed for this caller is not saved."))
        box.setAccessibleName(self.tr("Discard this request?"))
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter keeps editing
        box.setEscapeButton(keep)  # and so does Esc
        was = self.focusWidget()
        box.finished.connect(
            lambda _code: self._discard_answered(box, box.clickedButton() is discard, then, was)
        )
        self.discard_box = box
        box.open()

    def _discard_answered(
        self, box: QMessageBox, discard: bool, then: Callable[[], None], was: QWidget | None
    ) -> None:
        self.discard_box = None
        box.deleteLater()
        if discard:
            then()  # the form is emptied (its channel field focused) or closed
        elif was is not None:  # keep editing: back where the clerk was
            was.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        if self.isVisible():
            self.activateWindow()

    def _set_editable(self, editable: bool) -> None:
        for widget in (
            self.channel,
            self.requester,
            self.new_requester,
            self.person,
            self.location,
            self.category,
            self.priority,
            self.title,
            self.description,
        ):
            widget.setEnabled(editable)
        for _q, edit in self.answers:
            edit.setEnabled(editable)
        if editable:
            self._apply_role()
        else:
            self.department.setEnabled(False)
            self.due.setEnabled(False)
        self.save_button.setEnabled(editable)
        self.add_button.setEnabled(editable)

    # ---- requester -----------------------------------------------------------------------------

    def _requester_chosen(self, hit: RequesterHit) -> None:
        replies = {
            "phone": self.tr("by phone"), "email": self.tr("by e-mail"), "letter": self.tr("by letter")
        }  # fmt: skip
        self.requester_info.setText(
            self.tr("{0} · {1} · reply {2}{3}").format(
                hit.label,
                language_label(hit.preferred_language or "en"),
                replies.get(hit.reply_method, self.tr("not needed")),
                self.tr(" · confidential") if hit.confidential else "",
            )
        )
        if self.new_requester.isChecked():
            self.new_requester.setChecked(False)
        self._duplicates_soon()

    def _requester_cleared(self) -> None:
        self.requester_info.clear()
        self._duplicates_soon()

    def _new_requester_toggled(self, on: bool) -> None:
        self.person.setVisible(on)
        self.requester.setEnabled(not on)
        if on:
            if self.requester.value is None:
                self.person.prefill(self.requester.text())
            self.requester.reset()
            self.form.clear_error("requester")  # "Find the requester, or Alt+W…": that is what happened
            self.requester_info.setText(self.tr("A new requester will be saved with the request."))
            self.person.focus_first()
        else:
            self.person.form.clear_errors()
            self.requester_info.clear()
            self.requester.setFocus(Qt.FocusReason.OtherFocusReason)
        self._duplicates_soon()

    # ---- location, category, priority ------------------------------------------------------------

    def _location_changed(self) -> None:
        hit: AddressHit | None = self.location.value
        if hit is not None:
            ward = f" · {hit.ward}" if hit.ward else ""
            self.location_info.setText(self.tr("✓ On the city's address list{0}").format(ward))
        elif self.location.text():
            self.location_info.setText(self.tr("Not on the address list: saved as typed (unverified)."))
        else:
            self.location_info.clear()
        self._autofill_title()
        self._duplicates_soon()

    def _category_chosen(self, hit: CategoryHit) -> None:
        self.category_info.setText(
            self.tr("{0} · default {1} · target {2} business days").format(
                hit.department_name, Priority(hit.default_priority).label, hit.target_business_days
            )
        )
        self.script.setText(hit.caller_script or self.tr("(No script for this category.)"))
        self.priority.setCurrentIndex(self.priority.findData(hit.default_priority))
        self.department.setCurrentIndex(max(0, self.department.findData(hit.department_id)))
        self._due_touched = False
        self._set_questions(hit.intake_questions)
        self._priority_changed()
        self._autofill_title()
        self._duplicates_soon()

    def _category_cleared(self) -> None:
        self.category_info.setText(self.tr("Choose a category: it sets the department, priority and target."))
        self._set_questions(())
        self._duplicates_soon()

    def _set_questions(self, questions: tuple[str, ...]) -> None:
        while self.questions_layout.rowCount():
            self.questions_layout.removeRow(0)
        self.answers = []
        for question in questions:
            edit = line_field(question)
            label = QLabel(question)
            label.setWordWrap(len(question) > 60)  # short questions on one line (a wrapped label is squeezed)
            label.setBuddy(edit)
            self.questions_layout.addRow(label, edit)
            self.answers.append((question, edit))
        self.questions_heading.setVisible(bool(questions))
        self._chain()

    def _priority_changed(self) -> None:
        priority = Priority(self.priority.currentData() or Priority.P3.value)
        self.priority_meaning.setText(priority_meaning(priority.value))
        expected = self.expected_date()
        if expected is not None and not self._due_touched:
            self.due.blockSignals(True)
            self.due.setDate(QDate(expected.year, expected.month, expected.day))
            self.due.blockSignals(False)
        self._show_expected()

    def expected_date(self) -> date | None:
        """The completion date the category's target gives for a request made now (city time)."""
        if self.context is None:
            return None
        hit: CategoryHit | None = self.category.value
        priority = Priority(self.priority.currentData() or Priority.P3.value)
        calendar = self.context.calendar
        due = calendar.due_at(self.hub.db.clock.now(), priority, hit.target_business_days if hit else None)
        return calendar.local_date(due) if due is not None else None

    def _chosen_due(self) -> date | None:
        return self.due.date().toPython() if self._due_touched and self.due.isEnabled() else None  # type: ignore[no-any-return]

    def _show_expected(self) -> None:
        due = self._chosen_due() or self.expected_date()
        self.due_info.setText(self.tr("Expected by {0}").format(long_date(due)) if due else "")

    def _autofill_title(self) -> None:
        if self._title_touched:
            return
        hit: CategoryHit | None = self.category.value
        place = self.location.text()
        if hit is None:
            return
        self.title.setText(self.tr("{0} at {1}").format(hit.name, place) if place else hit.name)

    # ---- duplicates ----------------------------------------------------------------------------

    def _duplicates_soon(self) -> None:
        self._dup_generation += 1
        self._dup_timer.start()

    def _place(self) -> PlaceQuery | None:
        hit: AddressHit | None = self.location.value
        if hit is not None:
            return PlaceQuery(
                text=hit.text, address_id=hit.id, latitude=hit.latitude, longitude=hit.longitude
            )
        return PlaceQuery(text=self.location.text()) if self.location.text() else None

    def _ask_duplicates(self) -> None:
        generation = self._dup_generation
        category: CategoryHit | None = self.category.value
        requester: RequesterHit | None = self.requester.value
        place = self._place()
        kwargs = {
            "category_id": category.id if category else None,
            "place": place,
            "requester_id": requester.id if requester else None,
        }
        if not (kwargs["category_id"] and place) and not kwargs["requester_id"]:
            self._show_duplicates(generation, [])
            return
        # A bound method as the callback: the runner drops answers for a form deleted meanwhile.
        self.hub.query(lambda s: (generation, duplicate_candidates(s, **kwargs)), self._duplicates_found)

    def _duplicates_found(self, answer: tuple[int, list[DuplicateCandidate]]) -> None:
        self._show_duplicates(*answer)

    def _show_duplicates(self, generation: int, found: list[DuplicateCandidate]) -> None:
        if generation != self._dup_generation:
            return
        self.duplicates.set_candidates(found)
        self.add_button.setVisible(bool(found))
        self.duplicates_shown.emit(len(found))

    def keyPressEvent(self, event: Any) -> None:
        """Enter alone never closes the dialog (Alt+N is the Next request button's mnemonic)."""
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            return
        super().keyPressEvent(event)
