"""CSV in the app: File → Export tickets… (supervisors and admins) and Import tickets… (admins)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from citydesk.domain.permissions import Action, allowed
from citydesk.domain.roles import Role
from citydesk.ui.app import CitydeskApp


def tr(text: str) -> str:
    """Translate `text` in the CSV menu actions' context."""
    return QCoreApplication.translate("CsvActions", text)


class CsvActions:
    """The two File menu actions, shown only to the roles that may use them."""

    def __init__(self, hub: CitydeskApp, window: QWidget, menu: QMenu) -> None:
        self.hub = hub
        self.window = window
        self.export_action = QAction(tr("E&xport tickets…"), window)
        self.export_action.triggered.connect(self.open_export)
        self.import_action = QAction(tr("&Import tickets…"), window)
        self.import_action.triggered.connect(self.open_import)
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)
        self.update_for(None)

    def update_for(self, role: Role | None) -> None:
        """Show the actions the signed-in role may use (exporting needs report rights, importing admin)."""
        self.export_action.setVisible(role is not None and allowed(role, Action.VIEW_REPORTS))
        self.import_action.setVisible(role is not None and allowed(role, Action.IMPORT_DATA))

    def open_export(self) -> QWidget:
        """Open the export dialog."""
        from citydesk.ui.csvio.export_dialog import open_export_dialog

        return open_export_dialog(self.hub, self.window)

    def open_import(self) -> QWidget:
        """Open the import dialog."""
        from citydesk.ui.csvio.import_dialog import open_import_dialog

        return open_import_dialog(self.hub, self.window)
