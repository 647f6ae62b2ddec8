"""Device-local settings (`local_setting`, never synced): read one value by key."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.store.models import LocalSetting


def local_value(session: Session, key: str, default: Any = None) -> Any:
    """The stored JSON value of `key`, or `default` when it was never set."""
    row = session.scalar(select(LocalSetting.value).where(LocalSetting.key == key))
    return default if row is None else row
