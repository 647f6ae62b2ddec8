"""The domain's words in the UI's language: statuses, priorities and their meanings, channels, reply methods,
resolution reasons, roles, requester kinds, languages, "reported by N people", relative ages and dates.

Codes stay codes in the database, the CSV files and the sync wire; only what a person reads goes through
here. Each table lists the English words as literals inside `QT_TRANSLATE_NOOP("Words", …)` so
scripts/translations.py extracts them; a label the table does not know (a code from a newer version,
say) is shown as the domain's English label or the code itself.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

from citydesk.domain.channels import LANGUAGES, Channel, ReplyMethod, RequesterKind
from citydesk.domain.priorities import Priority
from citydesk.domain.roles import Role
from citydesk.domain.statuses import ResolutionReason, Status


def tr(text: str) -> str:
    """Translate `text` in the domain words' context."""
    return QCoreApplication.translate("Words", text)


STATUS = {
    Status.NEW: QT_TRANSLATE_NOOP("Words", "New"),
    Status.ASSIGNED: QT_TRANSLATE_NOOP("Words", "Assigned"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Words", "In progress"),
    Status.WAITING_REQUESTER: QT_TRANSLATE_NOOP("Words", "Waiting for the requester"),
    Status.WAITING_VENDOR: QT_TRANSLATE_NOOP("Words", "Waiting for a vendor"),
    Status.WAITING_PARTS: QT_TRANSLATE_NOOP("Words", "Waiting for parts"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("Words", "Resolved"),
    Status.CLOSED: QT_TRANSLATE_NOOP("Words", "Closed"),
}
PRIORITY = {
    Priority.P1: QT_TRANSLATE_NOOP("Words", "P1 Critical"),
    Priority.P2: QT_TRANSLATE_NOOP("Words", "P2 High"),
    Priority.P3: QT_TRANSLATE_NOOP("Words", "P3 Normal"),
    Priority.OPS: QT_TRANSLATE_NOOP("Words", "Ops (planned work)"),
}
PRIORITY_MEANING = {
    Priority.P1: QT_TRANSLATE_NOOP(
        "Words", "Service down or security breach: dispatch now, page the on-call person, around the clock."
    ),
    Priority.P2: QT_TRANSLATE_NOOP("Words", "Degraded or important: handle the same business day."),
    Priority.P3: QT_TRANSLATE_NOOP(
        "Words", "Normal request: done within the category's target number of business days."
    ),
    Priority.OPS: QT_TRANSLATE_NOOP(
        "Words", "Planned operational work (patches, backup checks, upgrades), counted apart from requests."
    ),
}
CHANNEL = {
    Channel.PHONE: QT_TRANSLATE_NOOP("Words", "Phone"),
    Channel.WALK_IN: QT_TRANSLATE_NOOP("Words", "Walk-in"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Words", "E-mail"),
    Channel.WEB: QT_TRANSLATE_NOOP("Words", "Web"),
    Channel.INTRANET: QT_TRANSLATE_NOOP("Words", "Intranet"),
    Channel.INTERNAL: QT_TRANSLATE_NOOP("Words", "Internal"),
    Channel.AFTER_HOURS: QT_TRANSLATE_NOOP("Words", "After-hours dispatch"),
}
# A channel's letter in the New request form's channel field, "W (Walk-in)": its translation's first
# letter is the one a clerk types in that language ("P (Presencial)").
CHANNEL_LETTER = {
    Channel.WALK_IN: QT_TRANSLATE_NOOP("Words", "W (Walk-in)"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Words", "P (Phone)"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Words", "E (E-mail)"),
    Channel.WEB: QT_TRANSLATE_NOOP("Words", "B (Web)"),
    Channel.INTRANET: QT_TRANSLATE_NOOP("Words", "T (Intranet)"),
    Channel.INTERNAL: QT_TRANSLATE_NOOP("Words", "I (Internal)"),
    Channel.AFTER_HOURS: QT_TRANSLATE_NOOP("Words", "A (After-hours dispatch)"),
}
REPLY = {
    ReplyMethod.PHONE: QT_TRANSLATE_NOOP("Words", "Phone"),
    ReplyMethod.EMAIL: QT_TRANSLATE_NOOP("Words", "E-mail"),
    ReplyMethod.LETTER: QT_TRANSLATE_NOOP("Words", "Letter"),
    ReplyMethod.NONE: QT_TRANSLATE_NOOP("Words", "No reply wanted"),
}
REASON = {
    ResolutionReason.DONE: QT_TRANSLATE_NOOP("Words", "Done"),
    ResolutionReason.DUPLICATE: QT_TRANSLATE_NOOP("Words", "Duplicate of another request"),
    ResolutionReason.REFERRED: QT_TRANSLATE_NOOP("Words", "Referred to another agency"),
    ResolutionReason.NOT_CITY_MATTER: QT_TRANSLATE_NOOP("Words", "Not a city matter"),
    ResolutionReason.COULD_NOT_LOCATE: QT_TRANSLATE_NOOP("Words", "Could not locate"),
    ResolutionReason.VOID: QT_TRANSLATE_NOOP("Words", "Void (entered by mistake)"),
}
ROLE = {
    Role.CLERK: QT_TRANSLATE_NOOP("Words", "Clerk"),
    Role.TECHNICIAN: QT_TRANSLATE_NOOP("Words", "Technician"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Words", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Words", "Admin"),
    Role.SYSTEM: QT_TRANSLATE_NOOP("Words", "System"),
}
KIND = {
    RequesterKind.CITIZEN: QT_TRANSLATE_NOOP("Words", "Citizen"),
    RequesterKind.STAFF: QT_TRANSLATE_NOOP("Words", "City staff member"),
}
LANGUAGE = {
    "en": QT_TRANSLATE_NOOP("Words", "English"),
    "es": QT_TRANSLATE_NOOP("Words", "Spanish"),
}


def _label(table: dict, code: object, english: str | None = None) -> str:  # type: ignore[type-arg]
    text = table.get(code) if isinstance(code, str) else None
    return tr(text) if text else (english or str(code))


def status_label(code: str) -> str:
    """ "In progress" / "En curso"."""
    return _label(STATUS, code)


def priority_label(code: str) -> str:
    """ "P1 Critical" / "P1 Crítica"."""
    return _label(PRIORITY, code)


def priority_meaning(code: str) -> str:
    """What a priority means, in a sentence."""
    return _label(PRIORITY_MEANING, code, "")


def channel_label(code: str) -> str:
    """ "Walk-in" / "Presencial"."""
    return _label(CHANNEL, code)


def reply_label(code: str) -> str:
    """How a requester wants to hear back: "Letter" / "Carta"."""
    return _label(REPLY, code)


def reason_label(code: str) -> str:
    """A resolution reason: "Not a city matter" / "No es asunto de la ciudad"."""
    return _label(REASON, code)


def role_label(code: str) -> str:
    """ "Supervisor" / "Supervisor(a)"."""
    return _label(ROLE, code)


def kind_label(code: str) -> str:
    """ "Citizen" / "Ciudadano(a)"."""
    return _label(KIND, code)


def language_label(code: str) -> str:
    """A requester's language by its code: "Spanish" / "Español"."""
    return _label(LANGUAGE, code, LANGUAGES.get(code))


def channel_letters() -> dict[Channel, str]:
    """Each channel's letter in the UI's language (a capital); English's when a translation repeats one."""
    english = {channel: text[0] for channel, text in CHANNEL_LETTER.items()}
    shown = {channel: tr(text)[:1].upper() for channel, text in CHANNEL_LETTER.items()}
    if len(set(shown.values())) != len(shown) or not all(v.isalpha() for v in shown.values()):
        return english
    return shown


def ui_language() -> str:
    """The language the UI speaks: "es" when the Spanish translation is loaded, else "en"."""
    code = tr("en")  # the translation says its own language's code
    return code if code in LANGUAGES else "en"


def ui_locale() -> QLocale:
    """The locale for dates and numbers in the UI's language (US Spanish or US English)."""
    return QLocale("es_US") if ui_language() == "es" else QLocale("en_US")


def reported_by(count: int) -> str:
    """ "Reported by 1 person" / "Reportado por 3 personas"."""
    return tr("Reported by 1 person") if count == 1 else tr("Reported by {0} people").format(count)


def people(count: int) -> str:
    """ "1 person" / "3 personas"."""
    return tr("1 person") if count == 1 else tr("{0} people").format(count)


def span(delta: timedelta) -> str:
    """A length of time in its largest whole unit: "3 hours" / "3 horas" ("1 minute" at least)."""
    seconds = max(0, int(delta.total_seconds()))
    days, hours, minutes = seconds // 86400, seconds // 3600, max(1, seconds // 60)
    if days >= 1:
        return tr("1 day") if days == 1 else tr("{0} days").format(days)
    if hours >= 1:
        return tr("1 hour") if hours == 1 else tr("{0} hours").format(hours)
    return tr("1 minute") if minutes == 1 else tr("{0} minutes").format(minutes)


def ago(then: datetime, now: datetime) -> str:
    """ "3 hours ago" / "hace 3 horas"; "just now" / "justo ahora" under a minute."""
    if (now - then).total_seconds() < 60:
        return tr("just now")
    return tr("{0} ago").format(span(now - then))


def date_text(day: date) -> str:
    """A day, short: "Mon 16 Nov 2026" / "lun 16 nov 2026"."""
    return ui_locale().toString(QDate(day.year, day.month, day.day), tr("ddd d MMM yyyy"))


def short_date_text(day: date) -> str:
    """A day in a table: "16 Nov 2026" / "16 nov 2026"."""
    return ui_locale().toString(QDate(day.year, day.month, day.day), tr("d MMM yyyy"))


def due_day_text(day: date) -> str:
    """A due day in the tickets table: "Mon 16 Nov" / "lun 16 nov"."""
    return ui_locale().toString(QDate(day.year, day.month, day.day), tr("ddd dd MMM"))


def long_date_text(day: date) -> str:
    """A day in words: "Monday, November 16, 2026" / "lunes, 16 de noviembre de 2026"."""
    return ui_locale().toString(QDate(day.year, day.month, day.day), tr("dddd, MMMM d, yyyy"))


def day_text(day: date) -> str:
    """A day of this year in words: "Thursday, November 19" / "jueves, 19 de noviembre"."""
    return ui_locale().toString(QDate(day.year, day.month, day.day), tr("dddd, MMMM d"))


def date_time_text(moment: datetime) -> str:
    """A local date and time: "Mon 16 Nov 2026, 9:05 AM" / "lun 16 nov 2026, 9:05"."""
    when = QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
    return ui_locale().toString(when, tr("ddd d MMM yyyy, h:mm AP"))


def date_format() -> str:
    """The display format of a date field (QDateEdit) in the UI's language."""
    return tr("ddd d MMM yyyy")
