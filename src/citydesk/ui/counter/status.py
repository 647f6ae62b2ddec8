"""Status questions (Ctrl+I from anywhere in the main window): find the request by number, name or
phone, read its status aloud, log the inquiry with one key (Alt+L or Ctrl+L).

The view shows only what the caller may be told: the status in plain words, the expected date, a
scheduled visit, how many people reported it (a name only for the reporter the lookup matched by phone,
e-mail or name, and how it matched) and the **public** notes (`store.status.status_view` never loads
internal ones). Logging the inquiry writes a `contact_log` row (kind status inquiry, the channel the
caller used) through `services.contacts.log_contact`; the weekly report counts it.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from citydesk.domain.channels import Channel
from citydesk.domain.receipt_texts import date_words, status_words
from citydesk.services.contacts import log_contact
from citydesk.store.status import StatusMatch, StatusView, status_matches, status_view
from citydesk.ui.app import CitydeskApp
from citydesk.ui.forms import set_error_text, style_error_label
from citydesk.ui.status_message import announce_to_assistive_tech
from citydesk.ui.tasks import readable
from citydesk.ui.words import channel_label, people, reason_label, status_label, ui_language

CHANNEL_SETTING = "counter/inquiry_channel"
INQUIRY_CHANNELS = (Channel.PHONE, Channel.WALK_IN, Channel.EMAIL, Channel.WEB, Channel.INTRANET)


IN_LANGUAGE = {
    "en": QT_TRANSLATE_NOOP("StatusQuestion", "In English"),
    "es": QT_TRANSLATE_NOOP("StatusQuestion", "In Spanish"),
}


def channel_combo(accessible_name: str, setting: str, channels: Any = tuple(Channel)) -> QComboBox:
    """A channel picker whose choice is remembered on this PC under `setting`."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    for channel in channels:
        combo.addItem(channel_label(channel.value), channel.value)
    combo.setCurrentIndex(max(0, combo.findData(QSettings().value(setting, Channel.PHONE.value))))
    combo.currentIndexChanged.connect(lambda _i: QSettings().setValue(setting, combo.currentData()))
    return combo


def _day(instant: datetime, tz_name: str) -> str:
    from zoneinfo import ZoneInfo

    return date_words(instant.astimezone(ZoneInfo(tz_name)).date(), ui_language())


def tr(text: str) -> str:
    """Translate `text` in the status question's context."""
    return QCoreApplication.translate("StatusQuestion", text)


def _fact(label: str, value: str) -> str:
    return f"<b>{html.escape(label)}:</b> {html.escape(value)}"


def reported_by(view: StatusView) -> str | None:
    """How many people reported the problem ("1 person", "3 people"); never their names."""
    if view.reporter_count <= 0:
        return None
    return people(view.reporter_count)


_MATCHED_BY = {
    "phone": QT_TRANSLATE_NOOP("StatusQuestion", "matched by phone"),
    "e-mail": QT_TRANSLATE_NOOP("StatusQuestion", "matched by e-mail"),
    "name": QT_TRANSLATE_NOOP("StatusQuestion", "matched by name"),
}


def caller_words(view: StatusView) -> str | None:
    """The matched caller's name and how the lookup matched them; None when nobody was matched."""
    if view.caller_name is None:
        return None
    how = _MATCHED_BY.get(view.matched_by or "")
    return tr("{0} ({1})").format(view.caller_name, tr(how)) if how else view.caller_name


def _expected(view: StatusView, now: datetime) -> str | None:
    """When the work is expected, for an open request ("by Monday, …"; late: say sorry)."""
    if not view.is_open:
        return None
    if view.due_at is None:
        return tr("no date set yet")
    due = _day(view.due_at, view.tz_name)
    if view.due_at < now:
        return tr("by {0} — it is late; apologise and say it is being followed up.").format(due)
    return tr("by {0}").format(due)


