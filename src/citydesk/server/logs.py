"""Structured server logs: one `key=value` line per event (push, pull, enrol, errors) through `logging`.

Only identifiers, counts and statuses are logged: never credentials, enrolment codes, user names,
requester names, phones, addresses or note text. `event` refuses values that are not plain ids, numbers
or short codes, so personal data cannot slip in by mistake.
"""

from __future__ import annotations

import logging
import re
from typing import Final

LOGGER_NAME: Final = "citydesk.server"
logger = logging.getLogger(LOGGER_NAME)
_SAFE = re.compile(r"[A-Za-z0-9_.:/\-]{0,80}")


def _value(value: object) -> str:
    """A logged value: numbers and booleans as they are; text only when it is a plain id or code."""
    if value is None:
        return "-"
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value)
    return text if _SAFE.fullmatch(text) else "<redacted>"


def event(name: str, **fields: object) -> str:
    """The line of one event: `event=NAME key=value ...` (unsafe text values shown as <redacted>)."""
    parts = [f"event={_value(name)}"]
    parts.extend(f"{key}={_value(value)}" for key, value in fields.items())
    return " ".join(parts)


def log_event(name: str, *, level: int = logging.INFO, **fields: object) -> None:
    """Log one event on the `citydesk.server` logger."""
    if logger.isEnabledFor(level):
        logger.log(level, event(name, **fields))


def configure(level: str = "info") -> None:
    """Send the server's event lines to stderr (`serve` calls this; uvicorn logs its own lines)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.handlers[:] = [handler]
    logger.setLevel(level.upper())
    logger.propagate = False
