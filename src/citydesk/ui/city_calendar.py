"""Settings → City calendar… (administrators): the opening hours, the holidays and how the city writes dates.

Due dates count business days and hours, so these move them. Saved in one transaction through
`services.setup.change_city_settings` (each value checked, a bad one shown next to its field and nothing
written). On a PC connected to the city's server the settings belong to the server: the dialog shows
them and says how an administrator changes them there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QTimeEdit, QVBoxLayout, QWidget

from citydesk.domain.city_settings import DATE_ORDERS
from citydesk.services.setup import change_city_settings
from citydesk.store.settings import load_settings
from citydesk.ui.app import CitydeskApp
from citydesk.ui.forms import Form, combo_field, hint_label, plain_text_field, submit_buttons

EXAMPLES = {"MDY": "11/26/2026", "DMY": "26/11/2026", "YMD": "2026-11-26"}


class CityCalendarDialog(QDialog):
    """The city's opening hours, holidays and date order (see the module docstring)."""

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setWindowTitle(self.tr("City calendar"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(max(460, self.fontMetrics().averageCharWidth() * 64))
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr(
            "Due dates count the city's business days and opening hours: holidays and the hours below "
            "move them for every ticket logged from now on."
        )))  # fmt: skip
        self.form = Form(self)
        self.opens = self._time_field(self.tr("Opens at"))
        self.form.add_row("opens", self.tr("&Opens at (HH:MM):"), self.opens)
        self.closes = self._time_field(self.tr("Closes at"))
        self.form.add_row("closes", self.tr("&Closes at (HH:MM):"), self.closes)
        self.date_order = combo_field(self.tr("How the city writes dates"))
        for order in DATE_ORDERS:
            self.date_order.addItem(f"{EXAMPLES[order]} ({self._order_words(order)})", order)
        self.form.add_row("date_order", self.tr("&Dates written as:"), self.date_order)
        self.holidays: QPlainTextEdit = plain_text_field(
            self.tr("Holidays"), placeholder=self.tr("One date a line, as 2026-12-25"), lines=6
        )
        self.form.add_row("holidays", self.tr("&Holidays:"), self.holidays)
        layout.addLayout(self.form.layout)
        self.server_note = QLabel()
        self.server_note.setWordWrap(True)
        self.server_note.setVisible(False)
        layout.addWidget(self.server_note)
        layout.addWidget(self.form.general)
        self.buttons = submit_buttons(self, self.tr("&Save"), self.submit)
        layout.addWidget(self.buttons)
        self.loaded = False
        self.hub.query(load_settings, self._show, self.form.show_error)

    def _time_field(self, name: str) -> QTimeEdit:
        field = QTimeEdit()
        field.setDisplayFormat("HH:mm")
        field.setAccessibleName(name)
        return field

    def _order_words(self, order: str) -> str:
        return {
            "MDY": self.tr("month/day/year"),
            "DMY": self.tr("day/month/year"),
            "YMD": self.tr("year-month-day"),
        }[order]

    def _show(self, settings: dict[str, Any]) -> None:
        self.opens.setTime(QTime.fromString(str(settings.get("opens", "08:00")), "HH:mm"))
        self.closes.setTime(QTime.fromString(str(settings.get("closes", "17:00")), "HH:mm"))
        self.date_order.setCurrentIndex(max(0, self.date_order.findData(settings.get("date_order", "MDY"))))
        self.holidays.setPlainText("\n".join(str(day) for day in settings.get("holidays") or []))
        status = self.hub.sync_state
        if status.mode == "connected":  # the server holds them: shown, not edited here
            for field in (self.opens, self.closes, self.date_order, self.holidays):
                field.setEnabled(False)
            self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(False)
            self.server_note.setText(self.tr(
                "This PC is connected to the city's server, which holds the city calendar. An administrator "
                "changes it there: citydesk-server setting set holidays \"2026-12-25, 2027-01-01\"."
            ))  # fmt: skip
            self.server_note.setVisible(True)
        self.loaded = True
        self.opens.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, str]:
        """What the form holds, as the service takes it (text, checked there)."""
        return {
            "opens": self.opens.time().toString("HH:mm"),
            "closes": self.closes.time().toString("HH:mm"),
            "date_order": str(self.date_order.currentData()),
            "holidays": self.holidays.toPlainText(),
        }

    def submit(self) -> None:
        """Save every value in one transaction, then close and say so; an error stays next to its field."""
        if not self.loaded:
            return
        self.form.clear_errors()
        self.hub.mutate(change_city_settings, values=self.values(), on_done=self._saved,
                        on_error=self.form.show_error)  # fmt: skip

    def _saved(self, _stored: dict[str, Any]) -> None:
        self.hub.announce.emit(self.tr("City calendar saved: due dates follow it from now on."))
        self.hub.data_changed.emit()  # due-date views and counts read again
        self.accept()
