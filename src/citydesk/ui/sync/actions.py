"""The sync menu entries: File → Sync now (F9) — or Connect to server… on a standalone database — and
Settings → Connect to server… and Background sync…; each enabled only where it can work."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QSpinBox, QVBoxLayout, QWidget

from citydesk.jobs.background_sync import MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES
from citydesk.ui.events import SignedIn, SyncStatus
from citydesk.ui.forms import Form, hint_label, submit_buttons
from citydesk.ui.sync.controller import SyncController, sync_controller

if TYPE_CHECKING:
    from citydesk.ui.shell import MainWindow


def tr(text: str) -> str:
    """Translate in the main window's context (where its menus' strings are)."""
    return QCoreApplication.translate("MainWindow", text)


class SyncActions(QObject):
    """The window's sync actions, following the database's sync state and the signed-in role."""

    def __init__(self, window: MainWindow, file_menu: QMenu, settings_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.hub = window.hub
        self.controller: SyncController = sync_controller(self.hub)
        self.sync_now = QAction(tr("Sync &now"), window)
        self.sync_now.setShortcut(QKeySequence("F9"))
        self.sync_now.triggered.connect(lambda: self.controller.sync_now(manual=True))
        window.addAction(self.sync_now)
        self.connect_file = QAction(tr("&Connect to server…"), window)
        self.connect_file.triggered.connect(self.open_connect)
        self.connect_settings = QAction(tr("&Connect to server…"), window)
        self.connect_settings.triggered.connect(self.open_connect)
        self.interval = QAction(tr("&Background sync…"), window)
        self.interval.triggered.connect(self.open_interval)
        self.save_unsent = QAction(tr("Save &unsent changes…"), window)
        self.save_unsent.triggered.connect(self.choose_unsent_file)
        file_menu.addAction(self.sync_now)
        file_menu.addAction(self.connect_file)
        file_menu.addAction(self.save_unsent)
        settings_menu.addAction(self.connect_settings)
        settings_menu.addAction(self.interval)
        self.dialog: QDialog | None = None  # the open Connect or Background sync dialog
        self.hub.sync_status.connect(self.follow)
        self.hub.signed_in.connect(lambda _who: self.follow(self.hub.sync_state))
        self.follow(self.hub.sync_state)

    def follow(self, status: SyncStatus) -> None:
        """Offer what works for this database: Sync now when connected (in the demo it says why it never
        syncs), Connect
        to server… on a standalone office (administrators), Background sync… when connected."""
        who: SignedIn | None = self.hub.user
        admin = who is not None and who.actor.role.value in ("admin", "system")
        standalone = status.mode == "standalone"
        self.sync_now.setVisible(not standalone)
        self.sync_now.setEnabled(status.connected or status.mode == "demo")  # the demo says why not
        self.connect_file.setVisible(standalone)
        self.connect_file.setEnabled(admin)
        self.connect_settings.setEnabled(standalone and admin)
        self.interval.setEnabled(status.connected)
        self.save_unsent.setVisible(not standalone and status.mode != "demo")
        for act in (self.connect_file, self.connect_settings):
            act.setToolTip("" if admin else tr("Only an administrator can connect this office."))

    def choose_unsent_file(self) -> None:
        """File → Save unsent changes…: ask where, then save them (for a PC the server no longer
        accepts: the administrator connects it again and they are sent)."""
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getSaveFileName(
            self.window, tr("Save unsent changes"), "unsent-changes.json", tr("Changes (*.json)")
        )
        if path:
            self.save_unsent_to(Path(path))

    def save_unsent_to(self, path: Path) -> None:
        """Save this PC's unsent changes to `path` off the GUI thread, then say how many."""
        from citydesk.jobs.background_sync import save_unsent_changes

        def saved(count: int) -> None:
            text = tr("{0} changes not yet sent were saved to {1}.").format(count, path)
            self.hub.notify(tr("Unsent changes saved"), text)

        self.hub.runner.read(lambda: save_unsent_changes(self.hub.db, path), saved)

    def open_connect(self) -> QDialog | None:
        """Connect this standalone office's database to the city's server (adoption)."""
        if self.hub.sync_state.mode != "standalone":
            return None
        from citydesk.ui.sync.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self.hub.db.path, adopt=True, clock=self.hub.db.clock,
                               http_client=self.controller.http_client, parent=self.window)  # fmt: skip
        dialog.accepted.connect(lambda: self._connected(dialog))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _connected(self, dialog: Any) -> None:
        from citydesk.ui.sync.connect_dialog import connected_text

        if dialog.result_info is not None:
            self.hub.notify(tr("Connected"), connected_text(dialog.result_info, dialog))
        self.hub.data_changed.emit()
        self.controller.refresh()
        self.controller.start()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def open_interval(self) -> QDialog:
        """Settings → Background sync…: how often this PC syncs."""
        dialog = IntervalDialog(self.controller, self.window)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog


class IntervalDialog(QDialog):
    """How many minutes between background syncs (kept on this PC)."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Background sync"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(max(440, self.fontMetrics().averageCharWidth() * 60))
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr(
            "citydesk sends this PC's changes and receives other offices' in the background. When the "
            "server cannot be reached it tries again less often, and soon after the network returns."
        )))  # fmt: skip
        self.form = Form(self)
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setValue(int(controller.schedule.interval.total_seconds() // 60))
        self.form.add_row("interval", self.tr("Sync &every:"), self.minutes)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        self.buttons = submit_buttons(self, self.tr("&Save"), self.submit)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        """Keep the interval (writer thread), then close."""
        self.controller.set_interval(self.minutes.value(), lambda _m: self.accept(), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.form.show_error(exc)
