"""The story of the weekly status report: its sections in page order, each a named function that
returns its flowables (page 1, charts, breakdowns, tables, definitions). Imports ReportLab inside the
functions: load it only when a report is built."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from citydesk.domain.channels import LANGUAGES, Channel
from citydesk.domain.priorities import Priority
from citydesk.reports.model import WARD_NOTE, Rate, WeeklyMetrics, short_date, week_label
from citydesk.reports.weekly import text_es, words_es
from citydesk.reports.weekly.lists import aging, p1_incidents, recurring, workload
from citydesk.reports.weekly.tables import Page, styles
from citydesk.reports.weekly.text import (
    change,
    definitions,
    enum_label,
    format_instant,
    n,
    plural,
    points,
    reconciliation_rows,
    stats,
    summary_sentences,
)
from citydesk.reports.working_language import words

Progress = Callable[[int, int], None]
STEPS = 5


def target_text(days: int | None) -> str:
    """A category's target in words: "5 business days", "same business day" or a dash."""
    if days is None:
        return "—"
    if days == 0:
        return "same business day"
    return plural(days, "business day", "business days")


# ---- page 1 ----------------------------------------------------------------------------------------


def rate_text(page: Page) -> Callable[[Rate], str]:
    """How a rate prints in the working language: "3 of 4, 75%" / "3 de 4, 75%"."""
    return words_es.rate_text if page.language == "es" else Rate.text


def title(page: Page) -> list[Any]:
    """The title and the city, scope and week."""
    m = page.m
    label = (words_es.week_label if page.language == "es" else week_label)(m.year, m.week)
    return [
        page.p("Weekly status report", "title"),
        page.p(escape(f"{page.city_name} · {page.scope_label} · {label}"), "subtitle"),
    ]


def summary(page: Page) -> list[Any]:
    """The week in plain words, and the notes (the ward note is printed with the breakdowns)."""
    flow = [page.h1("Summary")]
    sentences = text_es.summary_sentences if page.language == "es" else summary_sentences
    flow += [page.p(escape(sentence), "lead") for sentence in sentences(page.m)]
    flow += [page.note(text) for text in page.m.notes if text != WARD_NOTE]
    return flow


def _key_notes_es(page: Page) -> list[Any]:
    """The notes under the key figures, in Spanish."""
    m, when = page.m, text_es.format_instant
    notes = []
    if m.awaiting_first_response:
        count = text_es.plural(m.awaiting_first_response, "solicitud abierta", "solicitudes abiertas")
        notes.append(
            f"{count} esta semana aún sin primera respuesta (no cuentan en los tiempos de primera respuesta)."
        )
    sync = "; ".join(
        f"{o.name} ({o.code}{', este equipo' if o.is_local else ''}): "
        + (
            f"última sincronización {when(o.last_sync_at, m.tz_name)}"
            if o.last_sync_at
            else "aún sin sincronizar"
        )
        for o in m.offices
    )
    notes.append(f"Datos al {when(m.now, m.tz_name)}. " + (f"Oficinas: {sync}." if sync else ""))
    return [page.note(text) for text in notes]


