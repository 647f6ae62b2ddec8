"""Dialogs for the working end of a ticket: escalate, record time, visit, resolve, reopen, redact."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QSpinBox, QTimeEdit, QWidget

from citydesk.domain.statuses import ResolutionReason
from citydesk.domain.validation import MAX_ESCALATION_LEVEL, MAX_MINUTES, VISIT_DAYS_AHEAD, VISIT_DAYS_BACK
from citydesk.services import tickets
from citydesk.ui.app import CitydeskApp
from citydesk.ui.detail.dialogs import Request, ServiceDialog
from citydesk.ui.detail.duplicate_info import DuplicateInfo
from citydesk.ui.detail.timeline import EntryRow
from citydesk.ui.detail.view import DetailView, local_text, reason_text
from citydesk.ui.forms import combo_field, line_field, plain_text_field


class EscalateDialog(ServiceDialog):
    """Raise the escalation level with a reason (Ctrl+Shift+E)."""

    def __init__(self, hub: CitydeskApp, view: DetailView, parent: QWidget | None = None) -> None:
        super().__init__(hub, view, parent, title=self.tr("Escalate"), ok_text=self.tr("Escalate"))
        current = view.detail.escalation_level
        self.level = QSpinBox()
        self.level.setRange(1, MAX_ESCALATION_LEVEL)
        self.level.setValue(min(MAX_ESCALATION_LEVEL, current + 1))
        self.level.setAccessibleName(self.tr("Escalation level"))
        now = self.tr("Now: not escalated") if current == 0 else self.tr("Now: level {0}").format(current)
        self.form.add_wide(QLabel(now))
        self.form.add_row("level", self.tr("&Level (1 to 3):"), self.level)
        self.reason = plain_text_field(self.tr("Reason"), placeholder=self.tr("Why it needs more attention"))
        self.form.add_row("reason", self.tr("&Reason:"), self.reason)
        self.finish_tab_order(self.level, self.reason)

    def request(self) -> Request:
        """escalate to the level with the reason."""
        return tickets.escalate, {
            "ticket_id": self.view.detail.id,
            "level": self.level.value(),
            "reason": self.reason.toPlainText(),
        }

    def announcement(self, result: Any) -> str:
        """ "… escalated to level 2"."""
        return self.tr("{0} escalated to level {1}").format(result.number, self.level.value())


class RecordTimeDialog(ServiceDialog):
    """Record minutes spent on the ticket (Ctrl+Shift+T)."""

    def __init__(self, hub: CitydeskApp, view: DetailView, parent: QWidget | None = None) -> None:
        super().__init__(hub, view, parent, title=self.tr("Record time"), ok_text=self.tr("Record time"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setValue(15)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setAccessibleName(self.tr("Minutes spent"))
        self.form.add_row("minutes", self.tr("&Minutes:"), self.minutes)
        self.note = line_field(self.tr("What the time was for"), placeholder=self.tr("Optional"))
        self.form.add_row("note", self.tr("&For:"), self.note)
        self.finish_tab_order(self.minutes, self.note)
        self.minutes.selectAll()

    def request(self) -> Request:
        """record_time with the minutes and note."""
        return tickets.record_time, {
            "ticket_id": self.view.detail.id,
            "minutes": self.minutes.value(),
            "note": self.note.text(),
        }

    def announcement(self, result: Any) -> str:
        """ "30 minutes recorded on …"."""
        return self.tr("{0} minutes recorded on {1}").format(self.minutes.value(), result.number)


DATE_FORMATS = {"MDY": "MM/dd/yyyy", "DMY": "dd/MM/yyyy", "YMD": "yyyy-MM-dd"}
"""How a city's date order is typed in a date field."""
DATE_HINTS = {"MDY": "MM/DD/YYYY", "DMY": "DD/MM/YYYY", "YMD": "YYYY-MM-DD"}


def default_visit(view: DetailView) -> datetime:
    """The visit already scheduled, else the next business day at 09:00 city time."""
    if view.detail.visit_at is not None:
        return view.detail.visit_at.astimezone(view.tz)
    today = view.now.astimezone(view.tz).date()
    day = view.calendar.next_business_day(today) if view.calendar else today + timedelta(days=1)
    return datetime.combine(day, time(9, 0), tzinfo=view.tz)


