"""The demo's tickets, day by day and oldest first: category, requester, place, wording and outcome.

`TicketGenerator.tickets` yields one `BulkTicket` at a time for the bulk path; each ticket's later
entries come from `citydesk.demo.lifecycle`. Everything is drawn from one seeded random stream in a
fixed order, so the same seed and plan give the same tickets.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from citydesk.demo import content
from citydesk.demo.addresses import Places, ticket_location
from citydesk.demo.calendar import DAY, HOUR, Hours, PlannedDay
from citydesk.demo.content import CategorySpec
from citydesk.demo.lifecycle import Lifecycle
from citydesk.demo.people import WORKPLACES, Person
from citydesk.demo.plan import Duplicate, TicketPlan, World
from citydesk.demo.reference import Reference
from citydesk.domain.numbers import format_number, make_prefix
from citydesk.services.bulk import BulkTicket

OFFICE_HOURS = (8, 9, 10, 11, 12, 13, 14, 15, 16)
"""The hours in which requests arrive during opening hours..."""
OFFICE_HOUR_WEIGHTS = (9, 14, 14, 12, 8, 12, 12, 11, 8)
"""...and how busy each is."""


@dataclass(frozen=True, slots=True)
class Hotspot:
    """An address where the same problem keeps coming back (≥ 3 reports in 90 days)."""

    category: int
    place: dict[str, Any]
    citizen: int
    first_day: int
    last_day: int


@dataclass(frozen=True, slots=True)
class TicketText:
    """A ticket's wording: its location value, the template words, title, description, intake answers."""

    location: Any
    words: dict[str, str]
    title: str
    description: str
    answers: dict[str, str] | None


def _compatible(templates: tuple[str, ...], form: str) -> tuple[str, ...]:
    """Templates that fit a place form (no intersection wording for an address, and the reverse)."""
    if form == "address":
        fit = tuple(t for t in templates if "{cross}" not in t)
    elif form == "cross":
        fit = tuple(t for t in templates if "{address}" not in t)
    else:
        fit = templates
    return fit or templates


