"""A question answered on the spot (Alt+Q): category (optional, with completion), channel, one line.

No ticket is created; `services.contacts.log_contact` writes one counted `contact_log` row (kind
question), which the weekly report counts. The channel is remembered on this PC.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QVBoxLayout, QWidget
from shiboken6 import isValid

from citydesk.domain.errors import ValidationError
from citydesk.domain.text import fold
from citydesk.services.contacts import log_contact
from citydesk.store.detail import Choice, categories
from citydesk.ui.app import CitydeskApp
from citydesk.ui.counter.status import channel_combo
from citydesk.ui.forms import Form, line_field, submit_buttons
from citydesk.ui.tasks import readable

CHANNEL_SETTING = "counter/question_channel"


def resolve_category(typed: str, choices: list[Choice]) -> str | None:
    """The category id for what was typed: a name, or a keyword only one category has; None if blank.

    ValidationError('category') when it matches no category (or a keyword of several)."""
    key = fold(typed.strip()) or ""
    if not key:
        return None
    for choice in choices:
        if fold(choice.label) == key:
            return choice.id
    by_keyword = [c for c in choices if key in (fold(c.extra) or "").split()]
    if len(by_keyword) == 1:
        return by_keyword[0].id
    starts = [c for c in choices if (fold(c.label) or "").startswith(key)]
    if len(starts) == 1:
        return starts[0].id
    text = QCoreApplication.translate(
        "QuestionDialog", "There is no category “{0}”. Choose one from the list, or leave it empty."
    )
    raise ValidationError("category", text.format(typed.strip()))


class QuestionDialog(QDialog):
    """Log a question answered on the spot."""

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.busy = False
        self.choices: list[Choice] = []
        self.setWindowTitle(self.tr("Question answered on the spot"))
        self.setAccessibleName(self.tr("Question answered on the spot"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.form = Form(self)
        example = self.tr("e.g. Opening hours of the recycling centre")
        self.summary = line_field(self.tr("Question"), placeholder=example)
        self.summary.setAccessibleDescription(self.tr("What was asked, in one line"))
        self.summary.setMaxLength(300)
        self.form.add_row("summary", self.tr("&Question:"), self.summary)
        self.category = line_field(self.tr("Category (optional)"), placeholder=self.tr("Type to search"))
        self.completer = QCompleter([], self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.category.setCompleter(self.completer)
        self.form.add_row(("category", "category_id"), self.tr("Ca&tegory (optional):"), self.category)
        self.channel = channel_combo(self.tr("Channel"), CHANNEL_SETTING)
        self.form.add_row("channel", self.tr("C&hannel:"), self.channel)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        self.buttons = submit_buttons(
            self, self.tr("Log question"), self.submit, tooltip=self.tr("Enter or Ctrl+Enter")
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        for first, second in ((self.summary, self.category), (self.category, self.channel),
                              (self.channel, self.ok_button), (self.ok_button, cancel)):  # fmt: skip
            QWidget.setTabOrder(first, second)
        self.summary.setFocus(Qt.FocusReason.OtherFocusReason)
        hub.query(categories, lambda choices: isValid(self) and self._categories(choices))

    def _categories(self, choices: list[Choice]) -> None:
        self.choices = choices
        self.completer.model().setStringList([c.label for c in choices])  # type: ignore[attr-defined]

    def submit(self) -> None:
        """Log the question (the service checks the line; the category is checked here first)."""
        if self.busy:
            return
        self.form.clear_errors()
        try:
            category_id = resolve_category(self.category.text(), self.choices)
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        try:
            self.hub.mutate(log_contact, on_done=self._done, on_error=self._failed, kind="question",
                            channel=self.channel.currentData(), category_id=category_id,
                            summary=self.summary.text())  # fmt: skip
        except Exception as exc:  # nobody signed in
            self._failed(exc)

    def _done(self, _result: Any) -> None:
        self.hub.announce.emit(self.tr("Question answered on the spot logged"))
        if isValid(self):
            self.busy = False
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            self.hub.error.emit(readable(exc))
            return
        self.busy = False
        self.ok_button.setEnabled(True)
        self.form.show_error(exc)