class ScheduleVisitDialog(ServiceDialog):
    """Schedule an onsite visit: the date, then the time, in city time, and the place (Ctrl+Shift+V)."""

    def __init__(self, hub: CitydeskApp, view: DetailView, parent: QWidget | None = None) -> None:
        super().__init__(
            hub, view, parent, title=self.tr("Schedule a visit"), ok_text=self.tr("Schedule visit")
        )
        local = default_visit(view)
        order = view.date_order if view.date_order in DATE_FORMATS else "MDY"
        self.date = QDateEdit(QDate(local.year, local.month, local.day))
        self.date.setDisplayFormat(DATE_FORMATS[order])
        today = view.now.astimezone(view.tz).date()
        first = today - timedelta(days=VISIT_DAYS_BACK)
        last = today + timedelta(days=VISIT_DAYS_AHEAD - 1)
        self.date.setDateRange(
            QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day)
        )  # a year typed wrong cannot go in (the service refuses it too)
        self.date.setCalendarPopup(True)
        self.form.add_row("at", self.tr("&Date ({0}):").format(DATE_HINTS[order]), self.date)
        self.time = QTimeEdit(QTime(local.hour, local.minute))
        self.time.setDisplayFormat("HH:mm")
        self.form.add_row("time", self.tr("&Time ({0}):").format(view.tz_name), self.time)
        how = self.tr("Type the date as {0}, Tab, then the time as HH:MM (24-hour, city time); "
                      "↑ and ↓ change the part under the cursor.")  # fmt: skip
        hint = QLabel(how.format(DATE_HINTS[order]))
        hint.setWordWrap(True)
        self.form.add_wide(hint)
        place = view.detail.visit_place or view.detail.location_text or ""
        self.place = line_field(self.tr("Place"), text=place)
        self.form.add_row("place", self.tr("&Place:"), self.place)
        self.note = line_field(self.tr("Note for the visit"), placeholder=self.tr("Optional"))
        self.form.add_row("note", self.tr("&Note:"), self.note)
        self.finish_tab_order(self.date, self.time, self.place, self.note)

    def chosen(self) -> datetime:
        """The visit as an aware datetime in the city's time zone."""
        d, t = self.date.date(), self.time.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.view.tz)

    def request(self) -> Request:
        """schedule_visit at the chosen city time and place."""
        return tickets.schedule_visit, {
            "ticket_id": self.view.detail.id,
            "at": self.chosen(),
            "place": self.place.text(),
            "note": self.note.text(),
        }

    def announcement(self, result: Any) -> str:
        """ "Visit on … scheduled for …"."""
        return self.tr("Visit on {0} scheduled for {1}").format(
            local_text(self.chosen(), self.view.tz), result.number
        )


