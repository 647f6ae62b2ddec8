"""How the ticket table writes and colours a cell: ages ("3 d") and priority colours."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QColor

from citydesk.domain.priorities import Priority


def age_text(created: datetime, now: datetime) -> str:
    """ "3 d", "5 h", "12 min"."""
    seconds = max(0, int((now - created).total_seconds()))
    if seconds >= 86400:
        return f"{seconds // 86400} d"
    if seconds >= 3600:
        return f"{seconds // 3600} h"
    return f"{seconds // 60} min"


def priority_colour(priority: str, dark: bool) -> QColor | None:
    """Text colour for a priority (always shown with its label too); AA contrast on the base colour."""
    if priority == Priority.P1.value:
        return QColor("#ff8a80") if dark else QColor("#b00020")
    if priority == Priority.P2.value:
        return QColor("#ffcc80") if dark else QColor("#8a4b00")
    return None
