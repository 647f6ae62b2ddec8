"""The city's working language: the language of the weekly report's headings and the CSV exports' column
headings (a city setting; English by default). The desktop's own language follows each PC's system
language instead, and a receipt follows its requester's."""

from __future__ import annotations

from citydesk.domain.errors import ValidationError

SETTING = "working_language"
WORKING_LANGUAGES = ("en", "es")
DEFAULT = "en"


def check_working_language(value: object) -> str:
    """The working language code for `value` ("en" or "es"), or ValidationError naming the setting."""
    code = str(value or "").strip().lower()
    if code not in WORKING_LANGUAGES:
        choices = ", ".join(WORKING_LANGUAGES)
        raise ValidationError(SETTING, f"The working language must be one of {choices}; got {value!r}.")
    return code
