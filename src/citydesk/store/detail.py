"""Read queries for one ticket (header, reporters, timeline) and the reference lists forms need."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from citydesk.domain.causal import Stamped, misdated
from citydesk.domain.numbers import normalize_number
from citydesk.domain.text import fold
from citydesk.store.merges import live_requesters
from citydesk.store.models import (
    Category,
    Department,
    Office,
    Requester,
    SyncState,
    Ticket,
    TicketReporter,
    TimelineEntry,
    User,
)


@dataclass(frozen=True, slots=True)
class ReporterView:
    """A reporter as the detail pane shows it."""

    requester_id: str | None
    name: str
    phone: str | None
    email: str | None
    reply_method: str
    channel: str
    preferred_language: str
    reported_at: datetime


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One timeline entry as the detail pane shows it."""

    id: str
    kind: str
    at: datetime
    author_name: str
    office_code: str
    field: str | None
    value: Any
    detail: dict[str, Any]
    body: str | None
    public: bool
    redacted: bool
    hlc: int = 0
    device_id: str = ""
    clock_wrong: bool = False  # its wall time disagrees with the causal order (a PC clock set wrong)


@dataclass(frozen=True, slots=True)
class TicketDetail:
    """Everything the detail pane shows for one ticket."""

    id: str
    number: str
    title: str
    description: str
    status: str
    priority: str
    channel: str
    category_id: str | None
    category_name: str | None
    department_id: str | None
    department_name: str | None
    assignee_id: str | None
    assignee_name: str | None
    location_text: str | None
    escalation_level: int
    created_at: datetime
    due_at: datetime | None
    resolved_at: datetime | None
    is_open: bool
    time_spent_minutes: int
    visit_at: datetime | None
    visit_place: str | None
    resolution_reason: str | None
    resolution_ref: str | None
    office_code: str
    reporters: tuple[ReporterView, ...]
    timeline: tuple[TimelineItem, ...]
    requester_names: dict[str, str] = field(default_factory=dict)  # requesters named by merge entries


def ticket_detail(session: Session, ticket_id: str) -> TicketDetail | None:
    """The whole ticket for the detail pane, or None."""
    t = session.scalar(select(Ticket).where(Ticket.id == ticket_id))
    if t is None:
        return None
    names = dict(session.execute(select(User.id, User.display_name)).all())
    offices = dict(session.execute(select(Office.id, Office.code)).all())
    category = session.get(Category, t.category_id) if t.category_id else None
    department = session.get(Department, t.department_id) if t.department_id else None
    reporters = []
    seen_requesters: set[str] = set()
    for rep, req in session.execute(
        select(TicketReporter, Requester)
        .outerjoin(Requester, Requester.id == TicketReporter.requester_id)
        .where(TicketReporter.ticket_id == ticket_id)
        .order_by(TicketReporter.reported_at)
    ):
        if rep.requester_id is not None:
            if rep.requester_id in seen_requesters:
                continue  # the same person twice (after a merge of duplicates)
            seen_requesters.add(rep.requester_id)
        anonymous = req is None or req.anonymous
        reporters.append(
            ReporterView(
                requester_id=rep.requester_id,
                name="Anonymous" if anonymous else (req.name or req.phone or "?"),
                phone=None if anonymous else req.phone,
                email=None if anonymous else req.email,
                reply_method=rep.reply_method,
                channel=rep.channel,
                preferred_language=req.preferred_language if req else "en",
                reported_at=rep.reported_at,
            )
        )
    # The fold's order (HLC, then device, then id): the order the ticket's state came from.
    entries = session.scalars(
        select(TimelineEntry)
        .where(TimelineEntry.ticket_id == ticket_id)
        .order_by(TimelineEntry.hlc, TimelineEntry.device_id, TimelineEntry.id)
    ).all()
    wrong = misdated(Stamped(e.id, e.hlc, e.device_id, e.at) for e in entries)
    timeline = tuple(
        TimelineItem(
            id=e.id,
            kind=e.kind,
            at=e.at,
            author_name=names.get(e.author_id, "?"),
            office_code=offices.get(e.office_id, "?"),
            field=e.field,
            value=e.value,
            detail=e.detail or {},
            body=e.body,
            public=e.public,
            redacted=e.redacted_by is not None,
            hlc=e.hlc,
            device_id=e.device_id,
            clock_wrong=e.id in wrong,
        )
        for e in entries
    )
    merged = {str(v) for e in entries if e.kind == "reporter_merged" for v in (e.detail or {}).values()}
    requester_names = {
        i: "Anonymous" if anonymous else (name or phone or "?")
        for i, name, phone, anonymous in session.execute(
            select(Requester.id, Requester.name, Requester.phone, Requester.anonymous).where(
                Requester.id.in_(merged)
            )
        )
    }
    return TicketDetail(
        id=t.id,
        number=t.number,
        title=t.title,
        description=t.description,
        status=t.status,
        priority=t.priority,
        channel=t.channel,
        category_id=t.category_id,
        category_name=category.name if category else None,
        department_id=t.department_id,
        department_name=department.name if department else None,
        assignee_id=t.assignee_id,
        assignee_name=names.get(t.assignee_id) if t.assignee_id else None,
        location_text=t.location_text,
        escalation_level=t.escalation_level,
        created_at=t.created_at,
        due_at=t.due_at,
        resolved_at=t.resolved_at,
        is_open=t.is_open,
        time_spent_minutes=t.time_spent_minutes,
        visit_at=t.visit_at,
        visit_place=t.visit_place,
        resolution_reason=t.resolution_reason,
        resolution_ref=t.resolution_ref,
        office_code=offices.get(t.office_id, "?"),
        reporters=tuple(reporters),
        timeline=timeline,
        requester_names=requester_names,
    )


