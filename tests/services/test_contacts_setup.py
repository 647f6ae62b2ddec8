"""Counted contacts without a ticket, and setting up a database and its reference data."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import capture_check
from citydesk.domain.clock import ManualClock
from citydesk.domain.errors import NotFound, PermissionDenied, ValidationError
from citydesk.domain.passwords import verify_password
from citydesk.domain.roles import SYSTEM_ACTOR, SYSTEM_USER_ID, Actor, Role
from citydesk.services import setup
from citydesk.services import tickets as svc
from citydesk.services.contacts import log_contact
from citydesk.store import models
from citydesk.store.db import Database, StorageError, open_database
from citydesk.store.detail import local_identity
from citydesk.store.models import (
    Category,
    CitySetting,
    ContactLog,
    Department,
    Device,
    NumberCounter,
    Outbox,
    SyncState,
    User,
)
from citydesk.store.settings import load_settings
from factories import START, TEST_PASSWORD, Office

TABLES = (
    ContactLog,
    Outbox,
    models.Office,
    Device,
    SyncState,
    NumberCounter,
    User,
    CitySetting,
    Department,
    Category,
)


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file migrated to the schema head with nothing set up, built once per module."""
    path = tmp_path_factory.mktemp("empty") / "new.sqlite"
    open_database(path, clock=ManualClock(START)).close()
    return path


