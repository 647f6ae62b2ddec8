"""The New request form's channel field: each channel has its own letter, shown beside it.

A plain combo box's type-to-select cycles through the items sharing a first letter, so `w` on
Walk-in moved to Web. Here a letter always selects its channel, whatever the current value, in the
closed field and in its open list; any other letter does nothing. The letters follow the UI's language
(`citydesk.ui.words.channel_letters`: W, P, E, B, T, I, A in English; P, T, C, W, N, I, F in Spanish).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from citydesk.domain.channels import Channel
from citydesk.ui.words import CHANNEL_LETTER, channel_label, channel_letters

CHANNEL_KEYS: dict[Channel, str] = {channel: text[0] for channel, text in CHANNEL_LETTER.items()}  # English
_IGNORED = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def channel_of_key(text: str, keys: dict[Channel, str] | None = None) -> Channel | None:
    """The channel a typed letter stands for (either case) among `keys` (the UI language's), or None."""
    by_key = {key: channel for channel, key in (keys or channel_letters()).items()}
    return by_key.get(text.upper())


class ChannelField(QComboBox):
    """A combo box of the intake channels, "Walk-in (W)", where a letter selects its channel."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.keys = channel_letters()
        for channel in Channel:
            label = self.tr("{0} ({1})").format(channel_label(channel), self.keys[channel])
            self.addItem(label, channel.value)
        hint = self.tr("Type a letter: {0}").format(
            ", ".join(f"{key} {channel_label(channel).lower()}" for channel, key in self.keys.items())
        )
        self.setToolTip(hint)
        self.setAccessibleDescription(hint)
        self.view().installEventFilter(self)  # after the popup's own filter, so it runs first

    def select_channel(self, channel: Channel | str) -> None:
        """Show `channel` (a Channel or its value) as the current one."""
        index = self.findData(Channel(channel).value)
        if index >= 0:
            self.setCurrentIndex(index)

    def _letter(self, event: QKeyEvent) -> bool:
        """Handle a plain letter: its channel is selected (an unknown letter is swallowed)."""
        if event.modifiers() & ~_IGNORED:
            return False
        text = event.text()
        if len(text) != 1 or not text.isalpha():
            return False
        channel = channel_of_key(text, self.keys)
        if channel is not None:
            self.select_channel(channel)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A channel's letter selects it; other keys as a combo box takes them."""
        if self._letter(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the open list too, a letter selects its channel and closes the list."""
        if (
            watched is self.view()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._letter(event)
        ):
            self.hidePopup()
            return True
        return super().eventFilter(watched, event)
