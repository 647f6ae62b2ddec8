"""The week's metrics as CSV (`citydesk export-metrics`): one row per figure, this week and last, with
the same encoding and spreadsheet conventions as the ticket export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from citydesk.reports.csvio.export import ExportSummary, write_csv
from citydesk.reports.model import WeeklyMetrics
from citydesk.reports.working_language import metric_header

METRIC_COLUMNS = ("section", "item", "this_week", "last_week", "change", "detail")


def _num(value: float | None, digits: int = 1) -> Any:
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else round(float(value), digits)


def metric_rows(m: WeeklyMetrics) -> Iterator[list[Any]]:
    """The week's metrics as rows of `METRIC_COLUMNS` (figures against last week, then breakdowns)."""
    yield ["week", "week", m.week_id, "", "", f"{m.scope_name}; {m.city_name}; times in {m.tz_name}"]
    for name in ("opened", "resolved", "closed", "reopened", "backlog_start", "backlog_end", "past_due_end",
                 "status_inquiries", "questions", "ops_opened", "ops_resolved", "no_category"):  # fmt: skip
        fig = getattr(m, name)
        change = fig.change_pct
        yield [
            "summary",
            name,
            _num(fig.current),
            _num(fig.previous),
            "" if change is None else f"{change:+.0f}%",
            "",
        ]
    for name in ("on_time", "first_contact"):
        rate = getattr(m, name)
        points = rate.change_points
        yield ["rate", f"{name}_pct", _num(rate.current.pct), _num(rate.previous.pct),
               "" if points is None else f"{points:+.1f} points", rate.current.text()]  # fmt: skip
    for name in ("first_response", "resolution"):
        now, before = getattr(m, name), getattr(m, f"{name}_previous")
        for stat in ("median_hours", "p90_hours"):
            yield ["duration", f"{name}_{stat}", _num(getattr(now, stat)), _num(getattr(before, stat)), "",
                   f"over {now.count} tickets"]  # fmt: skip
    r = m.reconciliation
    identity = "open at the start + opened - resolved + reopened + adjustments = open at the end"
    yield ["reconciliation", "backlog_start", r.start, "", "", identity]
    yield ["reconciliation", "opened", r.opened, "", "", ""]
    yield ["reconciliation", "resolved", -r.resolved, "", "", ""]
    yield ["reconciliation", "reopened", r.reopened, "", "", ""]
    for a in r.adjustments:
        yield ["reconciliation", a.key, a.count, "", "", a.label]
    if r.unexplained:
        yield ["reconciliation", "unexplained", r.unexplained, "", "", "not explained"]
    yield ["reconciliation", "backlog_end", r.end, "", "", ""]
    yield ["summary", "ops_open_end", m.ops_open_end, "", "", ""]
    yield ["summary", "awaiting_first_response", m.awaiting_first_response, "", "", ""]
    yield ["summary", "oldest_open_days", _num(m.oldest_open_days), "", "", ""]
    for section, rows in (("on_time_by_category", m.on_time_by_category),
                          ("on_time_by_department", m.on_time_by_department)):  # fmt: skip
        for row in rows:
            yield [section, row.name, _num(row.rate.pct), "", "", row.rate.text()]
    for dep in m.departments:
        yield [
            "department",
            dep.name,
            dep.opened,
            "",
            "",
            f"resolved {dep.resolved}; open at end {dep.open_end}",
        ]
    for section, mapping in (("open_by_age", m.age_buckets), ("opened_by_priority", m.opened_by_priority),
                             ("opened_by_channel", m.opened_by_channel),
                             ("opened_by_language", m.opened_by_language),
                             ("opened_by_ward", m.opened_by_ward)):  # fmt: skip
        for key, value in mapping.items():
            yield [section, key, value, "", "", ""]
    for day in m.days:
        vs = day.vs_usual_pct
        change = "" if vs is None else f"{vs:+.0f}%"
        yield ["day", day.day.isoformat(), day.opened, _num(day.usual_opened), change,
               f"resolved {day.resolved}; last_week = usual volume"]  # fmt: skip
    for week in m.trend:
        yield [
            "trend",
            week.label,
            week.opened,
            "",
            "",
            f"resolved {week.resolved}; backlog {week.backlog_end}",
        ]
    for person in m.workload:
        yield ["workload", person.name, person.open_assigned, "", "",
               f"resolved {person.resolved}; minutes logged {person.minutes_logged}"]  # fmt: skip
    for problem in m.recurring:
        yield ["recurring", problem.label, problem.count, "", "", " ".join(problem.numbers)]


def export_metrics(metrics: WeeklyMetrics, path: Path, language: str = "en") -> ExportSummary:
    """Write the week's metrics as CSV (same encoding and conventions as the ticket export); the header
    row in `language` (the city's working language), the section and item names stay codes."""
    written = write_csv(path, metric_header(METRIC_COLUMNS, language), metric_rows(metrics))
    return ExportSummary(path=Path(path), rows=written, public_records=False)
