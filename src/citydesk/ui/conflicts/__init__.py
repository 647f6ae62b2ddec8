"""View → Conflicts: open conflicts to settle and changes the server did not accept (`window`), the
Settle dialog (`settle`), their words (`words`), and the conflict tracker the ticket table, the detail
pane and the status bar read (`tracker.tracker_for(hub)`).

Nothing is imported here, so the detail pane and the ticket table can import the tracker without
loading the window (which reads the detail pane's wording helpers).
"""
