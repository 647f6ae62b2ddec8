"""The words of the weekly status report: numbers, durations and dates in plain English, the page-1
summary sentences and the definitions page. No ReportLab here: the UI can reuse these."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from citydesk.domain import metrics as dm
from citydesk.domain.priorities import Priority
from citydesk.reports.model import (
    DurationStats,
    Figure,
    RateFigure,
    WeeklyMetrics,
    short_date,
)


def n(value: float | None) -> str:
    """A count with thousands separators, or a dash for no value."""
    if value is None:
        return "—"
    return f"{value:,.0f}"


def plural(count: int, one: str, many: str) -> str:
    """Count and noun: "1 request" or "3 requests"."""
    return f"{count:,} {one if count == 1 else many}"


def change(figure: Figure) -> str:
    """The change from last week as "+5%", "same", "new" or a dash."""
    pct = figure.change_pct
    if pct is None:
        return "new" if (figure.current or 0) > 0 and figure.previous == 0 else "—"
    if round(pct) == 0:
        return "same"
    return f"{'+' if pct > 0 else '−'}{abs(pct):.0f}%"


def points(figure: RateFigure) -> str:
    """A rate's change from last week in percentage points ("+3 pts")."""
    points = figure.change_points
    if points is None:
        return "—"
    if abs(points) < 0.5:
        return "same"
    return f"{'+' if points > 0 else '−'}{abs(points):.0f} pts"


def hours(value: float | None) -> str:
    """Hours as "1.2 h" or "50 h"."""
    if value is None:
        return "—"
    if value < 10:
        return f"{value:.1f} h"
    return f"{value:,.0f} h"


def stats(stats: DurationStats) -> str:
    """Median and 90th percentile as "1.2 h / 4.0 h"."""
    if not stats.count:
        return "—"
    return f"{hours(stats.median_hours)} / {hours(stats.p90_hours)}"


def duration(delta: timedelta) -> str:
    """A duration as "20 min", "3 h 05 min" or "2 d 4 h"."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def in_city(instant: datetime, tz: ZoneInfo) -> datetime:
    """The instant in the city's time zone."""
    return instant.astimezone(tz)


def clock(local: datetime) -> str:
    """A wall-clock time as "7:00 AM"."""
    hour = local.hour % 12 or 12
    return f"{hour}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}"


def format_instant(instant: datetime, tz_name: str) -> str:
    """An instant as "Nov 23, 2026 7:00 AM CST" in the city's time zone (locale-independent)."""
    local = in_city(instant, ZoneInfo(tz_name))
    return f"{short_date(local.date(), year=True)} {clock(local)} {local.tzname()}"


def day_time(instant: datetime, tz: ZoneInfo) -> str:
    """An instant as "Wed 18 13:05" in city time."""
    local = in_city(instant, tz)
    return f"{local:%a} {local.day} {local:%H:%M}"


def short_day(instant: datetime, tz: ZoneInfo, year: int) -> str:
    """A date as "Oct 17" (with the year when it is not the report's year)."""
    local = in_city(instant, tz).date()
    return short_date(local, year=local.year != year)