def key_figures(page: Page) -> list[Any]:
    """The key figures against last week, what has no first response yet, and the data's age."""
    m = page.m
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
    rate, pts = rate_text(page), words_es.points if page.language == "es" else points
    rows.append(["Resolved on time", rate(m.on_time.current), rate(m.on_time.previous), pts(m.on_time)])
    rows.append(
        [
            "First-contact resolution",
            rate(m.first_contact.current),
            rate(m.first_contact.previous),
            pts(m.first_contact),
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
    flow = [
        page.h1("Key figures"),
        page.table(
            ["Figure", "This week", "Last week", "Change"], rows, [0.43, 0.2, 0.2, 0.17], right=(1, 2, 3)
        ),
    ]
    if page.language == "es":
        return [*flow, *_key_notes_es(page)]
    if m.awaiting_first_response:
        flow.append(
            page.note(
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
        page.note(f"Data as of {format_instant(m.now, m.tz_name)}. " + (f"Offices: {sync}." if sync else ""))
    )
    return flow


def reconciliation(page: Page) -> list[Any]:
    """How the open count at the start becomes the open count at the end, every adjustment with its
    count (the identity is on the definitions page)."""
    from reportlab.platypus import KeepTogether

    rows = [[escape(line), count] for line, count in reconciliation_rows(page.m)]
    return [
        KeepTogether(
            [
                page.h1("How the open count adds up"),
                page.table(["Requests", "This week"], rows, [0.63, 0.2], right=(1,)),
            ]
        )
    ]


# ---- charts ----------------------------------------------------------------------------------------


def on_time_chart(page: Page) -> list[Any]:
    """A new page, then on time by category against the city's goal."""
    from reportlab.platypus import PageBreak

    from citydesk.reports.weekly import charts

    m = page.m
    shown = min(10, len(m.on_time_by_category))
    note = (
        words_es.on_time_note(shown, m.on_time_goal_pct)
        if page.language == "es"
        else f"Requests resolved this week that had a due date, for the {shown} categories with the most; "
        f"the dashed line is the city's goal of {m.on_time_goal_pct:.0f}% on time."
    )
    return [
        PageBreak(),
        page.h1("On time by category"),
        page.note(note),
        charts.on_time_chart(m.on_time_by_category, m.on_time_goal_pct, page.width, page.t, rate_text(page)),
    ]


def daily_chart(page: Page) -> list[Any]:
    """Opened and resolved per day of the week."""
    from citydesk.reports.weekly import charts

    return [page.h1("Opened and resolved per day"), charts.daily_chart(page.m.days, page.width, page.t)]


def trend_chart(page: Page) -> list[Any]:
    """The four-week trend."""
    from reportlab.platypus import CondPageBreak

    from citydesk.reports.weekly import charts

    chart = charts.trend_chart(page.m.trend, page.width, page.t)
    return [CondPageBreak(190), page.h1("Four-week trend"), chart]


def by_department(page: Page) -> list[Any]:
    """The departments' chart and table."""
    from reportlab.platypus import CondPageBreak, Spacer

    from citydesk.reports.weekly import charts

    m = page.m
    chart = charts.department_chart(m.departments, page.width, page.t)
    flow = [CondPageBreak(160), page.h1("By department"), chart]
    if m.departments:
        flow.append(Spacer(1, 6))
        flow.append(
            page.table(
                ["Department", "Opened", "Resolved", "Open at end", "Resolved on time"],
                [
                    [escape(d.name), n(d.opened), n(d.resolved), n(d.open_end), rate_text(page)(d.on_time)]
                    for d in m.departments
                ],
                [0.34, 0.12, 0.12, 0.14, 0.28],
                right=(1, 2, 3, 4),
            )
        )
    return flow


# ---- breakdowns ------------------------------------------------------------------------------------


def where_from(page: Page) -> list[Any]:
    """This week's requests by priority, channel, language and ward."""
    from reportlab.platypus import CondPageBreak

    m = page.m
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
    flow = [CondPageBreak(200), page.h1("Where requests came from")]
    if m.opened.current:
        flow.append(
            page.table(
                ["Grouping", "Value", "Requests", "Share"], breakdown, [0.2, 0.52, 0.14, 0.14], right=(2, 3)
            )
        )
    else:
        flow.append(page.p("No requests came in this week."))
    return flow


def on_time_by_category(page: Page) -> list[Any]:
    """Every category's on-time rate with its target."""
    rows = page.m.on_time_by_category
    if not rows:
        return []
    target, rate = words_es.target_text if page.language == "es" else target_text, rate_text(page)
    return [
        page.p("On time by category (all categories)", "h2"),
        page.table(
            ["Category", "Target", "Resolved on time"],
            [[escape(r.name), target(r.target_business_days), rate(r.rate)] for r in rows],
            [0.5, 0.22, 0.28],
            right=(2,),
        ),
    ]


def open_by_age(page: Page) -> list[Any]:
    """The requests open at the end of the week by age."""
    from reportlab.platypus import CondPageBreak

    m = page.m
    flow = [CondPageBreak(130), page.h1("Open requests by age")]
    open_total = sum(m.age_buckets.values())
    if open_total:
        flow.append(
            page.table(
                ["Age at the end of the week", "Open requests", "Share"],
                [[k, n(v), f"{v / open_total * 100:.0f}%"] for k, v in m.age_buckets.items()]
                + [["All open requests", n(open_total), "100%"]],
                [0.5, 0.25, 0.25],
                right=(1, 2),
            )
        )
    else:
        flow.append(page.p("No requests were open at the end of the week."))
    return flow


def busiest_days(page: Page) -> list[Any]:
    """The busiest day in words, then every day against the usual for its weekday."""
    from reportlab.platypus import CondPageBreak, Spacer

    flow: list[Any] = [CondPageBreak(150), page.h1("Busiest days")]
    days = list(page.m.days)
    if any(d.opened for d in days):
        busiest = max(days, key=lambda d: (d.opened, -d.day.toordinal()))
        vs = busiest.vs_usual_pct
        flow.append(
            page.p(
                escape(
                    words_es.busiest_sentence(busiest)
                    if page.language == "es"
                    else f"Busiest day: {busiest.day:%A} {short_date(busiest.day)} with "
                    f"{plural(busiest.opened, 'request', 'requests')}"
                    + (
                        f", {abs(vs):.0f}% {'above' if vs >= 0 else 'below'} the usual "
                        f"{busiest.usual_opened:,.0f}."
                        if vs is not None
                        else "."
                    )
                )
            )
        )
        flow.append(Spacer(1, 4))
    rows = []
    for d in sorted(days, key=lambda d: (-d.opened, d.day)):
        vs = d.vs_usual_pct
        rows.append(
            [
                words_es.day_short(d.day) if page.language == "es" else f"{d.day:%a} {short_date(d.day)}",
                n(d.opened),
                f"{d.usual_opened:,.1f}",
                "—" if vs is None else f"{'+' if vs >= 0 else '−'}{abs(vs):.0f}%",
                n(d.resolved),
            ]
        )
    flow.append(
        page.table(
            ["Day (busiest first)", "Opened", "Usual", "Against usual", "Resolved"],
            rows,
            [0.28, 0.16, 0.16, 0.2, 0.2],
            right=(1, 2, 3, 4),
        )
    )
    return flow


# ---- definitions -----------------------------------------------------------------------------------


def definitions_page(page: Page) -> list[Any]:
    """A new page with every term the report uses."""
    from reportlab.platypus import KeepTogether, PageBreak, Spacer

    flow: list[Any] = [PageBreak(), page.h1("Definitions")]
    for term, text in (text_es.definitions if page.language == "es" else definitions)(page.m):
        flow.append(KeepTogether([page.p(escape(term), "term"), page.p(escape(text), "def"), Spacer(1, 1)]))
    return flow


Section = Callable[[Page], list[Any]]
PARTS: tuple[tuple[tuple[Section, ...], int | None], ...] = (
    ((title, summary, key_figures, reconciliation), 2),
    ((on_time_chart, daily_chart, trend_chart, by_department), 3),
    (
        (
            where_from,
            on_time_by_category,
            open_by_age,
            busiest_days,
            p1_incidents,
            aging,
            recurring,
            workload,
        ),
        4,
    ),
    ((definitions_page,), None),
)
"""The sections in page order, in parts; after each part the progress step it reaches."""


def story(
    m: WeeklyMetrics,
    *,
    city_name: str,
    scope_label: str,
    width: float,
    progress: Progress,
    language: str = "en",
) -> list[Any]:
    """The report's flowables, in page order; headings in `language` (the city's working language)."""
    page = Page(m, city_name, scope_label, width, styles(), ZoneInfo(m.tz_name), words(language), language)
    flow: list[Any] = []
    for sections, step in PARTS:
        for section in sections:
            flow.extend(section(page))
        if step is not None:
            progress(step, STEPS)
    return flow
