"""A pulled page refreshing the open window in place, on a big database, offscreen (issue 15's "a pulled
change to the ticket shown appears ≤ 1 s after its page commits" and no GUI-thread stall).

Usage: python benchmarks/pulled_probe.py DATABASE (a copy: it writes). Signs in a supervisor, shows the
All queue (every ticket) with a row selected and scrolled, then twice: changes tickets through the
services (untimed), emits one `TicketsPulled` as the sync controller does after a page commits, and
measures until the open ticket shows the new note and the table shows the changed rows. The first page
changes 1,000 titles (the same list: rows replaced in place); the second adds 3 tickets and changes 200
(the list re-laid out, the selection following its ticket). Prints one JSON line (ms).

Not registered in `python -m benchmarks` yet; run it on a copy of the demo database the `ui` benchmark
builds (~/.cache/citydesk-bench/demo-100000-*.sqlite).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(condition: Any, timeout_s: float = 60.0) -> float:
    """Process events until `condition()`; returns the milliseconds it took."""
    from PySide6.QtTest import QTest

    begun = time.perf_counter()
    while not condition():
        if time.perf_counter() - begun > timeout_s:
            raise TimeoutError("the window did not settle")
        QTest.qWait(1)
    return (time.perf_counter() - begun) * 1000


def main(path: str) -> None:
    """Open the window, pull two pages, print the figures."""
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # no remembered layout
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from citydesk.services.ticket_work import add_note, edit_ticket
    from citydesk.services.tickets import create_ticket
    from citydesk.store.db import open_database
    from citydesk.store.detail import sign_in_users
    from citydesk.store.models import Ticket
    from citydesk.ui.app import CitydeskApp, signed_in_as
    from citydesk.ui.events import TicketsPulled
    from citydesk.ui.shell import MainWindow

    app = QApplication.instance() or QApplication([])
    db = open_database(path)
    hub = CitydeskApp(db)
    with db.read() as session:
        supervisor = next(u for u in sign_in_users(session) if u.role == "supervisor")
        recent = list(session.scalars(select(Ticket.id).order_by(Ticket.created_at.desc()).limit(1000)))
    hub.sign_in(signed_in_as(db, supervisor.id))
    win = MainWindow(hub)
    win.resize(1366, 768)
    win.show()
    _wait(lambda: win.model.rowCount() > 0)
    win.choose_queue(7)  # All
    _wait(lambda: win.model.complete and win.model.rowCount() >= 1000)
    win.table.selectRow(40)
    win.table.verticalScrollBar().setValue(30)
    shown = win.model.ticket_id(40)
    assert shown is not None
    _wait(lambda: win.detail.view is not None)
    figures: dict[str, Any] = {"rows": win.model.rowCount()}
    for name, changed, new in (("same_list", 1000, 0), ("relayout", 200, 3)):
        touched = [t for t in recent[:changed] if t != shown]
        for ticket_id in touched:
            edit_ticket(db, actor=hub.actor, ticket_id=ticket_id, field="title", value=f"Renamed {name}")
        for i in range(new):
            create_ticket(db, actor=hub.actor, title=f"New {name} {i}", channel="phone")
        add_note(db, actor=hub.actor, ticket_id=shown, body=f"pulled {name}", public=False)
        rows = win.model.rowCount()
        win.model.max_burst_ms = 0.0
        begun = time.perf_counter()
        app.processEvents()
        hub.tickets_pulled.emit(TicketsPulled(frozenset([*touched, shown])))
        _wait(lambda n=name: any(f"pulled {n}" in t for t in win.detail.timeline.texts()))  # type: ignore[misc]
        figures[f"{name}_ticket_ms"] = round((time.perf_counter() - begun) * 1000, 1)
        def table_shows(rows: int = rows, added: int = new) -> bool:
            title = str(win.model.index(0, 3).data())
            return win.model.rowCount() == rows + added and title.startswith(("Renamed", "New"))

        _wait(table_shows)
        figures[f"{name}_table_ms"] = round((time.perf_counter() - begun) * 1000, 1)
        figures[f"{name}_model_burst_ms"] = round(win.model.max_burst_ms, 2)
        current = win.table.currentIndex().row()
        figures[f"{name}_selection_kept"] = win.model.ticket_id(current) == shown
        figures[f"{name}_scroll"] = win.table.verticalScrollBar().value()
    win.close()
    hub.runner.shutdown(wait=True)
    db.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1])