class TicketGenerator:
    """Builds the demo's tickets oldest first, one BulkTicket at a time."""

    def __init__(
        self,
        *,
        rng: random.Random,
        hours: Hours,
        ref: Reference,
        places: Places,
        citizens: list[Person],
        citizen_ids: list[str],
        staff: list[Person],
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
        self.world = World(
            rng=rng,
            hours=hours,
            ref=ref,
            citizens=citizens,
            citizen_ids=citizen_ids,
            end=end,
            as_of_index=as_of_index,
        )
        self.specs = content.CATEGORIES
        self.counters: dict[str, int] = {}
        self.recent: list[deque[Duplicate]] = [deque(maxlen=40) for _ in self.specs]
        self.hotspots: list[Hotspot] = []
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

    def plan_hotspots(self, plan: list[PlannedDay], total: int) -> None:
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
            self.hotspots.append(Hotspot(category, place, citizen, start, start + 90))
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
            hour = rng.choices(OFFICE_HOURS, cum_weights=_CUM_OFFICE)[0]
            return self.hours.local(index, hour * HOUR + rng.randrange(HOUR)), True
        if hours == "evening":
            seconds = rng.randrange(17 * HOUR, 26 * HOUR) % DAY
        elif hours == "any" and rng.random() < 0.3:
            seconds = rng.randrange(DAY)
        elif workday:
            seconds = (
                rng.randrange(6 * HOUR, 8 * HOUR)
                if rng.random() < 0.3
                else rng.randrange(17 * HOUR, 22 * HOUR)
            )
        else:
            seconds = rng.randrange(7 * HOUR, 22 * HOUR)
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

    def _find_duplicate(self, category: int, ts: int) -> Duplicate | None:
        recent = self.recent[category]
        if recent and ts - recent[-1][1] <= 10 * DAY:
            return recent[-1]
        return None

    # -- the day loop ------------------------------------------------------------------------------

    def tickets(self, plan: list[PlannedDay]) -> Iterator[BulkTicket]:
        """Every ticket of the plan, oldest first."""
        rng = self.rng
        indices = range(len(self.specs))
        for day in plan:
            if day.count <= 0:
                continue
            index = self.hours.day_index(day.day)
            table = self.tables[(day.storm, day.workday)]
            picks = rng.choices(indices, cum_weights=table, k=day.count)
            items: list[tuple[int, int, int, bool, Hotspot | None]] = []
            active = [h for h in self.hotspots if h.first_day <= index <= h.last_day]
            hot_share = len(active) * self.hotspot_rate / day.count
            for order, category in enumerate(picks):
                hot = None
                if active and rng.random() < hot_share:
                    hot = rng.choice(active)
                    category = hot.category
                ts, in_hours = self._creation_time(index, self.specs[category], day.workday)
                if ts >= self.end:
                    low = max(self.hours.midnight[index], self.end - 12 * HOUR)
                    ts = low + int(rng.random() * (self.end - low - 1))
                    in_hours = self.hours.in_hours(ts)
                items.append((ts, order, category, in_hours, hot))
            items.sort(key=lambda item: (item[0], item[1]))
            for ts, _order, category, in_hours, hot in items:
                yield self._ticket(ts, category, in_hours, hot)

    # -- one ticket --------------------------------------------------------------------------------

    def _ticket(self, t0: int, ci: int, in_hours: bool, hot: Hotspot | None) -> BulkTicket:
        """One ticket created at `t0` in category `ci`, with its later entries."""
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
        person, requester_id, citizen_index = self._requester(spec, crew_found, hot)
        creator = self._creator(spec, channel, tech)

        # outcome first: a duplicate takes the location of the ticket it duplicates
        priority = spec.priority
        raised = priority == "P3" and kind == "field" and rng.random() < 0.03
        fcr, outcome, duplicate = self._outcome(ci, t0, in_hours, channel, hot)
        place = self._place(spec, person, duplicate, hot)
        text = self._text(ci, place, person, tech, channel, duplicate)

        # number and office come from whoever logged it
        number, prefix, office_id = self._number(ref.user_office[creator])
        assignee_at_creation = (
            creator if (creator == tech and (crew_found or kind == "ops" or rng.random() < 0.5)) else None
        )
        reroute = spec.reroute_from is not None and not fcr and rng.random() < 0.03
        department = spec.reroute_from if reroute and spec.reroute_from else spec.department
        fields = {
            "title": text.title,
            "description": text.description,
            "status": "new",
            "priority": priority,
            "channel": channel,
            "category_id": ref.categories[ci],
            "department_id": ref.departments[department],
            "location": text.location,
            "assignee_id": users[assignee_at_creation] if assignee_at_creation else None,
            "escalation_level": 0,
        }
        reporters: tuple[dict[str, Any], ...] = ()
        if requester_id is not None and person is not None:
            reporters = ({"requester_id": requester_id, "channel": channel, "reply_method": person.reply},)

        plan = TicketPlan(
            t0=t0,
            spec=spec,
            tech=tech,
            supervisor=supervisor,
            creator=creator,
            person=person,
            requester_id=requester_id,
            citizen_index=citizen_index,
            final_priority="P2" if raised else priority,
            raised=raised,
            fcr=fcr,
            outcome=outcome,
            duplicate=duplicate,
            words=text.words,
            assigned=assignee_at_creation is not None,
            reroute=reroute,
            in_hours=in_hours,
        )
        entries = Lifecycle(self.world, plan).entries()
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
            intake_answers=text.answers,
        )

    def _requester(
        self, spec: CategorySpec, crew_found: bool, hot: Hotspot | None
    ) -> tuple[Person | None, str | None, int]:
        """Who asks: a staff member (IT), a citizen (a hotspot's own often), or nobody (ops, crew-found)."""
        rng = self.rng
        if spec.kind == "it":
            staff_index = rng.randrange(len(self.staff))
            return self.staff[staff_index], self.staff_ids[staff_index], -1
        if spec.kind != "ops" and not crew_found:
            citizen_index = hot.citizen if hot is not None and rng.random() < 0.6 else self._pick_citizen()
            return self.citizens[citizen_index], self.citizen_ids[citizen_index], citizen_index
        return None, None, -1

    def _outcome(
        self, ci: int, t0: int, in_hours: bool, channel: str, hot: Hotspot | None
    ) -> tuple[bool, str, Duplicate | None]:
        """Resolved on first contact or not, how the ticket ends, and the ticket it duplicates if any."""
        rng = self.rng
        spec = self.specs[ci]
        kind = spec.kind
        fcr = (
            spec.fcr > 0
            and in_hours
            and channel in ("phone", "walk_in", "intranet")
            and rng.random() < spec.fcr
        )
        outcome = "done"
        duplicate: Duplicate | None = None
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
        return fcr, outcome, duplicate

    def _place(
        self, spec: CategorySpec, person: Person | None, duplicate: Duplicate | None, hot: Hotspot | None
    ) -> dict[str, Any]:
        """Where the problem is: the duplicated ticket's place, the hotspot, a street, a home, a park."""
        if duplicate is not None:
            return duplicate[2]
        if hot is not None:
            return hot.place
        if spec.location == "street":
            return self.places.street_spot()
        if spec.location == "home":
            home = person.place if person is not None and person.place is not None else None
            return home or self.places.address()
        if spec.location == "park":
            return self.places.park()
        return self.places.address()

    def _text(
        self,
        ci: int,
        place: dict[str, Any],
        person: Person | None,
        tech: str,
        channel: str,
        duplicate: Duplicate | None,
    ) -> TicketText:
        """The ticket's location, template words, title, description and intake answers."""
        rng = self.rng
        spec = self.specs[ci]
        building = rng.choice(WORKPLACES[person.department if person and person.department else "IT"])
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
            "dept": self.ref.department_names[spec.department],
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
        return TicketText(location, words, title, description, answers)


_CUM_OFFICE = TicketGenerator._cumulative(list(OFFICE_HOUR_WEIGHTS))
