"""Notifications: a new P1 or a ticket assigned to me is announced in the app and, with a tray, popped up."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from citydesk.store.detail import NoticeFacts, notice_facts
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import Notice, TicketChanged

WATCHED_KINDS = ("created", "assignment")


class Notifier(QObject):
    """Watches ticket changes for the signed-in user and shows notices (tray pop-up where available)."""

    def __init__(self, hub: CitydeskApp, window: QWidget) -> None:
        super().__init__(window)
        self.hub = hub
        self.shown: list[Notice] = []
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = window.windowIcon()
            if icon.isNull():
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(QIcon(icon), self)
            self.tray.setToolTip(self.tr("citydesk"))
            self.tray.activated.connect(lambda *_: (window.showNormal(), window.activateWindow()))
            self.tray.show()
        hub.ticket_changed.connect(self._on_change)
        hub.notice.connect(self._on_notice)

    def _on_change(self, change: TicketChanged) -> None:
        if change.kind not in WATCHED_KINDS or self.hub.user is None:
            return
        me = self.hub.user.actor.user_id
        self.hub.query(
            lambda s: notice_facts(s, change.ticket_id), lambda facts: self._decide(change, me, facts)
        )

    def _decide(self, change: TicketChanged, me: str, facts: NoticeFacts | None) -> None:
        if facts is None or self.hub.user is None or self.hub.user.actor.user_id != me:
            return
        if change.kind == "created" and facts.priority == "P1":
            self.hub.notify(
                self.tr("New P1 {0}").format(facts.number),
                facts.title,
                ticket_id=change.ticket_id,
                urgent=True,
            )
        elif change.kind == "assignment" and facts.assignee_id == me and facts.last_author_id != me:
            self.hub.notify(
                self.tr("{0} was assigned to you").format(facts.number),
                facts.title,
                ticket_id=change.ticket_id,
            )

    def _on_notice(self, notice: Notice) -> None:
        self.shown.append(notice)
        if self.tray is not None:
            icon = (
                QSystemTrayIcon.MessageIcon.Warning
                if notice.urgent
                else QSystemTrayIcon.MessageIcon.Information
            )
            self.tray.showMessage(notice.title, notice.text, icon, 10_000)
