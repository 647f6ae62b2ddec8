"""The "new requester" part of the New request form: citizen or staff, contact, language, reply method,
anonymous or confidential. Checked with the same rules the service applies, before anything is sent.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from citydesk.domain.channels import LANGUAGES, ReplyMethod, RequesterKind
from citydesk.domain.errors import ValidationError
from citydesk.services.requesters import clean_requester
from citydesk.store.detail import Choice
from citydesk.ui.forms import Form, combo_field, hint_label, line_field, shrinkable
from citydesk.ui.words import language_label, reply_label

AUTO_REPLY = ""


def guess_contact(typed: str) -> dict[str, str]:
    """What a lookup text most likely is: an e-mail, a phone number, or a name."""
    typed = typed.strip()
    if not typed:
        return {}
    if "@" in typed:
        return {"email": typed}
    if len(re.sub(r"\D", "", typed)) >= 7 and not re.search(r"[A-Za-z]{2}", typed):
        return {"phone": typed}
    return {"name": typed}


class NewRequesterBox(QGroupBox):
    """Fields of a requester who is not on file yet."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("New requester"))
        box = QVBoxLayout(self)
        self.form = Form(self)
        self.name = line_field(self.tr("Name"), placeholder=self.tr("First and last name"))
        self.phone = line_field(self.tr("Phone"), placeholder=self.tr("(555) 010-1234"))
        self.email = line_field(self.tr("E-mail"), placeholder=self.tr("name@example.org"))
        self.kind = combo_field(self.tr("Kind"))
        self.kind.setAccessibleDescription(self.tr("Citizen or city staff"))
        self.kind.addItem(self.tr("Citizen"), RequesterKind.CITIZEN.value)
        self.kind.addItem(self.tr("City staff"), RequesterKind.STAFF.value)
        self.department = combo_field(self.tr("Staff member's department"))
        self.language = combo_field(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr("Preferred language for replies"))
        for code in LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.reply = combo_field(self.tr("Reply by"))
        self.reply.addItem(self.tr("Best available (phone, e-mail, letter)"), AUTO_REPLY)
        for method in ReplyMethod:
            self.reply.addItem(reply_label(method.value), method.value)
        self.address = line_field(
            self.tr("Postal address"), placeholder=self.tr("Only needed to reply by letter")
        )
        # Short checkbox texts with their explanation wrapped under them: the form reflows at 200%.
        self.anonymous = QCheckBox(self.tr("An&onymous"))
        self.anonymous.setAccessibleName(self.tr("Anonymous"))
        anonymous_hint = self.tr("Keep nothing that identifies the caller.")
        self.anonymous.setAccessibleDescription(anonymous_hint)
        self.confidential = QCheckBox(self.tr("Con&fidential"))
        self.confidential.setAccessibleName(self.tr("Confidential"))
        confidential_hint = self.tr("Withhold the name from public-records exports.")
        self.confidential.setAccessibleDescription(confidential_hint)
        for combo in (self.kind, self.department, self.language, self.reply):
            shrinkable(combo)
        self.form.add_row("name", self.tr("Name:"), self.name)
        self.form.add_row("phone", self.tr("&Phone:"), self.phone)
        self.form.add_row("email", self.tr("&E-mail:"), self.email)
        self.form.add_row("kind", self.tr("&Kind:"), self.kind)
        self.department_row = self.form.add_row("department", self.tr("Depart&ment:"), self.department)
        self.form.add_row("preferred_language", self.tr("Lan&guage:"), self.language)
        self.form.add_row("reply_method", self.tr("Reply &by:"), self.reply)
        self.form.add_row("address", self.tr("Postal addre&ss:"), self.address)
        for check, hint in ((self.anonymous, anonymous_hint), (self.confidential, confidential_hint)):
            self.form.add_wide(check)
            self.form.add_wide(hint_label(hint))
        box.addLayout(self.form.layout)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.name, self.phone, self.email, self.address):
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self._kind_changed()

    def fields(self) -> list[QWidget]:
        """The fields in tab order."""
        return [
            self.name,
            self.phone,
            self.email,
            self.kind,
            self.department,
            self.language,
            self.reply,
            self.address,
            self.anonymous,
            self.confidential,
        ]

    def set_departments(self, departments: list[Choice]) -> None:
        """Fill the staff department list."""
        self.department.clear()
        self.department.addItem(self.tr("(choose)"), None)
        for dep in departments:
            self.department.addItem(dep.label, dep.id)

    def _kind_changed(self) -> None:
        self.department_row.set_visible(self.kind.currentData() == RequesterKind.STAFF.value)

    def prefill(self, typed: str) -> None:
        """Put a lookup text into the field it most likely belongs to (when that field is empty)."""
        for field, value in guess_contact(typed).items():
            edit = getattr(self, field)
            if not edit.text().strip():
                edit.setText(value)

    def values(self) -> dict[str, Any]:
        """The requester as the services take it."""
        values: dict[str, Any] = {
            "kind": self.kind.currentData(),
            "name": self.name.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "address": self.address.text(),
            "preferred_language": self.language.currentData(),
            "anonymous": self.anonymous.isChecked(),
            "confidential": self.confidential.isChecked(),
        }
        if self.kind.currentData() == RequesterKind.STAFF.value:
            values["department_id"] = self.department.currentData()
        if self.reply.currentData():
            values["reply_method"] = self.reply.currentData()
        return values

    def checked_values(self) -> dict[str, Any]:
        """The values after the services' own checks (raises ValidationError naming the field)."""
        values = self.values()
        try:
            clean_requester(values)
        except ValidationError as exc:
            typed = self.email.text().strip()
            if exc.field == "email" and guess_contact(typed) == {"phone": typed}:  # typed one field too far
                hint = self.tr("“{0}” looks like a phone number: it goes in Phone (Alt+P).").format(typed)
                raise ValidationError("email", hint) from exc
            raise
        return values

    def has_input(self) -> bool:
        """Whether anything was typed or chosen here (a field, a list off its default, a check box)."""
        combos = (self.kind, self.department, self.language, self.reply)
        return (
            any(edit.text().strip() for edit in (self.name, self.phone, self.email, self.address))
            or any(combo.currentIndex() > 0 for combo in combos)
            or self.anonymous.isChecked()
            or self.confidential.isChecked()
        )

    def reset(self) -> None:
        """Empty every field for the next caller (language and kind back to the defaults)."""
        for edit in (self.name, self.phone, self.email, self.address):
            edit.clear()
        for combo in (self.kind, self.department, self.language, self.reply):
            combo.setCurrentIndex(0)
        self.anonymous.setChecked(False)
        self.confidential.setChecked(False)
        self.form.clear_errors()

    def focus_first(self) -> None:
        """Focus the first empty contact field (the name, usually)."""
        for edit in (self.name, self.phone, self.email):
            if not edit.text().strip():
                edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
