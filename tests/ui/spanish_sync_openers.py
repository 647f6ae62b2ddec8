"""The Spanish walk's openers for the issue-15 windows: the status bar's sync sections in each state, the
Connect dialog (new PC and adoption), Background sync, the quit question, Sync by file in each step, the
Conflicts window (both tabs, with data), the Settle dialog and the detail pane's conflict banner. The
sync windows with data run against the real server app in-process (tests/sync_world.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from helpers_detail import open_main_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from spanish_walk_kit import Walk
from sqlalchemy import select

from citydesk.services.ticket_work import add_note, change_priority
from citydesk.store.models import Ticket
from citydesk.ui.events import SyncProgress, SyncStatus
from citydesk.ui.sync.messages import failure_text

CLOCK_WARNING = (  # the sync engine's words (citydesk.sync.engine_cycle.clock_warning)
    "This PC's clock is about 12 minutes ahead of the server's. Ask IT to correct the PC's date and time; "
    "until then citydesk stamps changes with the server's time."
)


def status_bar(w: Walk, state: str) -> QWidget:
    """A main window whose status bar shows a connected PC in `state`."""
    win: Any = w.window_of("supervisor")
    w.qtbot.waitUntil(lambda: win.sync_bar.controller.facts is not None and not w.hub.runner.in_flight)
    last = w.hub.db.clock.now()
    status = SyncStatus(online=state != "offline", last_sync=last, pending=3, mode="connected",
                        server="https://sync.testville.gov")  # fmt: skip
    if state == "offline":
        status = SyncStatus(online=False, last_sync=last, pending=3, mode="connected",
                            problem=failure_text("offline").status)  # fmt: skip
    if state == "syncing":
        status = SyncStatus(online=True, last_sync=last, pending=3, mode="connected", syncing=True)
    if state == "problem":
        status = SyncStatus(online=True, last_sync=last, pending=3, mode="connected", rejected=2, parked=4,
                            problem=failure_text("revoked").status)  # fmt: skip
    if state == "clock warning":
        status = SyncStatus(online=True, last_sync=last, pending=0, mode="connected",
                            clock_warning=CLOCK_WARNING)  # fmt: skip
    if state == "conflicts":
        status = SyncStatus(online=True, last_sync=last, pending=0, mode="connected", conflicts=2)
    win.sync_bar.show_status(status)
    if state == "syncing":
        win.sync_bar.show_progress(SyncProgress("pull", 2000, 10000))
    w.qtbot.waitUntil(lambda: win.sync_bar.connection.text() != "")
    return win


def connect_dialog(w: Walk, adopt: bool) -> QWidget:
    """Connect to the city's server: a new PC joining, or this standalone office adopted."""
    from citydesk.ui.sync.connect_dialog import ConnectDialog

    return w.shown(ConnectDialog(w.tmp_path / "new.sqlite", adopt=adopt, clock=w.hub.db.clock))


def background_sync(w: Walk) -> QWidget:
    """Settings → Background sync…"""
    from citydesk.ui.sync.actions import IntervalDialog
    from citydesk.ui.sync.controller import sync_controller

    w.window_of("admin")
    return w.shown(IntervalDialog(sync_controller(w.hub)))


def quit_question(w: Walk) -> QWidget:
    """The question on quitting with changes not yet sent."""
    win: Any = w.window_of("clerk")
    box: QWidget = win.sync_bar.quit_guard.ask(3)
    w.qtbot.waitUntil(box.isVisible)
    return box


def sync_by_file(w: Walk, step: str) -> QWidget:
    """File → Sync by file… at one step: a connected PC not set up, then set up; a field office ready for
    its first reply, after writing its file, after reading the reply."""
    from citydesk.ui.sync_file.dialog import SyncFileDialog
    from file_sync_kit import enrol_field

    world = w.world()
    hall = world.enrol("hall")
    hall.log("carla", "Pothole on Main")
    hall.sync()
    if step in ("not set up", "set up"):
        dialog: Any = SyncFileDialog(w.hub_of(hall))
        dialog.http_client = world.injector.client()
        w.shown(dialog)
        w.qtbot.waitUntil(lambda: dialog.enable_button.isVisible(), timeout=10_000)
        if step == "set up":
            dialog.enable_button.click()
            w.qtbot.waitUntil(lambda: dialog.write_button.isEnabled(), timeout=20_000)
        return dialog
    field = enrol_field(world)
    dialog = w.shown(SyncFileDialog(w.hub_of(field.replica)))
    w.qtbot.waitUntil(lambda: dialog.write_button.isEnabled(), timeout=10_000)
    if step == "ready":
        return dialog
    usb = w.tmp_path / "usb"
    usb.mkdir()
    dialog.write_to(usb / "first.sync")
    w.qtbot.waitUntil(lambda: not dialog.busy and dialog.message.text() != "", timeout=20_000)
    if step == "written":
        return dialog
    dialog.read_from(field.exchange(usb / "first.sync"))
    w.qtbot.waitUntil(lambda: not dialog.busy and "\n" in dialog.message.text(), timeout=20_000)
    return dialog


