"""The Spanish walk's machinery (tests/ui/test_spanish_walk.py): what counts as English, how a window's
visible texts are read, and `Walk`, what an opener gets (the fixtures and small helpers)."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from helpers_detail import open_main_window
from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from sqlalchemy import select

from citydesk.store.models import Category, Department, Requester, Ticket, User
from citydesk.store.models import Office as OfficeRow
from citydesk.ui.app import CitydeskApp, translations_dir
from citydesk.ui.shell import MainWindow
from factories import Office

ROOT = Path(__file__).resolve().parents[2]

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier

# The allowlist: strings that are the same in both languages, each with its reason.
SAME_IN_BOTH = {
    "citydesk": "the product's name",
    "Tickets": "Spanish-speaking US offices say “tickets” too (the translation keeps the word)",
    "Ticket": "as above",
    "&Ticket": "as above (the menu)",
    "&Tickets:": "as above",
    "Web": "the same word in Spanish",
    "Intranet": "the same word in Spanish",
    "Supervisor": "the same word in Spanish",
    "P3 Normal": "a code and the same word in Spanish",
    "Error": "the same word in Spanish",
    "Total": "the same word in Spanish",
    "Email": "a CSV column's name (codes stay codes in CSV files)",
}
CODE = re.compile(
    r"""^(
        [\d\s.,:/%()+\-–—·…]*                                   # numbers, dates, times
        | ((Ctrl|Alt|Shift|Esc|Tab|F\d+)([+ ][\w↑↓]+)*[ ,]*)+  # keys
        | [A-Z]{1,4}\d*(-[A-Z0-9]+)*                            # codes: P1, A4, CSV, PDF, CLK-TST-000001
        | \{\d\}.*                                              # an unfilled placeholder (a format string)
        | [\w.+-]+@[\w.-]+                                      # e-mail addresses
    )$""",
    re.VERBOSE,
)
ENGLISH = re.compile(
    r"\b(the|and|of|to|is|are|with|your|you|this|that|for|not|from|was|will|it|has|have|be|or|on|in|"
    r"by|an|at|yes|please|choose|type|save|open|close|cancel|search|find|new|request|requests)\b",
    re.IGNORECASE,
)


def english_sources() -> set[str]:
    """Every source the shipped .ts translates to something other than itself."""
    root = ET.parse(translations_dir() / "citydesk_es.ts").getroot()
    found = set()
    for message in root.iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        if translation and translation != source:
            found.add(source)
    return found


def office_data(office: Office | Any) -> list[str]:
    """The office's own words (names of people, places, departments, categories, tickets): not UI text.
    `office` is the test office or any holder of a `db` (a sync world's replica)."""
    with office.db.read() as s:
        words = [
            *s.scalars(select(OfficeRow.name)),
            *s.scalars(select(Department.name)),
            *s.scalars(select(Category.name)),
            *s.scalars(select(User.display_name)),
            *s.scalars(select(Requester.name)),
            *s.scalars(select(Ticket.title)),
            *s.scalars(select(Ticket.location_text)),
            *s.scalars(select(Ticket.description)),
        ]
    words += ["City of Testville", "City of Riverton", "City Hall", "America/Chicago", "County Health"]
    return sorted({w for w in words if w}, key=len, reverse=True)


def plain(text: str) -> str:
    """A label's text as read: HTML tags and entities out, '&' mnemonics out, spaces collapsed."""
    if "<" in text:
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for everything a person sees or hears of one widget."""
    yield "tooltip", widget.toolTip()
    yield "accessible name", widget.accessibleName()
    yield "accessible description", widget.accessibleDescription()
    yield "status tip", widget.statusTip()
    if widget.isWindow():
        yield "window title", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield "label", widget.text()
    elif isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "group", widget.title()
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield "placeholder", widget.placeholderText()
        if isinstance(widget, QTextEdit) and widget.isReadOnly():  # a page of text: the status answer
            for line in widget.toPlainText().splitlines():
                yield "text", line
    if isinstance(widget, QProgressBar):
        yield "progress", widget.text()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield "item", widget.itemText(i)
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield "tab", widget.tabText(i)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        columns, rows = size_of(model)
        for column in range(columns):
            yield "header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if columns == 1:  # a list: its items are UI words (queues) or data (names)
            for row in range(min(rows, 30)):
                yield "list item", str(model.index(row, 0).data() or "")
        for row in range(min(rows, 3)):  # what the first rows' cells say on hovering and to a screen reader
            for column in range(columns):
                index = model.index(row, column)
                yield "item tooltip", str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
                yield "item accessible text", str(index.data(Qt.ItemDataRole.AccessibleTextRole) or "")
    for action in widget.actions():
        yield from actions_of(action)


def size_of(model: Any) -> tuple[int, int]:
    """(columns, rows) of a model, whichever way its class lets Python ask."""
    if isinstance(model, QAbstractListModel):  # a list (QListWidget's): PySide hides its columnCount
        return 1, model.rowCount(QModelIndex())
    for args in ((), (QModelIndex(),)):
        try:
            return model.columnCount(*args), model.rowCount(*args)
        except TypeError:
            continue
    return 0, 0


def actions_of(action: QAction) -> Iterator[tuple[str, str]]:
    """An action's text and tooltip, and its submenu's actions."""
    if action.isSeparator() or not action.isVisible():
        return
    yield "action", action.text()
    if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
        yield "action tooltip", action.toolTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield "menu", menu.title()
        for inner in menu.actions():
            yield from actions_of(inner)


def english_left(window: QWidget, data: list[str], sources: set[str]) -> list[str]:
    """Every visible string of `window` that is still English, described."""
    found: list[str] = []
    widgets = [window, *(w for w in window.findChildren(QWidget) if w.isVisible() and w.window() is window)]
    if isinstance(window, QMainWindow):
        widgets.append(window.menuBar())
    seen: set[tuple[str, str]] = set()
    for widget in widgets:
        if speaks_another_language(widget):
            continue
        for what, raw in texts_of(widget):
            text = plain(raw)
            if not text or (what, text) in seen:
                continue
            seen.add((what, text))
            if problem(raw, text, data, sources):
                found.append(f"{type(widget).__name__} {what}: {text!r}")
    return found


def speaks_another_language(widget: QWidget) -> bool:
    """True for a widget given its own non-Spanish locale: the receipt preview speaks the requester's."""
    return widget.testAttribute(Qt.WidgetAttribute.WA_SetLocale) and widget.locale().language() not in (
        QLocale.Language.Spanish,
    )


def problem(raw: str, text: str, data: list[str], sources: set[str]) -> bool:
    """True when `text` is still English."""
    if raw in SAME_IN_BOTH or text in SAME_IN_BOTH or CODE.match(text):
        return False
    if raw in sources or text in sources:
        return True
    rest = re.sub(r"«[^»]*»", " ", text)  # quoted: a code or a value a file holds («in progress»)
    for word in data:
        rest = rest.replace(word, " ")
    return bool(ENGLISH.search(rest)) and not CODE.match(rest.strip())


@dataclass
class Walk:
    """What an opener needs: the fixtures and small helpers."""

    qtbot: Any
    hub: CitydeskApp
    office: Office
    request: pytest.FixtureRequest
    tmp_path: Path
    main: MainWindow | None = None
    data: list[str] = field(default_factory=list)  # more of the office's own words (a sync world's)

    def window_of(self, role: str) -> MainWindow:
        """The main window, signed in as `role` (clerk, tech, supervisor, admin)."""
        self.main = open_main_window(self.qtbot, self.hub, getattr(self.office, role))
        return self.main

    def shown(self, window: QWidget) -> QWidget:
        """Show and activate a window of its own."""
        self.qtbot.addWidget(window)
        window.show()
        self.qtbot.waitExposed(window)
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow)
        return window

    def press(self, key: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
        """A key on whatever has the focus."""
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifiers)

    def counter(self, key: Qt.Key, modifiers: Any) -> QWidget:
        """A counter dialog opened by its key in a clerk's main window."""
        win = self.window_of("clerk")
        self.qtbot.waitUntil(lambda: win.counter.active_dialog is None and win.isActiveWindow())
        self.press(key, modifiers)
        self.qtbot.waitUntil(lambda: win.counter.active_dialog is not None)
        dialog: QWidget = win.counter.active_dialog
        self.qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    def world(self) -> Any:
        """A sync world (the real server app in-process, tests/sync_world.py) closed after the test; its
        folder's path is data, not UI text."""
        from sync_world import sync_world

        stack = ExitStack()
        self.request.addfinalizer(stack.close)
        self.data.append(str(self.tmp_path))
        folder = self.tmp_path / "world"
        folder.mkdir()
        return stack.enter_context(sync_world(folder))

    def hub_of(self, replica: Any) -> CitydeskApp:
        """A hub on a sync world's replica (its runner stopped after the test); its words are data."""
        hub = CitydeskApp(replica.db)
        self.request.addfinalizer(lambda: hub.runner.shutdown(wait=True))
        self.data.extend(office_data(replica))
        return hub
