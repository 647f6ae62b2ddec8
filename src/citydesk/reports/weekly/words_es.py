"""The weekly report's remaining words in Spanish (the city's working language set to "es"): the week's
label, rates ("3 de 4, 75%") and their change in points, days and times, a category's target, the notes
above the long tables and charts, the busiest day, and the P1 incidents' short timelines, whose lines
the metrics write in English (reports/metrics/incidents.py) and are read back here by their patterns.

The English words stay in `text`, `model` and the metrics; a line this module does not recognise prints
as it is.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from citydesk.reports.model import DayVolume, Incident, Rate, RateFigure
from citydesk.reports.weekly.text import duration
from citydesk.reports.weekly.text_es import plural, short_date
from citydesk.reports.working_language import REPORT_ES

WEEKDAYS = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
WEEKDAY_NAMES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
RECURRING_NOTE = (
    "Tres o más solicitudes en los 90 días hasta el final de la semana sobre la misma categoría en el mismo "
    "lugar, o de la misma persona, que aparecieron esta semana."
)
# The resolution reasons and the statuses as the P1 timelines print them (a ticket's status: masculine,
# "el ticket"); the report's catalogue has the table words.
REASONS = {
    "Done": "Hecho",
    "Duplicate of another request": "Duplicado de otra solicitud",
    "Referred to another agency": "Remitido a otra dependencia",
    "Not a city matter": "No es asunto de la ciudad",
    "Could not locate": "No se pudo localizar",
    "Void (entered by mistake)": "Anulado (registrado por error)",
}
STATUSES = {
    "New": "Nuevo",
    "Assigned": "Asignado",
    "In progress": "En curso",
    "Waiting for the requester": "En espera del solicitante",
    "Waiting for a vendor": "En espera de un proveedor",
    "Waiting for parts": "En espera de piezas",
    "Resolved": "Resuelto",
    "Closed": "Cerrado",
}
_STEPS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"^{pattern}$"), spanish)
    for pattern, spanish in (
        (r"Logged by (?P<who>.*) \((?P<how>[^()]*)\)", "Registrado por {who} ({how})"),
        (r"Routed to (?P<what>.*)", "Enviado a {what}"),
        (r"Assigned to (?P<who>.*)", "Asignado a {who}"),
        (r"Unassigned", "Sin asignar"),
        (r"Priority set to (?P<what>.*)", "Prioridad cambiada a {what}"),
        (r"Public update by (?P<who>.*)", "Actualización pública de {who}"),
        (r"Imported as resolved on an unknown date: (?P<reason>.*)",
         "Importado como resuelto en fecha desconocida: {reason}"),
        (r"Resolved by (?P<who>.*): (?P<reason>.*)", "Resuelto por {who}: {reason}"),
        (r"Reopened by (?P<who>.*)", "Reabierto por {who}"),
        (r"Escalated to level (?P<what>.*)", "Escalado al nivel {what}"),
        (r"Call with the reporter", "Llamada con el informante"),
        (r"Onsite visit scheduled", "Visita en el lugar programada"),
        (r"Another person reported it", "Otra persona lo reportó"),
        (r"(?P<status>[^()]*) \((?P<who>.*)\)", "{status} ({who})"),
    )
)  # fmt: skip


def week_label(year: int, week: int) -> str:
    """The week and its Monday-to-Sunday dates: "2026-W47 (16–22 nov 2026)"."""
    monday = date.fromisocalendar(year, week, 1)
    sunday = monday + timedelta(days=6)
    if monday.year != sunday.year:
        span = f"{short_date(monday, year=True)} – {short_date(sunday, year=True)}"
    elif monday.month != sunday.month:
        span = f"{short_date(monday)} – {short_date(sunday, year=True)}"
    else:
        span = f"{monday.day}–{short_date(sunday, year=True)}"
    return f"{year}-W{week:02d} ({span})"


def rate_text(rate: Rate) -> str:
    """A rate with its counts: "41 de 45, 91%" (or "ninguna" when there were no cases)."""
    if not rate.total:
        return "ninguna"
    return f"{rate.part:,} de {rate.total:,}, {rate.whole_pct}%"


def points(figure: RateFigure) -> str:
    """A rate's change from last week in percentage points: "+3 p. p.", "igual" or a dash."""
    change = figure.change_points
    if change is None:
        return "—"
    if abs(change) < 0.5:
        return "igual"
    return f"{'+' if change > 0 else '−'}{abs(change):.0f} p. p."


