"""Choosing the value that stays when two offices changed the same field at once (the Settle dialog).

Each side is a radio button (arrow keys move between them; the value shown now is chosen at first);
"Keep this value" writes the settling entry through `services.conflicts.settle_conflict` on the writer
thread. It syncs like any change, so every office ends up with the same choice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from citydesk.services.conflicts import Conflict, settle_conflict
from citydesk.ui.app import CitydeskApp
from citydesk.ui.conflicts.tracker import Names
from citydesk.ui.conflicts.words import conflict_summary, field_label, side_text, tr, value_text
from citydesk.ui.forms import set_error_text, style_error_label
from citydesk.ui.tasks import readable


class SettleDialog(QDialog):
    """Pick one side of a conflict and keep it."""

    def __init__(
        self, hub: CitydeskApp, conflict: Conflict, names: Names, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self.conflict = conflict
        self.names = names
        self.busy = False
        self.setWindowTitle(tr("Settle a conflict — {0}").format(conflict.number))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        intro = QLabel(
            conflict_summary(conflict, names)
            + ". "
            + tr("Choose the value to keep; every office will see your choice after its next sync.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.choices: list[QRadioButton] = []
        for number, side in enumerate(conflict.entries, start=1):
            text = f"{number} " + side_text(conflict.field, side, names)
            button = QRadioButton("&" + text)
            button.setAccessibleName(text)
            self.group.addButton(button, number - 1)
            self.choices.append(button)
            layout.addWidget(button)
        self.choices[-1].setChecked(True)  # the value every office shows now
        self.message = QLabel()
        style_error_label(self.message)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.keep = self.buttons.addButton(tr("&Keep this value"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep.setAccessibleName(tr("Keep this value"))
        self.keep.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(tr("Cancel"))
        self.buttons.accepted.connect(self.settle)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choices[-1].setFocus()

    def chosen_value(self) -> Any:
        """The value of the side chosen."""
        return self.conflict.entries[max(0, self.group.checkedId())].value

    def settle(self) -> None:
        """Keep the chosen value (writes the settling entry off the GUI thread)."""
        if self.busy:
            return
        self.busy = True
        self.keep.setEnabled(False)
        conflict, value = self.conflict, self.chosen_value()
        shown = value_text(conflict.field, value, self.names)

        def done(_result: Any) -> None:
            self.busy = False
            self.hub.announce.emit(
                tr("{0}: {1} is now {2}; other offices get your choice when they sync").format(
                    conflict.number, field_label(conflict.field), shown
                )
            )
            self.accept()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.keep.setEnabled(True)
            set_error_text(self.message, readable(exc))

        try:
            self.hub.mutate(
                settle_conflict, on_done=done, on_error=failed, ticket_id=conflict.ticket_id,
                entry_ids=[s.entry_id for s in conflict.entries], value=value,
            )  # fmt: skip
        except Exception as exc:  # nobody signed in, or the app is closing
            failed(exc)
