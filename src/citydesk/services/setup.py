"""Setting up a database (a standalone office or the demo) and its reference data (admin only)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select

from citydesk.domain import validation
from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.city_settings import calendar_from, check_city_setting
from citydesk.domain.clock import to_ms
from citydesk.domain.errors import ReferenceReadOnly, ValidationError
from citydesk.domain.ids import uuid7
from citydesk.domain.numbers import make_prefix, random_tag
from citydesk.domain.passwords import PASSWORD_MIN, hash_password
from citydesk.domain.permissions import Action
from citydesk.domain.priorities import parse_priority
from citydesk.domain.roles import SYSTEM_ACTOR, SYSTEM_USER_ID, Actor, Role
from citydesk.services.transaction import Tx, transaction
from citydesk.store import statements as st
from citydesk.store.db import Database, StorageError
from citydesk.store.models import (
    Category,
    CitySetting,
    Department,
    Device,
    NumberCounter,
    Office,
    SyncState,
    User,
)
from citydesk.store.receipts import PHONE_SETTING
from citydesk.store.settings import load_settings
from citydesk.sync.capture import Capture


@dataclass(frozen=True, slots=True)
class SetupResult:
    """Identity of a freshly set-up database."""

    office_id: str
    device_id: str
    number_prefix: str
    admin_id: str | None


def is_initialized(db: Database) -> bool:
    """True once the database has an office and a device."""
    with db.read() as session:
        return session.scalar(select(SyncState.id).where(SyncState.id == 1)) is not None


def actor_for_username(db: Database, username: str) -> Actor:
    """The Actor of an active user named `username` (case-insensitive); the system user is refused.

    Headless commands act as a named person: no change a device pushes is authored by the system user.
    """
    name = (username or "").strip().lower()
    if name == "system":
        raise ValidationError(
            "user", "The system user does not make changes; give the user name of the person doing this."
        )
    with db.read() as session:
        row = session.execute(
            select(User.id, User.role, User.display_name, User.active).where(User.username == name)
        ).one_or_none()
    if row is None or row.role == Role.SYSTEM.value:
        raise ValidationError("user", f"There is no user {username!r} in this database.")
    if not row.active:
        raise ValidationError("user", f"The user {username!r} is disabled.")
    return Actor(user_id=row.id, role=Role(row.role), display_name=row.display_name)


def is_demo(db: Database) -> bool:
    """True for a demo database (which never connects to a server)."""
    with db.read() as session:
        return bool(session.scalar(select(SyncState.is_demo).where(SyncState.id == 1)))


def initialize_database(
    db: Database,
    *,
    city_name: str,
    time_zone: str,
    office_code: str,
    office_name: str,
    admin_username: str | None = None,
    admin_display_name: str = "",
    admin_password: str | None = None,
    demo: bool = False,
    tag: str | None = None,
    city_phone: str | None = None,
) -> SetupResult:
    """Set up a new database: office, device identity, number prefix, city settings (the phone number
    receipts tell citizens to call, if given), first admin."""
    clean_city = validation.text("city_name", city_name, required=True, max_len=120, label="City name")
    try:
        clean_phone = validation.phone(city_phone)
    except ValidationError as exc:
        raise ValidationError("city_phone", exc.message) from None
    BusinessCalendar(tz_name=time_zone)  # validates the zone
    code = validation.office_code(office_code)
    clean_office = validation.text(
        "office_name", office_name, required=True, max_len=120, label="Office name"
    )
    if admin_username is not None:
        validation.text("username", admin_username, required=True, max_len=60, label="User name")
        if not admin_password or len(admin_password) < PASSWORD_MIN:
            raise ValidationError("password", f"The password needs at least {PASSWORD_MIN} characters.")
    if is_initialized(db):
        raise StorageError("This database is already set up.")
    now = db.clock.now()
    office_id, device_id = uuid7(to_ms(now)), uuid7(to_ms(now))
    prefix = make_prefix(code, tag or random_tag())
    with db.write() as session:
        session.execute(insert(Office).values(id=office_id, code=code, name=clean_office, active=True))
        session.execute(
            insert(Device).values(
                id=device_id, office_id=office_id, name=clean_office, tag=prefix.split("-")[1], created_at=now
            )
        )
        session.execute(
            insert(SyncState).values(
                id=1,
                device_id=device_id,
                office_id=office_id,
                number_prefix=prefix,
                is_demo=demo,
                created_at=now,
            )
        )
        session.execute(insert(NumberCounter).values(prefix=prefix, last_seq=0))
        session.execute(
            insert(User).values(
                id=SYSTEM_USER_ID,
                username="system",
                display_name="citydesk",
                role=Role.SYSTEM.value,
                active=True,
            )
        )
        # Same transaction: a rejected admin leaves nothing half set up.
        admin_id = None
        tx = Tx(session=session, capture=Capture(session, db.clock), actor=SYSTEM_ACTOR, db_cache=db.cache)
        _record(tx, "office", office_id)
        _record(tx, "device", device_id)
        for key, value in (("city_name", clean_city), ("time_zone", time_zone)):
            set_setting_in(tx, key, value)
        if clean_phone:
            set_setting_in(tx, PHONE_SETTING, clean_phone)
        if admin_username is not None:
            admin_id = _add_user(
                tx,
                username=admin_username,
                display_name=admin_display_name or admin_username,
                role=Role.ADMIN,
                password=admin_password,
                office_id=office_id,
            )
        tx.capture.finish()
    return SetupResult(office_id=office_id, device_id=device_id, number_prefix=prefix, admin_id=admin_id)


def _record(tx: Tx, table: str, row_id: str) -> None:
    stamp = tx.capture.stamp()
    tx.capture.record(op="insert", table=table, row_id=row_id, hlc=stamp.hlc)


def refuse_if_enrolled(tx: Tx, what: str) -> None:
    """Reference rows belong to the server once this PC is enrolled: ReferenceReadOnly then.

    An enrolled database has `sync_state.server_url`; its offices, departments, categories, users and
    city settings arrive from the server (the sync apply path), and no service edits them locally.
    """
    server_url = tx.session.scalar(select(SyncState.server_url).where(SyncState.id == 1))
    if server_url:
        raise ReferenceReadOnly(what, server_url)


def set_setting_in(tx: Tx, key: str, value: Any) -> None:
    """Set a city setting inside a transaction (with its outbox row); refused on an enrolled PC."""
    refuse_if_enrolled(tx, "city settings")
    tx.session.merge(CitySetting(key=key, value=value))
    tx.db_cache.clear()
    tx.session.execute(st.BUMP_REFERENCE_VERSION)
    stamp = tx.capture.stamp()
    tx.capture.record(op="update", table="city_setting", row_id=key, field="value", hlc=stamp.hlc)


def set_setting(db: Database, *, actor: Actor, key: str, value: Any) -> None:
    """Set a city setting (admin)."""
    with transaction(db, actor, Action.MANAGE_REFERENCE) as tx:
        set_setting_in(tx, key, value)


def add_office(db: Database, *, actor: Actor, code: str, name: str) -> str:
    """Add an office (admin)."""
    clean_code = validation.office_code(code)
    clean_name = validation.text("name", name, required=True, max_len=120)
    with transaction(db, actor, Action.MANAGE_REFERENCE) as tx:
        refuse_if_enrolled(tx, "offices")
        office_id = tx.capture.new_id()
        tx.session.execute(insert(Office).values(id=office_id, code=clean_code, name=clean_name, active=True))
        _record(tx, "office", office_id)
        return office_id


def add_department(db: Database, *, actor: Actor, code: str, name: str) -> str:
    """Add a department (admin)."""
    clean_code = validation.text("code", code, required=True, max_len=12).upper()
    clean_name = validation.text("name", name, required=True, max_len=120)
    with transaction(db, actor, Action.MANAGE_REFERENCE) as tx:
        refuse_if_enrolled(tx, "departments")
        department_id = tx.capture.new_id()
        tx.session.execute(insert(Department).values(id=department_id, code=clean_code, name=clean_name))
        _record(tx, "department", department_id)
        return department_id


def add_category(
    db: Database,
    *,
    actor: Actor,
    name: str,
    department_id: str,
    default_priority: str = "P3",
    target_business_days: int = 5,
    keywords: str = "",
    caller_script: str = "",
    intake_questions: list[str] | None = None,
    is_public: bool = True,
) -> str:
    """Add a request category owned by a department (admin)."""
    clean_name = validation.text("name", name, required=True, max_len=120)
    priority = parse_priority(default_priority)
    if (
        isinstance(target_business_days, bool)
        or not isinstance(target_business_days, int)
        or not 0 <= target_business_days <= 365
    ):
        raise ValidationError("target_business_days", "The target must be 0 to 365 business days.")
    questions = [
        validation.text("intake_questions", q, required=True, max_len=300) for q in intake_questions or []
    ]
    if len(questions) > 5:
        raise ValidationError("intake_questions", "At most 5 intake questions.")
    with transaction(db, actor, Action.MANAGE_REFERENCE) as tx:
        refuse_if_enrolled(tx, "categories")
        if tx.session.get(Department, department_id) is None:
            raise ValidationError("department", f"Unknown department {department_id!r}.")
        category_id = tx.capture.new_id()
        tx.session.execute(
            insert(Category).values(
                id=category_id,
                name=clean_name,
                department_id=department_id,
                default_priority=priority.value,
                target_business_days=target_business_days,
                keywords=keywords.strip(),
                caller_script=caller_script.strip(),
                intake_questions=questions,
                is_public=is_public,
                active=True,
            )
        )
        _record(tx, "category", category_id)
        return category_id


def _add_user(
    tx: Tx,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str | None,
    office_id: str | None = None,
    department_id: str | None = None,
    email: str | None = None,
    password_hash: str | None = None,
) -> str:
    refuse_if_enrolled(tx, "users")
    clean_username = validation.text(
        "username", username, required=True, max_len=60, label="User name"
    ).lower()
    if tx.session.scalar(select(User.id).where(User.username == clean_username)):
        raise ValidationError("username", f"The user name {clean_username!r} is taken.")
    if password is not None and len(password) < PASSWORD_MIN:
        raise ValidationError("password", f"The password needs at least {PASSWORD_MIN} characters.")
    if role is Role.SYSTEM:
        raise ValidationError("role", "The system role is reserved.")
    user_id = tx.capture.new_id()
    tx.session.execute(
        insert(User).values(
            id=user_id,
            username=clean_username,
            display_name=validation.text(
                "display_name", display_name, required=True, max_len=120, label="Name"
            ),
            role=role.value,
            office_id=office_id,
            department_id=department_id,
            email=validation.email(email),
            password_hash=password_hash or (hash_password(password) if password else None),
            active=True,
        )
    )
    _record(tx, "app_user", user_id)
    return user_id


def add_user(
    db: Database,
    *,
    actor: Actor,
    username: str,
    display_name: str,
    role: str,
    password: str | None,
    office_id: str | None = None,
    department_id: str | None = None,
    email: str | None = None,
    password_hash: str | None = None,
) -> str:
    """Add a user who signs in at this office (admin)."""
    try:
        clean_role = Role(role)
    except ValueError:
        raise ValidationError("role", f"Unknown role {role!r}.") from None
    with transaction(db, actor, Action.MANAGE_USERS) as tx:
        if department_id and tx.session.get(Department, department_id) is None:
            raise ValidationError("department", f"Unknown department {department_id!r}.")
        return _add_user(
            tx,
            username=username,
            display_name=display_name,
            role=clean_role,
            password=password,
            office_id=office_id,
            department_id=department_id,
            email=email,
            password_hash=password_hash,
        )


def change_city_setting(db: Database, *, actor: Actor, key: str, value: str) -> Any:
    """Change one city setting from the text an admin typed (`domain.city_settings`: checked against the
    settings in force); returns the stored value. Refused on an enrolled PC: the server holds them."""
    return change_city_settings(db, actor=actor, values={key: value})[key.strip().lower()]


def change_city_settings(db: Database, *, actor: Actor, values: Mapping[str, str]) -> dict[str, Any]:
    """Change several city settings at once (all or none), each from the text typed; the business
    calendar is checked with all of them in (opening and closing can move together). Only those that
    differ are written. Returns the stored values."""
    with transaction(db, actor, Action.MANAGE_REFERENCE) as tx:
        current = load_settings(tx.session)
        stored = {
            key.strip().lower(): check_city_setting(key, text, current, calendar=False)
            for key, text in values.items()
        }
        calendar_from({**current, **stored})
        for name, value in stored.items():
            if value != current.get(name):
                set_setting_in(tx, name, value)
        return stored
