"""Signing in on a shared office PC: pick yourself, type your password; checked offline, off the GUI thread.

The people offered are this database's active users (`store.detail.sign_in_users`). A password is
checked against its scrypt hash on a reader thread (scrypt takes ~50 ms), never on the GUI thread. A
demo database has no passwords: it shows its made-up staff grouped by role and signs in as whoever is
chosen. Everything works from the keyboard: type the first letters of a name, Enter, the password,
Enter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from citydesk.domain.errors import ValidationError
from citydesk.domain.passwords import verify_password
from citydesk.domain.roles import Role
from citydesk.store.detail import LocalIdentity, SignInUser, local_identity, sign_in_users
from citydesk.ui.app import CitydeskApp, signed_in_as
from citydesk.ui.events import SignedIn
from citydesk.ui.forms import Form, set_error_text, style_error_label
from citydesk.ui.tasks import readable

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ROLE_ORDER = (Role.CLERK, Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN)
USER_ID = Qt.ItemDataRole.UserRole


def _load(session: Session) -> tuple[LocalIdentity | None, list[SignInUser]]:
    """This database's identity and the people who may sign in (runs off the GUI thread)."""
    return local_identity(session), sign_in_users(session)


class SignInDialog(QDialog):
    """Who is using this PC now: a person and a password, or a demo persona."""

    def __init__(self, hub: CitydeskApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.signed_in: SignedIn | None = None
        self.identity: LocalIdentity | None = None
        self.users: list[SignInUser] = []
        self.busy = False
        self.setWindowTitle(self.tr("Sign in — citydesk"))
        self.setAccessibleName(self.tr("Sign in"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Loading the people of this office…"))
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())  # loading
        self.pages.addWidget(self._build_password_page())
        self.pages.addWidget(self._build_demo_page())
        layout.addWidget(self.pages, 1)
        self.message = QLabel()
        style_error_label(self.message)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setEnabled(False)
        quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAccessibleName(self.tr("Quit"))
        quit_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        hub.query(
            _load,
            lambda result: isValid(self) and self._loaded(result),
            lambda exc: isValid(self) and self._load_failed(exc),
        )

    # ---- pages -----------------------------------------------------------------------------------

    def _build_password_page(self) -> QWidget:
        page = QWidget()
        self.form = Form(page)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Who are you?"))
        self.people.setAccessibleDescription(self.tr("Type the first letters of your name to jump to it."))
        self.people.installEventFilter(self)
        self.people.setSpacing(2)
        self.people.itemDoubleClicked.connect(lambda _item: self.password.setFocus())
        self.people.currentItemChanged.connect(lambda *_: self._clear_errors())
        self.form.add_row("user", self.tr("&Who are you?"), self.people)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.installEventFilter(self)
        self.form.add_row("password", self.tr("&Password:"), self.password)
        column.addLayout(self.form.layout)
        hint = QLabel(self.tr("Type the first letters of your name, press Enter, then type your password."))
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addWidget(self.form.general)
        QWidget.setTabOrder(self.people, self.password)
        return page

    def _build_demo_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        explain = QLabel(
            self.tr(
                "This is a demo database: a made-up city with made-up requests. No password is needed; "
                "choose whose work you want to see."
            )
        )
        explain.setWordWrap(True)
        column.addWidget(explain)
        caption = QLabel(self.tr("&Sign in as:"))
        column.addWidget(caption)
        self.personas = QTreeWidget()
        self.personas.setHeaderHidden(True)
        self.personas.setRootIsDecorated(False)
        self.personas.setAccessibleName(self.tr("Sign in as"))
        self.personas.installEventFilter(self)
        self.personas.setAccessibleDescription(
            self.tr("Demo staff grouped by role. Type a name to jump to it.")
        )
        self.personas.currentItemChanged.connect(lambda *_: self._update_button())
        self.personas.itemDoubleClicked.connect(
            lambda item, _col: self.submit() if item.data(0, USER_ID) else None
        )
        caption.setBuddy(self.personas)
        column.addWidget(self.personas, 1)
        return page

    # ---- loading ---------------------------------------------------------------------------------

    def _loaded(self, result: tuple[LocalIdentity | None, list[SignInUser]]) -> None:
        self.identity, self.users = result
        office = self.identity.office_name if self.identity else self.tr("this office")
        if not self.users:
            self.heading.setText(self.tr("Nobody can sign in here yet."))
            set_error_text(
                self.message,
                self.tr("This database has no users. Ask the city's administrator to add you."),
            )
            return
        if self.identity is not None and self.identity.is_demo:
            self.heading.setText(self.tr("Try citydesk — {0} (demo)").format(office))
            self._fill_personas()
            self.pages.setCurrentIndex(2)
            self.personas.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.heading.setText(self.tr("Sign in to citydesk — {0}").format(office))
            for user in self.users:
                item = QListWidgetItem(f"{user.display_name} — {self._role_label(user.role)}")
                item.setData(USER_ID, user.id)
                self.people.addItem(item)
            self.people.setCurrentRow(0)
            self.pages.setCurrentIndex(1)
            self.people.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_button()

    def _fill_personas(self) -> None:
        first: QTreeWidgetItem | None = None
        for role in ROLE_ORDER:
            people = [u for u in self.users if u.role == role.value]
            if not people:
                continue
            group = QTreeWidgetItem([self._group_label(role)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.personas.addTopLevelItem(group)
            for user in people:
                child = QTreeWidgetItem([user.display_name])
                child.setData(0, USER_ID, user.id)
                child.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{user.display_name}, {role.label}")
                group.addChild(child)
                first = first or child
            group.setExpanded(True)
        if first is not None:
            self.personas.setCurrentItem(first)

    def _load_failed(self, exc: BaseException) -> None:
        self.heading.setText(self.tr("The people of this office could not be loaded."))
        set_error_text(self.message, readable(exc))

    def _role_label(self, role: str) -> str:
        labels = {
            "clerk": self.tr("Clerk"),
            "technician": self.tr("Technician"),
            "supervisor": self.tr("Supervisor"),
            "admin": self.tr("Administrator"),
        }
        return labels.get(role, role)

    def _group_label(self, role: Role) -> str:
        labels = {
            Role.CLERK: self.tr("Clerks — log requests at the counter and on the phone"),
            Role.TECHNICIAN: self.tr("Technicians — work the tickets"),
            Role.SUPERVISOR: self.tr("Supervisors — assign, reopen, see the load"),
            Role.ADMIN: self.tr("Administrators — users, offices and settings"),
        }
        return labels[role]

    # ---- choosing --------------------------------------------------------------------------------

    @property
    def is_demo(self) -> bool:
        """True when the demo picker is shown."""
        return self.identity is not None and self.identity.is_demo

    def chosen_user(self) -> SignInUser | None:
        """The person selected now."""
        if self.is_demo:
            item = self.personas.currentItem()
            user_id = item.data(0, USER_ID) if item is not None else None
        else:
            row = self.people.currentItem()
            user_id = row.data(USER_ID) if row is not None else None
        return next((u for u in self.users if u.id == user_id), None)

    def _update_button(self) -> None:
        user = self.chosen_user()
        if self.is_demo:
            text = self.tr("Sign in as {0}").format(user.display_name) if user else self.tr("Sign in")
            self.sign_in_button.setText(text)
            self.sign_in_button.setAccessibleName(text)
        self.sign_in_button.setEnabled(user is not None and not self.busy)
        if self.sign_in_button.isEnabled():
            self.sign_in_button.setDefault(True)

    def _clear_errors(self) -> None:
        self.form.clear_errors()
        set_error_text(self.message, "")
        self._update_button()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the people list moves on to the password; on the password or a persona it signs in."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if watched is self.people:
                self.password.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if watched is self.password or watched is self.personas:
                self.submit()
                return True
        return super().eventFilter(watched, event)

    # ---- signing in ------------------------------------------------------------------------------

    def submit(self) -> None:
        """Check the password off the GUI thread (none for a demo) and close when it is right."""
        user = self.chosen_user()
        if self.busy or user is None:
            return
        self._clear_errors()
        password = "" if self.is_demo else self.password.text()
        if not self.is_demo and not password:
            self.form.show_error(ValidationError("password", self.tr("Type your password.")))
            return
        db, demo, user_id = self.hub.db, self.is_demo, user.id

        def check(session: Session) -> SignedIn | None:
            if not demo:
                current = next((u for u in sign_in_users(session) if u.id == user_id), None)
                if current is None or not verify_password(password, current.password_hash):
                    return None
            return signed_in_as(db, user_id)

        self._set_busy(True)
        self.hub.query(check, lambda who: self._checked(user, who), self._failed)

    def _checked(self, user: SignInUser, who: SignedIn | None) -> None:
        self._set_busy(False)
        if who is None:
            if not user.password_hash:
                message = self.tr("{0} has no password on this PC yet. Ask the administrator to set one.")
            else:
                message = self.tr("That password is not right for {0}. Check Caps Lock and try again.")
            self.form.show_error(ValidationError("password", message.format(user.display_name)))
            self.password.selectAll()
            return
        self.signed_in = who
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        set_error_text(self.message, readable(exc))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_button()

    def reject(self) -> None:
        """Quit, unless a check is under way (it takes a moment)."""
        if not self.busy:
            super().reject()


def sign_in_flow(hub: CitydeskApp, parent: Any = None) -> bool:
    """Show the sign-in dialog; on success make that person the hub's user. False if the user quit."""
    dialog = SignInDialog(hub, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.signed_in is None:
            return False
        hub.sign_in(dialog.signed_in)
        return True
    finally:
        dialog.deleteLater()
