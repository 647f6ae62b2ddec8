"""The receipt slip handed to a citizen: laid out once, drawn to PDF (ReportLab) or to a printer (Qt).

`slip_layout(data, layout)` places every line of the slip on a page, in points from the top-left
corner: a Letter or A4 sheet whose top half holds the slip (with a dashed line to cut along), or an
80 mm thermal receipt roll whose page is exactly as tall as its content. Lines are wrapped with the
metrics of the shipped DejaVu Sans, so the PDF and the printer (which draws the same `Slip` with
QPainter, in `ui/counter/receipt.py`) show the same thing. `write_receipt_pdf` writes the PDF
atomically. The words come from `domain/receipt_texts.py` (merged with the admin's edits in the
store's `receipt_data`). ReportLab is imported inside the functions.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from citydesk.domain.errors import ValidationError
from citydesk.domain.receipt_texts import date_words, fill
from citydesk.reports import ReportError
from citydesk.reports.fonts import BOLD, FONT
from citydesk.store.receipts import ReceiptData

MM = 72 / 25.4


class Layout(StrEnum):
    """The slip's paper: half a Letter or A4 sheet, or an 80 mm receipt roll."""

    HALF_LETTER = "half_letter"
    HALF_A4 = "half_a4"
    THERMAL_80 = "thermal_80"

    @property
    def label(self) -> str:
        """Plain-English name."""
        return {
            "half_letter": "Half page, Letter",
            "half_a4": "Half page, A4",
            "thermal_80": "80 mm receipt printer",
        }[self.value]


@dataclass(frozen=True, slots=True)
class TextRun:
    """One line of text; `y` is its baseline, `x` its left edge (already aligned)."""

    x: float
    y: float
    text: str
    bold: bool
    size: float


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line (dashed: the line to cut along)."""

    x1: float
    x2: float
    y: float
    dashed: bool = False


@dataclass(frozen=True, slots=True)
class Slip:
    """A laid-out slip: page size in points and what to draw, top-left origin, y downwards."""

    width: float
    height: float
    runs: tuple[TextRun, ...]
    rules: tuple[Rule, ...]
    title: str
    language: str

    def plain_text(self) -> str:
        """The slip's lines in reading order (for previews, tests and screen readers)."""
        return "\n".join(run.text for run in self.runs)


def parse_layout(value: object) -> Layout:
    """The Layout for `value`, or ValidationError('layout')."""
    try:
        return Layout(str(value))
    except ValueError:
        choices = ", ".join(layout.value for layout in Layout)
        raise ValidationError("layout", f"Unknown receipt layout {value!r}; choose {choices}.") from None


