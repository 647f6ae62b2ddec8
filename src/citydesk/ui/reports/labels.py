"""The Reports view's and schedule dialog's translated labels: paper sizes, the writer's steps, scopes, days.

The report writer (Qt-free, reports/weekly) names its steps and scopes in English; these tables give the
UI's words for them (the PDF itself speaks the city's working language: reports/working_language.py).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from citydesk.domain.report_schedule import ReportSchedule
from citydesk.reports.weekly.writer import STAGES, ScopeChoice

PAGE_SIZES = (
    ("letter", QT_TRANSLATE_NOOP("ReportsView", "Letter")),
    ("a4", QT_TRANSLATE_NOOP("ReportsView", "A4")),
)
STAGE_LABELS = {
    STAGES[0]: QT_TRANSLATE_NOOP("ReportsView", "Reading the week's figures…"),
    STAGES[1]: QT_TRANSLATE_NOOP("ReportsView", "Loading the report font…"),
    STAGES[2]: QT_TRANSLATE_NOOP("ReportsView", "Writing the summary and key figures…"),
    STAGES[3]: QT_TRANSLATE_NOOP("ReportsView", "Drawing the charts…"),
    STAGES[4]: QT_TRANSLATE_NOOP("ReportsView", "Setting the tables…"),
    STAGES[5]: QT_TRANSLATE_NOOP("ReportsView", "Laying out the pages…"),
    STAGES[6]: QT_TRANSLATE_NOOP("ReportsView", "Done."),
    "Rendering the preview…": QT_TRANSLATE_NOOP("ReportsView", "Rendering the preview…"),
}
WEEKDAY_LABELS = (
    QT_TRANSLATE_NOOP("ReportsView", "Monday"),
    QT_TRANSLATE_NOOP("ReportsView", "Tuesday"),
    QT_TRANSLATE_NOOP("ReportsView", "Wednesday"),
    QT_TRANSLATE_NOOP("ReportsView", "Thursday"),
    QT_TRANSLATE_NOOP("ReportsView", "Friday"),
    QT_TRANSLATE_NOOP("ReportsView", "Saturday"),
    QT_TRANSLATE_NOOP("ReportsView", "Sunday"),
)


def tr(text: str) -> str:
    """Translate `text` in the Reports view's context."""
    return QCoreApplication.translate("ReportsView", text)


def stage_label(stage: str) -> str:
    """A report writer's step ("Drawing the charts…") in the UI's language."""
    return tr(STAGE_LABELS.get(stage, stage))


def page_size_label(value: str) -> str:
    """ "Letter" / "Carta"; "A4"."""
    return tr(dict(PAGE_SIZES).get(value, value))


def scope_label(choice: ScopeChoice) -> str:
    """A scope's label: "Whole city" / "Toda la ciudad", "Office: City Hall" / "Oficina: City Hall"."""
    kind, _sep, _code = choice.text.partition(":")
    name = choice.label.partition(": ")[2]
    if kind == "city":
        return tr("Whole city")
    if kind == "office" and name:
        return tr("Office: {0}").format(name)
    if kind == "department" and name:
        return tr("Department: {0}").format(name)
    return choice.label


def weekday_label(number: int) -> str:
    """A day of the week by ISO number (1 = Monday)."""
    return tr(WEEKDAY_LABELS[number - 1])


def describe_schedule(schedule: ReportSchedule, scope: str | None = None) -> str:
    """ "Every Monday at 07:00 (city time), last week's report (Whole city) is written to /srv/reports."."""
    if not schedule.enabled:
        return tr("The weekly report is not scheduled on this PC.")
    text = (
        tr("Every {0} at {1} (city time), last week's report ({2}) is written to {3} and printed.")
        if schedule.print_copy
        else tr("Every {0} at {1} (city time), last week's report ({2}) is written to {3}.")
    )
    return text.format(
        weekday_label(schedule.weekday), f"{schedule.at:%H:%M}", scope or schedule.scope, schedule.folder
    )
