"""Run in a fresh interpreter by the `ui` benchmark: the main window on a big database, offscreen.

Usage: python benchmarks/ui_probe.py DATABASE. Prints one JSON line of timings (ms) and peak RSS (MB).
"""

import time

_started = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(app, condition, timeout_s: float = 60.0) -> float:  # type: ignore[no-untyped-def]
    """Process events until `condition()`; returns the milliseconds it took."""
    from PySide6.QtTest import QTest

    begun = time.perf_counter()
    while not condition():
        if time.perf_counter() - begun > timeout_s:
            raise TimeoutError("the window did not settle")
        QTest.qWait(1)  # waits in Qt's event loop, like the app, leaving the GIL to the worker threads
    return (time.perf_counter() - begun) * 1000


def _counting(model) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Counts the model's `loaded` and `completed` signals from now on."""
    box = {"loaded": 0, "completed": 0}
    model.loaded.connect(lambda _n: box.__setitem__("loaded", box["loaded"] + 1))
    model.completed.connect(lambda _n: box.__setitem__("completed", box["completed"] + 1))
    return box


def main(path: str) -> None:
    """Open the window, then scroll, re-sort and search; print the figures as JSON."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from citydesk.store.db import open_database
    from citydesk.store.detail import sign_in_users
    from citydesk.ui.app import CitydeskApp, signed_in_as
    from citydesk.ui.shell import MainWindow

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("citydesk-bench")
    db = open_database(path)
    hub = CitydeskApp(db)
    with db.read() as session:
        tech = next(u for u in sign_in_users(session) if u.role == "technician")
    hub.sign_in(signed_in_as(db, tech.id))
    window = MainWindow(hub)
    ready = {"at": 0.0}
    window.ready.connect(lambda: ready.__setitem__("at", time.perf_counter()))
    shown_at = time.perf_counter()
    window.show()
    _wait(app, lambda: ready["at"] > 0)
    start_ms = (ready["at"] - _started) * 1000
    first_paint_ms = (ready["at"] - shown_at) * 1000
    window.queues.setCurrentRow(7)  # All
    _wait(app, lambda: window.model.rowCount() > 50_000 and window.model.ticket_id(0) is not None)
    rows = window.model.rowCount()
    _wait(app, lambda: window.table.verticalScrollBar().maximum() > 1000)
    # Scroll the whole table page by page, as fast as Qt paints it.
    window.model.max_burst_ms = 0.0
    bar = window.table.verticalScrollBar()
    step = max(1, bar.pageStep())
    event_bursts = []
    for value in range(0, bar.maximum() + step, step):
        begun = time.perf_counter()
        bar.setValue(value)
        window.table.viewport().repaint()
        app.processEvents()
        event_bursts.append((time.perf_counter() - begun) * 1000)
    _wait(app, lambda: hub.runner.in_flight == 0)
    model_burst = window.model.max_burst_ms
    # Re-sort by other columns: click to rows shown (the first page, with the list's size), and on
    # to the complete ordered id list, which follows in the background.
    sorts, sorts_complete = [], []
    for column in (1, 2, 4, 5, 8):
        box = _counting(window.model)
        begun = time.perf_counter()
        window.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        _wait(app, lambda box=box: box["loaded"] > 0)
        sorts.append((time.perf_counter() - begun) * 1000)
        _wait(app, lambda box=box: box["completed"] > 0)
        sorts_complete.append((time.perf_counter() - begun) * 1000)
    # Search as you type: the time from the last keystroke to the results shown (the debounce
    # included), then to the complete id list of the matches.
    searches, searches_complete = [], []
    for word in ("streetlight", "pothole", "water", "printer", "tree"):
        window.search.clear()
        box = _counting(window.model)
        for ch in word:
            window.search.setText(window.search.text() + ch)
            window.search.textEdited.emit(window.search.text())
            app.processEvents()
        begun = time.perf_counter()
        _wait(app, lambda box=box, w=word: box["loaded"] > 0 and window.model.query.search == w)
        searches.append((time.perf_counter() - begun) * 1000)
        _wait(app, lambda box=box: box["completed"] > 0 and window.model.complete)
        searches_complete.append((time.perf_counter() - begun) * 1000)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    hub.shutdown()
    print(json.dumps({
        "rows": rows,
        "start_ms": start_ms,
        "first_paint_ms": first_paint_ms,
        "scroll_steps": len(event_bursts),
        "scroll_event_burst_max_ms": max(event_bursts),
        "scroll_event_burst_p95_ms": sorted(event_bursts)[int(len(event_bursts) * 0.95)],
        "model_burst_max_ms": model_burst,
        "resort_median_ms": statistics.median(sorts),
        "resort_max_ms": max(sorts),
        "resort_complete_median_ms": statistics.median(sorts_complete),
        "search_median_ms": statistics.median(searches),
        "search_max_ms": max(searches),
        "search_complete_median_ms": statistics.median(searches_complete),
        "peak_rss_mb": rss_mb,
    }))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1])
