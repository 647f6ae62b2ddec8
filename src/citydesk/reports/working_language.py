"""The city's working language for what citydesk writes for the city: the weekly report's headings and the
CSV exports' column headings (a city setting, `working_language`: English by default, Spanish available).

Qt-free, like the receipt's per-language texts in domain/receipt_texts.py: the desktop's translation
(.qm) follows the clerk's system language, while a report or an export follows the city's choice, the
same on every PC. Codes stay codes: statuses, priorities and channels in a CSV file are citydesk's own
values in either language, and the importer reads the Spanish column headings back (`column_for`), so an
export re-imports unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from citydesk.domain.working_language import DEFAULT, SETTING, WORKING_LANGUAGES
from citydesk.store.models import CitySetting

LANGUAGE_TAGS = {"en": "en-US", "es": "es-US"}  # the PDF's /Lang for screen readers

# The ticket export's columns (codes) → their Spanish heading.
TICKET_COLUMNS_ES: dict[str, str] = {
    "number": "número",
    "created_at": "creado",
    "status": "estado",
    "priority": "prioridad",
    "channel": "canal",
    "title": "título",
    "description": "descripción",
    "category": "categoría",
    "department": "departamento",
    "office": "oficina",
    "location": "lugar",
    "latitude": "latitud",
    "longitude": "longitud",
    "ward": "distrito",
    "assignee": "asignado_a",
    "due_at": "vence",
    "first_response_at": "primera_respuesta",
    "resolved_at": "resuelto",
    "closed_at": "cerrado",
    "resolution_reason": "motivo_de_resolución",
    "requester_name": "nombre_del_solicitante",
    "requester_phone": "teléfono_del_solicitante",
    "requester_email": "correo_del_solicitante",
    "requester_address": "domicilio_del_solicitante",
    "requester_confidential": "solicitante_confidencial",
    "reporter_count": "informantes",
    "notes": "notas",
}
METRIC_COLUMNS_ES: dict[str, str] = {
    "section": "sección",
    "item": "elemento",
    "this_week": "esta_semana",
    "last_week": "semana_anterior",
    "change": "cambio",
    "detail": "detalle",
}
PUBLIC_RECORDS_NOTE_ES = (
    "# Exportación para registros públicos: los nombres, teléfonos, correos y domicilios de los "
    "solicitantes confidenciales se sustituyen por [redacted]; los solicitantes anónimos quedan en "
    "blanco; las notas internas no se incluyen."
)

# The weekly report's headings, table headings, row labels, page header and footer, and the domain
# words its tables print: English → Spanish. A text not listed prints as it is.
REPORT_ES: dict[str, str] = {
    # title, page header and footer
    "Weekly status report": "Informe semanal de estado",
    "Page {0} of {1}": "Página {0} de {1}",
    "Data as of {0}": "Datos al {0}",
    "{0} — Weekly status report — {1}": "{0} — Informe semanal de estado — {1}",
    "Service desk status, {0}, {1}": "Estado de la mesa de servicio, {0}, {1}",
    # section headings
    "Summary": "Resumen",
    "Key figures": "Cifras clave",
    "How the open count adds up": "Cómo se suma el total de abiertos",
    "On time by category": "A tiempo por categoría",
    "On time by category (all categories)": "A tiempo por categoría (todas las categorías)",
    "Opened and resolved per day": "Abiertas y resueltas por día",
    "Four-week trend": "Tendencia de cuatro semanas",
    "By department": "Por departamento",
    "Where requests came from": "De dónde llegaron las solicitudes",
    "Open requests by age": "Solicitudes abiertas por antigüedad",
    "Busiest days": "Días con más actividad",
    "P1 incidents": "Incidentes P1",
    "Past-due and aging open requests": "Solicitudes abiertas vencidas y antiguas",
    "Recurring problems": "Problemas recurrentes",
    "Workload": "Carga de trabajo",
    "Definitions": "Definiciones",
    # fixed sentences of an empty section
    "No P1 incidents came in this week.": "Esta semana no entró ningún incidente P1.",
    "No requests were open at the end of the week.": "No había solicitudes abiertas al final de la semana.",
    "No recurring problems came up this week.": "Esta semana no hubo problemas recurrentes.",
    "Nobody had assigned, resolved or logged work this week.": (
        "Esta semana nadie tuvo trabajo asignado, resuelto ni registrado."
    ),
    "No requests came in this week.": "Esta semana no entró ninguna solicitud.",
    # chart titles
    "Requests opened and resolved": "Solicitudes abiertas y resueltas",
    "Open requests at the end of each week": "Solicitudes abiertas al final de cada semana",
    # table headings
    "Figure": "Cifra",
    "This week": "Esta semana",
    "Last week": "Semana anterior",
    "Change": "Cambio",
    "Requests": "Solicitudes",
    "Department": "Departamento",
    "Opened": "Abiertas",
    "Resolved": "Resueltas",
    "Open at end": "Abiertas al final",
    "Resolved on time": "Resueltas a tiempo",
    "Grouping": "Agrupación",
    "Value": "Valor",
    "Share": "Proporción",
    "Category": "Categoría",
    "Target": "Plazo",
    "Age at the end of the week": "Antigüedad al final de la semana",
    "Open requests": "Solicitudes abiertas",
    "Day (busiest first)": "Día (el de más actividad primero)",
    "Usual": "Habitual",
    "Against usual": "Frente a lo habitual",
    "Number": "Número",
    "Incident": "Incidente",
    "Short timeline (city time)": "Cronología breve (hora de la ciudad)",
    "Status": "Estado",
    "Request": "Solicitud",
    "Pri.": "Prio.",
    "Owner": "Responsable",
    "Came in": "Entró",
    "Due": "Vence",
    "Age": "Antigüedad",
    "Past due": "Retraso",
    "Problem": "Problema",
    "Requests in 90 days": "Solicitudes en 90 días",
    "Open now": "Abiertas ahora",
    "Latest numbers": "Números más recientes",
    "Person": "Persona",
    "Open, assigned at the end": "Abiertas, asignadas al final",
    "Resolved this week": "Resueltas esta semana",
    "Time logged this week": "Tiempo registrado esta semana",
    # row labels
    "Requests opened": "Solicitudes abiertas",
    "Requests resolved": "Solicitudes resueltas",
    "Requests closed": "Solicitudes cerradas",
    "Requests reopened": "Solicitudes reabiertas",
    "Open at the start of the week": "Abiertas al inicio de la semana",
    "Open at the end of the week": "Abiertas al final de la semana",
    "Open and past due at the end of the week": "Abiertas y vencidas al final de la semana",
    "First-contact resolution": "Resolución en el primer contacto",
    "Time to first response, median / 90th percentile": (
        "Tiempo hasta la primera respuesta, mediana / percentil 90"
    ),
    "Time to resolution, median / 90th percentile": "Tiempo hasta la resolución, mediana / percentil 90",
    "Status inquiries": "Consultas de estado",
    "Questions answered on the spot": "Preguntas respondidas en el momento",
    "Ops work opened (counted apart)": "Trabajo operativo abierto (contado aparte)",
    "Ops work done (counted apart)": "Trabajo operativo hecho (contado aparte)",
    "Requests with no category": "Solicitudes sin categoría",
    "All open requests": "Todas las solicitudes abiertas",
    "Not explained (please report this)": "Sin explicar (por favor, informe de esto)",
    "Priority": "Prioridad",
    "Channel": "Canal",
    "Language": "Idioma",
    "Ward/district": "Distrito",
    "Not known": "Desconocido",
    "Not on the address list": "No está en la lista de direcciones",
    "= Open at the end of the week": "= Abiertas al final de la semana",
    "Resolved, reopened and resolved again in the week": (
        "Resuelta, reabierta y resuelta otra vez en la semana"
    ),
    "Resolved in the week, reopened since": "Resuelta en la semana, reabierta después",
    "Resolved on an unknown date (imported)": "Resuelta en fecha desconocida (importada)",
    "Opened already resolved or closed": "Abierta ya resuelta o cerrada",
    "Back to open by a status change": "De nuevo abierta por un cambio de estado",
    "Reopened while not counted as resolved": "Reabierta sin contar como resuelta",
    "Resolved again while already resolved or closed": "Resuelta otra vez estando ya resuelta o cerrada",
    "0–7 days": "0–7 días",
    "8–30 days": "8–30 días",
    "31–90 days": "31–90 días",
    "> 90 days": "> 90 días",
    "new": "nuevo",
    "same": "igual",
    "none": "ninguna",
    # the domain's words the tables print
    "P1 Critical": "P1 Crítica",
    "P2 High": "P2 Alta",
    "P3 Normal": "P3 Normal",
    "Ops (planned work)": "Ops (trabajo planificado)",
    "Phone": "Teléfono",
    "Walk-in": "Presencial",
    "E-mail": "Correo electrónico",
    "Web": "Web",
    "Intranet": "Intranet",
    "Internal": "Interno",
    "After-hours dispatch": "Despacho fuera de horario",
    "English": "Inglés",
    "Spanish": "Español",
    "New": "Nuevo",
    "Assigned": "Asignado",
    "In progress": "En curso",
    "Waiting for the requester": "En espera del solicitante",
    "Waiting for a vendor": "En espera de un proveedor",
    "Waiting for parts": "En espera de piezas",
    "Closed": "Cerrado",
    "Unassigned": "Sin asignar",
    "(no category)": "(sin categoría)",
    "Not recorded yet (requests have no ward until addresses are added)": (
        "Todavía sin registrar (las solicitudes no tienen distrito hasta que se añaden las direcciones)"
    ),
    # the charts' words
    "opened": "abiertas",
    "resolved": "resueltas",
    "usual opened (average of the 8 weeks before)": (
        "abiertas habitualmente (promedio de las 8 semanas anteriores)"
    ),
    "open at the end of the week": "abiertas al final de la semana",
    "meets the goal": "cumple la meta",
    "below the goal": "por debajo de la meta",
    "goal": "meta",
    "goal {0}%": "meta {0}%",
    "{0} bd": "{0} dh",
    "bd = target in business days": "dh = plazo en días hábiles",
    "No request with a due date was resolved this week.": (
        "Esta semana no se resolvió ninguna solicitud con fecha de vencimiento."
    ),
    "No requests came in or were resolved this week.": (
        "Esta semana no entró ni se resolvió ninguna solicitud."
    ),
    "No department had requests this week.": "Esta semana ningún departamento tuvo solicitudes.",
    "Mon": "lun",
    "Tue": "mar",
    "Wed": "mié",
    "Thu": "jue",
    "Fri": "vie",
    "Sat": "sáb",
    "Sun": "dom",
    "Owner: {0}": "Responsable: {0}",
}
CATALOGUES: dict[str, dict[str, str]] = {"en": {}, "es": REPORT_ES}


def working_language(session: Session) -> str:
    """The city's working language (English when the setting is missing or not a known language)."""
    row = session.get(CitySetting, SETTING)
    value = row.value if row is not None else None
    return value if value in WORKING_LANGUAGES else DEFAULT


