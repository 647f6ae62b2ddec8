"""Enrolment with one-time codes: good, used twice, expired, wrong; the device row reaches offices."""

from __future__ import annotations

import httpx
from server_kit import Server

from citydesk.server import admin
from citydesk.sync.messages import Page


def enrol(server: Server, code: str, name: str = "Front desk") -> httpx.Response:
    """POST an enrolment."""
    return server.client.post("/v1/enrol", json={"code": code, "device_name": name})


def test_enrolment_gives_a_numbered_device_and_a_working_credential(server: Server) -> None:
    code = admin.enrol_code(server.url, office="clk", clock=server.clock)
    assert len(code) == 19 and code.count("-") == 3
    reply = enrol(server, code.lower().replace("-", " "))  # typed loosely over the phone
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["office_code"] == "CLK" and body["device_number"] == 1
    assert body["office_id"] == server.offices["CLK"]
    assert len(body["credential"]) >= 40
    second = enrol(
        server, admin.enrol_code(server.url, office="CLK", clock=server.clock), "Back office"
    ).json()
    assert second["device_number"] == 2
    elsewhere = enrol(server, admin.enrol_code(server.url, office="PD", clock=server.clock)).json()
    assert elsewhere["device_number"] == 1  # numbers are per office
    headers = {"Authorization": f"Bearer {body['credential']}"}
    hello = server.client.get("/v1/sync/hello", headers=headers)
    assert hello.status_code == 200 and hello.json()["epoch"] == body["epoch"]
    # only the hash of the credential is stored
    assert server.count("SELECT count(*) FROM device WHERE credential_hash = :c", c=body["credential"]) == 0
    # every office learns of the new device through the change log
    page = Page.from_json(server.client.get("/v1/sync/pull", headers=headers).json())
    devices = {c.row_id: c for c in page.changes if c.table == "device"}
    assert devices[body["device_id"]].data["number"] == 1
    assert devices[body["device_id"]].data["name"] == "Front desk"


def test_a_code_works_once(server: Server) -> None:
    code = admin.enrol_code(server.url, office="CLK", clock=server.clock)
    assert enrol(server, code).status_code == 200
    before = server.count("SELECT count(*) FROM device")
    again = enrol(server, code)
    assert again.status_code == 401 and again.json()["error"] == "bad_code"
    assert server.count("SELECT count(*) FROM device") == before


def test_an_expired_code_is_refused(server: Server) -> None:
    code = admin.enrol_code(server.url, office="CLK", expires_hours=2, clock=server.clock)
    server.clock.advance(hours=2, seconds=1)
    reply = enrol(server, code)
    assert reply.status_code == 401 and "expired" in reply.json()["message"]
    assert server.count("SELECT count(*) FROM device") == 0


def test_a_wrong_code_or_bad_body_is_refused(server: Server) -> None:
    admin.enrol_code(server.url, office="CLK", clock=server.clock)
    wrong = enrol(server, "AAAA-BBBB-CCCC-DDDD")
    assert wrong.status_code == 401 and wrong.json()["error"] == "bad_code"
    no_name = server.client.post("/v1/enrol", json={"code": "AAAA-BBBB-CCCC-DDDD", "device_name": ""})
    assert no_name.status_code == 422
    assert server.client.post("/v1/enrol", json=["code"]).status_code == 422
    assert (
        server.client.post(
            "/v1/enrol", content=b"{", headers={"Content-Type": "application/json"}
        ).status_code
        == 400
    )
    assert server.count("SELECT count(*) FROM device") == 0
    assert server.count("SELECT count(*) FROM enrol_code WHERE used_at IS NOT NULL") == 0