def summary_sentences(m: WeeklyMetrics) -> list[str]:
    """The week in plain words, as printed on page 1."""
    opened = int(m.opened.current or 0)
    resolved = int(m.resolved.current or 0)
    open_end = int(m.backlog_end.current or 0)
    recent = m.now - m.end < timedelta(days=7)
    are, has = ("are", "has") if recent else ("were", "had")
    if opened == 0:
        first = "No requests came in this week"
        first += f"; {plural(resolved, 'request was', 'requests were')} resolved" if resolved else ""
    else:
        first = f"{plural(opened, 'request', 'requests')} came in"
        first += (
            f", {resolved:,} {'was' if resolved == 1 else 'were'} resolved"
            if resolved
            else ", none was resolved"
        )
    if open_end:
        first += f", {open_end:,} {are} open" + ("" if recent else " at the end of the week")
        if m.oldest_open_days is not None:
            first += f"; the oldest {has} waited {plural(m.oldest_open_days, 'day', 'days')}"
    elif opened or resolved:
        first += f", and none {are} open"
    rate = m.on_time.current
    if rate.total:
        first += f"; {rate.whole_pct}% of requests were resolved on time ({rate.part:,} of {rate.total:,})"
    sentences = [first + "."]
    if m.is_empty:
        sentences.append("Nothing was open at any time during the week, and no contacts were logged.")
        return sentences
    prev_opened, prev_resolved = int(m.opened.previous or 0), int(m.resolved.previous or 0)
    sentences.append(
        f"Last week {plural(prev_opened, 'request', 'requests')} came in and {prev_resolved:,} "
        f"{'was' if prev_resolved == 1 else 'were'} resolved."
    )
    extras = []
    if m.past_due_end.current:
        past_due = int(m.past_due_end.current)
        extras.append(
            f"{plural(past_due, 'open request', 'open requests')} {'is' if past_due == 1 else 'are'} past due"
        )
    if m.incidents:
        extras.append(f"{plural(len(m.incidents), 'P1 incident', 'P1 incidents')} came in")
    if m.reopened.current:
        reopened = int(m.reopened.current)
        extras.append(f"{plural(reopened, 'request was', 'requests were')} reopened")
    if extras:
        text = join_words(extras)
        sentences.append(text[:1].upper() + text[1:] + ".")
    contacts = []
    if m.status_inquiries.current:
        contacts.append(plural(int(m.status_inquiries.current), "status inquiry", "status inquiries"))
    if m.questions.current:
        contacts.append(plural(int(m.questions.current), "question", "questions") + " answered on the spot")
    if contacts:
        sentences.append("The desk also logged " + join_words(contacts) + ".")
    if m.ops_opened.current or m.ops_resolved.current:
        sentences.append(
            f"Ops work, counted apart: {plural(int(m.ops_opened.current or 0), 'task', 'tasks')} opened, "
            f"{int(m.ops_resolved.current or 0):,} done."
        )
    if m.no_category.current:
        sentences.append(f"{plural(int(m.no_category.current), 'request has', 'requests have')} no category.")
    return sentences


