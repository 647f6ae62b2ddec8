"""Requester merges as read: the one rule of `citydesk.domain.requesters`, on the database.

Every read that follows `merged_into` or hides merged requesters goes through here, so a loop left by
merges that crossed offline (X into Y on one PC, Y into X on another) resolves the same way in
completion, the Requesters window, ticket names, reporter counts and new tickets: the loop's smallest
id is the survivor, read as not merged.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from citydesk.domain import requesters as rules
from citydesk.store import statements as st
from citydesk.store.models import Requester


def survivor_id(session: Session, requester_id: str) -> str:
    """The requester `requester_id` stands for now (itself when not merged; an id not here, itself)."""

    def merged_into(row_id: str) -> str | None:
        row = session.execute(st.REQUESTER_LINK, {"id": row_id}).one_or_none()
        return row.merged_into if row is not None else None

    return rules.survivor(requester_id, merged_into)


def merged_into_shown(session: Session, requester_id: str, merged_into: str | None) -> str | None:
    """A row's `merged_into` as read: None for a loop's survivor."""
    if not merged_into:
        return None
    return None if survivor_id(session, requester_id) == requester_id else merged_into


def merge_links(session: Session) -> dict[str, str]:
    """Every merged row's pointer (id -> merged_into), as stored.

    Merged rows are few, so they are read at once (a scan of one column, under a millisecond at 20k
    requesters; `merged_into` has no index and a recursive CTE would make SQLite build a temporary one
    on every call) and followed in Python.
    """
    return {
        str(i): str(m)
        for i, m in session.execute(
            select(Requester.id, Requester.merged_into).where(Requester.merged_into.is_not(None))
        )
    }


def not_merged(session: Session) -> ColumnElement[bool]:
    """SQL: the requester is not merged, as read (`merged_into` unset, or the survivor of a loop)."""
    survivors = rules.loop_survivors(merge_links(session))
    if not survivors:
        return Requester.merged_into.is_(None)
    return or_(Requester.merged_into.is_(None), Requester.id.in_(sorted(survivors)))


def live_requesters(session: Session) -> ColumnElement[bool]:
    """SQL: requesters lookups offer (not merged as read, not anonymous)."""
    return and_(not_merged(session), Requester.anonymous.is_(False))


def families(session: Session, requester_ids: Sequence[str]) -> dict[str, set[str]]:
    """Each requester with every requester merged into it at any depth (merges as read: a loop's
    survivor heads the whole loop)."""
    children: dict[str, list[str]] = {}
    for child, parent in rules.effective_links(merge_links(session)).items():
        children.setdefault(parent, []).append(child)
    out = {}
    for root in requester_ids:
        members, todo = {root}, [root]
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in members:
                    members.add(child)
                    todo.append(child)
        out[root] = members
    return out
