"""The Reports view (weekly status report: pick, generate, preview, print, save) and its schedule.

`view.ReportsView` is the window; `pages` renders PDF pages to QImages with pypdfium2 (QtPdf is
not in pyside6-essentials); `printing` paints them on a QPrinter; `schedule_dialog` edits the
scheduled weekly report; `schedule_bridge` turns the Qt-free job's callbacks into Qt signals.
"""
