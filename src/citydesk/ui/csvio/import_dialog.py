"""File → Import tickets…: choose a CSV, map its columns, preview every row's problems, import all or none.

The file is read on a reader thread (`reports.csvio.parse.read_csv`, through the one CSV reader
`domain.csvfile`; a file it cannot read lists its problems like a plan's); the mapping starts from
`guess_mapping` and each source column has a combo box of citydesk fields. Every change of the
mapping re-checks the whole file on a reader thread (`preview`, generation-numbered so a late
answer never overwrites a newer one). The preview table shows the first rows with their problems,
the list under it every problem ("Row 7, Date Created: ..."); **Import** stays disabled while there
is any. Status words nobody knows get a choice each under the mapping ("Status “other” means"),
the dialog's form of `--status-map`; **Save the problem list…** writes every problem to a CSV
file (`reports.csvio.problems`). Rows identical to an earlier row are skipped and counted, and
rows resolved without a date are counted, in the summary. Import runs
`services.csv_import.import_tickets` on the writer thread with a progress bar; it writes all rows
or none.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain.csvfile import CsvProblems, CsvTable, Problem
from citydesk.domain.errors import CitydeskError
from citydesk.domain.imports import ImportPlan
from citydesk.domain.statuses import Status
from citydesk.reports.csvio.mapping import TARGETS, guess_mapping
from citydesk.reports.csvio.parse import preview, read_csv
from citydesk.reports.csvio.problems import write_problems
from citydesk.reports.csvio.vocabulary import word_key
from citydesk.services.csv_import import ImportResult, import_tickets
from citydesk.ui.app import CitydeskApp
from citydesk.ui.csvio.labels import target_meaning
from citydesk.ui.forms import set_error_text, style_error_label
from citydesk.ui.tasks import readable
from citydesk.ui.words import status_label

NOT_IMPORTED = "ignore"
PREVIEW_ROWS = 200
PROBLEMS_WIDTH = 380  # px; the full text is in the tooltip and the list below


class ImportDialog(QDialog):
    """The import dialog: file, column mapping, preview with per-row problems, Import."""

    # Signals carry one object: a bare no-argument signal waited on from Python corrupted the heap
    # under PySide6 6.11 (seen with pytest-qt's waitSignal), like the None-reference bug in docs/design.md.
    previewed = Signal(object)  # ImportPlan: a preview for the current mapping is shown
    imported = Signal(object)  # ImportResult
    _progress = Signal(int, int)  # from the writer thread, queued to the GUI thread

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.table: CsvTable | None = None
        self.plan: ImportPlan | None = None
        self.path: Path | None = None
        self.problems: tuple[Problem, ...] = ()  # what "Save the problem list…" writes
        self.status_combos: dict[str, QComboBox] = {}  # unknown status word (as in the file) -> choice
        self.busy = False
        self._generation = 0
        self.setWindowTitle(self.tr("Import tickets from a spreadsheet (CSV)"))
        self.setAccessibleName(self.tr("Import tickets"))
        self.resize(1100, 760)
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.file_edit.setAccessibleName(self.tr("File (the CSV file to import)"))
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.setAccessibleName(self.tr("Choose file"))
        self.choose_button.setToolTip(self.tr("Ctrl+O"))
        self.choose_button.clicked.connect(self.choose_file)
        QShortcut(QKeySequence("Ctrl+O"), self, self.choose_file)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.file_edit)
        row.addWidget(file_label)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        layout.addWidget(self.notice)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("Import as")]
        )
        self.mapping_table.setAccessibleName(self.tr("Column mapping"))
        self.mapping_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.mapping_table.setTabKeyNavigation(False)  # Tab goes on to each "Import as" choice, then out
        splitter.addWidget(self.mapping_table)
        self.preview_table = QTableWidget(0, 0)
        self.preview_table.setAccessibleName(self.tr("Preview of the rows"))
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.setTabKeyNavigation(False)
        splitter.addWidget(self.preview_table)
        self.error_list = QListWidget()
        self.error_list.setAccessibleName(self.tr("Problems found"))
        splitter.addWidget(self.error_list)
        splitter.setSizes([260, 300, 160])
        layout.addWidget(splitter, 1)
        self.status_box = QGroupBox(self.tr("Status words citydesk does not know"))
        self.status_form = QFormLayout(self.status_box)
        self.status_box.setVisible(False)
        layout.addWidget(self.status_box)

        summary_row = QHBoxLayout()
        self.summary = QLabel(self.tr("Choose a CSV file to import."))
        self.summary.setWordWrap(True)
        summary_row.addWidget(self.summary, 1)
        self.save_problems_button = QPushButton(self.tr("&Save the problem list…"))
        self.save_problems_button.setAccessibleName(self.tr("Save the problem list"))
        self.save_problems_button.setToolTip(self.tr("Every problem (row, column, message) as a CSV file"))
        self.save_problems_button.setEnabled(False)
        self.save_problems_button.clicked.connect(self.choose_problems_file)
        summary_row.addWidget(self.save_problems_button)
        layout.addLayout(summary_row)
        self.message = QLabel()
        style_error_label(self.message)
        layout.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Import"))
        self.import_button.setEnabled(False)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._progress.connect(self._show_progress)
        self._chain_tab_order()
        self.choose_button.setFocus()

    # ---- file and mapping ----------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a CSV file and load it."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import tickets"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Read `path` on a reader thread, guess the mapping and preview it."""
        self.path = Path(path)
        self.file_edit.setText(str(path))
        self._set_message("")
        self.summary.setText(self.tr("Reading {0}…").format(self.path.name))
        self.hub.runner.read(lambda: read_csv(path), self._file_read, self._failed)

    def _file_read(self, table: CsvTable) -> None:
        self.table = table
        self._clear_status_words()
        self.notice.setText(table.notice or "")
        self.notice.setVisible(bool(table.notice))
        mapping = guess_mapping(table.headers)
        first = table.rows[0][1] if table.rows else ()
        self.mapping_table.setRowCount(len(table.headers))
        for i, header in enumerate(table.headers):
            self.mapping_table.setItem(i, 0, QTableWidgetItem(header))
            self.mapping_table.setItem(i, 1, QTableWidgetItem(first[i] if i < len(first) else ""))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Import “{0}” as").format(header))
            combo.addItem(self.tr("(not imported)"), NOT_IMPORTED)
            for target in TARGETS:
                if target != NOT_IMPORTED:
                    combo.addItem(f"{target} — {target_meaning(target)}", target)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(header, NOT_IMPORTED))))
            combo.currentIndexChanged.connect(self.refresh_preview)
            self.mapping_table.setCellWidget(i, 2, combo)
        self.mapping_table.resizeColumnsToContents()
        self._chain_tab_order()
        self.refresh_preview()

    def _chain_tab_order(self) -> None:
        """File, Choose, the mapping table, each row's "Import as" choice, the preview, the problems,
        Import: in visual order, so Tab never circles inside a table."""
        combos = [self.mapping_table.cellWidget(i, 2) for i in range(self.mapping_table.rowCount())]
        chain = [self.file_edit, self.choose_button, self.mapping_table,
                 *[c for c in combos if c is not None], self.preview_table, self.error_list,
                 *self.status_combos.values(), self.save_problems_button, self.import_button]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def mapping(self) -> dict[str, str]:
        """The mapping the combo boxes show: {source column: field}."""
        out: dict[str, str] = {}
        for i in range(self.mapping_table.rowCount()):
            combo = self.mapping_table.cellWidget(i, 2)
            item = self.mapping_table.item(i, 0)
            if isinstance(combo, QComboBox) and item is not None:
                out[item.text()] = str(combo.currentData())
        return out

    def set_target(self, column: str, target: str) -> None:
        """Choose the field a source column imports as (what a person does with the combo box)."""
        for i in range(self.mapping_table.rowCount()):
            item = self.mapping_table.item(i, 0)
            combo = self.mapping_table.cellWidget(i, 2)
            if item is not None and item.text() == column and isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(target))
                return
        raise KeyError(column)

    def status_map(self) -> dict[str, str]:
        """The status words given a citydesk status in the dialog: {folded word: status value}."""
        return {
            word_key(word): str(combo.currentData())
            for word, combo in self.status_combos.items()
            if combo.currentData()
        }

    def set_status(self, word: str, status: str) -> None:
        """Give an unknown status word a citydesk status (what a person does with its combo box)."""
        combo = self.status_combos[word]
        combo.setCurrentIndex(combo.findData(status))

    def _add_status_words(self, words: tuple[str, ...]) -> None:
        """A choice for each unknown status word not shown yet (chosen ones stay while the file does)."""
        added = False
        for word in words:
            if word in self.status_combos:
                continue
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Status “{0}” means").format(word))
            combo.addItem(self.tr("(choose a status)"), "")
            for status in Status:
                combo.addItem(status_label(status.value), status.value)
            combo.currentIndexChanged.connect(self.refresh_preview)
            label = QLabel(self.tr("“{0}” means:").format(word))
            label.setBuddy(combo)
            self.status_form.addRow(label, combo)
            self.status_combos[word] = combo
            added = True
        self.status_box.setVisible(bool(self.status_combos))
        if added:
            self._chain_tab_order()

    def _clear_status_words(self) -> None:
        while self.status_form.rowCount():
            self.status_form.removeRow(0)
        self.status_combos.clear()
        self.status_box.setVisible(False)

    # ---- preview -------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Check the whole file under the current mapping on a reader thread."""
        table = self.table
        if table is None:
            return
        self._generation += 1
        generation = self._generation
        mapping = self.mapping()
        status_map = self.status_map()
        now = self.hub.db.clock.now()
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking {0:,} rows…").format(len(table.rows)))
        self.hub.query(
            lambda session: preview(session, table, mapping, now=now, status_map=status_map),
            lambda plan: self._show_plan(generation, plan),
            self._failed,
        )

    def _show_plan(self, generation: int, plan: ImportPlan) -> None:
        if generation != self._generation or self.table is None:
            return  # a newer mapping is being checked
        self.plan = plan
        table = self.table
        problems: dict[int, list[str]] = {}
        for error in plan.errors:
            problems.setdefault(error.row, []).append(
                f"{error.column}: {error.message}" if error.column else error.message
            )
        shown = [h for h, t in plan.mapping.items() if t != NOT_IMPORTED]
        index = {h: i for i, h in enumerate(table.headers)}
        self.preview_table.clear()
        self.preview_table.setColumnCount(2 + len(shown))
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Problems")] + [f"{h} → {plan.mapping[h]}" for h in shown]
        )
        rows = table.rows[:PREVIEW_ROWS]
        self.preview_table.setRowCount(len(rows))
        for r, (line, cells) in enumerate(rows):
            self.preview_table.setItem(r, 0, QTableWidgetItem(str(line)))
            trouble = QTableWidgetItem("; ".join(problems.get(line, [])) or self.tr("OK"))
            if line in problems:
                trouble.setText("⚠ " + trouble.text())
                trouble.setToolTip(trouble.text())
            self.preview_table.setItem(r, 1, trouble)
            for c, header in enumerate(shown, start=2):
                i = index[header]
                self.preview_table.setItem(r, c, QTableWidgetItem(cells[i] if i < len(cells) else ""))
        self.preview_table.resizeColumnsToContents()
        self.preview_table.setColumnWidth(1, min(self.preview_table.columnWidth(1), PROBLEMS_WIDTH))
        self.error_list.clear()
        self.error_list.addItems(plan.error_lines())
        self._set_problems(plan.all_problems)
        self._add_status_words(plan.unknown_statuses)
        count = len(plan.problems) + len(plan.errors)
        if count:
            text = self.tr("{0:,} rows; {1:,} problem(s). Fix the mapping or the file: nothing is imported "
                           "while there are problems.").format(plan.total, count)  # fmt: skip
        else:
            text = self.tr("All {0:,} rows are ready to import.").format(len(plan.rows))
        if plan.repeated:
            text += " " + self.tr("{0:,} row(s) identical to an earlier row are skipped.").format(
                plan.repeated
            )
        if plan.undated and not count:
            text += " " + self.tr("{0:,} resolved row(s) without a date are imported as resolved "
                                  "(date unknown).").format(plan.undated)  # fmt: skip
        self.summary.setText(text)
        self.hub.announce.emit(text)
        self.import_button.setEnabled(plan.ok and not self.busy)
        self.previewed.emit(plan)

    # ---- the problem list ----------------------------------------------------------------------

    def _set_problems(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        self.save_problems_button.setEnabled(bool(problems))

    def choose_problems_file(self) -> None:
        """Ask where to save the problem list and write it."""
        stem = self.path.stem if self.path else "import"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the problem list"), f"{stem}-problems.csv", self.tr("CSV files (*.csv)")
        )
        if name:
            self.save_problems(Path(name))

    def save_problems(self, path: Path) -> bool:
        """Write every problem to `path` as CSV (row, column, message); False with a message if it cannot."""
        try:
            written = write_problems(path, self.problems)
        except CitydeskError as exc:
            self._set_message(readable(exc))
            return False
        self._set_message("")
        text = self.tr("{0:,} problem(s) saved to {1}.").format(written, Path(path).name)
        self.summary.setText(text)
        self.hub.announce.emit(text)
        return True

    # ---- import --------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Import the previewed rows on the writer thread (all or none)."""
        plan = self.plan
        if plan is None or not plan.ok or self.busy:
            return
        self.busy = True
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.mapping_table.setEnabled(False)
        self.progress.setRange(0, len(plan.rows))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.summary.setText(self.tr("Importing {0:,} tickets…").format(len(plan.rows)))
        try:
            self.hub.mutate(
                import_tickets,
                plan=plan,
                source_name=self.path.name if self.path else "",
                progress=self._progress.emit,
                on_done=self._imported,
                on_error=self._import_failed,
            )
        except Exception as exc:  # nobody signed in
            self._import_failed(exc)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _imported(self, result: ImportResult) -> None:
        self.busy = False
        self.progress.setValue(self.progress.maximum())
        text = self.tr("Imported {0:,} tickets ({1} to {2}).").format(
            result.tickets, result.first_number, result.last_number
        )
        if result.undated:
            text += " " + self.tr("{0:,} of them resolved on an unknown date.").format(result.undated)
        if result.repeated:
            text += " " + self.tr("{0:,} repeated row(s) skipped.").format(result.repeated)
        self.summary.setText(text)
        self.hub.announce.emit(text)
        self.hub.data_changed.emit()
        self.imported.emit(result)
        self.accept()

    def _import_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.progress.setVisible(False)
        self.choose_button.setEnabled(True)
        self.mapping_table.setEnabled(True)
        self._set_message(readable(exc) + " " + self.tr("Nothing was imported."))
        self.import_button.setEnabled(bool(self.plan and self.plan.ok))

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText("")
        self.error_list.clear()
        if isinstance(exc, CsvProblems):  # the file cannot be read: its problems in the list, as a plan's
            self.error_list.addItems([p.text() for p in exc.problems])
            self._set_problems(exc.problems)
        self._set_message(readable(exc))

    def _set_message(self, text: str) -> None:
        set_error_text(self.message, text)
        if text:
            self.hub.announce.emit(text)

    def reject(self) -> None:
        """Close, unless an import is running (it finishes either way; closing would hide its outcome)."""
        if not self.busy:
            super().reject()


def open_import_dialog(hub: CitydeskApp, parent: QWidget | None = None) -> ImportDialog:
    """Show the import dialog (non-modal) and return it."""
    dialog = ImportDialog(hub, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
