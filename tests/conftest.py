"""Test setup shared by the whole suite."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import capture_check

# None of these import Qt, so the environment below is still set before Qt loads.
from citydesk.domain.clock import ManualClock
from citydesk.store.db import open_database
from factories import START, Office, make_office

# These must be set before anything imports Qt or touches keyring. pytest loads this file before any
# test module (and before pytest-qt creates a QApplication), so setting them here at import time works.
# - Without a display, Qt's default platform aborts the whole pytest process (rc 134, no summary);
#   "offscreen" renders in memory, so widget tests and grab() screenshots work headless.
# - On a machine with no desktop session keyring's default backend raises on every call; the null
#   backend stores nothing. Tests that need a working keyring install an in-memory one.
# setdefault: a developer may still choose e.g. QT_QPA_PLATFORM=xcb to watch the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
# Keep QSettings (window layout) and the default data folder out of the developer's real ones.
_SANDBOX = tempfile.mkdtemp(prefix="citydesk-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ.setdefault("CITYDESK_DATA_DIR", os.path.join(_SANDBOX, "data"))

capture_check.install()


@pytest.fixture(autouse=True)
def _every_synced_write_has_its_outbox_row() -> Iterator[None]:
    """Fail the test that committed a write to a synced column without its outbox row (capture_check)."""
    capture_check.take_violations()
    yield
    found = capture_check.take_violations()
    if found:
        shown = "\n".join(f"  {v}" for v in found[:20])
        more = f"\n  ... and {len(found) - 20} more" if len(found) > 20 else ""
        message = f"{len(found)} synced write(s) committed without an outbox row:\n{shown}{more}"
        pytest.fail(message, pytrace=False)


# --- shared fixtures below ---


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Office:
    """One set-up office built once per run (building one costs most of a second)."""
    made = make_office(tmp_path_factory.mktemp("template") / "office.sqlite")
    made.db.close()
    assert not Path(f"{made.db.path}-wal").exists()
    return made


@pytest.fixture
def office(office_template: Office, tmp_path: Path) -> Iterator[Office]:
    """A fresh copy of the template office database with its own manual clock."""
    path = tmp_path / "office.sqlite"
    shutil.copyfile(office_template.db.path, path)
    clock = ManualClock(START)
    made = dataclasses.replace(office_template, db=open_database(path, clock=clock), clock=clock)
    yield made
    made.db.close()


# --- PostgreSQL, started only for the tests that ask for it ---------------------------------------
# `make test` runs pytest without a server; the first test that takes `pg_url` starts a throwaway one
# through scripts/with-postgres.sh (which stops it and deletes its files when pytest lets go of it).

WITH_POSTGRES = Path(__file__).resolve().parents[1] / "scripts" / "with-postgres.sh"


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The SQLAlchemy URL of a throwaway PostgreSQL server, started on first use for the whole run.

    $CITYDESK_TEST_PG_URL, when set, names a server to use instead. Without PostgreSQL the test
    skips with the reason, except in CI (CI=true), where it fails.
    """
    if given := os.environ.get("CITYDESK_TEST_PG_URL"):
        yield given
        return
    log = tmp_path_factory.mktemp("postgres") / "with-postgres.log"
    with log.open("w") as err:
        # The inner command prints the URL, then holds the server until its stdin closes.
        server = subprocess.Popen(
            ["bash", str(WITH_POSTGRES), "sh", "-c", 'echo "${CITYDESK_TEST_PG_URL:-}"; read -r _ || true'],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
    assert server.stdin is not None and server.stdout is not None
    url = server.stdout.readline().strip()
    if not url:
        server.stdin.close()
        server.wait(timeout=120)
        reason = log.read_text().strip() or f"{WITH_POSTGRES.name} exited with {server.returncode}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"this test needs PostgreSQL, and CI=true: {reason}", pytrace=False)
        pytest.skip(f"needs PostgreSQL (scripts/bootstrap.sh test installs it): {reason}")
    try:
        yield url
    finally:
        server.stdin.close()  # the inner command ends; with-postgres.sh stops the server, removes its dir
        server.wait(timeout=120)


# --- garbage collection on the main thread only --------------------------------------------------
# The app collects garbage on the GUI thread only (`ui/collector.py`): a collection that a worker
# thread triggers would destroy Qt objects left in reference cycles on that thread (deadlocks in
# QObject::connect, segfaults while painting). The tests follow the same rule: automatic collection
# is off, and each test that loaded Qt is followed by a full collection here, on the main thread,
# while its widgets' QApplication still runs.


def pytest_sessionstart(session: pytest.Session) -> None:
    """Automatic garbage collection off for the run (collected after each test instead)."""
    import gc

    gc.disable()


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    """After each test: a full collection on the main thread (generation 0 only without Qt)."""
    yield
    import gc
    import sys

    gc.collect() if "PySide6.QtCore" in sys.modules else gc.collect(0)
