"""View → Conflicts: open conflicts to settle and changes the server did not accept; the conflict
tracker the ticket table, the detail pane and the status bar read (`tracker_for(hub)`)."""

from citydesk.ui.conflicts.tracker import ConflictTracker, tracker_for
from citydesk.ui.conflicts.window import ConflictsWindow

__all__ = ["ConflictTracker", "ConflictsWindow", "tracker_for"]
