"""Requester rules that must agree on every replica after field-by-field merges, applied on read.

Merges that cross offline: each requester row has at most one `merged_into` pointer, merged field by
field (last writer wins) like its other fields. X merged into Y on one PC and Y into X on another
leaves a loop X -> Y -> X once both changes arrive. The rule, the same everywhere, with no repair
entry: follow `merged_into` from a requester; the first row that is not merged (or whose target does
not exist here) is the one it stands for; when the chain comes back to a row already visited, the
member of that loop with the smallest id (ids are UUIDv7, so the earliest created) is the survivor,
read as not merged. Every reader that follows merges uses `survivor` (or `loop_survivors` for a set of
rows at once), so lookups, ticket names and reporter counts agree.

Cross-field rules (an anonymous requester carries nothing identifying and is answered by no one;
staff have a department; a reply method needs its contact) hold after merges through `shown`, which
every reader applies to what it shows: an anonymous row whose phone another office edited reads with
no phone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

IDENTIFYING = ("name", "phone", "email", "address")
_CONTACT_OF = {"phone": "phone", "email": "email", "letter": "address"}


def survivor(start: str, merged_into_of: Callable[[str], str | None]) -> str:
    """The requester `start` stands for: follow `merged_into_of` (None: not merged or not here) to the
    first unmerged row; if the chain loops, the smallest id of the loop."""
    path: list[str] = []
    position: dict[str, int] = {}
    current = start
    while current not in position:
        position[current] = len(path)
        path.append(current)
        target = merged_into_of(current)
        if not target:
            return current
        current = target
    return min(path[position[current] :])


def loop_survivors(links: Mapping[str, str]) -> set[str]:
    """Of the merged rows (`links`: id -> merged_into), those that are survivors all the same: the
    smallest id of each loop."""
    found: set[str] = set()
    for start in links:
        end = survivor(start, links.get)
        if end in links:
            found.add(end)
    return found


def effective_links(links: Mapping[str, str]) -> dict[str, str]:
    """The merges as read: `links` without the pointers of loop survivors (a forest again)."""
    survivors = loop_survivors(links)
    return {child: parent for child, parent in links.items() if child not in survivors}


def shown(values: Mapping[str, Any]) -> dict[str, Any]:
    """A requester's fields as every reader shows them (the cross-field rules, normalised on read).

    - anonymous: no name, phone, e-mail or address, and reply method "none";
    - staff without a department read as a citizen (a department is what makes a staff record);
    - a reply method whose contact is missing falls back to phone, e-mail, letter, then none.
    Only the keys present in `values` are looked at and returned (plus the ones a rule sets).
    """
    out = dict(values)
    if out.get("anonymous"):
        for name in IDENTIFYING:
            if name in out:
                out[name] = None
        if "reply_method" in out:
            out["reply_method"] = "none"
    if out.get("kind") == "staff" and "department_id" in out and not out["department_id"]:
        out["kind"] = "citizen"
    method = out.get("reply_method")
    contact = _CONTACT_OF.get(str(method))
    if contact and contact in out and not out[contact]:
        out["reply_method"] = next(
            (m for m, f in _CONTACT_OF.items() if out.get(f)),
            "none",
        )
    return out
