"""The Requesters window: find, edit, see tickets of, and merge citizens and staff who ask for things."""

from citydesk.ui.requesters.window import RequestersWindow

__all__ = ["RequestersWindow"]
