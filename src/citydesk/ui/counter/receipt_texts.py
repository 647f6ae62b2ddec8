"""The admin's editor of the receipt slip's texts, in English and Spanish, with a live preview.

Every text is one line; `{number}`, `{office}`, `{city}` and `{phone}` are filled in when the slip
prints. Save writes the changed texts of the language shown in one transaction
(`services.receipts.set_receipt_texts`); a bad text is shown next to its field and nothing is saved.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from citydesk.domain.channels import LANGUAGES
from citydesk.domain.errors import ValidationError
from citydesk.domain.receipt_texts import DEFAULTS, PLACEHOLDERS, RECEIPT_KEYS, clean_text
from citydesk.services.receipts import set_receipt_texts
from citydesk.ui.app import CitydeskApp
from citydesk.ui.counter.receipt import preview_pixmap
from citydesk.ui.forms import Form, buttons_in_visual_order, chain_tab_order, line_field, set_error_text
from citydesk.ui.tasks import readable
from citydesk.ui.words import language_label

CAPTIONS = {
    "heading": QT_TRANSLATE_NOOP("ReceiptTextsDialog", "Heading"),
    "for_label": QT_TRANSLATE_NOOP("ReceiptTextsDialog", "Label of the requester's name"),
    "number_label": QT_TRANSLATE_NOOP("ReceiptTextsDialog", "Label above the number"),
    "date_label": QT_TRANSLATE_NOOP("ReceiptTextsDialog", "Label of the date"),
    "request_label": QT_TRANSLATE_NOOP("ReceiptTextsDialog", "Label of what was asked"),
    "category_label": QT_TRANSLATE_NOOP("ReceiptTextsDialog", "Label of the category"),
    "location_label": QT_TRANSLATE_NOOP("ReceiptTextsDialog", "Label of the location"),
    "expected_label": QT_TRANSLATE_NOOP("ReceiptTextsDialog", "Label of the expected date"),
    "no_expected": QT_TRANSLATE_NOOP("ReceiptTextsDialog", "When there is no expected date"),
    "status_phone": QT_TRANSLATE_NOOP(
        "ReceiptTextsDialog", "How to ask about the status (with a phone number)"
    ),
    "status_no_phone": QT_TRANSLATE_NOOP(
        "ReceiptTextsDialog", "How to ask about the status (no phone number set)"
    ),
    "status_no_phone_caller": QT_TRANSLATE_NOOP(
        "ReceiptTextsDialog", "How to ask about the status (no phone number set; the requester phoned)"
    ),
    "closing": QT_TRANSLATE_NOOP("ReceiptTextsDialog", "Closing line"),
}
"""Each receipt text's caption in the admin dialog (domain.receipt_texts.RECEIPT_KEYS, translatable)."""


