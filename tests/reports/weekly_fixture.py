"""A small city week built by hand through the services, for the weekly metrics and report tests.

The office (tests/factories.py) runs on America/Chicago. Everything happens in time order on the
manual clock; the comments give each ticket's story so the expected figures in the tests can be
worked out by hand. Week under test: 2026-W47 = Mon Nov 16 00:00 CST (06:00 UTC) to Mon Nov 23.

    A  Tue Nov  3 10:00  pothole, 100 Main St, Jane, phone            never resolved (due Nov 10 17:00)
    B  Mon Nov  9 10:00  pothole, 100 Main St, Jane, walk-in           resolved Wed Nov 11 10:00 (tech)
    E  Tue Nov 10 10:00  OPS "Patch the servers", IT                   never resolved
    C  Thu Nov 12 14:00  streetlight, 5 Oak Ave, José, phone           resolved Tue Nov 17 11:00 (on time),
                                                                       reopened Wed Nov 18 09:00, resolved
                                                                       again Thu Nov 19 15:00 (late, due 17th)
    D  Fri Nov 13 16:00  password reset (P2), Jane, phone (clerk)      resolved 16:10 by the clerk (first
                                                                       contact); closed Tue Nov 17 09:00
    F  Mon Nov 16 09:00  pothole, 100 Main St, Jane, phone             public note 11:00; 45 min logged Tue;
                                                                       resolved Fri Nov 20 10:00 (due Nov 23)
    G  Mon Nov 16 10:00  streetlight, 5 Oak Ave, José, walk-in         taken 13:00, in progress 14:00; 30 min
                                                                       logged Wed; open (due Nov 19 17:00)
    H  Tue Nov 17 08:30  password reset (P2), José, e-mail (clerk)     resolved 08:45 by the clerk
    I  Wed Nov 18 13:00  P1 no category, Public Works, after hours     assigned 13:05, in progress 13:20,
                                                                       escalated 13:30, resolved 16:00
    J  Thu Nov 19 15:30  pothole, 77 Elm St, web                       open (due Nov 26)
    L  Sat Nov 21 10:00  OPS "Backup check", IT (Ivy)                   resolved 11:00 by Ivy
    K  Sun Nov 22 23:30  pothole, 12 Pine Rd, web                      open: the week's last half hour
    M  Mon Nov 23 00:30  pothole, web                                  next week (W48)

Contacts: a question Tue Nov 10 (last week); status inquiries Wed Nov 18 (about G) and Thu Nov 19
(about A); a question Fri Nov 20. The report is made Mon Nov 23 08:00 CST.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from citydesk.reports.metrics import Scope, WeeklyMetrics, weekly_metrics
from citydesk.services import tickets as t
from citydesk.services.contacts import log_contact
from factories import Office, make_office

CHICAGO = ZoneInfo("America/Chicago")
REPORT_NOW = datetime(2026, 11, 23, 8, 0, tzinfo=CHICAGO)


def local(month: int, day: int, hour: int, minute: int = 0, *, fold: int = 0) -> datetime:
    """A wall-clock time in Chicago in 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=CHICAGO, fold=fold)


@dataclass
class CityWeek:
    """The hand-built office and its tickets' numbers by letter."""

    office: Office
    numbers: dict[str, str]
    ids: dict[str, str]

    def metrics(self, year: int = 2026, week: int = 47, scope: Scope | None = None) -> WeeklyMetrics:
        """weekly_metrics for a week of this office, made at REPORT_NOW."""
        with self.office.db.read() as session:
            return weekly_metrics(session, year=year, week=week, scope=scope or Scope.city(), now=REPORT_NOW)


