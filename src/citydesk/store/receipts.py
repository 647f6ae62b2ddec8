"""Read queries for the receipt slip: everything one slip prints, and the texts an admin has edited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain.channels import LANGUAGES
from citydesk.domain.errors import NotFound
from citydesk.domain.receipt_texts import effective_texts
from citydesk.store.models import Category, Office, ReceiptText, Requester, Ticket, TicketReporter
from citydesk.store.settings import load_settings

PHONE_SETTING = "city_phone"
"""The city setting holding the phone number citizens call about their requests (optional)."""


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """One receipt slip's content (plain data; dates in the city's time zone)."""

    ticket_id: str
    number: str
    city_name: str
    office_name: str
    phone: str | None
    created_at: datetime
    due_at: datetime | None
    tz_name: str
    title: str
    category_name: str | None
    location: str | None
    language: str
    requester_name: str | None  # None for anonymous requesters (nothing identifying is printed)
    texts: tuple[tuple[str, str], ...]
    channel: str | None = None  # how this requester reached the city (a phone caller is told to call)

    def text(self, key: str) -> str:
        """The slip's text for `key` in its language."""
        return dict(self.texts).get(key, "")

    @property
    def created_date(self) -> date:
        """The day the request was logged, in city time."""
        return self.created_at.astimezone(ZoneInfo(self.tz_name)).date()

    @property
    def due_date(self) -> date | None:
        """The expected completion day, in city time."""
        return self.due_at.astimezone(ZoneInfo(self.tz_name)).date() if self.due_at else None


def city_phone(session: Session) -> str | None:
    """The phone number receipts tell citizens to call, or None while it is not set."""
    phone = load_settings(session).get(PHONE_SETTING)
    return str(phone).strip() or None if phone else None


def text_overrides(session: Session, language: str) -> dict[str, str]:
    """The texts an admin has edited for `language` (key -> text)."""
    rows = session.execute(select(ReceiptText.key, ReceiptText.value).where(ReceiptText.language == language))
    return {key: value for key, value in rows}


def receipt_data(
    session: Session,
    ticket_id: str,
    *,
    requester_id: str | None = None,
    language: str | None = None,
    newest_reporter: bool = False,
) -> ReceiptData:
    """The slip for a ticket, for one of its reporters in their language: `requester_id`, else the
    newest reporter (a caller just added to a reported problem) or the first."""
    ticket = session.scalar(select(Ticket).where(Ticket.id == ticket_id))
    if ticket is None:
        raise NotFound("ticket", ticket_id)
    stmt = (
        select(Requester, TicketReporter.channel)
        .join(TicketReporter, TicketReporter.requester_id == Requester.id)
        .where(TicketReporter.ticket_id == ticket_id)
        .order_by(TicketReporter.reported_at.desc() if newest_reporter else TicketReporter.reported_at)
    )
    if requester_id is not None:
        stmt = stmt.where(Requester.id == requester_id)
    found = session.execute(stmt.limit(1)).first()
    requester, channel = (found[0], found[1]) if found is not None else (None, None)
    chosen = language or (requester.preferred_language if requester else "en")
    if chosen not in LANGUAGES:
        chosen = "en"
    settings = load_settings(session)
    office = session.get(Office, ticket.office_id)
    category = session.get(Category, ticket.category_id) if ticket.category_id else None
    name = None
    if requester is not None and not requester.anonymous:
        name = requester.name
    texts = effective_texts(chosen, text_overrides(session, chosen))
    phone = settings.get(PHONE_SETTING)
    return ReceiptData(
        ticket_id=ticket.id,
        number=ticket.number,
        city_name=str(settings["city_name"]),
        office_name=office.name if office else "",
        phone=str(phone).strip() or None if phone else None,
        created_at=ticket.created_at,
        due_at=ticket.due_at,
        tz_name=str(settings["time_zone"]),
        title=ticket.title,
        category_name=category.name if category else None,
        location=ticket.location_text,
        language=chosen,
        requester_name=name,
        texts=tuple(sorted(texts.items())),
        channel=channel,
    )


def sample_receipt(session: Session, language: str, *, now: datetime) -> ReceiptData:
    """A slip with made-up request details and the real city, office and texts (the admin's preview)."""
    from datetime import timedelta

    from citydesk.store.models import SyncState

    settings = load_settings(session)
    prefix = session.scalar(select(SyncState.number_prefix)) or "CLK-ABC"
    office = session.scalar(select(Office.name).join(SyncState, SyncState.office_id == Office.id))
    lang = language if language in LANGUAGES else "en"
    phone = settings.get(PHONE_SETTING)
    samples = {"en": ("Streetlight out", "Light out in front of the library"),
               "es": ("Streetlight out", "Farola apagada frente a la biblioteca")}  # fmt: skip
    category, title = samples[lang]
    return ReceiptData(
        ticket_id="",
        number=f"{prefix}-000123",
        city_name=str(settings["city_name"]),
        office_name=office or "",
        phone=str(phone).strip() or None if phone else None,
        created_at=now,
        due_at=now + timedelta(days=4),
        tz_name=str(settings["time_zone"]),
        title=title,
        category_name=category,
        location="120 Main Street",
        language=lang,
        requester_name=None,
        texts=tuple(sorted(effective_texts(lang, text_overrides(session, lang)).items())),
    )