def join_words(parts: Sequence[str]) -> str:
    """Words joined as "a", "a and b" or "a, b and c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def signed(count: int) -> str:
    """A count with its sign in the reconciliation: "+683", "−623" (a true minus sign)."""
    return f"{'−' if count < 0 else '+'}{abs(count):,}"


def reconciliation_rows(m: WeeklyMetrics) -> list[tuple[str, str]]:
    """(line, signed count) from the open count at the start to the open count at the end: the figures
    printed above, then each adjustment that is not zero, then the end (and what is left unexplained
    if anything is; the tests keep it at zero)."""
    r = m.reconciliation
    rows = [
        ("Open at the start of the week", n(r.start)),
        ("Requests opened", signed(r.opened)),
        ("Requests resolved", signed(-r.resolved)),
        ("Requests reopened", signed(r.reopened)),
    ]
    rows += [(a.label, signed(a.count)) for a in r.shown]
    if r.unexplained:
        rows.append(("Not explained (please report this)", signed(r.unexplained)))
    rows.append(("= Open at the end of the week", n(r.end)))
    return rows


def reconciliation_definition(m: WeeklyMetrics) -> str:
    """The identity in words, and what each adjustment printed this week counts."""
    meanings = {key: meaning for key, _sign, _label, meaning in dm.ADJUSTMENTS}
    shown = "; ".join(meanings[a.key] for a in m.reconciliation.shown)
    return (
        f"Page 1 adds up: {dm.RECONCILIATION_IDENTITY}, each adjustment counted on its own"
        + (f" ({shown})" if shown else "")
        + ". A re-routed request counts in its current department throughout."
    )


def definitions(m: WeeklyMetrics) -> list[tuple[str, str]]:
    """(term, plain-words definition) pairs for the last page, from the domain's metric definitions."""

    def first_sentence(doc: str | None) -> str:
        text = " ".join((doc or "").split())
        return text.split(";")[0].rstrip(".") + "."

    due_rules = (
        "P1: 4 hours after it came in, around the clock. P2: the end of the same business day. "
        "P3: the end of the business day that is the category's target number of business days later."
    )
    return [
        (
            "Week",
            f"Monday 00:00 to the next Monday 00:00 in the city's time zone ({m.tz_name}). A week with a "
            "daylight-saving change has 167 or 169 hours.",
        ),
        (
            "Requests and Ops work",
            "Requests are tickets with priority P1, P2 or P3; Ops tickets are counted apart. "
            + " ".join(f"{p.label}: {p.meaning}" for p in Priority),
        ),
        ("Opened", "A request created during the week."),
        (
            "Resolved",
            "The latest resolution of a request, not followed by a reopen, falls in the week (none "
            "imported with no date).",
        ),
        ("Closed", "A request moved to Closed during the week."),
        ("Reopened", "A request reopened during the week after it had been resolved."),
        (
            "Open (backlog)",
            "Created before the instant and not resolved or closed at it. Open at the start = at the week's "
            "first instant in city time; open at the end = at its last instant (for the week in progress: "
            "when the report was made). " + reconciliation_definition(m),
        ),
        ("Past due", "Open at the end of the week with its due date already passed. Due dates: " + due_rules),
        (
            "On time",
            first_sentence(dm.is_on_time.__doc__)
            + " Counted over requests resolved in the week that have a due date, and always printed with "
            "its counts: “41 of 45, 91%” means 41 of the 45 were on time. Percentages are rounded down.",
        ),
        (
            "First response",
            " ".join((dm.is_first_response.__doc__ or "").split())
            + " Time to first response is measured over requests opened in the week that have had one.",
        ),
        ("Time to resolution", "From creation to resolution, over requests resolved in the week."),
        (
            "Median, 90th percentile",
            "Half of the requests took less than the median; 9 in 10 took at most the 90th percentile "
            "(nearest rank). Elapsed hours, nights and weekends included.",
        ),
        (
            "First-contact resolution",
            first_sentence(dm.is_first_contact_resolution.__doc__)
            + " The rate is over all requests opened in the week.",
        ),
        (
            "Age",
            "Whole days since a request came in, at the end of the week; buckets "
            + ", ".join(label for label, _lo, _hi in dm.AGE_BUCKETS)
            + ".",
        ),
        ("Usual volume", "The average number of requests opened on the same weekday in the 8 weeks before."),
        (
            "Recurring problems",
            "Three or more requests in the 90 days to the end of the week about the same category at the "
            "same "
            "place (location text), or from the same person; listed when the problem came up this week.",
        ),
        (
            "Workload",
            "Per person: open tickets assigned at the end of the week (current assignee), tickets they "
            "resolved in the week, and the time they recorded in the week. Counts requests and Ops work.",
        ),
        (
            "Status inquiries, questions",
            "Contacts without a new request: someone asking about an existing request, and questions "
            "answered on the spot.",
        ),
        (
            "Data as of",
            "When the report was made. Each office's changes reach this PC when it syncs; the last sync "
            "of each office is listed on page 1.",
        ),
        (
            (
                "Ward/district",
                "The ward or district of the request's address, from the city's address list; "
                "requests at a place not on the list are counted apart.",
            )
            if m.opened_by_ward
            else (
                "Ward/district",
                "Not recorded yet: requests have no ward or district until addresses are added.",
            )
        ),
    ]


def enum_label(enum: Any, value: str) -> str:
    """The plain-English label of an enum value, or the value itself."""
    try:
        return str(enum(value).label)
    except ValueError:
        return value