@pytest.fixture
def empty_db(empty_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the empty database."""
    path = tmp_path / "new.sqlite"
    shutil.copyfile(empty_template, path)
    db = open_database(path, clock=ManualClock(START))
    yield db
    db.close()


def counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}


def outbox_rows(db: Database, after_seq: int = 0) -> list[tuple[Any, ...]]:
    with db.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(Outbox.op, Outbox.table_name, Outbox.row_id, Outbox.field)
                .where(Outbox.seq > after_seq)
                .order_by(Outbox.seq)
            )
        ]


def last_seq(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.max(Outbox.seq))) or 0


def delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {k: after[k] - before[k] for k in after if after[k] != before[k]}


# -- contacts -------------------------------------------------------------------------------------


def test_question_answered_on_the_spot_writes_one_contact_and_one_outbox_row(office: Office) -> None:
    before = counts(office.db)
    seq = last_seq(office.db)
    logged = log_contact(
        office.db,
        actor=office.clerk,
        kind="question",
        channel="walk_in",
        category_id=office.pothole,
        summary="  When is bulk trash pickup?  ",
    )
    assert logged.kind == "question"
    assert delta(before, counts(office.db)) == {"contact_log": 1, "outbox": 1}
    assert outbox_rows(office.db, seq) == [("insert", "contact_log", logged.contact_id, None)]
    with office.db.read() as s:
        row = s.get(ContactLog, logged.contact_id)
        assert row is not None
        assert (row.kind, row.channel, row.summary, row.category_id, row.ticket_id) == (
            "question",
            "walk_in",
            "When is bulk trash pickup?",
            office.pothole,
            None,
        )
        ident = local_identity(s)
        assert ident is not None
        assert (row.author_id, row.office_id, row.device_id) == (
            office.clerk.user_id,
            ident.office_id,
            ident.device_id,
        )
        assert row.at == START and row.hlc > 0


def test_status_inquiry_about_a_ticket(office: Office) -> None:
    created = svc.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone")
    before = counts(office.db)
    seq = last_seq(office.db)
    logged = log_contact(
        office.db, actor=office.clerk, kind="status_inquiry", channel="phone", ticket_id=created.ticket_id
    )
    assert delta(before, counts(office.db)) == {"contact_log": 1, "outbox": 1}
    assert outbox_rows(office.db, seq) == [("insert", "contact_log", logged.contact_id, None)]
    with office.db.read() as s:
        row = s.get(ContactLog, logged.contact_id)
        assert row is not None and row.ticket_id == created.ticket_id and row.summary == ""


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "question", "channel": "phone"}, "summary"),
        ({"kind": "question", "channel": "phone", "summary": "   "}, "summary"),
        ({"kind": "question", "channel": "phone", "summary": "x" * 301}, "summary"),
        ({"kind": "status_inquiry", "channel": "phone"}, "ticket"),
        ({"kind": "complaint", "channel": "phone", "summary": "Loud"}, "kind"),
        ({"kind": "question", "channel": "fax", "summary": "Hours?"}, "channel"),
        ({"kind": "question", "channel": "phone", "summary": "Hours?", "category_id": "nope"}, "category"),
    ],
)
def test_bad_contact_names_the_field_and_writes_nothing(
    office: Office, kwargs: dict[str, Any], field: str
) -> None:
    before = counts(office.db)
    with pytest.raises(ValidationError) as info:
        log_contact(office.db, actor=office.clerk, **kwargs)
    assert info.value.field == field
    assert counts(office.db) == before


def test_status_inquiry_about_an_unknown_ticket_writes_nothing(office: Office) -> None:
    before = counts(office.db)
    with pytest.raises(NotFound):
        log_contact(office.db, actor=office.clerk, kind="status_inquiry", channel="phone", ticket_id="nope")
    assert counts(office.db) == before


def test_every_role_may_log_a_contact_but_not_a_signed_out_user(office: Office) -> None:
    for actor in (office.clerk, office.tech, office.supervisor, office.admin):
        log_contact(office.db, actor=actor, kind="question", channel="phone", summary="Where do I pay?")
    before = counts(office.db)
    ghost = Actor(user_id="not-a-user", role=Role.CLERK)
    with pytest.raises(PermissionDenied):
        log_contact(office.db, actor=ghost, kind="question", channel="phone", summary="Hi")
    assert counts(office.db) == before


# -- initialize_database --------------------------------------------------------------------------

GOOD_SETUP: dict[str, Any] = {
    "city_name": "Smallville",
    "time_zone": "America/Denver",
    "office_code": "clk",
    "office_name": "City Hall",
    "admin_username": "Boss",
    "admin_display_name": "Bo Boss",
    "admin_password": "long enough",
}


def test_initialize_sets_up_identity_settings_and_first_admin(empty_db: Database) -> None:
    assert not setup.is_initialized(empty_db)
    result = setup.initialize_database(empty_db, **GOOD_SETUP, tag="QXB")
    assert setup.is_initialized(empty_db) and not setup.is_demo(empty_db)
    assert result.number_prefix == "CLK-QXB"
    with empty_db.read() as s:
        ident = local_identity(s)
        assert ident is not None
        assert (ident.office_id, ident.device_id, ident.office_code, ident.number_prefix) == (
            result.office_id,
            result.device_id,
            "CLK",
            "CLK-QXB",
        )
        settings = load_settings(s)
        assert (settings["city_name"], settings["time_zone"]) == ("Smallville", "America/Denver")
        admin = s.get(User, result.admin_id)
        assert admin is not None and (admin.username, admin.role, admin.active) == ("boss", "admin", True)
        assert verify_password("long enough", admin.password_hash)
        system = s.get(User, SYSTEM_USER_ID)
        assert system is not None and system.role == "system"
        assert s.scalar(select(NumberCounter.last_seq).where(NumberCounter.prefix == "CLK-QXB")) == 0
    tables = [(op, table) for op, table, _row, _field in outbox_rows(empty_db)]
    assert ("insert", "office") in tables and ("insert", "device") in tables
    assert ("insert", "app_user") in tables
    assert tables.count(("update", "city_setting")) == 2


def test_initialize_without_a_tag_picks_a_random_one(empty_db: Database) -> None:
    result = setup.initialize_database(empty_db, **{**GOOD_SETUP, "admin_username": None})
    office_code, tag = result.number_prefix.split("-")
    assert office_code == "CLK" and len(tag) == 3 and tag.isalpha() and tag.isupper()
    assert "I" not in tag and "O" not in tag
    assert result.admin_id is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"time_zone": ""}, "time_zone"),
        ({"office_code": "C1"}, "office_code"),
        ({"office_code": "TOOLONG"}, "office_code"),
        ({"office_code": ""}, "office_code"),
        ({"admin_password": "short"}, "password"),
        ({"admin_password": None}, "password"),
        ({"city_name": "  "}, "city_name"),
        ({"office_name": ""}, "office_name"),
        ({"admin_username": " "}, "username"),
    ],
)
def test_bad_setup_names_the_field_and_writes_nothing(
    empty_db: Database, changes: dict[str, Any], field: str
) -> None:
    before = counts(empty_db)
    with pytest.raises(ValidationError) as info:
        setup.initialize_database(empty_db, **{**GOOD_SETUP, **changes})
    assert info.value.field == field
    assert counts(empty_db) == before
    assert not setup.is_initialized(empty_db)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"admin_username": "system"}, "username"),  # taken by the built-in system user
        ({"admin_display_name": "D" * 121}, "display_name"),
    ],
    ids=["reserved username", "display name too long"],
)
def test_setup_rejected_at_the_admin_step_writes_nothing(
    empty_db: Database, changes: dict[str, Any], field: str
) -> None:
    before = counts(empty_db)
    with pytest.raises(ValidationError) as info:
        setup.initialize_database(empty_db, **{**GOOD_SETUP, **changes})
    assert info.value.field == field
    assert counts(empty_db) == before
    assert not setup.is_initialized(empty_db)


def test_setting_up_twice_is_refused_and_changes_nothing(office: Office) -> None:
    before = counts(office.db)
    with office.db.read() as s:
        ident = local_identity(s)
    with pytest.raises(StorageError, match="already set up"):
        setup.initialize_database(office.db, **{**GOOD_SETUP, "admin_username": "second"})
    assert counts(office.db) == before
    with office.db.read() as s:
        assert local_identity(s) == ident


# -- reference data: only admins ------------------------------------------------------------------


@pytest.mark.parametrize("who", ["clerk", "tech", "supervisor"])
def test_only_admins_manage_reference_data_and_users(office: Office, who: str) -> None:
    actor: Actor = getattr(office, who)
    before = counts(office.db)
    with pytest.raises(PermissionDenied):
        setup.add_department(office.db, actor=actor, code="PK", name="Parks")
    with pytest.raises(PermissionDenied):
        setup.add_category(office.db, actor=actor, name="Graffiti", department_id=office.public_works)
    with pytest.raises(PermissionDenied):
        setup.add_user(
            office.db,
            actor=actor,
            username="newbie",
            display_name="New",
            role="clerk",
            password=TEST_PASSWORD,
        )
    with pytest.raises(PermissionDenied):
        setup.set_setting(office.db, actor=actor, key="city_name", value="Elsewhere")
    assert counts(office.db) == before


@pytest.mark.parametrize("who", ["admin", "system"])
def test_admin_and_system_add_department_category_and_user(office: Office, who: str) -> None:
    actor = office.admin if who == "admin" else SYSTEM_ACTOR
    before = counts(office.db)
    seq = last_seq(office.db)
    dep = setup.add_department(office.db, actor=actor, code="pk", name="Parks")
    cat = setup.add_category(
        office.db,
        actor=actor,
        name="Graffiti",
        department_id=dep,
        default_priority="p2",
        target_business_days=2,
        intake_questions=["Where exactly?", "Is it offensive?"],
    )
    user = setup.add_user(
        office.db,
        actor=actor,
        username="Ranger",
        display_name="Rita Ranger",
        role="technician",
        password="trees and more trees",
        department_id=dep,
        email="Rita@City.gov",
    )
    assert delta(before, counts(office.db)) == {"department": 1, "category": 1, "app_user": 1, "outbox": 3}
    assert outbox_rows(office.db, seq) == [
        ("insert", "department", dep, None),
        ("insert", "category", cat, None),
        ("insert", "app_user", user, None),
    ]
    with office.db.read() as s:
        d, c, u = s.get(Department, dep), s.get(Category, cat), s.get(User, user)
        assert d is not None and c is not None and u is not None
        assert (d.code, d.name) == ("PK", "Parks")
        assert (c.department_id, c.default_priority, c.target_business_days) == (dep, "P2", 2)
        assert c.intake_questions == ["Where exactly?", "Is it offensive?"]
        assert (u.username, u.role, u.department_id, u.email) == (
            "ranger",
            "technician",
            dep,
            "rita@city.gov",
        )
        assert verify_password("trees and more trees", u.password_hash)


def _five(n: int) -> list[str]:
    return [f"Question {i}?" for i in range(1, n + 1)]


def test_at_most_five_intake_questions(office: Office) -> None:
    setup.add_category(
        office.db, actor=office.admin, name="Five", department_id=office.it, intake_questions=_five(5)
    )
    before = counts(office.db)
    with pytest.raises(ValidationError) as info:
        setup.add_category(
            office.db, actor=office.admin, name="Six", department_id=office.it, intake_questions=_five(6)
        )
    assert info.value.field == "intake_questions" and "5" in info.value.message
    assert counts(office.db) == before


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": ""}, "name"),
        ({"department_id": "nope"}, "department"),
        ({"default_priority": "P9"}, "priority"),
        ({"target_business_days": -1}, "target_business_days"),
        ({"target_business_days": 366}, "target_business_days"),
        ({"intake_questions": ["Fine?", "  "]}, "intake_questions"),
    ],
)
def test_bad_category_names_the_field_and_writes_nothing(
    office: Office, kwargs: dict[str, Any], field: str
) -> None:
    args: dict[str, Any] = {"name": "Graffiti", "department_id": office.public_works, **kwargs}
    before = counts(office.db)
    with pytest.raises(ValidationError) as info:
        setup.add_category(office.db, actor=office.admin, **args)
    assert info.value.field == field
    assert counts(office.db) == before


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"username": "carla"}, "username"),  # the factory's clerk
        ({"username": "  CARLA "}, "username"),  # the same name in another case
        ({"username": "admin"}, "username"),
        ({"username": "system"}, "username"),
        ({"role": "mayor"}, "role"),
        ({"role": "system", "username": "robot"}, "role"),
        ({"password": "short"}, "password"),
        ({"display_name": ""}, "display_name"),
        ({"email": "nope"}, "email"),
        ({"department_id": "nope"}, "department"),
    ],
)
def test_bad_user_names_the_field_and_writes_nothing(
    office: Office, kwargs: dict[str, Any], field: str
) -> None:
    args: dict[str, Any] = {
        "username": "newbie",
        "display_name": "Nina Newbie",
        "role": "clerk",
        "password": TEST_PASSWORD,
        **kwargs,
    }
    before = counts(office.db)
    with pytest.raises(ValidationError) as info:
        setup.add_user(office.db, actor=office.admin, **args)
    assert info.value.field == field
    assert counts(office.db) == before


def test_a_disabled_admin_can_no_longer_manage(office: Office) -> None:
    with capture_check.unwatched("the server disabled the admin"), office.db.write() as s:
        admin = s.get(User, office.admin.user_id)
        assert admin is not None
        admin.active = False
    before = counts(office.db)
    with pytest.raises(PermissionDenied):
        setup.add_department(office.db, actor=office.admin, code="PK", name="Parks")
    assert counts(office.db) == before


def test_a_clerk_claiming_the_admin_role_is_refused(office: Office) -> None:
    impostor = Actor(user_id=office.clerk.user_id, role=Role.ADMIN, display_name="Carla")
    before = counts(office.db)
    with pytest.raises(PermissionDenied):
        setup.add_user(
            office.db, actor=impostor, username="x1", display_name="X", role="admin", password=TEST_PASSWORD
        )
    assert counts(office.db) == before
