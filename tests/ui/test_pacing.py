"""The pacer behind the views that follow pulled pages: the first request runs at once, requests within
the gap become one run when the gap ends, a request after the gap runs at once; and the interpreter's
switch interval the app sets."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject

from citydesk.ui.app import SWITCH_INTERVAL_S, share_the_interpreter
from citydesk.ui.pacing import Pacer


class FakeMonotonic:
    """A controllable monotonic clock in ms."""

    def __init__(self) -> None:
        self.ms = 1_000.0

    def __call__(self) -> float:
        return self.ms


def test_the_first_request_runs_at_once_and_those_within_the_gap_become_one_later_run(qtbot: Any) -> None:
    owner, clock = QObject(), FakeMonotonic()
    runs: list[float] = []
    pacer = Pacer(owner, lambda: runs.append(clock()), gap_ms=200, monotonic_ms=clock)
    pacer.request()
    assert runs == [1_000.0] and not pacer.waiting  # at once, in the caller's turn
    clock.ms += 150
    for _ in range(5):
        pacer.request()
    assert len(runs) == 1 and pacer.waiting  # the rest of the gap: 50 ms
    assert pacer._timer.interval() == 50
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=3_000)
    assert not pacer.waiting  # the five requests were one run, and nothing more is due


def test_a_request_after_the_gap_runs_at_once() -> None:
    owner, clock = QObject(), FakeMonotonic()
    runs: list[float] = []
    pacer = Pacer(owner, lambda: runs.append(clock()), gap_ms=200, monotonic_ms=clock)
    pacer.request()
    clock.ms += 200
    pacer.request()
    assert runs == [1_000.0, 1_200.0] and not pacer.waiting


def test_the_app_shortens_the_interpreters_switch_interval() -> None:
    before = sys.getswitchinterval()
    try:
        share_the_interpreter()
        assert sys.getswitchinterval() == SWITCH_INTERVAL_S < 0.005  # Python's own is 5 ms
    finally:
        sys.setswitchinterval(before)
