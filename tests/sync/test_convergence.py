"""Stateful convergence test: 2–5 offices edit offline and sync through the real server app, with faults.

Each example copies a pre-built city (server file and enrolled office files), then hypothesis
interleaves local edits through the real services with sync cycles that lose requests or replies,
duplicate them, or are cut mid-push, mid-pull or mid-snapshot; the server restarts or is restored from
an older backup (one office then never returns); clocks jump; a user is disabled while offices are
offline; requesters are merged both ways; the same address list is imported on two offices.

After every step: each change an office recorded is on the server, in its outbox, or in its
`rejected_change`; pull cursors never go back. At the end of each example every live office syncs
until nothing moves, then: all replicas hold equal synced tables (a fresh enrolment, which is the
server's snapshot, included); caches, reporter rows and search rows equal a fresh fold and rebuild;
an edit beats every entry its author had seen; every entry exists once; numbers never changed;
conflicts equal those of an independent model of what each office had seen; rejected changes are
visible where they were made; outboxes and parked changes are empty.

CI runs 100 derandomized examples (the same ones everywhere); `CITYDESK_CONVERGENCE_EXAMPLES=N` runs N
new random ones (`make test-long`: 2,000).
"""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from city import City, OfficePC, build_template, copy_city, query
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import event
from sqlalchemy.orm import Session

from citydesk.domain.clock import to_ms
from citydesk.domain.errors import CitydeskError
from citydesk.domain.roles import SYSTEM_USER_ID as SYSTEM
from citydesk.server import admin
from citydesk.services import ticket_work
from citydesk.services.addresses import import_addresses
from citydesk.services.requesters import create_requester, merge_requesters, update_requester
from citydesk.services.tickets import create_ticket
from citydesk.sync import lease
from citydesk.sync.apply import apply_page
from citydesk.sync.compare import derived_problems, state_differences, synced_state
from citydesk.sync.conflicts import open_conflicts
from citydesk.sync.hlc import pack as pack_hlc
from fault_injection import Fault
from keyring_memory import memory_keyring

# CI runs a fixed set of examples (derandomized: the same on every machine, so a stop never fails on
# luck); `make test-long` and any explicit count explore new random ones.
EXPLORE = "CITYDESK_CONVERGENCE_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("CITYDESK_CONVERGENCE_EXAMPLES", "100"))
FAULTS = st.sampled_from([None, None, *Fault])
ENDPOINTS = st.sampled_from([None, "push", "pull", "snapshot", "hello"])
ADDRESSES = "external_id,address,ward\nA1,100 Main St,Ward 1\nA2,200 Oak Ave,Ward 2\nA3,12 Elm St,Ward 1\n"


class PCCrash(BaseException):
    """The office PC's process died (raised inside a commit; nothing of that transaction is kept)."""


NOTES_WITH_TEXT = "SELECT id FROM timeline_entry WHERE kind = 'note' AND body IS NOT NULL ORDER BY id"
UNMERGED = "SELECT id FROM requester WHERE merged_into IS NULL"
NEWER_DEVICE = "00000000-0000-7000-8000-0000000000ff"  # a device of the newer version
STATS: Counter[str] = Counter()  # what the examples covered (printed by the test)
CONFLICT_FIELDS = ("assignee_id", "priority", "status", "title", "description")


