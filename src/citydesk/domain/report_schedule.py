"""The weekly report schedule of one PC: when and where the report is written, and validation.

Device-local (never synced): one office per city turns it on. Stored as a JSON object in
`local_setting`; `ReportSchedule.from_value` reads what is stored (tolerating old or damaged values
by falling back to defaults), `ReportSchedule.to_value` writes it. Pure: no Qt, SQL or I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any

from citydesk.domain.errors import ValidationError

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PAGE_SIZES = ("letter", "a4")


@dataclass(frozen=True, slots=True)
class ReportSchedule:
    """When (ISO weekday 1 = Monday, local time) and where the weekly report is written."""

    enabled: bool = False
    weekday: int = 1
    at: time = time(7, 0)
    folder: str = ""
    scope: str = "city"
    page_size: str = "letter"
    print_copy: bool = False

    @property
    def weekday_name(self) -> str:
        """ "Monday" … "Sunday"."""
        return WEEKDAYS[self.weekday - 1]

    def describe(self) -> str:
        """ "Every Monday at 07:00, last week's report (city) to /srv/reports"."""
        if not self.enabled:
            return "The weekly report is not scheduled on this PC."
        printed = " and printed" if self.print_copy else ""
        return (
            f"Every {self.weekday_name} at {self.at:%H:%M} (city time), last week's report "
            f"({self.scope}) is written to {self.folder}{printed}."
        )

    def to_value(self) -> dict[str, Any]:
        """The JSON object stored in local_setting."""
        return {
            "enabled": self.enabled,
            "weekday": self.weekday,
            "at": self.at.strftime("%H:%M"),
            "folder": self.folder,
            "scope": self.scope,
            "page_size": self.page_size,
            "print": self.print_copy,
        }

    @classmethod
    def from_value(cls, value: Any) -> ReportSchedule:
        """The schedule stored as `value`; defaults where it is missing or damaged (never raises)."""
        if not isinstance(value, dict):
            return cls()
        default = cls()
        try:
            weekday = int(value.get("weekday", default.weekday))
            at = time.fromisoformat(str(value.get("at", "07:00")))
        except (TypeError, ValueError):
            weekday, at = default.weekday, default.at
        page_size = str(value.get("page_size", "letter")).lower()
        return cls(
            enabled=bool(value.get("enabled", False)),
            weekday=weekday if 1 <= weekday <= 7 else default.weekday,
            at=at.replace(second=0, microsecond=0),
            folder=str(value.get("folder") or ""),
            scope=str(value.get("scope") or "city"),
            page_size=page_size if page_size in PAGE_SIZES else "letter",
            print_copy=bool(value.get("print", False)),
        )


def clean_schedule(
    *,
    enabled: bool,
    weekday: int,
    at: str | time,
    folder: str,
    scope: str,
    page_size: str = "letter",
    print_copy: bool = False,
) -> ReportSchedule:
    """A validated schedule; ValidationError(field, message) for the first bad field."""
    if not isinstance(weekday, int) or not 1 <= weekday <= 7:
        raise ValidationError("weekday", "Choose a day of the week.")
    if isinstance(at, str):
        try:
            at = time.fromisoformat(at.strip())
        except ValueError:
            raise ValidationError("at", f"Write the time as HH:MM, for example 07:00; got {at!r}.") from None
    size = (page_size or "").strip().lower()
    if size not in PAGE_SIZES:
        raise ValidationError("page_size", "Choose the page size Letter or A4.")
    clean_folder = (folder or "").strip()
    if enabled and not clean_folder:
        raise ValidationError("folder", "Choose the folder the weekly report is written to.")
    return ReportSchedule(
        enabled=bool(enabled),
        weekday=weekday,
        at=at.replace(second=0, microsecond=0, tzinfo=None),
        folder=clean_folder,
        scope=(scope or "city").strip() or "city",
        page_size=size,
        print_copy=bool(print_copy),
    )
