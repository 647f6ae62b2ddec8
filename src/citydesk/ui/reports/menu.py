"""The main window's Reports menu: "Weekly status report…" (Ctrl+Shift+W), for supervisors and admins."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from citydesk.domain.permissions import Action, allowed
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import SignedIn

SHORTCUT = "Ctrl+Shift+W"


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportsMenu", text)


def can_view_reports(hub: CitydeskApp) -> bool:
    """True if the signed-in user may open the Reports view."""
    return hub.user is not None and allowed(hub.user.actor.role, Action.VIEW_REPORTS)


def add_reports_menu(window: QMainWindow, hub: CitydeskApp) -> QAction:
    """Add the Reports menu to `window`; the action is offered only to roles that may view reports."""
    menu = window.menuBar().addMenu(tr("&Reports"))
    action = QAction(tr("Weekly status &report…"), window)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setStatusTip(tr("Generate, preview, print and save the weekly status report"))
    action.triggered.connect(lambda _checked=False: open_reports_view(window, hub))
    window.addAction(action)
    menu.addAction(action)

    def offer(_who: SignedIn | None = None) -> None:
        allowed = can_view_reports(hub)
        action.setEnabled(allowed)
        menu.menuAction().setVisible(allowed)

    hub.signed_in.connect(offer)
    offer()
    return action


def open_reports_view(window: QMainWindow, hub: CitydeskApp) -> Any:
    """Show the Reports view (one per window); None, with a message, for a role that may not."""
    from citydesk.ui.reports.view import ReportsView

    if not can_view_reports(hub):
        hub.announce.emit(tr("Only supervisors and admins can open the weekly report."))
        return None
    for view in window.findChildren(ReportsView):
        if view.isVisible():
            view.raise_()
            view.activateWindow()
            return view
    view = ReportsView(hub, window)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    view.show()
    return view
