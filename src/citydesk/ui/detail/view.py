"""What the detail pane loads for one ticket (plain data, built off the GUI thread) and how it reads.

`load_view` runs on a reader thread through `hub.query`; it returns frozen dataclasses only. The
formatting helpers turn that data into plain-language text in the city's time zone, and
`highlight_html` marks searched words for the header and the timeline.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTime

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.priorities import Priority
from citydesk.domain.statuses import ResolutionReason, Status
from citydesk.store.detail import Choice, TicketDetail, categories, departments, ticket_detail, users
from citydesk.store.settings import DEFAULT_DATE_ORDER, calendar_from, load_settings
from citydesk.ui import words

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MARK_STYLE = "background-color:#ffe066;color:#000000;"
"""Search matches: dark text on yellow, readable in light and dark palettes (contrast > 15:1)."""


def tr(text: str) -> str:
    """Translate `text` in the detail pane's context."""
    return QCoreApplication.translate("TicketDetail", text)


@dataclass(frozen=True, slots=True)
class DetailView:
    """One ticket as loaded for the pane, with the city's time zone and the lists its dialogs need."""

    detail: TicketDetail
    tz_name: str
    now: datetime
    users: tuple[Choice, ...]
    departments: tuple[Choice, ...]
    categories: tuple[Choice, ...]
    calendar: BusinessCalendar | None = None
    date_order: str = DEFAULT_DATE_ORDER
    """How the city writes dates: "MDY" (11/18/2026), "DMY" (18/11/2026) or "YMD" (2026-11-18)."""

    @property
    def tz(self) -> ZoneInfo:
        """The city's time zone."""
        return ZoneInfo(self.tz_name)

    @property
    def status(self) -> Status:
        """The ticket's status as the domain enum."""
        return Status(self.detail.status)

    def user_name(self, user_id: str | None) -> str:
        """A user's display name (or a neutral word if the user is gone)."""
        for choice in self.users:
            if choice.id == user_id:
                return choice.label
        return tr("a former user")

    def department_name(self, department_id: str | None) -> str:
        """A department's name."""
        for choice in self.departments:
            if choice.id == department_id:
                return choice.label
        return tr("another department")

    def category_name(self, category_id: str | None) -> str:
        """A category's name."""
        for choice in self.categories:
            if choice.id == category_id:
                return choice.label
        return tr("no category")


def load_view(session: Session, ticket_id: str, now: datetime) -> DetailView | None:
    """Everything the pane shows for `ticket_id` (None if there is no such ticket). Runs off-thread."""
    detail = ticket_detail(session, ticket_id)
    if detail is None:
        return None
    settings = load_settings(session)
    calendar = calendar_from(settings)
    return DetailView(
        detail=detail,
        tz_name=calendar.tz_name,
        now=now,
        users=tuple(users(session)),
        departments=tuple(departments(session)),
        categories=tuple(categories(session)),
        calendar=calendar,
        date_order=str(settings.get("date_order") or DEFAULT_DATE_ORDER),
    )


# ---- wording -----------------------------------------------------------------------------------


def status_text(status: str) -> str:
    """A status in plain words."""
    try:
        return words.status_label(Status(status).value)
    except ValueError:
        return status


def priority_text(priority: str) -> tuple[str, str]:
    """A priority's label and its plain-language meaning."""
    try:
        p = Priority(priority)
    except ValueError:
        return priority, ""
    return words.priority_label(p.value), words.priority_meaning(p.value)


def reason_text(reason: str | None) -> str:
    """A resolution reason in plain words."""
    try:
        return words.reason_label(ResolutionReason(str(reason)).value)
    except ValueError:
        return reason or ""


def local_text(instant: datetime, tz: ZoneInfo) -> str:
    """An instant as a day and clock time in the city's time zone ("Mon 16 Nov 2026, 09:05 CST")."""
    local = instant.astimezone(tz)
    day = words.date_text(local.date())  # in the UI's language ("lun 16 nov 2026")
    clock = words.ui_locale().toString(QTime(local.hour, local.minute), "HH:mm")
    return f"{day}, {clock} {local.tzname() or ''}".strip()


def span_text(delta: timedelta) -> str:
    """A duration in the largest sensible unit ("45 minutes", "5 hours", "3 days")."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return tr("1 minute") if minutes == 1 else tr("{0} minutes").format(minutes)
    hours = minutes // 60
    if hours < 48:
        return tr("1 hour") if hours == 1 else tr("{0} hours").format(hours)
    return tr("{0} days").format(hours // 24)


def minutes_text(minutes: int) -> str:
    """Time spent as hours and minutes ("1 h 30 min")."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return tr("{0} h {1} min").format(hours, rest)
    if hours:
        return tr("{0} h").format(hours)
    return tr("{0} min").format(rest)


def due_text(view: DetailView) -> tuple[str, bool]:
    """The due date in words and whether the ticket is late (open past due, or resolved after it)."""
    d = view.detail
    if d.due_at is None:
        return tr("No due date"), False
    when = local_text(d.due_at, view.tz)
    if d.is_open:
        if view.now > d.due_at:
            return tr("Late: was due {0} ({1} ago)").format(when, span_text(view.now - d.due_at)), True
        return tr("Due {0} (in {1})").format(when, span_text(d.due_at - view.now)), False
    if d.resolved_at is not None and d.resolved_at > d.due_at:
        return tr("Resolved late: was due {0}").format(when), True
    return tr("Was due {0}; resolved on time").format(when), False


def reporters_count_text(count: int) -> str:
    """ "Reported by 1 person" / "Reported by 5 people"."""
    if count == 1:
        return tr("Reported by 1 person")
    return tr("Reported by {0} people").format(count)


# ---- highlighting ------------------------------------------------------------------------------


def _pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({t.strip() for t in terms if t and t.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)


def highlight_html(text: str, terms: Iterable[str]) -> str:
    """`text` as escaped HTML with every word starting with a search term marked; newlines kept."""
    pattern = _pattern(terms)
    if pattern is None:
        return html.escape(text).replace("\n", "<br>")
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() < last:
            continue
        out.append(html.escape(text[last : match.start()]))
        end = match.end()
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        out.append(f'<span style="{MARK_STYLE}">{html.escape(text[match.start() : end])}</span>')
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


def has_match(text: str, terms: Iterable[str]) -> bool:
    """True if a search term starts a word in `text`."""
    pattern = _pattern(terms)
    return bool(pattern and pattern.search(text))