class ResolveDialog(ServiceDialog):
    """Resolve with a reason and a public note; asks for the other number or the agency when needed.

    For a duplicate, the other ticket is shown as its number is typed (number, title, category, status,
    department), with a warning when its category or department differ, and its duplicate chain with
    an offer to use the chain's end (a chain that loops is reported, not followed)."""

    def __init__(self, hub: CitydeskApp, view: DetailView, parent: QWidget | None = None) -> None:
        super().__init__(hub, view, parent, title=self.tr("Resolve"), ok_text=self.tr("Resolve"))
        self.reason: QComboBox = combo_field(self.tr("Reason"))
        for reason in ResolutionReason:
            self.reason.addItem(reason_text(reason.value), reason.value)
        self.form.add_row("reason", self.tr("&Reason:"), self.reason)
        self.duplicate_of = line_field(self.tr("Duplicate of ticket number"), placeholder="CLK-2-000042")
        self.duplicate_row = self.form.add_row(
            "duplicate_of", self.tr("&Duplicate of (number):"), self.duplicate_of
        )
        self.duplicate_info = DuplicateInfo(hub, view.detail, self)
        self.form.add_wide(self.duplicate_info)
        self.duplicate_of.textChanged.connect(self.duplicate_info.schedule)
        self.duplicate_info.end_chosen.connect(self._use_number)
        self.duplicate_info.shown.connect(
            lambda: self.duplicate_of.setAccessibleDescription(self.duplicate_info.text.text())
        )
        self.agency = line_field(
            self.tr("Agency referred to"), placeholder=self.tr("County Health Department")
        )
        self.agency_row = self.form.add_row("agency", self.tr("&Agency:"), self.agency)
        self.note = plain_text_field(
            self.tr("Note to the requester (public)"),
            placeholder=self.tr("What was done, in words the requester understands"),
        )
        self.form.add_row(("public_note", "body"), self.tr("&Note to the requester (public):"), self.note)
        reach = len(view.detail.reporters)
        if reach:
            message = self.tr("This note is public: every reporter ({0}) should be told it.")
            told = QLabel(message.format(reach))
            told.setWordWrap(True)
            self.form.add_wide(told)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self._reason_changed()
        use_end = self.duplicate_info.use_end
        self.finish_tab_order(self.reason, self.duplicate_of, use_end, self.agency, self.note)

    def _reason_changed(self) -> None:
        reason = self.reason.currentData()
        self.duplicate_row.set_visible(reason == ResolutionReason.DUPLICATE.value)
        self.duplicate_info.setVisible(reason == ResolutionReason.DUPLICATE.value)
        self.agency_row.set_visible(reason == ResolutionReason.REFERRED.value)

    def _use_number(self, number: str) -> None:
        self.duplicate_of.setText(number)
        self.duplicate_of.setFocus(Qt.FocusReason.OtherFocusReason)

    def request(self) -> Request:
        """resolve with the reason, public note, and the number or agency it needs."""
        reason = self.reason.currentData()
        kwargs: dict[str, Any] = {
            "ticket_id": self.view.detail.id,
            "reason": reason,
            "public_note": self.note.toPlainText(),
        }
        if reason == ResolutionReason.DUPLICATE.value:
            kwargs["duplicate_of"] = self.duplicate_of.text().strip()
        if reason == ResolutionReason.REFERRED.value:
            kwargs["agency"] = self.agency.text()
        return tickets.resolve, kwargs

    def announcement(self, result: Any) -> str:
        """ "… resolved: Done"."""
        return self.tr("{0} resolved: {1}").format(result.number, self.reason.currentText())


class ReopenDialog(ServiceDialog):
    """Reopen a resolved or closed ticket with a reason (supervisor; Ctrl+Shift+R)."""

    def __init__(self, hub: CitydeskApp, view: DetailView, parent: QWidget | None = None) -> None:
        super().__init__(hub, view, parent, title=self.tr("Reopen"), ok_text=self.tr("Reopen"))
        self.reason = plain_text_field(self.tr("Why reopen"), placeholder=self.tr("What is still wrong"))
        self.form.add_row(("reason", "status"), self.tr("&Why reopen:"), self.reason)
        self.finish_tab_order(self.reason)

    def request(self) -> Request:
        """reopen with the reason."""
        return tickets.reopen, {"ticket_id": self.view.detail.id, "reason": self.reason.toPlainText()}

    def announcement(self, result: Any) -> str:
        """ "… reopened"."""
        return self.tr("{0} reopened").format(result.number)


class RedactDialog(ServiceDialog):
    """Blank the text of the selected timeline entry everywhere, with a reason (supervisor)."""

    def __init__(
        self, hub: CitydeskApp, view: DetailView, entry: EntryRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(hub, view, parent, title=self.tr("Redact note"), ok_text=self.tr("Redact"))
        self.entry = entry
        excerpt = entry.body or ""
        if len(excerpt) > 300:
            excerpt = excerpt[:300] + "…"
        shown = QLabel(f"{entry.heading}\n{excerpt}")
        shown.setWordWrap(True)
        self.form.add_wide(shown)
        warn = QLabel(
            self.tr(
                "The text is blanked on every office's copy and cannot be brought back. "
                "Who redacted it, and why, stays visible."
            )
        )
        warn.setWordWrap(True)
        self.form.add_wide(warn)
        self.reason = line_field(self.tr("Reason for redacting"), placeholder=self.tr("e.g. personal data"))
        self.form.add_row(("reason", "entry"), self.tr("&Reason:"), self.reason)
        self.finish_tab_order(self.reason)

    def request(self) -> Request:
        """redact_note on the chosen entry."""
        return tickets.redact_note, {"entry_id": self.entry.id, "reason": self.reason.text()}

    def announcement(self, result: Any) -> str:
        """ "Note redacted on …"."""
        return self.tr("Note redacted on {0}").format(result.number)
