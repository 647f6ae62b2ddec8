"""Error messages in the UI's language.

The domain and the services raise their errors in English (the CLI and the server speak it, and the
logs stay comparable); a form or the status bar shows them through `error_text`, which recognises the
messages a person meets at the desk by their English template ("{name} is required.") and gives the
translated template with the same values. A message it does not know is shown as it is.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TEMPLATES = (
    QT_TRANSLATE_NOOP("Errors", "{name} is required."),
    QT_TRANSLATE_NOOP("Errors", "{name} must be text."),
    QT_TRANSLATE_NOOP("Errors", "{name} is too long ({count} characters; at most {limit})."),
    QT_TRANSLATE_NOOP("Errors", "{value} does not look like a phone number (7 to 15 digits)."),
    QT_TRANSLATE_NOOP("Errors", "{value} is not a valid e-mail address."),
    QT_TRANSLATE_NOOP("Errors", "Time spent must be a whole number of minutes."),
    QT_TRANSLATE_NOOP("Errors", "Time spent must be between 1 and {limit} minutes."),
    QT_TRANSLATE_NOOP("Errors", "Escalation level must be 1 to {limit}."),
    QT_TRANSLATE_NOOP("Errors", "Office code must be 2 to 5 letters, like CLK."),
    QT_TRANSLATE_NOOP("Errors", "Choose an existing requester or enter a new one, not both."),
    QT_TRANSLATE_NOOP("Errors", "Choose the caller (or enter them as a new requester) first."),
    QT_TRANSLATE_NOOP("Errors", "A requester is a citizen or a staff member."),
    QT_TRANSLATE_NOOP("Errors", "An anonymous requester cannot have a name, phone, e-mail or address."),
    QT_TRANSLATE_NOOP("Errors", "Give a name, phone or e-mail, or mark the requester anonymous."),
    QT_TRANSLATE_NOOP("Errors", "A phone number is needed to reply by phone."),
    QT_TRANSLATE_NOOP("Errors", "An e-mail address is needed to reply by e-mail."),
    QT_TRANSLATE_NOOP("Errors", "A postal address is needed to reply by letter."),
    QT_TRANSLATE_NOOP("Errors", "Choose the staff member's department."),
    QT_TRANSLATE_NOOP("Errors", "Choose two different requesters to merge."),
    QT_TRANSLATE_NOOP("Errors", "This requester was already merged into another."),
    QT_TRANSLATE_NOOP("Errors", "That requester was itself merged into another; choose that one."),
    QT_TRANSLATE_NOOP("Errors", "A ticket cannot be a duplicate of itself."),
    QT_TRANSLATE_NOOP("Errors", "Choose either a person or a department queue."),
    QT_TRANSLATE_NOOP("Errors", "Give the visit's date and time."),
    QT_TRANSLATE_NOOP("Errors", "The visit's date is more than {count} days ago: check the date."),
    QT_TRANSLATE_NOOP("Errors", "The visit's date is more than a year ahead: check the date (the year?)."),
    QT_TRANSLATE_NOOP("Errors", "Only a resolved or closed ticket can be reopened."),
    QT_TRANSLATE_NOOP("Errors", "Reopen the ticket before assigning it."),
    QT_TRANSLATE_NOOP("Errors", "Reopen the ticket before scheduling a visit."),
    QT_TRANSLATE_NOOP("Errors", "The target date cannot be in the past."),
    QT_TRANSLATE_NOOP("Errors", "The ticket is already assigned to that person."),
    QT_TRANSLATE_NOOP("Errors", "This person is already a reporter of this ticket."),
    QT_TRANSLATE_NOOP("Errors", "Use Resolve, which asks for a reason and a note to the requester."),
    QT_TRANSLATE_NOOP("Errors", "No ticket numbered {value}."),
    QT_TRANSLATE_NOOP("Errors", "The ticket is already at escalation level {value}."),
    QT_TRANSLATE_NOOP("Errors", "The password needs at least {count} characters."),
    QT_TRANSLATE_NOOP("Errors", "The user name {value} is taken."),
    QT_TRANSLATE_NOOP("Errors", "Nobody is signed in."),
    QT_TRANSLATE_NOOP("Errors", "That user cannot sign in here."),
    QT_TRANSLATE_NOOP("Errors", "Reference data is edited on the server once this PC is enrolled ({server}): ask the city's administrator to change the {what} there."),  # noqa: E501
    QT_TRANSLATE_NOOP("Errors", "Something went wrong: {detail}. Nothing was saved; please try again."),
    # The sync engine's warning about this PC's clock (the status bar's tooltip, Sync by file's result).
    QT_TRANSLATE_NOOP("Errors", "This PC's clock is about 1 minute ahead of the server's. Ask IT to correct the PC's date and time; until then citydesk stamps changes with the server's time."),  # noqa: E501
    QT_TRANSLATE_NOOP("Errors", "This PC's clock is about 1 minute behind the server's. Ask IT to correct the PC's date and time; until then citydesk stamps changes with the server's time."),  # noqa: E501
    QT_TRANSLATE_NOOP("Errors", "This PC's clock is about {count} minutes ahead of the server's. Ask IT to correct the PC's date and time; until then citydesk stamps changes with the server's time."),  # noqa: E501
    QT_TRANSLATE_NOOP("Errors", "This PC's clock is about {count} minutes behind the server's. Ask IT to correct the PC's date and time; until then citydesk stamps changes with the server's time."),  # noqa: E501
    QT_TRANSLATE_NOOP("Errors", "{warning} This PC's changes were not applied at city hall: they were given corrected times and go with the next file. Write a new file and carry it again."),  # noqa: E501
)
# Field names that appear inside the messages ("Title is required.").
NAMES = (
    QT_TRANSLATE_NOOP("Errors", "Title"),
    QT_TRANSLATE_NOOP("Errors", "Description"),
    QT_TRANSLATE_NOOP("Errors", "Note"),
    QT_TRANSLATE_NOOP("Errors", "Name"),
    QT_TRANSLATE_NOOP("Errors", "Location"),
    QT_TRANSLATE_NOOP("Errors", "Phone"),
    QT_TRANSLATE_NOOP("Errors", "Email"),
    QT_TRANSLATE_NOOP("Errors", "Address"),
    QT_TRANSLATE_NOOP("Errors", "Reason"),
    QT_TRANSLATE_NOOP("Errors", "Summary"),
    QT_TRANSLATE_NOOP("Errors", "Public note"),
)
_TRANSLATED_VALUES = frozenset({"name"})  # values that are words, not data
_NESTED_VALUES = frozenset({"warning"})  # values that are known messages themselves


def tr(text: str) -> str:
    """Translate `text` in the error messages' context."""
    return QCoreApplication.translate("Errors", text)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The regular expression an English template's messages match ("{name} is required.")."""
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
    return re.compile(f"^{regex}$", re.DOTALL)


def error_text(message: str) -> str:
    """`message` in the UI's language when it is one of the known English messages; else as it is."""
    for template in TEMPLATES:
        found = _pattern(template).match(message)
        if found is None:
            continue
        translated = tr(template)
        if translated == template:
            return message  # no translation loaded: English as raised
        values = dict(found.groupdict())
        for key, value in values.items():
            if key in _TRANSLATED_VALUES:
                values[key] = tr(value)
            elif key in _NESTED_VALUES:
                values[key] = error_text(value)
        try:
            return translated.format(**values)
        except (KeyError, IndexError, ValueError):
            return message
    return message