def build_city_week(path: Path) -> CityWeek:
    """Write the tickets and contacts of the module docstring, in time order."""
    o = make_office(path, start=datetime(2026, 11, 1, 12, tzinfo=UTC))
    db, clock = o.db, o.clock
    numbers: dict[str, str] = {}
    ids: dict[str, str] = {}

    def at(when: datetime) -> None:
        clock.set(when)

    def create(letter: str, when: datetime, **kwargs: object) -> str:
        at(when)
        actor = kwargs.pop("actor", o.clerk)
        made = t.create_ticket(db, actor=actor, **kwargs)  # type: ignore[arg-type]
        numbers[letter], ids[letter] = made.number, made.ticket_id
        return made.ticket_id

    def resolve(letter: str, when: datetime, actor: object) -> None:
        at(when)
        t.resolve(db, actor=actor, ticket_id=ids[letter], reason="done", public_note="Fixed.")  # type: ignore[arg-type]

    create("A", local(11, 3, 10), title="Pothole on Main", channel="phone", category_id=o.pothole,
           location="100 Main St", requester_id=o.citizen)  # fmt: skip
    create("B", local(11, 9, 10), title="Pothole again", channel="walk_in", category_id=o.pothole,
           location="100 Main St", requester_id=o.citizen)  # fmt: skip
    create("E", local(11, 10, 10), actor=o.tech2, title="Patch the servers", channel="internal",
           department_id=o.it, priority="OPS")  # fmt: skip
    at(local(11, 10, 11))
    log_contact(db, actor=o.clerk, kind="question", channel="phone", summary="Opening hours")
    resolve("B", local(11, 11, 10), o.tech)
    create("C", local(11, 12, 14), title="Streetlight dark", channel="phone", category_id=o.streetlight,
           location="5 Oak Ave", requester_id=o.spanish_citizen)  # fmt: skip
    create("D", local(11, 13, 16), title="Locked out", channel="phone", category_id=o.password_reset,
           requester_id=o.citizen)  # fmt: skip
    resolve("D", local(11, 13, 16, 10), o.clerk)

    # The week.
    create("F", local(11, 16, 9), title="Pothole, third time", channel="phone", category_id=o.pothole,
           location="100 Main St", requester_id=o.citizen)  # fmt: skip
    create("G", local(11, 16, 10), title="Streetlight flickers", channel="walk_in",
           category_id=o.streetlight, location="5 Oak Ave", requester_id=o.spanish_citizen)  # fmt: skip
    at(local(11, 16, 11))
    t.add_note(db, actor=o.tech, ticket_id=ids["F"], body="Crew scheduled for Thursday.", public=True)
    at(local(11, 16, 13))
    t.take(db, actor=o.tech, ticket_id=ids["G"])
    at(local(11, 16, 14))
    t.change_status(db, actor=o.tech, ticket_id=ids["G"], status="in_progress")
    create("H", local(11, 17, 8, 30), title="Password expired", channel="email",
           category_id=o.password_reset, requester_id=o.spanish_citizen)  # fmt: skip
    resolve("H", local(11, 17, 8, 45), o.clerk)
    at(local(11, 17, 9))
    t.close_ticket(db, actor=o.supervisor, ticket_id=ids["D"])
    at(local(11, 17, 10))
    t.record_time(db, actor=o.tech, ticket_id=ids["F"], minutes=45)
    resolve("C", local(11, 17, 11), o.tech)
    at(local(11, 18, 9))
    t.reopen(db, actor=o.supervisor, ticket_id=ids["C"], reason="Still dark at night.")
    at(local(11, 18, 9, 30))
    log_contact(db, actor=o.clerk, kind="status_inquiry", channel="phone", ticket_id=ids["G"])
    at(local(11, 18, 10))
    t.record_time(db, actor=o.tech, ticket_id=ids["G"], minutes=30)
    create("I", local(11, 18, 13), title="Water main break at Łódź Plaza", channel="after_hours",
           department_id=o.public_works, priority="P1")  # fmt: skip
    at(local(11, 18, 13, 5))
    t.assign(db, actor=o.supervisor, ticket_id=ids["I"], assignee_id=o.tech.user_id)
    at(local(11, 18, 13, 20))
    t.change_status(db, actor=o.tech, ticket_id=ids["I"], status="in_progress")
    at(local(11, 18, 13, 30))
    t.escalate(db, actor=o.tech, ticket_id=ids["I"], level=1, reason="Needs the water crew.")
    resolve("I", local(11, 18, 16), o.tech)
    at(local(11, 19, 9))
    log_contact(db, actor=o.clerk, kind="status_inquiry", channel="walk_in", ticket_id=ids["A"])
    resolve("C", local(11, 19, 15), o.tech)
    create("J", local(11, 19, 15, 30), title="Pothole on Elm", channel="web", category_id=o.pothole,
           location="77 Elm St")  # fmt: skip
    resolve("F", local(11, 20, 10), o.tech)
    at(local(11, 20, 11))
    log_contact(db, actor=o.clerk, kind="question", channel="phone", summary="Where do I pay a bill?")
    create("L", local(11, 21, 10), actor=o.tech2, title="Backup check", channel="internal",
           department_id=o.it, priority="OPS")  # fmt: skip
    resolve("L", local(11, 21, 11), o.tech2)
    create("K", local(11, 22, 23, 30), title="Pothole on Pine", channel="web", category_id=o.pothole,
           location="12 Pine Rd")  # fmt: skip
    create("M", local(11, 23, 0, 30), title="Pothole next week", channel="web", category_id=o.pothole)
    at(REPORT_NOW)
    return CityWeek(o, numbers, ids)
