"""Receipt slip texts an admin edits (English and Spanish), synced as rows with per-field clocks.

Each text is one `receipt_text` row (language + key); its only synced field is `value`, with a
clock in `field_clock` (row id "<language>:<key>") and an outbox row in the same transaction, like
requesters. Every text is checked before anything is written, so a batch either saves whole or not
at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from citydesk.domain import validation
from citydesk.domain.errors import ValidationError
from citydesk.domain.permissions import Action
from citydesk.domain.receipt_texts import check_key, check_language, clean_text
from citydesk.domain.roles import Actor
from citydesk.services.setup import set_setting_in
from citydesk.services.transaction import transaction
from citydesk.store.db import Database
from citydesk.store.models import CitySetting, ReceiptText
from citydesk.store.receipts import PHONE_SETTING


@dataclass(frozen=True, slots=True)
class ReceiptTextsSaved:
    """Which texts of a language were saved (keys of the changed ones)."""

    language: str
    changed: tuple[str, ...]


def receipt_text_row_id(language: str, key: str) -> str:
    """The synced row id of one text ("es:heading")."""
    return f"{language}:{key}"


def set_receipt_texts(
    db: Database,
    *,
    actor: Actor,
    language: str,
    values: Mapping[str, str],
    city_phone: str | None = None,
) -> ReceiptTextsSaved:
    """Save several texts of one language in one transaction (admin); unchanged ones write nothing.

    `city_phone` (the number the slip tells citizens to call; "" clears it, None leaves it) is the city
    setting `city_phone`, saved in the same transaction."""
    lang = check_language(language)
    if not values and city_phone is None:
        raise ValidationError("key", "No receipt text to save.")
    clean = {check_key(key): clean_text(key, value) for key, value in values.items()}
    phone = validation.phone(city_phone) if city_phone is not None else None
    with transaction(db, actor, Action.MANAGE_REFERENCE) as tx:
        changed: list[str] = []
        if city_phone is not None:
            current_phone = tx.session.get(CitySetting, PHONE_SETTING)
            if (current_phone.value if current_phone else None) != phone:
                set_setting_in(tx, PHONE_SETTING, phone)
                changed.append(PHONE_SETTING)
        current = {
            row.key: row
            for row in tx.session.scalars(
                select(ReceiptText).where(ReceiptText.language == lang, ReceiptText.key.in_(list(clean)))
            )
        }
        for key, value in clean.items():
            row = current.get(key)
            if row is not None and row.value == value:
                continue
            stamp = tx.capture.stamp()
            row_id = receipt_text_row_id(lang, key)
            if row is None:
                tx.session.add(ReceiptText(language=lang, key=key, value=value, updated_at=stamp.at))
            else:
                row.value, row.updated_at = value, stamp.at
            op, field = ("insert", None) if row is None else ("update", "value")
            change_id = tx.capture.record(
                op=op, table="receipt_text", row_id=row_id, field=field, hlc=stamp.hlc
            )
            tx.set_clock("receipt_text", row_id, "value", stamp, change_id)
            changed.append(key)
        tx.session.flush()
        return ReceiptTextsSaved(lang, tuple(changed))


def set_receipt_text(db: Database, *, actor: Actor, language: str, key: str, value: str) -> ReceiptTextsSaved:
    """Save one receipt text (admin): validated, one transaction with its field clock and outbox row."""
    return set_receipt_texts(db, actor=actor, language=language, values={key: value})
