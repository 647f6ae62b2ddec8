"""Adopting a standalone office on the server: adoption codes vouched by an admin, the adoption itself,
every refusal (nothing written, the code still usable), and the authority its pushed history carries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
import pytest
from server_kit import START, Device, Server, new_id

from citydesk.domain.clock import to_ms
from citydesk.domain.errors import ValidationError
from citydesk.domain.ids import uuid7
from citydesk.domain.roles import SYSTEM_USER_ID
from citydesk.server import admin, cli
from citydesk.server.db import open_server_database
from citydesk.server.prefixes import register_prefix
from citydesk.sync import hlc
from citydesk.sync.messages import AdoptionOffer, Page
from citydesk.sync.wire import Change, Op

USER_FIELDS = ("username", "display_name", "role", "department_id", "office_id", "email", "password_hash",
               "active")  # fmt: skip


@dataclass
class Standalone:
    """A standalone office as its database would offer it, and the wire changes of its history."""

    office_id: str
    device_id: str
    code: str = "EAST"
    tag: str = "QXB"
    usernames: tuple[str, ...] = ("erin", "olga")
    stamp: int = 0
    users: dict[str, str] = field(default_factory=dict)

    def offer(self, **overrides: Any) -> AdoptionOffer:
        """The adoption offer (through_seq 8: the history built by `history`)."""
        values: dict[str, Any] = {
            "office_id": self.office_id, "office_code": self.code, "office_name": "East annex",
            "device_id": self.device_id, "tag": self.tag, "usernames": self.usernames, "through_seq": 8,
        }  # fmt: skip
        values.update(overrides)
        return AdoptionOffer(**values)

    def next_stamp(self) -> int:
        """A fresh HLC a month before the server's clock (the office ran standalone then)."""
        self.stamp = hlc.tick(self.stamp, to_ms(START - timedelta(days=30)))
        return self.stamp

    def row(
        self, table: str, row_id: str, author: str, data: dict[str, Any], fields: tuple[str, ...]
    ) -> Change:
        """A reference row change authored by `author`."""
        stamp = self.next_stamp()
        change_id = uuid7(hlc.wall_ms(stamp))
        return Change(change_id, table, Op.ROW, row_id, stamp, self.device_id, author, data, fields)

    def user(self, username: str, role: str) -> Change:
        """A new user of the office (set up by the system user, as `initialize_database` does)."""
        user_id = uuid7(to_ms(START - timedelta(days=31)) + len(self.users))
        self.users[username] = user_id
        data = {"id": user_id, "username": username, "display_name": username.title(), "role": role,
                "department_id": None, "office_id": self.office_id, "email": None, "password_hash": None,
                "active": True}  # fmt: skip
        return self.row("app_user", user_id, SYSTEM_USER_ID, data, USER_FIELDS)

    def ticket(self, author: str, n: int) -> tuple[Change, Change]:
        """A ticket numbered EAST-QXB-00000n and its created entry, by `author`."""
        stamp = self.next_stamp()
        ticket_id = uuid7(hlc.wall_ms(stamp))
        data = {"id": ticket_id, "number": f"{self.code}-{self.tag}-{n:06d}", "office_id": self.office_id,
                "created_at": (START - timedelta(days=29)).isoformat(), "created_by": author}  # fmt: skip
        insert = Change(ticket_id, "ticket", Op.INSERT, ticket_id, stamp, self.device_id, author, data)
        entry_stamp = self.next_stamp()
        entry_id = uuid7(hlc.wall_ms(entry_stamp))
        value = {"title": "Broken bench", "description": "", "priority": "P3", "channel": "walk_in"}
        entry = {"id": entry_id, "ticket_id": ticket_id, "kind": "created", "field": None, "value": value,
                 "detail": None, "body": None, "public": False, "author_id": author,
                 "office_id": self.office_id, "device_id": self.device_id, "hlc": entry_stamp,
                 "base_entry_id": None, "at": (START - timedelta(days=29)).isoformat()}  # fmt: skip
        created = Change(entry_id, "timeline_entry", Op.ENTRY, entry_id, entry_stamp, self.device_id, author,
                         entry)  # fmt: skip
        return insert, created

    def history(self, department_id: str) -> list[Change]:
        """Eight changes, as the office's outbox holds them: its office and device rows and a city setting
        (system), a department (system), its two users, a ticket by the clerk (insert and entry)."""
        office = self.row("office", self.office_id, SYSTEM_USER_ID,
                          {"id": self.office_id, "code": self.code, "name": "East annex", "active": True},
                          ("code", "name", "active"))  # fmt: skip
        device = self.row("device", self.device_id, SYSTEM_USER_ID,
                          {"id": self.device_id, "office_id": self.office_id,
                           "created_at": (START - timedelta(days=31)).isoformat(), "name": "East annex",
                           "number": None, "tag": self.tag, "revoked": False},
                          ("name", "number", "tag", "revoked"))  # fmt: skip
        setting = self.row("city_setting", "city_name", SYSTEM_USER_ID,
                           {"key": "city_name", "value": "Eastville"}, ("value",))  # fmt: skip
        dept = self.row("department", department_id, SYSTEM_USER_ID,
                        {"id": department_id, "code": "PARKS", "name": "Parks", "active": True},
                        ("code", "name", "active"))  # fmt: skip
        erin, olga = self.user("erin", "admin"), self.user("olga", "clerk")
        return [office, device, setting, dept, erin, olga, *self.ticket(self.users["olga"], 1)]


