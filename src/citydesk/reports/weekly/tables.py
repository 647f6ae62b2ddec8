"""The weekly report's paragraph styles, wrapped tables and `Page` (what every section needs); ReportLab
is imported inside the functions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from citydesk.reports.fonts import BOLD, FONT
from citydesk.reports.model import WeeklyMetrics

__all__ = ["Page", "styles", "table"]


def same(text: str) -> str:
    """A report text as it is (the English report)."""
    return text


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


@dataclass(frozen=True)
class Page:
    """What every section needs: the figures, the frame width, the styles, the city's zone, and `t`, which
    gives a heading in the city's working language (reports/working_language.py)."""

    m: WeeklyMetrics
    city_name: str
    scope_label: str
    width: float
    st: dict[str, Any]
    tz: ZoneInfo
    t: Callable[[str], str] = same
    language: str = "en"

    def p(self, text: str, style: str = "body") -> Any:
        """A paragraph of (already escaped) text, in the working language when it is a known report text
        (a title, a sub-heading, a fixed sentence such as "No P1 incidents came in this week.")."""
        from reportlab.platypus import Paragraph

        return Paragraph(self.t(text), self.st[style])

    def h1(self, text: str) -> Any:
        """A section heading (in the working language)."""
        return self.p(escape(self.t(text)), "h1")

    def note(self, text: str) -> Any:
        """A small note under a table or chart."""
        return self.p(escape(text), "note")

    def table_heading(self, text: str) -> list[Any]:
        """A heading before a long table: room for it and a few rows, else a new page (the table may
        then split across pages, its header row repeated)."""
        from reportlab.platypus import CondPageBreak

        return [CondPageBreak(140), self.p(escape(self.t(text)), "h1_table")]

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[object]], shares: Sequence[float], **kw: Any
    ) -> Any:
        """A wrapped table whose column widths are shares of the frame width; its headings, and the cells
        that are report words ("Requests opened", "Walk-in"), in the working language."""
        heads = [self.t(h) for h in header]
        cells = [[self.t(v) if isinstance(v, str) else v for v in row] for row in rows]
        return table(heads, cells, [share * self.width for share in shares], self.st, **kw)
