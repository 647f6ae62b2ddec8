"""What the ticket table shows while a search is on: "Search results for …" with its count, how to
leave it, and the remembered "Open only" toggle."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from citydesk.ui.status_message import announce_to_assistive_tech

OPEN_ONLY_SETTING = "search/open_only"


def tr(text: str) -> str:
    """Translate `text` in the search state's context."""
    return QCoreApplication.translate("SearchState", text)


def tickets_found(count: int) -> str:
    """ "1 ticket found" / "1,204 tickets found"."""
    if count == 1:
        return tr("1 ticket found")
    return tr("{0} tickets found").format(f"{count:,}")


def results_text(typed: str, count: int, open_only: bool, queue_label: str) -> str:
    """The visible line above the results."""
    which = tr("open tickets only") if open_only else tr("all tickets")
    return tr("Search results for “{0}” ({1}): {2} — Esc goes back to {3}").format(
        typed.strip(), which, tickets_found(count), queue_label
    )


class SearchState(QWidget):
    """The results line (visible while searching) and the "Open only" check box (always there)."""

    open_only_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.results = QLabel()
        self.results.setWordWrap(True)
        self.results.setVisible(False)
        self.open_only = QCheckBox(tr("&Open only"))
        self.open_only.setAccessibleName(tr("Open only (searches list open tickets only)"))
        self.open_only.setToolTip(tr("Searches list open tickets only (remembered)"))
        self.open_only.setChecked(QSettings().value(OPEN_ONLY_SETTING, False, type=bool))
        self.open_only.toggled.connect(self._toggled)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.open_only)

    def _toggled(self, checked: bool) -> None:
        QSettings().setValue(OPEN_ONLY_SETTING, checked)
        self.open_only_changed.emit(checked)

    def show_results(self, typed: str, count: int, queue_label: str) -> None:
        """Show the results line for a finished search."""
        text = results_text(typed, count, self.open_only.isChecked(), queue_label)
        self.results.setText(text)
        self.results.setVisible(True)
        announce_to_assistive_tech(self.results, text)

    def hide_results(self) -> None:
        """No search: no results line."""
        self.results.clear()
        self.results.setVisible(False)
