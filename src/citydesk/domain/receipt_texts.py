"""The receipt slip's texts in English and Spanish (defaults an admin may override), dates in words,
and the plain-language status phrases read to a caller.

An admin edits a text per language and key (`receipt_text` rows); `effective_texts` merges those over
the defaults here. Texts may use the placeholders `{number}`, `{office}`, `{city}` and `{phone}`;
`clean_text` refuses any other placeholder and unbalanced braces, so a slip never fails to print.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import date

from citydesk.domain.channels import LANGUAGES
from citydesk.domain.errors import ValidationError
from citydesk.domain.statuses import Status

TEXT_MAX = 400
PLACEHOLDERS = ("number", "office", "city", "phone")

# key -> (what it is, for the admin dialog)
RECEIPT_KEYS: dict[str, str] = {
    "heading": "Heading",
    "for_label": "Label of the requester's name",
    "number_label": "Label above the number",
    "date_label": "Label of the date",
    "request_label": "Label of what was asked",
    "category_label": "Label of the category",
    "location_label": "Label of the location",
    "expected_label": "Label of the expected date",
    "no_expected": "When there is no expected date",
    "status_phone": "How to ask about the status (with a phone number)",
    "status_no_phone": "How to ask about the status (no phone number set)",
    "status_no_phone_caller": "How to ask about the status (no phone number set; the requester phoned)",
    "closing": "Closing line",
}

DEFAULTS: dict[str, dict[str, str]] = {
    "en": {
        "heading": "We have received your request",
        "for_label": "For",
        "number_label": "Your request number",
        "date_label": "Date",
        "request_label": "What you asked for",
        "category_label": "Category",
        "location_label": "Location",
        "expected_label": "Expected completion",
        "no_expected": "We will let you know when to expect it.",
        "status_phone": (
            "To ask about the status, call {phone} or visit {office} and give your number {number}."
        ),
        "status_no_phone": "To ask about the status, visit {office} and give your number {number}.",
        "status_no_phone_caller": (
            "To ask about the status, call the number you called today or visit {office}, "
            "and give your number {number}."
        ),
        "closing": "Thank you. Please keep this slip.",
    },
    "es": {
        "heading": "Hemos recibido su solicitud",
        "for_label": "Para",
        "number_label": "Su número de solicitud",
        "date_label": "Fecha",
        "request_label": "Lo que solicitó",
        "category_label": "Categoría",
        "location_label": "Lugar",
        "expected_label": "Fecha prevista de finalización",
        "no_expected": "Le avisaremos cuándo puede esperarlo.",
        "status_phone": (
            "Para preguntar por el estado, llame al {phone} o acuda a {office} e indique su número {number}."
        ),
        "status_no_phone": "Para preguntar por el estado, acuda a {office} e indique su número {number}.",
        "status_no_phone_caller": (
            "Para preguntar por el estado, llame al mismo número al que llamó hoy o acuda a {office}, "
            "e indique su número {number}."
        ),
        "closing": "Gracias. Conserve este comprobante.",
    },
}

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"),
}  # fmt: skip
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}

STATUS_WORDS: dict[str, dict[Status, str]] = {
    "en": {
        Status.NEW: "We have your request and will assign it soon",
        Status.ASSIGNED: "It is assigned to our staff; work will start soon",
        Status.IN_PROGRESS: "We are working on it",
        Status.WAITING_REQUESTER: "We are waiting for information from you",
        Status.WAITING_VENDOR: "Waiting for an outside company",
        Status.WAITING_PARTS: "Waiting for parts",
        Status.RESOLVED: "It is done",
        Status.CLOSED: "It is done and closed",
    },
    "es": {
        Status.NEW: "Tenemos su solicitud y la asignaremos pronto",
        Status.ASSIGNED: "Está asignada a nuestro personal; el trabajo empezará pronto",
        Status.IN_PROGRESS: "Estamos trabajando en ello",
        Status.WAITING_REQUESTER: "Esperamos información de usted",
        Status.WAITING_VENDOR: "Esperando a una empresa externa",
        Status.WAITING_PARTS: "Esperando piezas",
        Status.RESOLVED: "Está hecho",
        Status.CLOSED: "Está hecho y cerrado",
    },
}


def check_language(language: object) -> str:
    """A known language code ("en", "es"), or ValidationError('language')."""
    if language not in LANGUAGES:
        raise ValidationError("language", f"Unknown language {language!r}; choose en or es.")
    return str(language)


def check_key(key: object) -> str:
    """A known receipt text key, or ValidationError('key')."""
    if key not in RECEIPT_KEYS:
        raise ValidationError("key", f"Unknown receipt text {key!r}.")
    return str(key)


def clean_text(key: str, value: object) -> str:
    """A receipt text: required, one paragraph, at most 400 characters, only known placeholders."""
    if not isinstance(value, str):
        raise ValidationError(key, "The text must be text.")
    cleaned = " ".join(value.split())
    if not cleaned:
        raise ValidationError(key, "The text is required (use Reset to go back to the default).")
    if len(cleaned) > TEXT_MAX:
        raise ValidationError(key, f"The text is too long ({len(cleaned)} characters; at most {TEXT_MAX}).")
    try:
        fields = [name for _lit, name, _spec, _conv in string.Formatter().parse(cleaned) if name is not None]
    except ValueError:
        raise ValidationError(key, "Braces must come in pairs, like {number}.") from None
    for name in fields:
        if name not in PLACEHOLDERS:
            shown = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            raise ValidationError(key, f"Unknown placeholder {{{name}}}; use {shown}.")
    return cleaned


def effective_texts(language: str, overrides: Mapping[str, str]) -> dict[str, str]:
    """The slip's texts in `language`: the admin's overrides over the defaults."""
    texts = dict(DEFAULTS.get(language, DEFAULTS["en"]))
    texts.update({k: v for k, v in overrides.items() if k in RECEIPT_KEYS and v})
    return texts


def fill(template: str, **values: str) -> str:
    """A text with its placeholders filled in (unknown or missing ones print as blanks)."""
    safe = {name: values.get(name, "") for name in PLACEHOLDERS}
    try:
        return template.format(**safe)
    except (KeyError, ValueError, IndexError):
        return template


def date_words(day: date, language: str) -> str:
    """A date in words: "Monday, November 16, 2026" / "lunes, 16 de noviembre de 2026"."""
    lang = language if language in _MONTHS else "en"
    weekday, month = _WEEKDAYS[lang][day.weekday()], _MONTHS[lang][day.month - 1]
    if lang == "es":
        return f"{weekday}, {day.day} de {month} de {day.year}"
    return f"{weekday}, {month} {day.day}, {day.year}"


def status_words(status: str, language: str = "en") -> str:
    """A status as a caller understands it ("We are working on it")."""
    words = STATUS_WORDS.get(language, STATUS_WORDS["en"])
    try:
        return words[Status(status)]
    except ValueError:
        return status