def _conflicted(w: Walk) -> tuple[Any, Any, str]:
    """City Hall and the Police annex changed one ticket's priority at once; a note by a user disabled
    meanwhile was refused. Returns City Hall's main window (Sam), its hub and the ticket's id."""
    from sync_world import server_admin

    world = w.world()
    a, b = world.enrol("a"), world.enrol("b", office="PD")
    a.log("carla", "Pothole on Main")
    a.sync()
    b.sync()
    with a.db.read() as s:
        ticket_id = str(s.scalar(select(Ticket.id)))
    world.clock.advance(minutes=1)
    change_priority(a.db, actor=a.actor("tomas"), ticket_id=ticket_id, priority="P1")
    world.clock.advance(minutes=1)
    change_priority(b.db, actor=b.actor("sam"), ticket_id=ticket_id, priority="P2")
    b.sync()
    server_admin().disable_user(world.url, username="carla", clock=world.clock)
    world.clock.advance(minutes=1)
    add_note(a.db, actor=a.actor("carla"), ticket_id=ticket_id, body="Called back at noon", public=False)
    a.sync()
    hub = w.hub_of(a)
    win = open_main_window(w.qtbot, hub, a.actor("sam"))
    w.main = win
    return win, hub, ticket_id


def conflicts_window(w: Walk, tab: int) -> QWidget:
    """View → Conflicts with an open conflict and a refused change, on one tab."""
    win, _hub, _ticket = _conflicted(w)
    window = win.open_conflicts()
    w.qtbot.waitUntil(lambda: window.conflict_list.count() == 1 and window.rejected_list.count() == 1,
                      timeout=10_000)  # fmt: skip
    window.tabs.setCurrentIndex(tab)
    if tab == 2:  # shared numbers: none in this city (its words are what the walk reads)
        w.qtbot.waitUntil(lambda: bool(window.shared_page.intro.text()), timeout=10_000)
    else:
        (window.conflict_list if tab == 0 else window.rejected_list).setCurrentRow(0)
    w.qtbot.waitUntil(window.isActiveWindow)
    return window


def settle_dialog(w: Walk) -> QWidget:
    """The Settle dialog, opened with Enter on the conflict."""
    window: Any = conflicts_window(w, 0)
    window.conflict_list.setFocus()
    w.qtbot.keyClick(window.conflict_list, Qt.Key.Key_Return)
    dialog = window.settle_dialog
    w.qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    return dialog


def conflict_banner(w: Walk) -> QWidget:
    """The main window showing the conflicted ticket: its banner, the table's mark."""
    win, _hub, ticket_id = _conflicted(w)
    win.show_ticket(ticket_id)
    w.qtbot.waitUntil(win.detail.conflict_banner.isVisible, timeout=10_000)
    return win


SYNC_OPENERS: dict[str, Callable[[Walk], QWidget]] = {
    **{f"status bar: {state}": (lambda w, state=state: status_bar(w, state))
       for state in ("online", "offline", "syncing", "problem", "clock warning", "conflicts")},
    "connect (new PC)": lambda w: connect_dialog(w, adopt=False),
    "connect (adopt this office)": lambda w: connect_dialog(w, adopt=True),
    "background sync": background_sync,
    "quit question": quit_question,
    **{f"sync by file: {step}": (lambda w, step=step: sync_by_file(w, step))
       for step in ("not set up", "set up", "ready", "written", "reply read")},
    "conflicts": lambda w: conflicts_window(w, 0),
    "conflicts (changes not accepted)": lambda w: conflicts_window(w, 1),
    "conflicts (shared numbers)": lambda w: conflicts_window(w, 2),
    "settle a conflict": settle_dialog,
    "conflict banner": conflict_banner,
}  # fmt: skip
