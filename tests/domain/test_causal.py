"""The causal order of a timeline and the entries a wrong PC clock dated out of it (domain.causal)."""

from __future__ import annotations

from datetime import timedelta

from citydesk.domain.causal import TOLERANCE, Stamped, causal_order, misdated
from citydesk.domain.clock import to_ms
from factories import START


def stamped(name: str, minutes: float, *, clock_off: timedelta = timedelta(0), device: str = "d1") -> Stamped:
    """An entry made `minutes` after START (its HLC) on a PC whose clock was off by `clock_off`."""
    at = START + timedelta(minutes=minutes)
    return Stamped(name, to_ms(at) << 16, device, at + clock_off)


def test_the_order_is_hlc_then_device_then_id_whatever_the_wall_times() -> None:
    entries = [stamped("c", 3), stamped("b", 2, device="d2"), stamped("a", 2, device="d1")]
    assert [e.id for e in causal_order(entries)] == ["a", "b", "c"]


def test_clocks_a_few_minutes_apart_are_not_flagged() -> None:
    skew = TOLERANCE - timedelta(minutes=1)
    assert misdated([stamped("a", 0), stamped("b", 1, clock_off=-skew), stamped("c", 2)]) == frozenset()


def test_an_entry_from_a_pc_whose_clock_was_behind_is_flagged() -> None:
    # b's PC said yesterday; its HLC followed what it had received, so it sorts after a.
    entries = [stamped("a", 0), stamped("b", 5, clock_off=-timedelta(days=1)), stamped("c", 10)]
    assert misdated(entries) == frozenset({"b"})


def test_an_entry_from_a_pc_found_ahead_is_blamed_not_the_correct_one_after_it() -> None:
    # a's PC ran two hours ahead; its HLC was corrected, its wall time was not: b (right) is not blamed.
    entries = [stamped("a", 0, clock_off=timedelta(hours=2)), stamped("b", 5), stamped("c", 10)]
    assert misdated(entries) == frozenset({"a"})


def test_an_import_with_old_wall_times_in_order_is_not_flagged() -> None:
    # A bulk import stamps HLCs at import time (logical ticks) for entries dated long ago, in order.
    base = to_ms(START) << 16
    entries = [Stamped(f"e{i}", base + i, "d1", START - timedelta(days=30 - i)) for i in range(5)]
    assert misdated(entries) == frozenset()
