"""Set the city's working language (admin): the weekly report and the CSV exports follow it."""

from __future__ import annotations

from citydesk.domain.roles import Actor
from citydesk.domain.working_language import SETTING, check_working_language
from citydesk.services.setup import set_setting
from citydesk.store.db import Database


def set_working_language(db: Database, *, actor: Actor, language: str) -> str:
    """Store `language` ("en" or "es") as the city's working language (synced like every city setting);
    a bad code or a non-admin writes nothing. Returns the stored code."""
    code = check_working_language(language)
    set_setting(db, actor=actor, key=SETTING, value=code)
    return code