def target_text(days: int | None) -> str:
    """A category's target: "5 días hábiles", "el mismo día hábil" or a dash."""
    if days is None:
        return "—"
    if days == 0:
        return "el mismo día hábil"
    return plural(days, "día hábil", "días hábiles")


def day_short(day: date) -> str:
    """A day of the week as "lun 16 nov"."""
    return f"{WEEKDAYS[day.weekday()]} {short_date(day)}"


def day_time(instant: datetime, tz: ZoneInfo) -> str:
    """An instant as "mié 18 13:05" in city time."""
    local = instant.astimezone(tz)
    return f"{WEEKDAYS[local.weekday()]} {local.day} {local:%H:%M}"


def short_day(instant: datetime, tz: ZoneInfo, year: int) -> str:
    """A date as "17 oct" (with the year when it is not the report's year)."""
    local = instant.astimezone(tz).date()
    return short_date(local, year=local.year != year)


def busiest_sentence(day: DayVolume) -> str:
    """ "El día de más actividad: lunes 16 nov, con 2 solicitudes, un 1500% más que lo habitual (0)."."""
    head = f"El día de más actividad: {WEEKDAY_NAMES[day.day.weekday()]} {short_date(day.day)}, con "
    head += plural(day.opened, "solicitud", "solicitudes")
    vs = day.vs_usual_pct
    if vs is None:
        return head + "."
    more = "más" if vs >= 0 else "menos"
    return head + f", un {abs(vs):.0f}% {more} que lo habitual ({day.usual_opened:,.0f})."


def on_time_note(shown: int, goal_pct: float) -> str:
    """The note above the on-time chart."""
    return (
        f"Solicitudes resueltas esta semana que tenían fecha de vencimiento, para las {shown} categorías con "
        f"más; la línea discontinua es la meta de la ciudad: {goal_pct:.0f}% a tiempo."
    )


def aging_note(shown: int, open_total: int) -> str:
    """The note above the past-due and aging table."""
    return (
        f"Las {shown} solicitudes abiertas más vencidas y después las más antiguas, al final de la semana "
        f"({plural(open_total, 'solicitud abierta', 'solicitudes abiertas')} en total)."
    )


def recurring_label(label: str) -> str:
    """A recurring problem's label ("Pothole at 100 Main St", "Jane Roe (same person)") in Spanish."""
    if label.endswith(" (same person)"):
        return label.removesuffix(" (same person)") + " (la misma persona)"
    category, at, place = label.partition(" at ")
    return f"{REPORT_ES.get(category, category)} en {place}" if at else label


def step_text(text: str) -> str:
    """One line of a P1 incident's short timeline in Spanish (the metrics write it in English)."""
    for pattern, spanish in _STEPS:
        found = pattern.match(text)
        if found is None:
            continue
        values = found.groupdict()
        if "how" in values:
            how = values["how"]
            values["how"] = REPORT_ES.get(how[:1].upper() + how[1:], how).lower()
        if "reason" in values:
            values["reason"] = REASONS.get(values["reason"], values["reason"])
        if "status" in values:
            if values["status"] not in STATUSES:
                continue
            values["status"] = STATUSES[values["status"]]
        return spanish.format(**values)
    return text


def incident_times(incident: Incident, tz: ZoneInfo) -> str:
    """When a P1 came in, was first answered and resolved: "Entró mié 18 13:00; primera respuesta tras
    20 min; resuelto tras 3 h 00 min"."""
    times = [f"Entró {day_time(incident.created_at, tz)}"]
    if incident.first_response_at:
        times.append(f"primera respuesta tras {duration(incident.first_response_at - incident.created_at)}")
    if incident.resolved_at:
        times.append(f"resuelto tras {duration(incident.resolved_at - incident.created_at)}")
    return "; ".join(times)
