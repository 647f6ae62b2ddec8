"""The ticket's timeline: every entry with its author, office and time in city time.

Internal notes are set apart three ways, so colour is never the only cue: an "Internal · staff only"
badge, a tinted background, and a stripe down the left edge; public notes carry a "Public" badge.
Redacted entries say who redacted them. Searched words are marked. Each row's display text is the
whole entry in words, which is what screen readers read and what tests look at.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QWidget,
)

from citydesk.domain.timeline import EntryKind
from citydesk.store.detail import TimelineItem
from citydesk.ui.detail.view import (
    DetailView,
    highlight_html,
    local_text,
    minutes_text,
    priority_text,
    reason_text,
    status_text,
    tr,
)

INTERNAL_BADGE = "background-color:#7a4f00;color:#ffffff;font-weight:bold;"
PUBLIC_BADGE = "background-color:#1d5e9e;color:#ffffff;font-weight:bold;"
CLOCK_NOTE = "font-style:italic;"
INTERNAL_STRIPE = QColor("#c98a00")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class EntryRow:
    """One timeline entry in words, ready to show."""

    id: str
    kind: str
    heading: str
    summary: str
    body: str | None
    visibility: str | None  # "internal", "public" or None for events without text
    redacted_note: str | None
    redactable: bool
    clock_note: str | None = None  # its PC's clock was wrong: it is shown where it happened

    @property
    def internal(self) -> bool:
        """True for internal notes (staff only)."""
        return self.visibility == "internal"

    def badge(self) -> str:
        """The visibility label in words ("" for plain events)."""
        if self.visibility == "internal":
            return tr("Internal · staff only")
        if self.visibility == "public":
            return tr("Public")
        return ""

    def plain_text(self) -> str:
        """The whole entry as one line of plain text (screen readers, tests)."""
        parts = [p for p in (self.badge(), self.heading, self.summary) if p]
        text = " — ".join(parts)
        if self.redacted_note:
            text += f": {self.redacted_note}"
        elif self.body:
            text += f": {self.body}"
        if self.clock_note:
            text += f" ({self.clock_note})"
        return text

    def html(self, terms: tuple[str, ...]) -> str:
        """The entry as rich text for the delegate."""
        badge = ""
        if self.visibility:
            style = INTERNAL_BADGE if self.internal else PUBLIC_BADGE
            badge = f'<span style="{style}">&nbsp;{html.escape(self.badge())}&nbsp;</span>&nbsp; '
        head = f"{badge}<b>{html.escape(self.heading)}</b>"
        if self.clock_note:
            note = self.clock_note[:1].upper() + self.clock_note[1:]
            head += f'<div style="{CLOCK_NOTE}">⚠ {html.escape(note)}</div>'
        summary = f"<div>{highlight_html(self.summary, terms)}</div>" if self.summary else ""
        if self.redacted_note:
            body = f"<div><i>{html.escape(self.redacted_note)}</i></div>"
        elif self.body:
            body = f'<div style="margin-top:2px;">{highlight_html(self.body, terms)}</div>'
        else:
            body = ""
        return f"<div>{head}</div>{summary}{body}"


def _describe(item: TimelineItem, view: DetailView) -> str:
    """What an entry did, in plain words."""
    kind = item.kind
    detail = item.detail
    if kind == EntryKind.CREATED:
        value = item.value or {}
        return tr("Logged the request: {0}").format(value.get("title", view.detail.title))
    if kind == EntryKind.NOTE:
        return tr("Added a note")
    if kind == EntryKind.CALL:
        return tr("Logged a call")
    if kind == EntryKind.STATUS:
        return tr("Changed the status to {0}").format(status_text(str(item.value)))
    if kind == EntryKind.PRIORITY:
        return tr("Changed the priority to {0}").format(priority_text(str(item.value))[0])
    if kind == EntryKind.ASSIGNMENT:
        if item.field == "department_id":
            return tr("Sent it to the {0} queue").format(view.department_name(item.value))
        if item.value:
            return tr("Assigned it to {0}").format(view.user_name(item.value))
        return tr("Unassigned it")
    if kind == EntryKind.EDIT:
        return _describe_edit(item, view)
    if kind == EntryKind.ESCALATION:
        return tr("Escalated to level {0}").format(item.value)
    if kind == EntryKind.TIME_SPENT:
        return tr("Recorded {0} of work").format(minutes_text(int(detail.get("minutes", 0))))
    if kind == EntryKind.APPOINTMENT:
        at = datetime.fromisoformat(str(detail.get("at")))
        return tr("Scheduled a visit for {0} at {1}").format(local_text(at, view.tz), detail.get("place", ""))
    if kind == EntryKind.REPORTER_ADDED:
        reporter = detail.get("reporter") or {}
        names = {r.requester_id: r.name for r in view.detail.reporters}
        name = names.get(reporter.get("requester_id"), tr("someone"))
        return tr("Added another reporter: {0}").format(name)
    if kind == EntryKind.REPORTER_MERGED:
        names = view.detail.requester_names
        return tr("Merged the duplicate requester {0} into {1}").format(
            names.get(str(detail.get("from")), tr("someone")), names.get(str(detail.get("to")), tr("someone"))
        )
    if kind == EntryKind.RESOLUTION:
        text = tr("Resolved: {0}").format(reason_text(detail.get("reason")))
        if detail.get("duplicate_of"):
            text += " " + tr("(duplicate of {0})").format(detail["duplicate_of"])
        if detail.get("agency"):
            text += " " + tr("(referred to {0})").format(detail["agency"])
        return text
    if kind == EntryKind.REOPEN:
        return tr("Reopened the ticket")
    if kind == EntryKind.REDACTION:
        return tr("Redacted a note. Reason: {0}").format(detail.get("reason", ""))
    return kind.replace("_", " ").capitalize()


def _describe_edit(item: TimelineItem, view: DetailView) -> str:
    if item.field == "title":
        return tr("Changed the title to “{0}”").format(item.value)
    if item.field == "description":
        return tr("Edited the description")
    if item.field == "location":
        location = item.value.get("text") if isinstance(item.value, dict) else item.value
        return tr("Changed the location to {0}").format(location or tr("none"))
    if item.field == "category_id":
        return tr("Changed the category to {0}").format(view.category_name(item.value))
    return tr("Edited the ticket")


def clock_wrong_text() -> str:
    """What an entry misdated by its PC's wrong clock says."""
    return tr("entered on a PC whose clock was wrong: shown where it happened")