def standalone(server: Server) -> Standalone:
    """A new standalone office (ids made a month before the server's clock)."""
    born = to_ms(START - timedelta(days=31))
    return Standalone(office_id=uuid7(born), device_id=uuid7(born + 1))


def adopt(server: Server, code: str, offer: AdoptionOffer, name: str = "East desk") -> httpx.Response:
    """POST an adoption."""
    return server.client.post("/v1/enrol", json={"code": code, "device_name": name, "adopt": offer.to_json()})


def adopted(server: Server, office: Standalone, by: str = "root") -> Device:
    """Adopt `office` with a fresh code from `by`; the device to push as."""
    code = admin.adoption_code(server.url, by=by, clock=server.clock)
    reply = adopt(server, code, office.offer())
    assert reply.status_code == 200, reply.text
    body = reply.json()
    return Device(
        body["device_id"], body["office_id"], body["device_number"], body["credential"], body["epoch"]
    )


def footprint(server: Server) -> tuple[int, ...]:
    """What an adoption writes: devices, change log, prefixes, spent codes."""
    return (
        server.count("SELECT count(*) FROM device"),
        server.log_size(),
        server.count("SELECT count(*) FROM number_prefix"),
        server.count("SELECT count(*) FROM enrol_code WHERE used_at IS NOT NULL"),
        server.count("SELECT count(*) FROM row_state"),
    )


# ---- codes ---------------------------------------------------------------------------------------


def test_only_an_active_server_admin_vouches_for_an_adoption(server: Server) -> None:
    assert len(admin.adoption_code(server.url, by="ROOT", clock=server.clock)) == 19
    assert admin.adoption_code(server.url, by="boss", clock=server.clock)
    for who, why in (("clerk", "not an admin"), ("nobody", "no user"), ("", "Give the user name")):
        with pytest.raises(ValidationError, match=why):
            admin.adoption_code(server.url, by=who, clock=server.clock)
    admin.disable_user(server.url, username="boss", clock=server.clock)
    with pytest.raises(ValidationError, match="disabled"):
        admin.adoption_code(server.url, by="boss", clock=server.clock)
    with pytest.raises(ValidationError, match="720 hours"):
        admin.adoption_code(server.url, by="root", expires_hours=0, clock=server.clock)
    assert server.count("SELECT count(*) FROM enrol_code WHERE adopt") == 2


