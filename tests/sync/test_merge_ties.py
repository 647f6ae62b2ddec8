"""Last writer wins on (HLC, device, change id): a copied database writing a field at the same stamp as
its original (same device id, before the server caught the copy) still has one winner everywhere."""

from __future__ import annotations

from citydesk.sync.merge import wins
from citydesk.sync.wire import FieldClock


def test_a_tie_on_hlc_and_device_is_broken_by_the_change_id_in_either_order() -> None:
    original = FieldClock(hlc=5 << 16, device_id="dev-1", author_id="u1", change_id="0190-aaa")
    copy = FieldClock(hlc=5 << 16, device_id="dev-1", author_id="u2", change_id="0190-bbb")
    assert wins(copy, original) and not wins(original, copy)  # same answer whichever arrives first
    assert not wins(original, original)  # the same write again changes nothing


def test_hlc_then_device_still_decide_first() -> None:
    early = FieldClock(hlc=4 << 16, device_id="dev-9", author_id=None, change_id="zzz")
    late = FieldClock(hlc=5 << 16, device_id="dev-1", author_id=None, change_id="aaa")
    assert wins(late, early) and not wins(early, late)
    lower = FieldClock(hlc=5 << 16, device_id="dev-0", author_id=None, change_id="zzz")
    assert wins(late, lower)  # device id before change id
    assert wins(late, None)