class ReceiptTextsDialog(QDialog):
    """Edit the receipt texts of one language at a time; the preview follows every keystroke."""

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.busy = False
        self.sample: Any = None
        self.saved_values: dict[str, str] = {}
        self.setWindowTitle(self.tr("Receipt texts"))
        self.setAccessibleName(self.tr("Receipt texts"))
        self.resize(1100, 700)
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        top = QHBoxLayout()
        language_caption = QLabel(self.tr("&Language:"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code in LANGUAGES:
            self.language.addItem(language_label(code), code)
        language_caption.setBuddy(self.language)
        self.language.currentIndexChanged.connect(lambda _i: self._load())
        top.addWidget(language_caption)
        top.addWidget(self.language, 1)
        left.addLayout(top)
        hint = QLabel(self.tr("Placeholders filled in when the slip prints: {0}").format(
            ", ".join("{" + p + "}" for p in PLACEHOLDERS)))  # fmt: skip
        hint.setWordWrap(True)
        left.addWidget(hint)
        holder = QWidget()
        self.form = Form(holder)
        holder.setLayout(self.form.layout)
        self.phone = line_field(self.tr("City phone printed on the slip"), placeholder=self.tr("none"))
        self.phone.textEdited.connect(lambda _t: self._preview_timer.start())
        self.form.add_row("phone", self.tr("City &phone printed on the slip:"), self.phone)
        self.saved_phone = ""
        self.fields: dict[str, QLineEdit] = {}
        for key, english in RECEIPT_KEYS.items():
            caption = QCoreApplication.translate("ReceiptTextsDialog", CAPTIONS.get(key, english))
            edit = line_field(caption)
            edit.textEdited.connect(lambda _t: self._preview_timer.start())
            self.form.add_row(key, self.tr("{0}:").format(caption), edit)
            self.fields[key] = edit
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left.addWidget(scroll, 1)
        left.addWidget(self.form.general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the texts"))
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        self.defaults_button = QPushButton(self.tr("&Restore defaults"))
        self.defaults_button.setAccessibleName(self.tr("Restore the default texts of this language"))
        self.buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        left.addWidget(self.buttons)
        outer.addLayout(left, 3)
        chain_tab_order(
            [self.language, self.phone, *self.fields.values(), *buttons_in_visual_order(self.buttons)]
        )
        self.preview = QLabel()
        self.preview.setAccessibleName(self.tr("Receipt preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview.setStyleSheet("background: #e8e8e8; padding: 8px;")
        self.preview.setMinimumWidth(360)
        outer.addWidget(self.preview, 2)
        self._preview_timer = QTimer(self, singleShot=True, interval=150, timeout=self._update_preview)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self._load()

    @property
    def current_language(self) -> str:
        """The language being edited."""
        return str(self.language.currentData())

    def _load(self) -> None:
        from citydesk.store.receipts import sample_receipt

        language, now = self.current_language, self.hub.db.clock.now()
        self.hub.query(
            lambda s: sample_receipt(s, language, now=now),
            lambda sample: isValid(self) and self._loaded(sample),
            lambda exc: isValid(self) and set_error_text(self.form.general, readable(exc)),
        )

    def _loaded(self, sample: Any) -> None:
        if sample.language != self.current_language:
            return
        self.sample = sample
        texts = dict(sample.texts)
        self.saved_values = {key: texts.get(key, "") for key in RECEIPT_KEYS}
        self.saved_phone = sample.phone or ""
        self.phone.setText(self.saved_phone)
        self.form.clear_errors()
        for key, edit in self.fields.items():
            edit.setText(self.saved_values[key])
            edit.setCursorPosition(0)
        self._update_preview()

    def values(self) -> dict[str, str]:
        """The texts as typed now."""
        return {key: edit.text() for key, edit in self.fields.items()}

    def _update_preview(self) -> None:
        if self.sample is None:
            return
        from citydesk.reports.receipt import slip_layout

        texts = {}
        for key, value in self.values().items():
            try:
                texts[key] = clean_text(key, value)
            except ValidationError:
                texts[key] = self.saved_values.get(key, "")
        phone = " ".join(self.phone.text().split()) or None
        data = dataclasses.replace(self.sample, texts=tuple(sorted(texts.items())), phone=phone)
        try:
            slip = slip_layout(data, "thermal_80")
        except Exception as exc:  # a text too long for the slip: say so, keep the last preview
            set_error_text(self.form.general, readable(exc))
            return
        self.preview.setPixmap(preview_pixmap(slip, 360))
        self.preview.setAccessibleDescription(slip.plain_text())
        self.preview.setLocale(QLocale(slip.language))  # the slip speaks the language being edited

    def restore_defaults(self) -> None:
        """Put this language's default texts in the fields (Save writes them)."""
        for key, edit in self.fields.items():
            edit.setText(DEFAULTS[self.current_language][key])
        self._update_preview()

    def save(self) -> None:
        """Save the changed texts of the language shown (one transaction; nothing on error)."""
        if self.busy:
            return
        self.form.clear_errors()
        changed = {k: v for k, v in self.values().items() if v != self.saved_values.get(k)}
        phone = self.phone.text() if self.phone.text().strip() != self.saved_phone else None
        if not changed and phone is None:
            set_error_text(self.form.general, self.tr("Nothing has changed."))
            return
        language = self.current_language
        self.busy = True
        self.save_button.setEnabled(False)

        def done(result: Any) -> None:
            if not isValid(self):
                return
            self.busy = False
            self.save_button.setEnabled(True)
            self.hub.announce.emit(
                self.tr("Receipt texts saved ({0}): {1} changed").format(
                    LANGUAGES[language], len(result.changed)
                )
            )
            # The saved texts are the new baseline (not reloaded: a reload could land on new typing).
            for key, value in changed.items():
                self.saved_values[key] = clean_text(key, value)
                if self.fields[key].text() == value:
                    self.fields[key].setText(self.saved_values[key])
            if phone is not None:
                self.saved_phone = phone.strip()

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                self.hub.error.emit(readable(exc))
                return
            self.busy = False
            self.save_button.setEnabled(True)
            self.form.show_error(exc)

        try:
            self.hub.mutate(
                set_receipt_texts,
                on_done=done,
                on_error=failed,
                language=language,
                values=changed,
                city_phone=phone,
            )
        except Exception as exc:
            failed(exc)
