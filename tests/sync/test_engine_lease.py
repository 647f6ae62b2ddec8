"""The sync lease: one holder at a time, expiry by the database's clock, heartbeat, a lost lease."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from citydesk.store.db import Database, open_database
from citydesk.sync import lease
from factories import Office

TTL = timedelta(seconds=60)


@pytest.fixture
def other(office: Office) -> Iterator[Database]:
    """A second connection to the same file (another process: the app while the CLI syncs)."""
    db = open_database(office.db.path, clock=office.clock)
    yield db
    db.close()


def test_second_holder_waits_until_the_first_releases(office: Office, other: Database) -> None:
    first = lease.acquire(office.db, holder="cli", ttl=TTL)
    assert first is not None
    assert lease.acquire(other, holder="app", ttl=TTL) is None
    assert lease.holder(other) is not None and lease.holder(other)[0] == "cli"  # type: ignore[index]
    lease.release(office.db, first)
    second = lease.acquire(other, holder="app", ttl=TTL)
    assert second is not None and second != first
    assert lease.holder(office.db) == ("app", office.clock.now() + TTL)


def test_an_expired_lease_is_taken_over_and_the_old_holder_has_lost_it(
    office: Office, other: Database
) -> None:
    first = lease.acquire(office.db, holder="cli", ttl=TTL)
    assert first is not None
    office.clock.advance(seconds=59)
    assert lease.acquire(other, holder="app", ttl=TTL) is None  # still live one second before expiry
    office.clock.advance(seconds=1)
    second = lease.acquire(other, holder="app", ttl=TTL)
    assert second is not None
    assert lease.renew(office.db, first, TTL) is False  # the PC that slept finds it lost
    with office.db.read() as session, pytest.raises(lease.LeaseLost, match="Another sync took over"):
        lease.check(session, first, office.clock.now())
    with other.read() as session:
        lease.check(session, second, office.clock.now())  # the new holder is fine
    lease.release(office.db, first)  # releasing a lost lease does not free the new holder's
    assert lease.acquire(office.db, holder="cli", ttl=TTL) is None


def test_renew_is_the_heartbeat_that_keeps_others_out(office: Office, other: Database) -> None:
    token = lease.acquire(office.db, holder="cli", ttl=TTL)
    assert token is not None
    for _ in range(5):
        office.clock.advance(seconds=50)
        assert lease.renew(office.db, token, TTL) is True
        assert lease.acquire(other, holder="app", ttl=TTL) is None
    with office.db.read() as session:
        lease.check(session, token, office.clock.now())


def test_check_fails_for_an_expired_lease_even_when_nobody_took_it(office: Office) -> None:
    token = lease.acquire(office.db, holder="cli", ttl=TTL)
    assert token is not None
    office.clock.advance(seconds=61)
    with office.db.read() as session, pytest.raises(lease.LeaseLost):
        lease.check(session, token, office.clock.now())
    assert lease.renew(office.db, token, TTL) is True  # nobody wrote in between: still ours
    with office.db.read() as session:
        lease.check(session, token, office.clock.now())


def test_check_fails_without_any_lease_and_for_a_wrong_token(office: Office) -> None:
    with office.db.read() as session, pytest.raises(lease.LeaseLost):
        lease.check(session, "no-such-token", office.clock.now())
    token = lease.acquire(office.db, holder="cli", ttl=TTL)
    assert token is not None
    with office.db.read() as session, pytest.raises(lease.LeaseLost):
        lease.check(session, "another-token", office.clock.now())
    lease.release(office.db, token)
    with office.db.read() as session, pytest.raises(lease.LeaseLost):
        lease.check(session, token, office.clock.now())


def test_a_lease_needs_a_positive_time_to_live(office: Office) -> None:
    with pytest.raises(ValueError):
        lease.acquire(office.db, holder="cli", ttl=timedelta(0))
    assert lease.holder(office.db) is None
