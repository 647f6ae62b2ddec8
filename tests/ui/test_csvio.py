"""The import and export dialogs with real widgets and a real database (the file dialogs are skipped:
tests call `load_file` / `export_to` with the path a person would pick)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from helpers_detail import sign_in, unnamed_interactive
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMainWindow

from citydesk.domain.roles import Role
from citydesk.ui.app import CitydeskApp
from citydesk.ui.csvio import CsvActions
from citydesk.ui.csvio.export_dialog import ExportDialog
from citydesk.ui.csvio.import_dialog import ImportDialog
from factories import Office

FILE = (
    "Subject,Opened,Reported,Type\n"
    "Pothole on Elm,yes,11/10/2026 9:15 AM,Pothole\n"
    "Lamp out,no,2026-11-11,streetlight out\n"
)


def _tickets(office: Office) -> int:
    conn = sqlite3.connect(office.db.path)
    try:
        return int(conn.execute("SELECT count(*) FROM ticket").fetchone()[0])
    finally:
        conn.close()


def _wait_preview(qtbot: Any, dialog: ImportDialog) -> None:
    """Wait until the preview of the current mapping is shown.

    These tests poll (waitUntil) instead of qtbot.waitSignal: under PySide6 6.11, waitSignal's
    nested event loop around this dialog's reader-thread answers crashed later tests (heap
    corruption seen in glyph painting), which polling never did."""
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.mapping == _chosen(dialog), timeout=5000)


def _chosen(dialog: ImportDialog) -> dict[str, str]:
    return {s: t for s, t in dialog.mapping().items() if t != "ignore"}


def _dialog(qtbot: Any, hub: CitydeskApp) -> ImportDialog:
    dialog = ImportDialog(hub)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_import_dialog_maps_previews_errors_and_imports_after_fixing(
    qtbot: Any, hub: CitydeskApp, office: Office, tmp_path: Path
) -> None:
    sign_in(hub, office.admin)
    source = tmp_path / "legacy.csv"
    source.write_text(FILE, encoding="utf-8")
    dialog = _dialog(qtbot, hub)
    dialog.load_file(source)
    _wait_preview(qtbot, dialog)
    # guessed: Subject -> title, Opened -> created_at (wrongly: it holds yes/no), Type -> category
    assert dialog.mapping() == {
        "Subject": "title",
        "Opened": "created_at",
        "Reported": "ignore",
        "Type": "category",
    }
    errors = [dialog.error_list.item(i).text() for i in range(dialog.error_list.count())]
    assert errors[0].startswith("Row 2, Opened: 'yes' is not a date")
    assert errors[1].startswith("Row 3, Opened: 'no' is not a date")
    assert dialog.preview_table.item(0, 1).text().startswith("⚠ Opened: 'yes' is not a date")
    assert "2 problem(s)" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert not unnamed_interactive(dialog)
    # to a screen reader each choice names its file column; Tab visits them in order and leaves the table
    combos = [dialog.mapping_table.cellWidget(i, 2) for i in range(4)]
    assert [c.accessibleName() for c in combos] == [
        "Import “Subject” as", "Import “Opened” as", "Import “Reported” as", "Import “Type” as"]  # fmt: skip
    dialog.mapping_table.setFocus()
    seen = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [*combos, dialog.preview_table, dialog.error_list, dialog.save_problems_button,
                    dialog.buttons.button(QDialogButtonBox.StandardButton.Close)]  # Import is off
    file_label = next(label for label in dialog.findChildren(QLabel) if label.text() == "&File:")
    assert file_label.buddy() is dialog.file_edit and dialog.file_edit.accessibleName().startswith("File")

    # fix the mapping with the combo boxes: Opened is not imported, Reported is the creation date
    dialog.set_target("Opened", "ignore")
    _wait_preview(qtbot, dialog)
    assert not dialog.import_button.isEnabled()  # now no column is the creation date
    assert dialog.error_list.item(0).text().startswith("No column is mapped to created_at")
    dialog.set_target("Reported", "created_at")
    _wait_preview(qtbot, dialog)
    assert dialog.error_list.count() == 0
    assert dialog.summary.text() == "All 2 rows are ready to import."
    assert dialog.preview_table.item(1, 1).text() == "OK"
    assert dialog.import_button.isEnabled()
    assert _tickets(office) == 0

    results: list[Any] = []
    dialog.imported.connect(results.append)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    result = results[0]
    assert result.tickets == 2 and result.first_number == "CLK-TST-000001"
    assert _tickets(office) == 2
    assert dialog.progress.value() == dialog.progress.maximum()
    assert not dialog.isVisible()


def test_import_dialog_refuses_an_unreadable_file(
    qtbot: Any, hub: CitydeskApp, office: Office, tmp_path: Path
) -> None:
    sign_in(hub, office.admin)
    source = tmp_path / "bad.csv"
    source.write_bytes(b"Title,Date Created\nHole \x81\x8d,2026-11-10\n")
    dialog = _dialog(qtbot, hub)
    dialog.load_file(source)
    qtbot.waitUntil(lambda: "neither UTF-8 nor Windows-1252" in dialog.message.text(), timeout=5000)
    assert not dialog.import_button.isEnabled()
    assert dialog.error_list.count() == 1  # the reader's problem, listed like a plan's
    assert dialog.error_list.item(0).text().startswith("bad.csv is neither UTF-8 nor Windows-1252")
    assert _tickets(office) == 0


def test_export_dialog_writes_the_file_with_progress(
    qtbot: Any, hub: CitydeskApp, office: Office, tmp_path: Path
) -> None:
    from helpers_detail import new_ticket

    new_ticket(office)
    new_ticket(office, title="Second hole")
    sign_in(hub, office.supervisor)
    dialog = ExportDialog(hub)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.department.count() == 3, timeout=5000)
    assert not unnamed_interactive(dialog)
    dialog.public_records.setChecked(True)
    target = tmp_path / "out.csv"
    summaries: list[Any] = []
    dialog.exported.connect(summaries.append)
    dialog.export_to(target)
    qtbot.waitUntil(lambda: len(summaries) == 1, timeout=5000)
    assert summaries[0].rows == 2
    text = target.read_text(encoding="utf-8-sig")
    assert "Second hole" in text and text.rstrip().endswith('internal notes are left out."')
    assert "2 tickets exported" in dialog.summary.text()
    # a department with no tickets exports just the header
    dialog.department.setCurrentIndex(dialog.department.findText("Information Technology"))
    dialog.export_to(target)
    qtbot.waitUntil(lambda: len(summaries) == 2, timeout=5000)
    assert summaries[1].rows == 0


def test_file_menu_actions_follow_the_role(qtbot: Any, hub: CitydeskApp) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = CsvActions(hub, window, window.menuBar().addMenu("&File"))
    seen = {}
    for role in (Role.CLERK, Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN):
        actions.update_for(role)
        seen[role] = (actions.export_action.isVisible(), actions.import_action.isVisible())
    assert seen == {
        Role.CLERK: (False, False),
        Role.TECHNICIAN: (False, False),
        Role.SUPERVISOR: (True, False),
        Role.ADMIN: (True, True),
    }
    actions.update_for(None)
    assert not actions.export_action.isVisible() and not actions.import_action.isVisible()
