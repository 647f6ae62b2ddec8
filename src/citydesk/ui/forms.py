"""Form rows with an inline error label under each field, fed by the domain's ValidationError.

A dialog builds its fields with `Form.add_row(fields, label, widget)`, naming the service-side
field names that row answers for (`"public_note"`, `"duplicate_of"`, ...). When a service raises
`ValidationError(field, message)`, `Form.show_error(exc)` puts the message right under that field,
sets it as the field's accessible description, focuses the field and leaves the typed text alone.
Errors for fields no row claims (or failures that are not validation errors) go to the form's
general message line at the bottom.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from citydesk.domain.errors import ValidationError
from citydesk.ui.error_words import error_text
from citydesk.ui.tasks import readable


def error_colour(palette: QPalette) -> QColor:
    """A red with at least 4.5:1 contrast on the palette's window colour (light or dark)."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b00020")


def style_error_label(label: QLabel) -> None:
    """Make `label` an error message: bold, red for the palette, word-wrapped, hidden while empty."""
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, error_colour(palette))
    label.setPalette(palette)
    label.setVisible(bool(label.text()))


def set_error_text(label: QLabel, message: str) -> None:
    """Show `message` in an error label (with a warning sign, so colour is not the only cue); a known
    English message from the services in the UI's language (ui/error_words.py)."""
    message = error_text(message)
    label.setText(f"⚠ {message}" if message else "")
    label.setAccessibleName(message)
    label.setVisible(bool(message))


def caption_words(caption: str) -> str:
    """A caption's words as seen on screen: no mnemonic '&', no trailing colon."""
    return (
        " ".join(caption.replace("&&", "\0").replace("&", "").replace("\0", "&").split()).rstrip(":").rstrip()
    )


def name_after_caption(widget: QWidget, caption: str) -> None:
    """Make the spoken name start with the visible caption, rules included (WCAG 2.5.3 label in name).

    A field named otherwise is named after its caption and keeps its old name as the description (when
    it has none); a checkbox or button keeps its own words after the caption ("Privacy: Anonymous")."""
    words = caption_words(caption)
    name = widget.accessibleName().strip()
    if not words or name.casefold().startswith(words.casefold()):
        return
    if not name:
        widget.setAccessibleName(words)
    elif isinstance(widget, QAbstractButton):
        widget.setAccessibleName(f"{words}: {name}")
    else:
        if not widget.accessibleDescription():
            widget.setAccessibleDescription(name)
        widget.setAccessibleName(words)


class FieldRow:
    """One field of a form: its widget, its caption and the error label under it."""

    def __init__(self, label: QLabel, widget: QWidget, error: QLabel, container: QWidget) -> None:
        self.label = label
        self.widget = widget
        self.error = error
        self.container = container
        self._description = widget.accessibleDescription()

    def show(self, message: str) -> None:
        """Show `message` under the field and tell assistive technology about it."""
        set_error_text(self.error, message)
        self.widget.setAccessibleDescription(message or self._description)

    def clear(self) -> None:
        """Hide the error."""
        self.show("")

    def set_visible(self, visible: bool) -> None:
        """Show or hide the whole row (caption, field and error)."""
        self.label.setVisible(visible)
        self.container.setVisible(visible)
        if not visible:
            self.clear()

    @property
    def message(self) -> str:
        """The error shown now ("" for none)."""
        return self.error.accessibleName()


class Form(QObject):
    """A QFormLayout whose rows map service field names to widgets with inline error labels."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.rows: dict[str, FieldRow] = {}
        self._order: list[FieldRow] = []
        self.general = QLabel(parent)
        self.general.setObjectName("formError")
        style_error_label(self.general)

    def add_row(self, fields: str | Iterable[str], caption: str, widget: QWidget) -> FieldRow:
        """Add `widget` under `caption`; errors for any of `fields` appear under it."""
        names = (fields,) if isinstance(fields, str) else tuple(fields)
        label = QLabel(caption)
        label.setBuddy(widget)
        name_after_caption(widget, caption)
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{names[0]}")
        style_error_label(error)
        box.addWidget(error)
        self.layout.addRow(label, container)
        row = FieldRow(label, widget, error, container)
        for name in names:
            self.rows[name] = row
        self._order.append(row)
        return row

    def add_wide(self, widget: QWidget) -> None:
        """Add a widget across both columns (a hint, a checkbox)."""
        self.layout.addRow(widget)

    def clear_errors(self) -> None:
        """Hide every error."""
        for row in self._order:
            row.clear()
        set_error_text(self.general, "")

    def show_error(self, exc: BaseException) -> FieldRow | None:
        """Show `exc` next to its field (ValidationError) or on the general line; returns the row used."""
        self.clear_errors()
        if isinstance(exc, ValidationError):
            row = self.rows.get(exc.field)
            if row is not None and row.container.isVisibleTo(row.container.window()):
                row.show(exc.message)
                row.widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return row
        set_error_text(self.general, readable(exc))
        return None

    def clear_error(self, field: str) -> None:
        """Hide the error under `field` (its problem was dealt with another way)."""
        row = self.rows.get(field)
        if row is not None:
            row.clear()

    def show_message(self, field: str, message: str) -> None:
        """Show a local check's message next to `field` (e.g. passwords that differ)."""
        self.show_error(ValidationError(field, message))

    def error_for(self, field: str) -> str:
        """The message shown under `field` now ("" for none)."""
        row = self.rows.get(field)
        return row.message if row else ""

    @property
    def general_message(self) -> str:
        """The message on the general line ("" for none)."""
        return self.general.accessibleName()


def plain_text_field(accessible_name: str, *, placeholder: str = "", lines: int = 4) -> QPlainTextEdit:
    """A multi-line field where Tab moves focus (keyboard users must be able to leave it)."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(placeholder)
    metrics = edit.fontMetrics()
    edit.setMinimumHeight(metrics.lineSpacing() * lines + 12)
    return edit


def line_field(accessible_name: str, *, placeholder: str = "", text: str = "") -> QLineEdit:
    """A one-line field with an accessible name."""
    edit = QLineEdit(text)
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(False)
    return edit


def combo_field(accessible_name: str) -> QComboBox:
    """A non-editable combo box with an accessible name (type to select works)."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    return combo


def buttons_in_visual_order(box: QDialogButtonBox) -> list[QAbstractButton]:
    """The box's visible buttons as laid out on screen (the platform decides where OK, Close, Reset go)."""
    layout = box.layout()
    widgets = [layout.itemAt(i).widget() for i in range(layout.count())]
    return [w for w in widgets if isinstance(w, QAbstractButton) and not w.isHidden()]


def chain_tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab goes through `widgets` in this order."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def shrinkable(combo: QComboBox, characters: int = 10) -> QComboBox:
    """Let a combo box be narrower than its longest entry (the open list still shows it whole), so a
    form can reflow at large text sizes instead of scrolling sideways."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def tr(text: str) -> str:
    """Translate `text` in the shared form helpers' context."""
    return QCoreApplication.translate("Forms", text)


def hint_label(text: str) -> QLabel:
    """A word-wrapped line of explanation under a field or a checkbox."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def submit_buttons(
    dialog: QDialog, ok_text: str, submit: Callable[[], None], *, tooltip: str = "Ctrl+Enter"
) -> QDialogButtonBox:
    """OK (named `ok_text`) and Cancel, wired to `submit` and `dialog.reject`; Ctrl+Enter submits too."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text.replace("&", "").rstrip("…"))
    ok.setToolTip(tooltip)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(tr("Cancel"))
    cancel.setAccessibleName(tr("Cancel"))
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, submit)
    return buttons
