"""Read queries of the New request form: completion (requesters, categories, addresses) and duplicates.

Budgets at 100k tickets, 20k requesters and 5k addresses: completion ≤ 50 ms, duplicate candidates
≤ 100 ms (measured by `python -m benchmarks --only counter`). Every function returns frozen
dataclasses, never ORM objects, so the UI can take the result across threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select, true, union_all
from sqlalchemy.orm import Session

from citydesk.domain.addresses import NEAR_METRES, distance_m, parse_street
from citydesk.domain.requesters import shown
from citydesk.domain.text import fold
from citydesk.store.merges import live_requesters, survivor_id
from citydesk.store.models import Address, Category, Department, Requester, Ticket, TicketReporter

COMPLETION_LIMIT = 8
SHOWN_FIELDS = ("kind", "name", "phone", "email", "address", "department_id", "reply_method", "anonymous")


def _like_safe(text: str) -> str:
    return text.replace("\\", "").replace("%", "").replace("_", "")


# ---- requesters ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequesterHit:
    """A requester offered by completion, with what the form needs to show and use."""

    id: str
    name: str
    phone: str | None
    email: str | None
    kind: str
    department_name: str | None
    preferred_language: str
    reply_method: str
    confidential: bool

    @property
    def label(self) -> str:
        """ "Jane Roe · (555) 010-2000 · jane@example.org"."""
        return " · ".join(x for x in (self.name, self.phone, self.email, self.department_name) if x)


def complete_requesters(session: Session, typed: str, *, limit: int = COMPLETION_LIMIT) -> list[RequesterHit]:
    """Requesters whose name (any word), phone digits or e-mail start with the typed text.

    Merged and anonymous requesters are never offered. Names starting with the text come first.
    """
    typed = typed.strip()
    key = _like_safe(fold(typed) or "")
    digits = "".join(ch for ch in typed if ch.isdigit())
    # Each pattern scans a covering index (name_key, phone_digits or email: ~1 ms at 20k requesters),
    # never the wide table; only the few rows found are read in full.
    found: list[Any] = []
    phone_like = len(digits) >= 3 and len(digits) * 2 >= len(typed.replace(" ", ""))
    if phone_like:
        found.append(_rowids(Requester.phone_digits.like(digits + "%"), limit))
        if len(digits) >= 4:
            found.append(_rowids(Requester.phone_digits.like("%" + digits), limit))  # the last digits
    elif "@" in typed or ("." in typed and " " not in typed):
        found.append(_rowids(Requester.email.like(_like_safe(typed.lower()) + "%"), limit))
    if key and not phone_like and "@" not in typed:
        prefix = and_(Requester.name_key >= key, Requester.name_key < key + "\uffff")
        found += [
            _rowids(prefix, limit, order=True),
            _rowids(Requester.name_key.like("% " + key + "%"), limit * 4),
        ]
    if not found:
        return []
    starts = Requester.name_key.like(key + "%") if key else Requester.name_key.is_(None)
    rows = session.execute(
        select(
            Requester.id,
            Requester.name,
            Requester.phone,
            Requester.email,
            Requester.kind,
            Department.name,
            Requester.preferred_language,
            Requester.reply_method,
            Requester.confidential,
            Requester.department_id,
            Requester.address,
        )
        .outerjoin(Department, Department.id == Requester.department_id)
        .where(_ROWID.in_(union_all(*found)), live_requesters(session))
        .order_by(starts.desc(), Requester.name_key)
        .limit(limit)
    )
    hits = []
    for i, n, p, e, k, d, lang, reply, conf, dep_id, addr in rows:
        v = shown({"name": n, "phone": p, "email": e, "address": addr, "kind": k, "department_id": dep_id,
                   "reply_method": reply or "none"})  # fmt: skip
        label = n or p or e or "?"
        hits.append(RequesterHit(i, label, p, e, v["kind"], d, lang or "en", v["reply_method"], bool(conf)))
    return hits


_ROWID: Any = literal_column("requester.rowid")


def _rowids(condition: Any, limit: int, *, order: bool = False) -> Any:
    """The rowids of up to `limit` requesters matching `condition` (read from its column's index)."""
    inner: Any = select(literal_column("rowid").label("r")).select_from(Requester.__table__).where(condition)
    if order:
        inner = inner.order_by(Requester.name_key)
    found = inner.limit(limit).subquery()
    return select(found.c.r)


def requester_hit(session: Session, requester_id: str) -> RequesterHit | None:
    """One requester as completion would offer it (after a merge: the one it was merged into)."""
    row = session.get(Requester, survivor_id(session, requester_id))
    if row is None:
        return None
    dep = session.get(Department, row.department_id) if row.department_id else None
    v = shown({f: getattr(row, f) for f in SHOWN_FIELDS})
    return RequesterHit(
        row.id,
        "Anonymous" if row.anonymous else (row.name or row.phone or row.email or "?"),
        v["phone"],
        v["email"],
        v["kind"],
        dep.name if dep else None,
        row.preferred_language,
        v["reply_method"],
        row.confidential,
    )


# ---- categories ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CategoryHit:
    """A category offered by completion, with the intake script and what it sets on the ticket."""

    id: str
    name: str
    department_id: str
    department_name: str
    default_priority: str
    target_business_days: int
    caller_script: str
    intake_questions: tuple[str, ...]
    keywords: str
    matched: str  # the keyword that matched ("lamp"), or "" when the name did

    @property
    def label(self) -> str:
        """ "Streetlight out — Public Works (matches "lamp")"."""
        hint = f"  (matches “{self.matched}”)" if self.matched else ""
        return f"{self.name} — {self.department_name}{hint}"


def all_categories(session: Session) -> list[CategoryHit]:
    """Every active category with its department (a few dozen rows: the form keeps them)."""
    rows = session.execute(
        select(Category, Department.name)
        .join(Department, Department.id == Category.department_id)
        .where(Category.active)
        .order_by(Category.name)
    )
    return [
        CategoryHit(
            c.id,
            c.name,
            c.department_id,
            dep,
            c.default_priority,
            c.target_business_days,
            c.caller_script or "",
            tuple(c.intake_questions or ()),
            c.keywords or "",
            "",
        )
        for c, dep in rows
    ]


def match_categories(
    categories: list[CategoryHit], typed: str, *, limit: int = COMPLETION_LIMIT
) -> list[CategoryHit]:
    """Categories whose name or a keyword starts with each typed word ("light", "lamp" → Streetlight out).

    Name matches come before keyword matches; a keyword match says which keyword matched.
    """
    words = (fold(typed) or "").split()
    if not words:
        return []
    by_name: list[CategoryHit] = []
    by_keyword: list[CategoryHit] = []
    for cat in categories:
        name_words = (fold(cat.name) or "").split()
        keywords = (fold(cat.keywords.replace(",", " ")) or "").split()
        if all(any(w.startswith(t) for w in name_words) for t in words):
            by_name.append(cat)
            continue
        hits = [next((k for k in keywords + name_words if k.startswith(t)), None) for t in words]
        if all(hits):
            matched = next((h for h in hits if h not in name_words), "")
            by_keyword.append(_with_match(cat, matched or ""))
    return (by_name + by_keyword)[:limit]


def _with_match(cat: CategoryHit, matched: str) -> CategoryHit:
    from dataclasses import replace

    return replace(cat, matched=matched)


def complete_categories(session: Session, typed: str, *, limit: int = COMPLETION_LIMIT) -> list[CategoryHit]:
    """Categories matching the typed text by name or keyword."""
    return match_categories(all_categories(session), typed, limit=limit)


# ---- addresses -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddressHit:
    """An address from the city's list, offered by completion."""

    id: str
    text: str
    ward: str | None
    latitude: float | None
    longitude: float | None
    matched_alias: str  # the alias that matched ("City Park"), or ""

    @property
    def label(self) -> str:
        """ "120 N Main St — Ward 3" or "Lincoln Park (“City Park”) — Ward 2"."""
        alias = f" (“{self.matched_alias}”)" if self.matched_alias else ""
        ward = f" — {self.ward}" if self.ward else ""
        return f"{self.text}{alias}{ward}"

    def location(self) -> dict[str, object]:
        """The ticket location for this address: text, address id, ward and coordinates."""
        out: dict[str, object] = {"text": self.text, "address_id": self.id}
        if self.ward:
            out["ward"] = self.ward
        if self.latitude is not None and self.longitude is not None:
            out["lat"], out["lon"] = self.latitude, self.longitude
        return out


def complete_addresses(session: Session, typed: str, *, limit: int = COMPLETION_LIMIT) -> list[AddressHit]:
    """Active addresses whose text or an alias contains every typed word; starts-with matches first."""
    words = [_like_safe(w) for w in (fold(typed) or "").replace(",", " ").split()]
    words = [w for w in words if w]
    if not words:
        return []
    first = words[0]
    starts = or_(Address.search_key.like(first + "%"), Address.search_key.like("%|" + first + "%"))
    rows = session.execute(
        select(Address.id, Address.text, Address.ward, Address.latitude, Address.longitude, Address.aliases)
        .where(Address.active, *[Address.search_key.like("%" + w + "%") for w in words])
        .order_by(starts.desc(), func.length(Address.text), Address.text)
        .limit(limit)
    )
    hits = []
    for i, text, ward, lat, lon, aliases in rows:
        matched = ""
        if not all(w in (fold(text) or "") for w in words):
            matched = next((a for a in aliases or () if all(w in (fold(a) or "") for w in words)), "")
        hits.append(AddressHit(i, text, ward, lat, lon, matched))
    return hits


def address_hit(session: Session, address_id: str) -> AddressHit | None:
    """One address by id."""
    row = session.get(Address, address_id)
    if row is None:
        return None
    return AddressHit(row.id, row.text, row.ward, row.latitude, row.longitude, "")


def address_count(session: Session) -> int:
    """How many active addresses the list holds."""
    return int(session.scalar(select(func.count()).select_from(Address).where(Address.active)) or 0)


# ---- duplicate candidates --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """An open ticket that may be the same problem, and why it is offered."""

    ticket_id: str
    number: str
    title: str
    status: str
    category_name: str | None
    location_text: str | None
    created_at: datetime
    reporter_count: int
    reason: str  # "same address", "same block", "within 40 m", "same requester"
    distance_m: float | None = None


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    """Where the new request is: address id, text, coordinates (any may be missing)."""

    text: str = ""
    address_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None


def _near_reason(
    place: PlaceQuery, key: tuple[str | None, int | None], row: object
) -> tuple[str, float | None] | None:
    address_id = getattr(row, "address_id", None)
    if place.address_id and address_id == place.address_id:
        return "same address", None
    distance = None
    lat, lon = getattr(row, "latitude", None), getattr(row, "longitude", None)
    if place.latitude is not None and place.longitude is not None and lat is not None and lon is not None:
        distance = distance_m(place.latitude, place.longitude, lat, lon)
    if key[0] and key[1] is not None:
        parts = parse_street(getattr(row, "location_text", None))
        if (parts.street_key, parts.block) == key:
            return "same block", distance
    if distance is not None and distance <= NEAR_METRES:
        return f"within {max(1, round(distance))} m", distance
    return None


def duplicate_candidates(
    session: Session,
    *,
    category_id: str | None,
    place: PlaceQuery | None = None,
    requester_id: str | None = None,
    limit: int = 10,
) -> list[DuplicateCandidate]:
    """Open tickets of the same category near the same place, then open tickets of the same requester.

    "Near" is the same address id, or the same street and block, or within 100 m when both have
    coordinates. Newest first within each group; a ticket is listed once.
    """
    found: dict[str, DuplicateCandidate] = {}
    cols = (
        Ticket.id,
        Ticket.number,
        Ticket.title,
        Ticket.status,
        Category.name,
        Ticket.location_text,
        Ticket.created_at,
        Ticket.reporter_count,
        Ticket.address_id,
        Ticket.latitude,
        Ticket.longitude,
    )
    if (
        category_id
        and place is not None
        and (place.address_id or place.latitude is not None or place.text.strip())
    ):
        parts = parse_street(place.text)
        key = (parts.street_key, parts.block)
        # The open tickets of one category are a few hundred even at 100k tickets: check them in Python.
        rows = session.execute(
            select(
                Ticket.id,
                Ticket.address_id,
                Ticket.location_text,
                Ticket.latitude,
                Ticket.longitude,
                # coalesce(): scan the partial index of open tickets, not every ticket of the category
            ).where(func.coalesce(Ticket.category_id, "") == category_id, Ticket.is_open == true())
        )
        reasons = {row.id: why for row in rows if (why := _near_reason(place, key, row)) is not None}
        if reasons:
            for row in session.execute(
                select(*cols)
                .outerjoin(Category, Category.id == Ticket.category_id)
                .where(Ticket.id.in_(reasons))
            ):
                found[row.id] = _candidate(row, *reasons[row.id])
    place_hits = sorted(found.values(), key=lambda c: (c.distance_m or 0.0, -c.created_at.timestamp()))[
        :limit
    ]
    found = {c.ticket_id: c for c in place_hits}
    if requester_id:
        mine = session.execute(
            select(*cols)
            .join(TicketReporter, TicketReporter.ticket_id == Ticket.id)
            .outerjoin(Category, Category.id == Ticket.category_id)
            .where(TicketReporter.requester_id == requester_id, Ticket.is_open.is_(True))
            .order_by(Ticket.created_at.desc())
            .limit(limit)
        )
        for row in mine:
            if row.id not in found:
                found[row.id] = _candidate(row, "same requester", None)
    return list(found.values())


def _candidate(r: Any, reason: str, distance: float | None) -> DuplicateCandidate:
    return DuplicateCandidate(
        ticket_id=r.id,
        number=r.number,
        title=r.title,
        status=r.status,
        category_name=r.name,
        location_text=r.location_text,
        created_at=r.created_at,
        reporter_count=r.reporter_count,
        reason=reason,
        distance_m=distance,
    )
