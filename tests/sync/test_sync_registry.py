"""The registry of what syncs (`citydesk.sync.tables`) classifies every table and column, only real ones."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table

from citydesk.domain.permissions import Action
from citydesk.domain.timeline import EntryKind
from citydesk.store.models import Base
from citydesk.sync import tables as reg


def test_every_table_and_column_is_classified_and_every_entry_exists() -> None:
    assert reg.registry_problems(Base.metadata) == []


def _copy_with(extra_table: str | None = None, extra_column: tuple[str, str] | None = None) -> MetaData:
    metadata = MetaData()
    for table in Base.metadata.tables.values():
        columns = [Column(c.name, c.type, primary_key=c.primary_key) for c in table.columns]
        if extra_column and extra_column[0] == table.name:
            columns.append(Column(extra_column[1], String))
        Table(table.name, metadata, *columns)
    if extra_table:
        Table(extra_table, metadata, Column("id", Integer, primary_key=True))
    return metadata


def test_a_new_column_fails_until_it_is_classified() -> None:
    assert reg.registry_problems(_copy_with(extra_column=("requester", "nickname"))) == [
        "column requester.nickname is not classified (sync/tables.py)"
    ]
    assert reg.registry_problems(_copy_with(extra_column=("ticket", "color"))) == [
        "column ticket.color is not classified (sync/tables.py)"
    ]


def test_a_new_table_fails_until_it_is_classified() -> None:
    assert reg.registry_problems(_copy_with(extra_table="asset")) == [
        "table asset is not classified (sync/tables.py)"
    ]


def test_an_entry_naming_a_missing_column_or_table_fails() -> None:
    metadata = _copy_with()
    metadata.remove(metadata.tables["receipt_text"])
    Table(
        "receipt_text", metadata, Column("language", String), Column("key", String), Column("value", String)
    )
    assert reg.registry_problems(metadata) == [
        "the registry names column receipt_text.updated_at, which does not exist"
    ]
    metadata.remove(metadata.tables["local_setting"])
    assert "the registry names table local_setting, which does not exist" in reg.registry_problems(metadata)


def test_a_ticket_travels_as_its_insert_row_plus_entries() -> None:
    ticket = reg.SYNCED["ticket"]
    assert ticket.merge is reg.Merge.TICKET
    assert ticket.synced_columns == ("id", "number", "office_id", "created_at", "created_by")
    assert ticket.fields == ()
    assert ticket.column_kind("row_no") is reg.ColumnKind.LOCAL
    for cached in ("title", "status", "is_open", "due_at", "requester_name", "assignee_id"):
        assert ticket.column_kind(cached) is reg.ColumnKind.DERIVED
    entry = reg.SYNCED["timeline_entry"]
    assert entry.merge is reg.Merge.TIMELINE and entry.fields == ()  # nothing merges after the insert
    assert entry.redactable == ("body",)
    assert reg.table_kind("ticket_reporter") == "derived"
    assert reg.table_kind("outbox") == "device-local"


def test_lww_rows_and_their_row_ids() -> None:
    texts = reg.SYNCED["receipt_text"]
    assert texts.merge is reg.Merge.LWW and texts.row_id({"language": "es", "key": "intro"}) == "es:intro"
    requester = reg.SYNCED["requester"]
    assert requester.column_kind("phone_digits") is reg.ColumnKind.DERIVED
    assert requester.action_for("name") is Action.EDIT_REQUESTER
    assert requester.action_for("merged_into") is Action.MERGE_REQUESTERS
    for name in ("office", "department", "category", "app_user", "city_setting", "device"):
        assert reg.SYNCED[name].merge is reg.Merge.REFERENCE
    assert reg.SYNCED["app_user"].action_for() is Action.MANAGE_USERS


def test_the_ticket_cache_is_what_the_refresh_writes() -> None:
    from citydesk.store.statements import CACHE_COLUMNS

    assert set(reg.SYNCED["ticket"].derived) == set(CACHE_COLUMNS)


def test_the_requester_and_address_fields_are_the_ones_the_services_clock() -> None:
    from citydesk.services import addresses, requesters

    assert reg.SYNCED["requester"].fields == requesters.SYNCED_FIELDS
    assert reg.SYNCED["address"].fields == addresses.SYNCED_FIELDS


def test_every_entry_kind_has_an_action() -> None:
    assert set(reg.ENTRY_ACTIONS) == set(EntryKind)
    act = reg.entry_action
    assert act(EntryKind.STATUS, field="status", value="closed", author_id="u") is Action.CLOSE
    assert act(EntryKind.STATUS, field="status", value="waiting", author_id="u") is Action.CHANGE_STATUS
    assert act(EntryKind.ASSIGNMENT, field="assignee_id", value="u", author_id="u") is Action.TAKE_TICKET
    assert act(EntryKind.ASSIGNMENT, field="assignee_id", value="v", author_id="u") is Action.ASSIGN_OTHERS
    assert (
        act(EntryKind.ASSIGNMENT, field="department_id", value="d", author_id="u") is Action.ROUTE_DEPARTMENT
    )
    assert act(EntryKind.NOTE, field=None, value=None, author_id="u") is Action.ADD_NOTE
