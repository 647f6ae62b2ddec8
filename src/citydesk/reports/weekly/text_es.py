"""The weekly report's words in Spanish (the city's working language set to "es"): the page-1 summary,
the definitions page and dates, written for Spanish-speaking staff of a US city. The English words are in
`text`; the figures are the same."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from citydesk.reports.model import WeeklyMetrics

_MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
PRIORITY_WORDS = {
    "P1": "P1 Crítica: servicio caído o brecha de seguridad; se atiende ya, a cualquier hora.",
    "P2": "P2 Alta: degradado o importante; se atiende el mismo día hábil.",
    "P3": "P3 Normal: solicitud normal; se resuelve dentro del plazo en días hábiles de la categoría.",
    "OPS": "Ops: trabajo operativo planificado (parches, copias de seguridad, actualizaciones).",
}


def plural(count: int, one: str, many: str) -> str:
    """Count and noun: "1 solicitud" or "3 solicitudes"."""
    return f"{count:,} {one if count == 1 else many}"


def verb(count: int, one: str, many: str) -> str:
    """The verb agreeing with a count: "entró" (1) or "entraron"."""
    return one if count == 1 else many


def happened(count: int, verb_one: str, verb_many: str, one: str, many: str) -> str:
    """Verb, count and noun in agreement: "entró 1 incidente P1", "se reabrieron 3 solicitudes"."""
    return f"{verb(count, verb_one, verb_many)} {plural(count, one, many)}"


def join_words(parts: Sequence[str]) -> str:
    """Words joined as "a", "a y b" or "a, b y c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " y " + parts[-1]


def short_date(d: date, *, year: bool = False) -> str:
    """A date as "16 nov" (or "16 nov 2026")."""
    text = f"{d.day} {_MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def format_instant(instant: datetime, tz_name: str) -> str:
    """An instant as "23 nov 2026, 8:00 CST" in the city's time zone (24-hour clock)."""
    local = instant.astimezone(ZoneInfo(tz_name))
    return f"{short_date(local.date(), year=True)}, {local.hour}:{local.minute:02d} {local.tzname()}"


def summary_sentences(m: WeeklyMetrics) -> list[str]:
    """The week in plain Spanish, as printed on page 1."""
    opened = int(m.opened.current or 0)
    resolved = int(m.resolved.current or 0)
    open_end = int(m.backlog_end.current or 0)
    recent = m.now - m.end < timedelta(days=7)
    if opened == 0:
        first = "Esta semana no entró ninguna solicitud"
        first += (
            "; " + happened(resolved, "se resolvió", "se resolvieron", "solicitud", "solicitudes")
            if resolved
            else ""
        )
    else:
        first = f"{verb(opened, 'Entró', 'Entraron')} {plural(opened, 'solicitud', 'solicitudes')}"
        first += (
            f", {verb(resolved, 'se resolvió', 'se resolvieron')} {resolved:,}"
            if resolved
            else ", no se resolvió ninguna"
        )
    if open_end:
        still = (
            verb(open_end, "sigue abierta", "siguen abiertas")
            if recent
            else verb(open_end, "seguía abierta", "seguían abiertas")
        )
        first += f", {open_end:,} {still}" + ("" if recent else " al final de la semana")
        if m.oldest_open_days is not None:
            first += f"; la más antigua lleva {plural(m.oldest_open_days, 'día', 'días')} esperando"
    elif opened or resolved:
        first += f", y no {'queda' if recent else 'quedaba'} ninguna abierta"
    rate = m.on_time.current
    if rate.total:
        first += f"; el {rate.whole_pct}% se resolvió a tiempo ({rate.part:,} de {rate.total:,})"
    sentences = [first + "."]
    if m.is_empty:
        sentences.append("No hubo nada abierto en toda la semana y no se registraron contactos.")
        return sentences
    prev_opened, prev_resolved = int(m.opened.previous or 0), int(m.resolved.previous or 0)
    sentences.append(
        "La semana anterior "
        + happened(prev_opened, "entró", "entraron", "solicitud", "solicitudes")
        + f" y {verb(prev_resolved, 'se resolvió', 'se resolvieron')} {prev_resolved:,}."
    )
    extras = []
    if m.past_due_end.current:
        past_due = int(m.past_due_end.current)
        extras.append(
            plural(past_due, "solicitud abierta está vencida", "solicitudes abiertas están vencidas")
        )
    if m.incidents:
        extras.append(happened(len(m.incidents), "entró", "entraron", "incidente P1", "incidentes P1"))
    if m.reopened.current:
        reopened = int(m.reopened.current)
        extras.append(happened(reopened, "se reabrió", "se reabrieron", "solicitud", "solicitudes"))
    if extras:
        text = join_words(extras)
        sentences.append(text[:1].upper() + text[1:] + ".")
    contacts = []
    if m.status_inquiries.current:
        inquiries = int(m.status_inquiries.current)
        contacts.append(plural(inquiries, "consulta de estado", "consultas de estado"))
    if m.questions.current:
        contacts.append(
            plural(int(m.questions.current), "pregunta respondida", "preguntas respondidas")
            + " en el momento"
        )
    if contacts:
        sentences.append("El mostrador también registró " + join_words(contacts) + ".")
    ops_opened, ops_done = int(m.ops_opened.current or 0), int(m.ops_resolved.current or 0)
    if ops_opened or ops_done:
        sentences.append(
            f"Trabajo operativo, contado aparte: {plural(ops_opened, 'tarea abierta', 'tareas abiertas')}, "
            f"{ops_done:,} {verb(ops_done, 'hecha', 'hechas')}."
        )
    if m.no_category.current:
        sentences.append(f"{plural(int(m.no_category.current), 'solicitud', 'solicitudes')} sin categoría.")
    return sentences