def test_the_command_prints_an_adoption_code_and_refuses_half_given_options(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["device", "enrol-code", "--database-url", server.url]
    assert cli.main([*base, "--adopt-office", "--by", "root", "--hours", "2"]) == 0
    out, err = capsys.readouterr()
    assert len(out.strip()) == 19 and "2 hours" in err and "--adopt" in err
    assert cli.main([*base, "--adopt-office"]) == 1
    assert "--by" in capsys.readouterr().err
    assert cli.main([*base, "--adopt-office", "--office", "CLK", "--by", "root"]) == 1
    assert cli.main(base) == 1
    assert cli.main([*base, "--office", "CLK", "--by", "root"]) == 1
    assert cli.main([*base, "--adopt-office", "--by", "clerk"]) == 1
    assert "not an admin" in capsys.readouterr().err
    assert server.count("SELECT count(*) FROM enrol_code WHERE adopt AND issued_by IS NOT NULL") == 1


def test_each_kind_of_code_does_only_its_own_job(server: Server) -> None:
    office = standalone(server)
    adoption = admin.adoption_code(server.url, by="root", clock=server.clock)
    plain = server.client.post("/v1/enrol", json={"code": adoption, "device_name": "PC"})
    assert plain.status_code == 409 and plain.json()["error"] == "adoption_code"
    ordinary = admin.enrol_code(server.url, office="CLK", clock=server.clock)
    reply = adopt(server, ordinary, office.offer())
    assert reply.status_code == 409 and reply.json()["error"] == "not_adoption_code"
    assert "without --adopt" in reply.json()["message"]
    wrong = adopt(server, "AAAA-BBBB-CCCC-DDDD", office.offer())
    assert wrong.status_code == 401 and wrong.json()["error"] == "bad_code"
    assert server.count("SELECT count(*) FROM device") == 0
    # both codes are still usable for their own job
    assert server.client.post("/v1/enrol", json={"code": ordinary, "device_name": "PC"}).status_code == 200
    assert adopt(server, adoption, office.offer()).status_code == 200


# ---- the adoption --------------------------------------------------------------------------------


def test_adoption_takes_the_office_in_under_its_own_ids(server: Server) -> None:
    office = standalone(server)
    server.enrol("CLK")  # another office's PC, to pull with
    code = admin.adoption_code(server.url, by="root", clock=server.clock)
    reply = adopt(server, code, office.offer())
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert (body["device_id"], body["office_id"], body["office_code"]) == (office.device_id, office.office_id,
                                                                          "EAST")  # fmt: skip
    assert body["device_number"] == 1  # the first PC of its office
    row = server.count(
        "SELECT count(*) FROM device WHERE id = :d AND adopted_by = :u AND adopt_through_seq = 8 "
        "AND tag = 'QXB'",
        d=office.device_id, u=server.users["root"],
    )  # fmt: skip
    assert row == 1
    assert server.count("SELECT count(*) FROM number_prefix WHERE prefix = 'EAST-QXB' AND source = 'adopt' "
                        "AND device_id = :d", d=office.device_id) == 1  # fmt: skip
    again = adopt(server, code, office.offer(device_id=new_id(server), tag="QXC", office_code="WEST"))
    assert again.status_code == 401  # the code is spent
    headers = {"Authorization": f"Bearer {body['credential']}"}
    assert server.client.get("/v1/sync/hello", headers=headers).status_code == 200
    # every office learns of the office and its PC through the change log
    other = server.devices[0]
    page = Page.from_json(server.pull(other).json())
    rows = {(c.table, c.row_id): c for c in page.changes}
    assert rows[("office", office.office_id)].data == {"id": office.office_id, "code": "EAST",
                                                       "name": "East annex", "active": True}  # fmt: skip
    assert rows[("device", office.device_id)].data["number"] == 1
    assert rows[("device", office.device_id)].data["tag"] == "QXB"
    # the device list names it by the prefix its tickets carry, and so does revoke
    listed = {d.prefix: d for d in admin.list_devices(server.url)}
    assert listed["EAST-QXB"].id == office.device_id and listed["CLK-1"].number == 1
    assert admin.revoke_device(server.url, device="east-qxb", clock=server.clock) == office.device_id


def _collide(server: Server, office: Standalone, kind: str) -> AdoptionOffer:
    """An offer that collides with the server in one way."""
    if kind == "office_code_taken":
        return office.offer(office_code="CLK")
    if kind == "office_exists":
        return office.offer(office_id=server.offices["PD"])
    if kind == "device_exists":
        return office.offer(device_id=server.enrol("CLK").id)
    if kind == "username_taken":
        return office.offer(usernames=("erin", "Clerk", "tech"))
    db = open_server_database(server.url, clock=server.clock, migrate=False)
    try:
        with db.write() as session:
            register_prefix(session, office_code="EAST", tag="QXB", office_id=new_id(server),
                            device_id="someone-else", source="reidentify",
                            now=server.clock.now())  # fmt: skip
    finally:
        db.close()
    return office.offer()


@pytest.mark.parametrize(
    "kind", ["office_code_taken", "office_exists", "device_exists", "username_taken", "prefix_taken"]
)
def test_a_colliding_adoption_is_refused_before_anything_is_written(server: Server, kind: str) -> None:
    office = standalone(server)
    offer = _collide(server, office, kind)
    code = admin.adoption_code(server.url, by="root", clock=server.clock)
    before = footprint(server)
    reply = adopt(server, code, offer)
    assert reply.status_code == 409, reply.text
    assert reply.json()["error"] == kind
    assert footprint(server) == before
    if kind == "username_taken":
        message = reply.json()["message"]
        assert "'clerk', 'tech'" in message and "erin" not in message
        assert "citydesk user rename clerk clerk2 --database FILE" in message
        assert reply.json()["usernames"] == ["clerk", "tech"]
    # the code is still good for an office without the collision
    clean = office.offer(tag="QXC") if kind == "prefix_taken" else office.offer()
    assert adopt(server, code, clean).status_code == 200


def test_a_second_office_with_the_same_code_is_refused_once_the_first_is_adopted(server: Server) -> None:
    adopted(server, standalone(server))
    second = Standalone(office_id=new_id(server), device_id=new_id(server), tag="ZZZ", usernames=())
    reply = adopt(server, admin.adoption_code(server.url, by="root", clock=server.clock), second.offer())
    assert reply.status_code == 409 and reply.json()["error"] == "office_code_taken"
    assert "already has an office EAST" in reply.json()["message"]


def test_malformed_offers_and_a_disabled_issuer_are_refused_and_the_code_kept(server: Server) -> None:
    office = standalone(server)
    code = admin.adoption_code(server.url, by="boss", clock=server.clock)
    before = footprint(server)
    for offer in (office.offer(tag="qx!"), office.offer(office_code="E1"), office.offer(through_seq=-1)):
        reply = adopt(server, code, offer)
        assert reply.status_code == 422, reply.text
    raw = server.client.post("/v1/enrol", json={"code": code, "device_name": "PC", "adopt": {"office": 3}})
    assert raw.status_code == 422
    admin.disable_user(server.url, username="boss", clock=server.clock)
    before = footprint(server)
    reply = adopt(server, code, office.offer())
    assert reply.status_code == 403 and reply.json()["error"] == "issuer_inactive"
    assert footprint(server) == before


# ---- authority -----------------------------------------------------------------------------------


def test_the_adopted_history_carries_the_issuing_admins_authority(server: Server) -> None:
    office = standalone(server)
    device = adopted(server, office)
    department_id = uuid7(to_ms(START - timedelta(days=31)) + 7)
    history = office.history(department_id)
    reply = server.push(device, history)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    refused = {r["change_id"]: r for r in body["rejected"]}
    setting, device_row = history[2], history[1]
    assert set(refused) == {setting.change_id, device_row.change_id}
    assert all(r["code"] == "adoption_reserved" for r in refused.values())
    assert "City settings belong to the city" in refused[setting.change_id]["reason"]
    # the refusal carries the server's values, which the office then takes
    assert refused[setting.change_id]["current"]["data"]["value"] == "Testville"
    assert refused[device_row.change_id]["current"]["data"]["number"] == 1
    assert len(body["accepted"]) == 6
    # recorded with their own authors (the system user's setup rows included)
    assert server.count("SELECT count(*) FROM change_log WHERE pushed_by = :d AND author_id = :s",
                        d=device.id, s=SYSTEM_USER_ID) == 4  # fmt: skip
    assert server.count("SELECT count(*) FROM change_log WHERE author_id = :o",
                        o=office.users["olga"]) == 2  # fmt: skip
    # the office's users arrived with their roles: later changes are judged as their authors
    olga, erin = office.users["olga"], office.users["erin"]
    later_dept = office.row("department", department_id, olga, {"id": department_id, "name": "Parks & Rec"},
                            ("name",))  # fmt: skip
    by_admin = office.row("department", department_id, erin, {"id": department_id, "name": "Parks and Rec"},
                          ("name",))  # fmt: skip
    by_system = office.row("department", department_id, SYSTEM_USER_ID, {"id": department_id, "name": "X"},
                           ("name",))  # fmt: skip
    insert, created = office.ticket(olga, 2)
    reply = server.push(device, [later_dept, by_admin, by_system, insert, created])
    assert reply.status_code == 200, reply.text
    verdicts = {r["change_id"]: r["code"] for r in reply.json()["rejected"]}
    assert verdicts == {later_dept.change_id: "not_permitted", by_system.change_id: "system_author"}
    assert set(reply.json()["accepted"]) == {by_admin.change_id, insert.change_id, created.change_id}


def test_an_ordinary_pc_gets_no_vouched_authority(server: Server) -> None:
    pc = server.enrol("CLK")
    office = standalone(server)
    office.device_id = pc.id
    department_id = new_id(server)
    history = office.history(department_id)
    reply = server.push(pc, history)
    assert reply.status_code == 200, reply.text
    codes = {r["code"] for r in reply.json()["rejected"]}
    assert "system_author" in codes and reply.json()["accepted"] == []


def test_guessed_adoption_codes_are_rate_limited_but_collisions_are_not(server: Server) -> None:
    office = standalone(server)
    code = admin.adoption_code(server.url, by="root", clock=server.clock)
    for _ in range(12):  # a colliding adoption is no guess: it never counts against the address
        assert adopt(server, code, office.offer(office_code="CLK")).status_code == 409
    for i in range(10):
        assert adopt(server, f"AAAA-BBBB-CCCC-{i:04d}", office.offer()).status_code == 401
    limited = adopt(server, code, office.offer())
    assert limited.status_code == 429 and limited.headers.get("Retry-After")
    server.clock.advance(minutes=11)
    assert adopt(server, code, office.offer()).status_code == 200


def test_a_lost_reply_is_answered_again_until_the_office_pushes(server: Server) -> None:
    office = standalone(server)
    code = admin.adoption_code(server.url, by="root", clock=server.clock)
    first = adopt(server, code, office.offer())
    assert first.status_code == 200
    log, devices = server.log_size(), server.count("SELECT count(*) FROM device")
    other = Standalone(office_id=office.office_id, device_id=new_id(server))
    assert adopt(server, code, other.offer()).status_code == 401  # another PC: the code is spent
    again = adopt(server, code, office.offer())  # the same PC, whose reply never arrived
    assert again.status_code == 200, again.text
    assert (server.log_size(), server.count("SELECT count(*) FROM device")) == (log, devices)
    body = again.json()
    assert body["device_id"] == office.device_id and body["credential"] != first.json()["credential"]
    old = {"Authorization": f"Bearer {first.json()['credential']}"}
    assert server.client.get("/v1/sync/hello", headers=old).status_code == 401
    device = Device(body["device_id"], body["office_id"], body["device_number"], body["credential"],
                    body["epoch"])  # fmt: skip
    assert server.push(device, office.history(new_id(server))[:1]).status_code == 200
    assert adopt(server, code, office.offer()).status_code == 401  # once it has pushed, never again
