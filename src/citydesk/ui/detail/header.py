"""The detail pane's header: number, title, status, priority and its meaning, reporters, place, people, dates.

Everything is text first; colour only repeats what the words already say (a late ticket reads
"Late: was due …" with a warning sign, and the priority badge carries its label).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from citydesk.domain.channels import Channel, ReplyMethod
from citydesk.ui import words
from citydesk.ui.detail.view import (
    DetailView,
    due_text,
    highlight_html,
    local_text,
    minutes_text,
    priority_text,
    reason_text,
    reporters_count_text,
    span_text,
    status_text,
    tr,
)
from citydesk.ui.forms import error_colour

PRIORITY_BADGE = {
    "P1": "background-color:#b00020;color:#ffffff;",
    "P2": "background-color:#8a4b00;color:#ffffff;",
    "P3": "background-color:#37474f;color:#ffffff;",
    "OPS": "background-color:#4a3f8c;color:#ffffff;",
}


SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard


def _value_label() -> QLabel:
    """A fact's value: reached by Tab, read with its caption, selected and copied by keyboard."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(SELECTABLE)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


def _plain(rich: str) -> str:
    """Rich text as words (tags dropped, entities decoded) for an accessible name."""
    return html.unescape(re.sub(r"<[^>]+>", "", rich))


def _channel(value: str) -> str:
    try:
        return words.channel_label(Channel(value).value)
    except ValueError:
        return value


def _reply(value: str) -> str:
    try:
        return words.reply_label(ReplyMethod(value).value)
    except ValueError:
        return value


class TicketHeader(QWidget):
    """The ticket's facts, in words, above the timeline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        self.number = QLabel()
        self.number.setTextInteractionFlags(SELECTABLE)
        self.number.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.number.setAccessibleName(tr("Ticket number"))
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setWeight(QFont.Weight.DemiBold)
        self.number.setFont(font)
        self.title = _value_label()
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        outer.addWidget(self.number)
        outer.addWidget(self.title)
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for key, caption in (
            ("status", tr("Status")),
            ("priority", tr("Priority")),
            ("reporters", tr("Reported by")),
            ("location", tr("Location")),
            ("category", tr("Category")),
            ("department", tr("Department")),
            ("assignee", tr("Assigned to")),
            ("escalation", tr("Escalation")),
            ("age", tr("Opened")),
            ("due", tr("Due")),
            ("visit", tr("Visit")),
            ("time", tr("Time spent")),
            ("resolution", tr("Resolution")),
        ):
            label = QLabel(caption + ":")
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = _value_label()
            label.setBuddy(value)
            self.facts.addRow(label, value)
            self.values[key] = value
            self._captions[key] = label
        outer.addLayout(self.facts)
        outer.addSpacing(6)
        self.description = _value_label()
        self.description.setAccessibleName(tr("Description"))
        outer.addWidget(self.description)
        outer.addStretch(1)

    def focus_chain(self) -> list[QWidget]:
        """The header's facts in reading order (for the pane's Tab order)."""
        return [self.number, self.title, *self.values.values(), self.description]

    def _set(self, key: str, rich: str, *, visible: bool = True, plain: str = "") -> None:
        self.values[key].setText(rich)
        self.values[key].setAccessibleName(f"{self._captions[key].text()} {plain or _plain(rich)}")
        self.values[key].setVisible(visible)
        self._captions[key].setVisible(visible)

    def show_view(self, view: DetailView, terms: tuple[str, ...]) -> None:
        """Fill every fact from `view`, marking `terms`."""
        d = view.detail
        esc = html.escape
        self.number.setText(d.number)
        self.number.setAccessibleName(tr("Ticket {0}").format(d.number))
        self.title.setText(highlight_html(d.title, terms))
        self.title.setAccessibleName(d.title)
        state = status_text(d.status)
        self._set("status", f"<b>{esc(state)}</b>", plain=state)
        label, meaning = priority_text(d.priority)
        badge = PRIORITY_BADGE.get(d.priority, "")
        self._set(
            "priority",
            f'<span style="{badge}">&nbsp;{esc(label)}&nbsp;</span> {esc(meaning)}',
            plain=f"{label}. {meaning}",
        )
        rich, plain = self._reporters(view, terms)
        self._set("reporters", rich, plain=plain)
        self._set(
            "location",
            highlight_html(d.location_text, terms) if d.location_text else esc(tr("No location given")),
            plain=d.location_text or tr("No location given"),
        )
        self._set("category", esc(d.category_name or tr("No category")))
        self._set("department", esc(d.department_name or tr("No department yet")))
        self._set("assignee", esc(d.assignee_name or tr("Nobody yet")))
        level = tr("Not escalated") if d.escalation_level == 0 else tr("Level {0}").format(d.escalation_level)
        self._set("escalation", esc(level))
        opened = tr("{0} ago, {1} (via {2}, at office {3})").format(
            span_text(view.now - d.created_at),
            local_text(d.created_at, view.tz),
            _channel(d.channel),
            d.office_code,
        )
        self._set("age", esc(opened), plain=opened)
        due, late = due_text(view)
        if late:
            colour = error_colour(self.palette()).name()
            self._set("due", f'<b style="color:{colour};">⚠ {esc(due)}</b>', plain=due)
        else:
            self._set("due", esc(due), plain=due)
        if d.visit_at is not None:
            visit = tr("{0} at {1}").format(local_text(d.visit_at, view.tz), d.visit_place or "")
            self._set("visit", esc(visit), plain=visit)
        else:
            self._set("visit", "", visible=False)
        self._set("time", esc(minutes_text(d.time_spent_minutes)), visible=d.time_spent_minutes > 0)
        if d.resolution_reason:
            text = reason_text(d.resolution_reason)
            if d.resolution_ref:
                text += f" — {d.resolution_ref}"
            if not d.is_open and d.resolved_at is None:  # an imported resolution without a date
                text += " · " + tr("resolved (date unknown, imported)")
            self._set("resolution", esc(text), plain=text)
        else:
            self._set("resolution", "", visible=False)
        self.description.setText(
            highlight_html(d.description, terms) if d.description else f"<i>{esc(tr('No description'))}</i>"
        )
        self.description.setAccessibleName(tr("Description: {0}").format(d.description or tr("none")))

    def _reporters(self, view: DetailView, terms: tuple[str, ...]) -> tuple[str, str]:
        reporters = view.detail.reporters
        if not reporters:
            text = tr("Nobody recorded (internal work)")
            return html.escape(text), text
        lines = [f"<b>{html.escape(reporters_count_text(len(reporters)))}</b>"]
        plain = [reporters_count_text(len(reporters))]
        for r in reporters:
            contact = [x for x in (r.phone, r.email) if x]
            reply = _reply(r.reply_method)
            words = " · ".join([r.name, *contact])
            words += " — " + tr("reply by {0}").format(reply)
            if r.preferred_language != "en":
                words += " · " + tr("prefers {0}").format(r.preferred_language.upper())
            lines.append(highlight_html(words, terms))
            plain.append(words)
        return "<br>".join(lines), "; ".join(plain)

    def clear(self) -> None:
        """Show no ticket."""
        self.number.setText("")
        self.title.setText("")
        for key in self.values:
            self._set(key, "", visible=False)
        self.description.setText("")
