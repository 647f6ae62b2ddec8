"""The import dialog on a real 311 export: a choice per unknown status word (by keyboard), the problem
list saved to a file, the summary's counts; and the detail pane of a ticket resolved on an unknown date."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from helpers_detail import show, sign_in, unnamed_interactive
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from sqlalchemy import select

from citydesk.store.models import Ticket
from citydesk.ui.app import CitydeskApp
from citydesk.ui.csvio.import_dialog import ImportDialog
from citydesk.ui.detail import TicketDetailPane
from factories import Office

EXPORT311 = Path(__file__).resolve().parents[1] / "fixtures" / "city311_export.csv"


def _dialog(qtbot: Any, hub: CitydeskApp) -> ImportDialog:
    dialog = ImportDialog(hub)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_unknown_status_words_get_a_choice_each_by_keyboard(
    qtbot: Any, hub: CitydeskApp, office: Office, tmp_path: Path
) -> None:
    sign_in(hub, office.admin)
    dialog = _dialog(qtbot, hub)
    dialog.load_file(EXPORT311)
    qtbot.waitUntil(lambda: len(dialog.status_combos) == 2, timeout=5000)
    assert list(dialog.status_combos) == ["other", "archived"]
    assert dialog.status_box.isVisible()
    assert dialog.error_list.count() == 3 and not dialog.import_button.isEnabled()
    assert "3 problem(s)" in dialog.summary.text() and "4 row(s) identical" in dialog.summary.text()
    assert not unnamed_interactive(dialog)
    other, archived = dialog.status_combos.values()
    assert other.accessibleName() == "Status “other” means"

    # the problem list: saved as CSV; a path that cannot be written is a clear message
    assert dialog.save_problems_button.isEnabled()
    nowhere = tmp_path / "missing" / "p.csv"
    assert not dialog.save_problems(nowhere)
    assert f"Cannot write {nowhere}" in dialog.message.text() and not nowhere.exists()
    saved = tmp_path / "problems.csv"
    assert dialog.save_problems(saved)
    rows = _rows(saved)
    assert rows[0] == ["row", "column", "message"] and [r[0] for r in rows[1:]] == ["10", "16", "18"]
    assert rows[1][2].startswith("Unknown status 'other'")
    assert "3 problem(s) saved to problems.csv." in dialog.summary.text()

    # Tab leaves the problem list for the first status choice; Down picks "New", End picks "Closed"
    dialog.error_list.setFocus()
    qtbot.keyClick(dialog.error_list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is other
    qtbot.keyClick(other, Qt.Key.Key_Down)
    qtbot.keyClick(other, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is archived
    qtbot.keyClick(archived, Qt.Key.Key_End)
    assert dialog.status_map() == {"other": "new", "archived": "closed"}
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    assert dialog.error_list.count() == 0 and not dialog.save_problems_button.isEnabled()
    assert dialog.summary.text() == (
        "All 13 rows are ready to import. 4 row(s) identical to an earlier row are skipped. "
        "5 resolved row(s) without a date are imported as resolved (date unknown)."
    )
    assert isinstance(dialog.status_combos["other"], QComboBox)  # the chosen words keep their choice

    results: list[Any] = []
    dialog.imported.connect(results.append)
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert (results[0].tickets, results[0].undated, results[0].repeated) == (13, 5, 4)
    assert "5 of them resolved on an unknown date. 4 repeated row(s) skipped." in dialog.summary.text()


def test_detail_pane_says_resolved_date_unknown_imported(
    qtbot: Any, hub: CitydeskApp, office: Office, pane: TicketDetailPane
) -> None:
    from citydesk.reports.csvio.mapping import parse_status_map
    from citydesk.reports.csvio.parse import preview, read_csv
    from citydesk.services.csv_import import import_tickets

    sign_in(hub, office.admin)
    with office.db.read() as session:
        plan = preview(session, read_csv(EXPORT311), None, now=office.clock.now(),
                       status_map=parse_status_map("other=new,archived=closed"))  # fmt: skip
    import_tickets(office.db, actor=office.admin, plan=plan)
    with office.db.read() as session:
        undated = session.scalar(select(Ticket.id).where(Ticket.title == "Tree down"))
        open_one = session.scalar(select(Ticket.id).where(Ticket.title == "Graffiti"))
    assert undated is not None and open_one is not None
    show(qtbot, pane, undated)
    resolution = pane.header.values["resolution"]
    assert "resolved (date unknown, imported)" in resolution.text()
    assert "resolved (date unknown, imported)" in resolution.accessibleName()
    show(qtbot, pane, open_one)
    assert "date unknown" not in pane.header.values["resolution"].text()
