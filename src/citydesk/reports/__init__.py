"""Reports: weekly service metrics, the printed weekly status report (ReportLab) and its command.

Submodules import lazily: `metrics` (SQL aggregates, Qt-free), `weekly_pdf` and `charts`
(ReportLab, imported only when a report is built) and `commands` (`citydesk report`).
"""

from __future__ import annotations

from citydesk.domain.errors import CitydeskError


class ReportError(CitydeskError):
    """A report could not be written (missing font, unwritable folder, ...); the message names the path."""

    def __init__(self, message: str, *, path: object = None) -> None:
        super().__init__(message)
        self.path = path
