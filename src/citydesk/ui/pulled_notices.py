"""Notices for what a sync brought from other PCs: a new P1 (or one raised to P1) and a ticket newly
assigned to the signed-in user pop the usual notice (`hub.notify`, the tray where there is one).

Entries are matched by their local row number: those stored after the watermark (read when the window
opened) on the pulled page's tickets, made on another PC; each entry is told once. One check runs at
a time, at most one a second (`ui.pacing`); pages that arrive meanwhile are coalesced into the next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from citydesk.store.detail import PulledNotice, entry_watermark, pulled_notices
from citydesk.ui.events import TicketsPulled
from citydesk.ui.pacing import Pacer

if TYPE_CHECKING:
    from citydesk.ui.app import CitydeskApp


class PulledNotifier(QObject):
    """Watches `tickets_pulled` and tells the signed-in user what concerns them."""

    def __init__(self, hub: CitydeskApp, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.watermark: int | None = None
        self.told: set[str] = set()  # entry ids already told
        self._waiting: set[str] = set()
        self._running = True
        self._pacer = Pacer(self, self._check)  # pulled pages: one check a second at most
        hub.tickets_pulled.connect(self._on_pulled)
        future = hub.query(entry_watermark, self._marked, self._failed)
        if future.cancelled():
            self._running = False

    @property
    def idle(self) -> bool:
        """True when no check runs or waits."""
        return not self._running and not self._waiting

    def _marked(self, watermark: int) -> None:
        self.watermark = watermark
        self._running = False
        self._check()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.hub.error.emit(str(exc))

    def _on_pulled(self, pulled: TicketsPulled) -> None:
        self._waiting.update(pulled.ticket_ids)
        self._pacer.request()

    def _check(self) -> None:
        if self._running or self.watermark is None or not self._waiting:
            return
        user = self.hub.user
        if user is None:
            self._waiting.clear()
            return
        ticket_ids, self._waiting = frozenset(self._waiting), set()
        after, user_id, device_id = self.watermark, user.actor.user_id, user.device_id

        def read(session: Any) -> list[PulledNotice]:
            return pulled_notices(session, ticket_ids, after=after, user_id=user_id, device_id=device_id)

        self._running = True
        future = self.hub.query(read, self._arrived, self._failed)
        if future.cancelled():
            self._running = False

    def _arrived(self, notices: list[PulledNotice]) -> None:
        self._running = False
        for notice in notices:
            if notice.entry_id in self.told:
                continue
            self.told.add(notice.entry_id)
            if notice.kind == "p1":
                self.hub.notify(
                    self.tr("New P1 {0} from another office").format(notice.number),
                    notice.title,
                    ticket_id=notice.ticket_id,
                    urgent=True,
                )
            else:
                self.hub.notify(
                    self.tr("{0} was assigned to you at another office").format(notice.number),
                    notice.title,
                    ticket_id=notice.ticket_id,
                )
        self._pacer.request()
