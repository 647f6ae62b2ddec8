"""`citydesk ticket add|note|status` and `citydesk tickets`: headless ticket work through the services."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from citydesk.cli import main
from citydesk.store.models import Outbox, Requester, Ticket, TimelineEntry
from factories import Office


@pytest.fixture(autouse=True)
def _no_real_data_dir(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITYDESK_DATA_DIR", str(tmp_path / "data-dir"))
    monkeypatch.setenv("CITYDESK_DATABASE", str(tmp_path / "data-dir" / "default.sqlite"))


def run(office: Office, *argv: str) -> int:
    return main([*argv, "--database", str(office.db.path)], clock=office.clock)


def outbox_count(office: Office) -> int:
    with office.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Outbox)) or 0)


def add(office: Office, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    code = run(office, "ticket", "add", "--title", "Pothole on Main", "--category", "pothole",
               "--user", "carla", *extra)  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    return out.strip()


def test_ticket_add_prints_the_number_and_writes_through_the_service(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    before = outbox_count(office)
    number = add(office, capsys, "--requester-name", "Ann Lee", "--requester-phone", "555-010-9999",
                 "--priority", "P2", "--channel", "walk_in")  # fmt: skip
    assert number == "CLK-TST-000001"
    with office.db.read() as s:
        ticket = s.execute(select(Ticket).where(Ticket.number == number)).scalar_one()
        assert (ticket.title, ticket.priority, ticket.channel) == ("Pothole on Main", "P2", "walk_in")
        assert ticket.category_id == office.pothole
        assert ticket.created_by == office.clerk.user_id
        assert ticket.requester_name == "Ann Lee"
        assert s.scalar(select(func.count()).select_from(Requester).where(Requester.name == "Ann Lee")) == 1
    assert outbox_count(office) > before  # captured for sync


def test_note_and_status_change_the_ticket(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    number = add(office, capsys)
    assert (
        run(office, "ticket", "note", number.lower(), "--text", "Crew sent", "--public", "--user", "tomas")
        == 0
    )
    assert run(office, "ticket", "status", number, "in_progress", "--user", "tomas") == 0
    assert run(office, "ticket", "status", number, "resolved", "--reason", "done", "--note", "Fixed",
               "--user", "tomas") == 0  # fmt: skip
    with office.db.read() as s:
        ticket = s.execute(select(Ticket).where(Ticket.number == number)).scalar_one()
        assert ticket.status == "resolved"
        note = s.execute(select(TimelineEntry).where(TimelineEntry.kind == "note")).scalar_one()
        assert (note.body, note.public, note.author_id) == ("Crew sent", True, office.tech.user_id)


def test_tickets_json_lists_open_ones(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    first = add(office, capsys)
    office.clock.advance(minutes=1)
    second = add(office, capsys)
    assert run(office, "ticket", "status", first, "resolved", "--reason", "void", "--note", "Dup",
               "--user", "sam") == 0  # fmt: skip
    capsys.readouterr()
    assert run(office, "tickets", "--json") == 0
    everything = json.loads(capsys.readouterr().out)
    assert [t["number"] for t in everything] == [second, first]
    assert everything[0]["category"] == "Pothole" and everything[0]["is_open"] is True
    assert run(office, "tickets", "--open", "--json") == 0
    assert [t["number"] for t in json.loads(capsys.readouterr().out)] == [second]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ["ticket", "add", "--title", "x", "--category", "Snow", "--user", "carla"],
            "no active category 'Snow'",
        ),
        (["ticket", "add", "--title", "x", "--category", "Pothole", "--user", "nobody"], "no user 'nobody'"),
        (["ticket", "add", "--title", "x", "--category", "Pothole", "--user", "system"], "system user"),
        (["ticket", "add", "--title", "", "--category", "Pothole", "--user", "carla"], "title"),
        (
            ["ticket", "add", "--title", "x", "--category", "Pothole", "--priority", "P9", "--user", "carla"],
            "P9",
        ),
        (["ticket", "note", "CLK-TST-000999", "--text", "hi", "--user", "carla"], "No ticket"),
        (["ticket", "note", "banana", "--text", "hi", "--user", "carla"], "not a ticket number"),
        (["ticket", "status", "CLK-TST-000001", "resolved", "--user", "tomas"], "needs --reason"),
        (["ticket", "status", "CLK-TST-000001", "flying", "--user", "tomas"], "flying"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(
    office: Office, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    add(office, capsys)
    before = outbox_count(office)
    assert run(office, *argv) == 1
    err = capsys.readouterr().err
    assert words in err, err
    assert outbox_count(office) == before


def test_a_clerk_may_not_close(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    number = add(office, capsys)
    assert run(office, "ticket", "status", number, "closed", "--user", "carla") == 1
    assert "may not" in capsys.readouterr().err
