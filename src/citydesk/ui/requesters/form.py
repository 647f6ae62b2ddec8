"""The requester form: every editable field, with the domain's validation messages next to each one.

The form only collects values; `update_requester` (run by the window on the writer thread) validates
them and writes one field clock and outbox row per changed field. Nothing is checked twice here,
so the messages are exactly the service's.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from citydesk.domain.channels import LANGUAGES, ReplyMethod, RequesterKind
from citydesk.store.detail import Choice
from citydesk.store.requesters_view import RequesterDetail
from citydesk.ui.forms import Form, combo_field, line_field
from citydesk.ui.requesters.models import tr
from citydesk.ui.words import kind_label, language_label, reply_label


def _checkbox(text: str, description: str) -> QCheckBox:
    box = QCheckBox(text)
    box.setAccessibleName(text.replace("&", ""))
    box.setAccessibleDescription(description)
    box.setToolTip(description)
    return box


class RequesterForm(QWidget):
    """Kind (and department for staff), name, phone, e-mail, address, language, reply method, flags."""

    edited = Signal()  # the user changed a field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Requester details"))
        self.requester: RequesterDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(tr("Choose a requester from the list."))
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(tr("Requester"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.form = Form(self)
        self.kind = combo_field(tr("Kind"))
        for kind in RequesterKind:
            self.kind.addItem(kind_label(kind.value), kind.value)
        self.form.add_row("kind", tr("&Kind:"), self.kind)
        self.department = combo_field(tr("Department"))
        self.department_row = self.form.add_row(
            ("department", "department_id"), tr("&Department:"), self.department
        )
        self.name = line_field(tr("Name"))
        self.form.add_row("name", tr("&Name:"), self.name)
        self.phone = line_field(tr("Phone"))
        self.form.add_row("phone", tr("&Phone:"), self.phone)
        self.email = line_field(tr("E-mail"))
        self.form.add_row("email", tr("&E-mail:"), self.email)
        self.address = line_field(tr("Postal address"))
        self.form.add_row("address", tr("Postal &address:"), self.address)
        self.language = combo_field(tr("Language"))
        self.language.setAccessibleDescription(tr("Preferred language for replies"))
        for code in LANGUAGES:
            self.language.addItem(language_label(code), code)
        self.form.add_row("preferred_language", tr("&Language:"), self.language)
        self.reply = combo_field(tr("Reply by"))
        for method in ReplyMethod:
            self.reply.addItem(reply_label(method.value), method.value)
        self.form.add_row("reply_method", tr("&Reply by:"), self.reply)
        self.anonymous = _checkbox(
            tr("An&onymous"), tr("Nothing identifying is stored: no name, phone, e-mail or address.")
        )
        self.form.add_row("anonymous", tr("Privacy:"), self.anonymous)
        self.confidential = _checkbox(
            tr("Con&fidential"), tr("The name is withheld from public-records exports.")
        )
        self.form.add_row("confidential", "", self.confidential)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        self.fields: tuple[QWidget, ...] = (
            self.kind, self.department, self.name, self.phone, self.email, self.address,
            self.language, self.reply, self.anonymous, self.confidential,
        )  # fmt: skip
        for first, second in itertools.pairwise(self.fields):
            QWidget.setTabOrder(first, second)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.kind, self.department, self.language, self.reply):
            combo.activated.connect(lambda _i: self.edited.emit())
        for edit in (self.name, self.phone, self.email, self.address):
            edit.textEdited.connect(lambda _t: self.edited.emit())
        for box in (self.anonymous, self.confidential):
            box.clicked.connect(lambda _c: self.edited.emit())
        self.set_requester(None, ())

    def set_requester(self, requester: RequesterDetail | None, departments: tuple[Choice, ...]) -> None:
        """Show `requester` (None: an empty, disabled form)."""
        self.requester = requester
        self.form.clear_errors()
        self.department.clear()
        self.department.addItem(tr("Choose a department"), None)
        for choice in departments:
            self.department.addItem(choice.label, choice.id)
        r = requester
        self.kind.setCurrentIndex(max(0, self.kind.findData(r.kind if r else "citizen")))
        self.department.setCurrentIndex(max(0, self.department.findData(r.department_id if r else None)))
        self.name.setText((r.name or "") if r else "")
        self.phone.setText((r.phone or "") if r else "")
        self.email.setText((r.email or "") if r else "")
        self.address.setText((r.address or "") if r else "")
        self.language.setCurrentIndex(max(0, self.language.findData(r.preferred_language if r else "en")))
        self.reply.setCurrentIndex(max(0, self.reply.findData(r.reply_method if r else "none")))
        self.anonymous.setChecked(bool(r and r.anonymous))
        self.confidential.setChecked(bool(r and r.confidential))
        for widget in self.fields:
            widget.setEnabled(r is not None and r.merged_into is None)
        self._kind_changed()
        if r is None:
            self.heading.setText(tr("Choose a requester from the list."))
        elif r.merged_into:
            self.heading.setText(tr("{0} — merged into {1}").format(r.label, r.merged_into_name or "?"))
        else:
            self.heading.setText(r.label)

    def apply(self, values: dict[str, Any]) -> None:
        """Put `values` (as `values()` returns them) back into the fields: an unsaved draft."""
        for combo, key in (
            (self.kind, "kind"),
            (self.language, "preferred_language"),
            (self.reply, "reply_method"),
        ):
            combo.setCurrentIndex(max(0, combo.findData(values[key])))
        self.department.setCurrentIndex(max(0, self.department.findData(values["department_id"])))
        for edit, key in (
            (self.name, "name"),
            (self.phone, "phone"),
            (self.email, "email"),
            (self.address, "address"),
        ):
            edit.setText(values[key] or "")
        self.anonymous.setChecked(bool(values["anonymous"]))
        self.confidential.setChecked(bool(values["confidential"]))
        self._kind_changed()

    def _kind_changed(self, *_args: Any) -> None:
        self.department_row.set_visible(self.kind.currentData() == RequesterKind.STAFF.value)

    def values(self) -> dict[str, Any]:
        """The fields as `update_requester` takes them (department only for staff)."""
        staff = self.kind.currentData() == RequesterKind.STAFF.value
        return {
            "kind": self.kind.currentData(),
            "department_id": self.department.currentData() if staff else None,
            "name": self.name.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "address": self.address.text(),
            "preferred_language": self.language.currentData(),
            "reply_method": self.reply.currentData(),
            "anonymous": self.anonymous.isChecked(),
            "confidential": self.confidential.isChecked(),
        }

    def is_dirty(self) -> bool:
        """True when a field differs from the requester as loaded."""
        r = self.requester
        if r is None:
            return False
        loaded = {
            "kind": r.kind,
            "department_id": r.department_id if r.kind == RequesterKind.STAFF.value else None,
            "name": r.name or "",
            "phone": r.phone or "",
            "email": r.email or "",
            "address": r.address or "",
            "preferred_language": r.preferred_language,
            "reply_method": r.reply_method,
            "anonymous": r.anonymous,
            "confidential": r.confidential,
        }
        now = self.values()
        return any(str(now[k] or "").strip() != str(v or "").strip() for k, v in loaded.items())
