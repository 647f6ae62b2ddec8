"""The Reports view: pick a week and a scope, generate the weekly report, preview, print, save.

Generation runs on a reader thread through the hub's task runner (`reports.weekly.writer`, the same
function as `citydesk report` and the schedule) and reports its stages to the progress bar through
a queued signal; the pages are rendered to images (pypdfium2) on the same thread. The PDF is kept
in a temporary folder until the view closes: Save as PDF… copies it, Print… prints it.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain.calendar import BusinessCalendar, format_week
from citydesk.domain.errors import PermissionDenied, ValidationError
from citydesk.domain.permissions import Action
from citydesk.reports.weekly.writer import ReportProgress, ScopeChoice, WrittenReport
from citydesk.ui.app import CitydeskApp
from citydesk.ui.forms import Form, combo_field
from citydesk.ui.reports import pages
from citydesk.ui.reports.labels import PAGE_SIZES, page_size_label, scope_label, stage_label
from citydesk.ui.reports.menu import can_view_reports
from citydesk.ui.reports.output import ReportOutputMixin
from citydesk.ui.reports.printing import PagePrinter
from citydesk.ui.tasks import readable

STEPS = 7  # the writer's six steps (figures, font, summary, charts, tables, pages), then the preview


@dataclass(frozen=True, slots=True)
class Generated:
    """A generated report and its pages rendered for the preview."""

    report: WrittenReport
    images: tuple[Any, ...]  # QImage


@dataclass(frozen=True, slots=True)
class ViewSetup:
    """What the view needs to open: the city's calendar, the scopes, and "now"."""

    calendar: BusinessCalendar
    scopes: tuple[ScopeChoice, ...]
    now: Any  # aware datetime


class _Relay(QObject):
    """Carries progress from the generating thread to the GUI thread (queued)."""

    progress = Signal(object)  # ReportProgress