def read_aloud_html(view: StatusView, now: datetime) -> str:
    """The view as HTML: what to say first (in the UI's language, and in the caller's when it differs),
    then the details and the public notes."""
    esc = html.escape
    parts = [f"<h2>{esc(view.number)} — {esc(view.title)}</h2>"]
    words = status_words(view.status, ui_language())
    label = status_label(view.status)
    parts.append(f"<p style='font-size:large'><b>{esc(words)}.</b> <i>({esc(label)})</i></p>")
    caller = view.language if view.language in IN_LANGUAGE else ui_language()
    if caller != ui_language():  # the caller's own words too, quoted
        said = tr("{0}: “{1}.”").format(tr(IN_LANGUAGE[caller]), status_words(view.status, caller))
        parts.append(f"<p><i>{esc(said)}</i></p>")
    resolved = None
    if view.resolved_at is not None and not view.is_open:
        why = reason_label(view.resolution_reason) if view.resolution_reason else ""
        resolved = _day(view.resolved_at, view.tz_name) + (f" ({why})" if why else "")
    visit = _day(view.visit_at, view.tz_name) if view.visit_at is not None else None
    for caption, value in ((tr("Expected"), _expected(view, now)), (tr("Resolved"), resolved),
                           (tr("Visit scheduled"), visit)):  # fmt: skip
        if value:
            parts.append(f"<p>{_fact(caption, value)}</p>")
    facts = [(tr("Asked for on"), _day(view.created_at, view.tz_name)), (tr("Category"), view.category_name),
             (tr("Location"), view.location), (tr("Reported by"), reported_by(view)),
             (tr("Caller"), caller_words(view))]  # fmt: skip
    parts.append("<p>" + "<br>".join(_fact(k, v) for k, v in facts if v) + "</p>")
    heading = tr("What we can tell the caller")
    parts.append(f"<h3>{esc(heading)}</h3>")
    if view.public_notes:
        items = "".join(
            f"<li><b>{esc(_day(note.at, view.tz_name))}:</b> {esc(note.body)}</li>"
            for note in reversed(view.public_notes)
        )
        parts.append(f"<ul>{items}</ul>")
    else:
        nothing = tr("No public notes yet.")
        parts.append(f"<p>{esc(nothing)}</p>")
    return "".join(parts)


