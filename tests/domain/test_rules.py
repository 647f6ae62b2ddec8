"""Domain rules: workflow transitions, labels, permissions, validation, numbers, passwords, HLC, UUIDv7."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citydesk.domain import validation
from citydesk.domain.errors import PermissionDenied, TransitionError, ValidationError
from citydesk.domain.ids import uuid7, uuid7_time_ms
from citydesk.domain.numbers import format_number, looks_like_sequence, make_prefix, normalize_number
from citydesk.domain.passwords import hash_password, verify_password
from citydesk.domain.permissions import PERMISSIONS, Action, allowed, permission_table_markdown, require
from citydesk.domain.priorities import Priority, parse_priority
from citydesk.domain.roles import Role
from citydesk.domain.statuses import (
    CLOSED_STATUSES,
    REOPENABLE,
    TRANSITIONS,
    ResolutionReason,
    Status,
    check_transition,
    parse_resolution_reason,
    parse_status,
)
from citydesk.sync import hlc

WORKING = [s for s in Status if s not in CLOSED_STATUSES]

# -- statuses and transitions ---------------------------------------------------------------------


def test_first_contact_resolution_new_to_resolved_is_offered() -> None:
    check_transition(Status.NEW, Status.RESOLVED)
    assert Status.RESOLVED in TRANSITIONS[Status.NEW]


@pytest.mark.parametrize("status", WORKING)
def test_every_working_status_can_be_resolved_and_never_moves_to_itself(status: Status) -> None:
    check_transition(status, Status.RESOLVED)
    assert status not in TRANSITIONS[status]
    assert Status.CLOSED not in TRANSITIONS[status]  # only a resolved ticket is closed


def test_resolved_may_only_be_closed() -> None:
    assert TRANSITIONS[Status.RESOLVED] == {Status.CLOSED}
    check_transition(Status.RESOLVED, Status.CLOSED)
    for target in Status:
        if target is not Status.CLOSED:
            with pytest.raises(TransitionError):
                check_transition(Status.RESOLVED, target)


@pytest.mark.parametrize("target", list(Status))
def test_closed_goes_nowhere_through_the_workflow(target: Status) -> None:
    assert TRANSITIONS[Status.CLOSED] == frozenset()
    with pytest.raises(TransitionError) as info:
        check_transition(Status.CLOSED, target)
    assert info.value.field == "status"
    assert "closed" in info.value.message and target.label.lower() in info.value.message


def test_reopen_only_from_resolved_or_closed() -> None:
    assert {Status.RESOLVED, Status.CLOSED} == REOPENABLE
    assert not (REOPENABLE & set(WORKING))


def test_transition_table_covers_every_status() -> None:
    assert set(TRANSITIONS) == set(Status)
    for targets in TRANSITIONS.values():
        assert targets <= set(Status)


def test_transition_error_is_a_validation_error_with_plain_labels() -> None:
    with pytest.raises(ValidationError) as info:
        check_transition(Status.WAITING_VENDOR, Status.CLOSED)
    assert str(info.value) == "status: A ticket that is waiting for a vendor cannot be moved to closed."


def test_status_helpers() -> None:
    assert Status.NEW.is_open and not Status.RESOLVED.is_open and not Status.CLOSED.is_open
    assert {s for s in Status if s.is_waiting} == {
        Status.WAITING_REQUESTER,
        Status.WAITING_VENDOR,
        Status.WAITING_PARTS,
    }
    assert parse_status("in_progress") is Status.IN_PROGRESS
    with pytest.raises(ValidationError) as info:
        parse_status("done-ish")
    assert info.value.field == "status"


# -- plain-English labels -------------------------------------------------------------------------


@pytest.mark.parametrize("member", [*Status, *Priority, *ResolutionReason], ids=str)
def test_every_label_is_plain_english(member: Status | Priority | ResolutionReason) -> None:
    label = member.label
    assert label and label.strip() == label
    assert "_" not in label
    assert label[0].isupper()


def test_labels_are_distinct() -> None:
    for enum in (Status, Priority, ResolutionReason):
        labels = [m.label for m in enum]
        assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("priority", list(Priority))
def test_priorities_have_a_meaning_and_rank(priority: Priority) -> None:
    assert len(priority.meaning) > 20 and "_" not in priority.meaning
    assert parse_priority(priority.value.lower()) is priority


def test_priority_ranks_order_urgency() -> None:
    assert sorted(Priority, key=lambda p: p.rank) == [Priority.P1, Priority.P2, Priority.P3, Priority.OPS]
    for bad in ("P0", "P4", "", "urgent", None):
        with pytest.raises(ValidationError) as info:
            parse_priority(bad)
        assert info.value.field == "priority"


def test_resolution_reasons_are_the_designed_six() -> None:
    assert {r.value for r in ResolutionReason} == {
        "done",
        "duplicate",
        "referred",
        "not_city_matter",
        "could_not_locate",
        "void",
    }
    assert parse_resolution_reason("referred") is ResolutionReason.REFERRED
    with pytest.raises(ValidationError) as info:
        parse_resolution_reason("fixed")
    assert info.value.field == "reason"


# -- permissions ----------------------------------------------------------------------------------

CLERK_MAY = [Action.CREATE_TICKET, Action.RESOLVE, Action.ADD_NOTE, Action.LOG_CALL, Action.LOG_CONTACT]
CLERK_MAY_NOT = [Action.REOPEN, Action.ASSIGN_OTHERS, Action.REDACT_NOTE, Action.MERGE_REQUESTERS]


@pytest.mark.parametrize("action", CLERK_MAY)
def test_clerk_may(action: Action) -> None:
    assert allowed(Role.CLERK, action)
    require(Role.CLERK, action)


@pytest.mark.parametrize("action", CLERK_MAY_NOT)
def test_clerk_may_not_but_supervisor_may(action: Action) -> None:
    assert not allowed(Role.CLERK, action)
    with pytest.raises(PermissionDenied) as info:
        require(Role.CLERK, action)
    assert info.value.role == "clerk" and info.value.action == action.value
    assert str(info.value) == f"A clerk may not {action.value.replace('_', ' ')}."
    assert allowed(Role.SUPERVISOR, action)
    require(Role.SUPERVISOR, action)


def test_admin_only_actions() -> None:
    for action in (Action.MANAGE_USERS, Action.MANAGE_REFERENCE, Action.IMPORT_DATA):
        assert allowed(Role.ADMIN, action) and allowed(Role.SYSTEM, action)
        for role in (Role.CLERK, Role.TECHNICIAN, Role.SUPERVISOR):
            assert not allowed(role, action)


def test_every_action_has_a_rule_and_admin_and_system_may_do_everything() -> None:
    assert set(PERMISSIONS) == set(Action)
    for action in Action:
        assert allowed(Role.ADMIN, action) and allowed(Role.SYSTEM, action)


def test_roles_are_nested_clerk_within_technician_within_supervisor() -> None:
    for action in Action:
        if allowed(Role.CLERK, action):
            assert allowed(Role.TECHNICIAN, action), action
        if allowed(Role.TECHNICIAN, action):
            assert allowed(Role.SUPERVISOR, action), action


def test_permission_table_markdown_lists_every_action_with_its_marks() -> None:
    lines = permission_table_markdown().splitlines()
    assert lines[0] == "| action | clerk | technician | supervisor | admin |"
    rows = {
        cells[0]: cells[1:]
        for line in lines[2:]
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    assert len(rows) == len(Action) == len(lines) - 2
    order = [Role.CLERK, Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN]
    for action in Action:
        name = action.value.replace("_", " ")
        assert name in rows, name
        assert rows[name] == ["yes" if allowed(r, action) else "–" for r in order]


# -- validation -----------------------------------------------------------------------------------


def test_title_edges() -> None:
    assert validation.title("  Pothole  ") == "Pothole"
    assert validation.title("x" * validation.TITLE_MAX) == "x" * validation.TITLE_MAX
    for bad, words in [("", "required"), ("   \n", "required"), (None, "required"), (42, "text")]:
        with pytest.raises(ValidationError) as info:
            validation.title(bad)
        assert info.value.field == "title" and words in info.value.message
    with pytest.raises(ValidationError) as info:
        validation.title("x" * (validation.TITLE_MAX + 1))
    assert info.value.field == "title" and "201" in info.value.message and "200" in info.value.message


def test_description_is_optional_but_bounded() -> None:
    assert validation.description(None) == ""
    with pytest.raises(ValidationError) as info:
        validation.description("y" * (validation.DESCRIPTION_MAX + 1))
    assert info.value.field == "description"


@pytest.mark.parametrize(
    "good",
    [
        "555-0100",
        "(555) 010-2000",
        "+1 555 010 2000",
        "555.010.2000 ext. 12",
        "555-010-2000 x7",
        "+442071234567",
    ],
)
def test_plausible_phones_pass(good: str) -> None:
    assert validation.phone(f"  {good} ") == good


@pytest.mark.parametrize("bad", ["12345", "555-CALL-NOW", "call me", "1234567890123456", "555#0100", "+"])
def test_implausible_phones_fail_naming_phone(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        validation.phone(bad)
    assert info.value.field == "phone" and "phone number" in info.value.message


def test_blank_phone_and_email_are_none() -> None:
    assert validation.phone("   ") is None and validation.phone(None) is None
    assert validation.email("") is None and validation.email(None) is None


@pytest.mark.parametrize("good", ["a@b.co", "Jane.Roe+city@Example.ORG", "x_y@sub.domain.gov"])
def test_plausible_emails_pass_lower_cased(good: str) -> None:
    assert validation.email(good) == good.lower()


@pytest.mark.parametrize(
    "bad", ["jane", "jane@", "@example.org", "jane@example", "ja ne@example.org", "a@b.c"]
)
def test_implausible_emails_fail_naming_email(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        validation.email(bad)
    assert info.value.field == "email"


def test_office_code_and_small_numbers() -> None:
    assert validation.office_code(" clk ") == "CLK"
    for bad in ("C", "CLERKS", "C1K", ""):
        with pytest.raises(ValidationError) as info:
            validation.office_code(bad)
        assert info.value.field == "office_code"
    assert validation.minutes(1) == 1 and validation.minutes(1440) == 1440
    for bad_minutes in (0, 1441, True, 2.5):
        with pytest.raises(ValidationError):
            validation.minutes(bad_minutes)
    for bad_level in (0, 4, True):
        with pytest.raises(ValidationError) as info:
            validation.escalation_level(bad_level)
        assert info.value.field == "level"


# -- ticket numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("clk-tst-42", "CLK-TST-000042"),
        ("CLK-TST-000042", "CLK-TST-000042"),
        (" clk - tst - 0042 ", "CLK-TST-000042"),
        ("pw-2-7", "PW-2-000007"),
        ("clk tst 42", "CLK-TST-000042"),  # read aloud from the slip and typed with spaces
        ("CLK.TST.42", "CLK-TST-000042"),
        ("clk\u2013tst\u201342", "CLK-TST-000042"),  # en dashes (pasted from an e-mail)
        ("PW 2-7", "PW-2-000007"),
        ("CLK-QXB-1234567", "CLK-QXB-1234567"),
    ],
)
def test_typed_numbers_normalize(typed: str, canonical: str) -> None:
    assert normalize_number(typed) == canonical


@pytest.mark.parametrize(
    "typed", ["", "42", "CLK-000042", "CLK--42", "C-TST-42", "CLK-TST-", "pothole", "CLKTST42", "elm st"]
)
def test_non_numbers_do_not_normalize(typed: str) -> None:
    assert normalize_number(typed) is None


def test_number_format_and_sequence_detection() -> None:
    assert format_number(make_prefix("CLK", "QXB"), 42) == "CLK-QXB-000042"
    assert looks_like_sequence(" 42 ") and looks_like_sequence("000042")
    assert not looks_like_sequence("CLK-42") and not looks_like_sequence("1234567890")


@given(st.sampled_from(["CLK", "PW", "PD"]), st.sampled_from(["TST", "2", "QXB"]), st.integers(1, 999_999))
def test_formatted_numbers_round_trip(office: str, tag: str, seq: int) -> None:
    number = format_number(make_prefix(office, tag), seq)
    assert normalize_number(number) == number
    assert normalize_number(number.lower()) == number
    assert normalize_number(f"{office}-{tag}-{seq}".lower()) == number


# -- passwords ------------------------------------------------------------------------------------

FAST_N = 2**10  # the cost parameter travels in the hash; a small one keeps these tests quick


def test_password_hash_verifies_only_the_right_password() -> None:
    stored = hash_password("correct horse", n=FAST_N)
    assert stored.startswith(f"scrypt${FAST_N}$")
    assert "correct horse" not in stored
    assert verify_password("correct horse", stored)
    assert not verify_password("correct horse ", stored)
    assert not verify_password("Correct horse", stored)
    assert not verify_password("", stored)


def test_default_cost_hash_verifies() -> None:
    stored = hash_password("battery staple")
    assert stored.split("$")[1] == str(2**14)
    assert verify_password("battery staple", stored) and not verify_password("battery stapler", stored)


def test_same_password_gets_a_new_salt_each_time() -> None:
    assert hash_password("correct horse", n=FAST_N) != hash_password("correct horse", n=FAST_N)


def _tamper(stored: str, index: int, value: str) -> str:
    parts = stored.split("$")
    parts[index] = value
    return "$".join(parts)


def test_tampered_hashes_never_verify() -> None:
    stored = hash_password("correct horse", n=FAST_N)
    _scheme, _n, _r, _p, salt, digest = stored.split("$")
    flipped = ("A" if digest[0] != "A" else "B") + digest[1:]
    other_salt = ("A" if salt[0] != "A" else "B") + salt[1:]
    tampered = [
        _tamper(stored, 5, flipped),  # digest changed
        _tamper(stored, 4, other_salt),  # salt changed
        _tamper(stored, 1, str(FAST_N * 2)),  # cost changed
        _tamper(stored, 0, "md5"),  # unknown scheme
        _tamper(stored, 5, ""),  # digest removed
        _tamper(stored, 1, "lots"),  # not a number
        _tamper(stored, 4, "***"),  # not base64
        stored.rsplit("$", 1)[0],  # a field missing
        "",
        None,
    ]
    for bad in tampered:
        assert not verify_password("correct horse", bad), bad


# -- hybrid logical clock -------------------------------------------------------------------------

MS = st.integers(min_value=0, max_value=2**40)


@given(MS, st.integers(0, hlc.COUNTER_MASK))
def test_hlc_pack_round_trip(wall: int, counter: int) -> None:
    value = hlc.pack(wall, counter)
    assert hlc.wall_ms(value) == wall and value & hlc.COUNTER_MASK == counter


@given(st.lists(MS, min_size=1, max_size=60))
def test_hlc_tick_is_strictly_monotonic_even_when_the_wall_clock_goes_back(walls: list[int]) -> None:
    last = 0
    for now in walls:
        nxt = hlc.tick(last, now)
        assert nxt > last
        assert hlc.wall_ms(nxt) >= now  # never behind the wall clock
        assert hlc.wall_ms(nxt) == max(now, hlc.wall_ms(last)) or nxt == last + 1
        last = nxt


@given(st.lists(st.tuples(st.booleans(), MS, MS), min_size=1, max_size=60))
def test_hlc_receive_is_after_both_clocks(events: list[tuple[bool, int, int]]) -> None:
    last = hlc.pack(0)
    for is_remote, remote_wall, now in events:
        if is_remote:
            remote = hlc.pack(remote_wall, 3)
            nxt = hlc.receive(last, remote, now)
            assert nxt > remote
        else:
            nxt = hlc.tick(last, now)
        assert nxt > last
        last = nxt


def test_hlc_tick_uses_the_wall_clock_when_it_moved_on() -> None:
    assert hlc.tick(hlc.pack(1000, 5), 2000) == hlc.pack(2000)
    assert hlc.tick(hlc.pack(2000, 5), 1000) == hlc.pack(2000, 6)
    assert hlc.receive(hlc.pack(1000), hlc.pack(5000, 2), 3000) == hlc.pack(5000, 3)


# -- UUIDv7 ---------------------------------------------------------------------------------------


@given(st.integers(0, 2**48 - 2), st.integers(1, 10**9))
def test_uuid7_orders_by_time(ms: int, later_by: int) -> None:
    later = min(ms + later_by, 2**48 - 1)
    a, b = uuid7(ms), uuid7(later)
    assert a < b
    assert uuid.UUID(a) < uuid.UUID(b)
    assert uuid7_time_ms(a) == ms and uuid7_time_ms(b) == later


@given(st.integers(0, 2**48 - 1))
def test_uuid7_version_and_variant_bits(ms: int) -> None:
    value = uuid7(ms)
    parsed = uuid.UUID(value)
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert str(parsed) == value and len(value) == 36 and value == value.lower()


def test_uuid7_tails_are_random() -> None:
    values = {uuid7(1_700_000_000_000) for _ in range(1000)}
    assert len(values) == 1000
    assert all(uuid7_time_ms(v) == 1_700_000_000_000 for v in values)