def ticket_ids_by_number(session: Session, typed: str) -> list[str]:
    """Ids of tickets carrying a typed number (normally one)."""
    number = normalize_number(typed)
    if number is None:
        return []
    return list(session.scalars(select(Ticket.id).where(Ticket.number == number)))


def row_no_of(session: Session, ticket_id: str) -> int | None:
    """The local row number of a ticket id."""
    return session.scalar(select(Ticket.row_no).where(Ticket.id == ticket_id))


def row_nos_of(session: Session, ticket_ids: Iterable[str]) -> dict[str, int]:
    """ticket id -> local row number, for the ids that are here."""
    wanted = sorted(set(ticket_ids))
    out: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found = session.execute(select(Ticket.id, Ticket.row_no).where(Ticket.id.in_(chunk)))
        out.update((r[0], r[1]) for r in found)
    return out


@dataclass(frozen=True, slots=True)
class Choice:
    """An id and the label a picker shows."""

    id: str
    label: str
    extra: str = ""


def departments(session: Session) -> list[Choice]:
    """Active departments by name."""
    rows = session.execute(
        select(Department.id, Department.name, Department.code)
        .where(Department.active)
        .order_by(Department.name)
    )
    return [Choice(i, n, c) for i, n, c in rows]


def categories(session: Session) -> list[Choice]:
    """Active categories by name (extra = keywords)."""
    rows = session.execute(
        select(Category.id, Category.name, Category.keywords).where(Category.active).order_by(Category.name)
    )
    return [Choice(i, n, k) for i, n, k in rows]


def users(session: Session, *, roles: tuple[str, ...] = ()) -> list[Choice]:
    """Active users (not the system user) by name (extra = role)."""
    stmt = select(User.id, User.display_name, User.role).where(User.active, User.role != "system")
    if roles:
        stmt = stmt.where(User.role.in_(roles))
    return [Choice(i, n, r) for i, n, r in session.execute(stmt.order_by(User.display_name))]


@dataclass(frozen=True, slots=True)
class SignInUser:
    """A user offered on the sign-in screen."""

    id: str
    username: str
    display_name: str
    role: str
    password_hash: str | None


def sign_in_users(session: Session) -> list[SignInUser]:
    """Active people who may sign in here."""
    rows = session.execute(
        select(User.id, User.username, User.display_name, User.role, User.password_hash)
        .where(User.active, User.role != "system")
        .order_by(User.display_name)
    )
    return [SignInUser(*r) for r in rows]


def requester_match(typed: str) -> ColumnElement[bool] | None:
    """The SQL condition for requesters matching typed text: a name word (accents ignored), the start of
    the phone's digits (3 or more) or of the e-mail; None when the text can match nothing."""
    typed = typed.strip()
    key = (fold(typed) or "").replace("\\", "").replace("%", "").replace("_", "")
    digits = "".join(ch for ch in typed if ch.isdigit())
    conditions = []
    if key:
        conditions = [Requester.name_key.like(key + "%"), Requester.name_key.like("% " + key + "%")]
    if len(digits) >= 3:
        conditions.append(Requester.phone_digits.like(digits + "%"))
    if "@" in typed:
        conditions.append(Requester.email.like(typed.lower().replace("%", "").replace("_", "") + "%"))
    return or_(*conditions) if conditions else None


def find_requesters(session: Session, typed: str, *, limit: int = 20) -> list[Choice]:
    """Requesters whose name (any word, accents ignored) starts with, or phone/e-mail starts with, the text.

    Merged and anonymous requesters are hidden.
    """
    condition = requester_match(typed)
    if condition is None:
        return []
    rows = session.execute(
        select(Requester.id, Requester.name, Requester.phone, Requester.email)
        .where(condition, live_requesters(session))
        .order_by(Requester.name_key)
        .limit(limit)
    )
    return [Choice(i, n or p or e or "?", " · ".join(x for x in (p, e) if x)) for i, n, p, e in rows]