class StatusQuestionDialog(QDialog):
    """Find a request, read its status aloud, log the inquiry."""

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.view: StatusView | None = None
        self.matches: list[StatusMatch] = []
        self.logged: set[str] = set()
        self._seq = 0
        self.setWindowTitle(self.tr("Status question"))
        self.setAccessibleName(self.tr("Status question"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        find_label = QLabel(self.tr("&Number, name or phone:"))
        self.find = QLineEdit()
        self.find.setAccessibleName(self.tr("Number, name or phone"))
        self.find.setPlaceholderText(self.tr("CLK-ABC-000123, Jane Roe, 555 010 2000 — then Enter"))
        find_label.setBuddy(self.find)
        self.find.returnPressed.connect(self.lookup)
        layout.addWidget(find_label)
        layout.addWidget(self.find)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Matching requests"))
        self.list.itemActivated.connect(lambda item: self._open_row(self.list.row(item)))
        self.list.setVisible(False)
        layout.addWidget(self.list)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Status to read aloud"))
        self.text.setOpenLinks(False)
        self.text.setVisible(False)
        layout.addWidget(self.text, 1)
        # Until something is found, this hint holds the room the list or the status will take.
        self.empty_hint = QLabel(
            self.tr("Type the request's number, the caller's name or phone number, then press Enter.")
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty_hint, 1)
        row = QHBoxLayout()
        channel_label = QLabel(self.tr("&Asked by:"))
        self.channel = channel_combo(self.tr("Asked by (channel)"), CHANNEL_SETTING, INQUIRY_CHANNELS)
        channel_label.setBuddy(self.channel)
        self.log_button = QPushButton(self.tr("&Log this inquiry"))
        self.log_button.setAccessibleName(self.tr("Log this inquiry"))
        self.log_button.setToolTip(self.tr("Alt+L or Ctrl+L: counts in the weekly report"))
        self.log_button.setAutoDefault(False)
        self.log_button.setEnabled(False)
        self.log_button.clicked.connect(self.log_inquiry)
        close = QPushButton(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row.addWidget(channel_label)
        row.addWidget(self.channel)
        row.addStretch(1)
        row.addWidget(self.log_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.message = QLabel()
        style_error_label(self.message)
        self.status_line = QLabel()
        self.status_line.setAccessibleName(self.tr("Status question message"))
        layout.addWidget(self.message)
        layout.addWidget(self.status_line)
        QShortcut(QKeySequence("Ctrl+L"), self, self.log_inquiry)
        self.find.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- finding -------------------------------------------------------------------------------

    def lookup(self) -> None:
        """Look up what was typed (Enter): one match opens it, several are listed to pick from."""
        typed = self.find.text()
        set_error_text(self.message, "")
        if not typed.strip():
            set_error_text(self.message, self.tr("Type a request number, a name or a phone number."))
            return
        self._seq += 1
        seq = self._seq
        self.hub.query(
            lambda s: status_matches(s, typed),
            lambda found: isValid(self) and self._found(seq, typed, found),
            self._query_failed,
        )

    def _found(self, seq: int, typed: str, found: list[StatusMatch]) -> None:
        if seq != self._seq:
            return
        self.matches = found
        self.list.clear()
        if not found:
            self.list.setVisible(False)
            self._fit_empty_hint()
            set_error_text(self.message, self.tr("No request found for “{0}”.").format(typed.strip()))
            self.find.selectAll()
            return
        if len(found) == 1 and not found[0].by_words:  # a number or a caller: that is the one
            self.list.setVisible(False)
            self._fit_empty_hint()
            self.open_ticket(found[0].ticket_id, found[0])
            return
        for match in found:
            words = status_words(match.status, ui_language())
            who = f" — {match.caller_name}" if match.caller_name else ""
            item = QListWidgetItem(f"{match.number}  {match.title}{who}  ·  {words}")
            item.setData(Qt.ItemDataRole.UserRole, match.ticket_id)
            self.list.addItem(item)
        self.list.setVisible(True)
        self._fit_empty_hint()
        self.list.setCurrentRow(0)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        if len(found) == 1:  # found by its words only: the clerk checks it is the caller's first
            self._say(self.tr("One request mentions “{0}”: check it is the caller's, then press Enter")
                      .format(typed.strip()))  # fmt: skip
        else:
            self._say(self.tr("{0} requests found; choose one and press Enter").format(len(found)))

    def _fit_empty_hint(self) -> None:
        """The hint shows only while neither matches nor a status are shown."""
        self.empty_hint.setVisible(not (self.list.isVisibleTo(self) or self.text.isVisibleTo(self)))

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.matches):
            self.open_ticket(self.matches[row].ticket_id, self.matches[row])

    def open_ticket(self, ticket_id: str, match: StatusMatch | None = None) -> None:
        """Load and show the read-aloud view of a ticket; `match` names the caller the lookup found."""
        self._seq += 1
        seq = self._seq
        caller_id = match.caller_id if match is not None and match.ticket_id == ticket_id else None
        how = match.matched_by if caller_id else None
        self.hub.query(
            lambda s: status_view(s, ticket_id, caller_id=caller_id, matched_by=how),
            lambda view: isValid(self) and self._show(seq, view),
            self._query_failed,
        )

    def _query_failed(self, exc: BaseException) -> None:
        if isValid(self):
            set_error_text(self.message, readable(exc))

    def _show(self, seq: int, view: StatusView | None) -> None:
        if seq != self._seq or view is None:
            return
        self.view = view
        self.text.setHtml(read_aloud_html(view, self.hub.db.clock.now()))
        self.text.setVisible(True)
        self._fit_empty_hint()
        self.log_button.setEnabled(view.ticket_id not in self.logged)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say(self.tr("{0}: {1}").format(view.number, status_words(view.status, ui_language())))

    # ---- logging -------------------------------------------------------------------------------

    def log_inquiry(self) -> None:
        """Log a status inquiry about the shown ticket (once per ticket in this dialog)."""
        view = self.view
        if view is None or view.ticket_id in self.logged or not self.log_button.isEnabled():
            return
        self.log_button.setEnabled(False)
        channel = self.channel.currentData()

        def done(_result: Any) -> None:
            if not isValid(self):
                self.hub.announce.emit(self.tr("Status inquiry about {0} logged").format(view.number))
                return
            self.logged.add(view.ticket_id)
            self._say(self.tr("Status inquiry about {0} logged").format(view.number))

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                self.hub.error.emit(readable(exc))
                return
            self.log_button.setEnabled(True)
            set_error_text(self.message, readable(exc))

        try:
            self.hub.mutate(log_contact, on_done=done, on_error=failed, kind="status_inquiry",
                            channel=channel, ticket_id=view.ticket_id)  # fmt: skip
        except Exception as exc:  # nobody signed in
            failed(exc)

    def _say(self, text: str) -> None:
        self.status_line.setText(text)
        announce_to_assistive_tech(self.status_line, text)
        self.hub.announce.emit(text)
