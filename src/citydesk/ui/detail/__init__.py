"""The ticket detail pane: header, timeline, note composer, and the ticket actions with their dialogs.

The main window uses `TicketDetailPane(hub, parent)`: `set_ticket(id)`, `set_highlight(terms)` and
`ticket_actions()` for its menus and toolbar.
"""

from citydesk.ui.detail.pane import TicketDetailPane

__all__ = ["TicketDetailPane"]
