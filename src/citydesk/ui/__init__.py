"""The PySide6 desktop UI: the signal hub, windows, views, dialogs and table models.

Nothing outside this package imports PySide6; the UI reaches the database only through
services and store read queries run by the task runner.
"""
