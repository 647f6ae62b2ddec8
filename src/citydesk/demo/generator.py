"""The demo city: fills an empty database with a realistic small city (Riverton) through the services.

`create_demo` sets the database up as a demo (`sync_state.is_demo`), adds offices, departments,
categories and staff with the setup services, then writes requesters and tickets with the bulk path
(never raw SQL). Everything is drawn from `random.Random` streams seeded by `seed`, in a fixed order,
so the same seed and `as_of` give the same tickets, titles, statuses and counts (ids differ).

Tickets are generated lazily, day by day and oldest first, and handed to `bulk_create_tickets` as a
generator, so memory stays bounded at 100,000+ tickets. Every ticket's later entries are planned on
the city's business calendar (crews work business hours, P1 work runs around the clock) and cut at
the end of `as_of` (17:00 city time, or the database clock if that is earlier): a ticket whose
resolution would fall after that is simply still open, in whatever state it reached.

Demo users have no password (the demo database shows a user picker instead), and the demo writes no
outbox rows: a demo database never connects to a server.
"""

from __future__ import annotations

import random
import time as _time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from citydesk.domain.clock import to_ms
from citydesk.domain.ids import uuid7
from citydesk.domain.numbers import format_number, make_prefix
from citydesk.domain.roles import SYSTEM_ACTOR, SYSTEM_USER_ID
from citydesk.domain.timeline import EntryKind
from citydesk.services import demo_content as content
from citydesk.services.bulk import BulkEntry, BulkTicket, bulk_create_requesters, bulk_create_tickets
from citydesk.services.demo_addresses import AddressBook, Places, ticket_location
from citydesk.services.demo_calendar import (
    _DAY,
    _HOUR,
    DAILY_TICKETS,
    DEFAULT_DAYS,
    _Day,
    _Hours,
    _plan_days,
    us_holidays,
)
from citydesk.services.demo_contacts import BusinessHours, write_demo_contacts
from citydesk.services.demo_content import CategorySpec
from citydesk.services.demo_people import _BUILDINGS, _make_citizens, _make_staff_requesters, _Person
from citydesk.services.setup import (
    add_category,
    add_department,
    add_office,
    add_user,
    initialize_database,
    is_initialized,
    set_setting,
)
from citydesk.store.db import Database, StorageError
from citydesk.store.settings import load_calendar

Progress = Callable[[int, int], None]

MIN_CITIZENS = 300
TICKETS_PER_CITIZEN = 5
STAFF_REQUESTERS = 80
REQUESTER_BATCH = 2000
LATE_SHARE = 0.09
"""Share of requests resolved somewhat late (besides each category's long-waiting backlog share)."""
CLOSE_AFTER_DAYS = 14
"""Resolved tickets are closed automatically this many days later (some earlier by a supervisor)."""

