"""What a ticket call is given, checked: channel, reply method, location, and the rows it names.

Parsing is pure (`parse_*`); the `check_*`, `live_*` and `read_references` lookups read inside the
caller's transaction and raise ValidationError naming the form field (`unknown_*`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from citydesk.domain import validation
from citydesk.domain.channels import Channel, ReplyMethod
from citydesk.domain.errors import ValidationError
from citydesk.domain.numbers import normalize_number
from citydesk.domain.requesters import shown
from citydesk.services.transaction import Tx
from citydesk.store import statements as st
from citydesk.store.merges import survivor_id
from citydesk.store.models import Ticket


def parse_channel(value: object) -> Channel:
    """The Channel for `value`, or ValidationError naming the field."""
    try:
        return Channel(str(value))
    except ValueError:
        raise ValidationError("channel", f"Unknown channel {value!r}.") from None


def parse_reply_method(value: object) -> ReplyMethod:
    """The ReplyMethod for `value`, or ValidationError naming the field."""
    try:
        return ReplyMethod(str(value))
    except ValueError:
        raise ValidationError("reply_method", f"Unknown reply method {value!r}.") from None


def parse_location(value: object) -> dict[str, Any] | None:
    """Validate a location (text, or dict with text/address_id/ward/lat/lon); None when blank."""
    if value is None:
        return None
    data: dict[str, Any] = dict(value) if isinstance(value, dict) else {"text": value}
    loc_text = validation.text("location", data.get("text"), required=False, max_len=validation.LOCATION_MAX)
    out: dict[str, Any] = {"text": loc_text}
    for key, low, high in (("lat", -90.0, 90.0), ("lon", -180.0, 180.0)):
        if data.get(key) is not None:
            try:
                number = float(data[key])
            except (TypeError, ValueError):
                raise ValidationError("location", f"{key} must be a number.") from None
            if not low <= number <= high:
                raise ValidationError("location", f"{key} {number} is out of range.")
            out[key] = number
    if data.get("address_id"):
        out["address_id"] = str(data["address_id"])
    if data.get("ward"):
        out["ward"] = validation.text("location", data.get("ward"), required=False, max_len=60)
    if not loc_text and len(out) == 1:
        return None
    return out


@dataclass(frozen=True, slots=True)
class _Category:
    """The columns of a category a new ticket uses."""

    id: str
    department_id: str
    default_priority: str
    target_business_days: int


@dataclass(frozen=True, slots=True)
class _Requester:
    """The columns of a live requester a new ticket uses."""

    id: str
    reply_method: str
    name: str | None
    anonymous: bool


@dataclass(frozen=True, slots=True)
class References:
    """What a new ticket names: the checked category, whether the department exists, whether the
    assignee is an active user, and the requester as read (checked by `live_requester`)."""

    category: Any
    department_found: bool
    assignee_active: bool
    requester_id: str | None
    row: Any

    def live_requester(self, tx: Tx) -> Any:
        """The live requester (id, reply_method, name, anonymous), following merges; or ValidationError."""
        row = self.row
        if not self.requester_id:
            return None
        if row.requester_id is None:
            raise unknown_requester(self.requester_id)
        if row.merged_into:
            return live_requester_row(tx, row.requester_id)
        return _Requester(row.requester_id, shown_reply_method(row), row.name, bool(row.anonymous))


def shown_reply_method(row: Any) -> str:
    """A requester row's reply method as read (anonymous: none; a method whose contact is missing falls
    back), from a row with reply_method, anonymous, phone, email and address."""
    values = {f: getattr(row, f) for f in ("reply_method", "anonymous", "phone", "email", "address")}
    return str(shown(values)["reply_method"])


def read_references(
    tx: Tx,
    *,
    category_id: str | None,
    department_id: str | None,
    assignee_id: str | None,
    requester_id: str | None,
) -> References:
    """Read the category, department, assignee and requester a new ticket names, in one statement.

    Checks the category (the form's first field); the caller checks the others in order. The
    department read is the given one, else the category's. Only a merged requester costs more reads.
    """
    row = st.RUN_CREATE_REFERENCES.one_or_none(
        tx.session,
        {
            "category_id": category_id or None,
            "department_id": department_id or None,
            "assignee_id": assignee_id,
            "requester_id": requester_id or None,
        },
    )
    category = None
    if category_id:
        if row.category_id is None or not row.category_active:
            raise unknown_category(category_id)
        category = _Category(
            row.category_id, row.category_department_id, row.default_priority, row.target_business_days
        )
    return References(
        category=category,
        department_found=row.department_id is not None,
        assignee_active=row.assignee_id is not None and bool(row.assignee_active),
        requester_id=requester_id,
        row=row,
    )


def unknown_category(category_id: str | None) -> ValidationError:
    """The error for a category that does not exist or is retired."""
    return ValidationError("category", f"Unknown category {category_id!r}.")


def unknown_department(department_id: str | None) -> ValidationError:
    """The error for a department that does not exist."""
    return ValidationError("department", f"Unknown department {department_id!r}.")


def unknown_user(user_id: str | None, field: str = "assignee") -> ValidationError:
    """The error for a user who does not exist or is inactive."""
    return ValidationError(field, f"Unknown or inactive user {user_id!r}.")


def unknown_requester(requester_id: str | None) -> ValidationError:
    """The error for a requester who does not exist."""
    return ValidationError("requester", f"Unknown requester {requester_id!r}.")


def check_category(tx: Tx, category_id: str | None) -> Any:
    """The active category's row (id, department_id, default_priority, target_business_days), or None."""
    if not category_id:
        return None
    row = tx.session.execute(st.CATEGORY_ROW, {"id": category_id}).one_or_none()
    if row is None or not row.active:
        raise unknown_category(category_id)
    return row


def check_department(tx: Tx, department_id: str | None) -> None:
    """Raise unless the department exists (None passes)."""
    if department_id and tx.session.scalar(st.DEPARTMENT_EXISTS, {"id": department_id}) is None:
        raise unknown_department(department_id)


def check_user(tx: Tx, user_id: str | None, field: str = "assignee") -> None:
    """Raise unless the user exists and is active (None passes)."""
    if user_id is None:
        return
    row = tx.session.execute(st.USER_ROLE, {"id": user_id}).one_or_none()
    if row is None or not row.active:
        raise unknown_user(user_id, field)


def live_requester_row(tx: Tx, requester_id: str) -> _Requester:
    """The live requester (id, reply_method as read, name, anonymous), following merges
    (`store.merges.survivor_id`); ValidationError when a row on the way is not here."""
    live = live_requester(tx, requester_id)
    row = tx.session.execute(st.REQUESTER_FULL, {"id": live}).one()  # live_requester checked it is here
    return _Requester(row.id, shown_reply_method(row), row.name, bool(row.anonymous))


def live_requester(tx: Tx, requester_id: str | None) -> str | None:
    """The live requester id (following merges: `store.merges.survivor_id`), or ValidationError."""
    if not requester_id:
        return None
    if tx.session.execute(st.REQUESTER_LINK, {"id": requester_id}).one_or_none() is None:
        raise unknown_requester(requester_id)
    live = survivor_id(tx.session, requester_id)
    if tx.session.execute(st.REQUESTER_LINK, {"id": live}).one_or_none() is None:
        raise unknown_requester(live)
    return live


def find_ticket_ids_by_number(tx: Tx, typed: str) -> list[str]:
    """Ticket ids with this number (normally one; two if a number was ever issued twice)."""
    number = normalize_number(typed)
    if number is None:
        return []
    return list(tx.session.scalars(select(Ticket.id).where(Ticket.number == number)))
