"""Background jobs (APScheduler 3, imported lazily): the scheduled weekly report, later sync and digests.

Jobs never import Qt: they talk to the app through plain callables that the UI's adaptor turns
into Qt signals (`ui/reports/schedule_bridge.py`).
"""