class ReportsView(ReportOutputMixin, QDialog):
    """The weekly status report window (supervisors and admins)."""

    generated = Signal(object)  # Generated
    setup_loaded = Signal()
    saved = Signal(object)  # Path
    printed = Signal(object)  # PrintOutcome

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        if not can_view_reports(hub):
            raise PermissionDenied(
                Action.VIEW_REPORTS.value, hub.user.actor.role.value if hub.user else "nobody"
            )
        super().__init__(parent)
        self.hub = hub
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("Weekly status report"))
        self.setAccessibleName(self.tr("Reports"))
        self.resize(1000, 900)
        self.setup: ViewSetup | None = None
        self.current: Generated | None = None
        self.active_dialog: QWidget | None = None
        self.page_labels: list[QLabel] = []
        self.busy = False
        self._folder = Path(tempfile.mkdtemp(prefix="citydesk-report-"))
        self._printer: PagePrinter | None = None
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._build()
        self.hub.query(self._load_setup, self._on_setup, self._on_error)

    # ---- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.form = Form(self)
        self.form.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setAccessibleDescription(self.tr("The ISO week-numbering year"))
        self.form.add_row("year", self.tr("&Year:"), self.year)
        self.week = QSpinBox()
        self.week.setRange(1, 53)
        self.week.setPrefix("W")
        self.week.setAccessibleName(self.tr("Week"))
        self.week.setAccessibleDescription(self.tr("The ISO week number"))
        self.week_dates = QLabel()
        self.week_dates.setAccessibleName(self.tr("Dates of the week"))
        week_box = QWidget()
        row = QHBoxLayout(week_box)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.week, self.week_dates):
            row.addWidget(widget)
        row.addStretch(1)
        self.year.valueChanged.connect(self._week_changed)
        self.week.valueChanged.connect(self._week_changed)
        self.form.add_row("week", self.tr("&Week:"), week_box).label.setBuddy(self.week)
        self.scope = combo_field(self.tr("Scope"))
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.form.add_row("scope", self.tr("&Scope:"), self.scope)
        self.paper = combo_field(self.tr("Paper size"))
        for value, _label in PAGE_SIZES:
            self.paper.addItem(page_size_label(value), value)
        self.form.add_row("page_size", self.tr("&Paper:"), self.paper)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)

        actions = QHBoxLayout()
        self.generate_button = self._button(
            actions, self.tr("&Generate"), self.tr("Generate the report (Ctrl+G)"), self.generate
        )
        self.print_button = self._button(
            actions, self.tr("&Print…"), self.tr("Print the report (Ctrl+P)"), self.print_report
        )
        self.save_button = self._button(
            actions, self.tr("Save as P&DF…"), self.tr("Save the report as a PDF (Ctrl+S)"), self.save_as
        )
        actions.addStretch(1)
        every_week = self.tr("Write the report every week on this PC")
        self.schedule_button = self._button(actions, self.tr("S&chedule…"), every_week, self.edit_schedule)
        close_text = self.tr("Close the reports window")
        self.close_button = self._button(actions, self.tr("Close"), close_text, self.close)
        layout.addLayout(actions)
        for keys, slot in (
            ("Ctrl+G", self.generate),
            ("Ctrl+P", self.print_report),
            ("Ctrl+S", self.save_as),
        ):
            QShortcut(QKeySequence(keys), self, slot)

        status = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Report progress"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.stage = QLabel(self.tr("Choose a week and a scope, then Generate."))
        self.stage.setAccessibleName(self.tr("Report status"))
        self.page_count_label = QLabel()
        self.page_count_label.setAccessibleName(self.tr("Pages in the report"))
        self.page_count_label.setContentsMargins(12, 0, 0, 0)
        actions.insertWidget(3, self.page_count_label)
        status.addWidget(self.progress, 1)
        status.addWidget(self.stage, 2)
        layout.addLayout(status)

        self.preview = QScrollArea()
        self.preview.setAccessibleName(self.tr("Report preview"))
        self.preview.setWidgetResizable(True)
        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("reportPages")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_layout.setSpacing(16)
        self.preview.setWidget(self.pages_widget)
        self.preview.setStyleSheet(
            "QScrollArea { background: palette(dark); } #reportPages { background: palette(dark); }"
        )
        layout.addWidget(self.preview, 1)
        self._set_ready(False)
        self.year.setFocus(Qt.FocusReason.OtherFocusReason)
        for first, second in zip(
            (self.year, self.week, self.scope, self.paper, self.generate_button, self.print_button,
             self.save_button, self.schedule_button, self.close_button),
            (self.week, self.scope, self.paper, self.generate_button, self.print_button, self.save_button,
             self.schedule_button, self.close_button, self.preview),
            strict=True,
        ):  # fmt: skip
            QWidget.setTabOrder(first, second)

    def _button(self, row: QHBoxLayout, text: str, description: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    # ---- setup -----------------------------------------------------------------------------------

    def _load_setup(self, session: Any) -> ViewSetup:
        from citydesk.reports.weekly.writer import scope_choices
        from citydesk.store.settings import load_calendar

        return ViewSetup(load_calendar(session), scope_choices(session), self.hub.db.clock.now())

    def _on_setup(self, setup: ViewSetup) -> None:
        from citydesk.reports.metrics import last_full_week

        self.setup = setup
        for choice in setup.scopes:
            self.scope.addItem(scope_label(choice), choice.text)
        year, week = last_full_week(setup.calendar, setup.now)
        self.set_week(year, week)
        self.year.setFocus(Qt.FocusReason.OtherFocusReason)  # the first field, top left
        self.setup_loaded.emit()

    def set_week(self, year: int, week: int) -> None:
        """Choose the ISO week."""
        self.year.setValue(year)
        self.week.setValue(week)
        self._week_changed()

    def set_scope(self, text: str) -> None:
        """Choose the scope by its text ("city", "department:PW")."""
        index = self.scope.findData(text)
        if index >= 0:
            self.scope.setCurrentIndex(index)

    def _week_changed(self) -> None:
        from citydesk.reports.model import week_label

        try:
            label = week_label(self.year.value(), self.week.value())
        except ValueError:
            label = self.tr("(that year has no week {0})").format(self.week.value())
        self.week_dates.setText(label.partition(" ")[2] or label)
        self.form.rows["week"].clear()

    # ---- generating ------------------------------------------------------------------------------

    def _check_week(self) -> tuple[int, int]:
        """The chosen week; ValidationError('week') if it does not exist or has not started."""
        year, week = self.year.value(), self.week.value()
        format_week(year, week)  # raises for week 53 of a 52-week year
        if self.setup is not None:
            start, _end = self.setup.calendar.week_bounds(year, week)
            now = self.hub.db.clock.now()
            if start > now:
                this = self.setup.calendar.iso_week_of(now)
                message = self.tr(
                    "{0} is in the future: its report cannot be made yet. "
                    "Choose {1} (this week, so far) or an earlier week."
                )
                raise ValidationError("week", message.format(format_week(year, week), format_week(*this)))
        return year, week

    def generate(self) -> None:
        """Generate the report for the chosen week and scope in the background."""
        if self.busy or self.setup is None:
            return
        self.form.clear_errors()
        try:
            week = self._check_week()
        except ValidationError as exc:
            self.form.show_error(exc)
            self._announce(exc.message)
            return
        scope = self.scope.currentData() or "city"
        page_size = self.paper.currentData() or "letter"
        db, now, relay, folder = self.hub.db, self.hub.db.clock.now(), self._relay, self._folder

        def work() -> Generated:
            from citydesk.reports.weekly.writer import report_file_name, write_weekly_report

            out = folder / report_file_name(*week, scope)
            report = write_weekly_report(
                db, now=now, scope=scope, week=week, out=out, page_size=page_size, progress=step
            )
            relay.progress.emit(ReportProgress(STEPS - 1, STEPS, "Rendering the preview…"))
            images = pages.render_pages(report.path)
            relay.progress.emit(ReportProgress(STEPS, STEPS, "Done."))
            return Generated(report, tuple(images))

        def step(progress: ReportProgress) -> None:  # the writer's steps, then one for the preview
            relay.progress.emit(ReportProgress(min(progress.done, STEPS - 1), STEPS, progress.stage))

        self.busy = True
        self._set_ready(False)
        self.generate_button.setEnabled(False)
        self._folder.mkdir(parents=True, exist_ok=True)
        self.progress.setRange(0, STEPS)
        self.progress.setValue(0)
        self._announce(self.tr("Generating the report for {0}…").format(format_week(*week)))
        self.hub.runner.read(work, self._on_generated, self._on_error)

    def _on_progress(self, step: ReportProgress) -> None:
        self.progress.setRange(0, max(step.total, 1))
        self.progress.setValue(step.done)
        self.stage.setText(stage_label(step.stage))

    def _on_generated(self, result: Generated) -> None:
        self.busy = False
        self.generate_button.setEnabled(True)
        self.current = result
        self._show_pages(result.images)
        self._set_ready(True)
        count = len(result.images)
        self.page_count_label.setText(self.tr("{0} pages").format(count))
        report = result.report
        self._announce(
            self.tr("Report for {0}, {1}: {2} pages").format(report.week_text, report.scope_name, count)
        )
        self.generated.emit(result)

    def _on_error(self, exc: BaseException) -> None:
        self.busy = False
        self.generate_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.form.show_error(exc)
        self._announce(readable(exc))

    def _show_pages(self, images: tuple[Any, ...]) -> None:
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        for number, image in enumerate(images, start=1):
            label = QLabel(self.pages_widget)
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(image.width() + 2, image.height() + 2)
            label.setAccessibleName(self.tr("Page {0} of {1}").format(number, len(images)))
            label.setStyleSheet("background: white; border: 1px solid palette(shadow);")
            self.pages_layout.addWidget(label)
            label.show()
            self.page_labels.append(label)

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # ---- schedule --------------------------------------------------------------------------------

    def edit_schedule(self) -> None:
        """The dialog that sets up the weekly report on this PC."""
        from citydesk.ui.reports.schedule_dialog import ScheduleDialog

        choices = self.setup.scopes if self.setup else ()
        dialog = ScheduleDialog(self.hub, choices, self)
        self._track(dialog)
        dialog.open()

    def _track(self, dialog: QWidget) -> None:
        """Remember the open dialog (tests and closing look at it) until it finishes."""
        self.active_dialog = dialog

        def forget(_result: int = 0) -> None:
            if self.active_dialog is dialog:
                self.active_dialog = None

        dialog.finished.connect(forget)  # type: ignore[attr-defined]

    # ---- messages, closing -----------------------------------------------------------------------

    def _announce(self, text: str) -> None:
        self.stage.setText(text)
        self.hub.announce.emit(text)

    def done(self, result: int) -> None:
        """Closing (Close, Esc or the window's close button) removes the temporary PDF."""
        shutil.rmtree(self._folder, ignore_errors=True)
        self.current = None
        self._set_ready(False)
        super().done(result)
