"""The admin commands' work, as Python functions (the CLI and tests call these).

Every write is one transaction that appends reference changes to the change log, authored by the
system user, so offices receive them by pull or snapshot like any other change. Offices, departments,
categories and users are found by code or user name in the server's merged rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from citydesk.domain import validation
from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.city_settings import DEFAULTS, check_city_setting
from citydesk.domain.clock import Clock, SystemClock, to_ms
from citydesk.domain.errors import ValidationError
from citydesk.domain.ids import uuid7
from citydesk.domain.passwords import PASSWORD_MIN, hash_password
from citydesk.domain.priorities import Priority
from citydesk.domain.roles import SYSTEM_USER_ID, Role
from citydesk.domain.working_language import SETTING as WORKING_LANGUAGE_SETTING
from citydesk.domain.working_language import check_working_language
from citydesk.server import adopt as adopting
from citydesk.server import enrol as enrolment
from citydesk.server.changes import Ledger
from citydesk.server.db import ServerError, open_server_database, read_meta
from citydesk.server.models import Device, RowState, ServerMeta
from citydesk.server.state import Row, from_record, merge_change
from citydesk.sync import hlc as hlc_mod
from citydesk.sync.tables import SYNCED
from citydesk.sync.wire import MAX_FUTURE_MS, SERVER_DEVICE_ID, Change, Op

USER_ROLES = (Role.CLERK, Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class DeviceInfo:
    """An enrolled device as `device list` shows it."""

    id: str
    office_code: str
    number: int
    name: str
    revoked: bool
    created_at: datetime
    last_seen_at: datetime | None
    last_sync_at: datetime | None
    tag: str | None = None  # an adopted office's PC keeps its own tag (its prefix is "<OFFICE>-<tag>")

    @property
    def prefix(self) -> str:
        """Its ticket number prefix, "<OFFICE>-<n>" (an adopted office's PC: "<OFFICE>-<tag>")."""
        return f"{self.office_code}-{self.tag or self.number}"


def merged_rows(session: Session, table: str) -> list[Row]:
    """The server's merged rows of a synced table, by id."""
    stmt = select(RowState).where(RowState.table_name == table).order_by(RowState.row_id)
    return [from_record(r) for r in session.scalars(stmt)]


@dataclass
class _Admin:
    session: Session
    ledger: Ledger
    now: datetime

    def rows(self, table: str) -> list[Row]:
        """The merged rows of a synced table."""
        return merged_rows(self.session, table)

    def find(self, table: str, column: str, value: str, what: str) -> Row:
        """The row whose `column` equals `value` (case-insensitive); ValidationError naming `what`."""
        for row in self.rows(table):
            if str(row.data.get(column, "")).lower() == value.strip().lower():
                return row
        raise ValidationError(column, f"There is no {what} {value!r} on the server.")

    def taken(self, table: str, column: str, value: str) -> bool:
        """True when a row of `table` already has `value` in `column`."""
        return any(str(r.data.get(column, "")).lower() == value.lower() for r in self.rows(table))

    def insert(self, table: str, values: dict[str, object]) -> str:
        """Append a new row (every field) authored by the system user; returns its id."""
        row_id = uuid7(to_ms(self.now))
        data = {"id": row_id, **values}
        self.ledger.append_admin(table, row_id, data, SYNCED[table].fields)
        return row_id

    def set(self, row: Row, **values: object) -> None:
        """Append a change of some fields of `row` authored by the system user."""
        self.ledger.append_admin(row.table, row.row_id, {"id": row.row_id, **values}, tuple(values))


@contextmanager
def _admin(url: str, clock: Clock | None) -> Iterator[_Admin]:
    db = open_server_database(url, clock=clock, migrate=False)
    try:
        with db.write() as session:
            now = db.clock.now()
            ledger = Ledger(session, read_meta(session), now, pushed_by=None)
            yield _Admin(session, ledger, now)
            ledger.flush()
    finally:
        db.close()


def _password(password: str | None) -> str | None:
    if password is None:
        return None
    if len(password) < PASSWORD_MIN:
        raise ValidationError("password", f"The password needs at least {PASSWORD_MIN} characters.")
    return hash_password(password)


def init_server(
    url: str,
    *,
    city: str,
    time_zone: str,
    admin: str,
    password: str,
    admin_display_name: str | None = None,
    working_language: str | None = None,
    clock: Clock | None = None,
) -> str:
    """Create the server database: its epoch, the system user, the city settings (with the city's
    `working_language` when given: "en" or "es", checked) and the first admin. Returns the epoch."""
    clean_city = validation.text("city", city, required=True, max_len=120, label="City name")
    settings = [("city_name", clean_city), ("time_zone", time_zone)]
    if working_language is not None:
        settings.append((WORKING_LANGUAGE_SETTING, check_working_language(working_language)))
    BusinessCalendar(tz_name=time_zone)  # ValidationError for an unknown zone
    username = validation.text("admin", admin, required=True, max_len=60, label="User name").lower()
    password_hash = _password(password)
    if password_hash is None:
        raise ValidationError("password", "The first admin needs a password.")
    clock = clock or SystemClock()
    db = open_server_database(url, clock=clock)
    try:
        with db.write() as session:
            if session.get(ServerMeta, 1) is not None:
                raise ServerError("This server database is already set up.")
            now = clock.now()
            meta = ServerMeta(id=1, epoch=uuid7(to_ms(now)), city=clean_city, hlc=0, created_at=now)
            session.add(meta)
            session.flush()
            ledger = Ledger(session, meta, now, pushed_by=None)
            _system_user(ledger)
            for key, value in settings:
                ledger.append_admin("city_setting", key, {"key": key, "value": value}, ("value",))
            admin_ops = _Admin(session, ledger, now)
            admin_ops.insert(
                "app_user",
                {
                    "username": username,
                    "display_name": admin_display_name or username,
                    "role": Role.ADMIN.value,
                    "department_id": None,
                    "office_id": None,
                    "email": None,
                    "password_hash": password_hash,
                    "active": True,
                },
            )
            ledger.flush()
            return meta.epoch
    finally:
        db.close()


def _system_user(ledger: Ledger) -> None:
    """The system user's row (the same fixed row on every replica; it never travels)."""
    data = {
        "id": SYSTEM_USER_ID,
        "username": "system",
        "display_name": "citydesk",
        "role": Role.SYSTEM.value,
        "department_id": None,
        "office_id": None,
        "email": None,
        "password_hash": None,
        "active": True,
    }
    change = Change(
        change_id=SYSTEM_USER_ID,
        table="app_user",
        op=Op.ROW,
        row_id=SYSTEM_USER_ID,
        hlc=1,
        device_id=SERVER_DEVICE_ID,
        author_id=SYSTEM_USER_ID,
        data=data,
        fields=SYNCED["app_user"].fields,
    )
    merge_change(ledger.cache, change)
    ledger.history_rows.append(
        {"user_id": SYSTEM_USER_ID, "hlc": 0, "device_id": SERVER_DEVICE_ID, "role": "system", "active": True}
    )


def add_office(url: str, *, code: str, name: str, clock: Clock | None = None) -> str:
    """Add an office (code of 2 to 5 letters); returns its id."""
    clean_code = validation.office_code(code)
    clean_name = validation.text("name", name, required=True, max_len=120, label="Office name")
    with _admin(url, clock) as admin:
        if admin.taken("office", "code", clean_code):
            raise ValidationError("code", f"There is already an office {clean_code}.")
        return admin.insert("office", {"code": clean_code, "name": clean_name, "active": True})


def city_settings(url: str) -> dict[str, object]:
    """The city's settings as the offices receive them, with the defaults of those never set."""
    db = open_server_database(url, migrate=False)
    try:
        with db.read() as session:
            return _with_defaults(merged_rows(session, "city_setting"))
    finally:
        db.close()


def _with_defaults(rows: list[Row]) -> dict[str, object]:
    return {**DEFAULTS, **{row.row_id: row.data.get("value") for row in rows}}


def set_city_setting(url: str, *, key: str, value: str, clock: Clock | None = None) -> object:
    """Change one city setting (`domain.city_settings.KEYS`) from the text an administrator typed; every
    office receives it at its next sync. Returns the stored value; a bad key or value writes nothing."""
    with _admin(url, clock) as admin:
        clean = check_city_setting(key, value, _with_defaults(admin.rows("city_setting")))
        name = key.strip().lower()
        admin.ledger.append_admin("city_setting", name, {"key": name, "value": clean}, ("value",))
        return clean


def add_department(url: str, *, code: str, name: str, clock: Clock | None = None) -> str:
    """Add a department; returns its id."""
    clean_code = validation.text("code", code, required=True, max_len=12, label="Department code").upper()
    clean_name = validation.text("name", name, required=True, max_len=120, label="Department name")
    with _admin(url, clock) as admin:
        if admin.taken("department", "code", clean_code):
            raise ValidationError("code", f"There is already a department {clean_code}.")
        return admin.insert("department", {"code": clean_code, "name": clean_name, "active": True})


def add_category(
    url: str, *, name: str, department: str, target_days: int = 5, clock: Clock | None = None
) -> str:
    """Add a request category owned by the department with code `department`; returns its id."""
    clean_name = validation.text("name", name, required=True, max_len=120, label="Category name")
    if isinstance(target_days, bool) or not isinstance(target_days, int) or not 0 <= target_days <= 365:
        raise ValidationError("target_days", "The target must be 0 to 365 business days.")
    with _admin(url, clock) as admin:
        owner = admin.find("department", "code", department, "department")
        if admin.taken("category", "name", clean_name):
            raise ValidationError("name", f"There is already a category {clean_name!r}.")
        return admin.insert(
            "category",
            {
                "name": clean_name,
                "department_id": owner.row_id,
                "default_priority": Priority.P3.value,
                "target_business_days": target_days,
                "keywords": "",
                "caller_script": "",
                "intake_questions": [],
                "is_public": True,
                "active": True,
            },
        )


def add_user(
    url: str,
    *,
    username: str,
    display_name: str,
    role: str,
    office: str | None = None,
    department: str | None = None,
    password: str | None = None,
    clock: Clock | None = None,
) -> str:
    """Add a user (clerk, technician, supervisor or admin) of an office and department; returns the id."""
    clean = validation.text("username", username, required=True, max_len=60, label="User name").lower()
    name = validation.text("display_name", display_name, required=True, max_len=120, label="Name")
    if role not in [r.value for r in USER_ROLES]:
        choices = ", ".join(r.value for r in USER_ROLES)
        raise ValidationError("role", f"Unknown role {role!r}; choose one of {choices}.")
    password_hash = _password(password)
    with _admin(url, clock) as admin:
        if admin.taken("app_user", "username", clean):
            raise ValidationError("username", f"The user name {clean!r} is taken.")
        office_id = admin.find("office", "code", office, "office").row_id if office else None
        department_id = (
            admin.find("department", "code", department, "department").row_id if department else None
        )
        return admin.insert(
            "app_user",
            {
                "username": clean,
                "display_name": name,
                "role": role,
                "department_id": department_id,
                "office_id": office_id,
                "email": None,
                "password_hash": password_hash,
                "active": True,
            },
        )


def _user(admin: _Admin, username: str) -> Row:
    if username.strip().lower() == "system":
        raise ValidationError("username", "The system user cannot be changed.")
    return admin.find("app_user", "username", username, "user")


def disable_user(url: str, *, username: str, clock: Clock | None = None) -> str:
    """Disable a user: changes they make after this (by HLC) are refused. Returns the user's id."""
    with _admin(url, clock) as admin:
        user = _user(admin, username)
        if user.data.get("active") is False:
            raise ValidationError("username", f"The user {username!r} is already disabled.")
        admin.set(user, active=False)
        return user.row_id


def set_password(url: str, *, username: str, password: str, clock: Clock | None = None) -> None:
    """Set a user's password (it flows to every office)."""
    password_hash = _password(password)
    with _admin(url, clock) as admin:
        admin.set(_user(admin, username), password_hash=password_hash)


def enrol_code(url: str, *, office: str, expires_hours: float = 24, clock: Clock | None = None) -> str:
    """A new one-time enrolment code for the office with code `office`."""
    _check_hours(expires_hours)
    with _admin(url, clock) as admin:
        target = admin.find("office", "code", office, "office")
        return enrolment.create_code(
            admin.session, office_id=target.row_id, now=admin.now, hours=expires_hours
        )


def adoption_code(url: str, *, by: str, expires_hours: float = 24, clock: Clock | None = None) -> str:
    """A new one-time code that adopts a standalone office, vouched by the active admin `by` (its
    history is taken with that admin's authority; see `server/adopt.py`)."""
    _check_hours(expires_hours)
    with _admin(url, clock) as admin:
        issuer = adopting.vouching_admin(admin.session, by)
        return adopting.create_adoption_code(
            admin.session, issued_by=issuer, now=admin.now, hours=expires_hours
        )


def _check_hours(hours: float) -> None:
    if not 0 < hours <= 24 * 30:
        raise ValidationError("expires_hours", "A code expires after more than 0 and at most 720 hours.")


def list_devices(url: str) -> list[DeviceInfo]:
    """Every enrolled device, by office and number."""
    db = open_server_database(url, migrate=False)
    try:
        with db.read() as session:
            codes = {r.row_id: str(r.data.get("code")) for r in merged_rows(session, "office")}
            devices = session.scalars(select(Device)).all()
            out = [
                DeviceInfo(
                    d.id,
                    codes.get(d.office_id, "?"),
                    d.number,
                    d.name,
                    d.revoked,
                    d.created_at,
                    d.last_seen_at,
                    d.last_sync_at,
                    d.tag,
                )
                for d in devices
            ]
    finally:
        db.close()
    return sorted(out, key=lambda d: (d.office_code, d.number))


def revoke_device(url: str, *, device: str, clock: Clock | None = None) -> str:
    """Revoke a device (by id or "<OFFICE>-<n>"): its credential stops working. Returns its id."""
    with _admin(url, clock) as admin:
        target = _device(admin, device)
        if target.revoked:
            raise ValidationError("device", f"The device {device} is already revoked.")
        target.revoked = True
        row = admin.ledger.cache.get("device", target.id)
        if row is not None:
            admin.set(row, revoked=True)
        return target.id


def _device(admin: _Admin, name: str) -> Device:
    found = admin.session.get(Device, name)
    if found is not None:
        return found
    code, _, number = name.strip().upper().rpartition("-")
    if code and number.isdigit():
        office = admin.find("office", "code", code, "office")
        found = admin.session.scalar(
            select(Device).where(Device.office_id == office.row_id, Device.number == int(number))
        )
        if found is not None:
            return found
    if code and len(number) <= 3 and admin.taken("office", "code", code):  # an adopted PC, by its tag
        office = admin.find("office", "code", code, "office")
        by_tag = select(Device).where(Device.office_id == office.row_id, Device.tag == number)
        found = admin.session.scalar(by_tag)
        if found is not None:
            return found
    raise ValidationError("device", f"There is no device {name!r} (give its id or OFFICE-number).")


def new_epoch(url: str, *, clock: Clock | None = None) -> str:
    """Start a new epoch (after restoring the database from a backup): every client's cursor becomes
    stale (410), clients re-push their journal and the gap check restarts. Returns the new epoch.

    The restored database forgot the HLCs of what it accepted after the backup, which may be up to
    5 minutes ahead of its clock (`MAX_FUTURE_MS`). Its clock moves past that bound, so an admin change
    made now (a user disabled) is judged after every change accepted before the restore: a change
    re-pushed after the restore gets the verdict it had, and no replica keeps a change the server then
    refuses. A PC that merges this clock stamps at most 5 minutes ahead of the server: never refused."""
    db = open_server_database(url, clock=clock, migrate=False)
    try:
        with db.write() as session:
            meta = read_meta(session)
            now_ms = to_ms(db.clock.now())
            meta.epoch = uuid7(now_ms)
            meta.hlc = max(meta.hlc, hlc_mod.pack(now_ms + MAX_FUTURE_MS))
            return meta.epoch
    finally:
        db.close()


def duplicate_numbers(url: str) -> dict[str, list[str]]:
    """Ticket numbers two tickets share (two PCs restored from one backup, a typed import): number ->
    ticket ids, oldest first. Both keep the number; this is the server's record of the conflict, derived
    from the merged rows so it is never stale."""
    db = open_server_database(url, migrate=False)
    try:
        with db.read() as session:
            number = RowState.data["number"].as_string()
            shared = (
                select(number)
                .where(RowState.table_name == "ticket")
                .group_by(number)
                .having(func.count() > 1)
            )
            stmt = (
                select(number, RowState.row_id)
                .where(RowState.table_name == "ticket", number.in_(shared))
                .order_by(number, RowState.row_id)
            )
            out: dict[str, list[str]] = {}
            for value, ticket_id in session.execute(stmt):
                out.setdefault(str(value), []).append(ticket_id)
            return out
    finally:
        db.close()
