"""The status bar's sync sections: connection and last sync, a progress bar while syncing, changes refused
or waiting, open conflicts (a button to View → Conflicts) and the PC-clock warning.

Each is a widget of the main window's wrapping status row, with an accessible name starting with what it
shows; "synced 4 min ago" is worked out again every minute from the hub's clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QWidget

from citydesk.ui.error_words import error_text
from citydesk.ui.events import SyncProgress, SyncStatus

MINUTE_MS = 60_000
PHASES = {  # translated in the "SyncStatusBar" context
    "hello": QT_TRANSLATE_NOOP("SyncStatusBar", "Contacting the server…"),
    "push": QT_TRANSLATE_NOOP("SyncStatusBar", "Sending changes…"),
    "relay": QT_TRANSLATE_NOOP("SyncStatusBar", "Offering the server what it lacks…"),
    "snapshot": QT_TRANSLATE_NOOP("SyncStatusBar", "Downloading everything…"),
    "pull": QT_TRANSLATE_NOOP("SyncStatusBar", "Receiving changes…"),
}


class SyncStatusBar(QObject):
    """The sync sections of a main window's status bar (see the module docstring)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.hub = window.hub
        self.connection = QLabel()
        self.progress = QProgressBar()
        sample = self.tr("Receiving changes… {0} of {1}").format("10,000", "10,000")
        self.progress.setMinimumWidth(self.progress.fontMetrics().horizontalAdvance(sample) + 32)
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.problems = QLabel()
        self.problems.setVisible(False)
        self.conflicts = QPushButton()
        self.conflicts.setFlat(True)
        self.conflicts.setVisible(False)
        self.conflicts.clicked.connect(self.open_conflicts)
        self.conflicts.setAccessibleDescription(self.tr("Opens View → Conflicts"))
        self.clock = QLabel()
        self.clock.setVisible(False)
        self.connection.setAccessibleName(self.tr("Connection"))
        self._minute = QTimer(self, interval=MINUTE_MS, timeout=lambda: self.show_status(self.hub.sync_state))
        self._minute.start()
        self.hub.sync_status.connect(self.show_status)
        from citydesk.ui.sync.controller import sync_controller
        from citydesk.ui.sync.quit import QuitGuard

        self.controller = sync_controller(self.hub)
        self.controller.progressed.connect(self.show_progress)
        self.quit_guard = QuitGuard(window)
        self.show_status(self.hub.sync_state)

    def widgets(self) -> list[QWidget]:
        """The sections, in status-bar order."""
        return [self.connection, self.progress, self.problems, self.conflicts, self.clock]

    def allow_close(self) -> bool:
        """Whether the window may close now (it may first ask about changes not yet sent)."""
        return self.quit_guard.allow_close()

    # ---- showing -------------------------------------------------------------------------------------

    def show_status(self, status: SyncStatus) -> None:
        """Show `status` (the hub's latest)."""
        self.connection.setText(self.connection_text(status))
        self.connection.setAccessibleName(self.tr("Connection: {0}").format(self.connection.text()))
        if status.problem:
            self.connection.setToolTip(status.problem)
        else:
            self.connection.setToolTip(status.server or "")
        if not status.syncing:
            self.progress.setVisible(False)
        parts = []
        if status.rejected:
            one = self.tr("1 refused by the server") if status.rejected == 1 else None
            parts.append(one or self.tr("{0} refused by the server").format(status.rejected))
        if status.parked:
            one = self.tr("1 received, waiting for other changes") if status.parked == 1 else None
            parts.append(one or self.tr("{0} received, waiting for other changes").format(status.parked))
        self.problems.setText(" · ".join(parts))
        self.problems.setAccessibleName(self.tr("Changes: {0}").format(self.problems.text()))
        self.problems.setVisible(bool(parts))
        one = self.tr("1 conflict") if status.conflicts == 1 else None
        self.conflicts.setText(one or self.tr("{0} conflicts").format(status.conflicts))
        self.conflicts.setAccessibleName(self.conflicts.text())
        self.conflicts.setVisible(status.conflicts > 0)
        self.clock.setVisible(status.clock_warning is not None)
        self.clock.setText(self.tr("⚠ This PC's clock is wrong"))
        warning = error_text(status.clock_warning or "")  # the sync engine's English, in the UI's language
        self.clock.setToolTip(warning)
        self.clock.setAccessibleName(self.clock.text())
        self.clock.setAccessibleDescription(warning)

    def connection_text(self, status: SyncStatus) -> str:
        """The connection section: "Online · synced 4 min ago", "Offline: … · synced 2 hours ago"…"""
        if status.mode == "demo":
            return self.tr("Demo data: never syncs")
        if status.mode != "connected":
            return self.tr("Not connected to the city's server")
        if status.syncing:
            state = self.tr("Syncing…")
        elif status.problem:
            state = status.problem
        else:
            state = self.tr("Online") if status.online else self.tr("Offline")
        return self.tr("{0} · {1}").format(state, self.synced_text(status.last_sync))

    def synced_text(self, when: datetime | None) -> str:
        """When the last sync finished, in words: "synced just now", "synced 4 min ago"…"""
        if when is None:
            return self.tr("not synced yet")
        minutes = int((self.hub.db.clock.now() - when).total_seconds() // 60)
        if minutes < 1:
            return self.tr("synced just now")
        if minutes < 60:
            return self.tr("synced {0} min ago").format(minutes)
        hours = minutes // 60
        if hours < 24:
            one_hour = self.tr("synced 1 hour ago")
            return one_hour if hours == 1 else self.tr("synced {0} hours ago").format(hours)
        days = hours // 24
        return self.tr("synced 1 day ago") if days == 1 else self.tr("synced {0} days ago").format(days)

    def show_progress(self, step: SyncProgress) -> None:
        """A running sync's phase and page count in the progress bar."""
        show_step(self.progress, step)

    # ---- conflicts -----------------------------------------------------------------------------------

    def open_conflicts(self) -> None:
        """View → Conflicts (the window's own when it has one; otherwise a message where to look)."""
        opener = getattr(self.window, "open_conflicts", None)
        if callable(opener):
            opener()
            return
        self.hub.announce.emit(
            self.tr(
                "{0}: the same tickets were changed differently in two places at once; "
                "a supervisor settles them in View → Conflicts."
            ).format(self.conflicts.text())
        )


def show_step(bar: QProgressBar, step: SyncProgress) -> None:
    """Show a sync's phase and count in `bar` ("Receiving changes… 2,000 of 10,000"; busy when the total
    is not known); visible, and described for screen readers."""
    what = QCoreApplication.translate("SyncStatusBar", PHASES.get(step.phase, "Syncing…"))
    bar.setVisible(True)
    if step.total:
        bar.setRange(0, step.total)
        bar.setValue(min(step.done, step.total))
        of = QCoreApplication.translate("SyncStatusBar", "{0} {1} of {2}")
        bar.setFormat(of.format(what, f"{step.done:,}", f"{step.total:,}"))
    else:
        bar.setRange(0, 0)
        bar.setFormat(what)
    bar.setAccessibleDescription(bar.format())
