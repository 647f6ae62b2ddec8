"""The New request form's widgets: fields, the caller-script column, buttons, shortcuts and tab order.

A mixin of `NewRequestDialog` (kept apart so each file reads on its own): `_build()` creates the
widgets the dialog's other parts use (`self.requester`, `self.category`, `self.duplicates`, ...)
and connects the buttons and shortcuts to the dialog's slots.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain.priorities import Priority
from citydesk.store.intake import complete_addresses, complete_requesters
from citydesk.ui.counter.channel_field import ChannelField
from citydesk.ui.counter.completion import CompletionField
from citydesk.ui.counter.duplicates import DuplicateList
from citydesk.ui.counter.requester_form import NewRequesterBox
from citydesk.ui.forms import Form, combo_field, line_field, plain_text_field, shrinkable
from citydesk.ui.words import date_format, priority_label, ui_locale


class LayoutMixin:
    """Builds the form (left: the fields; right: what to tell the caller, questions, duplicates)."""

    def _build(self) -> None:
        """Create the widgets, lay them out, and connect the buttons and shortcuts."""
        self.form = Form(self)
        self.channel = ChannelField(self.tr("Channel"))
        self.requester = CompletionField(
            self.hub,
            accessible_name=self.tr("Requester"),
            placeholder=self.tr("Name, phone or e-mail"),  # Alt+W is on the checkbox under it
            fetch=complete_requesters,
            text_of=lambda h: h.name,
        )
        self.requester_info = self._info_label(self.tr("Requester details"))
        self.new_requester = QCheckBox(self.tr("New requester, not on file yet (Alt+W)"))
        self.new_requester.setAccessibleName(self.tr("New requester"))
        self.person = NewRequesterBox()
        self.person.setVisible(False)
        self.location = CompletionField(
            self.hub,
            accessible_name=self.tr("Location"),
            placeholder=self.tr("Address, place or landmark (City Park)"),
            fetch=complete_addresses,
            text_of=lambda h: h.text,
        )
        self.requester.next_focus = self.location.edit  # a requester on file: on to the place
        self.location.accepts_typed = True  # a place not on the list is saved as typed (unverified)
        self.location_info = self._info_label(self.tr("Location check"))
        self.category = CompletionField(
            self.hub,
            accessible_name=self.tr("Category"),
            placeholder=self.tr("What is it about? (light, pothole, password…)"),
            local=self._match_categories,
            text_of=lambda h: h.name,
        )
        self.category_info = self._info_label(self.tr("Category details"))
        self.priority = combo_field(self.tr("Priority"))
        for p in Priority:
            self.priority.addItem(priority_label(p.value), p.value)
        self.priority.setCurrentIndex(self.priority.findData(Priority.P3.value))
        self.priority_meaning = self._info_label(self.tr("Priority meaning"))
        self.department = combo_field(self.tr("Handled by department"))
        self.due = QDateEdit()
        self.due.setAccessibleName(self.tr("Target date"))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(date_format())
        self.due.setLocale(ui_locale())  # day and month names in the UI's language
        self.due_info = self._info_label(self.tr("Expected completion"))
        self.title = line_field(
            self.tr("Title"), placeholder=self.tr("Filled in from the category and place")
        )
        self.description = plain_text_field(
            self.tr("Description"), placeholder=self.tr("What the caller says"), lines=3
        )
        self.description.setMaximumHeight(self.description.fontMetrics().lineSpacing() * 6 + 12)
        f = self.form
        f.add_row("channel", self.tr("C&hannel:"), self.channel)
        f.add_row("requester", self.tr("&Requester:"), self.requester).label.setBuddy(self.requester.edit)
        f.add_wide(self.requester_info)
        f.add_wide(self.new_requester)
        f.add_wide(self.person)
        f.add_row("location", self.tr("&Location:"), self.location).label.setBuddy(self.location.edit)
        f.add_wide(self.location_info)
        f.add_row("category", self.tr("&Category:"), self.category).label.setBuddy(self.category.edit)
        f.add_wide(self.category_info)
        f.add_row("priority", self.tr("Priorit&y:"), self.priority)
        f.add_wide(self.priority_meaning)
        self.department_row = f.add_row("department", self.tr("Handled by:"), self.department)
        self.due_row = f.add_row("due_date", self.tr("Target date:"), self.due)
        f.add_wide(self.due_info)
        f.add_row("title", self.tr("&Title:"), self.title)
        f.add_row(("description", "intake_answers"), self.tr("Descr&iption:"), self.description)

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.addLayout(f.layout)
        left_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("intakeFields")
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it reflows instead
        for combo in (self.channel, self.priority, self.department):
            shrinkable(combo)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>What to tell the caller</b>")))
        self.script = self._info_label(self.tr("What to tell the caller"))
        right.addWidget(self.script)
        self.questions_heading = QLabel(self.tr("<b>Questions to ask</b>"))
        right.addWidget(self.questions_heading)
        self.questions_layout = QFormLayout()
        self.questions_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        right.addLayout(self.questions_layout)
        self.answers: list[tuple[str, QLineEdit]] = []
        self.duplicates = DuplicateList()
        right.addWidget(self.duplicates, 1)

        columns = QHBoxLayout()
        columns.addWidget(scroll, 3)
        columns.addLayout(right, 2)

        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Result"))
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = self._button(self.tr("&Save request"), self.tr("Ctrl+Enter"), self.submit)
        self.add_button = self._button(
            self.tr("A&dd caller to that ticket"), self.tr("Ctrl+D"), self.add_to_candidate
        )
        self.receipt_button = self._button(self.tr("Print receipt…"), self.tr("Ctrl+P"), self._receipt)
        self.receipt_button.setAccessibleName(self.tr("Print receipt"))
        self.receipt_button.setEnabled(False)
        self.next_button = self._button(
            self.tr("Next request"), self.tr("Ctrl+N or Alt+N"), self.next_request
        )
        self.close_button = self._button(self.tr("Close"), self.tr("Esc"), self.reject)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.add_button, self.receipt_button, self.next_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(f.general)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        for keys, slot in (
            ("Ctrl+Return", self.submit),
            ("Ctrl+Enter", self.submit),
            ("Ctrl+D", self.add_to_candidate),
            ("Ctrl+P", self._receipt),
            ("Ctrl+N", self.next_request),
            ("Alt+W", self.new_requester.toggle),
            ("Alt+N", self.next_request),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        self._chain()

    def _info_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _button(self, text: str, keys: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(keys)
        button.setAutoDefault(False)
        button.setDefault(False)
        button.clicked.connect(slot)
        return button

    def _chain(self) -> None:
        chain: list[QWidget] = [
            self.channel,
            self.requester.edit,
            self.new_requester,
            *self.person.fields(),
            self.location.edit,
            self.category.edit,
            self.priority,
            self.department,
            self.due,
            self.title,
            self.description,
            *[e for _q, e in self.answers],
            self.duplicates.list,
            self.save_button,
            self.add_button,
            self.receipt_button,
            self.next_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.tab_cycle = chain

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab follow `tab_cycle` round and round, skipping what is hidden or disabled.

        Qt's own chain, which also holds the completion fields' containers (focus proxies of their line
        edits), skipped Channel after the first pass (Close → Requester); the list keeps every pass alike."""
        order = [
            w for w in self.tab_cycle
            if w.isVisibleTo(self) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]  # fmt: skip
        here = QApplication.focusWidget()
        while here is not None and here not in order and here is not self:
            here = here.parentWidget()
        if here is None or here not in order:
            return bool(super().focusNextPrevChild(forward))  # type: ignore[misc]
        target = order[(order.index(here) + (1 if forward else -1)) % len(order)]
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True