class CityMachine(RuleBasedStateMachine):
    """Offices, a server, faults; the invariants of the module docstring."""

    template: City
    workdir: Path
    city: City  # set by the first step (`shared_tickets`)
    counter = 0

    def __init__(self) -> None:
        super().__init__()
        self.numbers: dict[str, tuple[str, OfficePC]] = {}  # ticket id -> number when created, where
        self.edits: list[tuple[str, str, str, set[str]]] = []  # office, entry id, field, entries seen
        self.model_bases: dict[str, tuple[str, str, str | None, Any]] = {}  # ticket, field, base, value
        self.cursors: dict[str, tuple[str, int]] = {}
        self.disabled: set[str] = set()
        self.restored = False
        self.newer: set[str] = set()  # changes of a newer schema written on the server

    # ---- helpers ---------------------------------------------------------------------------------

    def _office(self, index: int) -> OfficePC:
        live = self.city.live()
        return live[index % len(live)]

    def _tickets(self, office: OfficePC) -> list[str]:
        return [r[0] for r in query(office.db.path, "SELECT id FROM ticket ORDER BY id")]

    def _record(self, office: OfficePC, before: int) -> None:
        """Remember the change ids this step wrote to the office's outbox."""
        rows = query(office.db.path, "SELECT change_id FROM outbox WHERE seq > ?", (before,))
        office.change_ids.update(r[0] for r in rows)

    def _seq(self, office: OfficePC) -> int:
        return int(query(office.db.path, "SELECT device_seq FROM sync_state")[0][0])

    def _do(self, office: OfficePC, action: Any) -> Any:
        before = self._seq(office)
        try:
            return action()
        except CitydeskError:
            return None  # a refused edit (a disabled user, a closed ticket) writes nothing
        finally:
            self._record(office, before)

    def _field_entries(self, office: OfficePC, ticket_id: str, field: str) -> list[tuple[str, int, str, Any]]:
        """(id, hlc, device, value) of every entry of the office that sets `field` on the ticket."""
        rows = query(
            office.db.path,
            "SELECT id, hlc, device_id, kind, field, value FROM timeline_entry WHERE ticket_id = ?",
            (ticket_id,),
        )
        out = []
        for entry_id, hlc, device, kind, entry_field, value in rows:
            parsed = json.loads(value) if value is not None else None
            if kind == "created" and isinstance(parsed, dict) and field in parsed:
                out.append((entry_id, hlc, device, parsed[field]))
            elif entry_field == field:
                out.append((entry_id, hlc, device, parsed))
        return out

    def _edit(self, office: OfficePC, ticket_id: str, field: str, action: Any) -> None:
        """Make a field edit and note, independently of the code, what its author had seen."""
        seen = self._field_entries(office, ticket_id, field)
        base = max(seen, key=lambda e: (e[1], e[2]))[0] if seen else None
        result = self._do(office, action)
        if result is not None and field in CONFLICT_FIELDS:
            value = next((v for i, _h, _d, v in self._field_entries(office, ticket_id, field)
                          if i == result.entry_id), None)  # fmt: skip
            self.model_bases[result.entry_id] = (ticket_id, field, base, value)
            self.edits.append((office.code, result.entry_id, field, {e[0] for e in seen}))

    # ---- local edits -----------------------------------------------------------------------------

    @initialize(offices=st.integers(2, 5), per_office=st.integers(1, 3))
    def shared_tickets(self, offices: int, per_office: int) -> None:
        """A copy of the city with `offices` offices; each logs a few requests, and all sync twice round:
        a shared start for concurrent edits."""
        CityMachine.counter += 1
        self.city = copy_city(self.template, self.workdir / f"example-{CityMachine.counter}", offices=offices)
        for office in self.city.live():
            for n in range(per_office):
                self.create_ticket(self.city.offices.index(office), f"Request {n} at {office.code}")
        for _round in range(2):
            for office in self.city.live():
                self.city.sync(office)

    @rule(o=st.integers(0, 4), title=st.sampled_from(["Pothole on Main", "Light out", "Locked out"]))
    def new_ticket(self, o: int, title: str) -> None:
        self.create_ticket(o, title)

    def create_ticket(self, o: int, title: str) -> None:
        office = self._office(o)
        result = self._do(office, lambda: create_ticket(office.db, actor=office.clerk, title=title,
                                                        channel="phone"))  # fmt: skip
        if result is not None:
            self.numbers[result.ticket_id] = (result.number, office)

    @rule(o=st.integers(0, 4), t=st.integers(0, 50), public=st.booleans())
    def add_note(self, o: int, t: int, public: bool) -> None:
        office = self._office(o)
        tickets = self._tickets(office)
        if tickets:
            ticket = tickets[t % len(tickets)]
            self._do(office, lambda: ticket_work.add_note(office.db, actor=office.tech, ticket_id=ticket,
                                                          body=f"note {t}", public=public))  # fmt: skip

    @rule(
        o=st.integers(0, 4),
        t=st.integers(0, 50),
        status=st.sampled_from(["in_progress", "waiting_vendor", "resolved"]),
    )
    def change_status(self, o: int, t: int, status: str) -> None:
        office = self._office(o)
        tickets = self._tickets(office)
        if tickets:
            ticket = tickets[t % len(tickets)]
            self._edit(office, ticket, "status", lambda: ticket_work.change_status(
                office.db, actor=office.tech, ticket_id=ticket, status=status))  # fmt: skip

    @rule(o=st.integers(0, 4), t=st.integers(0, 50), priority=st.sampled_from(["P1", "P2", "P3"]),
          supervisor=st.booleans())  # fmt: skip
    def change_priority(self, o: int, t: int, priority: str, supervisor: bool) -> None:
        office = self._office(o)
        actor = self.city.users["sam"] if supervisor else office.tech
        tickets = self._tickets(office)
        if tickets:
            ticket = tickets[t % len(tickets)]
            self._edit(office, ticket, "priority", lambda: ticket_work.change_priority(
                office.db, actor=actor, ticket_id=ticket, priority=priority))  # fmt: skip

    @rule(o=st.integers(0, 4), t=st.integers(0, 50))
    def take(self, o: int, t: int) -> None:
        office = self._office(o)
        tickets = self._tickets(office)
        if tickets:
            ticket = tickets[t % len(tickets)]
            self._edit(office, ticket, "assignee_id",
                       lambda: ticket_work.take(office.db, actor=office.tech, ticket_id=ticket))  # fmt: skip

    @rule(o=st.integers(0, 4), t=st.integers(0, 50))
    def redact_a_note(self, o: int, t: int) -> None:
        office = self._office(o)
        notes = query(office.db.path, NOTES_WITH_TEXT)
        if notes:
            entry = notes[t % len(notes)][0]
            sam = self.city.users["sam"]
            self._do(office, lambda: ticket_work.redact_note(office.db, actor=sam, entry_id=entry,
                                                             reason="personal data"))  # fmt: skip

    @rule(o=st.integers(0, 4), name=st.sampled_from(["Ann Lee", "Bo Diaz"]))
    def new_requester(self, o: int, name: str) -> None:
        office = self._office(o)
        self._do(office, lambda: create_requester(office.db, actor=office.clerk, name=name, phone="555-0100"))

    @rule(o=st.integers(0, 4), r=st.integers(0, 20), phone=st.sampled_from(["555-0101", "555-0199"]))
    def edit_requester(self, o: int, r: int, phone: str) -> None:
        office = self._office(o)
        ids = [x[0] for x in query(office.db.path, "SELECT id FROM requester ORDER BY id")]
        if ids:
            rid = ids[r % len(ids)]
            self._do(office, lambda: update_requester(office.db, actor=office.clerk, requester_id=rid,
                                                      phone=phone))  # fmt: skip

    @rule(a=st.integers(0, 4), b=st.integers(0, 4), r=st.integers(0, 20))
    def opposite_merges(self, a: int, b: int, r: int) -> None:
        first, second = self._office(a), self._office(b)
        common = sorted(
            {x[0] for x in query(first.db.path, UNMERGED)} & {x[0] for x in query(second.db.path, UNMERGED)}
        )
        if len(common) >= 2 and first is not second:
            x, y = common[r % len(common)], common[(r + 1) % len(common)]
            sam = self.city.users["sam"]
            self._do(first, lambda: merge_requesters(first.db, actor=sam, source_id=x, target_id=y))
            self._do(second, lambda: merge_requesters(second.db, actor=sam, source_id=y, target_id=x))

    @rule(o=st.integers(0, 4))
    def import_the_address_list(self, o: int) -> None:
        office = self._office(o)
        ada = self.city.users["ada"]
        self._do(office, lambda: import_addresses(office.db, actor=ada, data=ADDRESSES))

    # ---- sync, faults, time ----------------------------------------------------------------------

    @rule(o=st.integers(0, 4), fault=FAULTS, endpoint=ENDPOINTS, skip=st.integers(0, 3))
    def sync(self, o: int, fault: Fault | None, endpoint: str | None, skip: int) -> None:
        office = self._office(o)
        if fault is not None:
            self.city.injector.plan(fault, endpoint, skip=skip)
        self.city.sync(office, page_size=4)  # small pages: faults land mid-push, mid-pull, mid-snapshot
        self._check_cursor(office)

    @rule()
    def restart_server(self) -> None:
        self.city.start_server()

    @precondition(lambda self: self.city.backup is None)
    @rule()
    def backup_server(self) -> None:
        self.city.take_backup()

    @precondition(lambda self: self.city.backup is not None and not self.restored)
    @rule(o=st.integers(0, 4))
    def restore_server_and_lose_an_office(self, o: int) -> None:
        self.restored = True
        self.city.restore_backup()
        self.cursors.clear()
        if len(self.city.live()) > 2:
            self._office(o).retired = True  # it never comes back

    @rule(seconds=st.integers(1, 3600))
    def time_passes(self, seconds: int) -> None:
        self.city.tick(seconds)

    @rule(o=st.integers(0, 4), minutes=st.sampled_from([-90, -10, 10, 90]))
    def pc_clock_jumps(self, o: int, minutes: int) -> None:
        self._office(o).clock.advance(minutes=minutes)

    @precondition(lambda self: not self.disabled)
    @rule(o=st.integers(0, 4), supervisor=st.booleans())
    def disable_a_user_while_offices_are_offline(self, o: int, supervisor: bool) -> None:
        """A technician, or the supervisor whose redactions then come back rejected."""
        username = "sam" if supervisor else f"tech{self._office(o).code.lower()}"
        admin.disable_user(self.city.server_url, username=username, clock=self.city.server_clock)
        self.disabled.add(username)

    @rule(o=st.integers(0, 4), nth=st.integers(1, 4))
    def pc_crashes_while_applying(self, o: int, nth: int) -> None:
        """The PC dies inside its n-th write transaction of a sync (after applying, before the commit
        that would save the cursor with the rows): everything of that transaction is gone."""
        office = self._office(o)
        commits = 0

        def crash(session: Session) -> None:
            nonlocal commits
            if session.get_bind().url.database == str(office.db.path):
                commits += 1
                if commits == nth:
                    raise PCCrash

        event.listen(Session, "before_commit", crash)
        try:
            self.city.sync(office)
        except PCCrash:
            pass
        finally:
            event.remove(Session, "before_commit", crash)
        office.db.close()  # the process is gone; it starts again on the same file
        office.clock.advance(minutes=3)  # after the dead process's lease expired
        self._check_cursor(office)

    @rule(o=st.integers(0, 4))
    def a_syncer_wakes_after_its_lease_expired(self, o: int) -> None:
        """A sync that slept past its lease finds another sync took over: its writes are refused."""
        office = self._office(o)
        token = lease.acquire(office.db, holder="sleeper")
        assert token is not None
        office.clock.advance(minutes=3)
        self.city.sync(office)
        before = query(office.db.path, "SELECT pull_cursor, hlc FROM sync_state")
        with pytest.raises(lease.LeaseLost):
            apply_page(office.db, changes=[], lease_token=token, cursor="stale:0")
        assert query(office.db.path, "SELECT pull_cursor, hlc FROM sync_state") == before

    @rule()
    def a_newer_version_writes_a_change(self) -> None:
        """A change of a table this version does not know reaches the server (written by a newer
        server version); offices park it and keep syncing."""
        change_id = str(uuid.uuid4())
        conn = sqlite3.connect(self.city.server_path)
        try:
            conn.execute(
                "INSERT INTO change_log (change_id, table_name, row_id, op, hlc, device_id, author_id, data,"
                " fields, clocks, pushed_by, received_at) VALUES (?, 'asset', ?, 'row', ?, ?, ?, ?, ?, NULL,"
                " NULL, ?)",
                (change_id, change_id, pack_hlc(to_ms(self.city.server_clock.now())), NEWER_DEVICE, SYSTEM,
                 json.dumps({"name": "Plow 7"}), json.dumps(["name"]), "2026-11-16 15:00:00.000000"),
            )  # fmt: skip
            conn.commit()
        finally:
            conn.close()
        self.newer.add(change_id)

    # ---- invariants ------------------------------------------------------------------------------

    def _check_cursor(self, office: OfficePC) -> None:
        rows = query(office.db.path, "SELECT pull_cursor FROM sync_state")
        cursor = rows[0][0]
        if cursor:
            epoch, _, seq = cursor.rpartition(":")
            last = self.cursors.get(office.code)
            if last is not None and last[0] == epoch:
                assert int(seq) >= last[1], f"{office.code}'s cursor went back"
            self.cursors[office.code] = (epoch, int(seq))

    @invariant()
    def every_change_is_somewhere(self) -> None:
        server = {r[0] for r in query(self.city.server_path, "SELECT change_id FROM change_log")}
        epoch = query(self.city.server_path, "SELECT epoch FROM server_meta")[0][0]
        for office in self.city.live():
            outbox = {r[0] for r in query(office.db.path, "SELECT change_id FROM outbox")}
            office_epoch, pushed = query(office.db.path, "SELECT server_epoch, pushed_seq FROM sync_state")[0]
            # After a server restore, what the server lost waits in the sent journal: all of it until
            # the PC hears of the new epoch, then the rows above what the new epoch acknowledged.
            after = -1 if office_epoch != epoch else pushed
            journal = "SELECT change_id FROM sent_journal WHERE seq > ?"
            outbox |= {r[0] for r in query(office.db.path, journal, (after,))}
            rejected = {r[0] for r in query(office.db.path, "SELECT change_id FROM rejected_change")}
            lost = office.change_ids - server - outbox - rejected
            assert not lost, f"{office.code} lost changes {sorted(lost)[:3]}"

    def teardown(self) -> None:
        if not hasattr(self, "city"):
            return
        try:
            self._converge_and_check()
        finally:
            self.city.close()
            # The suite turns automatic collection off (tests/conftest.py) and collects after each
            # test; this one test runs hundreds of examples, so each example's cycles go here.
            gc.collect()

    # ---- the end ---------------------------------------------------------------------------------

    def _converge_and_check(self) -> None:
        city = self.city
        for _round in range(3):
            for office in city.live():
                result = city.sync(office)
                assert not isinstance(result, Exception), f"{office.code}: {result!r}"
        live = city.live()
        states = {o.code: synced_state(o.db) for o in live}
        first = live[0].code
        for code, state in states.items():
            diff = state_differences(states[first], state)
            assert not diff, (first, code, diff)
        for office in live:
            problems = derived_problems(office.db)
            assert not problems, (office.code, problems[:3])
            assert not query(office.db.path, "SELECT change_id FROM outbox"), (
                f"{office.code}: outbox not empty"
            )
            parked = {r[0] for r in query(office.db.path, "SELECT change_id FROM deferred_change")}
            assert parked <= self.newer, f"{office.code}: parked {sorted(parked - self.newer)[:3]}"
        path = live[0].db.path
        entries = query(path, "SELECT id, hlc, device_id FROM timeline_entry")
        STATS["examples"] += 1
        STATS["entries"] += len(entries)
        STATS["with rejections"] += bool(query(city.server_path, "SELECT 1 FROM rejection"))
        STATS["with conflicts"] += bool(open_conflicts(live[0].db))
        STATS["with a retired office"] += len(city.live()) < len(city.offices)
        STATS["tickets"] += len(query(path, "SELECT 1 FROM ticket"))
        order = {e[0]: (e[1], e[2]) for e in entries}
        for _code, entry_id, _field, seen in self.edits:
            if entry_id in order:
                for other in seen & set(order):
                    assert order[entry_id] > order[other], (
                        f"edit {entry_id} lost to {other}, which its author saw"
                    )
        for ticket_id, (number, made_on) in self.numbers.items():
            rows = query(path, "SELECT number FROM ticket WHERE id = ?", (ticket_id,))
            if rows:
                assert rows == [(number,)], f"the number of {number} changed to {rows}"
            elif not made_on.retired:  # a refused ticket is kept where it was made
                refused = "SELECT 1 FROM rejected_change WHERE row_id = ?"
                assert query(made_on.db.path, refused, (ticket_id,)), f"ticket {number} vanished"
        self._check_conflicts(live)
        refusals = "SELECT change_id, code FROM rejection"
        server_rejections = {r[0]: r[1] for r in query(city.server_path, refusals)}
        for office in live:
            mine = office.change_ids & set(server_rejections)
            local = {r[0] for r in query(office.db.path, "SELECT change_id FROM rejected_change")}
            assert mine <= local, f"{office.code}: rejected changes not shown {sorted(mine - local)[:3]}"

    def _check_conflicts(self, live: list[OfficePC]) -> None:
        path = live[0].db.path
        present = {r[0] for r in query(path, "SELECT id FROM timeline_entry")}
        groups: dict[tuple[str, str, str | None], set[str]] = {}
        values: dict[tuple[str, str, str | None], set[str]] = {}
        for entry_id, (ticket, field, base, value) in self.model_bases.items():
            if entry_id in present:
                key = (ticket, field, base)
                groups.setdefault(key, set()).add(entry_id)
                values.setdefault(key, set()).add(json.dumps(value, sort_keys=True))
        expected = {k: ids for k, ids in groups.items() if len(values[k]) > 1}
        for office in live:
            found = {(c.ticket_id, c.field, c.base_entry_id): {s.entry_id for s in c.entries}
                     for c in open_conflicts(office.db)}  # fmt: skip
            assert found == expected, (office.code, found, expected)