@dataclass(frozen=True, slots=True)
class LocalIdentity:
    """This database's identity: device, office, number prefix, demo flag."""

    device_id: str
    office_id: str
    office_code: str
    office_name: str
    number_prefix: str
    is_demo: bool
    last_sync_at: datetime | None


def local_identity(session: Session) -> LocalIdentity | None:
    """Who this database is (None before set-up)."""
    row = session.execute(
        select(
            SyncState.device_id,
            SyncState.office_id,
            Office.code,
            Office.name,
            SyncState.number_prefix,
            SyncState.is_demo,
            SyncState.last_sync_at,
        ).join(Office, Office.id == SyncState.office_id)
    ).one_or_none()
    return LocalIdentity(*row) if row else None


def pending_change_count(session: Session) -> int:
    """Changes waiting to be pushed."""
    from citydesk.store.models import Outbox

    return int(session.scalar(select(func.count()).select_from(Outbox)) or 0)


@dataclass(frozen=True, slots=True)
class NoticeFacts:
    """What a notification about a ticket needs: its label, priority, assignee, who changed it last."""

    number: str
    title: str
    priority: str
    assignee_id: str | None
    last_author_id: str | None


def notice_facts(session: Session, ticket_id: str) -> NoticeFacts | None:
    """The facts the tray's notices decide on, or None if the ticket is not (yet) here."""
    row = session.execute(
        select(Ticket.number, Ticket.title, Ticket.priority, Ticket.assignee_id).where(Ticket.id == ticket_id)
    ).one_or_none()
    if row is None:
        return None
    author = session.scalar(
        select(TimelineEntry.author_id)
        .where(TimelineEntry.ticket_id == ticket_id)
        .order_by(TimelineEntry.hlc.desc())
        .limit(1)
    )
    return NoticeFacts(row.number, row.title, row.priority, row.assignee_id, author)


# ---- notices about pulled changes ------------------------------------------------------------------

_ENTRY_ROWID: ColumnElement[int] = literal_column("timeline_entry.rowid")


def entry_watermark(session: Session) -> int:
    """The newest timeline entry's local row number (entries arriving later have higher ones)."""
    return int(session.scalar(select(func.max(_ENTRY_ROWID)).select_from(TimelineEntry)) or 0)


@dataclass(frozen=True, slots=True)
class PulledNotice:
    """Something pulled from another PC that the signed-in user is told about."""

    entry_id: str  # the entry that made it so (each is told once)
    ticket_id: str
    number: str
    title: str
    kind: str  # "p1": a new (or newly raised) P1; "assigned": newly assigned to the user


def pulled_notices(
    session: Session, ticket_ids: Iterable[str], *, after: int, user_id: str, device_id: str | None
) -> list[PulledNotice]:
    """The notices for entries from other PCs stored after row `after` on these tickets: a ticket
    created as (or raised to) P1 that is still open and P1, a ticket assigned to `user_id` that
    still is."""
    wanted = sorted(set(ticket_ids))
    found: list[PulledNotice] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = session.execute(
            select(TimelineEntry.id, TimelineEntry.ticket_id, TimelineEntry.kind, TimelineEntry.field,
                   TimelineEntry.value, Ticket.number, Ticket.title, Ticket.priority, Ticket.assignee_id,
                   Ticket.is_open)
            .join(Ticket, Ticket.id == TimelineEntry.ticket_id)
            .where(after < _ENTRY_ROWID, TimelineEntry.ticket_id.in_(chunk),
                   TimelineEntry.device_id != (device_id or ""),
                   # only entries that can still be a notice (checked again below): the rest stay in SQL
                   or_(and_(Ticket.priority == "P1", Ticket.is_open,
                            or_(TimelineEntry.kind == "created", TimelineEntry.field == "priority")),
                       and_(Ticket.assignee_id == user_id,
                            or_(TimelineEntry.kind == "created", TimelineEntry.field == "assignee_id"))))
            .order_by(_ENTRY_ROWID)
        )  # fmt: skip
        for r in rows:
            created = r.value if r.kind == "created" and isinstance(r.value, dict) else {}
            raised = created.get("priority") == "P1" or (r.field == "priority" and r.value == "P1")
            if raised and r.priority == "P1" and r.is_open:
                found.append(PulledNotice(r.id, r.ticket_id, r.number, r.title, "p1"))
            given = created.get("assignee_id") == user_id or (r.field == "assignee_id" and r.value == user_id)
            if given and r.assignee_id == user_id:
                found.append(PulledNotice(r.id, r.ticket_id, r.number, r.title, "assigned"))
    return found


def user_names(session: Session) -> dict[str, str]:
    """user id -> display name, every user (former ones too: old entries name them)."""
    return {r[0]: r[1] for r in session.execute(select(User.id, User.display_name))}


def office_names(session: Session) -> dict[str, str]:
    """office id -> "Name (CODE)"."""
    rows = session.execute(select(Office.id, Office.name, Office.code))
    return {i: f"{name} ({code})" for i, name, code in rows}