def words(language: str) -> Callable[[str], str]:
    """A function giving a report text in `language` (the text itself when the catalogue lacks it)."""
    catalogue = CATALOGUES.get(language, {})
    return lambda text: catalogue.get(text, text)


def scope_words(scope_name: str, language: str) -> str:
    """A report scope's name in `language`: "Whole city" → "Toda la ciudad", "City Hall office" →
    "Oficina City Hall"; a department's name is its own."""
    if language != "es":
        return scope_name
    if scope_name == "Whole city":
        return "Toda la ciudad"
    if scope_name.endswith(" office"):
        return f"Oficina {scope_name.removesuffix(' office')}"
    return scope_name


def ticket_header(columns: Sequence[str], language: str) -> tuple[str, ...]:
    """The ticket export's header row in `language` (English: the column codes themselves)."""
    if language != "es":
        return tuple(columns)
    return tuple(TICKET_COLUMNS_ES.get(c, c) for c in columns)


def metric_header(columns: Sequence[str], language: str) -> tuple[str, ...]:
    """The metrics export's header row in `language`."""
    if language != "es":
        return tuple(columns)
    return tuple(METRIC_COLUMNS_ES.get(c, c) for c in columns)


def public_records_note(english: str, language: str) -> str:
    """The public-records trailer row in `language`."""
    return PUBLIC_RECORDS_NOTE_ES if language == "es" else english


def column_for(heading: str) -> str | None:
    """The column code a Spanish export heading stands for ("estado" → "status"), or None."""
    folded = heading.strip().casefold()
    return next((code for code, es in TICKET_COLUMNS_ES.items() if es.casefold() == folded), None)
