"""The layout of the weekly status report: paragraph styles, wrapped tables and the story of
flowables (page 1, charts, breakdowns, tables, definitions). Imports ReportLab: load it only when a
report is built."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from citydesk.domain.channels import LANGUAGES, Channel
from citydesk.domain.priorities import Priority
from citydesk.reports._pdf_text import (
    BOLD,
    FONT,
    change,
    day_time,
    definitions,
    duration,
    enum_label,
    format_instant,
    n,
    plural,
    points,
    short_day,
    stats,
    summary_sentences,
)
from citydesk.reports.model import (
    WARD_NOTE,
    WeeklyMetrics,
    short_date,
    week_label,
)

Progress = Callable[[int, int], None]
STEPS = 5


def target_text(days: int | None) -> str:
    """A category's target in words: "5 business days", "same business day" or a dash."""
    if days is None:
        return "—"
    if days == 0:
        return "same business day"
    return plural(days, "business day", "business days")


def styles() -> dict[str, Any]:
    """The report's paragraph styles, all in DejaVu Sans."""
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, alignment=TA_LEFT)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=18, leading=22, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=10, leading=13, spaceAfter=8),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=13,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h1_table": ParagraphStyle(
            "h1_table", parent=body, fontName=BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=5
        ),
        "body": body,
        "lead": ParagraphStyle("lead", parent=body, fontSize=11, leading=15, spaceAfter=5),
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        "note": ParagraphStyle(
            "note", parent=body, fontSize=8, leading=10.5, textColor="#333333", spaceBefore=3
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "cell_r": ParagraphStyle("cell_r", parent=body, fontSize=8, leading=10, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=body, fontName=BOLD, fontSize=8, leading=10),
        "head_r": ParagraphStyle(
            "head_r", parent=body, fontName=BOLD, fontSize=8, leading=10, alignment=TA_RIGHT
        ),
        "term": ParagraphStyle("term", parent=body, fontName=BOLD, fontSize=8.5, leading=11),
        "def": ParagraphStyle("def", parent=body, fontSize=8.5, leading=11),
    }


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    styles: dict[str, Any],
    *,
    right: Sequence[int] = (),
) -> Any:
    """A LongTable with a repeated header row and wrapped Paragraph cells (never overflowing)."""
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, Paragraph, TableStyle

    def cell(value: object, index: int, head: bool = False) -> Any:
        if not isinstance(value, str) and hasattr(value, "wrap"):
            return value
        style = ("head" if head else "cell") + ("_r" if index in right else "")
        return Paragraph(str(value), styles[style])

    data = [[cell(h, i, True) for i, h in enumerate(header)]]
    data += [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    grid = LongTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.85, 0.85)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.Color(0.6, 0.6, 0.6)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for i in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, i), (-1, i), colors.Color(0.95, 0.95, 0.95)))
    grid.setStyle(TableStyle(commands))
    return grid