def definitions(m: WeeklyMetrics) -> list[tuple[str, str]]:
    """(term, definition) pairs for the last page, in Spanish."""
    due_rules = (
        "P1: 4 horas después de entrar, a cualquier hora. P2: el final del mismo día hábil. P3: el final del "
        "día hábil que cae el número de días hábiles del plazo de la categoría después."
    )
    ward = (
        "El distrito del domicilio de la solicitud, según la lista de direcciones de la ciudad; las "
        "solicitudes en lugares que no están en la lista se cuentan aparte."
        if m.opened_by_ward
        else "Todavía sin registrar: las solicitudes no tienen distrito hasta que se añaden las direcciones."
    )
    return [
        (
            "Semana",
            f"Del lunes a las 00:00 al lunes siguiente a las 00:00, hora de la ciudad ({m.tz_name}). "
            "Una semana con cambio de horario tiene 167 o 169 horas.",
        ),
        (
            "Solicitudes y trabajo operativo",
            "Las solicitudes son tickets con prioridad P1, P2 o P3; los tickets Ops se cuentan aparte. "
            + " ".join(PRIORITY_WORDS.values()),
        ),
        (
            "Abiertas",
            "Una solicitud creada durante la semana.",
        ),
        (
            "Resueltas",
            (
                "La última resolución de una solicitud, sin reapertura posterior, cae en la semana (no "
                "cuentan las importadas sin fecha)."
            ),
        ),
        (
            "Cerradas",
            "Una solicitud que pasó a Cerrado durante la semana.",
        ),
        (
            "Reabiertas",
            "Una solicitud reabierta durante la semana después de haberse resuelto.",
        ),
        (
            "Abiertas (pendientes)",
            (
                "Creadas antes del instante y no resueltas ni cerradas en él. Abiertas al inicio = en el "
                "primer instante de la semana, hora de la ciudad; abiertas al final = en su último instante"
                " (para la semana en curso: cuando se hizo el informe). La página 1 suma: abiertas al "
                "inicio + abiertas − resueltas + reabiertas ± ajustes = abiertas al final."
            ),
        ),
        (
            "Vencidas",
            "Abiertas al final de la semana con la fecha de vencimiento ya pasada. Vencimientos: "
            + due_rules,
        ),
        (
            "A tiempo",
            (
                "Resuelta en su fecha de vencimiento o antes. Se cuenta sobre las solicitudes resueltas en "
                "la semana que tienen fecha de vencimiento, siempre con sus cifras: «41 de 45, 91%» quiere "
                "decir que 41 de las 45 se resolvieron a tiempo. Los porcentajes se redondean hacia abajo."
            ),
        ),
        (
            "Primera respuesta",
            (
                "Una nota pública, una llamada registrada a un informante o el paso a «En curso»; una "
                "resolución lleva una nota pública al solicitante, así que también cuenta. El tiempo hasta "
                "la primera respuesta se mide sobre las solicitudes abiertas en la semana que ya la "
                "tuvieron."
            ),
        ),
        (
            "Tiempo hasta la resolución",
            "Desde la creación hasta la resolución, sobre las solicitudes resueltas en la semana.",
        ),
        (
            "Mediana, percentil 90",
            (
                "La mitad de las solicitudes tardó menos que la mediana; 9 de cada 10 tardaron como mucho "
                "el percentil 90 (rango más cercano). Horas transcurridas, noches y fines de semana "
                "incluidos."
            ),
        ),
        (
            "Resolución en el primer contacto",
            (
                "Resuelta por quien la creó en los 30 minutos siguientes. La tasa es sobre todas las "
                "solicitudes abiertas en la semana."
            ),
        ),
        (
            "Antigüedad",
            "Días completos desde que entró una solicitud, al final de la semana.",
        ),
        (
            "Volumen habitual",
            "El promedio de solicitudes abiertas el mismo día de la semana en las 8 semanas anteriores.",
        ),
        (
            "Problemas recurrentes",
            (
                "Tres o más solicitudes en los 90 días hasta el final de la semana sobre la misma categoría"
                " en el mismo lugar, o de la misma persona; se listan cuando el problema apareció esta "
                "semana."
            ),
        ),
        (
            "Carga de trabajo",
            (
                "Por persona: tickets abiertos asignados al final de la semana, tickets que resolvió en la "
                "semana y el tiempo que registró en la semana. Cuenta solicitudes y trabajo operativo."
            ),
        ),
        (
            "Consultas de estado, preguntas",
            (
                "Contactos sin solicitud nueva: alguien que pregunta por una solicitud existente, y "
                "preguntas respondidas en el momento."
            ),
        ),
        (
            "Datos al",
            (
                "Cuándo se hizo el informe. Los cambios de cada oficina llegan a este equipo al "
                "sincronizar; la última sincronización de cada oficina aparece en la página 1."
            ),
        ),
        ("Distrito", ward),
    ]
