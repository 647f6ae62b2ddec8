"""The printed weekly status report: a PDF built with ReportLab platypus and reportlab.graphics.

`build_weekly_report(metrics, city_name=, scope_label=, page_size=, out_path=)` lays out page 1 (the
week in plain words and the key figures against last week), the charts, the tables (P1 incidents,
past-due and aging requests, recurring problems, workload) and a last page of definitions, with a
header and footer on every page. Text is set in the shipped DejaVu Sans (`reports.fonts`), so
accented names print; the PDF's title and language are set. The file is written to a temporary
name in the target folder and renamed at the end, so a failure never leaves a partial report.
ReportLab is imported inside the functions: importing this module is cheap. The words live in
`text` (summary sentences, definitions, number formats), the sections in `story` and `lists`, the
styles and tables in `tables`, the charts in `charts`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from citydesk.domain.errors import ValidationError
from citydesk.reports import ReportError
from citydesk.reports.fonts import FONT, register_fonts
from citydesk.reports.model import (
    WeeklyMetrics,
    week_label,
)
from citydesk.reports.weekly import text_es, words_es
from citydesk.reports.weekly.text import definitions, format_instant, summary_sentences
from citydesk.reports.working_language import LANGUAGE_TAGS, scope_words, words

__all__ = [
    "PAGE_SIZES",
    "SECTIONS",
    "build_weekly_report",
    "definitions",
    "format_instant",
    "summary_sentences",
]

Progress = Callable[[int, int], None]

PAGE_SIZES = ("letter", "a4")
LANGUAGE_TAG = "en-US"
SECTIONS = (
    "Summary",
    "Key figures",
    "How the open count adds up",
    "On time by category",
    "Opened and resolved per day",
    "Four-week trend",
    "By department",
    "Where requests came from",
    "Open requests by age",
    "Busiest days",
    "P1 incidents",
    "Past-due and aging open requests",
    "Recurring problems",
    "Workload",
    "Definitions",
)
"""Every section heading, in the order the report prints them."""


def _canvas_class(
    header_left: str, header_right: str, footer_left: str, page_of: str = "Page {0} of {1}"
) -> type:
    """A canvas that draws the header and footer, with "Page n of m", on every page when saved."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    from citydesk.reports.weekly.charts import fit

    class ReportCanvas(Canvas):
        """Keeps every page until the end, then draws header and footer with the page count."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize
            margin = 0.6 * 72
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.black)
            self.drawString(margin, height - 0.42 * 72, fit(header_left, width * 0.55, 7.5))
            self.drawRightString(width - margin, height - 0.42 * 72, fit(header_right, width * 0.42, 7.5))
            self.setLineWidth(0.5)
            self.line(margin, height - 0.47 * 72, width - margin, height - 0.47 * 72)
            self.line(margin, 0.5 * 72, width - margin, 0.5 * 72)
            self.drawString(margin, 0.36 * 72, fit(footer_left, width * 0.7, 7.5))
            self.drawRightString(width - margin, 0.36 * 72, page_of.format(number, total))
            self.restoreState()

    return ReportCanvas


def build_weekly_report(
    metrics: WeeklyMetrics,
    *,
    city_name: str,
    scope_label: str,
    page_size: str = "letter",
    out_path: Path | str,
    progress: Progress | None = None,
    font_dir: Path | None = None,
    language: str = "en",
) -> Path:
    """Write the weekly status report PDF to `out_path` (atomically) and return its path; its headings in
    `language` (the city's working language: reports/working_language.py)."""
    from reportlab.lib.pagesizes import A4, letter
    from reportlab.platypus import SimpleDocTemplate

    from citydesk.reports.weekly.story import STEPS, story

    report = progress or (lambda _done, _total: None)
    size_name = (page_size or "").strip().lower()
    if size_name not in PAGE_SIZES:
        raise ValidationError("page_size", f"Choose the page size letter or a4; got {page_size!r}.")
    out = Path(out_path)
    if out.suffix.lower() != ".pdf":
        raise ValidationError("out", f"The report file must end in .pdf: {out}")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"Cannot write the report to {out}: the folder {folder} does not exist.", path=out)
    report(0, STEPS)
    register_fonts(font_dir)
    report(1, STEPS)

    pagesize = letter if size_name == "letter" else A4
    margin = 0.6 * 72
    label = (words_es.week_label if language == "es" else week_label)(metrics.year, metrics.week)
    t = words(language)
    scope_label = scope_words(scope_label, language)
    title = f"{t('Weekly status report')} {label} — {city_name}, {scope_label}"
    tmp = folder / f".{out.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        handle = open(tmp, "xb")  # noqa: SIM115 (closed below; removed on any failure)
    except OSError as exc:
        raise ReportError(f"Cannot write the report to {out}: {exc.strerror or exc}.", path=out) from exc
    try:
        with handle:
            doc = SimpleDocTemplate(
                handle,
                pagesize=pagesize,
                leftMargin=margin,
                rightMargin=margin,
                topMargin=0.65 * 72,
                bottomMargin=0.65 * 72,
                title=title,
                author="citydesk",
                subject=t("Service desk status, {0}, {1}").format(scope_label, label),
                creator="citydesk",
                lang=LANGUAGE_TAGS.get(language, LANGUAGE_TAG),
                displayDocTitle=True,
                initialFontName=FONT,
            )
            flowables = story(
                metrics,
                city_name=city_name,
                scope_label=scope_label,
                width=doc.width,
                progress=report,
                language=language,
            )
            canvas = _canvas_class(
                t("{0} — Weekly status report — {1}").format(city_name, scope_label),
                label,
                t("Data as of {0}").format(
                    (text_es.format_instant if language == "es" else format_instant)(
                        metrics.now, metrics.tz_name
                    )
                ),
                t("Page {0} of {1}"),
            )
            doc.build(flowables, canvasmaker=canvas)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"Cannot write the report to {out}: {exc.strerror or exc}.", path=out) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    report(STEPS, STEPS)
    return out
