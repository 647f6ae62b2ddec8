"""The weekly report's long tables: P1 incidents, past-due and aging requests, recurring problems and
workload (sections of the story; ReportLab is imported by the table helpers)."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from citydesk.reports.weekly import words_es
from citydesk.reports.weekly.tables import Page
from citydesk.reports.weekly.text import day_time, duration, n, plural, short_day


def p1_incidents(page: Page) -> list[Any]:
    """Each P1 incident of the week with its short timeline."""
    m, tz = page.m, page.tz
    flow = page.table_heading("P1 incidents")
    if not m.incidents:
        return [*flow, page.p("No P1 incidents came in this week.")]
    es = page.language == "es"
    rows = []
    for inc in m.incidents:
        times = [f"Came in {day_time(inc.created_at, tz)}"]
        if inc.first_response_at:
            times.append(f"first response after {duration(inc.first_response_at - inc.created_at)}")
        if inc.resolved_at:
            times.append(f"resolved after {duration(inc.resolved_at - inc.created_at)}")
        when, say = (words_es.day_time, words_es.step_text) if es else (day_time, str)
        steps = "<br/>".join(f"{when(s.at, tz)} — {escape(say(s.text))}" for s in inc.steps)
        owner = page.t("Owner: {0}").format(escape(page.t(inc.owner)))
        status = words_es.STATUSES.get(inc.status, inc.status) if es else inc.status
        times_text = words_es.incident_times(inc, tz) if es else "; ".join(times)
        rows.append(
            [
                escape(inc.number),
                f"<b>{escape(inc.title)}</b><br/>{escape(inc.department)}<br/>{owner}",
                steps,
                escape(status) + "<br/>" + escape(times_text),
            ]
        )
    flow.append(
        page.table(
            ["Number", "Incident", "Short timeline (city time)", "Status"], rows, [0.15, 0.25, 0.42, 0.18]
        )
    )
    return flow


def aging(page: Page) -> list[Any]:
    """The open requests most past due, then the oldest."""
    m, tz = page.m, page.tz
    flow = page.table_heading("Past-due and aging open requests")
    if not m.aging:
        return [*flow, page.p("No requests were open at the end of the week.")]
    shown, open_total = min(len(m.aging), 15), int(m.backlog_end.current or 0)
    es = page.language == "es"
    flow.append(
        page.note(
            words_es.aging_note(shown, open_total)
            if es
            else f"The {shown} open requests most past due, then the oldest, at the end of the week "
            f"({plural(open_total, 'open request', 'open requests')} in all)."
        )
    )
    day = words_es.short_day if es else short_day
    flow.append(
        page.table(
            ["Number", "Request", "Pri.", "Department", "Owner", "Came in", "Due", "Age", "Past due"],
            [
                [
                    escape(r.number),
                    escape(r.title),
                    r.priority,
                    escape(r.department),
                    escape(r.owner),
                    day(r.created_at, tz, m.year),
                    day(r.due_at, tz, m.year) if r.due_at else "—",
                    f"{r.age_days} d",
                    f"{r.days_past_due} d" if r.days_past_due is not None else "—",
                ]
                for r in m.aging
            ],
            (0.15, 0.22, 0.055, 0.13, 0.13, 0.085, 0.085, 0.065, 0.08),
            right=(7, 8),
        )
    )
    return flow


def recurring(page: Page) -> list[Any]:
    """Recurring problems that came up this week."""
    m = page.m
    flow = page.table_heading("Recurring problems")
    if not m.recurring:
        return [*flow, page.p("No recurring problems came up this week.")]
    es = page.language == "es"
    flow.append(
        page.note(
            words_es.RECURRING_NOTE
            if es
            else "Three or more requests in the 90 days to the end of the week about the same category and "
            "place, or from the same person, that came up this week."
        )
    )
    label = words_es.recurring_label if es else str
    flow.append(
        page.table(
            ["Problem", "Requests in 90 days", "Open now", "Latest numbers"],
            [
                [escape(label(r.label)), n(r.count), n(r.open_now), escape(", ".join(r.numbers))]
                for r in m.recurring
            ],
            [0.43, 0.14, 0.1, 0.33],
            right=(1, 2),
        )
    )
    return flow


def workload(page: Page) -> list[Any]:
    """Each person's open assigned work, resolved requests and time logged."""
    m = page.m
    flow = page.table_heading("Workload")
    if not m.workload:
        return [*flow, page.p("Nobody had assigned, resolved or logged work this week.")]
    flow.append(
        page.table(
            ["Person", "Open, assigned at the end", "Resolved this week", "Time logged this week"],
            [
                [
                    escape(w.name),
                    n(w.open_assigned),
                    n(w.resolved),
                    f"{w.minutes_logged // 60} h {w.minutes_logged % 60:02d} min",
                ]
                for w in m.workload
            ],
            [0.34, 0.22, 0.2, 0.24],
            right=(1, 2, 3),
        )
    )
    return flow
