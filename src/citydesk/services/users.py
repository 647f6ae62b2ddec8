"""Users of a standalone office: renaming a user (before the office is adopted by the city's server)."""

from __future__ import annotations

from sqlalchemy import func, select, update

from citydesk.domain import validation
from citydesk.domain.errors import ValidationError
from citydesk.domain.permissions import Action
from citydesk.domain.roles import SYSTEM_USER_ID, Actor
from citydesk.services.setup import refuse_if_enrolled
from citydesk.services.transaction import transaction
from citydesk.store.db import Database
from citydesk.store.models import User


def rename_user(db: Database, *, actor: Actor, old: str, new: str) -> str:
    """Give the user `old` the user name `new` (admin; one transaction with its outbox row and field
    clock); returns the user's id. Refused once the database is connected to a server (users belong
    to the server then), for the system user, an unknown `old` and a `new` another user has."""
    old_name = (old or "").strip().lower()
    new_name = validation.text("username", new, required=True, max_len=60, label="New user name").lower()
    if any(ch.isspace() for ch in new_name):
        raise ValidationError("username", "A user name has no spaces.")
    if new_name == "system" or old_name == "system":
        raise ValidationError("username", "The system user's name is fixed.")
    with transaction(db, actor, Action.MANAGE_USERS) as tx:
        refuse_if_enrolled(tx, "users")
        user_id = tx.session.scalar(select(User.id).where(func.lower(User.username) == old_name))
        if user_id is None or user_id == SYSTEM_USER_ID:
            raise ValidationError("username", f"There is no user {old!r} in this database.")
        if old_name == new_name:
            raise ValidationError("username", f"The user is already called {new_name!r}.")
        taken = tx.session.scalar(
            select(User.id).where(func.lower(User.username) == new_name, User.id != user_id)
        )
        if taken is not None:
            raise ValidationError("username", f"The user name {new_name!r} is taken in this database.")
        stamp = tx.capture.stamp()
        tx.session.execute(update(User).where(User.id == user_id).values(username=new_name))
        change_id = tx.capture.record(
            op="update", table="app_user", row_id=user_id, field="username", hlc=stamp.hlc
        )
        tx.set_clock("app_user", user_id, "username", stamp, change_id)
        return user_id