def build_rows(view: DetailView) -> list[EntryRow]:
    """The timeline of `view` as rows in causal order (the order the ticket's state came from)."""
    redactions = {
        str(item.detail.get("target_entry_id")): item
        for item in view.detail.timeline
        if item.kind == EntryKind.REDACTION
    }
    rows = []
    for item in view.detail.timeline:
        when = local_text(item.at, view.tz)
        heading = tr("{0} ({1}), {2}").format(item.author_name, item.office_code, when)
        redacted_note = None
        if item.redacted:
            by = redactions.get(item.id)
            redacted_note = tr("[redacted by {0}]").format(by.author_name if by else tr("a supervisor"))
        carries_text = item.redacted or bool(item.body)
        visibility = None
        if carries_text and item.kind != EntryKind.REDACTION:
            visibility = "public" if item.public else "internal"
        rows.append(
            EntryRow(
                id=item.id,
                kind=item.kind,
                heading=heading,
                summary=_describe(item, view),
                body=item.body,
                visibility=visibility,
                redacted_note=redacted_note,
                redactable=bool(item.body) and not item.redacted,
                clock_note=clock_wrong_text() if item.clock_wrong else None,
            )
        )
    return rows


class TimelineModel(QAbstractListModel):
    """A list model over EntryRows; the display text is the entry in words."""

    EntryIdRole = Qt.ItemDataRole.UserRole + 1
    HtmlRole = Qt.ItemDataRole.UserRole + 2
    InternalRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EntryRow] = []
        self.terms: tuple[str, ...] = ()

    def set_rows(self, rows: list[EntryRow], terms: tuple[str, ...]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = rows
        self.terms = terms
        self.endResetModel()

    def set_terms(self, terms: tuple[str, ...]) -> None:
        """Highlight other search terms."""
        self.terms = terms
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of entries."""
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text (the entry in words), html, entry id, internal flag, tooltip."""
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.plain_text()
        if role == self.HtmlRole:
            return row.html(self.terms)
        if role == self.EntryIdRole:
            return row.id
        if role == self.InternalRole:
            return row.internal
        return None


class TimelineDelegate(QStyledItemDelegate):
    """Paints an entry as rich text; internal notes get a tint and a stripe besides their badge."""

    MARGIN = 6
    STRIPE = 4

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._cache: dict[tuple[str, int], QTextDocument] = {}

    def clear_cache(self) -> None:
        """Forget laid-out documents (rows or terms changed)."""
        self._cache.clear()

    def _document(self, index: Index, width: int) -> QTextDocument:
        key = (str(index.data(TimelineModel.HtmlRole)), width)
        doc = self._cache.get(key)
        if doc is None:
            if len(self._cache) > 500:
                self._cache.clear()
            doc = QTextDocument()
            doc.setDefaultFont(self._view.font())
            doc.setDocumentMargin(0)
            doc.setHtml(key[0])
            doc.setTextWidth(max(80, width))
            self._cache[key] = doc
        return doc

    def _text_width(self) -> int:
        return self._view.viewport().width() - 2 * self.MARGIN - self.STRIPE - 4

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Height of the laid-out text at the view's width."""
        doc = self._document(index, self._text_width())
        return QSize(self._view.viewport().width() - 4, int(doc.size().height()) + 2 * self.MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Background (selection or internal tint), stripe, text, focus frame."""
        painter.save()
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        internal = bool(index.data(TimelineModel.InternalRole))
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif internal:
            painter.fillRect(rect, internal_tint(palette))
        else:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        if internal:
            painter.fillRect(QRect(rect.left(), rect.top(), self.STRIPE, rect.height()), INTERNAL_STRIPE)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        doc = self._document(index, self._text_width())
        painter.translate(rect.left() + self.STRIPE + self.MARGIN, rect.top() + self.MARGIN)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        doc.documentLayout().draw(painter, context)
        painter.restore()
        if option.state & QStyle.StateFlag.State_HasFocus:
            focus = QStyleOptionFocusRect()
            focus.rect = rect.adjusted(1, 1, -1, -1)
            focus.palette = palette
            focus.state = option.state
            self._view.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, self._view
            )


def internal_tint(palette: QPalette) -> QColor:
    """The base colour with a touch of amber (text contrast stays well above 4.5:1)."""
    base = palette.color(QPalette.ColorRole.Base)
    amber = QColor("#ffb300")
    share = 0.16 if base.lightness() >= 128 else 0.12
    return QColor(
        round(base.red() * (1 - share) + amber.red() * share),
        round(base.green() * (1 - share) + amber.green() * share),
        round(base.blue() * (1 - share) + amber.blue() * share),
    )


class TimelineView(QListView):
    """The timeline list: keyboard-navigable, one entry selectable (for redaction)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline_model = TimelineModel(self)
        self.setModel(self.timeline_model)
        self._delegate = TimelineDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setAccessibleName(tr("Timeline"))
        self.setAccessibleDescription(
            tr(
                "Every change and note on this ticket, in the order they happened. "
                "Internal notes are marked Internal."
            )
        )
        self._ticket_id: str | None = None

    def set_entries(self, ticket_id: str, rows: list[EntryRow], terms: tuple[str, ...]) -> None:
        """Show `rows`; keeps the selected entry and, for the same ticket, the scroll position."""
        same = ticket_id == self._ticket_id
        bar = self.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 4
        position = bar.value()
        selected = self.selected_entry_id()
        self._ticket_id = ticket_id
        self._delegate.clear_cache()
        self.timeline_model.set_rows(rows, terms)
        self.doItemsLayout()  # lay the rows out now, so the scroll range is right
        if same and selected:
            for number, row in enumerate(rows):
                if row.id == selected:
                    self.setCurrentIndex(self.timeline_model.index(number))
        if same and not at_end:
            bar.setValue(position)
        else:
            self.scrollToBottom()
            QTimer.singleShot(0, self, self.scrollToBottom)  # again once Qt's delayed layout has run

    def clear_entries(self) -> None:
        """Show nothing."""
        self._ticket_id = None
        self.timeline_model.set_rows([], ())

    def set_terms(self, terms: tuple[str, ...]) -> None:
        """Mark other search terms."""
        self._delegate.clear_cache()
        self.timeline_model.set_terms(terms)
        self.doItemsLayout()

    def selected_entry(self) -> EntryRow | None:
        """The entry the user selected, if any."""
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        return self.timeline_model.rows[index.row()]

    def selected_entry_id(self) -> str | None:
        """The selected entry's id."""
        entry = self.selected_entry()
        return entry.id if entry else None

    def texts(self) -> list[str]:
        """Every entry in words, oldest first."""
        return [row.plain_text() for row in self.timeline_model.rows]

    def resizeEvent(self, event: Any) -> None:
        """Re-wrap the text at the new width."""
        self._delegate.clear_cache()
        super().resizeEvent(event)
