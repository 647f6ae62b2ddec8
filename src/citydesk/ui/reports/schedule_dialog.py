"""The settings of the scheduled weekly report on this PC (device-local): on/off, day and time in
city time, folder, scope, paper, and whether to print it. Saved through the services; errors shown
next to their fields; on success the scheduler is reconfigured (and catches up at once if due)."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain.permissions import Action, allowed
from citydesk.domain.report_schedule import WEEKDAYS, ReportSchedule
from citydesk.domain.working_language import DEFAULT, SETTING, WORKING_LANGUAGES
from citydesk.reports.weekly.writer import ScopeChoice
from citydesk.reports.working_language import working_language
from citydesk.ui.app import CitydeskApp
from citydesk.ui.forms import Form, combo_field, line_field
from citydesk.ui.reports.labels import (
    PAGE_SIZES,
    describe_schedule,
    page_size_label,
    scope_label,
    weekday_label,
)
from citydesk.ui.words import language_label


class ScheduleDialog(QDialog):
    """Edit the weekly report schedule of this PC."""

    saved = Signal(object)  # ReportSchedule
    loaded = Signal()

    def __init__(
        self, hub: CitydeskApp, scopes: tuple[ScopeChoice, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self.busy = False
        self.setWindowTitle(self.tr("Weekly report schedule"))
        self.setAccessibleName(self.tr("Weekly report schedule"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("This PC can write last week's status report every week, as a PDF in a folder, "
                    "and print it. Turn it on at one office per city. If the PC is off at that time, "
                    "the report is written when citydesk next starts — never twice for the same week.")
        )  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = Form(self)
        self.enabled = QCheckBox(self.tr("&Write the weekly report on this PC"))
        self.enabled.setAccessibleName(self.tr("Write the weekly report on this PC"))
        self.form.add_wide(self.enabled)
        self.weekday = combo_field(self.tr("Day of the week"))
        for number in range(1, len(WEEKDAYS) + 1):
            self.weekday.addItem(weekday_label(number), number)
        self.form.add_row("weekday", self.tr("&Day:"), self.weekday)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Time (city time)"))
        self.form.add_row("at", self.tr("&Time (city time):"), self.time)
        self.folder = line_field(self.tr("Folder"), placeholder=self.tr("Where the PDF files go"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose the folder"))
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        folder_box = QWidget()
        row = QHBoxLayout(folder_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        folder_box.setAccessibleName(self.tr("Folder"))
        self.form.add_row("folder", self.tr("&Folder:"), folder_box)
        self.form.rows["folder"].label.setBuddy(self.folder)
        self.scope = combo_field(self.tr("Scope"))
        for choice in scopes or (ScopeChoice("city", "Whole city"),):
            self.scope.addItem(scope_label(choice), choice.text)
        self.form.add_row("scope", self.tr("&Scope:"), self.scope)
        self.paper = combo_field(self.tr("Paper size"))
        for value, _label in PAGE_SIZES:
            self.paper.addItem(page_size_label(value), value)
        self.form.add_row("page_size", self.tr("&Paper:"), self.paper)
        self.print_copy = QCheckBox(self.tr("Also &print it on the default printer"))
        self.print_copy.setAccessibleName(self.tr("Also print it on the default printer"))
        self.form.add_wide(self.print_copy)
        self.language = combo_field(self.tr("Report language (whole city)"))
        for code in WORKING_LANGUAGES:
            self.language.addItem(language_label(code), code)
        admin = hub.user is not None and allowed(hub.user.actor.role, Action.MANAGE_REFERENCE)
        self.language.setEnabled(admin)
        city_wide = self.tr("The weekly report's headings and the CSV exports' column headings, on every PC.")
        admins_only = self.tr("Only an administrator changes the city's report language.")
        self.language.setAccessibleDescription(city_wide if admin else admins_only)
        self.language.setToolTip(self.language.accessibleDescription())
        self.form.add_row(SETTING, self.tr("Report &language (whole city):"), self.language)
        self.saved_language = DEFAULT
        layout.addLayout(self.form.layout)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Schedule status"))
        layout.addWidget(self.status)
        layout.addWidget(self.form.general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        chain = [self.enabled, self.weekday, self.time, self.folder, self.browse, self.scope, self.paper,
                 self.print_copy, self.language, self.save_button, cancel]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.enabled.toggled.connect(self._enable_fields)
        self._show(ReportSchedule(), None)
        from citydesk.services.report_schedule import report_schedule_state

        self.hub.runner.read(lambda: report_schedule_state(self.hub.db), self._loaded, self.form.show_error)
        self.hub.query(working_language, self._language_loaded, self.form.show_error)

    def _language_loaded(self, language: str) -> None:
        self.saved_language = language
        self.language.setCurrentIndex(max(self.language.findData(language), 0))

    def _loaded(self, state: Any) -> None:
        self._show(state.schedule, state.last_week)
        self.enabled.setFocus()
        self.loaded.emit()

    def _show(self, schedule: ReportSchedule, last_week: tuple[int, int] | None) -> None:
        self.enabled.setChecked(schedule.enabled)
        self.weekday.setCurrentIndex(schedule.weekday - 1)
        self.time.setTime(QTime(schedule.at.hour, schedule.at.minute))
        self.folder.setText(schedule.folder)
        index = self.scope.findData(schedule.scope)
        self.scope.setCurrentIndex(max(index, 0))
        self.paper.setCurrentIndex(max(self.paper.findData(schedule.page_size), 0))
        self.print_copy.setChecked(schedule.print_copy)
        last = f"{last_week[0]}-W{last_week[1]:02d}" if last_week else self.tr("none yet")
        self.status.setText(
            self.tr("{0} Last week written by the schedule: {1}.").format(
                describe_schedule(schedule, self.scope.currentText()), last
            )
        )
        self._enable_fields(schedule.enabled)

    def _enable_fields(self, on: bool) -> None:
        for widget in (
            self.weekday,
            self.time,
            self.folder,
            self.browse,
            self.scope,
            self.paper,
            self.print_copy,
        ):
            widget.setEnabled(on)

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Folder for the weekly report"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.open()

    def values(self) -> dict[str, Any]:
        """The service's keyword arguments from the fields."""
        return {
            "enabled": self.enabled.isChecked(),
            "weekday": int(self.weekday.currentData() or 1),
            "at": self.time.time().toString("HH:mm"),
            "folder": self.folder.text(),
            "scope": self.scope.currentData() or "city",
            "page_size": self.paper.currentData() or "letter",
            "print_copy": self.print_copy.isChecked(),
        }

    def submit(self) -> None:
        """Save through the services on the writer thread; close and reconfigure the scheduler on success."""
        if self.busy:
            return
        from citydesk.services.report_schedule import save_report_schedule

        self.busy = True
        self.form.clear_errors()

        def save_schedule(_language: object = None) -> None:
            self.hub.mutate(save_report_schedule, on_done=self._saved, on_error=self._failed, **self.values())

        language = self.language.currentData() or DEFAULT
        if self.language.isEnabled() and language != self.saved_language:  # the city's, then this PC's
            from citydesk.services.working_language import set_working_language

            done, failed = save_schedule, self._failed
            self.hub.mutate(set_working_language, language=language, on_done=done, on_error=failed)
        else:
            save_schedule()

    def _saved(self, schedule: ReportSchedule) -> None:
        from citydesk.ui.reports.schedule_bridge import schedule_bridge

        self.busy = False
        schedule_bridge(self.hub).apply()
        self.hub.announce.emit(describe_schedule(schedule, self.scope.currentText()))
        self.saved.emit(schedule)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.form.show_error(exc)
