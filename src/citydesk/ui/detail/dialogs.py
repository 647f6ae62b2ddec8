"""Dialogs for the ticket actions: each calls one service through the hub and shows its messages inline.

`ServiceDialog` is the shared shape: a form (see `citydesk.ui.forms`), an OK button named for the
action, Ctrl+Enter to submit from anywhere in the dialog. The service validates on the writer
thread; a `ValidationError` comes back next to its field, any other failure as a readable message
on the form's message line, and in both cases the dialog stays open with everything typed intact.
On success the dialog announces what happened (`hub.announce`) and closes.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain import validation
from citydesk.domain.errors import ValidationError
from citydesk.domain.permissions import Action, allowed
from citydesk.domain.priorities import Priority
from citydesk.domain.statuses import TRANSITIONS, Status
from citydesk.services import tickets
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail.view import DetailView, priority_text, status_text
from citydesk.ui.forms import Form, combo_field, line_field, plain_text_field, submit_buttons

Request = tuple[Callable[..., Any], dict[str, Any]]


class ServiceDialog(QDialog):
    """A dialog that runs one service call for the shown ticket and reports its outcome inline."""

    saved = Signal(object)

    def __init__(
        self, hub: CitydeskApp, view: DetailView, parent: QWidget | None, *, title: str, ok_text: str
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self.view = view
        self.busy = False
        self.setWindowTitle(f"{title} — {view.detail.number}")
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(f"<b>{view.detail.number}</b> · {_escape(view.detail.title)}")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = Form(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        self.buttons = submit_buttons(self, ok_text, self.submit, tooltip=self.tr("Ctrl+Enter"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(self.buttons)

    # -- subclasses fill these in ------------------------------------------------------------------

    def request(self) -> Request:
        """The service and its keyword arguments; may raise ValidationError for a local check."""
        raise NotImplementedError

    def announcement(self, result: Any) -> str:
        """What to announce after success."""
        return self.tr("{0} updated").format(self.view.detail.number)

    # -- flow --------------------------------------------------------------------------------------

    def finish_tab_order(self, *widgets: QWidget, focus: QWidget | None = None) -> None:
        """Fields in reading order, then OK, then Cancel; focus starts on `focus` (else the first field)."""
        chain = [*widgets, self.ok_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        start = focus or (widgets[0] if widgets else None)
        if start is not None:
            start.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Validate through the service on the writer thread; close on success, keep input on error."""
        if self.busy:
            return
        self.form.clear_errors()
        try:
            service, kwargs = self.request()
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        self.run(service, kwargs)

    def run(self, service: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        """Call `service` through the hub with this dialog's callbacks."""
        self.set_busy(True)
        try:
            self.hub.mutate(service, on_done=self.succeeded, on_error=self.failed, **kwargs)
        except Exception as exc:  # nobody signed in, runner shut down: say so, keep the input
            self.failed(exc)

    def succeeded(self, result: Any) -> None:
        """Announce, tell listeners, close."""
        self.set_busy(False)
        self.hub.announce.emit(self.announcement(result))
        self.saved.emit(result)
        self.accept()

    def failed(self, exc: BaseException) -> None:
        """Show the message next to its field (or on the message line); the input stays."""
        self.set_busy(False)
        if self.form.show_error(exc) is None:
            self.ok_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        """While saving: no second submit, no closing."""
        self.busy = busy
        self.ok_button.setEnabled(not busy)

    def reject(self) -> None:
        """Cancel, unless a save is under way (it finishes in moments)."""
        if not self.busy:
            super().reject()


def _escape(text: str) -> str:
    return html.escape(text)


# ---- the dialogs ---------------------------------------------------------------------------------


class LogCallDialog(ServiceDialog):
    """Log a phone call with a reporter (Ctrl+L)."""

    def __init__(self, hub: CitydeskApp, view: DetailView, parent: QWidget | None = None) -> None:
        super().__init__(hub, view, parent, title=self.tr("Log a call"), ok_text=self.tr("Log call"))
        self.who = combo_field(self.tr("Caller"))
        self.who.addItem(self.tr("Not recorded"), None)
        for reporter in view.detail.reporters:
            if reporter.requester_id:
                self.who.addItem(reporter.name, reporter.requester_id)
        if self.who.count() > 1:
            self.who.setCurrentIndex(1)
        self.form.add_row("requester", self.tr("&Caller:"), self.who)
        self.summary = plain_text_field(self.tr("What was said"), placeholder=self.tr("What was said"))
        self.form.add_row("summary", self.tr("&What was said:"), self.summary)
        self.public = QCheckBox(self.tr("&Public: the requester may be told this"))
        self.public.setAccessibleName(self.tr("Public: the requester may be told this"))
        self.form.add_wide(self.public)
        # Tab follows the form from the top (caller first); typing starts in the summary.
        self.finish_tab_order(self.who, self.summary, self.public, focus=self.summary)

    def request(self) -> Request:
        """log_call with the summary, caller and visibility."""
        return tickets.log_call, {
            "ticket_id": self.view.detail.id,
            "summary": self.summary.toPlainText(),
            "public": self.public.isChecked(),
            "requester_id": self.who.currentData(),
        }

    def announcement(self, result: Any) -> str:
        """ "Call logged on …"."""
        return self.tr("Call logged on {0}").format(result.number)


class AssignDialog(ServiceDialog):
    """Assign to a person, send to a department's queue, or unassign (Ctrl+Shift+A)."""

    def __init__(self, hub: CitydeskApp, view: DetailView, parent: QWidget | None = None) -> None:
        super().__init__(hub, view, parent, title=self.tr("Assign"), ok_text=self.tr("Assign"))
        role = hub.actor.role
        self.target = combo_field(self.tr("Assign to"))
        if allowed(role, Action.ASSIGN_OTHERS) or allowed(role, Action.TAKE_TICKET):
            for user in view.users:
                if user.id != view.detail.assignee_id and (
                    user.id == hub.actor.user_id or allowed(role, Action.ASSIGN_OTHERS)
                ):
                    self.target.addItem(f"{user.label} ({user.extra})", ("user", user.id))
        if allowed(role, Action.ROUTE_DEPARTMENT):
            self.target.insertSeparator(self.target.count())
            for dep in view.departments:
                label = self.tr("{0} (department queue)").format(dep.label)
                self.target.addItem(label, ("department", dep.id))
        if view.detail.assignee_id and allowed(role, Action.ASSIGN_OTHERS):
            self.target.insertSeparator(self.target.count())
            self.target.addItem(self.tr("Nobody (unassign)"), ("nobody", None))
        self.form.add_row(("assignee", "department"), self.tr("Assign &to:"), self.target)
        hint = QLabel(self.tr("Type the first letters of a name to jump to it."))
        hint.setWordWrap(True)
        self.form.add_wide(hint)
        self.finish_tab_order(self.target)

    def request(self) -> Request:
        """assign to the chosen person, queue, or nobody."""
        kind, key = self.target.currentData() or ("", None)
        kwargs: dict[str, Any] = {"ticket_id": self.view.detail.id}
        if kind == "user":
            kwargs["assignee_id"] = key
        elif kind == "department":
            kwargs["department_id"] = key
        elif kind == "nobody":
            kwargs["unassign"] = True
        return tickets.assign, kwargs

    def announcement(self, result: Any) -> str:
        """Who or which queue has it now."""
        return self.tr("{0} assigned to {1}").format(result.number, self.target.currentText())


class ChangeStatusDialog(ServiceDialog):
    """Move the ticket along the workflow; offers only the domain's transitions (Ctrl+Shift+S)."""

    def __init__(self, hub: CitydeskApp, view: DetailView, parent: QWidget | None = None) -> None:
        super().__init__(hub, view, parent, title=self.tr("Change status"), ok_text=self.tr("Change status"))
        self.status = combo_field(self.tr("New status"))
        for target in status_targets(view.status, hub.actor.role):
            self.status.addItem(status_text(target), target.value)
        now = QLabel(self.tr("Now: {0}").format(status_text(view.detail.status)))
        self.form.add_wide(now)
        self.form.add_row("status", self.tr("&New status:"), self.status)
        if Status.RESOLVED in TRANSITIONS[view.status]:
            hint = QLabel(self.tr("To resolve the ticket, use Resolve (Ctrl+R): it asks for a reason."))
            hint.setWordWrap(True)
            self.form.add_wide(hint)
        self.finish_tab_order(self.status)

    def request(self) -> Request:
        """change_status to the chosen target."""
        return tickets.change_status, {"ticket_id": self.view.detail.id, "status": self.status.currentData()}

    def announcement(self, result: Any) -> str:
        """ "… is now Waiting for a vendor"."""
        return self.tr("{0} is now {1}").format(result.number, self.status.currentText())


def status_targets(current: Status, role: Any) -> list[Status]:
    """The statuses the Change status action offers from `current` (resolve has its own action)."""
    order = list(Status)
    targets = [s for s in TRANSITIONS[current] if s is not Status.RESOLVED]
    if not allowed(role, Action.CLOSE):
        targets = [s for s in targets if s is not Status.CLOSED]
    if not allowed(role, Action.CHANGE_STATUS):
        targets = [s for s in targets if s is Status.CLOSED]
    return sorted(targets, key=order.index)


class ChangePriorityDialog(ServiceDialog):
    """Choose a priority; each choice shows its plain-language meaning."""

    def __init__(self, hub: CitydeskApp, view: DetailView, parent: QWidget | None = None) -> None:
        super().__init__(
            hub, view, parent, title=self.tr("Change priority"), ok_text=self.tr("Change priority")
        )
        box = QWidget()
        box.setAccessibleName(self.tr("Priority"))
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for priority in Priority:
            label, meaning = priority_text(priority.value)
            radio = QRadioButton(label)
            radio.setAccessibleName(label)
            radio.setAccessibleDescription(meaning)
            explain = QLabel(meaning)
            explain.setWordWrap(True)
            explain.setIndent(24)
            column.addWidget(radio)
            column.addWidget(explain)
            self.group.addButton(radio)
            self.radios[priority.value] = radio
        current = self.radios.get(view.detail.priority)
        if current is not None:
            current.setChecked(True)
        self.form.add_row("priority", self.tr("Priority:"), box)
        box.setFocusProxy(current or self.radios["P3"])
        self.finish_tab_order(current or self.radios["P3"])

    def chosen(self) -> str:
        """The checked priority's value."""
        return next((value for value, radio in self.radios.items() if radio.isChecked()), "")

    def request(self) -> Request:
        """change_priority to the checked one."""
        return tickets.change_priority, {"ticket_id": self.view.detail.id, "priority": self.chosen()}

    def announcement(self, result: Any) -> str:
        """ "… is now P1 Critical"."""
        return self.tr("{0} is now {1}").format(result.number, priority_text(self.chosen())[0])


class EditDialog(ServiceDialog):
    """Edit title, description, location and category (Ctrl+E); one timeline entry per changed field."""

    def __init__(self, hub: CitydeskApp, view: DetailView, parent: QWidget | None = None) -> None:
        super().__init__(hub, view, parent, title=self.tr("Edit ticket"), ok_text=self.tr("Save"))
        d = view.detail
        self.title_edit = line_field(self.tr("Title"), text=d.title)
        self.form.add_row("title", self.tr("&Title:"), self.title_edit)
        self.description = plain_text_field(self.tr("Description"), lines=5)
        self.description.setPlainText(d.description)
        self.form.add_row("description", self.tr("&Description:"), self.description)
        self.location = line_field(self.tr("Location"), text=d.location_text or "")
        self.form.add_row("location", self.tr("&Location:"), self.location)
        self.category = combo_field(self.tr("Category"))
        self.category.addItem(self.tr("No category"), None)
        for choice in view.categories:
            self.category.addItem(choice.label, choice.id)
        self.category.setCurrentIndex(max(0, self.category.findData(d.category_id)))
        self.form.add_row(("category", "category_id"), self.tr("&Category:"), self.category)
        self.finish_tab_order(self.title_edit, self.description, self.location, self.category)
        self._pending: list[tuple[str, Any]] = []
        self._current: tuple[str, Any] = ("", None)
        self._baseline: dict[str, Any] = {
            "title": d.title,
            "description": d.description.strip(),
            "location": d.location_text or "",
            "category_id": d.category_id,
        }

    def changes(self) -> list[tuple[str, Any]]:
        """(field, value) for every field that differs, all checked first so nothing is half-saved."""
        base = self._baseline
        out: list[tuple[str, Any]] = []
        title = validation.title(self.title_edit.text())
        if title != base["title"]:
            out.append(("title", title))
        description = validation.description(self.description.toPlainText())
        if description != base["description"]:
            out.append(("description", description))
        location = self.location.text().strip()
        tickets.parse_location(location)
        if location != base["location"]:
            out.append(("location", location or None))
        if self.category.currentData() != base["category_id"]:
            out.append(("category_id", self.category.currentData()))
        return out

    def submit(self) -> None:
        """Save each changed field in turn; stop at the first error and show it."""
        if self.busy:
            return
        self.form.clear_errors()
        try:
            self._pending = self.changes()
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        if not self._pending:
            self.form.show_error(ValidationError("", self.tr("Nothing has changed.")))
            return
        self._next(None)

    def _next(self, result: Any) -> None:
        if result is not None:  # the field just saved is the new baseline (a retry will not repeat it)
            field, value = self._current
            self._baseline[field] = (value or "") if field == "location" else value
        if not self._pending:
            self.succeeded(result)
            return
        field, value = self._current = self._pending.pop(0)
        self.set_busy(True)
        try:
            self.hub.mutate(
                tickets.edit_ticket,
                on_done=self._next,
                on_error=self.failed,
                ticket_id=self.view.detail.id,
                field=field,
                value=value,
            )
        except Exception as exc:
            self.failed(exc)

    def announcement(self, result: Any) -> str:
        """ "… updated"."""
        return self.tr("{0} updated").format(result.number)