def story(
    m: WeeklyMetrics, *, city_name: str, scope_label: str, width: float, progress: Progress
) -> list[Any]:
    """The report's flowables, in page order."""
    from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer

    from citydesk.reports import charts

    st = styles()
    tz = ZoneInfo(m.tz_name)
    label = week_label(m.year, m.week)
    flow: list[Any] = []
    p = Paragraph

    def h1(text: str) -> Any:
        return p(escape(text), st["h1"])

    def table_heading(text: str) -> list[Any]:
        """A heading before a long table: room for it and a few rows, else a new page (the table may
        then split across pages, its header row repeated)."""
        return [CondPageBreak(140), p(escape(text), st["h1_table"])]

    def note(text: str) -> Any:
        return p(escape(text), st["note"])

    # Page 1: the week in plain words and the key figures.
    flow.append(p("Weekly status report", st["title"]))
    flow.append(p(escape(f"{city_name} · {scope_label} · {label}"), st["subtitle"]))
    flow.append(h1("Summary"))
    for sentence in summary_sentences(m):
        flow.append(p(escape(sentence), st["lead"]))
    for text in m.notes:
        if text != WARD_NOTE:  # printed with the breakdowns
            flow.append(note(text))

    flow.append(h1("Key figures"))
    fig_rows = [
        ("Requests opened", m.opened),
        ("Requests resolved", m.resolved),
        ("Requests closed", m.closed),
        ("Requests reopened", m.reopened),
        ("Open at the start of the week", m.backlog_start),
        ("Open at the end of the week", m.backlog_end),
        ("Open and past due at the end of the week", m.past_due_end),
    ]
    rows: list[list[object]] = [[name, n(f.current), n(f.previous), change(f)] for name, f in fig_rows]
    rows.append(["Resolved on time", m.on_time.current.text(), m.on_time.previous.text(), points(m.on_time)])
    rows.append(
        [
            "First-contact resolution",
            m.first_contact.current.text(),
            m.first_contact.previous.text(),
            points(m.first_contact),
        ]
    )
    rows.append(
        [
            "Time to first response, median / 90th percentile",
            stats(m.first_response),
            stats(m.first_response_previous),
            "",
        ]
    )
    rows.append(
        [
            "Time to resolution, median / 90th percentile",
            stats(m.resolution),
            stats(m.resolution_previous),
            "",
        ]
    )
    for name, f in (
        ("Status inquiries", m.status_inquiries),
        ("Questions answered on the spot", m.questions),
        ("Ops work opened (counted apart)", m.ops_opened),
        ("Ops work done (counted apart)", m.ops_resolved),
        ("Requests with no category", m.no_category),
    ):
        rows.append([name, n(f.current), n(f.previous), change(f)])
    flow.append(
        table(
            ["Figure", "This week", "Last week", "Change"],
            rows,
            [width * 0.43, width * 0.2, width * 0.2, width * 0.17],
            st,
            right=(1, 2, 3),
        )
    )
    if m.awaiting_first_response:
        flow.append(
            note(
                f"{plural(m.awaiting_first_response, 'request', 'requests')} opened this week "
                f"{'has' if m.awaiting_first_response == 1 else 'have'} had no first response yet "
                "(not in the first-response times)."
            )
        )
    sync = "; ".join(
        f"{o.name} ({o.code}{', this PC' if o.is_local else ''}): "
        + (f"last synced {format_instant(o.last_sync_at, m.tz_name)}" if o.last_sync_at else "not synced yet")
        for o in m.offices
    )
    flow.append(
        note(f"Data as of {format_instant(m.now, m.tz_name)}. " + (f"Offices: {sync}." if sync else ""))
    )
    progress(2, STEPS)

    # Charts.
    flow.append(PageBreak())
    flow.append(h1("On time by category"))
    flow.append(
        note(
            f"Requests resolved this week that had a due date, for the {min(10, len(m.on_time_by_category))} "
            f"categories with the most; the dashed line is the city's goal of {m.on_time_goal_pct:.0f}% "
            "on time."
        )
    )
    flow.append(charts.on_time_chart(m.on_time_by_category, m.on_time_goal_pct, width))
    flow.append(h1("Opened and resolved per day"))
    flow.append(charts.daily_chart(m.days, width))
    flow.append(CondPageBreak(190))
    flow.append(h1("Four-week trend"))
    flow.append(charts.trend_chart(m.trend, width))
    flow.append(CondPageBreak(160))
    flow.append(h1("By department"))
    flow.append(charts.department_chart(m.departments, width))
    if m.departments:
        flow.append(Spacer(1, 6))
        flow.append(
            table(
                ["Department", "Opened", "Resolved", "Open at end", "Resolved on time"],
                [
                    [escape(d.name), n(d.opened), n(d.resolved), n(d.open_end), d.on_time.text()]
                    for d in m.departments
                ],
                [width * 0.34, width * 0.12, width * 0.12, width * 0.14, width * 0.28],
                st,
                right=(1, 2, 3, 4),
            )
        )
    progress(3, STEPS)

    # Breakdowns.
    flow.append(CondPageBreak(200))
    flow.append(h1("Where requests came from"))
    breakdown: list[list[object]] = []
    total = sum(m.opened_by_priority.values()) or 1

    def add_group(name: str, values: dict[str, int] | Any, label_of: Callable[[str], str]) -> None:
        first = True
        for key, count in values.items():
            breakdown.append(
                [name if first else "", escape(label_of(key)), n(count), f"{count / total * 100:.0f}%"]
            )
            first = False

    add_group("Priority", m.opened_by_priority, lambda k: enum_label(Priority, k))
    add_group("Channel", m.opened_by_channel, lambda k: enum_label(Channel, k))
    add_group(
        "Language", m.opened_by_language, lambda k: LANGUAGES.get(k, "Not known" if k == "unknown" else k)
    )
    add_group("Ward/district", m.opened_by_ward, lambda k: k or "Not on the address list")
    if not m.opened_by_ward:
        breakdown.append(
            ["Ward/district", "Not recorded yet (requests have no ward until addresses are added)", "", ""]
        )
    if m.opened.current:
        flow.append(
            table(
                ["Grouping", "Value", "Requests", "Share"],
                breakdown,
                [width * 0.2, width * 0.52, width * 0.14, width * 0.14],
                st,
                right=(2, 3),
            )
        )
    else:
        flow.append(p("No requests came in this week.", st["body"]))

    if m.on_time_by_category:
        flow.append(p("On time by category (all categories)", st["h2"]))
        flow.append(
            table(
                ["Category", "Target", "Resolved on time"],
                [
                    [
                        escape(r.name),
                        target_text(r.target_business_days),
                        r.rate.text(),
                    ]
                    for r in m.on_time_by_category
                ],
                [width * 0.5, width * 0.22, width * 0.28],
                st,
                right=(2,),
            )
        )

    flow.append(CondPageBreak(130))
    flow.append(h1("Open requests by age"))
    open_total = sum(m.age_buckets.values())
    if open_total:
        flow.append(
            table(
                ["Age at the end of the week", "Open requests", "Share"],
                [[k, n(v), f"{v / open_total * 100:.0f}%"] for k, v in m.age_buckets.items()]
                + [["All open requests", n(open_total), "100%"]],
                [width * 0.5, width * 0.25, width * 0.25],
                st,
                right=(1, 2),
            )
        )
    else:
        flow.append(p("No requests were open at the end of the week.", st["body"]))

    flow.append(CondPageBreak(150))
    flow.append(h1("Busiest days"))
    days = list(m.days)
    if any(d.opened for d in days):
        busiest = max(days, key=lambda d: (d.opened, -d.day.toordinal()))
        vs = busiest.vs_usual_pct
        flow.append(
            p(
                escape(
                    f"Busiest day: {busiest.day:%A} {short_date(busiest.day)} with "
                    f"{plural(busiest.opened, 'request', 'requests')}"
                    + (
                        f", {abs(vs):.0f}% {'above' if vs >= 0 else 'below'} the usual "
                        f"{busiest.usual_opened:,.0f}."
                        if vs is not None
                        else "."
                    )
                ),
                st["body"],
            )
        )
        flow.append(Spacer(1, 4))
    rows = []
    for d in sorted(days, key=lambda d: (-d.opened, d.day)):
        vs = d.vs_usual_pct
        rows.append(
            [
                f"{d.day:%a} {short_date(d.day)}",
                n(d.opened),
                f"{d.usual_opened:,.1f}",
                "—" if vs is None else f"{'+' if vs >= 0 else '−'}{abs(vs):.0f}%",
                n(d.resolved),
            ]
        )
    flow.append(
        table(
            ["Day (busiest first)", "Opened", "Usual", "Against usual", "Resolved"],
            rows,
            [width * 0.28, width * 0.16, width * 0.16, width * 0.2, width * 0.2],
            st,
            right=(1, 2, 3, 4),
        )
    )

    # Tables.
    flow.extend(table_heading("P1 incidents"))
    if m.incidents:
        rows = []
        for inc in m.incidents:
            times = [f"Came in {day_time(inc.created_at, tz)}"]
            if inc.first_response_at:
                times.append(f"first response after {duration(inc.first_response_at - inc.created_at)}")
            if inc.resolved_at:
                times.append(f"resolved after {duration(inc.resolved_at - inc.created_at)}")
            steps = "<br/>".join(f"{day_time(s.at, tz)} — {escape(s.text)}" for s in inc.steps)
            rows.append(
                [
                    escape(inc.number),
                    f"<b>{escape(inc.title)}</b><br/>{escape(inc.department)}<br/>Owner: {escape(inc.owner)}",
                    steps,
                    escape(inc.status) + "<br/>" + escape("; ".join(times)),
                ]
            )
        flow.append(
            table(
                ["Number", "Incident", "Short timeline (city time)", "Status"],
                rows,
                [width * 0.15, width * 0.25, width * 0.42, width * 0.18],
                st,
            )
        )
    else:
        flow.append(p("No P1 incidents came in this week.", st["body"]))

    flow.extend(table_heading("Past-due and aging open requests"))
    if m.aging:
        flow.append(
            note(
                f"The {min(len(m.aging), 15)} open requests most past due, then the oldest, at the end of "
                "the week "
                f"({plural(int(m.backlog_end.current or 0), 'open request', 'open requests')} in all)."
            )
        )
        flow.append(
            table(
                [
                    "Number",
                    "Request",
                    "Pri.",
                    "Department",
                    "Owner",
                    "Came in",
                    "Due",
                    "Age",
                    "Past due",
                ],
                [
                    [
                        escape(r.number),
                        escape(r.title),
                        r.priority,
                        escape(r.department),
                        escape(r.owner),
                        short_day(r.created_at, tz, m.year),
                        short_day(r.due_at, tz, m.year) if r.due_at else "—",
                        f"{r.age_days} d",
                        f"{r.days_past_due} d" if r.days_past_due is not None else "—",
                    ]
                    for r in m.aging
                ],
                [w * width for w in (0.15, 0.22, 0.055, 0.13, 0.13, 0.085, 0.085, 0.065, 0.08)],
                st,
                right=(7, 8),
            )
        )
    else:
        flow.append(p("No requests were open at the end of the week.", st["body"]))

    flow.extend(table_heading("Recurring problems"))
    if m.recurring:
        flow.append(
            note(
                "Three or more requests in the 90 days to the end of the week about the same category and "
                "place, or from the same person, that came up this week."
            )
        )
        flow.append(
            table(
                ["Problem", "Requests in 90 days", "Open now", "Latest numbers"],
                [
                    [escape(r.label), n(r.count), n(r.open_now), escape(", ".join(r.numbers))]
                    for r in m.recurring
                ],
                [width * 0.43, width * 0.14, width * 0.1, width * 0.33],
                st,
                right=(1, 2),
            )
        )
    else:
        flow.append(p("No recurring problems came up this week.", st["body"]))

    flow.extend(table_heading("Workload"))
    if m.workload:
        flow.append(
            table(
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
                [width * 0.34, width * 0.22, width * 0.2, width * 0.24],
                st,
                right=(1, 2, 3),
            )
        )
    else:
        flow.append(p("Nobody had assigned, resolved or logged work this week.", st["body"]))
    progress(4, STEPS)

    # Definitions.
    flow.append(PageBreak())
    flow.append(h1("Definitions"))
    for term, text in definitions(m):
        flow.append(KeepTogether([p(escape(term), st["term"]), p(escape(text), st["def"]), Spacer(1, 3)]))
    return flow