_WORKDAY = 9 * _HOUR  # business seconds in a day (08:00-17:00)
_OFFICE_HOURS = (8, 9, 10, 11, 12, 13, 14, 15, 16)
_OFFICE_HOUR_WEIGHTS = (9, 14, 14, 12, 8, 12, 12, 11, 8)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What `create_demo` wrote."""

    tickets: int
    requesters: int
    users: int
    departments: int
    categories: int
    first_date: date
    last_date: date
    elapsed_seconds: float
    addresses: int = 0
    contacts: int = 0


# ---- reference data ---------------------------------------------------------------------------------


@dataclass
class _Reference:
    offices: dict[str, str]
    departments: dict[str, str]
    department_names: dict[str, str]
    categories: list[str]
    users: dict[str, str]
    user_office: dict[str, str]
    supervisors: dict[str, str]


def _write_reference(db: Database, local_office: str) -> _Reference:
    """Offices, departments, categories and staff through the setup services."""
    actor = SYSTEM_ACTOR
    offices = {content.LOCAL_OFFICE[0]: local_office}
    for code, name in content.OTHER_OFFICES:
        offices[code] = add_office(db, actor=actor, code=code, name=name)
    departments = {
        code: add_department(db, actor=actor, code=code, name=name) for code, name in content.DEPARTMENTS
    }
    categories = [
        add_category(
            db,
            actor=actor,
            name=spec.name,
            department_id=departments[spec.department],
            default_priority=spec.priority,
            target_business_days=spec.target,
            keywords=spec.keywords,
            caller_script=spec.script,
            intake_questions=list(spec.questions),
            is_public=spec.public,
        )
        for spec in content.CATEGORIES
    ]
    users: dict[str, str] = {}
    user_office: dict[str, str] = {}
    supervisors: dict[str, str] = {}
    for staff in content.STAFF:
        users[staff.username] = add_user(
            db,
            actor=actor,
            username=staff.username,
            display_name=staff.display_name,
            role=staff.role,
            password=None,
            office_id=offices[staff.office],
            department_id=departments[staff.department] if staff.department else None,
            email=f"{staff.username}@{content.STAFF_EMAIL_DOMAIN}",
        )
        user_office[staff.username] = staff.office
        if staff.role == "supervisor" and staff.department:
            supervisors[staff.department] = staff.username
    return _Reference(
        offices=offices,
        departments=departments,
        department_names=dict(content.DEPARTMENTS),
        categories=categories,
        users=users,
        user_office=user_office,
        supervisors=supervisors,
    )


# ---- tickets ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hotspot:
    """An address where the same problem keeps coming back (≥ 3 reports in 90 days)."""

    category: int
    place: dict[str, Any]
    citizen: int
    first_day: int
    last_day: int


def _compatible(templates: tuple[str, ...], form: str) -> tuple[str, ...]:
    """Templates that fit a place form (no intersection wording for an address, and the reverse)."""
    if form == "address":
        fit = tuple(t for t in templates if "{cross}" not in t)
    elif form == "cross":
        fit = tuple(t for t in templates if "{address}" not in t)
    else:
        fit = templates
    return fit or templates


class _Generator:
    """Builds the demo's tickets oldest first, one BulkTicket at a time."""

    def __init__(
        self,
        *,
        rng: random.Random,
        hours: _Hours,
        ref: _Reference,
        places: Places,
        citizens: list[_Person],
        citizen_ids: list[str],
        staff: list[_Person],
        staff_ids: list[str],
        end: int,
        as_of_index: int,
    ) -> None:
        self.rng = rng
        self.hours = hours
        self.ref = ref
        self.places = places
        self.citizens = citizens
        self.citizen_ids = citizen_ids
        self.staff = staff
        self.staff_ids = staff_ids
        self.end = end
        self.as_of_index = as_of_index
        self.specs = content.CATEGORIES
        self.counters: dict[str, int] = {}
        self.recent: list[deque[tuple[str, int, dict[str, Any]]]] = [deque(maxlen=40) for _ in self.specs]
        self.hotspots: list[_Hotspot] = []
        self.hotspot_rate = 0.0
        self.regulars = max(1, len(citizens) // 20)
        self.titles = {
            (i, form): _compatible(spec.titles, form)
            for i, spec in enumerate(self.specs)
            for form in ("address", "cross", "park", "none")
        }
        self.descriptions = {
            (i, form): _compatible(spec.descriptions, form)
            for i, spec in enumerate(self.specs)
            for form in ("address", "cross", "park", "none")
        }
        normal = [spec.weight for spec in self.specs]
        weekend = [spec.weight * spec.weekend_factor for spec in self.specs]
        self.tables = {
            (False, True): self._cumulative(normal),
            (False, False): self._cumulative(weekend),
            (True, True): self._cumulative(
                [w + s.storm_weight for w, s in zip(normal, self.specs, strict=True)]
            ),
            (True, False): self._cumulative(
                [w + s.storm_weight for w, s in zip(weekend, self.specs, strict=True)]
            ),
        }

    @staticmethod
    def _cumulative(weights: list[float]) -> list[float]:
        out, running = [], 0.0
        for weight in weights:
            running += weight
            out.append(running)
        return out

    # -- set-up ------------------------------------------------------------------------------------

    def plan_hotspots(self, plan: list[_Day], total: int) -> None:
        """Pick the addresses that get the same category again and again."""
        rng = self.rng
        candidates = [
            i
            for i, s in enumerate(self.specs)
            if s.kind == "field" and s.priority == "P3" and s.location in ("street", "home")
        ]
        first = self.hours.day_index(plan[0].day) if plan else 0
        last = self.hours.day_index(plan[-1].day) if plan else 0
        for _ in range(max(2, total // 500)):
            category = rng.choice(candidates)
            citizen = rng.randrange(len(self.citizens))
            home = self.citizens[citizen].place
            if self.specs[category].location == "home" and home is not None:
                place = home
            else:
                place = self.places.address()
            start = rng.randint(first, max(first, last - 60))
            self.hotspots.append(_Hotspot(category, place, citizen, start, start + 90))
        # reports per hotspot per day: about 5 in its 90 days, at least 3.5 over a shorter demo
        self.hotspot_rate = max(5 / 90, 3.5 / max(1, last - first + 1))

    # -- helpers -----------------------------------------------------------------------------------

    def _pick_citizen(self) -> int:
        rng = self.rng
        if rng.random() < 0.25:
            return rng.randrange(self.regulars)
        return rng.randrange(len(self.citizens))

    def _creation_time(self, index: int, spec: CategorySpec, workday: bool) -> tuple[int, bool]:
        """When a request arrives, and whether that is during office hours."""
        rng = self.rng
        hours = spec.hours
        in_hours_share = {"office": 0.93, "daytime": 0.8, "evening": 0.35, "any": 0.7}[hours]
        if spec.kind == "ops":
            in_hours_share = 1.0
        if workday and rng.random() < in_hours_share:
            hour = rng.choices(_OFFICE_HOURS, cum_weights=_CUM_OFFICE)[0]
            return self.hours.local(index, hour * _HOUR + rng.randrange(_HOUR)), True
        if hours == "evening":
            seconds = rng.randrange(17 * _HOUR, 26 * _HOUR) % _DAY
        elif hours == "any" and rng.random() < 0.3:
            seconds = rng.randrange(_DAY)
        elif workday:
            seconds = (
                rng.randrange(6 * _HOUR, 8 * _HOUR)
                if rng.random() < 0.3
                else rng.randrange(17 * _HOUR, 22 * _HOUR)
            )
        else:
            seconds = rng.randrange(7 * _HOUR, 22 * _HOUR)
        ts = self.hours.local(index, seconds)
        return ts, self.hours.in_hours(ts)

    def _channel(self, spec: CategorySpec, in_hours: bool) -> str:
        rng = self.rng
        channels = [c for c, _ in spec.channels]
        channel = rng.choices(channels, weights=[w for _, w in spec.channels])[0]
        if in_hours or channel in ("web", "email", "intranet", "internal"):
            return channel
        if spec.kind == "it":
            return "email" if rng.random() < 0.5 else "intranet"
        if (
            channel in ("phone", "after_hours")
            and spec.kind == "field"
            and (spec.priority in ("P1", "P2") or spec.hours in ("any", "evening"))
        ):
            return "after_hours"
        return "web" if rng.random() < 0.7 else "email"

    def _creator(self, spec: CategorySpec, channel: str, tech: str) -> str:
        rng = self.rng
        if channel == "after_hours":
            return "luis.herrera"
        if channel == "internal" or spec.kind == "it":
            return tech if spec.kind != "it" or rng.random() < 0.8 else "helen.park"
        if channel in ("phone", "walk_in"):
            if spec.department == "PW" and rng.random() < 0.3:
                return "dana.brooks"
            if spec.department == "PARKS" and rng.random() < 0.2:
                return "dana.brooks"
            if spec.department == "PD" and rng.random() < 0.5:
                return "luis.herrera"
            if spec.department == "FIN" and rng.random() < 0.3:
                return "linda.meyer"
            if spec.department == "CLK" and rng.random() < 0.2:
                return "omar.haddad"
        return "maria.lopez" if rng.random() < 0.55 else "kevin.oneill"

    def _number(self, office: str) -> tuple[str, str | None, str | None]:
        """The ticket's number (as the bulk path will issue it), prefix and office id (None = local)."""
        prefix = make_prefix(office, content.DEMO_TAG)
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        number = format_number(prefix, self.counters[prefix])
        if office == content.LOCAL_OFFICE[0]:
            return number, None, None
        return number, prefix, self.ref.offices[office]

    def _find_duplicate(self, category: int, ts: int) -> tuple[str, int, dict[str, Any]] | None:
        recent = self.recent[category]
        if recent and ts - recent[-1][1] <= 10 * _DAY:
            return recent[-1]
        return None

    # -- the day loop ------------------------------------------------------------------------------

    def tickets(self, plan: list[_Day]) -> Iterator[BulkTicket]:
        """Every ticket of the plan, oldest first."""
        rng = self.rng
        indices = range(len(self.specs))
        for day in plan:
            if day.count <= 0:
                continue
            index = self.hours.day_index(day.day)
            table = self.tables[(day.storm, day.workday)]
            picks = rng.choices(indices, cum_weights=table, k=day.count)
            items: list[tuple[int, int, int, bool, _Hotspot | None]] = []
            active = [h for h in self.hotspots if h.first_day <= index <= h.last_day]
            hot_share = len(active) * self.hotspot_rate / day.count
            for order, category in enumerate(picks):
                hot = None
                if active and rng.random() < hot_share:
                    hot = rng.choice(active)
                    category = hot.category
                ts, in_hours = self._creation_time(index, self.specs[category], day.workday)
                if ts >= self.end:
                    low = max(self.hours.midnight[index], self.end - 12 * _HOUR)
                    ts = low + int(rng.random() * (self.end - low - 1))
                    in_hours = self.hours.in_hours(ts)
                items.append((ts, order, category, in_hours, hot))
            items.sort(key=lambda item: (item[0], item[1]))
            for ts, _order, category, in_hours, hot in items:
                yield self._ticket(ts, category, in_hours, hot)

    # -- one ticket --------------------------------------------------------------------------------

    def _ticket(self, t0: int, ci: int, in_hours: bool, hot: _Hotspot | None) -> BulkTicket:
        rng = self.rng
        spec = self.specs[ci]
        ref = self.ref
        users = ref.users
        tech = rng.choice(spec.techs)
        supervisor = ref.supervisors.get(spec.department)
        kind = spec.kind

        channel = "internal" if kind == "ops" else self._channel(spec, in_hours)
        crew_found = (
            kind == "field" and spec.priority == "P3" and in_hours and hot is None and rng.random() < 0.04
        )
        if crew_found:
            channel = "internal"
        person: _Person | None = None
        requester_id: str | None = None
        citizen_index = -1
        if kind == "it":
            staff_index = rng.randrange(len(self.staff))
            person, requester_id = self.staff[staff_index], self.staff_ids[staff_index]
        elif kind != "ops" and not crew_found:
            citizen_index = hot.citizen if hot is not None and rng.random() < 0.6 else self._pick_citizen()
            person, requester_id = self.citizens[citizen_index], self.citizen_ids[citizen_index]
        creator = self._creator(spec, channel, tech)

        # outcome first: a duplicate takes the location of the ticket it duplicates
        priority = spec.priority
        raised = priority == "P3" and kind == "field" and rng.random() < 0.03
        final_priority = "P2" if raised else priority
        fcr = (
            spec.fcr > 0
            and in_hours
            and channel in ("phone", "walk_in", "intranet")
            and rng.random() < spec.fcr
        )
        outcome = "done"
        duplicate: tuple[str, int, dict[str, Any]] | None = None
        if not fcr and kind != "ops":
            roll = rng.random()
            dup_share = 0.06 if spec.multi else (0.02 if kind == "field" else 0.005)
            edges = (
                dup_share,
                dup_share + spec.referral_share,
                dup_share + spec.referral_share + (0.03 if spec.not_city else 0.0),
                dup_share
                + spec.referral_share
                + (0.03 if spec.not_city else 0.0)
                + (0.02 if kind == "field" and spec.location == "street" else 0.0),
            )
            if roll < edges[0] and hot is None:
                duplicate = self._find_duplicate(ci, t0)
                if duplicate is not None:
                    outcome = "duplicate"
            elif roll < edges[0]:
                pass
            elif roll < edges[1] and spec.agency:
                outcome = "referred"
            elif roll < edges[2]:
                outcome = "not_city_matter"
            elif roll < edges[3]:
                outcome = "could_not_locate"
            elif roll < edges[3] + 0.004:
                outcome = "void"

        # where
        place: dict[str, Any]
        if duplicate is not None:
            place = duplicate[2]
        elif hot is not None:
            place = hot.place
        elif spec.location == "street":
            place = self.places.street_spot()
        elif spec.location == "home":
            place = (
                person.place if person is not None and person.place is not None else None
            ) or self.places.address()
        elif spec.location == "park":
            place = self.places.park()
        else:
            place = self.places.address()
        building = rng.choice(_BUILDINGS[person.department if person and person.department else "IT"])
        if spec.location == "building":
            form = "none"
            location: Any = building
        elif spec.location == "none":
            form = "none"
            location = None
        else:
            form = place["form"]
            location = ticket_location(place)
        words = {
            "street": place["street"],
            "address": place["address"],
            "cross": place["cross"],
            "park": place.get("park", place["street"]),
            "place": building,
            "agency": spec.agency or "",
            "location": place["text"] if spec.location not in ("building", "none") else building,
            "dept": ref.department_names[spec.department],
            "caller": person.first if person else "the caller",
            "tech": tech.split(".")[0].capitalize(),
            "dup": duplicate[0] if duplicate else "",
        }
        title = rng.choice(self.titles[(ci, form)]).format_map(words)
        if person is not None and person.language == "es" and spec.spanish and channel in ("web", "email"):
            description = rng.choice(spec.spanish).format_map(words)
        else:
            description = rng.choice(self.descriptions[(ci, form)]).format_map(words)
        answers = None
        if spec.questions and rng.random() < 0.7:
            answers = {q: rng.choice(a) for q, a in zip(spec.questions, spec.answers, strict=True)}

        # number and office come from whoever logged it
        number, prefix, office_id = self._number(ref.user_office[creator])
        assignee_at_creation = (
            creator if (creator == tech and (crew_found or kind == "ops" or rng.random() < 0.5)) else None
        )
        reroute = spec.reroute_from is not None and not fcr and rng.random() < 0.03
        department = spec.reroute_from if reroute and spec.reroute_from else spec.department
        fields = {
            "title": title,
            "description": description,
            "status": "new",
            "priority": priority,
            "channel": channel,
            "category_id": ref.categories[ci],
            "department_id": ref.departments[department],
            "location": location,
            "assignee_id": users[assignee_at_creation] if assignee_at_creation else None,
            "escalation_level": 0,
        }
        reporters: tuple[dict[str, Any], ...] = ()
        if requester_id is not None and person is not None:
            reporters = ({"requester_id": requester_id, "channel": channel, "reply_method": person.reply},)

        entries = self._lifecycle(
            t0=t0,
            ci=ci,
            spec=spec,
            tech=tech,
            supervisor=supervisor,
            creator=creator,
            person=person,
            requester_id=requester_id,
            citizen_index=citizen_index,
            final_priority=final_priority,
            raised=raised,
            fcr=fcr,
            outcome=outcome,
            duplicate=duplicate,
            words=words,
            location_text=words["location"],
            assigned=assignee_at_creation is not None,
            reroute=reroute,
            in_hours=in_hours,
        )
        if kind == "field" and outcome != "duplicate" and hot is None:
            self.recent[ci].append((number, t0, place))
        return BulkTicket(
            created_at=datetime.fromtimestamp(t0, UTC),
            created_by=users[creator],
            fields=fields,
            reporters=reporters,
            entries=entries,
            office_id=office_id,
            prefix=prefix,
            intake_answers=answers,
        )

    def _lifecycle(
        self,
        *,
        t0: int,
        ci: int,
        spec: CategorySpec,
        tech: str,
        supervisor: str | None,
        creator: str,
        person: _Person | None,
        requester_id: str | None,
        citizen_index: int,
        final_priority: str,
        raised: bool,
        fcr: bool,
        outcome: str,
        duplicate: tuple[str, int, dict[str, Any]] | None,
        words: dict[str, str],
        location_text: str,
        assigned: bool,
        reroute: bool,
        in_hours: bool,
    ) -> tuple[BulkEntry, ...]:
        """The ticket's later entries in time order, cut at the end of the demo."""
        rng = self.rng
        hours = self.hours
        users = self.ref.users
        kind = spec.kind
        lead = supervisor or "paul.jensen"
        steps: list[tuple[int, int, tuple[Any, ...]]] = []

        def add(
            ts: float,
            kind_: EntryKind,
            author: str,
            field: str | None = None,
            value: Any = None,
            detail: dict[str, Any] | None = None,
            body: str | None = None,
            public: bool = False,
        ) -> None:
            steps.append(
                (int(ts), len(steps), (kind_, users.get(author, author), field, value, detail, body, public))
            )

        if fcr:
            done = t0 + rng.randint(120, 1500)
            if rng.random() < 0.5:
                add(done - 30, EntryKind.TIME_SPENT, creator, detail={"minutes": rng.randint(5, 20)})
            add(
                done,
                EntryKind.RESOLUTION,
                creator,
                field="status",
                value="resolved",
                detail={"reason": "done"},
                body=rng.choice(spec.done).format_map(words),
                public=True,
            )
            self._close(add, done, lead)
            return self._finish(t0, steps)

        wall = final_priority == "P1" or (final_priority == "P2" and not in_hours and spec.hours == "any")
        due = hours.due(t0, final_priority, spec.target)
        window = (due - t0) if wall else hours.between(t0, due)
        late = False
        base = max(900.0, window * (0.08 + 0.9 * rng.random() ** 1.5))  # the normal working time
        if outcome in ("duplicate", "void"):
            base = span = rng.uniform(600, 4 * _HOUR)
        elif outcome in ("referred", "not_city_matter"):
            base = span = max(window, _HOUR) * rng.uniform(0.05, 0.6)
        else:
            roll = rng.random()
            if final_priority == "P1":
                backlog_share, backlog = 0.3, rng.uniform(1, 10) * _DAY
            else:
                backlog_share, backlog = spec.backlog, rng.uniform(20, 250) * (_DAY if wall else _WORKDAY)
            if roll < backlog_share:  # waits for a program, a contractor, parts: weeks or months late
                span = window + backlog
                late = True
            elif roll < backlog_share + LATE_SHARE:
                span = window + rng.expovariate(1 / max(window * 0.5, 3 * _HOUR if wall else 2 * _WORKDAY))
                late = True
            else:
                span = base
        span = max(span, 900.0)
        base = min(base, span)

        def clock(seconds: float) -> int:
            return int(t0 + seconds) if wall else hours.add(t0, seconds)

        def at(fraction: float) -> int:
            """A moment in the normal working time."""
            return clock(fraction * base)

        def anywhere(fraction: float) -> int:
            """A moment anywhere before the resolution."""
            return clock(fraction * span)

        def tail(fraction: float) -> int:
            """A moment in the late part of a late ticket (the normal working time otherwise)."""
            return clock(base + fraction * (span - base)) if late else at(fraction)

        resolved = clock(span)
        short = outcome in ("duplicate", "void", "referred", "not_city_matter")
        field_work = kind == "field" and outcome in ("done", "could_not_locate")
        waiting = spec.waiting and not short and rng.random() < (0.8 if late else 0.2)
        schedule = field_work and final_priority != "P1" and rng.random() < 0.6
        chain = ["assign"] if not assigned else []
        if not short:
            chain.append("progress")
            if schedule:
                chain.append("schedule")
            if waiting:
                chain += ["wait", "resume"]
            chain.append("work")
        fractions = sorted(rng.uniform(0.01, 0.97) for _ in chain)
        moments = dict(zip(chain, fractions, strict=True))
        first = fractions[0] if fractions else 0.5

        if reroute:
            ts = at(first * rng.uniform(0.1, 0.6))
            wrong = spec.reroute_from or spec.department
            add(
                ts,
                EntryKind.ASSIGNMENT,
                self.ref.supervisors.get(wrong, "paul.jensen"),
                field="department_id",
                value=self.ref.departments[spec.department],
            )
            add(
                ts + 5,
                EntryKind.NOTE,
                self.ref.supervisors.get(wrong, "paul.jensen"),
                body=rng.choice(content.REROUTE_NOTES),
            )
        if raised:
            ts = at(first * rng.uniform(0.05, 0.5))
            add(ts, EntryKind.PRIORITY, lead, field="priority", value="P2")
            add(ts + 5, EntryKind.NOTE, lead, body=rng.choice(content.PRIORITY_REASONS))
        if "assign" in moments:
            author = tech if supervisor is None or rng.random() < 0.3 else supervisor
            add(at(moments["assign"]), EntryKind.ASSIGNMENT, author, field="assignee_id", value=users[tech])
        if person is not None and rng.random() < 0.3:
            add(
                at(first * rng.uniform(0.1, 0.9)),
                EntryKind.NOTE,
                creator,
                body=rng.choice(content.ACK_NOTES).format_map(words),
                public=True,
            )
        level = 0
        escalate_share = 0.7 if final_priority == "P1" else 0.2
        if (
            final_priority in ("P1", "P2")
            and spec.escalations
            and not short
            and rng.random() < escalate_share
        ):
            level = 1
            add(
                at(min(0.99, first + rng.uniform(0.01, 0.2))),
                EntryKind.ESCALATION,
                tech,
                field="escalation_level",
                value=1,
                body=spec.escalations[0].format_map(words),
            )
            if len(spec.escalations) > 1 and rng.random() < 0.3:
                level = 2
                add(
                    at(rng.uniform(0.4, 0.8)),
                    EntryKind.ESCALATION,
                    lead,
                    field="escalation_level",
                    value=2,
                    body=spec.escalations[1].format_map(words),
                )
        chased = due + rng.randint(600, 4 * _HOUR)
        if late and level == 0 and chased < resolved - 600 and rng.random() < 0.15:
            add(
                chased,
                EntryKind.ESCALATION,
                lead,
                field="escalation_level",
                value=1,
                body="Past due; asked the crew for a completion date.",
            )
        if "progress" in moments:
            add(at(moments["progress"]), EntryKind.STATUS, tech, field="status", value="in_progress")
        visit = resolved - 60
        if "schedule" in moments:
            scheduled = at(moments["schedule"])
            visit_at = moments["schedule"] + (moments["work"] - moments["schedule"]) * rng.uniform(0.3, 0.95)
            visit = tail(visit_at)
            if late:  # booked a few days ahead of the visit, not months
                scheduled = max(scheduled, visit - int(rng.uniform(1, 6) * _DAY))
            visit = max(visit, scheduled + 1800)
            if (
                scheduled < self.end <= visit < self.end + 7 * _DAY
                and self._today_ok(scheduled)
                and rng.random() < 0.5
            ):
                visit = self._today(scheduled)
            visit = (visit + 899) // 900 * 900
            add(
                scheduled,
                EntryKind.APPOINTMENT,
                tech,
                detail={"at": datetime.fromtimestamp(visit, UTC).isoformat(), "place": location_text},
                body=rng.choice(content.VISIT_NOTES) if rng.random() < 0.4 else None,
            )
            if person is not None and spec.updates and rng.random() < 0.4:
                add(
                    scheduled + 30,
                    EntryKind.NOTE,
                    tech,
                    body=rng.choice(spec.updates).format_map(words),
                    public=True,
                )
        if "wait" in moments and spec.waiting:
            status, why = rng.choice(spec.waiting)
            add(at(moments["wait"]), EntryKind.STATUS, tech, field="status", value=status)
            add(at(moments["wait"]) + 20, EntryKind.NOTE, tech, body=why)
            add(tail(moments["resume"]), EntryKind.STATUS, tech, field="status", value="in_progress")
        if "work" in moments:
            minutes = rng.randint(*spec.minutes)
            work = tail(moments["work"])
            if "schedule" in moments:
                work = max(work, visit + minutes * 60)
            work = min(work, resolved - 30)
            add(
                work,
                EntryKind.TIME_SPENT,
                tech,
                detail={"minutes": minutes},
                body=rng.choice(spec.internal).format_map(words) if rng.random() < 0.5 else None,
            )
        if not short and rng.random() < 0.35:
            add(
                at(rng.uniform(0.2, 0.95)),
                EntryKind.NOTE,
                tech,
                body=rng.choice(spec.internal).format_map(words),
            )
        if person is not None and person.language == "es" and rng.random() < 0.35:
            add(at(rng.uniform(0.02, 0.5)), EntryKind.NOTE, creator, body=rng.choice(content.SPANISH_NOTES))
        if person is not None and not short and rng.random() < 0.2:
            add(
                anywhere(rng.uniform(0.2, 0.9)),
                EntryKind.CALL,
                tech,
                detail={"requester_id": requester_id},
                body=rng.choice(content.CALL_NOTES).format_map(words),
                public=rng.random() < 0.5,
            )
        if person is not None and span > _WORKDAY and rng.random() < 0.12:
            clerk = "maria.lopez" if rng.random() < 0.6 else "kevin.oneill"
            add(
                anywhere(rng.uniform(0.3, 0.95)),
                EntryKind.CALL,
                clerk,
                body=rng.choice(content.FOLLOW_UP_CALLS),
            )
        if citizen_index >= 0 and spec.multi and rng.random() < spec.multi:
            self._more_reporters(add, anywhere, citizen_index)

        detail: dict[str, Any] = {"reason": outcome}
        if outcome == "done":
            body = rng.choice(spec.done)
        elif outcome == "duplicate" and duplicate is not None:
            detail["duplicate_of"] = duplicate[0]
            body = rng.choice(content.DUPLICATE_NOTES)
        elif outcome == "referred":
            detail["agency"] = spec.agency
            body = rng.choice(content.REFERRAL_NOTES)
        elif outcome == "not_city_matter":
            body = spec.not_city or rng.choice(content.NOT_CITY_NOTES)
        elif outcome == "could_not_locate":
            body = rng.choice(content.COULD_NOT_LOCATE_NOTES)
        else:
            body = rng.choice(content.VOID_NOTES)
        resolver = lead if outcome in ("duplicate", "void") else tech
        add(
            resolved,
            EntryKind.RESOLUTION,
            resolver,
            field="status",
            value="resolved",
            detail=detail,
            body=body.format_map(words),
            public=True,
        )
        final = resolved
        if outcome == "done" and kind != "ops" and rng.random() < 0.025:
            reopened = hours.add(resolved, rng.uniform(1, 5) * _WORKDAY)
            add(
                reopened,
                EntryKind.REOPEN,
                lead,
                field="status",
                value="assigned",
                body=rng.choice(content.REOPEN_REASONS),
            )
            add(
                hours.add(reopened, rng.uniform(0.5, 4) * _HOUR),
                EntryKind.STATUS,
                tech,
                field="status",
                value="in_progress",
            )
            final = hours.add(reopened, rng.uniform(0.5, 3) * _WORKDAY)
            add(final - 60, EntryKind.TIME_SPENT, tech, detail={"minutes": rng.randint(*spec.minutes)})
            add(
                final,
                EntryKind.RESOLUTION,
                tech,
                field="status",
                value="resolved",
                detail={"reason": "done"},
                body=rng.choice(spec.done).format_map(words),
                public=True,
            )
        self._close(add, final, lead)
        return self._finish(t0, steps)

    def _today_ok(self, scheduled: int) -> bool:
        i = self.as_of_index
        return self.hours.work[i] and scheduled < self.hours.close[i] - 2 * _HOUR

    def _today(self, scheduled: int) -> int:
        """A visit slot later on the demo's last day."""
        i = self.as_of_index
        low = max(scheduled + 1800, self.hours.open[i])
        return low + int(self.rng.random() * (self.hours.close[i] - _HOUR - low))

    def _more_reporters(
        self, add: Callable[..., None], at: Callable[[float], int], citizen_index: int
    ) -> None:
        """Other people reporting the same problem over the following hours and days."""
        rng = self.rng
        extra = rng.choices((1, 2, 3, 4), weights=(50, 25, 15, 10))[0]
        seen = {citizen_index}
        for _ in range(extra):
            other = rng.randrange(len(self.citizens))
            if other in seen:
                continue
            seen.add(other)
            channel = rng.choice(("phone", "phone", "web", "email"))
            reporter = {
                "id": "",
                "requester_id": self.citizen_ids[other],
                "channel": channel,
                "reply_method": self.citizens[other].reply,
            }
            clerk = "maria.lopez" if rng.random() < 0.55 else "kevin.oneill"
            add(at(rng.uniform(0.01, 0.9)), EntryKind.REPORTER_ADDED, clerk, detail={"reporter": reporter})

    def _close(self, add: Callable[..., None], resolved: int, lead: str) -> None:
        rng = self.rng
        if rng.random() < 0.6:
            add(
                resolved + CLOSE_AFTER_DAYS * _DAY,
                EntryKind.STATUS,
                SYSTEM_USER_ID,
                field="status",
                value="closed",
            )
        else:
            add(
                self.hours.add(resolved, rng.uniform(2, 8) * _WORKDAY),
                EntryKind.STATUS,
                lead,
                field="status",
                value="closed",
            )

    def _finish(self, t0: int, steps: list[tuple[int, int, tuple[Any, ...]]]) -> tuple[BulkEntry, ...]:
        """Sort the steps, make times strictly increasing after creation, and cut at the end."""
        steps.sort(key=lambda step: (step[0], step[1]))
        out: list[BulkEntry] = []
        previous = t0
        for ts, _order, (kind, author, field, value, detail, body, public) in steps:
            ts = max(ts, previous + 1)
            if ts >= self.end:
                break
            previous = ts
            at = datetime.fromtimestamp(ts, UTC)
            if kind is EntryKind.REPORTER_ADDED:
                detail = {"reporter": dict(detail["reporter"], id=uuid7(to_ms(at)))}
            out.append(
                BulkEntry(
                    kind=kind,
                    at=at,
                    author_id=author,
                    field=field,
                    value=value,
                    detail=detail,
                    body=body,
                    public=public,
                )
            )
        return tuple(out)


_CUM_OFFICE = _Generator._cumulative(list(_OFFICE_HOUR_WEIGHTS))


# ---- the entry point --------------------------------------------------------------------------------


def _stream(seed: int, name: str) -> random.Random:
    """An independent, reproducible random stream for one part of the demo."""
    return random.Random(f"citydesk-demo:{seed}:{name}")


def create_demo(
    db: Database,
    *,
    as_of: date,
    tickets: int | None = None,
    seed: int = 1,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo city; same seed and as_of give the same tickets."""
    started = _time.perf_counter()
    if isinstance(as_of, datetime) or not isinstance(as_of, date):
        raise TypeError("as_of must be a date")
    if tickets is not None and tickets < 0:
        raise ValueError("tickets must be zero or more")
    if is_initialized(db):
        raise StorageError("The demo needs an empty database; this one is already set up.")

    setup = initialize_database(
        db,
        city_name=content.CITY_NAME,
        time_zone=content.TIME_ZONE,
        office_code=content.LOCAL_OFFICE[0],
        office_name=content.LOCAL_OFFICE[1],
        demo=True,
        tag=content.DEMO_TAG,
    )
    days_back = (tickets if tickets is not None else DAILY_TICKETS * DEFAULT_DAYS) / DAILY_TICKETS * 1.3 + 60
    all_holidays = set(us_holidays(as_of - timedelta(days=int(days_back)), as_of + timedelta(days=400)))
    plan = _plan_days(as_of, tickets, all_holidays, _stream(seed, "plan"))
    first_date = plan[0].day
    horizon = as_of + timedelta(days=400)
    set_setting(
        db,
        actor=SYSTEM_ACTOR,
        key="holidays",
        value=[
            d.isoformat() for d in sorted(all_holidays) if first_date - timedelta(days=31) <= d <= horizon
        ],
    )
    ref = _write_reference(db, setup.office_id)
    with db.read() as session:
        calendar = load_calendar(session)
    hours = _Hours(calendar, first_date - timedelta(days=1), horizon)
    closes = datetime.combine(as_of, calendar.closes, tzinfo=calendar.tz).astimezone(UTC)
    end = int(min(closes, db.clock.now()).timestamp())
    if end <= hours.midnight[hours.day_index(as_of)]:
        raise ValueError(f"as_of {as_of} is after the database clock's today")

    total = sum(day.count for day in plan)
    book = AddressBook.make(total, _stream(seed, "addresses"))
    book.write(db)
    people_rng = _stream(seed, "people")
    places = Places(people_rng, book)
    citizens, citizen_rows = _make_citizens(
        max(MIN_CITIZENS, total // TICKETS_PER_CITIZEN), people_rng, places
    )
    staff, staff_rows = _make_staff_requesters(STAFF_REQUESTERS, people_rng, ref.departments)
    first_instant = hours.midnight[hours.day_index(first_date)]

    def write(items: list[dict[str, Any]]) -> list[str]:
        """Requesters in transactions of REQUESTER_BATCH rows (the bulk path holds a whole call in memory)."""
        ids: list[str] = []
        for start in range(0, len(items), REQUESTER_BATCH):
            batch = [
                dict(
                    {k: v for k, v in item.items() if k != "_days_before"},
                    created_at=datetime.fromtimestamp(
                        first_instant - int(item["_days_before"] * _DAY) - 3600, UTC
                    ),
                )
                for item in items[start : start + REQUESTER_BATCH]
            ]
            ids += bulk_create_requesters(db, actor=SYSTEM_ACTOR, requesters=batch, capture=False)
        return ids

    citizen_ids = write(citizen_rows)
    staff_ids = write(staff_rows)
    del citizen_rows, staff_rows

    generator = _Generator(
        rng=_stream(seed, "tickets"),
        hours=hours,
        ref=ref,
        places=Places(_stream(seed, "places"), book),
        citizens=citizens,
        citizen_ids=citizen_ids,
        staff=staff,
        staff_ids=staff_ids,
        end=end,
        as_of_index=hours.day_index(as_of),
    )
    generator.plan_hotspots(plan, total)
    if not total:
        progress = None  # nothing to report (and callers divide by the total)
    if progress:
        progress(0, total)
    result = bulk_create_tickets(
        db,
        actor=SYSTEM_ACTOR,
        tickets=generator.tickets(plan),
        capture=False,
        progress=progress,
        total=total,
    )
    first_index = hours.day_index(first_date)
    open_days = [
        BusinessHours(hours.open[i], hours.close[i])
        for i in range(first_index, hours.day_index(as_of) + 1)
        if hours.work[i]
    ]
    contacts = write_demo_contacts(db, days=open_days, end=end, seed=seed)
    return DemoSummary(
        contacts=contacts,
        tickets=result.count,
        requesters=len(citizen_ids) + len(staff_ids),
        users=len(ref.users),
        departments=len(ref.departments),
        categories=len(ref.categories),
        first_date=first_date,
        last_date=as_of,
        elapsed_seconds=_time.perf_counter() - started,
        addresses=len(book.ids),
    )