@pytest.fixture(scope="module")
def city_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    """The pre-built city every example copies (five enrolled offices)."""
    with memory_keyring() as keys:
        template = build_template(tmp_path_factory.mktemp("city-template"), keys)
        try:
            yield template
        finally:
            template.close()


def run_machine(
    machine: type[CityMachine], template: City, workdir: Path, *, examples: int, derandomize: bool
) -> int:
    """Run the state machine on copies of `template`; returns how many examples reached their end."""
    machine.template = template
    machine.workdir = workdir
    runner = machine.TestCase
    runner.settings = settings(
        max_examples=examples,
        derandomize=derandomize,
        stateful_step_count=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    before = STATS["examples"]
    runner().runTest()
    print(dict(STATS))
    return STATS["examples"] - before


@pytest.mark.slow
def test_offices_converge(city_template: City, tmp_path: Path) -> None:
    run_machine(CityMachine, city_template, tmp_path, examples=EXAMPLES, derandomize=not EXPLORE)


def test_a_user_disabled_just_after_a_restore_leaves_earlier_work_accepted(
    city_template: City, tmp_path: Path
) -> None:
    """Found by the machine: the restored server forgot the stamps of what it had accepted, so a user
    disabled at once (same millisecond) was judged before work an office had already pulled; the
    re-pushed work was refused on its own PC and kept on the other. The new epoch moves the server's
    clock past anything it can have accepted."""
    CityMachine.template = city_template
    CityMachine.workdir = tmp_path
    machine = CityMachine()
    machine.shared_tickets(offices=2, per_office=1)
    machine.backup_server()
    machine.take(o=0, t=0)
    machine.sync(o=0, fault=None, endpoint=None, skip=0)
    machine.sync(o=1, fault=None, endpoint=None, skip=0)  # the other office has the take
    machine.restore_server_and_lose_an_office(o=0)
    machine.disable_a_user_while_offices_are_offline(o=0, supervisor=False)  # the take's author
    machine.teardown()
    refused = query(machine.city.offices[0].db.path, "SELECT change_id FROM rejected_change")
    assert refused == []
