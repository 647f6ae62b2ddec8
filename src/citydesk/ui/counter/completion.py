"""A line edit with completion as you type: suggestions come from a read query off the GUI thread.

The suggestions are a list right under the field (not a popup window), so a screen reader reads
them and the keyboard never leaves the field: ↓/↑ move through them, Enter takes the highlighted
one (the first when none is), Esc hides them. Typing again after a choice drops the choice. Each
keystroke restarts a short debounce; an answer for older text than the field holds is ignored.

A field may take typed text as it is (`accepts_typed`: a place not on the address list): there Enter
with no suggestion to take moves on to the next field, and Enter pressed before the suggestions for the
text arrive (a hurried clerk types "120 main" and Enter at once) takes the first of them when they come,
or moves on with the text as typed when none does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from citydesk.ui.app import CitydeskApp

DEBOUNCE_MS = 30
VISIBLE_ROWS = 6

Fetch = Callable[[Any, str], list[Any]]


class CompletionField(QWidget):
    """A field that offers matches from the database and remembers the one chosen."""

    chosen = Signal(object)  # the chosen hit (a frozen dataclass from store.intake)
    choice_cleared = Signal()  # the text was edited after a choice
    suggestions_shown = Signal(int)  # how many suggestions the last answer gave

    def __init__(
        self,
        hub: CitydeskApp,
        *,
        accessible_name: str,
        placeholder: str,
        fetch: Fetch | None = None,
        local: Callable[[str], list[Any]] | None = None,
        label_of: Callable[[Any], str] = lambda hit: str(getattr(hit, "label", hit)),
        text_of: Callable[[Any], str] | None = None,
        min_chars: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self._fetch = fetch
        self._local = local
        self._label_of = label_of
        self._text_of = text_of or label_of
        self._min_chars = min_chars
        self._generation = 0
        self.value: Any = None
        self.next_focus: QWidget | None = None  # where a choice sends the keyboard (else the next field)
        self.accepts_typed = False  # typed text is a valid answer: Enter moves on (see the docstring)
        self._in_flight: int | None = None  # the generation a lookup is running for
        self._enter_for: int | None = None  # Enter was pressed ahead of this generation's suggestions
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(placeholder)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Suggestions for {0}").format(accessible_name))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the field
        self.list.setVisible(False)
        self.list.itemActivated.connect(lambda item: self._choose_item(item))
        self.list.itemClicked.connect(lambda item: self._choose_item(item))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.edit)
        box.addWidget(self.list)
        self.setFocusProxy(self.edit)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self._ask)
        self.edit.textEdited.connect(self._edited)
        self.edit.installEventFilter(self)

    # ---- state -----------------------------------------------------------------------------------

    def text(self) -> str:
        """The typed text, trimmed."""
        return self.edit.text().strip()

    def suggestions(self) -> list[Any]:
        """The hits listed now."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_choice(self, hit: Any, text: str | None = None) -> None:
        """Show `hit` as chosen (its text, or `text`) without asking the database."""
        self.value = hit
        self.edit.setText(text if text is not None else self._text_of(hit))
        self._hide()
        self.chosen.emit(hit)

    def reset(self) -> None:
        """Empty the field and forget the choice."""
        self._generation += 1
        self._timer.stop()
        self._enter_for = None
        self.value = None
        self.edit.clear()
        self._hide()

    # ---- asking ----------------------------------------------------------------------------------

    def _edited(self, _text: str) -> None:
        if self.value is not None:
            self.value = None
            self.choice_cleared.emit()
        self._generation += 1
        if len(self.text()) < self._min_chars:
            self._timer.stop()
            self._hide()
            return
        if self._local is not None:
            self._show(self._generation, self._local(self.text()))
            return
        self._timer.start()

    def _ask(self) -> None:
        typed = self.text()
        generation = self._generation
        fetch = self._fetch
        if fetch is None or not typed:
            return
        self._in_flight = generation
        # A bound method as the callback: the runner drops answers for a field deleted meanwhile.
        self.hub.query(lambda session: (generation, fetch(session, typed)), self._answered)

    def _answered(self, answer: tuple[int, list[Any]]) -> None:
        if self._in_flight == answer[0]:
            self._in_flight = None
        self._show(*answer)
        if self._enter_for == answer[0] == self._generation:  # Enter came first: act on it now
            self._enter_for = None
            if self.list.count():
                self._choose_item(self.list.item(0))
            else:
                self._move_on()

    def _lookup_pending(self) -> bool:
        return self._timer.isActive() or self._in_flight == self._generation

    def _move_on(self) -> None:
        if self.next_focus is not None:
            self.next_focus.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focusNextChild()  # the clerk goes on with the next field

    def _show(self, generation: int, hits: list[Any]) -> None:
        if generation != self._generation:
            return  # the clerk kept typing
        self.list.clear()
        for hit in hits:
            item = QListWidgetItem(self._label_of(hit))
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.list.addItem(item)
        if hits:
            rows = min(VISIBLE_ROWS, len(hits))
            self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 2)
        self.list.setVisible(bool(hits))
        self.suggestions_shown.emit(len(hits))

    def _hide(self) -> None:
        self.list.clear()
        self.list.setVisible(False)

    # ---- keys ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓/↑ move through the suggestions, Enter takes one, Esc hides them; Enter with none shown in a
        field that `accepts_typed` moves on (or waits for the suggestions on their way)."""
        if (
            watched is self.edit
            and self.accepts_typed
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and not self.list.isVisible()
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.text()
        ):
            if self._lookup_pending():
                self._enter_for = self._generation
            else:
                self._move_on()
            return True
        if watched is self.edit and isinstance(event, QKeyEvent) and self.list.isVisible():
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = self.list.currentRow()
                row = 0 if row < 0 else max(0, min(self.list.count() - 1, row + step))
                self.list.setCurrentRow(row)
                return True
            plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self._choose_item(self.list.currentItem() or self.list.item(0))
                return True
            if key == Qt.Key.Key_Escape:
                self._hide()
                return True
        return super().eventFilter(watched, event)

    def _choose_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.set_choice(item.data(Qt.ItemDataRole.UserRole))
        self._move_on()
