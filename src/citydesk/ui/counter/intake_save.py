"""Saving the New request form: checks, log the request or add the caller to a candidate, the outcome.

A mixin of `NewRequestDialog` (kept apart so each file reads on its own): it uses the dialog's
fields and forms, calls the services through the hub and shows errors next to their fields.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from citydesk.domain.errors import ValidationError
from citydesk.services.intake import add_caller, log_request
from citydesk.store.intake import AddressHit, CategoryHit, DuplicateCandidate, RequesterHit
from citydesk.ui.detail.view import reporters_count_text
from citydesk.ui.status_message import announce_to_assistive_tech
from citydesk.ui.words import day_text


def long_date(d: date) -> str:
    """ "Thursday, November 19" / "jueves, 19 de noviembre" (the UI's language)."""
    return day_text(d)


class SavingMixin:
    """Ctrl+Enter (log the request), Ctrl+D (add the caller to a candidate), Ctrl+P (ask for the receipt)."""

    # ---- saving --------------------------------------------------------------------------------

    def _caller(self) -> dict[str, Any]:
        """requester_id or new_requester, checked; raises ValidationError naming the field."""
        if self.new_requester.isChecked():
            try:
                return {"new_requester": self.person.checked_values()}
            except ValidationError as exc:
                self.person.form.show_error(exc)
                raise _Shown() from exc
        hit: RequesterHit | None = self.requester.value
        if hit is None:
            if self.requester.text():
                raise ValidationError(
                    "requester", self.tr("Choose the requester from the list, or Alt+W to enter a new one.")
                )
            raise ValidationError(
                "requester", self.tr("Find the requester, or Alt+W for a new one (it may be anonymous).")
            )
        return {"requester_id": hit.id}

    def request(self) -> dict[str, Any]:
        """The keyword arguments for `log_request`; raises ValidationError for a local check."""
        caller = self._caller()
        category: CategoryHit | None = self.category.value
        if category is None:
            raise ValidationError(
                "category", self.tr("Choose a category from the list (type a word such as “light”).")
            )
        location: AddressHit | None = self.location.value
        answers = {q: e.text().strip() for q, e in self.answers if e.text().strip()}
        kwargs: dict[str, Any] = {
            **caller,
            "title": self.title.text(),
            "channel": self.channel.currentData(),
            "description": self.description.toPlainText(),
            "category_id": category.id,
            "priority": self.priority.currentData(),
            "location": location.location() if location else (self.location.text() or None),
            "intake_answers": answers or None,
        }
        if self.department.isEnabled() and self.department.currentData() != category.department_id:
            kwargs["department_id"] = self.department.currentData()
        if (due := self._chosen_due()) is not None:
            kwargs["due_date"] = due
        return kwargs

    def _start(self) -> bool:
        if self.busy:
            return False
        if self.saved_ticket_id is not None:
            self._say(
                self.tr("Already saved as {0}. Ctrl+N starts the next request.").format(self.saved_number)
            )
            return False
        self.form.clear_errors()
        self.person.form.clear_errors()
        return True

    def submit(self) -> None:
        """Ctrl+Enter: log the request (new requester and ticket in one transaction)."""
        if not self._start():
            return
        try:
            kwargs = self.request()
        except _Shown:
            return
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        self._run(log_request, kwargs)

    def add_to_candidate(self, candidate: DuplicateCandidate | None = None) -> None:
        """Ctrl+D: add this caller as another reporter of the highlighted candidate."""
        if not self._start():
            return
        target = candidate if isinstance(candidate, DuplicateCandidate) else self.duplicates.current()
        if target is None:
            self._say(self.tr("No ticket to add the caller to: nothing similar is open."))
            return
        try:
            caller = self._caller()
        except _Shown:
            return
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        self._run(
            add_caller,
            {**caller, "ticket_id": target.ticket_id, "channel": self.channel.currentData()},
            added_to=target,
        )

    def _run(self, service: Any, kwargs: dict[str, Any], added_to: DuplicateCandidate | None = None) -> None:
        self.busy = True
        self._adding_to = added_to  # one save at a time (busy), so the outcome knows which it was
        self.save_button.setEnabled(False)
        try:
            self.hub.mutate(service, on_done=self._saved, on_error=self._failed, **kwargs)
        except Exception as exc:  # nobody signed in, the runner is shut down: say so, keep the input
            self._failed(exc)

    def _saved(self, result: Any) -> None:
        self._done(result, self._adding_to)

    def _done(self, result: Any, added_to: DuplicateCandidate | None) -> None:
        self.busy = False
        self.saved_ticket_id, self.saved_number = result.ticket_id, result.number
        if added_to is not None:
            count = added_to.reporter_count + 1
            text = self.tr("Added the caller to {0}: {1}.").format(
                result.number, reporters_count_text(count).lower()
            )
        else:
            due = getattr(result, "due_at", None)
            expected = (
                self.tr(" Expected by {0}.").format(long_date(self.context.calendar.local_date(due)))
                if due is not None and self.context is not None
                else ""
            )
            text = self.tr("Saved as {0}.{1}").format(result.number, expected)
        self._set_editable(False)
        self.receipt_button.setEnabled(True)
        self._say(text)
        self.hub.announce.emit(text)
        self.saved.emit(result.ticket_id)
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        if (
            isinstance(exc, ValidationError)
            and exc.field not in self.form.rows
            and exc.field in self.person.form.rows
        ):
            self.person.form.show_error(exc)
        else:
            self.form.show_error(exc)

    def _say(self, text: str) -> None:
        self.result.setText(text)
        announce_to_assistive_tech(self.result, text)

    def _receipt(self) -> None:
        if self.saved_ticket_id is not None and self.receipt_button.isEnabled():
            self.receipt_requested.emit(self.saved_ticket_id)


class _Shown(Exception):
    """A check failed and its message is already shown next to its field."""
