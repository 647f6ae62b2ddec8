"""Reports: weekly service metrics, the printed weekly status report (ReportLab), the receipt and CSV.

Parts: `metrics/` (the week's figures: SQL aggregates, Qt-free, one module per section),
`weekly/` (the PDF: writer, story, tables, charts, text; ReportLab imported only when a report is
built), `receipt` (the counter's slip), `fonts` (the DejaVu Sans files the PDF, the receipt and the
UI share) and `model` (the figures' plain types). Submodules import lazily.
"""

from __future__ import annotations

from citydesk.domain.errors import CitydeskError


class ReportError(CitydeskError):
    """A report could not be written (missing font, unwritable folder, ...); the message names the path."""

    def __init__(self, message: str, *, path: object = None) -> None:
        super().__init__(message)
        self.path = path