def text_width(text: str, bold: bool, size: float) -> float:
    """The printed width of `text` in points (DejaVu Sans, regular or bold, at `size` points)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, BOLD if bold else FONT, size))


def wrap(text: str, width: float, *, bold: bool = False, size: float, max_lines: int = 4) -> list[str]:
    """`text` broken into lines no wider than `width` (long words split; an ellipsis past max_lines)."""
    lines: list[str] = []
    current = ""
    for word in (w for w in text.split(" ") if w):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, bold, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while text_width(word, bold, size) > width:  # a word wider than the line: split it
            cut = len(word)
            while cut > 1 and text_width(word[:cut], bold, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and text_width(last + "…", bold, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


class _Builder:
    """Places lines top to bottom inside a column."""

    def __init__(self, left: float, right: float, top: float, gap: float) -> None:
        self.left, self.right, self.y, self.gap = left, right, top, gap
        self.runs: list[TextRun] = []
        self.rules: list[Rule] = []

    @property
    def width(self) -> float:
        return self.right - self.left

    def line(self, text: str, *, size: float, bold: bool = False, centre: bool = False,
             x: float | None = None, gap: float | None = None) -> None:  # fmt: skip
        self.y += size * (1 + (self.gap if gap is None else gap))
        left = self.left if x is None else x
        if centre:
            left = self.left + max(0.0, (self.width - text_width(text, bold, size)) / 2)
        self.runs.append(TextRun(left, self.y, text, bold, size))

    def paragraph(self, text: str, *, size: float, bold: bool = False, centre: bool = False,
                  max_lines: int = 4, x: float | None = None) -> None:  # fmt: skip
        width = self.right - (self.left if x is None else x)
        for line in wrap(text, width, bold=bold, size=size, max_lines=max_lines):
            self.line(line, size=size, bold=bold, centre=centre, x=x)

    def rule(self, space: float, dashed: bool = False) -> None:
        self.y += space
        self.rules.append(Rule(self.left, self.right, self.y, dashed))
        self.y += space * 0.4

    def space(self, points: float) -> None:
        self.y += points

    def field(self, label: str, value: str, *, size: float, stacked: bool, label_width: float,
              bold: bool = False, max_lines: int = 3) -> None:  # fmt: skip
        if stacked:
            self.line(label, size=size * 0.85, gap=0.45)
            self.paragraph(value, size=size, bold=bold, max_lines=max_lines)
            return
        start = len(self.runs)
        self.paragraph(value, size=size, bold=bold, max_lines=max_lines, x=self.left + label_width)
        first = self.runs[start]
        self.runs.insert(start, TextRun(self.left, first.y, label, False, size * 0.85))


def slip_layout(data: ReceiptData, layout: Layout | str) -> Slip:
    """Lay out the slip for `data` on the chosen paper (a half page shrinks its type to fit)."""
    from citydesk.reports.fonts import register_fonts

    register_fonts()
    chosen = parse_layout(layout)
    if chosen is Layout.THERMAL_80:
        width, margin = 80 * MM, 4 * MM
        b = _lay_out(data, _Builder(margin, width - margin, margin * 0.6, 0.25), body=9.0, big=22.0,
                     stacked=True)  # fmt: skip
        return _slip(data, width, b.y + margin * 1.5, b.runs, b.rules)
    width = 612.0 if chosen is Layout.HALF_LETTER else 595.28
    height = 792.0 if chosen is Layout.HALF_LETTER else 841.89
    margin, half = 0.75 * 72, height / 2
    for body, gap in ((12.5, 0.5), (11.5, 0.4), (10.5, 0.3), (9.5, 0.25), (8.5, 0.2)):
        b = _lay_out(data, _Builder(margin, width - margin, margin * 0.7, gap), body=body, big=body * 2.9,
                     stacked=False)  # fmt: skip
        if b.y <= half - margin * 0.4:
            cut = Rule(margin * 0.4, width - margin * 0.4, half, dashed=True)
            return _slip(data, width, height, b.runs, [*b.rules, cut])
    raise ReportError("The receipt does not fit on half a page; shorten the receipt texts.")


def _slip(data: ReceiptData, width: float, height: float, runs: list[TextRun], rules: list[Rule]) -> Slip:
    title = f"{data.text('number_label')} {data.number} — {data.city_name}"
    return Slip(width, height, tuple(runs), tuple(rules), title, data.language)


def _lay_out(data: ReceiptData, b: _Builder, *, body: float, big: float, stacked: bool) -> _Builder:
    b.paragraph(data.city_name, size=body * 1.35, bold=True, centre=True, max_lines=2)
    if data.office_name:
        b.paragraph(data.office_name, size=body, centre=True, max_lines=2)
    b.rule(body * 0.6)
    b.paragraph(data.text("heading"), size=body * 1.1, bold=True, centre=True, max_lines=2)
    b.paragraph(data.text("number_label"), size=body * 0.9, centre=True, max_lines=2)
    size = big
    while size > 10 and text_width(data.number, True, size) > b.width * 0.96:
        size -= 1
    b.line(data.number, size=size, bold=True, centre=True, gap=0.2)
    b.space(body * 0.5)
    label_width = 0.0 if stacked else b.width * 0.34
    lang = data.language

    def field(key: str, value: str | None, *, bold: bool = False, max_lines: int = 3) -> None:
        if value:
            b.field(data.text(key), value, size=body, stacked=stacked, label_width=label_width,
                    bold=bold, max_lines=max_lines)  # fmt: skip

    field("for_label", data.requester_name, max_lines=1)
    field("date_label", date_words(data.created_date, lang))
    field("request_label", data.title, max_lines=3)
    field("category_label", data.category_name, max_lines=1)
    field("location_label", data.location, max_lines=2)
    due = data.due_date
    field("expected_label", date_words(due, lang) if due else data.text("no_expected"), bold=due is not None)
    b.rule(body * 0.7)
    values = {"number": data.number, "office": data.office_name or data.city_name, "city": data.city_name,
              "phone": (data.phone or "").replace(" ", "\u00a0")}  # fmt: skip
    if data.phone:
        how = data.text("status_phone")
    else:  # never tell someone who phoned only to visit
        how = data.text("status_no_phone_caller" if data.channel == "phone" else "status_no_phone")
    b.paragraph(fill(how, **values), size=body, max_lines=4)
    b.space(body * 0.3)
    b.paragraph(fill(data.text("closing"), **values), size=body * 0.9, centre=True, max_lines=2)
    return b


def draw_pdf(slip: Slip, out: Path) -> None:
    """Draw a laid-out slip to a PDF file (one page)."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(out), pagesize=(slip.width, slip.height), initialFontName=FONT, lang=slip.language)
    canvas.setTitle(slip.title)
    canvas.setAuthor("citydesk")
    canvas.setCreator("citydesk")
    for run in slip.runs:
        canvas.setFont(BOLD if run.bold else FONT, run.size)
        canvas.drawString(run.x, slip.height - run.y, run.text)
    for rule in slip.rules:
        canvas.setLineWidth(0.6)
        if rule.dashed:
            canvas.setDash(4, 3)
        else:
            canvas.setDash()
        canvas.line(rule.x1, slip.height - rule.y, rule.x2, slip.height - rule.y)
    canvas.showPage()
    canvas.save()


def write_receipt_pdf(data: ReceiptData, layout: Layout | str, out_path: Path | str) -> Path:
    """Write the slip as a PDF to `out_path` (written to a temporary name, then renamed)."""
    slip = slip_layout(data, layout)
    out = Path(out_path)
    if out.suffix.lower() != ".pdf":
        raise ValidationError("out", f"The receipt file must end in .pdf: {out}")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"Cannot write the receipt to {out}: the folder {folder} does not exist.", path=out)
    tmp = folder / f".{out.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        draw_pdf(slip, tmp)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"Cannot write the receipt to {out}: {exc.strerror or exc}.", path=out) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out
